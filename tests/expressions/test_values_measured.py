"""Value conventions and side decisions measured on TBAQ (round 4 of issue 14).

Sentences written for the tests; published Monday 2016-01-25 unless a row
says otherwise.  Each row gives the value and the interval [earliest, latest).
"""

import datetime as dt

import pytest
from helpers import PUB, d, find
from hypothesis import given
from hypothesis import strategies as st

import timeline

AUTUMN = dt.date(2016, 10, 26)  # a Wednesday, after a quarter has closed


def _t(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# (sentence, extent, published, value, earliest, latest)
ROWS = [
    # TimeML counts "a couple of" as two
    ("Prices will not change for a couple of years.", "a couple of years", PUB, "P2Y", None, None),
    ("He left a couple of days ago.", "a couple of days ago", PUB, "2016-01-23",
     d("2016-01-23"), d("2016-01-24")),
    ("Over the next couple of years the firm will grow.", "the next couple of years", PUB, "P2Y",
     d("2016-01-25"), d("2018-01-26")),
    # "day-long", "decades-long", "several-year": durations (one unit, or some)
    ("They left their third day-long meeting.", "day-long", PUB, "P1D", None, None),
    ("It was a decades-long battle.", "decades-long", PUB, "PXY", None, None),
    ("He followed a several-year tenure as editor.", "several-year", PUB, "PXY", None, None),
    # "will one day": an indefinite time to come; "took one day" stays a duration
    ("Islam will one day be the largest religion there.", "one day", PUB, "FUTURE_REF",
     d("2016-01-25"), None),
    ("The repair took one day.", "one day", PUB, "P1D", None, None),
    # the first half or quarter of a named year
    ("Sales will rise through the first two quarters of 2017.", "the first two quarters of 2017",
     PUB, "2017-H1", d("2017-01-01"), d("2017-07-01")),
    ("In the first three months of next year it will grow.", "the first three months of next year",
     PUB, "2017-Q1", d("2017-01-01"), d("2017-04-01")),
    ("The first nine months were good.", "The first nine months", PUB, "P9M", None, None),
    # "Easter week": the ISO week that holds the holiday (a week begun is past)
    ("Pilgrims prayed as Easter week began.", "Easter week", d("2000-04-17"), "2000-W16",
     d("2000-04-17"), d("2000-04-24")),
    # a day before or after a named day; a unit after or before the time just mentioned
    ("The day before last Tuesday's hearing, he went home.", "The day before last Tuesday",
     d("2016-01-28"), "2016-01-25", d("2016-01-25"), d("2016-01-26")),
    ("They met the day after Christmas.", "the day after Christmas", PUB, "2015-12-26",
     d("2015-12-26"), d("2015-12-27")),
    ("He died on Jan. 3. Police came to his house the day after his death.", "the day", PUB,
     "2016-01-04", d("2016-01-04"), d("2016-01-05")),
    ("He was last seen Jan. 3, the day before police issued a warrant.", "the day", PUB,
     "2016-01-03", d("2016-01-03"), d("2016-01-04")),
    ("Sales rose in 2012 and fell the year after the merger.", "the year", PUB, "2013",
     d("2013-01-01"), d("2014-01-01")),
    # the quarter a report named, not a day mentioned since
    ("Its fiscal second quarter ended Sept. 30. The latest period included a gain.",
     "The latest period", AUTUMN, "2016-Q2", d("2016-04-01"), d("2016-07-01")),
    # "the last half" of a year is its second half
    ("Earnings for the last half of 2015 rose.", "the last half of 2015", PUB, "2015-H2",
     d("2015-07-01"), d("2016-01-01")),
    ("Sales fell in the last half of last year.", "the last half of last year", PUB, "2015-H2",
     d("2015-07-01"), d("2016-01-01")),
    # midnight beside a day ends that day (TimeML T24:00); alone it stays 00:00
    ("The offer expires at midnight Friday.", "midnight Friday", PUB, "2016-01-29T24:00",
     _t("2016-01-30T00:00"), _t("2016-01-30T00:01")),
    ("The offer expires at midnight on Friday.", "midnight", PUB, "2016-01-29T24:00",
     _t("2016-01-30T00:00"), _t("2016-01-30T00:01")),
    ("The strike began at midnight.", "midnight", PUB, "2016-01-25T00:00",
     _t("2016-01-25T00:00"), _t("2016-01-25T00:01")),
    # a scheduling verb sets a time after it, not one before it
    ("On Friday, when she set aside her plans, the ministry lifted a travel warning.", "Friday",
     PUB, "2016-01-22", d("2016-01-22"), d("2016-01-23")),
    # two dates joined by "and" share their clause's side
    ("Below are the notes taken Friday and Thursday by the jury.", "Thursday", PUB, "2016-01-21",
     d("2016-01-21"), d("2016-01-22")),
    # a month whose year was itself a guess gives no year to the date beside it
    ("The bonus will be paid in January to staff on the payroll Dec. 21.", "Dec. 21", AUTUMN,
     "2016-12-21", d("2016-12-21"), d("2016-12-22")),
    # a report's period: the quarter it is about, or that quarter of a named year
    ("Net rose in the quarter ended Sept. 30. Sales in the latest period rose.",
     "the latest period", AUTUMN, "2016-Q3", d("2016-07-01"), d("2016-10-01")),
    ("Net rose in the quarter ended Sept. 30. In the 2015 period, it lost money.",
     "the 2015 period", AUTUMN, "2015-Q3", d("2015-07-01"), d("2015-10-01")),
    ("Net rose in the third quarter. Revenue in the 2015 quarter was flat.",
     "the 2015 quarter", AUTUMN, "2015-Q3", d("2015-07-01"), d("2015-10-01")),
    ("Sales in the latest period rose.", "the latest period", AUTUMN, "2016-Q3",
     d("2016-07-01"), d("2016-10-01")),
    ("The 1988 period was weak.", "The 1988 period", AUTUMN, "1988",
     d("1988-01-01"), d("1989-01-01")),
    # a bare "the year" is the year of publication, not a year named sentences before
    ("The plant opened in 2010. The company expects a profit for the full year.",
     "the full year", PUB, "2016", d("2016-01-01"), d("2017-01-01")),
    ("Its goal is set for 2017. It trimmed spending by $3 million by the end of the year.",
     "the end of the year", PUB, "2016", d("2016-10-01"), d("2017-01-01")),
    # vague windows of quarters
    ("It does not bode well for coming quarters.", "coming quarters", PUB, "FUTURE_REF",
     d("2016-01-25"), d("2018-01-25")),
    # a day joined to a month and day is a date of that month (TimeML tags it alone)
    ("The leaders meet in Washington on April 24 and 25.", "25", PUB, "2016-04-25",
     d("2016-04-25"), d("2016-04-26")),
    ("Talks were held on Jan. 5 and 6 in Geneva.", "6", PUB, "2016-01-06",
     d("2016-01-06"), d("2016-01-07")),
]


@pytest.mark.parametrize(("sentence", "extent", "published", "value", "earliest", "latest"), ROWS)
def test_value_and_interval(sentence, extent, published, value, earliest, latest):
    e = find(sentence, extent, published)
    assert (e.value, e.earliest, e.latest) == (value, earliest, latest)


def test_the_report_period_of_a_named_year_does_not_move_the_narrative():
    found = timeline.tag("Net rose in the third quarter. In the 2015 period it fell. "
                         "A year ago it was flat.", AUTUMN)  # fmt: skip
    assert [(e.text, e.value) for e in found][-1] == ("A year ago", "2015-Q3")


@pytest.mark.parametrize(
    "sentence",
    ["Shares fell on May 5 and 6 people were hurt.", "It rose on May 5 and 2015 was bad."],
)  # fmt: skip
def test_a_number_after_a_date_and_a_conjunction_can_be_a_count(sentence):
    assert [e.text for e in timeline.tag(sentence, PUB)] == ["May 5"] + (
        ["2015"] if "2015" in sentence else []
    )


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [("Two flights will leave on Monday and Tuesday nights.", "Monday", "XXXX-WXX-1TNI"),
     ("The club meets Friday or Saturday evenings.", "Friday", "XXXX-WXX-5TEV")],
)  # fmt: skip
def test_a_weekday_joined_to_a_weekly_set_is_that_set(sentence, extent, value):
    e = find(sentence, extent)
    assert (str(e.type), e.value, e.quant, e.earliest, e.latest) == ("SET", value, "EVERY", None, None)


def test_nightly_is_the_set_every_night_is():
    nightly, every = find("They rally nightly.", "nightly"), find("They rally every night.", "every night")
    assert (nightly.value, nightly.quant) == (every.value, every.quant) == ("XXXX-XX-XXTNI", "EVERY")


def test_a_stated_weekday_before_a_set_stays_one_day():
    e = find("He left last Monday and Tuesday nights were quiet.", "last Monday")
    assert (e.value, e.earliest) == ("2016-01-18", d("2016-01-18"))


def test_the_latest_period_names_its_rule():
    e = find("Sales in the latest period rose.", "the latest period", AUTUMN)
    assert e.rule == "latest_period"
    assert find("Revenue in the 2015 quarter was flat.", "the 2015 quarter", AUTUMN).rule == (
        "year_period"
    )


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(st.sampled_from(WEEKDAYS), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2900, 1, 1)))
def test_midnight_beside_a_weekday_ends_that_weekday(weekday, published):
    e = find(f"The offer expires at midnight {weekday}.", f"midnight {weekday}", published)
    day = dt.date.fromisoformat(e.value[:10])
    assert day.strftime("%A") == weekday and e.value.endswith("T24:00")
    assert e.earliest == dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
