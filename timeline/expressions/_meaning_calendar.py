"""Meaning builder rules for calendar names: dates, months, years, quarters, seasons.

Takes month and day numbers, years, decades, centuries, quarters, seasons and
holidays; gives ``CalendarDate``, ``QuarterOf``, ``SeasonOf`` and the like.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
from lark import Token

from timeline.expressions._meaning_model import (
    CalendarDate,
    Century,
    Decade,
    Holiday,
    QuarterOf,
    Reject,
    SeasonOf,
    WeekOf,
    YearRelative,
)
from timeline.expressions._meaning_tree import (
    DIRECTION_OFFSET,
    check_day,
    direction_of,
    first_of,
    token_types,
    tokens_of,
    word_of,
    year_token,
)
from timeline.expressions._tables import formats

_NUMBER_WORDS = ("DIGIT_WORD", "TEEN_WORD", "NINETEEN", "TENS_WORD")


class CalendarRules:
    """Transformer callbacks mixed into ``MeaningBuilder``."""

    months: dict[str, int]
    weekday_numbers: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]

    def month(self, c: list[Token]) -> int:
        return int(self.months[word_of(c[0])])

    def day_num(self, c: list[Token]) -> int:
        text = str(c[0])
        return int(text[:-2] if c[0].type == "ORD_NUM" else text)

    def _date(self, year: int | None, month: int, day: int, **kw: Any) -> CalendarDate:
        return CalendarDate(
            year=year, month=month, day=day, impossible=check_day(year, month, day), **kw
        )

    def month_day(self, c: list[Any]) -> CalendarDate:
        year = year_token(c)
        return self._date(year, c[0], c[1])

    def day_month(self, c: list[Any]) -> CalendarDate:
        ints = [x for x in c if isinstance(x, int)]
        day, month = ints[0], ints[1]
        return self._date(year_token(c), month, day)

    def month_year(self, c: list[Any]) -> CalendarDate:
        spoken = c[-1] if len(c) == 2 and isinstance(c[-1], int) else None
        return CalendarDate(year=year_token(c) or spoken, month=c[0])

    def last_month_day(self, c: list[Any]) -> CalendarDate:
        return attrs.evolve(self._date(None, c[1], c[2]), direction="last")

    def month_day_rel_year(self, c: list[Any]) -> CalendarDate:
        # "March 3 last year": the day of the year that "last year" names.
        rel = c[-1]
        return attrs.evolve(self._date(None, c[0], c[1]), year_offset=rel.offset)

    def day_mon_year(self, c: list[Any]) -> CalendarDate:
        # "19-Nov-12": a two-digit year by the pivot of formats.toml.
        if c[0].denominator != 1:
            raise Reject("day")
        year = int(c[-1])
        if c[-1].type == "NUM2":
            pivot = formats().two_digit_year_pivot
            year += 2000 if year < pivot else 1900
        return self._date(year, c[2], int(c[0]))

    def dotted_date(self, c: list[Token]) -> CalendarDate:
        parts = dict(zip(formats().dotted_order, map(int, str(c[0]).split(".")), strict=True))
        if not 1 <= parts["m"] <= 12:
            raise Reject("month")
        return self._date(parts["y"], parts["m"], parts["d"])

    def nineteen_year(self, c: list[Token]) -> int:
        return self.spoken_year(c)

    def spoken_year(self, c: list[Token]) -> int:
        # "nineteen ninety-seven" = 19 * 100 + 97; "two thousand and one" = 2001.
        words = [self.numbers[word_of(t)] for t in c if t.type in _NUMBER_WORDS]
        if len(words) < 2 and c[1].type != "THOUSAND" and c[-1].type != "HUNDRED":
            raise Reject("a spoken year needs its decade")
        if c[1].type == "THOUSAND":
            return words[0] * 1000 + sum(words[1:])
        return words[0] * 100 + sum(words[1:])

    def month_rel_year(self, c: list[Any]) -> QuarterOf:
        # "June last year": month 6 of a year relative to publication.
        return QuarterOf(c[0], 12, c[1])

    def iso_date(self, c: list[Token]) -> CalendarDate:
        year, month, day = int(c[0]), int(c[2]), int(c[4])
        if not 1 <= month <= 12:
            raise Reject("month")
        return self._date(year, month, day)

    def slash_date(self, c: list[Token]) -> CalendarDate:
        # News in English: month/day/year (US) unless the first number cannot be a month.
        first, second, year = int(c[0]), int(c[2]), int(c[4])
        month, day = (first, second) if first <= 12 else (second, first)
        if not 1 <= month <= 12:
            raise Reject("month")
        ambiguous = first != second and first <= 12 and second <= 12
        return self._date(year, month, day, day_month_ambiguous=ambiguous)

    def ordinal_day(self, c: list[Token]) -> CalendarDate:
        day = int(str(c[1])[:-2])
        if not 1 <= day <= 31:
            raise Reject("day")
        return CalendarDate(day=day)

    def week_of(self, c: list[Any]) -> WeekOf:
        return WeekOf(c[-1])

    def weekday_date(self, c: list[Any]) -> CalendarDate:
        date = c[-1]
        return attrs.evolve(date, weekday=self.weekday_numbers[word_of(c[0])])

    def year(self, c: list[Any]) -> CalendarDate:
        item = c[0]
        if isinstance(item, CalendarDate):
            return item
        year = int(item)
        if not 1000 <= year <= 2999:
            raise Reject("a bare four-digit number is a year only from 1000 to 2999")
        return CalendarDate(year=year)

    def fiscal_year(self, c: list[Token]) -> CalendarDate:
        return CalendarDate(year=int(c[-1]))

    def the_year(self, c: list[Any]) -> CalendarDate:
        return CalendarDate(year=int(c[-1]))

    def year_bc(self, c: list[Token]) -> CalendarDate:
        year = int(c[0])
        if year == 0:
            raise Reject("year 0 BC")
        return CalendarDate(year=1 - year)

    def year_ad(self, c: list[Token]) -> CalendarDate:
        number = next(t for t in c if t.type != "AD")
        if int(number) == 0:
            raise Reject("year 0 AD")
        return CalendarDate(year=int(number))

    def decade(self, c: list[Token]) -> Decade:
        token = c[-1]
        digits = str(token)[:-1]
        if token.type == "DECADE_SHORT":
            return Decade(None, int(digits) // 10)
        return Decade(int(digits) // 10)

    def century(self, c: list[Any]) -> Century:
        number = next(x for x in c if isinstance(x, int))
        if not 1 <= number <= 99:
            raise Reject("century")
        bc = "BC" in token_types(c)
        return Century(-number if bc else number - 1)

    def rel_year(self, c: list[Token]) -> YearRelative:
        return YearRelative(DIRECTION_OFFSET.get(direction_of(c) or "this", 0))

    def _year_of(self, c: list[Any]) -> int | YearRelative | None:
        for item in c:
            if isinstance(item, YearRelative):
                return item
            if isinstance(item, CalendarDate):
                return item.year
        return None

    def quarter(self, c: list[Any]) -> QuarterOf:
        number = next(x for x in c if isinstance(x, int) and not isinstance(x, bool))
        if not 1 <= number <= 4:
            raise Reject("quarter")
        return QuarterOf(number, 4, self._year_of(c))

    def year_quarter(self, c: list[Any]) -> QuarterOf:
        if isinstance(c[1], tuple):  # "the 1988 second quarter": (amount 1988, unit second)
            amount, unit = c[1]
            if unit.name != "second" or amount.mod or amount.value is None:
                raise Reject("not a year's quarter")
            year, number = amount.value, 2
        else:
            year, number = Fraction(int(c[1])), self.ordinals.get(word_of(c[2]), 0)
            if c[2].type == "ORD_NUM":
                number = int(str(c[2])[:-2])
        if year.denominator != 1 or not 1000 <= year <= 2999 or not 1 <= number <= 4:
            raise Reject("quarter")
        return QuarterOf(number, 4, int(year))

    def year_ago_quarter(self, c: list[Any]) -> QuarterOf:
        number = next(x for x in c if isinstance(x, int) and not isinstance(x, bool))
        if not 1 <= number <= 4:
            raise Reject("quarter")
        return QuarterOf(number, 4, YearRelative(-1))

    def half(self, c: list[Any]) -> QuarterOf:
        number = next(x for x in c if isinstance(x, int))
        if not 1 <= number <= 2:
            raise Reject("half")
        return QuarterOf(number, 2, self._year_of(c))

    def last_half(self, c: list[Any]) -> QuarterOf:
        return QuarterOf(2, 2, self._year_of(c))

    def season(self, c: list[Any]) -> SeasonOf:
        token = next(t for t in tokens_of(c) if t.type == "SEASON")
        year = year_token(c)
        inner = first_of(c, CalendarDate)
        if inner is not None:
            year = inner.year
        elif isinstance(c[-1], int) and not isinstance(c[-1], bool):
            year = c[-1]  # a spoken year
        return SeasonOf(word_of(token), year, direction_of(c))

    def holiday(self, c: list[Any]) -> Holiday:
        return Holiday(word_of(c[0]), year_token(c))

    def holiday_week(self, c: list[Any]) -> Holiday:
        return Holiday(word_of(c[0]), None, week=True)
