"""Ordering events among themselves: one decision per pair of neighbouring events.

Takes a ``Document``; gives, for each pair of events of the same or adjacent
sentences (at most ``PAIR_REACH`` events apart), the first decision of the
rule families below, in this order, as a constraint between their points:

1. reported-event, reported-later (``_ordering_reporting``): an event and the
   report that governs it;
2. complement-order, clause-order (``_ordering_clauses``): the words linking
   the two clauses;
3. report-order (``_ordering_reporting``): a report and the events around it;
4. tense-order (``_ordering_tense``): future after past, past perfect first;
5. sentence-connective (``_ordering_clauses``): "Then", "Earlier" ...;
6. narrative-default (``_ordering_tense``): text order of a narrative.

The order is by measured precision, best first: a pair takes one decision
only, so no two of these rules contradict each other on one pair (the network
still weighs them against every other rule by strength).  A decision may be
"none" (a contrastive "while"): the pair is then left to the other rules.
Each registered rule (``ORDERING_RULES``) gives the constraints of its own
decisions; the decisions are computed once per document (``Document.memo``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from timeline.events import Event, Status
from timeline.relations._constraint import Constraint, Evidence
from timeline.relations._document import Document, end, start
from timeline.relations._ordering_base import ENTAILED, Order
from timeline.relations._ordering_clauses import clause_order, complement_order, connective_order
from timeline.relations._ordering_reporting import report_order, reported_event
from timeline.relations._ordering_tense import narrative_default, tense_order

# Each event is paired with at most this many following events (same or next
# sentence): the constraints stay linear in the text.
PAIR_REACH = 16

PairRule = Callable[[Document, Event, Event], "Order | None"]
DECISIONS: tuple[PairRule, ...] = (
    reported_event,
    complement_order,
    clause_order,
    report_order,
    tense_order,
    connective_order,
    narrative_default,
)


def _pairs(doc: Document) -> Iterator[tuple[Event, Event]]:
    events = [e for e in doc.events if e.status is not Status.NEGATED]
    for i, a in enumerate(events):
        for b in events[i + 1 : i + 1 + PAIR_REACH]:
            if b.sentence - a.sentence > 1:
                break
            yield a, b


def decide(doc: Document, a: Event, b: Event) -> Order | None:
    """The first decision of the rule families for events a, b (a first in text)."""
    for rule in DECISIONS:
        found = rule(doc, a, b)
        if found is not None:
            return found
    return None


def _constraints(doc: Document, a: Event, b: Event, order: Order) -> list[Constraint]:
    spans = tuple(sorted(sp for sp in order.spans if sp[0] < sp[1]))
    spans, words = doc.words_at(spans)
    # The spans are the rules' own (int offsets of the text): no validation.
    ev = Evidence._of(order.rule, words, spans, None, order.strength != ENTAILED)
    strength = order.strength  # ENTAILED or a LIKELY_STRENGTHS value: in range
    if order.order == "same":
        return [Constraint._of(start(a), start(b), 0, 0, ev, strength)]
    first, second = (a, b) if order.order == "before" else (b, a)
    if order.interval:  # the earlier is over when the later starts
        return [Constraint._of(end(first), start(second), 0, None, ev, strength)]
    return [Constraint._of(start(first), start(second), 1, None, ev, strength)]


def ordering_constraints(doc: Document) -> dict[str, list[Constraint]]:
    """Every decided pair's constraints, by rule name (computed once per document)."""

    def compute() -> dict[str, list[Constraint]]:
        out: dict[str, list[Constraint]] = {}
        for a, b in _pairs(doc):
            order = decide(doc, a, b)
            if order is not None and order.order != "none":
                out.setdefault(order.rule, []).extend(_constraints(doc, a, b, order))
        return out

    return doc.memo("ordering", compute)


def _rule(name: str) -> Callable[[Document], Iterator[Constraint]]:
    def rule(doc: Document) -> Iterator[Constraint]:
        yield from ordering_constraints(doc).get(name, ())

    rule.__name__ = rule.__qualname__ = name.replace("-", "_")
    rule.__doc__ = f"The {name} decisions of ``ordering_constraints``."
    return rule


ORDERING_RULE_NAMES = (
    "reported-event",
    "reported-later",
    "complement-order",
    "clause-order",
    "report-order",
    "tense-order",
    "sentence-connective",
    "narrative-default",
)
ORDERING_RULES = tuple((name, _rule(name)) for name in ORDERING_RULE_NAMES)


def is_likely_order(c: Constraint) -> bool:
    """A likely order of two events: an ordering default, not firm evidence.
    It answers order questions but is kept out of the firm network and the dates."""
    return c.evidence.assumption and c.evidence.rule in ORDERING_RULE_NAMES
