"""The text stage's word lists: ``grammars/events/*.toml`` -> checked Python values.

Takes a table name and a section; gives casefolded word sets and string maps,
raising ``DataTableError`` (naming file, section and row) on a malformed row.
Every table is read once, through ``timeline._data.load_table``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from timeline._data import load_table as load_grammar_table
from timeline._errors import DataTableError

__all__ = ["WORD_RE", "fold", "load_table", "string_map", "table_section", "word_list"]

_TABLE_FOLDER = "events"

# A word: letters and digits, joined by single hyphens, apostrophes or periods.
WORD_RE = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*")


@functools.cache
def load_table(name: str) -> Mapping[str, Any]:
    """Load the TOML table ``grammars/events/<name>`` once.

    Raises:
        DataTableError: the file is missing or is not valid TOML; the message
            names the file and the line.
    """
    return load_grammar_table(f"{_TABLE_FOLDER}/{name}")


def table_section(table: Mapping[str, Any], name: str, section: str) -> Mapping[str, Any]:
    """``table[section]``, which must be a table (*name* is the file, for the message)."""
    value = table.get(section)
    if not isinstance(value, dict):
        raise DataTableError(f"{name}: section [{section}] is missing or is not a table")
    return value


def fold(word: str) -> str:
    """Casefold, with the typographic apostrophe read as "'"."""
    return word.casefold().replace("\u2019", "'")


def word_list(name: str, section: str, key: str = "words") -> frozenset[str]:
    """The casefolded strings of ``[section] key = [...]`` in table *name*.

    Raises:
        DataTableError: the list is missing, holds a non-string or empty
            string, or repeats an entry; the message names file, section and row.
    """
    table = load_table(name)
    values = table_section(table, name, section).get(key)
    if not isinstance(values, list):
        raise DataTableError(f"{name}: [{section}] {key} is missing or is not a list")
    seen: set[str] = set()
    for row, value in enumerate(values, 1):
        if not isinstance(value, str) or not value.strip():
            raise DataTableError(f"{name}: [{section}] {key} row {row}: {value!r} is not a word")
        folded = fold(value.strip())
        if folded in seen:
            raise DataTableError(f"{name}: [{section}] {key} row {row}: {value!r} is repeated")
        seen.add(folded)
    return frozenset(seen)


def string_map(name: str, section: str, allowed: Iterable[str] | None = None) -> dict[str, str]:
    """The ``key = "VALUE"`` rows of ``[section]`` in *name*, keys casefolded.

    Raises:
        DataTableError: a value is not a string or not one of *allowed*.
    """
    table = table_section(load_table(name), name, section)
    allowed_set = frozenset(allowed) if allowed is not None else None
    out: dict[str, str] = {}
    for row, (key, value) in enumerate(table.items(), 1):
        if not isinstance(value, str) or (allowed_set is not None and value not in allowed_set):
            raise DataTableError(
                f"{name}: [{section}] row {row} ({key!r}): {value!r} is not one of "
                f"{sorted(allowed_set) if allowed_set else 'strings'}"
            )
        folded = fold(key)
        if folded in out:
            raise DataTableError(f"{name}: [{section}] row {row}: {key!r} is repeated")
        out[folded] = value
    return out
