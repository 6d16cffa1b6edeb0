"""Resolution: meaning + anchor -> TIMEX3 type, value and interval.

Pure functions of their arguments (no clock, no state): one per meaning type,
chosen by ``functools.singledispatch``.  The interval is the half-open range
[earliest, latest) in which the referenced time lies, covering the whole grain
("March 2024" -> [Mar 1, Apr 1)); vague and modified expressions take their
windows from the data tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from fractions import Fraction
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from timeline.expressions import _calendar as cal
from timeline.expressions._calendar import Period
from timeline.expressions._meaning import (
    AnaphoricUnit,
    CalendarDate,
    Century,
    Clock,
    Decade,
    DeicticUnit,
    Duration,
    Holiday,
    Modified,
    Partial,
    PartOfDay,
    QuarterOf,
    Recurrence,
    SeasonOf,
    Shift,
    Vague,
    WeekdayRef,
    WeekOf,
    YearRelative,
)
from timeline.expressions._model import Bound, FarDate, TimexType
from timeline.expressions._tables import calendar_words, part_windows, vague_windows

# Grains from finest to coarsest, to keep a reference's grain in anaphora.
GRAIN_ORDER = ["day", "weekend", "week", "month", "season", "quarter", "half", "year",
               "decade", "century", "millennium"]  # fmt: skip


_HOURS_PER_UNIT = {"hour": 1, "minute": 1 / 60, "second": 1 / 3600}

# How far from publication a tense cue may push a month-day without a year.
MAX_TENSE_REACH_DAYS = 183

# A reference of these grains lends its year to a month-day without one.
_YEAR_GIVING_GRAINS = ("year", "month", "season", "quarter")


@attrs.frozen(kw_only=True)
class Context:
    """What a meaning is resolved against.

    Attributes:
        published: the publication day.
        reference: the narrative's reference period (the last specific time
            mentioned), or None to use the publication day.
        direction: "past" or "future" from the clause's tense, or None.
        firm_direction: the direction comes from a signal ("since"), not a
            guess from tense cues: no fallback to the nearest date.
        reference_in_sentence: the reference was mentioned in the same sentence
            ("in 2019 ... ended on December 2": December 2 of 2019).
    """

    published: dt.date
    reference: Period | None = None
    direction: str | None = None
    firm_direction: bool = False
    reference_in_sentence: bool = False

    @property
    def reference_day(self) -> dt.date:
        """First day of the reference time (the publication day without one)."""
        if self.reference is None:
            return self.published
        start = self.reference.start
        if not isinstance(start, dt.date):
            # 300 BC cannot anchor "two years later" in Python dates; say so.
            raise ValueError(f"the reference time {self.reference.value} is outside the calendar")
        return start


@attrs.frozen(kw_only=True)
class Resolution:
    """A resolved expression (see TimeExpression for the fields).

    Attributes:
        period: the calendar period referred to, when it can serve as the
            reference time for later anaphora.
    """

    type: TimexType
    value: str | None
    mod: str | None = None
    earliest: Bound = None
    latest: Bound = None
    anchor: str = "publication"
    direction: str | None = None
    quant: str | None = None
    freq: str | None = None
    notes: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    period: Period | None = None


def _date_resolution(period: Period, anchor: str = "publication", **kw: Any) -> Resolution:
    return Resolution(
        type=TimexType.DATE,
        value=period.value,
        earliest=period.start,
        latest=period.end,
        anchor=anchor,
        period=period,
        **kw,
    )


def _undated(meaning: object) -> Resolution:
    return Resolution(type=TimexType.DATE, value=None, anchor="none",
                      notes=(f"cannot resolve {meaning!r}",))  # fmt: skip


def _outside_calendar(meaning: object) -> Resolution:
    return Resolution(type=TimexType.DATE, value=None, anchor="none",
                      notes=(f"outside the calendar's range: {meaning!r}",))  # fmt: skip


@functools.singledispatch
def resolve(meaning: object, ctx: Context) -> Resolution:
    """Resolve a meaning object against its context."""
    return _undated(meaning)


# --------------------------------------------------------------- choosing a side


def _pick(candidates: list[dt.date], pub: dt.date, direction: str | None) -> tuple[dt.date, str]:
    """Nearest candidate on the side tense asks for (the publication day counts on both sides)."""
    past = [c for c in candidates if c <= pub]
    future = [c for c in candidates if c >= pub]
    if direction == "future" and future:
        return min(future), "future"
    if direction == "past" and past:
        return max(past), "past"
    if direction is None and past and future:
        before, after = max(past), min(future)
        return (before, "past") if (pub - before) <= (after - pub) else (after, "future")
    if past:
        return max(past), "past"
    return min(future), "future"


def _other_side(candidates: list[dt.date], pub: dt.date, chosen: dt.date) -> tuple[str, ...]:
    """The nearest candidate on the other side of publication: the reading not taken."""
    if chosen < pub:
        others = [c for c in candidates if c > pub]
        return (min(others).isoformat(),) if others else ()
    others = [c for c in candidates if c < pub]
    return (max(others).isoformat(),) if others else ()


def _side_note(direction: str, ctx: Context) -> str:
    if ctx.firm_direction:
        why = "its signal"
    else:
        why = "the clause's tense" if ctx.direction else "no tense cue; nearest"
    return f"{direction} side chosen by {why}"


# --------------------------------------------------------------- calendar dates


def _year_of(year: int | YearRelative | None, ctx: Context) -> int | None:
    if isinstance(year, YearRelative):
        return ctx.published.year + year.offset
    return year


@resolve.register
def _(meaning: CalendarDate, ctx: Context) -> Resolution:
    pub = ctx.published
    if meaning.impossible:
        return Resolution(type=TimexType.DATE, value=None, anchor="none",
                          notes=(f"impossible date: {meaning.impossible}",))  # fmt: skip
    year, month, day = meaning.year, meaning.month, meaning.day
    if year is not None and month is None:
        return _date_resolution(cal.year_period(year), anchor="none")
    if year is not None and day is None:
        return _date_resolution(cal.month_period(year, month), anchor="none")  # type: ignore[arg-type]
    if year is not None:
        if not cal.in_python_range(year):
            period = Period(f"{cal.format_year(year)}-{month:02d}-{day:02d}",
                            cal.day_bound(year, month, day), None, "day")  # type: ignore[arg-type]
            return _date_resolution(period, anchor="none")
        date = dt.date(year, month, day)  # type: ignore[arg-type]
        notes: tuple[str, ...] = ()
        alternatives: tuple[str, ...] = ()
        if meaning.weekday and date.isoweekday() != meaning.weekday:
            notes = (f"the text's weekday does not match {date.isoformat()}",)
        if meaning.day_month_ambiguous:
            notes += ("day and month could be either way round: month/day (US) order taken",)
            alternatives = (dt.date(year, day, month).isoformat(),)  # type: ignore[arg-type]
        return _date_resolution(cal.day_period(date), anchor="none", notes=notes,
                                alternatives=alternatives)  # fmt: skip
    if month is None and day is not None:  # "the 12th": a day of the reference month
        ref = ctx.reference
        base = ctx.reference_day if ref and ref.grain in ("day", "week", "month") else pub
        candidates = []
        for delta in (-1, 0, 1):
            try:  # no such day that month, or a month before year 1 or after 9999
                first = dt.date(base.year, base.month, 1) + relativedelta(months=delta)
                candidates.append(first.replace(day=day))
            except (ValueError, OverflowError):
                continue
        if not candidates:
            return _undated(meaning)
        chosen, side = _pick(candidates, base, ctx.direction or "past")
        return _date_resolution(cal.day_period(chosen), anchor="reference", direction=side)
    if day is None:  # a month name: "September", "last September"
        return _month_name(month, meaning.direction, ctx)  # type: ignore[arg-type]
    # month and day without a year
    ref = ctx.reference
    if ctx.reference_in_sentence and ref is not None and isinstance(ref.start, dt.date):
        side_ok = ctx.direction is None or (ctx.direction == "past") == (ref.start.year < pub.year)
        if ref.start.year != pub.year and side_ok and ref.grain in _YEAR_GIVING_GRAINS:
            try:
                date = dt.date(ref.start.year, month, day)  # type: ignore[arg-type]
            except ValueError:
                return _undated(meaning)
            return _date_resolution(cal.day_period(date), anchor="reference",
                                    notes=("year from the date mentioned before it",))  # fmt: skip
    candidates = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(dt.date(y, month, day))  # type: ignore[arg-type]
        except ValueError:
            continue
    if not candidates:
        return Resolution(type=TimexType.DATE, value=None, anchor="none",
                          notes=("impossible date",))  # fmt: skip
    # Tense chooses the side only within half a year: "until March 6" written
    # in January means this March even in a clause with a past-tense verb.
    direction = ctx.direction
    chosen, side = _pick(candidates, pub, direction)
    if (
        direction is not None
        and not ctx.firm_direction
        and abs((chosen - pub).days) > MAX_TENSE_REACH_DAYS
    ):
        chosen, side = _pick(candidates, pub, None)
        direction = None
    why = _side_note(side, ctx) if direction else "no usable tense cue; nearest"
    return _date_resolution(cal.day_period(chosen), direction=side, notes=("year: " + why,),
                            alternatives=_other_side(candidates, pub, chosen))  # fmt: skip


def _month_name(month: int, direction: str | None, ctx: Context) -> Resolution:
    # Months counted as year * 12 + month - 1, so a year before 1 or after
    # 9999 is arithmetic, not a date error (month_period gives FarDates there).
    pub = ctx.published
    this_month = pub.year * 12 + month - 1
    current = pub.year * 12 + pub.month - 1
    side: str | None
    if direction == "this":
        chosen, side = this_month, None
    elif direction == "last":
        chosen = this_month if this_month < current else this_month - 12
        side = "past"
    elif direction == "next":
        chosen = this_month if this_month > current else this_month + 12
        side = "future"
    else:
        candidates = [this_month + 12 * d for d in (-1, 0, 1)]
        # A month is 'past' when it has begun by publication.
        if ctx.direction == "future":
            chosen, side = min(c for c in candidates if c >= current), "future"
        else:
            chosen, side = max(c for c in candidates if c <= current), "past"
    notes = (_side_note(side, ctx),) if side and direction is None else ()
    alternatives: tuple[str, ...] = ()
    if direction is None and chosen != current:  # the same month a year the other way
        other = chosen + (12 if chosen < current else -12)
        alternatives = (cal.month_period(other // 12, other % 12 + 1).value,)
    return _date_resolution(cal.month_period(chosen // 12, chosen % 12 + 1), direction=side,
                            notes=notes, alternatives=alternatives)  # fmt: skip


@resolve.register
def _(meaning: WeekOf, ctx: Context) -> Resolution:
    day = resolve(meaning.date, ctx)
    if not isinstance(day.earliest, dt.date) or isinstance(day.earliest, dt.datetime):
        return day
    return attrs.evolve(_date_resolution(cal.week_period(day.earliest)), anchor=day.anchor)


@resolve.register
def _(meaning: Decade, ctx: Context) -> Resolution:
    if meaning.decade is not None:
        return _date_resolution(cal.decade_period(meaning.decade), anchor="none")
    century = ctx.published.year // 100
    decade = century * 10 + meaning.short  # type: ignore[operator]
    if decade * 10 > ctx.published.year:
        decade -= 10
    return _date_resolution(cal.decade_period(decade), notes=("century from publication",))


@resolve.register
def _(meaning: Century, ctx: Context) -> Resolution:
    return _date_resolution(cal.century_period(meaning.index), anchor="none")


@resolve.register
def _(meaning: QuarterOf, ctx: Context) -> Resolution:
    pub = ctx.published
    make = {4: cal.quarter_period, 2: cal.half_period, 12: cal.month_period}[meaning.count]
    year = _year_of(meaning.year, ctx)
    if year is not None:
        anchor = "publication" if isinstance(meaning.year, YearRelative) else "none"
        return _date_resolution(make(year, meaning.number), anchor=anchor)
    current = (pub.month - 1) * meaning.count // 12 + 1
    if meaning.number > current and ctx.direction != "future":
        return _date_resolution(make(pub.year - 1, meaning.number), direction="past",
                                notes=("a quarter not yet begun: last year's",))  # fmt: skip
    return _date_resolution(make(pub.year, meaning.number))


@resolve.register
def _(meaning: SeasonOf, ctx: Context) -> Resolution:
    pub = ctx.published
    spec = calendar_words()["season"][meaning.name]
    code, months = spec["code"], spec["months"]
    year = _year_of(meaning.year, ctx)
    if year is not None:
        return _date_resolution(cal.season_period(year, code, months), anchor="none")
    # Two years either side: a winter begins in the December before its year,
    # so in December "next winter" is the one starting a year later.  Bounds
    # past year 9999 or before year 1 are FarDates, which compare with dates.
    periods = [cal.season_period(y, code, months) for y in range(pub.year - 2, pub.year + 3)]
    current = next((p for p in periods if p.start <= pub < p.end), None)
    begun = [p for p in periods if p.start <= pub]
    coming = [p for p in periods if p.start > pub]
    if meaning.direction == "this" or (meaning.direction is None and current):
        chosen = current or (coming[0] if ctx.direction == "future" else begun[-1])
    elif meaning.direction == "last":
        chosen = [p for p in periods if p.end <= pub][-1]
    elif meaning.direction == "next":
        chosen = coming[0]
    else:
        chosen = coming[0] if ctx.direction == "future" else begun[-1]
    return _date_resolution(chosen)


@resolve.register
def _(meaning: Holiday, ctx: Context) -> Resolution:
    spec = calendar_words()["holiday"][meaning.name]
    if meaning.year is not None:
        day = cal.holiday_day(meaning.year, spec)
        return _date_resolution(cal.day_period(day), anchor="none") if day else _undated(meaning)
    pub = ctx.published
    candidates = [d for y in (pub.year - 1, pub.year, pub.year + 1)
                  if (d := cal.holiday_day(y, spec)) is not None]  # fmt: skip
    chosen, side = _pick(candidates, pub, ctx.direction)
    return _date_resolution(cal.day_period(chosen), direction=side)


# --------------------------------------------------------------- relative


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
    elif direction in ("next", "following"):
        chosen, side = min((c for c in candidates if c > base), default=None), "future"
    elif direction == "this":  # the weekday of base's ISO week
        back = base.isoweekday() - meaning.weekday
        chosen = next((c for c in candidates if (base - c).days == back), None)
        side = "past" if back >= 0 else "future"
    else:
        chosen, side = _pick(candidates, base, ctx.direction or "past")
        note = _side_note(side, ctx) if ctx.direction else "no tense cue: past side"
        return _date_resolution(cal.day_period(chosen), anchor=anchor, direction=side,
                                notes=(note,),
                                alternatives=_other_side(candidates, base, chosen))  # fmt: skip
    if chosen is None:
        return _outside_calendar(meaning)
    return _date_resolution(cal.day_period(chosen), anchor=anchor, direction=side)


@resolve.register
def _(meaning: DeicticUnit, ctx: Context) -> Resolution:
    pub = ctx.published
    if meaning.unit == "weekend" and meaning.offset == 0:
        return _nearest_weekend(pub, ctx)
    period = cal.shift_period(pub, meaning.unit, meaning.offset)
    if meaning.unit == "weekend":
        period = cal.weekend_period(cal.shift(pub, "week", meaning.offset))
    return _date_resolution(period)


def _nearest_weekend(pub: dt.date, ctx: Context) -> Resolution:
    this = cal.weekend_period(pub)
    if this.start <= pub < this.end:
        return _date_resolution(this)
    if ctx.direction == "future":
        return _date_resolution(this, direction="future")
    previous = cal.weekend_period(pub - dt.timedelta(days=7))
    return _date_resolution(previous, direction="past")


@resolve.register
def _(meaning: AnaphoricUnit, ctx: Context) -> Resolution:
    if meaning.unit == "weekend" and meaning.bare:
        return _nearest_weekend(ctx.published, ctx)
    base = ctx.reference_day
    if meaning.unit == "hour":
        return _undated(meaning)
    period = cal.shift_period(base, meaning.unit, meaning.offset)
    return _date_resolution(period, anchor="reference")


def _shift_delta(amount: Fraction, unit: str, sign: int) -> tuple[relativedelta, str]:
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
    delta, grain = _shift_delta(amount, unit, sign)
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
        day = cal.shift(base, meaning.unit, meaning.sign * amount.numerator)  # type: ignore[union-attr]
        grain = meaning.grain or ctx.reference.grain  # type: ignore[union-attr]
        if grain not in ("day", "week", "month", "quarter", "half", "year"):
            grain = meaning.unit
        period = cal.period_of(grain, day) if grain != "half" else cal.half_period(
            day.year, 1 if day.month < 7 else 2)
        return _date_resolution(period, anchor="reference",
                                notes=("keeps the grain of the reference time",))  # fmt: skip
    if amount is None:  # "several years ago": before the anchor, by an unknown amount
        value = "PAST_REF" if meaning.sign < 0 else "FUTURE_REF"
        unit = meaning.unit if meaning.unit not in cal.SUB_DAY_UNITS else "day"
        near = cal.shift_bound(base, unit, meaning.sign)
        far = cal.shift_bound(base, unit, meaning.sign * 12)
        lo, hi = sorted((near, far))
        return Resolution(type=TimexType.DATE, value=value, earliest=lo,
                          latest=cal.add_days(hi, 1), anchor=meaning.anchor,
                          notes=("unknown amount: between one and a dozen units",))  # fmt: skip
    if meaning.unit in cal.SUB_DAY_UNITS:
        hours = float(amount) * _HOURS_PER_UNIT[meaning.unit]
        days = math.ceil(hours / 24)
        day = base + dt.timedelta(days=meaning.sign * math.floor(hours / 24))
        lo, hi = sorted((day, cal.add_days(base, meaning.sign * days)))
        return Resolution(type=TimexType.DATE, value=day.isoformat(), earliest=lo,
                          latest=cal.add_days(hi, 1), anchor=meaning.anchor,
                          notes=("clock time of the anchor unknown",))  # fmt: skip
    day, grain = _shift_day(base, amount, meaning.unit, meaning.sign)
    if grain in ("decade", "century", "millennium"):
        grain = "year"
    if grain == "fortnight":
        grain = "day"
    period = cal.period_of(grain if grain != "weekend" else "week", day)
    resolution = _date_resolution(period, anchor=meaning.anchor)
    mod = meaning.amount.mod
    if mod is None or mod == "APPROX":
        return attrs.evolve(resolution, mod=mod)
    # "more than two years ago" lies before that year, "less than a week later"
    # before the end of that week: a bound amount opens one side of the range.
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


@resolve.register
def _(meaning: PartOfDay, ctx: Context) -> Resolution:
    day_res = resolve(meaning.day, ctx) if meaning.day is not None else None
    if day_res is None:
        day = ctx.reference_day
        anchor = "reference"
    else:
        day = day_res.earliest if isinstance(day_res.earliest, dt.date) else None
        anchor = day_res.anchor
    if day is None or (day_res is not None and day_res.period and day_res.period.grain != "day"):
        return _undated(meaning)
    spec = calendar_words()["part_of_day"][meaning.part]
    lo_h, hi_h = spec["hours"]
    start = cal.instant(day, round(lo_h * 60))
    end = cal.instant(day, round(hi_h * 60))
    value = f"{day.isoformat()}T{spec['code']}"
    return Resolution(type=TimexType.TIME, value=value, earliest=start, latest=end, anchor=anchor,
                      period=Period(value, day, cal.add_days(day, 1), "day"),
                      direction=day_res.direction if day_res else None)  # fmt: skip


@resolve.register
def _(meaning: Clock, ctx: Context) -> Resolution:
    if meaning.day is not None:
        day_res = resolve(meaning.day, ctx)
        if not isinstance(day_res.earliest, dt.date):
            return _undated(meaning)
        day = day_res.earliest
        if isinstance(day, dt.datetime):
            day = day.date()
        anchor = day_res.anchor
    elif ctx.reference is not None and ctx.reference.grain == "day":
        day, anchor = ctx.reference_day, "reference"
    else:  # no day mentioned before: the publication day
        day, anchor = ctx.published, "publication"
    minute = meaning.hour * 60 + meaning.minute
    value = f"{day.isoformat()}T{meaning.hour:02d}:{meaning.minute:02d}"
    return Resolution(type=TimexType.TIME, value=value, earliest=cal.instant(day, minute),
                      latest=cal.instant(day, minute + 1), anchor=anchor,
                      period=Period(value, day, cal.add_days(day, 1), "day"))  # fmt: skip


@resolve.register
def _(meaning: Partial, ctx: Context) -> Resolution:
    base = resolve(meaning.base, ctx)
    lo, hi = base.earliest, base.latest
    pub = ctx.published
    days = (dt.date, FarDate)  # a period may end past 9999-12-31
    if not isinstance(lo, days) or not isinstance(hi, days):
        return base
    if meaning.side == "earlier":
        # Earlier in the period than the anchor (publication, or the period's end).
        cut = pub if lo <= pub < hi and base.anchor == "publication" else hi
        hi, mod = max(cut, cal.add_days(lo, 1)), "START"
    else:
        cut = cal.add_days(pub, 1) if lo <= pub < hi and base.anchor == "publication" else lo
        lo, mod = min(cut, cal.add_days(hi, -1)), "END"
    return attrs.evolve(base, earliest=lo, latest=hi, mod=mod, period=None)


@resolve.register
def _(meaning: Modified, ctx: Context) -> Resolution:
    base = resolve(meaning.base, ctx)
    part = part_windows()[meaning.part]
    if base.value is None:
        return base
    if isinstance(base.earliest, dt.datetime) and isinstance(base.latest, dt.datetime):
        span = base.latest - base.earliest
        lo = base.earliest + span * part.lo
        hi = base.earliest + span * part.hi
    else:
        lo, hi = cal.fraction_of(base.earliest, base.latest, part.lo, part.hi)
    return attrs.evolve(base, earliest=lo, latest=hi, mod=part.mod)


@resolve.register
def _(meaning: Duration, ctx: Context) -> Resolution:
    amount = meaning.amount.value
    value = cal.duration_value(amount, meaning.unit)
    if meaning.window is None:
        return Resolution(type=TimexType.DURATION, value=value, mod=meaning.amount.mod,
                          anchor="none")  # fmt: skip
    pub = ctx.published
    n = amount if amount is not None else Fraction(1)
    if meaning.unit in cal.SUB_DAY_UNITS:
        hours = float(n) * _HOURS_PER_UNIT[meaning.unit]
        reach = math.ceil(hours / 24)
        lo, hi = (cal.add_days(pub, -reach), cal.add_days(pub, 1)) if meaning.window == "past" else (
            pub, cal.add_days(pub, reach + 1))
    elif meaning.window == "past":
        lo = cal.offset_bound(pub, _shift_delta(n, meaning.unit, -1)[0])
        hi = cal.add_days(pub, 1)
    else:
        lo = pub
        hi = cal.add_days(cal.offset_bound(pub, _shift_delta(n, meaning.unit, 1)[0]), 1)
    notes = ("unknown amount: window of one unit",) if amount is None else ()
    return Resolution(type=TimexType.DURATION, value=value, mod=meaning.amount.mod,
                      earliest=lo, latest=hi, anchor="publication", notes=notes)  # fmt: skip


@resolve.register
def _(meaning: Recurrence, ctx: Context) -> Resolution:
    return Resolution(type=TimexType.SET, value=meaning.value, quant=meaning.quant,
                      freq=meaning.freq, anchor="none")  # fmt: skip


@resolve.register
def _(meaning: Vague, ctx: Context) -> Resolution:
    window = vague_windows()[meaning.key]
    pub = ctx.published
    lo = cal.offset_bound(pub, window.start) if window.start is not None else None
    hi = cal.offset_bound(pub, window.end) if window.end is not None else None
    return Resolution(type=TimexType.DATE, value=window.value, earliest=lo, latest=hi,
                      notes=(f"vague window: {window.rationale}",))  # fmt: skip


def as_future_shift(meaning: Duration) -> Shift:
    """'in three weeks' in a future clause: three weeks after publication."""
    return Shift(meaning.amount, meaning.unit, 1, "publication")
