"""Absolute dates: (sentence, expected extent, value, earliest, latest)."""

import datetime as dt

import pytest
from helpers import PUB, d, find

import timeline

CASES = [
    ("The treaty was signed on 12 March 2014.", "12 March 2014", "2014-03-12", "2014-03-12", "2014-03-13"),
    ("The treaty was signed on March 12, 2014, in Kyiv.", "March 12, 2014", "2014-03-12", "2014-03-12", "2014-03-13"),
    ("It was filed on 2014-03-12.", "2014-03-12", "2014-03-12", "2014-03-12", "2014-03-13"),
    ("The law took effect in March 2014.", "March 2014", "2014-03", "2014-03-01", "2014-04-01"),
    ("The factory opened in 2012.", "2012", "2012", "2012-01-01", "2013-01-01"),
    ("Prices rose sharply in the 1990s.", "the 1990s", "199", "1990-01-01", "2000-01-01"),
    ("The bridge dates from the 19th century.", "the 19th century", "18", "1800-01-01", "1900-01-01"),
    ("The shop closed on Feb. 5, 2015.", "Feb. 5, 2015", "2015-02-05", "2015-02-05", "2015-02-06"),
    ("It was the 12th of March, 2015.", "the 12th of March, 2015", "2015-03-12", "2015-03-12", "2015-03-13"),
    ("Sales fell in the fourth quarter of 2015.", "the fourth quarter of 2015", "2015-Q4", "2015-10-01", "2016-01-01"),
    ("Profits doubled in the first half of 2015.", "the first half of 2015", "2015-H1", "2015-01-01", "2015-07-01"),
    ("They married in the summer of 2011.", "the summer of 2011", "2011-SU", "2011-06-01", "2011-09-01"),
    ("The fire started on Christmas Day 2010.", "Christmas Day 2010", "2010-12-25", "2010-12-25", "2010-12-26"),
    ("A poll on Monday, Oct. 26, 2015 showed gains.", "Monday, Oct. 26, 2015", "2015-10-26", "2015-10-26", "2015-10-27"),
]


@pytest.mark.parametrize(("sentence", "extent", "value", "lo", "hi"), CASES)
def test_absolute_dates(sentence, extent, value, lo, hi):
    e = find(sentence, extent)
    assert str(e.type) == "DATE"
    assert e.value == value
    assert (e.earliest, e.latest) == (d(lo), d(hi))


def test_month_day_without_year_takes_nearest_past_in_past_clause():
    e = find("The ceasefire collapsed on Dec. 30.", "Dec. 30")
    assert e.value == "2015-12-30"


def test_month_day_without_year_future_clause():
    e = find("The summit will open on March 3.", "March 3")
    assert e.value == "2016-03-03"


def test_day_of_month_alone():
    e = find("Voting ended on the 12th.", "the 12th")
    assert e.value == "2016-01-12"


def test_year_of_local_reference_is_kept():
    e = find("A recount in 2011 ended on December 2.", "December 2")
    assert e.value == "2011-12-02"


def test_bc_year_resolves_without_crashing():
    e = find("The city was founded in 300 BC.", "300 BC")
    assert e.value == "BC0300"
    assert e.earliest.isoformat() == "-0299-01-01"


def test_year_beyond_python_range():
    e = find("The probe will return in AD 12000.", "AD 12000")
    assert e.value == "12000"
    assert e.earliest.isoformat().startswith("+12000")


@pytest.mark.parametrize("sentence", ["It happened on February 30, 2015.", "It happened on 30 February."])
def test_impossible_date_is_not_resolved(sentence):
    found = timeline.tag(sentence, PUB)
    assert len(found) == 1
    e = found[0]
    assert e.value is None and e.earliest is None and e.latest is None
    assert any("February" in note for note in e.notes)


def test_bare_number_is_not_a_year():
    assert timeline.tag("He scored 3 goals and 45 points.", PUB) == []


def test_money_and_separated_numbers_are_not_years():
    found = timeline.tag("It cost $2015 and 1,999 people paid 2015.5 each.", PUB)
    assert found == []


def test_publication_datetime_is_accepted():
    e = find("It opened today.", "today", published=dt.datetime(2016, 1, 25, 14, 30))
    assert e.value == "2016-01-25"
