"""Load the Lark grammar shipped in ``grammars/`` and expose its parse table.

The family files are joined into one grammar text rather than composed with
``%import``: every family shares the lexicon's terminals, and a terminal
imported through two routes is namespaced twice and collides (Lark #1448).

Building the LALR tables takes most of a short run's time, so the built parser
is kept in the per-user cache (``timeline._cache``: ``$TIMELINE_CACHE_DIR``, else
``$XDG_CACHE_HOME/timeline``, else ``~/.cache/timeline``; ``TIMELINE_NO_CACHE=1``
turns it off). The file is named by a hash of everything the tables depend on;
a missing, stale, corrupt or unwritable cache only means building as before.

Lark's own ``cache=PATH`` option is not used: its hash includes the path, so a
file written under a temporary name and renamed into place never matches, and
it rewrites a bad file in place. ``Lark.save``/``Lark.load``, which that option
is made of, are used instead, with an atomic write (temporary file, os.replace).
The file holds the grammar's rules and terminals as pickled objects rather than
the dicts ``Lark.save`` makes of them (``Lark.load`` takes either): rebuilding
them from dicts was 3% of a short run's instructions.
"""

from __future__ import annotations

import functools
import io
import pickle
from pathlib import Path

import lark
from lark import Lark
from lark.exceptions import GrammarError as LarkGrammarError
from lark.grammar import Rule
from lark.lexer import TerminalDef
from lark.utils import SerializeMemoizer

from timeline._cache import _KEEP, cache_dir, read_blob, write_blob
from timeline._cache import cache_key as _key
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

_OPTIONS = {
    "parser": "lalr",
    "lexer": "basic",
    "propagate_positions": True,
    "maybe_placeholders": False,
}

# The layout of the file's memo (see the module docstring); a new one, a new key.
_LAYOUT = "memo-objects"
_CACHE_PREFIX = "grammar-"
_CACHE_SUFFIX = ".lark-tables"
_CACHE_KEEP = _KEEP


def grammar_text() -> str:
    parts = []
    for name in GRAMMAR_FILES:
        path = resource_path(name)
        try:
            parts.append(f"// ---- {name}\n" + path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise GrammarError(f"cannot read grammar file {name}: {exc}") from exc
    return "\n".join(parts)


def cache_key(text: str, options: dict[str, object]) -> str:
    """Hash of what the tables depend on: grammar, build options, Lark (and Python)."""
    return _key(("grammar", _LAYOUT, text, repr(sorted(options.items())), lark.__version__))


def cache_path(directory: Path, key: str) -> Path:
    return directory / f"{_CACHE_PREFIX}{key[:40]}{_CACHE_SUFFIX}"


def load_cached(path: Path, key: str) -> Lark | None:
    """The parser stored at ``path`` under ``key``; None if absent, stale or damaged."""
    payload = read_blob(path, key)
    if payload is None:
        return None
    try:
        parser = Lark.load(io.BytesIO(payload))
        # The parts the scanner reads; a damaged file fails here, not in tag().
        parser.parser.parser.parser.parse_table.start_states["start"]  # noqa: B018
    except Exception:  # noqa: BLE001 - any failure to load means: build instead
        return None
    return parser


def store_cached(path: Path, key: str, parser: Lark) -> bool:
    """Write the parser to ``path`` atomically; False (and no error) if it cannot."""
    buffer = io.BytesIO()
    parser.save(buffer)
    saved = buffer.getvalue()
    try:
        saved = _memo_as_objects(saved)
    except Exception:  # noqa: BLE001 - Lark's internals moved: its own layout still loads
        pass
    return write_blob(path, key, saved, _CACHE_PREFIX)


def _memo_as_objects(saved: bytes) -> bytes:
    """``Lark.save``'s pickle with its memo (rules and terminals, which the rest
    of the tables refer to by number) turned back into objects, as Lark.load
    would; Lark.load passes objects through as they are."""
    payload = pickle.loads(saved)
    memo = SerializeMemoizer.deserialize(
        payload["memo"], {"Rule": Rule, "TerminalDef": TerminalDef}, {}
    )
    buffer = io.BytesIO()
    _RulePickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(
        {"data": payload["data"], "memo": memo}
    )
    return buffer.getvalue()


class _RulePickler(pickle.Pickler):
    """Rules are stored by their fields: a Rule keeps its hash, which hashes
    strings and so differs from one process to the next; the constructor
    computes it again."""

    def reducer_override(self, obj: object) -> object:
        if type(obj) is Rule:
            return Rule, (obj.origin, obj.expansion, obj.order, obj.alias, obj.options)
        return NotImplemented


def _build(text: str, strict: bool) -> Lark:
    try:
        return Lark(text, strict=strict, **_OPTIONS)  # type: ignore[arg-type]
    except LarkGrammarError as exc:
        raise GrammarError(f"grammar does not build: {exc}") from exc


@functools.cache
def build_parser(strict: bool = False) -> Lark:
    """The LALR parser over the joined grammar (built once per process).

    ``strict`` (conflicts and colliding terminals fail the build) is a check of
    the grammar, so it always builds and never touches the cache.
    """
    if strict:
        return _build(grammar_text(), strict=True)
    return load_parser(cache_dir())


def load_parser(directory: Path | None) -> Lark:
    """The parser from the cache in ``directory`` if it holds this grammar's, else
    built (and stored there when it can be); ``None``: always build."""
    text = grammar_text()
    if directory is None:
        return _build(text, strict=False)
    key = cache_key(text, dict(_OPTIONS, strict=False))
    path = cache_path(directory, key)
    parser = load_cached(path, key)
    if parser is None:
        parser = _build(text, strict=False)
        store_cached(path, key, parser)
    return parser
