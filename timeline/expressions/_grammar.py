"""Load the Lark grammar shipped in ``grammars/`` and expose its parse table.

The family files are joined into one grammar text rather than composed with
``%import``: every family shares the lexicon's terminals, and a terminal
imported through two routes is namespaced twice and collides (Lark #1448).
"""

from __future__ import annotations

import functools

from lark import Lark
from lark.exceptions import GrammarError as LarkGrammarError

from timeline._data import resource_path
from timeline._errors import GrammarError

# Order matters only for readability of error messages: lexicon first.
GRAMMAR_FILES = (
    "lexicon.lark",
    "numbers.lark",
    "calendar.lark",
    "relative.lark",
    "duration.lark",
    "sets.lark",
    "clock.lark",
    "vague.lark",
    "timex.lark",
)




def grammar_text() -> str:
    parts = []
    for name in GRAMMAR_FILES:
        path = resource_path(name)
        try:
            parts.append(f"// ---- {name}\n" + path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise GrammarError(f"cannot read grammar file {name}: {exc}") from exc
    return "\n".join(parts)


@functools.cache
def build_parser(strict: bool = False) -> Lark:
    """The LALR parser over the joined grammar (built once per process)."""
    try:
        return Lark(
            grammar_text(),
            parser="lalr",
            lexer="basic",
            propagate_positions=True,
            maybe_placeholders=False,
            strict=strict,
        )
    except LarkGrammarError as exc:
        raise GrammarError(f"grammar does not build: {exc}") from exc
