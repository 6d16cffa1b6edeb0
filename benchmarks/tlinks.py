"""How well timeline's solved bounds agree with gold TimeML TLINKs.

Reads every ``*.tml`` under a corpus directory (TempEval-3 TimeML with EVENT,
MAKEINSTANCE and TLINK annotation, e.g. TBAQ-cleaned), runs
``timeline.extract(raw_text, dct)`` on each document, once with every rule and
once with the tense-only baseline (``rules=["event-interval", "tense"]``), and
compares both timelines with the gold links:

Events
    System events are aligned one-to-one with gold EVENTs by trigger extent
    (the matching of tempeval.py: greedy, largest overlap first). Printed:
    precision / recall / F1, strict (identical extents) and relaxed
    (overlapping, TempEval-3 Task B style), and coverage: the share of gold
    events carrying at least one gold TLINK that the system found (relaxed).

Event-DCT and event-time links
    A TLINK between a found event (eiid -> eid -> aligned system event) and the
    DCT or a TIMEX3 whose gold value is a calendar interval (see
    ``value_interval``) is judged against the event's solved bounds: the bounds
    ENTAIL the gold relation, leave it OPEN, or CONTRADICT it (``judge``).
    Links written time-first (``timeID`` + ``relatedToEventInstance``) are
    inverted (``invert``) so that the event is always the subject.

Event-event links
    ``Timeline.relation(a, b)`` ("before", "after", "overlap", "unknown") against
    the gold relation mapped by ``EVENT_EVENT``; precision over the links the
    system answers (not "unknown"), recall over gold links whose two events
    were both found.

Temporal awareness
    TempEval-3's graph score (``_awareness.py``) of the TimeML output
    (``timeline.to_timeml`` of each run, parsed back) and of a tense baseline
    (each event of the system run linked to the DCT by its tense: past BEFORE,
    present INCLUDES, future AFTER) against all gold TLINKs.

Why it is wrong
    For every contradicted event-DCT / event-time link, the bound that makes
    it contradictory is explained (``Solution.explain``) and the rules of the
    constraint chain are counted, with examples.  ``--patterns N`` lists the
    N commonest general patterns of the links left open or contradicted
    (kind, outcome, class, the event's part of speech and tense; for a time,
    whether the system found it with the gold value and whether it shares the
    event's sentence), counts and two examples each: where to look next.

The corpus is read at run time only; nothing of it is stored in the project.
This script measures; nothing in the project is tuned to the corpus.

    python benchmarks/tlinks.py [CORPUS_DIR] [--limit N] [--examples K] [--patterns N]
    python benchmarks/tlinks.py --selftest

Judging an event against a time interval T = [T.start, T.end)
-------------------------------------------------------------

Day granularity: gold values are turned into whole days (or months, weeks...),
the DCT is the publication day [pub, pub + 1 day). es, ls, ee, le are the
event's earliest start, latest start, earliest end and latest end (open bounds
never entail and never contradict). The gold relation is first reduced to one
of four classes (``CLASS``):

=============  ===============================================  =========================
class          entailed if                                      contradicted if
=============  ===============================================  =========================
BEFORE         le <= T.start   (DCT: le <= T.end)               es >= T.end
AFTER          es >= T.end     (DCT: es >= T.start)             le <= T.start
IS_INCLUDED    es >= T.start and le <= T.end                    le <= T.start or es >= T.end
INCLUDES       ls <= T.start and ee >= T.end                    es >= T.end or le <= T.start
                                                                or es > T.start or le < T.end
STARTS_IN      es >= T.start and ls <= T.end                    es >= T.end or ls < T.start
ENDS_IN        ee >= T.start and le <= T.end                    ee > T.end or le < T.start
=============  ===============================================  =========================

=====================================  ===========
gold relType (event first)             class
=====================================  ===========
BEFORE, IBEFORE                        BEFORE
AFTER, IAFTER                          AFTER
IS_INCLUDED, DURING, SIMULTANEOUS,     IS_INCLUDED
IDENTITY, BEGINS, ENDS
INCLUDES, DURING_INV                   INCLUDES
BEGUN_BY (the time begins the event)   STARTS_IN
ENDED_BY (the time ends the event)     ENDS_IN
=====================================  ===========

The DCT is an instant somewhere in the publication day: an event that has
ended by the end of that day counts as before it, one that starts no earlier
than the start of that day counts as after it (the tense rule says exactly
this of past and future events). The contradiction tests are deliberately
lenient at day granularity: an event known to lie inside T neither entails
nor contradicts BEFORE T (it may come earlier on the same day).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/ helpers
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout

from _awareness import (  # noqa: E402
    Awareness,
    align,
    awareness,
    dct_name,
    document_links,
    link_kind,
    renamed,
    tense_links,
)
from _timeml import (
    DEFAULT_CORPUS,  # noqa: E402
    GoldTime,
    LinkedDocument,
    TLink,
    corpus_documents,
    read_linked_document,
    read_linked_string,
)
from tempeval import match  # noqa: E402

BASELINE_RULES = ("event-interval", "tense")
MINUTES_PER_DAY = 24 * 60

ENTAILED, OPEN, CONTRADICTED = "entailed", "open", "contradicted"
OUTCOMES = (ENTAILED, OPEN, CONTRADICTED)


# --------------------------------------------------------------------------- gold values


def _year_start(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    n = day.year * 12 + day.month - 1 + months
    return dt.date(n // 12, n % 12 + 1, 1)


_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})(-WE)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")


def value_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The half-open day interval ``[start, end)`` of a calendar TIMEX3 value.

    ``1998-08-07`` (and ``1998-08-07T10:00``, ``1998-08-07TMO``: the day),
    ``1998-08``, ``1998-W32`` (ISO week, Monday to Monday; ``-WE`` the weekend,
    Saturday to Monday), ``1998-Q3``, ``1998-H2``, ``1998``, ``199`` (the decade)
    and ``19`` (the century). None for everything else: PAST_REF and the
    other *_REF values, durations, values with X, seasons (no fixed calendar
    bounds), and dates outside the years 1 to 9999.
    """
    if not value:
        return None
    try:
        if m := _DAY.fullmatch(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day + dt.timedelta(days=1)
        if m := _MONTH.fullmatch(value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            return first, _add_months(first, 1)
        if m := _WEEK.fullmatch(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=7)
            return monday, monday + dt.timedelta(days=7)
        if m := _QUARTER.fullmatch(value):
            first = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return first, _add_months(first, 3)
        if m := _HALF.fullmatch(value):
            first = dt.date(int(m[1]), 6 * int(m[2]) - 5, 1)
            return first, _add_months(first, 6)
        if _YEAR.fullmatch(value):
            return _year_start(int(value)), _year_start(int(value) + 1)
        if _DECADE.fullmatch(value):
            return _year_start(int(value) * 10), _year_start(int(value) * 10 + 10)
        if _CENTURY.fullmatch(value):
            return _year_start(max(1, int(value) * 100)), _year_start(int(value) * 100 + 100)
    except ValueError:  # no such day or week, or beyond the year 9999
        return None
    return None


# mods that move the time away from its value ("before 1998"); START, MID, END
# and APPROX keep it inside (or about) the value's interval.
_SHIFTING_MODS = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}


def time_interval(t: GoldTime) -> tuple[int, int] | None:
    """A gold time as ``[start, end)`` in minutes since 0001-01-01, or None (skipped)."""
    if t.mod in _SHIFTING_MODS:
        return None
    days = value_interval(t.value)
    if days is None:
        return None
    return _minutes(days[0]), _minutes(days[1])


def dct_interval(published: dt.date) -> tuple[int, int]:
    """The publication day ``[pub, pub + 1 day)`` in minutes."""
    start = _minutes(published)
    return start, start + MINUTES_PER_DAY


def _minutes(day: dt.date) -> int:
    return (day.toordinal() - 1) * MINUTES_PER_DAY


def skip_reason(t: GoldTime) -> str:
    """Why a gold time is not a calendar interval (for the skipped counts)."""
    value = t.value or ""
    if t.mod in _SHIFTING_MODS:
        return f"mod={t.mod}"
    if not value:
        return "no value"
    if value.endswith("_REF"):
        return value
    if value.startswith("P"):
        return "duration"
    if "X" in value:
        return "XX value"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|AU|WI)", value):
        return "season"
    return "other"


# --------------------------------------------------------------------------- relations

INVERSE = {
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "IBEFORE": "IAFTER",
    "IAFTER": "IBEFORE",
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "DURING": "DURING_INV",
    "DURING_INV": "DURING",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
    "SIMULTANEOUS": "SIMULTANEOUS",
    "IDENTITY": "IDENTITY",
}


def invert(rel: str) -> str:
    """The relation seen from the other side: ``a BEFORE b`` is ``b AFTER a``."""
    return INVERSE.get(rel, rel)


CLASS = {
    "BEFORE": "BEFORE",
    "IBEFORE": "BEFORE",
    "AFTER": "AFTER",
    "IAFTER": "AFTER",
    "IS_INCLUDED": "IS_INCLUDED",
    "DURING": "IS_INCLUDED",
    "SIMULTANEOUS": "IS_INCLUDED",
    "IDENTITY": "IS_INCLUDED",
    "BEGINS": "IS_INCLUDED",
    "ENDS": "IS_INCLUDED",
    "INCLUDES": "INCLUDES",
    "DURING_INV": "INCLUDES",
    "BEGUN_BY": "STARTS_IN",
    "ENDED_BY": "ENDS_IN",
}

EVENT_EVENT = {
    "BEFORE": "before",
    "IBEFORE": "before",
    "AFTER": "after",
    "IAFTER": "after",
    "INCLUDES": "overlap",
    "IS_INCLUDED": "overlap",
    "SIMULTANEOUS": "overlap",
    "IDENTITY": "overlap",
    "DURING": "overlap",
    "DURING_INV": "overlap",
    "BEGINS": "overlap",
    "ENDS": "overlap",
    "BEGUN_BY": "overlap",
    "ENDED_BY": "overlap",
}


class Bounds(NamedTuple):
    """An event's solved bounds in minutes (None: open)."""

    earliest_start: int | None
    latest_start: int | None
    earliest_end: int | None
    latest_end: int | None


# A bound that makes a link contradictory: ("start" | "end", "earliest" | "latest").
Culprit = tuple[str, str]
ES: Culprit = ("start", "earliest")
LS: Culprit = ("start", "latest")
EE: Culprit = ("end", "earliest")
LE: Culprit = ("end", "latest")


class Verdict(NamedTuple):
    outcome: str  # ENTAILED, OPEN or CONTRADICTED
    culprits: tuple[Culprit, ...] = ()  # the bounds behind a contradiction


def _le(x: int | None, y: int) -> bool:
    return x is not None and x <= y


def _ge(x: int | None, y: int) -> bool:
    return x is not None and x >= y


def judge(rel: str, b: Bounds, interval: tuple[int, int], dct: bool = False) -> Verdict | None:
    """Entailed, open or contradicted: event ``rel`` time, from the event's bounds.

    ``rel`` is a gold relType with the event first; ``interval`` the time's
    ``[start, end)``; ``dct`` marks the publication day. None when ``rel`` has
    no class (see the table in the module docstring).
    """
    cls = CLASS.get(rel)
    if cls is None:
        return None
    t0, t1 = interval
    es, ls, ee, le = b
    if cls == "BEFORE":
        if _le(le, t1 if dct else t0):
            return Verdict(ENTAILED)
        return Verdict(CONTRADICTED, (ES,)) if _ge(es, t1) else Verdict(OPEN)
    if cls == "AFTER":
        if _ge(es, t0 if dct else t1):
            return Verdict(ENTAILED)
        return Verdict(CONTRADICTED, (LE,)) if _le(le, t0) else Verdict(OPEN)
    if cls == "IS_INCLUDED":
        if _ge(es, t0) and _le(le, t1):
            return Verdict(ENTAILED)
        culprits = ((LE,) if _le(le, t0) else ()) + ((ES,) if _ge(es, t1) else ())
        return Verdict(CONTRADICTED, culprits) if culprits else Verdict(OPEN)
    if cls == "STARTS_IN":
        if _ge(es, t0) and _le(ls, t1):
            return Verdict(ENTAILED)
        culprits = ((ES,) if _ge(es, t1) else ()) + ((LS,) if ls is not None and ls < t0 else ())
        return Verdict(CONTRADICTED, culprits) if culprits else Verdict(OPEN)
    if cls == "ENDS_IN":
        if _ge(ee, t0) and _le(le, t1):
            return Verdict(ENTAILED)
        culprits = ((EE,) if ee is not None and ee > t1 else ()) + (
            (LE,) if le is not None and le < t0 else ()
        )
        return Verdict(CONTRADICTED, culprits) if culprits else Verdict(OPEN)
    # INCLUDES
    if _le(ls, t0) and _ge(ee, t1):
        return Verdict(ENTAILED)
    start_bad = _ge(es, t1) or (es is not None and es > t0)
    end_bad = _le(le, t0) or (le is not None and le < t1)
    culprits = ((ES,) if start_bad else ()) + ((LE,) if end_bad else ())
    return Verdict(CONTRADICTED, culprits) if culprits else Verdict(OPEN)


class Oriented(NamedTuple):
    """A TLINK with the event first: ``eiid rel other`` (other: an eiid or a tid)."""

    eiid: str
    rel: str
    other_kind: str  # "event" or "time"
    other: str


def orient(link: TLink) -> Oriented | None:
    """Put the event first, inverting time-first links; None for time-time links."""
    if link.source_kind == "event":
        return Oriented(link.source, link.rel, link.target_kind, link.target)
    if link.target_kind == "event":
        return Oriented(link.target, invert(link.rel), "time", link.source)
    return None


# --------------------------------------------------------------------------- scoring


class _Span(NamedTuple):
    start: int
    end: int


@dataclass
class EventCounts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    linked: int = 0  # gold events with at least one gold TLINK
    linked_found: int = 0


@dataclass
class Contradiction:
    doc: str
    trigger: str
    rel: str
    time: str  # text = value
    kind: str  # "dct" or "time"
    bound: str  # e.g. "start earliest 1998-08-10"
    rules: tuple[str, ...]  # distinct evidence rules of the chains, in chain order
    chain: str  # the explanation in words
    own_time: bool = False  # the chain reads the words of the gold time itself


@dataclass
class Scores:
    """One system's figures over the corpus."""

    events: EventCounts = field(default_factory=EventCounts)
    # ("dct" | "time", gold relType with event first) -> outcome -> count
    links: dict[tuple[str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    unscored: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    dct_after_same_day: int = 0  # AFTER-DCT entailed only by starting on the publication day
    ee: Counter[str] = field(default_factory=Counter)  # gold, found, answered, correct
    ee_by_class: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    contradictions: list[Contradiction] = field(default_factory=list)
    # Links not entailed, counted by a general pattern (``_pattern``), with examples.
    patterns: Counter[tuple[str, ...]] = field(default_factory=Counter)
    pattern_examples: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    # Temporal awareness (see _awareness.py): "timeml" for the TimeML output,
    # "tense" for the tense -> DCT links baseline over the same events.
    awareness: dict[str, Awareness] = field(default_factory=lambda: defaultdict(Awareness))
    aligned: Counter[str] = field(default_factory=Counter)  # entities aligned for awareness
    awareness_failures: dict[str, str] = field(default_factory=dict)
    awareness_seconds: float = 0.0

    def outcome_totals(self, kinds: Iterable[str]) -> Counter[str]:
        total: Counter[str] = Counter()
        for (kind, _rel), counts in self.links.items():
            if kind in kinds:
                total.update(counts)
        return total


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _bounds(solution, event_id: str) -> Bounds:
    s, e = f"{event_id}.start", f"{event_id}.end"
    return Bounds(
        solution.earliest(s), solution.latest(s), solution.earliest(e), solution.latest(e)
    )


def _when(minutes: int | None) -> str:
    if minutes is None:
        return "open"
    days, rest = divmod(minutes, MINUTES_PER_DAY)
    try:
        day = dt.date.fromordinal(days + 1).isoformat()
    except (ValueError, OverflowError):
        return f"{minutes} min"
    return day if rest == 0 else f"{day}+{rest}min"


def _explain(
    solution, event_id: str, culprits: Sequence[Culprit]
) -> tuple[str, tuple[str, ...], str, list[tuple[int, int]]]:
    """The offending bounds in words, the distinct rules of their chains (in chain
    order), the chains in words, and the text spans the chains read."""
    bound_words, rules, chain_words, spans = [], [], [], []
    for point, which in culprits:
        p = f"{event_id}.{point}"
        value = solution.earliest(p) if which == "earliest" else solution.latest(p)
        bound_words.append(f"{which} {point} {_when(value)}")
        chain = solution.explain(p, which)
        for c in chain:
            spans.extend(c.evidence.spans)
            if c.evidence.rule not in rules:
                rules.append(c.evidence.rule)
        chain_words.append(
            "; ".join(f'{c.evidence.rule} "{c.evidence.text}"' for c in chain) or "(no chain)"
        )
    return ", ".join(bound_words), tuple(rules), " | ".join(chain_words), spans


# A sentence end between two offsets: a full stop and a capital, or a blank line.
_SENTENCE_END = re.compile(r"[.!?][\"'’”]?\s+[\"'‘“`]*[A-Z]|\n\s*\n")


def _pattern(doc: LinkedDocument, tl, event, t: GoldTime, kind: str, rel: str, outcome: str):
    """A link's general failure pattern: kind, outcome, class, the event's part
    of speech and tense; for a time, whether the system found it with the
    same value and whether it shares the event's sentence."""
    aspect = "" if event.aspect == "NONE" else f" {event.aspect}"
    head = (kind, outcome, CLASS[rel], str(event.pos), f"{event.tense}{aspect}")
    if kind == "dct":
        return head
    found = [x for xs in tl.expressions.values() for x in xs if x.start < t.end and t.start < x.end]
    if not found:
        value = "time not found"
    else:
        same = value_interval(found[0].value) == value_interval(t.value)
        value = "same value" if same else "other value"
    a, b = sorted((t.start, event.trigger_start))
    where = "other sentence" if _SENTENCE_END.search(doc.text, a, b) else "same sentence"
    return (*head, value, where)


def score_document(doc: LinkedDocument, tl, scores: Scores) -> None:
    """Add one document's figures (``tl``: the Timeline of its raw text) to ``scores``."""
    system = list(tl.events)
    # The network the events' bounds come from (without the likely orders of
    # events, which never move a date), when the Timeline keeps one apart.
    sol = getattr(tl, "_dates_solution", tl._solution)
    counts = scores.events
    gold_spans = [_Span(e.start, e.end) for e in doc.events]
    sys_spans = [_Span(e.trigger_start, e.trigger_end) for e in system]
    pairs = match(gold_spans, sys_spans)
    counts.gold += len(gold_spans)
    counts.system += len(sys_spans)
    counts.relaxed += len(pairs)
    counts.strict += sum(gold_spans[g] == sys_spans[s] for g, s in pairs)
    found = {doc.events[g].eid: system[s] for g, s in pairs}

    linked: set[str] = set()
    for link in doc.tlinks:
        for kind, ident in ((link.source_kind, link.source), (link.target_kind, link.target)):
            if kind == "event" and ident in doc.instances:
                linked.add(doc.instances[ident])
    linked &= {e.eid for e in doc.events}
    counts.linked += len(linked)
    counts.linked_found += len(linked & found.keys())

    for link in doc.tlinks:
        o = orient(link)
        if o is None:
            continue
        event = found.get(doc.instances.get(o.eiid, ""))
        if o.other_kind == "event":
            _score_event_event(doc, o, event, found, tl, scores)
            continue
        t = doc.times.get(o.other)
        kind = "dct" if o.other == doc.dct_tid else "time"
        if t is None:
            scores.unscored[kind]["time id not found"] += 1
            continue
        if o.rel not in CLASS:
            scores.unscored[kind][f"relType {o.rel}"] += 1
            continue
        interval = dct_interval(doc.dct) if kind == "dct" else time_interval(t)
        if interval is None:
            scores.unscored[kind][f"time not a calendar interval ({skip_reason(t)})"] += 1
            continue
        if event is None:
            scores.unscored[kind]["event not found"] += 1
            continue
        bounds = _bounds(sol, event.id)
        verdict = judge(o.rel, bounds, interval, dct=kind == "dct")
        assert verdict is not None
        scores.links[(kind, o.rel)][verdict.outcome] += 1
        if verdict.outcome != ENTAILED:
            key = _pattern(doc, tl, event, t, kind, o.rel, verdict.outcome)
            scores.patterns[key] += 1
            examples = scores.pattern_examples.setdefault(key, [])
            if len(examples) < 2:
                what = "DCT" if kind == "dct" else repr(t.text)
                examples.append(f"{doc.name}: {event.trigger!r} {o.rel} {what}")
        if (
            kind == "dct"
            and verdict.outcome == ENTAILED
            and CLASS[o.rel] == "AFTER"
            and not _ge(bounds.earliest_start, interval[1])
        ):
            scores.dct_after_same_day += 1
        if verdict.outcome == CONTRADICTED:
            bound, rules, chain, spans = _explain(sol, event.id, verdict.culprits)
            when = "DCT" if kind == "dct" else repr(t.text)
            own = kind == "time" and any(a < t.end and t.start < b for a, b in spans)
            scores.contradictions.append(
                Contradiction(
                    doc.name,
                    event.trigger,
                    o.rel,
                    f"{when} = {t.value}",
                    kind,
                    bound,
                    rules,
                    chain,
                    own,
                )
            )


def _score_event_event(doc, o: Oriented, event, found: dict, tl, scores: Scores) -> None:
    expected = EVENT_EVENT.get(o.rel)
    if expected is None:
        scores.ee[f"skipped relType {o.rel}"] += 1
        return
    scores.ee["gold"] += 1
    other = found.get(doc.instances.get(o.other, ""))
    if event is None or other is None or event.id == other.id:
        return
    scores.ee["found"] += 1
    by_class = scores.ee_by_class[expected]
    by_class["found"] += 1
    answer = tl.relation(event.id, other.id)
    by_class[f"said {answer}"] += 1
    confidence = getattr(answer, "confidence", None)
    if confidence is not None:  # a Relation: tally the entailed answers apart
        scores.ee[f"{confidence} answered"] += 1
        scores.ee[f"{confidence} correct"] += answer == expected
    if answer == "unknown":
        return
    scores.ee["answered"] += 1
    by_class["answered"] += 1
    if answer == expected:
        scores.ee["correct"] += 1
        by_class["correct"] += 1


# --------------------------------------------------------------------------- running


def run(docs: list[LinkedDocument], rules: Sequence[str] | None) -> Scores:
    """Extract and score every document with the given rules (None: all)."""
    import timeline

    scores = Scores()
    timeline.extract("It rained on Monday.", dt.date(2000, 1, 5), rules=rules)  # warm up
    for doc in docs:
        started = time.perf_counter()
        try:
            tl = timeline.extract(doc.text, doc.dct, rules=rules)
        except Exception as exc:  # a benchmark reports failures, it does not stop at them
            scores.failures[doc.name] = f"{type(exc).__name__}: {exc}"
            scores.seconds += time.perf_counter() - started
            continue
        scores.seconds += time.perf_counter() - started
        score_document(doc, tl, scores)
        started = time.perf_counter()
        score_awareness(doc, tl, scores)
        scores.awareness_seconds += time.perf_counter() - started
    return scores


def score_awareness(doc: LinkedDocument, tl, scores: Scores) -> None:
    """Temporal awareness of ``to_timeml(tl)`` (parsed back) and of the tense
    baseline over the same events, against the gold TLINKs of ``doc``."""
    import timeline
    from timeline.output._timeml import timeml_tense_aspect

    try:
        system = read_linked_string(timeline.to_timeml(tl), doc.name)
    except Exception as exc:  # reported, not raised: a benchmark goes on
        scores.awareness_failures[doc.name] = f"{type(exc).__name__}: {exc}"
        return
    names, events, times = align(doc, system)
    gold = document_links(doc)
    scores.aligned.update(
        gold_events=len(doc.events),
        events=events,
        gold_times=sum(t.end > t.start and not t.is_dct for t in doc.times.values()),
        times=times,
    )
    dct = dct_name(doc)

    def kind(link) -> str:  # type: ignore[no-untyped-def]
        return link_kind(link, dct)

    scores.awareness["timeml"].add(awareness(renamed(document_links(system), names), gold, kind))
    tenses = {e.id: timeml_tense_aspect(e.tense, e.aspect)[0] for e in tl.events}
    baseline = renamed(tense_links(system, tenses), names)
    scores.awareness["tense"].add(awareness(baseline, gold, kind))


def _pct(part: int, whole: int) -> str:
    return f"{100 * _share(part, whole):5.1f}" if whole else "    -"


def _prf(hit: int, system: int, gold: int) -> str:
    p, r = _share(hit, system), _share(hit, gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}"


def _link_table(kind: str, title: str, runs: Sequence[tuple[str, Scores]]) -> list[str]:
    rels = sorted(
        {rel for _n, s in runs for (k, rel) in s.links if k == kind},
        key=lambda r: (-runs[0][1].links[(kind, r)].total(), r),
    )
    out = [title]
    head = f"  {'relType (event first)':<28}{'n':>6}"
    for name, _s in runs:
        head += f" | {name + ': entailed':>18} {'open':>6} {'contra':>7}"
    out.append(head)
    out.append("  " + "-" * (len(head) - 2))

    def row(label: str, counters: list[Counter[str]]) -> str:
        n = counters[0].total()
        line = f"  {label:<28}{n:>6}"
        for c in counters:
            line += (
                f" | {_pct(c[ENTAILED], n):>18} {_pct(c[OPEN], n):>6} {_pct(c[CONTRADICTED], n):>7}"
            )
        return line

    for rel in rels:
        out.append(
            row(
                f"{rel} ({CLASS[rel]})" if CLASS[rel] != rel else rel,
                [s.links[(kind, rel)] for _n, s in runs],
            )
        )
    out.append(row("all", [s.outcome_totals([kind]) for _n, s in runs]))
    unscored = runs[0][1].unscored[kind]
    if unscored:
        out.append(
            "  not scored: "
            + ", ".join(f"{why} {n}" for why, n in sorted(unscored.items(), key=lambda kv: -kv[1]))
        )
    return out


def _targets(runs: Sequence[tuple[str, Scores]]) -> list[str]:
    # Issue 11's targets for the dates (contradicted, event-DCT, event-time).
    def figures(s: Scores) -> list[tuple[float, bool]]:
        both = s.outcome_totals(["dct", "time"])
        dct, tim = s.outcome_totals(["dct"]), s.outcome_totals(["time"])
        contra = _share(both[CONTRADICTED], both.total())
        dct_ok = _share(dct[ENTAILED], dct.total())
        time_ok = _share(tim[ENTAILED], tim.total())
        coverage = _share(s.events.linked_found, s.events.linked)
        ee_p = _share(s.ee["correct"], s.ee["answered"])
        return [
            (contra, contra <= 0.05),
            (dct_ok, dct_ok >= 0.70),
            (time_ok, time_ok >= 0.60),
            (coverage, coverage >= 0.60),
            (ee_p, ee_p >= 0.70),
        ]

    labels = [
        "contradicted (DCT + time) <= 5%",
        "event-DCT entailed >= 70%",
        "event-time entailed >= 60%",
        "coverage >= 60%",
        "event-event precision >= 0.70",
    ]
    out = ["Targets"]
    head = f"  {'':<34}" + "".join(f"{name:>10}      " for name, _s in runs)
    out.append(head)
    columns = [figures(s) for _n, s in runs]
    for i, label in enumerate(labels):
        line = f"  {label:<34}"
        for (_name, s), col in zip(runs, columns, strict=True):
            value, ok = col[i]
            if i == 4 and not s.ee["answered"]:
                shown = "n/a"
            else:
                shown = f"{value:.2f}" if i == 4 else f"{100 * value:.1f}%"
            line += f"{shown:>10} {'ok' if ok else 'MISS':<5}"
        out.append(line)
    return out


def _ee_lines(runs: Sequence[tuple[str, Scores]]) -> list[str]:
    first = runs[0][1]
    skipped = {k: v for k, v in first.ee.items() if k.startswith("skipped")}
    out = [
        f"Event-event links: gold {first.ee['gold']} (mapped relTypes), both events found "
        f"{first.ee['found']}"
        + (
            "; not scored: " + ", ".join(f"{k[8:]} {v}" for k, v in sorted(skipped.items()))
            if skipped
            else ""
        )
    ]
    for name, s in runs:
        ee = s.ee
        out.append(
            f"  {name:<10} answered {ee['answered']:>5} ({_pct(ee['answered'], ee['found']).strip()}%"
            f" of found)  correct {ee['correct']:>5}  precision "
            f"{_share(ee['correct'], ee['answered']):.2f}  recall "
            f"{_share(ee['correct'], ee['found']):.2f}"
        )
        for confidence in ("entailed", "likely"):
            if ee[f"{confidence} answered"]:
                out.append(
                    f"    {confidence} answers {ee[f'{confidence} answered']:>5}  precision "
                    f"{_share(ee[f'{confidence} correct'], ee[f'{confidence} answered']):.2f}"
                )
        answers = ("before", "after", "overlap", "unknown")
        out.append("    " + "gold / said".ljust(12) + "".join(f"{a:>9}" for a in answers))
        for cls in ("before", "after", "overlap"):
            c = s.ee_by_class[cls]
            out.append(f"    {cls:<12}" + "".join(f"{c[f'said {a}']:>9}" for a in answers))
    return out


def _rule_lines(name: str, scores: Scores, examples: int, top: int | None = None) -> list[str]:
    per_rule: dict[str, list[Contradiction]] = defaultdict(list)
    for c in scores.contradictions:
        for rule in c.rules or ("(no chain)",):
            per_rule[rule].append(c)
    ranked = sorted(per_rule.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    out = [
        f"{name}: rules behind the {len(scores.contradictions)} contradicted links (a link counts "
        "once for every distinct rule in the chain of its offending bound)"
    ]
    for rule, items in ranked[:top]:
        by_kind = Counter(c.kind for c in items)
        own = sum(c.own_time for c in items)
        out.append(
            f"  {rule:<24}{len(items):>5}  (DCT {by_kind['dct']}, time {by_kind['time']}, "
            f"of which {own} from the gold time's own words)"
        )
        for c in items[:examples]:
            out.append(f"      {c.doc}: {c.trigger!r} {c.rel} {c.time}; {c.bound} <- {c.chain}")
    return out


def _awareness_lines(runs: Sequence[tuple[str, Scores]]) -> list[str]:
    first = runs[0][1]
    al = first.aligned
    gold = first.awareness["timeml"]
    out = [
        "Temporal awareness (UzZaman & Allen 2011, TempEval-3: reduced graph checked against the "
        "other side's closure; summed over documents)",
        f"  gold: {gold.gold_links} TLINKs, {gold.gold} after reduction, {gold.gold_dropped} "
        "dropped (inconsistent with earlier links or unusable); entities aligned by extent: "
        f"events {al['events']} of {al['gold_events']}, TIMEX3 {al['times']} of {al['gold_times']}",
    ]
    rows = [(f"{name} TimeML output", s.awareness["timeml"]) for name, s in runs]
    rows.append(("tense -> DCT links", first.awareness["tense"]))
    for label, a in rows:
        out.append(
            f"  {label:<26} P {100 * a.precision:5.1f}  R {100 * a.recall:5.1f}  "
            f"F1 {100 * a.f1:5.1f}   links {a.system_links:>5}, reduced {a.system:>5}, "
            f"verified {a.system_verified:>5}; gold verified {a.gold_verified:>5}"
            + (f"; {a.system_dropped} inconsistent dropped" if a.system_dropped else "")
        )
    out.append(
        "  by link kind (reduced links; judged by the other side's closure: verified / "
        "contradicted / undecided)"
    )
    out.append(f"    {'':<18}{'system: n':>10} {'ver':>5} {'contra':>6} {'undec':>6}"
               f" | {'gold: n':>8} {'ver':>5} {'contra':>6} {'undec':>6}")  # fmt: skip
    mine = first.awareness["timeml"].outcomes
    kinds = sorted({k for _side, k, _o in mine}, key=lambda k: -sum(
        n for (_s, kk, _o), n in mine.items() if kk == k))  # fmt: skip
    for k in kinds:
        line = f"    {k:<18}"
        for side, width in (("system", 10), ("gold", 8)):
            n = sum(mine[(side, k, o)] for o in ("verified", "contradicted", "undecided"))
            line += f"{n:>{width}} " + " ".join(
                f"{_pct(mine[(side, k, o)], n):>{w}}"
                for o, w in (("verified", 5), ("contradicted", 6), ("undecided", 6))
            )
            line += " | " if side == "system" else ""
        out.append(line.rstrip())
    for name, s in runs:
        if s.awareness_failures:
            out.append(f"  {name}: {len(s.awareness_failures)} documents not scored, e.g.:")
            out += [f"    {k}: {v}" for k, v in list(s.awareness_failures.items())[:3]]
    out.append(
        "  scoring time (to_timeml, parse, closure): "
        + ", ".join(f"{n} {s.awareness_seconds:.1f} s" for n, s in runs)
    )
    return out


def report(
    docs: list[LinkedDocument], runs: Sequence[tuple[str, Scores]], examples: int, patterns: int = 0
) -> str:
    ev = runs[0][1].events
    out = [
        f"{len(docs)} documents; system = every rule, baseline = rules {', '.join(BASELINE_RULES)}",
        "",
        f"Events (same extraction in both runs): gold {ev.gold}, system {ev.system}",
        f"  strict   {_prf(ev.strict, ev.system, ev.gold)}",
        f"  relaxed  {_prf(ev.relaxed, ev.system, ev.gold)}",
        f"  coverage {_pct(ev.linked_found, ev.linked).strip()}% "
        f"({ev.linked_found} of {ev.linked} gold events with a TLINK found)",
        "",
    ]
    out += _link_table("dct", "Event-DCT links (% of scored links)", runs)
    out.append(
        "  AFTER-DCT links entailed only because the event starts on or after the start of the"
        " publication day: " + ", ".join(f"{n} {s.dct_after_same_day}" for n, s in runs)
    )
    out.append("")
    out += _link_table("time", "Event-time links (% of scored links)", runs)
    out.append("")
    out += _ee_lines(runs)
    out.append("")
    out += _targets(runs)
    out.append("")
    out += _awareness_lines(runs)
    for name, s in runs:
        if s.failures:
            out.append(f"{name}: {len(s.failures)} documents failed, e.g.:")
            out += [f"    {k}: {v}" for k, v in list(s.failures.items())[:3]]
    out.append("")
    out.append("Time: " + ", ".join(f"{n} {s.seconds:.1f} s" for n, s in runs))
    for i, (name, s) in enumerate(runs):
        out.append("")
        out += _rule_lines(name, s, examples if i == 0 else min(examples, 1), None if i == 0 else 5)
    if patterns:
        out.append("")
        out += _pattern_lines(runs[0][1], patterns)
    return "\n".join(out)


def _pattern_lines(s: Scores, top: int) -> list[str]:
    out = [f"system: the {top} commonest patterns of links not entailed "
           "(kind, outcome, class, event part of speech and tense[, time found, sentence])"]  # fmt: skip
    for key, n in s.patterns.most_common(top):
        out.append(f"  {n:5d}  {' / '.join(key)}")
        out += [f"           {e}" for e in s.pattern_examples[key]]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N documents (sorted by path)")
    parser.add_argument("--examples", type=int, default=3, help="examples per rule (default 3)")
    parser.add_argument("--selftest", action="store_true", help="check the scoring and exit")
    parser.add_argument("--patterns", type=int, default=0, metavar="N",
                        help="list the N commonest patterns of links not entailed")  # fmt: skip
    args = parser.parse_args(argv)

    if args.selftest:
        selftest()
        print("selftest passed")
        return 0
    docs = corpus_documents(args.corpus, args.limit, read_linked_document)
    if docs is None:
        return 0
    print(
        f"corpus {args.corpus}: {len(docs)} documents, "
        f"{sum(len(d.tlinks) for d in docs)} gold TLINKs"
    )
    runs = [("system", run(docs, None)), ("baseline", run(docs, BASELINE_RULES))]
    print(report(docs, runs, args.examples, args.patterns))
    return 0


# --------------------------------------------------------------------------- self-check

# A hand-made document (invented text, not from any corpus) with known answers.
_SELFTEST_DOC = (
    '<?xml version="1.0" ?>\n<TimeML>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" '
    'functionInDocument="CREATION_TIME">19980807</TIMEX3></DCT>\n'
    "<TEXT>\n"
    'A bridge <EVENT eid="e1" class="OCCURRENCE">collapsed</EVENT> on '
    '<TIMEX3 tid="t1" type="DATE" value="1998-08-05">Wednesday</TIMEX3>, officials '
    '<EVENT eid="e2" class="REPORTING">said</EVENT>. '
    'The city will <EVENT eid="e3" class="OCCURRENCE">rebuild</EVENT> it '
    '<TIMEX3 tid="t2" type="DATE" value="1998-W33">next week</TIMEX3>, '
    'for <TIMEX3 tid="t3" type="DURATION" value="P2W">two weeks</TIMEX3>.\n'
    "</TEXT>\n"
    '<MAKEINSTANCE eventID="e1" eiid="ei1"/>\n'
    '<MAKEINSTANCE eventID="e2" eiid="ei2"/>\n'
    '<MAKEINSTANCE eventID="e3" eiid="ei3"/>\n'
    '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>\n'
    '<TLINK lid="l2" relType="INCLUDES" timeID="t1" relatedToEventInstance="ei1"/>\n'
    '<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>\n'
    '<TLINK lid="l4" relType="AFTER" eventInstanceID="ei1" relatedToTime="t0"/>\n'
    '<TLINK lid="l5" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t0"/>\n'
    '<TLINK lid="l6" relType="AFTER" eventInstanceID="ei3" relatedToTime="t0"/>\n'
    '<TLINK lid="l7" relType="BEFORE" timeID="t2" relatedToEventInstance="ei3"/>\n'
    '<TLINK lid="l8" relType="DURING" eventInstanceID="ei3" relatedToTime="t3"/>\n'
    '<TLINK lid="l9" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei3"/>\n'
    '<TLINK lid="l10" relType="AFTER" eventInstanceID="ei2" relatedToEventInstance="ei1"/>\n'
    '<TLINK lid="l11" relType="BEFORE" timeID="t1" relatedToTime="t0"/>\n'
    "</TimeML>\n"
)


def selftest() -> None:
    """Score the hand-made document and compare with figures worked out by hand."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "selftest.tml"
        path.write_text(_SELFTEST_DOC, encoding="utf-8")
        doc = read_linked_document(path)
    assert [e.text for e in doc.events] == ["collapsed", "said", "rebuild"]
    assert doc.instances == {"ei1": "e1", "ei2": "e2", "ei3": "e3"}
    assert doc.dct_tid == "t0" and len(doc.tlinks) == 11

    scores = run([doc], None)
    assert not scores.failures, scores.failures
    ev = scores.events
    assert (ev.gold, ev.relaxed, ev.linked, ev.linked_found) == (3, 3, 3, 3), ev
    links = scores.links
    # collapsed on Wednesday 1998-08-05: inside t1 both ways round, before the DCT.
    assert links[("time", "IS_INCLUDED")] == Counter({ENTAILED: 2}), links
    assert links[("dct", "BEFORE")] == Counter({ENTAILED: 2}), links  # collapsed, said
    # AFTER the DCT: collapsed is contradicted (ended by 1998-08-06), rebuild entailed.
    assert links[("dct", "AFTER")] == Counter({ENTAILED: 1, CONTRADICTED: 1}), links
    # "next week BEFORE rebuild" is "rebuild AFTER next week": rebuild is inside it,
    # which is open at day granularity (it could come late in the week).
    assert links[("time", "AFTER")] == Counter({OPEN: 1}), links
    assert scores.unscored["time"] == Counter({"time not a calendar interval (duration)": 1})
    (bad_dct,) = [c for c in scores.contradictions if c.kind == "dct"]
    assert bad_dct.trigger == "collapsed" and bad_dct.bound == "latest end 1998-08-06"
    assert bad_dct.rules and all(rule for rule in bad_dct.rules)
    # The patterns of the links not entailed: the contradicted DCT link, the open time link.
    assert scores.patterns == Counter({
        ("dct", CONTRADICTED, "AFTER", "VERB", "PAST"): 1,
        ("time", OPEN, "AFTER", "VERB", "FUTURE", "same value", "same sentence"): 1,
    }), scores.patterns
    # Event-event: collapsed BEFORE rebuild, said AFTER collapsed (not entailed: unknown).
    assert scores.ee["gold"] == 2 and scores.ee["found"] == 2, scores.ee
    assert scores.ee_by_class["before"]["correct"] == 1, scores.ee_by_class

    baseline = run([doc], BASELINE_RULES)
    # Tense only: collapsed and said end by the publication day, rebuild starts from it.
    assert baseline.links[("dct", "BEFORE")] == Counter({ENTAILED: 2})
    assert baseline.links[("dct", "AFTER")] == Counter({ENTAILED: 1, OPEN: 1})
    assert baseline.outcome_totals(["time"])[ENTAILED] == 0
    text = report([doc], [("system", scores), ("baseline", baseline)], 2, patterns=2)
    assert "Targets" in text and "coverage" in text
    assert "dct / contradicted / AFTER / VERB / PAST" in text
    # Awareness: every system event is aligned; gold has its 11 links.
    assert not scores.awareness_failures, scores.awareness_failures
    assert scores.aligned["events"] == 3 and scores.awareness["timeml"].gold_links == 11
    assert "Temporal awareness" in text


if __name__ == "__main__":
    sys.exit(main())
