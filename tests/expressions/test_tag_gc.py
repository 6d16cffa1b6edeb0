"""tag() pauses the cyclic garbage collector, makes no cyclic garbage, and
leaves the collector as it found it."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

import timeline
from timeline._errors import TimelineError
from timeline.text import read

PUB = dt.date(2016, 1, 25)
STORY = ("Rebels seized the town on Sunday, and talks resume on Friday. "
         "A week earlier the ministry had said the vote is on Saturday, March 5. ")  # fmt: skip


def test_no_collection_runs_during_tag(collections):
    timeline.tag(STORY, PUB)  # the tables loaded (their collections are not ours)
    collections.clear()
    found = timeline.tag(STORY * 200, PUB)
    assert len(found) > 600
    assert len(collections) <= 1  # one pass at most, as the collector resumes
    assert gc.isenabled()


def test_tag_makes_no_cyclic_garbage():
    gc.collect()
    found = timeline.tag(STORY * 20, PUB)
    assert found
    del found
    assert gc.collect() == 0  # so pausing the collector keeps nothing alive


def test_the_collector_is_back_after_an_error():
    with pytest.raises((TimelineError, TypeError, ValueError)):
        timeline.tag(STORY, "not a date")  # type: ignore[arg-type]
    with pytest.raises(TimelineError):
        timeline.tag(STORY, PUB, analysis=read("Another text."))
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled():
    gc.disable()
    try:
        timeline.tag(STORY, PUB)
        assert not gc.isenabled()
    finally:
        gc.enable()
