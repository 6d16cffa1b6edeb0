"""Fuzz inputs and the pipeline oracle, shared by tests/property/test_fuzz.py and benchmarks/fuzz.py.

Every generator takes a ``random.Random``: the benchmark passes a seeded one per input, the
hypothesis properties pass ``st.randoms()``, whose draws hypothesis records and shrinks.  The
words come from the grammar and tables at run time (terminals of the Lark grammar, sections of
grammars/*.toml), so a new word is fuzzed without touching this file; only the sentence frames
below are written here.  No hypothesis import: the benchmark runs without it.

``check_pipeline`` runs one input through tag, extract and every output format and raises
``Violation`` for a broken invariant; a ``TimelineError`` (a refusal) propagates as itself, so
callers tell refusals, violations and crashes apart.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import re
import re._constants as sre_c
import re._parser as sre_parse
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import timeline
from timeline._errors import TimelineError
from timeline.cli._main import format_expressions
from timeline.expressions._grammar import build_parser
from timeline.expressions._tables import load_table
from timeline.expressions._tag import publication_day
from timeline.output._render import format_text, to_json

SCHEMA_PATH = Path(timeline.__file__).parent / "schema" / "timeline-1.schema.json"
FIRST_DAY, LAST_DAY = dt.date.min, dt.date.max


# --- words of the grammar and tables -------------------------------------------------


@functools.cache
def _grammar() -> tuple[dict[str, list[tuple[str, ...]]], dict[str, Any], dict[str, int]]:
    """(expansions by rule, parsed regex by terminal, least derivation height by rule)."""
    parser = build_parser()
    rules: dict[str, list[tuple[str, ...]]] = {}
    for rule in parser.rules:
        rules.setdefault(rule.origin.name, []).append(tuple(s.name for s in rule.expansion))
    terminals = {t.name: sre_parse.parse(t.pattern.to_regexp()) for t in parser.terminals}
    height = {name: 0 for name in terminals}
    changed = True
    while changed:  # fixpoint: a rule's height is 1 + its shallowest expansion's
        changed = False
        for name, expansions in rules.items():
            for expansion in expansions:
                if all(s in height for s in expansion):
                    h = 1 + max((height[s] for s in expansion), default=0)
                    if h < height.get(name, 1 << 30):
                        height[name], changed = h, True
    return rules, terminals, height


@functools.cache
def terminal_words() -> dict[str, tuple[str, ...]]:
    """The literal words of each grammar terminal ("MONTH" -> ("january", ...))."""
    found: dict[str, tuple[str, ...]] = {}
    for name, parsed in _grammar()[1].items():
        words = _literals(parsed)
        if words:
            found[name] = tuple(sorted(words))
    return found


def _literals(parsed: Any) -> set[str] | None:
    """The strings a regex of plain alternatives matches; None if it has classes or repeats."""
    out = {""}
    for op, arg in parsed:
        if op is sre_c.LITERAL:
            out = {s + chr(arg) for s in out}
        elif op is sre_c.SUBPATTERN:
            inner = _literals(arg[3])
            if inner is None:
                return None
            out = {s + t for s in out for t in inner}
        elif op is sre_c.BRANCH:
            alternatives = [_literals(branch) for branch in arg[1]]
            if any(a is None for a in alternatives):
                return None
            out = {s + t for s in out for a in alternatives for t in a}  # type: ignore[union-attr]
        else:
            return None
    return out


@functools.cache
def lexicon() -> dict[str, tuple[str, ...]]:
    """Word classes of the tables: signals, connectives, verbs, event nouns, cues."""
    connectives = load_table("connectives.toml")
    cues = load_table("context_cues.toml")
    verbs = load_table("events/verbs.toml")
    nouns = load_table("events/nominal_events.toml")
    past = set(cues["past"])
    for forms in verbs["irregular"].values():
        past.update(forms[0].split("|"))
    noun_words = set()
    for section in nouns.values():
        if isinstance(section, dict) and isinstance(section.get("words"), list):
            noun_words.update(w for w in section["words"] if isinstance(w, str))
    classes = {
        "signal": set(connectives["time"]) | set(cues["signals"]),
        "connective": set(connectives["event"]),
        "past": past,
        "lemma": set(verbs["regular"]["lemmas"]) | set(verbs["irregular"]),
        "noun": noun_words,
        "future": set(cues["future"]),
        "dateline": set(connectives["dateline"]["words"]),
    }
    return {k: tuple(sorted(v)) for k, v in classes.items()}


# --- sampling ---------------------------------------------------------------------------


def _cased(rng: random.Random, word: str) -> str:
    roll = rng.random()
    if roll < 0.25:
        return word.capitalize()
    if roll < 0.3:
        return word.upper()
    return word


def sample_regex(rng: random.Random, parsed: Any, ignore_case: bool = False) -> str:
    """A random string matched by a parsed regex (the grammar's terminals are simple ones)."""
    out = []
    for op, arg in parsed:
        if op is sre_c.LITERAL:
            ch = chr(arg)
            out.append(ch.upper() if ignore_case and rng.random() < 0.3 else ch)
        elif op is sre_c.NOT_LITERAL:
            out.append(rng.choice([c for c in "ax0 -" if ord(c) != arg]))
        elif op is sre_c.ANY:
            out.append(rng.choice("ax0 -"))
        elif op is sre_c.IN:
            out.append(_sample_set(rng, arg))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, inner = arg
            hi = min(hi, lo + 3)
            out.extend(sample_regex(rng, inner, ignore_case) for _ in range(rng.randint(lo, hi)))
        elif op is sre_c.SUBPATTERN:
            _group, add_flags, _del, inner = arg
            out.append(
                sample_regex(rng, inner, ignore_case or bool(add_flags & sre_c.SRE_FLAG_IGNORECASE))
            )
        elif op is sre_c.BRANCH:
            out.append(sample_regex(rng, rng.choice(arg[1]), ignore_case))
        # AT (anchors) and the like add no characters.
    return "".join(out)


def _sample_set(rng: random.Random, items: Any) -> str:
    choices = []
    for op, arg in items:
        if op is sre_c.LITERAL:
            choices.append(chr(arg))
        elif op is sre_c.RANGE:
            choices.append(chr(rng.randint(arg[0], arg[1])))
        elif op is sre_c.CATEGORY:
            choices.append(rng.choice("0a "))
    return rng.choice(choices) if choices else "x"


def grammar_phrase(rng: random.Random, max_depth: int = 9) -> str:
    """A random derivation of the grammar's entry rule: a phrase shaped like a time expression."""
    rules, terminals, height = _grammar()
    tokens: list[str] = []

    def expand(symbol: str, depth: int) -> None:
        if symbol in terminals:
            tokens.append(_cased(rng, sample_regex(rng, terminals[symbol])))
            return
        options = rules[symbol]
        if depth >= max_depth:  # go for the shortest way out
            best = min(1 + max((height.get(s, 1 << 30) for s in e), default=0) for e in options)
            options = [e for e in options if 1 + max((height.get(s, 1 << 30) for s in e),
                                                      default=0) == best]  # fmt: skip
        for s in rng.choice(options):
            expand(s, depth + 1)

    expand("start", 0)
    parts = [tokens[0]] if tokens else []
    for token in tokens[1:]:
        roll = rng.random()
        parts.append(" " if roll < 0.85 else "" if roll < 0.93 else rng.choice(["-", "  ", "\n"]))
        parts.append(token)
    return "".join(parts)


# Sentence frames of news prose, written for the fuzzer.  Slots: {T} a grammar phrase, {S} a
# time signal, {C} an event connective, {V} a past-tense verb, {L} a verb lemma, {N} an event
# noun, {F} a future cue, {D} a dateline word, {Y} a year.
NEWS_FRAMES = (
    "Officials said the {N} {V} {S} {T}.",
    "Two days later, rebels {V} the town, witnesses told reporters.",
    "Prices have risen since September, the ministry {V}.",
    "The {N} ended 1.5 years after the {N} began.",
    "Talks are expected to resume next winter, {S} {T}.",
    "The city was founded in 300 BC and will be {V} in the year 12000.",
    "The letter is dated February 30, {Y}, and was {V} {T}.",
    "Polls closed at 11:59 p.m. on {T}; counting began at 00:00 and ended at 14:30 GMT.",
    '"We {V} {T}," the commander said, adding that the {N} would {L} {T}.',
    "The ceasefire (agreed {T}) collapsed {C} the {N} {S} {T}.",
    "{D}: {T}\n\nMinisters {V} {S} {T}.",
    "By {T} the {N} had {V}, according to a statement released {T}.",
    "Witnesses reported a {N} {S} {T} and again {T}.",
    "The {N} {F} begin {T}, a spokesman said, {C} the {N}.",
    "It was the twenty-four-hour {N} of {Y}, the longest since the {N} of {T}.",
    "The {N} lasted for {T} before the {N} {V}.",
    "Between {T} and {T}, at least 30 people {V} in the {N}.",
    "Monday          {T} — the {N} {V}.",
    "In the 1990s and early 2000s the region {V}; {T} it {V} again.",
    "Schools reopen on {T}; the {N} is due to start {T}.",
    "Every Tuesday since {T} protesters have {V} outside parliament.",
    "The accord, signed in 1 BC according to the chronicle, {V} {T}.",
    "Late on {T} (local time), the {N} {V} near the border.",
    "Around 3 a.m. GMT {T}, the {N} was first reported.",
    "Three weeks earlier, on {T}, the {N} {V} - an official said.",
    "Second-quarter results for {Y}, released {T}, {V} analysts.",
    "The {N} at 2019-03-14T10:30 was {V} after midnight.",
    "Earlier this month the {N} {V}; next {T} it will {L}.",
    "He said he would return 'within days' - or {T} at the latest.",
    "[{T}] The {N}, {C} {T}, {V} {S} the {N}.",
    "The {N} {V} {T}, {T}, {T} and {T}.",
    "A {Y}-year-old was {V} on {T} in the {N} of {Y}/{Y}.",
)


def _fill(rng: random.Random, frame: str) -> str:
    words = lexicon()

    def slot(match: re.Match[str]) -> str:
        key = match.group(1)
        if key == "T":
            return grammar_phrase(rng)
        if key == "Y":
            return str(
                rng.choice([rng.randint(1, 2100), rng.randint(0, 99), rng.randint(1, 12000)])
            )
        name = {"S": "signal", "C": "connective", "V": "past", "L": "lemma", "N": "noun",
                "F": "future", "D": "dateline"}[key]  # fmt: skip
        return _cased(rng, rng.choice(words[name]))

    return re.sub(r"\{([A-Z])\}", slot, frame)


def news_text(rng: random.Random, max_sentences: int = 6) -> str:
    """One to a few news-like sentences, with paragraph breaks now and then."""
    parts = []
    for _ in range(rng.randint(1, max_sentences)):
        parts.append(_fill(rng, rng.choice(NEWS_FRAMES)))
        parts.append(rng.choice([" ", " ", " ", "\n", "\n\n", "\r\n", "  "]))
    return "".join(parts).rstrip()


# Code points by kind, weighted toward what breaks tokenizers: ASCII, spaces and controls,
# punctuation look-alikes, letters with marks, other scripts, astral, lone surrogates.
_CODE_RANGES = (
    (0x20, 0x7E, 40), (0x00, 0x1F, 6), (0x7F, 0xFF, 8), (0x2000, 0x206F, 6),
    (0x0300, 0x036F, 3), (0x0370, 0x3000, 8), (0x3000, 0xD7FF, 6), (0xD800, 0xDFFF, 1),
    (0xE000, 0xFFFF, 3), (0x10000, 0x10FFFF, 3),
)  # fmt: skip


def unicode_text(rng: random.Random, max_size: int = 300) -> str:
    """Arbitrary Unicode, lone surrogates included (a str may hold them)."""
    weights = [w for _lo, _hi, w in _CODE_RANGES]
    out = []
    for _ in range(rng.randint(0, max_size)):
        lo, hi, _w = rng.choices(_CODE_RANGES, weights)[0]
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def bytes_text(rng: random.Random, max_size: int = 300) -> str:
    """Raw bytes, mostly ASCII, decoded as the CLI's argv is: UTF-8 with surrogateescape."""
    data = bytes(
        rng.randint(0x20, 0x7E) if rng.random() < 0.7 else rng.randint(0, 255)
        for _ in range(rng.randint(0, max_size))
    )
    return data.decode("utf-8", "surrogateescape")


def spliced_text(rng: random.Random) -> str:
    """News sentences with grammar phrases, junk and odd whitespace spliced in at random places."""
    text = news_text(rng)
    for _ in range(rng.randint(1, 4)):
        piece = rng.choice([grammar_phrase, unicode_text, bytes_text, grammar_phrase])(rng)
        piece = piece[: rng.randint(1, 60)]
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(["", " ", "\n", "\t", "\u00a0"]) + piece + text[at:]
    return text


TEXT_KINDS = {
    "unicode": unicode_text,
    "bytes": bytes_text,
    "grammar": lambda rng: " ".join(grammar_phrase(rng) for _ in range(rng.randint(1, 4))),
    "news": news_text,
    "spliced": spliced_text,
}


def publication(rng: random.Random) -> dt.date | dt.datetime:
    """A publication date or datetime (naive or aware) anywhere in years 1-9999, edges favoured."""
    roll = rng.random()
    if roll < 0.35:
        day = dt.date.fromordinal(rng.randint(FIRST_DAY.toordinal(), LAST_DAY.toordinal()))
    elif roll < 0.55:  # the first and last years, leap days and year ends
        day = rng.choice([
            dt.date(1, 1, 1) + dt.timedelta(days=rng.randint(0, 400)),
            dt.date(9999, 12, 31) - dt.timedelta(days=rng.randint(0, 400)),
            dt.date(rng.choice([4, 1600, 2000, 2016, 2400, 9996]), 2, 29),
            dt.date(rng.randint(1, 9999), 12, 31),
            dt.date(rng.randint(1, 9999), 1, 1),
        ])  # fmt: skip
    else:
        day = dt.date(rng.randint(1900, 2100), rng.randint(1, 12), rng.randint(1, 28))
    kind = rng.random()
    if kind < 0.5:
        return day
    clock = dt.time(rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    if kind < 0.75:
        return dt.datetime.combine(day, clock)
    offset = dt.timedelta(minutes=rng.randint(-(24 * 60 - 1), 24 * 60 - 1))
    return dt.datetime.combine(day, clock, tzinfo=dt.timezone(offset))


def fuzz_input(rng: random.Random) -> tuple[str, str, dt.date | dt.datetime]:
    """(kind, text, publication) of one fuzz input."""
    kind = rng.choices(list(TEXT_KINDS), weights=[2, 2, 2, 3, 3])[0]
    return kind, TEXT_KINDS[kind](rng), publication(rng)


# --- the oracle ----------------------------------------------------------------------------


class Violation(AssertionError):
    """A broken invariant; ``kind`` names its class (for grouping failures)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


def _order(bound: Any) -> tuple[int, int] | None:
    # Dates, datetimes and FarDates on one axis: (day number, second of the day).
    if bound is None:
        return None
    if isinstance(bound, dt.datetime):
        return (bound.toordinal(), bound.hour * 3600 + bound.minute * 60 + bound.second)
    return (bound.toordinal(), 0)


def _ordered(kind: str, what: str, lo: Any, hi: Any) -> None:
    a, b = _order(lo), _order(hi)
    if a is not None and b is not None and a > b:
        raise Violation(kind, f"{what}: {lo.isoformat()} > {hi.isoformat()}")


@functools.cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


# XML 1.0's Char production: what a document can carry at all.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def check_pipeline(text: str, published: dt.date | dt.datetime) -> None:
    """Run every stage and output on one input; Violation for a broken invariant.

    A TimelineError from tag or extract propagates: a refusal, which they may give.
    """
    expressions = timeline.tag(text, published)
    for e in expressions:
        if not (0 <= e.start <= e.end <= len(text)) or text[e.start : e.end] != e.text:
            raise Violation("expression span", f"{e.tid} {e.text!r} at {e.start}-{e.end}")
        _ordered("expression bounds", f"{e.tid} {e.text!r} earliest > latest", e.earliest, e.latest)
    format_expressions(expressions, explain=True)

    tl = timeline.extract(text, published)
    for ev in tl.events:
        if not 0 <= ev.trigger_start <= ev.trigger_end <= len(text):
            raise Violation("event span", f"{ev.id} {ev.trigger!r} at {ev.trigger_start}")
        pairs = (("earliest_start", "latest_start"), ("earliest_end", "latest_end"),
                 ("earliest_start", "latest_end"))  # fmt: skip
        for lo, hi in pairs:
            _ordered("event bounds", f"{ev.id} {ev.trigger!r} {lo} > {hi}",
                     getattr(ev, lo), getattr(ev, hi))  # fmt: skip

    # From here on nothing may refuse: the outputs of a timeline extract gave must work.
    try:
        _check_outputs(tl, text, published)
    except TimelineError as exc:
        raise Violation("output refused", f"{type(exc).__name__}: {exc}") from None


def _check_outputs(tl: timeline.Timeline, text: str, published: dt.date | dt.datetime) -> None:
    for explain in (False, True):
        rendered = format_text(tl, explain=explain)
        if not isinstance(rendered, str):
            raise Violation("text render", f"format_text gave {type(rendered).__name__}")

    doc = json.loads(json.dumps(to_json(tl), allow_nan=False))
    error = next(iter(_validator().iter_errors(doc)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path)
        raise Violation("json schema", f"{where}: {error.message[:200]}")

    xml_text = timeline.to_timeml(tl, text=text)
    try:
        ET.fromstring(xml_text)
    except ET.ParseError as exc:
        raise Violation("timeml parse", str(exc)) from None
    back, day = timeline.read_timeml(xml_text)
    expected = _NOT_XML_CHAR.sub(" ", text)
    if back != expected:
        at = next((i for i, (a, b) in enumerate(zip(back, expected, strict=False)) if a != b),
                  min(len(back), len(expected)))  # fmt: skip
        raise Violation("timeml round trip", f"text differs at offset {at}: {back[at : at + 20]!r}")
    if day != publication_day(published):
        raise Violation("timeml round trip", f"creation time {day} for {published}")
