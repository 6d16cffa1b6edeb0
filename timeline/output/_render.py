"""Rendering a Timeline: readable text and the timeline/1 JSON document.

The text timeline itself is ``_text`` (``format_text`` here hands over to it).
timeline/1 (``to_json``) is superseded by timeline/2 (``_json.timeline_json``):
``--format json``, the batch records and the HTML view all use timeline/2.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from timeline.expressions._calendar import DayBound, add_days
from timeline.expressions._model import iso_year
from timeline.relations import ORIGIN, Constraint, to_minutes
from timeline.solver._timeline import Moment, Timeline, TimelineEvent

JSON_SCHEMA_VERSION = "timeline/1"


# Days are dates, or FarDates before year 1 and after 9999 ("1 BC", an end
# at 0001-01-01 whose last day is 0000-12-31): step them with add_days.


def _day(m: Moment) -> DayBound | None:
    if isinstance(m, dt.datetime):
        return m.date()
    return m


def _last_day(m: Moment) -> DayBound | None:
    """The last day an exclusive bound leaves in: midnight belongs to the day before."""
    if m is None:
        return None
    if isinstance(m, dt.datetime):
        return m.date() if m.time() != dt.time() else add_days(m.date(), -1)
    return add_days(m, -1)


def format_span(lo: Moment, hi: Moment) -> str:
    """A readable date or range for [lo, hi): '2016-01-24', '2015-09', '2016-01-01 .. 2016-01-24'."""
    first, last = _day(lo), _last_day(hi)
    if first is None and last is None:
        return "undated"
    if first is None:
        return f"by {last.isoformat()}"  # type: ignore[union-attr]
    if last is None:
        return f"from {first.isoformat()}"
    if last < first:
        last = first
    if first == last:
        return first.isoformat()
    if first.day == 1 and add_days(last, 1).day == 1:
        if first.month == 1 and last.month == 12:
            years = (iso_year(first.year), iso_year(last.year))
            return years[0] if first.year == last.year else f"{years[0]} .. {years[1]}"
        if (first.year, first.month) == (last.year, last.month):
            return f"{iso_year(first.year)}-{first.month:02d}"
    return f"{first.isoformat()} .. {last.isoformat()}"


def event_when(event: TimelineEvent, published: dt.date | None) -> str:
    """When an event happened, as a person would read it."""
    pub = to_minutes(published)
    ends_after_publication = (
        pub is not None
        and event.earliest_end is not None
        and (to_minutes(event.earliest_end) or 0) >= pub
        and event.latest_start is not None
        and (to_minutes(event.latest_start) or 0) <= pub + 1440
        and event.earliest_start is not None
    )
    if ends_after_publication and _day(event.earliest_start) != published:
        return "since " + _since(event)
    if event.earliest_start is None and event.latest_end is None:
        # Neither edge known, but a time it spans: "they're talking about layoffs".
        spans = to_minutes(event.latest_start), to_minutes(event.earliest_end)
        if spans[0] is not None and spans[1] is not None and spans[0] < spans[1]:
            # Started by the one, still going at the other: it spans [one, other).
            return "ongoing " + format_span(event.latest_start, event.earliest_end)
        if event.latest_start is not None:
            return f"began by {_last_day(event.latest_start)}"
    return format_span(event.earliest_start, event.latest_end)


def _since(event: TimelineEvent) -> str:
    """'since 2015-09' when the start may be anywhere in that month, else the day."""
    first, last = _day(event.earliest_start), _last_day(event.latest_start)
    if first is None:
        return "?"
    if first.day == 1 and last is not None and last.month != first.month:
        return f"{iso_year(first.year)}-{first.month:02d}"
    return first.isoformat()


def format_text(tl: Timeline, explain: bool = False, sources: dict[str, str] | None = None) -> str:
    """One line per happening: when, what, and where in the text ([s3] = sentence 3)."""
    from timeline.output._text import format_text as text_timeline

    return text_timeline(tl, explain=explain, sources=sources)


def _iso(m: Any) -> Any:
    return m.isoformat() if m is not None and hasattr(m, "isoformat") else m


def _constraint_json(c: Constraint, index: dict[int, int]) -> dict[str, Any]:
    return {
        "id": index[id(c)],
        "from": "origin" if c.a is ORIGIN else str(c.a),
        "to": "origin" if c.b is ORIGIN else str(c.b),
        "min_minutes": c.lo,
        "max_minutes": c.hi,
        "rule": c.evidence.rule,
        "text": c.evidence.text,
        "spans": [list(s) for s in c.evidence.spans],
        "strength": c.strength,
    }


def to_json(tl: Timeline, sources: dict[str, str] | None = None) -> dict[str, Any]:
    """The timeline as a JSON-ready timeline/1 dict (superseded by timeline/2, see
    ``_json.timeline_json``; schema: timeline/schema/timeline-1.schema.json)."""
    index = {id(c): i for i, c in enumerate(tl.constraints)}
    documents = []
    for name, published in tl.published.items():
        documents.append({
            "source": name,
            "published": published.isoformat(),
            "published_from": (sources or {}).get(name, "given"),
            "expressions": [e.to_dict() for e in tl.expressions.get(name, ())],
        })  # fmt: skip
    events = []
    for event in tl.events:
        published = tl.published.get(event.source)
        events.append({
            "id": event.id,
            "source": event.source,
            "text": event.text,
            "trigger": event.trigger,
            "sentence": event.sentence,
            "start": event.start,
            "end": event.end,
            "trigger_start": event.trigger_start,
            "trigger_end": event.trigger_end,
            "tense": event.tense,
            "aspect": event.aspect,
            "status": event.status,
            "polarity": event.polarity,
            "event_class": event.event_class,
            "pos": event.pos,
            "earliest_start": _iso(event.earliest_start),
            "latest_start": _iso(event.latest_start),
            "earliest_end": _iso(event.earliest_end),
            "latest_end": _iso(event.latest_end),
            "when": event_when(event, published),
            "explanation": tl.explain(event),
        })  # fmt: skip
    return {
        "version": JSON_SCHEMA_VERSION,
        "documents": documents,
        "events": events,
        "constraints": [_constraint_json(c, index) for c in tl.constraints],
        "conflicts": [
            {
                "cycle": [index[id(c)] for c in conflict.cycle if id(c) in index],
                "dropped": index.get(id(conflict.dropped)),
                "reason": conflict.reason,
            }
            for conflict in tl.conflicts
        ],
    }
