"""The HTML view of a Timeline: one self-contained page (``timeline --format html``).

The page inlines vis-timeline (static/, vendored with its licence) and its own
script and style, and embeds the data as JSON: the timeline/2 document of
``timeline --format json`` (``_json.timeline_json``) plus what only the view
needs (each document's text and sentence offsets, each event's bounds in
milliseconds for the axis and its explanation lines).  Nothing is fetched
when the page is viewed.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from importlib import resources
from typing import Any

from timeline.output._json import timeline_json
from timeline.relations import to_minutes
from timeline.solver._timeline import Moment, Timeline, TimelineEvent
from timeline.text import split_sentences

__all__ = ["to_html"]

# JavaScript dates are milliseconds since 1970-01-01 (proleptic Gregorian, as
# the minutes of to_minutes), valid within +-8.64e15 ms (about 273,000 years).
_EPOCH_MINUTES = to_minutes(dt.date(1970, 1, 1)) or 0
_JS_DATE_LIMIT = 8_640_000_000_000_000
_DAY_MS = 86_400_000
# An event whose whole window is at most this long is drawn as a point.
_POINT_MS = 60_000
# Open ends reach past the outermost known bound by this share of the span.
_OPEN_MARGIN = 0.04


def _ms(m: Moment) -> int | None:
    minutes = to_minutes(m)
    if minutes is None:
        return None
    return max(-_JS_DATE_LIMIT, min(_JS_DATE_LIMIT, (minutes - _EPOCH_MINUTES) * 60_000))


def _kind(bounds: list[int | None]) -> str:
    """'undated' (no bound), 'point' (an instant) or 'range'."""
    es, _ls, _ee, le = bounds
    if all(b is None for b in bounds):
        return "undated"
    if es is not None and le is not None and le - es <= _POINT_MS:
        return "point"
    return "range"


def _evidence(bounds: list[int | None], explanation: list[str]) -> list[int | None]:
    """Which line of ``Timeline.explain`` explains each bound (None where open).

    ``explain`` gives one line per known bound, in the order earliest start,
    latest start, earliest end, latest end.
    """
    known = [i for i, b in enumerate(bounds) if b is not None]
    if len(known) != len(explanation):  # not one line per bound: show them all, unassigned
        return [None] * 4
    lines: list[int | None] = [None] * 4
    for line, i in enumerate(known):
        lines[i] = line
    return lines


def _extent(tl: Timeline, bounds: list[list[int | None]]) -> list[int]:
    """The span the axis must show; open-ended bars run to its edges."""
    points = [b for row in bounds for b in row if b is not None]
    points += [v for v in (_ms(p) for p in tl.published.values()) if v is not None]
    if not points:
        return [0, _DAY_MS]
    lo, hi = min(points), max(points)
    pad = max(_DAY_MS, int((hi - lo) * _OPEN_MARGIN))
    return [max(-_JS_DATE_LIMIT, lo - pad), min(_JS_DATE_LIMIT, hi + pad)]


def _view(tl: Timeline, doc: dict[str, Any]) -> dict[str, Any]:
    """What only the page needs, its events in the order of ``doc``'s (timeline/2
    lists them as the text timeline reads, not in ``tl.events`` order)."""
    documents = []
    for name in tl.published:
        text = tl.texts.get(name)
        sentences = [[s.start, s.end] for s in split_sentences(text)] if text is not None else []
        documents.append({"source": name, "text": text, "sentences": sentences})
    events, bounds = [], []
    by_id = {event.id: event for event in tl.events}
    for row in doc["events"]:
        event = by_id[row["id"]]
        ms = _bounds_ms(event)
        bounds.append(ms)
        lines = tl.explain(event)
        events.append({"ms": ms, "kind": _kind(ms), "explanation": lines,
                       "evidence": _evidence(ms, lines)})  # fmt: skip
    return {"documents": documents, "events": events, "extent": _extent(tl, bounds),
            "epoch_minutes": _EPOCH_MINUTES}  # fmt: skip


def _bounds_ms(event: TimelineEvent) -> list[int | None]:
    return [_ms(event.earliest_start), _ms(event.latest_start),
            _ms(event.earliest_end), _ms(event.latest_end)]  # fmt: skip


def _script_json(data: object) -> str:
    """JSON safe inside <script>: no '<' (so no '</script>' or '<!--'), '>' or '&' left
    raw, and ASCII only so any output encoding carries it."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _ascii_js(source: str) -> str:
    """Script text in ASCII: non-ASCII characters (only in the library's string
    literals) as \\u escapes, which mean the same there and in identifiers."""
    out = []
    for ch in source:
        code = ord(ch)
        if code < 128:
            out.append(ch)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:  # a surrogate pair, as JavaScript strings hold it
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(out)


@functools.cache
def _static(name: str) -> str:
    return resources.files("timeline.output").joinpath("static", name).read_text("utf-8")


@functools.cache
def _library() -> str:
    js = _static("vis-timeline-graph2d.min.js")
    # The source map is not shipped: drop the comment that would ask for it.
    js = "\n".join(line for line in js.splitlines() if not line.startswith("//# sourceMappingURL="))
    return _ascii_js(js).replace("</script", "<\\/script")


def _page_title(tl: Timeline) -> str:
    names = [name for name in tl.published if name]
    return "Timeline" + (": " + ", ".join(names) if names else "")


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="timeline @VERSION@">
<title>@TITLE@</title>
<style>
@CSS@
</style>
</head>
<body>
<header id="top">
<h1>@TITLE@</h1>
<div id="documents"></div>
<div id="legend" aria-label="legend">
<span class="key"><i class="swatch sure"></i>surely under way</span>
<span class="key"><i class="swatch maybe"></i>may have started or ended then</span>
<span class="key"><i class="swatch open"></i>no bound: open-ended</span>
<span class="key"><i class="swatch point"></i>an instant</span>
<span class="key"><i class="swatch published"></i>publication day</span>
<span class="hint">Scroll or pinch to zoom, drag to pan, click an event for its evidence.</span>
</div>
</header>
<main>
<section id="axis" aria-label="timeline"></section>
<aside id="side">
<section id="details" aria-live="polite"><p class="empty">Click an event to see its sentence, its bounds and the evidence behind each.</p></section>
<section id="undated"></section>
<section id="conflicts"></section>
</aside>
</main>
<noscript>This page needs JavaScript to draw the timeline.</noscript>
<script type="application/json" id="timeline-data">@DATA@</script>
<script>
@LIBRARY@
</script>
<script>
@VIEW@
</script>
</body>
</html>
"""


_PLACEHOLDER = re.compile(r"@([A-Z]+)@")


def to_html(tl: Timeline, sources: dict[str, str] | None = None) -> str:
    """The timeline as one self-contained HTML page (ASCII, scripts and styles inline).

    ``sources`` says how each document's publication date was found, as for
    ``timeline_json``.
    """
    from timeline import __version__

    doc = timeline_json(tl, sources)
    data = {"timeline": doc, "view": _view(tl, doc)}
    title = html.escape(_page_title(tl)).encode("ascii", "xmlcharrefreplace").decode("ascii")
    parts = {
        "VERSION": __version__,
        "TITLE": title,
        "CSS": _static("view.css"),
        "DATA": _script_json(data),
        "LIBRARY": _library(),
        "VIEW": _static("view.js").replace("</script", "<\\/script"),
    }
    # One pass: text put in is never scanned again.
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _PAGE)
