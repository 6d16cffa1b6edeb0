"""The scanner's shortcuts give what the plain regex searches give.

The shortcuts exist for speed only (tag()'s first pass); each is checked
against the search it replaces on text made of the characters that matter
to it: letters, digits, the separators of numbers and abbreviations,
apostrophes, symbols and every kind of white space.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.expressions._scan import _TOKEN_BEFORE, _token_before

_PIECES = st.sampled_from(
    ["a", "m", "s", "st", "th", "The", "May", "1", "19", "2024", ".", ",", ":", "'", "\u2019",
     "$", "-", "(", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2028", "é", "_"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.integers(0, 40), st.integers(0, 40))
def test_token_before_is_the_plain_search(pieces: list[str], a: int, b: int) -> None:
    text = "".join(pieces)
    pos = min(b, len(text))
    lo = min(a, pos)
    plain = _TOKEN_BEFORE.search(text, lo, pos)
    quick = _token_before(text, lo, pos)
    assert (plain and plain.span(1)) == (quick and quick.span(1))


def test_token_before_reads_the_word_before_the_spaces() -> None:
    text = "in the past\n three years"
    match = _token_before(text, 0, text.index("three"))
    assert match is not None and match.group(1) == "past"
    assert _token_before("one\n\n two", 0, 6) is None  # a paragraph break between


def _scanner():
    from timeline.expressions._tag import _engine

    return _engine()[0]


_WORDS = st.sampled_from(
    ["Monday", "may", "MAY", "the", "last", "a.m.", "p.m.", "o'clock", "1990", "1990s", "90s",
     "12", "3pm", "21st", "1,000", "3.5", "12:30", "1.2.2020", "-", "'", "\u2019", "\u2013",
     "week", "weeks", "weekend", "summer", "x", "dismay", "today's", "%", "$", "Straße", "K"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.lists(st.sampled_from([" ", "", "\n", ", "]), max_size=12))
def test_classify_is_the_full_regex(words: list[str], gaps: list[str]) -> None:
    scanner = _scanner()
    for word in words + ["".join(w + g for w, g in zip(words, gaps, strict=False))]:
        key = word.casefold()
        match = scanner._classify_re.fullmatch(key)
        assert scanner.classify(word) == (match.lastgroup if match else None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_WORDS, max_size=20),
    st.lists(st.sampled_from([" ", "", "\n", ", ", "-"]), max_size=20),
)
def test_anchor_search_is_the_unguarded_search(words: list[str], gaps: list[str]) -> None:
    import re

    from timeline._data import prefix_trie
    from timeline.expressions._scan import _literals

    scanner = _scanner()
    terminals = [t for t in scanner.parser.terminals if not t.name.startswith("__")]
    terminals.sort(key=lambda t: -t.priority)
    anchors = [t for t in terminals if t.name not in scanner._modifiers]
    words_, others = [], []
    for terminal in anchors:
        literal = _literals(terminal.pattern)
        if literal is None:
            others.append(terminal.pattern.to_regexp().replace("(?i:", "(?:"))
        else:
            words_.extend(literal)
    plain = re.compile(
        r"\b(?:" + "|".join([prefix_trie(sorted(set(words_)))] + others) + r")(?![\w%])"
    )
    text = "".join(w + g for w, g in zip(words, gaps + [" "] * len(words), strict=False))
    if len(text.lower()) == len(text):
        assert list(scanner.anchors(text)) == [m.start() for m in plain.finditer(text.lower())]


@pytest.mark.parametrize(
    ("regexp", "digit_first"),
    [
        ("[0-9]{4}", True),
        ("(?:[0-9]{1,3}(st|nd|rd|th))", True),  # alternatives inside, after the digit
        (r"\d+", True),
        ("[0-9]+|x", False),  # another top-level alternative
        ("(?:[0-9]x|y)", False),  # another alternative of the opening group
        ("[0-9]*x", False),  # the digit may be absent
        ("[0-9]{0,2}x", False),
        ("a[0-9]", False),
    ],
)
def test_only_patterns_whose_every_match_opens_with_a_digit_are_guarded(regexp, digit_first):
    from timeline.expressions._scan import _digit_first

    assert _digit_first(regexp) is digit_first
