"""What resolution works with: the context, the result, and the dispatcher.

``resolve(meaning, ctx)`` is a ``functools.singledispatch`` function: one
implementation per meaning type, registered by the ``_resolve_*`` modules
(``_resolve`` imports them all).  This module holds what they share: the
``Context`` a meaning is resolved against, the ``Resolution`` it gives, and
the choice of a side of publication for a date that names no year.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs

from timeline.expressions._calendar import Period
from timeline.expressions._model import Bound, TimexType

# Grains from finest to coarsest, to keep a reference's grain in anaphora.
GRAIN_ORDER = ["day", "weekend", "week", "month", "season", "quarter", "half", "year",
               "decade", "century", "millennium"]  # fmt: skip

HOURS_PER_UNIT = {"hour": 1, "minute": 1 / 60, "second": 1 / 3600}


class ClauseSide(NamedTuple):
    """What the clause says of the side of publication of its time.

    Attributes:
        direction: "past", "future" or None.
        direct: the side is the tense of the verb whose event the time is
            (the verb just before it, with no signal or one like "on").
    """

    direction: str | None
    direct: bool = False


@attrs.frozen(kw_only=True)
class Context:
    """What a meaning is resolved against.

    Attributes:
        published: the publication day.
        reference: the narrative's reference period (the last specific time
            mentioned), or None to use the publication day.
        direction: "past" or "future" from a signal ("since") or the
            clause's tense, or None.
        tense: reads the clause's tense (a ``ClauseSide``) when
            ``direction`` is first asked for and was not given: the text
            stage reads a sentence only for a meaning whose side depends on it.
        firm_direction: the direction comes from a signal ("since"), not a
            guess from tense cues: no fallback to the nearest date.
        reference_in_sentence: the reference was mentioned in the same sentence
            ("in 2019 ... ended on December 2": December 2 of 2019).
    """

    published: dt.date
    reference: Period | None = None
    _direction: str | None = None
    tense: Callable[[], ClauseSide] | None = None
    firm_direction: bool = False
    reference_in_sentence: bool = False

    @property
    def direction(self) -> str | None:
        if self._direction is None and self.tense is not None:
            return self.tense().direction
        return self._direction

    @property
    def direct_tense(self) -> bool:
        """The side comes from the verb whose event the time is ("was signed
        on March 21"), not from a verb further off or from cue words."""
        return self._direction is None and self.tense is not None and self.tense().direct

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


def date_resolution(period: Period, anchor: str = "publication", **kw: Any) -> Resolution:
    return Resolution(
        type=TimexType.DATE,
        value=period.value,
        earliest=period.start,
        latest=period.end,
        anchor=anchor,
        period=period,
        **kw,
    )


def undated(meaning: object) -> Resolution:
    return Resolution(type=TimexType.DATE, value=None, anchor="none",
                      notes=(f"cannot resolve {meaning!r}",))  # fmt: skip


def outside_calendar(meaning: object) -> Resolution:
    return Resolution(type=TimexType.DATE, value=None, anchor="none",
                      notes=(f"outside the calendar's range: {meaning!r}",))  # fmt: skip


@functools.singledispatch
def resolve(meaning: object, ctx: Context) -> Resolution:
    """Resolve a meaning object against its context."""
    return undated(meaning)


# --------------------------------------------------------------- choosing a side


def pick_side(candidates: list[dt.date], pub: dt.date, direction: str | None) -> tuple[dt.date, str]:
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


def other_side(candidates: list[dt.date], pub: dt.date, chosen: dt.date) -> tuple[str, ...]:
    """The nearest candidate on the other side of publication: the reading not taken."""
    if chosen < pub:
        others = [c for c in candidates if c > pub]
        return (min(others).isoformat(),) if others else ()
    others = [c for c in candidates if c < pub]
    return (max(others).isoformat(),) if others else ()


def side_note(direction: str, ctx: Context) -> str:
    if ctx.firm_direction:
        why = "its signal"
    else:
        why = "the clause's tense" if ctx.direction else "no tense cue; nearest"
    return f"{direction} side chosen by {why}"
