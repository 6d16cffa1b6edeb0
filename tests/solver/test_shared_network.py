"""A sub-network (or the network with more constraints) solved from its
parent's canonical order (``Canonical``) and the network's adjacency of edge
ids: the same answers as a plain solve."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.relations import MEDIUM, ORIGIN, STRONG, WEAK, Constraint, Evidence
from timeline.solver._network import Canonical
from timeline.solver._solver import solve

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ["p0", "p1", "p2", "p3", "p4", "p5"]


@st.composite
def network(draw):
    """Any small network (conflicts included, never between HARD ones) and extra points."""
    pool = [ORIGIN, *NAMES[: draw(st.integers(1, len(NAMES)))]]
    constraints = []
    for i in range(draw(st.integers(0, 14))):
        lo = draw(st.one_of(st.none(), st.integers(-10, 10)))
        hi = draw(st.one_of(st.none(), st.integers(0, 10).map(lambda d, lo=lo: (lo or 0) + d)))
        if lo is None and hi is None:
            lo = 0
        evidence = Evidence(f"rule{i % 3}", f"words {i}", ((i, i + 1),))
        constraints.append(Constraint(draw(st.sampled_from(pool)), draw(st.sampled_from(pool)),
                                      lo, hi=hi, evidence=evidence,
                                      strength=draw(st.sampled_from((WEAK, MEDIUM, STRONG)))))
    extra = draw(st.lists(st.sampled_from(["q0", "q1", *NAMES]), max_size=3))
    return constraints, extra


def _answers(sol):
    out = {"points": sol.points, "given": sol.given, "kept": sol.constraints,
           "dropped": [(k.cycle, k.dropped, k.reason, k.excess) for k in sol.dropped]}
    for p in (ORIGIN, *sol.points):
        out[p] = (sol.earliest(p), sol.latest(p), sol.explain(p, "earliest"),
                  sol.explain(p, "latest"))
    return out


@SETTINGS
@given(network(), st.sampled_from(["rule0", "rule1", "rule2"]), st.booleans())
def test_a_canonical_subset_solves_as_a_plain_list(net, rule, dropped):
    constraints, extra = net
    parent = solve(constraints, extra)
    kept = Canonical.subset(parent, lambda c: c.evidence.rule != rule, dropped=dropped)
    fast = solve(kept, kept.points)
    plain = solve(list(kept), parent.points)
    assert _answers(fast) == _answers(plain)
    assert fast._net.index is parent._net.index  # the parent's index, not built again


@SETTINGS
@given(network(), network())
def test_a_canonical_extension_solves_as_sorting_all_again(net, more_net):
    constraints, extra = net
    parent = solve(constraints, extra)
    known = {ORIGIN, *parent.points}
    # the merges of one happening: more constraints between the network's points,
    # some equal to constraints it has (ties keep the earlier first)
    more = [c for c in more_net[0] if c.a in known and c.b in known] + constraints[:2]
    ordered = Canonical.extended(parent, more)
    assert ordered is not None
    fast = solve(ordered, ordered.points)
    plain = solve(constraints + more, extra)
    assert _answers(fast) == _answers(plain)
    assert fast._net.index is parent._net.index


def test_an_extension_with_a_new_point_is_refused():
    ev = Evidence("r", "w", ((0, 1),))
    parent = solve([Constraint(ORIGIN, "a", 1, hi=2, evidence=ev)])
    assert Canonical.extended(parent, [Constraint("a", "new", 0, evidence=ev)]) is None


def test_other_points_take_the_usual_path():
    ev = Evidence("r", "w", ((0, 1),))
    parent = solve([Constraint(ORIGIN, "a", 1, hi=2, evidence=ev)], ["b"])
    kept = Canonical.subset(parent, lambda c: True)
    alone = solve(kept, ())  # "b" is not asked for: a network of its own
    assert alone.points == ("a",) and alone._net.index is not parent._net.index


def test_adjacency_holds_edge_ids():
    # Ids, not (node, weight, id) tuples: one int per edge for both directions.
    ev = Evidence("r", "w", ((0, 1),))
    sol = solve([Constraint(ORIGIN, "a", 1, hi=2, evidence=ev),
                 Constraint("a", "b", 0, evidence=ev)])  # fmt: skip
    rows = [e for row in (*sol._net.out, *sol._net.inn) for e in row]
    assert rows and all(type(e) is int for e in rows)
    assert sol.latest("a") == 2 and sol.earliest("b") == 1
