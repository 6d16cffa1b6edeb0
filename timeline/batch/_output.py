"""The output file of a batch: written and flushed one document at a time, resumable.

Whatever stops a run (Ctrl-C, a full disk, a kill), the file holds whole
documents followed at most by one torn line, which ``--resume`` drops.
JSON Lines: one line per document, ``{"id":...`` first, so resuming reads
only each line's id.  CSV: a header, then each document's rows together;
resuming redoes the last document, whose rows may be cut short.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from typing import IO, Any

from timeline._errors import InputError
from timeline.batch._document import CSV_COLUMNS, csv_header
from timeline.cli._main import display_name

_ID_PREFIX = b'{"id":'
_DECODER = json.JSONDecoder()


def id_key(rid: Any) -> str:
    """The key an id is compared by on --resume: its text, as CSV keeps it (a lone
    surrogate, which UTF-8 cannot carry, as \\udXXX)."""
    return str(rid).encode("utf-8", "backslashreplace").decode("utf-8")


class BatchOutput:
    """An output file open for appending whole documents."""

    def __init__(self, path: str, handle: IO[bytes], done: set[str]) -> None:
        self.path = path
        self.name = display_name(path)
        self.handle = handle
        self.done = done  # ids already in the file (resume)
        self.good = handle.tell()  # the end of the last whole document

    @classmethod
    def open(cls, path: str, fmt: str, *, resume: bool) -> BatchOutput:
        """Create or replace ``path``; with resume, keep its whole documents and append."""
        name = display_name(path)
        if os.path.isdir(path):
            raise InputError(f"{name}: is a folder; --out takes a file")
        try:
            if resume and os.path.exists(path):
                handle = open(path, "r+b")  # kept open for the run
                try:
                    scan = _scan_jsonl if fmt == "jsonl" else _scan_csv
                    done, keep = scan(handle, name)
                    handle.truncate(keep)
                    handle.seek(keep)
                except BaseException:
                    handle.close()
                    raise
            else:
                handle, done = open(path, "wb"), set()
        except OSError as exc:
            raise InputError(f"{name}: cannot write: {exc.strerror or exc}") from None
        out = cls(path, handle, done)
        if fmt == "csv" and out.good == 0:
            out.write(csv_header())
        return out

    @property
    def identity(self) -> tuple[int, int]:
        st = os.fstat(self.handle.fileno())
        return st.st_dev, st.st_ino

    def write(self, text: str) -> None:
        """Append one document's output; on the disk it is whole or, after a failure, cut off."""
        data = text.encode("utf-8")
        self.handle.write(data)
        self.handle.flush()
        self.good += len(data)

    def close(self) -> None:
        """Close, cutting off a document whose write did not finish."""
        try:
            try:
                self.handle.flush()
            except OSError:
                pass
            if self.handle.tell() != self.good:
                self.handle.truncate(self.good)
        except (OSError, ValueError):
            pass
        finally:
            try:
                self.handle.close()
            except OSError:
                pass


def _foreign(name: str, number: int) -> InputError:
    return InputError(
        f"{name}: line {number} is not a timeline batch record; not resuming it "
        "(--force replaces the file)"
    )


def _line_id(line: bytes, name: str, number: int) -> Any:
    """The id of one complete JSON line; only its start is parsed when it is ours."""
    try:
        text = line.decode("utf-8")
        if line.startswith(_ID_PREFIX):
            try:
                rid, end = _DECODER.raw_decode(text, len(_ID_PREFIX))
                if text[end] == "," and text.rstrip().endswith("}"):
                    return rid
            except (ValueError, IndexError):
                pass  # not as this module writes it: read it whole
        record = json.loads(text)
    except (ValueError, IndexError, RecursionError):
        raise _foreign(name, number) from None
    if not isinstance(record, dict) or "id" not in record:
        raise _foreign(name, number)
    return record["id"]


def _scan_jsonl(handle: IO[bytes], name: str) -> tuple[set[str], int]:
    """(ids of the complete lines, where they end); a last line without its newline is torn."""
    done: set[str] = set()
    keep = 0
    for number, line in enumerate(handle, start=1):
        if not line.endswith(b"\n"):
            break
        if line.strip():
            done.add(id_key(_line_id(line, name, number)))
        keep += len(line)
    return done, keep


def _scan_csv(handle: IO[bytes], name: str) -> tuple[set[str], int]:
    """(ids before the last document, where that document starts): its rows may be cut short."""
    consumed = [0]

    def lines() -> Iterator[str]:
        for line in handle:
            if not line.endswith(b"\n"):  # torn
                return
            consumed[0] += len(line)
            yield line.decode("utf-8", "surrogateescape")

    reader = csv.reader(lines(), strict=True)
    try:
        header = next(reader, None)
    except csv.Error:
        header = None
    if header is None:  # empty, or not even a whole header: start again
        return set(), 0
    if tuple(header) != CSV_COLUMNS:
        raise InputError(f"{name}: not a timeline batch CSV (its header differs); not resuming "
                         "it (--force replaces the file)")  # fmt: skip
    done: set[str] = set()
    last, last_start = None, consumed[0]
    start = consumed[0]
    try:
        for row in reader:
            if row and row[0] != last:
                if last is not None:
                    done.add(last)
                last, last_start = row[0], start
            start = consumed[0]
    except csv.Error:  # a torn quoted field is fine at the end, not before it
        if handle.read(1):
            raise InputError(f"{name}: not a CSV file; not resuming it "
                             "(--force replaces the file)") from None  # fmt: skip
    if last is None:
        return done, start
    return done, last_start
