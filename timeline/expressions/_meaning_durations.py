"""Meaning builder rules for durations: "three days", "the past two years".

Takes amounts and units; gives ``Duration``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from timeline.expressions._meaning_model import Amount, Duration, QuarterOf, Reject, ReportedPeriod
from timeline.expressions._meaning_numbers import ARTICLE


def _year_like(amount: Amount) -> bool:
    """A count that reads as a year (1000-2999, no comma): "the 1988 quarter"."""
    value = amount.value
    return value is not None and value.denominator == 1 and 1000 <= value <= 2999


class DurationRules:
    """Transformer callbacks mixed into ``MeaningBuilder``."""

    def duration(self, c: list[Any]) -> Duration:
        amount, unit = c[0]
        if not unit.plural and _year_like(amount):
            raise Reject("'1988 quarter': a year before a singular unit, not a count")
        if unit.plural and amount.value is ARTICLE:
            raise Reject("'a decades-long battle': one of a plural unit is not a count")
        return Duration(amount, unit.name)

    def the_duration(self, c: list[Any]) -> Duration | ReportedPeriod:
        amount, unit = c[-1]
        if _year_like(amount):
            if unit.name == "quarter" and not unit.plural and amount.mod is None:
                return ReportedPeriod(int(amount.value), quarter=True)  # "the 1988 quarter"
            raise Reject("'the 1988 quarter': a year, not a count")
        return Duration(amount, unit.name)

    def unit_long(self, c: list[Any]) -> Duration:
        unit = self.unit([c[0]])  # type: ignore[attr-defined]
        return Duration(Amount(None if unit.plural else Fraction(1)), unit.name)

    def bare_unit(self, c: list[Any]) -> Duration:
        unit = c[0]
        if not unit.plural or unit.name == "weekend":
            raise Reject("a bare singular unit is not an expression")
        return Duration(Amount(None), unit.name, bare=True)

    def past_window(self, c: list[Any]) -> Duration:
        amount, unit = c[-1]
        return Duration(amount, unit.name, window="past")

    def past_window_one(self, c: list[Any]) -> Duration:
        return Duration(Amount(Fraction(1)), c[-1].name, window="past")

    def next_window(self, c: list[Any]) -> Duration:
        amount, unit = c[-1]
        return Duration(amount, unit.name, window="next")

    def first_part_of_year(self, c: list[Any]) -> QuarterOf:
        # "the first two quarters of 1990" is 1990-H1; "the first quarter"-sized spans its Q1
        amount, unit = next(x for x in c if isinstance(x, tuple))
        months = {"quarter": 3, "month": 1}.get(unit.name, 0) * (amount.value or 0)
        if c[1] != 1 or amount.mod is not None or months not in (3, 6):
            raise Reject("not a quarter or half of the year")
        return QuarterOf(1, 4 if months == 3 else 2, self._year_of(c))  # type: ignore[attr-defined]

    def first_window(self, c: list[Any]) -> Duration:
        # "the first nine months": a duration from the start of the year.
        amount, unit = c[-1]
        return Duration(amount, unit.name)
