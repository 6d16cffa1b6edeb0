"""Command line.

    timeline FILE|- ... [--published YYYY-MM-DD] [--format text|json|timeml] [--explain]
                        [--input text|timeml]
    timeline tag FILE|- [--published YYYY-MM-DD] [--format text|json] [--input text|timeml]

A file ending in ".tml" (or any input with --input timeml) is a TimeML
document: its <TEXT> is read without the annotation, and its creation time
is the publication date unless --published is given.

Bad input gives one line on stderr and exit status 1 (2 for bad usage),
never a traceback.  Only TimelineError is caught (file errors are turned into
InputError where the file is read); anything else is a bug and should be
reported as one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence

from timeline._errors import InputError, TimelineError
from timeline._model import TimeExpression
from timeline._tag import MAX_TEXT_CHARS, tag

EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"timeline: error: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {text!r}: expected YYYY-MM-DD (a real calendar day)"
        ) from None


def read_text(path: str) -> str:
    """The text of a file or of stdin ('-'); refuses binary data with InputError."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_CHARS * 4 + 1)
        name = "standard input"
    else:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_TEXT_CHARS * 4 + 1)
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory") from None
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        name = path
    if len(data) > MAX_TEXT_CHARS * 4:
        raise InputError(f"{name}: too large (limit {MAX_TEXT_CHARS:,} characters)")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (invalid byte at offset {exc.start})"
        ) from None


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
    from timeline._timeml import read_timeml

    try:
        return read_timeml(text)
    except InputError as exc:
        name = "standard input" if path == "-" else path
        raise InputError(f"{name}: {exc}") from None


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


def _tag_command(argv: Sequence[str]) -> int:
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
        doc = {
            "published": published.isoformat(),
            "source": args.file,
            "expressions": [e.to_dict() for e in expressions],
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        print(format_expressions(expressions, explain=args.explain))
    return 0


def _timeline_command(argv: Sequence[str]) -> int:
    from timeline._dateline import find_publication_date
    from timeline._render import format_text as timeline_text
    from timeline._render import to_json
    from timeline._timeline import Source, extract_many

    parser = _Parser(
        prog="timeline",
        description="Print the ordered timeline of dated news articles "
        "('timeline tag ...' lists the temporal expressions only).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="text or TimeML (.tml) files, or - for stdin")  # fmt: skip
    parser.add_argument("--published", type=_date,
                        help="publication date, YYYY-MM-DD (default: the article's dateline, "
                        "or a TimeML document's creation time)")  # fmt: skip
    parser.add_argument("--format", choices=("text", "json", "timeml"), default="text",
                        help="timeml: a TimeML 1.2.1 document (one input file only)")  # fmt: skip
    parser.add_argument("--input", choices=("text", "timeml"),
                        help="input format (default: timeml for a .tml file, else text)")  # fmt: skip
    parser.add_argument("--explain", action="store_true", help="show the evidence for each date")
    parser.add_argument("--nominals", choices=("signalled", "all", "none"), default="signalled",
                        help="event nouns: those a time or connective places (default), "
                        "every event noun, or none")  # fmt: skip
    args = parser.parse_args(argv)
    if args.files.count("-") > 1:
        parser.error("standard input (-) can be read only once")
    if args.format == "timeml" and len(args.files) > 1:
        parser.error(f"--format timeml writes one document: give one FILE, not {len(args.files)}")
    sources, how = [], {}
    for path in args.files:
        text, dct = read_input(path, args.input)
        name = "stdin" if path == "-" else path
        if args.published is not None:
            published, how[name] = args.published, "given with --published"
        elif dct is not None:
            published, how[name] = dct, "read from the TimeML creation time (DCT)"
        else:
            found = find_publication_date(text)
            if found is None:
                raise InputError(
                    f"{name}: no publication date found at the top; pass --published YYYY-MM-DD"
                )
            published, how[name] = found[0], f'read from the dateline "{found[1]}"'
        sources.append(Source(text, published, name))
    timeline = extract_many(sources, nominals=args.nominals)
    if args.format == "timeml":
        from timeline._timeml import to_timeml

        print(to_timeml(timeline, sources[0].name, text=sources[0].text), end="")
    elif args.format == "json":
        print(json.dumps(to_json(timeline, how), indent=2, ensure_ascii=False))
    else:
        print(timeline_text(timeline, explain=args.explain, sources=how))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "tag":
            return _tag_command(args[1:])
        return _timeline_command(args)
    except TimelineError as exc:
        print(f"timeline: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
