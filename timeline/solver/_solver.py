"""Simple Temporal Network solver (Dechter, Meiri and Pearl 1991).

Time points are hashable ids ("e3.start", "t2.end"); the constant ``ORIGIN``
is time 0. A ``Constraint`` says ``lo <= time(b) - time(a) <= hi`` and becomes
two edges of the distance graph: ``a -> b`` with weight ``hi`` and ``b -> a``
with weight ``-lo``. Then, with ``d`` the shortest-path distance:

- the network is consistent iff the graph has no negative cycle;
- ``latest(p) = d(ORIGIN, p)`` and ``earliest(p) = -d(p, ORIGIN)``;
- ``d(u, v)`` is the tightest entailed upper bound on ``time(v) - time(u)``.

``solve`` inserts the constraints one at a time, strongest first, keeping
a feasible potential (Johnson's reweighting) up to date: most insertions
cost O(1), the rest a pair of small Dijkstra searches (see
``_Potentials``). A constraint that would close a negative cycle is not
inserted: it is the weakest on that cycle, and it is reported with the
cycle as a ``Conflict``. With the final potentials, edge weights are
non-negative and two Dijkstra searches from ``ORIGIN``, forward and
backward, give every bound and the chain of constraints behind it. Other
distances are computed on demand by one bounded Dijkstra search; nothing
is all-pairs.

Everything is processed in a canonical order of points and constraints, so
the result does not depend on the order the caller gave them in.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import Any, Literal, TypeAlias

import attrs

from timeline._errors import InconsistentConstraints
from timeline.relations._constraint import (
    HARD,
    MEDIUM,
    ORIGIN,
    STRONG,
    WEAK,
    Constraint,
    Evidence,
    Point,
    Relation,
)

__all__ = [
    "HARD",
    "MEDIUM",
    "ORIGIN",
    "STRONG",
    "WEAK",
    "Conflict",
    "Constraint",
    "Evidence",
    "Point",
    "Relation",
    "Solution",
    "solve",
]



@attrs.frozen
class Conflict:
    """A negative cycle found in the input and the constraint dropped to break it.

    Attributes:
        cycle: The constraints on the cycle, in cycle order, ending with
            the dropped one.
        dropped: The constraint removed: it closed the cycle and is the
            weakest on it.
        reason: Why that one was chosen, in words.
        excess: By how much the cycle's bounds disagree, in time units
            (the cycle's weight, negated; always > 0).
    """

    cycle: tuple[Constraint, ...]
    dropped: Constraint
    reason: str
    excess: int = attrs.field(kw_only=True)


# ------------------------------------------------------------- canonical order


def _point_key(p: Point) -> tuple[int, str, str]:
    # Points may be of mixed types, so compare a textual key. Strings (the
    # normal case) compare as themselves; other types need a stable repr.
    if p is ORIGIN:
        return (0, "", "")
    if isinstance(p, str):
        return (1, "", p)
    return (2, type(p).__qualname__, repr(p))


def _constraint_key(c: Constraint, index: dict[Point, int]) -> tuple[Any, ...]:
    """Sort key of a constraint, given the canonical index of the points.

    Flat, with ints first: sorting 50,000 constraints is a visible part of
    ``solve`` and nested tuples compare slowly.
    """
    ev = c.evidence
    return (
        index[c.a],
        index[c.b],
        c.lo is None,
        c.lo or 0,
        c.hi is None,
        c.hi or 0,
        -c.strength,
        ev.rule,
        ev.text,
        ev.spans,
        ev.description is not None,
        ev.description or "",
    )


# ------------------------------------------------------------- the network

# Adjacency entries are (other node, weight, edge id); edge ids index the
# parallel lists _Net.src / _Net.dst / _Net.cons.
_Adj: TypeAlias = list[list[tuple[int, int, int]]]


@attrs.define
class _Net:
    """Internal arrays shared by ``solve`` and ``Solution``."""

    points: list[Point]
    index: dict[Point, int]
    constraints: list[Constraint]
    src: list[int]
    dst: list[int]
    weight: list[int]
    cons: list[int]
    first: list[int]  # edges of constraint ci are first[ci] .. first[ci + 1] - 1
    out: _Adj
    inn: _Adj
    h: list[int] = attrs.field(factory=list)
    dropped: set[int] = attrs.field(factory=set)


def _build(constraints: Iterable[Constraint], extra: Iterable[Point]) -> _Net:
    """Index points and constraints canonically and list the edges.

    Adjacency starts empty: ``_Potentials.insert`` fills it.
    """
    cons = list(constraints)
    seen: set[Point] = {ORIGIN}
    seen.update(extra)
    for c in cons:
        if not isinstance(c, Constraint):
            raise TypeError(f"expected a Constraint, got {type(c).__name__}")
        seen.add(c.a)
        seen.add(c.b)
    points = sorted(seen, key=_point_key)
    index = {p: i for i, p in enumerate(points)}
    cons.sort(key=lambda c: _constraint_key(c, index))
    src: list[int] = []
    dst: list[int] = []
    weight: list[int] = []
    owner: list[int] = []
    first: list[int] = []
    for ci, c in enumerate(cons):
        first.append(len(src))
        a, b = index[c.a], index[c.b]
        if c.hi is not None:
            src.append(a)
            dst.append(b)
            weight.append(c.hi)
            owner.append(ci)
        if c.lo is not None:
            src.append(b)
            dst.append(a)
            weight.append(-c.lo)
            owner.append(ci)
    first.append(len(src))
    return _Net(
        points=points,
        index=index,
        constraints=cons,
        src=src,
        dst=dst,
        weight=weight,
        cons=owner,
        first=first,
        out=[[] for _ in points],
        inn=[[] for _ in points],
    )


# ------------------------------------------------------------- potentials


class _Potentials:
    """A feasible potential kept up to date as edges are inserted one by one.

    ``h`` is a potential: ``h[v] <= h[u] + w`` on every edge inserted, so the
    reduced cost ``w + h[u] - h[v]`` of every edge is >= 0. It starts at 0
    (no edges). An edge ``u -> v`` whose reduced cost ``r`` is negative
    closes a negative cycle iff the graph has a path ``v -> u`` with reduced
    length below ``-r``. Two Dijkstra searches on reduced costs look for one,
    forward from ``v`` and backward from ``u``, each bounded by ``-r``, and
    meet in the middle. If neither finds it, whichever search exhausts its
    region first has found every label to repair: lowering the nodes
    reached from ``v`` or, equally valid, raising the nodes that reach
    ``u``. Taking the smaller side keeps the work local even when the
    other side runs through a hub such as ``ORIGIN``, which every date
    anchor touches (Ramalingam and Reps' incremental shortest paths, with
    a bidirectional twist).
    """

    def __init__(self, net: _Net) -> None:
        self.net = net
        self.h = [0] * len(net.points)

    def insert(self, ci: int) -> list[int] | None:
        """Insert constraint ``ci``; return a negative cycle instead if it closes one.

        The cycle is a list of edge ids ending with an edge of ``ci``. On a
        cycle no edge of ``ci`` is left in the network. ``h`` may keep a
        repair made for its other edge: that is harmless, as a potential
        stays feasible when edges are removed.
        """
        net, h = self.net, self.h
        added: list[int] = []
        for e in range(net.first[ci], net.first[ci + 1]):
            u, v, w = net.src[e], net.dst[e], net.weight[e]
            r = w + h[u] - h[v]
            if r < 0:
                cycle = [e] if u == v else self._repair(u, v, e, -r)
                if cycle is not None:
                    for f in added:
                        net.out[net.src[f]].pop()
                        net.inn[net.dst[f]].pop()
                    return cycle
            net.out[u].append((v, w, e))
            net.inn[v].append((u, w, e))
            added.append(e)
        return None

    def _repair(self, u: int, v: int, e: int, limit: int) -> list[int] | None:
        """Make room for edge ``e = u -> v`` (reduced cost ``-limit``) or find a cycle."""
        h, out, inn = self.h, self.net.out, self.net.inn
        pop, push = heapq.heappop, heapq.heappush
        # Forward state (from v) and backward state (to u): label, parent
        # edge, settled nodes in order, heap, and work done (edges scanned).
        fd, fvia, fdone, fheap = {v: 0}, {}, {}, [(0, v)]
        bd, bvia, bdone, bheap = {u: 0}, {}, {}, [(0, u)]
        fwork = bwork = 0
        while True:
            while fheap and fheap[0][1] in fdone:
                pop(fheap)
            while bheap and bheap[0][1] in bdone:
                pop(bheap)
            if not fheap:  # every label that must drop is known: lower them
                for x, d in fdone.items():
                    h[x] -= limit - d
                return None
            if not bheap:  # likewise, raise every node that reaches u too cheaply
                for x, d in bdone.items():
                    h[x] += limit - d
                return None
            # Balance the two searches by edges scanned, so that a hub is
            # scanned only when the other side has done as much work.
            xf, xb = fheap[0][1], bheap[0][1]
            if fwork + len(out[xf]) <= bwork + len(inn[xb]):
                d, x = pop(fheap)
                fdone[x] = d
                fwork += len(out[x])
                hx = h[x]
                for y, w, f in out[x]:
                    nd = d + w + hx - h[y]
                    if nd < fd.get(y, limit):
                        fd[y] = nd
                        fvia[y] = f
                        push(fheap, (nd, y))
                        if y in bd and nd + bd[y] < limit:
                            return self._cycle(v, y, u, fvia, bvia) + [e]
            else:
                d, x = pop(bheap)
                bdone[x] = d
                bwork += len(inn[x])
                hx = h[x]
                for y, w, f in inn[x]:
                    nd = d + w + h[y] - hx
                    if nd < bd.get(y, limit):
                        bd[y] = nd
                        bvia[y] = f
                        push(bheap, (nd, y))
                        if y in fd and nd + fd[y] < limit:
                            return self._cycle(v, y, u, fvia, bvia) + [e]

    def _cycle(
        self, v: int, meet: int, u: int, fvia: dict[int, int], bvia: dict[int, int]
    ) -> list[int]:
        """Edges of the path v -> meet (forward tree) -> u (backward tree)."""
        src, dst = self.net.src, self.net.dst
        head = []
        x = meet
        while x != v:
            f = fvia[x]
            head.append(f)
            x = src[f]
        head.reverse()
        x = meet
        while x != u:
            f = bvia[x]
            head.append(f)
            x = dst[f]
        return head


def _conflict(net: _Net, ci: int, cycle: list[int]) -> Conflict:
    """Describe the cycle that constraint ``ci`` closed, or raise if it is HARD."""
    seen: list[int] = []
    for e in cycle:
        if net.cons[e] not in seen and net.cons[e] != ci:
            seen.append(net.cons[e])
    on_cycle = tuple(net.constraints[k] for k in [*seen, ci])
    excess = -sum(net.weight[e] for e in cycle)
    new = net.constraints[ci]
    if new.strength >= HARD:
        # Constraints go in strongest first, so everything on the cycle is HARD.
        listed = "; ".join(str(k.evidence) for k in on_cycle)
        raise InconsistentConstraints(
            f"HARD constraints contradict each other (by {excess}): {listed}"
        )
    others = [k.strength for k in on_cycle if k is not new]
    reason = f"weakest on the cycle (strength {new.strength}"
    if others:
        reason += "; others " + ", ".join(map(str, sorted(set(others))))
    if new.strength in others:
        reason += "; ties go to the constraint first in canonical order"
    reason += ")"
    return Conflict(on_cycle, new, reason, excess=excess)


# ------------------------------------------------------------- shortest paths


def _dijkstra(
    adj: _Adj,
    h: list[int],
    source: int,
    forward: bool = True,
    target: int = -1,
    limit: int | None = None,
) -> tuple[dict[int, int], dict[int, int]]:
    """Reduced distances and parent edges from ``source``.

    Searches ``adj`` (``out`` forward, ``inn`` backward) with Johnson's
    reduced costs ``w + h[tail] - h[head]``, which are >= 0 for a feasible
    potential ``h``. Ties on distance go to the path with fewer edges
    (shorter explanations), then to the lower node index. Stops once
    ``target`` is settled or every remaining label exceeds ``limit``.
    """
    sign = 1 if forward else -1
    dist: dict[int, int] = {}
    via: dict[int, int] = {}
    best: dict[int, tuple[int, int]] = {source: (0, 0)}
    heap = [(0, 0, source)]
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        d, k, u = pop(heap)
        if u in dist:
            continue
        if limit is not None and d > limit:
            break
        dist[u] = d
        if u == target:
            break
        k1 = k + 1
        hu = h[u]
        for v, w, e in adj[u]:
            if v in dist:
                continue
            nd = d + w + sign * (hu - h[v])
            old = best.get(v)
            if old is None or nd < old[0] or (nd == old[0] and k1 < old[1]):
                best[v] = (nd, k1)
                via[v] = e
                push(heap, (nd, k1, v))
    return dist, via


def _latest_potential(net: _Net, h: list[int], latest: dict[int, int]) -> list[int]:
    """A feasible potential equal to the latest times wherever they exist.

    Reduced costs then measure slack against the latest schedule, so the
    searches behind ``distance`` and ``relation`` stay near their points;
    with arbitrary potentials they can sweep most of a large network.
    Nodes without a latest time cannot be reached from ORIGIN, so no edge
    runs from a bounded node to them; shifting their old potential up by a
    constant large enough for their edges into bounded nodes keeps every
    edge feasible.
    """
    shift = 0
    for u, row in enumerate(net.out):
        if u not in latest:
            for v, w, _e in row:
                if v in latest:
                    shift = max(shift, latest[v] - h[u] - w)
    return [latest[x] if x in latest else h[x] + shift for x in range(len(h))]


# ------------------------------------------------------------- results


@attrs.frozen(eq=False)
class Solution:
    """The solved network: bounds, explanations, entailed order, conflicts.

    Queries raise ``KeyError`` for a point that was neither in a constraint
    nor in ``points``. All times are in the caller's unit.

    Attributes:
        consistent: True when the input needed no drops.
        dropped: One ``Conflict`` per constraint dropped, strongest first.
    """

    consistent: bool
    dropped: tuple[Conflict, ...]
    _net: _Net = attrs.field(repr=False, alias="net")
    _latest: dict[int, int] = attrs.field(repr=False, alias="latest")
    _latest_via: dict[int, int] = attrs.field(repr=False, alias="latest_via")
    _earliest: dict[int, int] = attrs.field(repr=False, alias="earliest")
    _earliest_via: dict[int, int] = attrs.field(repr=False, alias="earliest_via")

    @property
    def points(self) -> tuple[Point, ...]:
        """Every point, ``ORIGIN`` excluded, in canonical order."""
        return tuple(p for p in self._net.points if p is not ORIGIN)

    @property
    def constraints(self) -> tuple[Constraint, ...]:
        """The constraints kept (input minus dropped), in canonical order."""
        net = self._net
        return tuple(c for ci, c in enumerate(net.constraints) if ci not in net.dropped)

    def _i(self, p: Point) -> int:
        try:
            return self._net.index[p]
        except (KeyError, TypeError):
            raise KeyError(p) from None

    def earliest(self, p: Point) -> int | None:
        """Earliest time of ``p``, or None when unbounded below."""
        return self._earliest.get(self._i(p))

    def latest(self, p: Point) -> int | None:
        """Latest time of ``p``, or None when unbounded above."""
        return self._latest.get(self._i(p))

    def explain(self, p: Point, which: Literal["earliest", "latest"]) -> list[Constraint]:
        """The constraints whose bounds add up to ``p``'s earliest or latest time.

        The chain runs from ``ORIGIN`` to ``p``; it is empty when the bound
        is unbounded (or ``p`` is ``ORIGIN``).
        """
        i = self._i(p)
        net = self._net
        if which == "latest":
            # Forward tree: each parent edge enters its node; walk to ORIGIN.
            bounds, via, step = self._latest, self._latest_via, net.src
        elif which == "earliest":
            # Backward tree: each parent edge leaves its node towards ORIGIN.
            bounds, via, step = self._earliest, self._earliest_via, net.dst
        else:
            raise ValueError(f"which must be 'earliest' or 'latest', not {which!r}")
        chain: list[Constraint] = []
        if i not in bounds:
            return chain
        while i != 0:
            e = via[i]
            chain.append(net.constraints[net.cons[e]])
            i = step[e]
        chain.reverse()
        return chain

    def distance(self, u: Point, v: Point) -> int | None:
        """Tightest entailed upper bound on ``time(v) - time(u)``, or None."""
        return self._distance(self._i(u), self._i(v), None)

    def _distance(self, iu: int, iv: int, limit: int | None) -> int | None:
        # One Dijkstra search from u; with ``limit`` it gives up (returns
        # None) once d(u, v) is known to exceed the limit.
        if iu == iv:
            return 0
        h = self._net.h
        reduced_limit = None if limit is None else limit + h[iu] - h[iv]
        dist, _via = _dijkstra(self._net.out, h, iu, True, iv, reduced_limit)
        d = dist.get(iv)
        return None if d is None else d - h[iu] + h[iv]

    def _entails(self, iu: int, iv: int, t: int) -> bool:
        """Whether every solution has ``time(v) - time(u) <= t``."""
        # Cheap tests through ORIGIN before searching: d(u, v) is at most
        # d(u, O) + d(O, v) and at least earliest(v) - latest(u).
        early_u, late_u = self._earliest.get(iu), self._latest.get(iu)
        early_v, late_v = self._earliest.get(iv), self._latest.get(iv)
        if early_u is not None and late_v is not None and late_v - early_u <= t:
            return True
        if early_v is not None and late_u is not None and early_v - late_u > t:
            return False
        d = self._distance(iu, iv, t)
        return d is not None and d <= t

    def relation(self, a_start: Point, a_end: Point, b_start: Point, b_end: Point) -> Relation:
        """How interval a stands to interval b, as far as the network entails.

        Intervals are half-open, ``[start, end)``. "before" means every
        solution has ``a_end <= b_start``; "after" means ``b_end <= a_start``;
        "overlap" means every solution has ``a_start < b_end`` and
        ``b_start < a_end``. Anything else is "unknown": no order is guessed.
        """
        sa, ea, sb, eb = (self._i(p) for p in (a_start, a_end, b_start, b_end))
        if self._entails(sb, ea, 0):  # a_end - b_start <= 0
            return "before"
        if self._entails(sa, eb, 0):  # b_end - a_start <= 0
            return "after"
        # Integer times: a_start < b_end iff a_start - b_end <= -1.
        if self._entails(eb, sa, -1) and self._entails(ea, sb, -1):
            return "overlap"
        return "unknown"


def solve(constraints: Iterable[Constraint], points: Iterable[Point] = ()) -> Solution:
    """Solve a temporal network; pure, and independent of input order.

    Args:
        constraints: The difference constraints.
        points: Extra points to include even if no constraint mentions them
            (they come out unbounded).

    Returns:
        A ``Solution``. A constraint that contradicts stronger ones (or
        equally strong ones earlier in canonical order) is dropped and
        recorded, with the cycle it would close, in ``Solution.dropped``.

    Raises:
        InconsistentConstraints: a negative cycle is made only of ``HARD``
            constraints; the message names their evidence.
    """
    net = _build(constraints, points)
    pot = _Potentials(net)
    conflicts: list[Conflict] = []
    # Strongest first, then canonical order: a constraint is dropped iff it
    # contradicts those kept before it, so it is the weakest on its cycle
    # and, among equals, the last in canonical order.
    order = sorted(range(len(net.constraints)), key=lambda ci: -net.constraints[ci].strength)
    for ci in order:
        cycle = pot.insert(ci)
        if cycle is not None:
            conflicts.append(_conflict(net, ci, cycle))
            net.dropped.add(ci)
    h = pot.h
    reduced, latest_via = _dijkstra(net.out, h, 0)
    latest = {x: d - h[0] + h[x] for x, d in reduced.items()}
    # Switch to latest-time potentials for everything after this point.
    net.h = h = _latest_potential(net, h, latest)
    reduced, earliest_via = _dijkstra(net.inn, h, 0, forward=False)
    earliest = {x: -(d - h[x] + h[0]) for x, d in reduced.items()}
    return Solution(
        consistent=not conflicts,
        dropped=tuple(conflicts),
        net=net,
        latest=latest,
        latest_via=latest_via,
        earliest=earliest,
        earliest_via=earliest_via,
    )
