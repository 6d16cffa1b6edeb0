"""The dating rules of issue 11, one sentence each (written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

import timeline

PUB = dt.date(2024, 3, 9)  # a Saturday


def _event(text: str, trigger: str, published: dt.date = PUB):
    tl = timeline.extract(text, published)
    return tl, next(e for e in tl.events if e.trigger == trigger)


def _days(event) -> tuple[str, str]:
    def day(m):
        return "open" if m is None else (m.date() if isinstance(m, dt.datetime) else m).isoformat()
    return day(event.earliest_start), day(event.latest_end)


@pytest.mark.parametrize(
    ("text", "trigger", "days"),
    [
        # clause-time: the day of one clause reaches its temporal clause, either way round
        ("The defendant wept as the judge read the verdict on Thursday.", "wept",
         ("2024-03-07", "2024-03-08")),
        ("When police arrived on Friday, the gunman fled.", "fled", ("2024-03-08", "2024-03-09")),
        # story-time: the scene's day carries through the paragraph's past sentences
        ("Rebels seized the town on Sunday. They burned the market. They freed prisoners.",
         "freed", ("2024-03-03", "2024-03-04")),
        # binding: "between X and Y" is one range for the event
        ("Advance voting was held between April 3 and May 9.", "held", ("2024-04-03", "2024-05-10")),
    ],
)
def test_a_day_reaches_its_events(text: str, trigger: str, days: tuple[str, str]) -> None:
    _tl, event = _event(text, trigger, dt.date(2024, 5, 14) if "May" in text else PUB)
    assert _days(event) == days


def test_scene_ends_at_a_paragraph_break_and_a_tense_shift() -> None:
    text = "Rebels seized the town on Sunday.\n\nThey burned the market."
    assert _days(_event(text, "burned")[1])[0] == "open"
    text = "Rebels seized the town on Sunday. They had burned the market. They freed prisoners."
    assert _days(_event(text, "freed")[1])[0] == "open"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Profit rose to 3.2 billion from 2.9 billion a year earlier.", "rose"),
        ("It was the most storms since the 2005 season.", "storms"),
    ],
)
def test_a_comparison_time_dates_no_event(text: str, trigger: str) -> None:
    assert _days(_event(text, trigger)[1])[0] == "open"


def test_reporting_day_is_an_assumption() -> None:
    tl, said = _event("The ministry said the road was closed.", "said")
    assert _days(said) == ("2024-03-09", "2024-03-10")
    rules = [c.evidence for c in tl.constraints if c.evidence.rule == "reporting-day"]
    assert rules and all(ev.assumption for ev in rules)


def test_no_reporting_day_in_a_past_frame() -> None:
    tl, _confirmed = _event("In 1994, police confirmed the find.", "confirmed")
    assert not [c for c in tl.constraints if c.evidence.rule == "reporting-day"]


def test_live_blog_stamp_dates_its_entry() -> None:
    text = "Storm live: rivers rise\n\n14:32 GMT\nRescuers reached the village by boat.\n"
    _tl, reached = _event(text, "reached")
    assert _days(reached) == ("2024-03-09", "2024-03-09")
    assert reached.latest_end == dt.datetime(2024, 3, 9, 14, 33)


def test_caption_date_dates_no_event() -> None:
    text = ("Rebels seized the bridge on Saturday.\n\n"
            "A man walks on the rubble, February 20, 2024. REUTERS/Ali Hassan\n\n"
            "The army said it would retake the town.\n")  # fmt: skip
    tl = timeline.extract(text, PUB)
    assert "walks" not in [e.trigger for e in tl.events]
    assert all(_days(e)[0] == "open" or _days(e)[0] >= "2024-03-01" for e in tl.events)


def test_of_two_clashing_dates_the_nearer_is_kept() -> None:
    tl, arrested = _event("Police arrested the driver on Monday at the border on Friday.", "arrested")
    assert _days(arrested) == ("2024-03-04", "2024-03-05")
    (conflict,) = tl.conflicts
    assert conflict.dropped.evidence.text == "arrested … on Friday"


def test_an_explicit_date_outranks_tense() -> None:
    tl, visit = _event("The minister will visit Rome on March 3.", "visit")
    assert _days(visit) == ("2024-03-03", "2024-03-04")
    assert [c.dropped.evidence.rule for c in tl.conflicts] == ["tense-future"]


def test_now_in_a_paragraph_set_in_the_past_is_then() -> None:
    text = "In the spring of 2009 the firm was in turmoil. Its chief was now seen as too cautious."
    tl, seen = _event(text, "seen")
    assert _days(seen) == ("2009-03-01", "2009-06-01")
    notes = {c.evidence.description for c in tl.constraints if "now" in c.evidence.text}
    assert notes == {"the paragraph's time, not the publication day"}


def test_now_in_present_day_context_is_the_publication_day() -> None:
    _tl, seen = _event("The chief is now seen as too cautious.", "seen")
    assert _days(seen)[0] == "2024-03-09"


def test_from_one_date_to_another_is_a_range_not_a_comparison() -> None:
    _tl, ran = _event("The festival ran from 6 January to 15 January.", "ran", dt.date(2016, 1, 20))
    assert _days(ran) == ("2016-01-06", "2016-01-16")
