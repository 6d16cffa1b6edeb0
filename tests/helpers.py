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
