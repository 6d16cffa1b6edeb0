"""Sentences, tokens, word tags, clauses and their tables (timeline.text).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from timeline._errors import DataTableError
from timeline.text import (
    TENSE_WORDS,
    Sentence,
    Tag,
    _tables,
    _verb_forms,
    lexicon,
    split_clauses,
    split_sentences,
    tag_tokens,
    tokenize,
)


def sentence_texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def clause_texts(text: str) -> list[str]:
    (sentence,) = split_sentences(text)
    return [c.text for c in split_clauses(text, sentence)]


def tags(text: str) -> dict[str, str]:
    (sentence,) = split_sentences(text)
    return {
        t.text: f"{t.tag}.{t.form}" if t.form else str(t.tag) for t in tag_tokens(text, sentence)
    }


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------

SENTENCE_CASES = [
    # abbreviations: titles, months, dotted acronyms, states, time of day
    (
        "Mr. Okafor arrived on Feb. 5 at 10 a.m. local time. He left the next day.",
        ["Mr. Okafor arrived on Feb. 5 at 10 a.m. local time.", "He left the next day."],
    ),
    (
        "Gen. Moreau met U.S. officials in Ohio. The talks lasted an hour.",
        ["Gen. Moreau met U.S. officials in Ohio.", "The talks lasted an hour."],
    ),
    (
        "The aid came from the U.S. The convoy left at dawn.",
        ["The aid came from the U.S.", "The convoy left at dawn."],
    ),
    (
        "The firm moved to Springfield, Ill. Its founder stayed behind.",
        ["The firm moved to Springfield, Ill.", "Its founder stayed behind."],
    ),
    (
        "He said he felt ill. Doctors kept him overnight.",
        ["He said he felt ill.", "Doctors kept him overnight."],
    ),
    (
        "The report by J. R. Castillo was published. It ran to 40 pages.",
        ["The report by J. R. Castillo was published.", "It ran to 40 pages."],
    ),
    # decimals and numbers
    (
        "Output grew 3.5 percent in May. Prices rose 0.2 percent.",
        ["Output grew 3.5 percent in May.", "Prices rose 0.2 percent."],
    ),
    # quotes: the sentence ends after the closing quote
    (
        'She said: "We will rebuild the school." Work starts in June.',
        ['She said: "We will rebuild the school."', "Work starts in June."],
    ),
    (
        "``It was a long night,'' the mayor said. Crews worked until dawn.",
        ["``It was a long night,'' the mayor said.", "Crews worked until dawn."],
    ),
    (
        "\u201cWhere is the ferry?\u201d he asked. Nobody answered.",
        ["\u201cWhere is the ferry?\u201d he asked.", "Nobody answered."],
    ),
    (
        '"Stop!" she shouted. The crowd froze.',
        ['"Stop!" she shouted.', "The crowd froze."],
    ),
    # ellipses: a break before a capital, none before a lower-case word
    (
        "The waters rose... Then the levee broke.",
        ["The waters rose...", "Then the levee broke."],
    ),
    (
        "The waters rose\u2026 and the levee broke.",
        ["The waters rose\u2026 and the levee broke."],
    ),
    # headlines without final punctuation: a blank line ends a sentence
    (
        "Floods cut off mountain villages\n\nRescue teams arrived on Monday.",
        ["Floods cut off mountain villages", "Rescue teams arrived on Monday."],
    ),
    (
        "Floods cut off\nmountain villages\n\n\n\nRescue teams arrived.",
        ["Floods cut off\nmountain villages", "Rescue teams arrived."],
    ),
    # a lower-case continuation never starts a sentence
    ("Output rose, i.e. sales grew.", ["Output rose, i.e. sales grew."]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentence_texts(text) == expected


def test_sentence_offsets_and_indices() -> None:
    text = "  First one.  \n\n Second one!\tThird?  "
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == [0, 1, 2]
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


# --------------------------------------------------------------------------
# Tokens and tags
# --------------------------------------------------------------------------


def test_tokenize_contractions_and_offsets() -> None:
    text = "They don't know; it's late, can't stop. The relatives' appeal cannot wait."
    tokens = tokenize(text)
    assert [t.text for t in tokens][:5] == ["They", "do", "n't", "know", ";"]
    assert "ca" in [t.text for t in tokens] and "n't" in [t.text for t in tokens]
    assert ["can", "not"] == [t.text for t in tokens if t.norm in ("can", "not")]
    for t in tokens:
        assert text[t.start : t.end] == t.text


def test_tokenize_keeps_acronyms_numbers_and_hyphens() -> None:
    words = [t.text for t in tokenize("U.S. troops took 1,250.5 km of war-torn land at 10:30.")]
    assert words == [
        "U.S.",
        "troops",
        "took",
        "1,250.5",
        "km",
        "of",
        "war-torn",
        "land",
        "at",
        "10:30",
        ".",
    ]


TAG_CASES = [
    # auxiliaries, participles and progressives
    ("The bridge has been rebuilt.", {"has": "HAVE", "been": "BE.VBN", "rebuilt": "VERB.VBN"}),
    ("Workers were repairing the road.", {"were": "BE.VBD", "repairing": "VERB.VBG"}),
    ("The team will reopen the school.", {"will": "MODAL", "reopen": "VERB.VB"}),
    # participle before a noun is an adjective
    ("The flooded fields dried slowly.", {"flooded": "ADJ", "dried": "VERB.VBD"}),
    # noun/verb ambiguity: determiners make nouns, agreement finds the verb
    ("The floods follow warnings.", {"floods": "NOUN", "follow": "VERB.VBP", "warnings": "NOUN"}),
    ("Local groups say the water rose.", {"say": "VERB.VBP"}),
    ("The market report appeared late.", {"report": "NOUN"}),
    ("He says he will return.", {"says": "VERB.VBZ"}),
    # ", said" after an apposition is a past tense, not a participle
    ("Ruiz, the mayor, said the dam held.", {"said": "VERB.VBD", "held": "VERB.VBD"}),
    # a gerund after modifiers is a noun; before an object a participle
    ("Residents fled after days of heavy shelling.", {"shelling": "NOUN.VBG"}),
    ("Rain falling on the hills caused slides.", {"falling": "VERB.VBG"}),
    # capitalised words inside a sentence are names
    ("The convoy reached Mill Creek.", {"Mill": "PROPN", "Creek": "PROPN"}),
]


@pytest.mark.parametrize(("text", "expected"), TAG_CASES)
def test_tags(text: str, expected: dict[str, str]) -> None:
    got = tags(text)
    for word, tag in expected.items():
        if "." in tag:
            assert got[word] == tag, (word, got)
        else:
            assert got[word].split(".")[0] == tag, (word, got)


# --------------------------------------------------------------------------
# Clauses
# --------------------------------------------------------------------------

CLAUSE_CASES = [
    (
        "Backed by volunteers, the crews cleared the road on Friday, a route which "
        "will let trucks reach the valley.",
        [
            "Backed by volunteers",
            "the crews cleared the road on Friday, a route",
            "which will let trucks reach the valley",
        ],
    ),
    (
        "The council said the bridge was closed.",
        ["The council said", "the bridge was closed"],
    ),
    (
        "Officials said that 30 homes have been damaged.",
        ["Officials said", "that 30 homes have been damaged"],
    ),
    (
        "The storm, which hit the coast in May, destroyed the pier.",
        ["The storm, which hit the coast in May", "destroyed the pier"],
    ),
    # verbless pieces are glued back: lists, appositions, brackets, dashes
    (
        "The Coastal Rescue Service (CRS) sent boats, ropes and pumps.",
        ["The Coastal Rescue Service (CRS) sent boats, ropes and pumps"],
    ),
    (
        "The army has reopened the road \u2013 its main supply route \u2013 since the "
        "rains stopped.",
        ["The army has reopened the road \u2013 its main supply route", "since the rains stopped"],
    ),
    # comparative "as many as" is not a clause cue
    (
        "As many as 200 people were evacuated.",
        ["As many as 200 people were evacuated"],
    ),
    # a semicolon always ends a clause
    ("The dam held; the levee failed.", ["The dam held", "the levee failed"]),
    # subject-less relative clause closed by a second finite verb
    (
        "Storms that have flooded towns are thought to have killed ten people.",
        ["Storms that have flooded towns", "are thought to have killed ten people"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSE_CASES)
def test_split_clauses(text: str, expected: list[str]) -> None:
    assert clause_texts(text) == expected


def test_clause_offsets() -> None:
    text = "Intro line\n\nThe ferry, which sank in 1998, was raised; divers found it."
    for sentence in split_sentences(text):
        for i, clause in enumerate(split_clauses(text, sentence)):
            assert clause.index == i
            assert clause.sentence_index == sentence.index
            assert text[clause.start : clause.end] == clause.text
            assert sentence.start <= clause.start < clause.end <= sentence.end


# --------------------------------------------------------------------------
# Properties: offsets are exact for any input
# --------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("ab .,;:!?\"'\u201c\u201d()\n\t-\u2013MrFeb3U.S") + ["Mr.", " and ", " which ", " said "]
)


@given(st.lists(_ALPHABET, max_size=60).map("".join))
@example("Mr. . . .\n\n\n'' ``")
@example("a.m. 3.5 U.S. ... \u2026")
def test_offsets_are_exact(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end
        for token in tag_tokens(text, sentence):
            assert text[token.start : token.end] == token.text
        clause_end = sentence.start
        for clause in split_clauses(text, sentence):
            assert text[clause.start : clause.end] == clause.text
            assert clause.start >= clause_end
            clause_end = clause.end


# --------------------------------------------------------------------------
# Pathological input: linear time, no hang
# --------------------------------------------------------------------------


def _junk(n: int) -> str:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(n)).decode("utf-8", errors="replace")


@pytest.mark.parametrize(
    "text",
    [
        "." * 100_000,
        " \n\t" * 30_000,
        "Mr. " * 20_000,
        "said " * 20_000,
        "a, " * 30_000,
        _junk(60_000),
    ],
    ids=["dots", "whitespace", "abbreviations", "verbs", "commas", "binary"],
)
def test_pathological_input_is_fast(text: str) -> None:
    t0 = time.perf_counter()
    for sentence in split_sentences(text):
        tokens = tag_tokens(text, sentence)
        split_clauses(text, sentence, tokens)
    assert time.perf_counter() - t0 < 3.0


# --------------------------------------------------------------------------
# Data tables
# --------------------------------------------------------------------------


def test_lexicon_loads_and_casefolds() -> None:
    lex = lexicon()
    assert "mr" in lex.title_abbrevs and "feb" in lex.month_abbrevs
    assert ("VBD", "begin") in lex.verb_forms["began"]
    assert ("VBN", "take") in lex.verb_forms["taken"]
    assert ("VBN", "kidnap") in lex.verb_forms["kidnapped"]
    assert all(k == k.casefold() for k in lex.verb_forms)


def test_malformed_table_names_file_and_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory
) -> None:
    import timeline._data as tables

    bad = tmp_path / "bad.toml"  # type: ignore[operator]
    bad.write_text('[title]\nwords = ["mr", ]]\n', encoding="utf-8")
    monkeypatch.setattr(tables, "resource_path", lambda name: bad)
    _tables.load_table.cache_clear()
    try:
        with pytest.raises(DataTableError, match=r"bad\.toml.*line"):
            _tables.load_table("bad.toml")
    finally:
        _tables.load_table.cache_clear()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            {"title": {"words": ["mr", "Mr"]}},
            r"abbreviations\.toml: \[title\] words row 2: .*repeated",
        ),
        ({"title": {"words": ["mr", 3]}}, r"row 2: 3 is not a word"),
        ({"title": {"words": "mr"}}, r"not a list"),
        ({}, r"\[title\] is missing"),
    ],
)
def test_bad_rows_raise(monkeypatch: pytest.MonkeyPatch, table: dict, message: str) -> None:
    monkeypatch.setattr(_tables, "load_table", lambda name: table)
    with pytest.raises(DataTableError, match=message):
        _tables.word_list("abbreviations.toml", "title")


def test_clauses_cover_a_verbless_headline() -> None:
    text = "War on the coast: floods 'leave 12 dead'"
    (sentence,) = split_sentences(text)
    clauses = split_clauses(text, sentence)
    assert clauses[0].start == 0 and clauses[-1].end == len(text)


def test_sentence_is_frozen() -> None:
    s = Sentence(0, 0, 3, text="abc")
    with pytest.raises(AttributeError):
        s.index = 2  # type: ignore[misc]
    assert Tag.VERB == "VERB"


def test_bad_irregular_row(monkeypatch: pytest.MonkeyPatch) -> None:
    table = {"irregular": {"go": ["went"]}, "regular": {"lemmas": []}, "class": {}}
    monkeypatch.setattr(_verb_forms, "load_table", lambda name: table)
    with pytest.raises(DataTableError, match=r"verbs\.toml: \[irregular\] row 1 \('go'\)"):
        _verb_forms.read_verb_forms("verbs.toml")


def test_bad_value_in_a_mapping(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_tables, "load_table", lambda name: {"be": {"is": "SOMETIME"}})
    with pytest.raises(DataTableError, match=r"auxiliaries\.toml: \[be\] row 1 \('is'\)"):
        _tables.string_map("auxiliaries.toml", "be", TENSE_WORDS)
