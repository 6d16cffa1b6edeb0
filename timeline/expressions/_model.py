"""The attrs model of tagged temporal expressions."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Protocol

import attrs


class TimexType(enum.Enum):
    """TIMEX3 types; ``str()`` gives the TimeML word."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"

    def __str__(self) -> str:
        return self.value


class IsoPoint(Protocol):
    def isoformat(self) -> str: ...


# A bound of an interval: a date (day grain or coarser), a datetime (clock
# times), a FarDate (outside Python's years 1-9999), or None where open.
Bound = dt.date | dt.datetime | IsoPoint | None


# Days in 400 Gregorian years: the calendar repeats with this period.
DAYS_PER_400_YEARS = 146_097


def iso_year(year: int) -> str:
    """ISO 8601 year: '2016', '0800', '0000' (1 BC), '-0299', '+12000'."""
    sign = "-" if year < 0 else "+" if year > 9999 else ""
    return f"{sign}{abs(year):04d}"


def _order_key(point: object) -> tuple[int, int] | None:
    """(day number, second of the day) of a FarDate, date or datetime, else None."""
    if isinstance(point, FarDate):
        return (point.toordinal(), 0)
    if isinstance(point, dt.datetime):
        return (point.toordinal(), point.hour * 3600 + point.minute * 60 + point.second)
    if isinstance(point, dt.date):
        return (point.toordinal(), 0)
    return None


@attrs.frozen(order=False)
class FarDate:
    """A calendar day outside Python's date range (300 BC, the year 12000).

    Years use astronomical numbering: 1 BC is year 0, 300 BC is year -299.
    FarDates order among themselves and against dates and datetimes (a date
    counts as its midnight), so bounds of either kind can be compared.

    Attributes:
        year: astronomical year.
        month: 1-12.
        day: 1-31.
    """

    year: int
    month: int = 1
    day: int = 1

    def isoformat(self) -> str:
        return f"{iso_year(self.year)}-{self.month:02d}-{self.day:02d}"

    def toordinal(self) -> int:
        """Proleptic Gregorian day number, continuing ``date.toordinal`` (0001-01-01 is 1)."""
        cycles, year = divmod(self.year - 1, 400)
        return dt.date(year + 1, self.month, self.day).toordinal() + cycles * DAYS_PER_400_YEARS

    @classmethod
    def fromordinal(cls, n: int) -> FarDate:
        """The day numbered ``n`` (any int), as ``toordinal`` counts."""
        cycles, rest = divmod(n - 1, DAYS_PER_400_YEARS)
        day = dt.date.fromordinal(rest + 1)
        return cls(day.year + 400 * cycles, day.month, day.day)

    def _compare(self, other: object) -> int | None:
        key = _order_key(other)
        if key is None:
            return None
        mine = (self.toordinal(), 0)
        return (mine > key) - (mine < key)

    def __lt__(self, other: object) -> bool:
        c = self._compare(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other: object) -> bool:
        c = self._compare(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other: object) -> bool:
        c = self._compare(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other: object) -> bool:
        c = self._compare(other)
        return NotImplemented if c is None else c >= 0


@attrs.frozen(kw_only=True)
class TimeExpression:
    """A temporal expression found in text and resolved against its anchor.

    Attributes:
        tid: TimeML id, "t1", "t2"... in text order ("t0" is the publication date).
        start: offset of the first character in the text.
        end: offset after the last character (TimeML extent: no signal word).
        text: ``text[start:end]``.
        type: TIMEX3 type.
        value: TIMEX3 value ("2016-01-24", "P3D", "PAST_REF", "XXXX-WXX-2"), or
            None when the expression names an impossible date ("February 30").
        mod: TIMEX3 mod (START, MID, END, APPROX, LESS_THAN, ...) or None.
        earliest: start of the half-open range [earliest, latest) in which the
            referenced time lies; None where open or not anchored.
        latest: end of that range; None where open or not anchored.
        anchor: what the expression was resolved against: "publication",
            "reference" (the narrative's reference time) or "none" (plain
            durations and sets).
        anchor_tid: tid of the anchoring expression ("t0" for the publication date).
        anchor_value: ISO date of the anchor used, or None.
        signal: the preposition or signal word before the extent ("on", "since"), or None.
        signal_start: offset of the signal word, or None.
        signal_end: offset after the signal word, or None.
        quant: TIMEX3 quant for sets ("EVERY"), or None.
        freq: TIMEX3 freq for sets ("2X"), or None.
        rule: the grammar rule that recognised the expression.
        direction: "past" or "future" when the resolver had to choose a side
            (a bare weekday or month), else None.
        notes: the assumptions made while resolving, in words.
        alternatives: TIMEX3 values of the readings not taken when the text is
            ambiguous (the other side of publication for a bare weekday, month
            or month-day; the other order of "03/04/2015").
    """

    tid: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str | None
    mod: str | None = None
    earliest: Bound = None
    latest: Bound = None
    anchor: str = "none"
    anchor_tid: str | None = None
    anchor_value: str | None = None
    signal: str | None = None
    signal_start: int | None = None
    signal_end: int | None = None
    quant: str | None = None
    freq: str | None = None
    rule: str = ""
    direction: str | None = None
    notes: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (dates as ISO strings)."""
        out: dict[str, object] = {}
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if isinstance(value, TimexType):
                value = str(value)
            elif value is not None and hasattr(value, "isoformat"):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[field.name] = value
        return out
