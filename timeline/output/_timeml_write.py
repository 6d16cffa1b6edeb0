"""TimeML out: ``to_timeml`` (a solved timeline -> a TimeML 1.2.1 document).

Takes one source of a ``Timeline`` and its text; gives the text with inline
TIMEX3 and EVENT tags (none crossing another: ``_choose_spans``), one
MAKEINSTANCE per event and the TLINKs of ``_timeml_links``.  The markup is
built by hand (``_xml``) rather than with ElementTree because the text must
come back exactly, and it always parses.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from timeline._errors import InputError
from timeline.expressions import TimeExpression
from timeline.output._timeml_links import _instance_id, _local_id, _tlinks
from timeline.output._xml import _NOT_XML, _comment, _tag, _text_escape
from timeline.solver import Timeline, TimelineEvent
from timeline.text import split_sentences

TIMEML_TENSES = frozenset(
    {"PAST", "PRESENT", "FUTURE", "NONE", "INFINITIVE", "PRESPART", "PASTPART"}
)
TIMEML_ASPECTS = frozenset({"PROGRESSIVE", "PERFECTIVE", "PERFECTIVE_PROGRESSIVE", "NONE"})
_SCHEMA = "http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd"


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



TLINK_CHOICES = ("all", "entailed")


def to_timeml(tl: Timeline, source: str | None = None, *, text: str | None = None,
              tlinks: str = "all") -> str:  # fmt: skip
    """A TimeML 1.2.1 document of one source of a timeline.

    Args:
        tl: the timeline (``extract`` or ``extract_many``).
        source: the source to write (a key of ``tl.published``); may be
            left out when the timeline has one source.
        text: that source's text; by default the one the timeline keeps.
        tlinks: "all" (default) writes likely relations too: every event to
            the DCT (by its tense where nothing firmer is known) and the
            likely order of neighbouring events; "entailed" only what the
            firm evidence entails.

    Returns:
        The document as a string: ``<DOCID>``, ``<DCT>`` (the publication
        date, tid t0), ``<TEXT>`` with inline TIMEX3 and EVENT tags, one
        MAKEINSTANCE per event written, and TLINKs between neighbours (see
        ``_tlinks``).  It always parses: characters XML cannot carry are
        replaced, with a note.

    Raises:
        InputError: several sources and none picked, an unknown source, a
            text that does not match the timeline's offsets, or an unknown
            ``tlinks``.
    """
    if tlinks not in TLINK_CHOICES:
        raise InputError(f"tlinks must be one of {', '.join(TLINK_CHOICES)}, not {tlinks!r}")
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
    written = sorted((i for _a, _b, i in spans if isinstance(i, TimelineEvent)),
                     key=lambda e: (e.trigger_start, e.id))  # fmt: skip
    found = _tlinks(tl, events, written, times, published, sentence_starts, tlinks)
    links = [_tlink(n, *link) for n, link in enumerate(found, start=1)]
    body = _body(text, spans, {"t0"} | {x.tid for x in times})
    return _document(docid, published.isoformat(), body, notes, [_instance(e) for e in written],
                     links, tlinks)  # fmt: skip


def _body(text: str, spans: Sequence[tuple[int, int, TimeExpression | TimelineEvent]],
          written_tids: set[str]) -> str:  # fmt: skip
    """The content of <TEXT>: the text, escaped, with the chosen spans tagged."""
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
    return "".join(body)


def _instance(e: TimelineEvent) -> str:
    tense, aspect = timeml_tense_aspect(e.tense, e.aspect)
    return _tag("MAKEINSTANCE", [
        ("eiid", _instance_id(e)),
        ("eventID", _local_id(e)),
        ("tense", tense),
        ("aspect", aspect),
        ("polarity", e.polarity),
        ("modality", getattr(e, "modality", None)),  # when TimelineEvent carries it
        ("pos", e.pos),
    ])  # fmt: skip


def _tlink(n: int, rel: str, e: TimelineEvent, related: str, other: str) -> str:
    return _tag("TLINK", [
        ("lid", f"l{n}"), ("relType", rel), ("eventInstanceID", _instance_id(e)),
        (related, other),
    ])  # fmt: skip


_LINKS_NOTE = {
    "entailed": "written by timeline: TLINKs are only the relations the firm evidence entails",
    "all": "written by timeline: TLINKs are the relations the evidence entails and the likely "
           "ones its measured defaults give (tense to the DCT, the order of neighbouring events)",
}


def _document(docid: str, day: str, body: str, notes: Sequence[str],
              instances: Sequence[str], links: Sequence[str], tlinks: str) -> str:  # fmt: skip
    """The whole document, one element a line (the text keeps its own lines)."""
    dct = _tag("TIMEX3", [("tid", "t0"), ("type", "DATE"), ("value", day),
                          ("temporalFunction", "false"),
                          ("functionInDocument", "CREATION_TIME")], day)  # fmt: skip
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:noNamespaceSchemaLocation="{_SCHEMA}">',
        _comment(_LINKS_NOTE[tlinks]),
        f"<DOCID>{_text_escape(docid)}</DOCID>",
        f"<DCT>{dct}</DCT>",
        f"<TEXT>{body}</TEXT>",
        *(_comment(note) for note in notes),
        *instances,
        *links,
        "</TimeML>",
    ]
    return "\n".join(lines) + "\n"
