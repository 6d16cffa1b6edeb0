"""Durations, sets, times of day and vague references."""

import datetime as dt

import pytest
from helpers import d, find

DURATIONS = [
    ("The siege lasted three days.", "three days", "P3D", None),
    ("It took a decade.", "a decade", "P10Y", None),
    ("He served nearly five years.", "five years", "P5Y", "LESS_THAN"),  # approximator outside the extent
    ("Prices rose 12% in the last twenty four hours.", "the last twenty four hours", "PT24H", None),
    ("Talks went on for more than two weeks.", "more than two weeks", "P2W", "MORE_THAN"),
    ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M", None),
    ("It was a two-year contract.", "two-year", "P2Y", None),
    ("The search took a few days.", "a few days", "PXD", None),
    ("They waited twenty-three minutes.", "twenty-three minutes", "PT23M", None),
    ("It took a year and a half.", "a year and a half", "P1Y6M", None),
]


@pytest.mark.parametrize(("sentence", "extent", "value", "mod"), DURATIONS)
def test_durations(sentence, extent, value, mod):
    e = find(sentence, extent)
    assert str(e.type) == "DURATION"
    assert (e.value, e.mod) == (value, mod)


SETS = [
    ("The market opens every Tuesday.", "every Tuesday", "XXXX-WXX-2", "EVERY", None),
    ("The paper is printed daily.", "daily", "P1D", None, None),
    ("The board meets twice a year.", "twice a year", "P1Y", None, "2X"),
    ("Trains run three times a week.", "three times a week", "P1W", None, "3X"),
    ("The clinic is closed on Sundays.", "Sundays", "XXXX-WXX-7", "EVERY", None),
]


@pytest.mark.parametrize(("sentence", "extent", "value", "quant", "freq"), SETS)
def test_sets(sentence, extent, value, quant, freq):
    e = find(sentence, extent)
    assert str(e.type) == "SET"
    assert (e.value, e.quant, e.freq) == (value, quant, freq)


def test_clock_time_with_day():
    e = find("The blast happened at 3 p.m. yesterday.", "3 p.m. yesterday")
    assert str(e.type) == "TIME"
    assert e.value == "2016-01-24T15:00"
    assert e.earliest == dt.datetime(2016, 1, 24, 15, 0)


def test_clock_time_alone_uses_reference_day():
    e = find("On 4 June 2015 the polls closed at 10 p.m.", "10 p.m.")
    assert e.value == "2015-06-04T22:00"


def test_noon_and_overnight():
    assert find("The deadline passed at noon.", "noon").value == "2016-01-25T12:00"
    e = find("Shelling continued overnight.", "overnight")
    assert e.value == "2016-01-24TNI"


VAGUE = [
    ("Prices are rising now.", "now", "PRESENT_REF", "2016-01-25", "2016-01-26"),
    ("He is currently abroad.", "currently", "PRESENT_REF", "2016-01-25", "2016-01-26"),
    ("Dozens have fled in recent days.", "recent days", "PAST_REF", "2016-01-11", "2016-01-26"),
    ("Fighting intensified in recent weeks.", "recent weeks", "PAST_REF", "2015-11-30", "2016-01-26"),
    ("She recently moved.", "recently", "PAST_REF", "2015-10-25", "2016-01-26"),
    ("A decision is expected soon.", "soon", "FUTURE_REF", "2016-01-25", "2016-04-25"),
    ("Such floods were rare in the past.", "the past", "PAST_REF", None, "2016-01-26"),
    ("Cars will fly in the future.", "the future", "FUTURE_REF", "2016-01-25", None),
]


@pytest.mark.parametrize(("sentence", "extent", "value", "lo", "hi"), VAGUE)
def test_vague_windows(sentence, extent, value, lo, hi):
    e = find(sentence, extent)
    assert e.value == value
    assert e.earliest == (d(lo) if lo else None)
    assert e.latest == (d(hi) if hi else None)
