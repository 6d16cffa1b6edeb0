"""Clause-level event detection (DESIGN.md, "Events and constraints").

Takes the text (and its sentences, if already split); gives its events.
Without a statistical parser, an event is a verb group or a nominalisation:

    find_events(text) -> [Event]    in text order, ids "e1", "e2", ...

For every clause from the text stage the rules below run in this order
(each in its own module; the word lists they use are tables under
``grammars/events/``):

1. ``_verbs.verb_drafts``        the text stage's verb groups (auxiliaries,
                                 modals, negation and a main verb: "have been
                                 killed", "are due to begin", "will allow").
2. ``_verbs.link_governors``     infinitive and -ing complements of reporting,
                                 aspectual and intensional verbs: "claimed to
                                 have killed", "began bombing", "allow them to
                                 cut off".
3. ``_nominal.nominal_events``   event nouns heading a phrase with a temporal
                                 signal: "after three days of intense bombing",
                                 "the fall of the town comes ...", "peace talks
                                 are due to begin".
4. ``_reporting.reported_clauses`` clauses that are the complement of a
                                 reporting verb ("officials said the town
                                 fell"), precede a closing or inverted one
                                 ("the town fell, officials said"; '"...,"
                                 said the mayor'), follow a reporting or modal
                                 noun ("claims that ...", "fears that ..."), or
                                 share a sentence with "according to".
5. ``_status.status_of``         NEGATED > HYPOTHETICAL > PLANNED > REPORTED >
                                 ASSERTED.

Event nouns are reported only with a temporal signal by default; the
``nominals`` option of ``find_events`` reports every listed event noun
("all", as TimeML annotates them) or none.

Tense and aspect follow the TimeML MAKEINSTANCE conventions (read by
``timeline.text._verb_groups``): "have been killed" is PRESENT + PERFECTIVE
(passive voice), "had left" PAST + PERFECTIVE, "will be complicated" FUTURE,
"would go" NONE with modality "would", infinitives and participles NONE.
``Event.tense_label`` folds perfective aspect into PRESENT_PERFECT /
PAST_PERFECT for readers who want one word. Everything is linear in the
length of the text, stateless and deterministic.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from timeline._errors import InputError
from timeline.events._describe import Opening as _Opening
from timeline.events._describe import describe, span
from timeline.events._draft import Draft
from timeline.events._lexicon import EventLexicon, event_lexicon
from timeline.events._model import Event, Polarity, Pos
from timeline.events._nominal import nominal_events
from timeline.events._reporting import reported_clauses, starts_with
from timeline.events._status import status_of
from timeline.events._verbs import link_governors, verb_drafts
from timeline.text import (
    Clause,
    Lexicon,
    Sentence,
    Tag,
    TaggedWord,
    TextAnalysis,
    clause_token_ranges,
    lexicon,
    split_clauses,
    split_sentences,
    tag_words,
)
from timeline.text._zones import STORY, Zone, find_zones

__all__ = ["NOMINAL_POLICIES", "find_events"]

NOMINAL_POLICIES = ("signalled", "all", "none")

_Found = list[tuple[Draft, Clause, tuple[int, int]]]


def _clause_drafts(
    toks: list[TaggedWord], lo: int, hi: int, lex: Lexicon, elex: EventLexicon, nominals: str
) -> list[Draft]:
    """Rules 1-3 over the clause ``toks[lo:hi]``, in trigger order."""
    verbs = verb_drafts(toks, lo, hi, elex)
    link_governors(toks, verbs)
    nouns = (
        []
        if nominals == "none"
        else nominal_events(toks, lo, hi, verbs, lex, elex, nominals == "all")
    )
    return sorted(verbs + nouns, key=lambda d: d.trigger)


def _kept(d: Draft, toks: list[TaggedWord], elex: EventLexicon) -> bool:
    """Whether a draft is an event: not a bare copula, not a participle used as a preposition."""
    if d.copula and d.lemma != "do":
        return False  # "there have been reports", "he had a car": no event
    return not (
        toks[d.trigger].tag is Tag.VERB
        and d.first == d.trigger
        and toks[d.trigger].norm in elex.prep_participles
    )  # "based on", "compared with": a preposition in all but form


def _sentence_drafts(
    text: str,
    sentence: Sentence,
    lex: Lexicon,
    elex: EventLexicon,
    nominals: str,
    toks: list[TaggedWord] | None = None,
    clauses: Sequence[Clause] | None = None,
) -> tuple[_Found, list[TaggedWord]]:
    """Rules 1-4 over one sentence: drafts with their clause and token range
    (``toks`` and ``clauses``: the text stage's reading of it, if made)."""
    if toks is None:
        toks = tag_words(text, sentence)
    if clauses is None:
        clauses = split_clauses(text, sentence, toks)
    ranges = clause_token_ranges(toks, clauses)
    per_clause: list[list[Draft]] = []
    for ci, (lo, hi) in enumerate(ranges):
        drafts = _clause_drafts(toks, lo, hi, lex, elex, nominals)
        for d in drafts:
            d.clause = ci
        per_clause.append(drafts)
    reported_clauses(toks, ranges, per_clause, elex)
    out: _Found = []
    for ci, drafts in enumerate(per_clause):
        floor = ranges[ci][0]
        for d in drafts:
            d.floor = floor
            if d.pos is Pos.VERB:
                floor = d.last + 1
            if _kept(d, toks, elex):
                out.append((d, clauses[ci], ranges[ci]))
    return out, toks


def find_events(
    text: str,
    sentences: list[Sentence] | None = None,
    *,
    nominals: str = "signalled",
    analysis: TextAnalysis | None = None,
) -> list[Event]:
    """Find the events of *text*, in text order.

    Args:
        text: the document text.
        sentences: ``split_sentences(text)`` if already computed.
        analysis: the text stage's reading of *text* (``timeline.text.read``),
            whose sentences and tagged words are then used rather than read
            again (the result is the same).
        nominals: which event nouns to report: "signalled" (default: only
            those with a temporal signal or an event predicate, the ones a
            timeline can place), "all" (every listed event noun heading a
            phrase, as TimeML annotates) or "none".

    Raises:
        InputError: *text* is not a string, or *nominals* is unknown.
    """
    if not isinstance(text, str):
        raise InputError(f"find_events needs text (str), not {type(text).__name__}")
    if nominals not in NOMINAL_POLICIES:
        raise InputError(f"nominals must be one of {NOMINAL_POLICIES}, not {nominals!r}")
    lex = lexicon()
    elex = event_lexicon()
    if analysis is not None:
        if analysis.text is not text and analysis.text != text:
            raise InputError("find_events: the analysis is of another text")
        sentences = list(analysis.sentences)
    elif sentences is None:
        sentences = split_sentences(text)
    zones = analysis.zones if analysis is not None else find_zones(text)
    found: list[_Placed] = []
    for sentence, whole in _story_pieces(sentences, zones):
        read = analysis is not None and whole
        toks = list(analysis.words(sentence.index)) if read else None  # type: ignore[union-attr]
        clauses = analysis.clauses(sentence.index) if read else None  # type: ignore[union-attr]
        drafts, toks = _sentence_drafts(text, sentence, lex, elex, nominals, toks, clauses)
        opening = _Opening(text, toks)
        conditionals: dict[int, bool] = {}
        for d, clause, (lo, hi) in drafts:
            if lo not in conditionals:
                conditionals[lo] = starts_with(toks, lo, hi, elex.conditionals)
            found.append(_Placed(d, clause, lo, hi, toks, conditionals[lo], opening))
    # ids follow text order (the sort is stable); each Event is built once,
    # with its final id and governor (Event is frozen and checks its fields)
    found.sort(key=lambda p: p.toks[p.draft.trigger].start)
    ids = {id(p.draft): f"e{n}" for n, p in enumerate(found, 1)}
    return [_event(text, p, ids) for p in found]


def _story_pieces(
    sentences: list[Sentence], zones: tuple[Zone, ...]
) -> Iterator[tuple[Sentence, bool]]:
    """Each sentence's stretches inside story zones, and whether it is the whole
    sentence: page furniture (a headline, a caption, a "CAIRO (Reuters) -"
    dateline) yields no events and is no part of any event's description."""
    furniture = [z for z in zones if z.kind != STORY]
    k = 0
    for sentence in sentences:
        while k < len(furniture) and furniture[k].end <= sentence.start:
            k += 1
        if k == len(furniture) or furniture[k].start >= sentence.end:
            yield sentence, True
            continue
        at, j = sentence.start, k
        while at < sentence.end:
            stop = furniture[j].start if j < len(furniture) else sentence.end
            piece = _piece(sentence, at, min(stop, sentence.end)) if stop > at else None
            if piece is not None:
                yield piece, False
            if j >= len(furniture) or stop >= sentence.end:
                break
            at, j = furniture[j].end, j + 1


def _piece(sentence: Sentence, start: int, end: int) -> Sentence | None:
    """The part ``[start, end)`` of a sentence, spaces trimmed; None if blank."""
    text = sentence.text[start - sentence.start : end - sentence.start]
    stripped = text.strip()
    if not stripped:
        return None
    start += len(text) - len(text.lstrip())
    return Sentence(sentence.index, start, start + len(stripped), text=stripped)


class _Placed(NamedTuple):
    """A draft with the clause, clause token range and sentence tokens it came from."""

    draft: Draft
    clause: Clause
    lo: int
    hi: int
    toks: list[TaggedWord]
    conditional: bool  # the clause opens with a conditional ("if", "unless")
    opening: _Opening  # the sentence's opening noun phrase, for clauses without a subject


def _event(text: str, p: _Placed, ids: Mapping[int, str]) -> Event:
    """The Event of a placed draft; *ids* maps ``id(draft)`` to the event id."""
    d, clause, toks = p.draft, p.clause, p.toks
    trig = toks[d.trigger]
    return Event(
        ids[id(d)],
        trig.text,
        trig.start,
        trigger_end=trig.end,
        start=clause.start,
        end=clause.end,
        description=describe(text, toks, p.lo, p.hi, d, p.opening),
        sentence=clause.sentence_index,
        clause=clause.index,
        lemma=d.lemma,
        verb_group=span(text, toks, d.first, d.last) if d.pos is Pos.VERB else trig.text,
        tense=d.tense,
        aspect=d.aspect,
        voice=d.voice,
        modality=d.modality,
        polarity=Polarity.NEG if d.negated else Polarity.POS,
        status=status_of(d, p.conditional),
        event_class=d.event_class,
        pos=d.pos,
        governor=ids.get(id(d.governor)) if d.governor is not None else None,
    )
