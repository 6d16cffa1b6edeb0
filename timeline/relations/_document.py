"""What the rules read: one dated text and its stages' output (``Document``).

Takes the text, its publication date, expressions, sentences and events; gives
the lookups the rules share, each an index so that every rule stays linear
(events by id and by sentence, expressions by offset, the sentence of an
offset), the names of an event's time points (``start``, ``end``) and the
``Evidence`` of a rule (``_evidence``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator
from typing import TypeVar

import attrs

from timeline.events import Event
from timeline.expressions import TimeExpression
from timeline.relations._constraint import Constraint, Evidence
from timeline.relations._event_index import SentenceEvents
from timeline.relations._units import MINUTES_PER_DAY
from timeline.text import Sentence, Zone

T = TypeVar("T")


@attrs.frozen
class Document:
    """What the rules read: one dated text and its stages' output.

    Attributes:
        text: the text.
        published: the publication date.
        expressions: tagged temporal expressions, in text order.
        sentences: the sentences, in text order.
        events: the events, in text order.
        zones: the zones of the text (``timeline.text.find_zones``), when the
            caller has read them; None: found from the text when a rule asks.
    """

    text: str
    published: dt.date
    expressions: tuple[TimeExpression, ...]
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
    zones: tuple[Zone, ...] | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    _memo: dict[str, object] = attrs.field(factory=dict, init=False, repr=False, eq=False)
    # spans -> (spans, words) and span -> span: the rules read the same words
    # (an event's trigger, a time's phrase) for many constraints, and one copy
    # of the words and of each offset pair serves all of them.
    _readings: dict[tuple[tuple[int, int], ...], tuple[tuple[tuple[int, int], ...], str]] = (
        attrs.field(factory=dict, init=False, repr=False, eq=False))  # fmt: skip
    _spans: dict[tuple[int, int], tuple[int, int]] = attrs.field(
        factory=dict, init=False, repr=False, eq=False)  # fmt: skip

    def words_at(self, spans: tuple[tuple[int, int], ...],
                 ) -> tuple[tuple[tuple[int, int], ...], str]:  # fmt: skip
        """``spans`` (valid int offsets, sorted) and the words they hold, joined
        by " … ": the same tuples and string for every equal ``spans``."""
        found = self._readings.get(spans)
        if found is None:
            text = self.text
            if len(spans) == 1:  # most evidence: one span, its words a slice
                (a, b), = spans
                spans = (self._spans.setdefault(spans[0], spans[0]),)
                found = self._readings[spans] = (spans, text[a:b])
            else:
                shared = self._spans
                spans = tuple([shared.setdefault(s, s) for s in spans])
                found = (spans, " … ".join([text[a:b] for a, b in spans]))
                self._readings[spans] = found
        return found

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A value derived from the document, computed on first use."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    @functools.cached_property
    def _events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def event_by_id(self, event_id: str) -> Event | None:
        return self._events_by_id.get(event_id)

    @functools.cached_property
    def _events_by_sentence(self) -> dict[int, SentenceEvents]:
        grouped: dict[int, list[Event]] = {}
        for event in self.events:
            grouped.setdefault(event.sentence, []).append(event)
        return {sentence: SentenceEvents(events) for sentence, events in grouped.items()}

    def sentence_events(self, sentence: int) -> SentenceEvents:
        """The events of one sentence, indexed for nearest-event queries."""
        return self._events_by_sentence.get(sentence, _NO_EVENTS)

    def events_in(self, sentence: int) -> list[Event]:
        """The events of one sentence, in text order (an index: rules stay linear)."""
        return self.sentence_events(sentence).events

    @functools.cached_property
    def _expression_starts(self) -> list[int]:
        return [e.start for e in self.expressions]

    @functools.cached_property
    def _expression_ends(self) -> list[tuple[int, int]]:
        return sorted((e.end, i) for i, e in enumerate(self.expressions))

    def expression_starting_in(self, lo: int, hi: int) -> TimeExpression | None:
        """The first expression that starts in [lo, hi]."""
        i = bisect.bisect_left(self._expression_starts, lo)
        if i < len(self.expressions) and self.expressions[i].start <= hi:
            return self.expressions[i]
        return None

    def expressions_ending_in(self, lo: int, hi: int) -> list[TimeExpression]:
        """The expressions that end in [lo, hi]."""
        ends = self._expression_ends
        i = bisect.bisect_left(ends, (lo, -1))
        out = []
        while i < len(ends) and ends[i][0] <= hi:
            out.append(self.expressions[ends[i][1]])
            i += 1
        return out

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    @property
    def publication_start(self) -> int:
        return (self.published.toordinal() - 1) * MINUTES_PER_DAY

    @property
    def publication_end(self) -> int:
        return self.publication_start + MINUTES_PER_DAY


_NO_EVENTS = SentenceEvents(())

Rule = Callable[[Document], Iterator[Constraint]]


def start(event: Event) -> str:
    # Interned: the rules name each point many times, and one string per point
    # (not one per constraint) is both less memory and a faster index look-up.
    return sys.intern(f"{event.id}.start")


def end(event: Event) -> str:
    return sys.intern(f"{event.id}.end")


def _evidence(rule: str, doc: Document, *spans: tuple[int, int], note: str | None = None) -> Evidence:
    spans = tuple(sorted(s for s in spans if s[0] < s[1]))
    if all(type(s) is tuple and len(s) == 2 and type(s[0]) is type(s[1]) is int and s[0] >= 0
           for s in spans):  # fmt: skip
        spans, words = doc.words_at(spans)
        return Evidence._of(rule, words, spans, note)  # valid offsets: not checked again
    words = " … ".join(doc.text[a:b] for a, b in spans)
    return Evidence(rule, words, spans, description=note)  # validated: a clear error


def _trigger_span(event: Event) -> tuple[int, int]:
    return (event.trigger_start, event.trigger_end)


def _expr_span(expr: TimeExpression) -> tuple[int, int]:
    if expr.signal_start is not None:
        return (expr.signal_start, expr.end)
    return (expr.start, expr.end)
