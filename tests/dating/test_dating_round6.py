"""Dating rules measured on TBAQ in round 6 (issue 11), sentences written for
these tests: a night ("Friday night", TIMEX3 ...TNI) dates its events on its
own date, as the news and TimeML do, and so outranks the reporting-day
default of the next morning's paper instead of sharing its small hours."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import event_days

from timeline.expressions import TimeExpression, TimexType
from timeline.relations._units import MINUTES_PER_DAY, dated_span, to_minutes

PUB = dt.date(2024, 3, 9)  # a Saturday
FRIDAY = ("2024-03-08", "2024-03-09")


def _days(text: str, trigger: str) -> tuple[str, str]:
    return event_days(text, trigger, PUB, keep_time=True)


@pytest.mark.parametrize(
    ("text", "trigger", "days"),
    [
        # a night's event is dated by its own day, not by the next morning
        ("The gunman fired through the kitchen window on Friday night.", "fired", FRIDAY),
        ("The club closed its doors Friday night after the fire inspection.", "closed", FRIDAY),
        # a report made that night: the night wins over the reporting-day default
        ('"We will not stop," said a statement read Friday night at the rally.', "read", FRIDAY),
        ("The mayor said Friday night that the bridge would reopen.", "said", FRIDAY),
    ],
)
def test_a_night_dates_its_events_on_its_day(text: str, trigger: str, days: tuple[str, str]) -> None:
    earliest, latest = _days(text, trigger)
    assert earliest >= days[0]
    assert latest <= days[1]


def test_dated_span_of_a_night_ends_with_its_date() -> None:
    night = TimeExpression(tid="t1", text="Friday night", start=0, end=12, type=TimexType.TIME,
                           value="2024-03-08TNI", earliest=dt.datetime(2024, 3, 8, 19),
                           latest=dt.datetime(2024, 3, 9, 6))  # fmt: skip
    lo, hi = dated_span(night)
    assert lo == to_minutes(dt.datetime(2024, 3, 8, 19))
    assert hi == to_minutes(dt.date(2024, 3, 9))
    assert hi - lo == 5 * 60


def test_dated_span_keeps_other_parts_of_day() -> None:
    morning = TimeExpression(tid="t1", text="Friday morning", start=0, end=14, type=TimexType.TIME,
                             value="2024-03-08TMO", earliest=dt.datetime(2024, 3, 8, 6),
                             latest=dt.datetime(2024, 3, 8, 12))  # fmt: skip
    assert dated_span(morning) == (to_minutes(morning.earliest), to_minutes(morning.latest))
    day = TimeExpression(tid="t1", text="Friday", start=0, end=6, type=TimexType.DATE, value="2024-03-08",
                         earliest=dt.date(2024, 3, 8), latest=dt.date(2024, 3, 9))  # fmt: skip
    lo, hi = dated_span(day)
    assert hi - lo == MINUTES_PER_DAY


# Story-time across a paragraph break: the day before publication is the day
# of the news too (the morning paper's, the wire story filed the evening
# before), but not when a dateline dates the story on the publication day,
# and not for a quoted comment in the present or a report under an old scene.
@pytest.mark.parametrize(
    ("text", "trigger", "days"),
    [
        ("Rebels seized the town of Kesh on Friday.\n\nThey burned the market and the mill.",
         "burned", FRIDAY),
        ("Rebels seized the town of Kesh on Friday.\n\nThe army said the rebels burned the market.",
         "said", FRIDAY),
    ],
)
def test_the_day_before_publication_carries_across_paragraphs(text, trigger, days) -> None:
    earliest, latest = _days(text, trigger)
    assert earliest >= days[0]
    assert latest <= days[1]


@pytest.mark.parametrize(
    ("text", "trigger", "scene_end"),
    [
        # a dateline on the publication day: the story is today's
        ("KESH, March 9 (Reuters) --\n\nRebels seized the town of Kesh on Friday.\n\n"
         "They burned the market and the mill.", "burned", "2024-03-09"),
        # a quoted comment in the present: the reporter's interview, today
        ("Police found a rifle near the house on Friday.\n\n"
         "``If it is not rusted, it may yield clues,'' said a forensics professor.", "said",
         "2024-03-09"),
        # an old scene does not date the telling
        ("The list of fugitives began in 1950. Since then, 400 fugitives were caught, "
         "the agency said.", "said", "1951-01-01"),
    ],
)
def test_the_scene_does_not_reach_todays_telling(text: str, trigger: str, scene_end: str) -> None:
    earliest, latest = _days(text, trigger)
    assert latest > scene_end, (earliest, latest)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a preposition before a time's possessive governs the whole phrase
        ("In Friday's debate against the mayor, the senator attacked the budget.", "debate"),
        ("Lawyers looked for ways to get around Friday's ruling by the court.", "ruling"),
        ("The council criticised the handling of Friday's meeting with the unions.", "meeting"),
    ],
)
def test_a_time_possessive_dates_its_noun_after_a_preposition(text: str, trigger: str) -> None:
    earliest, latest = _days(text, trigger)
    assert (earliest, latest) == FRIDAY


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("``I object to these moves,'' the father said in the letter, dated Friday.", "said"),
        ("``We cannot stop now!'' said a message that was read Friday night to the crowd.", "said"),
        ("``Nothing is certain,'' said a government communique, read Friday at a rally.", "said"),
    ],
)
def test_a_report_from_a_dated_document_takes_its_date(text: str, trigger: str) -> None:
    earliest, latest = _days(text, trigger)
    assert earliest >= FRIDAY[0]
    assert latest <= FRIDAY[1]


def test_a_dated_thing_that_is_no_document_leaves_the_report_alone() -> None:
    # "the bridge, closed Friday": not the source of the saying
    earliest, latest = _days("Officials said the bridge, closed Friday, would reopen.", "said")
    assert latest > FRIDAY[1], (earliest, latest)
