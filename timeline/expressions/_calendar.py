"""Calendar arithmetic: periods, shifts and TIMEX3 value strings.

All arithmetic goes through dateutil's relativedelta, added to the anchor
once (chained additions clip month ends differently: dateutil #53, #1134).
Years outside Python's 1..9999 give FarDate bounds and still get a value.
"""

from __future__ import annotations

import datetime as dt
import math

import attrs
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekdays as WEEKDAYS

from timeline.expressions._model import DAYS_PER_400_YEARS, Bound, FarDate

MIN_YEAR, MAX_YEAR = dt.MINYEAR, dt.MAXYEAR
MINUTES_PER_DAY = 1440

# Length of each unit as a relativedelta (for shifts) and its TIMEX3 letter.
UNIT_DELTA = {
    "second": relativedelta(seconds=1),
    "minute": relativedelta(minutes=1),
    "hour": relativedelta(hours=1),
    "day": relativedelta(days=1),
    "weekend": relativedelta(weeks=1),
    "week": relativedelta(weeks=1),
    "fortnight": relativedelta(weeks=2),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
    "millennium": relativedelta(years=1000),
}
# TIMEX3 duration: unit -> (multiplier, letter, is time part)
UNIT_DURATION = {
    "second": (1, "S", True),
    "minute": (1, "M", True),
    "hour": (1, "H", True),
    "day": (1, "D", False),
    "weekend": (2, "D", False),
    "week": (1, "W", False),
    "fortnight": (2, "W", False),
    "month": (1, "M", False),
    "quarter": (3, "M", False),
    "year": (1, "Y", False),
    "decade": (10, "Y", False),
    "century": (100, "Y", False),
    "millennium": (1000, "Y", False),
}
SUB_DAY_UNITS = {"second", "minute", "hour"}


@attrs.frozen
class Period:
    """A calendar period: its TIMEX3 value and half-open range [start, end).

    Attributes:
        value: TIMEX3 value ("2016-01", "2016-W03", "199").
        start: first day (or instant) of the period.
        end: the day (or instant) after it.
        grain: "day", "week", "month", "quarter", "year", ...
    """

    value: str
    start: Bound
    end: Bound
    grain: str


def format_year(year: int) -> str:
    """TIMEX3 year: '2016', '0800', 'BC0300' (astronomical year -299)."""
    if year <= 0:
        return f"BC{1 - year:04d}"
    return f"{year:04d}"


def in_python_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def day_bound(year: int, month: int = 1, day: int = 1) -> Bound:
    if in_python_range(year):
        return dt.date(year, month, day)
    return FarDate(year, month, day)


def year_period(year: int) -> Period:
    return Period(format_year(year), day_bound(year), day_bound(year + 1), "year")


def month_period(year: int, month: int) -> Period:
    nxt = (year + 1, 1) if month == 12 else (year, month + 1)
    return Period(
        f"{format_year(year)}-{month:02d}", day_bound(year, month), day_bound(*nxt), "month"
    )


DayBound = dt.date | FarDate


def day_from_ordinal(n: int) -> DayBound:
    """The day numbered n (``date.toordinal``): a date where Python has one, else a FarDate."""
    if 1 <= n <= dt.date.max.toordinal():
        return dt.date.fromordinal(n)
    return FarDate.fromordinal(n)


def add_days(day: DayBound, n: int) -> DayBound:
    """day moved by n days, past either edge of Python's calendar if need be."""
    return day_from_ordinal(day.toordinal() + n)


def instant(day: dt.date, minutes: int) -> dt.datetime | DayBound:
    """The instant ``minutes`` after day's midnight; past 9999-12-31 (a FarDate
    holds no clock time) the first midnight at or after it."""
    try:
        return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)
    except OverflowError:
        return add_days(day, -(-minutes // MINUTES_PER_DAY))


def day_period(day: dt.date) -> Period:
    return Period(day.isoformat(), day, add_days(day, 1), "day")


def week_period(day: dt.date) -> Period:
    iso_year, iso_week, iso_weekday = day.isocalendar()
    monday = add_days(day, 1 - iso_weekday)
    return Period(f"{iso_year:04d}-W{iso_week:02d}", monday, add_days(monday, 7), "week")


def weekend_period(day: dt.date) -> Period:
    """The weekend of the ISO week containing day."""
    iso_year, iso_week, iso_weekday = day.isocalendar()
    saturday = add_days(day, 6 - iso_weekday)
    return Period(f"{iso_year:04d}-W{iso_week:02d}-WE", saturday, add_days(saturday, 2), "weekend")


def quarter_period(year: int, quarter: int) -> Period:
    start_month = 3 * (quarter - 1) + 1
    end = day_bound(year + 1) if quarter == 4 else day_bound(year, start_month + 3)
    return Period(f"{format_year(year)}-Q{quarter}", day_bound(year, start_month), end, "quarter")


def half_period(year: int, half: int) -> Period:
    start = day_bound(year, 1 if half == 1 else 7)
    end = day_bound(year, 7) if half == 1 else day_bound(year + 1)
    return Period(f"{format_year(year)}-H{half}", start, end, "half")


def decade_period(decade: int) -> Period:
    """decade 199 -> the 1990s; before year 0 a BC value, as format_year gives."""
    value = f"BC{-decade:03d}" if decade < 0 else f"{decade:03d}"
    return Period(value, day_bound(decade * 10), day_bound(decade * 10 + 10), "decade")


def century_period(century_index: int) -> Period:
    """century_index 19 -> the years 1900-1999 (TIMEX3 '19'), as news uses it."""
    if century_index < 0:
        return Period(
            f"BC{-century_index:02d}",
            day_bound(century_index * 100 + 1),
            day_bound(century_index * 100 + 101),
            "century",
        )
    return Period(
        f"{century_index:02d}",
        day_bound(century_index * 100),
        day_bound(century_index * 100 + 100),
        "century",
    )


def millennium_period(index: int) -> Period:
    value = f"BC{-index:01d}" if index < 0 else f"{index:01d}"
    return Period(value, day_bound(index * 1000), day_bound(index * 1000 + 1000), "millennium")


def season_period(year: int, code: str, months: list[int]) -> Period:
    first = months[0]
    start_year = year - 1 if first == 12 else year
    end_month = months[-1] + 1
    end = day_bound(year + (1 if end_month == 13 else 0), 1 if end_month == 13 else end_month)
    return Period(f"{format_year(year)}-{code}", day_bound(start_year, first), end, "season")


def period_of(unit: str, day: dt.date) -> Period:
    """The calendar period of a unit that contains day."""
    if unit == "day":
        return day_period(day)
    if unit in ("week", "fortnight"):
        return week_period(day)
    if unit == "weekend":
        return weekend_period(day)
    return month_grain_period(unit, day.year, day.month)


MONTH_GRAINS = ("month", "quarter", "year", "decade", "century", "millennium")


def month_grain_period(unit: str, year: int, month: int) -> Period:
    """The month, quarter, year, decade, century or millennium containing a
    month: any year, so that periods before year 1 or after 9999 are FarDates."""
    if unit == "month":
        return month_period(year, month)
    if unit == "quarter":
        return quarter_period(year, (month - 1) // 3 + 1)
    if unit == "year":
        return year_period(year)
    if unit == "decade":
        return decade_period(year // 10)
    if unit == "century":
        return century_period(year // 100)
    if unit == "millennium":
        return millennium_period(year // 1000)
    raise ValueError(f"no calendar period for unit {unit!r}")


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """day moved by n units (from the anchor, in one addition)."""
    delta = UNIT_DELTA[unit]
    return day + relativedelta(
        years=delta.years * n, months=delta.months * n, days=delta.days * n
    )


def offset_bound(day: dt.date, delta: relativedelta) -> DayBound:
    """day + delta for an interval bound: a FarDate past year 9999 or before year 1.

    The Gregorian calendar repeats every 400 years, so an out-of-range sum is
    worked out whole cycles away, inside Python's range, and moved back.
    Anchors (days that go on into more arithmetic) use ``shift``, which raises.
    """
    try:
        return day + delta
    except (OverflowError, ValueError):
        cycles = (day.year - 5000) // 400
        moved = day.replace(year=day.year - 400 * cycles) + delta
        return add_days(moved, cycles * DAYS_PER_400_YEARS)


def shift_bound(day: dt.date, unit: str, n: int) -> DayBound:
    """``shift`` for an interval bound (see ``offset_bound``)."""
    delta = UNIT_DELTA[unit]
    return offset_bound(day, relativedelta(years=delta.years * n, months=delta.months * n,
                                           days=delta.days * n))  # fmt: skip


def shift_period(day: dt.date, unit: str, n: int) -> Period:
    """The calendar period n units away from the one containing day."""
    delta = UNIT_DELTA[unit]
    if unit in MONTH_GRAINS:  # count months, so the period may lie past either edge
        months = day.year * 12 + day.month - 1 + (delta.years * 12 + delta.months) * n
        return month_grain_period(unit, months // 12, months % 12 + 1)
    return period_of(unit, shift(day, unit, n))


def duration_value(amount: object, unit: str) -> str:
    """TIMEX3 duration: (3, 'day') -> 'P3D'; (None, 'year') -> 'PXY'; (1.5,'hour') -> 'PT1H30M'."""
    mult, letter, is_time = UNIT_DURATION[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    from fractions import Fraction

    count = Fraction(amount) * mult  # type: ignore[arg-type]
    if count.denominator == 1:
        return f"{prefix}{count.numerator}{letter}"
    # Fractions: express in the next smaller unit where TimeML has one.
    smaller = {"Y": (12, "M", False), "M": (None, None, None), "W": (7, "D", False),
               "D": (24, "H", True), "H": (60, "M", True)}  # fmt: skip
    if letter == "M" and is_time:
        smaller_unit = (60, "S", True)
    else:
        smaller_unit = smaller.get(letter, (None, None, None))
    factor, small_letter, small_is_time = smaller_unit
    if factor is None:
        return f"{prefix}{_decimal(count)}{letter}"
    whole = count.numerator // count.denominator
    rest = (count - whole) * factor
    rest_text = f"{rest.numerator}" if rest.denominator == 1 else _decimal(rest)
    if is_time or not small_is_time:
        return f"{prefix}{whole}{letter}{rest_text}{small_letter}" if whole else f"{prefix}{rest_text}{small_letter}"
    head = f"P{whole}{letter}" if whole else "P"
    return f"{head}T{rest_text}{small_letter}"


def _decimal(x: object) -> str:
    """A duration amount in plain decimals ('1.5', '3.6'): never an exponent
    ('1.2e-06', which no TIMEX3 reader takes), at most six places."""
    return f"{float(x):.6f}".rstrip("0").rstrip(".") or "0"  # type: ignore[arg-type]


def holiday_day(year: int, spec: dict[str, object]) -> dt.date | None:
    if not in_python_range(year):
        return None
    if spec.get("rule") == "easter":
        return easter(year)
    month = int(spec["month"])  # type: ignore[call-overload]
    if "nth" in spec:  # "the fourth Thursday of November"
        weekday = WEEKDAYS[int(spec["weekday"]) - 1](int(spec["nth"]))  # type: ignore[call-overload]
        return dt.date(year, month, 1) + relativedelta(weekday=weekday)
    return dt.date(year, month, int(spec["day"]))  # type: ignore[call-overload]


def fraction_of(period_start: Bound, period_end: Bound, lo: float, hi: float) -> tuple[Bound, Bound]:
    """The sub-range [lo, hi) of a period, rounded outward to whole days
    (by day numbers, so a period reaching past year 9999 or before year 1 works too)."""
    days = (dt.date, FarDate)
    if not isinstance(period_start, days) or not isinstance(period_end, days):
        return period_start, period_end
    if isinstance(period_start, dt.datetime) or isinstance(period_end, dt.datetime):
        return period_start, period_end
    first = period_start.toordinal()
    span = period_end.toordinal() - first
    start = first + int(span * lo)
    end = max(first + math.ceil(span * hi), start + 1)
    return day_from_ordinal(start), day_from_ordinal(end)
