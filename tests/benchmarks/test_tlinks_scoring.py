"""The scoring functions of benchmarks/tlinks.py: value intervals, inversion, judging."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import load_benchmark

tl = load_benchmark("tlinks.py", "tlinks_benchmark")
D = dt.date
DAY = 24 * 60


def day(n: int) -> int:
    """Minutes at the start of day ``n`` (an abstract day count)."""
    return n * DAY


# ------------------------------------------------------------------ value -> interval


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("1998-08-07", (D(1998, 8, 7), D(1998, 8, 8))),
        ("1998-12-31", (D(1998, 12, 31), D(1999, 1, 1))),
        ("1998-08-07TMO", (D(1998, 8, 7), D(1998, 8, 8))),
        ("1998-08-07T14:30", (D(1998, 8, 7), D(1998, 8, 8))),
        ("1998-08-07T14", (D(1998, 8, 7), D(1998, 8, 8))),
        ("1998-08", (D(1998, 8, 1), D(1998, 9, 1))),
        ("1998-12", (D(1998, 12, 1), D(1999, 1, 1))),
        ("1998-W32", (D(1998, 8, 3), D(1998, 8, 10))),
        ("1998-W1", (D(1997, 12, 29), D(1998, 1, 5))),
        ("1998-W32-WE", (D(1998, 8, 8), D(1998, 8, 10))),
        ("1998-Q3", (D(1998, 7, 1), D(1998, 10, 1))),
        ("1998-Q4", (D(1998, 10, 1), D(1999, 1, 1))),
        ("1998-H2", (D(1998, 7, 1), D(1999, 1, 1))),
        ("1998", (D(1998, 1, 1), D(1999, 1, 1))),
        ("199", (D(1990, 1, 1), D(2000, 1, 1))),
        ("19", (D(1900, 1, 1), D(2000, 1, 1))),
    ],
)
def test_calendar_values(value, interval):
    assert tl.value_interval(value) == interval


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "PAST_REF",
        "PRESENT_REF",
        "FUTURE_REF",
        "P3D",
        "PT2H",
        "PXY",
        "1998-XX",
        "199X",
        "XXXX-WXX-1",
        "1998-SU",
        "1998-02-30",
        "1998-W54",
        "BC0300",
        "1998-Q5",
    ],
)
def test_values_that_are_not_calendar_intervals(value):
    assert tl.value_interval(value) is None


def test_time_interval_in_minutes_and_mods():
    def time(value, mod=None):
        return tl.GoldTime("t1", 0, 0, "", "DATE", value, mod)

    start = (D(1998, 8, 7).toordinal() - 1) * DAY
    assert tl.time_interval(time("1998-08-07")) == (start, start + DAY)
    assert tl.time_interval(time("1998-08-07", "START")) == (start, start + DAY)
    assert tl.time_interval(time("1998-08-07", "APPROX")) == (start, start + DAY)
    for mod in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"):
        assert tl.time_interval(time("1998-08-07", mod)) is None
        assert tl.skip_reason(time("1998-08-07", mod)) == f"mod={mod}"
    assert tl.skip_reason(time("P2W")) == "duration"
    assert tl.skip_reason(time("PAST_REF")) == "PAST_REF"
    assert tl.skip_reason(time("1998-XX")) == "XX value"
    assert tl.skip_reason(time("1998-FA")) == "season"
    assert tl.dct_interval(D(1998, 8, 7)) == (start, start + DAY)


# ------------------------------------------------------------------ inversion


@pytest.mark.parametrize(
    ("rel", "inverse"),
    [
        ("BEFORE", "AFTER"),
        ("IBEFORE", "IAFTER"),
        ("INCLUDES", "IS_INCLUDED"),
        ("BEGINS", "BEGUN_BY"),
        ("ENDS", "ENDED_BY"),
        ("DURING", "DURING_INV"),
        ("SIMULTANEOUS", "SIMULTANEOUS"),
        ("IDENTITY", "IDENTITY"),
    ],
)
def test_invert(rel, inverse):
    assert tl.invert(rel) == inverse
    assert tl.invert(inverse) == rel


def test_every_classed_relation_inverts_to_a_classed_relation():
    for rel in tl.CLASS:
        assert tl.invert(tl.invert(rel)) == rel
        assert tl.invert(rel) in tl.CLASS


def test_orient_puts_the_event_first():
    link = tl.TLink
    assert tl.orient(link("l1", "BEFORE", "event", "ei1", "time", "t1")) == (
        "ei1",
        "BEFORE",
        "time",
        "t1",
    )
    assert tl.orient(link("l2", "IS_INCLUDED", "time", "t1", "event", "ei4")) == (
        "ei4",
        "INCLUDES",
        "time",
        "t1",
    )
    assert tl.orient(link("l3", "AFTER", "event", "ei1", "event", "ei2")) == (
        "ei1",
        "AFTER",
        "event",
        "ei2",
    )
    assert tl.orient(link("l4", "BEFORE", "time", "t1", "time", "t2")) is None


# ------------------------------------------------------------------ judging

T = (day(10), day(11))  # the time: day 10
OPEN_BOUNDS = (None, None, None, None)
ENT, OPN, CON = "entailed", "open", "contradicted"


def b(es=None, ls=None, ee=None, le=None):
    return tl.Bounds(es, ls, ee, le)


@pytest.mark.parametrize(
    ("rel", "bounds", "outcome"),
    [
        # BEFORE: entailed when it ends by T.start; contradicted when it starts at T.end or later.
        ("BEFORE", b(le=day(10)), ENT),
        ("BEFORE", b(le=day(9)), ENT),
        ("BEFORE", b(le=day(11)), OPN),  # may end during T
        ("BEFORE", b(es=day(10), le=day(11)), OPN),  # inside T: open at day granularity
        ("BEFORE", b(es=day(11)), CON),
        ("BEFORE", b(es=day(12), le=day(12)), CON),
        ("IBEFORE", b(le=day(10)), ENT),
        ("IBEFORE", b(es=day(11)), CON),
        # AFTER: entailed when it starts at T.end or later; contradicted when it ends by T.start.
        ("AFTER", b(es=day(11)), ENT),
        ("AFTER", b(es=day(10)), OPN),
        ("AFTER", b(es=day(10), le=day(11)), OPN),
        ("AFTER", b(le=day(10)), CON),
        ("IAFTER", b(es=day(12)), ENT),
        ("IAFTER", b(le=day(9)), CON),
        # IS_INCLUDED and its kin: inside T.
        ("IS_INCLUDED", b(es=day(10), le=day(11)), ENT),
        ("IS_INCLUDED", b(es=day(10) + 60, ls=day(10) + 60, ee=day(10) + 90, le=day(10) + 90), ENT),
        ("IS_INCLUDED", b(es=day(10)), OPN),
        ("IS_INCLUDED", b(le=day(11)), OPN),
        ("IS_INCLUDED", b(es=day(9), le=day(11)), OPN),
        ("IS_INCLUDED", b(le=day(10)), CON),
        ("IS_INCLUDED", b(es=day(11)), CON),
        ("DURING", b(es=day(10), le=day(11)), ENT),
        ("DURING", b(le=day(9)), CON),
        ("SIMULTANEOUS", b(es=day(10), le=day(11)), ENT),
        ("SIMULTANEOUS", b(es=day(12)), CON),
        ("IDENTITY", b(es=day(10), le=day(11)), ENT),
        ("BEGINS", b(es=day(10), le=day(11)), ENT),
        ("ENDS", b(le=day(10)), CON),
        # INCLUDES and its kin: covers T.
        ("INCLUDES", b(ls=day(10), ee=day(11)), ENT),
        ("INCLUDES", b(es=day(1), ls=day(9), ee=day(12), le=day(20)), ENT),
        ("INCLUDES", b(ls=day(10)), OPN),
        ("INCLUDES", b(ee=day(11)), OPN),
        ("INCLUDES", b(es=day(10), le=day(11)), OPN),  # may be exactly T
        ("INCLUDES", b(es=day(11)), CON),
        ("INCLUDES", b(le=day(10)), CON),
        ("INCLUDES", b(es=day(10) + 1), CON),  # starts after T starts
        ("INCLUDES", b(le=day(11) - 1), CON),  # ends before T ends
        ("DURING_INV", b(ls=day(10), ee=day(11)), ENT),
        ("BEGUN_BY", b(es=day(10), ls=day(10) + 60), ENT),  # starts inside the day
        ("BEGUN_BY", b(es=day(11)), CON),  # starts after the day
        ("BEGUN_BY", b(ls=day(9)), CON),  # started before it
        ("BEGUN_BY", b(ls=day(10), ee=day(11)), OPN),
        ("ENDED_BY", b(ee=day(10), le=day(11)), ENT),  # ends inside the day
        ("ENDED_BY", b(ee=day(11) + 1), CON),  # cannot have ended by its end
        ("ENDED_BY", b(es=day(10) + 1), OPN),
    ],
)
def test_judge_event_against_time(rel, bounds, outcome):
    assert tl.judge(rel, bounds, T).outcome == outcome


@pytest.mark.parametrize("rel", sorted(tl.CLASS))
def test_open_bounds_are_always_open(rel):
    assert tl.judge(rel, tl.Bounds(*OPEN_BOUNDS), T) == (OPN, ())


def test_relations_without_a_class_are_not_judged():
    assert tl.judge("CONTINUES", b(es=day(10), le=day(11)), T) is None


@pytest.mark.parametrize(
    ("rel", "bounds", "outcome"),
    [
        # DCT = day 10: an event that ends by the end of the publication day is before it...
        ("BEFORE", b(le=day(11)), ENT),
        ("BEFORE", b(le=day(12)), OPN),
        ("BEFORE", b(es=day(11)), CON),
        # ... one that starts no earlier than the start of that day is after it.
        ("AFTER", b(es=day(10)), ENT),
        ("AFTER", b(es=day(9)), OPN),
        ("AFTER", b(le=day(10)), CON),
        # Inclusion is judged as for any time.
        ("IS_INCLUDED", b(es=day(10), le=day(11)), ENT),
        ("INCLUDES", b(ls=day(10), ee=day(11)), ENT),
        ("INCLUDES", b(ls=day(11), ee=day(10)), OPN),  # the tense rule's present state
    ],
)
def test_judge_event_against_dct(rel, bounds, outcome):
    assert tl.judge(rel, bounds, T, dct=True).outcome == outcome


@pytest.mark.parametrize(
    ("rel", "bounds", "culprits"),
    [
        ("BEFORE", b(es=day(11)), (("start", "earliest"),)),
        ("AFTER", b(le=day(10)), (("end", "latest"),)),
        ("IS_INCLUDED", b(le=day(10)), (("end", "latest"),)),
        ("IS_INCLUDED", b(es=day(11)), (("start", "earliest"),)),
        ("INCLUDES", b(es=day(10) + 1, le=day(10) + 2), (("start", "earliest"), ("end", "latest"))),
    ],
)
def test_culprits_name_the_offending_bound(rel, bounds, culprits):
    assert tl.judge(rel, bounds, T) == (CON, culprits)


def test_event_event_mapping():
    assert tl.EVENT_EVENT["BEFORE"] == tl.EVENT_EVENT["IBEFORE"] == "before"
    assert tl.EVENT_EVENT["AFTER"] == tl.EVENT_EVENT["IAFTER"] == "after"
    for rel in ("INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "IDENTITY", "DURING"):
        assert tl.EVENT_EVENT[rel] == "overlap"
    assert "CONTINUES" not in tl.EVENT_EVENT
