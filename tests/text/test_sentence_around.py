"""sentence_around (a sentence found from a window) agrees with split_sentences."""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.text import MAX_SENTENCE_CHARS, sentence_around, split_sentences

_PIECES = [
    "The", "talks", "resumed", "on", "Monday", "Mr.", "Smith", "U.S.", "officials",
    "Feb.", "5", "3.5", "said", "it", "would", "Jan.", "i.e.", "a", "B.", "Ltd.",
    ".", ",", "!", "?", "...", '"', "'", ")", "(", "\u201c", "\u201d", "\u2026",
    "said.", "it?'", "end.\"", "x" * 60,
]  # fmt: skip
_GAPS = [" ", " ", " ", "  ", "\n", "\n\n", " \n \n", "\u2029", "\t"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_PIECES), max_size=80))
    gaps = draw(st.lists(st.sampled_from(_GAPS), min_size=len(words), max_size=len(words)))
    lead = draw(st.sampled_from(["", " ", "\n"]))
    return lead + "".join(w + g for w, g in zip(words, gaps, strict=True))


def _reference(text: str, offset: int):
    sentences = split_sentences(text)
    i = bisect.bisect_right([s.start for s in sentences], offset) - 1
    if i >= 0 and offset < sentences[i].end:
        return sentences[i].start, sentences[i].end, sentences[i].text
    return None


def _found(text: str, offset: int):
    s = sentence_around(text, offset)
    return None if s is None else (s.start, s.end, s.text)


@settings(max_examples=300, deadline=None)
@given(texts(), st.data())
def test_same_sentence_as_the_whole_split(text, data):
    if not text:
        return
    for offset in data.draw(st.lists(st.integers(0, len(text) - 1), max_size=12)):
        assert _found(text, offset) == _reference(text, offset)


def test_news_text_is_decided_from_the_window():
    text = (
        "WASHINGTON (Reuters) - The deal was signed on March 21. Mr. Smith said "
        "the U.S. team would return on Friday.\n\nTalks resume Monday. " * 200
    )
    for offset in range(0, len(text), 97):
        assert _found(text, offset) == _reference(text, offset)


def test_over_long_sentence_gives_the_same_piece():
    text = "Start. " + "word, " * (3 * MAX_SENTENCE_CHARS // 6) + "end. Next one."
    for offset in range(0, len(text), 211):
        try:
            found = _found(text, offset)
        except LookupError:
            continue  # the window may not reach the sentence's start: the caller splits
        assert found == _reference(text, offset)


def test_a_giant_run_is_left_to_the_caller():
    text = "Before. " + "x" * 10_000 + ". After Monday."
    offset = text.index("Monday")
    try:
        assert _found(text, offset) == _reference(text, offset)
    except LookupError:
        pass  # a run longer than the window may only be judged by the whole split
    # and never a wrong answer: the whole split is the reference
    assert _reference(text, offset)[2] == "After Monday."


def test_paragraph_bounds():
    text = "One. Two on Monday.\n\nThree. Four."
    lo, hi = 0, text.index("\n\n")
    offset = text.index("Monday")
    assert _found(text, offset) == _reference(text, offset)
    s = sentence_around(text, offset, lo, hi)
    assert s is not None and s.text == "Two on Monday."
