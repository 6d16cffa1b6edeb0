"""Rule 5: the status of each event, from its own cues and its governor's.

Takes a finished ``Draft`` (rules 1-4 done) and whether its clause is
conditional; gives one ``Status``: NEGATED > HYPOTHETICAL > PLANNED >
REPORTED > ASSERTED.
"""

from __future__ import annotations

from timeline.events._draft import Draft
from timeline.events._lexicon import event_lexicon
from timeline.events._model import EventClass, Pos, Status

__all__ = ["status_of"]


def status_of(d: Draft, conditional: bool) -> Status:
    """Rule 5: one status per event, strongest first."""
    gov = d.governor
    hypothetical = d.hypothetical or conditional
    planned = d.planned
    reported = d.reported
    if gov is not None and gov.pos is Pos.VERB:
        if gov.event_class is EventClass.REPORTING:
            reported = True
        elif gov.event_class in (EventClass.I_ACTION, EventClass.I_STATE):
            if gov.lemma in event_lexicon().planned_governors:
                planned = True
            else:
                hypothetical = True
        if gov.negated:
            if gov.event_class is EventClass.ASPECTUAL:
                return Status.NEGATED
            hypothetical = True
        hypothetical = hypothetical or gov.hypothetical
        planned = planned or gov.planned
    elif d.infinitive:
        hypothetical = True  # purpose: "fighting to topple the regime"
    if d.negated:
        return Status.NEGATED
    if hypothetical:
        return Status.HYPOTHETICAL
    if planned:
        return Status.PLANNED
    if reported:
        return Status.REPORTED
    return Status.ASSERTED
