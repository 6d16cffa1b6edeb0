"""What a word can be on its own, before its neighbours decide.

Takes a casefolded word (or a sentence's raw words) and the lexicon; gives the
verb-form readings of an open-class word, the Penn form of an auxiliary, the
shapes the tagger tests (adjective endings, a noun that a participle can
modify, title-case headlines), and the word tagger's reading of a word that
reads the same wherever it stands (``context_free_reading``, memoised).
"""

from __future__ import annotations

from timeline.text._lexicon import Lexicon
from timeline.text._morphology import guess_lemma
from timeline.text._tagset import ADJ, ADV, BE, DO, HAVE, MODAL, NOUN, NUM, PROPN, PUNCT, REL, Tag
from timeline.text._tokens import RawWord

__all__ = [
    "CONTRACTIONS",
    "NOT_NAMES",
    "PUNCT_READING",
    "Reading",
    "adjective_shape",
    "aux_form",
    "closed_reading",
    "context_free_reading",
    "free_memo",
    "learn_reading",
    "lexical_forms",
    "noun_like",
    "readings_by_form",
    "shape_reading",
    "takes_complement",
    "title_case",
]


# lexical_forms by word, for the lexicon it was computed with: a word's readings
# do not depend on its neighbours, and a text repeats its words. Cleared when
# full, so that memory stays bounded on any input.
_MEMO: dict[str, tuple[tuple[str, str], ...]] = {}
_MEMO_MAX = 50_000
_memo_lexicon: list[Lexicon | None] = [None]


# readings_by_form by word, kept as _MEMO is (the tagger reads it for every
# word with a verb reading whose neighbours decide).
_BY_FORM: dict[str, dict[str, str]] = {}


def lexical_forms(norm: str, lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """Possible (form, lemma) readings of an open-class word."""
    if _memo_lexicon[0] is lex:
        known = _MEMO.get(norm)
        if known is not None:
            return known
    else:
        _MEMO.clear()
        _BY_FORM.clear()
        _memo_lexicon[0] = lex
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.clear()
    readings = _MEMO[norm] = _lexical_forms(norm, lex)
    return readings


def readings_by_form(norm: str, lex: Lexicon) -> dict[str, str]:
    """``lexical_forms`` as form -> the first lemma of that form; shared, not to be changed."""
    if _memo_lexicon[0] is lex:
        known = _BY_FORM.get(norm)
        if known is not None:
            return known
    by_form: dict[str, str] = {}
    for form, lemma in lexical_forms(norm, lex):  # (resets both memos for a new lexicon)
        by_form.setdefault(form, lemma)
    if len(_BY_FORM) >= _MEMO_MAX:
        _BY_FORM.clear()
    _BY_FORM[norm] = by_form
    return by_form


def _lexical_forms(norm: str, lex: Lexicon) -> tuple[tuple[str, str], ...]:
    if norm in lex.not_verbs:
        return ()
    known = lex.verb_forms.get(norm)
    if known:
        return known
    word = norm.rsplit("-", 1)[-1] if "-" in norm else norm
    if "-" in norm:
        # "rebel-held", "war-torn": compounds are adjectives, not verb forms
        return ()
    if not word.isalpha():
        return ()
    if len(word) >= 5 and word.endswith("ed") and not word.endswith("eed"):
        if word.startswith(lex.negative_prefixes):
            return ()  # "unchanged", "unharmed": adjectives unless the lexicon knows the verb
        lemma = guess_lemma(word, "ed")
        return (("VBD", lemma), ("VBN", lemma))
    if len(word) >= 6 and word.endswith("ing"):
        return (("VBG", guess_lemma(word, "ing")),)
    return ()


def title_case(tokens: list[RawWord]) -> bool:
    """Whether most words are capitalised (a headline), so capitals do not mark names."""
    initials = [t[2][:1] for t in tokens]  # t[2]: the text (a tuple index is the cheapest)
    letters = list(filter(str.isalpha, initials))
    if len(letters) < 3:
        return False
    caps = sum(map(str.isupper, letters))
    return caps * 10 >= len(letters) * 7


def adjective_shape(norm: str, lex: Lexicon) -> bool:
    return len(norm) > 4 and norm.endswith(lex.adjective_suffixes)


def noun_like(norm: str, text: str, lex: Lexicon) -> bool:
    """Whether a following lower-case word can head the noun phrase a participle modifies."""
    if not text[:1].islower() or norm in lex.closed_tags:
        return False
    if len(norm) > 4 and norm.endswith("ly"):
        return False  # "talking warmly"
    forms = {f for f, _ in lexical_forms(norm, lex)}
    return not forms or forms <= {"VB", "VBZ"}


def takes_complement(norm: str, lex: Lexicon) -> bool:
    """Whether a verb form belongs to a verb taking a bare complement ("said")."""
    return norm in lex.complement_forms


def aux_form(tag: Tag, norm: str, lex: Lexicon) -> str:
    """The Penn form of a form of "be", "have" or "do" (VBD, VBP, VBG, VBN, VB); else ""."""
    if tag is BE:
        table = lex.be
    elif tag is HAVE:
        table = lex.have
    elif tag is DO:
        table = lex.do
    else:
        return ""
    tense = table.get(norm, "NONE")
    if tense == "PAST":
        return "VBD"
    if tense == "PRESENT":
        return "VBP"
    if norm.endswith("ing"):
        return "VBG"
    if norm.endswith("en"):
        return "VBN"
    return "VB"


# --------------------------------------------------------------------------
# Readings the tagger gives (timeline.text._wordtags): what _tag_one gives is
# tag, form, lemma ("" for the norm), and whether the word is a noun/verb
# candidate that promote_candidates may read as a verb.
# --------------------------------------------------------------------------

Reading = tuple[Tag, str, str, bool]
NOT_NAMES = frozenset({MODAL, NUM})  # closed classes a name does not take
_AUX_LEMMAS = {BE: "be", HAVE: "have", DO: "do"}
# contractions that are words although they do not start with a letter
CONTRACTIONS = frozenset({"'s", "'d", "'m", "'re", "'ve", "'ll", "n't"})


def closed_reading(closed: Tag, norm: str, lex: Lexicon) -> Reading:
    """The reading of a closed-class word from its class alone."""
    if closed in _AUX_LEMMAS:
        return closed, aux_form(closed, norm, lex), _AUX_LEMMAS[closed], False
    if closed is MODAL:
        return closed, "", lex.modal_names.get(norm, norm), False
    return closed, "", "", False


def shape_reading(norm: str, lex: Lexicon) -> Reading:
    """An adverb, adjective or noun by the shape of a lower-case word."""
    if norm.endswith("ly") and len(norm) > 4:
        return ADV, "", "", False
    if adjective_shape(norm, lex):
        return ADJ, "", "", False
    return NOUN, "", "", False


# --------------------------------------------------------------------------
# Context-free readings, memoised: closed-class words, punctuation, numbers,
# lower-case words with no verb reading and, where capitals mark names,
# capitalised words with none (about 80% of news text) read the same
# wherever they stand, so each is read once per lexicon, by its text.
# An entry is (norm, reading, reading where capitals mark names), a reading
# None where the neighbours decide. It keeps the norm it was read from: the
# text gives the norm except in a contraction split off a word whose
# casefolding changes its length.
# --------------------------------------------------------------------------

_Known = tuple[str, Reading | None, Reading | None]
_FREE_MAX = 50_000  # entries; cleared when full, so memory stays bounded
_free: dict[str, _Known] = {}
_free_lexicon: list[Lexicon | None] = [None]


def free_memo(lex: Lexicon) -> dict[str, _Known]:
    """The memo of context-free readings for *lex* (emptied when the lexicon changes)."""
    if _free_lexicon[0] is not lex:
        _free.clear()
        _free_lexicon[0] = lex
    return _free


def learn_reading(memo: dict[str, _Known], word: str, norm: str, lex: Lexicon) -> _Known:
    """Read *word* once (both readings) and keep the entry in *memo*."""
    if len(memo) >= _FREE_MAX:
        memo.clear()
    plain = context_free_reading(word, norm, lex, False)
    # only a capitalised word reads differently where capitals mark names
    named = context_free_reading(word, norm, lex, True) if word[:1].isupper() else plain
    known = memo[word] = (norm, plain, named)
    return known


def context_free_reading(
    word: str, norm: str, lex: Lexicon, caps_informative: bool
) -> Reading | None:
    """The reading the word tagger's ``_tag_one`` gives *word* (casefolded:
    *norm*) wherever it stands in a sentence where capitals do (or do not)
    mark names, or None when its neighbours or its place can change it."""
    initial = norm[:1]
    if not initial.isalpha():  # as in _symbol and _contraction
        if norm in ("'", "'s", "'d"):
            return None
        if not initial.isalnum() and norm not in CONTRACTIONS:
            return PUNCT_READING
        if initial.isdigit():
            return _NUM_READING
    closed = lex.closed_tags.get(norm)
    capitalized = word[:1].isupper()
    if closed is not None:  # as in _closed_class_or_name
        if closed is REL or (capitalized and caps_informative and closed in NOT_NAMES):
            return None  # a determiner after a preposition; a name inside a sentence
        return closed_reading(closed, norm, lex)
    if lexical_forms(norm, lex):
        return None  # a verb form (or a name, unless it opens the sentence)
    if capitalized and caps_informative:
        return _PROPN_READING  # inside the sentence a name, at its start too (_unknown_word)
    return shape_reading(norm, lex)


PUNCT_READING: Reading = (PUNCT, "", "", False)
_NUM_READING: Reading = (NUM, "", "", False)
_PROPN_READING: Reading = (PROPN, "", "", False)
