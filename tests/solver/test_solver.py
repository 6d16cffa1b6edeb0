"""Unit tests for the STN solver (timeline/solver/)."""

from __future__ import annotations

import copy
import pickle
import random
import time

import pytest

from timeline._errors import InconsistentConstraints, TimelineError
from timeline.relations import HARD, MEDIUM, ORIGIN, STRONG, WEAK, Constraint, Evidence
from timeline.solver._solver import Conflict, solve


def ev(rule: str, text: str = "", spans: tuple[tuple[int, int], ...] = ()) -> Evidence:
    return Evidence(rule, text, spans)


def c(a, b, lo=None, hi=None, strength=MEDIUM, rule="r") -> Constraint:
    return Constraint(a, b, lo, hi=hi, evidence=ev(rule), strength=strength)


def event(name: str) -> Constraint:
    """start <= end, the definitional constraint every event has."""
    return c(f"{name}.start", f"{name}.end", 0, strength=HARD, rule="definition")


def before(x: str, y: str, strength: int = MEDIUM, rule: str = "before") -> Constraint:
    """x ends no later than y starts."""
    return c(f"{x}.end", f"{y}.start", 0, strength=strength, rule=rule)


def chain_sum(chain: list[Constraint], target, which: str) -> int:
    """Walk an explanation from ORIGIN to target and add up the bounds used."""
    at, total = ORIGIN, 0
    for k in chain:
        if which == "latest":  # upper bounds: forward along hi, backward along -lo
            if k.a == at and k.hi is not None:
                total, at = total + k.hi, k.b
            else:
                assert k.b == at and k.lo is not None
                total, at = total - k.lo, k.a
        else:  # lower bounds: forward along lo, backward along -hi
            if k.a == at and k.lo is not None:
                total, at = total + k.lo, k.b
            else:
                assert k.b == at and k.hi is not None
                total, at = total - k.hi, k.a
    assert at == target
    return total


# ------------------------------------------------------------------ model


class TestModel:
    def test_lo_greater_than_hi_is_rejected(self):
        with pytest.raises(ValueError, match="lo > hi"):
            c("a", "b", 5, 3)

    def test_equal_bounds_are_fine(self):
        assert c("a", "b", 3, 3).lo == 3

    def test_a_constraint_needs_a_bound(self):
        with pytest.raises(ValueError, match="no bound"):
            c("a", "b")

    @pytest.mark.parametrize("bad", [1.5, True, "3"])
    def test_bounds_must_be_ints(self, bad):
        with pytest.raises(TypeError):
            c("a", "b", bad)
        with pytest.raises(TypeError):
            c("a", "b", 0, bad)

    @pytest.mark.parametrize("bad", [-1, HARD + 1, 5.0])
    def test_strength_range(self, bad):
        with pytest.raises(ValueError):
            c("a", "b", 0, strength=bad)

    def test_evidence_spans_are_validated_and_frozen(self):
        e = Evidence("on_date", "on May 3", [[3, 11]])
        assert e.spans == ((3, 11),)
        assert hash(e) == hash(Evidence("on_date", "on May 3", ((3, 11),)))
        with pytest.raises(ValueError):
            Evidence("x", "y", ((5, 2),))

    def test_huge_bounds_stay_exact(self):
        big = 10**15 + 1  # minutes far beyond year 9999: ints, never floats
        s = solve([c(ORIGIN, "a", big, big + 1)])
        assert (s.earliest("a"), s.latest("a")) == (big, big + 1)

    def test_origin_is_a_singleton_through_copy_and_pickle(self):
        assert copy.deepcopy(ORIGIN) is ORIGIN
        assert pickle.loads(pickle.dumps(ORIGIN)) is ORIGIN
        assert repr(ORIGIN) == "ORIGIN"


# ------------------------------------------------------------------ bounds


class TestBounds:
    def test_simple_chain(self):
        s = solve([c(ORIGIN, "a", 10, 20), c("a", "b", 5, 5), c("b", "c", 1)])
        assert (s.earliest("a"), s.latest("a")) == (10, 20)
        assert (s.earliest("b"), s.latest("b")) == (15, 25)
        assert (s.earliest("c"), s.latest("c")) == (16, None)
        assert s.consistent and s.dropped == ()

    def test_origin_is_zero(self):
        s = solve([c(ORIGIN, "a", 1, 2)])
        assert (s.earliest(ORIGIN), s.latest(ORIGIN)) == (0, 0)

    def test_negative_times(self):
        s = solve([c("a", ORIGIN, 100, 200)])  # a is 100..200 before the origin
        assert (s.earliest("a"), s.latest("a")) == (-200, -100)

    def test_open_bounds(self):
        s = solve([c(ORIGIN, "a", None, 50), c("b", ORIGIN, None, -5)])
        assert (s.earliest("a"), s.latest("a")) == (None, 50)
        assert (s.earliest("b"), s.latest("b")) == (5, None)

    def test_points_without_path_to_origin_are_unbounded(self):
        s = solve([c("x", "y", 1, 2)], points=["lonely"])
        for p in ("x", "y", "lonely"):
            assert (s.earliest(p), s.latest(p)) == (None, None)
        assert set(s.points) == {"x", "y", "lonely"}

    def test_bound_tightened_by_a_later_point(self):
        # b is at most 30; a ends before b starts, so a is at most 30 too.
        s = solve([event("a"), event("b"), before("a", "b"), c(ORIGIN, "b.start", None, 30)])
        assert s.latest("a.end") == 30
        assert s.latest("a.start") == 30

    def test_unknown_point_raises_key_error(self):
        s = solve([c(ORIGIN, "a", 1, 2)])
        with pytest.raises(KeyError):
            s.earliest("nope")
        with pytest.raises(KeyError):
            s.relation("a", "a", "nope", "a")
        with pytest.raises(KeyError):
            s.latest(["unhashable"])

    def test_mixed_point_types_sort_without_error(self):
        s = solve([c(ORIGIN, 1, 5, 5), c(1, "1", 2, 2), c(("e", 1), 1, 0, 0)])
        assert s.latest("1") == 7 and s.earliest(("e", 1)) == 5

    def test_empty_network(self):
        s = solve([])
        assert s.points == () and s.consistent
        assert s.earliest(ORIGIN) == 0

    def test_rejects_non_constraints(self):
        with pytest.raises(TypeError):
            solve([("a", "b", 0, 1)])


# ------------------------------------------------------------------ distance


class TestDistance:
    def test_distance_between_events(self):
        s = solve([c("a", "b", 2, 5), c("b", "c", 1, 1), c("a", "d", 0)])
        assert s.distance("a", "c") == 6
        assert s.distance("c", "a") == -3
        assert s.distance("a", "d") is None  # d unbounded above relative to a
        assert s.distance("d", "a") == 0
        assert s.distance("c", "c") == 0

    def test_distance_ignores_origin_bounds_it_does_not_need(self):
        s = solve([c(ORIGIN, "a", 0, 1000), c(ORIGIN, "b", 0, 1000), c("a", "b", 3, 4)])
        assert s.distance("a", "b") == 4
        assert s.distance("b", "a") == -3


# ------------------------------------------------------------------ explanations


class TestExplain:
    def test_explain_chain(self):
        anchor = c(ORIGIN, "a", 10, 20, strength=STRONG, rule="on_date")
        step = c("a", "b", 5, 5, rule="after_days")
        s = solve([step, anchor, c("x", "y", 1, 1)])
        assert s.explain("b", "latest") == [anchor, step]
        assert s.explain("b", "earliest") == [anchor, step]
        assert s.explain("a", "latest") == [anchor]
        assert chain_sum(s.explain("b", "latest"), "b", "latest") == 25
        assert chain_sum(s.explain("b", "earliest"), "b", "earliest") == 15

    def test_explain_through_a_backward_step(self):
        # latest(a) comes from b's deadline, back along "a ends before b starts".
        deadline = c(ORIGIN, "b.start", None, 30, rule="by")
        order = before("a", "b")
        s = solve([event("a"), event("b"), order, deadline])
        assert s.explain("a.end", "latest") == [deadline, order]
        assert chain_sum(s.explain("a.start", "latest"), "a.start", "latest") == 30

    def test_explain_unbounded_is_empty(self):
        s = solve([c(ORIGIN, "a", 1, None), c("x", "y", 1, 2)])
        assert s.explain("a", "latest") == []
        assert s.explain("x", "earliest") == []
        assert s.explain(ORIGIN, "latest") == []

    def test_explain_prefers_fewer_steps_on_ties(self):
        direct = c(ORIGIN, "b", None, 10, rule="direct")
        s = solve([c(ORIGIN, "a", None, 4), c("a", "b", None, 6), direct])
        assert s.explain("b", "latest") == [direct]

    def test_explain_rejects_bad_which(self):
        s = solve([c(ORIGIN, "a", 1, 2)])
        with pytest.raises(ValueError):
            s.explain("a", "middle")


# ------------------------------------------------------------------ relation


def two_events(*extra: Constraint):
    return solve([event("a"), event("b"), *extra])


def rel(s) -> str:
    return s.relation("a.start", "a.end", "b.start", "b.end")


class TestRelation:
    def test_before_from_a_direct_constraint(self):
        assert rel(two_events(before("a", "b"))) == "before"

    def test_after_is_the_mirror(self):
        assert rel(two_events(before("b", "a"))) == "after"

    def test_before_through_a_chain_of_events(self):
        s = solve([event(x) for x in "abc"] + [before("a", "c"), before("c", "b")])
        assert rel(s) == "before"

    def test_before_from_anchors_only(self):
        s = two_events(c(ORIGIN, "a.end", None, 10), c(ORIGIN, "b.start", 10, 20))
        assert rel(s) == "before"

    def test_touching_intervals_are_before(self):
        # half-open [start, end): a ends exactly when b starts
        s = two_events(c(ORIGIN, "a.end", 10, 10), c(ORIGIN, "b.start", 10, 10))
        assert rel(s) == "before"

    def test_overlap_from_anchors(self):
        s = two_events(
            c(ORIGIN, "a.start", 0, 0),
            c(ORIGIN, "a.end", 10, 10),
            c(ORIGIN, "b.start", 5, 5),
            c(ORIGIN, "b.end", 20, 20),
        )
        assert rel(s) == "overlap"

    def test_overlap_without_any_anchor(self):
        # b starts strictly inside a.
        s = two_events(c("a.start", "b.start", 1), c("b.start", "a.end", 1))
        assert rel(s) == "overlap"

    def test_one_shared_instant_is_not_entailed_overlap(self):
        # b may start exactly when a ends: overlap is not entailed, nor is before.
        s = two_events(c("a.start", "b.start", 1), c("b.start", "a.end", 0))
        assert rel(s) == "unknown"

    def test_unknown_without_information(self):
        assert rel(two_events()) == "unknown"

    def test_unknown_when_both_orders_possible(self):
        s = two_events(
            c(ORIGIN, "a.start", 0, 100),
            c(ORIGIN, "a.end", 0, 100),
            c(ORIGIN, "b.start", 0, 100),
            c(ORIGIN, "b.end", 0, 100),
        )
        assert rel(s) == "unknown"

    def test_unknown_when_only_one_end_is_known(self):
        # a ends before b ends; b could still start before a ends.
        assert rel(two_events(c("a.end", "b.end", 0))) == "unknown"

    def test_same_interval_overlaps_itself_only_if_nonempty(self):
        s = solve([c("a.start", "a.end", 1)])
        assert s.relation("a.start", "a.end", "a.start", "a.end") == "overlap"
        s = solve([c("a.start", "a.end", 0)])
        assert s.relation("a.start", "a.end", "a.start", "a.end") == "unknown"


# ------------------------------------------------------------------ conflicts


class TestConflicts:
    def test_weakest_is_dropped_and_reported(self):
        strong = before("a", "b", STRONG, rule="explicit_before")
        weak = c("a.start", "b.end", None, -1, strength=WEAK, rule="narrative")  # b ends before a
        s = solve([event("a"), event("b"), strong, weak])
        assert not s.consistent
        assert len(s.dropped) == 1
        conflict = s.dropped[0]
        assert isinstance(conflict, Conflict)
        assert conflict.dropped == weak
        assert strong in conflict.cycle and weak in conflict.cycle
        assert conflict.excess > 0
        assert "weakest" in conflict.reason
        assert weak not in s.constraints and strong in s.constraints
        assert rel(s) == "before"

    def test_hard_constraints_are_never_dropped(self):
        hard = c("a", "b", 1, strength=HARD, rule="definition")
        weak = c("b", "a", 0, strength=WEAK, rule="narrative")
        s = solve([hard, weak])
        assert [k.dropped for k in s.dropped] == [weak]

    def test_strength_decides_not_order(self):
        x = c(ORIGIN, "p", 10, 10, strength=STRONG, rule="on_date")
        y = c(ORIGIN, "p", 20, 20, strength=MEDIUM, rule="on_date")
        for cs in ([x, y], [y, x]):
            s = solve(cs)
            assert [k.dropped for k in s.dropped] == [y]
            assert s.earliest("p") == 10

    def test_tie_is_broken_deterministically(self):
        x = c(ORIGIN, "p", 10, 10, strength=MEDIUM, rule="one")
        y = c(ORIGIN, "p", 20, 20, strength=MEDIUM, rule="two")
        results = {
            (solve(cs).dropped[0].dropped, solve(cs).earliest("p")) for cs in ([x, y], [y, x])
        }
        assert len(results) == 1
        assert "ties go to" in solve([x, y]).dropped[0].reason

    def test_tie_goes_to_the_constraint_first_in_canonical_order(self):
        # Same points, same strength: canonical order compares lo next, so
        # the lo=10 anchor goes in first and the lo=20 one is dropped.
        first = c(ORIGIN, "p", 10, 10, strength=MEDIUM, rule="zzz")
        second = c(ORIGIN, "p", 20, 20, strength=MEDIUM, rule="aaa")
        s = solve([second, first])
        assert [k.dropped for k in s.dropped] == [second]
        assert s.dropped[0].cycle[-1] == second

    def test_a_dropped_constraint_leaves_no_trace(self):
        # The weak constraint's upper bound (p <= 30) is consistent on its
        # own; its lower bound (p >= 25) is not. All of it goes.
        anchor = c(ORIGIN, "p", 10, 20, strength=STRONG)
        weak = c(ORIGIN, "p", 25, 30, strength=WEAK)
        s = solve([anchor, weak, c("p", "q", 0, 100)])
        assert s.constraints == (anchor, s.constraints[1])
        assert weak not in s.constraints
        assert all(weak not in s.explain(p, w) for p in "pq" for w in ("earliest", "latest"))
        assert (s.earliest("p"), s.latest("p")) == (10, 20)

    def test_all_hard_cycle_raises_naming_the_evidence(self):
        x = Constraint(
            "a", "b", 1, evidence=ev("start_before_end", "left", ((0, 4),)), strength=HARD
        )
        y = Constraint("b", "a", 0, evidence=ev("definition", "arrived", ((9, 16),)), strength=HARD)
        with pytest.raises(InconsistentConstraints) as info:
            solve([x, y])
        message = str(info.value)
        assert "start_before_end" in message and "definition" in message
        assert '"arrived"' in message and "9-16" in message
        assert isinstance(info.value, TimelineError)

    def test_self_contradicting_constraint(self):
        loop = c("a", "a", 1, strength=WEAK)
        s = solve([loop, c(ORIGIN, "a", 3, 3)])
        assert [k.dropped for k in s.dropped] == [loop]
        assert s.dropped[0].cycle == (loop,)
        assert s.earliest("a") == 3

    def test_several_conflicts_each_reported(self):
        cs = [event(x) for x in "abcd"]
        cs += [before("a", "b", STRONG), before("c", "d", STRONG)]
        wrong_1 = c("b.end", "a.start", 1, strength=WEAK, rule="narrative")
        wrong_2 = c("d.end", "c.start", 1, strength=WEAK, rule="narrative")
        s = solve([*cs, wrong_1, wrong_2])
        assert sorted(k.dropped.evidence.rule for k in s.dropped) == ["narrative"] * 2
        assert {k.dropped for k in s.dropped} == {wrong_1, wrong_2}

    def test_conflict_through_origin(self):
        # Two dates for the same event start; the narrative order disagrees with both.
        cs = [
            event("a"),
            event("b"),
            c(ORIGIN, "a.start", 100, 110, strength=STRONG, rule="on_date"),
            c(ORIGIN, "b.start", 50, 60, strength=STRONG, rule="on_date"),
            c("a.start", "b.start", 0, strength=WEAK, rule="narrative"),
        ]
        s = solve(cs)
        assert [k.dropped.evidence.rule for k in s.dropped] == ["narrative"]
        assert (s.earliest("b.start"), s.latest("b.start")) == (50, 60)
        assert s.relation("b.start", "b.start", "a.start", "a.start") == "before"

    def test_weak_cycle_member_dropped_even_when_hard_ones_are_on_it(self):
        cs = [
            c("a", "b", 1, strength=HARD),
            c("b", "c", 1, strength=STRONG),
            c("c", "a", 1, strength=WEAK, rule="narrative"),
            c("c", "a", 0, strength=MEDIUM, rule="also_wrong"),
        ]
        s = solve(cs)
        assert {k.dropped.evidence.rule for k in s.dropped} == {"narrative", "also_wrong"}
        assert s.distance("a", "c") is None and s.distance("c", "a") == -2


# ------------------------------------------------------------------ determinism and scale


def random_network(n_events: int, seed: int) -> list[Constraint]:
    rng = random.Random(seed)
    starts = [rng.randrange(10_000 * n_events) for _ in range(n_events)]
    ends = [s + rng.randrange(500) for s in starts]
    cs = []
    for i in range(n_events):
        cs.append(event(f"e{i}"))
        if rng.random() < 0.5:
            cs.append(c(ORIGIN, f"e{i}.start", starts[i] - 60, starts[i] + 60, strength=STRONG))
        for _ in range(2):
            j = rng.randrange(n_events)
            if ends[i] <= starts[j]:
                cs.append(before(f"e{i}", f"e{j}"))
        j = rng.randrange(n_events)
        cs.append(c(f"e{i}.start", f"e{j}.start", 0, strength=WEAK, rule="narrative"))
    return cs


def fingerprint(s) -> tuple:
    pts = s.points
    return (
        tuple((p, s.earliest(p), s.latest(p)) for p in pts),
        tuple((p, tuple(s.explain(p, "earliest")), tuple(s.explain(p, "latest"))) for p in pts),
        s.dropped,
    )


def test_input_order_does_not_matter():
    cs = random_network(60, seed=7)
    expected = fingerprint(solve(cs))
    assert solve(cs).dropped  # the network has conflicts to resolve
    for k in range(3):
        shuffled = cs[:]
        random.Random(k).shuffle(shuffled)
        assert fingerprint(solve(shuffled)) == expected


def test_scales_to_ten_thousand_events():
    cs = random_network(10_000, seed=1)
    t0 = time.perf_counter()
    s = solve(cs)
    elapsed = time.perf_counter() - t0
    assert elapsed < 10, elapsed  # generous: about 0.5 s on a laptop
    for k in s.constraints[:2000]:
        lo, hi = s.earliest(k.a), s.earliest(k.b)
        if lo is not None and hi is not None:  # the earliest times form a solution
            assert k.lo is None or hi - lo >= k.lo
            assert k.hi is None or hi - lo <= k.hi
