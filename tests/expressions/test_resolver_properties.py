"""Hypothesis properties of tagging and resolution."""

import datetime as dt
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import timeline

NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
anchors = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31))


def _only(sentence, published):
    found = timeline.tag(sentence, published)
    assert len(found) == 1, [(e.text, e.value) for e in found]
    return found[0]


@given(anchors, st.integers(min_value=1, max_value=400))
@example(dt.date(2016, 3, 1), 1)
@example(dt.date(2016, 1, 1), 365)
def test_n_days_ago_is_exactly_n_days_before(anchor, n):
    e = _only(f"The plant closed {n} days ago.", anchor)
    assert e.value == (anchor - dt.timedelta(days=n)).isoformat()


@given(anchors, st.integers(min_value=1, max_value=10))
def test_number_words_days_ago(anchor, n):
    e = _only(f"The plant closed {NUMBER_WORDS[n - 1]} days ago.", anchor)
    assert e.value == (anchor - dt.timedelta(days=n)).isoformat()


@given(anchors, st.integers(min_value=1, max_value=400))
@example(dt.date(2015, 12, 31), 1)
def test_in_n_days_is_exactly_n_days_after(anchor, n):
    e = _only(f"The plant will reopen in {n} days.", anchor)
    assert e.value == (anchor + dt.timedelta(days=n)).isoformat()
    assert e.signal == "in"


def _value_period(value):
    """The calendar period a TIMEX3 value names, for the formats checked here."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
        start = dt.date(*map(int, m.groups()))
        return start, start + dt.timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        y, mo = map(int, m.groups())
        return dt.date(y, mo, 1), (dt.date(y + 1, 1, 1) if mo == 12 else dt.date(y, mo + 1, 1))
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return start, start + dt.timedelta(days=7)
    if m := re.fullmatch(r"(\d{4})", value):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]) + 1, 1, 1)
    if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        y, q = int(m[1]), int(m[2])
        end = dt.date(y + 1, 1, 1) if q == 4 else dt.date(y, 3 * q + 1, 1)
        return dt.date(y, 3 * q - 2, 1), end
    return None


PHRASES = [
    "today", "yesterday", "tomorrow", "last week", "this week", "next week", "last month",
    "this month", "next month", "last year", "this year", "next year", "two days ago",
    "three weeks ago", "a year ago", "last September", "next March", "this June",
    "earlier this month", "later this year", "early next year", "late last year",
    "the fourth quarter", "the second quarter of last year", "the past three years",
    "in recent days", "on Sunday", "last Friday", "next Tuesday", "the weekend",
    "recently", "soon", "now", "June 3", "the 12th", "mid-March",
]  # fmt: skip


@given(anchors.filter(lambda d: d.year > 1801), st.sampled_from(PHRASES), st.booleans())
def test_value_lies_inside_its_interval(anchor, phrase, future):
    verb = "will happen" if future else "happened"
    for e in timeline.tag(f"It {verb} {phrase}.", anchor):
        assert e.earliest is None or e.latest is None or e.earliest < e.latest
        if e.value is None:
            continue
        period = _value_period(e.value)
        if period is None or e.earliest is None or e.latest is None:
            continue
        lo, hi = period
        # The interval never leaves the named period, and covers all of it
        # unless a modifier narrowed it ("earlier this month", "late 2017").
        assert lo <= e.earliest and e.latest <= hi, (phrase, e)
        if e.mod is None:
            assert (e.earliest, e.latest) == (lo, hi), (phrase, e)


@given(anchors, st.sampled_from(WEEKDAYS), st.sampled_from(["past", "future", "none"]))
@example(dt.date(2016, 1, 25), "Monday", "past")
@example(dt.date(2016, 1, 31), "Monday", "future")
def test_weekday_lands_on_its_weekday_on_the_tense_side(anchor, weekday, tense):
    sentence = {
        "past": f"The court ruled on {weekday}.",
        "future": f"The court will rule on {weekday}.",
        "none": f"A ruling on {weekday}.",
    }[tense]
    e = _only(sentence, anchor)
    day = dt.date.fromisoformat(e.value)
    assert day.strftime("%A") == weekday
    delta = (day - anchor).days
    if tense == "future":
        assert 0 <= delta < 7
    else:  # past tense, and the default without a tense cue
        assert -7 < delta <= 0


@given(anchors, st.sampled_from(WEEKDAYS))
def test_last_and_next_weekday_are_strict(anchor, weekday):
    last = dt.date.fromisoformat(_only(f"It happened last {weekday}.", anchor).value)
    nxt = dt.date.fromisoformat(_only(f"It will happen next {weekday}.", anchor).value)
    assert -7 <= (last - anchor).days < 0
    assert 0 < (nxt - anchor).days <= 7


SAMPLE = (
    "The dam failed on 3 May 2010. Two days later, the valley flooded. "
    "Officials said on Sunday that repairs would take three weeks."
)


@given(anchors, st.lists(st.sampled_from([SAMPLE, "Talks resume on Friday.", "In 1999."]),
                         max_size=4))  # fmt: skip
def test_result_depends_only_on_text_and_anchor(anchor, others):
    first = timeline.tag(SAMPLE, anchor)
    for other in others:  # other documents in between must leave no trace
        timeline.tag(other, anchor + dt.timedelta(days=3))
    assert timeline.tag(SAMPLE, anchor) == first


@settings(max_examples=300)
@given(st.text(max_size=300), anchors)
def test_random_text_never_raises(text, anchor):
    for e in timeline.tag(text, anchor):
        assert text[e.start : e.end] == e.text
        assert e.start < e.end


@settings(max_examples=200)
@given(st.binary(max_size=300), anchors)
def test_random_bytes_never_raise(data, anchor):
    timeline.tag(data.decode("utf-8", errors="replace"), anchor)
    timeline.tag(data.decode("latin-1"), anchor)
