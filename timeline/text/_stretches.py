"""Stretches: the runs of words between punctuation and clause cues, one finite verb each.

Takes a sentence's raw words with the tags and forms given so far; gives the
bounded look-backs the tagger's rules read (the previous word past adverbs, a
run of modifiers, a finite verb earlier in the stretch) and the look-ahead
for a finite verb (which decide "killed" as past or participle), and its
second pass, ``promote_candidates``: the noun/verb ambiguous word that is a
stretch's verb.
Every scan is bounded, so tagging stays linear.
"""

from __future__ import annotations

from timeline.text._lexicon import Lexicon
from timeline.text._readings import takes_complement
from timeline.text._sentences import ENDERS
from timeline.text._tagset import (
    ADJ,
    ADV,
    ALWAYS_FINITE_TAGS,
    CLAUSE_CUE_TAGS,
    CONJ,
    DET,
    FINITE_FORMS,
    FINITE_TAGS,
    NEG,
    NOUN,
    NOUN_TAGS,
    NUM,
    OBJ,
    POSS,
    PREP,
    PRON,
    PROPN,
    PUNCT,
    REL,
    SUB,
    TO,
    VERB,
    Tag,
)
from timeline.text._tokens import RawWord

__all__ = [
    "OBJECT_STARTS",
    "after_modifiers",
    "finite_ahead",
    "finite_before",
    "previous_word",
    "promote_candidates",
    "separator",
    "stretch_break",
]

OBJECT_STARTS = frozenset({DET, POSS, PRON, OBJ, NUM})
_QUOTE_MARKS = frozenset({'"', "``", "''", "\u201c", "\u201d", "'", "\u2018", "\u2019"})
_STRETCH_OPENERS = frozenset({PUNCT, CONJ, SUB, REL, ADV})
_NON_THIRD_PERSON = frozenset({"i", "you", "we", "they"})
_SUBJECT_INNER = frozenset({PREP, DET, POSS, NOUN, PROPN, ADJ, NUM, ADV})
_SUBJECTS = frozenset({NOUN, PROPN, PRON, NUM})
_GROUP_INNER = frozenset({ADV, NEG})
_PHRASE_OPENERS = frozenset({DET, POSS, NUM, PREP})
_NOMINAL_MODIFIERS = NOUN_TAGS | {ADJ}


def separator(norm: str, lex: Lexicon) -> bool:
    return norm in lex.separators or norm in ENDERS


def stretch_break(raw: list[RawWord], tags: list[Tag], k: int, lex: Lexicon) -> bool:
    """Whether word *k* (a clause cue or separating punctuation) ends a stretch."""
    norm = raw[k].norm
    return (
        tags[k] in CLAUSE_CUE_TAGS
        or norm in lex.cues_single
        or (tags[k] is PUNCT and separator(norm, lex))
    )


def _finite(tag: Tag, form: str) -> bool:
    return tag in ALWAYS_FINITE_TAGS or (tag in FINITE_TAGS and form in FINITE_FORMS)


def finite_before(
    i: int, tags: list[Tag], forms: list[str], raw: list[RawWord], lex: Lexicon
) -> bool:
    """Whether a finite verb occurs earlier in the same stretch (bounded look-back).

    A finite verb inside a relative clause ("officials who monitor the area
    said") does not count, nor does a verb that takes a bare complement
    ("said net income gained"): the word after it starts a new clause.
    """
    j = i - 1
    steps = 0
    found = False
    while j >= 0 and steps < 12:
        tag = tags[j]
        if tag is REL:
            return False  # the finite verb seen belongs to the relative clause
        if stretch_break(raw, tags, j, lex):
            return found
        if _finite(tag, forms[j]) and not found:
            if tag is VERB and takes_complement(raw[j].norm, lex):
                return False
            found = True
        j -= 1
        steps += 1
    return found


def finite_ahead(i: int, raw: list[RawWord], lex: Lexicon) -> bool:
    """Whether an unmistakable finite verb follows in the same stretch (bounded).

    "The dividend paid on the stock will apply": "paid" is a participle.
    """
    stops, finite = lex.stretch_stops, lex.finite_auxiliaries
    for j in range(i + 1, min(len(raw), i + 10)):
        norm = raw[j].norm
        if norm in stops or norm in ENDERS:  # a clause cue or separator
            return False
        if norm in finite:
            return True
    return False


def previous_word(i: int, tags: list[Tag]) -> int:
    """Index of the previous token that is not an adverb or negator, or -1."""
    j = i - 1
    steps = 0
    while j >= 0 and tags[j] in _GROUP_INNER and steps < 4:
        j -= 1
        steps += 1
    return j


def after_modifiers(p: int, raw: list[RawWord], tags: list[Tag], forms: list[str]) -> bool:
    """Whether ``raw[p]`` ends a run of singular modifiers opened by a determiner
    or preposition ("of intense", "in national over-the-counter")."""
    steps = 0
    while p >= 0 and steps < 4:
        tag = tags[p]
        if tag in _PHRASE_OPENERS:
            return steps > 0
        norm = raw[p].norm
        if tag not in _NOMINAL_MODIFIERS or forms[p]:
            return False
        if tag is not PROPN and norm.endswith("s") and not norm.endswith("ss"):
            return False  # a plural head: "groups fighting", "raids targeting"
        p -= 1
        steps += 1
    return False


# --------------------------------------------------------------------------
# The second pass: the verb of each stretch
# --------------------------------------------------------------------------


def promote_candidates(
    raw: list[RawWord],
    tags: list[Tag],
    forms: list[str],
    candidates: list[bool],
    lex: Lexicon,
) -> None:
    """In each stretch, read the first eligible candidate before any finite verb as one.

    A stretch runs between punctuation, clause cues and the verbs that take a
    bare complement ("said its unit continues"). "The attacks follow claims":
    "attacks" follows a determiner, so "follow" is the verb.
    """
    if True not in candidates:
        return
    last_candidate = len(candidates) - 1 - candidates[::-1].index(True)
    n = len(raw)
    cues, separators, complement_forms = lex.cues_single, lex.separators, lex.complement_forms
    start = 0
    for k in range(1, n + 1):
        if start > last_candidate:
            return  # no candidate left to promote
        if k < n:
            # stretch_break(raw, tags, k, lex), or a verb with a bare complement
            # before k, inline: this runs for every word
            tag, norm = tags[k], raw[k][3]
            if not (
                tag in CLAUSE_CUE_TAGS
                or norm in cues
                or (tag is PUNCT and (norm in separators or norm in ENDERS))
                or (tags[k - 1] is VERB and raw[k - 1][3] in complement_forms)
            ):
                continue
        if True not in candidates[start:k]:
            start = k
            continue
        stop = start
        while stop < k and not _finite(tags[stop], forms[stop]):
            stop += 1
        j = _eligible_candidate(raw, tags, forms, candidates, start, stop, k, lex)
        if j >= 0:
            forms[j] = "VBZ" if forms[j] == "VBZ" else "VBP"
            tags[j] = VERB
        start = k


def _plural_subject(tok: RawWord, tag: Tag) -> bool:
    """Whether a subject word takes the base form of a verb ("groups say", "they say")."""
    if tag is PRON:
        return tok.norm in _NON_THIRD_PERSON
    norm = tok.norm
    return tag in NOUN_TAGS and norm.endswith("s") and not norm.endswith("ss")


def _subject_of_later_verb(tags: list[Tag], forms: list[str], j: int, end: int) -> bool:
    """Whether only noun-phrase words separate token *j* from a finite verb after it."""
    for k in range(j + 1, min(end, j + 8)):
        tag = tags[k]
        if _finite(tag, forms[k]):
            return True
        if tag not in _SUBJECT_INNER:
            return False
    return False


def _stretch_opening(
    raw: list[RawWord], tags: list[Tag], start: int, end: int, lex: Lexicon
) -> tuple[int, bool, bool]:
    """Where the stretch ``[start, end)`` starts after its openers (punctuation,
    cues, adverbs); whether it reads as a phrase, not a clause ("and on routes
    towards the border"); whether a subordinator or relative opens it ("if",
    "which": surely a clause)."""
    first = start
    in_phrase = False
    clause_cue = False
    while first < end and (tags[first] in _STRETCH_OPENERS or raw[first].norm in lex.cues_single):
        in_phrase = in_phrase or tags[first] is PREP  # "as", "after" + phrase
        clause_cue = clause_cue or tags[first] in (SUB, REL)
        first += 1
    in_phrase = in_phrase or (first < end and tags[first] in (PREP, TO))
    return first, in_phrase, clause_cue


def _verb_without_subject(
    raw: list[RawWord], tags: list[Tag], forms: list[str], candidates: list[bool], j: int, end: int
) -> bool:
    """Whether candidate *j*, with no subject in its stretch, is a verb: only an
    -s form with an object ("..., allows trucks to pass"); a bare base form
    would be an imperative, rare in news ("Storm Aurel: ...")."""
    nxt_tag = tags[j + 1] if j + 1 < len(raw) else PUNCT
    object_follows = nxt_tag in OBJECT_STARTS or nxt_tag in (PROPN, TO)
    # (this once also read the form of the untagged word j + 1, always
    # empty; forms[j + 1] may have been meant, but would change output)
    bare_object = nxt_tag is NOUN and not candidates[j + 1]
    return forms[j] == "VBZ" and (object_follows or bare_object) and j + 1 < end


def _verb_after_subject(
    raw: list[RawWord],
    tags: list[Tag],
    forms: list[str],
    candidates: list[bool],
    j: int,
    stretch: tuple[int, int, int],
    lex: Lexicon,
) -> bool:
    """Whether candidate *j* is the verb of the subject just before it.

    *stretch* is ``(start, stop, end)`` as in ``_eligible_candidate``.
    """
    start, stop, end = stretch
    p = j - 1
    while p > start and (tags[p] is ADV or raw[p].norm in _QUOTE_MARKS):
        p -= 1
    if tags[p] not in _SUBJECTS:
        return False
    if (forms[j] == "VBZ") == _plural_subject(raw[p], tags[p]):
        return False  # no agreement: "the groups plans", "the junk market"
    if (
        j + 1 < stop
        # "Rescue services say", "the new rules apply"; but after a plural
        # head the word is the verb: "the attacks follow claims"
        and (candidates[p] or not _plural_subject(raw[p], tags[p]))
        and candidates[j + 1]
        and (forms[j + 1] == "VBZ") != _plural_subject(raw[j], NOUN)
    ):
        return False  # the next word is the verb, this one its subject: "rescue services say"
    # "Telerate shares fell", "exiles in Miami will proceed": the subject of a later verb
    return takes_complement(raw[j].norm, lex) or not _subject_of_later_verb(tags, forms, j, end)


def _eligible_candidate(
    raw: list[RawWord],
    tags: list[Tag],
    forms: list[str],
    candidates: list[bool],
    start: int,
    stop: int,
    end: int,
    lex: Lexicon,
) -> int:
    """The candidate in ``[start, stop)`` to read as the finite verb of ``[start, end)``, or -1.

    A candidate needs a subject just before it that agrees with it ("groups
    say", "the town falls", not "the junk market"), or, opening its stretch,
    an object right after it ("..., allows troops to push"). It never ends
    its stretch in the -s form ("common shares.") unless it reports ("the
    company says.") or a subordinator opens the stretch ("if the levee
    breaks,"). A stretch that opens with a preposition is usually a phrase,
    not a clause ("and on routes towards the border"): there a candidate also
    needs an object after it.
    """
    first, in_phrase, clause_cue = _stretch_opening(raw, tags, start, end, lex)
    for j in range(start, stop):
        if not candidates[j]:
            continue
        reports = raw[j].norm in lex.reporting_forms
        if j + 1 >= end and forms[j] == "VBZ" and not (reports or clause_cue):
            continue
        if j == first or in_phrase:
            if _verb_without_subject(raw, tags, forms, candidates, j, end):
                return j
            continue
        if _verb_after_subject(raw, tags, forms, candidates, j, (start, stop, end), lex):
            return j
    return -1
