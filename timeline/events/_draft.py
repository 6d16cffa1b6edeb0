"""Drafts: the mutable working record of one event while the rules run.

Takes nothing; gives ``Draft`` (token indices, tense, cues, governor: what
rules 1-5 fill in before ``find_events`` freezes each draft into an
``Event``) and the tag sets the rules share.
"""

from __future__ import annotations

import attrs

from timeline.events._model import Aspect, EventClass, Pos, Tense, Voice
from timeline.text import Tag

__all__ = ["CONJ_PUNCT", "Draft", "plain_draft"]

# Tag sets are built once: in Python 3.11 every ``Tag.X`` goes through
# EnumType.__getattr__, which is slow in per-token loops.
CONJ_PUNCT = frozenset({Tag.PUNCT, Tag.CONJ})


@attrs.define
class Draft:
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
    governor: Draft | None = None
    copula: bool = False
    floor: int = 0  # where the description may start (after the previous verb group)


def plain_draft(
    trigger: int, first: int, clause: int, lemma: str, event_class: EventClass, pos: Pos
) -> Draft:
    """A draft with no tense, aspect, modality or cue: a noun, or "according"."""
    return Draft(
        trigger=trigger,
        first=first,
        last=trigger,
        clause=clause,
        lemma=lemma,
        tense=Tense.NONE,
        aspect=Aspect.NONE,
        voice=Voice.ACTIVE,
        modality=None,
        negated=False,
        planned=False,
        hypothetical=False,
        event_class=event_class,
        pos=pos,
    )
