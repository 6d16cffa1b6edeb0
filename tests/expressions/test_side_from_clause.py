"""The side of publication of a bare date comes from the text stage's clause reading.

Published on Wednesday 2022-09-21 unless a row says otherwise: the last
Friday is 2022-09-16, the next 2022-09-23.
"""

import datetime as dt

import pytest
from helpers import find

import timeline
from timeline._errors import InputError
from timeline.expressions import tag
from timeline.expressions._side import ClauseReading
from timeline.text import read, split_sentences

WED = dt.date(2022, 9, 21)

CASES = [
    # sentence, extent, value, side
    # a passive past: the past side, even half a year back
    ("The deal was signed on March 21.", "March 21", "2022-03-21", "past"),
    ("He was last seen March 3.", "March 3", "2022-03-03", "past"),
    ("The treaty, signed on March 21, ended the war.", "March 21", "2022-03-21", "past"),
    # perfect and past forms: the past side
    ("The vote had been delayed until Friday.", "Friday", "2022-09-16", "past"),
    ("Three soldiers were killed on Sunday.", "Sunday", "2022-09-18", "past"),
    ("The ministers met on Tuesday in Brussels.", "Tuesday", "2022-09-20", "past"),
    ("The report was published in October.", "October", "2021-10", "past"),
    # a past participle reports a done event
    ("The statements made on Friday were read aloud in court.", "Friday", "2022-09-16", "past"),
    # the time right after a reporting verb is its time, though the text
    # stage's clause of "that ..." begins at the time
    ("Officials announced Friday that the border is open again.", "Friday", "2022-09-16", "past"),
    # a present with a date is a schedule: the future side
    ("The vote is on Saturday.", "Saturday", "2022-09-24", "future"),
    ("The final is on Sunday.", "Sunday", "2022-09-25", "future"),
    ("The museum reopens on Monday after repairs.", "Monday", "2022-09-26", "future"),
    # futures, modals and planning cues: the future side
    ("The talks will be held on Friday.", "Friday", "2022-09-23", "future"),
    ("The election will take place in March.", "March", "2023-03", "future"),
    ("The committee could vote on Thursday.", "Thursday", "2022-09-22", "future"),
    ("The talks are due to begin on Monday.", "Monday", "2022-09-26", "future"),
    ("The talks will resume on March 21.", "March 21", "2023-03-21", "future"),
    # an infinitive of intention, a deferral, a scheduling verb: the event to come
    ("The envoy planned to leave Nairobi on Friday.", "Friday", "2022-09-23", "future"),
    ("The two sides agreed to meet on Friday.", "Friday", "2022-09-23", "future"),
    ("The judge postponed the hearing until Friday.", "Friday", "2022-09-23", "future"),
    ("The talks were extended to Friday.", "Friday", "2022-09-23", "future"),
    ("The mayor has scheduled a news conference Friday.", "Friday", "2022-09-23", "future"),
    # ... but not an infinitive of another verb, nor a past perfect deferral
    ("The envoy tried to leave Nairobi on Friday.", "Friday", "2022-09-16", "past"),
    ("The envoy left Nairobi on Friday.", "Friday", "2022-09-16", "past"),
]


@pytest.mark.parametrize(("sentence", "extent", "value", "side"), CASES)
def test_side_from_the_governing_verb(sentence, extent, value, side):
    e = find(sentence, extent, WED)
    assert (e.value, e.direction) == (value, side)


def test_an_end_point_far_off_keeps_the_nearest_year():
    # "until" marks where the event ends, not when it happens: a past verb
    # does not push the date half a year back
    assert find("The ban was extended until March 6.", "March 6", WED).value == "2023-03-06"


def test_an_object_date_keeps_the_nearest_year():
    # an active verb may take the date as its object ("set Nov. 10 as ...")
    assert find("The board has set Nov. 10 as the deadline.", "Nov. 10", WED).value == "2022-11-10"


def test_without_a_verb_the_cue_words_decide():
    # a headline with no verb group: the cue word "upcoming" points forward
    e = find("Upcoming elections on Sunday", "Sunday", WED)
    assert (e.value, e.direction) == ("2022-09-25", "future")


def test_a_shared_reading_gives_the_same_expressions():
    text = (
        "The deal was signed on March 21.\n\nOfficials said Friday that the vote is on "
        "Saturday.\r\n\r\nThe final is on Sunday.\u2029It was delayed until Friday."
    )
    alone = [(e.text, e.value, e.direction) for e in tag(text, WED)]
    shared = [(e.text, e.value, e.direction) for e in tag(text, WED, analysis=read(text))]
    assert alone == shared
    assert len(alone) == 5


def test_a_reading_of_another_text_is_refused():
    with pytest.raises(InputError):
        tag("The vote is on Saturday.", WED, analysis=read("Another text."))


def test_paragraph_sentences_match_the_whole_text():
    # Sentences read paragraph by paragraph are those of split_sentences.
    text = (
        "Mr. Smith left on Friday. He said Feb. 5 was late.\n \n"
        "U.S. officials met.\r\n\r\nA third paragraph\u2028with a separator. "
        "And a last sentence.\n\n\n"
    )
    reading = ClauseReading(text)
    whole = [(s.start, s.end) for s in split_sentences(text)]
    parts = {
        (s.start, s.end)
        for offset in range(len(text))
        if (s := reading._paragraphs.sentence_at(offset)) is not None
    }
    assert sorted(parts) == whole


def test_the_public_tag_reads_the_clause_too():
    assert timeline.tag("The deal was signed on March 21.", WED)[0].value == "2022-03-21"
