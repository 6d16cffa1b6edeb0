"""The constraint model the rules give and the solver takes.

A ``Constraint`` says ``lo <= time(b) - time(a) <= hi`` between two time
points ("e3.start", "t2.end", or ``ORIGIN``, time 0), with the ``Evidence``
behind it (rule, words, offsets) and a strength that decides only what is
dropped in a conflict.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, Literal, TypeAlias

import attrs

__all__ = [
    "HARD",
    "MEDIUM",
    "ORIGIN",
    "STRONG",
    "WEAK",
    "Constraint",
    "Evidence",
    "Point",
    "Relation",
]

Point: TypeAlias = Hashable
Relation: TypeAlias = Literal["before", "after", "overlap", "unknown"]

# Strength levels. Strength only decides what to drop in a conflict.
HARD = 100  # definitional (start <= end): never dropped
STRONG = 80  # explicit date anchors
MEDIUM = 50  # explicit connectives ("after", "before")
WEAK = 20  # defaults such as narrative order


class _Origin:
    """The reference point, time 0. A singleton that pickles by name."""

    __slots__ = ()
    _instance: _Origin | None = None

    def __new__(cls) -> _Origin:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ORIGIN"

    def __reduce__(self) -> str:
        return "ORIGIN"


ORIGIN: Point = _Origin()


def _to_spans(value: Iterable[Iterable[int]]) -> tuple[tuple[int, int], ...]:
    return tuple(tuple(span) for span in value)  # type: ignore[misc]


def _check_spans(_inst: object, _attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for span in value:
        ok = len(span) == 2 and all(type(x) is int for x in span) and 0 <= span[0] <= span[1]
        if not ok:
            raise ValueError(f"span must be (start, end) ints with 0 <= start <= end: {span!r}")


@attrs.frozen
class Evidence:
    """Why a constraint holds: the rule that made it and the words it read.

    Attributes:
        rule: Name of the rule that produced the constraint.
        text: The evidence words, as they appear in the text.
        spans: ``(start, end)`` character offsets of those words.
        description: Optional human-readable gloss.
        assumption: True when the constraint is a default the text does not
            state (the reporting-day default, a tense guess): outputs mark it.
    """

    rule: str = attrs.field(validator=attrs.validators.instance_of(str))
    text: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    spans: tuple[tuple[int, int], ...] = attrs.field(
        default=(), converter=_to_spans, validator=_check_spans
    )
    description: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=attrs.validators.optional(attrs.validators.instance_of(str)),
    )
    assumption: bool = attrs.field(
        default=False, kw_only=True, validator=attrs.validators.instance_of(bool)
    )

    @classmethod
    def _of(cls, rule: str, text: str, spans: tuple[tuple[int, int], ...],
            description: str | None = None, assumption: bool = False) -> Evidence:  # fmt: skip
        """The rules' own construction: spans already a tuple of valid int pairs.

        Skips the converter and validators, the larger part of a rule's cost
        per constraint; values a caller gives go through ``Evidence(...)``.
        """
        self = object.__new__(cls)
        _set = object.__setattr__
        _set(self, "rule", rule)
        _set(self, "text", text)
        _set(self, "spans", spans)
        _set(self, "description", description)
        _set(self, "assumption", assumption)
        return self

    def __str__(self) -> str:
        where = ", ".join(f"{s}-{e}" for s, e in self.spans)
        words = f' "{self.text}"' if self.text else ""
        return f"{self.rule}{words}" + (f" at {where}" if where else "")


@attrs.frozen
class Constraint:
    """``lo <= time(b) - time(a) <= hi``; a missing bound is unbounded.

    Attributes:
        a: The point the difference is measured from.
        b: The point the difference is measured to.
        lo: Least value of ``time(b) - time(a)``, or None.
        hi: Greatest value of ``time(b) - time(a)``, or None.
        evidence: Rule and text that justify the constraint.
        strength: How much to trust it (``HARD``, ``STRONG``, ``MEDIUM``,
            ``WEAK`` or any int in 0..100); only used to choose what to drop
            in a conflict. ``HARD`` constraints are never dropped.
    """

    a: Point
    b: Point
    lo: int | None = None
    hi: int | None = attrs.field(default=None, kw_only=True)
    evidence: Evidence = attrs.field(kw_only=True)
    strength: int = attrs.field(default=MEDIUM, kw_only=True)

    def __attrs_post_init__(self) -> None:
        # Every check in one place (not attrs validators): the rules build tens
        # of thousands of constraints per long text, and a call per check is
        # most of their cost.  Bounds are exact integers (minutes since
        # 0001-01-01): floats would lose precision there, bools are a bug.
        lo, hi = self.lo, self.hi
        for name, value in (("lo", lo), ("hi", hi)):
            if value is not None and type(value) is not int:
                raise TypeError(f"{name} must be an int or None, not {type(value).__name__}")
        if not isinstance(self.evidence, Evidence):
            raise TypeError(f"evidence must be an Evidence, not {type(self.evidence).__name__}")
        strength = self.strength
        if type(strength) is not int or not 0 <= strength <= HARD:
            raise ValueError(f"strength must be an int in 0..{HARD}: {strength!r}")
        if lo is None:
            if hi is None:
                raise ValueError(f"constraint {self.a!r} -> {self.b!r} gives no bound")
        elif hi is not None and lo > hi:
            raise ValueError(f"constraint {self.a!r} -> {self.b!r} has lo > hi ({lo} > {hi})")

    @classmethod
    def _of(cls, a: Point, b: Point, lo: int | None, hi: int | None, evidence: Evidence,
            strength: int) -> Constraint:  # fmt: skip
        """The rules' own construction from values they made valid (int bounds, lo <= hi,
        a strength in range): no checks, as ``Evidence._of``."""
        self = object.__new__(cls)
        _set = object.__setattr__
        _set(self, "a", a)
        _set(self, "b", b)
        _set(self, "lo", lo)
        _set(self, "hi", hi)
        _set(self, "evidence", evidence)
        _set(self, "strength", strength)
        return self

    def __str__(self) -> str:
        lo = "-inf" if self.lo is None else str(self.lo)
        hi = "+inf" if self.hi is None else str(self.hi)
        return f"{lo} <= {self.b!r} - {self.a!r} <= {hi}  [{self.evidence}]"
