"""News text that is not temporal: nothing may be tagged."""

import pytest
from helpers import PUB

import timeline

NOT_TIMES = [
    "You may leave whenever you like.",
    "Protesters march through the square.",
    "Prices fall when supply rises.",
    "The fall of the city shocked the region.",
    "He finished second in the race.",
    "The score was 3-1 after extra time.",
    "Call 555 0199 for details.",
    "The rate rose to 4.5 percent.",
    "She bought 2,000 shares.",
    "Spring water is sold here.",
]


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_not_temporal(sentence):
    assert [(e.text, e.value) for e in timeline.tag(sentence, PUB)] == []


def test_capitalised_may_with_signal_is_a_month():
    found = timeline.tag("The law passed in May.", PUB)
    assert [(e.text, e.value) for e in found] == [("May", "2015-05")]


def test_word_inside_a_longer_word_is_not_matched():
    assert timeline.tag("The market marched on; decorum held.", PUB) == []
