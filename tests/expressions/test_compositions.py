"""A clock time and the day that names it (published Monday 2016-01-25).

TimeML keeps "5 p.m. on Tuesday" as two TIMEX3s; the clock's value then takes
Tuesday's date, and a 12-hour reading takes the part of day ("at 6 on Thursday
evening" is 18:00).  "9 a.m. Tuesday" without a preposition is one TIMEX3.
"""

import datetime as dt

import pytest
from helpers import PUB, find
from hypothesis import example, given
from hypothesis import strategies as st

import timeline


def at(day: str, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, minute=minute)


# sentence, extent of the clock, value, earliest (latest is one minute on)
CLOCK_WITH_DAY = [
    ("Police said the blast happened at 5 p.m. on Tuesday.", "5 p.m.", "2016-01-19T17:00",
     at("2016-01-19", 17)),
    ("The talks will resume at 10 a.m. on Thursday.", "10 a.m.", "2016-01-28T10:00",
     at("2016-01-28", 10)),
    ("They will meet at 7 this evening.", "7 this evening", "2016-01-25T19:00", at("2016-01-25", 19)),
    ("The vote ended Thursday evening at 6.", "6", "2016-01-21T18:00", at("2016-01-21", 18)),
    ("The rally will start at 6 on Thursday evening.", "6", "2016-01-28T18:00", at("2016-01-28", 18)),
    ("The court sits at 9 tomorrow.", "9 tomorrow", "2016-01-26T09:00", at("2016-01-26", 9)),
    ("The deal was signed at ten minutes to midnight on Friday.", "ten minutes to midnight",
     "2016-01-22T23:50", at("2016-01-22", 23, 50)),
    ("The ferry leaves at quarter past nine on Friday.", "quarter past nine", "2016-01-29T09:15",
     at("2016-01-29", 9, 15)),
    ("The train left at half past eight on Sunday.", "half past eight", "2016-01-24T08:30",
     at("2016-01-24", 8, 30)),
    ("The strike began at 6 a.m. yesterday.", "6 a.m. yesterday", "2016-01-24T06:00",
     at("2016-01-24", 6)),
    ("The offer expires at 5 p.m. EST Friday.", "5 p.m. EST Friday", "2016-01-29T17:00",
     at("2016-01-29", 17)),
    ("The hearing is tomorrow at nine.", "nine", "2016-01-26T09:00", at("2016-01-26", 9)),
    ("He arrived on Saturday at 10:30 a.m.", "10:30 a.m.", "2016-01-23T10:30", at("2016-01-23", 10, 30)),
    ("Doors opened at noon on Saturday.", "noon", "2016-01-23T12:00", at("2016-01-23", 12)),
    ("Shots were fired Wednesday night at 11.", "11", "2016-01-20T23:00", at("2016-01-20", 23)),
    ("The summit opens at 9 a.m. on March 3.", "9 a.m.", "2016-03-03T09:00", at("2016-03-03", 9)),
    ("The plane landed at 4 in the morning.", "4 in the morning", "2016-01-25T04:00",
     at("2016-01-25", 4)),
    ("The show aired Sun 9am.", "Sun 9am", "2016-01-24T09:00", at("2016-01-24", 9)),
    ("Fighting resumed at 11 tonight.", "11 tonight", "2016-01-25T23:00", at("2016-01-25", 23)),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "extent", "value", "earliest"), CLOCK_WITH_DAY)
def test_clock_takes_the_day_it_is_joined_to(sentence, extent, value, earliest):
    e = find(sentence, extent)
    assert str(e.type) == "TIME"
    assert e.value == value
    assert (e.earliest, e.latest) == (earliest, earliest + dt.timedelta(minutes=1))


def test_the_day_stays_its_own_timex_and_anchors_the_clock():
    found = timeline.tag("Police said the blast happened at 5 p.m. on Tuesday.", PUB)
    assert [(e.text, e.value) for e in found] == [("5 p.m.", "2016-01-19T17:00"),
                                                  ("Tuesday", "2016-01-19")]  # fmt: skip
    clock, day = found
    assert (clock.anchor_tid, clock.anchor_value) == (day.tid, day.value)
    assert any("Tuesday" in note for note in clock.notes)


@pytest.mark.parametrize(
    "sentence",
    ["Shares rose 6 percent on Friday.", "The toll rose to 7 yesterday.",
     "The offer stood on Friday at 6 percent.", "It traded at 1,015 francs on Monday.",
     "He scored 2 on Sunday."],
)  # fmt: skip
def test_a_bare_number_beside_a_day_is_not_a_clock(sentence):
    assert all(str(e.type) != "TIME" for e in timeline.tag(sentence, PUB))


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.sampled_from(WEEKDAYS),
    st.integers(min_value=1, max_value=11),
    st.sampled_from(["will meet", "met"]),
)
@example(dt.date(2016, 1, 25), "Monday", 11, "met")
@example(dt.date(2016, 1, 31), "Sunday", 1, "will meet")
def test_h_pm_on_weekday_lands_on_that_weekday_at_h_plus_12(published, weekday, hour, verb):
    found = timeline.tag(f"The envoys {verb} at {hour} p.m. on {weekday}.", published)
    clock, day = found
    when = dt.datetime.fromisoformat(clock.value)
    assert when.isoweekday() == WEEKDAYS.index(weekday) + 1
    assert when.hour == hour + 12 and when.minute == 0
    assert when.date().isoformat() == day.value
    assert clock.earliest == when
