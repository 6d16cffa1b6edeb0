"""Clauses, complements and sentence connectives: the clause-order,
complement-order and sentence-connective rules.

Takes a ``Document`` and two events in text order; gives the ``Order`` of
their starts that the words between them name:

- clause-order: the word opening the later event's clause ([clause] of
  ordering.toml): "who had fled", "because troops fired" started earlier;
  "when the shells fell" is a temporal clause that started first; "and fled"
  is told in order; a contrastive "while" ("while the prosecution said ...")
  or "whereas" relates nothing.
- complement-order: an infinitival or purpose complement starts after its
  governor ("ordered troops to withdraw", "went to buy").
- sentence-connective: "Then", "Two days later", "Earlier" heading a sentence
  relate its events to the previous sentence's.
"""

from __future__ import annotations

import functools

from timeline.events import Event, EventClass, Pos
from timeline.relations._document import Document, _trigger_span
from timeline.relations._ordering_base import (
    LIKELY_STRENGTHS,
    Order,
    clause_cues,
    clause_opener,
    is_report,
    ordering,
    sentence_connective,
    words_at,
)

# "none": the clause relates nothing, and no weaker rule may order the pair.
_KIND_ORDER = {"earlier": "after", "temporal": "after", "later": "before",
               "overlap": "none", "contrastive": "none"}  # fmt: skip


def contrastive_clause(doc: Document, event: Event) -> bool:
    """Whether the event's clause is contrastive rather than temporal ("while
    the prosecution said ...", "while others disagree"): it holds a report
    or one of the [contrast] words of ordering.toml."""
    cache: dict[tuple[int, int], bool] = doc.memo("ordering-contrast", dict)
    key = (event.start, event.end)
    if key not in cache:
        clause = doc.sentence_events(event.sentence).clause_verbs(event.start).events
        reports = any(is_report(e) for e in clause)
        words = _contrast_words()
        cache[key] = reports or any(
            m.group().casefold() in words for m in words_at(doc.text, event.start, event.end, 40)
        )
    return cache[key]


def opens_contrast(doc: Document, event: Event) -> bool:
    """Whether the event's clause opens with a contrastive word ("whereas"), or
    with "while" or "as" used contrastively (``contrastive_clause``)."""
    opener = clause_opener(doc, event)
    kind = clause_cues().get(opener.group().casefold()) if opener is not None else None
    if kind in ("temporal", "overlap"):
        return contrastive_clause(doc, event)
    return kind == "contrastive"


@functools.cache
def _contrast_words() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in ordering()["contrast"]["words"])  # type: ignore[attr-defined]


def clause_order(doc: Document, a: Event, b: Event) -> Order | None:
    """The later event's clause opener relates it to an earlier clause of its sentence."""
    if a.sentence != b.sentence or a.start == b.start:
        return None
    opener = clause_opener(doc, b)
    if opener is None:
        return None
    kind = clause_cues().get(opener.group().casefold())
    if kind is None:
        return None
    if kind in ("temporal", "overlap") and contrastive_clause(doc, b):
        kind = "contrastive"
    spans = (_trigger_span(a), opener.span(), _trigger_span(b))
    return Order("clause-order", _KIND_ORDER[kind], spans, LIKELY_STRENGTHS["clause-order"])


@functools.cache
def _complement() -> tuple[frozenset[EventClass], int, frozenset[str]]:
    """([complement] not_after classes, reach, marker words) of ordering.toml."""
    table = ordering()["complement"]
    classes = frozenset(EventClass(str(c)) for c in table["not_after"])  # type: ignore[attr-defined]
    marks = frozenset(str(w).casefold() for w in table["words"])  # type: ignore[attr-defined]
    return classes, int(table["reach"]), marks  # type: ignore[call-overload]


def complement_order(doc: Document, a: Event, b: Event) -> Order | None:
    """'ordered troops to withdraw': the complement starts after its governor."""
    if a.sentence != b.sentence or a.pos is not Pos.VERB or b.pos is not Pos.VERB:
        return None
    not_after, reach, marks = _complement()
    if a.event_class in not_after or is_report(a) or b.trigger_start - a.trigger_end > 80:
        return None
    between = words_at(doc.text, a.trigger_end, b.trigger_start, reach + 2)
    if not between or len(between) > reach or between[-1].group().casefold() not in marks:
        return None
    if doc.text[between[-1].end() : b.trigger_start].strip():
        return None  # "to" must come right before the complement's verb
    spans = (_trigger_span(a), between[-1].span(), _trigger_span(b))
    return Order("complement-order", "before", spans, LIKELY_STRENGTHS["complement-order"])


def connective_order(doc: Document, a: Event, b: Event) -> Order | None:
    """'Then ...', 'Two days later, ...': the sentence after the previous one's events."""
    if b.sentence != a.sentence + 1:
        return None
    found = sentence_connective(doc, b.sentence)
    if found is None:
        return None
    kind, span = found
    order = "before" if kind == "later" else "after"
    spans = (_trigger_span(a), span, _trigger_span(b))
    return Order("sentence-connective", order, spans, LIKELY_STRENGTHS["sentence-connective"])
