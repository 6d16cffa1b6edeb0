"""The narrative's reference time: which earlier time an anaphor counts from.

Takes the last time mentioned of each grain (``history``, kept by the tagger)
and a meaning; gives the reference to resolve it against, and says whether a
resolved expression becomes the reference for what follows.
"""

from __future__ import annotations

import attrs

from timeline.expressions._calendar import Period
from timeline.expressions._meaning_model import AnaphoricUnit, ReportedPeriod, Shift, Vague
from timeline.expressions._model import TimexType
from timeline.expressions._resolution import GRAIN_ORDER, Resolution


@attrs.frozen
class Reference:
    period: Period
    tid: str
    end: int
    guessed: bool = False  # its side of publication was a guess ("January")


def choose_reference(meaning: object, history: dict[str, Reference]) -> Reference | None:
    """The reference time an anaphor counts from: the last time mentioned that
    is at least as fine as its unit ("the quarter" after "the third quarter ...
    next year" is the third quarter; "a year earlier" in a quarterly report
    compares quarters).  ``history`` holds the last reference of each grain, so
    the choice costs the same however long the text."""
    if not history:
        return None
    grain = None
    if isinstance(meaning, Shift):
        grain = meaning.grain or meaning.unit
    elif isinstance(meaning, AnaphoricUnit):
        grain = meaning.unit
    elif isinstance(meaning, ReportedPeriod):
        # a report's period: the quarter it named, not a day or year mentioned since
        if "quarter" in history:
            return history["quarter"]
        grain = "quarter"
    latest = max(history.values(), key=lambda r: r.end)
    if grain not in GRAIN_ORDER:
        return latest
    limit = GRAIN_ORDER.index(grain)
    fine = [r for g, r in history.items() if g in GRAIN_ORDER and GRAIN_ORDER.index(g) <= limit]
    return max(fine, key=lambda r: r.end) if fine else latest


def sets_reference(meaning: object, res: Resolution) -> bool:
    """Whether a resolved expression becomes the narrative's reference time.

    Comparisons a month or more back ("a year earlier", "a year ago") do not
    move the narrative: the next "a year earlier" compares with the same period.
    """
    if res.period is None or res.value is None or isinstance(meaning, Vague):
        return False
    if isinstance(meaning, Shift) and meaning.unit not in ("day", "week", "hour", "minute"):
        return False
    if isinstance(meaning, AnaphoricUnit) and meaning.bare:
        return False
    if isinstance(meaning, ReportedPeriod) and meaning.year is not None:
        return False  # "in the 1988 period": a comparison, like "a year earlier"
    return res.type in (TimexType.DATE, TimexType.TIME)
