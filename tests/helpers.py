"""Shared helpers for the tagging tests."""

from __future__ import annotations

import datetime as dt

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
