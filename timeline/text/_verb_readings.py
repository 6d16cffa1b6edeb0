"""The verb reading of a form that has more than one: its neighbours decide.

Steps of the word tagger's pass (``_wordtags._tag_one``): a past form read as
past tense or participle ("cut off by the water", a reduced relative, a
sentence-initial participle), and a base or -s form read as a noun or a verb
("the spokesman says the ...", "wait and see").
"""

from __future__ import annotations

from timeline.text._lexicon import Lexicon
from timeline.text._readings import Reading
from timeline.text._stretches import finite_ahead, finite_before
from timeline.text._tagset import CONJ, DET, NOUN, NOUN_TAGS, NUM, POSS, PREP, PRON, REL, VERB, Tag
from timeline.text._tokens import RawWord

__all__ = ["base_or_s_form", "participle_or_past"]

# What a reported clause's object can start with: "says the ...", "says his ..."
_REPORTED_OBJECT_STARTS = frozenset({DET, POSS, NUM, REL})


def participle_or_past(
    i: int,
    raw: list[RawWord],
    tags: list[Tag],
    forms: list[str],
    by_form: dict[str, str],
    p: int,
    nxt: RawWord | None,
    lex: Lexicon,
) -> Reading | None:
    """An -ing form, or a past form read as past tense (VBD) or participle (VBN)."""
    if "VBG" in by_form:
        return VERB, "VBG", by_form["VBG"], False
    if "VBD" not in by_form and "VBN" not in by_form:
        return None
    if "VBD" not in by_form:
        return VERB, "VBN", by_form["VBN"], False
    if "VBN" not in by_form:
        return VERB, "VBD", by_form["VBD"], False
    participle = VERB, "VBN", by_form["VBN"], False
    if nxt is not None and (
        nxt.norm in ("by", "as")
        or (i + 2 < len(raw) and raw[i + 2].norm == "by" and nxt.norm in lex.prepositions)
    ):
        return participle  # "cut off by the water"
    if by_form["VBD"] in lex.reporting:
        return VERB, "VBD", by_form["VBD"], False  # "..., a spokesman said."
    if (
        nxt is not None
        and p >= 0
        and tags[p] in NOUN_TAGS
        and lex.closed_tags.get(nxt.norm) is PREP
        and finite_ahead(i, raw, lex)
    ):
        return participle  # reduced relative
    if p < 0:
        return participle  # sentence-initial participle: "Backed by Russian airstrikes, ..."
    if finite_before(i, tags, forms, raw, lex):
        return participle
    return VERB, "VBD", by_form["VBD"], False


def base_or_s_form(
    raw: list[RawWord],
    tags: list[Tag],
    forms: list[str],
    by_form: dict[str, str],
    p: int,
    nxt: RawWord | None,
    lex: Lexicon,
) -> Reading:
    """A noun/verb ambiguous base or -s form: a noun unless its neighbours or the
    second pass (``promote_candidates``) say otherwise."""
    lemma = by_form.get("VBZ") or by_form.get("VB") or ""
    form = "VBZ" if "VBZ" in by_form else "VBP"
    ptag = tags[p] if p >= 0 else None
    if ptag is CONJ and p >= 1 and tags[p - 1] is VERB:
        # coordinated with the verb before: "wait and see", "impede or delay"
        before = forms[p - 1]
        if before == "VB" and "VB" in by_form:
            return VERB, "VB", by_form["VB"], False
        if before in ("VBZ", "VBP") and (form == before or (before == "VBP" and "VB" in by_form)):
            return VERB, form if form == before else "VBP", lemma, False
    if ptag in NOUN_TAGS and not forms[p] and nxt is not None:
        ntag = lex.closed_tags.get(nxt.norm)
        if ntag is PRON and nxt.norm != "one":
            return VERB, form, lemma, False  # "Clinton says he ..."
        if lemma in lex.reporting and (ntag in _REPORTED_OBJECT_STARTS or nxt.text[:1].isupper()):
            return VERB, form, lemma, False  # "the spokesman says the ..."
    return NOUN, "VBZ" if "VBZ" in by_form else "VB", lemma, True
