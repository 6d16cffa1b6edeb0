"""Written formats and abbreviations (formats.toml; published Monday 2016-01-25)."""

import datetime as dt

import pytest
from helpers import PUB, find

import timeline
from timeline.expressions._tables import formats

# sentence, extent, value, earliest, latest
FORMATS = [
    ("It was signed on 19-Nov-12.", "19-Nov-12", "2012-11-19", dt.date(2012, 11, 19), dt.date(2012, 11, 20)),
    ("It was signed on 05-Jan-2016.", "05-Jan-2016", "2016-01-05", dt.date(2016, 1, 5), dt.date(2016, 1, 6)),
    ("It was signed on Nov 19th, 2012.", "Nov 19th, 2012", "2012-11-19", dt.date(2012, 11, 19),
     dt.date(2012, 11, 20)),
    ("It was signed on 19.11.2012.", "19.11.2012", "2012-11-19", dt.date(2012, 11, 19), dt.date(2012, 11, 20)),
    ("The fund closed on 31.12.2015.", "31.12.2015", "2015-12-31", dt.date(2015, 12, 31), dt.date(2016, 1, 1)),
    ("It was signed on 2012/11/19.", "2012/11/19", "2012-11-19", dt.date(2012, 11, 19), dt.date(2012, 11, 20)),
    ("The show aired Sun 9am.", "Sun 9am", "2016-01-24T09:00", dt.datetime(2016, 1, 24, 9),
     dt.datetime(2016, 1, 24, 9, 1)),
    ("The deadline was Fri 5pm.", "Fri 5pm", "2016-01-22T17:00", dt.datetime(2016, 1, 22, 17),
     dt.datetime(2016, 1, 22, 17, 1)),
    ("The vote will be held on Tues.", "Tues", "2016-01-26", dt.date(2016, 1, 26), dt.date(2016, 1, 27)),
    ("He left Thurs for Paris.", "Thurs", "2016-01-21", dt.date(2016, 1, 21), dt.date(2016, 1, 22)),
    ("On Wed., Jan. 20, it rained.", "Wed., Jan. 20", "2016-01-20", dt.date(2016, 1, 20), dt.date(2016, 1, 21)),
    ("The sale ended Sat, Jan. 23.", "Sat, Jan. 23", "2016-01-23", dt.date(2016, 1, 23), dt.date(2016, 1, 24)),
    ("The plant opened in Sept.", "Sept.", "2015-09", dt.date(2015, 9, 1), dt.date(2015, 10, 1)),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "extent", "value", "earliest", "latest"), FORMATS)
def test_formats_and_abbreviations(sentence, extent, value, earliest, latest):
    e = find(sentence, extent)
    assert e.value == value
    assert (e.earliest, e.latest) == (earliest, latest)


@pytest.mark.parametrize(
    "sentence",
    ["The Sun reported it.", "He sat down.", "Sun shines on the hills.", "We wed on a beach.",
     "Mon Dieu, he said.", "The Sat., the Sun."],
)  # fmt: skip
def test_word_like_abbreviations_need_a_clock_or_date(sentence):
    assert timeline.tag(sentence, PUB) == []


def test_lowercase_abbreviations_are_words():
    assert timeline.tag("the tues file and the fri list", PUB) == []


def test_two_digit_years_follow_the_pivot():
    pivot = formats().two_digit_year_pivot
    below = find(f"It was signed on 01-Jan-{pivot - 1:02d}.", f"01-Jan-{pivot - 1:02d}")
    above = find(f"It was signed on 01-Jan-{pivot:02d}.", f"01-Jan-{pivot:02d}")
    assert below.value == f"20{pivot - 1:02d}-01-01"
    assert above.value == f"19{pivot:02d}-01-01"


def test_an_impossible_dotted_date_is_not_a_date():
    assert all(e.value != "2012-13-19" for e in timeline.tag("Code 19.13.2012 failed.", PUB))
