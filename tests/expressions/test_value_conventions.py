"""Expression gaps seen on real articles and the value conventions measured on
TimeML corpora (sentences written for the tests; published Monday 2016-01-25
unless a test says otherwise)."""

import datetime as dt

import pytest
from helpers import PUB, find

import timeline
from timeline.expressions._model import FarDate


def test_this_season_is_a_window_from_the_table():
    e = find("He has scored 20 goals this season.", "this season")
    assert e.value == "PRESENT_REF"
    assert e.earliest == dt.date(2015, 5, 25) and e.latest == dt.date(2016, 5, 25)
    assert any("season" in note for note in e.notes)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [("The season opened with a loss.", "The season", "PRESENT_REF"),
     ("Last season they finished third.", "Last season", "PAST_REF"),
     ("Next season the club moves grounds.", "Next season", "FUTURE_REF")],
)  # fmt: skip
def test_seasons_of_play(sentence, extent, value):
    assert find(sentence, extent).value == value


def test_a_month_day_takes_the_year_of_last_year():
    e = find("The plant was sold on March 3 last year.", "March 3 last year")
    assert (e.value, e.earliest, e.latest) == ("2015-03-03", dt.date(2015, 3, 3), dt.date(2015, 3, 4))
    assert e.anchor == "publication"


def test_february_29_of_a_common_year_is_impossible():
    e = find("It was due on Feb. 29 next year.", "Feb. 29 next year")
    assert e.value is None


def test_deep_time_is_a_year_known_to_its_last_digit():
    e = find("The rocks formed 2.5 billion years ago.", "2.5 billion years ago")
    year = 2016 - 2_500_000_000
    assert str(e.type) == "DATE" and e.mod == "APPROX"
    assert e.earliest == FarDate(year - 50_000_000) and e.latest == FarDate(year + 50_000_000)
    assert e.value == f"BC{1 - year:04d}"


def test_fiscal_quarter_is_an_alternative_reading():
    e = find("The company reported third-quarter results.", "third-quarter", dt.date(2013, 1, 15))
    assert e.value == "2012-Q3"
    assert e.alternatives == ("2012-Q4",)
    assert any("fiscal" in note for note in e.notes)


def test_the_quarter_just_ended_has_no_fiscal_alternative():
    e = find("The company reported third-quarter results.", "third-quarter", dt.date(2012, 10, 25))
    assert (e.value, e.alternatives) == ("2012-Q3", ())


def test_last_week_in_a_sunday_edition_is_ambiguous():
    sunday = dt.date(2016, 1, 31)
    week = find("Talks collapsed last week.", "last week", sunday)
    day = find("He resigned last Tuesday.", "last Tuesday", sunday)
    assert (week.value, week.alternatives) == ("2016-W03", ("2016-W04",))
    assert (day.value, day.alternatives) == ("2016-01-26", ("2016-01-19",))
    weekday = find("Talks collapsed last week.", "last week", PUB)
    assert weekday.alternatives == ()


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [("Atlanta, nineteen ninety-six: a bomb goes off.", "nineteen ninety-six", "1996"),
     ("In nineteen seventy-nine the army invaded.", "nineteen seventy-nine", "1979"),
     ("The coming of the year two thousand alarmed the banks.", "the year two thousand", "2000"),
     ("In January nineteen ninety-seven it fell.", "January nineteen ninety-seven", "1997-01"),
     ("Prices last reached that level in the winter of nineteen ninety-four.",
      "the winter of nineteen ninety-four", "1994-WI")],
)  # fmt: skip
def test_spoken_years(sentence, extent, value):
    assert find(sentence, extent).value == value


def test_nineteen_alone_is_a_count():
    assert [e.value for e in timeline.tag("Nineteen people died in nineteen days.", PUB)] == ["P19D"]


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [("It took a charge in the 1988 second quarter.", "the 1988 second quarter", "1988-Q2"),
     ("It earned more in the 1988 third quarter.", "the 1988 third quarter", "1988-Q3"),
     ("It earned $5 million in the year-ago third quarter.", "year-ago third quarter", "2015-Q3")],
)  # fmt: skip
def test_a_quarter_of_a_stated_year(sentence, extent, value):
    assert find(sentence, extent).value == value


def test_a_year_before_a_singular_unit_is_not_a_count():
    # a report's quarter in 1988 (the last quarter completed by publication, 2015-Q4)
    assert [(e.text, e.value) for e in timeline.tag("Revenue rose in the 1988 quarter.", PUB)] == [
        ("the 1988 quarter", "1988-Q4")
    ]


@pytest.mark.parametrize(
    ("sentence", "extent"),
    [("Revenue for the fiscal year ended Jan. 31 rose.", "the fiscal year"),
     ("Profit in the year ending June 30, 2016, will rise.", "the year")],
)  # fmt: skip
def test_the_year_ended_a_date_is_a_twelve_month_duration(sentence, extent):
    e = find(sentence, extent)
    assert (str(e.type), e.value) == ("DURATION", "P1Y")


def test_ended_before_a_date_puts_it_in_the_past():
    e = find("Sales will be compared with the quarter ended March 31.", "March 31", dt.date(2016, 1, 25))
    assert e.value == "2015-03-31"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("The deal will close by year-end.", "2016"), ("By year's end it was done.", "2016")],
)  # fmt: skip
def test_year_end_is_the_end_of_the_year(sentence, value):
    (e,) = timeline.tag(sentence, PUB)
    assert (e.value, e.mod) == (value, "END")


def test_the_full_year_is_a_year():
    (e,) = timeline.tag("Revenue for the full year was $4 billion.", PUB)
    assert (e.text, e.value) == ("the full year", "2016")


@pytest.mark.parametrize(
    "sentence",
    ["It saves $500 million a year.", "There are four flights a week.", "Costs rose 5% a year.",
     "Iraq imports three-quarters of its food.", "They appealed to the 11th Circuit Court.",
     "It happened a week after the 40th anniversary of the treaty.", "The group began to fall apart.",
     "Prices could fall further."],
)  # fmt: skip
def test_rates_shares_ordinals_and_verbs_are_not_times(sentence):
    assert [e.text for e in timeline.tag(sentence, PUB) if e.text != "a week"] == []


def test_a_duration_after_for_is_still_a_duration():
    assert find("He waited for a year.", "a year").value == "P1Y"


def test_the_month_about_to_begin_is_not_read_a_year_back():
    # A guessed past side (no verb of its own) does not reach the November before.
    e = find("Dealers placed orders for November transactions.", "November", dt.date(1989, 10, 30))
    assert e.value == "1989-11"
    past = find("In March, the company was sold.", "March", dt.date(1989, 10, 30))
    assert past.value == "1989-03"
