"""Which event a phrase belongs to.

Takes a ``Document`` and an offset (a time phrase, a connective, the words
after "of"); gives the event it attaches to: the governing verb of its clause
(``governing_event``), the next event (``next_event``), the event heading a
phrase (``_event_in_phrase``), or the verb that carries a complement's time
(``_finite``).  Each is a bisection in the sentence's event index.
"""

from __future__ import annotations

import re

from timeline.events import Event
from timeline.relations._document import Document


def governing_event(doc: Document, offset: int, end_offset: int) -> Event | None:
    """The event a phrase at [offset, end_offset) belongs to.

    In its clause, the nearest verb before it, else the nearest verb after
    it; failing that, the nearest verb in its sentence; nouns only when the
    sentence has no verb.
    """
    index = doc.sentence_events(doc.sentence_of(offset))
    for pool in (index.clause_verbs(offset), index.verbs, index.all):
        event = pool.nearest(offset, end_offset)
        if event is not None:
            return event
    return None


def next_event(doc: Document, offset: int) -> Event | None:
    """The first event whose trigger starts at or after offset, in the same sentence."""
    return doc.sentence_events(doc.sentence_of(offset)).all.first_starting_from(offset)


# At most two words (adjectives) between "of" and the event noun, no punctuation.
_PHRASE_GAP = re.compile(r"(?:[\w-]+\s+){0,2}")


def _event_in_phrase(doc: Document, offset: int) -> Event | None:
    """The event heading the phrase at offset ("of [intense] bombing"), or None
    when the phrase has none the detector knows ("ten years of boom, they're
    talking": not "talking")."""
    event = next_event(doc, offset)
    if event is None:
        return None
    gap = _PHRASE_GAP.match(doc.text, offset)
    return event if gap is not None and gap.end() >= event.trigger_start else None


def _finite(doc: Document, event: Event) -> Event:
    """The verb that carries tense and time for a complement: "began" for
    "began bombing", "scheduled" is not one (a plan has its own time)."""
    if event.governor is None:
        return event
    governor = doc.event_by_id(event.governor)
    if governor is not None and str(governor.event_class) == "ASPECTUAL":
        return governor
    return event
