"""One event per happening: mentions of the same happening, across articles and within one.

Takes the events of every document (with the first solution's bounds) and
gives "same-happening" constraints that make two mentions one interval
(start = start, end = end).  Solved with the rest, the merged mentions get the
intersection of their evidence; when the sources contradict each other the
solver drops a merge constraint (they are weaker than any stated date) and
reports the conflict, whose cycle holds the evidence of both sources.

Two mentions are one happening when
  - their triggers are the same word or related ones ("resigned",
    "resignation": one stem once a derivational ending is taken off);
  - they share a participant in their clauses: a name (the last word of a run
    of capitalised words) or a number that is not part of a time expression;
  - their bounds can overlap (or, with two shared participants, even when they
    cannot: the contradiction is then reported);
  - within one article, more strictly: the same word, no saying, and both
    placed on the calendar (measured on TBAQ: looser merges there cost
    event-event precision);
  - they are told alike (both as fact, or both as plans) and are not in one
    sentence; a report of speech ("conceded") needs the same word and bounds
    that can overlap (a bare "officials said" names no one and never merges).

``happenings(tl)`` reads the groups back from a timeline's constraints.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from timeline._data import load_table
from timeline.relations import ORIGIN, WEAK, Constraint, Evidence
from timeline.solver._solution import Solution

__all__ = ["MERGE_STRENGTH", "SAME_HAPPENING", "happenings", "known_names", "merge_constraints",
           "participants", "related", "stem"]

SAME_HAPPENING = "same-happening"
# A default (WEAK): a merge gives way to what a source states, and, like the other
# defaults, shapes the bounds but never makes an order "entailed" (Timeline.relation).
MERGE_STRENGTH = WEAK
# Each mention is compared with at most this many earlier ones of its stem, so
# the step stays linear on a corpus that repeats one verb thousands of times.
_WINDOW = 24
_STEM_KEY = 5
# Derivational endings taken off before comparing triggers (longest first).
_SUFFIXES = ("ations", "ation", "itions", "ition", "ions", "ion", "ments", "ment", "ures", "ure",
             "ings", "ing", "als", "al", "ed", "es", "s", "e")  # fmt: skip
_FACTUAL = {"ASSERTED": "fact", "REPORTED": "fact", "PLANNED": "plan"}
_CAP = r"[A-Z][\w'\u2019-]*"
_NAME = re.compile(rf"{_CAP}(?:[ \t]+{_CAP})*|\d[\d,.]*\d|\d")


class _EventLike(Protocol):
    trigger: str
    lemma: str
    start: int
    end: int
    sentence: int
    status: Any
    event_class: Any


def stem(lemma: str) -> str:
    """The trigger without a derivational ending: 'resignation', 'resign' -> 'resign'."""
    word = lemma.casefold()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def related(a: str, b: str) -> bool:
    """Whether two stems name one happening: one is the other, or they share five letters."""
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= _STEM_KEY and a[:_STEM_KEY] == b[:_STEM_KEY] and (a.startswith(b) or b.startswith(a)
                                                                  or n >= 6)  # fmt: skip


@functools.cache
def _function_words() -> frozenset[str]:
    table = load_table("events/function_words.toml")
    return frozenset(w.casefold() for section in table.values() if isinstance(section, dict)
                     for w in section.get("words", ()) if isinstance(w, str))  # fmt: skip


def _initial(text: str, at: int) -> bool:
    """Whether a word starts a sentence (so its capital says nothing about a name)."""
    before = text[max(0, at - 4) : at].rstrip(" \t\"'\u201c\u2018(")
    return not before or before[-1] in ".!?\n:"


def known_names(text: str) -> frozenset[str]:
    """Words capitalised where a sentence does not start, or within a run of capitals:
    a lone capitalised first word ("Officials said") counts only if it is one of these."""
    found = set()
    for m in _NAME.finditer(text):
        words = m.group().split()
        if words[0][:1].isupper() and (len(words) > 1 or not _initial(text, m.start())):
            found.update(w.casefold() for w in words)
    return frozenset(found)


def participants(text: str, start: int, end: int, times: Sequence[tuple[int, int]],
                 known: frozenset[str] | None = None) -> frozenset[str]:  # fmt: skip
    """Names and numbers of a clause, outside its time expressions: of a run of
    capitalised words its last ("Finance Minister Ana Korbel" -> "korbel", so that two
    ministers are not one person), and each number.  With ``known`` (``known_names``
    of the document) a lone capitalised first word of a sentence counts only if known."""
    found = set()
    stop = _function_words()
    for m in _NAME.finditer(text, start, end):
        if any(lo < m.end() and m.start() < hi for lo, hi in times):
            continue
        words = m.group().split()
        last = words[-1].casefold()
        if (known is not None and len(words) == 1 and last[:1].isalpha()
                and _initial(text, m.start()) and last not in known):  # fmt: skip
            continue
        for mark in ("'s", "\u2019s"):
            last = last.removesuffix(mark)
        if last not in stop:
            found.add(last.replace(",", ""))
    return frozenset(found)


class _Mention:
    __slots__ = ("eid", "source", "event", "key", "names", "lo", "hi", "told")

    def __init__(self, eid: str, source: str, event: _EventLike, names: frozenset[str],
                 lo: int | None, hi: int | None) -> None:  # fmt: skip
        self.eid, self.source, self.event, self.names = eid, source, event, names
        self.key = stem(event.lemma or event.trigger)
        self.lo, self.hi = lo, hi
        self.told = _FACTUAL.get(str(event.status))


def _placed(m: _Mention) -> bool:
    return m.lo is not None and m.hi is not None


def _overlap(a: _Mention, b: _Mention) -> bool:
    return not ((a.hi is not None and b.lo is not None and a.hi <= b.lo)
                or (b.hi is not None and a.lo is not None and b.hi <= a.lo))  # fmt: skip


def _same(a: _Mention, b: _Mention) -> bool:
    if a.told != b.told or (a.source, a.event.sentence) == (b.source, b.event.sentence):
        return False
    if not related(a.key, b.key):
        return False
    shared = len(a.names & b.names)
    if a.source == b.source:
        # Told twice in one article: one word, no saying (a person says many things in
        # one story), and both placed on the calendar where they can meet.
        return (a.key == b.key and "REPORTING" not in (str(a.event.event_class),
                str(b.event.event_class)) and shared >= 1 and _placed(a) and _placed(b)
                and _overlap(a, b))  # fmt: skip
    if "REPORTING" in (str(a.event.event_class), str(b.event.event_class)):
        # A saying is one only when named alike: "Venn conceded" twice, not
        # "said" and "statement"; and never against its own date.
        return a.key == b.key and shared >= 1 and _overlap(a, b)
    return shared >= 2 or (shared >= 1 and _overlap(a, b))


# Time expressions are short: one that overlaps a clause starts at most this far before it.
_LONGEST_TIME = 200


def _overlapping(times: Sequence[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The (start, end) spans of ``times`` (in text order) that overlap [lo, hi), by bisection."""
    i = bisect.bisect_left(times, (lo - _LONGEST_TIME, 0))
    out = []
    while i < len(times) and times[i][0] < hi:
        if times[i][1] > lo:
            out.append(times[i])
        i += 1
    return out


def _mentions(rows: Iterable[tuple[str, _EventLike, str]], texts: dict[str, str],
              times: dict[str, list[tuple[int, int]]], solution: Solution) -> list[_Mention]:  # fmt: skip
    out = []
    # A name any of the texts writes as one ("Prime Minister Lev Dragan") is a name in all.
    known = frozenset().union(*(known_names(t) for t in texts.values()))
    for source, event, eid in rows:
        if str(event.status) not in _FACTUAL:
            continue
        text = texts.get(source, "")
        spans = _overlapping(times.get(source, ()), event.start, event.end)
        names = participants(text, event.start, event.end, spans, known)
        if not names:
            continue
        lo, hi = solution.earliest(f"{eid}.start"), solution.latest(f"{eid}.end")
        out.append(_Mention(eid, source, event, names, lo, hi))
    return out


def merge_constraints(rows: Sequence[tuple[str, _EventLike, str]], texts: dict[str, str],
                      times: dict[str, list[tuple[int, int]]],
                      solution: Solution) -> list[Constraint]:  # fmt: skip
    """Constraints that make the mentions of one happening one interval.

    ``rows`` are (source, event, id in the network); ``times`` the (start, end)
    of each source's time expressions; ``solution`` the network solved without
    merges, whose bounds say which mentions can overlap.
    """
    buckets: dict[str, list[_Mention]] = {}
    out: list[Constraint] = []
    for m in _mentions(rows, texts, times, solution):
        bucket = buckets.setdefault(m.key[:_STEM_KEY], [])
        match = next((o for o in reversed(bucket[-_WINDOW:]) if _same(o, m)), None)
        bucket.append(m)
        if match is None:  # each mention joins at most one earlier: a happening is a chain
            continue
        words = f"{match.event.trigger} = {m.event.trigger}"
        shared = sorted(match.names & m.names)
        ev = Evidence(SAME_HAPPENING, words, description=f"shared: {', '.join(shared)}")
        for point in ("start", "end"):  # the names interned, as the rules' are
            a, b = sys.intern(f"{match.eid}.{point}"), sys.intern(f"{m.eid}.{point}")
            out.append(Constraint(a, b, 0, hi=0, evidence=ev, strength=MERGE_STRENGTH))
    return out


def happenings(tl: Any) -> list[list[str]]:
    """Groups of event ids merged as one happening (each group in timeline order)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in tl.constraints:
        if c.evidence.rule != SAME_HAPPENING or c.a is ORIGIN or c.b is ORIGIN:
            continue
        a, b = str(c.a).rsplit(".", 1)[0], str(c.b).rsplit(".", 1)[0]
        parent[find(a)] = find(b)
    if not parent:
        return []
    groups: dict[str, list[str]] = {}
    for e in tl.events:
        if e.id in parent:
            groups.setdefault(find(e.id), []).append(e.id)
    return [g for g in groups.values() if len(g) > 1]
