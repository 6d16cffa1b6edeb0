"""Meaning objects: what an expression says, before it is anchored.

Frozen attrs classes (after Duckling's TimeData) built by ``MeaningBuilder``
(``_meaning``) from a parse tree and anchored by ``resolve`` (``_resolve``).
Nothing here knows the publication date.  ``Reject`` marks a parse the
grammar allows but the calendar does not ("the 45th", "25:00").
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs


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
    year_offset: int | None = None  # "March 3 last year": -1 from the publication year


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
    week: bool = False  # "Easter week": the ISO week that holds the day


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
class DayAround:
    """'the day before last Tuesday': the day ``offset`` days from a named day."""

    base: Any
    offset: int


@attrs.frozen
class ReportedPeriod:
    """'the latest period', 'the 1988 quarter': the period a report is about
    (the reference's quarter), in ``year`` when the text names one."""

    year: int | None = None
    quarter: bool = False  # the text says "quarter", not "period"


@attrs.frozen
class Shift:
    """'two days ago' (publication, -1), 'two days later' (reference, +1)."""

    amount: Amount
    unit: str
    sign: int
    anchor: str  # "publication" or "reference"
    grain: str | None = None  # the grain of the result when the text names it


@attrs.frozen
class DeepTime:
    """'2.5 billion years ago': years before publication, known to ``step`` years."""

    years: Fraction
    step: Fraction
    mod: str | None = None


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
