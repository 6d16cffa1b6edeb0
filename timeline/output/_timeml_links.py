"""Which TLINKs to write: relations the solved network gives, between neighbours.

Takes a solved ``Timeline`` and the events and TIMEX3s written inline; gives
(relType, event, attribute, related id) for each link.  With
``tlinks="entailed"`` a link is written only where the firm network (no weak
defaults) entails it; by default (``"all"``) the likely ones are written too:
the bounds of the full network, every event to the DCT (its tense where
nothing firmer is known: ``likely_dct_relation``) and the likely order of
adjacent events of a sentence.  The decisions are made by small pure
functions (``entailed_time_relation``, ``entailed_event_relation``,
``likely_dct_relation``), which an evaluation script can reuse.

Links are written between neighbours only, as TimeML annotators do, and
closure gives the rest: each event to the DCT, to its anchoring times and the
times nearest it, and to the next few events in text order (same or next
sentence).  Each decision is a bounded query (``_LocalNetwork``), so the
output and the work grow linearly with the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence

from timeline.expressions import TimeExpression, TimexType
from timeline.output._timeml_network import EVENT_LINKS, Gap, _LocalNetwork
from timeline.relations import MINUTES_PER_DAY, ORIGIN, to_minutes
from timeline.solver import Solution, Timeline, TimelineEvent

# (earliest start, latest start, earliest end, latest end) in minutes since
# 0001-01-01 (``to_minutes``); None where a bound is open.
EventBounds = tuple[int | None, int | None, int | None, int | None]
# (lo, hi): entailed bounds on a difference of two times; None where open.

# A TIMEX3 value that names its whole interval: a calendar year, quarter,
# half, month, week, day or clock time.  Anything else ("PAST_REF", "2019-03"
# with mod START, "2019-SP", "2016-01-24TMO") is a window the referent lies
# somewhere inside, not the referent itself.
_EXACT_VALUE = re.compile(
    r"^\d{4}(?:-(?:Q[1-4]|H[12]|W\d\d|\d\d(?:-\d\d(?:T\d\d(?::\d\d(?::\d\d)?)?)?)?))?$"
)

# Which pairs get a TLINK (each a bounded number per event, so the output is
# linear in the text; closure over these neighbours gives the rest).
_EVENT_LINKS = EVENT_LINKS
_TIME_LINKS = 4  # ... to the 4 nearest TIMEX3 on each side, same or adjacent sentence
_ANCHOR_LINKS = 4  # ... and to at most 4 TIMEX3 that anchor it (constraint evidence)
# Likely links (tlinks="all"): each event to the next _LIKELY_LINKS events,
# crossing into the next sentence or not, and by start order alone or not.
_LIKELY_LINKS = 1
_LIKELY_CROSS = False
_LIKELY_STARTS = True


def entailed_time_relation(
    event: EventBounds, time: tuple[int, int], *, exact: bool = True
) -> str | None:
    """The TimeML relType from an event to a time that its bounds entail, or None.

    ``event`` is the event's four bounds (``EventBounds``); ``time`` the
    half-open interval [start, end) of the time, in the same unit.  With
    ``exact=False`` the interval is only a window in which the time lies (a
    vague or modified expression): then only the relations that hold for
    every sub-interval of the window are decided (BEFORE, AFTER, INCLUDES).

    Checked in this order, the first that holds wins:
    SIMULTANEOUS (every bound equals the time's ends), BEFORE (latest end <=
    time start), AFTER (earliest start >= time end), IS_INCLUDED (earliest
    start >= time start and latest end <= time end), INCLUDES (latest start
    <= time start and earliest end >= time end).
    """
    es, ls, ee, le = event
    t0, t1 = time
    if exact and es == ls == t0 and ee == le == t1:
        return "SIMULTANEOUS"
    if le is not None and le <= t0:
        return "BEFORE"
    if es is not None and es >= t1:
        return "AFTER"
    if exact and es is not None and le is not None and es >= t0 and le <= t1:
        return "IS_INCLUDED"
    if ls is not None and ee is not None and ls <= t0 and ee >= t1:
        return "INCLUDES"
    return None


def entailed_event_relation(relation: str, start_gap: Gap, end_gap: Gap) -> str | None:
    """The TimeML relType from event a to event b that the network entails, or None.

    ``relation`` is ``Timeline.relation(a, b)`` ("before", "after",
    "overlap", "unknown"); ``start_gap`` the entailed (lo, hi) bounds on
    ``b.start - a.start`` and ``end_gap`` those on ``b.end - a.end`` (None
    where open).  An overlap gives a relType only when inclusion or identity
    is entailed; "unknown" never gives one.
    """
    if relation == "before":
        return "BEFORE"
    if relation == "after":
        return "AFTER"
    if relation != "overlap":
        return None
    (s_lo, s_hi), (e_lo, e_hi) = start_gap, end_gap
    b_starts_first = s_hi is not None and s_hi <= 0  # b.start <= a.start
    a_starts_first = s_lo is not None and s_lo >= 0  # a.start <= b.start
    b_ends_last = e_lo is not None and e_lo >= 0  # a.end <= b.end
    a_ends_last = e_hi is not None and e_hi <= 0  # b.end <= a.end
    if b_starts_first and a_starts_first and b_ends_last and a_ends_last:
        return "SIMULTANEOUS"
    if b_starts_first and b_ends_last:
        return "IS_INCLUDED"
    if a_starts_first and a_ends_last:
        return "INCLUDES"
    return None


def event_bounds(event: TimelineEvent) -> EventBounds:
    """An event's four bounds in minutes (``to_minutes``), None where open."""
    return (
        to_minutes(event.earliest_start),
        to_minutes(event.latest_start),
        to_minutes(event.earliest_end),
        to_minutes(event.latest_end),
    )


def _local_id(event: TimelineEvent) -> str:
    """The event id without the "d<n>." prefix of a merged timeline."""
    return event.id.rsplit(".", 1)[-1]


def _instance_id(event: TimelineEvent) -> str:
    local = _local_id(event)
    return "ei" + local[1:] if local.startswith("e") else "ei" + local


def _time_interval(expr: TimeExpression) -> tuple[int, int] | None:
    lo, hi = to_minutes(expr.earliest), to_minutes(expr.latest)
    if lo is None or hi is None or expr.type not in (TimexType.DATE, TimexType.TIME):
        return None
    return lo, hi


def _is_exact(expr: TimeExpression) -> bool:
    """Whether [earliest, latest) is the time itself rather than a window around it."""
    return expr.mod is None and expr.value is not None and bool(_EXACT_VALUE.match(expr.value))



def _anchors(
    tl: Timeline, events: Sequence[TimelineEvent], times: Sequence[TimeExpression]
) -> dict[str, list[TimeExpression]]:
    """The TIMEX3s (of ``times``, in text order) that anchor each event, by event id.

    An anchor is a time whose extent lies inside the evidence of a constraint
    between one of the event's points and ORIGIN ("captured ... on Tuesday"),
    wherever in the document it is.  At most ``_ANCHOR_LINKS`` per event.
    """
    owner = {f"{e.id}.{p}": e.id for e in events for p in ("start", "end")}
    starts = [x.start for x in times]
    found: dict[str, list[TimeExpression]] = {}
    for c in tl.constraints:
        if c.a is ORIGIN:
            eid = owner.get(c.b)
        elif c.b is ORIGIN:
            eid = owner.get(c.a)
        else:
            continue
        if eid is None:
            continue
        mine = found.get(eid, [])
        for s, e in c.evidence.spans[:4]:
            i = bisect.bisect_left(starts, s)
            while i < len(times) and times[i].start < e and len(mine) < _ANCHOR_LINKS:
                if times[i].end <= e and all(x is not times[i] for x in mine):
                    mine.append(times[i])
                i += 1
        if mine:
            found[eid] = mine
    return found




def _tlinks(
    tl: Timeline,
    events: Sequence[TimelineEvent],
    written: Sequence[TimelineEvent],
    times: Sequence[TimeExpression],
    published: dt.date,
    sentence_starts: Sequence[int],
    tlinks: str = "all",
) -> Iterator[tuple[str, TimelineEvent, str, str]]:
    """(relType, event instance, attribute, related id) for each relation written.

    ``events`` are all the source's events and ``written`` those written
    inline, both in text order; ``times`` the TIMEX3s written inline, in text
    order.  Only neighbours are tried (see ``_EVENT_LINKS`` and the like),
    each with bounded work, so the links and the time grow linearly.  The
    links to the DCT come first, then those to times, then those to events.

    ``tlinks="entailed"`` writes only what the firm network (no weak
    defaults) entails; ``"all"`` also writes likely relations: the bounds of
    the full network, every event to the DCT (its tense where nothing better
    is known) and the likely order of neighbouring events.
    """
    likely = tlinks == "all"
    if likely:
        bounds = [event_bounds(e) for e in written]
    else:
        firm = tl._firm_solution
        bounds = [_solved_bounds(firm, e.id) for e in written]
    yield from _dct_links(written, bounds, published, likely)
    yield from _time_links(tl, written, bounds, times, sentence_starts)
    yield from _event_links(tl, events, written, likely)


def _solved_bounds(solution: Solution, eid: str) -> EventBounds:
    s, e = f"{eid}.start", f"{eid}.end"
    return (solution.earliest(s), solution.latest(s), solution.earliest(e), solution.latest(e))


# The tense default of an event's link to the DCT where its bounds entail none.
_TENSE_DCT = {"PAST": "BEFORE", "PAST_PERFECT": "BEFORE", "PRESENT_PERFECT": "BEFORE",
              "FUTURE": "AFTER", "PRESENT": "INCLUDES"}  # fmt: skip
_PAST = ("PAST", "PAST_PERFECT", "PRESENT_PERFECT")


def likely_dct_relation(event: TimelineEvent, entailed: str | None) -> str | None:
    """The relType to the DCT to write for an event, given the one its bounds entail.

    A past event of the publication day is over by the time of writing: the
    DCT is an instant of that day, so BEFORE, not IS_INCLUDED.  With nothing
    entailed, the tense decides (past BEFORE, present INCLUDES, future or
    planned AFTER); an untensed event gets no link.
    """
    if entailed == "IS_INCLUDED" and event.tense in _PAST:
        return "BEFORE"
    if entailed is not None:
        return entailed
    if event.status in ("NEGATED", "HYPOTHETICAL"):
        return None
    if event.status == "PLANNED":
        return "AFTER"
    return _TENSE_DCT.get(event.tense)


def _dct_links(
    written: Sequence[TimelineEvent], bounds: Sequence[EventBounds], published: dt.date,
    likely: bool,
) -> Iterator[tuple[str, TimelineEvent, str, str]]:
    """Each event to the DCT (t0), the publication day."""
    dct = to_minutes(published)
    assert dct is not None
    for e, b in zip(written, bounds, strict=True):
        rel = entailed_time_relation(b, (dct, dct + MINUTES_PER_DAY))
        if likely:
            rel = likely_dct_relation(e, rel)
        if rel:
            yield rel, e, "relatedToTime", "t0"


def _time_links(
    tl: Timeline,
    written: Sequence[TimelineEvent],
    bounds: Sequence[EventBounds],
    times: Sequence[TimeExpression],
    sentence_starts: Sequence[int],
) -> Iterator[tuple[str, TimelineEvent, str, str]]:
    """Each event to the times nearest it and to the times that anchor it."""
    timed = [(x, iv) for x in times if (iv := _time_interval(x)) is not None]
    t_starts = [x.start for x, _iv in timed]
    t_sentence = [max(0, bisect.bisect_right(sentence_starts, s) - 1) for s in t_starts]
    anchors = _anchors(tl, written, [x for x, _iv in timed])
    for e, b in zip(written, bounds, strict=True):
        # The nearest times either side of the trigger, in this sentence or the
        # one before or after; then the times the rules anchored it to.
        lo = bisect.bisect_left(t_sentence, e.sentence - 1)
        hi = bisect.bisect_right(t_sentence, e.sentence + 1)
        k = min(max(bisect.bisect_left(t_starts, e.trigger_start), lo), hi)
        near = timed[max(lo, k - _TIME_LINKS) : min(hi, k + _TIME_LINKS)]
        for x in anchors.get(e.id, ()):
            if all(y is not x for y, _iv in near):
                near.append((x, _time_interval(x)))
        for x, iv in sorted(near, key=lambda n: n[0].start):
            rel = entailed_time_relation(b, iv, exact=_is_exact(x))
            if rel:
                yield rel, e, "relatedToTime", x.tid


def _event_links(
    tl: Timeline, events: Sequence[TimelineEvent], written: Sequence[TimelineEvent],
    likely: bool = False,
) -> Iterator[tuple[str, TimelineEvent, str, str]]:
    """Each event to the next ``_EVENT_LINKS`` events, in this sentence or the
    next, where the firm network orders them; with ``likely``, also to the
    next ``_LIKELY_LINKS`` events its likely order (full network) reaches."""
    points = [f"{e.id}.{p}" for e in events for p in ("start", "end")]
    firm = _LocalNetwork(tl._firm_solution, points)  # orders from firm evidence only
    full = _LocalNetwork(tl._solution, points)
    where = {e.id: i for i, e in enumerate(events)}
    at = [where[e.id] for e in written]
    for i, a in enumerate(written):
        for j in range(i + 1, min(i + 1 + _EVENT_LINKS, len(written))):
            b = written[j]
            if b.sentence - a.sentence > 1:
                break  # events are in text order
            relation = firm.relation(at[i], at[j])
            guess = likely and j - i <= _LIKELY_LINKS and (_LIKELY_CROSS or b.sentence == a.sentence)
            if relation == "unknown" and guess:
                relation = full.relation(at[i], at[j])
            if relation == "overlap":
                start_gap = full.gap(2 * at[i], 2 * at[j])
                end_gap = full.gap(2 * at[i] + 1, 2 * at[j] + 1)
            else:
                start_gap = end_gap = (None, None)
            rel = entailed_event_relation(relation, start_gap, end_gap)
            if rel is None and guess and _LIKELY_STARTS:
                rel = _start_order(full, at[i], at[j])
            if rel:
                yield rel, a, "relatedToEventInstance", _instance_id(b)


def _start_order(net: _LocalNetwork, a: int, b: int) -> str | None:
    """BEFORE / AFTER where only the order of the two starts is likely (the
    ordering rules order start points): the earlier-starting event first."""
    if net.entails(2 * b, 2 * a, -1):
        return "BEFORE"
    if net.entails(2 * a, 2 * b, -1):
        return "AFTER"
    return None
