"""The lines a timeline is read in: one per happening, described and dated for a reader.

Shared by the text timeline, JSON timeline/2 and the tables.  A *line* is a
group of events told as one: the noun and verb readings of one clause ("The
walkout began": the walkout, its beginning) and the mentions the merge step
(``timeline.solver._merge``) found to report one happening.  Each line has a
primary event, whose bounds it shows, a display text that keeps the subject
and drops the dateline, and a section: "dated" (a time expression of the text
places it), "publication" (only tense or the reporting day place it, against
the publication day) or "undated".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs

from timeline.output._evidence import Bound, Placement
from timeline.solver._merge import happenings
from timeline.solver._timeline import Moment, Timeline, TimelineEvent

__all__ = ["Line", "display_text", "lines_of", "when_text"]

_ELLIPSIS = "\u2026"
_MAX_WORDS = 14
_SUBJECT_WORDS = 5
# A dateline ends at its dash: "ROTTERDAM, Wednesday 12 June 2019 - Dock workers ...".
_DATELINE_END = re.compile(r"[ \t)]*[-\u2013\u2014|][ \t]*")
_FIRST_DATE = re.compile(r"(-?\d{4,})(?:-(\d\d))?(?:-(\d\d))?(?: (\d\d):(\d\d))?")


@attrs.frozen
class Line:
    """One happening as the outputs show it.

    Attributes:
        events: every event told in it, the primary first.
        bounds: the primary's known bounds (see ``Bound``).
        section: "dated", "publication" or "undated".
        when: when it happened, in words ("2019-03-12", "by 2019-06-12").
        text: the display text.
    """

    events: tuple[TimelineEvent, ...]
    bounds: tuple[Bound, ...]
    section: str
    when: str
    text: str

    @property
    def primary(self) -> TimelineEvent:
        return self.events[0]


def _dateline_end(placement: Placement, source: str) -> int:
    """Where the dateline of a document ends (0 when it has none)."""
    spans = placement.spans(source)
    text = placement.tl.texts.get(source, "")
    ends = [e.end for e in spans.exprs if e.tid in spans.dateline]
    for end in ends:
        m = _DATELINE_END.match(text, end)
        if m:
            return m.end()
    return 0


def _shorten(words: list[str], trigger_word: int) -> str:
    """At most about fourteen words, the subject (the first words) always kept."""
    if len(words) <= _MAX_WORDS:
        return " ".join(words)
    stop = min(len(words), max(trigger_word + 4, _MAX_WORDS - 2))
    if trigger_word < _MAX_WORDS - 4:
        return " ".join(words[:stop]) + " " + _ELLIPSIS
    lead = " ".join(words[:_SUBJECT_WORDS])
    tail = " ".join(words[trigger_word - 2 : trigger_word + 4])
    return f"{lead} {_ELLIPSIS} {tail}" + (f" {_ELLIPSIS}" if trigger_word + 4 < len(words) else "")


def display_text(placement: Placement, event: TimelineEvent, dateline_end: int = 0) -> str:
    """The event's description; a clause that begins in the dateline is retold from after it."""
    text = placement.tl.texts.get(event.source)
    if text is None or event.start >= dateline_end or event.end <= dateline_end:
        return event.text
    clause = text[dateline_end : event.end]
    before = len(text[dateline_end : max(dateline_end, event.trigger_start)].split())
    return _shorten(clause.split(), before)


def _words(text: str) -> list[str]:
    return [w for w in text.replace(_ELLIPSIS, " ").split() if w]


def _same_clause(a: TimelineEvent, b: TimelineEvent, ta: str, tb: str) -> bool:
    """Two readings of one clause told alike: one description inside the other, or
    the same opening words."""
    if (a.source, a.start, a.end) != (b.source, b.start, b.end):
        return False
    wa, wb = _words(ta), _words(tb)
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    joined = " " + " ".join(long) + " "
    return (" " + " ".join(short) + " ") in joined or (len(short) >= 4 and short[:4] == long[:4])


def _rank(bounds: Sequence[Bound], dated: bool, event: TimelineEvent) -> tuple[int, int, float]:
    """Primary first: dated, then a verb, then the tightest window."""
    values = {b.field: b.minutes for b in bounds}
    es, le = values.get("earliest_start"), values.get("latest_end")
    width = le - es if es is not None and le is not None else float("inf")
    return (0 if dated else 1 if bounds else 2, 0 if event.pos == "VERB" else 1, width)


def _snapped(event: TimelineEvent, bounds: Sequence[Bound]) -> TimelineEvent:
    values: dict[str, Moment] = {f: None for f in
                                 ("earliest_start", "latest_start", "earliest_end", "latest_end")}  # fmt: skip
    values.update({b.field: b.moment for b in bounds})
    return attrs.evolve(event, **values)  # type: ignore[arg-type]


def when_text(event: TimelineEvent, bounds: Sequence[Bound], published: dt.date | None) -> str:
    """When, at the grain of the evidence: a day, or a clock time where the text gives one."""
    from timeline.output._render import event_when

    values = {b.field: b for b in bounds}
    es, le = values.get("earliest_start"), values.get("latest_end")
    if (es is not None and le is not None and "minute" in (es.grain, le.grain)
            and isinstance(es.moment, dt.datetime | dt.date) and le.minutes - es.minutes < 1440):  # fmt: skip
        start = from_clock(es.moment)
        day = start[:10]
        if le.minutes - es.minutes <= 1:
            return start
        end = from_clock(le.moment)
        return f"{start} .. {end[11:] if end[:10] == day else end}"
    return event_when(_snapped(event, bounds), published)


def from_clock(m: Moment) -> str:
    if isinstance(m, dt.datetime):
        return f"{m.date().isoformat()} {m.hour:02d}:{m.minute:02d}"
    if isinstance(m, dt.date):
        return f"{m.isoformat()} 00:00"
    return str(m)


def sort_key(when: str) -> tuple[int, int, int, int, int]:
    """The first date a 'when' shows, for an order that never goes back in time."""
    m = _FIRST_DATE.search(when)
    if m is None:
        return (10**6, 0, 0, 0, 0)
    year, month, day, hour, minute = m.groups()
    return (int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0))


def _groups(tl: Timeline, texts: dict[str, str]) -> list[list[TimelineEvent]]:
    """Events told as one: readings of one clause, then the merged happenings."""
    parent = {e.id: e.id for e in tl.events}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_clause: dict[tuple[str, int, int], list[TimelineEvent]] = {}
    for e in tl.events:
        by_clause.setdefault((e.source, e.start, e.end), []).append(e)
    for members in by_clause.values():
        for i, a in enumerate(members):  # a clause holds a handful of events
            for b in members[i + 1 :]:
                if _same_clause(a, b, texts[a.id], texts[b.id]):
                    parent[find(a.id)] = find(b.id)
    for ids in happenings(tl):
        for other in ids[1:]:
            parent[find(other)] = find(ids[0])
    groups: dict[str, list[TimelineEvent]] = {}
    for e in tl.events:
        groups.setdefault(find(e.id), []).append(e)
    return list(groups.values())


def lines_of(tl: Timeline, placement: Placement | None = None) -> list[Line]:
    """The timeline's lines: dated ones in an order that never goes back in time, then
    those placed only against publication, then the undated, each in text order."""
    placement = placement or Placement(tl)
    ends = {name: _dateline_end(placement, name) for name in tl.published}
    texts = {e.id: display_text(placement, e, ends.get(e.source, 0)) for e in tl.events}
    lines = []
    for group in _groups(tl, texts):
        ranked = []
        for e in group:
            bounds = placement.bounds(e)
            ranked.append((_rank(bounds, placement.dated(bounds), e), e, bounds))
        ranked.sort(key=lambda r: r[0])
        rank, primary, bounds = ranked[0]
        section = ("dated", "publication", "undated")[rank[0]]
        when = when_text(primary, bounds, tl.published.get(primary.source))
        if when == "undated":
            section = "undated"
        others = sorted((r[1] for r in ranked[1:]), key=lambda e: (e.source, e.start))
        text = max((texts[e.id] for e in group if e.source == primary.source
                    and e.start == primary.start), key=len)  # fmt: skip
        lines.append(Line((primary, *others), tuple(bounds), section, when, text))
    order = {e.id: i for i, e in enumerate(tl.events)}
    lines.sort(key=lambda ln: (("dated", "publication", "undated").index(ln.section),
                               sort_key(ln.when) if ln.section != "undated" else (0,) * 5,
                               order[ln.primary.id]))  # fmt: skip
    return lines
