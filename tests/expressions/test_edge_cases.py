"""Odd input: clock formats, decimals, no-break spaces, numbers and dates at
the edges of the calendar. Each gets a result or a clear 'unresolved', never
a traceback."""

import datetime as dt

import pytest
from helpers import PUB, find

import timeline


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The polls close at 3:30 p.m.", "3:30 p.m.", "2016-01-25T15:30"),
        ("The polls close at 15:00.", "15:00", "2016-01-25T15:00"),
        ("The polls close at 3pm.", "3pm", "2016-01-25T15:00"),
        ("The polls close at 3.30 pm.", "3.30 pm", "2016-01-25T15:30"),
        ("The strike lasted 3.5 years.", "3.5 years", "P3Y6M"),
        ("The city was founded 2,000 years ago.", "2,000 years ago", "0016"),
        ("The pact was signed on 12\u00a0March 2015.", "12\u00a0March 2015", "2015-03-12"),
        ("The pact was signed two\u00a0days ago.", "two\u00a0days ago", "2016-01-23"),
    ],
)
def test_formats(sentence, extent, value):
    assert find(sentence, extent).value == value


@pytest.mark.parametrize("sentence", ["Call 555-1234 today!", "It happens every 0 days.",
                                      "It took 5 1/0 hours."])  # fmt: skip
def test_number_fragments_are_not_times(sentence):
    found = [e.text for e in timeline.tag(sentence, PUB)]
    assert "1234" not in found and "days" not in found and "hours" not in found


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("It began several millennia ago.", PUB),
        ("It ended 99999 years ago.", PUB),
        ("It returns 9999 years from now.", PUB),
        ("It ended 10000000000 years ago.", PUB),
        ("In the year " + "9" * 5000 + " it ends.", PUB),
        ("He will come tomorrow, next year, or on Sunday.", dt.date(9999, 12, 31)),
        ("It happened yesterday, in recent days.", dt.date(1, 1, 1)),
    ],
)
def test_out_of_range_arithmetic_is_reported_not_raised(sentence, published):
    for e in timeline.tag(sentence, published):
        if e.value is None:
            assert any("range" in note or "cannot" in note for note in e.notes)
    timeline.extract(sentence, published)  # the whole pipeline too


def test_last_day_python_can_hold():
    e = find("It ends on 9999-12-31.", "9999-12-31")
    assert e.earliest == dt.date(9999, 12, 31)
    assert e.latest.isoformat() == "+10000-01-01"


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("He will visit in early March.", "early March", "2016-03"),  # tense reaches modifiers
        ("The vote will be held in November.", "November", "2016-11"),  # passive future
        ("The army has advanced since March 1.", "March 1", "2015-03-01"),  # since: past
        ("In 2014 he left. He returned on the 12th.", "the 12th", "2016-01-12"),
    ],
)
def test_side_of_publication(sentence, extent, value):
    assert find(sentence, extent).value == value


def test_far_reference_leaves_anaphora_unresolved():
    found = timeline.tag("In 300 BC a city fell. Two years later it rose.", PUB)
    later = [e for e in found if e.text == "Two years later"][0]
    assert later.value is None and "outside the calendar" in later.notes[0]


@pytest.mark.parametrize(
    ("sentence", "mod", "lo", "hi"),
    [
        ("It was founded more than two years ago.", "BEFORE", None, "2014-01-25"),
        ("It was founded less than two years ago.", "AFTER", "2014-01-26", "2016-01-26"),
        ("It was founded at least two years ago.", "ON_OR_BEFORE", None, "2014-01-26"),
    ],
)
def test_bounded_amounts_open_one_side(sentence, mod, lo, hi):
    e = timeline.tag(sentence, PUB)[0]
    assert e.mod == mod
    assert e.earliest == (dt.date.fromisoformat(lo) if lo else None)
    assert e.latest == (dt.date.fromisoformat(hi) if hi else None)


def test_merged_unnamed_sources_keep_their_keys():
    from timeline.solver._extract import Source, extract_many

    tl = extract_many([Source("It rained on Monday.", dt.date(2016, 1, 27)),
                       Source("It rained on Monday.", dt.date(2016, 2, 3))])  # fmt: skip
    assert sorted(e.source for e in tl.events) == ["d1", "d2"]
    assert set(tl.published) == {"d1", "d2"}


def test_anchored_window_with_for_places_the_event():
    tl = timeline.extract("Prices have risen for the past three years.", PUB)
    risen = tl.events[0]
    assert risen.earliest_start == dt.date(2013, 1, 25)


@pytest.mark.parametrize(
    ("sentence", "extent", "value", "alternatives"),
    [
        ("A ruling on Friday.", "Friday", "2016-01-22", ("2016-01-29",)),
        ("It happened on 03/04/2015.", "03/04/2015", "2015-03-04", ("2015-04-03",)),
        ("It happened on 25/12/2015.", "25/12/2015", "2015-12-25", ()),
        ("The strike began in September.", "September", "2015-09", ("2016-09",)),
        ("The treaty was signed on 12 March 2015.", "12 March 2015", "2015-03-12", ()),
    ],
)
def test_ambiguity_is_shown_with_the_reading_not_taken(sentence, extent, value, alternatives):
    e = find(sentence, extent)
    assert (e.value, e.alternatives) == (value, alternatives)
