"""Meaning builder rules for sets: "every week", "twice a year", "daily".

Takes recurrence phrases; gives ``Recurrence``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from lark import Token

from timeline.expressions._meaning_model import Clock, Recurrence, Reject, Unit
from timeline.expressions._meaning_tree import period_value, word_of
from timeline.expressions._tables import calendar_words


class SetRules:
    """Transformer callbacks mixed into ``MeaningBuilder``."""

    weekday_numbers: dict[str, int]
    frequency: dict[str, str]
    seasons: dict[str, Any]

    def every(self, c: list[Any]) -> Recurrence:
        item = c[1]
        if isinstance(item, Unit) and item.name == "weekend":
            return Recurrence("XXXX-WXX-WE", quant="EVERY")  # the weekend of every week
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
        value = self.frequency[word_of(c[0])]
        # "nightly" is a calendar pattern like "every night" (XXXX-XX-XXTNI, quant EVERY)
        return Recurrence(value, quant="EVERY" if value.startswith("XXXX") else None)

    def times_per(self, c: list[Any]) -> Recurrence:
        times = 1 if c[0].type == "ONCE" else 2
        return Recurrence(period_value(Fraction(1), c[-1].name), freq=f"{times}X")

    def n_times_per(self, c: list[Any]) -> Recurrence:
        if c[0].denominator != 1:
            raise Reject("times")
        return Recurrence(period_value(Fraction(1), c[-1].name), freq=f"{c[0].numerator}X")

    def weekdays(self, c: list[Token]) -> Recurrence:
        return Recurrence(f"XXXX-WXX-{self.weekday_numbers[word_of(c[0])[:-1]]}", quant="EVERY")

    def every_named(self, c: list[Any]) -> Recurrence:
        # "each spring" XXXX-SP, "every July" XXXX-07, "every Christmas" XXXX-12-25
        item = c[1]
        if isinstance(item, int):
            return Recurrence(f"XXXX-{item:02d}", quant="EVERY")
        if item.type == "SEASON":
            return Recurrence(f"XXXX-{self.seasons[word_of(item)]['code']}", quant="EVERY")
        row = calendar_words()["holiday"][word_of(item)]
        if "month" not in row or "day" not in row:
            raise Reject("a movable feast has no fixed TIMEX3 value")
        return Recurrence(f"XXXX-{row['month']:02d}-{row['day']:02d}", quant="EVERY")

    def day_of_every_month(self, c: list[Any]) -> Recurrence:
        day = next(x for x in c if isinstance(x, int | Fraction) and not isinstance(x, bool))
        if not 1 <= int(day) <= 31 or int(day) != day:
            raise Reject("day")
        return Recurrence(f"XXXX-XX-{int(day):02d}", quant="EVERY")

    def _daily_clock(self, item: Token, clock: Clock) -> Recurrence:
        time = f"T{clock.hour:02d}:{clock.minute:02d}"
        if item.type == "WEEKDAY":
            return Recurrence(f"XXXX-WXX-{self.weekday_numbers[word_of(item)]}{time}", quant="EVERY")
        return Recurrence(f"XXXX-XX-XX{time}", quant="EVERY")

    def clock_every(self, c: list[Any]) -> Recurrence:
        return self._daily_clock(c[-1], c[0])

    def every_at_clock(self, c: list[Any]) -> Recurrence:
        return self._daily_clock(c[1], c[-1])

    def weekday_parts(self, c: list[Token]) -> Recurrence:
        # "Tuesday nights": the night of every Tuesday.
        day = word_of(c[0])
        number = self.weekday_numbers.get(day) or self.weekday_numbers[day[:-1]]
        return Recurrence(f"XXXX-WXX-{number}T{self._part_code(Token('P', word_of(c[1])[:-1]))}",
                          quant="EVERY")  # fmt: skip
