"""Command line.

    timeline FILE|- ... [--published YYYY-MM-DD] [--format text|json|jsonl|csv|timeml|html]
                        [--explain] [--input text|timeml] [--no-merge]
                        [--tlinks all|entailed]
    timeline tag FILE|- [--published YYYY-MM-DD] [--format text|json] [--input text|timeml]

JSON is timeline/2 (timeline/schema/timeline-2.schema.json) for both commands.
    timeline batch INPUT... --out OUT.jsonl [--jobs N] [--format jsonl|csv] [--resume]

A file ending in ".tml" (or any input with --input timeml) is a TimeML
document: its <TEXT> is read without the annotation, and its creation time
is the publication date unless --published is given.

Input is UTF-8 (a byte-order mark is skipped), or UTF-16 or UTF-32 with a
byte-order mark.  Bad input gives one line on stderr and exit status 1 (2 for
bad usage), never a traceback; so do a closed standard input, a full disk and
an output encoding that cannot carry the text (such characters are written as
backslash escapes).  A reader that closes the pipe early ends the run quietly.
Any other exception is a bug: it is reported in one line that asks for a report.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import io
import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from timeline._errors import MAX_TEXT_CHARS, InputError, TimelineError

# The pipeline is imported when a command needs it, not with this module:
# the entry point (__main__.run) sets up the collector first.
if TYPE_CHECKING:
    from timeline.expressions._model import TimeExpression

EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"timeline: error: {message}\n")

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse drops a failed write of --help silently; report it like any output.
        if message and file is sys.stdout:
            code = _flush(message)
            if code:
                self.exit(code)
        else:
            super()._print_message(message, file)


# Only the documented form: fromisoformat alone also takes "20190612" and "2019-W24-3".
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(text: str) -> dt.date:
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {display_name(text)!r}: expected YYYY-MM-DD (a real calendar day)"
        ) from None


def display_name(name: str) -> str:
    """A file name fit to print: bytes that are not UTF-8 (surrogate-escaped in argv) as \\xNN."""
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a lone surrogate that no byte stands for
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


# UTF-32 LE first: its mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Every encoding read spends at most 4 bytes on a character.
MAX_INPUT_BYTES = MAX_TEXT_CHARS * 4
_SNIFF = 65536


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text, or UTF-8/16/32 after a byte-order mark; InputError for anything else."""
    bom, codec, label = next(
        (row for row in _BOMS if data.startswith(row[0])), (b"", "utf-8", "UTF-8")
    )
    if not bom and b"\x00" in data[:_SNIFF]:
        raise InputError(f"{name}: looks like binary data, not text")
    try:
        text = data[len(bom) :].decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not {label} text (invalid byte at offset {exc.start + len(bom)})"
        ) from None
    if "\x00" in text[:_SNIFF]:
        raise InputError(f"{name}: looks like binary data, not text")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{name}: too large (limit {MAX_TEXT_CHARS:,} characters)")
    return text


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:  # started with standard input closed (<&-)
        raise InputError("standard input is closed")
    source = getattr(stream, "buffer", stream)
    try:
        data = source.read(MAX_INPUT_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: a closed file object
        reason = getattr(exc, "strerror", None) or exc
        raise InputError(f"standard input: cannot read: {reason}") from None
    return data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data


def _read_file(path: str) -> bytes:
    name = display_name(path)
    try:
        with open(path, "rb") as handle:
            # Refuse a huge regular file before reading it into memory.
            if os.fstat(handle.fileno()).st_size > MAX_INPUT_BYTES:
                raise InputError(f"{name}: too large (limit {MAX_TEXT_CHARS:,} characters)")
            return handle.read(MAX_INPUT_BYTES + 1)
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None


def read_text(path: str) -> str:
    """The text of a file or of stdin ('-'); refuses binary data with InputError."""
    if path == "-":
        data, name = _read_stdin(), "standard input"
    else:
        data, name = _read_file(path), display_name(path)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: too large (limit {MAX_TEXT_CHARS:,} characters)")
    return decode_text(data, name)


def _is_timeml(path: str, given: str | None) -> bool:
    """Whether to read ``path`` as TimeML: as told by --input, else by the suffix."""
    if given is not None:
        return given == "timeml"
    return path.lower().endswith(".tml")


def read_input(path: str, given: str | None) -> tuple[str, dt.date | None]:
    """(text, creation date or None) of a text or TimeML input; errors name the file."""
    text = read_text(path)
    if not _is_timeml(path, given):
        return text, None
    from timeline.output._timeml import read_timeml

    try:
        return read_timeml(text)
    except InputError as exc:
        name = "standard input" if path == "-" else display_name(path)
        raise InputError(f"{name}: {exc}") from None


def tag(text: str, published: dt.date) -> list[TimeExpression]:
    """The expression stage's tag(), imported on the first call."""
    from timeline.expressions._tag import tag as tag_expressions

    return tag_expressions(text, published)


def _interval(expr: TimeExpression) -> str:
    if expr.earliest is None and expr.latest is None:
        return "-"
    lo = expr.earliest.isoformat() if expr.earliest is not None else "..."
    hi = expr.latest.isoformat() if expr.latest is not None else "..."
    return f"[{lo}, {hi})"


def format_expressions(expressions: list[TimeExpression], explain: bool = False) -> str:
    """A table of expressions; with explain, how each was resolved and what it assumed."""
    header = ("tid", "span", "text", "type", "value", "mod", "interval", "anchor")
    rows = [header]
    for e in expressions:
        rows.append((
            e.tid,
            f"{e.start}-{e.end}",
            e.text.replace("\n", " "),
            str(e.type),
            e.value or "(unresolved)",
            e.mod or "",
            _interval(e),
            e.anchor_tid or "",
        ))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
             for r in rows]  # fmt: skip
    if explain:
        lines.append("")
        for e in expressions:
            how = f"rule {e.rule}; anchor {e.anchor}"
            if e.anchor_tid:
                how += f" ({e.anchor_tid} = {e.anchor_value})"
            if e.signal:
                how += f'; signal "{e.signal}"'
            if e.direction:
                how += f"; {e.direction} side"
            lines.append(f"{e.tid} {e.text!r}: {how}")
            lines.extend(f"    - {note}" for note in e.notes)
            if e.alternatives:
                lines.append(f"    - other readings: {', '.join(e.alternatives)}")
    return "\n".join(lines)


def _stdout_encoding() -> str:
    return getattr(sys.stdout, "encoding", None) or "utf-8"


def _json(doc: object) -> str:
    """JSON as the reader's encoding can carry it: \\u escapes only where it must."""
    import json  # only the JSON formats pay for it

    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    try:
        text.encode(_stdout_encoding())
    except (UnicodeError, LookupError):
        text = json.dumps(doc, indent=2) + "\n"
    return text


def _fit_stdout(xml: str) -> str:
    """XML as the reader's encoding can carry it: character references where it must."""
    try:
        return xml.encode(_stdout_encoding(), "xmlcharrefreplace").decode(_stdout_encoding())
    except (UnicodeError, LookupError):
        return xml


def _tag_command(argv: Sequence[str]) -> str:
    parser = _Parser(prog="timeline tag", description="Tag temporal expressions in a dated text.")
    parser.add_argument("file", help="text or TimeML (.tml) file to read, or - for standard input")
    parser.add_argument("--published", type=_date,
                        help="publication date, YYYY-MM-DD (required for text; "
                        "default for TimeML: its creation time)")  # fmt: skip
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--explain", action="store_true",
                        help="show each expression's rule, anchor, side, assumptions and other "
                        "readings")  # fmt: skip
    parser.add_argument("--input", choices=("text", "timeml"),
                        help="input format (default: timeml for a .tml file, else text)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.published is None and not _is_timeml(args.file, args.input):
        parser.error("the following arguments are required: --published")
    text, dct = read_input(args.file, args.input)
    published = args.published or dct
    assert published is not None  # a TimeML input always has its creation time
    expressions = tag(text, published)
    if args.format == "json":
        from timeline.output._json import tag_json

        how = "given with --published" if args.published else "read from the TimeML creation time (DCT)"
        name = "stdin" if args.file == "-" else display_name(args.file)
        return _json(tag_json(name, published, expressions, how))
    return format_expressions(expressions, explain=args.explain) + "\n"


def _say(message: str) -> None:
    """One line on stderr (newlines in a message would make it several)."""
    if sys.stderr is None:  # started with stderr closed: nowhere to say it
        return
    try:
        print("timeline: " + " ".join(message.splitlines()), file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _tolerant_streams() -> None:
    # Characters the output encoding lacks are written as \uNNNN, not an error.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


# Set once stdout is given up (a closed pipe): a stream stops instead of writing on.
_STOPPED: list[bool] = []


def _discard_stdout() -> None:
    # Output that cannot be delivered must not fail again when Python flushes at exit.
    _STOPPED.append(True)
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # not a real file (tests capture it)
        pass


def _flush(write: str | None = None) -> int:
    """Write (and flush) stdout: 0, or 1 with one line when it cannot take the output."""
    stream = sys.stdout
    if stream is None:
        if write is None:
            return 0
        _say("cannot write output: standard output is closed")
        return EXIT_ERROR
    try:
        if write is not None:
            stream.write(write)
        stream.flush()
    except BrokenPipeError:  # the reader has gone (| head): stop quietly, as Unix tools do
        _discard_stdout()
        return 0
    except (OSError, ValueError) as exc:
        _discard_stdout()
        _say(f"cannot write output: {getattr(exc, 'strerror', None) or exc}")
        return EXIT_ERROR
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _tolerant_streams()
    try:
        if args and args[0] == "batch":
            from timeline.batch._command import batch_main

            return batch_main(args[1:])
        if args and args[0] == "tag":
            return _flush(_tag_command(args[1:]))
        from timeline.cli._timeline_command import timeline_command

        output = timeline_command(args)
        if isinstance(output, str):
            return _flush(output)
        for chunk in output:  # streamed: written as each document is done
            code = _flush(chunk)
            if code or _STOPPED:
                return code
        return 0
    except TimelineError as exc:
        _say(f"{type(exc).__name__}: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except SystemExit:  # argparse: usage errors and --help, whose text must reach stdout
        _flush()
        raise
    except Exception as exc:  # a bug: say so in one line rather than a traceback
        _say(f"internal error: {type(exc).__name__}: {exc}, please report")
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
