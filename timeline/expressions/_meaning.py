"""The meaning builder: parse tree -> meaning object.

A Lark ``Transformer`` turns each parse tree into one of the frozen classes
of ``_meaning_model``.  Its callbacks, one per grammar rule or alias, live by
family in the ``_meaning_*`` mixins (numbers, durations, calendar, relative,
sets, clock) and are combined here; a rule with no callback is a vague
expression named in vague_windows.toml or a pass-through.  A callback raises
``Reject`` for a parse the grammar allows but the calendar does not ("the
45th", "25:00"), so the tagger can fall back to a shorter span.
"""

from __future__ import annotations

from typing import Any

from lark import Token, Transformer, Tree

from timeline.expressions._meaning_calendar import CalendarRules
from timeline.expressions._meaning_clock import ClockRules
from timeline.expressions._meaning_durations import DurationRules
from timeline.expressions._meaning_model import Vague
from timeline.expressions._meaning_numbers import NumberRules
from timeline.expressions._meaning_relative import RelativeRules
from timeline.expressions._meaning_sets import SetRules
from timeline.expressions._tables import approximator_mods, calendar_words, formats, vague_windows


class MeaningBuilder(
    NumberRules,
    DurationRules,
    CalendarRules,
    RelativeRules,
    SetRules,
    ClockRules,
    Transformer[Token, Any],
):
    """Parse tree -> meaning object (one method per rule or alias)."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)
        words = calendar_words()
        self.months = words["month"]
        self.weekday_numbers = words["weekday"] | formats().weekday_abbreviations
        self.numbers = words["number"]
        self.ordinals = words["ordinal"]
        self.frequency = words["frequency"]
        self.seasons = words["season"]
        self.approximators = approximator_mods()

    def start(self, c: list[Any]) -> Any:
        return c[0]

    # Vague expressions: every alias maps to its own table row.
    def __default__(self, data: str, children: list[Any], meta: Any) -> Any:
        if data in vague_windows():
            return Vague(data)
        if len(children) == 1:  # pass-through rules
            return children[0]
        return Tree(data, children, meta)
