"""The data files beside the grammar (``grammars/``): finding and loading them.

The one loader of the project's TOML tables, below every pipeline stage, so
the text stage and the expression stage read their word lists the same way.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline._cache import cache_dir, cache_key, read_blob, write_blob
from timeline._errors import DataTableError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def resource_path(name: str) -> Path:
    """Path of a file in the grammar folder, installed or in a source checkout."""
    packaged = _packaged_folder()
    if packaged is not None and (packaged / name).is_file():
        return Path(str(packaged / name))
    return _checkout_folder() / name


# Looked up once: a run reads some thirty files, and each failed look-up of the
# package (a source checkout) searches the whole import path again.
@functools.cache
def _packaged_folder() -> Traversable | None:
    try:
        return resources.files("timeline.grammars")
    except ModuleNotFoundError:
        return None


@functools.cache
def _checkout_folder() -> Path:
    return Path(__file__).resolve().parent.parent / "grammars"


def load_table(name: str) -> dict[str, Any]:
    """A TOML table of the grammar folder; DataTableError names the file on failure.

    The parsed table is kept in the per-user cache (``timeline._cache``) under
    a hash of the file's bytes: reading TOML costs about a tenth of a short
    run's start, unpickling next to nothing. An edited file has another hash.
    """
    path = resource_path(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataTableError(f"{name}: cannot read: {exc}") from exc
    directory = cache_dir()
    if directory is None:
        return _parse(name, data)
    family = "table-" + re.sub(r"[^\w.-]", "_", name) + "-"
    key = cache_key(("table", name, hashlib.sha256(data).hexdigest()))
    cached = directory / f"{family}{key[:40]}.pickle"
    payload = read_blob(cached, key)
    if payload is not None:
        try:
            table = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a damaged file means: parse instead
            table = None
        if isinstance(table, dict):
            return table
    table = _parse(name, data)
    write_blob(cached, key, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL), family)
    return table


def _parse(name: str, data: bytes) -> dict[str, Any]:
    import tomllib  # only a table missing from the cache is parsed

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataTableError(f"{name}: not UTF-8 text: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataTableError(f"{name}: {exc}") from exc


def prefix_trie(words: list[str]) -> str:
    """One regex for a set of words, sharing their prefixes."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
