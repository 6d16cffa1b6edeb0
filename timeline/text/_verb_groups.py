"""Verb groups: the tense, aspect, voice and polarity of a clause, read once.

Takes the tagged words of a sentence (``tag_words``) and gives its verb
groups, each an auxiliary chain, modal, negation, planning cue and head verb
with its TimeML tense, aspect and voice::

    verb_groups(text, sentence, words)         -> [VerbGroup]  clause by clause
    read_verb_groups(words, lo, hi)            -> [VerbGroup]  in words[lo:hi]
    clause_tense_at(text, sentence, offset)    -> VerbGroup | None

"have been killed" is PRESENT + PERFECTIVE, PASSIVE; "had left" PAST +
PERFECTIVE; "will be held" FUTURE, PASSIVE; "would go" NONE with modal
"would"; "are due to begin" PRESENT with cue "due to"; infinitives and
participles NONE. Linear in the number of words; the cue phrases come from
``grammars/events/verbs.toml`` ([cues]).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from timeline.text._clauses import clause_token_ranges, split_clauses
from timeline.text._features import Aspect, Polarity, Tense, Voice
from timeline.text._lexicon import Lexicon, lexicon
from timeline.text._sentences import Sentence
from timeline.text._tables import string_map
from timeline.text._tagset import (
    ADV,
    BE,
    DO,
    HAVE,
    MODAL,
    NEG,
    TO,
    VERB,
)
from timeline.text._wordtags import TokenLike, tag_words

__all__ = [
    "AUX_TAGS",
    "Aspect",
    "Polarity",
    "Tense",
    "VerbGroup",
    "Voice",
    "clause_tense_at",
    "governing_group",
    "read_verb_groups",
    "verb_groups",
]


@attrs.frozen
class VerbGroup:
    """A verb group of a clause.

    Attributes:
        first: index (in the sentence's words) of its first word: an
            auxiliary, "to", or the head itself.
        head: index of the head verb: the main verb or, in a copula ("is on
            Saturday", "there have been reports"), the last auxiliary.
        start: offset of the first word in the whole text.
        end: offset just past the head.
        lemma: dictionary form of the head ("killed" -> "kill").
        tense: TimeML tense (perfect aspect kept apart).
        aspect: TimeML aspect.
        voice: ACTIVE or PASSIVE.
        polarity: NEG when a negator is inside the group ("did not go").
        modal: the modal as shown ("would"; "will" for "wo"), or None.
        cue: the planning or possibility phrase after "be" ("due", "to"),
            or None.
        hypothetical: the modal makes the group only possible ("could").
        infinitive: the group opens with "to".
        copula: no main verb: the head is the last auxiliary.
        clause: index of the clause within the sentence.
    """

    first: int
    head: int
    start: int = attrs.field(kw_only=True)
    end: int = attrs.field(kw_only=True)
    lemma: str = attrs.field(kw_only=True)
    tense: Tense = attrs.field(kw_only=True)
    aspect: Aspect = attrs.field(kw_only=True)
    voice: Voice = attrs.field(kw_only=True)
    polarity: Polarity = attrs.field(kw_only=True)
    modal: str | None = attrs.field(kw_only=True, default=None)
    cue: tuple[str, ...] | None = attrs.field(kw_only=True, default=None)
    hypothetical: bool = attrs.field(kw_only=True, default=False)
    infinitive: bool = attrs.field(kw_only=True, default=False)
    copula: bool = attrs.field(kw_only=True, default=False)
    clause: int = attrs.field(kw_only=True, default=0)

    @property
    def modality(self) -> str | None:
        """The cue ("due to") if any, else the modal ("would"), else None."""
        return " ".join(self.cue) if self.cue is not None else self.modal

    @property
    def finite(self) -> bool:
        """Whether the group has a tense or a modal (not an infinitive or participle)."""
        return self.tense is not _NO_TENSE or self.modal is not None


# The members the per-group code reads, as module constants (an enum class's
# attribute is slow to look up in Python 3.11: see timeline.text._tagset).
_NO_TENSE, _PAST, _PRESENT, _FUTURE = Tense.NONE, Tense.PAST, Tense.PRESENT, Tense.FUTURE
_ASPECTS = {  # (perfect, progressive) -> aspect
    (True, True): Aspect.PERFECTIVE_PROGRESSIVE,
    (True, False): Aspect.PERFECTIVE,
    (False, True): Aspect.PROGRESSIVE,
    (False, False): Aspect.NONE,
}
_VOICES = {True: Voice.PASSIVE, False: Voice.ACTIVE}  # by passive
_POLARITIES = {True: Polarity.NEG, False: Polarity.POS}  # by negated

# Tag sets are built once: in Python 3.11 every ``Tag.X`` goes through
# EnumType.__getattr__, which is slow in per-token loops.
AUX_TAGS = frozenset({MODAL, BE, HAVE, DO})
_GROUP_STARTS = AUX_TAGS | {VERB, TO}
_ADVERBIAL = frozenset({ADV, NEG})
_COPULA_HEADS = frozenset({BE, HAVE, DO})

# Longest verb group read, in auxiliaries and cue words: "would not have been
# due to be" has six; a longer run is not one verb group.
_MAX_AUX = 12


class _Cues(NamedTuple):
    phrases: frozenset[tuple[str, ...]]
    longest: int


@functools.cache
def _cues() -> _Cues:
    """The [cues] phrases of verbs.toml; their statuses are the event stage's concern."""
    phrases = frozenset(tuple(p.split()) for p in string_map("verbs.toml", "cues"))
    return _Cues(phrases, max((len(p) for p in phrases), default=1))


def _skip_adverbs(toks: Sequence[TokenLike], j: int, hi: int) -> int:
    steps = 0
    while j < hi and toks[j].tag in _ADVERBIAL and steps < 3:
        j += 1
        steps += 1
    return j


def _cue_at(toks: Sequence[TokenLike], j: int, hi: int, cues: _Cues) -> int:
    """Length of the cue phrase starting at token *j*, or 0."""
    for length in range(min(cues.longest, hi - j), 1, -1):
        if tuple(t.norm for t in toks[j : j + length]) in cues.phrases:
            return length
    return 0


def _cue_after_be(
    toks: Sequence[TokenLike], j: int, hi: int, cues: _Cues
) -> tuple[int, int, int] | None:
    """A cue after "be" at *j* followed by a verb: (cue start, cue length, verb index)."""
    after = _skip_adverbs(toks, j, hi)
    length = _cue_at(toks, after, hi, cues)
    if not length:
        return None
    target = _skip_adverbs(toks, after + length, hi)
    if target < hi and (toks[target].tag is VERB or toks[target].tag in AUX_TAGS):
        return after, length, target
    return None


def _has_negator(toks: Sequence[TokenLike], lo: int, hi: int) -> bool:
    return any(toks[m].tag is NEG for m in range(lo, hi))


class _Scan(NamedTuple):
    aux: list[int]  # auxiliaries, "to" and cue words, in order
    negated: bool
    cue: tuple[str, ...] | None
    main: int  # the main verb, or -1
    stop: int  # where reading resumes


def _scan(toks: Sequence[TokenLike], k: int, hi: int, cues: _Cues) -> _Scan:
    """Walk the auxiliaries, adverbs, cue and main verb of the group starting at *k*."""
    aux: list[int] = []
    negated = False
    cue: tuple[str, ...] | None = None
    j = k
    # the bound keeps a run of auxiliaries ("will will will ...", read again
    # from each of its words when it has no main verb) linear
    while j < hi and len(aux) < _MAX_AUX:
        tok = toks[j]
        if tok.tag in AUX_TAGS or (tok.tag is TO and not aux and j == k):
            aux.append(j)
            j += 1
            found = _cue_after_be(toks, j, hi, cues) if tok.tag is BE and cue is None else None
            if found is not None:
                after, length, target = found
                cue = tuple(t.norm for t in toks[after : after + length])
                aux.extend(range(after, after + length))
                negated = negated or _has_negator(toks, j, after)
                j = target
            continue
        if tok.tag in _ADVERBIAL and aux:
            nxt = _skip_adverbs(toks, j, hi)
            if nxt < hi and (toks[nxt].tag in AUX_TAGS or toks[nxt].tag is VERB):
                negated = negated or _has_negator(toks, j, nxt)
                j = nxt
                continue
            if tok.tag is NEG:
                negated = True
            break
        if tok.tag is VERB:
            return _Scan(aux, negated, cue, j, j + 1)
        break
    return _Scan(aux, negated, cue, -1, j)


def _tense_and_modal(head: TokenLike, lex: Lexicon) -> tuple[Tense, str | None, bool]:
    """Tense, modal and whether the modal is of possibility, from the group's first auxiliary."""
    if head.tag is MODAL:
        name = lex.modal_names.get(head.norm, head.lemma or head.norm)
        if lex.modals.get(head.norm) == "FUTURE":
            return _FUTURE, name, False
        return (
            _NO_TENSE,
            name,
            head.norm in lex.hypothetical_modals or name in lex.hypothetical_modals,
        )
    if head.tag is TO:
        return _NO_TENSE, None, False
    if head.form == "VBD":
        return _PAST, None, False
    if head.form in ("VBZ", "VBP"):
        return _PRESENT, None, False
    return _NO_TENSE, None, False


def _aspect_and_voice(
    chain: Sequence[TokenLike], main: TokenLike, copula: bool
) -> tuple[Aspect, Voice]:
    """Aspect (have + participle; be + -ing) and voice (be + participle, or a bare participle)."""
    has_have = any(t.tag is HAVE for t in chain)
    perfect = has_have and (main.form == "VBN" or any(t.norm == "been" for t in chain) or copula)
    has_be = any(t.tag is BE for t in chain)
    progressive = has_be and main.form == "VBG" and not copula
    passive = main.form == "VBN" and not copula and (has_be or not has_have)
    return _ASPECTS[perfect, progressive], _VOICES[passive]


def _group(toks: Sequence[TokenLike], scan: _Scan, lex: Lexicon, clause: int) -> VerbGroup | None:
    """The VerbGroup of a scan; None for a bare "to" or modal ("he said he would")."""
    aux, main, copula = scan.aux, scan.main, False
    if main < 0:
        if not aux or toks[aux[0]].tag is TO and len(aux) == 1:
            return None
        if toks[aux[-1]].tag not in _COPULA_HEADS:
            return None  # a bare modal: ellipsis ("he said he would")
        main, aux, copula = aux[-1], aux[:-1], True
    main_tok = toks[main]
    chain = [toks[a] for a in aux if toks[a].tag in AUX_TAGS or toks[a].tag is TO]
    head = chain[0] if chain else main_tok
    tense, modal, hypothetical = _tense_and_modal(head, lex)
    aspect, voice = _aspect_and_voice(chain, main_tok, copula)
    first = min(aux[0] if aux else main, main)
    return VerbGroup(
        first,
        main,
        start=toks[first].start,
        end=main_tok.end,
        lemma=main_tok.lemma or main_tok.norm,
        tense=tense,
        aspect=aspect,
        voice=voice,
        polarity=_POLARITIES[scan.negated],
        modal=modal,
        cue=scan.cue,
        hypothetical=hypothetical,
        infinitive=head.tag is TO,
        copula=copula,
        clause=clause,
    )


def read_verb_groups(
    words: Sequence[TokenLike], lo: int = 0, hi: int | None = None, clause: int = 0
) -> list[VerbGroup]:
    """Every verb group of ``words[lo:hi]`` (one clause), in order; *clause* is stored in each."""
    lex, cues = lexicon(), _cues()
    hi = len(words) if hi is None else hi
    groups: list[VerbGroup] = []
    k = lo
    while k < hi:
        if words[k].tag in _GROUP_STARTS:
            scan = _scan(words, k, hi, cues)
            group = _group(words, scan, lex, clause)
            if group is not None:
                groups.append(group)
                k = max(scan.stop, k + 1)
                continue
        k += 1
    return groups


def _clause_ranges(
    text: str, sentence: Sentence, words: Sequence[TokenLike]
) -> list[tuple[int, int]]:
    return clause_token_ranges(words, split_clauses(text, sentence, words))


def verb_groups(
    text: str, sentence: Sentence, words: Sequence[TokenLike] | None = None
) -> list[VerbGroup]:
    """The verb groups of *sentence*, clause by clause (a group never crosses a clause).

    *words* is ``tag_words(text, sentence)`` if already computed; indices in
    the groups are into it.
    """
    words = tag_words(text, sentence) if words is None else words
    out: list[VerbGroup] = []
    for ci, (lo, hi) in enumerate(_clause_ranges(text, sentence, words)):
        out.extend(read_verb_groups(words, lo, hi, ci))
    return out


def governing_group(groups: Sequence[VerbGroup], offset: int) -> VerbGroup | None:
    """The group whose tense holds at *offset*, among the groups of one clause.

    The last finite group (with a tense or modal) starting before *offset*
    ("was signed on March 21"), else the first finite one after it ("On
    Monday the talks will resume"), else the nearest group; None if none.
    """
    finite = [g for g in groups if g.finite]
    before = [g for g in finite if g.start <= offset]
    if before:
        return before[-1]
    if finite:
        return finite[0]
    if not groups:
        return None
    return min(groups, key=lambda g: min(abs(g.start - offset), abs(g.end - offset)))


def clause_tense_at(
    text: str, sentence: Sentence, offset: int, words: Sequence[TokenLike] | None = None
) -> VerbGroup | None:
    """The verb group governing character *offset* of *sentence* (see ``governing_group``).

    Looks in the clause holding *offset* (or the nearest clause before it),
    and in the whole sentence when that clause has no verb group. "The
    treaty was signed on March 21" -> PAST, PASSIVE; "the talks will be held
    on Friday" -> FUTURE; "the match is on Saturday" -> PRESENT.
    """
    words = tag_words(text, sentence) if words is None else words
    ranges = _clause_ranges(text, sentence, words)
    ci = 0
    for i, (lo, _hi) in enumerate(ranges):
        if lo < len(words) and words[lo].start <= offset:
            ci = i
    groups: list[VerbGroup] = []
    if ranges:
        groups = read_verb_groups(words, ranges[ci][0], ranges[ci][1], ci)
    if not groups:
        groups = [
            g for i, (lo, hi) in enumerate(ranges) for g in read_verb_groups(words, lo, hi, i)
        ]
    return governing_group(groups, offset)
