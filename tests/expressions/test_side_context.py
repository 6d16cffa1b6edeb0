"""The context readers of the expression tagger (signal word, word before, cue
sentence) give what a scan of their window gives, in every shape, and read the
usual shape ("said on Friday") without scanning it."""

from __future__ import annotations

import re

import pytest

from timeline.expressions import _context
from timeline.expressions._context import (
    _signal_scanned,
    _word_scanned,
    sentence_bounds,
    signal_before,
    word_before,
)

# Shapes the fast path must hand on to the scan (or read alike): tabs, two
# spaces, apostrophes, digits, brackets, non-ASCII letters, a word cut by the
# window, a text start.
_SENTENCES = [
    "Officials said on Friday that talks resumed early as of Monday.",
    "The vote, set for\tMonday, was moved to  Tuesday (on Wednesday).",
    "He’ll arrive Friday; they'll leave next to Sunday's market.",
    "Prices rose 5 Friday and fell in 2019 after the café closed Monday.",
    "Extraordinarilyunpunctuatedwordsgoon Friday",
    "on Friday",
    " Friday",
    "rock'n'roll on Friday, o'clock Monday, dogs' Tuesday.",
    "Über den Wolken am Montag, naïve Sunday",
]


@pytest.mark.parametrize("text", _SENTENCES)
def test_readers_agree_with_the_window_scan(text: str) -> None:
    for start in range(len(text) + 1):
        assert word_before(text, start) == _word_scanned(text, start), start
        assert signal_before(text, start) == _signal_scanned(text, start), start


@pytest.mark.parametrize(
    ("text", "word", "signal"),
    [
        ("Officials said on Friday", "on", ("on", 15, 17)),
        ("as of Friday", "of", ("as of", 0, 5)),
        ("prices fell\tFriday", "fell", None),
        ("He’ll Friday", "he'll", None),
        ("(on Friday", "on", ("on", 1, 3)),
        ("in 2019 Friday", None, None),
    ],
)
def test_the_word_and_signal_before(text: str, word: str | None, signal: object) -> None:
    start = text.rindex("Friday")
    assert word_before(text, start) == word
    assert signal_before(text, start) == signal


class _CountingPattern:
    """A stand-in for the word regex that counts the scans made with it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scans = 0

    def finditer(self, *args: object) -> object:
        self.scans += 1
        return self.pattern.finditer(*args)  # type: ignore[arg-type]


def test_the_usual_shape_is_read_without_a_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _CountingPattern(_context._WORD)
    monkeypatch.setattr(_context, "_WORD", counting)
    text = "Officials said on Friday that talks resumed"
    assert signal_before(text, text.index("Friday")) == ("on", 15, 17)
    assert word_before(text, text.index("Friday")) == "on"
    assert counting.scans == 0
    assert word_before("(on Friday", 4) == "on"  # another shape: scanned
    assert counting.scans == 1


def _bounds_by_scan(text: str, start: int, end: int) -> tuple[int, int]:
    """The cue sentence as the regex scan of its window gave it."""
    ends = re.compile(r"[.!?;\n]")
    lo = max(0, start - 240)
    cut = max((m.end() for m in ends.finditer(text[lo:start])), default=None)
    match = ends.search(text, end, min(len(text), end + 240))
    return (lo + cut if cut is not None else lo), (
        match.start() if match else min(len(text), end + 240)
    )


@pytest.mark.parametrize(
    "text",
    [
        "One. Two; three!\nFour? Five",
        "x" * 600 + ". On Friday " + "y" * 600,
        "",
        "No end at all on Friday",
    ],
)
def test_the_cue_sentence_is_the_scanned_one(text: str) -> None:
    for start in range(0, len(text) + 1, 7):
        for end in (start, min(len(text), start + 5)):
            assert sentence_bounds(text, start, end) == _bounds_by_scan(text, start, end)
