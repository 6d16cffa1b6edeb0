"""The grammatical features of a verb group, as TimeML names them: ``Tense``,
``Aspect``, ``Polarity`` and ``Voice`` (read by ``_verb_groups``, carried by
events)."""

from __future__ import annotations

import enum

__all__ = ["Aspect", "Polarity", "Tense", "Voice"]


class Tense(enum.StrEnum):
    """Grammatical tense (TimeML MAKEINSTANCE ``tense``).

    TimeML keeps perfect aspect apart (``Aspect.PERFECTIVE``), so verb groups
    are PRESENT / PAST with PERFECTIVE; the two compound values are what
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


class Voice(enum.StrEnum):
    """Voice of a verb group; nominal events are ACTIVE."""

    ACTIVE = "ACTIVE"
    PASSIVE = "PASSIVE"
