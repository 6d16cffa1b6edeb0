"""Resolving calendar names: dates, months, weeks, decades, quarters, seasons, holidays.

Takes a calendar meaning and its ``Context``; gives a ``Resolution``.  A
date with its year needs no anchor; one without ("March 21", "September",
"the 12th") takes the side of publication its clause's tense asks for.
"""

from __future__ import annotations

import datetime as dt

import attrs
from dateutil.relativedelta import relativedelta

from timeline.expressions import _calendar as cal
from timeline.expressions._calendar import Period
from timeline.expressions._meaning_model import (
    CalendarDate,
    Century,
    Decade,
    Holiday,
    QuarterOf,
    SeasonOf,
    WeekOf,
    YearRelative,
)
from timeline.expressions._meaning_tree import check_day
from timeline.expressions._model import TimexType
from timeline.expressions._resolution import (
    Context,
    Resolution,
    date_resolution,
    other_side,
    pick_side,
    resolve,
    side_note,
    undated,
)
from timeline.expressions._tables import calendar_words

# How far from publication a tense cue may push a month-day without a year.
MAX_TENSE_REACH_DAYS = 183

# A month name at most this many months ahead of publication is not read as the
# same month almost a year back on a guessed past side ("until mid-November"
# written in October): 12 - 2, the next two months.
_NEAR_MONTH_REACH = 10

# A reference of these grains lends its year to a month-day without one.
_YEAR_GIVING_GRAINS = ("year", "month", "season", "quarter")


def _year_of(year: int | YearRelative | None, ctx: Context) -> int | None:
    if isinstance(year, YearRelative):
        return ctx.published.year + year.offset
    return year


@resolve.register
def _(meaning: CalendarDate, ctx: Context) -> Resolution:
    if meaning.impossible:
        return Resolution(type=TimexType.DATE, value=None, anchor="none",
                          notes=(f"impossible date: {meaning.impossible}",))  # fmt: skip
    if meaning.year_offset is not None:
        year = ctx.published.year + meaning.year_offset
        dated = resolve(attrs.evolve(meaning, year=year, year_offset=None,
                                     impossible=check_day(year, meaning.month, meaning.day)),  # type: ignore[arg-type]
                        ctx)  # fmt: skip
        return attrs.evolve(dated, anchor="publication")
    if meaning.year is not None:
        return _dated(meaning)
    if meaning.month is None and meaning.day is not None:
        return _day_of_month(meaning, ctx)
    if meaning.day is None:  # a month name: "September", "last September"
        return _month_name(meaning.month, meaning.direction, ctx)  # type: ignore[arg-type]
    return _month_day(meaning, ctx)


def _dated(meaning: CalendarDate) -> Resolution:
    """A year, a month of a year, or a full date: no anchor needed."""
    year, month, day = meaning.year, meaning.month, meaning.day
    if month is None:
        return date_resolution(cal.year_period(year), anchor="none")
    if day is None:
        return date_resolution(cal.month_period(year, month), anchor="none")  # type: ignore[arg-type]
    if not cal.in_python_range(year):
        period = Period(f"{cal.format_year(year)}-{month:02d}-{day:02d}",
                        cal.day_bound(year, month, day), None, "day")  # type: ignore[arg-type]  # fmt: skip
        return date_resolution(period, anchor="none")
    date = dt.date(year, month, day)  # type: ignore[arg-type]
    notes: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    if meaning.weekday and date.isoweekday() != meaning.weekday:
        notes = (f"the text's weekday does not match {date.isoformat()}",)
    if meaning.day_month_ambiguous:
        notes += ("day and month could be either way round: month/day (US) order taken",)
        alternatives = (dt.date(year, day, month).isoformat(),)  # type: ignore[arg-type]
    return date_resolution(cal.day_period(date), anchor="none", notes=notes,
                           alternatives=alternatives)  # fmt: skip


def _day_of_month(meaning: CalendarDate, ctx: Context) -> Resolution:
    """'the 12th': a day of the reference month, or of one next to it."""
    day = meaning.day
    ref = ctx.reference
    base = ctx.reference_day if ref and ref.grain in ("day", "week", "month") else ctx.published
    candidates = []
    for delta in (-1, 0, 1):
        try:  # no such day that month, or a month before year 1 or after 9999
            first = dt.date(base.year, base.month, 1) + relativedelta(months=delta)
            candidates.append(first.replace(day=day))  # type: ignore[arg-type]
        except (ValueError, OverflowError):
            continue
    if not candidates:
        return undated(meaning)
    chosen, side = pick_side(candidates, base, ctx.direction or "past")
    return date_resolution(cal.day_period(chosen), anchor="reference", direction=side)


def _month_day(meaning: CalendarDate, ctx: Context) -> Resolution:
    """A month and day without a year: the year of a date just before it in
    the sentence, else the one on the side of publication tense asks for."""
    month, day = meaning.month, meaning.day
    if meaning.direction == "last":  # "last Oct. 23": stated, not guessed
        return _last_month_day(meaning, ctx.published)
    from_reference = _year_from_reference(meaning, ctx)
    if from_reference is not None:
        return from_reference
    pub = ctx.published
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
    # in January means this March even in a clause with a past-tense verb;
    # but the tense of the verb whose time it is holds at any distance ("was
    # signed on March 21").
    direction = ctx.direction
    chosen, side = pick_side(candidates, pub, direction)
    if (
        direction is not None
        and not ctx.firm_direction
        and not ctx.direct_tense
        and abs((chosen - pub).days) > MAX_TENSE_REACH_DAYS
    ):
        chosen, side = pick_side(candidates, pub, None)
        direction = None
    why = side_note(side, ctx) if direction else "no usable tense cue; nearest"
    return date_resolution(cal.day_period(chosen), direction=side, notes=("year: " + why,),
                           alternatives=other_side(candidates, pub, chosen))  # fmt: skip


def _last_month_day(meaning: CalendarDate, pub: dt.date) -> Resolution:
    for year in range(pub.year, pub.year - 9, -1):  # Feb. 29 may be years back
        try:
            date = dt.date(year, meaning.month, meaning.day)  # type: ignore[arg-type]
        except ValueError:
            continue
        if date < pub:
            return date_resolution(cal.day_period(date), direction="past")
    return undated(meaning)


def _year_from_reference(meaning: CalendarDate, ctx: Context) -> Resolution | None:
    """'in 2019 ... ended on December 2': the year of a date of the same
    sentence, when tense does not contradict it; None otherwise."""
    ref, pub = ctx.reference, ctx.published
    if not (ctx.reference_in_sentence and ref is not None and isinstance(ref.start, dt.date)):
        return None
    if ref.start.year == pub.year or ref.grain not in _YEAR_GIVING_GRAINS:
        return None
    if ctx.direction is not None and (ctx.direction == "past") != (ref.start.year < pub.year):
        return None  # tense points to the other side of publication
    try:
        date = dt.date(ref.start.year, meaning.month, meaning.day)  # type: ignore[arg-type]
    except ValueError:
        return undated(meaning)
    return date_resolution(cal.day_period(date), anchor="reference",
                           notes=("year from the date mentioned before it",))  # fmt: skip


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
            # "the first trading day for November" written in late October:
            # a guessed past side does not reach back most of a year past the
            # month about to begin (the verb of the month's own clause does).
            if chosen <= current - _NEAR_MONTH_REACH and not (ctx.firm_direction or ctx.direct_tense):
                chosen, side = chosen + 12, "future"
    notes = (side_note(side, ctx),) if side and direction is None else ()
    alternatives: tuple[str, ...] = ()
    if direction is None and chosen != current:  # the same month a year the other way
        other = chosen + (12 if chosen < current else -12)
        alternatives = (cal.month_period(other // 12, other % 12 + 1).value,)
    return date_resolution(cal.month_period(chosen // 12, chosen % 12 + 1), direction=side,
                           notes=notes, alternatives=alternatives)  # fmt: skip


@resolve.register
def _(meaning: WeekOf, ctx: Context) -> Resolution:
    day = resolve(meaning.date, ctx)
    if not isinstance(day.earliest, dt.date) or isinstance(day.earliest, dt.datetime):
        return day
    return attrs.evolve(date_resolution(cal.week_period(day.earliest)), anchor=day.anchor)


@resolve.register
def _(meaning: Decade, ctx: Context) -> Resolution:
    if meaning.decade is not None:
        return date_resolution(cal.decade_period(meaning.decade), anchor="none")
    century = ctx.published.year // 100
    decade = century * 10 + meaning.short  # type: ignore[operator]
    if decade * 10 > ctx.published.year:
        decade -= 10
    return date_resolution(cal.decade_period(decade), notes=("century from publication",))


@resolve.register
def _(meaning: Century, ctx: Context) -> Resolution:
    return date_resolution(cal.century_period(meaning.index), anchor="none")


@resolve.register
def _(meaning: QuarterOf, ctx: Context) -> Resolution:
    pub = ctx.published
    make = {4: cal.quarter_period, 2: cal.half_period, 12: cal.month_period}[meaning.count]
    year = _year_of(meaning.year, ctx)
    if year is not None:
        anchor = "publication" if isinstance(meaning.year, YearRelative) else "none"
        return date_resolution(make(year, meaning.number), anchor=anchor)
    current = (pub.month - 1) * meaning.count // 12 + 1
    if meaning.number > current and ctx.direction != "future":
        year, notes, side = pub.year - 1, ("a quarter not yet begun: last year's",), "past"
    else:
        year, notes, side = pub.year, (), None
    fiscal = _fiscal_alternative(year, meaning, pub)
    if fiscal:
        notes += ("a calendar quarter assumed; a fiscal quarter would be the one just ended",)
    return date_resolution(make(year, meaning.number), direction=side, notes=notes,
                           alternatives=fiscal)  # fmt: skip


def _fiscal_alternative(year: int, meaning: QuarterOf, pub: dt.date) -> tuple[str, ...]:
    """'third-quarter results' reported in January: results come out just after
    a quarter ends, so a company's fiscal third quarter is likely the calendar
    quarter just ended, not July-September."""
    if meaning.count != 4:
        return ()
    ended = pub.year * 4 + (pub.month - 1) // 3 - 1  # the last quarter ended, counted
    chosen = year * 4 + meaning.number - 1
    if chosen >= ended:
        return ()
    return (cal.quarter_period(ended // 4, ended % 4 + 1).value,)


@resolve.register
def _(meaning: SeasonOf, ctx: Context) -> Resolution:
    pub = ctx.published
    spec = calendar_words()["season"][meaning.name]
    code, months = spec["code"], spec["months"]
    year = _year_of(meaning.year, ctx)
    if year is not None:
        return date_resolution(cal.season_period(year, code, months), anchor="none")
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
    return date_resolution(chosen)


@resolve.register
def _(meaning: Holiday, ctx: Context) -> Resolution:
    spec = calendar_words()["holiday"][meaning.name]
    if meaning.year is not None:
        day = cal.holiday_day(meaning.year, spec)
        return date_resolution(cal.day_period(day), anchor="none") if day else undated(meaning)
    pub = ctx.published
    candidates = [d for y in (pub.year - 1, pub.year, pub.year + 1)
                  if (d := cal.holiday_day(y, spec)) is not None]  # fmt: skip
    if meaning.week:  # the weeks' Mondays: a week begun by publication is on the past side
        mondays = [cal.add_days(d, 1 - d.isoweekday()) for d in candidates]
        chosen, side = pick_side(mondays, pub, ctx.direction)
        return date_resolution(cal.period_of("week", chosen), direction=side)
    chosen, side = pick_side(candidates, pub, ctx.direction)
    return date_resolution(cal.day_period(chosen), direction=side)
