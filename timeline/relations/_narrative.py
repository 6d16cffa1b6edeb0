"""The weak defaults of news narrative: the story-time and narrative-order rules.

Takes a ``Document`` (and the time anchors of ``_time_anchors``); gives weak
constraints that hold unless the text says otherwise: a past-tense event in a
sentence with no time of its own happened within the time the previous
sentence named, and the past-tense main clauses of one sentence are told in
the order they happened.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator

from timeline._data import load_table
from timeline.events import Aspect, Event, Pos, Status, Tense
from timeline.expressions import TimeExpression
from timeline.relations._adjuncts import _adjuncts
from timeline.relations._constraint import ORIGIN, WEAK, Constraint
from timeline.relations._dating_table import dating_table
from timeline.relations._document import Document, _evidence, _expr_span, _trigger_span, end, start
from timeline.relations._time_anchors import DATELINE_REACH, _anchorable, _links, is_dateline
from timeline.relations._units import MINUTES_PER_DAY, dated_span, to_minutes


def story_time(doc: Document) -> Iterator[Constraint]:
    """Weak default: a past-tense event in a sentence with no time of its own
    happened within the scene's time (a day to a year): the time the last
    timed sentence of its paragraph named ("Rebels seized the town on
    Sunday. They killed 20 soldiers. They burned the market.").  The scene
    ends at a new time, a tense shift (a past perfect, a present or future
    main verb: a flashback or a return to the present) or a paragraph break;
    a scene on the publication day or the day before (the day's news, one
    paragraph a sentence in wire copy) goes on across paragraph breaks, the
    day before only to main past verbs, not past a quoted comment in the
    present, nor when a dateline dates the story on the publication day.
    A time inside a quotation neither sets nor ends a scene.  A scene well
    before publication does not date a closing attribution ("..., the FBI
    said"): that telling is today's."""
    quoted = _quoted_spans(doc)
    anchored: dict[int, TimeExpression] = {}
    for expr, _event, relation in _links(doc):
        if relation == "within" and _year_or_finer(expr) and not quoted(expr.start):
            anchored.setdefault(doc.sentence_of(expr.start), expr)
    # A time inside a quotation is the speaker's ("``I will leave tomorrow,''
    # Castro read"): it neither sets nor ends the scene.
    timed = {doc.sentence_of(e.start) for e in doc.expressions
             if _anchorable(e) and not quoted(e.start)}  # fmt: skip
    shifted = {e.sentence for e in doc.events if _shifts_tense(doc, e)}
    present = {e.sentence for e in doc.events
               if e.pos is Pos.VERB and e.tense in (Tense.PRESENT, Tense.FUTURE)
               and _OPENING_QUOTE.match(doc.text, doc.sentences[e.sentence].start)}  # fmt: skip
    scene: TimeExpression | None = None
    for sentence in range(len(doc.sentences)):
        if sentence in timed:
            scene = anchored.get(sentence)
            continue
        same = _same_paragraph(doc, sentence)
        if scene is not None and sentence in shifted and _news_day(doc, scene, days_before=0):
            continue
        if scene is None or sentence in shifted or not (same or _news_day(doc, scene)):
            scene = None
            continue
        today = same or _news_day(doc, scene, days_before=0)
        if not today and sentence in present:
            scene = None  # a quoted comment in the present ("``It may ...,'' said"): today's telling
            continue
        # Across a paragraph break from the day before, only the main past
        # verbs (not a complement's state, a bare participle's present).
        yield from _scene_events(doc, sentence, scene, main_only=not today)


@functools.cache
def _subordinate_opening() -> re.Pattern[str]:
    """A clause opening with a relative or subordinating word (``events/clauses.toml``)."""
    cues = load_table("events/clauses.toml")["cues"]
    words = sorted((*cues["relatives"], *cues["subordinators"]), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"[\"'`“‘\s]*(?:{alternatives})\b", re.IGNORECASE)


# Quotation marks: opening, closing, and those that do either ('' in wire
# copy opens as well as closes a quotation; a straight double quote).
_QUOTE_MARK = re.compile(r"``|''|[\"“”]|\n[^\S\n]*\n")


def _quoted_spans(doc: Document) -> Callable[[int], bool]:
    """Whether an offset lies inside a quotation (none runs past a blank line),
    from the quotation marks read once per document."""
    def compute() -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        opened: int | None = None
        for m in _QUOTE_MARK.finditer(doc.text):
            mark = m.group()
            if mark in ("``", "“"):
                opened = m.end()
            elif mark == "”" or (mark in ("''", '"') and opened is not None):
                if opened is not None:
                    spans.append((opened, m.start()))
                opened = None
            elif mark in ("''", '"'):
                opened = m.end()
            else:
                opened = None  # a blank line
        return spans
    spans = doc.memo("quoted-spans", compute)
    starts = [a for a, _b in spans]

    def quoted(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]
    return quoted


# A sentence opening with a quotation: "``", a double or a single quote mark.
_OPENING_QUOTE = re.compile(r"\s*(?:``|[\"“‘'])")


# A report attributing what comes before it: "..., the FBI said", "..., said Mr. Ruiz".
_ATTRIBUTION = re.compile(r"(?:,|''|[\"”’])[^\S\n]*(?:[\w.'’-]+[^\S\n]+){0,4}$")


_CLAUSE_REACH = 200


def _shifts_tense(doc: Document, event: Event) -> bool:
    """A past perfect (a flashback) not in a relative or subordinate clause
    ("Two others, which had tried, were turned away" stays in the scene),
    or a present or future main verb."""
    if event.tense_label is Tense.PAST_PERFECT:
        # The clause, or its part after a comma ("Two others, which had tried"),
        # looked at near the verb only (linear).
        lo = max(event.start, event.trigger_start - _CLAUSE_REACH)
        begin = max(lo, doc.text.rfind(",", lo, event.trigger_start) + 1)
        return _subordinate_opening().match(doc.text, begin) is None
    return (event.pos is Pos.VERB and event.governor is None and event.status is Status.ASSERTED
            and event.tense in (Tense.PRESENT, Tense.FUTURE))  # fmt: skip


def _scene_events(doc: Document, sentence: int, scene: TimeExpression, *,
                  main_only: bool = False) -> Iterator[Constraint]:
    lo, hi = dated_span(scene)
    if lo is None or hi is None:
        return
    days = dating_table()["present_context"]["past_frame_days"]
    old = hi <= doc.publication_start - int(days) * MINUTES_PER_DAY  # type: ignore[call-overload]
    adjuncts: set[str] = set()
    if main_only:  # a main past verb's free adjunct is told with it ("accepted ..., marking")
        for event in doc.events_in(sentence):
            if event.pos is Pos.VERB and event.tense is Tense.PAST and event.governor is None:
                adjuncts.update(e.id for e in _adjuncts(doc, event))
    for event in doc.events_in(sentence):
        bare = event.tense is Tense.NONE and event.verb_group == event.trigger  # "marking"
        if not (event.tense is Tense.PAST or bare) or event.aspect is not Aspect.NONE:
            continue
        if event.pos is not Pos.VERB or event.status not in (Status.ASSERTED, Status.REPORTED):
            continue
        if main_only and event.id not in adjuncts and (
                event.governor is not None or event.tense is not Tense.PAST):
            continue
        if old and str(event.event_class) == "REPORTING" and _ATTRIBUTION.search(
                doc.text, max(0, event.trigger_start - 40), event.trigger_start):
            continue  # "..., the FBI said": the telling is today's, not the old scene's
        ev = _evidence("story-time", doc, _expr_span(scene), _trigger_span(event))
        yield Constraint(ORIGIN, start(event), lo=lo, evidence=ev, strength=WEAK)
        yield Constraint(ORIGIN, end(event), hi=hi, evidence=ev, strength=WEAK)


def _news_day(doc: Document, expr: TimeExpression, days_before: int = 1) -> bool:
    """A day the story's news is of: the publication day or the day before it
    (the morning paper's, the wire story filed the evening before), unless a
    dateline dates the story on the publication day itself."""
    if days_before and _dated_on_publication_day(doc):
        days_before = 0
    lo, hi = dated_span(expr)
    return (lo is not None and hi is not None and hi - lo <= MINUTES_PER_DAY
            and lo >= doc.publication_start - days_before * MINUTES_PER_DAY
            and hi <= doc.publication_end)  # fmt: skip


def _dated_on_publication_day(doc: Document) -> bool:
    return doc.memo("dateline-today", lambda: any(
        is_dateline(doc, x) for x in doc.expressions if x.start <= DATELINE_REACH))


def _year_or_finer(expr: TimeExpression) -> bool:
    lo, hi = to_minutes(expr.earliest), to_minutes(expr.latest)
    return lo is not None and hi is not None and hi - lo <= 366 * MINUTES_PER_DAY


def _same_paragraph(doc: Document, sentence: int) -> bool:
    """No blank line between this sentence and the one before it."""
    if sentence <= 0 or sentence >= len(doc.sentences):
        return False
    gap = doc.text[doc.sentences[sentence - 1].end : doc.sentences[sentence].start]
    return gap.count("\n") < 2


def narrative_order(doc: Document) -> Iterator[Constraint]:
    """Weak default: past-tense main clauses of one sentence are told in order."""
    previous: Event | None = None
    for event in doc.events:
        if event.pos is not Pos.VERB or event.tense is not Tense.PAST or event.governor:
            continue
        if event.aspect is not Aspect.NONE or event.status not in (Status.ASSERTED, Status.REPORTED):
            continue
        if event.event_class == "REPORTING":
            continue
        if previous is not None and previous.sentence == event.sentence:
            ev = _evidence("narrative-order", doc, _trigger_span(previous), _trigger_span(event))
            yield Constraint(start(previous), start(event), lo=0, evidence=ev, strength=WEAK)
        previous = event
