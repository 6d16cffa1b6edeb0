"""Shortest paths on the reweighted distance graph.

Takes a ``_Net``'s adjacency and a feasible potential; gives Dijkstra
distances and parent edges (``_dijkstra``), bounded by a target or a limit
when asked, and the potential equal to the latest times that keeps the later
queries near their points (``_latest_potential``).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Set as AbstractSet

from timeline.solver._network import _Adj, _Net


def _dijkstra(
    adj: _Adj,
    h: list[int],
    source: int,
    forward: bool = True,
    target: int = -1,
    limit: int | None = None,
    max_settled: int | None = None,
) -> tuple[dict[int, int], dict[int, int]]:
    """Reduced distances and parent edges from ``source``.

    Searches ``adj`` (``out`` forward, ``inn`` backward) with Johnson's
    reduced costs ``w + h[tail] - h[head]``, which are >= 0 for a feasible
    potential ``h``. Ties on distance go to the path with fewer edges
    (shorter explanations), then to the lower node index. Stops once
    ``target`` is settled, every remaining label exceeds ``limit``, or
    ``max_settled`` nodes are settled (a query's bound, so that answering
    about every event of a large input stays linear).
    """
    search = _Resumable(adj, h, source, forward, max_settled, _NOTHING)
    search.reduced(target, limit)
    return search.dist, search.via


_NOTHING: frozenset[int] = frozenset()


def _latest_potential(net: _Net, h: list[int], latest: list[int | None]) -> list[int]:
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
    dst, weight = net.dst, net.weight
    for u, row in enumerate(net.out):
        if latest[u] is None:
            for e in row:
                late = latest[dst[e]]
                if late is not None:
                    shift = max(shift, late - h[u] - weight[e])
    return [h[x] + shift if late is None else late for x, late in enumerate(latest)]


class _Resumable:
    """One Dijkstra search from ``source`` (reduced costs, ties as in
    ``_dijkstra``) that answers many targets.

    The order it settles points in does not depend on the target or the
    limit, so it stops where a question is answered and resumes for the next:
    asking about k targets costs one search, not k. ``max_settled`` caps the
    whole search; it never enters a point in ``skip``. ``dist`` holds the
    settled points' reduced distances, ``via`` each reached point's parent
    edge (final once the point is settled).
    """

    __slots__ = ("_adj", "_h", "_sign", "_max", "_skip", "_best", "_heap", "dist", "via")

    def __init__(self, adj: _Adj, h: list[int], source: int, forward: bool,
                 max_settled: int | None, skip: AbstractSet[int]) -> None:  # fmt: skip
        self._adj, self._h, self._skip = adj, h, skip
        self._max = len(h) + 1 if max_settled is None else max_settled
        self._sign = 1 if forward else -1
        self.dist: dict[int, int] = {}
        self.via: dict[int, int] = {}
        self._best: dict[int, tuple[int, int]] = {source: (0, 0)}
        self._heap = [(0, 0, source)]

    def reduced(self, target: int, limit: float | None) -> int | None:
        """The reduced distance to ``target`` when it is at most ``limit`` (None:
        no limit), else None; a target of -1 searches to the end."""
        dist = self.dist
        bound = math.inf if limit is None else limit
        if target in dist:
            d = dist[target]
            return d if d <= bound else None
        heap, best, h, sign, skip, via = (
            self._heap, self._best, self._h, self._sign, self._skip, self.via)  # fmt: skip
        other, weight, adj = self._adj.other, self._adj.weight, self._adj
        pop, push = heapq.heappop, heapq.heappush
        while heap:
            d, k, u = heap[0]
            if u in dist:
                pop(heap)
                continue
            if d > bound or len(dist) >= self._max:
                return None  # left on the heap for a later, looser question
            pop(heap)
            dist[u] = d
            k1 = k + 1
            hu = h[u]
            for e in adj[u]:
                v = other[e]
                if v in dist or v in skip:
                    continue
                nd = d + weight[e] + sign * (hu - h[v])
                old = best.get(v)
                if old is None or nd < old[0] or (nd == old[0] and k1 < old[1]):
                    best[v] = (nd, k1)
                    via[v] = e
                    push(heap, (nd, k1, v))
            if u == target:
                return d
        return None
