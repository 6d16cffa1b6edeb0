"""The data files beside the grammar (``grammars/``): finding and loading them.

The one loader of the project's TOML tables, below every pipeline stage, so
the text stage and the expression stage read their word lists the same way.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from timeline._errors import DataTableError


def resource_path(name: str) -> Path:
    """Path of a file in the grammar folder, installed or in a source checkout."""
    try:
        packaged = resources.files("timeline.grammars") / name
        if packaged.is_file():
            return Path(str(packaged))
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "grammars" / name


def load_table(name: str) -> dict[str, Any]:
    """A TOML table of the grammar folder; DataTableError names the file on failure."""
    path = resource_path(name)
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise DataTableError(f"{name}: cannot read: {exc}") from exc
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
