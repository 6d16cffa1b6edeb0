"""Carrying a day to the events it governs: the clause-time and stamp-time rules.

Takes a ``Document`` (and the time links of ``_time_anchors``); gives weaker
constraints than the time-anchor rule's, for events the text times without
naming a time in their own clause:

* clause-time: a temporal clause ("as", "when", "while", from
  ``grammars/dating.toml``) happens within the time of the clause it is
  joined to, either way round: "The defendant wept as the judge read the
  verdict on Thursday" puts "wept" inside Thursday.
* stamp-time: a live-blog time stamp ("14:32 GMT" on a line of its own)
  dates the entry below it: a past event of the entry ended by then, on that
  day; a present one holds then.
(Narrative frames, "In 1994, ...", are ``_frames``'.)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from timeline._errors import DataTableError
from timeline.events import Aspect, Event, Pos, Status, Tense
from timeline.expressions import TimeExpression
from timeline.relations._constraint import MEDIUM, ORIGIN, WEAK, Constraint
from timeline.relations._dating_table import dating_table
from timeline.relations._document import Document, _evidence, _expr_span, _trigger_span, end, start
from timeline.relations._time_anchors import _links, furniture_zones
from timeline.relations._units import MINUTES_PER_DAY, to_minutes

__all__ = ["clause_time", "stamp_time"]


@functools.cache
def _clause_cue() -> re.Pattern[str]:
    words = dating_table()["temporal_clause"]["words"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataTableError("dating.toml: [temporal_clause] words must be a list of strings")
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})\b", re.IGNORECASE)


def _opens_temporal_clause(doc: Document, event: Event) -> bool:
    return _clause_cue().match(doc.text, event.start) is not None


def _carried(event: Event) -> bool:
    """An event that takes the time of the clause it is joined to: an asserted
    or reported past (or tenseless) verb that is not a perfect (a flashback)."""
    return (event.pos is Pos.VERB and event.polarity == "POS"
            and event.tense in (Tense.PAST, Tense.NONE)
            and event.aspect in (Aspect.NONE, Aspect.PROGRESSIVE)
            and event.status in (Status.ASSERTED, Status.REPORTED))  # fmt: skip


def _day_or_finer(expr: TimeExpression) -> bool:
    lo, hi = to_minutes(expr.earliest), to_minutes(expr.latest)
    return lo is not None and hi is not None and hi - lo <= MINUTES_PER_DAY


def clause_time(doc: Document) -> Iterator[Constraint]:
    """A temporal clause and the clause it is joined to share the day one of them names."""
    linked = {event.id for _expr, event, _relation in _links(doc)}
    for expr, event, relation in _links(doc):
        if relation != "within" or not _day_or_finer(expr) or not _carried(event):
            continue
        lo, hi = to_minutes(expr.earliest), to_minutes(expr.latest)
        by_clause = _events_by_clause(doc)
        for other in (*by_clause.get((event.sentence, event.clause - 1), ()),
                      *by_clause.get((event.sentence, event.clause + 1), ())):  # fmt: skip
            if other.id in linked or not _carried(other):
                continue
            cued = next((e for e in (other, event) if _opens_temporal_clause(doc, e)), None)
            if cued is None:
                continue
            cue = _clause_cue().match(doc.text, cued.start)
            assert cue is not None
            ev = _evidence("clause-time", doc, _expr_span(expr), _trigger_span(other), cue.span())
            yield Constraint(ORIGIN, start(other), lo=lo, evidence=ev, strength=MEDIUM)
            yield Constraint(ORIGIN, end(other), hi=hi, evidence=ev, strength=MEDIUM)


def _events_by_clause(doc: Document) -> dict[tuple[int, int], list[Event]]:
    """The events of each (sentence, clause), grouped once per document."""
    def compute() -> dict[tuple[int, int], list[Event]]:
        grouped: dict[tuple[int, int], list[Event]] = {}
        for event in doc.events:
            grouped.setdefault((event.sentence, event.clause), []).append(event)
        return grouped
    return doc.memo("events-by-clause", compute)


def stamp_time(doc: Document) -> Iterator[Constraint]:
    """The events of a live-blog entry, against the entry's time stamp."""
    stamps = [z for z in furniture_zones(doc)[1] if z.kind == "timestamp"]
    for n, zone in enumerate(stamps):
        expr = doc.expression_starting_in(zone.start, zone.end)
        if expr is None or expr.end > zone.end or to_minutes(expr.latest) is None:
            continue
        entry_end = stamps[n + 1].start if n + 1 < len(stamps) else len(doc.text)
        day = to_minutes(expr.earliest)
        at = to_minutes(expr.latest)
        assert at is not None
        day_start = None if day is None else day - day % MINUTES_PER_DAY
        for event in _entry_events(doc, zone.end, entry_end):
            ev = _evidence("stamp-time", doc, _expr_span(expr), _trigger_span(event))
            if event.tense_label in (Tense.PAST, Tense.PRESENT_PERFECT):
                yield Constraint(ORIGIN, end(event), hi=at, evidence=ev, strength=MEDIUM)
                if day_start is not None and event.tense_label is Tense.PAST:
                    yield Constraint(ORIGIN, start(event), lo=day_start, evidence=ev, strength=WEAK)
            elif event.tense_label is Tense.PRESENT and event.pos is Pos.VERB:
                yield Constraint(ORIGIN, start(event), hi=at, evidence=ev, strength=WEAK)
                yield Constraint(ORIGIN, end(event), lo=at, evidence=ev, strength=WEAK)


def _entry_events(doc: Document, lo: int, hi: int) -> Iterator[Event]:
    first, last = doc.sentence_of(lo), doc.sentence_of(hi)
    for sentence in range(first, last + 1):
        for event in doc.events_in(sentence):
            if lo <= event.trigger_start < hi and event.polarity == "POS" and event.status in (
                    Status.ASSERTED, Status.REPORTED):  # fmt: skip
                yield event
