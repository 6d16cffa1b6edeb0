"""The cue words of the dating rules: ``grammars/dating.toml``, checked once."""

from __future__ import annotations

import functools

from timeline._data import load_table
from timeline._errors import DataTableError

_SECTIONS = ("temporal_clause", "comparison", "present_context", "part_of_day", "document_report",
             "occurrence")


@functools.cache
def dating_table() -> dict[str, dict[str, object]]:
    """``grammars/dating.toml``; DataTableError if a section is missing."""
    table = load_table("dating.toml")
    for section in _SECTIONS:
        if not isinstance(table.get(section), dict):
            raise DataTableError(f"dating.toml: missing [{section}]")
    return table
