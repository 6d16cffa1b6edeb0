"""Sets with TimeML values, quant and freq (published Monday 2016-01-25).

A set recurs: its value has X for the parts that vary ("XXXX-WXX-2" every
Tuesday), a duration for its period ("P1M" with freq "2X" for twice a
month), and it never resolves to one date: no interval.
"""

import re

import pytest
from helpers import PUB, find
from hypothesis import given
from hypothesis import strategies as st

import timeline

# sentence, extent, value, quant, freq
SETS = [
    ("They play football every weekend.", "every weekend", "XXXX-WXX-WE", "EVERY", None),
    ("Rent is due on the 19th of every month.", "the 19th of every month", "XXXX-XX-19", "EVERY", None),
    ("Payments fall due on the first of each month.", "the first of each month", "XXXX-XX-01",
     "EVERY", None),
    ("He works every night.", "every night", "XXXX-XX-XXTNI", "EVERY", None),
    ("The alarm rings at 6am every day.", "6am every day", "XXXX-XX-XXT06:00", "EVERY", None),
    ("The board meets every Monday at 9 a.m.", "every Monday at 9 a.m.", "XXXX-WXX-1T09:00",
     "EVERY", None),
    ("The shop closes on Mondays.", "Mondays", "XXXX-WXX-1", "EVERY", None),
    ("Flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI", "EVERY", None),
    ("They meet every other week.", "every other week", "P2W", "EVERY", None),
    ("She visits twice a month.", "twice a month", "P1M", None, "2X"),
    ("Trains run three times a week.", "three times a week", "P1W", None, "3X"),
    ("The census is held once a year.", "once a year", "P1Y", None, "1X"),
    ("Each spring the river floods.", "Each spring", "XXXX-SP", "EVERY", None),
    ("Orangemen march each July.", "each July", "XXXX-07", "EVERY", None),
    ("The family gathers every Christmas.", "every Christmas", "XXXX-12-25", "EVERY", None),
    ("Elections are held every three years.", "every three years", "P3Y", "EVERY", None),
    ("The report is published weekly.", "weekly", "P1W", None, None),
    ("She runs every morning.", "every morning", "XXXX-XX-XXTMO", "EVERY", None),
    ("The market opens each Friday.", "each Friday", "XXXX-WXX-5", "EVERY", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "extent", "value", "quant", "freq"), SETS)
def test_sets_have_timeml_values(sentence, extent, value, quant, freq):
    e = find(sentence, extent)
    assert str(e.type) == "SET"
    assert (e.value, e.quant, e.freq) == (value, quant, freq)
    assert (e.earliest, e.latest) == (None, None)  # a set has no single interval


def test_a_movable_feast_is_not_given_a_fixed_set_value():
    found = timeline.tag("They visit every Easter.", PUB)
    assert all(str(e.type) != "SET" or not e.value.startswith("XXXX-") for e in found)


_SET_PHRASES = st.one_of(
    st.builds("every {}".format, st.sampled_from(
        ["day", "week", "month", "year", "weekend", "night", "morning", "Tuesday", "spring",
         "July", "Christmas", "other week", "two months"])),
    st.builds("each {}".format, st.sampled_from(["Friday", "autumn", "quarter", "March"])),
    st.builds("{} times a {}".format, st.sampled_from(["two", "three", "4"]),
              st.sampled_from(["day", "week", "month", "year"])),
    st.builds("the {} of every month".format, st.sampled_from(["1st", "19th", "first", "31st"])),
    st.builds("{} every day".format, st.sampled_from(["6am", "9 a.m.", "noon", "10:30 p.m."])),
    st.builds("{} nights".format, st.sampled_from(["Monday", "Saturday"])),
    st.sampled_from(["daily", "weekly", "monthly", "annually", "twice a year", "on Sundays"]),
)  # fmt: skip
_FULL_DATE = re.compile(r"^-?\d{4}-\d\d-\d\d")


@given(_SET_PHRASES, st.dates())
def test_a_set_never_resolves_to_a_single_date(phrase, published):
    found = timeline.tag(f"The committee meets {phrase}.", published)
    sets = [e for e in found if str(e.type) == "SET"]
    assert sets, [(e.text, e.value) for e in found]
    for e in sets:
        assert e.value and not _FULL_DATE.match(e.value), e.value
        assert (e.earliest, e.latest) == (None, None)
