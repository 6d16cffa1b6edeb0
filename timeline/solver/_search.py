"""Shortest paths on the reweighted distance graph.

Takes a ``_Net``'s adjacency and a feasible potential; gives Dijkstra
distances and parent edges (``_dijkstra``), bounded by a target or a limit
when asked, and the potential equal to the latest times that keeps the later
queries near their points (``_latest_potential``).
"""

from __future__ import annotations

import heapq

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
    sign = 1 if forward else -1
    dist: dict[int, int] = {}
    via: dict[int, int] = {}
    best: dict[int, tuple[int, int]] = {source: (0, 0)}
    heap = [(0, 0, source)]
    pop, push = heapq.heappop, heapq.heappush
    other, weight = adj.other, adj.weight
    while heap:
        d, k, u = pop(heap)
        if u in dist:
            continue
        if limit is not None and d > limit:
            break
        dist[u] = d
        if u == target or (max_settled is not None and len(dist) >= max_settled):
            break
        k1 = k + 1
        hu = h[u]
        for e in adj[u]:
            v = other[e]
            if v in dist:
                continue
            nd = d + weight[e] + sign * (hu - h[v])
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
    dst, weight = net.dst, net.weight
    for u, row in enumerate(net.out):
        if u not in latest:
            for e in row:
                v = dst[e]
                if v in latest:
                    shift = max(shift, latest[v] - h[u] - weight[e])
    return [latest[x] if x in latest else h[x] + shift for x in range(len(h))]
