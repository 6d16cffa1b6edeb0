"""Clauses: a tagged sentence -> its clauses (or clause-like stretches), with offsets.

Takes the text, a sentence and its tagged words; gives ``[Clause]``
(``split_clauses``): cut at separators, clause cues, after reporting verbs and
before a second finite auxiliary, then verbless pieces glued back to a
neighbour. ``clause_token_ranges`` maps clauses back to token ranges;
``clause_word_ranges`` gives those ranges alone. Linear.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from timeline.text._lexicon import Lexicon, lexicon
from timeline.text._sentences import ENDERS, Sentence
from timeline.text._tagset import (
    ADJ,
    ADV,
    ALWAYS_FINITE_TAGS,
    BE,
    DET,
    DO,
    FINITE_FORMS,
    HAVE,
    MODAL,
    NEG,
    NOUN,
    NOUN_TAGS,
    NUM,
    POSS,
    PRON,
    PROPN,
    PUNCT,
    VERB,
    Tag,
)
from timeline.text._wordtags import TokenLike, tag_words

__all__ = ["Clause", "clause_token_ranges", "clause_word_ranges", "split_clauses"]


@attrs.frozen
class Clause:
    """A clause (or clause-like stretch) of a sentence.

    Attributes:
        sentence_index: index of the sentence it belongs to.
        index: position of the clause in its sentence, from 0.
        start: offset of its first character in the whole text.
        end: offset just past its last character.
        text: ``text[start:end]``: no surrounding whitespace or separating
            punctuation.
    """

    sentence_index: int = attrs.field(validator=attrs.validators.ge(0))
    index: int = attrs.field(validator=attrs.validators.ge(0))
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field(kw_only=True, validator=attrs.validators.ge(0))
    text: str = attrs.field(kw_only=True)


# tag sets built once (see timeline.text._tagset)
_AUX_TAGS = frozenset({MODAL, BE, HAVE, DO})
_VERBAL_TAGS = _AUX_TAGS | {VERB}  # a piece with one of these is a clause
_SKIPPED_BEFORE_VERB = frozenset({ADV, NEG, PUNCT})
_FINITE_AUX_TAGS = frozenset({BE, HAVE, MODAL})
_COMPLEMENT_STARTS = frozenset({DET, POSS, PRON, NUM, NOUN, PROPN, ADJ})

# (lo, hi, hard): a token range, and whether a hard separator comes before it
_Piece = tuple[int, int, bool]


def split_clauses(
    text: str, sentence: Sentence, tokens: Sequence[TokenLike] | None = None
) -> list[Clause]:
    """Split a sentence into clauses with exact offsets into *text*.

    Cuts at hard separators (";"), soft separators (",", ":", dashes,
    brackets), before clause cues (coordinators, subordinators, relatives:
    "and", "after", "which" ... from ``clauses.toml``), after a reporting verb
    that takes a bare complement ("said the town fell"), and before a second
    finite auxiliary ("raids that have hit towns are claimed"). Pieces with
    no verb are then glued back: to the next piece when it starts with a verb
    (they are its subject), else to the previous one. Linear time.

    Args:
        text: the whole text the sentence came from.
        sentence: a sentence from ``split_sentences(text)``.
        tokens: ``tag_tokens(text, sentence)`` (or ``tag_words``) if already computed.
    """
    toks = tokens if tokens is not None else tag_words(text, sentence)
    clauses: list[Clause] = []
    for lo, hi in clause_word_ranges(toks):
        start, end = toks[lo].start, toks[hi - 1].end
        clauses.append(Clause(sentence.index, len(clauses), start, end=end, text=text[start:end]))
    return clauses


def clause_word_ranges(toks: Sequence[TokenLike]) -> list[tuple[int, int]]:
    """The ``[lo, hi)`` word ranges of the clauses ``split_clauses`` gives for the
    tagged words of a sentence: ``clause_token_ranges`` of them, without
    building the clauses (what the expression tagger's side reading needs)."""
    if len(toks) == 0:
        return []
    lex = lexicon()
    norms = [t.norm for t in toks]
    tags = [t.tag for t in toks]
    ranges = []
    for lo, hi in _glue_verbless(toks, norms, tags, _cut(toks, norms, tags, lex), lex):
        while hi - lo > 1 and tags[hi - 1] is PUNCT and norms[hi - 1][:1] in ENDERS:
            hi -= 1
        ranges.append((lo, hi))
    return ranges


def _cut(
    toks: Sequence[TokenLike], norms: list[str], tags: list[Tag | None], lex: Lexicon
) -> list[_Piece]:
    """Step 1: cut the sentence into pieces; separators are left out of them."""
    hard_separators, separators = lex.hard_separators, lex.separators
    cues_single = lex.cues_single
    cue_lengths, not_cue_lengths = lex.cue_lengths, lex.not_cue_lengths
    pieces: list[_Piece] = []
    lo = 0
    hard_before = False
    has_finite = False
    protected = 0  # no cut before this token index (inside "as many as")
    for k, tok in enumerate(toks):
        norm = norms[k]
        if norm in not_cue_lengths:
            protected = max(protected, k + _not_cue_at(norms, k, lex))
        if norm in separators:  # hard or soft
            if k > lo:
                pieces.append((lo, k, hard_before))
            hard_before = norm in hard_separators
            lo = k + 1
            has_finite = False
            continue
        tag = tags[k]
        # (the membership tests only skip calls that would return 0 / False)
        cut_before = k > lo and (
            (k >= protected and norm in cue_lengths and _cue_at(toks, norms, k, lex) > 0)
            or (tag in _FINITE_AUX_TAGS and _second_finite_split(toks, k, has_finite))
        )
        if cut_before:
            pieces.append((lo, k, hard_before))
            hard_before = False
            lo = k
            has_finite = False
        if tag in ALWAYS_FINITE_TAGS or (tag in _VERBAL_TAGS and tok.form in FINITE_FORMS):
            has_finite = True
        elif norm in cues_single:
            has_finite = False  # "amid arguments over which groups are represented"
        if tag is VERB and _reporting_split(toks, k, lex):
            pieces.append((lo, k + 1, hard_before))
            hard_before = False
            lo = k + 1
            has_finite = False
    if lo < len(toks):
        pieces.append((lo, len(toks), hard_before))
    return pieces


def _glue_verbless(
    toks: Sequence[TokenLike],
    norms: list[str],
    tags: list[Tag | None],
    pieces: list[_Piece],
    lex: Lexicon,
) -> list[list[int]]:
    """Step 2: glue each run of verbless pieces to a neighbour; gives [lo, hi] token ranges."""
    groups: list[list[int]] = []
    pending: list[int] | None = None  # verbless run waiting for a home
    pending_pieces = 0
    for lo, hi, hard in pieces:
        if hard and pending is not None:
            _close_pending(groups, pending, norms, lex)
            pending = None
        if _VERBAL_TAGS.isdisjoint(tags[lo:hi]):
            if pending is None:
                pending = [lo, hi]
                pending_pieces = 1
            else:
                pending[1] = hi
                pending_pieces += 1
            continue
        if pending is not None:
            if _starts_with_verb(toks, lo, hi):
                lo = pending[0]
            elif groups and not _hard_between(norms, groups[-1][1], pending[0], lex):
                groups[-1][1] = pending[1]
            elif norms[lo] in lex.cues_single and pending_pieces > 1:
                # "To the west, the capture of X, along with Y" | "which was ..."; a
                # single phrase is the antecedent: "Storms that have flooded towns"
                groups.append(pending)
            else:
                lo = pending[0]
            pending = None
        groups.append([lo, hi])
    if pending is not None:
        _close_pending(groups, pending, norms, lex)
    return groups


def _close_pending(
    groups: list[list[int]], pending: list[int], norms: list[str], lex: Lexicon
) -> None:
    """A verbless run with no verbal piece after it: glued to the previous group
    unless a hard separator lies between, else a group of its own."""
    if groups and not _hard_between(norms, groups[-1][1], pending[0], lex):
        groups[-1][1] = pending[1]
    else:
        groups.append(pending)


def _hard_between(norms: list[str], hi: int, lo: int, lex: Lexicon) -> bool:
    return not lex.hard_separators.isdisjoint(norms[hi:lo])


def _starts_with_verb(tokens: Sequence[TokenLike], lo: int, hi: int) -> bool:
    for k in range(lo, min(hi, lo + 4)):
        tag = tokens[k].tag
        if tag in _SKIPPED_BEFORE_VERB:
            continue
        return tag in _AUX_TAGS or (tag is VERB and tokens[k].form in FINITE_FORMS)
    return False


def _cue_at(tokens: Sequence[TokenLike], norms: list[str], k: int, lex: Lexicon) -> int:
    """Length in tokens of the clause cue starting at *k*, or 0.

    *norms* are the tokens' ``norm``; only the lengths of the cues that start
    with word *k* are tried, longest first.
    """
    lengths = lex.cue_lengths.get(norms[k])
    if lengths is None or tokens[k].tag is DET:  # "over which groups": no relative clause
        return 0
    for length in lengths:
        if k + length <= len(norms) and tuple(norms[k : k + length]) in lex.cues:
            return length
    return 0


def _not_cue_at(norms: list[str], k: int, lex: Lexicon) -> int:
    """Length in tokens of a fixed non-cue phrase ("as many as") starting at *k*, or 0."""
    for length in lex.not_cue_lengths.get(norms[k], ()):
        if k + length <= len(norms) and tuple(norms[k : k + length]) in lex.not_cues:
            return length
    return 0


def _reporting_split(tokens: Sequence[TokenLike], k: int, lex: Lexicon) -> bool:
    """Whether a complement clause starts right after token *k* (a reporting verb)."""
    tok = tokens[k]
    if tok.tag is not VERB or tok.lemma not in lex.reporting or k + 1 >= len(tokens):
        return False
    return tokens[k + 1].tag in _COMPLEMENT_STARTS


def _second_finite_split(tokens: Sequence[TokenLike], k: int, piece_has_finite: bool) -> bool:
    """A finite auxiliary after a noun when the piece already has a finite verb.

    "raids that have bolstered the regime are claimed": the relative clause
    ends before "are".
    """
    tok = tokens[k]
    if not piece_has_finite or tok.tag not in _FINITE_AUX_TAGS:
        return False
    if tok.tag is not MODAL and tok.form not in FINITE_FORMS:
        return False
    return k > 0 and tokens[k - 1].tag in NOUN_TAGS


def clause_token_ranges(
    tokens: Sequence[TokenLike], clauses: Sequence[Clause]
) -> list[tuple[int, int]]:
    """For each clause, the ``[lo, hi)`` range of *tokens* inside it (one sweep)."""
    ranges: list[tuple[int, int]] = []
    k = 0
    n = len(tokens)
    for clause in clauses:
        while k < n and tokens[k].start < clause.start:
            k += 1
        lo = k
        while k < n and tokens[k].end <= clause.end:
            k += 1
        ranges.append((lo, k))
    return ranges
