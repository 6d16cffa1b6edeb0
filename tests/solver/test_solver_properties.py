"""Property tests for the STN solver against a brute-force oracle.

Small networks (at most 6 points besides ORIGIN) are solved both by
``timeline.solver._solver.solve`` and by Floyd-Warshall on the distance graph,
written out here; relation() is also checked by enumerating assignments.
"""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from timeline._errors import InconsistentConstraints
from timeline.relations import HARD, MEDIUM, ORIGIN, STRONG, WEAK, Constraint, Evidence
from timeline.solver._solver import solve

INF = math.inf
STRENGTHS = (WEAK, MEDIUM, STRONG, HARD)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ oracle


def floyd_warshall(points, constraints):
    """All-pairs shortest distances d[u][v] (max of time(v) - time(u)); None if inconsistent."""
    d = {u: {v: (0 if u == v else INF) for v in points} for u in points}
    for k in constraints:
        if k.hi is not None:
            d[k.a][k.b] = min(d[k.a][k.b], k.hi)
        if k.lo is not None:
            d[k.b][k.a] = min(d[k.b][k.a], -k.lo)
    for m in points:
        dm = d[m]
        for u in points:
            dum = d[u][m]
            if dum == INF:
                continue
            du = d[u]
            for v in points:
                if dum + dm[v] < du[v]:
                    du[v] = dum + dm[v]
    if any(d[u][u] < 0 for u in points):
        return None
    return d


def as_bound(x):
    return None if x in (INF, -INF) else x


def all_points(constraints, extra=()):
    pts = {ORIGIN, *extra}
    for k in constraints:
        pts.update((k.a, k.b))
    return sorted(pts, key=repr)


def oracle_relation(d, a_s, a_e, b_s, b_e):
    if d[b_s][a_e] <= 0:
        return "before"
    if d[a_s][b_e] <= 0:
        return "after"
    if d[b_e][a_s] <= -1 and d[a_e][b_s] <= -1:
        return "overlap"
    return "unknown"


# ------------------------------------------------------------------ strategies

NAMES = ["p0", "p1", "p2", "p3", "p4", "p5"]


@st.composite
def hidden_network(draw, max_points=6, max_constraints=12, strengths=STRENGTHS):
    """(times, constraints): every constraint holds for the hidden times."""
    n = draw(st.integers(1, max_points))
    names = NAMES[:n]
    times = {p: draw(st.integers(-30, 30)) for p in names}
    times[ORIGIN] = 0
    pool = [ORIGIN, *names]
    constraints = []
    for i in range(draw(st.integers(0, max_constraints))):
        a = draw(st.sampled_from(pool))
        b = draw(st.sampled_from(pool))
        diff = times[b] - times[a]
        lo = draw(st.one_of(st.none(), st.integers(0, 6).map(lambda s, diff=diff: diff - s)))
        hi = draw(st.one_of(st.none(), st.integers(0, 6).map(lambda s, diff=diff: diff + s)))
        if lo is None and hi is None:
            lo = diff
        strength = draw(st.sampled_from(strengths))
        evidence = Evidence(f"rule{i % 3}", f"words {i}", ((i, i + 1),))
        constraints.append(Constraint(a, b, lo, hi=hi, evidence=evidence, strength=strength))
    return times, constraints


def check_against_oracle(sol, constraints, extra=()):
    pts = all_points(constraints, extra)
    d = floyd_warshall(pts, constraints)
    assert d is not None, "the kept constraints must be consistent"
    for p in pts:
        assert sol.latest(p) == as_bound(d[ORIGIN][p]), p
        assert sol.earliest(p) == as_bound(-d[p][ORIGIN]), p
    return d


# ------------------------------------------------------------------ properties


@SETTINGS
@given(hidden_network())
def test_bounds_are_tight_and_contain_the_hidden_times(net):
    times, constraints = net
    sol = solve(constraints)
    assert sol.consistent and sol.dropped == ()
    d = check_against_oracle(sol, constraints)
    pts = all_points(constraints)
    for p in pts:
        lo, hi = sol.earliest(p), sol.latest(p)
        assert lo is None or lo <= times[p]
        assert hi is None or times[p] <= hi
    for u in pts:
        for v in pts:
            assert sol.distance(u, v) == as_bound(d[u][v]), (u, v)


@SETTINGS
@given(hidden_network())
def test_earliest_and_latest_times_each_satisfy_every_constraint(net):
    _times, constraints = net
    sol = solve(constraints)
    for bound in (sol.earliest, sol.latest):
        for k in constraints:
            ta, tb = bound(k.a), bound(k.b)
            if ta is None or tb is None:
                continue
            assert k.lo is None or tb - ta >= k.lo, k
            assert k.hi is None or tb - ta <= k.hi, k


@SETTINGS
@given(hidden_network())
def test_explanations_add_up_to_the_bound(net):
    _times, constraints = net
    sol = solve(constraints)
    for p in sol.points:
        for which, value in (("latest", sol.latest(p)), ("earliest", sol.earliest(p))):
            chain = sol.explain(p, which)
            if value is None:
                assert chain == []
                continue
            # Walk from ORIGIN: an upper bound adds hi going a->b and
            # subtracts lo going b->a; a lower bound adds lo and subtracts hi.
            ahead = "hi" if which == "latest" else "lo"
            behind = "lo" if which == "latest" else "hi"
            at, total = ORIGIN, 0
            for k in chain:
                assert k in constraints
                if k.a == at and getattr(k, ahead) is not None:
                    total, at = total + getattr(k, ahead), k.b
                else:
                    assert k.b == at and getattr(k, behind) is not None
                    total, at = total - getattr(k, behind), k.a
            assert at == p
            assert total == value, (which, p)


@SETTINGS
@given(hidden_network(), st.data())
def test_adding_a_constraint_never_loosens_a_bound(net, data):
    times, constraints = net
    pool = [ORIGIN, *[p for p in NAMES if p in times]]
    a, b = data.draw(st.sampled_from(pool)), data.draw(st.sampled_from(pool))
    diff = times[b] - times[a]
    extra = Constraint(a, b, diff - data.draw(st.integers(0, 5)), evidence=Evidence("extra"))
    before, after = solve(constraints, points=pool), solve([*constraints, extra], points=pool)
    for p in pool:
        e0, e1 = before.earliest(p), after.earliest(p)
        l0, l1 = before.latest(p), after.latest(p)
        assert e0 is None or (e1 is not None and e1 >= e0)
        assert l0 is None or (l1 is not None and l1 <= l0)


@SETTINGS
@given(hidden_network(strengths=(WEAK, MEDIUM, STRONG)), st.randoms(use_true_random=False))
@example(
    net=(
        {ORIGIN: 0, "p0": 0, "p1": 0},
        [
            Constraint("p0", "p1", 1, evidence=Evidence("x"), strength=WEAK),
            Constraint("p1", "p0", 1, evidence=Evidence("x"), strength=WEAK),
        ],
    ),
    rnd=random.Random(0),
).via("equal twins in a conflict")
def test_result_does_not_depend_on_constraint_order(net, rnd):
    _times, constraints = net
    # Possibly inconsistent on purpose: flip some constraints around.
    constraints = [
        Constraint(k.b, k.a, k.lo, hi=k.hi, evidence=k.evidence, strength=k.strength)
        if i % 3 == 0
        else k
        for i, k in enumerate(constraints)
    ]
    shuffled = constraints[:]
    rnd.shuffle(shuffled)
    s1, s2 = solve(constraints), solve(shuffled)
    assert s1.dropped == s2.dropped
    assert s1.constraints == s2.constraints
    for p in s1.points:
        assert (s1.earliest(p), s1.latest(p)) == (s2.earliest(p), s2.latest(p))
        for which in ("earliest", "latest"):
            assert s1.explain(p, which) == s2.explain(p, which)


@SETTINGS
@given(hidden_network(), st.data())
def test_a_planted_contradiction_is_reported_not_crashed_on(net, data):
    times, constraints = net
    pts = all_points(constraints)
    d = floyd_warshall(pts, constraints)
    pairs = [(u, v) for u in pts for v in pts if u != v and d[u][v] < INF]
    assume(pairs)
    u, v = data.draw(st.sampled_from(pairs))
    # time(v) - time(u) <= d[u][v] is entailed; demand more.
    planted = Constraint(
        u,
        v,
        d[u][v] + data.draw(st.integers(1, 5)),
        evidence=Evidence("planted", "contradiction"),
        strength=data.draw(st.sampled_from((WEAK, MEDIUM, STRONG))),
    )
    sol = solve([*constraints, planted])
    assert not sol.consistent and sol.dropped
    kept = list(sol.constraints)
    assert len(kept) + len(sol.dropped) == len(constraints) + 1
    for conflict in sol.dropped:
        assert conflict.dropped in conflict.cycle
        assert conflict.dropped.strength < HARD
        assert conflict.dropped.strength == min(k.strength for k in conflict.cycle)
        assert conflict.excess > 0
        # the reported cycle really is a contradiction on its own
        assert floyd_warshall(all_points(conflict.cycle), list(conflict.cycle)) is None
    check_against_oracle(sol, kept)


@SETTINGS
@given(hidden_network(), st.data())
def test_raises_exactly_when_the_hard_constraints_contradict(net, data):
    _times, constraints = net
    # Scramble some bounds so that contradictions of every strength occur.
    mixed = []
    for k in constraints:
        if data.draw(st.booleans()):
            k = Constraint(k.b, k.a, k.lo, hi=k.hi, evidence=k.evidence, strength=k.strength)
        mixed.append(k)
    hard = [k for k in mixed if k.strength == HARD]
    hard_ok = floyd_warshall(all_points(hard), hard) is not None
    try:
        sol = solve(mixed)
    except InconsistentConstraints:
        assert not hard_ok
    else:
        assert hard_ok
        check_against_oracle(sol, list(sol.constraints))


INTERVAL = ("as", "ae", "bs", "be")


@st.composite
def two_intervals(draw):
    """Constraints on two intervals (and ORIGIN) that a hidden assignment satisfies."""
    times = {ORIGIN: 0}
    for x in "ab":
        start = draw(st.integers(-3, 3))
        times[x + "s"] = start
        times[x + "e"] = start + draw(st.integers(0, 2))
    pool = [ORIGIN, *INTERVAL]
    cs = [Constraint(x + "s", x + "e", 0, evidence=Evidence("def"), strength=HARD) for x in "ab"]
    for _ in range(draw(st.integers(0, 6))):
        a, b = draw(st.sampled_from(pool)), draw(st.sampled_from(pool))
        diff = times[b] - times[a]
        lo = draw(st.one_of(st.none(), st.integers(0, 2).map(lambda s, diff=diff: diff - s)))
        hi = draw(st.one_of(st.none(), st.integers(0, 2).map(lambda s, diff=diff: diff + s)))
        if lo is None and hi is None:
            hi = diff
        cs.append(Constraint(a, b, lo, hi=hi, evidence=Evidence("r")))
    return cs


def satisfies(assignment, constraints):
    for k in constraints:
        diff = assignment[k.b] - assignment[k.a]
        if (k.lo is not None and diff < k.lo) or (k.hi is not None and diff > k.hi):
            return False
    return True


@settings(max_examples=120, deadline=None)
@given(two_intervals())
def test_relation_never_invents_an_order(constraints):
    sol = solve(constraints)
    answer = sol.relation(*INTERVAL)
    # Completeness and exactness against Floyd-Warshall.
    pts = all_points(constraints)
    assert answer == oracle_relation(floyd_warshall(pts, constraints), *INTERVAL)
    # Soundness by enumeration: no satisfying assignment (in a box around
    # the hidden one) contradicts what relation() claims.
    for values in itertools.product(range(-5, 6), repeat=4):
        assignment = dict(zip(INTERVAL, values, strict=True))
        assignment[ORIGIN] = 0
        if not satisfies(assignment, constraints):
            continue
        a_s, a_e, b_s, b_e = values
        if answer == "before":
            assert a_e <= b_s, assignment
        elif answer == "after":
            assert b_e <= a_s, assignment
        elif answer == "overlap":
            assert a_s < b_e and b_s < a_e, assignment


def scrambled_network(seed: int) -> list[Constraint]:
    """A larger network (up to 40 points) where about a third of the
    constraints are wrong, so that many conflicts interleave."""
    rng = random.Random(seed)
    names = [f"q{i}" for i in range(rng.randint(2, 40))]
    times = {p: rng.randint(-100, 100) for p in names}
    times[ORIGIN] = 0
    pool = [ORIGIN, *names]
    cs = []
    for i in range(rng.randint(1, 4 * len(names))):
        a, b = rng.choice(pool), rng.choice(pool)
        diff = times[b] - times[a]
        if rng.random() < 0.3:
            diff = -diff + rng.randint(-5, 5)
        lo = diff - rng.randint(0, 10) if rng.random() < 0.7 else None
        hi = diff + rng.randint(0, 10) if lo is None or rng.random() < 0.7 else None
        strength = rng.choice((WEAK, MEDIUM, STRONG))
        cs.append(Constraint(a, b, lo, hi=hi, evidence=Evidence(f"r{i}"), strength=strength))
    return cs


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_many_interleaved_conflicts_leave_a_correct_network(seed):
    cs = scrambled_network(seed)
    sol = solve(cs)
    kept = list(sol.constraints)
    assert len(kept) + len(sol.dropped) == len(cs)
    pts = all_points(cs)
    d = check_against_oracle(sol, kept, extra=pts)
    rng = random.Random(seed)
    for _ in range(10):
        u, v = rng.choice(pts), rng.choice(pts)
        assert sol.distance(u, v) == as_bound(d[u][v])
    for conflict in sol.dropped:
        assert floyd_warshall(all_points(conflict.cycle), list(conflict.cycle)) is None


@SETTINGS
@given(hidden_network(max_points=6, max_constraints=14), st.data())
def test_entails_and_the_shared_searches_around_a_point_agree_with_the_oracle(net, data):
    # entails() searches without entering pinned points (earliest == latest);
    # around() shares one search per hub among many questions. Both must give
    # exactly the answers of the all-pairs distances, whichever questions are
    # asked and in whatever order.
    _times, constraints = net
    sol = solve(constraints)
    pts = all_points(constraints)
    d = check_against_oracle(sol, sol.constraints, pts)
    hub = data.draw(st.sampled_from(pts))
    around = sol.around(hub)
    questions = [(u, v, t) for u in pts for v in pts for t in (-1, 0, 1)
                 if hub in (u, v)]  # fmt: skip
    for u, v, t in data.draw(st.permutations(questions)):
        expected = d[u][v] <= t
        assert sol.entails(u, v, t) == expected, (u, v, t)
        assert around.entails(u, v, t) == expected, (u, v, t)
    for u, v, t in questions[:6]:
        assert around.entails(v, u, t) == (d[v][u] <= t)
    # questions that touch no hub: a search of their own
    for u, v in [(u, v) for u in pts for v in pts if hub not in (u, v)][:12]:
        for t in (-1, 0, 1):
            assert around.entails(u, v, t) == (d[u][v] <= t), (u, v, t)
    with pytest.raises(KeyError):
        around.entails("no such point", hub, 0)
    with pytest.raises(KeyError):
        around.entails(hub, "no such point", 0)


def test_a_path_through_a_pinned_point_is_found_through_the_origin():
    # a <= noon <= b, with noon pinned: the only path from b to a runs through
    # the pinned point, which the searches skip; the ORIGIN test must find it.
    ev = Evidence("r")
    noon = "noon"
    constraints = [
        Constraint(ORIGIN, noon, 720, hi=720, evidence=ev, strength=HARD),
        Constraint("a", noon, 0, evidence=ev),
        Constraint(noon, "b", 0, evidence=ev),
        Constraint("a", "c", 5, evidence=ev),
    ]
    sol = solve(constraints)
    assert sol.entails("b", "a", 0)  # time(a) - time(b) <= 0
    assert sol.around("a").entails("b", "a", 0)
    assert sol.around("b").entails("b", "a", 0)
    assert not sol.around("a").entails("a", "b", -1)
    # and a path no bound shows is searched for: a - c <= -5, not -6
    assert sol.around("c").entails("c", "a", -5)
    assert not sol.around("c").entails("c", "a", -6)
