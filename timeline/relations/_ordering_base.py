"""What the ordering rules share: ``grammars/ordering.toml``, the ``Order`` a rule
decides for a pair of events, and the words around an event they read.

Takes the data file and a ``Document``; gives the cue tables (``ordering``),
the first word of an event's clause (``clause_opener``), the connective heading
a sentence (``sentence_connective``) and the reporting and "later" tests of an
event (``is_report``, ``is_later``).
"""

from __future__ import annotations

import functools
import re

import attrs

from timeline._data import load_table
from timeline._errors import DataTableError
from timeline.events import Event, EventClass, Polarity, Pos, Status, Tense
from timeline.relations._constraint import MEDIUM, WEAK
from timeline.relations._document import Document

# How firmly a rule's order holds.  ENTAILED rules (measured precision of at
# least 0.85 on development data) are firm evidence.  The likely ones are
# marked as assumptions and kept out of the firm network and of the dates
# (``Timeline``); their strengths sit just above WEAK, in the order of their
# measured precision, so that they outweigh the older weak defaults of
# narrative order in a conflict and, where two of them disagree through the
# network, the better one is kept.
ENTAILED = MEDIUM
LIKELY_STRENGTHS = {
    "reported-later": WEAK + 8,
    "reported-event": WEAK + 8,
    "complement-order": WEAK + 7,
    "clause-order": WEAK + 6,
    "report-order": WEAK + 5,
    "tense-order": WEAK + 4,
    "sentence-connective": WEAK + 3,
    "narrative-default": WEAK + 1,
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@attrs.frozen
class Order:
    """A rule's decision for two events ``first`` and ``second`` (text order).

    ``order`` is how first's start stands to second's: "before", "after" or
    "same".  ``interval`` says the whole of the earlier event precedes the
    later one (end before start), not only its start.  ``spans`` are the
    words read; ``strength`` is ENTAILED or one of ``LIKELY_STRENGTHS``.
    """

    rule: str
    order: str
    spans: tuple[tuple[int, int], ...]
    strength: int
    interval: bool = False


@functools.cache
def ordering() -> dict[str, dict[str, object]]:
    """The sections of ordering.toml, cue words casefolded."""
    table = load_table("ordering.toml")
    for section in ("clause", "contrast", "connective", "complement"):
        if section not in table:
            raise DataTableError(f"ordering.toml: missing [{section}]")
    return table


@functools.cache
def clause_cues() -> dict[str, str]:
    """Clause-opening word -> its kind ("earlier", "temporal", "contrastive", "later")."""
    cues: dict[str, str] = {}
    for kind, words in ordering()["clause"].items():
        for word in words:  # type: ignore[attr-defined]
            cues[str(word).casefold()] = kind
    return cues


@functools.cache
def _connectives() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(cue words, kind) for every sentence connective, longest first."""
    found = [
        (tuple(str(w).casefold().split()), kind)
        for kind, words in ordering()["connective"].items()
        for w in words  # type: ignore[attr-defined]
    ]
    return tuple(sorted(found, key=lambda c: -len(c[0])))


def words_at(text: str, lo: int, hi: int, n: int) -> list[re.Match[str]]:
    """The first ``n`` words of text[lo:hi]."""
    out = []
    for match in _WORD.finditer(text, lo, hi):
        out.append(match)
        if len(out) == n:
            break
    return out


def clause_opener(doc: Document, event: Event) -> re.Match[str] | None:
    """The first word of the event's clause, when it comes before the trigger."""
    cache: dict[str, re.Match[str] | None] = doc.memo("ordering-openers", dict)
    if event.id not in cache:
        found = words_at(doc.text, event.start, event.trigger_start, 1)
        cache[event.id] = found[0] if found else None
    return cache[event.id]


def sentence_connective(doc: Document, sentence: int) -> tuple[str, tuple[int, int]] | None:
    """(kind, span) of the connective heading a sentence ("Then", "Two days later,")."""
    cache: dict[int, tuple[str, tuple[int, int]] | None] = doc.memo("ordering-heads", dict)
    if sentence not in cache:
        cache[sentence] = _connective_at(doc, sentence)
    return cache[sentence]


@functools.cache
def _connectives_by_word() -> dict[str, tuple[tuple[int, tuple[str, ...], str], ...]]:
    """(rank in ``_connectives``, cue, kind) of the cues beginning with each word."""
    index: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for rank, (cue, kind) in enumerate(_connectives()):
        index.setdefault(cue[0], []).append((rank, cue, kind))
    return {word: tuple(found) for word, found in index.items()}


def _connective_at(doc: Document, sentence: int) -> tuple[str, tuple[int, int]] | None:
    if not 0 <= sentence < len(doc.sentences):
        return None
    s = doc.sentences[sentence]
    head = words_at(doc.text, s.start, s.end, 4)
    words = [m.group().casefold() for m in head]
    # The first cue of ``_connectives`` (longest first) that matches at the
    # head, or after one word for a multiword cue ("Two days later"); only
    # the cues that begin with one of those two words can.
    by_word = _connectives_by_word()
    candidates = [(rank, 0, cue, kind) for rank, cue, kind in by_word.get(words[0], ())] if words else []
    if len(words) > 1:
        candidates += [(rank, 1, cue, kind) for rank, cue, kind in by_word.get(words[1], ())
                       if len(cue) > 1]  # fmt: skip
    for _rank, at, cue, kind in sorted(candidates):
        if tuple(words[at : at + len(cue)]) == cue:
            return kind, (head[at].start(), head[at + len(cue) - 1].end())
    return None


def is_report(event: Event) -> bool:
    """A positive reporting verb ("said", "told"), the anchor of what it reports."""
    # Identity on the enums (the event's converters make them so): no str() per call.
    return (event.event_class is EventClass.REPORTING and event.pos is Pos.VERB
            and event.polarity is Polarity.POS)  # fmt: skip


def is_later(event: Event) -> bool:
    """A future, planned or intended event ("will meet", "plans to hold")."""
    return event.status is Status.PLANNED or event.tense_label is Tense.FUTURE


PAST_TENSES = (Tense.PAST, Tense.PAST_PERFECT, Tense.PRESENT_PERFECT)
