"""Resolving durations, sets and vague windows: "three days", "every week", "recently".

Takes a duration, recurrence or vague meaning and its ``Context``; gives a
``Resolution`` (a duration's window, when it has one, counted from publication).
"""

from __future__ import annotations

import math
from fractions import Fraction

from timeline.expressions import _calendar as cal
from timeline.expressions._meaning_model import Duration, Recurrence, Shift, Vague
from timeline.expressions._model import TimexType
from timeline.expressions._resolution import HOURS_PER_UNIT, Context, Resolution, resolve
from timeline.expressions._resolve_relative import shift_delta
from timeline.expressions._tables import vague_windows


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
        hours = float(n) * HOURS_PER_UNIT[meaning.unit]
        reach = math.ceil(hours / 24)
        lo, hi = (cal.add_days(pub, -reach), cal.add_days(pub, 1)) if meaning.window == "past" else (
            pub, cal.add_days(pub, reach + 1))
    elif meaning.window == "past":
        lo = cal.offset_bound(pub, shift_delta(n, meaning.unit, -1)[0])
        hi = cal.add_days(pub, 1)
    else:
        lo = pub
        hi = cal.add_days(cal.offset_bound(pub, shift_delta(n, meaning.unit, 1)[0]), 1)
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
