"""Rule 4: reported speech, and the phrase look-ups of sentence context.

Takes one sentence's tagged words, its clause token ranges and each
clause's drafts (rules 1-3); marks the drafts reported by a reporting verb
of the same sentence ("officials said the town fell", "the town fell,
officials said", '"...," said the mayor'), by a reporting or modal noun
("claims that ...", "fears that ...") or by "according to", and links them
to the reporting event. Also gives ``starts_with`` for clause openers.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from timeline.events._draft import CONJ_PUNCT, Draft, plain_draft
from timeline.events._lexicon import EventLexicon
from timeline.events._model import EventClass, Pos, Status, Tense
from timeline.text import Tag, TokenLike

__all__ = ["reported_clauses", "starts_with"]


def starts_with(
    toks: Sequence[TokenLike], lo: int, hi: int, phrases: frozenset[tuple[str, ...]]
) -> bool:
    """Whether ``toks[lo:hi]`` opens, past conjunctions and punctuation, with one of *phrases*."""
    j = lo
    while j < hi and toks[j].tag in CONJ_PUNCT:
        j += 1
    return _phrase_at(toks, j, phrases)


def _contains(
    toks: Sequence[TokenLike], lo: int, hi: int, phrases: frozenset[tuple[str, ...]]
) -> bool:
    firsts = _by_first_word(phrases)
    for j in range(lo, hi):
        if toks[j].norm in firsts and _phrase_at(toks, j, phrases):
            return True
    return False


@functools.lru_cache(maxsize=16)  # keys: the few phrase sets of the event lexicon
def _by_first_word(phrases: frozenset[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return out


def _phrase_at(toks: Sequence[TokenLike], j: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether one of *phrases* (tuples of words) starts at token *j*; it may run past the clause."""
    if j >= len(toks):
        return False
    return any(
        tuple(t.norm for t in toks[j : j + len(p)]) == p
        for p in _by_first_word(phrases).get(toks[j].norm, ())
    )


def reported_clauses(
    toks: Sequence[TokenLike],
    ranges: list[tuple[int, int]],
    per_clause: list[list[Draft]],
    elex: EventLexicon,
) -> None:
    """Rule 4: mark events reported by a reporting verb in the same sentence.

    "It said the victory came after ...": clauses after one that ends in a
    reporting verb are its complement. "The town fell, officials said": a
    short final clause with a reporting verb covers the clauses before it.
    "according to" marks the whole sentence.
    """
    _complement_clauses(toks, ranges, per_clause, elex)
    _clauses_before_a_reporter(toks, ranges, per_clause)
    if ranges and _contains(toks, ranges[0][0], ranges[-1][1], elex.reported_phrases):
        _according_to(toks, ranges, per_clause, elex)


def _complement_clauses(
    toks: Sequence[TokenLike],
    ranges: list[tuple[int, int]],
    per_clause: list[list[Draft]],
    elex: EventLexicon,
) -> None:
    """Clauses after a reporting verb ("said the town fell") or noun ("claims that ...")."""
    reporter: Draft | None = None
    noun_status: Status | None = None  # set by "claims that", "fears that"
    for ci, (lo, hi) in enumerate(ranges):
        drafts = per_clause[ci]
        if ci > 0 and toks[lo].norm == "that":
            noun_status = _complement_noun_status(toks, ranges[ci - 1], elex) or noun_status
        if reporter is not None:
            for d in drafts:
                if d.governor is None:
                    d.governor = reporter
                d.reported = True
        elif noun_status is not None:
            for d in drafts:
                d.reported = d.reported or noun_status is Status.REPORTED
                d.hypothetical = d.hypothetical or noun_status is Status.HYPOTHETICAL
        verbs = [d for d in drafts if d.pos is Pos.VERB and not d.copula]
        if verbs and verbs[-1].event_class is EventClass.REPORTING:
            last = verbs[-1]
            rest = [t for t in toks[last.last + 1 : hi] if t.tag is not Tag.PUNCT]
            if len(rest) <= 1 or (ci + 1 < len(ranges) and reporter is None):
                reporter = last


def _clauses_before_a_reporter(
    toks: Sequence[TokenLike], ranges: list[tuple[int, int]], per_clause: list[list[Draft]]
) -> None:
    """Clauses before the first trailing reporter ("the town fell, officials said")."""
    for ci in range(1, len(ranges)):
        source = _trailing_reporter(toks, ranges, per_clause, ci)
        if source is None:
            continue
        for drafts in per_clause[:ci]:
            for d in drafts:
                if d.governor is None and d is not source:
                    d.governor = source
                d.reported = True
        return


def _according_to(
    toks: Sequence[TokenLike],
    ranges: list[tuple[int, int]],
    per_clause: list[list[Draft]],
    elex: EventLexicon,
) -> None:
    """Every event of a sentence with "according to", governed by "according"."""
    source = _attribution(toks, ranges, per_clause, elex)
    for drafts in per_clause:
        for d in drafts:
            if d is not source:
                d.reported = True
                if source is not None and d.governor is None:
                    d.governor = source


def _complement_noun_status(
    toks: Sequence[TokenLike], previous: tuple[int, int], elex: EventLexicon
) -> Status | None:
    """Status given by a noun ending the previous clause: "claims" | "that ..."."""
    lo, hi = previous
    j = hi - 1
    while j >= lo and toks[j].tag is Tag.PUNCT:
        j -= 1
    if j < lo or toks[j].tag is not Tag.NOUN:
        return None
    return elex.complement_nouns.get(toks[j].norm)


def _trailing_reporter(
    toks: Sequence[TokenLike],
    ranges: list[tuple[int, int]],
    per_clause: list[list[Draft]],
    ci: int,
) -> Draft | None:
    """The reporting verb of clause *ci* when it attributes the clauses before it.

    Either a short clause "officials said" closing the sentence, or a clause
    opening with the reporting verb: '"We will stay," said the mayor, who ...'.
    """
    lo, hi = ranges[ci]
    drafts = per_clause[ci]
    verbs = [d for d in drafts if d.pos is Pos.VERB and not d.copula]
    if not verbs or any(d.reported for d in drafts):
        return None
    first = verbs[0]
    if first.event_class is not EventClass.REPORTING or first.tense is Tense.NONE:
        return None
    opens = all(toks[j].tag is Tag.PUNCT for j in range(lo, first.first))
    closes = ci == len(ranges) - 1 and len(verbs) == 1 and hi - lo <= 8
    return first if opens or closes else None


def _attribution(
    toks: Sequence[TokenLike],
    ranges: list[tuple[int, int]],
    per_clause: list[list[Draft]],
    elex: EventLexicon,
) -> Draft | None:
    """The REPORTING event of "according to" (TimeML annotates "according")."""
    for ci, (lo, hi) in enumerate(ranges):
        for k in range(lo, hi):
            if _phrase_at(toks, k, elex.reporting_phrases):
                draft = plain_draft(k, k, ci, toks[k].norm, EventClass.REPORTING, Pos.VERB)
                per_clause[ci].append(draft)
                per_clause[ci].sort(key=lambda d: d.trigger)
                return draft
    return None
