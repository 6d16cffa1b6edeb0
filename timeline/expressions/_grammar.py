"""Load the Lark grammar shipped in ``grammars/`` and expose its parse table.

The family files are joined into one grammar text rather than composed with
``%import``: every family shares the lexicon's terminals, and a terminal
imported through two routes is namespaced twice and collides (Lark #1448).

Building the LALR tables takes most of a short run's time, so the built parser
is kept in a per-user cache directory (``$TIMELINE_CACHE_DIR``, else
``$XDG_CACHE_HOME/timeline``, else ``~/.cache/timeline``; ``TIMELINE_NO_CACHE=1``
turns it off). The file is named by a hash of everything the tables depend on;
a missing, stale, corrupt or unwritable cache only means building as before.

Lark's own ``cache=PATH`` option is not used: its hash includes the path, so a
file written under a temporary name and renamed into place never matches, and
it rewrites a bad file in place. ``Lark.save``/``Lark.load``, which that option
is made of, are used instead, with an atomic write (temporary file, os.replace).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path

import lark
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

_OPTIONS = {
    "parser": "lalr",
    "lexer": "basic",
    "propagate_positions": True,
    "maybe_placeholders": False,
}

# Bump when the cache file layout below changes.
_CACHE_FORMAT = b"timeline-grammar-cache 1\n"
_CACHE_PREFIX = "grammar-"
_CACHE_SUFFIX = ".lark-tables"
# Older files kept beside the newest (several installed versions may share a cache).
_CACHE_KEEP = 8
_STALE_TEMP_SECONDS = 3600


def grammar_text() -> str:
    parts = []
    for name in GRAMMAR_FILES:
        path = resource_path(name)
        try:
            parts.append(f"// ---- {name}\n" + path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise GrammarError(f"cannot read grammar file {name}: {exc}") from exc
    return "\n".join(parts)


def cache_dir() -> Path | None:
    """Where the built parser is kept, or None when caching is off."""
    if os.environ.get("TIMELINE_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("TIMELINE_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):  # the XDG spec says to ignore a relative path
        return Path(xdg) / "timeline"
    try:
        return Path.home() / ".cache" / "timeline"
    except RuntimeError:  # no home directory to be found
        return None


def cache_key(text: str, options: dict[str, object]) -> str:
    """Hash of what the tables depend on: grammar, build options, Lark and Python."""
    digest = hashlib.sha256()
    for part in (
        _CACHE_FORMAT.decode(),
        text,
        repr(sorted(options.items())),
        lark.__version__,
        sys.implementation.name,
        "{}.{}".format(*sys.version_info[:2]),
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def cache_path(directory: Path, key: str) -> Path:
    return directory / f"{_CACHE_PREFIX}{key[:40]}{_CACHE_SUFFIX}"


def _header(key: str, payload: bytes) -> bytes:
    return (
        _CACHE_FORMAT + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"
    )


def load_cached(path: Path, key: str) -> Lark | None:
    """The parser stored at ``path`` under ``key``; None if absent, stale or damaged.

    The file is unpickled, so one that another user could have written is refused.
    """
    try:
        with open(path, "rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None
            data = handle.read()
    except OSError:
        return None
    head_size = len(_CACHE_FORMAT) + 2 * 65
    head, payload = data[:head_size], data[head_size:]
    if head != _header(key, payload):  # other format, other key, or bytes changed
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
    payload = buffer.getvalue()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_header(key, payload))
            handle.write(payload)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return False
    _prune(path)
    return True


def _prune(keep: Path) -> None:
    """Drop all but the newest cache files and any temporary file left by a killed run."""
    try:
        entries = [p for p in keep.parent.iterdir() if p.name.startswith(_CACHE_PREFIX)]
        now = time.time()
        tables = []
        for p in entries:
            mtime = p.stat().st_mtime
            if p.name.endswith(_CACHE_SUFFIX):
                if p != keep:
                    tables.append((mtime, p))
            elif p.name.endswith(".tmp") and now - mtime > _STALE_TEMP_SECONDS:
                p.unlink()
        tables.sort(reverse=True)
        for _, p in tables[_CACHE_KEEP:]:
            p.unlink()
    except OSError:
        pass


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
