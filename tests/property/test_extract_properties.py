"""Hypothesis properties of the whole pipeline: any text gives a timeline."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.output._render import to_json
from timeline.relations import to_minutes

WORDS = ["on", "Sunday", "since", "September", "after", "three", "days", "of", "bombing", "was",
         "killed", "will", "meet", "in", "recent", "weeks", "has", "grown", "before", "the",
         "talks", ",", ".", "\n\n", "2015", "earlier", "this", "month", "said", "yesterday"]  # fmt: skip


@settings(max_examples=60)
@given(st.lists(st.sampled_from(WORDS), max_size=60),
       st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))  # fmt: skip
def test_news_like_word_salad_gives_a_consistent_timeline(words, published):
    tl = timeline.extract(" ".join(words), published)
    for event in tl.events:
        # Bounds mix dates (midnight) and datetimes: compare them as minutes.
        lo, hi = to_minutes(event.earliest_start), to_minutes(event.latest_end)
        if lo is not None and hi is not None:
            assert lo < hi
        assert len(tl.explain(event)) == sum(
            b is not None for b in (event.earliest_start, event.latest_start,
                                    event.earliest_end, event.latest_end))  # fmt: skip
    to_json(tl)


@settings(max_examples=60)
@given(st.text(max_size=200), st.dates(min_value=dt.date(1900, 1, 1)))
def test_random_text_never_raises(text, published):
    tl = timeline.extract(text, published)
    assert all(0 <= e.trigger_start <= e.trigger_end <= len(text) for e in tl.events)
