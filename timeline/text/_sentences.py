"""Sentences: ``text`` -> ``[Sentence]`` with exact offsets, and their paragraphs.

Takes the raw text; gives its sentences (``split_sentences``: rule based,
linear, run-on sentences cut at ``MAX_SENTENCE_CHARS``) and the paragraph of
each (``paragraphs``: a blank line or a paragraph separator starts one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from timeline.text._lexicon import Lexicon, lexicon
from timeline.text._tables import WORD_RE, fold

__all__ = [
    "ENDERS",
    "MAX_SENTENCE_CHARS",
    "Sentence",
    "paragraphs",
    "sentence_around",
    "split_sentences",
]


@attrs.frozen
class Sentence:
    """A sentence of the text.

    Attributes:
        index: position of the sentence in the text, from 0.
        start: offset of its first character.
        end: offset just past its last character.
        text: ``text[start:end]``, with no surrounding whitespace.
    """

    index: int = attrs.field(validator=attrs.validators.ge(0))
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field(validator=attrs.validators.ge(0))
    text: str = attrs.field(kw_only=True)


_CHUNK_RE = re.compile(r"\S+")
_CLOSERS = "\"'\u201d\u2019)]}\u00bb"
_OPENERS = "\"'\u201c\u2018([{\u00ab`"
ENDERS = ".!?\u2026"
_ACRONYM_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_PARAGRAPH_SEPARATORS = ("\u2029", "\u2028")
# A sentence can end only in a gap (whitespace run) after a chunk ending in
# sentence punctuation or a closer ("said.", "it?'"), or in a gap holding a
# line or paragraph break. This pattern finds those places: a punctuation
# mark before white space (group "punct" set, empty) or a break, that is
# ``(?P<punct>[P])(?=\s)|[B]``, written to start with one character class,
# which the regex engine scans for quickly (about three times faster than
# the alternation); the splitter then judges each such gap instead of every
# gap of the text.
_BREAKS = "\n" + "".join(_PARAGRAPH_SEPARATORS)
_ENDING = re.escape(ENDERS + _CLOSERS)
_CANDIDATE_RE = re.compile(
    rf"[{_ENDING}{_BREAKS}](?:(?<=[{_ENDING}])(?P<punct>)(?=\s)|(?<=[{_BREAKS}]))"
)
_SPACE_RE = re.compile(r"\s*")
_NON_SPACE_RE = re.compile(r"\S*")


def _first_word(chunk: str) -> str:
    match = WORD_RE.search(chunk)
    return match.group(0).casefold() if match else ""


def _ends_sentence(chunk: str, nxt: str, lex: Lexicon) -> bool:
    """Whether *chunk* (a whitespace-free run) ends a sentence before *nxt*."""
    core = chunk.rstrip(_CLOSERS)
    stripped = core.rstrip(ENDERS)
    punct = core[len(stripped) :]
    if not punct:
        return False
    follower = nxt.lstrip(_OPENERS)
    first = follower[:1]
    if first.islower():
        return False
    if "!" in punct or "?" in punct or len(punct) > 1 or punct == "\u2026":
        return True
    word = stripped.lstrip(_OPENERS)
    folded = fold(word)
    capital = word[:1].isupper()
    if folded in lex.title_abbrevs and capital:
        return False
    if folded in lex.month_abbrevs and capital and first.isdigit():
        return False
    abbreviation = (
        folded in lex.other_abbrevs
        or (capital and folded in lex.capital_abbrevs)
        or (capital and folded in lex.month_abbrevs)
        or _ACRONYM_RE.fullmatch(word) is not None
        or (len(word) == 1 and word.isalpha())
    )
    if not abbreviation:
        return True
    if first.isdigit():
        return False
    return _first_word(follower) in lex.sentence_starters


def _paragraph_break(gap: str) -> bool:
    return gap.count("\n") >= 2 or any(sep in gap for sep in _PARAGRAPH_SEPARATORS)


# A longer sentence is cut into pieces of at most this many characters (and at
# least half as many), at the last clause boundary of each window. The news
# sentences we know stay well under it (the longest in the TimeML corpus has
# about 600); it bounds what every later stage does per sentence (clause
# rules, events per sentence, the constraint rules that scan a sentence's
# events), so run-on input of any size stays linear.
MAX_SENTENCE_CHARS = 1_000
# Where to cut, best first: after ";", after a soft separator (or before "("),
# at a space, at a word edge; each followed or preceded by whitespace where
# that keeps tokens whole ("1,000" is not cut).
_CUTS = (
    re.compile(r";(?=\s)"),
    re.compile(r"(?:[,:)\u2013\u2014]|--)(?=\s)|(?<=\s)(?=\()"),
    re.compile(r"(?<=\S)\s"),
    re.compile(r"\b"),
)


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece that starts at *start* of an over-long sentence ending at *end*.

    The offset returned is in ``(start + MAX_SENTENCE_CHARS // 2, start +
    MAX_SENTENCE_CHARS]``, so each piece is long and each search is bounded:
    splitting is linear in the sentence.
    """
    lo, hi = start + MAX_SENTENCE_CHARS // 2 + 1, min(end, start + MAX_SENTENCE_CHARS)
    for cut in _CUTS:
        last = None
        for match in cut.finditer(text, lo, hi):
            last = match
        if last is not None:
            return last.end() if cut is _CUTS[0] or last.group() else last.start()
    return hi  # no boundary at all (one long word): cut it


def _bounded(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` as one sentence, or cut in pieces if it is over-long."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start, end)
        stop = len(text[start:cut].rstrip()) + start
        sentences.append(Sentence(len(sentences), start, stop, text=text[start:stop]))
        start = _SPACE_RE.match(text, cut).end()
    sentences.append(Sentence(len(sentences), start, end, text=text[start:end]))


def split_sentences(text: str) -> list[Sentence]:
    """Split *text* into sentences with exact offsets.

    A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (after any closing
    quotes or brackets) when the next word does not start in lower case and
    the period does not close an abbreviation ("Feb. 5", "Mr. Smith", "U.S.
    officials"); a blank line always ends one, so headlines without final
    punctuation stand alone. Decimals ("3.5") are never split. A run-on
    sentence longer than ``MAX_SENTENCE_CHARS`` is cut into pieces at clause
    boundaries (";", ",", ":", dashes, brackets; else a space), each of at
    least half that length. Linear time.
    """
    lex = lexicon()
    sentences: list[Sentence] = []
    n = len(text)
    # runs are found backwards (where a gap or chunk starts) by matching forwards here
    backwards = text[::-1]
    first = _SPACE_RE.match(text).end()  # where the current sentence starts
    judged = 0  # gaps before this offset are judged already
    for m in _CANDIDATE_RE.finditer(text):
        if m.start() < judged:
            continue  # another line break in a gap judged already
        punct = m["punct"] is not None
        # the gap is text[end:nstart], between the chunks before and after it
        end = m.end() if punct else n - _SPACE_RE.match(backwards, n - m.start()).end()
        nstart = _SPACE_RE.match(text, end).end()
        judged = nstart
        if end == 0 or nstart == n:
            continue  # whitespace before the first chunk or after the last
        if (
            _paragraph_break(text[end:nstart])
            or (
                punct  # else the chunk does not end in punctuation: no sentence end
                and _ends_sentence(
                    text[n - _CHUNK_RE.match(backwards, n - end).end() : end],
                    text[nstart : _CHUNK_RE.match(text, nstart).end()],
                    lex,
                )
            )
        ):
            _bounded(sentences, text, first, end)
            first = nstart
    if first < n:
        _bounded(sentences, text, first, len(text.rstrip()))
    return sentences


def paragraphs(text: str, sentences: Sequence[Sentence]) -> list[int]:
    """The paragraph of each sentence of *text*, numbered from 0 in text order.

    A new paragraph starts after a gap holding a blank line or a paragraph
    separator (the gaps that always end a sentence in ``split_sentences``).
    """
    out: list[int] = []
    paragraph = 0
    for i, sentence in enumerate(sentences):
        if i and _paragraph_break(text[sentences[i - 1].end : sentence.start]):
            paragraph += 1
        out.append(paragraph)
    return out


# --------------------------------------------------------------------------
# One sentence, found from a window around an offset
# --------------------------------------------------------------------------

# How far around the offset the window reaches: past any sentence piece
# (MAX_SENTENCE_CHARS) on both sides, so a sentence end found in it is the
# end the whole split finds.
_WINDOW = 2 * MAX_SENTENCE_CHARS
_FIRST_WINDOW = 250  # tried first: most sentences start within it
_CHUNK_CAP = 200  # a longer run without spaces: the window cannot judge it


class _Undecided(Exception):
    """The window cannot tell where the sentence lies (a giant run or sentence)."""


def _back_over(text: str, i: int, floor: int, space: bool) -> int:
    """Step back from ``i`` over spaces (or non-spaces), to no further than ``floor``
    (by str.rstrip and one regex on the reversed run, not character by character)."""
    if i <= floor or text[i - 1].isspace() is not space:
        return i
    piece = text[floor:i]
    if space:
        return floor + len(piece.rstrip())
    return i - _NON_SPACE_RE.match(piece[::-1]).end()  # type: ignore[union-attr]


def _boundary(text: str, m: re.Match[str], lo: int, hi: int, floor: int) -> tuple[int, int, bool]:
    """The gap of candidate ``m`` (its ``end`` and ``nstart``) and whether a sentence
    ends in it, judged as ``split_sentences(text[lo:hi])`` judges it."""
    punct = m["punct"] is not None
    end = m.end() if punct else _back_over(text, m.start(), floor, True)
    if end == floor and floor > lo:
        raise _Undecided
    nstart = _SPACE_RE.match(text, end, hi).end()
    if end == lo or nstart == hi:
        return end, nstart, False  # white space before the first chunk or after the last
    if _paragraph_break(text[end:nstart]):
        return end, nstart, True
    if not punct:
        return end, nstart, False
    before = _back_over(text, end, max(lo, end - _CHUNK_CAP), False)
    after = _CHUNK_RE.match(text, nstart, min(hi, nstart + _CHUNK_CAP)).end()
    if (before == end - _CHUNK_CAP and before > lo) or (after == nstart + _CHUNK_CAP):
        raise _Undecided
    return end, nstart, _ends_sentence(text[before:end], text[nstart:after], lexicon())


def sentence_around(text: str, offset: int, lo: int = 0, hi: int | None = None) -> Sentence | None:
    """The sentence of ``split_sentences(text[lo:hi])`` holding ``offset``, with
    offsets in ``text``, read from a window of the text around ``offset`` only.

    ``lo`` and ``hi`` bound a paragraph (or the whole text).  Returns None when
    ``offset`` lies between sentences; raises ``LookupError`` when the window
    cannot tell (a run of thousands of characters without a sentence end or a
    space): the caller then splits the paragraph.  The sentence's ``index`` is
    0, its position being unknown from a window.
    """
    hi = len(text) if hi is None else hi
    try:
        try:  # a news sentence is short: a narrow window back finds its start
            start = _sentence_start(text, offset, lo, hi, _FIRST_WINDOW)
        except _Undecided:
            start = _sentence_start(text, offset, lo, hi, _WINDOW)
        if start > offset:
            return None
        end = _sentence_end(text, offset, lo, hi, start)
    except _Undecided:
        raise LookupError("no sentence end near the offset") from None
    if offset >= end:
        return None
    if end - start <= MAX_SENTENCE_CHARS:
        return Sentence(0, start, end, text=text[start:end])  # one piece: what _bounded gives
    pieces: list[Sentence] = []
    _bounded(pieces, text, start, end)
    for piece in pieces:
        if piece.start <= offset < piece.end:
            return Sentence(0, piece.start, piece.end, text=piece.text)
    return None  # in the white space between two pieces


def _sentence_start(text: str, offset: int, lo: int, hi: int, window: int) -> int:
    """Where the sentence holding ``offset`` starts, judged from ``window`` characters
    before it; raises ``_Undecided`` when no sentence end is found in them.

    Each gap is judged from its own neighbourhood, never from the window's
    floor (a gap the floor cuts is undecided), so a start found in a narrow
    window is the start a wider one finds. The gaps are judged from the last
    back, so only the gaps after the last sentence end are judged: the one
    that decides is the last that ends a sentence or cannot be judged.
    """
    floor = max(lo, offset - window)
    # up to offset + 1, so that the look-ahead sees a gap starting at offset
    found = [
        m for m in _CANDIDATE_RE.finditer(text, floor, min(hi, offset + 1)) if m.start() < offset
    ]
    i = len(found) - 1
    while i >= 0:
        # a gap is judged by its first candidate (a break after the first in
        # a run of white space belongs to the same gap)
        gap_end = _SPACE_RE.match(text, found[i].end(), hi).end()
        while i > 0 and _SPACE_RE.match(text, found[i - 1].end(), hi).end() == gap_end:
            i -= 1
        try:
            _end, nstart, ends = _boundary(text, found[i], lo, hi, floor)
        except _Undecided:  # a gap cut by the window's floor: no start found after it
            break
        if ends:
            return nstart
        i -= 1
    if floor > lo:
        raise _Undecided
    return _SPACE_RE.match(text, lo, hi).end()


def _sentence_end(text: str, offset: int, lo: int, hi: int, start: int) -> int:
    """Where the sentence holding ``offset`` (which starts at ``start``) ends: the
    first sentence end after ``offset`` within ``_WINDOW``; else ``_Undecided``."""
    ceiling = min(hi, offset + _WINDOW)
    judged = offset
    for m in _CANDIDATE_RE.finditer(text, offset, ceiling):
        if m.start() < judged:
            continue
        gap_end, nstart, ends = _boundary(text, m, lo, hi, lo)
        judged = nstart
        if ends:
            return gap_end
    if ceiling < hi:
        raise _Undecided
    return _back_over(text, hi, start, True)
