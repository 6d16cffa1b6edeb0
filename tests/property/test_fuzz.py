"""Fuzz properties: any text and any publication day give a timeline, or a TimelineError.

The inputs (fuzz_strategies.py, shared with benchmarks/fuzz.py) are arbitrary Unicode, raw
bytes decoded with surrogateescape, phrases derived from the grammar's own rules and words,
and news-like sentences with those phrases and junk spliced in; publication dates span the
whole calendar, as dates and as naive and aware datetimes.  CI runs a small share (the
"fuzz" profile); benchmarks/fuzz.py runs the same generators at scale.
"""

import datetime as dt
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import timeline
from timeline._errors import TimelineError

sys.path.insert(0, str(Path(__file__).parent))

import fuzz_strategies as fz  # noqa: E402

settings.register_profile(
    "fuzz", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
FUZZ = settings.get_profile("fuzz")

_rngs = st.randoms(use_true_random=False)
texts = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300).map(lambda b: b.decode("utf-8", "surrogateescape")),
    _rngs.map(fz.TEXT_KINDS["grammar"]),
    _rngs.map(fz.news_text),
    _rngs.map(fz.spliced_text),
)
_offsets = st.timedeltas(
    min_value=-dt.timedelta(hours=23, minutes=59), max_value=dt.timedelta(hours=23, minutes=59)
)
publications = st.one_of(
    st.dates(min_value=fz.FIRST_DAY, max_value=fz.LAST_DAY),
    st.datetimes(),
    st.datetimes(timezones=st.builds(dt.timezone, _offsets)),
)


@FUZZ
@given(texts, publications)
@example("Monday" + " " * 3000 + "x", dt.date(2019, 6, 12))
@example("The city fell in 1 BC, 300 BC and in the year 12000.", dt.date(1, 1, 1))
@example("Talks will resume next winter.", dt.date(9999, 12, 31))
def test_tag_gives_ordered_expressions_or_a_timeline_error(text, published):
    try:
        found = timeline.tag(text, published)
    except TimelineError:
        return
    for e in found:
        assert 0 <= e.start <= e.end <= len(text) and text[e.start : e.end] == e.text
        fz._ordered("expression bounds", e.tid, e.earliest, e.latest)


@FUZZ
@given(texts, publications)
@example("The strike ended 1.5 years after it began.", dt.date(2019, 6, 12))
@example("A twenty-four-hour strike began on Monday.", dt.date(2019, 6, 12))
def test_every_stage_and_output_holds_for_any_input(text, published):
    # Bounds ordered, text renders, JSON fits the schema, TimeML parses and reads back.
    try:
        fz.check_pipeline(text, published)
    except TimelineError:
        pass


@pytest.mark.parametrize("seed", range(3))
def test_generators_are_deterministic_and_use_the_grammar_words(seed):
    first = fz.fuzz_input(random.Random(seed))
    assert fz.fuzz_input(random.Random(seed)) == first
    words = fz.terminal_words()
    assert "september" in words["MONTH"] and "monday" in words["WEEKDAY"]
    phrase = fz.grammar_phrase(random.Random(seed))
    assert phrase.strip()


def test_a_broken_invariant_is_reported_as_a_violation():
    later, earlier = dt.date(2020, 1, 2), dt.date(2020, 1, 1)
    with pytest.raises(fz.Violation) as raised:
        fz._ordered("event bounds", "e1", later, earlier)
    assert raised.value.kind == "event bounds"
