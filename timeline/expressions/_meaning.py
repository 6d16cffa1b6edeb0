"""Meaning objects: what an expression says, before it is anchored.

A Lark ``Transformer`` turns each parse tree into one of the frozen attrs
classes below (after Duckling's TimeData).  Nothing here knows the
publication date; ``_resolve`` does the anchoring.  A method returns
``Reject`` for a parse the grammar allows but the calendar does not
("the 45th", "25:00"), so the tagger can fall back to a shorter span.
"""

from __future__ import annotations

import calendar
from fractions import Fraction
from typing import Any

import attrs
from lark import Token, Transformer, Tree

from timeline.expressions._tables import approximator_mods, calendar_words

UNIT_NAMES = {
    "SECOND": "second", "MINUTE": "minute", "HOUR": "hour", "DAY": "day", "WEEK": "week",
    "FORTNIGHT": "fortnight", "MONTH_UNIT": "month", "QUARTER": "quarter", "YEAR": "year",
    "DECADE": "decade", "CENTURY": "century", "MILLENNIUM": "millennium", "WEEKEND": "weekend",
}  # fmt: skip
DIRECTION_WORDS = {
    "LAST": "last", "PAST": "last", "PREVIOUS": "previous", "NEXT": "next",
    "COMING": "next", "FOLLOWING": "following", "THIS": "this", "CURRENT": "this",
    "SAME": "same", "THAT": "that",
}  # fmt: skip


# How far a direction word moves from its base: "last week" -1, "the next day" +1.
DIRECTION_OFFSET = {"last": -1, "previous": -1, "next": 1, "following": 1}


class Reject(Exception):
    """The parse is grammatical but not a possible time ("the 45th")."""


# ---------------------------------------------------------------- meanings


@attrs.frozen
class Amount:
    """A count of units; value None is TIMEX3's X ("several")."""

    value: Fraction | None
    mod: str | None = None


@attrs.frozen
class Unit:
    name: str
    plural: bool


@attrs.frozen(kw_only=True)
class CalendarDate:
    """A date as stated: any of year, month, day may be missing.

    ``direction`` is "last", "next" or "this" when the text says so
    ("last September"); ``weekday`` is a stated weekday to check.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: str | None = None
    impossible: str | None = None
    day_month_ambiguous: bool = False


@attrs.frozen
class WeekOf:
    """'the week of March 6': the week containing a date."""

    date: CalendarDate


@attrs.frozen
class YearRelative:
    """'this year', 'last year' inside another expression."""

    offset: int


@attrs.frozen
class Decade:
    """decade 199 for 'the 1990s'; short 9 for 'the 90s' (century from context)."""

    decade: int | None
    short: int | None = None


@attrs.frozen
class Century:
    index: int  # 19 for "the 20th century"; negative for BC


@attrs.frozen
class QuarterOf:
    """Part ``number`` of a year cut in ``count`` parts: a quarter (4), half (2) or month (12)."""

    number: int
    count: int
    year: int | YearRelative | None


@attrs.frozen
class SeasonOf:
    name: str
    year: int | YearRelative | None
    direction: str | None


@attrs.frozen
class Holiday:
    name: str
    year: int | None


@attrs.frozen
class WeekdayRef:
    weekday: int
    direction: str | None  # last, next, this, previous, following or None


@attrs.frozen
class DeicticUnit:
    """A calendar unit counted from the publication date: 'last week' (-1)."""

    unit: str
    offset: int


@attrs.frozen
class AnaphoricUnit:
    """A calendar unit counted from the reference time: 'the next day' (+1)."""

    unit: str
    offset: int
    bare: bool = False  # "the year": weaker, may be a duration


@attrs.frozen
class Shift:
    """'two days ago' (publication, -1), 'two days later' (reference, +1)."""

    amount: Amount
    unit: str
    sign: int
    anchor: str  # "publication" or "reference"
    grain: str | None = None  # the grain of the result when the text names it


@attrs.frozen
class PartOfDay:
    day: Any  # a day meaning, or None for the publication day
    part: str


@attrs.frozen
class Clock:
    hour: int
    minute: int
    day: Any = None


@attrs.frozen
class Partial:
    """'earlier this month' (side 'earlier'), 'later that year'."""

    base: Any
    side: str


@attrs.frozen
class Modified:
    """'early 2017', 'the end of the year': part key from modifiers.toml."""

    base: Any
    part: str


@attrs.frozen
class Duration:
    """'three days'; window 'past' or 'next' for 'the past three years'."""

    amount: Amount
    unit: str
    window: str | None = None
    bare: bool = False


@attrs.frozen
class Recurrence:
    """A set: TIMEX3 value, quant and freq."""

    value: str
    quant: str | None = None
    freq: str | None = None


@attrs.frozen
class Vague:
    key: str


# ---------------------------------------------------------------- helpers


def _tokens(children: list[Any]) -> list[Token]:
    return [c for c in children if isinstance(c, Token)]


def _types(children: list[Any]) -> set[str]:
    return {c.type for c in children if isinstance(c, Token)}


def _find(children: list[Any], kind: type) -> Any:
    for c in children:
        if isinstance(c, kind):
            return c
    return None


def _direction(children: list[Any]) -> str | None:
    for c in children:
        if isinstance(c, Token) and c.type in DIRECTION_WORDS:
            return DIRECTION_WORDS[c.type]
    return None


def _word(token: Token) -> str:
    return str(token).casefold().rstrip(".")


def check_day(year: int | None, month: int, day: int) -> str | None:
    """None if the day exists; else why not (for 'February 30')."""
    if not 1 <= day <= 31:
        raise Reject(f"day {day}")
    longest = calendar.monthrange(year if year and 1 <= year <= 9999 else 2000, month)[1]
    if day > longest:
        name = calendar.month_name[month]
        return f"{name} has {longest} days" + (f" in {year}" if year else "")
    return None


# ---------------------------------------------------------------- transformer


class MeaningBuilder(Transformer[Token, Any]):
    """Parse tree -> meaning object (one method per rule or alias)."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)
        words = calendar_words()
        self.months = words["month"]
        self.weekday_numbers = words["weekday"]
        self.numbers = words["number"]
        self.ordinals = words["ordinal"]
        self.frequency = words["frequency"]
        self.seasons = words["season"]
        self.approximators = approximator_mods()

    # -- numbers
    def start(self, c: list[Any]) -> Any:
        return c[0]

    def digits(self, c: list[Token]) -> Fraction:
        value = Fraction(str(c[0]).replace(",", ""))
        if value == 0:
            raise Reject("a count of zero")
        return value

    def one(self, c: list[Token]) -> Fraction:
        return Fraction(1)

    def dozen(self, c: list[Token]) -> Fraction:
        return Fraction(12)

    def and_a_half(self, c: list[Any]) -> Fraction:
        return c[0] + Fraction(1, 2)

    def mixed_fraction(self, c: list[Any]) -> Fraction:
        whole, num, den = c[0], c[1], c[3]
        if den == 0 or num >= den:
            raise Reject("fraction")
        return whole + num / den

    def word_number(self, c: list[Any]) -> Fraction:
        total = 0
        for item in c:
            if isinstance(item, Fraction):
                total += item
            elif isinstance(item, Token) and item.type != "HYPHEN":
                total += self.numbers[_word(item)]
        return Fraction(total)

    def tens_hyphen(self, c: list[Token]) -> Fraction:
        return Fraction(self.numbers[_word(c[0])])

    def count_hundred(self, c: list[Token]) -> Fraction:
        head = c[0]
        return Fraction(100 if head.type == "A" else 100 * self.numbers[_word(head)])

    def compound_count(self, c: list[Any]) -> Fraction:
        # c[0] is a NUM token ("16-hour"), a word token ("two-year") or the
        # Fraction of tens_hyphen ("twenty-four-hour").
        first = c[0]
        if isinstance(first, Token) and first.type.startswith("NUM"):
            return self.digits(c)
        return self.word_number(c)

    def vague_count(self, c: list[Token]) -> None:
        return None

    def ordinal(self, c: list[Any]) -> int:
        total = 0
        for item in c:
            if isinstance(item, Fraction):
                total += int(item)
            elif item.type == "ORD_NUM":
                total += int(str(item)[:-2])
            elif item.type == "SECOND":
                total += 2
            elif item.type == "ORD_WORD":
                total += self.ordinals[_word(item)]
            elif item.type == "TENS_WORD":
                total += self.numbers[_word(item)]
        return total

    # -- amounts and units
    def unit(self, c: list[Token]) -> Unit:
        return Unit(UNIT_NAMES[c[0].type], str(c[0]).casefold().endswith("s"))

    def amount(self, c: list[Any]) -> Amount:
        return Amount(c[0])

    def vague_amount(self, c: list[Any]) -> Amount:
        return Amount(None)

    def approx_amount(self, c: list[Any]) -> Amount:
        return Amount(c[1], self.approximators[_word(c[0])])

    def more_than(self, c: list[Any]) -> Amount:
        return Amount(c[-1], self.approximators["more_than"])

    def less_than(self, c: list[Any]) -> Amount:
        return Amount(c[-1], self.approximators["less_than"])

    def at_least(self, c: list[Any]) -> Amount:
        return Amount(c[-1], self.approximators["at_least"])

    def at_most(self, c: list[Any]) -> Amount:
        return Amount(c[-1], self.approximators["at_most"])

    def amount_unit(self, c: list[Any]) -> tuple[Amount, Unit]:
        return c[0], c[-1]

    def unit_and_a_half(self, c: list[Any]) -> tuple[Amount, Unit]:
        amount, unit = c[0], c[1]
        if amount.value is None:
            raise Reject("'several years and a half'")
        return Amount(amount.value + Fraction(1, 2), amount.mod), unit

    def compound_amount(self, c: list[Any]) -> tuple[Amount, Unit]:
        return Amount(c[0]), c[-1]

    def half_unit(self, c: list[Any]) -> tuple[Amount, Unit]:
        return Amount(Fraction(1, 2)), c[-1]

    # -- durations
    def duration(self, c: list[Any]) -> Duration:
        amount, unit = c[0]
        return Duration(amount, unit.name)

    def the_duration(self, c: list[Any]) -> Duration:
        amount, unit = c[-1]
        return Duration(amount, unit.name)

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

    def first_window(self, c: list[Any]) -> Duration:
        # "the first nine months": a duration from the start of the year.
        amount, unit = c[-1]
        return Duration(amount, unit.name)

    # -- calendar
    def month(self, c: list[Token]) -> int:
        return int(self.months[_word(c[0])])

    def day_num(self, c: list[Token]) -> int:
        text = str(c[0])
        return int(text[:-2] if c[0].type == "ORD_NUM" else text)

    def _date(self, year: int | None, month: int, day: int, **kw: Any) -> CalendarDate:
        return CalendarDate(
            year=year, month=month, day=day, impossible=check_day(year, month, day), **kw
        )

    def month_day(self, c: list[Any]) -> CalendarDate:
        year = _num4(c)
        return self._date(year, c[0], c[1])

    def day_month(self, c: list[Any]) -> CalendarDate:
        ints = [x for x in c if isinstance(x, int)]
        day, month = ints[0], ints[1]
        return self._date(_num4(c), month, day)

    def month_year(self, c: list[Any]) -> CalendarDate:
        return CalendarDate(year=_num4(c), month=c[0])

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
        return attrs.evolve(date, weekday=self.weekday_numbers[_word(c[0])])

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

    def the_year(self, c: list[Token]) -> CalendarDate:
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
        bc = "BC" in _types(c)
        return Century(-number if bc else number - 1)

    def rel_year(self, c: list[Token]) -> YearRelative:
        return YearRelative(DIRECTION_OFFSET.get(_direction(c) or "this", 0))

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

    def half(self, c: list[Any]) -> QuarterOf:
        number = next(x for x in c if isinstance(x, int))
        if not 1 <= number <= 2:
            raise Reject("half")
        return QuarterOf(number, 2, self._year_of(c))

    def season(self, c: list[Any]) -> SeasonOf:
        token = next(t for t in _tokens(c) if t.type == "SEASON")
        year = _num4(c)
        inner = _find(c, CalendarDate)
        if inner is not None:
            year = inner.year
        return SeasonOf(_word(token), year, _direction(c))

    def holiday(self, c: list[Any]) -> Holiday:
        return Holiday(_word(c[0]), _num4(c))

    # -- relative
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

    def weekday_ref(self, c: list[Token]) -> WeekdayRef:
        token = next(t for t in c if t.type == "WEEKDAY")
        return WeekdayRef(self.weekday_numbers[_word(token)], _direction(c))

    def month_ref(self, c: list[Any]) -> CalendarDate:
        return CalendarDate(month=c[-1], direction=_direction(c))

    def deictic_unit(self, c: list[Any]) -> DeicticUnit | Vague:
        from timeline.expressions._tables import vague_windows

        if c[-1].plural:  # "the coming days", "the past weeks": a vague window
            side = "coming" if _direction(c) in ("next", "following") else "recent"
            key = f"{side}_{c[-1].name}s"
            if key not in vague_windows():
                raise Reject(key)
            return Vague(key)
        unit = c[-1].name
        offset = DIRECTION_OFFSET.get(_direction(c) or "this", 0)
        if unit in ("second", "minute", "hour"):
            raise Reject("'last hour' is not a calendar period")
        return DeicticUnit(unit, offset)

    def anaphoric_unit(self, c: list[Any]) -> AnaphoricUnit:
        unit = c[-1].name
        if unit in ("second", "minute"):
            raise Reject("unit")
        offset = DIRECTION_OFFSET.get(_direction(c) or "that", 0)
        return AnaphoricUnit(unit, offset)

    def latest_unit(self, c: list[Any]) -> DeicticUnit:
        # "the latest quarter": the last one completed by publication.
        unit = c[-1].name
        if unit not in ("week", "month", "quarter", "year"):
            raise Reject("latest")
        return DeicticUnit(unit, -1)

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
        tokens = [t for t in _tokens(c) if t.type != "THE"]
        unit = UNIT_NAMES[tokens[0].type]
        grain = c[-1].name if isinstance(c[-1], Unit) else None
        return Shift(Amount(Fraction(1)), unit, -1, "reference", grain=grain)

    def _part(self, c: list[Token]) -> str:
        token = next(t for t in _tokens(c) if t.type == "PART_OF_DAY")
        return _word(token)

    def this_part(self, c: list[Token]) -> PartOfDay:
        return PartOfDay(DeicticUnit("day", 0), self._part(c))

    def last_part(self, c: list[Token]) -> PartOfDay:
        return PartOfDay(DeicticUnit("day", -1), self._part(c))

    def day_part(self, c: list[Any]) -> PartOfDay:
        return PartOfDay(c[0], self._part(c))

    def anaphoric_part(self, c: list[Token]) -> PartOfDay:
        offset = DIRECTION_OFFSET.get(_direction(c) or "that", 0)
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
        unit = _find(c, Unit)
        if unit is None:  # "earlier today"
            return Partial(DeicticUnit("day", 0), side)
        if unit.name in ("second", "minute", "hour"):
            raise Reject("unit")
        if "THAT" in _types(c) or "IN" in _types(c):
            return Partial(AnaphoricUnit(unit.name, 0), side)
        return Partial(DeicticUnit(unit.name, 0), side)

    def modified(self, c: list[Any]) -> Modified:
        types = _types(c)
        for key, token_type in (("early", "EARLY"), ("late", "LATE"), ("mid", "MID"),
                                ("end", "END"), ("beginning", "BEGINNING"),
                                ("middle", "MIDDLE")):  # fmt: skip
            if token_type in types:
                return Modified(c[-1], key)
        raise Reject("modifier")  # pragma: no cover - the grammar always has one

    # -- sets
    def every(self, c: list[Any]) -> Recurrence:
        item = c[1]
        if isinstance(item, Unit):
            return Recurrence(_period(Fraction(1), item.name), quant="EVERY")
        if item.type == "WEEKDAY":
            return Recurrence(f"XXXX-WXX-{self.weekday_numbers[_word(item)]}", quant="EVERY")
        code = self._part_code(item)
        return Recurrence(f"XXXX-XX-XXT{code}", quant="EVERY")

    def _part_code(self, token: Token) -> str:
        return calendar_words()["part_of_day"][_word(token)]["code"]

    def every_other(self, c: list[Any]) -> Recurrence:
        return Recurrence(_period(Fraction(2), c[-1].name), quant="EVERY")

    def every_n(self, c: list[Any]) -> Recurrence:
        return Recurrence(_period(c[1], c[2].name), quant="EVERY")

    def frequency_adverb(self, c: list[Token]) -> Recurrence:
        return Recurrence(self.frequency[_word(c[0])])

    def times_per(self, c: list[Any]) -> Recurrence:
        times = 1 if c[0].type == "ONCE" else 2
        return Recurrence(_period(Fraction(1), c[-1].name), freq=f"{times}X")

    def n_times_per(self, c: list[Any]) -> Recurrence:
        if c[0].denominator != 1:
            raise Reject("times")
        return Recurrence(_period(Fraction(1), c[-1].name), freq=f"{c[0].numerator}X")

    def weekdays(self, c: list[Token]) -> Recurrence:
        return Recurrence(f"XXXX-WXX-{self.weekday_numbers[_word(c[0])[:-1]]}", quant="EVERY")

    # -- clock
    def _clock(self, hour: int, minute: int, ampm: Token | None) -> Clock:
        if ampm is not None:
            if not 1 <= hour <= 12:
                raise Reject("hour")
            pm = _word(ampm).startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        if not (0 <= hour <= 24 and 0 <= minute <= 59) or (hour == 24 and minute):
            raise Reject("clock")
        return Clock(hour % 24, minute)

    def hour_ampm(self, c: list[Token]) -> Clock:
        return self._clock(int(c[0]), 0, c[1])

    def hour_minute(self, c: list[Token]) -> Clock:
        ampm = next((t for t in c if t.type == "AMPM"), None)
        hour, _sep, minute = str(c[0]).replace(".", ":").partition(":")
        if len(minute) != 2 or "," in hour:
            raise Reject("minutes")
        return self._clock(int(hour), int(minute), ampm)

    def hour_ampm_joined(self, c: list[Token]) -> Clock:
        text = str(c[0])
        return self._clock(int(text[:-2]), 0, Token("AMPM", text[-2:]))

    def hour_oclock(self, c: list[Token]) -> Clock:
        hour = int(c[0])
        if not 1 <= hour <= 12:
            raise Reject("hour")
        return Clock(hour, 0)

    def noon(self, c: list[Token]) -> Clock:
        return Clock(12, 0)

    def midnight(self, c: list[Token]) -> Clock:
        return Clock(0, 0)

    def clock_with_day(self, c: list[Any]) -> Clock:
        return attrs.evolve(c[0], day=c[-1])

    # -- vague: every alias maps to its own table row
    def __default__(self, data: str, children: list[Any], meta: Any) -> Any:
        from timeline.expressions._tables import vague_windows

        if data in vague_windows():
            return Vague(data)
        if len(children) == 1:  # pass-through rules
            return children[0]
        return Tree(data, children, meta)


def _num4(children: list[Any]) -> int | None:
    for c in children:
        if isinstance(c, Token) and c.type == "NUM4":
            return int(c)
    return None


def _period(n: Fraction, unit: str) -> str:
    from timeline.expressions._calendar import duration_value

    return duration_value(n, unit)
