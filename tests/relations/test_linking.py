"""Linking a phrase to its event: answers, and work that stays linear in one sentence.

The linking queries (governing_event, next_event, the connective's matrix
verb, the noun a time modifies) bisect the sentence's event index instead of
scanning its events.  Nothing is timed: the events are counted as they are
read.  Every sentence here was written for these tests.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.events import Event, find_events
from timeline.expressions import tag
from timeline.relations import Document, constraints_for
from timeline.relations._connectives import _matrix_event
from timeline.relations._linking import governing_event, next_event
from timeline.text import Sentence, split_sentences

PUB = dt.date(2016, 1, 25)
UNIT = "the army attacked the village on Monday after the rebels left, "


class _Counted(Event):
    """An event that counts every attribute read of every instance."""

    reads = 0

    def __getattribute__(self, name: str) -> object:
        if not name.startswith("__"):
            type(self).reads += 1
        return super().__getattribute__(name)


def _document(text: str, *, one_sentence: bool = False) -> Document:
    """The stages' output for ``text``; with ``one_sentence`` the whole text is
    one sentence (past the sentence splitter's length cap), its events counted."""
    if one_sentence:
        sentences = [Sentence(0, 0, len(text), text=text)]
        events = [_Counted(**attrs.asdict(e, recurse=False)) for e in find_events(text, sentences)]
    else:
        sentences = split_sentences(text)
        events = find_events(text, sentences)
    return Document(text, PUB, tuple(tag(text, PUB)), tuple(sentences), tuple(events))


def _reads(units: int) -> tuple[int, int]:
    """(events, event attribute reads) of every rule over one sentence of ``units`` clauses."""
    text = "Officials said " + UNIT * units + "and the talks began."
    doc = _document(text, one_sentence=True)
    _Counted.reads = 0
    constraints_for(doc)
    return len(doc.events), _Counted.reads


def test_rules_read_each_event_a_bounded_number_of_times_in_a_long_sentence():
    small_events, small = _reads(40)
    large_events, large = _reads(160)
    assert large_events >= 3 * small_events  # the sentence does grow in events
    # Four times the events: about four times the reads (a scan per query: sixteen).
    assert large <= 5 * small


def _by_trigger(doc: Document, trigger: str, nth: int = 0) -> Event:
    return [e for e in doc.events if e.trigger == trigger][nth]


def test_governing_event_prefers_the_verb_before_in_its_clause():
    text = "Rebels seized the town on Sunday and troops left it."
    doc = _document(text)
    at = text.index("on Sunday")
    assert governing_event(doc, at, at + len("on Sunday")).trigger == "seized"


def test_governing_event_takes_the_verb_after_when_none_is_before():
    text = "On Sunday rebels seized the town."
    doc = _document(text)
    assert governing_event(doc, 0, len("On Sunday")).trigger == "seized"


def test_governing_event_leaves_out_a_trigger_inside_the_phrase():
    text = "The vote was held after the talks."
    doc = _document(text)
    talks = _by_trigger(doc, "talks")
    at = text.index("after")
    # The phrase covers "talks": the verb before it is chosen, never "talks".
    assert governing_event(doc, at, talks.trigger_end).trigger == "held"


def test_next_event_is_the_first_trigger_at_or_after_the_offset():
    text = "Rebels seized the town and troops left it."
    doc = _document(text)
    seized = _by_trigger(doc, "seized")
    assert next_event(doc, seized.trigger_start) is seized
    assert next_event(doc, seized.trigger_start + 1).trigger == "left"
    assert next_event(doc, len(text)) is None


def test_matrix_event_skips_the_introduced_event_and_its_complements():
    text = "Prices fell after officials said the bank failed."
    doc = _document(text)
    said = _by_trigger(doc, "said")
    assert _matrix_event(doc, text.index("after"), said).trigger == "fell"


@pytest.mark.parametrize(
    ("text", "trigger", "noun"),
    [
        ("The 1996 campaign failed.", "1996", "campaign"),
        ("Monday's ruling surprised lawyers.", "Monday", "ruling"),
    ],
)
def test_a_time_inside_a_noun_phrase_dates_its_noun(text, trigger, noun):
    doc = _document(text)
    links = {(str(c.b).split(".")[0], c.evidence.rule) for c in constraints_for(doc)}
    event = _by_trigger(doc, noun)
    assert (event.id, "time-within") in links, (trigger, links)


# --- The index gives the answers of a scan in text order ----------------------


def _scan_governing(doc: Document, offset: int, end_offset: int) -> Event | None:
    """governing_event as a scan over the sentence's events (its definition)."""
    candidates = doc.events_in(doc.sentence_of(offset))
    in_clause = [e for e in candidates if e.start <= offset < e.end]

    def inside(e: Event) -> bool:
        return offset <= e.trigger_start < end_offset

    def distance(e: Event) -> tuple[int, int]:
        if e.trigger_end <= offset:
            return (0, offset - e.trigger_end)
        return (1, e.trigger_start - end_offset)

    for pool in (in_clause, candidates):
        verbs = [e for e in pool if e.pos == "VERB" and not inside(e)]
        if verbs:
            return min(verbs, key=distance)
    rest = [e for e in candidates if not inside(e)]
    return min(rest, key=distance) if rest else None


def _scan_matrix(doc: Document, offset: int, other: Event) -> Event | None:
    verbs = [e for e in doc.events_in(doc.sentence_of(offset)) if e.pos == "VERB"
             and e.id != other.id and e.governor != other.id and other.governor != e.id]  # fmt: skip
    before = [e for e in verbs if e.trigger_end <= offset]
    if before:
        return max(before, key=lambda e: e.trigger_end)
    after = [e for e in verbs if e.trigger_start > other.trigger_end]
    return min(after, key=lambda e: e.trigger_start) if after else None


@st.composite
def _sentences(draw):
    """A one-sentence document of events with disjoint one-token triggers in
    text order, in disjoint clauses (as the events stage gives them)."""
    size = 120
    cuts = sorted(draw(st.sets(st.integers(1, size - 1), max_size=5)))
    clauses = list(zip([0, *cuts], [*cuts, size], strict=True))
    spots = sorted(draw(st.sets(st.integers(0, size // 3 - 1), max_size=25)))
    events: list[Event] = []
    for n, spot in enumerate(spots):
        a = 3 * spot
        b = a + draw(st.integers(1, 3))
        lo, hi = next(c for c in clauses if c[0] <= a < c[1])
        governor = draw(st.sampled_from([None] + [e.id for e in events]))
        events.append(Event(f"e{n + 1}", "x" * (b - a), a, trigger_end=b, start=lo, end=hi,
                            description="", sentence=0, clause=clauses.index((lo, hi)),
                            lemma="x", verb_group="x", tense="PAST", aspect="NONE",
                            pos=draw(st.sampled_from(["VERB", "NOUN"])), governor=governor))  # fmt: skip
    text = "x" * size
    return Document(text, PUB, (), (Sentence(0, 0, size, text=text),), tuple(events))


@given(_sentences(), st.data())
def test_the_index_answers_as_the_scan_does(doc, data):
    offset = data.draw(st.integers(0, 120))
    end_offset = data.draw(st.integers(offset, 120))
    assert governing_event(doc, offset, end_offset) is _scan_governing(doc, offset, end_offset)
    later = [e for e in doc.events if e.trigger_start >= offset]
    assert next_event(doc, offset) is (later[0] if later else None)
    for other in doc.events:
        assert _matrix_event(doc, offset, other) is _scan_matrix(doc, offset, other)
