"""Input shapes that once grew faster than the text (benchmarks/growth.py times them).

Nothing here is timed: run-on sentences are checked to be cut into bounded
pieces, the event rules to read each token a bounded number of times (a
counting token list), and large pathological inputs to give sane results.
Every sentence here was written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.events import Pos, _events, find_events
from timeline.text import MAX_SENTENCE_CHARS, Sentence, Tag, split_sentences, tag_words

PUBLISHED = dt.date(2019, 3, 14)


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _one_sentence(opening: str, unit: str, size: int) -> str:
    body = _fill(unit, size - len(opening) - 1)
    return opening + body[: body.rfind(" ")].rstrip(" ,") + "."


SHAPES = {
    "quotes": lambda size: _fill('"We will fight," he said, "and we will win," ', size).strip(),
    "clauses": lambda size: _one_sentence(
        "Officials said that ", "the town fell, and the army left, while troops waited, ", size
    ),
    "verbs": lambda size: _one_sentence(
        "On Monday the soldiers ", "marched crossed attacked seized held lost ", size
    ),
    "parens": lambda size: (
        "Officials said "
        + "(the talks began " * (size // 18)
        + "on Monday"
        + ")" * (size // 18)
        + "."
    ),
    "spaces": lambda size: "Monday" + " " * (size // 2) + "\n" * (size // 2) + "Monday",
}


# --------------------------------------------------------------------------
# Run-on sentences are cut into bounded pieces
# --------------------------------------------------------------------------


def _check_pieces(text: str) -> list[Sentence]:
    sentences = split_sentences(text)
    for n, s in enumerate(sentences):
        assert s.index == n
        assert text[s.start : s.end] == s.text and s.text == s.text.strip()
        assert len(s.text) <= MAX_SENTENCE_CHARS
    for a, b in zip(sentences, sentences[1:], strict=False):
        assert a.end <= b.start and not text[a.end : b.start].strip()  # nothing lost
    return sentences


def test_run_on_sentence_is_cut_at_clause_boundaries() -> None:
    text = _one_sentence("Officials said that ", "the town fell, and the army left, ", 20_000)
    pieces = _check_pieces(text)
    assert len(pieces) > 20 - 1
    for piece in pieces[:-1]:
        assert len(piece.text) > MAX_SENTENCE_CHARS // 2
        assert piece.text.endswith(",")  # after a comma, not inside a clause
    assert pieces[-1].text.endswith(".")
    assert " ".join(p.text for p in pieces).split() == text.split()


def test_cut_prefers_a_semicolon_to_a_comma() -> None:
    clauses = "the town fell, " * 40  # 600 characters
    text = clauses + "the army left; " + clauses * 2 + "and then it rained."
    first = split_sentences(text)[0]
    assert first.text.endswith("the army left;")


def test_cut_before_a_bracket_and_after_a_closing_one() -> None:
    text = "Officials said " + "(the talks began " * 300 + "on Monday" + ")" * 300 + "."
    pieces = _check_pieces(text)
    assert all(p.text.startswith("(the talks") for p in pieces[1:] if "talks" in p.text)
    assert pieces[-1].text.endswith(")).")


def test_cut_keeps_numbers_and_words_whole() -> None:
    text = "Prices rose by " + "1,500 " * 1_000 + "points."
    assert all(w in ("1,500", "Prices", "rose", "by", "points.") for p in _check_pieces(text)
               for w in p.text.split())  # fmt: skip


def test_text_without_spaces_is_cut_too() -> None:
    text = "fell," * 1_000 + "x" * 3_000
    pieces = _check_pieces(text)
    assert len(pieces) >= 8
    assert "".join(p.text for p in pieces) == text


def test_a_sentence_under_the_cap_is_not_cut() -> None:
    sentence = "The mayor, " + "who had been warned on Monday, " * 25 + "left the town."
    assert len(sentence) < MAX_SENTENCE_CHARS
    text = sentence + " Then the rain stopped."
    assert [s.text for s in split_sentences(text)] == [sentence, "Then the rain stopped."]


def test_events_of_a_run_on_sentence_stay_in_their_piece() -> None:
    text = _one_sentence("Officials said that ", "the town fell, and the army left, ", 10_000)
    sentences = split_sentences(text)
    events = find_events(text, sentences)
    assert {e.lemma for e in events} == {"say", "fall", "leave"}
    for e in events:
        s = sentences[e.sentence]
        assert s.start <= e.start <= e.trigger_start < e.trigger_end <= e.end <= s.end


# --------------------------------------------------------------------------
# Event rules read each token a bounded number of times
# --------------------------------------------------------------------------


class _CountingTokens(list):  # type: ignore[type-arg]
    """A token list that counts how many tokens are read from it."""

    reads = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        item = super().__getitem__(index)
        _CountingTokens.reads += len(item) if isinstance(index, slice) else 1
        return item

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            _CountingTokens.reads += 1
            yield item


def _reads_per_token(monkeypatch: pytest.MonkeyPatch, text: str) -> float:
    """Token reads of find_events per token, on *text* taken as one sentence (no cap)."""
    sentence = Sentence(0, 0, len(text), text=text)
    n = len(tag_words(text, sentence))
    monkeypatch.setattr(_events, "tag_words", lambda t, s: _CountingTokens(tag_words(t, s)))
    _CountingTokens.reads = 0
    find_events(text, [sentence])
    return _CountingTokens.reads / n


@pytest.mark.parametrize(
    "text",
    [
        # a run of modals with no main verb was read again from each of its words
        "He " + "will " * 2_000 + "indeed.",
        "They " + "could not " * 1_000 + "really.",
        # each subjectless clause walked the fronted phrases from the sentence start
        "After the vote, " * 500 + "the town fell" + " and left" * 500 + ".",
        # ... and the opening noun phrase, whatever its length in punctuation
        "The " + "' " * 2_000 + "town fell" + " and left" * 200 + ".",
        # ordinary text for comparison
        "Officials said the town fell after three days of bombing, and troops left. " * 100,
    ],
    ids=["modals", "modal-not", "fronted", "quote-run", "ordinary"],
)
def test_event_rules_read_each_token_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    # ordinary text reads each token about 10-30 times; a quadratic walk, thousands
    assert _reads_per_token(monkeypatch, text) < 100


def test_borrowed_subject_is_bounded() -> None:
    text = "The " + "' " * 2_000 + "town fell" + " and left" * 200 + "."
    events = find_events(text, [Sentence(0, 0, len(text), text=text)])
    assert [e.lemma for e in events] == ["fall"] + ["leave"] * 200
    assert all(len(e.description) < 60 for e in events[1:])
    assert events[1].description.startswith("The '") and events[1].description.endswith("left")


def test_long_verb_groups_are_still_read_whole() -> None:
    (event,) = find_events("By then the bridge will not have been being repaired for long.")
    assert event.verb_group == "will not have been being repaired"
    assert [e.verb_group for e in find_events("The talks are not due to be held until May.")
            if e.pos is Pos.VERB] == ["are not due to be held"]  # fmt: skip


# --------------------------------------------------------------------------
# The opening noun phrase a subjectless clause borrows (_events._Opening)
# --------------------------------------------------------------------------

_CONJ_PUNCT = {Tag.PUNCT, Tag.CONJ}
_FRONTED = {Tag.PREP, Tag.TO, Tag.ADV, Tag.SUB}
_STARTS = {Tag.DET, Tag.POSS, Tag.NOUN, Tag.PROPN, Tag.PRON, Tag.ADJ, Tag.NUM}
_STOPS = {Tag.VERB, Tag.REL, Tag.SUB, Tag.MODAL, Tag.BE, Tag.HAVE, Tag.DO}


def _walk(text: str, toks: list, lo: int) -> str:  # type: ignore[type-arg]
    """The plain walk from the sentence start that _Opening.subject answers for any *lo*."""
    first = 0
    while True:  # skip fronted adverbials up to their comma
        j = first
        while j < lo and toks[j].tag in _CONJ_PUNCT:
            j += 1
        if j >= lo or toks[j].tag not in _FRONTED:
            break
        comma = j
        while comma < lo and toks[comma].norm != ",":
            comma += 1
        if comma >= lo - 1:
            break
        first = comma + 1
    while first < lo and toks[first].tag in _CONJ_PUNCT:
        first += 1
    if first >= lo or toks[first].tag not in _STARTS:
        return ""
    words, last = 0, first
    for j in range(first, min(lo, first + 12)):
        if toks[j].norm in (",", ";", ":") or toks[j].tag in _STOPS:
            break
        if toks[j].norm[:1].isalnum():
            words += 1
            if words > 4:
                break
        last = j
    return " ".join(text[toks[first].start : toks[last].end].split())


OPENINGS = [
    "But to the east, in May, the rebel forces of the north advanced and took the town.",
    "After the vote, after the count, the council and left and stayed, and went.",
    "The ' ' ' ' ' ' ' ' ' ' ' ' ' ' town fell and left and rose.",
    "In Paris, Rome and Berlin, officials who met on Monday said the talks would resume.",
    "When the levee broke, the water rose, and rescue teams of the army arrived.",
    ", , and, but the storm, which hit on Monday, and left.",
    "Quickly, quietly, the big old grey ship of the line sailed.",
]

_WORDS = ("the town after in , and ' said fell quickly which to Monday "
          "officials of when rain big").split()  # fmt: skip


def _check_opening(text: str) -> None:
    toks = tag_words(text, Sentence(0, 0, len(text), text=text))
    opening = _events._Opening(text, toks)
    for lo in range(1, len(toks) + 1):
        subject, words = opening.subject(lo)
        assert subject == _walk(text, toks, lo), (text, lo)
        assert words == len(subject.split())


@pytest.mark.parametrize("text", OPENINGS)
def test_opening_matches_the_plain_walk(text: str) -> None:
    _check_opening(text)


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_opening_matches_the_plain_walk_on_word_salads(words: list[str]) -> None:
    _check_opening(" ".join(words))


# --------------------------------------------------------------------------
# Pathological shapes of 100 KB: sane results
# --------------------------------------------------------------------------


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_pathological_shape_of_100_kb(shape: str) -> None:
    text = SHAPES[shape](100_000)
    sentences = _check_pieces(text)
    events = find_events(text, sentences)
    for n, e in enumerate(events, 1):
        assert e.id == f"e{n}"
        assert text[e.trigger_start : e.trigger_end] == e.trigger
        assert len(e.description) < 300
    if shape != "spaces":
        assert len(events) > len(text) // 100  # events all along the text
        assert events[-1].trigger_start > len(text) * 9 // 10


@pytest.fixture(scope="module")
def warm_grammar() -> None:
    timeline.extract("The talks began on Monday.", PUBLISHED)  # builds the grammar once


@pytest.mark.usefixtures("warm_grammar")
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_pathological_shape_through_extract(shape: str) -> None:
    text = SHAPES[shape](15_000)
    tl = timeline.extract(text, PUBLISHED)
    if shape != "spaces":
        assert len(tl.events) > len(text) // 100
    assert all(text[e.trigger_start : e.trigger_end] == e.trigger for e in tl.events)
