"""Temporal awareness (benchmarks/_awareness.py): closure, reduction and scores."""

from __future__ import annotations

import datetime as dt
import sys
import time

import pytest
from helpers import load_benchmark

aw = load_benchmark("_awareness.py", "_awareness")
L = aw.Link

INVERSE = {
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "IBEFORE": "IAFTER",
    "IAFTER": "IBEFORE",
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
}

# A small story graph without symmetric relations (so inverting every link
# contradicts every link).
STORY = [
    L("A", "BEFORE", "B"),
    L("B", "IBEFORE", "C"),
    L("D", "INCLUDES", "B"),
    L("E", "BEGINS", "D"),
    L("F", "ENDED_BY", "C"),
    L("G", "AFTER", "F"),
    L("T", "IS_INCLUDED", "G"),
]


def test_gold_against_itself_scores_one() -> None:
    a = aw.awareness(STORY, STORY)
    assert (a.precision, a.recall, a.f1) == (1.0, 1.0, 1.0)
    assert a.system == a.gold == len(STORY)  # nothing in STORY is implied by the rest


def test_no_system_links_scores_zero() -> None:
    a = aw.awareness([], STORY)
    assert (a.precision, a.recall, a.f1) == (0.0, 0.0, 0.0)
    assert a.system == 0 and a.gold == len(STORY)


def test_inverted_gold_scores_zero() -> None:
    inverted = [L(x, INVERSE[rel], y) for x, rel, y in STORY]
    a = aw.awareness(inverted, STORY)
    assert a.system_verified == 0 and a.gold_verified == 0
    assert a.f1 == 0.0
    assert a.outcomes[("system", "all", "contradicted")] == len(STORY)


def test_implied_relation_is_verified_but_does_not_recall_the_chain() -> None:
    gold = [L("A", "BEFORE", "B"), L("B", "BEFORE", "C")]
    a = aw.awareness([L("A", "BEFORE", "C")], gold)
    assert a.precision == 1.0  # A < C follows from the gold chain
    assert a.recall == 0.0  # but A < C says nothing of B


def test_same_relation_stated_another_way_is_found() -> None:
    a = aw.awareness([L("B", "AFTER", "A")], [L("A", "BEFORE", "B")])
    assert (a.precision, a.recall) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("links", "implied"),
    [
        # meets + meets: the middle interval has length, so before
        ([L("A", "IBEFORE", "B"), L("B", "IBEFORE", "C")], L("A", "BEFORE", "C")),
        ([L("A", "INCLUDES", "B"), L("B", "INCLUDES", "C")], L("A", "INCLUDES", "C")),
        ([L("A", "ENDS", "B"), L("C", "AFTER", "B")], L("A", "BEFORE", "C")),
        ([L("A", "BEGINS", "B"), L("B", "ENDS", "C")], L("A", "IS_INCLUDED", "C")),
        ([L("A", "DURING", "B"), L("B", "SIMULTANEOUS", "C")], L("C", "IDENTITY", "A")),
        ([L("A", "IS_INCLUDED", "B"), L("B", "BEFORE", "C")], L("A", "BEFORE", "C")),
        ([L("A", "BEGUN_BY", "B"), L("C", "ENDED_BY", "A")], L("B", "BEGINS", "A")),
        ([L("A", "IAFTER", "B"), L("C", "BEFORE", "B")], L("A", "AFTER", "C")),
    ],
)
def test_closure_implies(links, implied) -> None:
    assert aw.Closure(links).entails(implied)


@pytest.mark.parametrize(
    ("links", "not_implied"),
    [
        ([L("A", "BEFORE", "B"), L("C", "BEFORE", "B")], L("A", "BEFORE", "C")),
        ([L("A", "INCLUDES", "B"), L("A", "INCLUDES", "C")], L("B", "BEFORE", "C")),
        ([L("A", "BEGINS", "B")], L("A", "SIMULTANEOUS", "B")),
        ([L("A", "BEFORE", "B")], L("A", "IBEFORE", "B")),
        ([], L("A", "BEFORE", "B")),
        ([L("A", "BEFORE", "B")], L("A", "NOT_A_RELTYPE", "B")),
    ],
)
def test_closure_does_not_imply(links, not_implied) -> None:
    assert not aw.Closure(links).entails(not_implied)


def test_reduction_drops_the_shortcut_and_duplicates() -> None:
    links = [
        L("A", "BEFORE", "B"),
        L("A", "BEFORE", "C"),  # implied by A < B < C
        L("B", "BEFORE", "C"),
        L("C", "AFTER", "B"),  # the same as B < C
    ]
    assert aw.Closure(links).reduced() == [links[0], links[2]]


def test_reduction_keeps_a_spanning_set_of_equalities() -> None:
    links = [
        L("A", "SIMULTANEOUS", "B"),
        L("B", "IDENTITY", "C"),
        L("A", "DURING", "C"),  # implied by the other two
    ]
    reduced = aw.Closure(links).reduced()
    assert reduced == links[:2]


def test_reduction_drops_a_link_implied_through_an_interval_length() -> None:
    links = [
        L("A", "BEFORE", "D"),  # A ends as C starts, C ends as D starts, C has length
        L("A", "IBEFORE", "C"),
        L("C", "IBEFORE", "D"),
    ]
    assert aw.Closure(links).reduced() == links[1:]


def test_reduction_drops_a_link_covered_by_a_later_kept_link() -> None:
    links = [
        L("P", "IBEFORE", "R"),  # P.end = R.start
        L("Q", "BEFORE", "R"),  # Q.end < R.start = P.end: also said by the next link
        L("P", "INCLUDES", "Q"),  # P.start < Q.start (needed) and Q.end < P.end
    ]
    assert aw.Closure(links).reduced() == [links[0], links[2]]


def test_reduction_keeps_a_link_needed_for_one_of_its_facts() -> None:
    # A INCLUDES C is kept for C.end < A.end, which nothing else says (its
    # A.start < C.start is also A INCLUDES B's); A INCLUDES B then follows
    # from the other two: A.start < C.start = B.start, B.end < C.end < A.end.
    links = [L("A", "INCLUDES", "B"), L("B", "BEGINS", "C"), L("A", "INCLUDES", "C")]
    assert aw.Closure(links).reduced() == links[1:]
    assert aw.Closure(links[:2]).reduced() == links[:2]


def test_inconsistent_link_is_dropped_and_the_rest_kept() -> None:
    links = [
        L("A", "BEFORE", "B"),
        L("B", "BEFORE", "C"),
        L("C", "BEFORE", "A"),  # closes a cycle: dropped
        L("C", "SIMULTANEOUS", "A"),  # also contradicts A < C: dropped
        L("C", "BEFORE", "D"),
    ]
    closure = aw.Closure(links)
    assert closure.dropped == [links[2], links[3]]
    assert closure.entails(L("A", "BEFORE", "D"))
    a = aw.awareness(links, links)
    assert a.gold_dropped == 2 and (a.precision, a.recall) == (1.0, 1.0)


def test_link_from_an_entity_to_itself_is_dropped() -> None:
    closure = aw.Closure([L("A", "SIMULTANEOUS", "A"), L("A", "BEFORE", "B")])
    assert closure.dropped == [L("A", "SIMULTANEOUS", "A")]


def test_contradicts() -> None:
    closure = aw.Closure([L("A", "BEFORE", "B"), L("B", "SIMULTANEOUS", "C")])
    assert closure.contradicts(L("C", "BEFORE", "A"))
    assert closure.contradicts(L("A", "IDENTITY", "C"))
    assert not closure.contradicts(L("A", "BEFORE", "D"))  # D unknown: undecided


def test_unaligned_system_entities_never_verify() -> None:
    names = {"s1": "A"}  # s2 has no gold counterpart
    system = aw.renamed([L("s1", "BEFORE", "s2")], names)
    assert system == [L("A", "BEFORE", ("sys", "s2"))]
    a = aw.awareness(system, [L("A", "BEFORE", "B")])
    assert a.system == 1 and a.system_verified == 0


def test_long_chain_is_fast() -> None:
    # 3000 events in a chain plus shortcuts: no cubic blowup.
    n = 3000
    links = [L(i, "BEFORE", i + 1) for i in range(n)]
    links += [L(i, "BEFORE", i + 7) for i in range(0, n - 7, 5)]
    started = time.perf_counter()
    a = aw.awareness(links, links)
    assert time.perf_counter() - started < 10
    assert a.system == n and a.precision == 1.0


def test_inconsistent_graph_is_rebuilt_in_bounded_time() -> None:
    n = 1500
    links = [L(i, "BEFORE", i + 1) for i in range(n)] + [L(n, "BEFORE", 0)]
    started = time.perf_counter()
    closure = aw.Closure(links)
    assert time.perf_counter() - started < 10
    assert closure.dropped == [L(n, "BEFORE", 0)]


# ------------------------------------------------------------------ TimeML documents

_GOLD = (
    '<?xml version="1.0" ?>\n<TimeML>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-09" '
    'functionInDocument="CREATION_TIME">20010309</TIMEX3></DCT>\n'
    "<TEXT>The club "
    '<EVENT eid="e1" class="OCCURRENCE">opened</EVENT> on '
    '<TIMEX3 tid="t1" type="DATE" value="2001-03-05">Monday</TIMEX3> and '
    '<EVENT eid="e2" class="OCCURRENCE">closed</EVENT> a day later.</TEXT>\n'
    '<MAKEINSTANCE eventID="e1" eiid="ei1"/>\n'
    '<MAKEINSTANCE eventID="e2" eiid="ei2"/>\n'
    '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>\n'
    '<TLINK lid="l2" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>\n'
    '<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t0"/>\n'
    "</TimeML>\n"
)

# The same text as a system wrote it: other ids, a wider event extent, and
# one extra event that gold lacks.
_SYSTEM = (
    '<?xml version="1.0" ?>\n<TimeML>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-09" '
    'functionInDocument="CREATION_TIME">2001-03-09</TIMEX3></DCT>\n'
    '<TEXT><EVENT eid="e7" class="OCCURRENCE">The club</EVENT> '
    '<EVENT eid="e4" class="OCCURRENCE">opened on</EVENT> '
    '<TIMEX3 tid="t5" type="DATE" value="2001-03-05">Monday</TIMEX3> and '
    '<EVENT eid="e9" class="OCCURRENCE">closed</EVENT> a day later.</TEXT>\n'
    '<MAKEINSTANCE eventID="e7" eiid="ei7"/>\n'
    '<MAKEINSTANCE eventID="e4" eiid="ei4"/>\n'
    '<MAKEINSTANCE eventID="e9" eiid="ei9"/>\n'
    '<TLINK lid="l1" relType="INCLUDES" timeID="t5" relatedToEventInstance="ei4"/>\n'
    '<TLINK lid="l2" relType="BEFORE" eventInstanceID="ei4" relatedToTime="t0"/>\n'
    '<TLINK lid="l3" relType="AFTER" eventInstanceID="ei9" relatedToEventInstance="ei4"/>\n'
    '<TLINK lid="l4" relType="BEFORE" eventInstanceID="ei7" relatedToTime="t0"/>\n'
    "</TimeML>\n"
)


def _docs():
    timeml = sys.modules["_timeml"]  # loaded by _awareness
    return timeml.read_linked_string(_GOLD, "gold"), timeml.read_linked_string(_SYSTEM, "sys")


def test_alignment_by_extent() -> None:
    gold, system = _docs()
    names, events, times = aw.align(gold, system)
    assert names[("ei", "ei4")] == ("ei", "ei1")
    assert names[("ei", "ei9")] == ("ei", "ei2")
    assert names[("t", "t5")] == ("t", "t1")
    assert names[("t", "t0")] == ("t", "t0")
    assert ("ei", "ei7") not in names
    assert (events, times) == (2, 1)


def test_timeml_documents_scored_after_alignment() -> None:
    gold, system = _docs()
    names = aw.align(gold, system).names
    dct = aw.dct_name(gold)
    a = aw.awareness(
        aw.renamed(aw.document_links(system), names),
        aw.document_links(gold),
        lambda link: aw.link_kind(link, dct),
    )
    # System: opened IS_INCLUDED Monday (verified), opened BEFORE DCT (implied by
    # opened < closed < DCT: verified), closed AFTER opened (verified), and the
    # unaligned "The club" BEFORE DCT (never verified).
    assert (a.system, a.system_verified) == (4, 3)
    # Gold: of its three links, closed BEFORE DCT is not in the system's closure.
    assert (a.gold, a.gold_verified) == (3, 2)
    assert a.outcomes[("system", "DCT-unaligned", "undecided")] == 1
    assert a.outcomes[("gold", "event-DCT", "undecided")] == 1


def test_tense_links() -> None:
    _gold, system = _docs()
    links = aw.tense_links(system, {"e4": "PAST", "e9": "FUTURE", "e7": "PRESENT"})
    assert set(links) == {
        L(("ei", "ei4"), "BEFORE", ("t", "t0")),
        L(("ei", "ei9"), "AFTER", ("t", "t0")),
        L(("ei", "ei7"), "INCLUDES", ("t", "t0")),
    }
    assert aw.tense_links(system, {"e4": "NONE"}) == []


def test_library_timeml_output_against_itself() -> None:
    timeline = pytest.importorskip("timeline")
    timeml = sys.modules["_timeml"]
    text = (
        "The mayor opened the new bridge on Tuesday. Two days later it was closed "
        "for repairs, and it will reopen in June."
    )
    tl = timeline.extract(text, dt.date(2003, 5, 9))
    doc = timeml.read_linked_string(timeline.to_timeml(tl), "doc")
    assert doc.text == text
    links = aw.document_links(doc)
    assert links  # the output states some relations
    names = aw.align(doc, doc).names
    a = aw.awareness(aw.renamed(links, names), links)
    assert (a.precision, a.recall) == (1.0, 1.0)
