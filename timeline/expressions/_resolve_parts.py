"""Resolving parts of days and periods: "Friday morning", "3 p.m.", "early 2017".

Takes a part-of-day, clock, partial or modified meaning and its ``Context``;
gives a ``Resolution`` inside the day or period it is a part of.
"""

from __future__ import annotations

import datetime as dt

import attrs

from timeline.expressions import _calendar as cal
from timeline.expressions._calendar import Period
from timeline.expressions._meaning_model import Clock, Modified, Partial, PartOfDay
from timeline.expressions._model import FarDate, TimexType
from timeline.expressions._resolution import Context, Resolution, resolve, undated
from timeline.expressions._tables import calendar_words, part_windows


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
        return undated(meaning)
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
            return undated(meaning)
        day = day_res.earliest
        if isinstance(day, dt.datetime):
            day = day.date()
        anchor = day_res.anchor
    elif ctx.reference is not None and ctx.reference.grain == "day":
        day, anchor = ctx.reference_day, "reference"
    else:  # no day mentioned before: the publication day
        day, anchor = ctx.published, "publication"
    hour = 0 if meaning.hour == 24 and meaning.day is None else meaning.hour
    minute = hour * 60 + meaning.minute
    value = f"{day.isoformat()}T{hour:02d}:{meaning.minute:02d}"
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
