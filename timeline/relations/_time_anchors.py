"""Times that place events: the time-anchor and duration rules.

Takes a ``Document``; gives, for every time expression that can anchor an
event, the events it anchors and how (``_links``: within, since, by, before,
after... from its signal in ``connectives.toml`` [time]), found once per
document and shared with the story-time rule; then the constraints: the
event's start and end inside, after or before the time (``time_anchor``), an
event lasting a duration (``duration_of``), and every event taking time
(``event_interval``).  An event a time belongs to is the verb governing its
phrase, a when-clause ("since August, when they traded at $10"), or what its
phrase reaches besides (``_time_phrases``): the noun it modifies ("the 1996
campaign"), the verbs of a sentence it opens, a noun just before it
("trading Friday").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from timeline.events import Event
from timeline.expressions import TimeExpression, TimexType
from timeline.relations._constraint import HARD, MEDIUM, ORIGIN, STRONG, Constraint
from timeline.relations._dating_table import dating_table
from timeline.relations._document import (
    Document,
    _evidence,
    _expr_span,
    _trigger_span,
    end,
    start,
)
from timeline.relations._frames import frame_for_present
from timeline.relations._linking import (
    _event_in_phrase,
    _finite,
    complements_sharing,
    governing_event,
    occurring_subject,
    past_verb_sharing,
    purpose_infinitive,
    verb_just_before,
    when_clause_event,
)
from timeline.relations._tables import _word_patterns, connectives
from timeline.relations._time_phrases import (
    modified_noun,
    noun_just_before,
    noun_of_complement,
    opening_time_events,
    possessive_event,
)
from timeline.relations._units import MINUTES_PER_DAY, dated_span, duration_span, to_minutes
from timeline.text._zones import STORY, Zone, find_zones


def event_interval(doc: Document) -> Iterator[Constraint]:
    """Every event takes time: it ends at least a minute after it starts.

    (With zero-length events allowed, "said yesterday" and "said today" would
    both hold at midnight instead of contradicting each other.)"""
    for event in doc.events:
        yield Constraint(start(event), end(event), lo=1, strength=HARD,
                         evidence=_evidence("event-interval", doc, _trigger_span(event)))  # fmt: skip


def _anchorable(expr: TimeExpression) -> bool:
    if expr.value is None:
        return False
    if expr.type in (TimexType.DATE, TimexType.TIME):
        return expr.earliest is not None or expr.latest is not None
    return expr.type is TimexType.DURATION and expr.anchor == "publication"


# After a dateline's date: an agency in brackets, then a dash or the line's end
# ("WASHINGTON, March 12 (Xinhua) --").
_DATELINE_END = re.compile(r"[ \t)]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[-–—|]|$)", re.MULTILINE)


def is_dateline(doc: Document, expr: TimeExpression) -> bool:
    """The article's own date at its top ("LONDON, 12 June 2019 -", "Published:
    2023-11-16"): it dates the text, not an event of the text."""
    if expr.start > DATELINE_REACH or expr.value != doc.published.isoformat():
        return False
    line_start = doc.text.rfind("\n", 0, expr.start) + 1
    before = doc.text[line_start : expr.start].casefold()
    words = connectives()["dateline"]["words"]  # type: ignore[index]
    if _DATELINE_END.match(doc.text, expr.end):
        return True
    # A date line's word on a short line ("Posted by Jane Doe on") or opening
    # it; not inside a sentence ("said in a letter published Wednesday": that
    # is the publishing's day).
    short = len(before.split()) <= _DATELINE_WORDS
    return any(w in before and (short or before.lstrip().startswith(w)) for w in words)


_DATELINE_WORDS = 6


def furniture_zones(doc: Document) -> tuple[list[int], list[Zone]]:
    """The page furniture of the text (headline, caption, time stamp ...) and
    their starts, found once per document."""
    def compute() -> tuple[list[int], list[Zone]]:
        read = doc.zones if doc.zones is not None else find_zones(doc.text)
        zones = [z for z in read if z.kind != STORY]
        return [z.start for z in zones], zones
    return doc.memo("furniture", compute)


def _in_furniture(furniture: tuple[list[int], list[Zone]], offset: int) -> bool:
    starts, zones = furniture
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < zones[i].end


@functools.cache
def _comparison_patterns() -> tuple[re.Pattern[str], re.Pattern[str], int, int]:
    table = dating_table()["comparison"]
    def alternatives(key: str) -> str:
        words = table[key]  # type: ignore[index]
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]
    # "from 2.9 billion", "compared with 45 cents", "than $300": a comparison
    # word and an amount, then (at most a few words later) the time.
    # "than" after "more", "less", "fewer" is part of an amount ("to more than
    # 300,000 last year"), not a comparison's baseline.
    approximate = alternatives("approximators")
    not_after = "".join(rf"(?<!\b{re.escape(w)} )" for w in table["amount_before_than"])  # type: ignore[union-attr]
    amount = re.compile(
        rf"\b{not_after}(?:{alternatives('words')})\s+(?:(?:{approximate})\s+)?[$€£¥]?\s?\d(?:[\d.,]*\d)?"
        rf"(?:\s*(?:%|percent|per cent|[a-z]+)){{0,2}}[^.;:!?\d]*$", re.IGNORECASE)
    superlative = re.compile(rf"\b(?:{alternatives('superlatives')})\b[^.;:!?]*$", re.IGNORECASE)
    return amount, superlative, int(table["reach"]), int(table["superlative_reach"])  # type: ignore[arg-type]


def compares(doc: Document, expr: TimeExpression) -> bool:
    """A time that is the baseline of a comparison dates no event: "rose to
    3.2 billion from 2.9 billion a year earlier", "the most storms since the
    2005 season" (cue words in ``grammars/dating.toml``)."""
    amount, superlative, reach, superlative_reach = _comparison_patterns()
    begin = expr.signal_start if expr.signal_start is not None else expr.start
    window = max(0, begin - reach)
    found = amount.search(doc.text[window:begin])
    # "from 6 January to 15 January": the "amount" is a time, this is a range
    if found and not doc.expressions_ending_in(window + found.start(), begin):
        return True
    since = _SINCE_BEFORE.search(doc.text[max(0, begin - 12) : begin])
    if (expr.signal or "").casefold() == "since" or since is not None:
        return superlative.search(doc.text[max(0, begin - superlative_reach) : begin]) is not None
    return False


@functools.cache
def _term_before() -> re.Pattern[str]:
    words = dating_table()["term"]["words"]
    alternatives = "|".join(re.escape(w) for w in words)  # type: ignore[union-attr]
    return re.compile(rf"\b(?:{alternatives})[^\S\n]+$", re.IGNORECASE)


# "since the 2005 season": "since" before a time the tagger gave no signal.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


# How far into a text a dateline can be (the headline block).
DATELINE_REACH = 600


def _links(doc: Document) -> list[tuple[TimeExpression, Event, str]]:
    """(expression, its event, relation) for every anchorable time expression,
    worked out once per document (the time-anchor and story-time rules share it)."""
    return doc.memo("links", lambda: _with_purposes(doc, list(_find_links(doc))))


def _with_purposes(doc: Document, links: list[tuple[TimeExpression, Event, str]]
                   ) -> list[tuple[TimeExpression, Event, str]]:
    """The links, and for each event placed within a time the infinitive of
    purpose that serves it ("travel on March 12 to submit the document")."""
    linked = {(id(expr), event.id) for expr, event, _relation in links}
    out = list(links)
    for expr, event, relation in links:
        lo, hi = dated_span(expr)
        if relation != "within" or lo is None or hi is None or hi - lo > MINUTES_PER_DAY:
            continue  # a day or less: a longer time may be the action's alone
        purpose = purpose_infinitive(doc, event)
        if purpose is not None and (id(expr), purpose.id) not in linked:
            linked.add((id(expr), purpose.id))
            out.append((expr, purpose, "within"))
    return out


def _find_links(doc: Document) -> Iterator[tuple[TimeExpression, Event, str]]:
    table = connectives()["time"]
    furniture = furniture_zones(doc)
    range_ends: set[int] = set()
    for i, expr in enumerate(doc.expressions):
        if i in range_ends or not _anchorable(expr) or is_dateline(doc, expr) or compares(doc, expr):
            continue
        if _term_before().search(doc.text, max(0, expr.start - 12), expr.start):
            continue  # "bonds due March 1, 2031, were sold at par": a term of the bonds, no event's time
        if _in_furniture(furniture, expr.start):
            continue  # a caption's or a time stamp's date: not of a story clause
        other = _range_end(doc, i)
        if other is not None:  # "between April 3 and May 9": one range for the event
            event = governing_event(doc, expr.signal_start or expr.start, other.end)
            if event is not None:
                range_ends.add(i + 1)
                yield expr, _finite(doc, event), "range_start"
                yield other, _finite(doc, event), "range_end"
                continue
        signal = (expr.signal or "").casefold()
        relation = table.get(signal, "within") if signal else "within"
        if relation == "lasts":
            if expr.type is TimexType.DURATION and expr.anchor != "publication":
                continue  # "for two weeks": the duration rule's
            relation = "within"  # "for the quarter", "for the past three years"
        noun = modified_noun(doc, expr) if relation == "within" else None
        event = noun or verb_just_before(doc, expr) or governing_event(
            doc, expr.signal_start or expr.start, expr.end)
        if event is not None:
            yield expr, _finite(doc, event), str(relation)
        if event is not None and relation == "within":  # "planned to pay": the paying then
            for complement in complements_sharing(doc, _finite(doc, event)):
                yield expr, complement, "within"
            subject = occurring_subject(doc, event)  # "The bombings occurred on Friday"
            if subject is not None:
                yield expr, subject, "within"
        owner = possessive_event(doc, expr)  # "in Sunday's debate", "around Wednesday's ruling"
        if owner is not None and owner is not event:
            yield expr, owner, "within"
        when = when_clause_event(doc, expr)
        if when is not None and when is not event:
            yield expr, _finite(doc, when), "within"
        finite = past_verb_sharing(doc, event) if relation == "within" else None
        hi = to_minutes(expr.latest)
        if finite is not None and hi is not None and hi <= doc.publication_end:  # past, as its tense
            yield expr, finite, "within"
        if relation == "within" and event is not None:
            for other in opening_time_events(doc, expr):
                if other is not event:
                    yield expr, other, "within"
            before = noun_just_before(doc, expr) or noun_of_complement(doc, expr)
            if before is not None and before is not event:
                yield expr, before, "within"


_RANGE_AND = re.compile(r"\s+and\s+")
# A time that is the first of a list of days ("on April 24 and 25").


def _range_end(doc: Document, i: int) -> TimeExpression | None:
    """The second time of "between X and Y", when expression *i* is X."""
    expr = doc.expressions[i]
    if (expr.signal or "").casefold() != "between" or i + 1 >= len(doc.expressions):
        return None
    other = doc.expressions[i + 1]
    if not _anchorable(other) or not _RANGE_AND.fullmatch(doc.text, expr.end, other.start):
        return None
    return other


def _gap(expr: TimeExpression, event: Event) -> int:
    return min(abs(expr.start - event.trigger_end), abs(event.trigger_start - expr.end))


def _farther_rivals(doc: Document) -> set[tuple[int, str]]:
    """(expression, event) links whose time is disjoint from a nearer time
    placing the same event ("wrapped up on Wednesday ... of Aug. 7"): in the
    conflict the nearer, the time that modifies the event, is kept."""
    by_event: dict[str, list[TimeExpression]] = {}
    for expr, event, relation in _links(doc):
        if relation == "within":
            by_event.setdefault(event.id, []).append(expr)
    out: set[tuple[int, str]] = set()
    for event_id, exprs in by_event.items():
        if len(exprs) < 2:
            continue
        event = doc.event_by_id(event_id)
        assert event is not None
        nearest = min(exprs, key=lambda x, e=event: _gap(x, e))
        n_lo, n_hi = to_minutes(nearest.earliest), to_minutes(nearest.latest)
        for x in exprs:
            lo, hi = to_minutes(x.earliest), to_minutes(x.latest)
            disjoint = (n_hi is not None and lo is not None and lo >= n_hi) or (
                n_lo is not None and hi is not None and hi <= n_lo)
            if x is not nearest and disjoint:
                out.add((id(x), event_id))
    return out


def time_anchor(doc: Document) -> Iterator[Constraint]:
    """A time expression and its signal place the event of its clause.

    "seized Rabiya on Sunday" puts the seizure inside Sunday; "since
    September" starts an event in September; "by Friday" ends it by Friday.
    """
    farther = _farther_rivals(doc)
    for expr, event, relation in _links(doc):
        frame = frame_for_present(doc, expr)  # "now" in a paragraph set in 1994: then
        lo, hi = dated_span(frame or expr)
        vague = expr.value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
        strength = MEDIUM if vague else STRONG - 10 if (id(expr), event.id) in farther else STRONG
        spans = (_trigger_span(event), _expr_span(expr)) + ((_expr_span(frame),) if frame else ())
        ev = _evidence(f"time-{relation}", doc, *spans,
                       note="the paragraph's time, not the publication day" if frame else None)  # fmt: skip
        s, e = start(event), end(event)
        if relation == "within":
            if lo is not None:
                yield Constraint(ORIGIN, s, lo=lo, evidence=ev, strength=strength)
            if hi is not None:
                yield Constraint(ORIGIN, e, hi=hi, evidence=ev, strength=strength)
        elif relation in ("starts_in", "ends_in"):
            point = s if relation == "starts_in" else e
            if lo is not None:
                yield Constraint(ORIGIN, point, lo=lo, evidence=ev, strength=strength)
            if hi is not None:
                yield Constraint(ORIGIN, point, hi=hi, evidence=ev, strength=strength)
        elif relation == "range_start" and lo is not None:
            yield Constraint(ORIGIN, s, lo=lo, evidence=ev, strength=strength)
        elif relation == "range_end" and hi is not None:
            yield Constraint(ORIGIN, e, hi=hi, evidence=ev, strength=strength)
        elif relation == "ends_by" and hi is not None:
            yield Constraint(ORIGIN, e, hi=hi, evidence=ev, strength=strength)
        elif relation == "before" and lo is not None:
            yield Constraint(ORIGIN, e, hi=lo, evidence=ev, strength=strength)
        elif relation == "after" and hi is not None:
            yield Constraint(ORIGIN, s, lo=hi, evidence=ev, strength=strength)


def duration_of(doc: Document) -> Iterator[Constraint]:
    """'for two weeks', 'three days of bombing': the event lasts that long."""
    table = connectives()["time"]
    for expr in doc.expressions:
        if expr.type is not TimexType.DURATION or expr.anchor == "publication":
            continue
        lo, hi = duration_span(expr.value, expr.mod)
        if lo is None and hi is None:
            continue
        of = _word_patterns()["duration_of"].match(doc.text, expr.end)
        if of:  # "three days of intense bombing": the noun after "of"
            event = _event_in_phrase(doc, of.end())
        elif table.get((expr.signal or "").casefold()) == "lasts":
            event = governing_event(doc, expr.signal_start or expr.start, expr.end)
        else:
            continue
        if event is None:
            continue
        ev = _evidence("duration", doc, _trigger_span(event), _expr_span(expr))
        yield Constraint(start(event), end(event), lo=lo, hi=hi, evidence=ev, strength=MEDIUM)
