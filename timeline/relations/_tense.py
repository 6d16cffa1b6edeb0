"""Tense against publication: the tense, since-continues and reporting-day rules.

Takes a ``Document``; gives constraints between each event and the
publication day: a past event has ended by its end, a future one starts after
its start, a present state spans it, a present perfect with "since" is still
running, and a report with no time of its own was made on it.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from timeline.events import Aspect, Event, Pos, Status, Tense
from timeline.relations._constraint import MEDIUM, ORIGIN, WEAK, Constraint
from timeline.relations._document import Document, _evidence, _trigger_span, end, start
from timeline.relations._frames import past_frame
from timeline.relations._tables import _word_patterns

_PAST_TENSES = (Tense.PAST, Tense.PAST_PERFECT, Tense.PRESENT_PERFECT)


def tense(doc: Document) -> Iterator[Constraint]:
    """Tense against publication.

    A past or perfect event has ended (a perfect one at least started) by the
    end of the publication day; a future or planned-from-now event starts
    after publication begins; a present state holds on the publication day.
    """
    pub_start, pub_end = doc.publication_start, doc.publication_end
    for event in doc.events:
        if event.polarity != "POS" or event.status in (Status.NEGATED, Status.HYPOTHETICAL):
            continue
        label = event.tense_label
        ev = _evidence(f"tense-{str(label).lower()}", doc, _trigger_span(event))
        if event.status is Status.PLANNED or label is Tense.FUTURE:
            if label in (Tense.FUTURE, Tense.PRESENT):
                yield Constraint(ORIGIN, start(event), lo=pub_start, evidence=ev, strength=MEDIUM)
            continue
        if label is Tense.PRESENT_PERFECT:
            yield Constraint(ORIGIN, start(event), hi=pub_end, evidence=ev, strength=MEDIUM)
            ongoing = (event.aspect is Aspect.PERFECTIVE_PROGRESSIVE
                       or _since_after(doc, event) is not None)  # fmt: skip
            if not ongoing:  # "has made gains since ...": still running, no end to give
                yield Constraint(ORIGIN, end(event), hi=pub_end, evidence=ev, strength=WEAK)
        elif label in _PAST_TENSES:
            yield Constraint(ORIGIN, end(event), hi=pub_end, evidence=ev, strength=MEDIUM)
        elif label is Tense.PRESENT and event.pos is Pos.VERB and str(event.event_class) != "REPORTING":
            # A present-tense state or ongoing event spans the publication day
            # (a present-tense report, "officials say", is the reporting-day rule's).
            yield Constraint(ORIGIN, start(event), hi=pub_start, evidence=ev, strength=WEAK)
            yield Constraint(ORIGIN, end(event), lo=pub_end, evidence=ev, strength=WEAK)


def _since_after(doc: Document, event: Event) -> int | None:
    """Offset of a "since" after the event's trigger in its sentence, if any."""
    if event.sentence >= len(doc.sentences):
        return None
    sentence = doc.sentences[event.sentence]
    match = _word_patterns()["continues"].search(doc.text, event.trigger_end, sentence.end)
    return match.start() if match else None


def continues_since(doc: Document) -> Iterator[Constraint]:
    """'has made gains since September': still running at publication."""
    pub_start = doc.publication_start
    for event in doc.events:
        if event.tense_label is not Tense.PRESENT_PERFECT or event.status is Status.NEGATED:
            continue
        at = _since_after(doc, event)
        if at is None:
            continue
        ev = _evidence("since-continues", doc, _trigger_span(event), (at, at + 5))
        yield Constraint(ORIGIN, end(event), lo=pub_start, evidence=ev, strength=MEDIUM)


def reporting_day(doc: Document) -> Iterator[Constraint]:
    """News convention: a report ("officials said", "the ministry says") with no
    time of its own was made on the publication day.  Weak: "said on Friday"
    overrides it.  Only in present-day context: a report in a sentence set in
    the past ("In 1994, police confirmed ...") is the frame-report rule's.
    An assumption, marked as one in the output."""
    pub_start, pub_end = doc.publication_start, doc.publication_end
    for event in doc.events:
        label = event.tense_label
        if str(event.event_class) != "REPORTING" or label not in (Tense.PAST, Tense.PRESENT):
            continue
        if event.polarity != "POS" or event.pos is not Pos.VERB:
            continue
        if past_frame(doc, event.sentence) is not None:
            continue
        ev = attrs.evolve(_evidence("reporting-day", doc, _trigger_span(event)), assumption=True)
        yield Constraint(ORIGIN, start(event), lo=pub_start, evidence=ev, strength=WEAK)
        yield Constraint(ORIGIN, end(event), hi=pub_end, evidence=ev, strength=WEAK)
