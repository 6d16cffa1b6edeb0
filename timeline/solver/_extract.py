"""extract(): a dated text (or several) through every stage into a Timeline.

Takes ``Source``s (text, publication date, name); reads each text once
(``timeline.text.read``), tags its expressions and finds its events on that
reading, runs the constraint rules, solves the network (again after merging
the mentions of one happening) and places every event from the dates network.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence

import attrs

from timeline._collector import collector_paused
from timeline.events import Event, find_events
from timeline.expressions._model import TimeExpression
from timeline.expressions._tag import publication_day, tag
from timeline.relations import ORIGIN, Constraint, Document, constraints_for, from_minutes
from timeline.solver._network import Canonical
from timeline.solver._solver import Solution, solve
from timeline.solver._timeline import Moment, Timeline, TimelineEvent, _dates
from timeline.text import read

__all__ = ["Source", "extract", "extract_many"]


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
    return Document(text, published, expressions, sentences, events, zones=analysis.zones)


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
    with collector_paused():  # a sixth of the time of a 1 MB text
        return _extract_many(sources, rules, nominals, merge)


def _extract_many(sources: list[Source], rules: Sequence[str] | None, nominals: str,
                  merge: bool) -> Timeline:  # fmt: skip
    prefix = len(sources) > 1
    constraints: list[Constraint] = []
    rows: list[tuple[Source, Event, str]] = []
    expressions: dict[str, tuple[TimeExpression, ...]] = {}
    published: dict[str, dt.date] = {}
    texts: dict[str, str] = {}
    for n, source in enumerate(sources, start=1):
        key = source.name or (f"d{n}" if prefix else "")
        if key in published:  # the same file twice: keep both apart
            key = f"{key}#{n}"
        rename = f"d{n}." if prefix else ""
        doc = _read_source(source, key, rename, rules, nominals, constraints, rows)
        expressions[key] = doc.expressions
        published[key] = source.published
        texts[key] = source.text
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
            network, asked = _merged_network(solution, merged, constraints, points)
            del solution  # its network is garbage: not alive beside the new one
            solution = solve(network, asked)
    dates = _dates(solution)
    moments: dict[tuple[int | None, bool], Moment] = {}
    events = [_placed(source, event, eid, dates, moments) for source, event, eid in rows]
    events.sort(key=lambda e: e.order)  # stable: ties keep text order
    return Timeline(tuple(events), expressions, tuple(constraints), tuple(solution.dropped),
                    published, solution, texts)  # fmt: skip


def _merged_network(solution: Solution, merged: list[Constraint], constraints: list[Constraint],
                    points: list[str]) -> tuple[Iterable[Constraint], Sequence[str]]:  # fmt: skip
    """What to solve once the merges are found: ``constraints`` (merges
    included) in the first solve's canonical order with the merges sorted in,
    so that nothing is sorted again, else (a merge naming a new point) as given."""
    ordered = Canonical.extended(solution, merged)
    return (ordered, ordered.points) if ordered is not None else (constraints, points)


def _read_source(source: Source, key: str, rename: str, rules: Sequence[str] | None,
                 nominals: str, constraints: list[Constraint],
                 rows: list[tuple[Source, Event, str]]) -> Document:  # fmt: skip
    """Add one source's constraints and events (one renamed Source for all of
    them, not one each); give its Document.

    The caller keeps the last Document alive through the solves (a loop
    variable): releasing it first lowers the peak by a sixth, but a 1 MB text
    then solves some 5-10% slower (the solver's small objects land in the
    holes it leaves), so it is kept until the timeline is made.
    """
    doc = _document(source.text, source.published, nominals)
    for c in constraints_for(doc, rules):
        constraints.append(_renamed(c, rename) if rename else c)
    named = attrs.evolve(source, name=key)
    rows.extend((named, e, rename + e.id) for e in doc.events)
    return doc


def _renamed(c: Constraint, prefix: str) -> Constraint:
    def name(p: object) -> object:
        return p if p is ORIGIN else sys.intern(f"{prefix}{p}")

    return attrs.evolve(c, a=name(c.a), b=name(c.b))


def _placed(source: Source, event: Event, eid: str, solution: Solution,
            moments: dict[tuple[int | None, bool], Moment] | None = None,
            ) -> TimelineEvent:  # fmt: skip
    """The event with its bounds from ``solution`` (the dates network, ``_dates``).

    The labels are the enums' own strings (``_value_``: ``str()`` makes a copy,
    ``.value`` is a slower descriptor) and ``moments`` holds one object per
    bound (many events share the publication day): not copies per event.
    """
    s, e = f"{eid}.start", f"{eid}.end"
    if moments is None:
        moments = {}
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
        tense=event.tense_label._value_,
        aspect=event.aspect._value_,
        status=event.status._value_,
        polarity=event.polarity._value_,
        event_class=event.event_class._value_,
        pos=event.pos._value_,
        earliest_start=_moment(moments, solution.earliest(s), False),
        latest_start=_moment(moments, solution.latest(s), True),
        earliest_end=_moment(moments, solution.earliest(e), False),
        latest_end=_moment(moments, solution.latest(e), True),
    )


def _moment(moments: dict[tuple[int | None, bool], Moment], minutes: int | None,
            round_up: bool) -> Moment:  # fmt: skip
    key = (minutes, round_up)
    found = moments.get(key, moments)
    if found is moments:
        found = moments[key] = from_minutes(minutes, round_up=round_up)
    return found  # type: ignore[return-value]
