"""Shared helpers for the tests: tagging checks, and loading a benchmark script as a module."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import timeline

# A Monday, like the seed article's publication day.
PUB = dt.date(2016, 1, 25)


def only(sentence: str, published: dt.date = PUB) -> timeline.TimeExpression:
    """The single expression of a sentence (fails with the full list otherwise)."""
    found = timeline.tag(sentence, published)
    assert len(found) == 1, [(e.text, e.value) for e in found]
    return found[0]


def find(sentence: str, text: str, published: dt.date = PUB) -> timeline.TimeExpression:
    """The expression whose extent is exactly ``text``."""
    found = timeline.tag(sentence, published)
    for e in found:
        if e.text == text:
            return e
    raise AssertionError(f"{text!r} not tagged; got {[(e.text, e.value) for e in found]}")


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load_benchmark(file_name: str, module_name: str) -> ModuleType:
    """A script of benchmarks/ imported as ``module_name`` (once per test session)."""
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, BENCHMARKS / file_name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


# Dating checks: an event of an extracted text, its bounds as days, the rules on it.


def event_of(text: str, trigger: str, published: dt.date) -> tuple[timeline.Timeline, timeline.TimelineEvent]:
    """The timeline of ``text`` and its (first) event with this trigger."""
    tl = timeline.extract(text, published)
    return tl, next(e for e in tl.events if e.trigger == trigger)


def day_of(moment: object, keep_time: bool = False) -> str:
    """A bound as an ISO day ("open" when there is none); with ``keep_time`` a
    bound inside a day keeps its time (only a bound at midnight is that day's edge)."""
    if moment is None:
        return "open"
    if isinstance(moment, dt.datetime):
        if keep_time and moment.time() != dt.time():
            return moment.isoformat()
        return moment.date().isoformat()
    return moment.isoformat()  # type: ignore[attr-defined]


def event_days(text: str, trigger: str, published: dt.date, keep_time: bool = False) -> tuple[str, str]:
    """The event's earliest start and latest end, as ``day_of`` gives them."""
    event = event_of(text, trigger, published)[1]
    return day_of(event.earliest_start, keep_time), day_of(event.latest_end, keep_time)


def event_rules(text: str, trigger: str, published: dt.date) -> set[str]:
    """The rules of the constraints on the event's own points."""
    tl, event = event_of(text, trigger, published)
    points = {f"{event.id}.start", f"{event.id}.end"}
    return {c.evidence.rule for c in tl.constraints if {str(c.a), str(c.b)} & points}
