"""``Relation``: an answer about two events with its confidence and evidence;
``Timeline.relation``, ``start_relation`` and ``relations_of``."""

from __future__ import annotations

import datetime as dt

from timeline import extract
from timeline.relations import MEDIUM, ORIGIN, Constraint, Evidence
from timeline.solver import Relation, solve

PUB = dt.date(2016, 1, 25)


def _by_trigger(tl):
    return {e.trigger: e for e in tl.events}


def test_a_relation_compares_as_its_string():
    r = Relation("before", "likely", ("report-order",))
    assert r == "before" and str(r) == "before" and r != "after"
    assert r in ("before", "after") and {r: 1}["before"] == 1
    assert r != Relation("before", "entailed", ("report-order",))
    assert Relation("unknown").as_dict() == {"relation": "unknown", "confidence": None,
                                              "rules": [], "words": []}  # fmt: skip


def test_entailed_and_likely_answers_carry_their_rules_and_words():
    tl = extract("Officials said rebels seized the town. Then troops arrived.", PUB)
    ev = _by_trigger(tl)
    entailed = tl.start_relation(ev["seized"], ev["said"])
    assert (entailed, entailed.confidence, entailed.rules) == ("before", "entailed",
                                                               ("reported-event",))  # fmt: skip
    assert entailed.evidence[0].text == "said … seized"
    likely = tl.start_relation(ev["seized"], ev["arrived"])
    assert (likely, likely.confidence) == ("before", "likely")
    assert "sentence-connective" in likely.rules
    assert likely.as_dict()["words"]
    # entailed_only gives the firm answer alone, as relation() did before.
    assert tl.start_relation(ev["seized"], ev["arrived"], entailed_only=True) == "unknown"
    assert tl.start_relation(ev["seized"], ev["said"], entailed_only=True) == entailed


def test_interval_relation_with_a_likely_confidence():
    tl = extract("The rebels had fled. Troops entered the town.", PUB)
    ev = _by_trigger(tl)
    answer = tl.relation(ev["fled"], ev["entered"])
    assert (answer, answer.confidence, answer.rules) == ("before", "likely", ("tense-order",))
    assert tl.relation(ev["entered"], ev["fled"]) == "after"
    assert tl.relation(ev["fled"], ev["entered"], entailed_only=True) == "unknown"


def test_an_unknown_answer_has_no_confidence():
    tl = extract("The envoy arrived. Residents returned.", PUB)
    ev = _by_trigger(tl)
    answer = tl.start_relation(ev["arrived"], ev["returned"])
    assert answer == "unknown" and answer.confidence is None and answer.rules == ()


def test_same_start():
    tl = extract("Rebels attacked the base on 3 January 2016 at 10 a.m. "
                 "Troops fired on 3 January 2016 at 10 a.m.", PUB)  # fmt: skip
    ev = _by_trigger(tl)
    same = tl.start_relation(ev["attacked"], ev["fired"])
    assert (same, same.confidence, same.rules) == ("same", "entailed", ("time-within",))
    assert len(same.evidence) == 2  # each anchor once
    assert tl.relation(ev["attacked"], ev["fired"]) == "overlap"


def test_relations_of_lists_the_neighbours_it_is_ordered_against():
    text = ("The storm destroyed the bridge. Officials said repairs would begin. "
            "Residents are waiting. A week passed.")  # fmt: skip
    tl = extract(text, PUB)
    ev = _by_trigger(tl)
    found = {other.trigger: answer for other, answer in tl.relations_of(ev["said"])}
    assert found["destroyed"] == "after" and found["destroyed"].confidence == "likely"
    assert found["begin"] == "before"
    assert "passed" not in found  # two sentences away
    assert all(answer != "unknown" for answer in found.values())
    assert tl.relations_of(ev["said"].id) == tl.relations_of(ev["said"])


def test_solution_path_names_the_chain_behind_a_distance():
    ev = Evidence("test")
    cs = [
        Constraint("a", "b", lo=1, evidence=Evidence("first"), strength=MEDIUM),
        Constraint("b", "c", lo=2, evidence=Evidence("second"), strength=MEDIUM),
        Constraint(ORIGIN, "a", lo=0, hi=10, evidence=ev),
    ]
    sol = solve(cs)
    chain = sol.path("c", "a")  # a - c <= -3
    assert [c.evidence.rule for c in chain] == ["second", "first"]
    assert sol.entails("c", "a", -3) and not sol.entails("c", "a", -4)
    assert sol.path("a", "a") == []
    assert len(sol.given) == 3
