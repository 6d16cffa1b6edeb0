"""The written articles of examples/articles/: every listed event gets the date
or range a reader gives it, and no page furniture yields an event.

Each ``NAME.txt`` (written for the project) has a ``NAME.toml``: the
publication date and, per event (trigger, nth occurrence), the first and last
day it can fall on.  An event passes when its solved bounds lie inside that
range (``from`` 00:00 to the end of ``to``): the reader's range holds them.
Rows with ``gap`` are what the engine does not do yet (xfail, reason given);
a row with ``not_before`` checks only that the event is not put earlier.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

import timeline
from timeline.expressions._dateline import find_publication_date
from timeline.text._zones import STORY, find_zones

ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
NAMES = sorted(p.stem for p in ARTICLES.glob("*.txt"))


def _load(name: str) -> tuple[str, dict]:
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    with open(ARTICLES / f"{name}.toml", "rb") as handle:
        return text, tomllib.load(handle)


_TIMELINES: dict[str, timeline.Timeline] = {}


def _timeline(name: str) -> timeline.Timeline:
    if name not in _TIMELINES:
        text, spec = _load(name)
        _TIMELINES[name] = timeline.extract(text, dt.date.fromisoformat(spec["published"]))
    return _TIMELINES[name]


def _day(moment: object) -> dt.datetime | None:
    if moment is None:
        return None
    if isinstance(moment, dt.datetime):
        return moment.replace(tzinfo=None)
    return dt.datetime.combine(moment, dt.time())  # type: ignore[arg-type]


def _rows() -> list[object]:
    rows = []
    for name in NAMES:
        _text, spec = _load(name)
        for row in spec.get("event", []):
            marks = [pytest.mark.xfail(reason=row["gap"], strict=False)] if "gap" in row else []
            rows.append(pytest.param(name, row, marks=marks, id=f"{name}:{row['trigger']}"))
    return rows


def test_there_are_at_least_ten_articles() -> None:
    assert len(NAMES) >= 10
    assert all((ARTICLES / f"{n}.toml").is_file() for n in NAMES)


@pytest.mark.parametrize(("name", "row"), _rows())
def test_event_date(name: str, row: dict) -> None:
    tl = _timeline(name)
    found = sorted((e for e in tl.events if e.trigger == row["trigger"]), key=lambda e: e.trigger_start)
    assert len(found) > row.get("nth", 0), [e.trigger for e in tl.events]
    event = found[row.get("nth", 0)]
    lo = dt.datetime.fromisoformat(row["from"])
    hi = dt.datetime.fromisoformat(row["to"]) + dt.timedelta(days=1)
    if "not_before" in row:
        earliest = _day(event.earliest_start)
        assert earliest is None or earliest >= dt.datetime.fromisoformat(row["not_before"])
        return  # the row says only where the event must not go
    start, stop = _day(event.earliest_start), _day(event.latest_end)
    assert start is not None and stop is not None, (event.trigger, start, stop)
    assert lo <= start and stop <= hi, (event.trigger, start, stop)


@pytest.mark.parametrize("name", NAMES)
def test_no_event_from_furniture(name: str) -> None:
    text, _spec = _load(name)
    furniture = [z for z in find_zones(text) if z.kind != STORY]
    inside = [e.trigger for e in _timeline(name).events
              if any(z.start <= e.trigger_start < z.end for z in furniture)]  # fmt: skip
    assert inside == []


@pytest.mark.parametrize("name", NAMES)
def test_publication_date_is_not_read_from_a_caption(name: str) -> None:
    text, spec = _load(name)
    found = find_publication_date(text)
    expected = spec.get("dateline")
    assert (found[0].isoformat() if found else None) == expected
