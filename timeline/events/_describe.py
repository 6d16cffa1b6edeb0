"""Descriptions: each event's clause trimmed for reading at a glance.

Takes a sentence's tagged words, a draft and the token range of its clause;
gives the clause cut to subject + verb group + object, about twelve words,
"…" where cut. A finite clause without a subject borrows the first words of
the sentence's opening noun phrase (``Opening``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from timeline.events._draft import CONJ_PUNCT, Draft
from timeline.events._model import Pos, Tense
from timeline.text import Tag, TokenLike
from timeline.text._verb_groups import AUX_TAGS

__all__ = ["Opening", "describe", "span"]

_MAX_WORDS = 12
_SUBJECT_WORDS = 6
_SUBJECT_KEEP = 4
_SUBJECT_TOKENS = 12  # at most this many tokens of the opening noun phrase (words and marks)
_ELLIPSIS = "\u2026"
_FRONTED = frozenset({Tag.PREP, Tag.TO, Tag.ADV, Tag.SUB})
_SUBJECT_STARTS = frozenset({Tag.DET, Tag.POSS, Tag.NOUN, Tag.PROPN, Tag.PRON, Tag.ADJ, Tag.NUM})
_SUBJECT_STOPS = frozenset({Tag.VERB, Tag.REL, Tag.SUB})
_TRAILING_MARKS = (",", ";", ":", "(", "\u2013", "\u2014")


def _is_word(tok: TokenLike) -> bool:
    return tok.norm[:1].isalnum()


def span(text: str, toks: Sequence[TokenLike], a: int, b: int) -> str:
    """The text of tokens *a* to *b* (inclusive), whitespace runs folded to one space."""
    return " ".join(text[toks[a].start : toks[b].end].split())


def _fronted_links(toks: Sequence[TokenLike], first: int, stop: int) -> Iterator[tuple[int, int]]:
    """Walk fronted adverbials up to their comma: "But to the east, in May, reports ...".

    Yields, per link, its first word past conjunctions and punctuation and the
    comma ending its adverbial (*stop* when the link is not an adverbial);
    ends at the first link that is not one, or whose comma is last.
    """
    while True:
        j = first
        while j < stop and toks[j].tag in CONJ_PUNCT:
            j += 1
        if j >= stop or toks[j].tag not in _FRONTED:
            yield j, stop
            return
        comma = j
        while comma < stop and toks[comma].norm != ",":
            comma += 1
        yield j, comma
        if comma >= stop - 1:
            return
        first = comma + 1


def _skip_fronted(toks: Sequence[TokenLike], first: int, stop: int) -> int:
    """Start of the first link of ``toks[first:stop]`` that is not a fronted adverbial."""
    for _j, comma in _fronted_links(toks, first, stop):
        if comma >= stop - 1:
            break
        first = comma + 1
    return first


def _phrase_end(toks: Sequence[TokenLike], j: int) -> int:
    """Index just past the noun phrase opening at token *j* (at most four words)."""
    words = 0
    end = min(len(toks), j + _SUBJECT_TOKENS)  # "The ' ' ' ...": bound the copy too
    while j < end:
        tag = toks[j].tag
        if toks[j].norm in (",", ";", ":") or tag in _SUBJECT_STOPS or tag in AUX_TAGS:
            break
        if _is_word(toks[j]):
            words += 1
            if words > _SUBJECT_KEEP:
                break
        j += 1
    return j


class Opening:
    """The first words of a sentence's opening noun phrase, for a clause without a subject.

    ``subject(lo)`` is what a walk from the sentence start to the clause at
    token *lo* finds: past fronted adverbials up to their comma ("But to the
    east, in May, reports ..."), then up to four words of the noun phrase.
    The walk is the same for every clause except where it stops, so its
    links are found once per sentence (on first use) and each clause's look-up
    is a binary search: walking again for each clause was quadratic in a
    sentence of many clauses.
    """

    __slots__ = ("_commas", "_firsts", "_ends", "_spans", "text", "toks")

    def __init__(self, text: str, toks: Sequence[TokenLike]) -> None:
        self.text, self.toks = text, toks
        self._firsts: list[int] = []  # per link: its first word past conjunctions and punctuation
        self._commas: list[int] = []  # per link: the comma ending its adverbial (n: none, or last)
        self._ends: dict[int, int] = {}  # link -> where its noun phrase scan stops
        self._spans: dict[tuple[int, int], tuple[str, int]] = {}

    def subject(self, lo: int) -> tuple[str, int]:
        """The opening noun phrase seen from the clause starting at token *lo*, and its words.

        ("", 0) if there is none.
        """
        if not self._firsts:
            for j, comma in _fronted_links(self.toks, 0, len(self.toks)):
                self._firsts.append(j)
                self._commas.append(comma)
        # the walk stops at the first link whose comma is at or past lo - 1
        link = bisect.bisect_left(self._commas, lo - 1)
        first = self._firsts[link]
        if first >= lo or self.toks[first].tag not in _SUBJECT_STARTS:
            return "", 0
        if link not in self._ends:
            self._ends[link] = _phrase_end(self.toks, first)
        stop = min(self._ends[link], lo)
        last = stop - 1 if stop > first else first
        key = (link, last)
        if key not in self._spans:
            words = span(self.text, self.toks, first, last)
            self._spans[key] = words, len(words.split())
        return self._spans[key]


def _subject_start(toks: Sequence[TokenLike], lo: int, d: Draft) -> int:
    """Where the subject before the draft may start: after the previous group, fronted phrases."""
    if d.pos is Pos.NOUN:
        first = d.first
    else:
        first = _skip_fronted(toks, max(lo, d.floor), d.first)
    while first < d.first and toks[first].tag in CONJ_PUNCT:
        first += 1
    return first


def _body_end(toks: Sequence[TokenLike], start: int, hi: int, d: Draft, budget: int) -> int:
    """Index past the last token kept: the verb group, then words up to *budget*."""
    j = start
    words = 0
    while j < hi:
        if toks[j].norm[:1].isalnum():  # _is_word, inline in this loop over the clause
            if words >= budget and j > d.last:
                break
            words += 1
        j += 1
    return j


def describe(
    text: str, toks: Sequence[TokenLike], lo: int, hi: int, d: Draft, opening: Opening
) -> str:
    """The clause ``toks[lo:hi]`` trimmed to subject + verb group + object, about twelve words.

    The subject is what stands between the previous verb group
    (``d.floor``) or the last comma and this group; a long one keeps its
    first words. A finite clause without a subject ("are claimed to have
    killed ...") borrows the first words of the sentence's opening noun phrase.
    """
    first = _subject_start(toks, lo, d)
    pre = [j for j in range(first, d.first) if _is_word(toks[j])]
    parts: list[str] = []
    if len(pre) > _SUBJECT_WORDS:
        parts.append(span(text, toks, first, pre[_SUBJECT_KEEP - 1]) + " " + _ELLIPSIS)
        body_start, used = d.first, _SUBJECT_KEEP
    else:
        body_start, used = first, len(pre)
    if not pre and d.pos is Pos.VERB and d.tense is not Tense.NONE and lo > 0:
        subject, used_by_subject = opening.subject(lo)
        if subject:
            parts.append(subject + " " + _ELLIPSIS)  # "They … have been delayed"
            used = used_by_subject
    stop = _body_end(toks, body_start, hi, d, max(_MAX_WORDS - used, 3))
    end = stop - 1 if stop > body_start else body_start
    while end > d.last and toks[end].norm in _TRAILING_MARKS:
        end -= 1
    parts.append(span(text, toks, body_start, end) + (" " + _ELLIPSIS if stop < hi else ""))
    return " ".join(parts)
