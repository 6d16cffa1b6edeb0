"""The text stage's fast paths give what the plain code gives.

The word tagger's memo of context-free readings, raw_words' tuples built in
C, the narrow first window of sentence_around and the sentence-end
candidate pattern are each checked against a plain reference written here.
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline.text._readings as readings
import timeline.text._tagset as tagset
import timeline.text._wordtags as wordtags
from timeline.text import Sentence, Tag, lexicon, tag_words
from timeline.text._readings import title_case
from timeline.text._sentences import (
    _BREAKS,
    _CANDIDATE_RE,
    _CLOSERS,
    _WINDOW,
    ENDERS,
    _sentence_start,
    _Undecided,
)
from timeline.text._stretches import promote_candidates
from timeline.text._tables import fold
from timeline.text._tokens import _TOKEN_RE, RawWord, _split_clitic, raw_words

# Words whose readings differ by place and neighbours: closed-class words
# (a relative after a preposition, a modal or number that may be a name),
# contractions, verb forms, names, shapes, punctuation and numbers.
_WORDS = [
    "the", "The", "that", "That", "which", "of", "in", "May", "may", "Will", "will",
    "One", "one", "two", "I", "i", "he", "He", "they", "is", "was", "has", "had",
    "been", "Been", "to", "not", "n't", "'s", "'d", "'re", "'", "killed", "Killed",
    "said", "Said", "says", "attacks", "follow", "report", "reports", "rising",
    "fighting", "paid", "by", "as", "Smith", "SMITH", "Monday", "quickly", "dangerous",
    "talks", "town", "unchanged", "rebel-held", ",", ".", ";", "(", '"', "``", "--",
    "3", "1,000", "U.S.", "\u2019s", "Stra\u00dfe", "cannot",
]  # fmt: skip


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=25))
    text = ""
    for word in words:
        # a contraction or a closing mark sometimes touches the word before it
        glue = word in ("n't", "'s", "'d", "'re", "'", "\u2019s", ",", ".") and draw(st.booleans())
        text += ("" if glue or not text else " ") + word
    return text


def _plain_tag_words(text: str, sentence: Sentence) -> list[tuple]:
    """tag_words without the memo: _tag_one for every word."""
    lex = lexicon()
    raw = raw_words(text, sentence.start, sentence.end)
    caps_informative = not title_case(raw)
    tags: list[Tag] = []
    forms: list[str] = []
    lemmas: list[str] = []
    candidates: list[bool] = []
    for i, tok in enumerate(raw):
        tag, form, lemma, candidate = wordtags._tag_one(i, raw, tags, forms, lex, caps_informative)
        tags.append(tag)
        forms.append(form)
        lemmas.append(lemma or tok.norm)
        candidates.append(candidate)
    promote_candidates(raw, tags, forms, candidates, lex)
    return [(*tok, t, f, m) for tok, t, f, m in zip(raw, tags, forms, lemmas, strict=True)]


def _whole(text: str) -> Sentence:
    return Sentence(0, 0, len(text), text=text)


@settings(max_examples=400, deadline=None)
@given(sentences())
def test_memoised_readings_equal_the_plain_tagger(text: str) -> None:
    # the memo persists across examples: a word learned in one place is reused in others
    assert [tuple(w) for w in tag_words(text, _whole(text))] == _plain_tag_words(text, _whole(text))


@pytest.mark.parametrize(
    "text",
    [
        "That is what they said about the office in which that man works.",
        "One said May would come; May Smith said one would.",
        "THE TALKS RESUME ON MONDAY IN PARIS",  # capitals do not mark names here
        "The Talks Resume On Monday",
        "Straße's end came.",  # a contraction off a word whose casefold is longer
    ],
)
def test_memo_agrees_in_each_context(text: str) -> None:
    for _ in range(2):  # the second time from the memo
        assert [tuple(w) for w in tag_words(text, _whole(text))] == _plain_tag_words(
            text, _whole(text)
        )


def test_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readings, "_FREE_MAX", 5)
    text = "The eleven distinct words of this sentence fill a small memo quickly."
    assert [tuple(w) for w in tag_words(text, _whole(text))] == _plain_tag_words(text, _whole(text))
    assert len(readings._free) <= 5


def test_memo_belongs_to_one_lexicon() -> None:
    text = "The talks resumed in Paris."
    tag_words(text, _whole(text))
    assert readings._free
    other = attrs.evolve(lexicon())  # an equal lexicon, but another object
    assert readings.free_memo(other) == {}
    readings.free_memo(lexicon())  # back to the shared lexicon (emptied again)


def test_every_tag_has_its_module_constant() -> None:
    assert all(getattr(tagset, tag.name) is tag for tag in Tag)


# --------------------------------------------------------------------------
# raw_words: tuples built in C, the contraction split word by word
# --------------------------------------------------------------------------


def _plain_raw_words(text: str, start: int, end: int) -> list[tuple]:
    lex = lexicon()
    out = []
    for m in _TOKEN_RE.finditer(text[start:end]):
        word = m.group()
        norm = fold(word)
        first, last = m.start() + start, m.end() + start
        host = _split_clitic(word, norm, lex.clitics, lex.fused)
        if host:
            out += [(first, first + host, word[:host], norm[:host])]
            out += [(first + host, last, word[host:], norm[host:])]
        else:
            out.append((first, last, word, norm))
    return out


_PIECES = ["don't", "it's", "it\u2019s", "cannot", "Cannot", "ß", "Straße's", "İstanbul", "'",
           "U.S.", "3.5", "1,000", "rebel-held", "(AP)", "said.", "\u2019", "a", "B", " ", "\n"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.data())
def test_raw_words_equal_the_plain_split(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got = raw_words(text, start, end)
    assert [tuple(w) for w in got] == _plain_raw_words(text, start, end)
    assert all(type(w) is RawWord for w in got)


# --------------------------------------------------------------------------
# sentence_around: the narrow window and the candidate pattern
# --------------------------------------------------------------------------

_SENTENCE_PIECES = ["The", "talks", "Mr.", "U.S.", "Feb.", "5", "said.", "it?'", "end.\"",
                    ".", "!", "\u2026", ")", "x" * 60, "resumed"]  # fmt: skip
_GAPS = [" ", " ", "  ", "\n", "\n\n", " \n \n", "\u2029"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_SENTENCE_PIECES), min_size=1, max_size=60))
    gaps = draw(st.lists(st.sampled_from(_GAPS), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps, strict=True))


@settings(max_examples=300, deadline=None)
@given(texts(), st.data())
def test_a_start_found_in_a_narrow_window_is_the_wide_windows(text: str, data: st.DataObject):
    offset = data.draw(st.integers(0, len(text) - 1))
    window = data.draw(st.integers(1, 300))
    try:
        narrow = _sentence_start(text, offset, 0, len(text), window)
    except _Undecided:
        return  # sentence_around then tries the wide window
    assert narrow == _sentence_start(text, offset, 0, len(text), _WINDOW)


_PLAIN_CANDIDATE_RE = re.compile(rf"(?P<punct>[{re.escape(ENDERS + _CLOSERS)}])(?=\s)|[{_BREAKS}]")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ENDERS + _CLOSERS + _BREAKS + " \tab.", max_size=60), st.data())
def test_candidate_pattern_is_the_plain_alternation(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))

    def found(pattern: re.Pattern[str]) -> list[tuple[int, int, bool]]:
        return [(*m.span(), m["punct"] is not None) for m in pattern.finditer(text, pos, endpos)]

    assert found(_CANDIDATE_RE) == found(_PLAIN_CANDIDATE_RE)


def test_derived_word_classes() -> None:
    lex = lexicon()
    assert "said" in lex.complement_forms and "said" in lex.reporting_forms
    assert "walked" not in lex.reporting_forms
    assert {"is", "was", "has", "did", "will", "would"} <= lex.finite_auxiliaries
    assert not {"been", "being", "having"} & lex.finite_auxiliaries
    assert "," in lex.separators and "," in lex.stretch_stops
