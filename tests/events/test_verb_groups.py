"""Verb-group reading (timeline.text._verb_groups), the tense of a clause read once.

The event stage builds its verbal events from these groups, and the
expression tagger asks ``clause_tense_at`` which side of the document date
"on Monday" falls on. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from timeline.text import split_sentences, tag_words
from timeline.text._verb_groups import (
    Aspect,
    Polarity,
    Tense,
    VerbGroup,
    Voice,
    clause_tense_at,
    governing_group,
    read_verb_groups,
    verb_groups,
)


def groups_of(text: str) -> list[VerbGroup]:
    (sentence,) = split_sentences(text)
    return verb_groups(text, sentence)


def written(text: str, group: VerbGroup) -> str:
    return text[group.start : group.end]


@pytest.mark.parametrize(
    ("text", "group", "tense", "aspect", "voice"),
    [
        ("Twelve houses have been destroyed by the flood.", "have been destroyed",
         Tense.PRESENT, Aspect.PERFECTIVE, Voice.PASSIVE),
        ("The ferry had left before dawn.", "had left", Tense.PAST, Aspect.PERFECTIVE,
         Voice.ACTIVE),
        ("The crews were clearing the road.", "were clearing", Tense.PAST, Aspect.PROGRESSIVE,
         Voice.ACTIVE),
        ("The mayor has been waiting for hours.", "has been waiting", Tense.PRESENT,
         Aspect.PERFECTIVE_PROGRESSIVE, Voice.ACTIVE),
        ("The bridge will be reopened.", "will be reopened", Tense.FUTURE, Aspect.NONE,
         Voice.PASSIVE),
        ("The treaty was signed in Lenz.", "was signed", Tense.PAST, Aspect.NONE, Voice.PASSIVE),
    ],
)  # fmt: skip
def test_tense_aspect_and_voice(
    text: str, group: str, tense: Tense, aspect: Aspect, voice: Voice
) -> None:
    (g,) = groups_of(text)
    assert (written(text, g), g.tense, g.aspect, g.voice) == (group, tense, aspect, voice)
    assert g.polarity is Polarity.POS


def test_negation_modal_and_cue() -> None:
    text = "The minister did not visit the valley, and the talks are due to begin."
    visit, begin = groups_of(text)
    assert (visit.lemma, visit.polarity, visit.tense) == ("visit", Polarity.NEG, Tense.PAST)
    assert written(text, begin) == "are due to begin"
    assert (begin.cue, begin.modality, begin.clause) == (("due", "to"), "due to", 1)


def test_modal_of_possibility_and_ellipsis() -> None:
    text = "She said the dam could fail, but he said he would."
    lemmas = [(g.lemma, g.modal, g.hypothetical, g.tense) for g in groups_of(text)]
    # the bare "would" has no head verb: no group
    assert lemmas == [
        ("say", None, False, Tense.PAST),
        ("fail", "could", True, Tense.NONE),
        ("say", None, False, Tense.PAST),
    ]


def test_copula_and_infinitive() -> None:
    text = "The match is on Saturday, to raise funds."
    is_, raise_ = groups_of(text)
    assert (is_.copula, is_.lemma, is_.tense) == (True, "be", Tense.PRESENT)
    assert (raise_.infinitive, raise_.tense, raise_.finite) == (True, Tense.NONE, False)


@pytest.mark.parametrize(
    ("text", "at", "tense", "voice"),
    [
        ("The treaty was signed on March 21 in Lenz.", "March", Tense.PAST, Voice.PASSIVE),
        ("The talks will be held on Friday.", "Friday", Tense.FUTURE, Voice.PASSIVE),
        ("The match is on Saturday.", "Saturday", Tense.PRESENT, Voice.ACTIVE),
        # the time comes first: the group after it governs
        ("On Monday the council will vote.", "Monday", Tense.FUTURE, Voice.ACTIVE),
        # the clause of the offset, not the sentence's first group
        ("Officials said that the bridge will reopen on Friday.", "Friday", Tense.FUTURE,
         Voice.ACTIVE),
    ],
)  # fmt: skip
def test_clause_tense_at(text: str, at: str, tense: Tense, voice: Voice) -> None:
    (sentence,) = split_sentences(text)
    group = clause_tense_at(text, sentence, text.index(at))
    assert group is not None
    assert (group.tense, group.voice) == (tense, voice)


def test_clause_tense_at_without_a_verb_is_none() -> None:
    text = "Monday, March 21."
    (sentence,) = split_sentences(text)
    assert clause_tense_at(text, sentence, 0) is None
    assert governing_group([], 5) is None


def test_reading_is_bounded_by_the_clause_range() -> None:
    text = "The rain will stop."
    (sentence,) = split_sentences(text)
    words = tag_words(text, sentence)
    will = next(i for i, w in enumerate(words) if w.norm == "will")
    # a range that ends before the main verb leaves a bare modal: no group
    assert read_verb_groups(words, 0, will + 1) == []
    assert [g.lemma for g in read_verb_groups(words)] == ["stop"]


def test_events_read_their_tense_from_the_verb_groups() -> None:
    import timeline.events as events

    assert (events.Tense, events.Aspect, events.Voice, events.Polarity) == (
        Tense,
        Aspect,
        Voice,
        Polarity,
    )
    text = (
        "Rescue teams said the road had been cleared, but the bridge will not reopen "
        "until the repairs, which are due to begin soon, are finished."
    )
    heads = {(g.lemma, g.end): g for s in split_sentences(text) for g in verb_groups(text, s)}
    verbal = [e for e in events.find_events(text) if e.pos is events.Pos.VERB]
    assert len(verbal) == 5
    for e in verbal:
        g = heads[(e.lemma, e.trigger_end)]
        assert (e.tense, e.aspect, e.voice, e.polarity, e.modality) == (
            g.tense,
            g.aspect,
            g.voice,
            g.polarity,
            g.modality,
        )
        assert e.verb_group == text[g.start : g.end]
