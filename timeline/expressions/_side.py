"""The side of publication a bare date points to, from the text stage's reading.

Takes the text (and its ``TextAnalysis`` when the caller has read it) and an
expression's span; gives "past", "future" or None from the tense of the
verb group that governs the expression (``timeline.text``: sentences, word
tags, clauses, verb groups), so the tagger and the event stage read one
tense for a clause.  "The deal was signed on March 21": PAST, the past
side; "The vote is on Saturday": PRESENT, a schedule, the future side.  The
text is read only when a resolver asks for a side, and then only the
sentences asked about, each once, and the verb groups of the clauses looked at.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from timeline._data import load_table
from timeline._errors import DataTableError
from timeline.expressions._context import possessive_after, tense_direction
from timeline.expressions._resolution import ClauseSide
from timeline.expressions._tables import context_cues, within_signals
from timeline.text import (
    Sentence,
    TaggedWord,
    TextAnalysis,
    clause_token_ranges,
    clause_word_ranges,
    sentence_around,
    split_sentences,
    tag_words,
)
from timeline.text._verb_groups import (
    Aspect,
    Tense,
    VerbGroup,
    Voice,
    governing_group,
    read_verb_groups,
)

_PERFECT = frozenset({Aspect.PERFECTIVE, Aspect.PERFECTIVE_PROGRESSIVE})

# Two line breaks in one run of white space, or a paragraph separator: the
# gaps at which split_sentences always ends a sentence (text/_sentences.py).
_PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+|[\u2028\u2029]")
# The same without the separators: opening with a literal, it is searched
# for seven times faster, so it serves a text that holds no separator.
_BLANK_LINE = re.compile(r"\n(?:[^\S\n]*\n)+")


def group_side(group: VerbGroup) -> str | None:
    """The side of publication a finite verb group points to, or None.

    A perfect ("has been signed", "had been due to expire") points back; a
    planning cue ("were planning to drive", "is due to begin") forward; then
    a past tense back; a future, a modal ("could resume") or a present ("is
    on Saturday", "reopens on Monday": news tells what is done in the past
    tense, so a present with a date is a schedule) forward.
    """
    if group.aspect in _PERFECT:
        return "past"
    if group.cue:
        return "future"
    if group.tense is Tense.PAST:
        return "past"
    if group.tense in (Tense.FUTURE, Tense.PRESENT) or group.modal:
        return "future"
    return None


class _SentenceGroups:
    """A sentence's verb groups, read clause by clause when first asked for
    (most expressions need the groups of one or two of its clauses)."""

    def __init__(self, words: Sequence[TaggedWord], ranges: list[tuple[int, int]]) -> None:
        self._words = words
        self._ranges = ranges
        self._read: dict[int, list[VerbGroup]] = {}
        # where each clause starts (None for a clause without words)
        self.clause_starts = [words[lo].start if lo < len(words) else None for lo, _ in ranges]

    def clause(self, ci: int) -> list[VerbGroup]:
        """The verb groups of clause ``ci``."""
        if ci not in self._read:
            lo, hi = self._ranges[ci]
            self._read[ci] = read_verb_groups(self._words, lo, hi, ci)
        return self._read[ci]

    def all(self) -> list[VerbGroup]:
        return [g for ci in range(len(self._ranges)) for g in self.clause(ci)]

    def ending_by(self, offset: int) -> VerbGroup | None:
        """The last verb group of the sentence that ends at or before ``offset``:
        clause by clause back from the last that starts before it (a group
        ends after its clause starts)."""
        for ci in range(len(self._ranges) - 1, -1, -1):
            start = self.clause_starts[ci]
            if start is None or start >= offset:
                continue
            for group in reversed(self.clause(ci)):
                if group.end <= offset:
                    return group
        return None


class ClauseReading:
    """The sides of publication of one text's expressions, read on demand."""

    def __init__(self, text: str, analysis: TextAnalysis | None = None) -> None:
        self._text = text
        self._analysis = analysis
        self._paragraphs = _Paragraphs(text)
        self._groups: dict[int, _SentenceGroups] = {}  # by sentence start
        self._sides: dict[tuple[int, int], ClauseSide] = {}
        self._side_by_end: dict[int, ClauseSide] = {}  # the sides read, by end offset

    def side(
        self, start: int, end: int, left: int | None = None, signal: str | None = None
    ) -> ClauseSide:
        """The side of publication of the expression at text[start:end]; its
        signal word ("on" of "on Friday"), if any, is ``signal`` at ``left``."""
        key = (start, end)
        if key not in self._sides:
            left = start if left is None else left
            side = self._conjoined_side(left)
            if side is None:
                side = self._read_side(start, end, left, signal)
            self._sides[key] = self._side_by_end[end] = side
        return self._sides[key]

    def _conjoined_side(self, left: int) -> ClauseSide | None:
        """The side of the date joined to this one by "and"/"or" ("made Friday
        and Thursday": both past), when that date's side has been read."""
        window = self._text[max(0, left - 32) : left]  # bounded: linear in the text
        before = window.rstrip()
        word = before[before.rfind(" ") + 1 :]
        if not word or word.casefold() not in context_cues().conjunctions:
            return None
        return self._side_by_end.get(left - len(window) + len(before[: -len(word)].rstrip()))

    def _read_side(self, start: int, end: int, left: int, signal: str | None) -> ClauseSide:
        if possessive_after(self._text, end):
            return ClauseSide("past")  # "Wednesday's ruling": the time of an event reported
        groups = self._sentence_groups(start)
        if groups is not None:
            before = _group_just_before(groups, self._text, left)
            if _points_ahead(groups, before, signal):
                return ClauseSide("future", direct=True)
            if before is None:
                governing = _clause_group(groups, start)
                # a scheduling verb sets the time after it, not one before it
                # ("On Friday, when she set aside her plans, ...": past)
                ahead = governing is not None and governing.end <= start
                if ahead and _points_ahead(groups, governing, signal, scheduling=True):
                    return ClauseSide("future")  # "postponed the hearing until Tuesday"
                if governing is not None and governing.finite:
                    return ClauseSide(group_side(governing))
            elif before.finite or (before.voice is Voice.PASSIVE and not before.infinitive):
                # "said Friday", "was signed on March 21"; a past participle
                # ("the statements made Friday") tells of a done event
                side = group_side(before) if before.finite else "past"
                return ClauseSide(side, direct=_is_its_time(before, signal))
        # No finite verb governs the expression (a headline "Talks Friday", an
        # infinitive "set to resume Monday"): only then do the cue words decide.
        return ClauseSide(tense_direction(self._text, start, end))

    def _sentence_groups(self, offset: int) -> _SentenceGroups | None:
        sentence = self._sentence_at(offset)
        if sentence is None:
            return None
        if sentence.start not in self._groups:
            self._groups[sentence.start] = _SentenceGroups(*self._words_and_ranges(sentence))
        return self._groups[sentence.start]

    def _sentence_at(self, offset: int) -> Sentence | None:
        if self._analysis is not None:
            return self._analysis.sentence_at(offset)
        return self._paragraphs.sentence_at(offset)

    def _words_and_ranges(
        self, sentence: Sentence
    ) -> tuple[Sequence[TaggedWord], list[tuple[int, int]]]:
        """The sentence's tagged words and its clauses' word ranges."""
        if self._analysis is not None:
            words = self._analysis.words(sentence.index)
            return words, clause_token_ranges(words, self._analysis.clauses(sentence.index))
        words = tag_words(self._text, sentence)
        return words, clause_word_ranges(words)


def _group_just_before(groups: _SentenceGroups, text: str, left: int) -> VerbGroup | None:
    """The verb group that ends just before ``left`` (only spaces between),
    in any clause: the text stage starts the clause of "announced Wednesday
    that ..." at the time, yet the time belongs to the verb before it."""
    group = groups.ending_by(left)
    return None if group is None or text[group.end : left].strip() else group


@functools.cache
def _side_verbs() -> dict[str, frozenset[str]]:
    table = load_table("side_verbs.toml")
    keys = ("intention", "scheduling", "deferral", "deferral_signals")
    try:
        return {k: frozenset(w.casefold() for w in table[k]) for k in keys}
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataTableError(f"side_verbs.toml: a missing or malformed list ({exc})") from exc


def _points_ahead(
    groups: _SentenceGroups, verb: VerbGroup | None, signal: str | None, scheduling: bool = False
) -> bool:
    """Whether ``verb`` (just before a date, or governing it across an object when
    ``scheduling``) makes the date the time of an event to come: an infinitive
    of intention ("planned to leave on Thursday"), a deferral ("postponed
    until Tuesday"), a scheduling verb ("has scheduled a news conference Thursday")."""
    if verb is None:
        return False
    verbs = _side_verbs()
    if verb.infinitive:
        governor = groups.ending_by(verb.start)  # the infinitive's governor
        return governor is not None and governor.lemma in verbs["intention"]
    if signal is not None and signal.casefold() in verbs["deferral_signals"]:
        # a past perfect tells of a deferral before a past time: "had been delayed until Friday"
        past_perfect = verb.tense is Tense.PAST and verb.aspect in _PERFECT
        return verb.lemma in verbs["deferral"] and not past_perfect
    return scheduling and verb.finite and verb.lemma in verbs["scheduling"]


def _is_its_time(group: VerbGroup, signal: str | None) -> bool:
    """Whether the time just after a verb group is the time of its event:
    after a signal like "on" ("signed on March 21", not "extended until March
    6"), or with none after a passive ("was last seen Nov. 3"; an active verb
    may take it as its object: "has set Nov. 10 as the deadline")."""
    if signal is not None:
        return signal.casefold() in within_signals()
    return group.voice is Voice.PASSIVE


def _clause_group(groups: _SentenceGroups, offset: int) -> VerbGroup | None:
    """The group governing offset in its clause (the whole sentence's groups
    when that clause has none), chosen as ``clause_tense_at`` does."""
    ci = 0
    for i, start in enumerate(groups.clause_starts):
        if start is not None and start <= offset:
            ci = i
    candidates = groups.clause(ci) if ci < len(groups.clause_starts) else []
    return governing_group(candidates or groups.all(), offset)


class _Paragraphs:
    """The text stage's sentences of the paragraphs asked about.

    A blank line or a paragraph separator always ends a sentence
    (``split_sentences``), so splitting one paragraph gives the sentences the
    whole text has there, at the cost of that paragraph only.  Their
    ``index`` counts within the paragraph.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._bounds: list[int] | None = None  # paragraph starts and ends, interleaved
        self._split: dict[int, tuple[list[int], list[Sentence]]] = {}

    def sentence_at(self, offset: int) -> Sentence | None:
        lo, hi = self._paragraph(offset)
        if lo not in self._split:
            try:  # most paragraphs hold one or two expressions that need a side
                return sentence_around(self._text, offset, lo, hi)
            except LookupError:
                pass  # a giant run: split the paragraph once, as below
            sentences = [
                Sentence(s.index, s.start + lo, s.end + lo, text=s.text)
                for s in split_sentences(self._text[lo:hi])
            ]
            self._split[lo] = ([s.start for s in sentences], sentences)
        starts, sentences = self._split[lo]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < sentences[i].end:
            return sentences[i]
        return None

    def _paragraph(self, offset: int) -> tuple[int, int]:
        """[start, end) of the paragraph holding offset (between two breaks)."""
        if self._bounds is None:
            self._bounds = [0]
            text = self._text
            separated = "\u2028" in text or "\u2029" in text
            for m in (_PARAGRAPH_BREAK if separated else _BLANK_LINE).finditer(text):
                self._bounds += [m.start(), m.end()]
            self._bounds.append(len(self._text))
        i = bisect.bisect_right(self._bounds, offset) - 1
        i -= i % 2  # inside a break: the paragraph before it
        return self._bounds[i], self._bounds[i + 1]
