"""clause_word_ranges gives the word ranges of split_clauses' clauses."""

from __future__ import annotations

import pytest

from timeline.text import clause_token_ranges, split_clauses, split_sentences, tag_words
from timeline.text._clauses import clause_word_ranges

_TEXTS = [
    "The council voted on Friday, and the mayor, who had resigned, said the budget would pass.",
    "Raqqa, about 60 miles away, fell; the Observatory (SOHR) said.",
    "As many as 40 people died.",
    "Talks Friday!",
    "",
    "...",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_the_ranges_are_those_of_the_clauses(text: str) -> None:
    for sentence in split_sentences(text):
        words = tag_words(text, sentence)
        clauses = split_clauses(text, sentence, words)
        assert clause_word_ranges(words) == clause_token_ranges(words, clauses)
