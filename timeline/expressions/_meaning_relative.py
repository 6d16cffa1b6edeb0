"""Meaning builder rules for relative times: "yesterday", "last week", "two days later".

Takes deictic and anaphoric words, shifts, parts of day and modifiers; gives
``DeicticUnit``, ``AnaphoricUnit``, ``Shift``, ``PartOfDay``, ``Partial`` and ``Modified``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from lark import Token

from timeline.expressions._meaning_model import (
    Amount,
    AnaphoricUnit,
    CalendarDate,
    DayAround,
    DeepTime,
    DeicticUnit,
    Modified,
    Partial,
    PartOfDay,
    Reject,
    ReportedPeriod,
    Shift,
    Unit,
    Vague,
    WeekdayRef,
)
from timeline.expressions._meaning_tree import (
    DIRECTION_OFFSET,
    UNIT_NAMES,
    direction_of,
    first_of,
    token_types,
    tokens_of,
    word_of,
)
from timeline.expressions._tables import vague_windows


class RelativeRules:
    """Transformer callbacks mixed into ``MeaningBuilder``."""

    weekday_numbers: dict[str, int]

    def today(self, c: list[Token]) -> DeicticUnit:
        return DeicticUnit("day", 0)

    def yesterday(self, c: list[Token]) -> DeicticUnit:
        return DeicticUnit("day", -1)

    def tomorrow(self, c: list[Token]) -> DeicticUnit:
        return DeicticUnit("day", 1)

    def day_before_yesterday(self, c: list[Token]) -> DeicticUnit:
        return DeicticUnit("day", -2)

    def day_after_tomorrow(self, c: list[Token]) -> DeicticUnit:
        return DeicticUnit("day", 2)

    def deep_ago(self, c: list[Any]) -> DeepTime:
        # "2.5 billion years ago": known to the last stated digit (0.1 billion).
        amount = c[0]
        if amount.value is None or amount.value <= 0:
            raise Reject("deep time needs a number")
        scale = Fraction(10**9 if word_of(c[1]) == "billion" else 10**6)
        digits = 0
        while (amount.value * 10**digits).denominator != 1 and digits < 6:
            digits += 1
        return DeepTime(amount.value * scale, scale / 10**digits, amount.mod)

    def weekday_ref(self, c: list[Token]) -> WeekdayRef:
        token = next(t for t in c if t.type == "WEEKDAY")
        return WeekdayRef(self.weekday_numbers[word_of(token)], direction_of(c))

    def month_ref(self, c: list[Any]) -> CalendarDate:
        return CalendarDate(month=c[-1], direction=direction_of(c))

    def deictic_unit(self, c: list[Any]) -> DeicticUnit | Vague:
        if c[-1].plural:  # "the coming days", "the past weeks": a vague window
            side = "coming" if direction_of(c) in ("next", "following") else "recent"
            key = f"{side}_{c[-1].name}s"
            if key not in vague_windows():
                raise Reject(key)
            return Vague(key)
        unit = c[-1].name
        offset = DIRECTION_OFFSET.get(direction_of(c) or "this", 0)
        if unit in ("second", "minute", "hour"):
            raise Reject("'last hour' is not a calendar period")
        return DeicticUnit(unit, offset)

    def anaphoric_unit(self, c: list[Any]) -> AnaphoricUnit:
        unit = c[-1].name
        if unit in ("second", "minute"):
            raise Reject("unit")
        offset = DIRECTION_OFFSET.get(direction_of(c) or "that", 0)
        return AnaphoricUnit(unit, offset)

    def latest_unit(self, c: list[Any]) -> DeicticUnit:
        # "the latest quarter": the last one completed by publication.
        unit = c[-1].name
        if unit not in ("week", "month", "quarter", "year"):
            raise Reject("latest")
        return DeicticUnit(unit, -1)

    def day_around(self, c: list[Any]) -> DayAround:
        return DayAround(c[-1], -1 if c[2].type == "BEFORE" else 1)

    def latest_period(self, c: list[Any]) -> ReportedPeriod:
        return ReportedPeriod()

    def year_period(self, c: list[Any]) -> ReportedPeriod:
        year = int(next(t for t in c if t.type == "NUM4"))
        if not 1000 <= year <= 2999:
            raise Reject("year")
        return ReportedPeriod(year)

    def the_unit(self, c: list[Any]) -> AnaphoricUnit:
        unit = c[-1]
        if unit.plural or unit.name in ("second", "minute", "hour", "decade", "century"):
            raise Reject("'the days' is not a time")
        return AnaphoricUnit(unit.name, 0, bare=True)

    def _shift(self, c: list[Any], sign: int, anchor: str) -> Shift:
        amount, unit = c[0]
        return Shift(amount, unit.name, sign, anchor)

    def ago(self, c: list[Any]) -> Shift:
        return self._shift(c, -1, "publication")

    def from_now(self, c: list[Any]) -> Shift:
        return self._shift(c, 1, "publication")

    def later(self, c: list[Any]) -> Shift:
        return self._shift(c, 1, "reference")

    def earlier(self, c: list[Any]) -> Shift:
        return self._shift(c, -1, "reference")

    def earlier_compound(self, c: list[Any]) -> Shift:
        # "year-earlier", "the year-ago quarter": one unit before the reference
        # time, at the grain of the noun that follows when there is one.
        tokens = [t for t in tokens_of(c) if t.type != "THE"]
        unit = UNIT_NAMES[tokens[0].type]
        grain = c[-1].name if isinstance(c[-1], Unit) else None
        return Shift(Amount(Fraction(1)), unit, -1, "reference", grain=grain)

    def _part(self, c: list[Token]) -> str:
        token = next(t for t in tokens_of(c) if t.type == "PART_OF_DAY")
        return word_of(token)

    def this_part(self, c: list[Token]) -> PartOfDay:
        return PartOfDay(DeicticUnit("day", 0), self._part(c))

    def last_part(self, c: list[Token]) -> PartOfDay:
        return PartOfDay(DeicticUnit("day", -1), self._part(c))

    def day_part(self, c: list[Any]) -> PartOfDay:
        return PartOfDay(c[0], self._part(c))

    def anaphoric_part(self, c: list[Token]) -> PartOfDay:
        offset = DIRECTION_OFFSET.get(direction_of(c) or "that", 0)
        return PartOfDay(AnaphoricUnit("day", offset), self._part(c))

    def tonight(self, c: list[Token]) -> PartOfDay:
        return PartOfDay(DeicticUnit("day", 0), "night")

    def overnight(self, c: list[Token]) -> PartOfDay:
        return PartOfDay(DeicticUnit("day", -1), "night")

    def early_part(self, c: list[Token]) -> Modified:
        return Modified(PartOfDay(None, self._part(c)), "early")

    def late_part(self, c: list[Token]) -> Modified:
        return Modified(PartOfDay(None, self._part(c)), "late")

    def partial_unit(self, c: list[Any]) -> Partial:
        side = "earlier" if c[0].type == "EARLIER" else "later"
        unit = first_of(c, Unit)
        if unit is None:  # "earlier today"
            return Partial(DeicticUnit("day", 0), side)
        if unit.name in ("second", "minute", "hour"):
            raise Reject("unit")
        if "THAT" in token_types(c) or "IN" in token_types(c):
            return Partial(AnaphoricUnit(unit.name, 0), side)
        return Partial(DeicticUnit(unit.name, 0), side)

    def year_end(self, c: list[Any]) -> Modified:
        # "by year-end": the end of the current year.
        return Modified(DeicticUnit("year", 0), "end")

    def modified(self, c: list[Any]) -> Modified:
        types = token_types(c)
        for key, token_type in (("early", "EARLY"), ("late", "LATE"), ("mid", "MID"),
                                ("end", "END"), ("beginning", "BEGINNING"),
                                ("middle", "MIDDLE")):  # fmt: skip
            if token_type in types:
                return Modified(c[-1], key)
        raise Reject("modifier")  # pragma: no cover - the grammar always has one
