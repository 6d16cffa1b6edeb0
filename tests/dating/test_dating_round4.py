"""Dating rules measured on TBAQ in round 4 (issue 11), one sentence each
(written for these tests): a time binds to the verb it follows, to the event
noun before its signal and to the past verbs of the sentence it opens;
untimed events take their side of the publication day from their form (a
participle in a past sentence, a present intention, a present modal); a
scene on the publication day goes on across paragraphs."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import event_days, event_rules

PUB = dt.date(2024, 3, 9)  # a Saturday
FRIDAY = ("2024-03-08", "2024-03-09")


def _days(text: str, trigger: str) -> tuple[str, str]:
    return event_days(text, trigger, PUB)


def _rules(text: str, trigger: str) -> set[str]:
    return event_rules(text, trigger, PUB)


@pytest.mark.parametrize(
    ("text", "trigger", "days"),
    [
        # a time right after a verb is the verb's, across the complement's clause
        ("Detectives said Friday they recovered a pistol behind the garage.", "said", FRIDAY),
        ("The mayor announced Friday that the bridge would reopen.", "announced", FRIDAY),
        # an event noun right before "on"/"in" and a time
        ("The bombings on Friday killed twelve people.", "bombings", FRIDAY),
        ("Many were hurt in a blast in 2019.", "blast", ("2019-01-01", "2020-01-01")),
        # "in the burning" is a phrase of its own: Thursday dates the charge
        ("She was charged with arson Thursday in the burning of a warehouse.", "charged",
         ("2024-03-07", "2024-03-08")),
        # a past verb right before a participle shares the participle's time
        ("The car was found abandoned at the airport on Friday.", "found", FRIDAY),
        # ... and an action governing an infinitive shares the infinitive's
        ("They were invited to join the alliance on Friday.", "invited", FRIDAY),
        # the amount of a comparison ends before a full stop: the next
        # sentence's time is not its baseline
        ("Profit fell to more than 5,500. The talks on Friday failed.", "failed", FRIDAY),
        # a time in the sentence's opening phrase dates its past verbs
        ("In composite trading Friday, the shares closed at $20.", "closed", FRIDAY),
        ("Also Friday, the mayor flew to the capital.", "flew", FRIDAY),
        ("But on Friday, investigators searched the site and unearthed a rifle.", "unearthed",
         FRIDAY),
    ],
)
def test_a_time_reaches_the_event_it_modifies(text: str, trigger: str, days: tuple[str, str]) -> None:
    assert _days(text, trigger) == days


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the complement's verb is not dated by the report's time
        ("Detectives said Friday they recovered a pistol behind the garage.", "recovered"),
        # a time inside a noun phrase is not the verb's before it
        ("The airline reported third-quarter profit jumped 45%.", "reported"),
        ("Dealers said Friday's selling showed broad fears.", "said"),
        # the first of a list of days is not the event's day
        ("Leaders will meet at the summit on April 24 and 25.", "summit"),
        # a noun after a preposition is not in the time's noun phrase
        ("She was charged with arson Thursday in the burning of a warehouse.", "burning"),
        # only a past verb takes its participle's time, and only right before it
        ("He is charged with gunning down a doctor on Friday.", "charged"),
        ("He was wanted for questioning on Friday.", "wanted"),
        # nor does a state of mind ("planned"): the plan came before
        ("The team planned to fly home on Friday.", "planned"),
        # a time at the end of a clause is not the opening of the sentence
        ("The group would leave as soon as Friday, the minister said.", "said"),
    ],
)
def test_a_time_does_not_reach_other_events(text: str, trigger: str) -> None:
    assert not {r for r in _rules(text, trigger) if r.startswith("time-")}


@pytest.mark.parametrize(
    ("text", "trigger", "days", "rule"),
    [
        # a participle in a sentence told in the past is over by publication
        ("Albright, arriving after a long flight, met the president.", "arriving",
         ("open", "2024-03-10"), "untensed-past"),
        # a past participle of a happening, whatever the sentence's tense
        ("The laboratory is testing the hair found outside the home.", "found",
         ("open", "2024-03-10"), "untensed-past"),
        # a present intention: what it governs is still to come
        ("The league plans to hold a news conference.", "hold", ("2024-03-09", "open"),
         "intended-ahead"),
        # a present modal: not over before the publication day
        ("The rifle may yield important clues.", "yield", ("2024-03-09", "open"), "modal-ahead"),
        ("``They may match the bullet to the rifle,'' said Rowe.", "match",
         ("2024-03-09", "open"), "modal-ahead"),
    ],
)
def test_untimed_events_take_a_side_of_publication(
    text: str, trigger: str, days: tuple[str, str], rule: str
) -> None:
    assert rule in _rules(text, trigger)
    assert _days(text, trigger) == days


@pytest.mark.parametrize(
    ("text", "trigger", "rule"),
    [
        ("She wanted to arrive after a long flight.", "arrive", "untensed-past"),  # to come
        ("The league planned to hold a news conference.", "hold", "intended-ahead"),  # past plan
        ("He said the rifle could yield clues.", "yield", "modal-ahead"),  # backshifted
        ("The rifle would yield clues.", "yield", "modal-ahead"),  # "would": no present modal
    ],
)
def test_no_side_without_its_form(text: str, trigger: str, rule: str) -> None:
    assert rule not in _rules(text, trigger)


def test_a_scene_on_the_publication_day_goes_on_across_paragraphs() -> None:
    text = "Rebels seized the town on Saturday.\n\nThey burned the market."
    assert _days(text, "burned") == ("2024-03-09", "2024-03-10")
    # a scene on another day still ends at the paragraph break
    text = "Rebels seized the town on Sunday.\n\nThey burned the market."
    assert _days(text, "burned")[0] == "open"
