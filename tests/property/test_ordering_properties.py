"""Hypothesis properties of ``relation`` and ``start_relation`` over small news
stories built from clauses written for the tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.relations import to_minutes
from timeline.solver._timeline import NEIGHBOURS

PUB = dt.date(2016, 1, 25)

OPENERS = ["", "Then ", "Earlier, ", "Two days later, ", "On Sunday, ", "However, "]
CLAUSES = [
    "rebels seized the town", "troops had fled", "officials said the bridge fell",
    "the army will withdraw", "residents are returning", "police arrested the man who "
    "stole the car", "the council decided to close the school", "talks collapsed after "
    "the vote", "the guards slept while the prisoners escaped", "witnesses said so",
    "the mayor announced that repairs would begin", "the storm destroyed roads on Friday",
]  # fmt: skip
JOINS = [". ", ", and ", " because ", " when ", ", officials said. "]

STORIES = st.lists(
    st.tuples(st.sampled_from(OPENERS), st.sampled_from(CLAUSES), st.sampled_from(JOINS)),
    min_size=1,
    max_size=5,
).map(lambda parts: "".join(o + c + j for o, c, j in parts).strip().capitalize())

MIRROR = {"before": "after", "after": "before", "overlap": "overlap", "same": "same",
          "unknown": "unknown"}  # fmt: skip


def _pairs(tl: timeline.Timeline):
    events = sorted(tl.events, key=lambda e: e.trigger_start)
    for i, a in enumerate(events):
        for b in events[i + 1 : i + 8]:
            yield a, b


@settings(max_examples=40, deadline=None)
@given(STORIES)
def test_relations_are_antisymmetric(text):
    tl = timeline.extract(text, PUB)
    for a, b in _pairs(tl):
        for ask in (tl.relation, tl.start_relation):
            forward, backward = ask(a, b), ask(b, a)
            assert MIRROR[str(forward)] == backward, (text, a.trigger, b.trigger)
            assert forward.confidence == backward.confidence


@settings(max_examples=40, deadline=None)
@given(STORIES)
def test_entailed_only_answers_are_a_subset_of_the_default_ones(text):
    tl = timeline.extract(text, PUB)
    for a, b in _pairs(tl):
        for ask in (tl.relation, tl.start_relation):
            firm = ask(a, b, entailed_only=True)
            assert firm.confidence in (None, "entailed")
            if firm != "unknown":
                default = ask(a, b)
                assert (str(default), default.confidence) == (str(firm), "entailed")


def _m(moment):
    return to_minutes(moment)


def _possible(order: str, a, b) -> bool:
    """Whether the solved bounds leave room for ``a order b``."""
    if order == "before":  # a.end <= b.start
        es, le = _m(a.earliest_end), _m(b.latest_start)
        return es is None or le is None or es <= le
    if order == "after":
        return _possible("before", b, a)
    return True


def _starts_possible(order: str, a, b) -> bool:
    """Whether the solved start bounds leave room for ``a.start order b.start``."""
    if order == "before":
        es, ls = _m(a.earliest_start), _m(b.latest_start)
        return es is None or ls is None or es < ls
    if order == "after":
        return _starts_possible("before", b, a)
    return True


@settings(max_examples=40, deadline=None)
@given(STORIES)
def test_entailed_answers_never_contradict_the_solved_bounds(text):
    tl = timeline.extract(text, PUB)
    for a, b in _pairs(tl):
        answer = tl.relation(a, b)
        if answer.confidence == "entailed":
            assert _possible(str(answer), a, b), (text, a.trigger, b.trigger, answer)
        start = tl.start_relation(a, b)
        if start.confidence == "entailed":
            assert _starts_possible(str(start), a, b), (text, a.trigger, b.trigger, start)


@settings(max_examples=20, deadline=None)
@given(STORIES)
def test_relations_of_lists_only_known_answers_of_neighbours(text):
    tl = timeline.extract(text, PUB)
    for event in tl.events:
        for other, answer in tl.relations_of(event):
            assert other.id != event.id and abs(other.sentence - event.sentence) <= 1
            assert answer != "unknown" and answer.confidence in ("entailed", "likely")
            assert answer.rules


def _neighbours(tl, event) -> set[str]:
    """The ids ``relations_of`` is documented to look at: of the sentence
    before, its last NEIGHBOURS events; of the next, its first; of its own,
    the NEIGHBOURS nearest on each side (in text order)."""
    rows: dict[int, list[str]] = {}
    for e in sorted(tl.events, key=lambda e: e.trigger_start):
        if e.source == event.source:
            rows.setdefault(e.sentence, []).append(e.id)
    own = rows[event.sentence]
    at = own.index(event.id)
    near = set(rows.get(event.sentence - 1, [])[-NEIGHBOURS:])
    near |= set(rows.get(event.sentence + 1, [])[:NEIGHBOURS])
    near |= set(own[max(0, at - NEIGHBOURS) : at + NEIGHBOURS + 1])
    return near - {event.id}


@settings(max_examples=20, deadline=None)
@given(STORIES)
def test_relations_of_gives_the_answers_of_relation_and_start_relation(text):
    # relations_of answers an event's questions from searches it shares among
    # its neighbours; each answer (value, confidence and evidence) must be the
    # one the single questions give, and no known answer of a neighbour may be
    # left out (a story run into one sentence has more than 2 * NEIGHBOURS
    # events in it: the farther ones are not asked about).
    tl = timeline.extract(text, PUB)
    for event in tl.events:
        listed = {other.id: answer for other, answer in tl.relations_of(event)}
        near = _neighbours(tl, event)
        assert set(listed) <= near
        for other in tl.events:
            if other.id not in near:
                continue
            single = tl.relation(event, other)
            if single == "unknown":
                single = tl.start_relation(event, other)
            if single == "unknown":
                assert other.id not in listed
            else:
                assert listed[other.id] == single, (text, event.trigger, other.trigger)
