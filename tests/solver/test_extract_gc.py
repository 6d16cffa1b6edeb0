"""extract() pauses the cyclic garbage collector and leaves it as it found it."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

import timeline
from timeline._errors import TimelineError

PUB = dt.date(2016, 1, 25)
STORY = ("Rebels seized the town on Sunday. Officials said troops would return on Friday. "
         "The talks had collapsed a week earlier, and the ministry announced new measures. ")  # fmt: skip


def test_no_collection_runs_during_extract(collections):
    timeline.extract(STORY, PUB)  # the modules imported (their collections are not ours)
    collections.clear()
    assert gc.isenabled()
    tl = timeline.extract(STORY * 60, PUB)
    assert len(tl.events) > 100
    # One pass at most, as the collector resumes; without the pause, dozens.
    assert len(collections) <= 1
    assert gc.isenabled()


def test_extract_makes_no_cyclic_garbage():
    gc.collect()
    tl = timeline.extract(STORY * 10, PUB)
    tl.relations_of(tl.events[0])
    del tl
    assert gc.collect() == 0  # so pausing the collector keeps nothing alive


def test_the_collector_is_back_after_an_error():
    with pytest.raises((TimelineError, TypeError, ValueError)):
        timeline.extract(STORY, "not a date")  # type: ignore[arg-type]
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled():
    gc.disable()
    try:
        timeline.extract(STORY, PUB)
        assert not gc.isenabled()
    finally:
        gc.enable()
