"""Tables: one row per event, for spreadsheets (``--format csv``) and notebooks.

``to_records(tl)`` gives plain dicts (columns ``COLUMNS``), ``to_pandas(tl)`` a
DataFrame of them (pandas is optional: ``pip install 'timeline[pandas]'``),
``to_csv(tl)`` the CSV text.  Rows follow the text timeline: chronology, then
events placed only against publication, then the undated; bounds at the grain
of their evidence ("2019-03-12", or "2019-03-12T10:00" where the text gives a
clock time).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from timeline._errors import MissingDependency
from timeline.output._evidence import Bound, Placement
from timeline.output._json import _iso
from timeline.output._lines import Line, lines_of
from timeline.solver._timeline import Timeline, TimelineEvent

__all__ = ["COLUMNS", "MissingDependency", "to_csv", "to_pandas", "to_records"]

COLUMNS = ("source", "sentence", "id", "trigger", "description", "earliest_start",
           "latest_start", "earliest_end", "latest_end", "when", "section", "status",
           "confidence", "line")  # fmt: skip
_FIELDS = ("earliest_start", "latest_start", "earliest_end", "latest_end")


def confidence(bounds: list[Bound]) -> str:
    """How firmly the evidence places it, by its best-founded bound: "stated" (a date or
    time of the text), "inferred" (a connective, a duration), "assumed" (tense and other
    defaults), "" (undated)."""
    best = ""
    for b in bounds:
        steps = [c for c in b.chain if c.evidence.rule != "event-interval"]
        if not steps:
            continue
        weakest = min(c.strength for c in steps)
        if any(getattr(c.evidence, "assumption", False) for c in steps):
            weakest = 0
        level = "stated" if weakest >= 80 else "inferred" if weakest >= 50 else "assumed"
        best = max(best, level, key=_LEVELS.index)
    return best


_LEVELS = ("", "assumed", "inferred", "stated")


def _row(e: TimelineEvent, line: Line, bounds: list[Bound]) -> dict[str, Any]:
    values = {b.field: _iso(b.moment, b.grain) for b in bounds}
    primary = e is line.primary
    return {
        "source": e.source,
        "sentence": e.sentence + 1,
        "id": e.id,
        "trigger": e.trigger,
        "description": line.text if primary else e.text,
        **{f: values.get(f) for f in _FIELDS},
        "when": line.when,
        "section": line.section,
        "status": e.status,
        "confidence": confidence(bounds),
        "line": line.primary.id,
    }


def to_records(tl: Timeline) -> list[dict[str, Any]]:
    """One dict per event (keys ``COLUMNS``), in the order of the text timeline; the
    events told as one line share its "line" (the id of the line's first event)."""
    placement = Placement(tl)
    rows = []
    for line in lines_of(tl, placement):
        rows.extend(_row(e, line, placement.bounds(e)) for e in line.events)
    return rows


def to_csv(tl: Timeline) -> str:
    """The records as CSV text, with a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(to_records(tl))
    return buffer.getvalue()


def to_pandas(tl: Timeline) -> Any:
    """The records as a pandas DataFrame; MissingDependency when pandas is not installed."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependency(
            "to_pandas needs pandas: pip install 'timeline[pandas]'"
        ) from None
    return pd.DataFrame.from_records(to_records(tl), columns=list(COLUMNS))
