"""Words that relate two events: the event-signal and aspectual rules.

Takes a ``Document``; gives constraints between two events' points: a
connective between them ("after", "before", "since", "until", "amid": the
[event] table of ``connectives.toml``), with the gap a duration before it
names ("two days before"), and an aspectual verb over its complement ("began
bombing", "stopped firing": the [aspectual] table).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from timeline.events import Event
from timeline.expressions import TimeExpression, TimexType
from timeline.relations._constraint import MEDIUM, STRONG, Constraint, Evidence
from timeline.relations._document import Document, _evidence, _trigger_span, end, start
from timeline.relations._linking import _event_in_phrase, _finite, next_event
from timeline.relations._tables import _word_patterns, connectives
from timeline.relations._units import duration_span
from timeline.text import Sentence

_EVENT_SIGNAL = re.compile(r"\b([A-Za-z]+)\b")


def event_signal(doc: Document) -> Iterator[Constraint]:
    """A connective between two events orders them.

    "killed after three days of bombing": the killing starts after the
    bombing ends; "days before the talks": the fall ends before the talks
    begin, one to several days before; "since warplanes began bombing": the
    gains start after the bombing starts; "amid raids": they overlap.
    """
    table = connectives()["event"]
    words = {str(k) for k in table}
    for sentence in doc.sentences:
        for match in _EVENT_SIGNAL.finditer(doc.text, sentence.start, sentence.end):
            word = match.group(1).casefold()
            if word not in words:
                continue
            relation = str(table[word])
            after_signal = match.end()
            gap_expr = _duration_ending_at(doc, match.start())
            other = _event_after_signal(doc, after_signal, sentence)
            if other is None:
                continue
            this = _matrix_event(doc, match.start(), other)
            if this is None:
                continue
            spans = [_trigger_span(this), match.span(1), _trigger_span(other)]
            if gap_expr is not None:
                spans.append((gap_expr.start, gap_expr.end))
            ev = _evidence(f"event-{relation}", doc, *spans)
            yield from _order(relation, this, other, ev, gap_expr)


def _matrix_event(doc: Document, offset: int, other: Event) -> Event | None:
    """The event a connective attaches to: the nearest verb before it in the
    sentence ("gains ... since X"), or, for a sentence-initial connective
    ("After the vote, X"), the first verb after the introduced event."""
    verbs = doc.sentence_events(doc.sentence_of(offset)).verbs

    def related(e: Event) -> bool:  # the introduced event, its governor or a complement of it
        return e.id == other.id or e.governor == other.id or other.governor == e.id

    before = verbs.last_ending_by(offset, skip=related)
    if before is not None:
        return _finite(doc, before)
    after = verbs.first_starting_from(other.trigger_end + 1, skip=related)
    return _finite(doc, after) if after is not None else None


def _duration_ending_at(doc: Document, offset: int) -> TimeExpression | None:
    """'days' in 'days before X': a duration just before the signal word."""
    for expr in doc.expressions_ending_in(offset - 1, offset):
        if expr.type is TimexType.DURATION:
            return expr
    return None


def _event_after_signal(doc: Document, offset: int, sentence: Sentence) -> Event | None:
    """The event a signal introduces, skipping a time phrase that names its length.

    Returns None when the signal governs a time expression instead ("after
    Monday" is the time-anchor rule's business).
    """
    expr = doc.expression_starting_in(offset, offset + 2)
    if expr is not None:
        of = _word_patterns()["duration_of"].match(doc.text, expr.end)
        if expr.type is not TimexType.DURATION or of is None:
            return None
        return _event_in_phrase(doc, of.end())
    event = next_event(doc, offset)
    if event is None or event.trigger_start - offset > 60 or event.trigger_start >= sentence.end:
        return None
    return event


def _gap(gap: TimeExpression | None) -> tuple[int, int | None]:
    """Bounds of the gap a duration names ("two days before"): a duration that
    cannot be measured still gives the order (at least 0), never a boundless constraint."""
    lo, hi = duration_span(gap.value) if gap is not None else (None, None)
    return (0 if lo is None else lo), hi


def _order(relation: str, this: Event, other: Event, ev: Evidence,
           gap: TimeExpression | None) -> Iterator[Constraint]:  # fmt: skip
    if relation in ("after", "before"):
        lo, hi = _gap(gap)
        a, b = (end(other), start(this)) if relation == "after" else (end(this), start(other))
        yield Constraint(a, b, lo=lo, hi=hi, evidence=ev, strength=MEDIUM)
    elif relation == "since":
        yield Constraint(start(other), start(this), lo=0, evidence=ev, strength=MEDIUM)
    elif relation == "until":
        yield Constraint(start(other), end(this), lo=0, evidence=ev, strength=MEDIUM)
    elif relation == "overlap":
        # Overlap: each starts before the other ends.
        yield Constraint(start(this), end(other), lo=0, evidence=ev, strength=MEDIUM)
        yield Constraint(start(other), end(this), lo=0, evidence=ev, strength=MEDIUM)


def aspectual(doc: Document) -> Iterator[Constraint]:
    """'began bombing': the bombing starts while the beginning happens;
    'stopped firing': the firing ends then."""
    table = connectives()["aspectual"]
    begins, ends = set(table["begin"]), set(table["end"])  # type: ignore[call-overload]
    for event in doc.events:
        governor = doc.event_by_id(event.governor) if event.governor else None
        if governor is None or str(governor.event_class) != "ASPECTUAL":
            continue
        lemma = governor.lemma.casefold()
        if lemma not in begins and lemma not in ends:
            continue
        point = start(event) if lemma in begins else end(event)
        ev = _evidence("aspectual", doc, _trigger_span(governor), _trigger_span(event))
        # Half-open: the bombing starts while "began" happens, before it is over.
        yield Constraint(start(governor), point, lo=0, evidence=ev, strength=STRONG)
        yield Constraint(point, end(governor), lo=1, evidence=ev, strength=STRONG)
