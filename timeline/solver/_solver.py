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

from collections.abc import Iterable

from timeline._errors import InconsistentConstraints
from timeline.relations import HARD, Constraint, Point
from timeline.solver._network import _build, _Net, _Potentials
from timeline.solver._search import _dijkstra, _latest_potential
from timeline.solver._solution import Conflict, Solution

__all__ = ["Conflict", "Solution", "solve"]


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
