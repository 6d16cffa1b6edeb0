"""Reporting verbs and what they report: the reported-event and report-order rules.

Takes a ``Document`` and two events of the same or adjacent sentences, in
text order; gives the ``Order`` of their starts when one of them is a report
("officials said", "the ministry announced"):

- reported-event: an event the report governs ("said the town fell", "the
  town fell, officials said") started before the report; a past or perfect
  one is firm evidence (entailed), a present or untensed one likely.
- reported-later: a future or planned event it reports ("said it would
  withdraw", "announced plans to hold talks") comes after the report.
- report-order: in news, the other events of the report's sentence and of the
  sentences either side started before it, a future or planned one after it,
  and successive reports were made in the order they are told (likely).
"""

from __future__ import annotations

from timeline.events import Event, EventClass, Status, Tense
from timeline.relations._document import Document, _trigger_span
from timeline.relations._ordering_base import (
    ENTAILED,
    LIKELY_STRENGTHS,
    Order,
    is_later,
    is_report,
)
from timeline.relations._ordering_clauses import opens_contrast

# A reported past perfect is told as over by the report; a simple past one
# only as begun ("officials said the siege went on": measured, a reported
# past often still spans the report).
_OVER = (Tense.PAST_PERFECT,)
_FIRM = (Tense.PAST, Tense.PAST_PERFECT, Tense.PRESENT_PERFECT)
# The classes of the events told after a report that it reports.
_TOLD_AFTER = (EventClass.OCCURRENCE, EventClass.ASPECTUAL, EventClass.PERCEPTION)


def reported_event(doc: Document, a: Event, b: Event) -> Order | None:
    """An event its report governs, ordered against the report."""
    if b.governor == a.id and is_report(a):
        report, told = a, b
    elif a.governor == b.id and is_report(b):
        report, told = b, a
    else:
        return None
    spans = (_trigger_span(report), _trigger_span(told))
    told_first = told is a
    if opens_contrast(doc, b):
        # "testified that he fired, while the prosecution argued ...": a
        # contrastive clause is neither reported by nor reporting the other.
        return Order("reported-event", "none", spans, 0)
    # "said it would withdraw", "said it could try": intended or possible,
    # so after the report if ever.
    if is_later(told) or told.status is Status.HYPOTHETICAL:
        rule = "reported-later"
        order = "after" if told_first else "before"
        return Order(rule, order, spans, LIKELY_STRENGTHS[rule], interval=True)
    order = "before" if told_first else "after"
    if told.tense_label in _FIRM:
        return Order("reported-event", order, spans, ENTAILED, interval=told.tense_label in _OVER)
    return Order("reported-event", order, spans, LIKELY_STRENGTHS["reported-event"])


def report_order(doc: Document, a: Event, b: Event) -> Order | None:
    """A report and another event near it, the report not governing it."""
    a_report, b_report = is_report(a), is_report(b)
    if a_report and b_report:
        simple = (Tense.PAST, Tense.PRESENT)
        if a.sentence == b.sentence or a.tense_label not in simple or b.tense_label not in simple:
            return None
        # Successive reports of a story are made in the order they are told.
        spans = (_trigger_span(a), _trigger_span(b))
        return Order("report-order", "before", spans, LIKELY_STRENGTHS["report-order"])
    if a_report == b_report:
        return None
    spans = (_trigger_span(a), _trigger_span(b))
    other = b if a_report else a
    if other.event_class is EventClass.REPORTING or other.status is Status.HYPOTHETICAL:
        return Order("report-order", "none", spans, 0)  # no order known
    other_first = other is a
    # What follows a report is what it reported when it is told as a fact
    # that happened; a state or an intention told after it is not placed.
    if not other_first and other.event_class not in _TOLD_AFTER:
        return None
    later = is_later(other)
    order = "after" if other_first == later else "before"
    return Order("report-order", order, spans, LIKELY_STRENGTHS["report-order"])
