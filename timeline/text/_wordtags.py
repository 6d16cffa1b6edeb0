"""Word tags: a sentence -> its tokens, each with a coarse part of speech, form and lemma.

Takes the text and a sentence; gives ``tag_words`` (named tuples, what the
pipeline uses) or ``tag_tokens`` (the same as ``Token``). Rule based: one
pass left to right (``_tag_one``, whose steps follow; a word that reads the
same wherever it stands is read once, then taken from a memo:
``_readings.context_free_reading``), then a second pass over the stretches of
the sentence (``promote_candidates``). Linear time.
"""

from __future__ import annotations

import operator
from itertools import repeat

from timeline.text._lexicon import Lexicon, lexicon
from timeline.text._readings import (
    CONTRACTIONS,
    NOT_NAMES,
    PUNCT_READING,
    Reading,
    closed_reading,
    free_memo,
    learn_reading,
    lexical_forms,
    noun_like,
    readings_by_form,
    shape_reading,
    takes_complement,
    title_case,
)
from timeline.text._sentences import Sentence
from timeline.text._stretches import (
    OBJECT_STARTS,
    after_modifiers,
    previous_word,
    promote_candidates,
)
from timeline.text._tagset import (
    ADJ,
    BE,
    DET,
    DO,
    HAVE,
    MODAL,
    NOUN,
    NUM,
    POSS,
    PREP,
    PRON,
    PROPN,
    PUNCT,
    REL,
    TO,
    VERB,
    Tag,
)
from timeline.text._tokens import RawWord, TaggedWord, Token, TokenLike, raw_words
from timeline.text._verb_readings import base_or_s_form, participle_or_past

__all__ = ["TaggedWord", "TokenLike", "tag_tokens", "tag_words"]

# tag sets built once (see timeline.text._tagset)
_MODIFIERS = frozenset({DET, POSS, ADJ})
_DETERMINERS = frozenset({DET, POSS})
_DETERMINERS_NUM = _DETERMINERS | {NUM}
_ADJ_PROPN = frozenset({ADJ, PROPN})
_PRON_REL = frozenset({PRON, REL})
_BASE_FORM_AFTER = frozenset({MODAL, DO, TO})
_PARTICIPLE_FORMS = frozenset({"VBG", "VBN", "VBD"})
# the previous words after which _after_auxiliary and _after_phrase_word can decide
_AUXILIARY_CONTEXT = _BASE_FORM_AFTER | {HAVE, BE}
_PHRASE_CONTEXT = _MODIFIERS | _PRON_REL | {NUM, PREP}
_NOUN_FORMS = frozenset({"VB", "VBZ"})
_OPEN_QUOTES = frozenset(
    {'"', "``", "\u201c", "'", "\u2018", "(", "[", ":", "--", "\u2014", "\u2013"}
)


def tag_tokens(text: str, sentence: Sentence) -> list[Token]:
    """Tokenize the sentence and give each token a coarse part of speech.

    Rules, left to right: closed-class words from the tables; capitalised
    words inside a sentence are names; a verb form after a modal, "to" or
    "do" is a base form, after "have" a participle, after "be" a participle
    or -ing form; after a determiner, possessive or adjective it is a noun or
    adjective; a participle before a noun is an adjective ("the flagging
    regime"); an -ing form after singular modifiers is a gerund ("of intense
    bombing"). An ambiguous past form ("killed") is a participle before
    "by", at the start of a sentence, or when a finite verb precedes or
    follows it in its stretch ("civilians killed in raids", "the dividend
    paid on the stock will ..."); otherwise it is a past tense.
    A noun/verb ambiguous word ("attacks", "follow") is a verb when a subject
    pronoun precedes it, or when it is the first word of its stretch (before
    any finite verb) with a subject that agrees with it ("the attacks follow",
    not "the junk market") and is not itself followed by the verb of which
    it is the subject ("Telerate shares fell").
    """
    return [
        Token(t.start, t.end, t.text, norm=t.norm, tag=t.tag, form=t.form, lemma=t.lemma)
        for t in tag_words(text, sentence)
    ]


def tag_words(text: str, sentence: Sentence) -> list[TaggedWord]:
    """``tag_tokens(text, sentence)`` as TaggedWords (same fields, same values)."""
    lex = lexicon()
    raw = raw_words(text, sentence.start, sentence.end)
    caps_informative = not title_case(raw)
    memo = free_memo(lex)
    slot = 2 if caps_informative else 1  # the memo's reading for this sentence
    # filled in place, left to right: the steps read only the words before i
    n = len(raw)
    tags: list[Tag] = [PUNCT] * n
    forms: list[str] = [""] * n
    readings: list[Reading] = [PUNCT_READING] * n
    for i, (_start, _end, word, norm) in enumerate(raw):
        # most words read the same wherever they stand: one look-up, no call
        known = memo.get(word)
        if known is None or known[0] != norm:
            known = learn_reading(memo, word, norm, lex)
        reading = readings[i] = known[slot] or _tag_one(i, raw, tags, forms, lex, caps_informative)
        tags[i] = reading[0]
        forms[i] = reading[1]
    promote_candidates(raw, tags, forms, list(map(_CANDIDATE, readings)), lex)
    lemmas = [reading[2] or tok[3] for reading, tok in zip(readings, raw, strict=True)]
    # a RawWord's fields, then tag, form and lemma, joined and built in C
    # (tuple.__new__, as in raw_words), not word by word in Python
    fields = map(operator.add, raw, zip(tags, forms, lemmas, strict=True))
    return list(map(tuple.__new__, repeat(TaggedWord), fields))


_CANDIDATE = operator.itemgetter(3)  # of a Reading


# --------------------------------------------------------------------------
# One word, left to right: each step gives a reading or None (not decided)
# --------------------------------------------------------------------------


def _tag_one(
    i: int,
    raw: list[RawWord],
    tags: list[Tag],
    forms: list[str],
    lex: Lexicon,
    caps_informative: bool,
) -> Reading:
    """The reading of ``raw[i]``, given the tags and forms of the words before it.

    The steps run in order, the first that decides wins; a step is skipped
    where its test shows it could not decide (per-token code: calls cost).
    """
    norm = raw[i].norm
    nxt = raw[i + 1] if i + 1 < len(raw) else None
    reading = None
    if not norm[:1].isalpha():  # only such a word can be a symbol or "'s", "'d"
        reading = _symbol(i, raw) or _contraction(i, raw, nxt, lex)
    reading = reading or _closed_class_or_name(i, raw, tags, lex, caps_informative)
    if reading is not None:
        return reading
    by_form = readings_by_form(norm, lex)  # form -> lemma; shared: read only
    if not by_form:
        return _unknown_word(raw[i], lex, caps_informative)
    p = previous_word(i, tags)
    ptag = tags[p] if p >= 0 else None
    if ptag in _AUXILIARY_CONTEXT:
        reading = _after_auxiliary(norm, by_form, ptag, lex)
    if reading is None and not _PARTICIPLE_FORMS.isdisjoint(by_form):
        reading = _nominal_reading(norm, p, raw, tags, forms, by_form, nxt, lex)
    if reading is None and ptag in _PHRASE_CONTEXT:
        reading = _after_phrase_word(by_form, ptag)
    return (
        reading
        or participle_or_past(i, raw, tags, forms, by_form, p, nxt, lex)
        or base_or_s_form(raw, tags, forms, by_form, p, nxt, lex)
    )


def _symbol(i: int, raw: list[RawWord]) -> Reading | None:
    """A possessive apostrophe, punctuation or a number."""
    tok = raw[i]
    norm = tok.norm
    initial = norm[:1]
    if (
        norm == "'"
        and i > 0
        and raw[i - 1].end == tok.start
        and raw[i - 1].norm.endswith("s")
        and i + 1 < len(raw)
        and raw[i + 1].norm[:1].isalpha()
    ):
        return POSS, "", "", False  # "the relatives' appeal"
    if not initial.isalnum() and norm not in CONTRACTIONS:
        return PUNCT, "", "", False
    if initial.isdigit():
        return NUM, "", "", False
    return None


def _contraction(i: int, raw: list[RawWord], nxt: RawWord | None, lex: Lexicon) -> Reading | None:
    """The contractions "'s" and "'d", whose reading depends on the neighbours."""
    norm = raw[i].norm
    if norm == "'s":
        host = raw[i - 1].norm if i > 0 else ""
        if host not in lex.clitic_verb_hosts:
            return POSS, "", "", False
        nxt_forms = {f for f, _ in lexical_forms(nxt.norm, lex)} if nxt else set()
        if nxt is not None and (
            nxt.norm == "been" or ("VBN" in nxt_forms and "VBD" not in nxt_forms)
        ):
            return HAVE, "VBP", "have", False
        return BE, "VBP", "be", False
    if norm == "'d":
        nxt_forms = {f for f, _ in lexical_forms(nxt.norm, lex)} if nxt else set()
        if nxt is not None and (
            nxt.norm == "been" or ("VBN" in nxt_forms and "VB" not in nxt_forms)
        ):
            return HAVE, "VBD", "have", False
        return MODAL, "", "would", False
    return None


def _closed_class_or_name(
    i: int, raw: list[RawWord], tags: list[Tag], lex: Lexicon, caps_informative: bool
) -> Reading | None:
    """A closed-class word from the tables, or a capitalised name inside the sentence."""
    tok = raw[i]
    norm = tok.norm
    closed = lex.closed_tags.get(norm)
    capitalized = tok.text[:1].isupper()
    if closed is None and not capitalized:
        return None  # a lower-case open-class word: most words, decided later
    sentence_initial = i == 0 or raw[i - 1].norm in _OPEN_QUOTES
    proper = caps_informative and capitalized and not sentence_initial and norm != "i"
    if closed is not None and not (proper and closed in NOT_NAMES):
        if closed is REL and i > 0 and tags[i - 1] is PREP:
            return DET, "", "", False
        return closed_reading(closed, norm, lex)
    if proper:
        return PROPN, "", "", False
    return None


def _unknown_word(tok: RawWord, lex: Lexicon, caps_informative: bool) -> Reading:
    """A word with no verb reading: a name, adverb, adjective or noun by its shape."""
    if caps_informative and tok.text[:1].isupper():
        return PROPN, "", "", False
    return shape_reading(tok.norm, lex)


def _after_auxiliary(
    norm: str, by_form: dict[str, str], ptag: Tag | None, lex: Lexicon
) -> Reading | None:
    """A base form after a modal, "do" or "to"; a participle after "have" or "be"."""
    if ptag in _BASE_FORM_AFTER and "VB" in by_form:
        return VERB, "VB", by_form["VB"], False
    if ptag is HAVE and "VBN" in by_form:
        return VERB, "VBN", by_form["VBN"], False
    if ptag is BE:
        if norm in lex.adjectives:
            return ADJ, "", "", False
        if "VBG" in by_form:
            return VERB, "VBG", by_form["VBG"], False
        if "VBN" in by_form:
            return VERB, "VBN", by_form["VBN"], False
    return None


def _participle_before_noun(
    norm: str,
    p: int,
    raw: list[RawWord],
    tags: list[Tag],
    forms: list[str],
    by_form: dict[str, str],
    lex: Lexicon,
) -> bool:
    """Whether a participle before a noun is an adjective, given the word *p* before it
    ("the flagging regime", "convertible subordinated debentures", "chief operating
    officer")."""
    ptag = tags[p] if p >= 0 else None
    return (
        ptag in _DETERMINERS_NUM
        or (ptag is PREP and ("VBG" not in by_form or norm in lex.adjectival))
        or (ptag in _ADJ_PROPN and "VBG" in by_form)
        or (ptag is ADJ and not takes_complement(norm, lex))
        or (ptag is NOUN and "VBG" in by_form and not forms[p] and not raw[p].norm.endswith("s"))
    )


def _nominal_reading(
    norm: str,
    p: int,
    raw: list[RawWord],
    tags: list[Tag],
    forms: list[str],
    by_form: dict[str, str],
    nxt: RawWord | None,
    lex: Lexicon,
) -> Reading | None:
    """A participle read as an adjective before a noun, or a gerund after modifiers."""
    noun_next = nxt is not None and noun_like(nxt.norm, nxt.text, lex)
    participle = not _PARTICIPLE_FORMS.isdisjoint(by_form)
    if (
        participle
        and noun_next
        and _participle_before_noun(norm, p, raw, tags, forms, by_form, lex)
    ):
        return ADJ, "", "", False
    if (
        "VBG" in by_form
        and after_modifiers(p, raw, tags, forms)
        and not (nxt is not None and lex.closed_tags.get(nxt.norm) in OBJECT_STARTS)
    ):
        # "of intense bombing", "in London trading": singular modifiers, then a gerund
        return NOUN, "VBG", by_form["VBG"], False
    return None


def _after_phrase_word(by_form: dict[str, str], ptag: Tag | None) -> Reading | None:
    """After a modifier or number a noun (or adjective); after a preposition a
    gerund or noun; after a subject pronoun or relative a finite verb."""
    if ptag in _MODIFIERS or ptag is NUM:
        if "VBG" in by_form:
            return NOUN, "VBG", by_form["VBG"], False
        if by_form.keys() <= _NOUN_FORMS:
            return NOUN, "", next(iter(by_form.values())), False
        if ptag in _DETERMINERS:
            return ADJ, "", "", False
    if ptag is PREP:
        if "VBG" in by_form:
            return VERB, "VBG", by_form["VBG"], False
        return NOUN, "", "", False
    if ptag in _PRON_REL:
        for form in ("VBD", "VBZ", "VB"):
            if form in by_form:
                return VERB, "VBP" if form == "VB" else form, by_form[form], False
    return None
