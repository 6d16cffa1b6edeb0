"""The side reading reads only the verb groups of the clauses it looks at,
and gives the side a reading of every clause gives."""

from __future__ import annotations

import bisect
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import tag
from timeline.expressions import _side
from timeline.expressions._side import ClauseReading
from timeline.text import read

_SENTENCE = (
    "The council voted on Friday, and the mayor, who had resigned in protest, "
    "said that the budget would pass next week because the debt was cut."
)


def test_only_the_clause_of_the_time_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    read_clauses: list[int] = []
    real = _side.read_verb_groups

    def counting(words, lo, hi, clause):  # type: ignore[no-untyped-def]
        read_clauses.append(clause)
        return real(words, lo, hi, clause)

    monkeypatch.setattr(_side, "read_verb_groups", counting)
    start = _SENTENCE.index("Friday")
    side = ClauseReading(_SENTENCE).side(start, start + 6, start - 3, "on")
    assert side.direction == "past" and side.direct  # "voted on Friday"
    assert read_clauses == [0]  # not the four clauses after it


@pytest.mark.parametrize(
    "text",
    [
        _SENTENCE,
        "On Monday, when the talks collapsed, the envoy planned to leave on Thursday.",
        "Rebels, soldiers and aid workers, all of them tired, met Friday; talks end Sunday.",
        "The hearing, postponed until Tuesday, and the vote on Wednesday.",
    ],
)
def test_the_side_is_that_of_the_whole_reading(text: str) -> None:
    published = dt.date(2024, 1, 17)
    assert tag(text, published) == tag(text, published, analysis=read(text))


@given(st.text(alphabet="ab. \t\n\r\u2028\u2029", max_size=60))
def test_paragraphs_are_those_of_the_full_break_pattern(text: str) -> None:
    # the reference: every match of the pattern with the separators
    bounds = [0]
    for m in _side._PARAGRAPH_BREAK.finditer(text):
        bounds += [m.start(), m.end()]
    bounds.append(len(text))
    paragraphs = _side._Paragraphs(text)
    for offset in range(len(text) + 1):
        i = bisect.bisect_right(bounds, offset) - 1
        i -= i % 2
        assert paragraphs._paragraph(offset) == (bounds[i], bounds[i + 1])
