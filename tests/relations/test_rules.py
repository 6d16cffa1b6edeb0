"""One table per constraint rule: (sentence, event trigger, expected bounds).

PUB is Monday 2016-01-25; bounds are instants (midnight of the day named).
"""

import datetime as dt

import pytest

from timeline.relations import duration_span
from timeline.solver._extract import extract

PUB = dt.date(2016, 1, 25)
D = dt.date.fromisoformat


def _event(tl, trigger):
    found = [e for e in tl.events if e.trigger.casefold() == trigger]
    assert found, [(e.trigger, e.text) for e in tl.events]
    return found[0]


def _rules(tl, event):
    return {c.evidence.rule for c in tl.constraints if event.id in (str(c.a).split(".")[0],
                                                                      str(c.b).split(".")[0])}


TIME_ANCHORS = [
    # sentence, trigger, earliest_start, latest_end
    ("Rebels seized the town on Sunday.", "seized", "2016-01-24", "2016-01-25"),
    ("The ministry published the figures on 3 March 2015.", "published", "2015-03-03", "2015-03-04"),
    ("The embassy was closed in December.", "closed", "2015-12-01", "2016-01-01"),
    ("Hundreds have fled the city in recent days.", "fled", "2016-01-11", "2016-01-26"),
    ("The bridge was repaired earlier this month.", "repaired", "2016-01-01", "2016-01-25"),
]


@pytest.mark.parametrize(("sentence", "trigger", "lo", "hi"), TIME_ANCHORS)
def test_time_within(sentence, trigger, lo, hi):
    tl = extract(sentence, PUB)
    e = _event(tl, trigger)
    assert (e.earliest_start, e.latest_end) == (D(lo), D(hi))
    assert any(r.startswith("time-within") for r in _rules(tl, e))


def test_since_starts_in_and_continues_to_publication():
    tl = extract("Prices have risen sharply since September.", PUB)
    e = _event(tl, "risen")
    assert e.earliest_start == D("2015-09-01")
    assert e.latest_start == D("2015-10-01")
    assert e.earliest_end == D("2016-01-25")  # still running at publication
    assert {"time-starts_in", "since-continues"} <= _rules(tl, e)


def test_by_bounds_the_end():
    tl = extract("The troops must leave the city by Friday.", PUB)
    e = _event(tl, "leave")
    assert e.latest_end == D("2016-01-30")


def test_after_a_time_bounds_the_start():
    tl = extract("The new rules apply after 1 March 2016.", PUB)
    e = _event(tl, "apply")
    assert e.earliest_start == D("2016-03-02")


def test_duration_with_for():
    tl = extract("The siege of the town lasted for three days in May 2015.", PUB)
    e = _event(tl, "lasted")
    rule = [c for c in tl.constraints if c.evidence.rule == "duration"]
    assert rule and rule[0].lo == 2 * 1440 and rule[0].hi == 4 * 1440
    assert e.earliest_start == D("2015-05-01")


def test_event_after_a_duration_of_another_event():
    tl = extract("Dozens died on Sunday after two days of heavy shelling.", PUB)
    died, shelling = _event(tl, "died"), _event(tl, "shelling")
    assert tl.relation(shelling, died) == "before"
    # at least a day of shelling (two, give or take one) ended before the
    # deaths on Sunday (which take a minute, by the end of Sunday): it had
    # begun by the last minute of Saturday
    assert shelling.latest_start == dt.datetime(2016, 1, 23, 23, 59)


def test_days_before_another_event():
    tl = extract("The storm hit the coast days before the election, which is due to take place on 20 February.", PUB)
    hit, election = _event(tl, "hit"), _event(tl, "take")
    assert tl.relation(hit, election) == "before"


def test_since_another_event():
    tl = extract("Sales have fallen since the factory closed in May.", PUB)
    fallen, closed = _event(tl, "fallen"), _event(tl, "closed")
    assert fallen.earliest_start == D("2015-05-01")
    assert closed.latest_end == D("2015-06-01")


def test_aspectual_begin_puts_the_start_only():
    tl = extract("Warplanes began bombing the port in September.", PUB)
    bombing = _event(tl, "bombing")
    assert bombing.earliest_start == D("2015-09-01")
    assert bombing.latest_start == dt.datetime(2015, 9, 30, 23, 59)  # before "began" is over
    assert bombing.latest_end is None or bombing.latest_end > D("2015-10-01")


@pytest.mark.parametrize(
    ("sentence", "trigger", "field", "bound"),
    [
        ("The minister resigned.", "resigned", "latest_end", "2016-01-26"),
        ("The minister will resign.", "resign", "earliest_start", "2016-01-25"),
        ("The minister has resigned.", "resigned", "latest_end", "2016-01-26"),
        ("Talks are due to begin in Geneva.", "begin", "earliest_start", "2016-01-25"),
    ],
)
def test_tense_against_publication(sentence, trigger, field, bound):
    tl = extract(sentence, PUB)
    assert getattr(_event(tl, trigger), field) == D(bound)


def test_negated_event_is_not_placed_by_tense():
    tl = extract("The minister did not resign.", PUB)
    e = _event(tl, "resign")
    assert e.latest_end is None


def test_narrative_order_is_weak_and_droppable():
    tl = extract("Police arrived on Friday and arrested the driver on Wednesday.", PUB)
    assert tl.conflicts, "the narrative default contradicts the dates"
    # the weak text-order defaults (narrative-order, the likely clause-order of
    # "and") give way to the two dates
    assert all(c.dropped.evidence.rule in ("narrative-order", "clause-order") for c in tl.conflicts)
    arrived, arrested = _event(tl, "arrived"), _event(tl, "arrested")
    assert tl.relation(arrested, arrived) == "before"


def test_dateline_does_not_date_the_first_event():
    text = "LONDON, Monday 25 January 2016 - Ministers met on Friday to discuss the plan."
    e = _event(extract(text, PUB), "met")
    assert e.earliest_start == D("2016-01-22")


@pytest.mark.parametrize(
    ("value", "mod", "lo", "hi"),
    [("P3D", None, 2 * 1440, 4 * 1440), ("PT5H", None, 240, 360), ("P2W", "LESS_THAN", 0, 21 * 1440),
     ("P1Y", "MORE_THAN", 0, None), ("PXD", None, 1440, 12 * 1440)],
)
def test_duration_span(value, mod, lo, hi):
    got = duration_span(value, mod)
    assert got[1] == hi
    if mod != "MORE_THAN":
        assert got[0] == lo


@pytest.mark.parametrize(
    ("sentence", "trigger", "lo", "hi"),
    [
        ("Voters remember the 2012 election as a landslide.", "election", "2012-01-01", "2013-01-01"),
        ("Investors shrugged off yesterday's announcement.", "announcement", "2016-01-24", "2016-01-25"),
        ("The incidents of 3 June 2015 shocked the town.", "incidents", "2015-06-03", "2015-06-04"),
    ],
)
def test_time_inside_a_noun_phrase_dates_the_noun(sentence, trigger, lo, hi):
    e = _event(extract(sentence, PUB), trigger)
    assert (e.earliest_start, e.latest_end) == (D(lo), D(hi))


def test_when_clause_is_dated_by_the_time_before_it():
    tl = extract("Shares have fallen since August, when they traded at $10.", PUB)
    traded = _event(tl, "traded")
    assert (traded.earliest_start, traded.latest_end) == (D("2015-08-01"), D("2015-09-01"))


def test_report_without_time_is_made_on_publication_day():
    tl = extract("Officials said the bridge was closed.", PUB)
    said = _event(tl, "said")
    assert (said.earliest_start, said.latest_end) == (D("2016-01-25"), D("2016-01-26"))


def test_report_with_its_own_time_overrides_the_default():
    tl = extract("Officials said yesterday that the bridge was closed.", PUB)
    said = _event(tl, "said")
    assert (said.earliest_start, said.latest_end) == (D("2016-01-24"), D("2016-01-25"))
    assert any(c.dropped.evidence.rule == "reporting-day" for c in tl.conflicts)


def test_present_state_spans_the_publication_day():
    tl = extract("The rebels control the northern road.", PUB)
    control = _event(tl, "control")
    assert control.latest_start == D("2016-01-25") and control.earliest_end == D("2016-01-26")


def test_weak_defaults_never_decide_an_order():
    # Narrative order alone (weak) says arrived <= left; relation() must not claim it.
    tl = extract("The envoy arrived and left.", PUB)
    arrived, left = _event(tl, "arrived"), _event(tl, "left")
    assert tl.relation(arrived, left) == "unknown"


def test_story_time_carries_the_previous_sentence_time():
    tl = extract("Rebels seized the town on Sunday. They burned the barracks.", PUB)
    burned = _event(tl, "burned")
    assert (burned.earliest_start, burned.latest_end) == (D("2016-01-24"), D("2016-01-25"))


def test_story_time_stops_at_a_flashback_and_a_new_paragraph():
    flashback = extract("Rebels seized the town on Sunday. Snow had fallen and roads closed.", PUB)
    assert _event(flashback, "closed").earliest_start is None
    # (a scene of the day before publication goes on: tests/dating/test_dating_round6.py)
    paragraph = extract("Rebels seized the town on Saturday.\n\nThey burned the barracks.", PUB)
    assert _event(paragraph, "burned").earliest_start is None


def test_opening_time_dates_every_past_verb_of_its_sentence():
    tl = extract("On Friday, police raided two homes and searched a warehouse.", PUB)
    for trigger in ("raided", "searched"):
        e = _event(tl, trigger)
        assert (e.earliest_start, e.latest_end) == (D("2016-01-22"), D("2016-01-23"))


def test_possessive_time_dates_the_event_after_it():
    tl = extract("Lawyers will appeal Wednesday's ruling.", PUB)
    ruling = _event(tl, "ruling")
    assert (ruling.earliest_start, ruling.latest_end) == (D("2016-01-20"), D("2016-01-21"))


def test_story_time_reaches_a_year_not_a_decade():
    year = extract("The dam failed in 2013. Engineers blamed the builders.", PUB)
    assert _event(year, "blamed").earliest_start == D("2013-01-01")
    decade = extract("Floods were rare in the 1990s. Engineers blamed the builders.", PUB)
    assert _event(decade, "blamed").earliest_start is None
