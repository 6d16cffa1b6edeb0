"""The event model: ``Event`` and the enums that describe it.

Takes nothing; gives ``Event`` (one found event, frozen) with ``Status``,
``EventClass`` and ``Pos``, and re-exports the verb-group enums (``Tense``,
``Aspect``, ``Voice``, ``Polarity``) the text stage reads.
"""

from __future__ import annotations

import enum

import attrs

from timeline.text._features import Aspect, Polarity, Tense, Voice

__all__ = [
    "Aspect",
    "Event",
    "EventClass",
    "Polarity",
    "Pos",
    "Status",
    "Tense",
    "Voice",
]


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
        aspect = self.aspect  # by identity (the converter makes it a member): no __eq__ call
        if aspect is Aspect.PERFECTIVE or aspect is Aspect.PERFECTIVE_PROGRESSIVE:
            return _PERFECT_LABEL.get(self.tense, self.tense)
        return self.tense
