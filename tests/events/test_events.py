"""Clause-level event detection (timeline.events).

The article and sentences below were written for these tests: they use the
constructions of a typical conflict / disaster news story (perfect passives,
reported speech, planned events, nominal events with temporal signals) with
made-up places and events.
"""

from __future__ import annotations

import random
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline._errors import InputError
from timeline.events import (
    Aspect,
    Event,
    EventClass,
    Polarity,
    Pos,
    Status,
    Tense,
    Voice,
    find_events,
)
from timeline.text import split_sentences

ARTICLE = """\
Storm Aurel: floods 'leave 12 dead' across northern valleys

Rescue services say at least 40 people injured in landslides blocking roads in the north of the region

Heavy rains that have swollen rivers across the region are reported to have destroyed dozens \
of homes in recent days.

Supported by army helicopters, rescue teams reached Vellano in the upper valley on Saturday, \
a mountain village which will let them reopen the main road to hamlets cut off by the water.

But to the south, officials in the port city of Marren said that in the past week as many as \
300 families have been evacuated from the coastal districts amid rising tides. The regional \
authority said 12 people, including two firefighters, were killed after four days of torrential \
rain hitting the coast.

Engineers have been working on the dam near the town of Osta since early January. The floods \
follow warnings that the river has breached its banks in several places, flooding farmland.

To the east, the reopening of the bridge at Lenz, together with the ferry line which was \
restored earlier this week, allows trucks to carry supplies towards the mountain towns where \
volunteers distribute food.

The government has pledged funds for the region \u2013 one of its poorest \u2013 since the storm \
began battering the coast in December.

The collapse of the bridge comes weeks before national elections are due to take place in \
March. A donor conference was scheduled to open today, but has been postponed amid disputes \
over which agencies will lead the effort.

The repairs are expected to take months, but will be hampered by shortages of building \
materials. The minister did not visit the area.
"""


@pytest.fixture(scope="module")
def article_events() -> list[Event]:
    return find_events(ARTICLE)


def pick(events: list[Event], trigger: str, nth: int = 0) -> Event:
    found = [e for e in events if e.trigger == trigger]
    assert len(found) > nth, f"no event {trigger!r} #{nth} in {[e.trigger for e in events]}"
    return found[nth]


# trigger, occurrence, expected attributes
ARTICLE_CASES = [
    ("swollen", 0, dict(tense=Tense.PRESENT, aspect=Aspect.PERFECTIVE)),
    ("reported", 0, dict(event_class=EventClass.REPORTING, voice=Voice.PASSIVE)),
    ("destroyed", 0, dict(tense=Tense.NONE, aspect=Aspect.PERFECTIVE, status=Status.REPORTED)),
    ("Supported", 0, dict(tense=Tense.NONE, voice=Voice.PASSIVE)),
    ("reached", 0, dict(tense=Tense.PAST, status=Status.ASSERTED)),
    ("let", 0, dict(tense=Tense.FUTURE, modality="will", status=Status.PLANNED)),
    ("evacuated", 0, dict(tense=Tense.PRESENT, aspect=Aspect.PERFECTIVE, voice=Voice.PASSIVE)),
    ("killed", 0, dict(tense=Tense.PAST, voice=Voice.PASSIVE, status=Status.REPORTED)),
    ("working", 0, dict(tense=Tense.PRESENT, aspect=Aspect.PERFECTIVE_PROGRESSIVE)),
    ("floods", 0, dict(pos=Pos.NOUN, tense=Tense.NONE)),
    ("follow", 0, dict(tense=Tense.PRESENT, pos=Pos.VERB)),
    ("breached", 0, dict(tense=Tense.PRESENT, aspect=Aspect.PERFECTIVE)),
    ("reopening", 0, dict(pos=Pos.NOUN)),
    ("restored", 0, dict(tense=Tense.PAST, voice=Voice.PASSIVE)),
    ("allows", 0, dict(tense=Tense.PRESENT, event_class=EventClass.I_ACTION)),
    ("pledged", 0, dict(tense=Tense.PRESENT, aspect=Aspect.PERFECTIVE)),
    ("began", 0, dict(tense=Tense.PAST, event_class=EventClass.ASPECTUAL)),
    ("collapse", 0, dict(pos=Pos.NOUN)),
    ("elections", 0, dict(pos=Pos.NOUN, status=Status.PLANNED)),
    ("take", 0, dict(tense=Tense.PRESENT, modality="due to", status=Status.PLANNED)),
    ("open", 0, dict(tense=Tense.PAST, modality="scheduled to", status=Status.PLANNED)),
    (
        "postponed",
        0,
        dict(tense=Tense.PRESENT, aspect=Aspect.PERFECTIVE, voice=Voice.PASSIVE),
    ),
    ("take", 1, dict(modality="expected to", status=Status.PLANNED)),
    ("hampered", 0, dict(tense=Tense.FUTURE, voice=Voice.PASSIVE, status=Status.PLANNED)),
    ("visit", 0, dict(tense=Tense.PAST, polarity=Polarity.NEG, status=Status.NEGATED)),
]


# The headline and deck are page furniture in the article (no events there);
# read alone, each line is story text and is tagged like any other.
HEAD_LINES = ARTICLE.split("\n\n")[:2]
HEAD_CASES = [
    (0, "leave", dict(tense=Tense.PRESENT, pos=Pos.VERB)),
    (1, "say", dict(event_class=EventClass.REPORTING, tense=Tense.PRESENT)),
    (1, "injured", dict(tense=Tense.PAST, status=Status.REPORTED)),
]


@pytest.mark.parametrize(("line", "trigger", "expected"), HEAD_CASES)
def test_headline_lines_read_alone(line: int, trigger: str, expected: dict) -> None:
    event = pick(find_events(HEAD_LINES[line]), trigger)
    for name, value in expected.items():
        assert getattr(event, name) == value, (trigger, name, event)


def test_headline_and_deck_give_no_events(article_events: list[Event]) -> None:
    head_end = ARTICLE.index("Heavy rains")
    assert [e.trigger for e in article_events if e.trigger_start < head_end] == []
    deck = find_events(HEAD_LINES[1])
    assert pick(deck, "injured").governor == pick(deck, "say").id  # "services say ... injured"


@pytest.mark.parametrize(("trigger", "nth", "expected"), ARTICLE_CASES)
def test_article_events(
    article_events: list[Event], trigger: str, nth: int, expected: dict
) -> None:
    event = pick(article_events, trigger, nth)
    for name, value in expected.items():
        assert getattr(event, name) == value, (trigger, name, event)


def test_article_governors(article_events: list[Event]) -> None:
    by_id = {e.id: e for e in article_events}

    def governor_of(trigger: str, nth: int = 0) -> str | None:
        gov = pick(article_events, trigger, nth).governor
        return by_id[gov].trigger if gov else None

    assert governor_of("destroyed") == "reported"  # "are reported to have destroyed"
    assert governor_of("battering") == "began"  # "began battering"
    assert governor_of("carry") == "allows"  # "allows trucks to carry"
    assert governor_of("evacuated") == "said"  # "officials ... said that ..."
    assert governor_of("killed") == "said"
    assert governor_of("reached") is None


def test_article_nominal_events(article_events: list[Event]) -> None:
    nouns = {e.trigger for e in article_events if e.pos is Pos.NOUN}
    # signalled: "the X of Y", subject of "follow"/"comes", subject of "due to"
    assert {"reopening", "collapse", "elections", "conference"} <= nouns
    # no signal: "the main road", "food", "funds" are not events
    assert not {"road", "food", "funds", "region"} & nouns


def test_article_has_no_junk_events(article_events: list[Event]) -> None:
    triggers = [e.trigger for e in article_events]
    assert "Storm" not in triggers  # headline noun, not an imperative
    assert "services" not in triggers  # "Rescue services say": the verb is "say"


def test_ids_offsets_and_order(article_events: list[Event]) -> None:
    assert [e.id for e in article_events] == [f"e{i}" for i in range(1, len(article_events) + 1)]
    starts = [e.trigger_start for e in article_events]
    assert starts == sorted(starts)
    sentences = split_sentences(ARTICLE)
    for e in article_events:
        assert ARTICLE[e.trigger_start : e.trigger_end] == e.trigger
        assert e.start <= e.trigger_start < e.trigger_end <= e.end
        s = sentences[e.sentence]
        assert s.start <= e.start and e.end <= s.end
        assert e.governor is None or e.governor in {x.id for x in article_events}


def test_descriptions_are_short(article_events: list[Event]) -> None:
    for e in article_events:
        words = [w for w in e.description.split() if w != "\u2026"]
        assert 1 <= len(words) <= 14, e.description
        assert "\n" not in e.description
    assert pick(article_events, "reached").description.startswith("rescue teams reached Vellano")
    assert pick(article_events, "restored").description == "which was restored earlier this week"


# --------------------------------------------------------------------------
# One construction per row
# --------------------------------------------------------------------------

CONSTRUCTIONS = [
    # sentence, trigger, expected attributes
    (
        "Dozens of homes have been destroyed.",
        "destroyed",
        dict(tense=Tense.PRESENT, aspect=Aspect.PERFECTIVE, voice=Voice.PASSIVE),
    ),
    (
        "The pier had collapsed before dawn.",
        "collapsed",
        dict(tense=Tense.PAST, aspect=Aspect.PERFECTIVE),
    ),
    (
        "Crews were clearing the road.",
        "clearing",
        dict(tense=Tense.PAST, aspect=Aspect.PROGRESSIVE),
    ),
    (
        "The ferry will be repaired.",
        "repaired",
        dict(tense=Tense.FUTURE, voice=Voice.PASSIVE, status=Status.PLANNED, modality="will"),
    ),
    (
        "The mayor would resign.",
        "resign",
        dict(tense=Tense.NONE, modality="would", status=Status.HYPOTHETICAL),
    ),
    (
        "Engineers could close the dam.",
        "close",
        dict(tense=Tense.NONE, modality="could", status=Status.HYPOTHETICAL),
    ),
    (
        "The vote is due to start on Monday.",
        "start",
        dict(tense=Tense.PRESENT, modality="due to", status=Status.PLANNED),
    ),
    (
        "The summit was set to open in May.",
        "open",
        dict(tense=Tense.PAST, modality="set to", status=Status.PLANNED),
    ),
    (
        "Ministers are expected to sign the accord.",
        "sign",
        dict(tense=Tense.PRESENT, modality="expected to", status=Status.PLANNED),
    ),
    (
        "The company is going to be sold.",
        "sold",
        dict(modality="going to", status=Status.PLANNED, voice=Voice.PASSIVE),
    ),
    (
        "The army did not withdraw.",
        "withdraw",
        dict(tense=Tense.PAST, polarity=Polarity.NEG, status=Status.NEGATED),
    ),
    (
        "The rebels haven't left the town.",
        "left",
        dict(tense=Tense.PRESENT, aspect=Aspect.PERFECTIVE, status=Status.NEGATED),
    ),
    (
        "If the levee breaks, the town floods.",
        "breaks",
        dict(tense=Tense.PRESENT, status=Status.HYPOTHETICAL),
    ),
    ("Police said the suspect fled.", "fled", dict(tense=Tense.PAST, status=Status.REPORTED)),
    ("The suspect fled, police said.", "fled", dict(tense=Tense.PAST, status=Status.REPORTED)),
    (
        "According to witnesses, the convoy turned back.",
        "turned",
        dict(tense=Tense.PAST, status=Status.REPORTED),
    ),
    (
        "The agency announced it had seized the cargo.",
        "seized",
        dict(tense=Tense.PAST, aspect=Aspect.PERFECTIVE, status=Status.REPORTED),
    ),
    ("The firm agreed to sell the plant.", "sell", dict(tense=Tense.NONE, status=Status.PLANNED)),
    ("They tried to escape.", "escape", dict(status=Status.HYPOTHETICAL)),
    (
        "The guns stopped firing at noon.",
        "stopped",
        dict(tense=Tense.PAST, event_class=EventClass.ASPECTUAL),
    ),
    ("He believes the talks failed.", "believes", dict(event_class=EventClass.I_STATE)),
    ("Witnesses saw the tower fall.", "saw", dict(event_class=EventClass.PERCEPTION)),
    ("Residents fled after the shelling.", "shelling", dict(pos=Pos.NOUN, tense=Tense.NONE)),
    ("Two soldiers died during the raid.", "raid", dict(pos=Pos.NOUN)),
    ("The strike ended after two weeks of talks.", "talks", dict(pos=Pos.NOUN)),
    ("The talks on Monday collapsed.", "talks", dict(pos=Pos.NOUN)),
    ("The fall of the city came in June.", "fall", dict(pos=Pos.NOUN)),
    ("Nine miners trapped underground", "trapped", dict(pos=Pos.VERB)),
    # noun/verb ambiguity and "that" clauses of reporting / modal nouns
    (
        "The strikes follow claims that the mine has closed.",
        "follow",
        dict(tense=Tense.PRESENT, pos=Pos.VERB),
    ),
    (
        "The strikes follow claims that the mine has closed.",
        "closed",
        dict(aspect=Aspect.PERFECTIVE, status=Status.REPORTED),
    ),
    ("Farmers voiced fears that the dam will break.", "break", dict(status=Status.HYPOTHETICAL)),
    ("Relief agencies say 200 people died.", "say", dict(event_class=EventClass.REPORTING)),
    ("The new curfew rules apply from Monday.", "apply", dict(tense=Tense.PRESENT)),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected"), CONSTRUCTIONS)
def test_constructions(sentence: str, trigger: str, expected: dict) -> None:
    event = pick(find_events(sentence), trigger)
    for name, value in expected.items():
        assert getattr(event, name) == value, (sentence, name, event)


NOT_EVENTS = [
    # copulas, possession, prepositional participles, adjectives, nouns
    ("There were reports of looting.", "were"),
    ("The firm has three plants.", "has"),
    ("The group is based in Lyon.", "based"),
    ("Sales rose, compared with last year.", "compared"),
    ("The flagging economy slowed.", "flagging"),
    ("The old bridge collapsed.", "bridge"),
    ("The junk market fell.", "market"),
    ("The plan is to rebuild the school.", "plan"),
]


@pytest.mark.parametrize(("sentence", "word"), NOT_EVENTS)
def test_not_events(sentence: str, word: str) -> None:
    assert word not in [e.trigger for e in find_events(sentence)]


def test_governor_links() -> None:
    events = find_events("The rebels were claimed to have seized the base.")
    claimed, seized = pick(events, "claimed"), pick(events, "seized")
    assert seized.governor == claimed.id
    assert seized.status is Status.REPORTED
    events = find_events("The troops began shelling the hills.")
    assert pick(events, "shelling").governor == pick(events, "began").id


def test_tense_label_folds_perfect() -> None:
    (e,) = [x for x in find_events("The bridge has been rebuilt.") if x.trigger == "rebuilt"]
    assert e.tense is Tense.PRESENT and e.tense_label is Tense.PRESENT_PERFECT
    (e,) = [x for x in find_events("The bridge had been rebuilt.") if x.trigger == "rebuilt"]
    assert e.tense_label is Tense.PAST_PERFECT
    assert str(Tense.PAST) == "PAST" and str(Status.PLANNED) == "PLANNED"


def test_nominal_policies() -> None:
    text = "The decision angered farmers, and the offer was withdrawn after the vote."
    signalled = {e.trigger for e in find_events(text)}
    everything = {e.trigger for e in find_events(text, nominals="all")}
    verbs_only = {e.trigger for e in find_events(text, nominals="none")}
    assert "vote" in signalled and "decision" not in signalled  # "after" is a signal
    assert {"decision", "offer", "vote"} <= everything
    assert not {"decision", "offer", "vote"} & verbs_only
    assert {"angered", "withdrawn"} <= verbs_only


def test_bad_input() -> None:
    with pytest.raises(InputError):
        find_events(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        find_events("text", nominals="some")
    assert find_events("") == []
    assert find_events("   \n\n ") == []


def test_precomputed_sentences_give_the_same_events() -> None:
    assert find_events(ARTICLE, split_sentences(ARTICLE)) == find_events(ARTICLE)


def test_event_is_frozen_and_validated() -> None:
    (e,) = [x for x in find_events("The dam broke.") if x.trigger == "broke"]
    with pytest.raises(AttributeError):
        e.tense = Tense.PAST  # type: ignore[misc]
    with pytest.raises(ValueError):
        Event(
            "e1",
            "x",
            0,
            trigger_end=1,
            start=0,
            end=1,
            description="x",
            sentence=0,
            clause=0,
            lemma="x",
            verb_group="x",
            tense="SOMETIME",
            aspect="NONE",
        )


# --------------------------------------------------------------------------
# Properties and robustness
# --------------------------------------------------------------------------

_WORDS = st.sampled_from(
    "the talks were due to begin after attack said have been killed will not , . ; "
    "Mr. Feb. 5 which that and but 'kill' \" ( ) \u2013 bombing capture of fall U.S. it's".split()
)


@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_invariants_on_any_text(text: str) -> None:
    events = find_events(text)
    assert events == find_events(text)  # deterministic
    ids = {e.id for e in events}
    for n, e in enumerate(events, 1):
        assert e.id == f"e{n}"
        assert text[e.trigger_start : e.trigger_end] == e.trigger
        assert e.start <= e.trigger_start and e.trigger_end <= e.end
        assert e.governor is None or (e.governor in ids and e.governor != e.id)


@pytest.mark.parametrize(
    "text",
    [
        "." * 100_000,
        "\n \t" * 30_000,
        "said the talks began, " * 3_000,
        bytes(random.Random(3).randrange(256) for _ in range(50_000)).decode("latin-1"),
    ],
    ids=["dots", "whitespace", "repetitive", "binary"],
)
def test_pathological_input_is_fast(text: str) -> None:
    t0 = time.perf_counter()
    events = find_events(text)
    assert time.perf_counter() - t0 < 4.0
    assert all(re.fullmatch(r"e\d+", e.id) for e in events)


def test_events_from_a_shared_reading_are_the_same() -> None:
    from timeline.text import read

    text = (
        "Rebels seized the bridge on Saturday. The army said it would retake it.\n\n"
        "Talks, which had collapsed in May, resumed on Monday after the ceasefire."
    )
    analysis = read(text)
    assert find_events(text, analysis=analysis) == find_events(text)
    # the reading's tagged words were used, not computed again
    assert all(w is not None for w in analysis._words)


def test_a_reading_of_another_text_is_refused() -> None:
    from timeline.text import read

    with pytest.raises(InputError):
        find_events("Troops left on Sunday.", analysis=read("Something else happened."))
