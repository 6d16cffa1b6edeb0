"""Participles told with a dated past verb: the adjunct-time rule.

Takes a ``Document`` (and the time links of ``_time_anchors``); gives MEDIUM
constraints: a free adjunct ("..., vowing that"), a participle opening the
sentence ("Retaliating for the bombings, forces launched"), a reduced
relative ("a ceremony held in") or a participle right after the time
("issued a statement Friday saying") happened within the day of the past
verb it is told with, and that verb within the day of its dated adjunct
("sought to soften the words, saying on Friday").  ``_adjuncts`` is shared
with the story-time rule.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from timeline._errors import DataTableError
from timeline.events import Event, Pos, Status, Tense
from timeline.expressions import TimeExpression
from timeline.relations._carrying import _coordinated, _day_or_finer
from timeline.relations._constraint import MEDIUM, ORIGIN, Constraint
from timeline.relations._dating_table import dating_table
from timeline.relations._document import Document, _evidence, _expr_span, _trigger_span, end, start
from timeline.relations._time_anchors import _links
from timeline.relations._units import dated_span
from timeline.text import lexicon

__all__ = ["adjunct_time"]


# A free adjunct after its main clause: a comma (and an adverb or two) just
# before the participle ("..., vowing that", "..., formally ending").
_ADJUNCT_BEFORE = re.compile(r",[^\S\n]*(?:[a-z]+ly[^\S\n]+){0,2}$")
# A participle coordinated with the adjunct ("ending the war and opening").
_ADJUNCT_AND = re.compile(r"[^,;:()\"“”`']*\band[^\S\n]+$")
# A participle right after the time ("issued a statement Friday saying").
_AFTER_TIME = re.compile(r",?[^\S\n]+")
# A participle right after a word, no comma: a reduced relative ("a ceremony held in").
_AFTER_WORD = re.compile(r"[^\W\d_][^\S\n]$")
_ADJUNCT_REACH = 200


def _bare(event: Event, form: str) -> bool:
    """An asserted or reported participle standing alone, of the given form
    (VBG: "vowing"; VBN: "held"), as the lexicon reads its trigger."""
    if not (event.pos is Pos.VERB and event.tense is Tense.NONE and event.modality is None
            and event.verb_group == event.trigger and event.polarity == "POS"
            and event.status in (Status.ASSERTED, Status.REPORTED)
            and event.trigger.casefold() not in _not_adjuncts()):  # fmt: skip
        return False
    return any(tag == form for tag, _lemma in lexicon().verb_forms.get(event.trigger.casefold(), ()))


@functools.cache
def _not_adjuncts() -> frozenset[str]:
    words = dating_table()["adjunct"]["not_events"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataTableError("dating.toml: [adjunct] not_events must be a list of strings")
    return frozenset(w.casefold() for w in words)


def adjunct_time(doc: Document) -> Iterator[Constraint]:
    """'On Monday, Spitzer called for ..., vowing that he would', 'Retaliating
    for the bombings, U.S. forces Thursday launched strikes', 'joined NATO
    Friday at a ceremony held in Missouri': a participle set off by a comma
    from the main clause of a dated past verb, or a participle right after it
    or after its time ("issued a statement Friday saying"), happened within
    its day (no other finite verb between them); and a past verb with no
    time of its own, within the day of its dated free adjunct."""
    linked = {event.id for _expr, event, _relation in _links(doc)}
    done: set[str] = set()
    for expr, event, relation in _links(doc):
        if relation != "within" or not _day_or_finer(expr) or not _coordinated(event):
            continue
        lo, hi = dated_span(expr)
        after = doc.sentence_events(event.sentence).verbs.first_starting_from(expr.end)
        right_after = ([after] if after is not None and after is not event and _bare(after, "VBG")
                       and _AFTER_TIME.fullmatch(doc.text, expr.end, after.trigger_start) else [])  # fmt: skip
        for other in (*_adjuncts(doc, event), *right_after):
            if other.id in linked or other.id in done:
                continue
            done.add(other.id)
            ev = _evidence("adjunct-time", doc, _expr_span(expr), _trigger_span(event), _trigger_span(other))
            yield Constraint(ORIGIN, start(other), lo=lo, evidence=ev, strength=MEDIUM)
            yield Constraint(ORIGIN, end(other), hi=hi, evidence=ev, strength=MEDIUM)
    yield from _dated_by_adjunct(doc, linked | done)


def _dated_by_adjunct(doc: Document, linked: set[str]) -> Iterator[Constraint]:
    """'The minister sought to soften the words, saying on Friday that ...':
    the other way round, a past verb with no time of its own happened within
    the day of its dated free adjunct."""
    dated: dict[str, TimeExpression] = {}
    for expr, event, relation in _links(doc):
        if relation == "within" and _day_or_finer(expr) and _bare(event, "VBG"):
            dated.setdefault(event.id, expr)
    if not dated:
        return
    for main in doc.events:
        if main.id in linked or not _coordinated(main):
            continue
        other = next((e for e in _adjuncts(doc, main) if e.id in dated), None)
        if other is None:
            continue
        expr = dated[other.id]
        lo, hi = dated_span(expr)
        ev = _evidence("adjunct-time", doc, _expr_span(expr), _trigger_span(other), _trigger_span(main))
        yield Constraint(ORIGIN, start(main), lo=lo, evidence=ev, strength=MEDIUM)
        yield Constraint(ORIGIN, end(main), hi=hi, evidence=ev, strength=MEDIUM)


def _adjuncts(doc: Document, event: Event) -> list[Event]:
    """The participles told with a past verb: its free adjuncts after it (a
    comma before each, or "and" joining it to the one before), a reduced
    relative after it, and a participle opening its sentence ("Retaliating
    ..., forces launched"); none past another finite verb.  Bounded reach:
    linear."""
    verbs = doc.sentence_events(event.sentence).verbs
    out: list[Event] = []
    previous = event
    for other in verbs.starting_in(event.trigger_end, event.trigger_end + _ADJUNCT_REACH):
        if other is event:
            continue
        if other.tense is not Tense.NONE:
            break  # another finite verb: what follows is its
        if other.governor is None and _bare(other, "VBN") and _AFTER_WORD.search(
                doc.text, max(0, other.trigger_start - 2), other.trigger_start):
            out.append(other)  # "at a ceremony held in Missouri"
            continue
        if not _bare(other, "VBG"):
            continue
        before = doc.text[previous.trigger_end : other.trigger_start]
        if _ADJUNCT_BEFORE.search(before) or (out and _ADJUNCT_AND.fullmatch(before)):
            out.append(other)
            previous = other
    sentence = doc.sentences[event.sentence]
    first = verbs.first_starting_from(sentence.start)
    if (first is not None and first is not event and _bare(first, "VBG")
            and 0 < event.trigger_start - first.trigger_end <= _ADJUNCT_REACH
            and not doc.text[sentence.start : first.trigger_start].strip(" \t\"“`'")
            and "," in doc.text[first.trigger_end : event.trigger_start]
            and all(e.tense is Tense.NONE for e in verbs.starting_in(first.trigger_end, event.trigger_start - 1))):
        out.append(first)
    return out
