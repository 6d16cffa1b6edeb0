"""The grammar builds without conflicts and the data tables match it."""

import re

import pytest

from timeline._data import resource_path
from timeline._errors import DataTableError
from timeline.expressions._grammar import build_parser, grammar_text
from timeline.expressions._tables import (
    calendar_words,
    formats,
    parse_offset,
    part_windows,
    vague_windows,
)


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
    known = set(calendar_words()[section])
    if section == "weekday":  # "Tues", "Thurs": abbreviations are rows of formats.toml
        known |= set(formats().weekday_abbreviations)
    assert words <= known, words - known


def test_weekday_abbreviations_and_their_rules_match_the_lexicon():
    words = _terminal_words("WEEKDAY")
    abbreviations = set(formats().weekday_abbreviations)
    assert abbreviations <= words
    assert words - abbreviations == set(calendar_words()["weekday"])
    assert formats().word_like_weekdays <= abbreviations


def test_plural_parts_of_day_have_singular_rows():
    assert {w[:-1] for w in _terminal_words("PARTS_OF_DAY")} <= set(calendar_words()["part_of_day"])


def test_number_words_have_values():
    words = set().union(*(_terminal_words(t) for t in ("DIGIT_WORD", "TEEN_WORD", "NINETEEN", "TENS_WORD")))
    assert words == set(calendar_words()["number"])


def test_part_windows_are_fractions():
    for part in part_windows().values():
        assert 0 <= part.lo < part.hi <= 1


@pytest.mark.parametrize("bad", ["14D", "-P", "P1.5D", "yesterday"])
def test_bad_offsets_are_reported_with_their_place(bad):
    with pytest.raises(DataTableError, match="somewhere.toml"):
        parse_offset(bad, "somewhere.toml row 3")


def test_every_expression_contains_an_anchor_word():
    """The scanner only looks around anchor words (scan.toml): no expression
    may be made of modifier words alone, or it could never be found."""
    from timeline.expressions._scan import scan_table

    parser = build_parser()
    modifiers = set(scan_table()["modifiers"])
    terminal_names = {t.name for t in parser.terminals}
    assert modifiers <= terminal_names, modifiers - terminal_names
    # Nonterminals that can derive a string of modifier terminals only (or nothing).
    derivable: set[str] = set()
    changed = True
    while changed:
        changed = False
        for rule in parser.rules:
            name = rule.origin.name
            if name in derivable:
                continue
            if all(s.name in modifiers or s.name in derivable for s in rule.expansion):
                derivable.add(name)
                changed = True
    assert "start" not in derivable
    assert "timex" not in derivable


def test_modifier_lookback_finds_long_prefixes():
    import datetime as dt

    import timeline

    found = timeline.tag("It fell in the first nine months and at least twenty-four hours ago.",
                         dt.date(2016, 1, 25))  # fmt: skip
    assert [e.text for e in found] == ["the first nine months", "at least twenty-four hours ago"]
