"""Dating rules measured on TBAQ in round 9 (issue 11), sentences written for
these tests: a time inside a quotation is the speaker's, so it neither sets
nor ends the story's scene (story-time); a past perfect in a relative or
subordinate clause is no flashback of the sentence, so the scene goes on; a
past verb shares the day of its dated free adjunct ("sought ..., saying on
Friday"), the other way round from round 8's adjunct-time; an event noun's
complement before a bare time may hold a possessive ("a decline of 87 cents
in the company's stock yesterday"); a
completed happening in the present perfect, a passive ("have been
transferred") or with "already", was over before the publication day (tense-result,
an assumption), not a state, a negative subject's or one going on "since"."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import event_days, event_rules

from timeline._errors import DataTableError
from timeline.relations import _tense

PUB = dt.date(2024, 3, 9)  # a Saturday
FRIDAY = ("2024-03-08", "2024-03-09")


def _within(text: str, trigger: str, days: tuple[str, str]) -> None:
    earliest, latest = event_days(text, trigger, PUB, keep_time=True)
    assert "open" not in (earliest, latest), (earliest, latest)
    assert earliest >= days[0] and latest <= days[1], (earliest, latest)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a quoted time does not end Friday's scene ...
        ("Rebels seized the town on Friday. ``We will leave tomorrow,'' the commander told "
         "the crowd. Then the rebels burned the market.", "burned"),
        # ... nor become the scene of the sentences after it
        ("``We were pushed out of the talks in January,'' Adams said on Friday. He told "
         "reporters the party would return.", "told"),
        ("\"We were pushed out of the talks in January,\" Adams said on Friday. He told "
         "reporters the party would return.", "told"),
    ],
)  # fmt: skip
def test_a_quoted_time_neither_sets_nor_ends_the_scene(text: str, trigger: str) -> None:
    _within(text, trigger, FRIDAY)
    assert "story-time" in event_rules(text, trigger, PUB)


def test_a_quotation_ends_at_a_blank_line() -> None:
    # An unclosed quotation does not run into the next paragraph: its time there is the story's.
    text = ("``We were pushed out in January, Adams said.\n\n"
            "The party returned to the talks on Friday. Its leaders then met the mayor.")  # fmt: skip
    _within(text, "met", FRIDAY)


def test_a_past_perfect_in_a_relative_clause_does_not_end_the_scene() -> None:
    text = ("In July 2023, the league met in Lisbon. Two other clubs, which had applied "
            "twice for a place, were turned away.")  # fmt: skip
    assert event_days(text, "turned", PUB) == ("2023-07-01", "2023-08-01")


def test_a_main_past_perfect_still_ends_the_scene() -> None:
    text = ("In July 2023, the league met in Lisbon. The two clubs had applied twice for "
            "a place. They were turned away.")  # fmt: skip
    assert event_days(text, "turned", PUB) == ("open", "2024-03-10")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Four prisoners have been transferred to the regional court.", "transferred"),
        ("Nine officials have been charged in the bribery inquiry.", "charged"),
        ("The mayor has already met with the protesters.", "met"),
        ("The government already has contributed $3 million in aid.", "contributed"),
    ],
)
def test_a_completed_present_perfect_was_over_before_the_publication_day(text: str, trigger: str) -> None:
    assert event_days(text, trigger, PUB)[1] == "2024-03-09"
    assert "tense-result" in event_rules(text, trigger, PUB)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("No suspects have been identified.", "identified"),  # a negative subject
        ("No one has been named as a suspect.", "named"),
        ("The company has been locked in litigation with its rival.", "locked"),  # a state
        ("The road has been closed since Monday.", "closed"),  # still going on
        ("The mayor has met with the protesters.", "met"),  # no completion named
        ("The council has been asked to approve the plan.", "asked"),  # not a happening
    ],
)
def test_no_completed_result_no_end_before_the_publication_day(text: str, trigger: str) -> None:
    assert event_days(text, trigger, PUB)[1] in ("2024-03-10", "open")
    assert "tense-result" not in event_rules(text, trigger, PUB)


def test_a_past_verb_shares_the_day_of_its_dated_adjunct() -> None:
    text = "The minister sought to soften the words, saying on Friday that the talks had failed."
    _within(text, "sought", FRIDAY)
    assert "adjunct-time" in event_rules(text, "sought", PUB)


def test_an_adjunct_dates_no_verb_with_a_time_of_its_own() -> None:
    text = "The minister spoke on Thursday, saying on Friday that the talks had failed."
    assert event_days(text, "spoke", PUB) == ("2024-03-07", "2024-03-08")


def test_a_possessive_inside_a_noun_complement_before_a_bare_time() -> None:
    text = "Concern about the chip caused a decline of 87 cents in the company's stock yesterday."
    _within(text, "decline", FRIDAY)
    assert "time-within" in event_rules(text, "decline", PUB)


def test_a_quotation_mark_still_ends_a_noun_complement() -> None:
    text = "Analysts saw a decline of the 'safe' stocks yesterday."
    assert event_days(text, "decline", PUB) == ("open", "open")


def test_a_missing_perfect_result_table_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _tense._perfect_result_table.cache_clear()
    monkeypatch.setattr(_tense, "dating_table", lambda: {"perfect_result": {"completion": "already"}})
    try:
        with pytest.raises(DataTableError, match=r"\[perfect_result\] completion"):
            _tense._perfect_result_table()
    finally:
        monkeypatch.undo()
        _tense._perfect_result_table.cache_clear()
