"""The text timeline: bounds at the grain of the evidence, an order that never goes
back in time, the publication block, one line per happening.  Every sentence here
was written for these tests."""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.output._evidence import Placement, _strict, reader_rule
from timeline.output._lines import lines_of, sort_key
from timeline.output._render import format_text
from timeline.relations import ORIGIN, Constraint, Evidence

PUBLISHED = dt.date(2019, 6, 12)


def _text(text, explain=True):
    return format_text(timeline.extract(text, PUBLISHED), explain=explain)


@pytest.mark.parametrize("text", [
    "The plant closed on 3 March 2014.",
    "The previous strike, in 2014, lasted eleven days; it ended on 3 March 2014.",
    "Employers met union leaders yesterday. The walkout began on May 27.",
])  # fmt: skip
def test_day_evidence_gives_days_not_minute_artefacts(text):
    out = _text(text)
    assert not re.search(r"T\d\d:\d\d|\d\d:\d\d", out), out
    assert "by the end of" in out


def test_day_bounds_of_one_day_event():
    out = _text("The plant closed on 3 March 2014.")
    assert "start by the end of 2014-03-03" in out
    assert "end on or after 2014-03-03" in out


def test_a_clock_time_only_where_the_text_gives_one():
    out = _text("The two sides will meet on Friday at 10 a.m. The plant closed on 3 March 2014.")
    meet = next(line for line in out.splitlines() if "meet" in line and not line.startswith(" "))
    assert meet.startswith("2019-06-14 10:00 ")
    assert "start on or after 2019-06-14 10:00" in out
    assert "10:01" not in out
    closed = next(line for line in out.splitlines() if "closed" in line)
    assert closed.startswith("2014-03-03 ") and ":" not in closed.split()[1]


def test_a_strict_order_is_not_a_minute_of_evidence():
    ev = Evidence("report-order")
    assert _strict(Constraint("e1.start", "e2.start", 1, evidence=ev))
    assert not _strict(Constraint(ORIGIN, "e2.start", 1, evidence=ev))
    assert not _strict(Constraint("e1.start", "e2.start", 1, hi=5, evidence=ev))


def test_publication_only_events_get_their_own_block_after_the_chronology():
    out = _text("A spokesman said the talks were useful. The plant closed on 3 March 2014.",
                explain=False)  # fmt: skip
    lines = out.splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("Placed only against"))
    said = next(i for i, line in enumerate(lines) if "spokesman said" in line)
    closed = next(i for i, line in enumerate(lines) if "closed" in line)
    assert closed < heading < said


def test_undated_block_comes_last():
    tl = timeline.extract("The plant closed on 3 March 2014. Workers hoped for a deal.", PUBLISHED)
    sections = [ln.section for ln in lines_of(tl)]
    assert sections == sorted(sections, key=("dated", "publication", "undated").index)


def test_noun_and_verb_of_one_clause_are_one_line():
    out = _text("The walkout began on May 27.", explain=False)
    assert sum("walkout" in line for line in out.splitlines()) == 1


def test_dateline_is_dropped_and_the_subject_kept():
    out = _text("ROTTERDAM, Wednesday 12 June 2019 - Dock workers voted on Tuesday to extend "
                "the strike.", explain=False)  # fmt: skip
    assert "ROTTERDAM" not in out.split("\n", 1)[1]
    assert "Dock workers voted on Tuesday" in out


def test_explain_names_rules_for_a_reader_with_the_id():
    out = _text("A spokesman said the talks were useful. The plant closed on 3 March 2014.")
    assert "the time expression contains it [time-within]" in out
    assert "[reporting-day]" in out and "(assumed: the text does not say)" in out


@pytest.mark.parametrize("rule, words", [
    ("time-within", "the time expression contains it [time-within]"),
    ("time-somewhere", "placed by a time expression [time-somewhere]"),
    ("tense-past", "past tense: over by publication [tense-past]"),
    ("no-such-rule", "no-such-rule"),
])  # fmt: skip
def test_reader_rule(rule, words):
    assert reader_rule(rule) == words


def test_every_rule_has_a_reader_phrase():
    from timeline.relations._rules import RULES

    assert [name for name, _rule in RULES if reader_rule(name) == name] == []


@pytest.mark.parametrize("when, key", [
    ("2014", (2014, 1, 1, 0, 0)),
    ("by 2019-05-27", (2019, 5, 27, 0, 0)),
    ("since 2015-01", (2015, 1, 1, 0, 0)),
    ("2019-06-14 10:00", (2019, 6, 14, 10, 0)),
    ("-0099-01-01 .. 0001-12-31", (-99, 1, 1, 0, 0)),
])  # fmt: skip
def test_sort_key_is_the_first_date_shown(when, key):
    assert sort_key(when) == key


SENTENCES = [
    "The plant closed on 3 March 2014.",
    "Employers met union leaders yesterday.",
    "The walkout began on May 27, after two weeks of failed negotiations.",
    "Freight volumes have fallen every month this year.",
    "The two sides will meet on Friday at 10 a.m.",
    "Prices have risen since March.",
    "A spokesman said the talks were useful.",
    "The army retreated in 2015 and returned two years later.",
    "Unions plan a march next Monday.",
    "Ships have been diverted in recent days.",
]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
def test_the_chronology_never_goes_back_in_time(chosen):
    tl = timeline.extract(" ".join(chosen), PUBLISHED)
    placement = Placement(tl)
    for section in ("dated", "publication"):
        keys = [sort_key(ln.when) for ln in lines_of(tl, placement) if ln.section == section]
        assert keys == sorted(keys)
    out = format_text(tl, explain=True)
    assert "T23:59" not in out and ":01" not in out
