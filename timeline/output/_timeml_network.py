"""Bounded order queries on a solved network, for the TLINKs of ``_timeml_links``.

Takes a ``Solution`` and the points of one source's events in text order;
answers how two of them are ordered with a search that reaches only nearby
events and scans a bounded number of edges, so writing the links of every
event stays linear in the text.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from timeline.relations import Point
from timeline.solver import Solution

Gap = tuple[int | None, int | None]
EVENT_LINKS = 6  # each event to the next 6 events in text order, same or next sentence

# A query's search avoiding ORIGIN passes only through the events this many
# places either side of its source in text order, and scans at most this many edges.
_SEARCH_REACH = 12
_SEARCH_WORK = 4096


class _LocalNetwork:
    """Bounded queries on a solved network, through its public interface only.

    The points queried are given as a list (``points[k]``, k = 2 * i for the
    start of the source's i-th event in text order, 2 * i + 1 for its end)
    and named by their index.  ``upper(u, v)`` is an entailed upper bound on
    ``time(v) - time(u)``.  The tightest such bound is the shorter of a path
    through ORIGIN, which is exactly ``latest(v) - earliest(u)``, and a path
    avoiding it.  The second is searched only among the points of events at
    most ``_SEARCH_REACH`` places from ``u``'s event, with at most
    ``_SEARCH_WORK`` edges scanned; ORIGIN is the one hub, so this keeps each
    query bounded however large the network.  A bound found is always a real
    path, so a link decided from it is entailed; a path too long to find only
    leaves a link out.
    """

    def __init__(self, solution: Solution, points: Sequence[Point]) -> None:
        index = {p: k for k, p in enumerate(points)}
        self._early = [solution.earliest(p) for p in points]
        self._late = [solution.latest(p) for p in points]
        # Edges between these points (ORIGIN paths come from the bounds), as
        # flat arrays: edges of k are head[first[k]:first[k + 1]], weights alike.
        edges: list[int] = []  # tail, head, weight, tail, head, weight...
        for c in solution.constraints:
            a, b = index.get(c.a), index.get(c.b)
            if a is None or b is None:
                continue
            if c.hi is not None:
                edges += (a, b, c.hi)
            if c.lo is not None:
                edges += (b, a, -c.lo)
        first = [0] * (len(points) + 1)
        for t in edges[::3]:
            first[t + 1] += 1
        for k in range(len(points)):
            first[k + 1] += first[k]
        fill = first[:-1]
        self._head = [0] * (len(edges) // 3)
        self._weight = [0] * (len(edges) // 3)
        for n in range(0, len(edges), 3):
            t = edges[n]
            self._head[fill[t]], self._weight[fill[t]] = edges[n + 1], edges[n + 2]
            fill[t] += 1
        self._first = first
        self._entered = [False] * len(points)  # whether any edge enters k
        for h in self._head:
            self._entered[h] = True
        self._searched: dict[int, dict[int, int]] = {}

    def _search(self, u: int) -> dict[int, int]:
        """Shortest paths from u avoiding ORIGIN, within u's reach (label-correcting:
        edges may be negative).  Kept for the few queries that share a source."""
        found = self._searched.get(u)
        if found is not None:
            return found
        first, head, weight = self._first, self._head, self._weight
        lo, hi = (u >> 1) - _SEARCH_REACH, (u >> 1) + _SEARCH_REACH
        dist = {u: 0}
        queue, queued, work = deque([u]), {u}, 0
        while queue and work < _SEARCH_WORK:
            x = queue.popleft()
            queued.discard(x)
            dx = dist[x]
            scan = min(first[x + 1], first[x] + _SEARCH_WORK - work)  # a hub counts too
            work += scan - first[x]
            for k in range(first[x], scan):
                y, d = head[k], dx + weight[k]
                if lo <= y >> 1 <= hi and d < dist.get(y, d + 1):
                    dist[y] = d
                    if y not in queued:
                        queued.add(y)
                        queue.append(y)
        if len(self._searched) >= 8 * EVENT_LINKS:  # sources move on in text order
            del self._searched[next(iter(self._searched))]
        self._searched[u] = dist
        return dist

    def upper(self, u: int, v: int) -> int | None:
        """An entailed upper bound on time(v) - time(u) (the tightest within reach), or None."""
        early, late = self._early[u], self._late[v]
        through_origin = None if late is None or early is None else late - early
        if self._first[u] == self._first[u + 1] or not self._entered[v]:
            return through_origin  # no local path can leave u or reach v
        local = self._search(u).get(v)
        if local is None or (through_origin is not None and through_origin < local):
            return through_origin
        return local

    def entails(self, u: int, v: int, t: int) -> bool:
        """Whether time(v) - time(u) <= t is entailed (and found within reach)."""
        early_u, late_u = self._early[u], self._late[u]
        early_v, late_v = self._early[v], self._late[v]
        if early_u is not None and late_v is not None and late_v - early_u <= t:
            return True
        # The all-earliest and all-latest schedules are solutions: if either
        # (or any mix of bounds) breaks the bound, it is not entailed.
        if early_v is not None and late_u is not None and early_v - late_u > t:
            return False
        if late_u is not None and late_v is not None and late_v - late_u > t:
            return False
        if early_u is not None and early_v is not None and early_v - early_u > t:
            return False
        d = self.upper(u, v)
        return d is not None and d <= t

    def relation(self, a: int, b: int) -> str:
        """As ``Solution.relation``, for the a-th and b-th events."""
        sa, ea, sb, eb = 2 * a, 2 * a + 1, 2 * b, 2 * b + 1
        if self.entails(sb, ea, 0):
            return "before"
        if self.entails(sa, eb, 0):
            return "after"
        if self.entails(eb, sa, -1) and self.entails(ea, sb, -1):
            return "overlap"
        return "unknown"

    def gap(self, u: int, v: int) -> Gap:
        """Entailed (lo, hi) bounds on time(v) - time(u)."""
        back = self.upper(v, u)
        return (None if back is None else -back, self.upper(u, v))
