"""The distance graph of a temporal network, and a feasible potential on it.

Takes ``Constraint``s (and extra points); gives ``_Net``: points and
constraints in a canonical order (so nothing depends on the caller's order),
each constraint's edges (``a -> b`` weighing ``hi``, ``b -> a`` weighing
``-lo``), and the adjacency the solver fills as it inserts them.
``_Potentials`` keeps a feasible potential (Johnson's reweighting) as edges go
in one by one, and finds the negative cycle an edge would close instead.
"""

from __future__ import annotations

import bisect
import functools
import heapq
from array import array
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from timeline.relations import ORIGIN, Constraint, Point

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

class _Adj(list):  # type: ignore[type-arg]
    """Adjacency: for each node, the ids of its edges (out or in), in insertion order.

    Edge ids index the parallel lists _Net.src / _Net.dst / _Net.weight
    (``_Net.owner`` gives an edge's constraint); ``other`` is the list of the
    far ends (``dst`` for the out edges, ``src`` for the in edges).  A row is
    a list while edges go in, a tuple once solved.  Ids rather than (node,
    weight, id) tuples: a third of the network's memory, and one int shared
    by both lists.
    """

    __slots__ = ("other", "weight")

    def __init__(self, size: int, other: list[int], weight: list[int]) -> None:
        super().__init__([] for _ in range(size))
        self.other = other
        self.weight = weight

    def freeze(self) -> None:
        """Each node's edges as a tuple, once every edge is in (the searches only
        read them): a row grown by appends holds spare room, a tuple none, and
        the nodes without edges share the empty tuple."""
        self[:] = map(tuple, self)


@attrs.define
class _Net:
    """Internal arrays shared by ``solve`` and ``Solution``."""

    points: list[Point]
    index: dict[Point, int]
    constraints: list[Constraint]
    src: list[int]
    dst: list[int]
    weight: list[int]
    # Edges of constraint ci are first[ci] .. first[ci + 1] - 1: a list while
    # they are inserted, then machine ints (an int object per constraint less).
    first: list[int] | array[int]
    out: _Adj
    inn: _Adj
    h: list[int] = attrs.field(factory=list)
    dropped: set[int] = attrs.field(factory=set)

    def owner(self, e: int) -> int:
        """The constraint of edge ``e`` (the last whose first edge is at most ``e``;
        a search of ``first`` where a list by edge would hold an int per edge)."""
        return bisect.bisect_right(self.first, e) - 1


class Canonical(list):  # type: ignore[type-arg]
    """Constraints of a solved network kept in its canonical order, with its points.

    ``solve(Canonical.subset(solution, keep), that.points)`` solves a
    sub-network (the dates without the likely orders, the firm network)
    without indexing and sorting again: a canonical subsequence is already
    canonical, and the points are the same, so the result is the one a plain
    list gives.  ``Canonical.extended`` does the same for the network with
    more constraints between its points (the merges of one happening).  Any
    other call (another ``points``) takes the usual path.
    """

    __slots__ = ("order", "points")

    @classmethod
    def subset(cls, solution: Any, keep: Callable[[Constraint], bool], *,
               dropped: bool = True) -> Canonical:  # fmt: skip
        """The constraints of ``solution`` that ``keep`` accepts, in canonical
        order (those it dropped too, unless ``dropped`` is False)."""
        net = solution._net
        gone = () if dropped else net.dropped
        return cls._of(net, (c for ci, c in enumerate(net.constraints) if ci not in gone and keep(c)))

    @classmethod
    def extended(cls, solution: Any, more: Iterable[Constraint]) -> Canonical | None:
        """Every constraint of ``solution`` and ``more``, in the order sorting
        them all again gives (a stable merge of two sorted runs, the earlier
        first among equals); None when ``more`` names a point ``solution`` lacks."""
        net = solution._net
        more = list(more)
        if any(c.a not in net.index or c.b not in net.index for c in more):
            return None
        key = functools.partial(_constraint_key, index=net.index)
        return cls._of(net, heapq.merge(net.constraints, sorted(more, key=key), key=key))

    @classmethod
    def _of(cls, net: _Net, constraints: Iterable[Constraint]) -> Canonical:
        found = cls(constraints)
        # the order alone (not the net, whose edges a new solve does not need)
        found.order = (net.points, net.index)
        found.points = tuple(p for p in net.points if p is not ORIGIN)
        return found


def _build(constraints: Iterable[Constraint], extra: Iterable[Point]) -> _Net:
    """Index points and constraints canonically and list the edges.

    Adjacency starts empty: ``_Potentials.insert`` fills it.
    """
    if type(constraints) is Canonical and extra is constraints.points:
        points, index = constraints.order
        return _edges(points, index, list(constraints))
    cons = list(constraints)
    seen: set[Point] = {ORIGIN}
    seen.update(extra)
    add = seen.add
    for c in cons:
        if type(c) is not Constraint and not isinstance(c, Constraint):
            raise TypeError(f"expected a Constraint, got {type(c).__name__}")
        add(c.a)
        add(c.b)
    points = sorted(seen, key=_point_key)
    index = {p: i for i, p in enumerate(points)}
    cons.sort(key=functools.partial(_constraint_key, index=index))
    return _edges(points, index, cons)


def _edges(points: list[Point], index: dict[Point, int], cons: list[Constraint]) -> _Net:
    """The net of canonically ordered points and constraints: the edges listed."""
    src: list[int] = []
    dst: list[int] = []
    weight: list[int] = []
    first: list[int] = []
    for c in cons:
        first.append(len(src))
        a, b = index[c.a], index[c.b]
        hi, lo = c.hi, c.lo
        if hi is not None:
            src.append(a)
            dst.append(b)
            weight.append(hi)
        if lo is not None:
            src.append(b)
            dst.append(a)
            weight.append(-lo)
    first.append(len(src))
    return _Net(
        points=points,
        index=index,
        constraints=cons,
        src=src,
        dst=dst,
        weight=weight,
        first=first,
        out=_Adj(len(points), dst, weight),
        inn=_Adj(len(points), src, weight),
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
        src, dst, weight, out, inn = net.src, net.dst, net.weight, net.out, net.inn
        first = net.first[ci]
        for e in range(first, net.first[ci + 1]):
            u, v = src[e], dst[e]
            r = weight[e] + h[u] - h[v]
            if r < 0:
                cycle = [e] if u == v else self._repair(u, v, e, -r)
                if cycle is not None:
                    for f in range(first, e):  # the edges of ci already in
                        out[src[f]].pop()
                        inn[dst[f]].pop()
                    return cycle
            out[u].append(e)
            inn[v].append(e)
        return None

    def _repair(self, u: int, v: int, e: int, limit: int) -> list[int] | None:
        """Make room for edge ``e = u -> v`` (reduced cost ``-limit``) or find a cycle."""
        net, h = self.net, self.h
        out, inn, src, dst, weight = net.out, net.inn, net.src, net.dst, net.weight
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
                for f in out[x]:
                    y = dst[f]
                    nd = d + weight[f] + hx - h[y]
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
                for f in inn[x]:
                    y = src[f]
                    nd = d + weight[f] + h[y] - hx
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
