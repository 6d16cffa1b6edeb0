"""Time units of the constraints: minutes since 0001-01-01.

Takes the expressions stage's bounds (dates, datetimes, ``FarDate``) and
TIMEX3 duration values; gives minutes (``to_minutes``, ``duration_span``) and
back (``from_minutes``).  Every constraint bound is in these minutes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from fractions import Fraction

from timeline.expressions import Bound, FarDate, TimeExpression, day_from_ordinal
from timeline.relations._dating_table import dating_table
from timeline.relations._tables import connectives

MINUTES_PER_DAY = 1440
# Minutes in each unit of a TIMEX3 duration ("MIN" is the M after T); a month
# is a twelfth of a year, so "1.5 years" (P1Y6M) and "18 months" agree.
_YEAR = 365 * MINUTES_PER_DAY
_UNIT_MINUTES = {"Y": Fraction(_YEAR), "M": Fraction(_YEAR, 12), "W": Fraction(7 * MINUTES_PER_DAY),
                 "D": Fraction(MINUTES_PER_DAY), "H": Fraction(60), "MIN": Fraction(1),
                 "S": Fraction(1, 60)}  # fmt: skip
# A TIMEX3 duration value as _calendar.duration_value writes it: any of the
# parts, each a whole or decimal amount ("P3D", "P1Y6M", "PT5H30M", "P2W3.5D").
_N = r"\d+(?:\.\d+)?"
_DURATION = re.compile(
    rf"^P(?:(?P<Y>{_N})Y)?(?:(?P<M>{_N})M)?(?:(?P<W>{_N})W)?(?:(?P<D>{_N})D)?"
    rf"(?:T(?:(?P<H>{_N})H)?(?:(?P<MIN>{_N})M)?(?:(?P<S>{_N})S)?)?$"
)
_VAGUE_DURATION = re.compile(r"^P(T)?X([YMWDHS])$")


def to_minutes(bound: Bound) -> int | None:
    """Minutes since 0001-01-01 (negative before it) for a date, datetime or
    FarDate; None for an open bound."""
    if isinstance(bound, dt.datetime):
        return (bound.toordinal() - 1) * MINUTES_PER_DAY + bound.hour * 60 + bound.minute
    if isinstance(bound, dt.date | FarDate):
        return (bound.toordinal() - 1) * MINUTES_PER_DAY
    return None


# A date and a part of day: "1998-10-23TNI".
_PART_OF_DAY = re.compile(r"^\d{4}-\d\d-\d\dT([A-Z]{2})$")


def dated_span(expr: TimeExpression) -> tuple[int | None, int | None]:
    """The minutes an expression dates its events within: its bounds, but a
    night ends with its own date (``[part_of_day]`` of ``dating.toml``)."""
    lo, hi = to_minutes(expr.earliest), to_minutes(expr.latest)
    part = _PART_OF_DAY.match(expr.value or "")
    if part and lo is not None and hi is not None:
        if part.group(1) in dating_table()["part_of_day"]["dated_on_its_day"]:  # type: ignore[operator]
            hi = min(hi, (lo // MINUTES_PER_DAY + 1) * MINUTES_PER_DAY)
    return lo, hi


def from_minutes(value: int | None, *, round_up: bool = False) -> dt.date | dt.datetime | FarDate | None:
    """The inverse of to_minutes: a date at midnight, else a datetime.

    Outside years 1-9999 it is the FarDate of a midnight, which holds no clock
    time: the one before the instant, or after it with ``round_up`` (for a
    latest bound, so that either way the bound only widens).
    """
    if value is None:
        return None
    days, rest = divmod(value, MINUTES_PER_DAY)
    if not 0 <= days < dt.date.max.toordinal():
        return day_from_ordinal(days + 1 + (round_up and rest > 0))
    day = dt.date.fromordinal(days + 1)
    if rest == 0:
        return day
    return dt.datetime.combine(day, dt.time(rest // 60, rest % 60))


def duration_span(value: str | None, mod: str | None = None) -> tuple[int | None, int | None]:
    """Least and most minutes a TIMEX3 duration value allows, give or take its
    finest unit ('P3D' -> 2 to 4 days, 'P1Y6M' -> 17 to 19 months); (None,
    None) for a value that is not a duration."""
    value = value or ""
    vague = _VAGUE_DURATION.match(value)
    if vague:
        unit = _UNIT_MINUTES["MIN" if vague[1] and vague[2] == "M" else vague[2]]
        least, most = connectives()["vague_gap"]["unknown"]  # type: ignore[misc]
        return math.floor(least * unit), math.floor(most * unit)
    match = _DURATION.match(value)
    parts = {k: Fraction(v) for k, v in match.groupdict().items() if v} if match else {}
    if not parts:
        return None, None
    amount = sum(n * _UNIT_MINUTES[k] for k, n in parts.items())
    unit = min(_UNIT_MINUTES[k] for k in parts)
    slack = unit if unit >= MINUTES_PER_DAY else max(unit, amount / 10)
    lo: int | None = math.floor(max(0, amount - slack))
    hi: int | None = math.ceil(amount + slack)
    if mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        lo = 0
    elif mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        hi = None
    return lo, hi
