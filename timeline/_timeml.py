"""TimeML 1.2.1 out and in.

``to_timeml`` writes a solved timeline as a TimeML document: the text with
inline TIMEX3 and EVENT tags, one MAKEINSTANCE per event and TLINKs.  A TLINK
is written only where the solved network entails it, never as a guess: the
decision is made by the small pure functions ``entailed_time_relation`` and
``entailed_event_relation``, which an evaluation script can reuse.

``read_timeml`` reads a TimeML document back to what ``extract`` needs: the
raw text of ``<TEXT>`` and the creation date, ignoring every annotation, so a
TimeML corpus can be run as is.

Only the standard library is used for XML.  The writer builds the markup by
hand rather than with ElementTree because the text must come back exactly:
carriage returns are written as ``&#13;`` (a parser would turn a literal one
into a newline) and characters XML 1.0 cannot carry are replaced, with a note.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence

from timeline._constraints import MINUTES_PER_DAY, to_minutes
from timeline._errors import InputError
from timeline._model import TimeExpression, TimexType
from timeline._segment import split_sentences
from timeline._timeline import Timeline, TimelineEvent

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
_DCT_VALUE = re.compile(r"^(\d{4})-?(\d\d)-?(\d\d)(?:T.*)?$")
_SCHEMA = "http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd"


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
    # "\r" as a reference: XML parsers normalise a literal one to "\n".
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _attr_escape(value: str) -> str:
    # Whitespace as references: parsers normalise literal ones in attributes.
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
    is described in a note.
    """
    kept: list[tuple[int, int, TimeExpression | TimelineEvent]] = []
    notes: list[str] = []

    def clash_with(a: int, b: int) -> tuple[int, int, TimeExpression | TimelineEvent] | None:
        """The kept span that [a, b) would overlap, or None."""
        i = bisect.bisect_left(kept, (a,), key=lambda k: (k[0],))
        for j in (i - 1, i):
            if 0 <= j < len(kept) and kept[j][0] < b and a < kept[j][1]:
                return kept[j]
        return None

    def label(item: TimeExpression | TimelineEvent) -> str:
        if isinstance(item, TimeExpression):
            return f"TIMEX3 {item.tid} {_quote(item.text)}"
        return f"EVENT {_local_id(item)} {_quote(item.trigger)}"

    candidates: list[tuple[int, int, TimeExpression | TimelineEvent]] = []
    candidates += sorted(((x.start, x.end, x) for x in expressions), key=lambda c: c[:2])
    candidates += sorted(((e.trigger_start, e.trigger_end, e) for e in events),
                         key=lambda c: c[:2])  # fmt: skip
    for a, b, item in candidates:
        if a >= b:
            notes.append(f"{label(item)} not written: empty extent")
            continue
        clash = clash_with(a, b)
        if clash is not None:
            notes.append(f"{label(item)} at {a}-{b} not written: it overlaps {label(clash[2])}")
            continue
        bisect.insort(kept, (a, b, item), key=lambda k: (k[0],))
    return kept, notes


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


def _tlinks(
    tl: Timeline,
    events: Sequence[TimelineEvent],
    expressions: Sequence[TimeExpression],
    published: dt.date,
    sentence_of: Callable[[int], int],
) -> list[tuple[str, TimelineEvent, str, str]]:
    """(relType, event instance, attribute, related id) for each entailed relation.

    Event–DCT for every event; event–TIMEX3 and event–event only within the
    same or adjacent sentences, so the output grows linearly with the text.
    """
    links: list[tuple[str, TimelineEvent, str, str]] = []
    dct = to_minutes(published)
    assert dct is not None
    for e in events:
        rel = entailed_time_relation(event_bounds(e), (dct, dct + MINUTES_PER_DAY))
        if rel:
            links.append((rel, e, "relatedToTime", "t0"))
    times: dict[int, list[tuple[TimeExpression, tuple[int, int]]]] = {}
    for x in expressions:
        interval = _time_interval(x)
        if interval is not None:
            times.setdefault(sentence_of(x.start), []).append((x, interval))
    for e in events:
        bounds = event_bounds(e)
        for s in (e.sentence - 1, e.sentence, e.sentence + 1):
            for x, interval in times.get(s, ()):
                rel = entailed_time_relation(bounds, interval, exact=_is_exact(x))
                if rel:
                    links.append((rel, e, "relatedToTime", x.tid))
    solution = tl._solution

    def gap(u: str, v: str) -> Gap:
        """Entailed bounds on time(v) - time(u)."""
        hi, back = solution.distance(u, v), solution.distance(v, u)
        return (None if back is None else -back, hi)

    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            if b.sentence - a.sentence > 1:
                break  # events are in text order
            relation = tl.relation(a, b)
            if relation == "overlap":
                start_gap = gap(f"{a.id}.start", f"{b.id}.start")
                end_gap = gap(f"{a.id}.end", f"{b.id}.end")
            else:
                start_gap = end_gap = (None, None)
            rel = entailed_event_relation(relation, start_gap, end_gap)
            if rel:
                links.append((rel, a, "relatedToEventInstance", _instance_id(b)))
    return links


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
        MAKEINSTANCE per event written, and the TLINKs the solved network
        entails.

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
    bad = len(_NOT_XML.findall(text))
    if bad:
        notes.append(f"{bad} character(s) XML cannot carry were written as spaces")
        text = _NOT_XML.sub(" ", text)

    written_tids = {"t0"} | {i.tid for _a, _b, i in spans if isinstance(i, TimeExpression)}
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

    sentences = split_sentences(text)
    starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    links = []
    found = _tlinks(tl, written, expressions, published, sentence_of)
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
        f"<DOCID>{_text_escape(source or 'document')}</DOCID>",
        f"<DCT>{dct}</DCT>",
        f"<TEXT>{''.join(body)}</TEXT>",
        *(_comment(note) for note in notes),
        *instances,
        *links,
        "</TimeML>",
    ]
    return "\n".join(lines) + "\n"


# --- Reader ----------------------------------------------------------------


def _local(tag: object) -> str:
    # Tags may carry a namespace ("{uri}TEXT"); comments have a function as tag.
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_timeml(xml_text: str) -> tuple[str, dt.date]:
    """The raw text and creation date of a TimeML document.

    The text is the character content of ``<TEXT>`` with every tag removed
    and entities decoded; the date is the value of the TIMEX3 whose
    functionInDocument is CREATION_TIME, else of the TIMEX3 in ``<DCT>``.
    All other annotation is ignored.

    Raises:
        InputError: malformed XML, no TEXT (or more than one), no DCT, or a
            DCT value that is not a calendar date.
    """
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError as exc:
        raise InputError(f"not well-formed TimeML: {exc}") from None
    texts = [el for el in root.iter() if _local(el.tag) == "TEXT"]
    if not texts:
        raise InputError("not TimeML: no <TEXT> element")
    if len(texts) > 1:
        raise InputError(f"not TimeML: {len(texts)} <TEXT> elements, expected one")
    raw = "".join(texts[0].itertext())

    timexes = [el for el in root.iter() if _local(el.tag) == "TIMEX3"]
    dct = next((t for t in timexes if t.get("functionInDocument") == "CREATION_TIME"), None)
    if dct is None:
        holder = next((el for el in root.iter() if _local(el.tag) == "DCT"), None)
        if holder is not None:
            dct = next((el for el in holder.iter() if _local(el.tag) == "TIMEX3"), None)
    if dct is None:
        raise InputError(
            "not TimeML: no creation time (a TIMEX3 with functionInDocument=CREATION_TIME "
            "or inside <DCT>)"
        )
    value = (dct.get("value") or "").strip()
    match = _DCT_VALUE.match(value)
    try:
        if match is None:
            raise ValueError
        day = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise InputError(f"TimeML creation time {value!r} is not a calendar date") from None
    return raw, day
