"""The zones of a news page: ``find_zones(text)`` -> ``[Zone]``.

Takes the raw text; gives its stretches in text order, each with one role:
"headline", "deck", "byline", "dateline" (the "CAIRO (Reuters) -" prefix or a
top date line), "caption", "credit", "timestamp" (a live-blog entry's time),
"trailer" ("Reporting by ...") or "story".  The zones cover the text with no
gap.  Only story zones yield events; the rules read the rest as furniture.

Line based and data driven (``grammars/zones.toml``): each line is tried
against the patterns of its position (the head block at the top, then the
body), and lines longer than a furniture line can be are not tried at all, so
the cost is linear in the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from timeline._data import load_table
from timeline._errors import DataTableError

__all__ = ["FURNITURE", "STORY", "Zone", "ZonePatterns", "find_zones", "zone_patterns"]

STORY = "story"
FURNITURE = frozenset(
    {"headline", "deck", "byline", "dateline", "caption", "credit", "timestamp", "trailer"}
)
_TABLE = "zones.toml"
# A sentence's last mark, before any closing quotes or brackets.
_FINAL_STOP = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019)\]]*$")
_LINE = re.compile(r"[^\n\u2028\u2029]*")


class Zone(NamedTuple):
    """A stretch of the text with one role: ``kind`` over ``text[start:end]``."""

    kind: str
    start: int
    end: int


class ZonePatterns(NamedTuple):
    """The compiled patterns and limits of ``grammars/zones.toml``."""

    head_lines: int
    headline_words: int
    deck_words: int
    furniture_chars: int
    credit_chars: int
    byline_words: int
    byline: tuple[re.Pattern[str], ...]
    dateline: tuple[re.Pattern[str], ...]
    date_line: tuple[re.Pattern[str], ...]
    caption_end: tuple[re.Pattern[str], ...]
    caption_start: tuple[re.Pattern[str], ...]
    timestamp: tuple[re.Pattern[str], ...]
    trailer: tuple[re.Pattern[str], ...]


def _section(table: dict[str, Any], name: str) -> dict[str, Any]:
    value = table.get(name)
    if not isinstance(value, dict):
        raise DataTableError(f"{_TABLE}: section [{name}] is missing or is not a table")
    return value


def _strings(section: dict[str, Any], where: str, key: str) -> list[str]:
    values = section.get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise DataTableError(f"{_TABLE}: [{where}] {key} must be a list of non-empty strings")
    return values


def _int(section: dict[str, Any], where: str, key: str) -> int:
    value = section.get(key)
    if type(value) is not int or value <= 0:
        raise DataTableError(f"{_TABLE}: [{where}] {key} must be a positive integer")
    return value


def _compile(table: dict[str, Any], where: str, key: str, case: bool = False) -> tuple[re.Pattern[str], ...]:
    agencies = _section(table, "agencies")
    names = "|".join(re.escape(n) for n in sorted(_strings(agencies, "agencies", "names"), key=len, reverse=True))
    caps = "|".join(re.escape(n) for n in sorted(_strings(agencies, "agencies", "caps"), key=len, reverse=True))
    section = _section(table, where)
    flags = 0 if case or section.get("case") is True else re.IGNORECASE
    out = []
    for row, pattern in enumerate(_strings(section, where, key), 1):
        source = pattern.replace("{agencies_caps}", caps).replace("{agencies}", names)
        try:
            out.append(re.compile(source, flags))
        except re.error as exc:
            raise DataTableError(f"{_TABLE}: [{where}] {key} row {row}: {exc}") from exc
    return tuple(out)


@functools.cache
def zone_patterns() -> ZonePatterns:
    """The zone table, read and compiled once.

    Raises:
        DataTableError: the table is missing, malformed, or a pattern does not compile.
    """
    table = load_table(_TABLE)
    limits = _section(table, "limits")
    return ZonePatterns(
        head_lines=_int(limits, "limits", "head_lines"),
        headline_words=_int(limits, "limits", "headline_words"),
        deck_words=_int(limits, "limits", "deck_words"),
        furniture_chars=_int(limits, "limits", "furniture_chars"),
        credit_chars=_int(_section(table, "caption"), "caption", "credit_chars"),
        byline_words=_int(_section(table, "byline"), "byline", "max_words"),
        byline=_compile(table, "byline", "patterns"),
        dateline=_compile(table, "dateline", "patterns"),
        date_line=_compile(table, "date_line", "patterns"),
        caption_end=_compile(table, "caption", "end_patterns")
        + _compile(table, "caption", "caps_patterns", case=True),
        caption_start=_compile(table, "caption", "start_patterns"),
        timestamp=_compile(table, "timestamp", "patterns"),
        trailer=_compile(table, "trailer", "patterns"),
    )


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line's content, surrounding spaces left out."""
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            yield start, start + len(stripped)


def _any(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(p.match(line) for p in patterns)


def _is_caption(line: str, zp: ZonePatterns) -> bool:
    """A caption cue at the start, or a picture credit in the line's last
    ``credit_chars`` (searched there only: a search costs each position it tries)."""
    if _any(zp.caption_start, line):
        return True
    tail = max(0, len(line) - zp.credit_chars)  # "^" matches only at 0, as in the whole line
    return any(p.search(line, tail) for p in zp.caption_end)


def _body_kind(line: str, zp: ZonePatterns, after_stamp: bool) -> str:
    """The zone of a line below the head block ("story" unless a pattern says otherwise)."""
    if len(line) > zp.furniture_chars:
        return STORY
    if _any(zp.timestamp, line):
        return "timestamp"
    if _any(zp.trailer, line):
        return "trailer"
    if _is_caption(line, zp):
        return "caption"
    words = len(line.split())
    if words <= zp.byline_words and _any(zp.byline, line):
        return "byline"
    if after_stamp and words <= zp.headline_words and _headline_like(line):
        return "headline"  # a live-blog entry's own headline
    return STORY


def _headline_like(line: str) -> bool:
    """A short line that opens like a title and has no sentence-final stop."""
    first = line[0]
    return (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018") and not _FINAL_STOP.search(line)


def _head_kind(line: str, zp: ZonePatterns, index: int, last: bool) -> str | None:
    """The zone of the *index*-th line of the head block, or None where the story
    begins (a last line is never a headline: a one-line text is story)."""
    if len(line) > zp.furniture_chars:
        return None
    words = len(line.split())
    if not last and words <= zp.byline_words and _any(zp.byline, line):
        return "byline"
    if _any(zp.date_line, line):
        return "dateline"
    if _is_caption(line, zp):
        return "caption"
    if _any(zp.timestamp, line):
        return "timestamp"
    limit = zp.headline_words if index == 0 else zp.deck_words
    if not last and words <= limit and _headline_like(line):
        return "headline" if index == 0 else "deck"
    return None


def _furniture(text: str, zp: ZonePatterns) -> Iterator[Zone]:
    """The furniture zones over line contents, in text order."""
    lines = list(_lines(text))
    head = True
    headlines = 0
    after_stamp = False
    for n, (start, end) in enumerate(lines):
        line = text[start:end]
        last = n == len(lines) - 1
        if head and n < zp.head_lines:
            prefix = next((m for p in zp.dateline if (m := p.match(line))), None)
            if prefix is not None:  # "CAIRO (Reuters) -": the story follows it
                yield Zone("dateline", start, start + len(line[: prefix.end()].rstrip()))
                head = False
                continue
            kind = _head_kind(line, zp, headlines, last)
            if kind is not None:
                headlines += kind in ("headline", "deck")
                yield Zone(kind, start, end)
                head = kind != "timestamp"  # a live blog's first entry begins
                after_stamp = not head
                continue
        head = False
        kind = _body_kind(line, zp, after_stamp and not last)
        after_stamp = kind == "timestamp"
        if kind != STORY:
            yield Zone(kind, start, end)


def find_zones(text: str) -> tuple[Zone, ...]:
    """The zones of *text*: furniture where a pattern says so, story elsewhere.

    The zones are in text order and cover ``text`` with no gap: whitespace
    between two zones belongs to the one before it.
    """
    zp = zone_patterns()
    out: list[Zone] = []
    at = 0
    for zone in _furniture(text, zp):
        if text[at : zone.start].strip():
            out.append(Zone(STORY, at, zone.start))
        elif out:
            out[-1] = out[-1]._replace(end=zone.start)
        else:
            zone = zone._replace(start=0)
        out.append(zone)
        at = zone.end
    if text[at:].strip() or not out:
        out.append(Zone(STORY, at, len(text)))
    else:
        out[-1] = out[-1]._replace(end=len(text))
    return tuple(out)
