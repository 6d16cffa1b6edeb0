"""Merging the mentions of one happening, across articles and within one.
Every sentence here was written for these tests."""

import datetime as dt

import pytest

from timeline.relations import ORIGIN
from timeline.solver._extract import Source, extract, extract_many
from timeline.solver._merge import (
    MERGE_STRENGTH,
    SAME_HAPPENING,
    happenings,
    known_names,
    participants,
    related,
    stem,
)

P = dt.date(2020, 2, 4)
MONDAY = "Finance Minister Ana Korbel resigned on Monday after a week of questions."


def _many(*texts, merge=True):
    return extract_many([Source(t, P, n) for t, n in zip(texts, "abcdef", strict=False)],
                        merge=merge)  # fmt: skip


def _triggers(tl, group):
    return sorted((tl.event(i).source, tl.event(i).trigger) for i in group)


@pytest.mark.parametrize("a, b, same", [
    ("resign", "resignation", True),
    ("elect", "election", True),
    ("explode", "explosion", True),
    ("depart", "departure", True),
    ("vote", "voting", True),
    ("close", "closure", True),
    ("present", "prevent", False),
    ("attack", "attend", False),
    ("announce", "annoy", False),
])  # fmt: skip
def test_related_triggers(a, b, same):
    assert related(stem(a), stem(b)) is same


@pytest.mark.parametrize("clause, names", [
    ("Finance Minister Ana Korbel resigned", {"korbel"}),
    ("Transport Minister Ivo Marsh resigned", {"marsh"}),
    ("The Kelling Bridge carries 30,000 vehicles", {"bridge", "30000"}),
    ("the storm hit St Anne's school", {"anne"}),
    ("officials said", set()),
])  # fmt: skip
def test_participants_are_names_and_numbers(clause, names):
    assert participants(clause, 0, len(clause), []) == names


def test_a_lone_capital_at_a_sentence_start_is_a_name_only_if_the_text_knows_it():
    text = "Officials said it. Korbel resigned. Finance Minister Ana Korbel left."
    known = known_names(text)
    assert "officials" not in known and "korbel" in known
    assert participants(text, 0, 17, [], known) == set()
    assert participants(text, 19, 34, [], known) == {"korbel"}


def test_participants_skip_time_expressions():
    clause = "Korbel resigned in March 2020"
    at = clause.index("March")
    assert participants(clause, 0, len(clause), [(at, len(clause))]) == {"korbel"}


def test_two_articles_on_one_resignation_merge_with_the_intersection_of_their_bounds():
    tl = _many(MONDAY, "Ana Korbel resigned earlier this month, her office said.")
    [group] = happenings(tl)
    assert _triggers(tl, group) == [("a", "resigned"), ("b", "resigned")]
    a, b = (tl.event(i) for i in group)
    # "earlier this month" alone allows any day of it; the merge narrows it to Monday.
    assert b.earliest_start == a.earliest_start == dt.date(2020, 2, 3)
    assert b.latest_end == a.latest_end == dt.date(2020, 2, 4)
    alone = extract("Ana Korbel resigned earlier this month, her office said.", P)
    first = next(e for e in alone.events if e.trigger == "resigned")
    assert first.earliest_start < dt.date(2020, 2, 3)


def test_different_people_do_not_merge():
    tl = _many(MONDAY, "Transport Minister Ivo Marsh resigned on Monday.")
    assert happenings(tl) == []


def test_different_fires_do_not_merge():
    tl = _many("A fire destroyed a warehouse in Dunmore on Saturday.",
               "A fire destroyed the gym of St Anne's school in Castlebay on Wednesday.")  # fmt: skip
    assert happenings(tl) == []


def test_a_contradiction_between_sources_is_a_conflict_naming_both():
    # Two shared names: the same resignation, on two days; the sources contradict.
    tl = _many("Finance Minister Ana Korbel resigned on Monday in a letter to Lev Dragan.",
               "Ana Korbel resigned on Friday in a letter to Prime Minister Lev Dragan.")
    assert len(happenings(tl)) == 1
    dropped = [k for k in tl.conflicts if k.dropped.evidence.rule == SAME_HAPPENING]
    assert dropped and all(k.dropped.strength == MERGE_STRENGTH for k in dropped)
    points = {str(p).split(".")[0] for k in dropped for c in k.cycle for p in (c.a, c.b)
              if c.evidence.rule == "time-within" and p is not ORIGIN}  # fmt: skip
    assert points == {"d1", "d2"}


def test_within_one_article_the_same_happening_told_twice_merges():
    text = ("Ana Korbel resigned on Monday. Parliament debated the bond sale for hours. "
            "Korbel resigned after a week of questions about the sale.")  # fmt: skip
    tl = extract(text, P)
    [group] = happenings(tl)
    assert [tl.event(i).sentence for i in sorted(group, key=lambda i: tl.event(i).start)] == [0, 2]
    second = max((tl.event(i) for i in group), key=lambda e: e.start)
    assert second.earliest_start == dt.date(2020, 2, 3)


def test_one_sentence_never_merges_with_itself():
    tl = extract("Korbel resigned on Monday and Korbel resigned again on Friday.", P)
    assert happenings(tl) == []


def test_plain_reports_of_speech_stay_apart():
    tl = _many("Officials said the Kelling port reopened on Monday.",
               "Officials said the Kelling port reopened on Monday.")  # fmt: skip
    merged = [_triggers(tl, g) for g in happenings(tl)]
    assert [("a", "reopened"), ("b", "reopened")] in merged
    assert all(t != "said" for g in merged for _s, t in g)


def test_merge_can_be_turned_off():
    tl = _many(MONDAY, "Ana Korbel resigned this week.", merge=False)
    assert happenings(tl) == []
    assert not any(c.evidence.rule == SAME_HAPPENING for c in tl.constraints)


def test_many_mentions_of_one_verb_stay_linear():
    text = " ".join(f"Korbel resigned in {1900 + i}." for i in range(300))
    tl = extract(text, P)
    merges = [c for c in tl.constraints if c.evidence.rule == SAME_HAPPENING]
    assert len(merges) <= 2 * 300


def test_within_one_article_sayings_and_unplaced_mentions_stay_apart():
    text = ("Korbel said on Monday that the sale was legal. Dragan disagreed on Tuesday. "
            "Korbel said on Monday that she would stay.")  # fmt: skip
    assert happenings(extract(text, P)) == []
    text = "Ana Korbel resigned on Monday. Parliament met. If Korbel resigned, nobody noticed."
    assert happenings(extract(text, P)) == []


def test_a_merge_never_makes_an_order_entailed():
    tl = _many(MONDAY, "Ana Korbel resigned earlier this month.")
    [group] = happenings(tl)
    assert all(c.strength <= 20 for c in tl.constraints if c.evidence.rule == SAME_HAPPENING)
    answer = tl.relation(*group)
    assert str(answer) == "unknown" or answer.confidence != "entailed"
