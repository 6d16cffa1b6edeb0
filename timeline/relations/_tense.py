"""Tense against publication: the tense, since-continues, reporting-day and tense-result rules.

Takes a ``Document``; gives constraints between each event and the
publication day: a past event has ended by its end, a future one starts after
its start, a present state spans it, a present perfect with "since" is still
running, a report with no time of its own was made on it, and a completed
present perfect ("has been indicted") was over before it.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator

import attrs

from timeline._errors import DataTableError
from timeline.events import Aspect, Event, Pos, Status, Tense, Voice
from timeline.relations._constraint import MEDIUM, ORIGIN, WEAK, Constraint
from timeline.relations._dating_table import dating_table
from timeline.relations._document import Document, _evidence, _trigger_span, end, start
from timeline.relations._frames import past_frame
from timeline.relations._tables import _word_patterns
from timeline.text import lexicon

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
        ev = _evidence(sys.intern(f"tense-{str(label).lower()}"), doc, _trigger_span(event))
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


def untensed_past(doc: Document) -> Iterator[Constraint]:
    """A bare participle in a sentence told in the past, all its tensed verbs
    past or perfect ("Albright, arriving after a 16-hour flight, spent the
    day in talks"), happened then: it has ended by the end of the
    publication day; so has the past participle of a happening in any
    sentence ("is testing the hair found outside").  Not an infinitive or a
    modal ("to declare", "could enable": their time is to come)."""
    pub_end = doc.publication_end
    forms = lexicon().verb_forms
    for sentence in range(len(doc.sentences)):
        events = doc.events_in(sentence)
        finite = [e.tense_label for e in events if e.pos is Pos.VERB and e.tense is not Tense.NONE]
        past = bool(finite) and all(label in _PAST_TENSES for label in finite)
        for event in events:
            if not (event.pos is Pos.VERB and event.tense is Tense.NONE and event.aspect is Aspect.NONE
                    and event.modality is None and event.verb_group == event.trigger
                    and event.polarity == "POS"
                    and event.status in (Status.ASSERTED, Status.REPORTED)):  # fmt: skip
                continue
            # Elsewhere only a past participle of a happening: "the hair found outside".
            if past or (str(event.event_class) == "OCCURRENCE" and any(
                    tag == "VBN" for tag, _lemma in forms.get(event.trigger.casefold(), ()))):
                ev = _evidence("untensed-past", doc, _trigger_span(event))
                yield Constraint(ORIGIN, end(event), hi=pub_end, evidence=ev, strength=WEAK)


_INTENTION = ("I_STATE", "I_ACTION")


def intended_ahead(doc: Document) -> Iterator[Constraint]:
    """What a present or future intention governs is still to come: "the
    league plans to hold a news conference", "the company expects to report
    higher profit" start no earlier than the publication day.  Not in a
    sentence set in the past, nor for a perfect ("is thought to have fired")."""
    pub_start = doc.publication_start
    for event in doc.events:
        if event.governor is None or event.tense is not Tense.NONE or event.aspect is not Aspect.NONE:
            continue
        governor = doc.event_by_id(event.governor)
        if governor is None or str(governor.event_class) not in _INTENTION:
            continue
        if governor.polarity != "POS" or governor.pos is not Pos.VERB:
            continue
        if governor.tense_label not in (Tense.PRESENT, Tense.FUTURE):
            continue
        if past_frame(doc, event.sentence) is not None:
            continue
        ev = _evidence("intended-ahead", doc, _trigger_span(governor), _trigger_span(event))
        yield Constraint(ORIGIN, start(event), lo=pub_start, evidence=ev, strength=WEAK)


def modal_ahead(doc: Document) -> Iterator[Constraint]:
    """A present possibility or necessity is still to come or holding: "the
    rifle may yield important clues" starts no earlier than the publication
    day (modals in ``grammars/dating.toml`` [modal_ahead]).  Not after a past
    verb of its sentence, which makes it a past one ("said the rifle could
    yield clues"), unless that verb is a report after it (direct speech:
    "'they may match the bullet,' said Rowe")."""
    modals = _modal_words()
    pub_start = doc.publication_start
    for sentence in range(len(doc.sentences)):
        if past_frame(doc, sentence) is not None:
            continue
        events = doc.events_in(sentence)
        past = [e for e in events if e.pos is Pos.VERB and e.tense_label in _PAST_TENSES]
        if any(str(e.event_class) != "REPORTING" for e in past):
            continue
        first_report = min((e.trigger_start for e in past), default=None)
        for event in events:
            if (event.pos is Pos.VERB and event.tense is Tense.NONE and event.aspect is Aspect.NONE
                    and (event.modality or "").casefold() in modals and event.polarity == "POS"
                    and (first_report is None or first_report > event.trigger_start)):  # fmt: skip
                ev = _evidence("modal-ahead", doc, _trigger_span(event))
                yield Constraint(ORIGIN, start(event), lo=pub_start, evidence=ev, strength=WEAK)


@functools.cache
def _modal_words() -> frozenset[str]:
    words = dating_table()["modal_ahead"]["words"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataTableError("dating.toml: [modal_ahead] words must be a list of strings")
    return frozenset(w.casefold() for w in words)


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


def perfect_result(doc: Document) -> Iterator[Constraint]:
    """A completed happening told in the present perfect, a passive ("Two
    suspects have been handed over") or with a word of completion ("has
    already met with"), was over before the publication day: the news tells
    its result.  Not a state ("has been locked in litigation", state
    participles in ``grammars/dating.toml`` [perfect_result]), nor with a
    negative subject ("No suspects have been identified"), nor with "since"
    (still running).  Weak, an assumption: a time of its own wins."""
    table = _perfect_result_table()
    pub_start = doc.publication_start
    for event in doc.events:
        if (event.tense_label is not Tense.PRESENT_PERFECT or event.aspect is not Aspect.PERFECTIVE
                or event.pos is not Pos.VERB or event.polarity != "POS"
                or event.status not in (Status.ASSERTED, Status.REPORTED)
                or str(event.event_class) != "OCCURRENCE"
                or event.trigger.casefold() in table.states):  # fmt: skip
            continue
        lo = max(event.start, event.trigger_start - _RESULT_REACH)
        completed = event.voice is Voice.PASSIVE or table.completion.search(
            doc.text, lo, event.trigger_start) is not None
        if not completed or _since_after(doc, event) is not None:
            continue
        if table.negative.search(doc.text, max(event.start, event.trigger_start - _SUBJECT_REACH),
                                 event.trigger_start):  # fmt: skip
            continue
        ev = attrs.evolve(_evidence("tense-result", doc, _trigger_span(event)), assumption=True)
        yield Constraint(ORIGIN, end(event), hi=pub_start, evidence=ev, strength=WEAK)


# Characters before the trigger a word of completion, a negative subject may stand.
_RESULT_REACH = 40
_SUBJECT_REACH = 60


@attrs.frozen
class _ResultTable:
    completion: re.Pattern[str]
    negative: re.Pattern[str]
    states: frozenset[str]


@functools.cache
def _perfect_result_table() -> _ResultTable:
    section = dating_table().get("perfect_result")
    if not isinstance(section, dict):
        raise DataTableError("dating.toml: missing [perfect_result]")
    lists = {}
    for key in ("completion", "negative_subjects", "states"):
        words = section.get(key)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DataTableError(f"dating.toml: [perfect_result] {key} must be a list of strings")
        lists[key] = sorted((w.casefold() for w in words), key=len, reverse=True)

    def pattern(words: list[str]) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b", re.IGNORECASE)
    return _ResultTable(pattern(lists["completion"]), pattern(lists["negative_subjects"]),
                        frozenset(lists["states"]))  # fmt: skip
