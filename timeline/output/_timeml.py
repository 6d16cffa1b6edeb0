"""TimeML 1.2.1 out and in.

``to_timeml`` writes a solved timeline as a TimeML document: the text with
inline TIMEX3 and EVENT tags, one MAKEINSTANCE per event and TLINKs.  A TLINK
is written only where the solved network entails it, never as a guess: the
decision is made by the small pure functions ``entailed_time_relation`` and
``entailed_event_relation``, which an evaluation script can reuse.

Links are written between neighbours only, as TimeML annotators do, and
closure gives the rest: each event to the DCT, to its anchoring times and the
times nearest it, and to the next few events in text order (same or next
sentence).  Each decision is a bounded query (``_LocalNetwork``), so the
output and the work grow linearly with the text.

``read_timeml`` reads a TimeML document back to what ``extract`` needs: the
raw text of ``<TEXT>`` and the creation date, ignoring every annotation, so a
TimeML corpus can be run as is.  It streams the document through expat and
refuses a DTD (hence any entity declaration) and absurd nesting.

Only the standard library is used for XML.  The writer builds the markup by
hand rather than with ElementTree because the text must come back exactly:
carriage returns are written as ``&#13;`` (a parser would turn a literal one
into a newline) and characters XML 1.0 cannot carry are replaced, with a note.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from xml.parsers import expat

from timeline._errors import InputError
from timeline.expressions._model import TimeExpression, TimexType
from timeline.relations._constraints import MINUTES_PER_DAY, to_minutes
from timeline.solver._solver import ORIGIN, Point, Solution
from timeline.solver._timeline import Timeline, TimelineEvent
from timeline.text._segment import split_sentences

__all__ = [
    "EventBounds",
    "entailed_event_relation",
    "entailed_time_relation",
    "event_bounds",
    "read_timeml",
    "timeml_tense_aspect",
    "to_timeml",
]

# (earliest start, latest start, earliest end, latest end) in minutes since
# 0001-01-01 (``to_minutes``); None where a bound is open.
EventBounds = tuple[int | None, int | None, int | None, int | None]
# (lo, hi): entailed bounds on a difference of two times; None where open.
Gap = tuple[int | None, int | None]

TIMEML_TENSES = frozenset(
    {"PAST", "PRESENT", "FUTURE", "NONE", "INFINITIVE", "PRESPART", "PASTPART"}
)
TIMEML_ASPECTS = frozenset({"PROGRESSIVE", "PERFECTIVE", "PERFECTIVE_PROGRESSIVE", "NONE"})

# A TIMEX3 value that names its whole interval: a calendar year, quarter,
# half, month, week, day or clock time.  Anything else ("PAST_REF", "2019-03"
# with mod START, "2019-SP", "2016-01-24TMO") is a window the referent lies
# somewhere inside, not the referent itself.
_EXACT_VALUE = re.compile(
    r"^\d{4}(?:-(?:Q[1-4]|H[12]|W\d\d|\d\d(?:-\d\d(?:T\d\d(?::\d\d(?::\d\d)?)?)?)?))?$"
)
# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Text that needs no escaping anywhere (ids, values, most words): one quick test.
_PLAIN = re.compile(r"[\w .,:;+\-]*", re.ASCII).fullmatch
_DCT_VALUE = re.compile(r"^(\d{4})-?(\d\d)-?(\d\d)(?:T.*)?$")
_SCHEMA = "http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd"

# Which pairs get a TLINK (each a bounded number per event, so the output is
# linear in the text; closure over these neighbours gives the rest).
_EVENT_LINKS = 6  # each event to the next 6 events in text order, same or next sentence
_TIME_LINKS = 4  # ... to the 4 nearest TIMEX3 on each side, same or adjacent sentence
_ANCHOR_LINKS = 4  # ... and to at most 4 TIMEX3 that anchor it (constraint evidence)
# A query's search avoiding ORIGIN passes only through the events this many
# places either side of its source in text order, and scans at most this many edges.
_SEARCH_REACH = 12
_SEARCH_WORK = 4096
# Real TimeML nests a handful of levels; far deeper is junk or an attack.
MAX_TIMEML_DEPTH = 256
# Feed expat in slices so that no second full copy of the document is made.
_CHUNK = 1 << 20


# --- Relations: pure decisions from entailed bounds ------------------------


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


def timeml_tense_aspect(tense: str, aspect: str) -> tuple[str, str]:
    """TimeML tense and aspect for our folded tense labels.

    PRESENT_PERFECT becomes PRESENT with PERFECTIVE aspect (PERFECTIVE_PROGRESSIVE
    when the aspect was PROGRESSIVE), PAST_PERFECT likewise PAST; anything
    outside TimeML's value sets becomes NONE.
    """
    if tense.endswith("_PERFECT"):
        tense = tense.removesuffix("_PERFECT")
        aspect = {"NONE": "PERFECTIVE", "PROGRESSIVE": "PERFECTIVE_PROGRESSIVE"}.get(aspect, aspect)
    return (
        tense if tense in TIMEML_TENSES else "NONE",
        aspect if aspect in TIMEML_ASPECTS else "NONE",
    )


# --- Writer ----------------------------------------------------------------


def _text_escape(text: str) -> str:
    # "\r" as a reference: XML parsers normalise a literal one to "\n".  What
    # XML cannot carry at all (control characters, lone surrogates from
    # undecodable bytes in a file name) becomes U+FFFD, so the output parses.
    if _PLAIN(text):
        return text
    text = _NOT_XML.sub("\ufffd", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _attr_escape(value: str) -> str:
    # Whitespace as references: parsers normalise literal ones in attributes.
    if _PLAIN(value):
        return value
    return _text_escape(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def _comment(text: str) -> str:
    # "--" may not occur in a comment, nor may it end with "-".
    body = re.sub("-(?=-)", "- ", _NOT_XML.sub(" ", text)).replace("\n", " ")
    return f"<!-- {body} -->"


def _tag(name: str, attrs: Iterable[tuple[str, str | None]], content: str | None = None) -> str:
    parts = "".join(f' {k}="{_attr_escape(v)}"' for k, v in attrs if v is not None)
    if content is None:
        return f"<{name}{parts}/>"
    return f"<{name}{parts}>{content}</{name}>"


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'


def _pick_source(tl: Timeline, source: str | None) -> tuple[str, str]:
    """(source key, event id prefix) of the document to write."""
    keys = list(tl.published)
    if source is None:
        if len(keys) != 1:
            raise InputError(
                f"the timeline has {len(keys)} sources; pick one with source= "
                f"({', '.join(repr(k) for k in keys)})"
            )
        source = keys[0]
    if source not in tl.published:
        raise InputError(
            f"no source {source!r} in the timeline ({', '.join(repr(k) for k in keys)})"
        )
    # extract_many prefixes event ids with "d<n>." when it merges documents.
    prefix = f"d{keys.index(source) + 1}." if len(keys) > 1 else ""
    return source, prefix


def _check_offsets(text: str, expressions: Sequence[TimeExpression],
                   events: Sequence[TimelineEvent]) -> None:  # fmt: skip
    """Refuse a text that is not the one the timeline was extracted from."""
    for x in expressions:
        if text[x.start : x.end] != x.text:
            raise InputError(
                f"the text does not match the timeline: {x.tid} {x.text!r} "
                f"is not at {x.start}-{x.end}"
            )
    for e in events:
        if not 0 <= e.trigger_start <= e.trigger_end <= len(text):
            raise InputError(
                f"the text does not match the timeline: event {e.id} "
                f"{e.trigger!r} is outside the text"
            )


def _choose_spans(
    expressions: Sequence[TimeExpression], events: Sequence[TimelineEvent]
) -> tuple[list[tuple[int, int, TimeExpression | TimelineEvent]], list[str]]:
    """The annotations to write inline, none crossing or nesting another.

    TIMEX3 wins over EVENT (a TIMEX3 holds text only and its tid may anchor
    others); among equals the first in text order wins.  Each one left out
    is described in a note.  One sweep per kind, in text order: a kept span
    can clash only with the kept spans just before and just after its start.
    """
    notes: list[str] = []

    def label(item: TimeExpression | TimelineEvent) -> str:
        if isinstance(item, TimeExpression):
            return f"TIMEX3 {item.tid} {_quote(item.text)}"
        return f"EVENT {_local_id(item)} {_quote(item.trigger)}"

    def left_out(a: int, b: int, item: TimeExpression | TimelineEvent,
                 clash: tuple[int, int, TimeExpression | TimelineEvent] | None) -> bool:  # fmt: skip
        if a >= b:
            notes.append(f"{label(item)} not written: empty extent")
            return True
        if clash is not None:
            notes.append(f"{label(item)} at {a}-{b} not written: it overlaps {label(clash[2])}")
            return True
        return False

    # TIMEX3s: kept ones are disjoint and start no later than the next one, so
    # only the last kept can overlap it.
    times: list[tuple[int, int, TimeExpression | TimelineEvent]] = []
    for a, b, x in sorted(((x.start, x.end, x) for x in expressions), key=lambda c: c[:2]):
        clash = times[-1] if times and times[-1][1] > a else None
        if not left_out(a, b, x, clash):
            times.append((a, b, x))
    # EVENTs: the nearest kept span starting before a (a TIMEX3 or the last kept
    # EVENT) is checked first, then the nearest starting at or after a.
    starts = [t[0] for t in times]
    kept: list[tuple[int, int, TimeExpression | TimelineEvent]] = []
    for a, b, e in sorted(((e.trigger_start, e.trigger_end, e) for e in events),
                          key=lambda c: c[:2]):  # fmt: skip
        i = bisect.bisect_left(starts, a)
        before = [times[i - 1]] if i else []
        after = [times[i]] if i < len(times) else []
        if kept:
            (before if kept[-1][0] < a else after).append(kept[-1])
        clash = None
        if before:
            prev = max(before, key=lambda k: k[0])
            clash = prev if prev[1] > a else None
        if clash is None and after:
            nxt = min(after, key=lambda k: k[0])
            clash = nxt if nxt[0] < b else None
        if not left_out(a, b, e, clash):
            kept.append((a, b, e))
    return sorted(times + kept, key=lambda k: k[0]), notes


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


def _timex(expr: TimeExpression, text: str, written: set[str]) -> str:
    anchored = expr.anchor in ("publication", "reference")
    anchor = expr.anchor_tid if anchored and expr.anchor_tid in written else None
    return _tag("TIMEX3", [
        ("tid", expr.tid),
        ("type", str(expr.type)),
        ("value", expr.value or ""),  # an impossible date ("February 30") has none
        ("mod", expr.mod),
        ("quant", expr.quant),
        ("freq", expr.freq),
        ("temporalFunction", "true" if expr.anchor != "none" else "false"),
        ("functionInDocument", "NONE"),
        ("anchorTimeID", anchor),
    ], _text_escape(text))  # fmt: skip


class _LocalNetwork:
    """Bounded queries on a solved network, through its public interface only.

    The points queried are given as a list (``points[k]``, k = 2 * i for the
    start of the source's i-th event in text order, 2 * i + 1 for its end)
    and named by their index.  ``upper(u, v)`` is an entailed upper bound on
    ``time(v) - time(u)``.  The tightest such bound is the shorter of a path
    through ORIGIN, which is exactly ``latest(v) - earliest(u)``, and a path
    avoiding it.  The second is searched only among the points of events at
    most ``_SEARCH_REACH`` places from ``u``'s event, with at most
    ``_SEARCH_WORK`` edges scanned; ORIGIN is the one hub, so this keeps each
    query bounded however large the network.  A bound found is always a real
    path, so a link decided from it is entailed; a path too long to find only
    leaves a link out.
    """

    def __init__(self, solution: Solution, points: Sequence[Point]) -> None:
        index = {p: k for k, p in enumerate(points)}
        self._early = [solution.earliest(p) for p in points]
        self._late = [solution.latest(p) for p in points]
        # Edges between these points (ORIGIN paths come from the bounds), as
        # flat arrays: edges of k are head[first[k]:first[k + 1]], weights alike.
        edges: list[int] = []  # tail, head, weight, tail, head, weight...
        for c in solution.constraints:
            a, b = index.get(c.a), index.get(c.b)
            if a is None or b is None:
                continue
            if c.hi is not None:
                edges += (a, b, c.hi)
            if c.lo is not None:
                edges += (b, a, -c.lo)
        first = [0] * (len(points) + 1)
        for t in edges[::3]:
            first[t + 1] += 1
        for k in range(len(points)):
            first[k + 1] += first[k]
        fill = first[:-1]
        self._head = [0] * (len(edges) // 3)
        self._weight = [0] * (len(edges) // 3)
        for n in range(0, len(edges), 3):
            t = edges[n]
            self._head[fill[t]], self._weight[fill[t]] = edges[n + 1], edges[n + 2]
            fill[t] += 1
        self._first = first
        self._entered = [False] * len(points)  # whether any edge enters k
        for h in self._head:
            self._entered[h] = True
        self._searched: dict[int, dict[int, int]] = {}

    def _search(self, u: int) -> dict[int, int]:
        """Shortest paths from u avoiding ORIGIN, within u's reach (label-correcting:
        edges may be negative).  Kept for the few queries that share a source."""
        found = self._searched.get(u)
        if found is not None:
            return found
        first, head, weight = self._first, self._head, self._weight
        lo, hi = (u >> 1) - _SEARCH_REACH, (u >> 1) + _SEARCH_REACH
        dist = {u: 0}
        queue, queued, work = deque([u]), {u}, 0
        while queue and work < _SEARCH_WORK:
            x = queue.popleft()
            queued.discard(x)
            dx = dist[x]
            scan = min(first[x + 1], first[x] + _SEARCH_WORK - work)  # a hub counts too
            work += scan - first[x]
            for k in range(first[x], scan):
                y, d = head[k], dx + weight[k]
                if lo <= y >> 1 <= hi and d < dist.get(y, d + 1):
                    dist[y] = d
                    if y not in queued:
                        queued.add(y)
                        queue.append(y)
        if len(self._searched) >= 8 * _EVENT_LINKS:  # sources move on in text order
            del self._searched[next(iter(self._searched))]
        self._searched[u] = dist
        return dist

    def upper(self, u: int, v: int) -> int | None:
        """An entailed upper bound on time(v) - time(u) (the tightest within reach), or None."""
        early, late = self._early[u], self._late[v]
        through_origin = None if late is None or early is None else late - early
        if self._first[u] == self._first[u + 1] or not self._entered[v]:
            return through_origin  # no local path can leave u or reach v
        local = self._search(u).get(v)
        if local is None or (through_origin is not None and through_origin < local):
            return through_origin
        return local

    def entails(self, u: int, v: int, t: int) -> bool:
        """Whether time(v) - time(u) <= t is entailed (and found within reach)."""
        early_u, late_u = self._early[u], self._late[u]
        early_v, late_v = self._early[v], self._late[v]
        if early_u is not None and late_v is not None and late_v - early_u <= t:
            return True
        # The all-earliest and all-latest schedules are solutions: if either
        # (or any mix of bounds) breaks the bound, it is not entailed.
        if early_v is not None and late_u is not None and early_v - late_u > t:
            return False
        if late_u is not None and late_v is not None and late_v - late_u > t:
            return False
        if early_u is not None and early_v is not None and early_v - early_u > t:
            return False
        d = self.upper(u, v)
        return d is not None and d <= t

    def relation(self, a: int, b: int) -> str:
        """As ``Solution.relation``, for the a-th and b-th events."""
        sa, ea, sb, eb = 2 * a, 2 * a + 1, 2 * b, 2 * b + 1
        if self.entails(sb, ea, 0):
            return "before"
        if self.entails(sa, eb, 0):
            return "after"
        if self.entails(eb, sa, -1) and self.entails(ea, sb, -1):
            return "overlap"
        return "unknown"

    def gap(self, u: int, v: int) -> Gap:
        """Entailed (lo, hi) bounds on time(v) - time(u)."""
        back = self.upper(v, u)
        return (None if back is None else -back, self.upper(u, v))


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
) -> Iterator[tuple[str, TimelineEvent, str, str]]:
    """(relType, event instance, attribute, related id) for each entailed relation.

    ``events`` are all the source's events and ``written`` those written
    inline, both in text order; ``times`` the TIMEX3s written inline, in text
    order.  Only neighbours are tried (see ``_EVENT_LINKS`` and the like),
    each with bounded work, so the links and the time grow linearly.
    """
    dct = to_minutes(published)
    assert dct is not None
    bounds = [event_bounds(e) for e in written]
    for e, b in zip(written, bounds, strict=True):
        rel = entailed_time_relation(b, (dct, dct + MINUTES_PER_DAY))
        if rel:
            yield rel, e, "relatedToTime", "t0"

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
            if relation == "overlap":
                start_gap = full.gap(2 * at[i], 2 * at[j])
                end_gap = full.gap(2 * at[i] + 1, 2 * at[j] + 1)
            else:
                start_gap = end_gap = (None, None)
            rel = entailed_event_relation(relation, start_gap, end_gap)
            if rel:
                yield rel, a, "relatedToEventInstance", _instance_id(b)


def to_timeml(tl: Timeline, source: str | None = None, *, text: str | None = None) -> str:
    """A TimeML 1.2.1 document of one source of a timeline.

    Args:
        tl: the timeline (``extract`` or ``extract_many``).
        source: the source to write (a key of ``tl.published``); may be
            left out when the timeline has one source.
        text: that source's text; by default the one the timeline keeps.

    Returns:
        The document as a string: ``<DOCID>``, ``<DCT>`` (the publication
        date, tid t0), ``<TEXT>`` with inline TIMEX3 and EVENT tags, one
        MAKEINSTANCE per event written, and TLINKs between neighbours (see
        ``_tlinks``), each one a relation the solved network entails.  It
        always parses: characters XML cannot carry are replaced, with a note.

    Raises:
        InputError: several sources and none picked, an unknown source, or a
            text that does not match the timeline's offsets.
    """
    source, prefix = _pick_source(tl, source)
    if text is None:
        text = tl.texts[source]
    published = tl.published[source]
    expressions = tl.expressions[source]
    events = sorted(
        (e for e in tl.events if e.id.startswith(prefix) and "." not in e.id[len(prefix) :]),
        key=lambda e: (e.trigger_start, e.id),
    )
    _check_offsets(text, expressions, events)
    spans, notes = _choose_spans(expressions, events)
    # Sentences of the text as extracted (before any replacement), which the
    # events' sentence numbers count.
    sentence_starts = [s.start for s in split_sentences(text)]
    text, bad = _NOT_XML.subn(" ", text)
    if bad:
        notes.append(f"{bad} character(s) XML cannot carry were written as spaces")
    docid = source or "document"
    if _NOT_XML.search(docid):
        notes.append("characters XML cannot carry in the document name were written as U+FFFD")

    times = [i for _a, _b, i in spans if isinstance(i, TimeExpression)]
    written_tids = {"t0"} | {x.tid for x in times}
    body, pos = [], 0
    for a, b, item in spans:
        body.append(_text_escape(text[pos:a]))
        if isinstance(item, TimeExpression):
            body.append(_timex(item, text[a:b], written_tids))
        else:
            attrs = [("eid", _local_id(item)), ("class", item.event_class)]
            body.append(_tag("EVENT", attrs, _text_escape(text[a:b])))
        pos = b
    body.append(_text_escape(text[pos:]))

    written = [i for _a, _b, i in spans if isinstance(i, TimelineEvent)]
    written.sort(key=lambda e: (e.trigger_start, e.id))
    instances = []
    for e in written:
        tense, aspect = timeml_tense_aspect(e.tense, e.aspect)
        instances.append(_tag("MAKEINSTANCE", [
            ("eiid", _instance_id(e)),
            ("eventID", _local_id(e)),
            ("tense", tense),
            ("aspect", aspect),
            ("polarity", e.polarity),
            ("modality", getattr(e, "modality", None)),  # when TimelineEvent carries it
            ("pos", e.pos),
        ]))  # fmt: skip

    links = []
    found = _tlinks(tl, events, written, times, published, sentence_starts)
    for n, (rel, e, related, other) in enumerate(found, start=1):
        links.append(_tag("TLINK", [
            ("lid", f"l{n}"), ("relType", rel), ("eventInstanceID", _instance_id(e)),
            (related, other),
        ]))  # fmt: skip

    day = published.isoformat()
    dct = _tag("TIMEX3", [("tid", "t0"), ("type", "DATE"), ("value", day),
                          ("temporalFunction", "false"),
                          ("functionInDocument", "CREATION_TIME")], day)  # fmt: skip
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:noNamespaceSchemaLocation="{_SCHEMA}">',
        _comment(
            "written by timeline: TLINKs are only the relations the solved temporal network entails"
        ),  # fmt: skip
        f"<DOCID>{_text_escape(docid)}</DOCID>",
        f"<DCT>{dct}</DCT>",
        f"<TEXT>{''.join(body)}</TEXT>",
        *(_comment(note) for note in notes),
        *instances,
        *links,
        "</TimeML>",
    ]
    return "\n".join(lines) + "\n"


# --- Reader ----------------------------------------------------------------


def _local(tag: str) -> str:
    # expat gives a namespaced name as "uri}TEXT".
    return tag.rsplit("}", 1)[-1]


class _Reader:
    """expat handlers that keep only what ``read_timeml`` needs, as it streams by."""

    def __init__(self) -> None:
        self.depth = 0
        self.texts = 0  # <TEXT> elements seen
        self.text_depth = 0  # > 0 while inside the first <TEXT>
        self.chunks: list[str] = []
        self.dct_holders = 0  # <DCT> elements seen
        self.holder_depth = 0  # > 0 while inside the first <DCT>
        self.creation: str | None = None  # value of the first CREATION_TIME TIMEX3
        self.held: str | None = None  # value of the first TIMEX3 in the first <DCT>

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > MAX_TIMEML_DEPTH:
            raise InputError(f"TimeML nested more than {MAX_TIMEML_DEPTH} elements deep")
        if self.text_depth:
            self.text_depth += 1
        if self.holder_depth:
            self.holder_depth += 1
        tag = _local(name)
        if tag == "TEXT":
            self.texts += 1
            if self.texts == 1:
                self.text_depth = 1
        elif tag == "DCT":
            self.dct_holders += 1
            if self.dct_holders == 1:
                self.holder_depth = 1
        elif tag == "TIMEX3":
            value = attrs.get("value") or ""
            if self.creation is None and attrs.get("functionInDocument") == "CREATION_TIME":
                self.creation = value
            if self.held is None and self.holder_depth:
                self.held = value

    def end(self, _name: str) -> None:
        self.depth -= 1
        self.text_depth = max(0, self.text_depth - 1)
        self.holder_depth = max(0, self.holder_depth - 1)

    def chars(self, data: str) -> None:
        if self.text_depth:
            self.chunks.append(data)


def _refuse_dtd(*_args: object) -> None:
    raise InputError("TimeML with a DOCTYPE is refused: DTDs and entities are not read")


def read_timeml(xml_text: str) -> tuple[str, dt.date]:
    """The raw text and creation date of a TimeML document.

    The text is the character content of ``<TEXT>`` with every tag removed
    and the predefined entities and character references decoded; the date is
    the value of the TIMEX3 whose functionInDocument is CREATION_TIME, else
    of the TIMEX3 in ``<DCT>``.  All other annotation is ignored.  The
    document is streamed: memory grows with the text kept, not the markup.

    Raises:
        InputError: malformed XML, a DOCTYPE (so any entity declaration),
            nesting deeper than ``MAX_TIMEML_DEPTH``, no TEXT (or more than
            one), no DCT, or a DCT value that is not a calendar date.
    """
    reader = _Reader()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.chars
    # Refused at the DOCTYPE, before any of the DTD is read; entity
    # declarations can only come from a DTD but are refused as well.
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    at = 0
    try:
        for at in range(0, len(xml_text), _CHUNK):
            parser.Parse(xml_text[at : at + _CHUNK], False)
        parser.Parse("", True)
    except expat.ExpatError as exc:
        raise InputError(f"not well-formed TimeML: {exc}") from None
    except UnicodeEncodeError as exc:  # a lone surrogate: no UTF-8 for expat
        raise InputError(
            f"not well-formed TimeML: character {exc.object[exc.start]!r} "
            f"at offset {at + exc.start} is not text"
        ) from None
    if not reader.texts:
        raise InputError("not TimeML: no <TEXT> element")
    if reader.texts > 1:
        raise InputError(f"not TimeML: {reader.texts} <TEXT> elements, expected one")
    raw = "".join(reader.chunks)

    value = reader.creation if reader.creation is not None else reader.held
    if value is None:
        raise InputError(
            "not TimeML: no creation time (a TIMEX3 with functionInDocument=CREATION_TIME "
            "or inside <DCT>)"
        )
    value = value.strip()
    match = _DCT_VALUE.match(value)
    try:
        if match is None:
            raise ValueError
        day = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise InputError(f"TimeML creation time {value!r} is not a calendar date") from None
    return raw, day
