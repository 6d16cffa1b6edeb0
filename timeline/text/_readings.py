"""What a word can be on its own, before its neighbours decide.

Takes a casefolded word (or a sentence's raw words) and the lexicon; gives the
verb-form readings of an open-class word, the Penn form of an auxiliary, and
the shapes the tagger tests (adjective endings, a noun that a participle can
modify, title-case headlines).
"""

from __future__ import annotations

from timeline.text._lexicon import Lexicon
from timeline.text._morphology import guess_lemma
from timeline.text._tagset import Tag
from timeline.text._tokens import RawWord

__all__ = [
    "adjective_shape",
    "aux_form",
    "lexical_forms",
    "noun_like",
    "takes_complement",
    "title_case",
]


# lexical_forms by word, for the lexicon it was computed with: a word's readings
# do not depend on its neighbours, and a text repeats its words. Cleared when
# full, so that memory stays bounded on any input.
_MEMO: dict[str, tuple[tuple[str, str], ...]] = {}
_MEMO_MAX = 50_000
_memo_lexicon: list[Lexicon | None] = [None]


def lexical_forms(norm: str, lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """Possible (form, lemma) readings of an open-class word."""
    if _memo_lexicon[0] is lex:
        known = _MEMO.get(norm)
        if known is not None:
            return known
    else:
        _MEMO.clear()
        _memo_lexicon[0] = lex
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.clear()
    readings = _MEMO[norm] = _lexical_forms(norm, lex)
    return readings


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
    words = [t for t in tokens if t.text[:1].isalpha()]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if t.text[:1].isupper())
    return caps * 10 >= len(words) * 7


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
    return any(lemma in lex.complement_verbs for _, lemma in lex.verb_forms.get(norm, ()))


def aux_form(tag: Tag, norm: str, lex: Lexicon) -> str:
    """The Penn form of a form of "be", "have" or "do" (VBD, VBP, VBG, VBN, VB); else ""."""
    if tag is Tag.BE:
        table = lex.be
    elif tag is Tag.HAVE:
        table = lex.have
    elif tag is Tag.DO:
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
