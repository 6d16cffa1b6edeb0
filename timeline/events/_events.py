"""Clause-level event detection (DESIGN.md, "Events and constraints").

Without a statistical parser, an event is a verb group or a nominalisation:

    find_events(text) -> [Event]    in text order, ids "e1", "e2", ...

For every clause from ``timeline.text._segment`` the rules below run in this order
(each is a small function; the word lists they use are tables under
``grammars/events/``):

1. ``_verb_groups``      auxiliaries, modals, negation and a main verb:
                         "have been killed", "are due to begin", "will allow".
2. ``_link_governors``   infinitive and -ing complements of reporting,
                         aspectual and intensional verbs: "claimed to have
                         killed", "began bombing", "allow them to cut off".
3. ``_nominal_events``   event nouns heading a phrase with a temporal signal:
                         "after three days of intense bombing", "the fall of
                         the town comes ...", "peace talks are due to begin".
4. ``_reported_clauses`` clauses that are the complement of a reporting verb
                         ("officials said the town fell"), precede a closing
                         or inverted one ("the town fell, officials said";
                         '"...," said the mayor'), follow a reporting or
                         modal noun ("claims that ...", "fears that ..."), or
                         share a sentence with "according to".
5. ``_status``           NEGATED > HYPOTHETICAL > PLANNED > REPORTED > ASSERTED.

Event nouns are reported only with a temporal signal by default; the
``nominals`` option of ``find_events`` reports every listed event noun
("all", as TimeML annotates them) or none.

Tense and aspect follow the TimeML MAKEINSTANCE conventions: "have been
killed" is PRESENT + PERFECTIVE (passive voice), "had left" PAST +
PERFECTIVE, "will be complicated" FUTURE, "would go" NONE with modality
"would", infinitives and participles NONE. ``Event.tense_label`` folds
perfective aspect into PRESENT_PERFECT / PAST_PERFECT for readers who want
one word. Everything is linear in the length of the text, stateless and
deterministic.
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import attrs

from timeline._errors import InputError
from timeline.text._segment import (
    Clause,
    Lexicon,
    Sentence,
    Tag,
    TaggedWord,
    TokenLike,
    clause_token_ranges,
    lexicon,
    load_table,
    split_clauses,
    split_sentences,
    string_map,
    tag_words,
    third_person,
    word_list,
)

__all__ = [
    "Aspect",
    "Event",
    "EventClass",
    "Polarity",
    "Pos",
    "Status",
    "Tense",
    "Voice",
    "find_events",
]


class Tense(enum.StrEnum):
    """Grammatical tense of an event (TimeML MAKEINSTANCE ``tense``).

    TimeML keeps perfect aspect apart (``Aspect.PERFECTIVE``), so ``find_events``
    gives PRESENT / PAST with PERFECTIVE; the two compound values are what
    ``Event.tense_label`` returns.
    """

    PAST = "PAST"
    PRESENT = "PRESENT"
    PRESENT_PERFECT = "PRESENT_PERFECT"
    PAST_PERFECT = "PAST_PERFECT"
    FUTURE = "FUTURE"
    NONE = "NONE"


class Aspect(enum.StrEnum):
    """Grammatical aspect (TimeML MAKEINSTANCE ``aspect``)."""

    NONE = "NONE"
    PROGRESSIVE = "PROGRESSIVE"
    PERFECTIVE = "PERFECTIVE"
    PERFECTIVE_PROGRESSIVE = "PERFECTIVE_PROGRESSIVE"


class Polarity(enum.StrEnum):
    """Whether the event is said to happen (POS) or not to happen (NEG)."""

    POS = "POS"
    NEG = "NEG"


class Status(enum.StrEnum):
    """How the text presents the event.

    ASSERTED: told as fact; REPORTED: attributed to a source ("officials
    said"); PLANNED: scheduled or future ("will", "due to", "scheduled to");
    NEGATED: said not to happen; HYPOTHETICAL: possible, intended or
    conditional ("could", "if", "tried to").
    """

    ASSERTED = "ASSERTED"
    REPORTED = "REPORTED"
    PLANNED = "PLANNED"
    NEGATED = "NEGATED"
    HYPOTHETICAL = "HYPOTHETICAL"


class EventClass(enum.StrEnum):
    """TimeML event class."""

    OCCURRENCE = "OCCURRENCE"
    REPORTING = "REPORTING"
    STATE = "STATE"
    I_ACTION = "I_ACTION"
    I_STATE = "I_STATE"
    ASPECTUAL = "ASPECTUAL"
    PERCEPTION = "PERCEPTION"


class Pos(enum.StrEnum):
    """Part of speech of the trigger."""

    VERB = "VERB"
    NOUN = "NOUN"


class Voice(enum.StrEnum):
    """Voice of a verbal event; nominal events are ACTIVE."""

    ACTIVE = "ACTIVE"
    PASSIVE = "PASSIVE"


_PERFECT_LABEL = {Tense.PRESENT: Tense.PRESENT_PERFECT, Tense.PAST: Tense.PAST_PERFECT}


@attrs.frozen
class Event:
    """An event found in a clause.

    Attributes:
        id: "e1", "e2", ... in text order.
        trigger: the trigger word as written ("killed", "talks").
        trigger_start: offset of the trigger in the whole text.
        trigger_end: offset just past the trigger.
        start: offset of the clause the event comes from.
        end: offset just past that clause.
        description: the clause trimmed for reading at a glance: subject,
            verb group and object, at most about twelve words, "…" where cut.
        sentence: index of the sentence.
        clause: index of the clause within the sentence.
        lemma: dictionary form of the trigger ("taken" -> "take").
        verb_group: the verb group as written ("have been killed", "are due
            to begin"); the trigger alone for nominal events.
        tense: TimeML tense (perfect aspect kept apart; see ``tense_label``).
        aspect: TimeML aspect.
        voice: ACTIVE or PASSIVE.
        modality: the modal or planning cue ("would", "will", "due to",
            "scheduled to"), or None.
        polarity: POS or NEG.
        status: ASSERTED, REPORTED, PLANNED, NEGATED or HYPOTHETICAL.
        event_class: TimeML class.
        pos: VERB or NOUN.
        governor: id of the reporting, aspectual or intensional event this
            one depends on ("said" for "said the town fell"), or None.
    """

    id: str
    trigger: str
    trigger_start: int = attrs.field(validator=attrs.validators.ge(0))
    trigger_end: int = attrs.field(kw_only=True, validator=attrs.validators.ge(0))
    start: int = attrs.field(kw_only=True, validator=attrs.validators.ge(0))
    end: int = attrs.field(kw_only=True, validator=attrs.validators.ge(0))
    description: str = attrs.field(kw_only=True)
    sentence: int = attrs.field(kw_only=True, validator=attrs.validators.ge(0))
    clause: int = attrs.field(kw_only=True, validator=attrs.validators.ge(0))
    lemma: str = attrs.field(kw_only=True)
    verb_group: str = attrs.field(kw_only=True)
    tense: Tense = attrs.field(kw_only=True, converter=Tense)
    aspect: Aspect = attrs.field(kw_only=True, converter=Aspect)
    voice: Voice = attrs.field(kw_only=True, converter=Voice, default=Voice.ACTIVE)
    modality: str | None = attrs.field(kw_only=True, default=None)
    polarity: Polarity = attrs.field(kw_only=True, converter=Polarity, default=Polarity.POS)
    status: Status = attrs.field(kw_only=True, converter=Status, default=Status.ASSERTED)
    event_class: EventClass = attrs.field(
        kw_only=True, converter=EventClass, default=EventClass.OCCURRENCE
    )
    pos: Pos = attrs.field(kw_only=True, converter=Pos, default=Pos.VERB)
    governor: str | None = attrs.field(kw_only=True, default=None)

    @property
    def tense_label(self) -> Tense:
        """Tense with perfect aspect folded in: "have been killed" -> PRESENT_PERFECT."""
        if self.aspect in (Aspect.PERFECTIVE, Aspect.PERFECTIVE_PROGRESSIVE):
            return _PERFECT_LABEL.get(self.tense, self.tense)
        return self.tense


# --------------------------------------------------------------------------
# Event lexicon (verbs.toml, nominal_events.toml, clauses.toml)
# --------------------------------------------------------------------------

_STATUS_WORDS = tuple(s.value for s in Status)


@attrs.frozen
class _EventLexicon:
    """Tables used by event detection.

    Attributes:
        verb_class: verb lemma -> TimeML class (others are OCCURRENCE).
        cues: planning / possibility cue (tuple of words) -> status word.
        max_cue: length in words of the longest cue.
        planned_governors: intensional verbs whose complement is planned.
        nouns: event noun form (singular or plural) -> (lemma, class).
        signals: words that, before a noun phrase, mark its head as an event.
        predicates: verb lemmas whose subject names an event.
        conditionals: clause openers that make events hypothetical.
        reported_phrases: phrases that attribute a sentence ("according to").
        reporting_phrases: phrases whose first word is itself a REPORTING
            event (TimeML: "according" in "according to").
        prep_participles: bare participles used as prepositions ("based on").
        complement_nouns: noun form -> status of its "that" clause
            ("claims that ..." REPORTED, "fears that ..." HYPOTHETICAL).
    """

    verb_class: Mapping[str, EventClass]
    cues: Mapping[tuple[str, ...], Status]
    max_cue: int
    planned_governors: frozenset[str] = attrs.field(kw_only=True)
    nouns: Mapping[str, tuple[str, EventClass]] = attrs.field(kw_only=True)
    signals: frozenset[str] = attrs.field(kw_only=True)
    predicates: frozenset[str] = attrs.field(kw_only=True)
    conditionals: frozenset[tuple[str, ...]] = attrs.field(kw_only=True)
    reported_phrases: frozenset[tuple[str, ...]] = attrs.field(kw_only=True)
    reporting_phrases: frozenset[tuple[str, ...]] = attrs.field(kw_only=True)
    complement_nouns: Mapping[str, Status] = attrs.field(kw_only=True)
    prep_participles: frozenset[str] = attrs.field(kw_only=True)


def _plural(noun: str) -> str:
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun  # already plural: "talks", "hostilities"
    return third_person(noun)  # the verb -s spelling rules: "loss" -> "losses"


@functools.cache
def _event_lexicon() -> _EventLexicon:
    verbs, nominal, clauses = "verbs.toml", "nominal_events.toml", "clauses.toml"
    verb_class: dict[str, EventClass] = {}
    for cls in EventClass:
        if cls is EventClass.OCCURRENCE:
            continue
        section = load_table(verbs).get("class", {})
        if cls.value in section:
            for lemma in word_list(verbs, "class", cls.value):
                verb_class[lemma] = cls
    cues = {
        tuple(phrase.split()): Status(value)
        for phrase, value in string_map(verbs, "cues", _STATUS_WORDS).items()
    }
    nouns: dict[str, tuple[str, EventClass]] = {}
    for cls in EventClass:
        if cls.value not in load_table(nominal):
            continue
        for noun in sorted(word_list(nominal, cls.value)):  # sorted: no hash-seed dependence
            for form in (noun, _plural(noun)):
                nouns.setdefault(form, (noun, cls))
    return _EventLexicon(
        verb_class,
        cues,
        max((len(k) for k in cues), default=1),
        planned_governors=word_list(verbs, "governors", "planned"),
        nouns=nouns,
        signals=word_list(nominal, "signals", "before_phrase"),
        predicates=word_list(nominal, "predicates", "lemmas"),
        conditionals=frozenset(tuple(p.split()) for p in word_list(clauses, "conditional")),
        reported_phrases=frozenset(
            tuple(p.split()) for p in word_list(clauses, "reported", "phrases")
        ),
        reporting_phrases=frozenset(
            tuple(p.split()) for p in word_list(clauses, "reported", "events")
        ),
        prep_participles=word_list(verbs, "prep_participles"),
        complement_nouns=_complement_nouns(nominal),
    )


def _complement_nouns(name: str) -> dict[str, Status]:
    out: dict[str, Status] = {}
    for status in (Status.REPORTED, Status.HYPOTHETICAL):
        for noun in word_list(name, "complement_nouns", status.value):
            for form in (noun, _plural(noun)):
                out.setdefault(form, status)
    return out


# --------------------------------------------------------------------------
# Drafts: mutable working records, frozen into Events at the end
# --------------------------------------------------------------------------


@attrs.define
class _Draft:
    trigger: int  # token index of the trigger
    first: int  # token index of the first word of the verb group / noun phrase
    last: int  # token index of the last word of the verb group / noun phrase
    clause: int  # clause index within the sentence
    lemma: str
    tense: Tense
    aspect: Aspect
    voice: Voice
    modality: str | None
    negated: bool
    planned: bool
    hypothetical: bool
    event_class: EventClass
    pos: Pos
    infinitive: bool = False
    reported: bool = False
    governor: _Draft | None = None
    copula: bool = False
    floor: int = 0  # where the description may start (after the previous verb group)


# Tag sets are built once: in Python 3.11 every ``Tag.X`` goes through
# EnumType.__getattr__, which is slow in per-token loops.
_AUX = frozenset({Tag.MODAL, Tag.BE, Tag.HAVE, Tag.DO})
_GROUP_STARTS = _AUX | {Tag.VERB, Tag.TO}
_ADVERBIAL = frozenset({Tag.ADV, Tag.NEG})
_NOMINAL_HEADS = frozenset({Tag.NOUN, Tag.ADJ})
_CONJ_PUNCT = frozenset({Tag.PUNCT, Tag.CONJ})
_NP_INNER = frozenset({Tag.DET, Tag.POSS, Tag.ADJ, Tag.NUM, Tag.NOUN, Tag.PROPN})
_OBJECT_INNER = frozenset({Tag.OBJ, Tag.DET, Tag.POSS, Tag.ADJ, Tag.NUM, Tag.NOUN, Tag.PROPN})
_GOVERNING = frozenset(
    {
        EventClass.REPORTING,
        EventClass.ASPECTUAL,
        EventClass.I_ACTION,
        EventClass.I_STATE,
        EventClass.PERCEPTION,
    }
)


# Longest verb group read, in auxiliaries and cue words: "would not have been
# due to be" has six; a longer run is not one verb group.
_MAX_AUX = 12


def _skip_adverbs(toks: Sequence[TokenLike], j: int, hi: int) -> int:
    steps = 0
    while j < hi and toks[j].tag in _ADVERBIAL and steps < 3:
        j += 1
        steps += 1
    return j


def _cue_at(toks: Sequence[TokenLike], j: int, hi: int, elex: _EventLexicon) -> int:
    for length in range(min(elex.max_cue, hi - j), 1, -1):
        if tuple(t.norm for t in toks[j : j + length]) in elex.cues:
            return length
    return 0


def _read_group(
    toks: Sequence[TokenLike], k: int, hi: int, lex: Lexicon, elex: _EventLexicon
) -> tuple[_Draft, int] | None:
    """Read the verb group starting at token *k*; return it and the index after it."""
    aux: list[int] = []
    negated = False
    cue: tuple[str, ...] | None = None
    main = -1
    j = k
    # the bound keeps a run of auxiliaries ("will will will ...", read again
    # from each of its words when it has no main verb) linear
    while j < hi and len(aux) < _MAX_AUX:
        tok = toks[j]
        if tok.tag in _AUX or (tok.tag is Tag.TO and not aux and j == k):
            aux.append(j)
            j += 1
            if tok.tag is Tag.BE and cue is None:
                after = _skip_adverbs(toks, j, hi)
                length = _cue_at(toks, after, hi, elex)
                if length:
                    target = _skip_adverbs(toks, after + length, hi)
                    if target < hi and (toks[target].tag is Tag.VERB or toks[target].tag in _AUX):
                        cue = tuple(t.norm for t in toks[after : after + length])
                        for m in range(after, after + length):
                            aux.append(m)
                        negated = negated or any(toks[m].tag is Tag.NEG for m in range(j, after))
                        j = target
                        continue
            continue
        if tok.tag in _ADVERBIAL and aux:
            nxt = _skip_adverbs(toks, j, hi)
            if nxt < hi and (toks[nxt].tag in _AUX or toks[nxt].tag is Tag.VERB):
                negated = negated or any(toks[m].tag is Tag.NEG for m in range(j, nxt))
                j = nxt
                continue
            if tok.tag is Tag.NEG:
                negated = True
            break
        if tok.tag is Tag.VERB:
            main = j
            j += 1
        break
    if main < 0:
        if not aux or toks[aux[0]].tag is Tag.TO and len(aux) == 1:
            return None
        last = aux[-1]
        if toks[last].tag not in (Tag.BE, Tag.HAVE, Tag.DO):
            return None  # a bare modal: ellipsis ("he said he would")
        main = last
        aux = aux[:-1]
        copula = True
    else:
        copula = False
    draft = _analyse(toks, aux, main, negated, cue, copula, lex, elex)
    return draft, j


def _analyse(
    toks: Sequence[TokenLike],
    aux: list[int],
    main: int,
    negated: bool,
    cue: tuple[str, ...] | None,
    copula: bool,
    lex: Lexicon,
    elex: _EventLexicon,
) -> _Draft:
    """Tense, aspect, voice and modality of a verb group (TimeML conventions)."""
    main_tok = toks[main]
    chain = [toks[a] for a in aux if toks[a].tag in _AUX or toks[a].tag is Tag.TO]
    tense = Tense.NONE
    modality: str | None = None
    hypothetical = False
    planned = False
    infinitive = False
    head = chain[0] if chain else main_tok
    if head.tag is Tag.TO:
        infinitive = True
    elif head.tag is Tag.MODAL:
        name = lex.modal_names.get(head.norm, head.lemma or head.norm)
        modality = name
        if lex.modals.get(head.norm) == "FUTURE":
            tense = Tense.FUTURE
            planned = True
        else:
            hypothetical = head.norm in lex.hypothetical_modals or name in lex.hypothetical_modals
    elif head.form == "VBD":
        tense = Tense.PAST
    elif head.form in ("VBZ", "VBP"):
        tense = Tense.PRESENT
    # aspect: have + participle; be + -ing
    perfect = any(t.tag is Tag.HAVE for t in chain) and (
        main_tok.form == "VBN" or any(t.norm == "been" for t in chain) or copula
    )
    bes = [t for t in chain if t.tag is Tag.BE]
    progressive = bool(bes) and main_tok.form == "VBG" and not copula
    passive = (
        main_tok.form == "VBN"
        and not copula
        and (bool(bes) or not any(t.tag is Tag.HAVE for t in chain))
    )
    if perfect and progressive:
        aspect = Aspect.PERFECTIVE_PROGRESSIVE
    elif perfect:
        aspect = Aspect.PERFECTIVE
    elif progressive:
        aspect = Aspect.PROGRESSIVE
    else:
        aspect = Aspect.NONE
    if cue is not None:
        modality = " ".join(cue)
        status = elex.cues[cue]
        planned = planned or status is Status.PLANNED
        hypothetical = hypothetical or status is Status.HYPOTHETICAL
    lemma = main_tok.lemma or main_tok.norm
    if copula:
        cls = EventClass.OCCURRENCE if lemma == "do" else EventClass.STATE
    else:
        cls = elex.verb_class.get(lemma, EventClass.OCCURRENCE)
    first = aux[0] if aux else main
    return _Draft(
        trigger=main,
        first=min(first, main),
        last=main,
        clause=0,
        lemma=lemma,
        tense=tense,
        aspect=aspect,
        voice=Voice.PASSIVE if passive else Voice.ACTIVE,
        modality=modality,
        negated=negated,
        planned=planned,
        hypothetical=hypothetical,
        event_class=cls,
        pos=Pos.VERB,
        infinitive=infinitive,
        copula=copula,
    )


def _verb_groups(
    toks: Sequence[TokenLike], lo: int, hi: int, lex: Lexicon, elex: _EventLexicon
) -> list[_Draft]:
    """Rule 1: every verb group of the clause ``toks[lo:hi]``."""
    drafts: list[_Draft] = []
    k = lo
    while k < hi:
        tag = toks[k].tag
        if tag in _GROUP_STARTS:
            read = _read_group(toks, k, hi, lex, elex)
            if read is not None:
                drafts.append(read[0])
                k = max(read[1], k + 1)
                continue
        k += 1
    return drafts


def _link_governors(toks: Sequence[TokenLike], drafts: list[_Draft]) -> None:
    """Rule 2: complements of reporting, aspectual and intensional verbs.

    "claimed to have killed" (infinitive), "allow them to cut off" (object then
    infinitive), "began bombing" (aspectual + -ing).
    """
    reporter: _Draft | None = None
    for prev, cur in zip(drafts, drafts[1:], strict=False):
        if prev.event_class is EventClass.REPORTING and not prev.copula:
            reporter = prev
        if prev.copula or prev.event_class not in _GOVERNING:
            if reporter is not None and cur.tense is not Tense.NONE:
                cur.governor = reporter  # "sources say 40 people died"
            continue
        gap = range(prev.last + 1, cur.first)
        if cur.infinitive and len(gap) <= 4 and all(toks[g].tag in _OBJECT_INNER for g in gap):
            cur.governor = prev
        elif (
            prev.event_class is EventClass.ASPECTUAL
            and toks[cur.trigger].form == "VBG"
            and cur.first == prev.last + 1
        ):
            cur.governor = prev
        elif reporter is not None and cur.tense is not Tense.NONE:
            cur.governor = reporter


# --------------------------------------------------------------------------
# Nominal events
# --------------------------------------------------------------------------


def _noun_entry(tok: TokenLike, elex: _EventLexicon) -> tuple[str, EventClass] | None:
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
    return tok.norm in lex.time_words and tok.tag in (Tag.NOUN, Tag.PROPN, Tag.ADV, Tag.ADJ)


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


def _nominal_events(
    toks: Sequence[TokenLike],
    lo: int,
    hi: int,
    verbs: list[_Draft],
    lex: Lexicon,
    elex: _EventLexicon,
    everywhere: bool = False,
) -> list[_Draft]:
    """Rule 3: event nouns with a temporal signal.

    A listed noun (or a gerund: "intense bombing") heading a noun phrase is an
    event when the phrase follows a signal word ("after", "amid", "before"),
    follows "<time unit> of" ("three days of bombing"), is "the X of Y" ("the
    fall of the town"), is followed by a time word ("the talks on Monday"), or
    is the subject of an event predicate or planning cue ("the talks are due to
    begin", "the attack came"). With *everywhere*, every listed noun heading
    a phrase is an event (TimeML practice), signal or not.
    """
    out: list[_Draft] = []
    next_verb = 0
    for k in range(lo, hi):
        tok = toks[k]
        if tok.tag not in _NOMINAL_HEADS or (tok.tag is Tag.ADJ and tok.norm not in elex.nouns):
            continue  # table nouns shaped like adjectives count: "proposal", "trial"
        while next_verb < len(verbs) and verbs[next_verb].first <= k:
            next_verb += 1  # the first verb group starting after k
        entry = _noun_entry(tok, elex)
        if entry is None:
            continue
        if (
            k + 1 < hi
            and toks[k + 1].tag in (Tag.NOUN, Tag.PROPN)
            and not toks[k + 1].text[:1].isupper()
        ):
            continue  # a modifier: "bombing raids"
        start = _phrase_start(toks, k, lo)
        b = start - 1
        while b >= lo and toks[b].norm in _QUOTES:
            b -= 1
        before = toks[b] if b >= lo else None
        signal = False
        predicate: _Draft | None = None
        if before is not None and before.norm in elex.signals:
            signal = True
        elif any(_time_word(toks[m], lex) for m in range(start, k)):
            signal = True  # "Monday's decision", "the 1998 election"
        elif (
            before is not None
            and before.norm == "of"
            and b - 1 >= lo
            and toks[b - 1].norm in lex.time_words
        ):
            signal = True
        follow = k + 1
        if (
            not signal
            and toks[start].tag is Tag.DET
            and follow + 1 < hi
            and toks[follow].norm == "of"
            and toks[follow + 1].tag in (Tag.PROPN, Tag.DET, Tag.NOUN)
        ):
            signal = True
        if not signal:
            for m in range(follow, min(hi, follow + 3)):
                if _time_word(toks[m], lex):
                    signal = True
                    break
                if toks[m].tag not in (Tag.PREP, Tag.DET, Tag.ADJ, Tag.NUM):
                    break
        if next_verb < len(verbs):
            cand = verbs[next_verb]
            if cand.first - k <= 5 and all(
                toks[m].tag in (Tag.PREP, Tag.PROPN, Tag.NOUN, Tag.DET, Tag.ADJ)
                for m in range(k + 1, cand.first)
            ):
                if cand.lemma in elex.predicates or (
                    cand.modality is not None and cand.modality not in lex.modals
                ):
                    signal = True
                    predicate = cand
        if not signal and not (everywhere and tok.norm in elex.nouns):
            continue
        lemma, cls = entry
        draft = _Draft(
            trigger=k,
            first=start,
            last=k,
            clause=0,
            lemma=lemma,
            tense=Tense.NONE,
            aspect=Aspect.NONE,
            voice=Voice.ACTIVE,
            modality=None,
            negated=False,
            planned=False,
            hypothetical=False,
            event_class=cls,
            pos=Pos.NOUN,
        )
        if predicate is not None:
            draft.planned = predicate.planned
            draft.hypothetical = predicate.hypothetical
            if predicate.event_class is EventClass.ASPECTUAL:
                draft.governor = predicate
        out.append(draft)
    return out


# --------------------------------------------------------------------------
# Sentence-level context: reporting, conditionals
# --------------------------------------------------------------------------


def _starts_with(
    toks: Sequence[TokenLike], lo: int, hi: int, phrases: frozenset[tuple[str, ...]]
) -> bool:
    j = lo
    while j < hi and toks[j].tag in _CONJ_PUNCT:
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


def _reported_clauses(
    toks: Sequence[TokenLike],
    ranges: list[tuple[int, int]],
    per_clause: list[list[_Draft]],
    elex: _EventLexicon,
) -> None:
    """Rule 4: mark events reported by a reporting verb in the same sentence.

    "It said the victory came after ...": clauses after one that ends in a
    reporting verb are its complement. "The town fell, officials said": a
    short final clause with a reporting verb covers the clauses before it.
    "according to" marks the whole sentence.
    """
    reporter: _Draft | None = None
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
    for ci in range(1, len(ranges)):
        source = _trailing_reporter(toks, ranges, per_clause, ci)
        if source is None:
            continue
        for drafts in per_clause[:ci]:
            for d in drafts:
                if d.governor is None and d is not source:
                    d.governor = source
                d.reported = True
        break
    if ranges and _contains(toks, ranges[0][0], ranges[-1][1], elex.reported_phrases):
        source = _attribution(toks, ranges, per_clause, elex)
        for drafts in per_clause:
            for d in drafts:
                if d is not source:
                    d.reported = True
                    if source is not None and d.governor is None:
                        d.governor = source


def _complement_noun_status(
    toks: Sequence[TokenLike], previous: tuple[int, int], elex: _EventLexicon
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
    per_clause: list[list[_Draft]],
    ci: int,
) -> _Draft | None:
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
    per_clause: list[list[_Draft]],
    elex: _EventLexicon,
) -> _Draft | None:
    """The REPORTING event of "according to" (TimeML annotates "according")."""
    for ci, (lo, hi) in enumerate(ranges):
        for k in range(lo, hi):
            if _phrase_at(toks, k, elex.reporting_phrases):
                draft = _Draft(
                    trigger=k,
                    first=k,
                    last=k,
                    clause=ci,
                    lemma=toks[k].norm,
                    tense=Tense.NONE,
                    aspect=Aspect.NONE,
                    voice=Voice.ACTIVE,
                    modality=None,
                    negated=False,
                    planned=False,
                    hypothetical=False,
                    event_class=EventClass.REPORTING,
                    pos=Pos.VERB,
                )
                per_clause[ci].append(draft)
                per_clause[ci].sort(key=lambda d: d.trigger)
                return draft
    return None


def _status(d: _Draft, conditional: bool) -> Status:
    """Rule 5: one status per event, strongest first."""
    gov = d.governor
    hypothetical = d.hypothetical or conditional
    planned = d.planned
    reported = d.reported
    if gov is not None and gov.pos is Pos.VERB:
        if gov.event_class is EventClass.REPORTING:
            reported = True
        elif gov.event_class in (EventClass.I_ACTION, EventClass.I_STATE):
            if gov.lemma in _event_lexicon().planned_governors:
                planned = True
            else:
                hypothetical = True
        if gov.negated:
            if gov.event_class is EventClass.ASPECTUAL:
                return Status.NEGATED
            hypothetical = True
        hypothetical = hypothetical or gov.hypothetical
        planned = planned or gov.planned
    elif d.infinitive:
        hypothetical = True  # purpose: "fighting to topple the regime"
    if d.negated:
        return Status.NEGATED
    if hypothetical:
        return Status.HYPOTHETICAL
    if planned:
        return Status.PLANNED
    if reported:
        return Status.REPORTED
    return Status.ASSERTED


# --------------------------------------------------------------------------
# Descriptions
# --------------------------------------------------------------------------

_MAX_WORDS = 12
_SUBJECT_WORDS = 6
_SUBJECT_KEEP = 4
_ELLIPSIS = "\u2026"


def _is_word(tok: TokenLike) -> bool:
    return tok.norm[:1].isalnum()


def _span(text: str, toks: Sequence[TokenLike], a: int, b: int) -> str:
    return " ".join(text[toks[a].start : toks[b].end].split())


_FRONTED = frozenset({Tag.PREP, Tag.TO, Tag.ADV, Tag.SUB})


def _skip_fronted(toks: Sequence[TokenLike], first: int, stop: int) -> int:
    """Skip fronted adverbials up to their comma: "But to the east, reports ..."."""
    while True:
        j = first
        while j < stop and toks[j].tag in _CONJ_PUNCT:
            j += 1
        if j >= stop or toks[j].tag not in _FRONTED:
            return first
        comma = j
        while comma < stop and toks[comma].norm != ",":
            comma += 1
        if comma >= stop - 1:
            return first
        first = comma + 1


_SUBJECT_STARTS = frozenset({Tag.DET, Tag.POSS, Tag.NOUN, Tag.PROPN, Tag.PRON, Tag.ADJ, Tag.NUM})


class _Opening:
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

    def _links(self) -> None:
        toks, n, first = self.toks, len(self.toks), 0
        while True:
            j = first
            while j < n and toks[j].tag in _CONJ_PUNCT:
                j += 1
            self._firsts.append(j)
            if j >= n or toks[j].tag not in _FRONTED:
                self._commas.append(n)
                return
            comma = j
            while comma < n and toks[comma].norm != ",":
                comma += 1
            self._commas.append(comma)
            if comma >= n - 1:
                return
            first = comma + 1

    def _end(self, link: int) -> int:
        """Index just past the noun phrase opening the link, whatever clause looks it up."""
        if link not in self._ends:
            toks, j, words = self.toks, self._firsts[link], 0
            end = min(len(toks), j + _SUBJECT_TOKENS)  # "The ' ' ' ...": bound the copy too
            while j < end:
                tag = toks[j].tag
                if toks[j].norm in (",", ";", ":") or tag in _SUBJECT_STOPS or tag in _AUX:
                    break
                if _is_word(toks[j]):
                    words += 1
                    if words > _SUBJECT_KEEP:
                        break
                j += 1
            self._ends[link] = j
        return self._ends[link]

    def subject(self, lo: int) -> tuple[str, int]:
        """The opening noun phrase seen from the clause starting at token *lo*, and its words.

        ("", 0) if there is none.
        """
        if not self._firsts:
            self._links()
        # the walk stops at the first link whose comma is at or past lo - 1
        link = bisect.bisect_left(self._commas, lo - 1)
        first = self._firsts[link]
        if first >= lo or self.toks[first].tag not in _SUBJECT_STARTS:
            return "", 0
        stop = min(self._end(link), lo)
        last = stop - 1 if stop > first else first
        key = (link, last)
        if key not in self._spans:
            span = _span(self.text, self.toks, first, last)
            self._spans[key] = span, len(span.split())
        return self._spans[key]


_SUBJECT_STOPS = frozenset({Tag.VERB, Tag.REL, Tag.SUB})
_SUBJECT_TOKENS = 12  # at most this many tokens of the opening noun phrase (words and marks)


def _describe(
    text: str,
    toks: Sequence[TokenLike],
    lo: int,
    hi: int,
    d: _Draft,
    floor: int,
    opening: _Opening,
) -> str:
    """The clause trimmed to subject + verb group + object, about twelve words.

    The subject is what stands between the previous verb group (*floor*) or
    the last comma and this group; a long one keeps its first words. A finite
    clause without a subject ("are claimed to have killed ...") borrows the
    first words of the sentence's opening noun phrase.
    """
    if d.pos is Pos.NOUN:
        first = d.first
    else:
        first = _skip_fronted(toks, max(lo, floor), d.first)
    while first < d.first and toks[first].tag in _CONJ_PUNCT:
        first += 1
    pre = [j for j in range(first, d.first) if _is_word(toks[j])]
    parts: list[str] = []
    used = 0  # words spent before the verb group
    if len(pre) > _SUBJECT_WORDS:
        parts.append(_span(text, toks, first, pre[_SUBJECT_KEEP - 1]) + " " + _ELLIPSIS)
        body_start, used = d.first, _SUBJECT_KEEP
    else:
        body_start, used = first, len(pre)
    if not pre and d.pos is Pos.VERB and d.tense is not Tense.NONE and lo > 0:
        subject, used_by_subject = opening.subject(lo)
        if subject:
            parts.append(subject + " " + _ELLIPSIS)  # "They … have been delayed"
            used = used_by_subject
    budget = max(_MAX_WORDS - used, 3)
    j = end = body_start
    words = 0
    while j < hi:
        if toks[j].norm[:1].isalnum():  # _is_word, inline in this loop over the clause
            if words >= budget and j > d.last:
                break
            words += 1
        end = j
        j += 1
    while end > d.last and toks[end].norm in (",", ";", ":", "(", "\u2013", "\u2014"):
        end -= 1
    parts.append(_span(text, toks, body_start, end) + (" " + _ELLIPSIS if j < hi else ""))
    return " ".join(parts)


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


_Found = list[tuple[_Draft, Clause, tuple[int, int]]]


def _sentence_drafts(
    text: str, sentence: Sentence, lex: Lexicon, elex: _EventLexicon, nominals: str
) -> tuple[_Found, list[TaggedWord]]:
    """Rules 1-4 over one sentence: drafts with their clause and token range."""
    toks = tag_words(text, sentence)
    clauses = split_clauses(text, sentence, toks)
    ranges = clause_token_ranges(toks, clauses)
    per_clause: list[list[_Draft]] = []
    for ci, (lo, hi) in enumerate(ranges):
        verbs = _verb_groups(toks, lo, hi, lex, elex)
        _link_governors(toks, verbs)
        nouns = (
            []
            if nominals == "none"
            else _nominal_events(toks, lo, hi, verbs, lex, elex, nominals == "all")
        )
        drafts = sorted(verbs + nouns, key=lambda d: d.trigger)
        for d in drafts:
            d.clause = ci
        per_clause.append(drafts)
    _reported_clauses(toks, ranges, per_clause, elex)
    out: _Found = []
    for ci, drafts in enumerate(per_clause):
        floor = ranges[ci][0]
        for d in drafts:
            d.floor = floor
            if d.pos is Pos.VERB:
                floor = d.last + 1
            if d.copula and d.lemma != "do":
                continue  # "there have been reports", "he had a car": no event
            if (
                toks[d.trigger].tag is Tag.VERB
                and d.first == d.trigger
                and toks[d.trigger].norm in elex.prep_participles
            ):
                continue  # "based on", "compared with": a preposition in all but form
            out.append((d, clauses[ci], ranges[ci]))
    return out, toks


NOMINAL_POLICIES = ("signalled", "all", "none")


def find_events(
    text: str, sentences: list[Sentence] | None = None, *, nominals: str = "signalled"
) -> list[Event]:
    """Find the events of *text*, in text order.

    Args:
        text: the document text.
        sentences: ``split_sentences(text)`` if already computed.
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
    elex = _event_lexicon()
    if sentences is None:
        sentences = split_sentences(text)
    found: list[_Placed] = []
    for sentence in sentences:
        drafts, toks = _sentence_drafts(text, sentence, lex, elex, nominals)
        opening = _Opening(text, toks)
        conditionals: dict[int, bool] = {}
        for d, clause, (lo, hi) in drafts:
            if lo not in conditionals:
                conditionals[lo] = _starts_with(toks, lo, hi, elex.conditionals)
            found.append(_Placed(d, clause, lo, hi, toks, conditionals[lo], opening))
    # ids follow text order (the sort is stable); each Event is built once,
    # with its final id and governor (Event is frozen and checks its fields)
    found.sort(key=lambda p: p.toks[p.draft.trigger].start)
    ids = {id(p.draft): f"e{n}" for n, p in enumerate(found, 1)}
    return [_event(text, p, ids) for p in found]


class _Placed(NamedTuple):
    """A draft with the clause, clause token range and sentence tokens it came from."""

    draft: _Draft
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
        description=_describe(text, toks, p.lo, p.hi, d, d.floor, p.opening),
        sentence=clause.sentence_index,
        clause=clause.index,
        lemma=d.lemma,
        verb_group=_span(text, toks, d.first, d.last) if d.pos is Pos.VERB else trig.text,
        tense=d.tense,
        aspect=d.aspect,
        voice=d.voice,
        modality=d.modality,
        polarity=Polarity.NEG if d.negated else Polarity.POS,
        status=_status(d, p.conditional),
        event_class=d.event_class,
        pos=d.pos,
        governor=ids.get(id(d.governor)) if d.governor is not None else None,
    )
