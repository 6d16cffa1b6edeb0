"""extract(): from a dated text to an ordered, explained timeline."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import math
import sys
import weakref
from collections.abc import Iterable, Iterator, Sequence

import attrs

from timeline.events import Event, find_events
from timeline.expressions._calendar import add_days
from timeline.expressions._model import FarDate, TimeExpression
from timeline.expressions._tag import publication_day, tag
from timeline.relations import (
    ORIGIN,
    WEAK,
    Constraint,
    Document,
    constraints_for,
    end,
    from_minutes,
    start,
    to_minutes,
)
from timeline.relations._ordering import is_likely_order
from timeline.solver._network import Canonical
from timeline.solver._relation import Relation, interval_relation, start_relation
from timeline.solver._solver import Conflict, Solution, solve
from timeline.text import read

# relations_of: at most this many events of each neighbouring sentence.
NEIGHBOURS = 12

# A bound: a date (midnight), a datetime, a FarDate outside years 1-9999, or None (open).
Moment = dt.date | dt.datetime | FarDate | None


@attrs.frozen(kw_only=True)
class TimelineEvent:
    """An event placed on the timeline.

    Attributes:
        id: event id, unique in the timeline ("e3"; "d2.e3" when several documents are merged).
        text: a short description (the clause, trimmed).
        trigger: the main verb or nominalisation.
        source: the document it comes from (a file name, or "" for a single text).
        sentence: index of its sentence in its document.
        start: offset of its clause in its document.
        end: offset after its clause.
        trigger_start: offset of the trigger.
        trigger_end: offset after the trigger.
        tense: TimeML tense with perfect folded in (PAST, PRESENT_PERFECT, FUTURE...).
        aspect: TimeML aspect.
        status: ASSERTED, REPORTED, PLANNED, NEGATED or HYPOTHETICAL.
        polarity: POS or NEG.
        event_class: TimeML event class.
        pos: VERB or NOUN.
        earliest_start: the earliest the event can have started, or None (open).
        latest_start: the latest it can have started, or None.
        earliest_end: the earliest it can have ended, or None.
        latest_end: the latest it can have ended, or None.
    """

    id: str
    text: str
    trigger: str
    source: str
    sentence: int
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    tense: str
    aspect: str
    status: str
    polarity: str
    event_class: str
    pos: str
    earliest_start: Moment
    latest_start: Moment
    earliest_end: Moment
    latest_end: Moment

    @property
    def order(self) -> tuple[float, float]:
        """Sort key: by when the event can start, open bounds last."""
        lo = to_minutes(self.earliest_start)
        hi = to_minutes(self.latest_start)
        first = lo if lo is not None else (hi if hi is not None else math.inf)
        second = to_minutes(self.latest_end)
        return (first, second if second is not None else math.inf)


@attrs.frozen
class Timeline:
    """The solved timeline of one or more dated documents.

    Attributes:
        events: the events in timeline order (by their bounds; ties and
            unknowns in text order).
        expressions: the temporal expressions of each document, by source.
        constraints: every constraint the rules produced.
        conflicts: contradictions found, each with the constraint dropped.
        published: publication date of each document, by source.
        texts: the text of each document, by source (offsets point into it).
    """

    events: tuple[TimelineEvent, ...]
    expressions: dict[str, tuple[TimeExpression, ...]]
    constraints: tuple[Constraint, ...]
    conflicts: tuple[Conflict, ...]
    published: dict[str, dt.date]
    _solution: Solution = attrs.field(repr=False, eq=False)
    texts: dict[str, str] = attrs.field(factory=dict, repr=False, eq=False)

    @functools.cached_property
    def _firm_solution(self) -> Solution:
        """The network without weak defaults, solved on first use.

        Orders are claimed only from firm evidence: weak defaults (narrative
        order, tense conventions) shape the bounds and the likely orders of
        events (``relation``) answer order questions, but neither decides an
        entailed "before".
        """
        kept = Canonical.subset(self._solution, _firm, dropped=False)
        return solve(kept, kept.points)

    @property
    def _dates_solution(self) -> Solution:
        """The network the events' bounds are read from: without the likely
        orders of events (``_dates``)."""
        return _dates(self._solution)

    def event(self, event_id: str) -> TimelineEvent:
        for e in self.events:
            if e.id == event_id:
                return e
        raise KeyError(event_id)

    def relation(self, a: TimelineEvent | str, b: TimelineEvent | str, *,
                 entailed_only: bool = False) -> Relation:  # fmt: skip
        """How event a's interval stands to b's: "before", "after", "overlap" or
        "unknown", with its confidence and evidence (a ``Relation``; it
        compares equal to its string).

        "entailed" when the firm evidence entails it (dates, connectives,
        tense against publication, reported past events); else "likely" when
        the network with its measured defaults does; ``entailed_only`` gives
        the firm answer alone.
        """
        full = None if entailed_only else self._solution
        return interval_relation(self._firm_solution, full, _id(a), _id(b))

    def start_relation(self, a: TimelineEvent | str, b: TimelineEvent | str, *,
                       entailed_only: bool = False) -> Relation:  # fmt: skip
        """The order of the two events' start points: "before", "after", "same"
        or "unknown", with confidence and evidence as ``relation`` gives them."""
        full = None if entailed_only else self._solution
        return start_relation(self._firm_solution, full, _id(a), _id(b))

    @functools.cached_property
    def _by_sentence(self) -> dict[tuple[str, int], list[TimelineEvent]]:
        grouped: dict[tuple[str, int], list[TimelineEvent]] = {}
        for e in sorted(self.events, key=lambda e: e.trigger_start):
            grouped.setdefault((e.source, e.sentence), []).append(e)
        return grouped

    def relations_of(self, event: TimelineEvent | str, *, entailed_only: bool = False,
                     ) -> list[tuple[TimelineEvent, Relation]]:  # fmt: skip
        """The events of the same and the neighbouring sentences (of those, the
        ``NEIGHBOURS`` nearest it) that ``event`` is ordered
        against, in text order, each with ``relation(event, other)``; where the
        intervals are not ordered, the order of their starts
        (``start_relation``) is given instead when it is known."""
        this = event if isinstance(event, TimelineEvent) else self.event(event)
        found: list[tuple[TimelineEvent, Relation]] = []
        for sentence in (this.sentence - 1, this.sentence, this.sentence + 1):
            row = self._by_sentence.get((this.source, sentence), [])
            if sentence == this.sentence - 1:
                row = row[-NEIGHBOURS:]
            elif sentence == this.sentence + 1:
                row = row[:NEIGHBOURS]
            for other in row:
                if other.id == this.id:
                    continue
                answer = self.relation(this, other, entailed_only=entailed_only)
                if answer == "unknown":
                    answer = self.start_relation(this, other, entailed_only=entailed_only)
                if answer != "unknown":
                    found.append((other, answer))
        return found

    def explain(self, event: TimelineEvent | str) -> list[str]:
        """The evidence behind each bound of an event, in words."""
        eid = event if isinstance(event, str) else event.id
        dates = self._dates_solution
        lines = []
        for point, label in ((f"{eid}.start", "start"), (f"{eid}.end", "end")):
            for which in ("earliest", "latest"):
                value = getattr(dates, which)(point)
                if value is None:
                    continue
                chain = dates.explain(point, which)
                reasons = "; ".join(_constraint_words(c) for c in chain) or "given"
                moment = from_minutes(value, round_up=which == "latest")
                lines.append(f"{label} {_bound_words(which, moment)}: {reasons}")
        return lines


_DATES: weakref.WeakKeyDictionary[Solution, Solution] = weakref.WeakKeyDictionary()


def _dates(solution: Solution) -> Solution:
    """The network the events' dates (bounds) are read from: without the likely
    orders of events, which answer order questions (``relation``,
    ``start_relation``) but never move a date.  Solved once per network."""
    found = _DATES.get(solution)
    if found is None:
        kept = Canonical.subset(solution, _not_likely)
        found = solution if len(kept) == len(solution._net.constraints) else solve(
            kept, kept.points)  # fmt: skip
        _DATES[solution] = found
    return found


def _not_likely(c: Constraint) -> bool:
    return not is_likely_order(c)


def _firm(c: Constraint) -> bool:
    return c.strength > WEAK and not is_likely_order(c)


def _id(event: TimelineEvent | str) -> str:
    return event if isinstance(event, str) else event.id


def _constraint_words(c: Constraint) -> str:
    ev = c.evidence
    words = f'"{ev.text}"' if ev.text else ""
    return f"{ev.rule} {words}".strip()


def _bound_words(which: str, m: Moment) -> str:
    """'on or after 2016-01-24', 'by the end of 2016-01-24' (an instant at midnight
    closes the day before it)."""
    if which == "earliest":
        return f"on or after {_format_moment(m)}"
    if isinstance(m, dt.date | FarDate) and not isinstance(m, dt.datetime):
        return f"by the end of {_format_moment(add_days(m, -1))}"
    return f"by {_format_moment(m)}"


def _format_moment(m: Moment) -> str:
    return m.isoformat(timespec="minutes") if isinstance(m, dt.datetime) else (
        m.isoformat() if m is not None else "?")  # fmt: skip


@attrs.frozen
class Source:
    """A dated text to put on the timeline.

    Attributes:
        text: the text.
        published: its publication date; a datetime (naive or aware) is
            taken as its own calendar day, as ``extract`` does.
        name: the source's name ("" for a single text).
    """

    text: str
    published: dt.date = attrs.field(converter=publication_day)
    name: str = ""


def _document(text: str, published: dt.date, nominals: str = "signalled") -> Document:
    # One reading of the text for both stages: the tagger's side decisions
    # and the event finder tag the words of a sentence once between them.
    analysis = read(text)
    expressions = tuple(tag(text, published, analysis=analysis))
    sentences = analysis.sentences
    events = tuple(find_events(text, nominals=nominals, analysis=analysis))
    return Document(text, published, expressions, sentences, events)


def extract(
    text: str,
    published: dt.date | dt.datetime,
    *,
    rules: Sequence[str] | None = None,
    nominals: str = "signalled",
) -> Timeline:
    """The timeline of one dated text.

    ``rules`` names the constraint rules to run (default: all, see
    ``timeline.relations.RULE_NAMES``); "event-interval" and "tense" alone
    give the tense-only baseline.  ``nominals`` chooses the event nouns:
    "signalled" (those a time or connective can place), "all" (every event
    noun, as TimeML annotates them) or "none".
    """
    return extract_many([Source(text, published)], rules=rules, nominals=nominals)


def extract_many(
    sources: Iterable[Source],
    *,
    rules: Sequence[str] | None = None,
    nominals: str = "signalled",
    merge: bool = True,
) -> Timeline:
    """One timeline merged from several dated texts (event ids prefixed "d1.", "d2."...).

    With ``merge`` the mentions of one happening (across the texts, or told
    twice in one) are tied by "same-happening" constraints (``_merge``): they
    share their bounds, and a contradiction between them is a conflict.
    """
    sources = list(sources)  # the caller's iterator runs with the collector on
    with _collector_paused():
        return _extract_many(sources, rules, nominals, merge)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused, then as it was: the stages make
    hundreds of thousands of small objects and no cycles, so its passes find
    nothing (a sixth of the time of a 1 MB text; tests/solver/test_extract_gc.py)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _extract_many(sources: list[Source], rules: Sequence[str] | None, nominals: str,
                  merge: bool) -> Timeline:  # fmt: skip
    prefix = len(sources) > 1
    constraints: list[Constraint] = []
    rows: list[tuple[Source, Event, str]] = []
    expressions: dict[str, tuple[TimeExpression, ...]] = {}
    published: dict[str, dt.date] = {}
    texts: dict[str, str] = {}
    for n, source in enumerate(sources, start=1):
        doc = _document(source.text, source.published, nominals)
        key = source.name or (f"d{n}" if prefix else "")
        if key in published:  # the same file twice: keep both apart
            key = f"{key}#{n}"
        expressions[key] = doc.expressions
        published[key] = source.published
        texts[key] = source.text
        rename = f"d{n}." if prefix else ""
        for c in constraints_for(doc, rules):
            constraints.append(_renamed(c, rename) if rename else c)
        rows.extend((attrs.evolve(source, name=key), e, rename + e.id) for e in doc.events)
    # Interned, as the rules' point names are: one string per point in every index.
    points = [sys.intern(p) for _s, _e, eid in rows for p in (f"{eid}.start", f"{eid}.end")]
    solution = solve(constraints, points)
    if merge:
        from timeline.solver._merge import merge_constraints

        times = {k: sorted((x.start, x.end) for x in v) for k, v in expressions.items()}
        merged = merge_constraints([(s.name, e, eid) for s, e, eid in rows], texts, times,
                                   solution)  # fmt: skip
        if merged:  # solved again: the merged mentions share (and pass on) their evidence
            constraints.extend(merged)
            del solution  # its network is garbage: not alive beside the new one
            solution = solve(constraints, points)
    dates = _dates(solution)
    events = [_placed(source, event, eid, dates) for source, event, eid in rows]
    events.sort(key=lambda e: e.order)  # stable: ties keep text order
    return Timeline(tuple(events), expressions, tuple(constraints), tuple(solution.dropped),
                    published, solution, texts)  # fmt: skip


def _renamed(c: Constraint, prefix: str) -> Constraint:
    def name(p: object) -> object:
        return p if p is ORIGIN else sys.intern(f"{prefix}{p}")

    return attrs.evolve(c, a=name(c.a), b=name(c.b))


def _placed(source: Source, event: Event, eid: str, solution: Solution) -> TimelineEvent:
    """The event with its bounds from ``solution`` (the dates network, ``_dates``)."""
    s, e = f"{eid}.start", f"{eid}.end"
    return TimelineEvent(
        id=eid,
        text=event.description,
        trigger=event.trigger,
        source=source.name,
        sentence=event.sentence,
        start=event.start,
        end=event.end,
        trigger_start=event.trigger_start,
        trigger_end=event.trigger_end,
        tense=str(event.tense_label),
        aspect=str(event.aspect),
        status=str(event.status),
        polarity=str(event.polarity),
        event_class=str(event.event_class),
        pos=str(event.pos),
        earliest_start=from_minutes(solution.earliest(s)),
        latest_start=from_minutes(solution.latest(s), round_up=True),
        earliest_end=from_minutes(solution.earliest(e)),
        latest_end=from_minutes(solution.latest(e), round_up=True),
    )


__all__: Sequence[str] = ("Source", "Timeline", "TimelineEvent", "extract", "extract_many",
                          "start", "end")  # fmt: skip
