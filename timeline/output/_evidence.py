"""What the outputs say about each bound: its value at the grain of its evidence,
the chain of constraints behind it, and where the event stands.

Shared by the text timeline, JSON timeline/2 and the tables.  A bound is read
from the solved network with the chain of constraints that gives it; the one
minute each strict step adds ("start < end", "after": the solver keeps them
in whole minutes) is not evidence and is taken off again, and a bound whose evidence
names no clock time is shown as a day.
"""

from __future__ import annotations

import bisect
import types
from collections.abc import Sequence
from typing import Any

import attrs

from timeline.expressions._model import TimeExpression
from timeline.relations import MINUTES_PER_DAY, ORIGIN, Constraint, from_minutes, to_minutes
from timeline.relations._time_anchors import DATELINE_REACH, is_dateline
from timeline.solver._timeline import Moment, Timeline, TimelineEvent

__all__ = ["BOUNDS", "Bound", "Placement", "event_bounds", "reader_rule", "source_of"]

# (field of TimelineEvent, point suffix, which side of the solver)
BOUNDS = (
    ("earliest_start", "start", "earliest"),
    ("latest_start", "start", "latest"),
    ("earliest_end", "end", "earliest"),
    ("latest_end", "end", "latest"),
)

# Rule ids as a reader would put them; a rule id of a family ("time-within",
# "tense-past") falls back to its family's phrase.
_RULE_WORDS = {
    "event-interval": "an event ends after it starts",
    "time-within": "the time expression contains it",
    "time-starts_in": "it starts within the time expression",
    "time-ends_in": "it ends within the time expression",
    "time-ends_by": "it is over by the time expression",
    "time-before": "it is before the time expression",
    "time-after": "it is after the time expression",
    "time-anchor": "placed by a time expression",
    "time": "placed by a time expression",
    "event": "a connective links it to another event",
    "event-after": "a connective puts it after another event",
    "event-before": "a connective puts it before another event",
    "event-since": "a connective says it goes on since another event",
    "event-until": "a connective says it goes on until another event",
    "event-overlap": "a connective puts it during another event",
    "tense-past": "past tense: over by publication",
    "tense-past_perfect": "past perfect: over by publication",
    "tense-present": "present tense: going on at publication",
    "tense-present_perfect": "present perfect: begun by publication",
    "tense-result": "a completed present perfect: over before publication",
    "tense-future": "future tense: after publication",
    "tense": "its tense, against the publication day",
    "reporting-day": "said on the publication day",
    "untensed-past": "a participle told in the past: over by publication",
    "intended-ahead": "what a present intention aims at: from publication on",
    "modal-ahead": "a present 'may' or 'must': from publication on",
    "since-continues": "'since': still going on at publication",
    "story-time": "the story's current time",
    "clause-time": "a temporal clause shares its main clause's time",
    "coordinate-time": "joined by 'and' to a verb the text dates: shares its time",
    "relative-time": "the relative clause of a dated event: within its time",
    "document-time": "a report from a document the text dates: made then",
    "adjunct-time": "told with a dated verb or participle: within its day",
    "reported-before": "told by a dated report: over before the report's day",
    "stamp-time": "the time stamp of its live-blog entry",
    "mention-time": "a later mention of a dated happening: within its time",
    "narrative-order": "told in order: after the event before it",
    "duration": "a stated duration",
    "aspectual": "it begins, goes on or ends another event",
    "event-signal": "a connective links it to another event",
    "same-happening": "the same happening told in another place",
    "report-order": "a report comes after what it reports",
    "reported-event": "what is reported happened by the time of the report",
    "reported-later": "what is reported comes after the report",
    "tense-order": "the tenses of two events order them",
    "clause-order": "the order of the clauses",
    "complement-order": "a clause and the clause it completes",
    "narrative-default": "told in order (a default)",
    "sentence-connective": "a connective between sentences orders them",
}


def reader_rule(rule: str) -> str:
    """'past tense: over by publication [tense-past]': the reader's phrase, the id kept."""
    words = _RULE_WORDS.get(rule) or _RULE_WORDS.get(rule.split("-")[0])
    return f"{words} [{rule}]" if words else rule


@attrs.frozen
class Bound:
    """One of an event's four bounds as the outputs show it.

    Attributes:
        field: "earliest_start", "latest_start", "earliest_end" or "latest_end".
        minutes: the bound in minutes since 0001-01-01 (strictness minute removed,
            snapped to the grain).
        grain: "minute" where the evidence names a clock time or a part of a day,
            else "day".
        moment: ``minutes`` as a date (at midnight) or a datetime.
        chain: the constraints that add up to it, from the origin.
    """

    field: str
    minutes: int
    grain: str
    moment: Moment
    chain: tuple[Constraint, ...]


class _Spans:
    """A document's time expressions by offset, for span look-ups in log time."""

    def __init__(self, expressions: Sequence[TimeExpression], dateline: set[str]) -> None:
        self.exprs = sorted(expressions, key=lambda e: e.start)
        self.starts = [e.start for e in self.exprs]
        self.dateline = dateline

    def within(self, lo: int, hi: int) -> list[TimeExpression]:
        """The expressions that overlap [lo, hi)."""
        i = bisect.bisect_left(self.starts, hi)
        out = []
        # Expressions are short and rarely nested: step back while they may still overlap.
        j = i - 1
        while j >= 0 and self.starts[j] > lo - 200:
            e = self.exprs[j]
            if e.end > lo and e.start < hi:
                out.append(e)
            j -= 1
        return out


def _dateline_tids(tl: Timeline, source: str) -> set[str]:
    text = tl.texts.get(source)
    published = tl.published.get(source)
    if text is None or published is None:
        return set()
    doc: Any = types.SimpleNamespace(text=text, published=published)
    return {e.tid for e in tl.expressions.get(source, ()) if e.start <= DATELINE_REACH
            and is_dateline(doc, e)}  # fmt: skip


class Placement:
    """Per timeline: each event's bounds, and whether the text dates it.

    Built once per rendering: look-ups are by offset
    (bisection), so rendering stays linear in the events and their chains.
    """

    def __init__(self, tl: Timeline) -> None:
        self.tl = tl
        self._spans: dict[str, _Spans] = {}
        sources = {e.id.rsplit(".", 1)[0]: e.source for e in tl.events if "." in e.id}
        self._prefix = sources
        self._single = next(iter(tl.published), "") if len(tl.published) == 1 else None

    def spans(self, source: str) -> _Spans:
        if source not in self._spans:
            exprs = self.tl.expressions.get(source, ())
            self._spans[source] = _Spans(exprs, _dateline_tids(self.tl, source))
        return self._spans[source]

    def source_of(self, c: Constraint) -> str | None:
        """The document a constraint's evidence words are in (None: across documents)."""
        if self._single is not None:
            return self._single
        names = {self._prefix.get(str(p).split(".", 1)[0]) for p in (c.a, c.b) if p is not ORIGIN}
        names.discard(None)
        return next(iter(names)) if len(names) == 1 else None  # type: ignore[return-value]

    def expressions_read(self, c: Constraint) -> list[TimeExpression]:
        """The time expressions (not the dateline) a constraint's evidence read."""
        source = self.source_of(c)
        if source is None:
            return []
        spans = self.spans(source)
        return [e for lo, hi in c.evidence.spans for e in spans.within(lo, hi)
                if e.tid not in spans.dateline]  # fmt: skip

    def bounds(self, event: TimelineEvent) -> list[Bound]:
        """The event's known bounds, earliest start to latest end."""
        solution = self.tl._solution
        out = []
        for field, end, which in BOUNDS:
            point = f"{event.id}.{end}"
            value = getattr(solution, which)(point)
            if value is None:
                continue
            chain = tuple(solution.explain(point, which))
            strict = sum(1 for c in chain if _strict(c))
            value += -strict if which == "earliest" else strict
            grain = "minute" if any(_has_clock(e) for c in chain
                                    for e in self.expressions_read(c)) else "day"  # fmt: skip
            if grain == "day":
                value = value - value % MINUTES_PER_DAY if which == "earliest" else (
                    value + (-value) % MINUTES_PER_DAY)  # fmt: skip
            moment = from_minutes(value, round_up=which == "latest")
            out.append(Bound(field, value, grain, moment, chain))
        return out

    def dated(self, bounds: Sequence[Bound]) -> bool:
        """Whether a time expression of the text (not only the publication day) places it."""
        return any(self.expressions_read(c) for b in bounds for c in b.chain)


def _strict(c: Constraint) -> bool:
    """A strict order of two points ("start < end", "after"), kept in the network as one
    minute: a convention of the solver's whole minutes, not evidence of a minute."""
    return c.lo == 1 and c.hi is None and c.a is not ORIGIN and c.b is not ORIGIN


def _has_clock(e: TimeExpression) -> bool:
    lo, hi = to_minutes(e.earliest), to_minutes(e.latest)
    return any(v is not None and v % MINUTES_PER_DAY for v in (lo, hi))


def event_bounds(tl: Timeline, event: TimelineEvent) -> list[Bound]:
    """The known bounds of one event (builds a Placement: for many events, make one)."""
    return Placement(tl).bounds(event)


def source_of(tl: Timeline, c: Constraint) -> str | None:
    return Placement(tl).source_of(c)
