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

This module takes the constraints and gives the ``Solution`` (``solve``); the
parts are ``_network`` (canonical order, the distance graph, the incremental
potentials), ``_search`` (Dijkstra on reduced costs) and ``_solution``
(``Solution`` and ``Conflict``).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

from timeline._errors import InconsistentConstraints
from timeline.relations import HARD, Constraint, Point
from timeline.solver._network import _Adj, _build, _Net, _Potentials
from timeline.solver._search import _dijkstra, _latest_potential
from timeline.solver._solution import Conflict, Solution

__all__ = ["Conflict", "Solution", "solve"]


def _conflict(net: _Net, ci: int, cycle: list[int]) -> Conflict:
    """Describe the cycle that constraint ``ci`` closed, or raise if it is HARD."""
    seen: list[int] = []
    for e in cycle:
        owner = net.owner(e)
        if owner not in seen and owner != ci:
            seen.append(owner)
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
    h, conflicts = _insert_all(net)
    latest, latest_via = _from_origin(net.out, h, forward=True)
    # Switch to latest-time potentials for everything after this point.
    net.h = h = _latest_potential(net, h, latest)
    earliest, earliest_via = _from_origin(net.inn, h, forward=False)
    return Solution(
        consistent=not conflicts,
        dropped=tuple(conflicts),
        net=net,
        latest=latest,
        latest_via=latest_via,
        earliest=earliest,
        earliest_via=earliest_via,
    )


def _insert_all(net: _Net) -> tuple[list[int], list[Conflict]]:
    """Insert every constraint, dropping those that close a negative cycle: the
    final potential, and the conflicts in the order found."""
    pot = _Potentials(net)
    conflicts: list[Conflict] = []
    # Strongest first, then canonical order: a constraint is dropped iff it
    # contradicts those kept before it, so it is the weakest on its cycle
    # and, among equals, the last in canonical order.  The indices of each
    # strength in machine ints: a sorted list of them holds an int object each.
    by_strength: dict[int, array[int]] = {}
    for ci, c in enumerate(net.constraints):
        row = by_strength.get(c.strength)
        if row is None:
            row = by_strength[c.strength] = array("i")
        row.append(ci)
    for strength in sorted(by_strength, reverse=True):
        for ci in by_strength[strength]:
            cycle = pot.insert(ci)
            if cycle is not None:
                conflicts.append(_conflict(net, ci, cycle))
                net.dropped.add(ci)
    net.out.freeze()
    net.inn.freeze()
    net.first = array("i", net.first)
    return pot.h, conflicts


def _from_origin(adj: _Adj, h: list[int], *, forward: bool,
                 ) -> tuple[list[int | None], list[int | None]]:  # fmt: skip
    """Each point's latest time (``forward``: the search from ORIGIN) or earliest
    time (backward: into ORIGIN), and the parent edge behind it, by point."""
    reduced, via = _dijkstra(adj, h, 0, forward=forward)
    bounds: list[int | None] = [None] * len(h)
    h0 = h[0]
    if forward:
        for x, d in reduced.items():
            bounds[x] = d - h0 + h[x]
    else:
        for x, d in reduced.items():
            bounds[x] = -(d - h[x] + h0)
    return bounds, _by_point(len(h), via)


def _by_point(n: int, found: dict[int, int]) -> list[int | None]:
    """A search's dict as a list by point (None where it did not reach): a list
    holds a point in one slot where a dict takes an entry and its hash."""
    return list(map(found.get, range(n)))
