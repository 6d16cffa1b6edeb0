"""One reading of a text (timeline.text.read -> TextAnalysis).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import attrs
import pytest

from timeline._errors import InputError
from timeline.text import (
    TextAnalysis,
    Zone,
    _document,
    paragraphs,
    read,
    split_clauses,
    split_sentences,
    tag_words,
)

TEXT = (
    "Floods cut off the valley\n\n"
    "Rescue teams arrived on Monday. They said the bridge was closed.\n"
    "Crews worked until dawn.\n \n"
    "The road reopened on Friday.\u2029Schools stay shut."
)


def test_read_gives_the_sentences_and_the_zones() -> None:
    analysis = read(TEXT)
    assert analysis.text == TEXT
    assert analysis.sentences == tuple(split_sentences(TEXT))
    assert [s.text for s in analysis.sentences][:2] == [
        "Floods cut off the valley",
        "Rescue teams arrived on Monday.",
    ]
    # the first line, short and without a full stop, is the headline
    assert analysis.zones == (Zone("headline", 0, 25), Zone("story", 25, len(TEXT)))
    assert analysis.zones[1] == ("story", 25, len(TEXT))  # a (kind, start, end) tuple


def test_paragraphs_start_after_a_blank_line_or_a_paragraph_separator() -> None:
    analysis = read(TEXT)
    # a single line break does not start a paragraph; a line of spaces does
    assert analysis.paragraph_ids == (0, 1, 1, 1, 2, 3)
    assert analysis.paragraphs == (range(0, 1), range(1, 4), range(4, 5), range(5, 6))
    assert [analysis.paragraph_of(i) for i in range(6)] == [0, 1, 1, 1, 2, 3]
    assert paragraphs(TEXT, analysis.sentences) == list(analysis.paragraph_ids)


def test_words_and_clauses_are_computed_on_first_use_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []

    def counting_tag_words(text, sentence):  # type: ignore[no-untyped-def]
        calls.append(sentence.index)
        return tag_words(text, sentence)

    monkeypatch.setattr(_document, "tag_words", counting_tag_words)
    analysis = read(TEXT)
    assert calls == []  # reading tags nothing yet
    sentence = analysis.sentences[2]
    words = analysis.words(2)
    assert list(words) == tag_words(TEXT, sentence)
    assert analysis.words(2) is words
    clauses = analysis.clauses(2)
    assert list(clauses) == split_clauses(TEXT, sentence)
    assert [c.text for c in clauses] == ["They said", "the bridge was closed"]
    assert analysis.clauses(2) is clauses
    assert calls == [2]  # the clauses reused the words


def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    text = "  The dam held.   The levee failed.  "
    analysis = read(text)
    first, second = analysis.sentences
    assert analysis.sentence_at(first.start) == first
    assert analysis.sentence_at(first.end - 1) == first
    assert analysis.sentence_at(text.index("levee")) == second
    # between sentences, before the first, after the last: no sentence
    assert analysis.sentence_at(first.end) is None
    assert analysis.sentence_at(0) is None
    assert analysis.sentence_at(len(text) - 1) is None
    assert analysis.sentence_at(-5) is None
    assert analysis.sentence_at(10**9) is None


def test_empty_text() -> None:
    analysis = read("")
    assert analysis.sentences == ()
    assert analysis.paragraphs == ()
    assert analysis.zones == (Zone("story", 0, 0),)
    assert analysis.sentence_at(0) is None


def test_the_analysis_is_frozen() -> None:
    analysis = read(TEXT)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        analysis.text = "other"  # type: ignore[misc]


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"read\(\) needs a str, not bytes"):
        read(b"The dam held.")  # type: ignore[arg-type]
    sentences = tuple(split_sentences(TEXT))
    with pytest.raises(InputError, match="one paragraph id per sentence"):
        TextAnalysis(TEXT, sentences, (0,), (Zone("story", 0, len(TEXT)),))


def test_a_long_text_finds_its_last_sentence() -> None:
    text = "The dam held. " * 20_000
    analysis = read(text)
    assert len(analysis.sentences) == 20_000
    assert analysis.sentence_at(len(text) - 3) == analysis.sentences[-1]
    assert [w.text for w in analysis.words(19_999)] == ["The", "dam", "held", "."]
