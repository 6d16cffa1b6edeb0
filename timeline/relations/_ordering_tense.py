"""Tense and aspect pairs, and the narrative default: the tense-order and
narrative-default rules.

Takes a ``Document`` and two events of the same or adjacent sentences, in
text order; gives the ``Order`` their tenses suggest:

- tense-order: a past or perfect event before a future or planned one ("the
  rebels withdrew ... talks will resume"); a past perfect before a simple past
  or untensed event ("had fled ... returned").
- narrative-default: where nothing else speaks, an event of one sentence
  before an untensed or present-tense event of the next ("The troops
  withdrew. The town is calm."), a past or perfect one first.  Weakest of
  all, and kept only for the tense pairs whose measured precision is clearly
  above the plain text-order rule's.
"""

from __future__ import annotations

from timeline.events import Event, Pos, Status, Tense
from timeline.relations._document import Document, _trigger_span
from timeline.relations._ordering_base import (
    LIKELY_STRENGTHS,
    PAST_TENSES,
    Order,
    is_later,
    is_report,
)

# (first tense, second tense) pairs of adjacent sentences told in order:
# those whose measured precision (benchmarks/matres.py, rule
# narrative-default) is at least 0.56 against the text-order rule's 0.51.
# Two simple past events (0.53) or an untensed one before a past (0.51) are
# not among them.
_NARRATIVE = frozenset({
    (Tense.PAST, Tense.NONE), (Tense.PAST, Tense.PRESENT), (Tense.NONE, Tense.PRESENT),
    (Tense.PRESENT_PERFECT, Tense.NONE), (Tense.PRESENT_PERFECT, Tense.PRESENT),
})  # fmt: skip
_TENSED = (*PAST_TENSES, Tense.PRESENT)
_TOLD = (Status.ASSERTED, Status.REPORTED)


def tense_order(doc: Document, a: Event, b: Event) -> Order | None:
    """Future after past, past perfect before the simple past told after it."""
    strength = LIKELY_STRENGTHS["tense-order"]
    a_later = is_later(a)
    if a_later != is_later(b):
        other = b if a_later else a
        tense = other.tense_label
        if tense not in _TENSED or other.status not in _TOLD:
            return None
        spans = (_trigger_span(a), _trigger_span(b))
        return Order("tense-order", "after" if a_later else "before", spans, strength,
                     interval=tense in PAST_TENSES)  # fmt: skip
    # "had fled ... returned": told first, the past perfect happened first.  The
    # flashback after a simple past ("returned ... had fled") is left open: its
    # measured precision is no better than text order's.
    if a.tense_label is Tense.PAST_PERFECT and b.tense_label in (Tense.PAST, Tense.NONE):
        spans = (_trigger_span(a), _trigger_span(b))
        return Order("tense-order", "before", spans, strength, interval=True)
    return None


def narrative_default(doc: Document, a: Event, b: Event) -> Order | None:
    """Text order for the tense pairs of a narrative."""
    if is_report(a) or is_report(b) or a.pos is not Pos.VERB or b.pos is not Pos.VERB:
        return None
    if a.status is Status.NEGATED or b.status is Status.NEGATED:
        return None
    if a.sentence == b.sentence or (a.tense_label, b.tense_label) not in _NARRATIVE:
        return None
    spans = (_trigger_span(a), _trigger_span(b))
    return Order("narrative-default", "before", spans, LIKELY_STRENGTHS["narrative-default"])
