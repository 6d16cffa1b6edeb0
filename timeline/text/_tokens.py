"""Tokens: a span of text -> words and punctuation marks with exact offsets.

Takes the text and a span of it (a sentence); gives untagged tokens
(``tokenize``), contractions split off their host as in the Penn Treebank
("don't" -> "do" + "n't"). ``raw_words`` gives the same as light named tuples,
what the word tagger reads; ``TaggedWord`` is what it gives back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import repeat
from typing import NamedTuple

import attrs

from timeline.text._lexicon import lexicon
from timeline.text._tables import fold
from timeline.text._tagset import Tag

__all__ = ["RawWord", "TaggedWord", "Token", "TokenLike", "raw_words", "tokenize"]


@attrs.frozen
class Token:
    """A word or punctuation mark.

    Attributes:
        start: offset of its first character.
        end: offset just past its last character.
        text: ``text[start:end]``.
        norm: casefolded text with the typographic apostrophe folded to "'".
        tag: coarse part of speech, or None before tagging.
        form: for verbs and auxiliaries the Penn-style form: VB (base, after
            "to", a modal or "do"), VBP (finite present, not third person),
            VBZ (finite present, third person), VBD (past), VBN (participle),
            VBG (-ing); "" otherwise. A noun with a verb reading keeps it
            ("attacks": NOUN, VBZ); a gerund used as a noun is NOUN, VBG.
        lemma: dictionary form for verbs ("taken" -> "take"); else ``norm``.
    """

    start: int
    end: int
    text: str
    norm: str = attrs.field(kw_only=True)
    tag: Tag | None = attrs.field(default=None, kw_only=True)
    form: str = attrs.field(default="", kw_only=True)
    lemma: str = attrs.field(default="", kw_only=True)


_TOKEN_RE = re.compile(
    r"""
      (?:[^\W\d_]\.){2,}                # dotted acronyms: U.S. a.m.
    | \d+(?:[.,:/]\d+)*                 # numbers: 3.5 1,000 10:30
    | [^\W_]+(?:[-'\u2019][^\W_]+)*     # words, hyphenated words, contractions
    | ``|''|--|\.{2,}                   # multi-character punctuation
    | \S                                # any other character
    """,
    re.VERBOSE,
)


def _split_clitic(word: str, norm: str, clitics: tuple[str, ...], fused: Mapping[str, int]) -> int:
    """Length of the host when *word* ends in a contraction suffix, else 0."""
    if norm in fused:
        return fused[norm]  # "cannot" -> "can" + "not"
    if "'" not in norm:
        return 0
    for suffix in clitics:
        if norm.endswith(suffix) and len(norm) > len(suffix):
            return len(word) - len(suffix)
    return 0


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into untagged tokens with offsets into *text*.

    Contractions are split off their host ("don't" -> "do" + "n't"; "it's" ->
    "it" + "'s"), as in the Penn Treebank convention.
    """
    end = len(text) if end is None else end
    return [Token(w.start, w.end, w.text, norm=w.norm) for w in raw_words(text, start, end)]


class RawWord(NamedTuple):
    """A token before tagging: what the tagger reads (a Token is built once, tagged)."""

    start: int
    end: int
    text: str
    norm: str


def raw_words(text: str, start: int, end: int) -> list[RawWord]:
    """The words of ``text[start:end]``, as ``tokenize`` splits them."""
    fused = lexicon().fused
    matches = list(_TOKEN_RE.finditer(text, start, end))  # no look-behind: as on the slice
    words = list(map(_GROUP, matches))
    # casefolding works character by character, so a word's norm is its own fold
    curly = text.find("\u2019", start, end) >= 0  # folded to "'"
    norms = list(map(fold if curly else str.casefold, words))
    if curly or text.find("'", start, end) >= 0 or not fused.keys().isdisjoint(norms):
        return _split_contractions(matches, words, norms)
    # no word to split (most sentences): the tuples are built in C, not word by
    # word in Python (tuple.__new__, as RawWord._make is Python code)
    fields = zip(map(_START, matches), map(_END, matches), words, norms, strict=True)
    return list(map(tuple.__new__, repeat(RawWord), fields))


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


def _split_contractions(
    matches: list[re.Match[str]], words: list[str], norms: list[str]
) -> list[RawWord]:
    """The raw words of the matches, a contraction split off its host."""
    lex = lexicon()
    clitics, fused = lex.clitics, lex.fused
    new, cls = tuple.__new__, RawWord
    out: list[RawWord] = []
    append = out.append
    for m, word, norm in zip(matches, words, norms, strict=True):
        first, last = m.span()
        # only a word with an apostrophe or a fused form ("cannot") can split
        host = _split_clitic(word, norm, clitics, fused) if "'" in norm or norm in fused else 0
        if host:
            append(new(cls, (first, first + host, word[:host], norm[:host])))
            append(new(cls, (first + host, last, word[host:], norm[host:])))
        else:
            append(new(cls, (first, last, word, norm)))
    return out


class TaggedWord(NamedTuple):
    """A tagged token as a named tuple: the fields of Token, for the library's own use.

    ``find_events`` and ``split_clauses`` read only these fields, and a
    frozen attrs Token costs about three times as much to build, so the
    pipeline works on these; ``tag_tokens`` returns them as Tokens.
    """

    start: int
    end: int
    text: str
    norm: str
    tag: Tag
    form: str
    lemma: str


# What split_clauses and the event rules accept: tag_tokens or tag_words output.
TokenLike = Token | TaggedWord
