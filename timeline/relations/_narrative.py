"""The weak defaults of news narrative: the story-time and narrative-order rules.

Takes a ``Document`` (and the time anchors of ``_time_anchors``); gives weak
constraints that hold unless the text says otherwise: a past-tense event in a
sentence with no time of its own happened within the time the previous
sentence named, and the past-tense main clauses of one sentence are told in
the order they happened.
"""

from __future__ import annotations

from collections.abc import Iterator

from timeline.events import Aspect, Event, Pos, Status, Tense
from timeline.expressions import TimeExpression
from timeline.relations._constraint import ORIGIN, WEAK, Constraint
from timeline.relations._document import Document, _evidence, _expr_span, _trigger_span, end, start
from timeline.relations._time_anchors import _anchorable, _links
from timeline.relations._units import MINUTES_PER_DAY, to_minutes


def story_time(doc: Document) -> Iterator[Constraint]:
    """Weak default: a past-tense event in a sentence with no time of its own
    happened within the time (a day to a year) the previous sentence of its
    paragraph named ("Rebels seized the town on Sunday. They killed 20
    soldiers.")."""
    anchored: dict[int, TimeExpression] = {}
    for expr, _event, relation in _links(doc):
        if relation == "within" and _year_or_finer(expr):
            anchored.setdefault(doc.sentence_of(expr.start), expr)
    timed = {doc.sentence_of(e.start) for e in doc.expressions if _anchorable(e)}
    # A past perfect marks a flashback: its sentence leaves the story's day.
    flashback = {e.sentence for e in doc.events
                 if e.tense_label is Tense.PAST_PERFECT}  # fmt: skip
    for event in doc.events:
        sentence = event.sentence
        previous = anchored.get(sentence - 1)
        if previous is None or sentence in timed or sentence in flashback:
            continue
        if not _same_paragraph(doc, sentence):
            continue
        if event.tense is not Tense.PAST or event.aspect is not Aspect.NONE:
            continue
        if event.pos is not Pos.VERB or event.status not in (Status.ASSERTED, Status.REPORTED):
            continue
        lo, hi = to_minutes(previous.earliest), to_minutes(previous.latest)
        if lo is None or hi is None:
            continue
        ev = _evidence("story-time", doc, _expr_span(previous), _trigger_span(event))
        yield Constraint(ORIGIN, start(event), lo=lo, evidence=ev, strength=WEAK)
        yield Constraint(ORIGIN, end(event), hi=hi, evidence=ev, strength=WEAK)


def _year_or_finer(expr: TimeExpression) -> bool:
    lo, hi = to_minutes(expr.earliest), to_minutes(expr.latest)
    return lo is not None and hi is not None and hi - lo <= 366 * MINUTES_PER_DAY


def _same_paragraph(doc: Document, sentence: int) -> bool:
    """No blank line between this sentence and the one before it."""
    if sentence <= 0 or sentence >= len(doc.sentences):
        return False
    gap = doc.text[doc.sentences[sentence - 1].end : doc.sentences[sentence].start]
    return gap.count("\n") < 2


def narrative_order(doc: Document) -> Iterator[Constraint]:
    """Weak default: past-tense main clauses of one sentence are told in order."""
    previous: Event | None = None
    for event in doc.events:
        if event.pos is not Pos.VERB or event.tense is not Tense.PAST or event.governor:
            continue
        if event.aspect is not Aspect.NONE or event.status not in (Status.ASSERTED, Status.REPORTED):
            continue
        if event.event_class == "REPORTING":
            continue
        if previous is not None and previous.sentence == event.sentence:
            ev = _evidence("narrative-order", doc, _trigger_span(previous), _trigger_span(event))
            yield Constraint(start(previous), start(event), lo=0, evidence=ev, strength=WEAK)
        previous = event
