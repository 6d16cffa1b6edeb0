"""Dating rules measured on TBAQ in round 7 (issue 11), sentences written for
these tests: an intention or action verb's time reaches the infinitive or
-ing complement it governs ("On Friday, the council planned to pay the
claims"), not what an aspectual verb began (its start only), nor a report's
complement; a when-clause after a time is dated by its first verb even behind
a long subject ("Thursday, when two leaders and 133 other people were
arrested"); an event noun that a verb of occurring has as subject is dated
with it ("The bombings occurred on Friday")."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import event_days

import timeline

PUB = dt.date(2024, 3, 9)  # a Saturday
FRIDAY = ("2024-03-08", "2024-03-09")
THURSDAY = ("2024-03-07", "2024-03-08")


def _days(text: str, trigger: str) -> tuple[str, str]:
    return event_days(text, trigger, PUB, keep_time=True)


@pytest.mark.parametrize(
    ("text", "trigger", "days"),
    [
        # the time of an intention reaches what was intended
        ("On Friday, the council planned to pay the first claims.", "pay", FRIDAY),
        ("On Friday, rebels attempted to seize the airport.", "seize", FRIDAY),
        # an event noun that a verb of occurring has as subject
        ("The suspected car bombings occurred on Friday, officials said.", "bombings", FRIDAY),
        ("The vote will take place on March 12.", "vote", ("2024-03-12", "2024-03-13")),
        # a when-clause after a time: its first verb, behind a long subject
        ("Trading was calm until Thursday, when two opposition leaders and 133 other people were arrested.",
         "arrested", THURSDAY),
    ],
)
def test_a_time_reaches_the_complement_or_when_clause(text: str, trigger: str, days: tuple[str, str]) -> None:
    earliest, latest = _days(text, trigger)
    assert earliest >= days[0]
    assert latest <= days[1]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # what began goes on after the beginning (the aspectual rule: its start only)
        ("Warplanes began bombing the port on Friday.", "bombing"),
        # a report's complement has its own time
        ("The mayor said on Friday the crews would repair the bridge.", "repair"),
        # "began" is not a verb of occurring: the strike goes on after Friday
        ("The strike began on Friday.", "strike"),
        # a clause mark between "when" and the verb: not the when-clause's verb
        ("Prices fell on Thursday, when, according to traders who watched the market, buyers vanished.",
         "watched"),
    ],
)
def test_the_time_stays_with_its_own_event(text: str, trigger: str) -> None:
    earliest, latest = _days(text, trigger)
    assert latest == "open" or latest > "2024-03-09"


def test_a_date_line_word_inside_a_sentence_is_not_a_dateline() -> None:
    # "published" in a story sentence dates the publishing, even on publication day
    earliest, latest = _days("The mayor said in a letter published Saturday that the bridge will reopen.",
                             "published")
    assert (earliest, latest) == ("2024-03-09", "2024-03-10")
    # a date line at the top still dates the text, not an event
    tl = timeline.extract("Published: Saturday 9 March 2024\n\nThe mayor resigned on Friday.", PUB)
    assert [e.trigger for e in tl.events] == ["resigned"]
