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

from timeline._model import Bound, FarDate

MIN_YEAR, MAX_YEAR = dt.MINYEAR, dt.MAXYEAR

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


def day_period(day: dt.date) -> Period:
    end = day + dt.timedelta(days=1) if day < dt.date.max else FarDate(MAX_YEAR + 1)
    return Period(day.isoformat(), day, end, "day")


def week_period(day: dt.date) -> Period:
    iso_year, iso_week, iso_weekday = day.isocalendar()
    monday = day - dt.timedelta(days=iso_weekday - 1)
    return Period(f"{iso_year:04d}-W{iso_week:02d}", monday, monday + dt.timedelta(days=7), "week")


def weekend_period(day: dt.date) -> Period:
    """The weekend of the ISO week containing day."""
    iso_year, iso_week, iso_weekday = day.isocalendar()
    saturday = day + dt.timedelta(days=6 - iso_weekday)
    return Period(
        f"{iso_year:04d}-W{iso_week:02d}-WE", saturday, saturday + dt.timedelta(days=2), "weekend"
    )


def quarter_period(year: int, quarter: int) -> Period:
    start_month = 3 * (quarter - 1) + 1
    end = day_bound(year + 1) if quarter == 4 else day_bound(year, start_month + 3)
    return Period(f"{format_year(year)}-Q{quarter}", day_bound(year, start_month), end, "quarter")


def half_period(year: int, half: int) -> Period:
    start = day_bound(year, 1 if half == 1 else 7)
    end = day_bound(year, 7) if half == 1 else day_bound(year + 1)
    return Period(f"{format_year(year)}-H{half}", start, end, "half")


def decade_period(decade: int) -> Period:
    """decade 199 -> the 1990s."""
    return Period(f"{decade:03d}", day_bound(decade * 10), day_bound(decade * 10 + 10), "decade")


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
    return Period(f"{index:01d}", day_bound(index * 1000), day_bound(index * 1000 + 1000), "millennium")


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
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if unit == "year":
        return year_period(day.year)
    if unit == "decade":
        return decade_period(day.year // 10)
    if unit == "century":
        return century_period(day.year // 100)
    if unit == "millennium":
        return millennium_period(day.year // 1000)
    raise ValueError(f"no calendar period for unit {unit!r}")


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """day moved by n units (from the anchor, in one addition)."""
    delta = UNIT_DELTA[unit]
    return day + relativedelta(
        years=delta.years * n, months=delta.months * n, days=delta.days * n
    )


def shift_period(day: dt.date, unit: str, n: int) -> Period:
    """The calendar period n units away from the one containing day."""
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
        return f"{prefix}{float(count):g}{letter}"
    whole = count.numerator // count.denominator
    rest = (count - whole) * factor
    rest_text = f"{rest.numerator}" if rest.denominator == 1 else f"{float(rest):g}"
    if is_time or not small_is_time:
        return f"{prefix}{whole}{letter}{rest_text}{small_letter}" if whole else f"{prefix}{rest_text}{small_letter}"
    head = f"P{whole}{letter}" if whole else "P"
    return f"{head}T{rest_text}{small_letter}"


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
    """The sub-range [lo, hi) of a period, rounded outward to whole days."""
    if not isinstance(period_start, dt.date) or not isinstance(period_end, dt.date):
        return period_start, period_end
    span = (period_end - period_start).days
    start = period_start + dt.timedelta(days=int(span * lo))
    end = period_start + dt.timedelta(days=math.ceil(span * hi))
    return start, max(end, start + dt.timedelta(days=1))
