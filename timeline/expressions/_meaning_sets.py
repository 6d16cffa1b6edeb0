"""Meaning builder rules for sets: "every week", "twice a year", "daily".

Takes recurrence phrases; gives ``Recurrence``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from lark import Token

from timeline.expressions._meaning_model import Recurrence, Reject, Unit
from timeline.expressions._meaning_tree import period_value, word_of
from timeline.expressions._tables import calendar_words


class SetRules:
    """Transformer callbacks mixed into ``MeaningBuilder``."""

    weekday_numbers: dict[str, int]
    frequency: dict[str, str]

    def every(self, c: list[Any]) -> Recurrence:
        item = c[1]
        if isinstance(item, Unit):
            return Recurrence(period_value(Fraction(1), item.name), quant="EVERY")
        if item.type == "WEEKDAY":
            return Recurrence(f"XXXX-WXX-{self.weekday_numbers[word_of(item)]}", quant="EVERY")
        code = self._part_code(item)
        return Recurrence(f"XXXX-XX-XXT{code}", quant="EVERY")

    def _part_code(self, token: Token) -> str:
        return calendar_words()["part_of_day"][word_of(token)]["code"]

    def every_other(self, c: list[Any]) -> Recurrence:
        return Recurrence(period_value(Fraction(2), c[-1].name), quant="EVERY")

    def every_n(self, c: list[Any]) -> Recurrence:
        return Recurrence(period_value(c[1], c[2].name), quant="EVERY")

    def frequency_adverb(self, c: list[Token]) -> Recurrence:
        return Recurrence(self.frequency[word_of(c[0])])

    def times_per(self, c: list[Any]) -> Recurrence:
        times = 1 if c[0].type == "ONCE" else 2
        return Recurrence(period_value(Fraction(1), c[-1].name), freq=f"{times}X")

    def n_times_per(self, c: list[Any]) -> Recurrence:
        if c[0].denominator != 1:
            raise Reject("times")
        return Recurrence(period_value(Fraction(1), c[-1].name), freq=f"{c[0].numerator}X")

    def weekdays(self, c: list[Token]) -> Recurrence:
        return Recurrence(f"XXXX-WXX-{self.weekday_numbers[word_of(c[0])[:-1]]}", quant="EVERY")
