"""The events of one sentence, indexed for the linking queries.

Takes a sentence's events; gives the nearest event to an offset among all of
them, its verbs, its nouns or the verbs of one clause, each found by bisection
(O(log n) a query, however many events the sentence has), with exactly the
answer a scan in text order would give.

It relies on what the events stage guarantees: a trigger is one token, so
triggers are non-empty, do not overlap and come in text order; their ends
then sort like their starts.  The clauses of a sentence do not overlap.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from timeline.events import Event, Pos


def _never(_event: Event) -> bool:
    return False


class EventRun:
    """Events sorted by trigger (ties keep text order), with their trigger offsets."""

    __slots__ = ("ends", "events", "starts")

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = list(events)
        self.starts = [e.trigger_start for e in self.events]
        self.ends = [e.trigger_end for e in self.events]

    def last_ending_by(self, offset: int, skip: Callable[[Event], bool] = _never) -> Event | None:
        """The event whose trigger ends latest at or before ``offset`` (the
        first in text order among equals), leaving out those ``skip`` names."""
        j = bisect.bisect_right(self.ends, offset)
        found = None
        while j > 0:
            j -= 1
            if found is not None and self.ends[j] != found.trigger_end:
                break
            if not skip(self.events[j]):
                found = self.events[j]
        return found

    def first_starting_from(self, offset: int, skip: Callable[[Event], bool] = _never) -> Event | None:
        """The event whose trigger starts first at or after ``offset``, leaving
        out those ``skip`` names."""
        j = bisect.bisect_left(self.starts, offset)
        while j < len(self.events) and skip(self.events[j]):
            j += 1
        return self.events[j] if j < len(self.events) else None

    def first_ending_from(self, offset: int) -> Event | None:
        """The event whose trigger ends first at or after ``offset``."""
        j = bisect.bisect_left(self.ends, offset)
        return self.events[j] if j < len(self.events) else None

    def starting_in(self, lo: int, hi: int) -> list[Event]:
        """The events whose trigger starts in [lo, hi], in text order."""
        return self.events[bisect.bisect_left(self.starts, lo) : bisect.bisect_right(self.starts, hi)]

    def nearest(self, lo: int, hi: int) -> Event | None:
        """The event nearest the phrase [lo, hi), triggers starting inside it
        left out: the one ending last at or before ``lo``, else the one
        starting first after it (a trigger across ``lo`` counts as after)."""
        before = self.last_ending_by(lo, skip=lambda e: lo <= e.trigger_start < hi)
        if before is not None:
            return before
        i = bisect.bisect_right(self.ends, lo)  # every trigger from i on ends after lo
        if i < len(self.events) and self.events[i].trigger_start < lo:
            return self.events[i]
        j = max(i, bisect.bisect_left(self.starts, hi))
        return self.events[j] if j < len(self.events) else None


class SentenceEvents:
    """One sentence's events: all of them, its verbs, its nouns, and the verbs
    of each clause (an event's ``start``/``end`` are its clause's)."""

    __slots__ = ("_clause_ends", "_clause_starts", "_clause_verbs", "all", "nouns", "verbs")

    def __init__(self, events: Sequence[Event]) -> None:
        ordered = sorted(events, key=lambda e: e.trigger_start)  # stable: text order kept
        self.all = EventRun(ordered)
        self.verbs = EventRun([e for e in ordered if e.pos is Pos.VERB])
        self.nouns = EventRun([e for e in ordered if e.pos is Pos.NOUN])
        clauses: dict[tuple[int, int], list[Event]] = {}
        for e in self.verbs.events:
            clauses.setdefault((e.start, e.end), []).append(e)
        spans = sorted(clauses)
        self._clause_starts = [a for a, _b in spans]
        self._clause_ends = [b for _a, b in spans]
        self._clause_verbs = [EventRun(clauses[s]) for s in spans]

    @property
    def events(self) -> list[Event]:
        """Every event of the sentence, in text order."""
        return self.all.events

    def clause_verbs(self, offset: int) -> EventRun:
        """The verbs of the clause that holds ``offset`` (none if no clause does)."""
        k = bisect.bisect_right(self._clause_starts, offset) - 1
        if k >= 0 and offset < self._clause_ends[k]:
            return self._clause_verbs[k]
        return _EMPTY


_EMPTY = EventRun(())
