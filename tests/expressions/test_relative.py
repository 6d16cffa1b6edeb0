"""Deictic and anaphoric expressions against PUB (Monday 2016-01-25)."""

import pytest
from helpers import d, find, only

CASES = [
    # sentence, extent, value, earliest, latest
    ("It rained today.", "today", "2016-01-25", "2016-01-25", "2016-01-26"),
    ("It rained yesterday.", "yesterday", "2016-01-24", "2016-01-24", "2016-01-25"),
    ("It will rain tomorrow.", "tomorrow", "2016-01-26", "2016-01-26", "2016-01-27"),
    ("Rebels seized the town on Sunday.", "Sunday", "2016-01-24", "2016-01-24", "2016-01-25"),
    ("The mayor resigned last week.", "last week", "2016-W03", "2016-01-18", "2016-01-25"),
    ("Exports have grown this month.", "this month", "2016-01", "2016-01-01", "2016-02-01"),
    ("Elections are due next year.", "next year", "2017", "2017-01-01", "2018-01-01"),
    ("The plant closed two days ago.", "two days ago", "2016-01-23", "2016-01-23", "2016-01-24"),
    ("The rules changed last September.", "last September", "2015-09", "2015-09-01", "2015-10-01"),
    ("The talks resumed this morning.", "this morning", "2016-01-25TMO", None, None),
    ("Riots broke out last night.", "last night", "2016-01-24TNI", None, None),
    ("Shops stayed open over the weekend.", "the weekend", "2016-W03-WE", "2016-01-23", "2016-01-25"),
    ("The deal was agreed earlier this month.", "earlier this month", "2016-01", "2016-01-01", "2016-01-25"),
    ("A vote is expected later this year.", "later this year", "2016", "2016-01-26", "2017-01-01"),
    ("Unemployment peaked in late 2013.", "late 2013", "2013", None, "2014-01-01"),
    ("The war ended in mid-1999.", "mid-1999", "1999", None, None),
    ("Sales were flat in the fourth quarter.", "the fourth quarter", "2015-Q4", "2015-10-01", "2016-01-01"),
    ("Growth has slowed over the past three years.", "the past three years", "P3Y", "2013-01-25", "2016-01-26"),
    ("The new line opens in three weeks, officials say it will be on time.", "three weeks", "2016-W07", None, None),
]


@pytest.mark.parametrize(("sentence", "extent", "value", "lo", "hi"), CASES)
def test_deictic(sentence, extent, value, lo, hi):
    e = find(sentence, extent)
    assert e.value == value
    if lo is not None:
        assert e.earliest == d(lo)
    if hi is not None:
        assert e.latest == d(hi)


def test_signal_is_not_part_of_extent():
    e = only("Rebels seized the town on Sunday.")
    assert (e.text, e.signal) == ("Sunday", "on")
    assert "Rebels seized the town on Sunday."[e.signal_start : e.signal_end] == "on"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The talks began on Monday.", "2016-01-25"),  # the publication day counts
        ("The talks will resume on Monday.", "2016-01-25"),
        ("The museum reopens on Thursday.", "2016-01-28"),
        ("The museum reopened on Thursday.", "2016-01-21"),
        ("Ministers will meet on Friday.", "2016-01-29"),
        ("Ministers met on Friday.", "2016-01-22"),
        ("Ministers will meet next Tuesday.", "2016-01-26"),
        ("Ministers met last Monday.", "2016-01-18"),
    ],
)
def test_weekday_direction_follows_tense(sentence, value):
    e = only(sentence)
    assert e.value == value


def test_month_direction_follows_tense():
    assert only("The strike began in September.").value == "2015-09"
    assert only("The strike will begin in September.").value == "2016-09"


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The dam failed on 3 May 2010. Two days later, the valley flooded.", "Two days later", "2010-05-05"),
        ("The dam failed on 3 May 2010. The next day, the army arrived.", "The next day", "2010-05-04"),
        ("The dam failed on 3 May 2010. A week earlier, engineers warned.", "A week earlier", "2010-W17"),
        ("The dam failed in May 2010. That month, 200 families left.", "That month", "2010-05"),
        ("The dam failed in 2010. The following year, it was rebuilt.", "The following year", "2011"),
        ("The dam failed on 3 May 2010. The same day, roads closed.", "The same day", "2010-05-03"),
    ],
)
def test_anaphoric_uses_reference_time(sentence, extent, value):
    e = find(sentence, extent)
    assert e.value == value
    assert e.anchor == "reference"
    assert e.anchor_tid == "t1"


def test_anaphoric_without_reference_uses_publication():
    e = only("The next day, the army arrived.")
    assert e.value == "2016-01-26"
    assert e.anchor_tid == "t0"


def test_verb_last_is_not_a_window():
    found = find("The strike could last several weeks.", "several weeks")
    assert str(found.type) == "DURATION"
