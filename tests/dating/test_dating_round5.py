"""Dating rules measured on TBAQ in round 5 (issue 11), one sentence each
(written for these tests): a purpose infinitive's time dates the past action
it serves; past verbs joined by "and" share the day one of them names; the
verb of a relative clause on a dated event noun happened within its time."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import event_days, event_rules

PUB = dt.date(2024, 3, 9)  # a Saturday
FRIDAY = ("2024-03-08", "2024-03-09")
JANUARY = ("2023-01-01", "2023-02-01")


def _days(text: str, trigger: str) -> tuple[str, str]:
    return event_days(text, trigger, PUB)


def _rules(text: str, trigger: str) -> set[str]:
    return event_rules(text, trigger, PUB)


@pytest.mark.parametrize(
    ("text", "trigger", "days"),
    [
        # a purpose infinitive: its time is the action's
        ("Two rival bidders extended their offers to buy the brewery Friday.", "extended", FRIDAY),
        ("The council staged a parade to mark the town's anniversary on Friday.", "staged", FRIDAY),
        # past verbs joined by "and"
        ("Four people were killed and nine injured in a gas explosion on Friday.", "killed", FRIDAY),
        ("The storm flooded the valley and cut power to the coast on Friday.", "flooded", FRIDAY),
        # the verb of a relative clause on a dated event noun
        ("He has hidden since the January 2023 bombing of a warehouse that destroyed the archive.",
         "destroyed", JANUARY),
        # ... and the past verb joined to it
        ("He has hidden since the January 2023 bombing of a depot that killed a guard and "
         "destroyed the archive.", "destroyed", JANUARY),
    ],
)
def test_round5_dates(text: str, trigger: str, days: tuple[str, str]) -> None:
    assert _days(text, trigger) == days


@pytest.mark.parametrize(
    ("text", "trigger", "rule"),
    [
        # a state of mind does not share the action's time
        ("The firm said the plan started in May and expected to grow.", "expected", "coordinate-time"),
        # a clause mark between them: not coordinated
        ("The ferry sank on Friday; rescuers reached the shore.", "reached", "coordinate-time"),
        # a relative clause on a noun no time dates
        ("Police said the bombing of a depot that destroyed the archive was planned.",
         "destroyed", "relative-time"),
    ],
)
def test_round5_rule_not_applied(text: str, trigger: str, rule: str) -> None:
    assert rule not in _rules(text, trigger)


def test_round5_purpose_needs_the_clause() -> None:
    # a comma, another clause: the time is the participle's plan, not the growth's
    assert _days("The firm grew, hoping to open a shop on Friday.", "grew")[0] == "open"


def test_round5_rules_named() -> None:
    assert "coordinate-time" in _rules(
        "Four people were killed and nine injured in a gas explosion on Friday.", "killed")
    assert "relative-time" in _rules(
        "He has hidden since the January 2023 bombing of a warehouse that destroyed the archive.",
        "destroyed")
