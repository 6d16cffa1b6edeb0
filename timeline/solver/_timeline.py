"""The Timeline: events placed by the solved network, and the questions it answers.

``extract`` (timeline/solver/_extract.py) builds it; here are the events
with their bounds, the explanation of each bound, the order of two events
with its confidence (``relation``), and the dates network the bounds are
read from (``_dates``: without the likely orders, which never move a date).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import weakref
from collections.abc import Sequence

import attrs

from timeline.expressions._calendar import add_days
from timeline.expressions._model import FarDate, TimeExpression
from timeline.relations import (
    WEAK,
    Constraint,
    end,
    from_minutes,
    start,
    to_minutes,
)
from timeline.relations._ordering import is_likely_order
from timeline.solver._network import Canonical
from timeline.solver._relation import Relation, interval_relation, start_relation
from timeline.solver._solver import Conflict, Solution, solve

# relations_of: at most this many events of each neighbouring sentence.
NEIGHBOURS = 12

# A bound: a date (midnight), a datetime, a FarDate outside years 1-9999, or None (open).
Moment = dt.date | dt.datetime | FarDate | None


@attrs.frozen(kw_only=True)
class TimelineEvent:
    """An event placed on the timeline.

    Attributes:
        id: event id, unique in the timeline ("e3"; "d2.e3" when several documents are merged).
        text: a short description (the clause, trimmed).
        trigger: the main verb or nominalisation.
        source: the document it comes from (a file name, or "" for a single text).
        sentence: index of its sentence in its document.
        start: offset of its clause in its document.
        end: offset after its clause.
        trigger_start: offset of the trigger.
        trigger_end: offset after the trigger.
        tense: TimeML tense with perfect folded in (PAST, PRESENT_PERFECT, FUTURE...).
        aspect: TimeML aspect.
        status: ASSERTED, REPORTED, PLANNED, NEGATED or HYPOTHETICAL.
        polarity: POS or NEG.
        event_class: TimeML event class.
        pos: VERB or NOUN.
        earliest_start: the earliest the event can have started, or None (open).
        latest_start: the latest it can have started, or None.
        earliest_end: the earliest it can have ended, or None.
        latest_end: the latest it can have ended, or None.
    """

    id: str
    text: str
    trigger: str
    source: str
    sentence: int
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    tense: str
    aspect: str
    status: str
    polarity: str
    event_class: str
    pos: str
    earliest_start: Moment
    latest_start: Moment
    earliest_end: Moment
    latest_end: Moment

    @property
    def order(self) -> tuple[float, float]:
        """Sort key: by when the event can start, open bounds last."""
        lo = to_minutes(self.earliest_start)
        hi = to_minutes(self.latest_start)
        first = lo if lo is not None else (hi if hi is not None else math.inf)
        second = to_minutes(self.latest_end)
        return (first, second if second is not None else math.inf)


@attrs.frozen
class Timeline:
    """The solved timeline of one or more dated documents.

    Attributes:
        events: the events in timeline order (by their bounds; ties and
            unknowns in text order).
        expressions: the temporal expressions of each document, by source.
        constraints: every constraint the rules produced.
        conflicts: contradictions found, each with the constraint dropped.
        published: publication date of each document, by source.
        texts: the text of each document, by source (offsets point into it).
    """

    events: tuple[TimelineEvent, ...]
    expressions: dict[str, tuple[TimeExpression, ...]]
    constraints: tuple[Constraint, ...]
    conflicts: tuple[Conflict, ...]
    published: dict[str, dt.date]
    _solution: Solution = attrs.field(repr=False, eq=False)
    texts: dict[str, str] = attrs.field(factory=dict, repr=False, eq=False)

    @functools.cached_property
    def _firm_solution(self) -> Solution:
        """The network without weak defaults, solved on first use.

        Orders are claimed only from firm evidence: weak defaults (narrative
        order, tense conventions) shape the bounds and the likely orders of
        events (``relation``) answer order questions, but neither decides an
        entailed "before".
        """
        kept = Canonical.subset(self._solution, _firm, dropped=False)
        return solve(kept, kept.points)

    @property
    def _dates_solution(self) -> Solution:
        """The network the events' bounds are read from: without the likely
        orders of events (``_dates``)."""
        return _dates(self._solution)

    def event(self, event_id: str) -> TimelineEvent:
        for e in self.events:
            if e.id == event_id:
                return e
        raise KeyError(event_id)

    def relation(self, a: TimelineEvent | str, b: TimelineEvent | str, *,
                 entailed_only: bool = False) -> Relation:  # fmt: skip
        """How event a's interval stands to b's: "before", "after", "overlap" or
        "unknown", with its confidence and evidence (a ``Relation``; it
        compares equal to its string).

        "entailed" when the firm evidence entails it (dates, connectives,
        tense against publication, reported past events); else "likely" when
        the network with its measured defaults does; ``entailed_only`` gives
        the firm answer alone.
        """
        full = None if entailed_only else self._solution
        return interval_relation(self._firm_solution, full, _id(a), _id(b))

    def start_relation(self, a: TimelineEvent | str, b: TimelineEvent | str, *,
                       entailed_only: bool = False) -> Relation:  # fmt: skip
        """The order of the two events' start points: "before", "after", "same"
        or "unknown", with confidence and evidence as ``relation`` gives them."""
        full = None if entailed_only else self._solution
        return start_relation(self._firm_solution, full, _id(a), _id(b))

    @functools.cached_property
    def _by_sentence(self) -> dict[tuple[str, int], list[TimelineEvent]]:
        grouped: dict[tuple[str, int], list[TimelineEvent]] = {}
        for e in sorted(self.events, key=lambda e: e.trigger_start):
            grouped.setdefault((e.source, e.sentence), []).append(e)
        return grouped

    def relations_of(self, event: TimelineEvent | str, *, entailed_only: bool = False,
                     ) -> list[tuple[TimelineEvent, Relation]]:  # fmt: skip
        """The events of the same and the neighbouring sentences (of each, the
        ``NEIGHBOURS`` nearest it, on each side in its own) that ``event`` is ordered
        against, in text order, each with ``relation(event, other)``; where the
        intervals are not ordered, the order of their starts
        (``start_relation``) is given instead when it is known."""
        this = event if isinstance(event, TimelineEvent) else self.event(event)
        # Every question below starts or ends at this event's points: one
        # search from and into each of them answers all of its neighbours.
        hubs = (f"{this.id}.start", f"{this.id}.end")
        firm = self._firm_solution.around(*hubs)
        full = None if entailed_only else self._solution.around(*hubs)
        found: list[tuple[TimelineEvent, Relation]] = []
        for sentence in (this.sentence - 1, this.sentence, this.sentence + 1):
            row = self._by_sentence.get((this.source, sentence), [])
            if sentence == this.sentence - 1:
                row = row[-NEIGHBOURS:]
            elif sentence == this.sentence + 1:
                row = row[:NEIGHBOURS]
            else:  # its own sentence: the nearest on each side (a run-on sentence
                # of hundreds of events must not make every pair a query)
                at = next(i for i, e in enumerate(row) if e.id == this.id)
                row = row[max(0, at - NEIGHBOURS) : at + NEIGHBOURS + 1]
            for other in row:
                if other.id == this.id:
                    continue
                answer = interval_relation(firm, full, this.id, other.id)
                if answer == "unknown":
                    answer = start_relation(firm, full, this.id, other.id)
                if answer != "unknown":
                    found.append((other, answer))
        return found

    def explain(self, event: TimelineEvent | str) -> list[str]:
        """The evidence behind each bound of an event, in words."""
        eid = event if isinstance(event, str) else event.id
        dates = self._dates_solution
        lines = []
        for point, label in ((f"{eid}.start", "start"), (f"{eid}.end", "end")):
            for which in ("earliest", "latest"):
                value = getattr(dates, which)(point)
                if value is None:
                    continue
                chain = dates.explain(point, which)
                reasons = "; ".join(_constraint_words(c) for c in chain) or "given"
                moment = from_minutes(value, round_up=which == "latest")
                lines.append(f"{label} {_bound_words(which, moment)}: {reasons}")
        return lines


_DATES: weakref.WeakKeyDictionary[Solution, Solution] = weakref.WeakKeyDictionary()


def _dates(solution: Solution) -> Solution:
    """The network the events' dates (bounds) are read from: without the likely
    orders of events, which answer order questions (``relation``,
    ``start_relation``) but never move a date.  Solved once per network."""
    found = _DATES.get(solution)
    if found is None:
        kept = Canonical.subset(solution, _not_likely)
        found = solution if len(kept) == len(solution._net.constraints) else solve(
            kept, kept.points)  # fmt: skip
        _DATES[solution] = found
    return found


def _not_likely(c: Constraint) -> bool:
    return not is_likely_order(c)


def _firm(c: Constraint) -> bool:
    return c.strength > WEAK and not is_likely_order(c)


def _id(event: TimelineEvent | str) -> str:
    return event if isinstance(event, str) else event.id


def _constraint_words(c: Constraint) -> str:
    ev = c.evidence
    words = f'"{ev.text}"' if ev.text else ""
    return f"{ev.rule} {words}".strip()


def _bound_words(which: str, m: Moment) -> str:
    """'on or after 2016-01-24', 'by the end of 2016-01-24' (an instant at midnight
    closes the day before it)."""
    if which == "earliest":
        return f"on or after {_format_moment(m)}"
    if isinstance(m, dt.date | FarDate) and not isinstance(m, dt.datetime):
        return f"by the end of {_format_moment(add_days(m, -1))}"
    return f"by {_format_moment(m)}"


def _format_moment(m: Moment) -> str:
    return m.isoformat(timespec="minutes") if isinstance(m, dt.datetime) else (
        m.isoformat() if m is not None else "?")  # fmt: skip


__all__: Sequence[str] = ("Moment", "Timeline", "TimelineEvent", "start", "end")
