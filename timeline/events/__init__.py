"""Events: the text stage's clauses -> ``Event``s.

Each verb group or event noun of a clause becomes an event with its trigger,
tense, aspect, polarity, status (asserted, reported, planned...) and the
clause trimmed as its description. ``find_events`` (``_events``) runs the
rules: verb events and their governors (``_verbs``), nominal events
(``_nominal``), reported speech (``_reporting``), status (``_status``) and
descriptions (``_describe``), over the tables of ``_lexicon``; the model is
in ``_model``. Tense, aspect, voice and polarity come from the text stage's
verb groups (``timeline.text._verb_groups``).
"""

from timeline.events._events import NOMINAL_POLICIES, find_events
from timeline.events._model import (
    Aspect,
    Event,
    EventClass,
    Polarity,
    Pos,
    Status,
    Tense,
    Voice,
)

__all__ = [
    "NOMINAL_POLICIES",
    "Aspect",
    "Event",
    "EventClass",
    "Polarity",
    "Pos",
    "Status",
    "Tense",
    "Voice",
    "find_events",
]
