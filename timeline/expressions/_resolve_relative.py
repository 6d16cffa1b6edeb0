"""Resolving relative times: weekdays, "last week", "the next day", "two days ago".

Takes a relative meaning and its ``Context``; gives a ``Resolution`` counted
from the publication day (deictic) or from the reference time (anaphoric).
"""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import attrs
from dateutil.relativedelta import relativedelta

from timeline.expressions import _calendar as cal
from timeline.expressions._meaning_model import (
    AnaphoricUnit,
    DayAround,
    DeepTime,
    DeicticUnit,
    ReportedPeriod,
    Shift,
    WeekdayRef,
)
from timeline.expressions._model import TimexType
from timeline.expressions._resolution import (
    GRAIN_ORDER,
    HOURS_PER_UNIT,
    Context,
    Resolution,
    date_resolution,
    other_side,
    outside_calendar,
    pick_side,
    resolve,
    side_note,
    undated,
)
from timeline.expressions._tables import context_cues


@resolve.register
def _(meaning: DeepTime, ctx: Context) -> Resolution:
    # The year the count names, within half its last stated digit either side.
    year = ctx.published.year - round(meaning.years)
    half = meaning.step / 2
    lo = cal.year_period(ctx.published.year - math.ceil(meaning.years + half)).start
    hi = cal.year_period(ctx.published.year - math.floor(meaning.years - half)).start
    return Resolution(type=TimexType.DATE, value=cal.year_period(year).value,
                      mod=meaning.mod or "APPROX", earliest=lo, latest=hi,
                      notes=(f"deep time: known to {int(meaning.step):,} years",))  # fmt: skip


@resolve.register
def _(meaning: WeekdayRef, ctx: Context) -> Resolution:
    anaphoric = meaning.direction in ("previous", "following")
    base = ctx.reference_day if anaphoric else ctx.published
    anchor = "reference" if anaphoric else "publication"
    # Candidates within a week either side, Python dates only: a week past
    # 9999-12-31 or before 0001-01-01 has no date to give.
    days = (cal.add_days(base, d) for d in range(-7, 8))
    candidates = [c for c in days if isinstance(c, dt.date) and c.isoweekday() == meaning.weekday]
    direction = meaning.direction
    chosen: dt.date | None
    if direction in ("last", "previous"):
        chosen, side = max((c for c in candidates if c < base), default=None), "past"
        if direction == "last" and chosen is not None and _week_ending_edition(base):
            # "last Tuesday" in a Sunday edition: this week's, or the week before's
            earlier = cal.add_days(chosen, -7)
            return date_resolution(cal.day_period(chosen), anchor=anchor, direction=side,
                                   notes=(_EDITION_NOTE,), alternatives=(earlier.isoformat(),))  # fmt: skip
    elif direction in ("next", "following"):
        chosen, side = min((c for c in candidates if c > base), default=None), "future"
    elif direction == "this":  # the weekday of base's ISO week
        back = base.isoweekday() - meaning.weekday
        chosen = next((c for c in candidates if (base - c).days == back), None)
        side = "past" if back >= 0 else "future"
    else:
        chosen, side = pick_side(candidates, base, ctx.direction or "past")
        note = side_note(side, ctx) if ctx.direction else "no tense cue: past side"
        return date_resolution(cal.day_period(chosen), anchor=anchor, direction=side,
                               notes=(note,),
                               alternatives=other_side(candidates, base, chosen))  # fmt: skip
    if chosen is None:
        return outside_calendar(meaning)
    return date_resolution(cal.day_period(chosen), anchor=anchor, direction=side)


@resolve.register
def _(meaning: DeicticUnit, ctx: Context) -> Resolution:
    pub = ctx.published
    if meaning.unit == "weekend" and meaning.offset == 0:
        return nearest_weekend(pub, ctx)
    period = cal.shift_period(pub, meaning.unit, meaning.offset)
    if meaning.unit == "weekend":
        period = cal.weekend_period(cal.shift(pub, "week", meaning.offset))
    if meaning.unit == "week" and meaning.offset == -1 and _week_ending_edition(pub):
        return date_resolution(period, notes=(_EDITION_NOTE,),
                               alternatives=(cal.shift_period(pub, "week", 0).value,))  # fmt: skip
    return date_resolution(period)


_EDITION_NOTE = "published on the last day of its week: 'last' may mean the week now ending or the one before"


def _week_ending_edition(pub: dt.date) -> bool:
    return pub.isoweekday() in context_cues().week_ending_editions


def nearest_weekend(pub: dt.date, ctx: Context) -> Resolution:
    this = cal.weekend_period(pub)
    if this.start <= pub < this.end:
        return date_resolution(this)
    if ctx.direction == "future":
        return date_resolution(this, direction="future")
    previous = cal.weekend_period(pub - dt.timedelta(days=7))
    return date_resolution(previous, direction="past")


@resolve.register
def _(meaning: AnaphoricUnit, ctx: Context) -> Resolution:
    if meaning.unit == "weekend" and meaning.bare:
        return nearest_weekend(ctx.published, ctx)
    if meaning.unit == "hour":
        return undated(meaning)
    if meaning.bare and meaning.unit == "year" and not ctx.reference_in_sentence:
        # "for the full year", "by the end of the year": the year of publication;
        # a year named sentences before does not carry to a bare "the year"
        period = cal.year_period(ctx.published.year)
        return date_resolution(period, anchor="publication")
    period = cal.shift_period(ctx.reference_day, meaning.unit, meaning.offset)
    return date_resolution(period, anchor="reference")


def shift_delta(amount: Fraction, unit: str, sign: int) -> tuple[relativedelta, str]:
    """The move by a possibly fractional amount of units, and the grain it is exact to."""
    if amount.denominator == 1:
        step, n = cal.UNIT_DELTA[unit], sign * amount.numerator
        return relativedelta(years=step.years * n, months=step.months * n, days=step.days * n), unit
    months = {"year": 12, "decade": 120, "century": 1200, "quarter": 3, "month": 1}
    if unit in months:
        return relativedelta(months=sign * round(amount * months[unit])), "month"
    days = {"week": 7, "fortnight": 14, "day": 1, "weekend": 7}
    return relativedelta(days=sign * round(amount * days.get(unit, 1))), "day"


def _shift_day(day: dt.date, amount: Fraction, unit: str, sign: int) -> tuple[dt.date, str]:
    """day moved by a possibly fractional amount; returns the day and the grain used."""
    delta, grain = shift_delta(amount, unit, sign)
    return day + delta, grain


def _keeps_reference_grain(meaning: Shift, ctx: Context) -> bool:
    """'a year earlier' after 'the third quarter' names a quarter, not a year."""
    ref = ctx.reference
    if ref is None or meaning.amount.value is None:
        return False
    if meaning.anchor != "reference" and ref.grain not in ("quarter", "half"):
        # "up from $10 million a year ago" after "the third quarter": financial
        # reports compare a quarter or half with the same one a year before.
        return False
    if meaning.amount.value.denominator != 1 or ref.grain not in ("month", "quarter", "half"):
        return False
    if meaning.unit not in ("year", "quarter", "month"):
        return False
    return GRAIN_ORDER.index(ref.grain) < GRAIN_ORDER.index(meaning.unit)


@resolve.register
def _(meaning: Shift, ctx: Context) -> Resolution:
    base = ctx.reference_day if meaning.anchor == "reference" else ctx.published
    amount = meaning.amount.value
    keeps_grain = _keeps_reference_grain(meaning, ctx)
    if keeps_grain:
        base = ctx.reference_day  # "up from $10 million a year ago": the same quarter
    if meaning.grain is not None or keeps_grain:
        return _shift_at_grain(meaning, ctx, base)
    if amount is None:  # "several years ago": before the anchor, by an unknown amount
        return _shift_by_unknown_amount(meaning, base)
    if meaning.unit in cal.SUB_DAY_UNITS:
        return _shift_by_hours(meaning, amount, base)
    day, grain = _shift_day(base, amount, meaning.unit, meaning.sign)
    if grain in ("decade", "century", "millennium"):
        grain = "year"
    if grain == "fortnight":
        grain = "day"
    period = cal.period_of(grain if grain != "weekend" else "week", day)
    resolution = date_resolution(period, anchor=meaning.anchor)
    mod = meaning.amount.mod
    if mod is None or mod == "APPROX":
        return attrs.evolve(resolution, mod=mod)
    return _bounded_shift(resolution, meaning, mod, day, base)


@resolve.register
def _(meaning: DayAround, ctx: Context) -> Resolution:
    base = resolve(meaning.base, ctx)
    if base.period is None or base.period.grain != "day" or not isinstance(base.earliest, dt.date):
        return undated(meaning)
    day = cal.add_days(base.earliest, meaning.offset)
    return attrs.evolve(date_resolution(cal.day_period(day), anchor=base.anchor),
                        direction=base.direction, alternatives=())  # fmt: skip


_WITHIN_QUARTER = ("day", "weekend", "week", "month")


@resolve.register
def _(meaning: ReportedPeriod, ctx: Context) -> Resolution:
    """A report's period: the reference's quarter, half or year (a finer
    reference, "the quarter ended Sept. 30", gives its quarter); without one,
    the last quarter completed by publication.  A named year moves it there."""
    ref = ctx.reference
    grains = ("quarter",) if meaning.quarter else ("quarter", "half", "year")
    if ref is not None and isinstance(ref.start, dt.date) and ref.grain in grains:
        grain, day, anchor = ref.grain, ref.start, "reference"
    else:
        # a day mentioned ("the quarter ended Sept. 30", "said yesterday"): the
        # last quarter completed by then, as reports are of finished periods
        grain = "quarter"
        day, anchor = ctx.published, "publication"
        if ref is not None and isinstance(ref.start, dt.date) and ref.grain in _WITHIN_QUARTER:
            day, anchor = ref.start, "reference"
        if cal.period_of("quarter", day).end > ctx.published:
            day = cal.add_days(cal.period_of("quarter", day).start, -1)
    if ref is None and meaning.year is not None and not meaning.quarter:
        grain = "year"  # "the 1988 period" with nothing to say which part
    if meaning.year is not None:
        day = dt.date(meaning.year, day.month, 1)
    if grain == "half":
        period = cal.half_period(day.year, 1 if day.month < 7 else 2)
    else:
        period = cal.period_of(grain, day)
    return date_resolution(period, anchor=anchor, notes=("the period of the report",))


def _shift_at_grain(meaning: Shift, ctx: Context, base: dt.date) -> Resolution:
    """'year-earlier', or 'a year earlier' after a quarter: the period of the
    named (or the reference's) grain one shift away."""
    amount = meaning.amount.value
    day = cal.shift(base, meaning.unit, meaning.sign * amount.numerator)  # type: ignore[union-attr]
    grain = meaning.grain or ctx.reference.grain  # type: ignore[union-attr]
    if grain not in ("day", "week", "month", "quarter", "half", "year"):
        grain = meaning.unit
    period = cal.period_of(grain, day) if grain != "half" else cal.half_period(
        day.year, 1 if day.month < 7 else 2)
    return date_resolution(period, anchor="reference",
                           notes=("keeps the grain of the reference time",))  # fmt: skip


def _shift_by_unknown_amount(meaning: Shift, base: dt.date) -> Resolution:
    value = "PAST_REF" if meaning.sign < 0 else "FUTURE_REF"
    unit = meaning.unit if meaning.unit not in cal.SUB_DAY_UNITS else "day"
    near = cal.shift_bound(base, unit, meaning.sign)
    far = cal.shift_bound(base, unit, meaning.sign * 12)
    lo, hi = sorted((near, far))
    return Resolution(type=TimexType.DATE, value=value, earliest=lo,
                      latest=cal.add_days(hi, 1), anchor=meaning.anchor,
                      notes=("unknown amount: between one and a dozen units",))  # fmt: skip


def _shift_by_hours(meaning: Shift, amount: Fraction, base: dt.date) -> Resolution:
    """'six hours later': the day it falls on (the anchor's clock time is unknown)."""
    hours = float(amount) * HOURS_PER_UNIT[meaning.unit]
    days = math.ceil(hours / 24)
    day = base + dt.timedelta(days=meaning.sign * math.floor(hours / 24))
    lo, hi = sorted((day, cal.add_days(base, meaning.sign * days)))
    return Resolution(type=TimexType.DATE, value=day.isoformat(), earliest=lo,
                      latest=cal.add_days(hi, 1), anchor=meaning.anchor,
                      notes=("clock time of the anchor unknown",))  # fmt: skip


def _bounded_shift(
    resolution: Resolution, meaning: Shift, mod: str, day: dt.date, base: dt.date
) -> Resolution:
    """'more than two years ago' lies before that year, 'less than a week later'
    before the end of that week: a bound amount opens one side of the range."""
    further = mod in ("MORE_THAN", "EQUAL_OR_MORE")
    back = meaning.sign < 0
    side = {(True, True): "BEFORE", (False, True): "AFTER",
            (True, False): "AFTER", (False, False): "BEFORE"}[(further, back)]  # fmt: skip
    if mod.startswith("EQUAL"):
        side = "ON_OR_" + side
    # The bound is the exact day the amount reaches, not the edge of its grain.
    edge = cal.add_days(day, 1) if side.startswith("ON_OR") else day
    if side.endswith("BEFORE"):
        lo, hi = None, edge
        if not back:  # "less than a week later": between the anchor and then
            lo = base
    else:
        lo, hi = (day if side.startswith("ON_OR") else cal.add_days(day, 1)), None
        if back:  # "less than two years ago": between then and the anchor
            hi = cal.add_days(base, 1)
    return attrs.evolve(resolution, mod=side, earliest=lo, latest=hi, period=None)
