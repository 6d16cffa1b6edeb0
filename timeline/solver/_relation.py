"""How two events stand, with a confidence: ``Relation`` and the queries behind
``Timeline.relation``, ``Timeline.start_relation`` and ``Timeline.relations_of``.

Takes the two solved networks of a timeline, the firm one (no weak defaults)
and the full one; gives a ``Relation``: the answer of the firm network when it
has one (``entailed``), else that of the full network (``likely``: it rests
on defaults whose precision was measured), else ``unknown``; with the rules
and words of the chain of constraints that entails it.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from timeline.relations import HARD, Constraint, Evidence
from timeline.solver._solution import Around, Solution

ENTAILED = "entailed"
LIKELY = "likely"


@attrs.frozen(eq=False)
class Relation:
    """An answer about two events, with its confidence and evidence.

    ``str()`` is the answer, and it compares equal to it, so code comparing
    strings keeps working: ``tl.relation(a, b) == "before"``.

    Attributes:
        value: "before", "after", "overlap" (intervals) or "same" (start
            points), or "unknown".
        confidence: "entailed" (firm evidence entails it), "likely" (it
            rests on defaults), or None for "unknown".
        rules: the rules of the constraints behind it, in chain order.
        evidence: those constraints' evidence (rule, words, offsets).
    """

    value: str
    confidence: str | None = None
    rules: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def __str__(self) -> str:
        return self.value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.value == other
        if isinstance(other, Relation):
            return (self.value, self.confidence, self.rules, self.evidence) == (
                other.value, other.confidence, other.rules, other.evidence)  # fmt: skip
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.value)

    def as_dict(self) -> dict[str, object]:
        """The relation for JSON: value, confidence, rules and the words they read."""
        return {
            "relation": self.value,
            "confidence": self.confidence,
            "rules": list(self.rules),
            "words": [ev.text for ev in self.evidence if ev.text],
        }


UNKNOWN = Relation("unknown")

# A solved network to ask: the whole Solution, or its searches around one event.
Network = Solution | Around

# (answer, chains of (from, to, bound) whose paths entail it) -> evidence
Query = Callable[[Network], "tuple[str, list[tuple[str, str, int]]] | None"]


def _interval(a: str, b: str) -> Query:
    sa, ea, sb, eb = f"{a}.start", f"{a}.end", f"{b}.start", f"{b}.end"

    def query(sol: Network) -> tuple[str, list[tuple[str, str, int]]] | None:
        if sol.entails(sb, ea, 0):
            return "before", [(sb, ea, 0)]
        if sol.entails(sa, eb, 0):
            return "after", [(sa, eb, 0)]
        if sol.entails(eb, sa, -1) and sol.entails(ea, sb, -1):
            return "overlap", [(eb, sa, -1), (ea, sb, -1)]
        return None

    return query


def _starts(a: str, b: str) -> Query:
    sa, sb = f"{a}.start", f"{b}.start"

    def query(sol: Network) -> tuple[str, list[tuple[str, str, int]]] | None:
        if sol.entails(sb, sa, -1):  # a.start - b.start <= -1
            return "before", [(sb, sa, -1)]
        if sol.entails(sa, sb, -1):
            return "after", [(sa, sb, -1)]
        if sol.entails(sa, sb, 0) and sol.entails(sb, sa, 0):
            return "same", [(sa, sb, 0), (sb, sa, 0)]
        return None

    return query


def _answer(sol: Network, query: Query, confidence: str) -> Relation | None:
    found = query(sol)
    if found is None:
        return None
    value, chains = found
    seen: list[Constraint] = []
    for u, v, bound in chains:
        for c in sol.path(u, v, bound):
            if c.strength < HARD and all(c is not k for k in seen):
                seen.append(c)
    rules = tuple(dict.fromkeys(c.evidence.rule for c in seen))
    return Relation(value, confidence, rules, tuple(dict.fromkeys(c.evidence for c in seen)))


def relation_of(firm: Network, full: Network | None, query: Query) -> Relation:
    """The firm answer (entailed), else the full network's (likely), else unknown."""
    found = _answer(firm, query, ENTAILED)
    if found is None and full is not None:
        found = _answer(full, query, LIKELY)
    return found or UNKNOWN


def interval_relation(firm: Network, full: Network | None, a: str, b: str) -> Relation:
    return relation_of(firm, full, _interval(a, b))


def start_relation(firm: Network, full: Network | None, a: str, b: str) -> Relation:
    return relation_of(firm, full, _starts(a, b))
