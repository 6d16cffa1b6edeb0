"""Listing a batch's documents from its INPUT arguments, lazily and in a fixed order.

An INPUT is a file (a ".jsonl" file holds one record per line; a ".tml" file
is TimeML; anything else is text), a folder (its *.txt and *.tml files, in
every subfolder, by name; hidden ones are skipped), a glob of those, or "-":
JSON Lines on standard input.  Nothing is read ahead: an archive of millions
of documents is listed in constant memory (a glob's matches are sorted, as a
shell sorts them).
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from timeline._errors import InputError
from timeline.batch._document import Item, record_item
from timeline.cli._main import display_name
from timeline.expressions._tag import MAX_TEXT_CHARS

FOLDER_SUFFIXES = (".txt", ".tml")
_MAGIC = re.compile(r"[*?[]")
# A record's text may be JSON-escaped at up to 6 bytes a character ("\u00e9").
MAX_LINE_BYTES = 6 * MAX_TEXT_CHARS + (1 << 20)

Skip = Callable[[str], bool]


def check_inputs(inputs: Sequence[str], out: str) -> None:
    """InputError for an INPUT that names nothing, or names the output file."""
    if list(inputs).count("-") > 1:
        raise InputError("standard input (-) can be read only once")
    for arg in inputs:
        if arg == "-":
            continue
        name = display_name(arg)
        if os.path.exists(arg):
            if os.path.exists(out) and os.path.samefile(arg, out):
                raise InputError(f"{name}: is the output file (--out); give another --out")
        elif not _MAGIC.search(arg):
            raise InputError(f"{name}: no such file or folder")
        elif next(glob.iglob(arg, recursive=True), None) is None:
            raise InputError(f"{name}: no file matches")


def _is_records(path: str) -> bool:
    return path == "-" or path.lower().endswith(".jsonl")


def _walk(top: str, skip: Skip) -> Iterator[tuple[str, str | None]]:
    """(path, None) for each text or TimeML file under ``top``; (folder, reason) when unreadable."""
    failed: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=failed.append):
        while failed:
            exc = failed.pop(0)
            yield exc.filename or root, f"cannot list folder: {exc.strerror or exc}"
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(root, name)
            if (not name.startswith(".") and name.lower().endswith(FOLDER_SUFFIXES)
                    and not skip(path)):  # fmt: skip
                yield path, None
    for exc in failed:  # the top folder itself
        yield exc.filename or top, f"cannot list folder: {exc.strerror or exc}"


def _paths(inputs: Sequence[str], skip: Skip) -> Iterator[tuple[str, str | None]]:
    """(path, None) for every file or record file the inputs name, or (path, reason)."""
    for arg in inputs:
        if arg == "-" or (os.path.exists(arg) and not os.path.isdir(arg)):
            yield arg, None
        elif os.path.isdir(arg):
            yield from _walk(arg, skip)
        else:
            for match in sorted(glob.glob(arg, recursive=True)):
                if os.path.isdir(match):
                    yield from _walk(match, skip)
                elif not skip(match):
                    yield match, None


def skip_file(out_identity: tuple[int, int] | None) -> Skip:
    """Whether a listed file is the output itself (a glob or folder may match it)."""

    def skip(path: str) -> bool:
        if out_identity is None:
            return False
        try:
            st = os.stat(path)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) == out_identity

    return skip


def iter_items(inputs: Sequence[str], skip: Skip) -> Iterator[Item]:
    """Every document of the inputs, in order: files as paths (read by the worker), records whole."""
    for path, reason in _paths(inputs, skip):
        name = "standard input" if path == "-" else display_name(path)
        if reason is not None:
            yield Item(name, error=reason)
        elif _is_records(path):
            yield from _records(path, name)
        else:
            yield Item(name, path=path)


def count_items(inputs: Sequence[str], skip: Skip) -> int | None:
    """How many documents iter_items gives (None for standard input): for the progress bar."""
    total = 0
    for path, _reason in _paths(inputs, skip):
        if path == "-":
            return None
        if not _is_records(path):
            total += 1
            continue
        try:
            with open(path, "rb") as handle:
                total += sum(1 for line in _lines(handle) if line is None or line.strip())
        except OSError:
            total += 1
    return total


def _lines(handle: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of a binary file; None for a line longer than MAX_LINE_BYTES (skipped unread)."""
    while True:
        line = handle.readline(MAX_LINE_BYTES)
        if not line:
            return
        if len(line) == MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _records(path: str, name: str) -> Iterator[Item]:
    try:
        if path == "-" and sys.stdin is None:  # started with standard input closed (<&-)
            raise OSError("standard input is closed")
        handle = getattr(sys.stdin, "buffer", sys.stdin) if path == "-" else open(path, "rb")
    except OSError as exc:
        yield Item(name, error=f"cannot read: {exc.strerror or exc}")
        return
    try:
        for number, line in enumerate(_lines(handle), start=1):
            where = f"{name}:{number}"
            if line is None:
                yield Item(where, error=f"line too long (limit {MAX_LINE_BYTES:,} bytes)")
                continue
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield Item(where, error=f"not UTF-8 (invalid byte at offset {exc.start})")
                continue
            except ValueError as exc:  # json.JSONDecodeError; RecursionError is not one
                yield Item(where, error=f"not JSON: {exc}")
                continue
            except RecursionError:
                yield Item(where, error="not JSON: nested too deeply")
                continue
            yield record_item(record, where)
    except OSError as exc:
        yield Item(name, error=f"cannot read: {exc.strerror or exc}")
    finally:
        if path != "-":
            handle.close()
