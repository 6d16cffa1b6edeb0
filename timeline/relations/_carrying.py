"""Carrying a day to the events it governs: clause-, coordinate-, relative- and stamp-time.

Takes a ``Document`` (and the time links of ``_time_anchors``); gives weaker
constraints than the time-anchor rule's, for events the text times without
naming a time in their own clause:

* clause-time: a temporal clause ("as", "when", "while", from
  ``grammars/dating.toml``) happens within the time of the clause it is
  joined to, either way round: "The defendant wept as the judge read the
  verdict on Thursday" puts "wept" inside Thursday.
* stamp-time: a live-blog time stamp ("14:32 GMT" on a line of its own)
  dates the entry below it: a past event of the entry ended by then, on that
  day; a present one holds then.
* coordinate-time: past verbs joined by "and" share the day (or month) one
  of them names: "Four people were killed and nine injured on Friday".
* relative-time: the verb of a relative clause on a dated event noun happened
  within its time: "the January 1998 bombing of a clinic that killed ...".
* document-time: a report whose source is a dated document was made then:
  "said in the note, dated Monday", "said a statement issued Wednesday night".
(Narrative frames, "In 1994, ...", are ``_frames``'; participles told with a
dated verb, ``_adjuncts``'.)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs

from timeline._errors import DataTableError
from timeline.events import Aspect, Event, Pos, Status, Tense
from timeline.expressions import TimeExpression
from timeline.relations._constraint import MEDIUM, ORIGIN, WEAK, Constraint
from timeline.relations._dating_table import dating_table
from timeline.relations._document import Document, _evidence, _expr_span, _trigger_span, end, start
from timeline.relations._time_anchors import _links, furniture_zones
from timeline.relations._units import MINUTES_PER_DAY, dated_span, to_minutes

__all__ = ["clause_time", "coordinate_time", "document_time", "relative_time", "stamp_time"]


@functools.cache
def _clause_cue() -> re.Pattern[str]:
    words = dating_table()["temporal_clause"]["words"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataTableError("dating.toml: [temporal_clause] words must be a list of strings")
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})\b", re.IGNORECASE)


def _opens_temporal_clause(doc: Document, event: Event) -> bool:
    return _clause_cue().match(doc.text, event.start) is not None


def _carried(event: Event) -> bool:
    """An event that takes the time of the clause it is joined to: an asserted
    or reported past (or tenseless) verb that is not a perfect (a flashback)."""
    return (event.pos is Pos.VERB and event.polarity == "POS"
            and event.tense in (Tense.PAST, Tense.NONE)
            and event.aspect in (Aspect.NONE, Aspect.PROGRESSIVE)
            and event.status in (Status.ASSERTED, Status.REPORTED))  # fmt: skip


def _day_or_finer(expr: TimeExpression) -> bool:
    lo, hi = dated_span(expr)
    return lo is not None and hi is not None and hi - lo <= MINUTES_PER_DAY


def clause_time(doc: Document) -> Iterator[Constraint]:
    """A temporal clause and the clause it is joined to share the day one of them names."""
    linked = {event.id for _expr, event, _relation in _links(doc)}
    for expr, event, relation in _links(doc):
        if relation != "within" or not _day_or_finer(expr) or not _carried(event):
            continue
        lo, hi = dated_span(expr)
        by_clause = _events_by_clause(doc)
        for other in (*by_clause.get((event.sentence, event.clause - 1), ()),
                      *by_clause.get((event.sentence, event.clause + 1), ())):  # fmt: skip
            if other.id in linked or not _carried(other):
                continue
            cued = next((e for e in (other, event) if _opens_temporal_clause(doc, e)), None)
            if cued is None:
                continue
            cue = _clause_cue().match(doc.text, cued.start)
            assert cue is not None
            ev = _evidence("clause-time", doc, _expr_span(expr), _trigger_span(other), cue.span())
            yield Constraint(ORIGIN, start(other), lo=lo, evidence=ev, strength=MEDIUM)
            yield Constraint(ORIGIN, end(other), hi=hi, evidence=ev, strength=MEDIUM)


# What may stand between two coordinated verbs: no clause mark, one "and"
# (after a comma at most), and no other finite verb (checked apart).
_COORDINATION = re.compile(r"[^,;:()\"“”`'’]*?(?:,\s*)?\band\b[^,;:()\"“”`'’]*", re.IGNORECASE)
_COORDINATION_REACH = 80
_MONTH = 31 * MINUTES_PER_DAY  # a year is too wide a scene to share ("in 1998 ... and")


def coordinate_time(doc: Document) -> Iterator[Constraint]:
    """'Six people were killed and 58 injured in an attack on Friday': past
    verbs joined by "and" in one sentence share the day one of them names."""
    linked = {event.id for _expr, event, _relation in _links(doc)}
    for expr, event, relation in (*_links(doc), *_relative_links(doc)):
        lo, hi = dated_span(expr)
        if relation != "within" or lo is None or hi is None or hi - lo > _MONTH or not _coordinated(event):
            continue
        verbs = doc.sentence_events(event.sentence).verbs
        for other in verbs.starting_in(event.trigger_start - _COORDINATION_REACH,
                                       event.trigger_end + _COORDINATION_REACH):  # fmt: skip
            if other.id in linked or other is event or not _coordinated(other):
                continue
            first, second = sorted((event, other), key=lambda e: e.trigger_start)
            if not _COORDINATION.fullmatch(doc.text, first.trigger_end, second.trigger_start):
                continue
            if any(e.tense is not Tense.NONE and first.trigger_end <= e.trigger_start < second.trigger_start
                   for e in verbs.starting_in(first.trigger_end, second.trigger_start)):  # fmt: skip
                continue
            ev = _evidence("coordinate-time", doc, _expr_span(expr), _trigger_span(other),
                           _trigger_span(event))  # fmt: skip
            yield Constraint(ORIGIN, start(other), lo=lo, evidence=ev, strength=MEDIUM)
            yield Constraint(ORIGIN, end(other), hi=hi, evidence=ev, strength=MEDIUM)


# Between a dated event noun and the verb of its relative clause: a short
# complement ("of a clinic", "of Pan Am Flight 103") and "that"/"which".
_RELATIVE = re.compile(r"[^;:()\"“”`]{0,60}?[^\S\n]+(?:that|which)[^\S\n]+", re.IGNORECASE)


def relative_time(doc: Document) -> Iterator[Constraint]:
    """'the January 1998 bombing of a clinic that killed a police officer': the
    verb of a relative clause on a dated event noun happened within its time."""
    for expr, verb, _relation in _relative_links(doc):
        noun = doc.sentence_events(verb.sentence).all.last_ending_by(verb.trigger_start - 1)
        assert noun is not None
        ev = _evidence("relative-time", doc, _expr_span(expr), _trigger_span(noun), _trigger_span(verb))
        lo, hi = dated_span(expr)
        if lo is not None:
            yield Constraint(ORIGIN, start(verb), lo=lo, evidence=ev, strength=MEDIUM)
        yield Constraint(ORIGIN, end(verb), hi=hi, evidence=ev, strength=MEDIUM)


def _relative_links(doc: Document) -> list[tuple[TimeExpression, Event, str]]:
    """(time, verb, "within") for each relative-clause verb on a dated past event noun."""
    def compute() -> list[tuple[TimeExpression, Event, str]]:
        linked = {event.id for _expr, event, _relation in _links(doc)}
        out = []
        for expr, event, relation in _links(doc):
            hi = to_minutes(expr.latest)
            if relation != "within" or event.pos is not Pos.NOUN or hi is None or hi > doc.publication_end:
                continue
            index = doc.sentence_events(event.sentence)
            verb = index.verbs.first_starting_from(event.trigger_end)
            if verb is None or verb.id in linked or not _coordinated(verb):
                continue
            if (index.all.first_starting_from(event.trigger_end) is verb
                    and _RELATIVE.fullmatch(doc.text, event.trigger_end, verb.trigger_start)):  # fmt: skip
                out.append((expr, verb, "within"))
        return out
    return doc.memo("relative-links", compute)


def _coordinated(event: Event) -> bool:
    """A past action (not a state of mind: "started last month and expected to ...")."""
    return _carried(event) and event.tense is Tense.PAST and str(event.event_class) != "I_STATE"


def _events_by_clause(doc: Document) -> dict[tuple[int, int], list[Event]]:
    """The events of each (sentence, clause), grouped once per document."""
    def compute() -> dict[tuple[int, int], list[Event]]:
        grouped: dict[tuple[int, int], list[Event]] = {}
        for event in doc.events:
            grouped.setdefault((event.sentence, event.clause), []).append(event)
        return grouped
    return doc.memo("events-by-clause", compute)


def stamp_time(doc: Document) -> Iterator[Constraint]:
    """The events of a live-blog entry, against the entry's time stamp."""
    stamps = [z for z in furniture_zones(doc)[1] if z.kind == "timestamp"]
    for n, zone in enumerate(stamps):
        expr = doc.expression_starting_in(zone.start, zone.end)
        if expr is None or expr.end > zone.end or to_minutes(expr.latest) is None:
            continue
        entry_end = stamps[n + 1].start if n + 1 < len(stamps) else len(doc.text)
        day = to_minutes(expr.earliest)
        at = to_minutes(expr.latest)
        assert at is not None
        day_start = None if day is None else day - day % MINUTES_PER_DAY
        for event in _entry_events(doc, zone.end, entry_end):
            ev = _evidence("stamp-time", doc, _expr_span(expr), _trigger_span(event))
            if event.tense_label in (Tense.PAST, Tense.PRESENT_PERFECT):
                yield Constraint(ORIGIN, end(event), hi=at, evidence=ev, strength=MEDIUM)
                if day_start is not None and event.tense_label is Tense.PAST:
                    yield Constraint(ORIGIN, start(event), lo=day_start, evidence=ev, strength=WEAK)
            elif event.tense_label is Tense.PRESENT and event.pos is Pos.VERB:
                yield Constraint(ORIGIN, start(event), hi=at, evidence=ev, strength=WEAK)
                yield Constraint(ORIGIN, end(event), lo=at, evidence=ev, strength=WEAK)


def _entry_events(doc: Document, lo: int, hi: int) -> Iterator[Event]:
    first, last = doc.sentence_of(lo), doc.sentence_of(hi)
    for sentence in range(first, last + 1):
        for event in doc.events_in(sentence):
            if lo <= event.trigger_start < hi and event.polarity == "POS" and event.status in (
                    Status.ASSERTED, Status.REPORTED):  # fmt: skip
                yield event


@functools.cache
def _document_nouns() -> frozenset[str]:
    words = dating_table()["document_report"]["nouns"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataTableError("dating.toml: [document_report] nouns must be a list of strings")
    return frozenset(w.casefold() for w in words)


# A document noun just before the dated participle: "the letter, dated",
# "a message that was read", "a communique, read".
_DOCUMENT_BEFORE = re.compile(
    r"\b([A-Za-z]+)[^\S\n]*,?[^\S\n]+(?:(?:that|which)[^\S\n]+(?:was|were)[^\S\n]+)?$")
# Between the report and its document: a short phrase, no clause mark.
_TO_DOCUMENT = re.compile(r"[^,;:.()\"“”`']{1,50}")


def document_time(doc: Document) -> Iterator[Constraint]:
    """'The coach said in the note, dated Monday', '"...," said a statement
    issued Wednesday night': a report whose source is a document the text
    dates was made within that time (document nouns in ``dating.toml``), not
    on the reporting day."""
    for expr, event, relation in _links(doc):
        if relation != "within" or not _day_or_finer(expr) or event.pos is not Pos.VERB:
            continue
        if event.tense not in (Tense.PAST, Tense.NONE):
            continue
        found = _DOCUMENT_BEFORE.search(doc.text, max(0, event.trigger_start - 40), event.trigger_start)
        if found is None or found.group(1).casefold() not in _document_nouns():
            continue
        report = doc.sentence_events(event.sentence).verbs.last_ending_by(found.start())
        if (report is None or str(report.event_class) != "REPORTING" or report.tense is not Tense.PAST
                or not _TO_DOCUMENT.fullmatch(doc.text, report.trigger_end, found.start())):  # fmt: skip
            continue
        lo, hi = dated_span(expr)
        ev = _evidence("document-time", doc, _expr_span(expr), _trigger_span(report),
                       found.span(1), _trigger_span(event))  # fmt: skip
        yield Constraint(ORIGIN, start(report), lo=lo, evidence=ev, strength=MEDIUM)
        yield Constraint(ORIGIN, end(report), hi=hi, evidence=ev, strength=MEDIUM)


def reported_before(doc: Document) -> Iterator[Constraint]:
    """'Detectives said Friday they recovered a pistol': a past happening a
    dated past report tells of (after the report, no time of its own) ended
    before the report's day, as news reports what happened.  Weak, and an
    assumption: any time of its own or other evidence wins."""
    linked = {event.id for _expr, event, _relation in _links(doc)}
    for expr, report, relation in _links(doc):
        if relation != "within" or not _day_or_finer(expr) or str(report.event_class) != "REPORTING":
            continue
        if report.tense is not Tense.PAST or report.pos is not Pos.VERB:
            continue
        lo, _hi = dated_span(expr)
        if lo is None:
            continue
        day = lo - lo % MINUTES_PER_DAY
        for told in doc.events_in(report.sentence):
            if told.governor != report.id or told.id in linked or str(told.event_class) != "OCCURRENCE":
                continue
            if told.tense is not Tense.PAST or told.aspect is not Aspect.NONE or told.pos is not Pos.VERB:
                continue
            if told.trigger_start < report.trigger_end:
                continue
            ev = attrs.evolve(_evidence("reported-before", doc, _expr_span(expr), _trigger_span(report),
                                        _trigger_span(told)), assumption=True)  # fmt: skip
            yield Constraint(ORIGIN, end(told), hi=day, evidence=ev, strength=WEAK)


@functools.cache
def _mention_groups() -> dict[str, int]:
    """Lemma -> the group of words naming one kind of happening (``dating.toml``)."""
    groups = dating_table()["mention"]["groups"]
    if not isinstance(groups, list) or not all(isinstance(g, list) for g in groups):
        raise DataTableError("dating.toml: [mention] groups must be a list of word lists")
    return {str(w).casefold(): n for n, group in enumerate(groups) for w in group}


# A definite mention ("the killing", "that attack", "his death"), up to two words after the determiner.
_DEFINITE = re.compile(r"\b(?:the|this|that|his|her|its|their)[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}$", re.IGNORECASE)
_MENTION_REACH = 12  # sentences back to the dated mention


def mention_time(doc: Document) -> Iterator[Constraint]:
    """'The guard was shot on Friday night ... After the shooting, ...': a
    definite event noun naming a happening the text dated a few sentences
    before (the same word, or one of its group in ``dating.toml`` [mention])
    happened then."""
    linked = {event.id for _expr, event, _relation in _links(doc)}
    groups = _mention_groups()
    times: dict[str, TimeExpression] = {}
    for expr, event, relation in _links(doc):
        if relation == "within" and _day_or_finer(expr) and event.id not in times:
            times[event.id] = expr
    last: dict[object, tuple[Event, TimeExpression]] = {}
    for event in doc.events:
        key: object = groups.get(event.lemma.casefold(), event.lemma.casefold())
        expr = times.get(event.id)
        if expr is not None and event.polarity == "POS":
            last[key] = (event, expr)
            continue
        if event.pos is not Pos.NOUN or event.id in linked or key not in last:
            continue
        earlier, expr = last[key]
        if event.sentence - earlier.sentence > _MENTION_REACH or event.sentence == earlier.sentence:
            continue
        if not _DEFINITE.search(doc.text, max(0, event.trigger_start - 40), event.trigger_start):
            continue
        lo, hi = dated_span(expr)
        ev = _evidence("mention-time", doc, _expr_span(expr), _trigger_span(earlier), _trigger_span(event))
        yield Constraint(ORIGIN, start(event), lo=lo, evidence=ev, strength=WEAK)
        yield Constraint(ORIGIN, end(event), hi=hi, evidence=ev, strength=WEAK)
