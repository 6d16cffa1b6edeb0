"""The word knowledge the rules read: ``grammars/connectives.toml``.

Takes the data file; gives its sections (``connectives``: which signal or
connective means which relation, aspectual verbs, dateline words, vague gaps)
and the few patterns built from its [words] (``_word_patterns``).
"""

from __future__ import annotations

import functools
import re

from timeline._data import load_table
from timeline._errors import DataTableError


@functools.cache
def connectives() -> dict[str, dict[str, object]]:
    table = load_table("connectives.toml")
    for section in ("time", "event", "vague_gap", "aspectual", "dateline", "words"):
        if section not in table:
            raise DataTableError(f"connectives.toml: missing [{section}]")
    return table


@functools.cache
def _word_patterns() -> dict[str, re.Pattern[str]]:
    """The [words] of connectives.toml as patterns: a word after a time or a
    duration (optional comma before it), or a word anywhere ("continues")."""
    words = connectives()["words"]
    def alternatives(key: str) -> str:
        return "|".join(re.escape(w) for w in words[key])  # type: ignore[index]
    return {
        # One whitespace run before the word ("\s*,?\s+" retried every split
        # of a long run of spaces: quadratic).
        "when_clause": re.compile(rf"(?:\s*,)?\s+(?:{alternatives('when_clause')})\b", re.I),
        "duration_of": re.compile(rf"\s+(?:{alternatives('duration_of')})\s+", re.I),
        "continues": re.compile(rf"\b(?:{alternatives('continues')})\b", re.I),
    }
