"""Rules 1 and 2: verbal events and the verbs that govern them.

Takes one clause's tagged words and the text stage's verb groups
(``timeline.text._verb_groups``); gives a ``Draft`` per verb group with its
status cues ("will", "due to", "could") and TimeML class, linked to the
reporting, aspectual or intensional verb it complements.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.events._draft import Draft
from timeline.events._lexicon import EventLexicon
from timeline.events._model import EventClass, Polarity, Pos, Status, Tense
from timeline.text import Tag, TokenLike
from timeline.text._verb_groups import VerbGroup, read_verb_groups

__all__ = ["link_governors", "verb_drafts"]

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


def _verb_draft(group: VerbGroup, elex: EventLexicon) -> Draft:
    """The draft of a verb group: its status cues and TimeML class."""
    planned = group.tense is Tense.FUTURE  # "will": only a FUTURE modal gives the tense
    hypothetical = group.hypothetical
    if group.cue is not None:
        status = elex.cues[group.cue]
        planned = planned or status is Status.PLANNED
        hypothetical = hypothetical or status is Status.HYPOTHETICAL
    if group.copula:
        cls = EventClass.OCCURRENCE if group.lemma == "do" else EventClass.STATE
    else:
        cls = elex.verb_class.get(group.lemma, EventClass.OCCURRENCE)
    return Draft(
        trigger=group.head,
        first=group.first,
        last=group.head,
        clause=0,
        lemma=group.lemma,
        tense=group.tense,
        aspect=group.aspect,
        voice=group.voice,
        modality=group.modality,
        negated=group.polarity is Polarity.NEG,
        planned=planned,
        hypothetical=hypothetical,
        event_class=cls,
        pos=Pos.VERB,
        infinitive=group.infinitive,
        copula=group.copula,
    )


def verb_drafts(toks: Sequence[TokenLike], lo: int, hi: int, elex: EventLexicon) -> list[Draft]:
    """Rule 1: every verb group of the clause ``toks[lo:hi]``."""
    return [_verb_draft(g, elex) for g in read_verb_groups(toks, lo, hi)]


def link_governors(toks: Sequence[TokenLike], drafts: list[Draft]) -> None:
    """Rule 2: complements of reporting, aspectual and intensional verbs.

    "claimed to have killed" (infinitive), "allow them to cut off" (object then
    infinitive), "began bombing" (aspectual + -ing).
    """
    reporter: Draft | None = None
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
