"""Dating rules measured on TBAQ in round 8 (issue 11), sentences written for
these tests: a participle told with a dated past verb shares its day
(adjunct-time: "..., vowing", "Retaliating ..., forces launched", "a ceremony
held in", "a statement Friday saying"); a purpose infinitive shares a dated
action's day ("will travel on March 12 to sign"); a bare time after an event
noun's complement dates the noun ("a search of the wooded area Thursday"); a
past happening a dated report tells of ended before the report's day
(reported-before, an assumption); a definite later mention of a dated
happening ("the killing", "his death" after "was shot on Friday") is dated with it
(mention-time); a time after "due" is a term, no event's time; "more than"
is an amount, not a comparison; a tense shift inside a publication-day scene
does not end it; a "since" time or a sentence told in the present sets no
narrative frame; event nouns behind a time compound ("third-quarter loss") or
an abbreviation ("the Oct. 23 slaying") are found."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import event_days, event_of, event_rules

import timeline

PUB = dt.date(2024, 3, 9)  # a Saturday
SATURDAY = ("2024-03-09", "2024-03-10")
FRIDAY = ("2024-03-08", "2024-03-09")
THURSDAY = ("2024-03-07", "2024-03-08")


def _days(text: str, trigger: str) -> tuple[str, str]:
    return event_days(text, trigger, PUB, keep_time=True)


def _within(text: str, trigger: str, days: tuple[str, str]) -> None:
    earliest, latest = _days(text, trigger)
    assert "open" not in (earliest, latest), (earliest, latest)
    assert earliest >= days[0] and latest <= days[1], (earliest, latest)


@pytest.mark.parametrize(
    ("text", "trigger", "days"),
    [
        # a free adjunct after the main clause, and one joined to it by "and"
        ("On Friday, the mayor opened the bridge, calling it a gift to the city.", "calling", FRIDAY),
        ("The army took the port on Friday, freeing the prisoners and opening the road.", "opening", FRIDAY),
        # a participle opening the sentence
        ("Retaliating for the raid, the army shelled the port on Friday.", "Retaliating", FRIDAY),
        # a reduced relative after the verb's phrase
        ("The ministers signed the treaty on Friday at a ceremony held in Vienna.", "held", FRIDAY),
        # a participle right after the time
        ("The ministers issued a statement Friday saying the talks would resume.", "saying", FRIDAY),
    ],
)
def test_a_participle_shares_the_day_of_its_dated_verb(text: str, trigger: str, days: tuple[str, str]) -> None:
    _within(text, trigger, days)
    assert "adjunct-time" in event_rules(text, trigger, PUB)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # another finite verb between: the participle is that verb's
        ("The mayor opened the bridge on Friday; the crowd later cheered, waving flags.", "waving"),
        # "according to" is no happening of its own
        ("The mayor opened the bridge on Friday, according to officials.", "according"),
    ],
)
def test_a_participle_of_another_verb_is_not_dated(text: str, trigger: str) -> None:
    if any(e.trigger == trigger for e in timeline.extract(text, PUB).events):
        assert "adjunct-time" not in event_rules(text, trigger, PUB)


def test_an_adjunct_of_a_scene_verb_across_a_paragraph_break() -> None:
    # the day before publication carries across the break to main past verbs
    # and now to the participles told with them
    text = "Rebels seized the town on Friday.\n\nThey burned the market, killing two guards."
    _within(text, "burned", FRIDAY)
    _within(text, "killing", FRIDAY)


def test_a_purpose_infinitive_shares_the_day_of_the_action() -> None:
    _within("The minister will travel to Vienna on March 12 to sign the treaty.", "sign",
            ("2024-03-12", "2024-03-13"))
    # a month is too wide: the purpose may outlast it
    earliest, latest = _days("In March, the company hired lawyers to fight the ruling.", "fight")
    assert (earliest, latest) == ("open", "open")


@pytest.mark.parametrize(
    ("text", "trigger", "days"),
    [
        ("Officials praised the search of the wooded area Thursday.", "search", THURSDAY),
        ("Officials welcomed the release of the hostages Thursday.", "release", THURSDAY),
    ],
)
def test_a_bare_time_after_a_nouns_complement_dates_the_noun(text: str, trigger: str,
                                                             days: tuple[str, str]) -> None:
    _within(text, trigger, days)


def test_a_time_after_another_event_is_not_the_nouns() -> None:
    # "ordered" stands between the noun and the time
    earliest, _latest = _days("Officials praised the search of the house that police ordered Thursday.", "search")
    assert earliest == "open"


def test_a_reported_happening_ended_before_the_reports_day() -> None:
    text = "Police said on Friday they found a rifle near the house."
    earliest, latest = _days(text, "found")
    assert latest == FRIDAY[0]
    tl, event = event_of(text, "found", PUB)
    points = {f"{event.id}.start", f"{event.id}.end"}
    reported = [c for c in tl.constraints if c.evidence.rule == "reported-before" and {str(c.a), str(c.b)} & points]
    assert reported and all(c.evidence.assumption for c in reported)
    # a time of its own wins
    _within("Police said on Friday they found a rifle on Friday morning.", "found", FRIDAY)
    # not what the report tells as a state of mind
    assert "reported-before" not in event_rules("Police said on Friday the suspect wanted a lawyer.", "wanted", PUB)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The doctor was shot on Friday night in his kitchen.\n\nEven before the killing, the clinic had "
         "received threats.", "killing"),
        ("The doctor was shot on Friday night in his kitchen. Since his death, the clinic has been closed.",
         "death"),
        ("The ceremony on Friday drew 500 guests. Hundreds of them came from abroad. The ceremony lasted "
         "two hours.", "ceremony"),
    ],
)
def test_a_definite_later_mention_is_dated_with_the_happening(text: str, trigger: str) -> None:
    tl = timeline.extract(text, PUB)
    later = [e for e in tl.events if e.trigger == trigger][-1]
    assert later.earliest_start is not None and str(later.earliest_start)[:10] >= FRIDAY[0]
    assert later.latest_end is not None and str(later.latest_end)[:10] <= FRIDAY[1]


def test_an_indefinite_mention_is_another_happening() -> None:
    tl = timeline.extract("The doctor was shot on Friday night in his kitchen. A killing like this is "
                          "rare, the police chief said.", PUB)
    killing = [e for e in tl.events if e.trigger == "killing"]
    assert all(e.earliest_start is None for e in killing)


def test_a_time_after_due_is_a_term() -> None:
    # the notes' maturity, not the day of the sale
    earliest, latest = _days("The company sold $100 million of notes due Nov. 1, 2029, priced at par.", "sold")
    assert earliest == "open"
    assert latest == SATURDAY[1]


def test_more_than_is_an_amount_not_a_comparison() -> None:
    _within("The number of visitors rose to more than 300,000 last year.", "rose", ("2023-01-01", "2024-01-01"))
    # a comparison's baseline after an approximate amount still dates nothing
    earliest, _latest = _days("Profit rose to $5 million from more than $4 million a year earlier.", "rose")
    assert earliest == "open"


def test_a_tense_shift_inside_a_publication_day_scene_does_not_end_it() -> None:
    _within("Rebels seized the town on Saturday. Officials fear more attacks. They burned the market.",
            "burned", SATURDAY)
    # a scene of the day before ends at the shift, as it did
    earliest, _latest = _days("Rebels seized the town on Friday. Officials fear more attacks. They burned the market.",
                              "burned")
    assert earliest == "open"


@pytest.mark.parametrize(
    "first",
    [
        "Australia has been a nation since 1901, but it still recognizes the queen.",
        "The plant, built in 1994, employs 300 people.",
    ],
)
def test_a_since_time_or_a_present_sentence_sets_no_past_frame(first: str) -> None:
    # so a report after it is on the publication day by the reporting-day default
    earliest, latest = _days(f"{first} Officials said the plant will stay open.", "said")
    assert (earliest, latest) == SATURDAY


def test_a_past_sentence_still_sets_a_frame() -> None:
    earliest, _latest = _days("In 1994, police confirmed the body was his. Officials said the case was closed.",
                              "said")
    assert earliest != SATURDAY[0]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The company reported a third-quarter loss.", "loss"),
        ("Police have searched for him since the Oct. 23 slaying.", "slaying"),
        ("Officials discussed the bombing of two embassies last month.", "bombing"),
    ],
)
def test_event_nouns_behind_a_time_compound_or_an_abbreviation_are_found(text: str, trigger: str) -> None:
    tl = timeline.extract(text, PUB)
    noun = next(e for e in tl.events if e.trigger == trigger)
    assert noun.pos == "NOUN"
    assert noun.earliest_start is not None
