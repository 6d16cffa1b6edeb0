"""`timeline FILE...`: the timeline of dated articles in each output format.

text and json/csv/html/timeml solve every file together (mentions of one
happening merged across them, unless --no-merge); jsonl reads, solves and
writes one file at a time, so its memory stays one document's worth.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from typing import Any

from timeline._errors import InputError
from timeline.cli._main import _date, _fit_stdout, _json, _Parser, display_name, read_input

__all__ = ["FORMATS", "timeline_command"]


def _timeline_parser() -> _Parser:
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
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="json: one timeline/2 document; jsonl: one timeline/2 object per "
                        "input file per line, each read and written in turn (bounded memory, "
                        "no merging across files); csv: one row per event; timeml: a TimeML "
                        "1.2.1 document (one input file only); html: one self-contained page "
                        "to open in a browser")  # fmt: skip
    parser.add_argument("--input", choices=("text", "timeml"),
                        help="input format (default: timeml for a .tml file, else text)")  # fmt: skip
    parser.add_argument("--explain", action="store_true", help="show the evidence for each date")
    parser.add_argument("--nominals", choices=("signalled", "all", "none"), default="signalled",
                        help="event nouns: those a time or connective places (default), "
                        "every event noun, or none")  # fmt: skip
    parser.add_argument("--tlinks", choices=("all", "entailed"), default="all",
                        help="with --format timeml: all (default) also writes the likely "
                        "relations (tense to the publication day, the likely order of "
                        "neighbours); entailed writes only what firm evidence entails")  # fmt: skip
    parser.add_argument("--no-merge", dest="merge", action="store_false",
                        help="keep every mention apart (default: the mentions of one "
                        "happening, across files or within one, are merged)")  # fmt: skip
    return parser


FORMATS = ("text", "json", "jsonl", "csv", "timeml", "html")


def _source(path: str, args: argparse.Namespace, how: dict[str, str]) -> Any:
    """The Source of one input, its publication date found as the options say."""
    from timeline.expressions._dateline import find_publication_date
    from timeline.solver._extract import Source

    text, dct = read_input(path, args.input)
    name = "stdin" if path == "-" else display_name(path)
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
    return Source(text, published, name)


def _jsonl(paths: list[str], args: argparse.Namespace) -> Iterator[str]:
    """One line per input, each file read, solved and written before the next is read."""
    from timeline.output._json import iter_jsonl
    from timeline.solver._extract import extract_many

    def timelines() -> Iterator[tuple[Any, dict[str, str]]]:
        for path in paths:
            how: dict[str, str] = {}
            source = _source(path, args, how)
            yield extract_many([source], nominals=args.nominals, merge=args.merge), how

    return iter_jsonl(timelines())


def timeline_command(argv: Sequence[str]) -> str | Iterator[str]:
    parser = _timeline_parser()
    args = parser.parse_args(argv)
    if args.files.count("-") > 1:
        parser.error("standard input (-) can be read only once")
    if args.format == "timeml" and len(args.files) > 1:
        parser.error(f"--format timeml writes one document: give one FILE, not {len(args.files)}")
    if args.format == "jsonl":
        return _jsonl(args.files, args)
    from timeline.solver._extract import extract_many

    how: dict[str, str] = {}
    sources = [_source(path, args, how) for path in args.files]
    timeline = extract_many(sources, nominals=args.nominals, merge=args.merge)
    if args.format == "timeml":
        from timeline.output._timeml import to_timeml

        return _fit_stdout(to_timeml(timeline, sources[0].name, text=sources[0].text,
                                     tlinks=args.tlinks))  # fmt: skip
    if args.format == "json":
        from timeline.output._json import timeline_json

        return _json(timeline_json(timeline, how))
    if args.format == "csv":
        from timeline.output._tables import to_csv

        return to_csv(timeline)
    if args.format == "html":
        from timeline.output._html import to_html

        return to_html(timeline, how)
    from timeline.output._render import format_text

    return format_text(timeline, explain=args.explain, sources=how) + "\n"
