"""The solved network: ``Solution`` (bounds, explanations, entailed order) and ``Conflict``.

Takes the ``_Net`` and the two shortest-path trees from ``ORIGIN`` that
``solve`` computed; gives each point's earliest and latest time, the chain of
constraints behind each bound, entailed distances and the relation of two
intervals (one bounded search each), and the conflicts dropped on the way.
"""

from __future__ import annotations

from typing import Literal

import attrs

from timeline.relations import ORIGIN, Constraint, Point, Relation
from timeline.solver._network import _Net
from timeline.solver._search import _dijkstra, _Resumable

# How many points one query (entails, path) may settle before it answers "not
# shown": more than a whole long article's network, so answers inside a
# document are exact, while asking about every event of an archive-sized
# network stays linear. A query cut short only ever loses an answer.
QUERY_SETTLED = 2_000


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
    # By point index, None where unbounded (lists: a slot a point, not a dict entry).
    _latest: list[int | None] = attrs.field(repr=False, alias="latest")
    _latest_via: list[int | None] = attrs.field(repr=False, alias="latest_via")
    _earliest: list[int | None] = attrs.field(repr=False, alias="earliest")
    _earliest_via: list[int | None] = attrs.field(repr=False, alias="earliest_via")
    _pinned_points: frozenset[int] | None = attrs.field(default=None, init=False, repr=False)

    @property
    def _pinned(self) -> frozenset[int]:
        """The points with one possible time (earliest == latest), as a
        date's start does. A path through such a point is never shorter than
        the one through ORIGIN, which ``_entails`` tries first, so the
        searches of ``entails`` never enter one: the points many events are
        tied to (the publication day, a date told of many events) would
        otherwise make every search as wide as the text."""
        if self._pinned_points is None:
            early, late = self._earliest, self._latest
            pinned = frozenset(i for i, t in enumerate(late) if t is not None and early[i] == t)
            object.__setattr__(self, "_pinned_points", pinned)
        return self._pinned_points  # type: ignore[return-value]

    @property
    def points(self) -> tuple[Point, ...]:
        """Every point, ``ORIGIN`` excluded, in canonical order."""
        return tuple(p for p in self._net.points if p is not ORIGIN)

    @property
    def constraints(self) -> tuple[Constraint, ...]:
        """The constraints kept (input minus dropped), in canonical order."""
        net = self._net
        return tuple(c for ci, c in enumerate(net.constraints) if ci not in net.dropped)

    @property
    def given(self) -> tuple[Constraint, ...]:
        """Every constraint given, dropped ones included, in canonical order."""
        return tuple(self._net.constraints)

    def _i(self, p: Point) -> int:
        try:
            return self._net.index[p]
        except (KeyError, TypeError):
            raise KeyError(p) from None

    def earliest(self, p: Point) -> int | None:
        """Earliest time of ``p``, or None when unbounded below."""
        return self._earliest[self._i(p)]

    def latest(self, p: Point) -> int | None:
        """Latest time of ``p``, or None when unbounded above."""
        return self._latest[self._i(p)]

    def explain(self, p: Point, which: Literal["earliest", "latest"]) -> list[Constraint]:
        """The constraints whose bounds add up to ``p``'s earliest or latest time.

        The chain runs from ``ORIGIN`` to ``p``; it is empty when the bound
        is unbounded (or ``p`` is ``ORIGIN``).
        """
        return self._explain(self._i(p), which)

    def _explain(self, i: int, which: str) -> list[Constraint]:
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
        if bounds[i] is None:
            return chain
        while i != 0:
            e: int = via[i]  # type: ignore[assignment]
            chain.append(net.constraints[net.owner(e)])
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
        dist, _via = _dijkstra(self._net.out, h, iu, True, iv, reduced_limit, QUERY_SETTLED)
        d = dist.get(iv)
        return None if d is None else d - h[iu] + h[iv]

    def entails(self, u: Point, v: Point, t: int) -> bool:
        """Whether every solution has ``time(v) - time(u) <= t``."""
        return self._entails(self._i(u), self._i(v), t)

    def path(self, u: Point, v: Point, limit: int | None = None) -> list[Constraint]:
        """The constraints of a tightest path from ``u`` to ``v``: the chain whose
        upper bounds add up to ``distance(u, v)`` (empty when none, when u is v,
        or when the distance exceeds ``limit``)."""
        return self._path(self._i(u), self._i(v), limit, None)

    def _path(self, iu: int, iv: int, limit: int | None, search: _Resumable | None,
              ) -> list[Constraint]:  # fmt: skip
        # ``search``: a search from u (with the pinned points skipped) to go on with.
        if iu == iv:
            return []
        early_u, late_v = self._earliest[iu], self._latest[iv]
        if limit is not None and early_u is not None and late_v is not None:
            if late_v - early_u <= limit:  # shown through ORIGIN: the two bounds' chains
                return self._explain(iu, "earliest") + self._explain(iv, "latest")
        net = self._net
        if limit is None:
            dist, via = _dijkstra(net.out, net.h, iu, True, iv, None, QUERY_SETTLED)
            if iv not in dist or iv not in via:
                return []
        else:  # within a limit ORIGIN did not show: no path through a pinned point
            search = search or self._search_from(iu, True)
            if search.reduced(iv, self._reduced_limit(iu, iv, limit)) is None:
                return []
            via = search.via
        chain: list[Constraint] = []
        x = iv
        while x != iu:
            e = via[x]
            chain.append(net.constraints[net.owner(e)])
            x = net.src[e]
        chain.reverse()
        return chain

    def _entails(self, iu: int, iv: int, t: int, around: Around | None = None) -> bool:
        """Whether every solution has ``time(v) - time(u) <= t``; ``around``
        lends its shared searches.  In one frame: an event's relations ask
        this some seventy times, and calls cost more than most answers."""
        # Cheap tests before searching: d(u, v) is at most d(u, O) + d(O, v)
        # and at least earliest(v) - latest(u).
        early, late = self._earliest, self._latest
        early_u, late_v = early[iu], late[iv]
        if early_u is not None and late_v is not None and late_v - early_u <= t:
            return True
        early_v, late_u = early[iv], late[iu]
        if early_v is not None and late_u is not None and early_v - late_u > t:
            return False
        if iu == iv:
            return t >= 0
        # Forward from u, or backward into v when v is a hub (the same distance).
        if around is not None and iu in around._hubs:
            search, far = around._searches.get((iu, True)) or around._shared(iu, True), iv
        elif around is not None and iv in around._hubs:
            search, far = around._searches.get((iv, False)) or around._shared(iv, False), iu
        else:
            search, far = self._search_from(iu, True), iv
        h = self._net.h
        limit = t + h[iu] - h[iv]  # as _reduced_limit
        d = search.dist.get(far)
        if d is not None:  # settled for an earlier question
            return d <= limit
        return search.reduced(far, limit) is not None

    def _search_from(self, source: int, forward: bool) -> _Resumable:
        """A search from (or, not ``forward``, into) ``source`` for ``entails``."""
        net = self._net
        adj = net.out if forward else net.inn
        return _Resumable(adj, net.h, source, forward, QUERY_SETTLED, self._pinned)

    def _reduced_limit(self, iu: int, iv: int, t: int) -> int:
        # d(u, v) <= t, in the reduced costs of the searches (either direction)
        h = self._net.h
        return t + h[iu] - h[iv]

    def around(self, *hubs: Point) -> Around:
        """The same questions as ``entails`` and ``path``, for many questions that
        each start or end at one of ``hubs`` (an event's points against its
        neighbours'): one resumable search from and one into each hub answers
        them all, where single questions would search once each."""
        return Around(self, frozenset(self._i(p) for p in hubs))

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


class Around:
    """``Solution.around``: ``entails`` and ``path`` with searches shared per hub
    (the answers and chains of ``Solution.entails`` and ``Solution.path``)."""

    def __init__(self, solution: Solution, hubs: frozenset[int]) -> None:
        self._solution = solution
        self._hubs = hubs
        self._searches: dict[tuple[int, bool], _Resumable] = {}

    def entails(self, u: Point, v: Point, t: int) -> bool:
        """Whether every solution has ``time(v) - time(u) <= t``."""
        sol = self._solution
        index = sol._net.index
        try:
            iu, iv = index[u], index[v]
        except (KeyError, TypeError):
            iu, iv = sol._i(u), sol._i(v)  # raises the KeyError of the unknown point
        return sol._entails(iu, iv, t, self)

    def _shared(self, hub: int, forward: bool) -> _Resumable:
        search = self._searches.get((hub, forward))
        if search is None:
            search = self._searches[(hub, forward)] = self._solution._search_from(hub, forward)
        return search

    def path(self, u: Point, v: Point, limit: int | None = None) -> list[Constraint]:
        """``Solution.path``; from a hub, along its shared search (the same search
        a single question makes, so the same chain)."""
        sol = self._solution
        iu, iv = sol._i(u), sol._i(v)
        shared = self._searches.get((iu, True)) if limit is not None else None
        return sol._path(iu, iv, limit, shared)
