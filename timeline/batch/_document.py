"""One document of a batch: read it, date it, extract its timeline, and format the record.

Shared by the process-pool runner and the dask functions, so both give the
same record for the same document.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any, NamedTuple

from timeline._errors import InputError, TimelineError
from timeline.cli._main import display_name, read_input
from timeline.expressions._dateline import find_publication_date
from timeline.output._json import timeline_json
from timeline.solver._extract import extract


class Item(NamedTuple):
    """A document to run: a file to read (``path``) or a record's ``text``.

    Attributes:
        id: the document's id in the output: a file's name, or a record's "id".
        path: the file to read (TimeML when it ends in ".tml"), or None for a record.
        text: a record's text.
        published: a record's own publication date.
        error: why the document cannot be run, found while listing the input.
    """

    id: Any
    path: str | None = None
    text: str | None = None
    published: dt.date | None = None
    error: str | None = None


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ].+")


def parse_published(value: object) -> dt.date | None:
    """A record's "published": YYYY-MM-DD or an ISO 8601 date and time (its calendar day)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if _ISO_DAY.fullmatch(value):
                return dt.date.fromisoformat(value)
            if _ISO_TIME.fullmatch(value):
                return dt.datetime.fromisoformat(value).date()
        except ValueError:
            pass
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise InputError(f'"published" {shown!r} is not a date (expected YYYY-MM-DD)')
    raise InputError(f'"published" must be a YYYY-MM-DD string, not {type(value).__name__}')


def record_item(record: object, fallback_id: Any = None) -> Item:
    """The Item of one ``{"id", "text", "published"}`` record; a malformed one carries its error."""
    if not isinstance(record, dict):
        return Item(fallback_id, error=f"not a JSON object but {type(record).__name__}")
    rid = record.get("id", fallback_id)
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, str | int)):
        return Item(fallback_id, error='"id" must be a string or an integer')
    text = record.get("text")
    if not isinstance(text, str):
        return Item(rid, error='"text" is missing or not a string')
    try:
        published = parse_published(record.get("published"))
    except InputError as exc:
        return Item(rid, error=str(exc))
    return Item(rid, text=text, published=published)


def one_line(message: str) -> str:
    return " ".join(message.split()) or "(no message)"


def _dated(text: str, given: dt.date | None, how: str, record: bool) -> tuple[dt.date, str]:
    if given is not None:
        return given, how
    found = find_publication_date(text)
    if found is None:
        hint = 'give "published" in the record' if record else "pass --published YYYY-MM-DD"
        raise InputError(f"no publication date found at the top; {hint}")
    return found[0], f'read from the dateline "{found[1]}"'


def _timeline(item: Item, published: dt.date | None, nominals: str) -> dict[str, Any]:
    if item.error is not None:
        raise InputError(item.error)
    if item.path is not None:
        # As `timeline FILE`: --published wins over the creation time and the dateline.
        text, dct = read_input(item.path, None)
        if published is None and dct is not None:
            day, how = dct, "read from the TimeML creation time (DCT)"
        else:
            day, how = _dated(text, published, "given with --published", record=False)
    else:
        text = item.text or ""
        if item.published is not None:
            day, how = item.published, "given in the record"
        else:
            day, how = _dated(text, published, "given with --published", record=True)
    return timeline_json(extract(text, day, nominals=nominals), {"": how})


def run_item(item: Item, published: dt.date | None = None,
             nominals: str = "signalled") -> dict[str, Any]:  # fmt: skip
    """``{"id", "timeline"}``, or ``{"id", "error"}`` when the document cannot be run."""
    try:
        return {"id": item.id, "timeline": _timeline(item, published, nominals)}
    except TimelineError as exc:
        reason = str(exc)
        if item.path is not None:  # the id already names the file
            reason = reason.removeprefix(display_name(item.path) + ": ")
        return {"id": item.id, "error": one_line(reason)}
    except Exception as exc:  # a bug: one document must not end an archive's run
        return {"id": item.id,
                "error": one_line(f"internal error: {type(exc).__name__}: {exc}, please report")}  # fmt: skip


def jsonl_line(record: dict[str, Any]) -> str:
    """The record as one JSON line; \\u escapes only for what UTF-8 cannot carry (lone surrogates)."""
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, separators=(",", ":"))
    return line + "\n"


CSV_COLUMNS = ("id", "sentence", "trigger", "description", "earliest_start", "latest_start",
               "earliest_end", "latest_end", "status", "error")  # fmt: skip
_BOUNDS = ("earliest_start", "latest_start", "earliest_end", "latest_end")


def _event_row(rid: Any, event: dict[str, Any]) -> list[Any]:
    bounds = event["bounds"]
    values = [(bounds.get(k) or {}).get("value") for k in _BOUNDS]
    return [rid, event["sentence"], event["trigger"], event["display"], *values,
            event["status"], None]  # fmt: skip


def csv_rows(record: dict[str, Any]) -> list[list[Any]]:
    """One row per event (columns CSV_COLUMNS); one row with the id alone for a document
    without events, and one with the reason in "error" for a failed one, so every
    document has a row."""
    rid = record["id"]
    if "error" in record:
        return [[rid] + [None] * (len(CSV_COLUMNS) - 2) + [record["error"]]]
    events = record["timeline"]["events"]
    if not events:
        return [[rid] + [None] * (len(CSV_COLUMNS) - 1)]
    return [_event_row(rid, event) for event in events]


def csv_text(record: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(_surrogate_safe(row) for row in csv_rows(record))
    return buffer.getvalue()


def csv_header() -> str:
    return ",".join(CSV_COLUMNS) + "\n"


def _surrogate_safe(row: list[Any]) -> list[Any]:
    # A lone surrogate (from a JSON "\ud800" escape) cannot be written as UTF-8.
    return [c.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(c, str) else c
            for c in row]  # fmt: skip


FORMATTERS = {"jsonl": jsonl_line, "csv": csv_text}


def run_chunk(items: list[Item], published: dt.date | None, nominals: str,
              fmt: str) -> list[tuple[Any, bool, str]]:  # fmt: skip
    """(id, failed, output text) for each item: what a worker process sends back."""
    out = []
    for item in items:
        record = run_item(item, published, nominals)
        out.append((item.id, "error" in record, FORMATTERS[fmt](record)))
    return out
