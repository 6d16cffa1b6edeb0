"""Rule 3: nominal events, event nouns a timeline can place.

Takes one clause's tagged words and its verb drafts (rules 1-2); gives a
``Draft`` for each listed event noun or gerund heading a noun phrase with a
temporal signal ("after three days of bombing", "the fall of the town",
"the talks on Monday", "the talks are due to begin"), or for every listed
noun when asked for all of them (TimeML practice).
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.events._draft import Draft, plain_draft
from timeline.events._lexicon import EventLexicon
from timeline.events._model import EventClass, Pos
from timeline.text import Lexicon, Tag, TokenLike

__all__ = ["nominal_events"]

_NOMINAL_HEADS = frozenset({Tag.NOUN, Tag.ADJ})
_NP_INNER = frozenset({Tag.DET, Tag.POSS, Tag.ADJ, Tag.NUM, Tag.NOUN, Tag.PROPN})
_OF_OBJECT_STARTS = frozenset({Tag.PROPN, Tag.DET, Tag.NOUN, Tag.NUM, Tag.ADJ, Tag.POSS})
_BEFORE_TIME_WORD = frozenset({Tag.PREP, Tag.DET, Tag.ADJ, Tag.NUM})
_SUBJECT_INNER = frozenset({Tag.PREP, Tag.PROPN, Tag.NOUN, Tag.DET, Tag.ADJ})


def _noun_entry(tok: TokenLike, elex: EventLexicon) -> tuple[str, EventClass] | None:
    entry = elex.nouns.get(tok.norm)
    if entry is not None:
        return entry
    if tok.form == "VBG" and tok.tag is Tag.NOUN:
        return tok.lemma, elex.verb_class.get(tok.lemma, EventClass.OCCURRENCE)
    return None


_QUOTES = frozenset({'"', "``", "\u201c", "'", "\u2018"})


def _time_word(tok: TokenLike, lex: Lexicon) -> bool:
    """A time noun ("week", "Monday") or a year ("1998")."""
    if tok.tag is Tag.NUM:
        return len(tok.norm) == 4 and tok.norm.isdigit()
    if tok.tag not in (Tag.NOUN, Tag.PROPN, Tag.ADV, Tag.ADJ):
        return False
    # A compound of a time word: "third-quarter loss", "year-ago results".
    return tok.norm in lex.time_words or ("-" in tok.norm and any(
        part in lex.time_words for part in tok.norm.split("-")))


def _phrase_start(toks: Sequence[TokenLike], k: int, lo: int) -> int:
    """Start of the noun phrase headed by token *k* (bounded walk to the left).

    Opening quotes and coordinated modifiers ("Russian and Syrian raids") are
    inside the phrase.
    """
    j = k
    steps = 0
    while j - 1 >= lo and steps < 8:
        prev = toks[j - 1]
        if prev.tag in _NP_INNER or prev.norm in _QUOTES:
            j -= 1
        elif prev.norm == "." and j - 2 >= lo and toks[j - 2].end == prev.start and toks[j - 2].tag in (
                Tag.PROPN, Tag.NOUN):
            j -= 1  # an abbreviation's dot: "the Oct. 23 slaying"
        elif (
            prev.tag is Tag.CONJ
            and j - 2 >= lo
            and toks[j - 2].tag in (Tag.ADJ, Tag.PROPN)
            and toks[j].tag in (Tag.ADJ, Tag.PROPN)
        ):
            j -= 1
        else:
            break
        steps += 1
    while j < k and toks[j].norm in _QUOTES:
        j += 1
    return j


def _head_entry(
    toks: Sequence[TokenLike], k: int, hi: int, elex: EventLexicon
) -> tuple[str, EventClass] | None:
    """The (lemma, class) of token *k* if it can head an event noun phrase, else None."""
    tok = toks[k]
    if tok.tag not in _NOMINAL_HEADS or (tok.tag is Tag.ADJ and tok.norm not in elex.nouns):
        return None  # table nouns shaped like adjectives count: "proposal", "trial"
    entry = _noun_entry(tok, elex)
    if entry is None:
        return None
    if (
        k + 1 < hi
        and toks[k + 1].tag in (Tag.NOUN, Tag.PROPN)
        and not toks[k + 1].text[:1].isupper()
    ):
        return None  # a modifier: "bombing raids"
    return entry


def _signal_before(
    toks: Sequence[TokenLike], start: int, k: int, lo: int, lex: Lexicon, elex: EventLexicon
) -> bool:
    """A signal word before the phrase, a time word inside it, or "<time unit> of" before it."""
    b = start - 1
    while b >= lo and toks[b].norm in _QUOTES:
        b -= 1
    before = toks[b] if b >= lo else None
    if before is not None and before.norm in elex.signals:
        return True
    if any(_time_word(toks[m], lex) for m in range(start, k)):
        return True  # "Monday's decision", "the 1998 election"
    return (
        before is not None
        and before.norm == "of"
        and b - 1 >= lo
        and toks[b - 1].norm in lex.time_words
    )


def _signal_after(toks: Sequence[TokenLike], start: int, k: int, hi: int, lex: Lexicon) -> bool:
    """ "the X of Y" ("the fall of the town"), or a time word just after ("talks on Monday")."""
    follow = k + 1
    if (
        toks[start].tag is Tag.DET
        and follow + 1 < hi
        and toks[follow].norm == "of"
        and toks[follow + 1].tag in _OF_OBJECT_STARTS
    ):
        return True
    for m in range(follow, min(hi, follow + 3)):
        if _time_word(toks[m], lex):
            return True
        if toks[m].tag not in _BEFORE_TIME_WORD:
            return False
    return False


def _predicate(
    toks: Sequence[TokenLike], k: int, verb: Draft | None, lex: Lexicon, elex: EventLexicon
) -> Draft | None:
    """The verb group *verb* after noun *k* when the noun is its subject and it marks
    an event: an event predicate ("the attack came") or a planning cue ("are due to")."""
    if verb is None or verb.first - k > 5:
        return None
    if not all(toks[m].tag in _SUBJECT_INNER for m in range(k + 1, verb.first)):
        return None
    if verb.lemma in elex.predicates or (
        verb.modality is not None and verb.modality not in lex.modals
    ):
        return verb
    return None


def _noun_draft(
    k: int, start: int, entry: tuple[str, EventClass], predicate: Draft | None
) -> Draft:
    lemma, cls = entry
    draft = plain_draft(k, start, 0, lemma, cls, Pos.NOUN)
    if predicate is not None:
        draft.planned = predicate.planned
        draft.hypothetical = predicate.hypothetical
        if predicate.event_class is EventClass.ASPECTUAL:
            draft.governor = predicate
    return draft


def nominal_events(
    toks: Sequence[TokenLike],
    lo: int,
    hi: int,
    verbs: list[Draft],
    lex: Lexicon,
    elex: EventLexicon,
    everywhere: bool = False,
) -> list[Draft]:
    """Rule 3: event nouns with a temporal signal.

    A listed noun (or a gerund: "intense bombing") heading a noun phrase is an
    event when the phrase follows a signal word ("after", "amid", "before"),
    follows "<time unit> of" ("three days of bombing"), is "the X of Y" ("the
    fall of the town"), is followed by a time word ("the talks on Monday"), or
    is the subject of an event predicate or planning cue ("the talks are due to
    begin", "the attack came"). With *everywhere*, every listed noun heading
    a phrase is an event (TimeML practice), signal or not.
    """
    out: list[Draft] = []
    next_verb = 0
    for k in range(lo, hi):
        tok = toks[k]
        if tok.tag not in _NOMINAL_HEADS:
            continue
        while next_verb < len(verbs) and verbs[next_verb].first <= k:
            next_verb += 1  # the first verb group starting after k
        entry = _head_entry(toks, k, hi, elex)
        if entry is None:
            continue
        start = _phrase_start(toks, k, lo)
        verb = verbs[next_verb] if next_verb < len(verbs) else None
        predicate = _predicate(toks, k, verb, lex, elex)
        signal = (
            predicate is not None
            or _signal_before(toks, start, k, lo, lex, elex)
            or _signal_after(toks, start, k, hi, lex)
        )
        if signal or (everywhere and tok.norm in elex.nouns):
            out.append(_noun_draft(k, start, entry, predicate))
    return out
