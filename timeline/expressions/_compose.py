"""A clock time and the day that names it, when TimeML keeps them apart.

"5 p.m. on Tuesday" and "Thursday evening at 6" are two TIMEX3s (the
preposition stays outside both); the clock's value takes the day's date, and
a 12-hour reading takes the part of day ("at 6 on Thursday evening": 18:00).
A bare hour ("at 6", "at nine") is a clock only beside such a day.  The cue
words are in compositions.toml.  Both passes are linear in the expressions.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from timeline._data import load_table
from timeline._errors import DataTableError
from timeline.expressions import _calendar as cal
from timeline.expressions._meaning_clock import hour_in_part
from timeline.expressions._meaning_model import (
    CalendarDate,
    Clock,
    DeicticUnit,
    PartOfDay,
    WeekdayRef,
)
from timeline.expressions._model import TimeExpression, TimexType
from timeline.expressions._tables import calendar_words, context_cues

# Rules whose clock has no day of its own.
CLOCK_RULES = frozenset({"hour_ampm", "hour_ampm_joined", "hour_minute", "hour_oclock", "noon",
                         "midnight", "half_past", "quarter_clock", "minutes_clock", "bare_hour"})  # fmt: skip
# Of those, the ones read on a 12-hour dial without a.m./p.m. (the part of day decides).
_TWELVE_HOUR_RULES = frozenset({"hour_oclock", "half_past", "quarter_clock", "minutes_clock",
                                "bare_hour"})  # fmt: skip
_PART_CODE = re.compile(r"T(MO|AF|EV|NI)$")
# An hour, in digits or words, with its minutes; not a part of a number ("1,015").
_HOUR = r"(\d{1,2}|[a-z]+)(?::(\d\d))?(?![\w:]|[.,]\d)"


@attrs.frozen
class _Cues:
    clock_then_day: frozenset[str]
    day_then_clock: frozenset[str]
    after: re.Pattern[str]
    before: re.Pattern[str]
    not_before: frozenset[str]


@functools.cache
def _cues() -> _Cues:
    table = load_table("compositions.toml")
    try:
        signals = "|".join(re.escape(w) for w in table["bare_hour_signals"])
        return _Cues(
            clock_then_day=frozenset(_norm(w) for w in table["clock_then_day"]),
            day_then_clock=frozenset(_norm(w) for w in table["day_then_clock"]),
            # "Thursday evening at 6", "tomorrow, at nine"
            after=re.compile(rf"[^\S\n]*(?:,[^\S\n]*)?(?:{signals})[^\S\n]+{_HOUR}", re.I),
            # "at 6 on Thursday evening", "at nine tomorrow"
            before=re.compile(rf"\b(?:{signals})[^\S\n]+{_HOUR}[^\S\n]+(?:on[^\S\n]+)?$", re.I),
            not_before=frozenset(w.casefold() for w in table["bare_hour_not_before"]),
        )
    except KeyError as exc:
        raise DataTableError(f"compositions.toml: missing list {exc}") from exc


def bare_hour_signals() -> frozenset[str]:
    """Words before a bare hour that make it a clock ("at 7 this evening")."""
    return _signal_words()


@functools.cache
def _signal_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_table("compositions.toml")["bare_hour_signals"])


def _norm(words: str) -> str:
    return " ".join(words.replace(",", " , ").split()).casefold()


def _is_day(meaning: object) -> bool:
    """A meaning that names one day (or a part of one)."""
    if isinstance(meaning, WeekdayRef | PartOfDay):
        return True
    if isinstance(meaning, DeicticUnit):
        return meaning.unit == "day"
    return isinstance(meaning, CalendarDate) and meaning.day is not None


def _hour(word: str, minutes: str | None) -> Clock | None:
    if word.isdigit():
        hour = int(word)
    else:
        hour = calendar_words()["number"].get(word.casefold(), 0)
    if not 1 <= hour <= 12:
        return None
    minute = int(minutes) if minutes else 0
    return Clock(hour, minute) if minute < 60 else None


def bare_hours(text: str, found: list) -> list[tuple[int, int, Clock]]:  # type: ignore[type-arg]
    """The bare hours beside the day expressions of ``found`` ("at 6 on Friday",
    "tomorrow at nine"), as (start, end, clock), not overlapping ``found``."""
    cues = _cues()
    taken = [(f.start, f.end) for f in found]
    extra: list[tuple[int, int, Clock]] = []
    for i, item in enumerate(found):
        if not _is_day(item.meaning):
            continue
        floor = found[i - 1].end if i else 0
        ceiling = found[i + 1].start if i + 1 < len(found) else len(text)
        after = cues.after.match(text, item.end, ceiling)
        if after and _word_after(text, after.end()) in cues.not_before:
            after = None  # "Friday at 6 percent"
        before = cues.before.search(text, max(floor, item.start - 40), item.start)
        for match in (after, before):
            clock = _hour(match.group(1), match.group(2)) if match else None
            if match is None or clock is None:
                continue
            span = (match.start(1), match.end(2) if match.group(2) else match.end(1))
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            extra.append((*span, clock))
    return extra


def _word_after(text: str, pos: int) -> str:
    match = re.match(r"[^\S\n]*([%\w]+)", text[pos : pos + 24])
    return match.group(1).casefold() if match else ""


def with_days(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """Give each dayless clock the date of the day expression it is joined to."""
    cues = _cues()
    out = list(expressions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = _norm(text[a.end : b.start])
        if a.rule in CLOCK_RULES and gap in cues.clock_then_day and _day_of(b):
            out[i] = _dated_clock(a, b)
        elif b.rule in CLOCK_RULES and gap in cues.day_then_clock and _day_of(a):
            out[i + 1] = _dated_clock(b, a)
    return out


def _day_of(expr: TimeExpression) -> dt.date | None:
    """The one day an expression names, or None."""
    lo, hi = expr.earliest, expr.latest
    if expr.value is None or expr.type not in (TimexType.DATE, TimexType.TIME):
        return None
    if not isinstance(lo, dt.date) or not isinstance(hi, dt.date):
        return None
    day = lo.date() if isinstance(lo, dt.datetime) else lo
    end = hi.date() if isinstance(hi, dt.datetime) else hi
    return day if (end - day).days <= 1 and expr.value[:10] == day.isoformat() else None


def _dated_clock(clock: TimeExpression, day_expr: TimeExpression) -> TimeExpression:
    day = _day_of(day_expr)
    if day is None or clock.value is None or len(clock.value) < 16:
        return clock
    hour, minute = int(clock.value[11:13]), int(clock.value[14:16])  # type: ignore[index]
    if clock.rule == "midnight":
        hour = 24  # TimeML: "midnight on Friday" is the end of Friday, T24:00
    part = _PART_CODE.search(day_expr.value or "")
    if part and clock.rule in _TWELVE_HOUR_RULES:
        name = next(k for k, v in calendar_words()["part_of_day"].items() if v["code"] == part.group(1))
        hour = hour_in_part(hour, name)
    total = hour * 60 + minute
    return attrs.evolve(
        clock,
        value=f"{day.isoformat()}T{hour:02d}:{minute:02d}",
        earliest=cal.instant(day, total),
        latest=cal.instant(day, total + 1),
        anchor="reference",
        anchor_tid=day_expr.tid,
        anchor_value=day_expr.value,
        direction=day_expr.direction,
        notes=(*clock.notes, f"the day of {day_expr.text!r}"),
    )


_WEEKDAY_SET = re.compile(r"^XXXX-WXX-\d(T[A-Z]{2})$")


def with_shared_sets(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """'on Monday and Tuesday nights': a weekday joined to a weekly set of a
    part of day is that set too (TimeML: XXXX-WXX-1TNI, quant EVERY)."""
    conjunctions = context_cues().conjunctions
    out = list(expressions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        part = _WEEKDAY_SET.match(b.value or "") if b.type is TimexType.SET else None
        if part is None or a.rule != "weekday_ref" or " " in a.text.strip():
            continue  # "last Monday" is one day, not a set
        if _norm(text[a.end : b.start]) not in conjunctions or not isinstance(a.earliest, dt.date):
            continue
        out[i] = attrs.evolve(
            a, type=TimexType.SET, value=f"XXXX-WXX-{a.earliest.isoweekday()}{part.group(1)}",
            quant=b.quant, freq=b.freq, earliest=None, latest=None, anchor="none",
            anchor_tid=None, anchor_value=None, direction=None, alternatives=(),
            notes=(*a.notes, f"a set with {b.text!r}"),
        )  # fmt: skip
    return out


_WORD_AFTER = re.compile(r"[ \t]*([^\W\d_]+)")
_CONJOINED_DAY = re.compile(r"[^\S\n]*(\w+)[^\S\n]+(\d{1,2})(?:st|nd|rd|th)?\b(?![.,]?\d)")


def conjoined_days(text: str, found: list) -> list[tuple[int, int, CalendarDate]]:  # type: ignore[type-arg]
    """'April 24 and 25': the day after the conjunction is a date of the same
    month (TimeML tags it alone), when nothing makes the number a count."""
    cues = context_cues()
    extra: list[tuple[int, int, CalendarDate]] = []
    for i, item in enumerate(found):
        meaning = item.meaning
        if not (isinstance(meaning, CalendarDate) and meaning.month and meaning.day):
            continue
        m = _CONJOINED_DAY.match(text, item.end)
        if m is None or m.group(1).casefold() not in cues.conjunctions:
            continue
        if i + 1 < len(found) and found[i + 1].start < m.end():
            continue
        after = _WORD_AFTER.match(text, m.end())
        if after and after.group(1).casefold() not in cues.function_words:
            continue  # "May 5 and 6 people": a count
        day = int(m.group(2))
        if 1 <= day <= 31 and day != meaning.day:
            extra.append((m.start(2), m.end(), attrs.evolve(meaning, day=day)))
    return extra
