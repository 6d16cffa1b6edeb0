"""The grammar builds without conflicts and the data tables match it."""

import re

import pytest

from timeline._errors import DataTableError
from timeline._grammar import build_parser, grammar_text, resource_path
from timeline._tables import calendar_words, parse_offset, part_windows, vague_windows


def test_grammar_builds_in_strict_mode():
    # strict: shift/reduce conflicts and colliding terminals fail the build.
    parser = build_parser(strict=True)
    assert parser.options.parser == "lalr"


def _aliases(file_name):
    text = resource_path(file_name).read_text(encoding="utf-8")
    return set(re.findall(r"->\s*(\w+)", text))


def test_vague_aliases_and_window_rows_match():
    aliases = _aliases("vague.lark")
    rows = set(vague_windows())
    assert aliases <= rows
    # Rows that are not aliases are the plural deictic units ("the coming days").
    assert all(re.fullmatch(r"(coming|recent)_\w+s", key) for key in rows - aliases)


def _terminal_words(name):
    match = re.search(rf"^{name}:(.*?)(?=^\S)", grammar_text(), re.M | re.S)
    return {w.casefold() for w in re.findall(r'"([^"]+)"i', match.group(1))}


@pytest.mark.parametrize(
    ("terminal", "section"),
    [("MONTH", "month"), ("MONTH_ABBR", "month"), ("WEEKDAY", "weekday"),
     ("SEASON", "season"), ("PART_OF_DAY", "part_of_day"), ("HOLIDAY", "holiday"),
     ("FREQUENCY_ADVERB", "frequency"), ("ORD_WORD", "ordinal")],
)  # fmt: skip
def test_lexicon_words_have_table_rows(terminal, section):
    words = _terminal_words(terminal)
    assert words, terminal
    assert words <= set(calendar_words()[section]), words - set(calendar_words()[section])


def test_number_words_have_values():
    words = set().union(*(_terminal_words(t) for t in ("DIGIT_WORD", "TEEN_WORD", "TENS_WORD")))
    assert words == set(calendar_words()["number"])


def test_part_windows_are_fractions():
    for part in part_windows().values():
        assert 0 <= part.lo < part.hi <= 1


@pytest.mark.parametrize("bad", ["14D", "-P", "P1.5D", "yesterday"])
def test_bad_offsets_are_reported_with_their_place(bad):
    with pytest.raises(DataTableError, match="somewhere.toml"):
        parse_offset(bad, "somewhere.toml row 3")
