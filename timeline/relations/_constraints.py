"""Constraint rules: evidence in the text -> constraints between time points.

Each rule is a small named function over a ``Document`` (text, publication
date, expressions, sentences, events) that yields ``Constraint``s; each
constraint records the rule, the words it read and a strength.  Run order is
the ``RULES`` list at the bottom.  Word knowledge (which signal means what)
is in ``grammars/connectives.toml``.

Time points are ``"<event id>.start"`` and ``"<event id>.end"``; a time
expression's interval is given as bounds from ``ORIGIN``.  The unit is the
minute since 0001-01-01.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction
from typing import TypeVar

import attrs

from timeline._data import load_table
from timeline._errors import DataTableError, InputError
from timeline.events._events import Aspect, Event, Pos, Status, Tense
from timeline.expressions._calendar import day_from_ordinal
from timeline.expressions._model import Bound, FarDate, TimeExpression, TimexType
from timeline.relations._constraint import HARD, MEDIUM, ORIGIN, STRONG, WEAK, Constraint, Evidence
from timeline.text._segment import Sentence

T = TypeVar("T")

MINUTES_PER_DAY = 1440
# Minutes in each unit of a TIMEX3 duration ("MIN" is the M after T); a month
# is a twelfth of a year, so "1.5 years" (P1Y6M) and "18 months" agree.
_YEAR = 365 * MINUTES_PER_DAY
_UNIT_MINUTES = {"Y": Fraction(_YEAR), "M": Fraction(_YEAR, 12), "W": Fraction(7 * MINUTES_PER_DAY),
                 "D": Fraction(MINUTES_PER_DAY), "H": Fraction(60), "MIN": Fraction(1),
                 "S": Fraction(1, 60)}  # fmt: skip
# A TIMEX3 duration value as _calendar.duration_value writes it: any of the
# parts, each a whole or decimal amount ("P3D", "P1Y6M", "PT5H30M", "P2W3.5D").
_N = r"\d+(?:\.\d+)?"
_DURATION = re.compile(
    rf"^P(?:(?P<Y>{_N})Y)?(?:(?P<M>{_N})M)?(?:(?P<W>{_N})W)?(?:(?P<D>{_N})D)?"
    rf"(?:T(?:(?P<H>{_N})H)?(?:(?P<MIN>{_N})M)?(?:(?P<S>{_N})S)?)?$"
)
_VAGUE_DURATION = re.compile(r"^P(T)?X([YMWDHS])$")


def to_minutes(bound: Bound) -> int | None:
    """Minutes since 0001-01-01 (negative before it) for a date, datetime or
    FarDate; None for an open bound."""
    if isinstance(bound, dt.datetime):
        return (bound.toordinal() - 1) * MINUTES_PER_DAY + bound.hour * 60 + bound.minute
    if isinstance(bound, dt.date | FarDate):
        return (bound.toordinal() - 1) * MINUTES_PER_DAY
    return None


def from_minutes(value: int | None, *, round_up: bool = False) -> dt.date | dt.datetime | FarDate | None:
    """The inverse of to_minutes: a date at midnight, else a datetime.

    Outside years 1-9999 it is the FarDate of a midnight, which holds no clock
    time: the one before the instant, or after it with ``round_up`` (for a
    latest bound, so that either way the bound only widens).
    """
    if value is None:
        return None
    days, rest = divmod(value, MINUTES_PER_DAY)
    if not 0 <= days < dt.date.max.toordinal():
        return day_from_ordinal(days + 1 + (round_up and rest > 0))
    day = dt.date.fromordinal(days + 1)
    if rest == 0:
        return day
    return dt.datetime.combine(day, dt.time(rest // 60, rest % 60))


def start(event: Event) -> str:
    return f"{event.id}.start"


def end(event: Event) -> str:
    return f"{event.id}.end"


@functools.cache
def connectives() -> dict[str, dict[str, object]]:
    table = load_table("connectives.toml")
    for section in ("time", "event", "vague_gap", "aspectual", "dateline", "words"):
        if section not in table:
            raise DataTableError(f"connectives.toml: missing [{section}]")
    return table


@functools.cache
def _word_patterns() -> dict[str, re.Pattern[str]]:
    """The [words] of connectives.toml as patterns: a word after a time or a
    duration (optional comma before it), or a word anywhere ("continues")."""
    words = connectives()["words"]
    def alternatives(key: str) -> str:
        return "|".join(re.escape(w) for w in words[key])  # type: ignore[index]
    return {
        # One whitespace run before the word ("\s*,?\s+" retried every split
        # of a long run of spaces: quadratic).
        "when_clause": re.compile(rf"(?:\s*,)?\s+(?:{alternatives('when_clause')})\b", re.I),
        "duration_of": re.compile(rf"\s+(?:{alternatives('duration_of')})\s+", re.I),
        "continues": re.compile(rf"\b(?:{alternatives('continues')})\b", re.I),
    }


@attrs.frozen
class Document:
    """What the rules read: one dated text and its stages' output.

    Attributes:
        text: the text.
        published: the publication date.
        expressions: tagged temporal expressions, in text order.
        sentences: the sentences, in text order.
        events: the events, in text order.
    """

    text: str
    published: dt.date
    expressions: tuple[TimeExpression, ...]
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    _memo: dict[str, object] = attrs.field(factory=dict, init=False, repr=False, eq=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A value derived from the document, computed on first use."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    @functools.cached_property
    def _events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def event_by_id(self, event_id: str) -> Event | None:
        return self._events_by_id.get(event_id)

    @functools.cached_property
    def _events_by_sentence(self) -> dict[int, list[Event]]:
        index: dict[int, list[Event]] = {}
        for event in self.events:
            index.setdefault(event.sentence, []).append(event)
        return index

    def events_in(self, sentence: int) -> list[Event]:
        """The events of one sentence, in text order (an index: rules stay linear)."""
        return self._events_by_sentence.get(sentence, [])

    @functools.cached_property
    def _expression_starts(self) -> list[int]:
        return [e.start for e in self.expressions]

    @functools.cached_property
    def _expression_ends(self) -> list[tuple[int, int]]:
        return sorted((e.end, i) for i, e in enumerate(self.expressions))

    def expression_starting_in(self, lo: int, hi: int) -> TimeExpression | None:
        """The first expression that starts in [lo, hi]."""
        i = bisect.bisect_left(self._expression_starts, lo)
        if i < len(self.expressions) and self.expressions[i].start <= hi:
            return self.expressions[i]
        return None

    def expressions_ending_in(self, lo: int, hi: int) -> list[TimeExpression]:
        """The expressions that end in [lo, hi]."""
        ends = self._expression_ends
        i = bisect.bisect_left(ends, (lo, -1))
        out = []
        while i < len(ends) and ends[i][0] <= hi:
            out.append(self.expressions[ends[i][1]])
            i += 1
        return out

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    @property
    def publication_start(self) -> int:
        return (self.published.toordinal() - 1) * MINUTES_PER_DAY

    @property
    def publication_end(self) -> int:
        return self.publication_start + MINUTES_PER_DAY


Rule = Callable[[Document], Iterator[Constraint]]


def _evidence(rule: str, doc: Document, *spans: tuple[int, int], note: str | None = None) -> Evidence:
    spans = tuple(sorted(s for s in spans if s[0] < s[1]))
    words = " … ".join(doc.text[a:b] for a, b in spans)
    return Evidence(rule, words, spans, description=note)


def _trigger_span(event: Event) -> tuple[int, int]:
    return (event.trigger_start, event.trigger_end)


def _expr_span(expr: TimeExpression) -> tuple[int, int]:
    if expr.signal_start is not None:
        return (expr.signal_start, expr.end)
    return (expr.start, expr.end)


# ------------------------------------------------------------------ linking


def governing_event(doc: Document, offset: int, end_offset: int) -> Event | None:
    """The event a phrase at [offset, end_offset) belongs to.

    In its clause, the nearest verb before it, else the nearest verb after
    it; failing that, the nearest verb in its sentence; nouns only when the
    sentence has no verb.
    """
    sentence = doc.sentence_of(offset)
    candidates = doc.events_in(sentence)
    if not candidates:
        return None
    in_clause = [e for e in candidates if e.start <= offset < e.end]

    def distance(e: Event) -> tuple[int, int]:
        if e.trigger_end <= offset:
            return (0, offset - e.trigger_end)
        return (1, e.trigger_start - end_offset)

    for pool in (in_clause, candidates):
        verbs = [e for e in pool if e.pos is Pos.VERB and not _inside(e, offset, end_offset)]
        if verbs:
            return min(verbs, key=distance)
    nouns = [e for e in candidates if not _inside(e, offset, end_offset)]
    return min(nouns, key=distance) if nouns else None


def _inside(event: Event, lo: int, hi: int) -> bool:
    return lo <= event.trigger_start < hi


def next_event(doc: Document, offset: int) -> Event | None:
    """The first event whose trigger starts at or after offset, in the same sentence."""
    sentence = doc.sentence_of(offset)
    after = [e for e in doc.events_in(sentence) if e.trigger_start >= offset]
    return min(after, key=lambda e: e.trigger_start) if after else None


# ------------------------------------------------------------------ rules


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


_DATELINE_END = re.compile(r"[ \t)]*(?:[-–—|]|$)", re.MULTILINE)


def is_dateline(doc: Document, expr: TimeExpression) -> bool:
    """The article's own date at its top ("LONDON, 12 June 2019 -", "Published:
    2023-11-16"): it dates the text, not an event of the text."""
    if expr.start > DATELINE_REACH or expr.value != doc.published.isoformat():
        return False
    line_start = doc.text.rfind("\n", 0, expr.start) + 1
    before = doc.text[line_start : expr.start].casefold()
    words = connectives()["dateline"]["words"]  # type: ignore[index]
    return bool(_DATELINE_END.match(doc.text, expr.end)) or any(w in before for w in words)


# How far into a text a dateline can be (the headline block).
DATELINE_REACH = 600


def _links(doc: Document) -> list[tuple[TimeExpression, Event, str]]:
    """(expression, its event, relation) for every anchorable time expression,
    worked out once per document (the time-anchor and story-time rules share it)."""
    return doc.memo("links", lambda: list(_find_links(doc)))


def _find_links(doc: Document) -> Iterator[tuple[TimeExpression, Event, str]]:
    table = connectives()["time"]
    for expr in doc.expressions:
        if not _anchorable(expr) or is_dateline(doc, expr):
            continue
        signal = (expr.signal or "").casefold()
        relation = table.get(signal, "within") if signal else "within"
        if relation == "lasts":
            if expr.type is TimexType.DURATION and expr.anchor != "publication":
                continue  # "for two weeks": the duration rule's
            relation = "within"  # "for the quarter", "for the past three years"
        noun = _modified_noun(doc, expr) if relation == "within" else None
        event = noun or governing_event(doc, expr.signal_start or expr.start, expr.end)
        if event is not None:
            yield expr, _finite(doc, event), str(relation)
        when = _when_clause_event(doc, expr)
        if when is not None and when is not event:
            yield expr, _finite(doc, when), "within"
        if relation == "within" and event is not None:
            for other in _opening_time_events(doc, expr):
                if other is not event:
                    yield expr, other, "within"
            before = _noun_just_before(doc, expr)
            if before is not None and before is not event:
                yield expr, before, "within"


def _noun_just_before(doc: Document, expr: TimeExpression) -> Event | None:
    """'his speech Wednesday night', 'trading Friday': an event noun right
    before an unsignalled time is dated by it too."""
    if expr.signal is not None:
        return None
    for event in doc.events_in(doc.sentence_of(expr.start)):
        if event.pos is Pos.NOUN and 0 < expr.start - event.trigger_end <= 1:
            if not doc.text[event.trigger_end : expr.start].strip():
                return event
    return None


_OPENING_COMMA = re.compile(r"[^\S\n]*,")


def _opening_time_events(doc: Document, expr: TimeExpression) -> list[Event]:
    """'On Sept. 2, police raided two homes and searched for a suspect': a time
    that opens its sentence, set off by a comma, dates every past-tense verb of
    the sentence, not only the nearest."""
    sentence = doc.sentences[doc.sentence_of(expr.start)] if doc.sentences else None
    begin = expr.signal_start if expr.signal_start is not None else expr.start
    if sentence is None or begin != sentence.start:
        return []
    if not _OPENING_COMMA.match(doc.text, expr.end):
        return []
    return [e for e in doc.events_in(sentence.index)
            if e.pos is Pos.VERB and e.tense is Tense.PAST and e.aspect is Aspect.NONE
            and e.status in (Status.ASSERTED, Status.REPORTED)]  # fmt: skip


# A time used inside a noun phrase: "the 1996 campaign", "its 1990 invasion",
# "yesterday's announcement", "the January 1998 bombing" (up to two words
# between), or "the incidents of
# Aug. 7" (the noun just before "of").
_POSSESSIVE_GAP = re.compile(r"['’]s[^\S\n]+")
_ATTRIBUTIVE_GAP = re.compile(r"(?:['’]s)?(?:\s+[\w-]+){0,2}?\s+$")


def _modified_noun(doc: Document, expr: TimeExpression) -> Event | None:
    """The event noun a time modifies inside its noun phrase, if any."""
    sentence = doc.sentence_of(expr.start)
    nouns = [e for e in doc.events_in(sentence) if e.pos is Pos.NOUN]
    if (expr.signal or "").casefold() == "of":
        before = [e for e in nouns if 0 <= (expr.signal_start or 0) - e.trigger_end <= 1]
        return before[0] if before else None
    if expr.signal is not None:
        return None
    possessive = _POSSESSIVE_GAP.match(doc.text, expr.end)
    if possessive:  # "Wednesday's ruling": whatever the tagger made of "ruling"
        for event in doc.events_in(sentence):
            if event.trigger_start == possessive.end():
                return event
    for noun in nouns:
        if not 0 < noun.trigger_start - expr.end <= 30:  # before slicing: stays linear
            continue
        if _ATTRIBUTIVE_GAP.fullmatch(doc.text, expr.end, noun.trigger_start):
            if not any(e.pos is Pos.VERB and expr.end <= e.trigger_start < noun.trigger_start
                       for e in doc.events_in(sentence)):  # fmt: skip
                return noun
    return None


def _when_clause_event(doc: Document, expr: TimeExpression) -> Event | None:
    """'since August, when they traded at $10': the when-clause happened then."""
    match = _word_patterns()["when_clause"].match(doc.text, expr.end)
    if match is None:
        return None
    event = next_event(doc, match.end())
    if event is None or event.pos is not Pos.VERB or event.trigger_start - match.end() > 40:
        return None
    return event


def _finite(doc: Document, event: Event) -> Event:
    """The verb that carries tense and time for a complement: "began" for
    "began bombing", "scheduled" is not one (a plan has its own time)."""
    if event.governor is None:
        return event
    governor = doc.event_by_id(event.governor)
    if governor is not None and str(governor.event_class) == "ASPECTUAL":
        return governor
    return event


def aspectual(doc: Document) -> Iterator[Constraint]:
    """'began bombing': the bombing starts while the beginning happens;
    'stopped firing': the firing ends then."""
    table = connectives()["aspectual"]
    begins, ends = set(table["begin"]), set(table["end"])  # type: ignore[call-overload]
    for event in doc.events:
        governor = doc.event_by_id(event.governor) if event.governor else None
        if governor is None or str(governor.event_class) != "ASPECTUAL":
            continue
        lemma = governor.lemma.casefold()
        if lemma not in begins and lemma not in ends:
            continue
        point = start(event) if lemma in begins else end(event)
        ev = _evidence("aspectual", doc, _trigger_span(governor), _trigger_span(event))
        # Half-open: the bombing starts while "began" happens, before it is over.
        yield Constraint(start(governor), point, lo=0, evidence=ev, strength=STRONG)
        yield Constraint(point, end(governor), lo=1, evidence=ev, strength=STRONG)


def time_anchor(doc: Document) -> Iterator[Constraint]:
    """A time expression and its signal place the event of its clause.

    "seized Rabiya on Sunday" puts the seizure inside Sunday; "since
    September" starts an event in September; "by Friday" ends it by Friday.
    """
    for expr, event, relation in _links(doc):
        lo, hi = to_minutes(expr.earliest), to_minutes(expr.latest)
        vague = expr.value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
        strength = MEDIUM if vague else STRONG
        ev = _evidence(f"time-{relation}", doc, _trigger_span(event), _expr_span(expr))
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
        elif relation == "ends_by" and hi is not None:
            yield Constraint(ORIGIN, e, hi=hi, evidence=ev, strength=strength)
        elif relation == "before" and lo is not None:
            yield Constraint(ORIGIN, e, hi=lo, evidence=ev, strength=strength)
        elif relation == "after" and hi is not None:
            yield Constraint(ORIGIN, s, lo=hi, evidence=ev, strength=strength)


def duration_span(value: str | None, mod: str | None = None) -> tuple[int | None, int | None]:
    """Least and most minutes a TIMEX3 duration value allows, give or take its
    finest unit ('P3D' -> 2 to 4 days, 'P1Y6M' -> 17 to 19 months); (None,
    None) for a value that is not a duration."""
    value = value or ""
    vague = _VAGUE_DURATION.match(value)
    if vague:
        unit = _UNIT_MINUTES["MIN" if vague[1] and vague[2] == "M" else vague[2]]
        least, most = connectives()["vague_gap"]["unknown"]  # type: ignore[misc]
        return math.floor(least * unit), math.floor(most * unit)
    match = _DURATION.match(value)
    parts = {k: Fraction(v) for k, v in match.groupdict().items() if v} if match else {}
    if not parts:
        return None, None
    amount = sum(n * _UNIT_MINUTES[k] for k, n in parts.items())
    unit = min(_UNIT_MINUTES[k] for k in parts)
    slack = unit if unit >= MINUTES_PER_DAY else max(unit, amount / 10)
    lo: int | None = math.floor(max(0, amount - slack))
    hi: int | None = math.ceil(amount + slack)
    if mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        lo = 0
    elif mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        hi = None
    return lo, hi


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


_EVENT_SIGNAL = re.compile(r"\b([A-Za-z]+)\b")


def event_signal(doc: Document) -> Iterator[Constraint]:
    """A connective between two events orders them.

    "killed after three days of bombing": the killing starts after the
    bombing ends; "days before the talks": the fall ends before the talks
    begin, one to several days before; "since warplanes began bombing": the
    gains start after the bombing starts; "amid raids": they overlap.
    """
    table = connectives()["event"]
    words = {str(k) for k in table}
    for sentence in doc.sentences:
        for match in _EVENT_SIGNAL.finditer(doc.text, sentence.start, sentence.end):
            word = match.group(1).casefold()
            if word not in words:
                continue
            relation = str(table[word])
            after_signal = match.end()
            gap_expr = _duration_ending_at(doc, match.start())
            other = _event_after_signal(doc, after_signal, sentence)
            if other is None:
                continue
            this = _matrix_event(doc, match.start(), other)
            if this is None:
                continue
            spans = [_trigger_span(this), match.span(1), _trigger_span(other)]
            if gap_expr is not None:
                spans.append((gap_expr.start, gap_expr.end))
            ev = _evidence(f"event-{relation}", doc, *spans)
            yield from _order(relation, this, other, ev, gap_expr)


def _matrix_event(doc: Document, offset: int, other: Event) -> Event | None:
    """The event a connective attaches to: the nearest verb before it in the
    sentence ("gains ... since X"), or, for a sentence-initial connective
    ("After the vote, X"), the first verb after the introduced event."""
    sentence = doc.sentence_of(offset)
    verbs = [e for e in doc.events_in(sentence) if e.pos is Pos.VERB
             and e.id != other.id and e.governor != other.id and other.governor != e.id]  # fmt: skip
    before = [e for e in verbs if e.trigger_end <= offset]
    if before:
        return _finite(doc, max(before, key=lambda e: e.trigger_end))
    after = [e for e in verbs if e.trigger_start > other.trigger_end]
    return _finite(doc, min(after, key=lambda e: e.trigger_start)) if after else None


def _duration_ending_at(doc: Document, offset: int) -> TimeExpression | None:
    """'days' in 'days before X': a duration just before the signal word."""
    for expr in doc.expressions_ending_in(offset - 1, offset):
        if expr.type is TimexType.DURATION:
            return expr
    return None


def _event_after_signal(doc: Document, offset: int, sentence: Sentence) -> Event | None:
    """The event a signal introduces, skipping a time phrase that names its length.

    Returns None when the signal governs a time expression instead ("after
    Monday" is the time-anchor rule's business).
    """
    expr = doc.expression_starting_in(offset, offset + 2)
    if expr is not None:
        of = _word_patterns()["duration_of"].match(doc.text, expr.end)
        if expr.type is not TimexType.DURATION or of is None:
            return None
        return _event_in_phrase(doc, of.end())
    event = next_event(doc, offset)
    if event is None or event.trigger_start - offset > 60 or event.trigger_start >= sentence.end:
        return None
    return event


# At most two words (adjectives) between "of" and the event noun, no punctuation.
_PHRASE_GAP = re.compile(r"(?:[\w-]+\s+){0,2}")


def _event_in_phrase(doc: Document, offset: int) -> Event | None:
    """The event heading the phrase at offset ("of [intense] bombing"), or None
    when the phrase has none the detector knows ("ten years of boom, they're
    talking": not "talking")."""
    event = next_event(doc, offset)
    if event is None:
        return None
    gap = _PHRASE_GAP.match(doc.text, offset)
    return event if gap is not None and gap.end() >= event.trigger_start else None


def _gap(gap: TimeExpression | None) -> tuple[int, int | None]:
    """Bounds of the gap a duration names ("two days before"): a duration that
    cannot be measured still gives the order (at least 0), never a boundless constraint."""
    lo, hi = duration_span(gap.value) if gap is not None else (None, None)
    return (0 if lo is None else lo), hi


def _order(relation: str, this: Event, other: Event, ev: Evidence,
           gap: TimeExpression | None) -> Iterator[Constraint]:  # fmt: skip
    if relation in ("after", "before"):
        lo, hi = _gap(gap)
        a, b = (end(other), start(this)) if relation == "after" else (end(this), start(other))
        yield Constraint(a, b, lo=lo, hi=hi, evidence=ev, strength=MEDIUM)
    elif relation == "since":
        yield Constraint(start(other), start(this), lo=0, evidence=ev, strength=MEDIUM)
    elif relation == "until":
        yield Constraint(start(other), end(this), lo=0, evidence=ev, strength=MEDIUM)
    elif relation == "overlap":
        # Overlap: each starts before the other ends.
        yield Constraint(start(this), end(other), lo=0, evidence=ev, strength=MEDIUM)
        yield Constraint(start(other), end(this), lo=0, evidence=ev, strength=MEDIUM)


_PAST_TENSES = (Tense.PAST, Tense.PAST_PERFECT, Tense.PRESENT_PERFECT)


def tense(doc: Document) -> Iterator[Constraint]:
    """Tense against publication.

    A past or perfect event has ended (a perfect one at least started) by the
    end of the publication day; a future or planned-from-now event starts
    after publication begins; a present state holds on the publication day.
    """
    pub_start, pub_end = doc.publication_start, doc.publication_end
    for event in doc.events:
        if event.polarity != "POS" or event.status in (Status.NEGATED, Status.HYPOTHETICAL):
            continue
        label = event.tense_label
        ev = _evidence(f"tense-{str(label).lower()}", doc, _trigger_span(event))
        if event.status is Status.PLANNED or label is Tense.FUTURE:
            if label in (Tense.FUTURE, Tense.PRESENT):
                yield Constraint(ORIGIN, start(event), lo=pub_start, evidence=ev, strength=MEDIUM)
            continue
        if label is Tense.PRESENT_PERFECT:
            yield Constraint(ORIGIN, start(event), hi=pub_end, evidence=ev, strength=MEDIUM)
            ongoing = (event.aspect is Aspect.PERFECTIVE_PROGRESSIVE
                       or _since_after(doc, event) is not None)  # fmt: skip
            if not ongoing:  # "has made gains since ...": still running, no end to give
                yield Constraint(ORIGIN, end(event), hi=pub_end, evidence=ev, strength=WEAK)
        elif label in _PAST_TENSES:
            yield Constraint(ORIGIN, end(event), hi=pub_end, evidence=ev, strength=MEDIUM)
        elif label is Tense.PRESENT and event.pos is Pos.VERB and str(event.event_class) != "REPORTING":
            # A present-tense state or ongoing event spans the publication day
            # (a present-tense report, "officials say", is the reporting-day rule's).
            yield Constraint(ORIGIN, start(event), hi=pub_start, evidence=ev, strength=WEAK)
            yield Constraint(ORIGIN, end(event), lo=pub_end, evidence=ev, strength=WEAK)


def reporting_day(doc: Document) -> Iterator[Constraint]:
    """News convention: a report ("officials said", "the ministry says") with no
    time of its own was made on the publication day.  Weak: "said on Friday"
    overrides it."""
    pub_start, pub_end = doc.publication_start, doc.publication_end
    for event in doc.events:
        label = event.tense_label
        if str(event.event_class) != "REPORTING" or label not in (Tense.PAST, Tense.PRESENT):
            continue
        if event.polarity != "POS" or event.pos is not Pos.VERB:
            continue
        ev = _evidence("reporting-day", doc, _trigger_span(event))
        yield Constraint(ORIGIN, start(event), lo=pub_start, evidence=ev, strength=WEAK)
        yield Constraint(ORIGIN, end(event), hi=pub_end, evidence=ev, strength=WEAK)


def story_time(doc: Document) -> Iterator[Constraint]:
    """Weak default: a past-tense event in a sentence with no time of its own
    happened within the time (a day to a year) the previous sentence of its
    paragraph named ("Rebels seized the town on Sunday. They killed 20
    soldiers.")."""
    anchored: dict[int, TimeExpression] = {}
    for expr, _event, relation in _links(doc):
        if relation == "within" and _year_or_finer(expr):
            anchored.setdefault(doc.sentence_of(expr.start), expr)
    timed = {doc.sentence_of(e.start) for e in doc.expressions if _anchorable(e)}
    # A past perfect marks a flashback: its sentence leaves the story's day.
    flashback = {e.sentence for e in doc.events
                 if e.tense_label is Tense.PAST_PERFECT}  # fmt: skip
    for event in doc.events:
        sentence = event.sentence
        previous = anchored.get(sentence - 1)
        if previous is None or sentence in timed or sentence in flashback:
            continue
        if not _same_paragraph(doc, sentence):
            continue
        if event.tense is not Tense.PAST or event.aspect is not Aspect.NONE:
            continue
        if event.pos is not Pos.VERB or event.status not in (Status.ASSERTED, Status.REPORTED):
            continue
        lo, hi = to_minutes(previous.earliest), to_minutes(previous.latest)
        if lo is None or hi is None:
            continue
        ev = _evidence("story-time", doc, _expr_span(previous), _trigger_span(event))
        yield Constraint(ORIGIN, start(event), lo=lo, evidence=ev, strength=WEAK)
        yield Constraint(ORIGIN, end(event), hi=hi, evidence=ev, strength=WEAK)


def _year_or_finer(expr: TimeExpression) -> bool:
    lo, hi = to_minutes(expr.earliest), to_minutes(expr.latest)
    return lo is not None and hi is not None and hi - lo <= 366 * MINUTES_PER_DAY


def _same_paragraph(doc: Document, sentence: int) -> bool:
    """No blank line between this sentence and the one before it."""
    if sentence <= 0 or sentence >= len(doc.sentences):
        return False
    gap = doc.text[doc.sentences[sentence - 1].end : doc.sentences[sentence].start]
    return gap.count("\n") < 2


def _since_after(doc: Document, event: Event) -> int | None:
    """Offset of a "since" after the event's trigger in its sentence, if any."""
    if event.sentence >= len(doc.sentences):
        return None
    sentence = doc.sentences[event.sentence]
    match = _word_patterns()["continues"].search(doc.text, event.trigger_end, sentence.end)
    return match.start() if match else None


def continues_since(doc: Document) -> Iterator[Constraint]:
    """'has made gains since September': still running at publication."""
    pub_start = doc.publication_start
    for event in doc.events:
        if event.tense_label is not Tense.PRESENT_PERFECT or event.status is Status.NEGATED:
            continue
        at = _since_after(doc, event)
        if at is None:
            continue
        ev = _evidence("since-continues", doc, _trigger_span(event), (at, at + 5))
        yield Constraint(ORIGIN, end(event), lo=pub_start, evidence=ev, strength=MEDIUM)


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


# Run order: definitional, then text anchors, then connectives, then defaults.
RULES: Sequence[tuple[str, Rule]] = (
    ("event-interval", event_interval),
    ("time-anchor", time_anchor),
    ("duration", duration_of),
    ("aspectual", aspectual),
    ("event-signal", event_signal),
    ("tense", tense),
    ("since-continues", continues_since),
    ("reporting-day", reporting_day),
    ("story-time", story_time),
    ("narrative-order", narrative_order),
)


RULE_NAMES = tuple(name for name, _rule in RULES)


def constraints_for(doc: Document, rules: Sequence[str] | None = None) -> list[Constraint]:
    """The constraints of every rule, or of the named ones only (for baselines)."""
    if isinstance(rules, str):
        raise InputError(f"rules must be a list of rule names, not the string {rules!r}")
    if rules is not None:
        unknown = sorted(set(rules) - set(RULE_NAMES))
        if unknown:
            raise InputError(f"unknown rule {', '.join(map(repr, unknown))}; "
                             f"known rules: {', '.join(RULE_NAMES)}")  # fmt: skip
    out: list[Constraint] = []
    for name, rule in RULES:
        if rules is None or name in rules:
            out.extend(rule(doc))
    return out
