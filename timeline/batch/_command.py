"""``timeline batch``: the timelines of a whole archive, one record per document.

    timeline batch INPUT... --out OUT [--jobs N] [--format jsonl|csv] [--resume | --force]
                   [--published YYYY-MM-DD] [--nominals signalled|all|none]

Documents run in N worker processes and are written in input order, each
flushed as soon as it and those before it are done.  A document that cannot
be read or dated becomes an error record and the run goes on.  Exit status:
0 when the run finished (error records included), 1 when it could not run
or write, 2 for bad usage, 130 on Ctrl-C (OUT then holds whole documents
only, and --resume continues it).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

from timeline._errors import TimelineError
from timeline.batch._document import FORMATTERS, Item, run_chunk
from timeline.batch._inputs import check_inputs, count_items, iter_items, skip_file
from timeline.batch._output import BatchOutput, id_key
from timeline.batch._runner import default_jobs, run_ordered
from timeline.cli._main import EXIT_ERROR, EXIT_USAGE, _date, _Parser, _say, display_name

EXIT_INTERRUPTED = 130
CRASHED = "a worker process died while running it (out of memory?)"


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"invalid job count {text!r}: expected a whole number >= 1"
        )
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="timeline batch",
        description="Write the timeline of every document of an archive, one record per "
        "document, in input order.",
        epilog='A JSON Lines record is {"id": ..., "timeline": {...}} (the timeline/1 JSON '
        'document) or {"id": ..., "error": "reason"}. CSV has one row per event (sentence: '
        "0-based, as in the JSON), one with the id alone for a document without events, and "
        'one with "error" set for a failed one.',
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="text or TimeML (.tml) files; folders (their *.txt and *.tml files, "
                        "in every subfolder); globs; JSON Lines (.jsonl) files of {\"id\", "
                        "\"text\", \"published\"} records; - for JSON Lines on stdin")  # fmt: skip
    parser.add_argument("--out", required=True, metavar="OUT",
                        help="the file to write (an existing one is kept unless --resume or "
                        "--force)")  # fmt: skip
    parser.add_argument("--format", choices=tuple(FORMATTERS),
                        help="jsonl: one record per line; csv: one row per event "
                        "(default: csv when OUT ends in .csv, else jsonl)")  # fmt: skip
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help=f"worker processes (default: the CPUs, here {default_jobs()})",
    )
    again = parser.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true",
                       help="keep the documents already in OUT and do the rest (a torn last "
                       "line is dropped and redone)")  # fmt: skip
    again.add_argument("--force", action="store_true", help="replace an existing OUT")
    parser.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                        help="publication date, YYYY-MM-DD, of every file (instead of its dateline "
                        "or TimeML creation time) and of every record without its own "
                        "\"published\"")  # fmt: skip
    parser.add_argument("--nominals", choices=("signalled", "all", "none"), default="signalled",
                        help="event nouns: those a time or connective places (default), "
                        "every event noun, or none")  # fmt: skip
    return parser


def _isatty(stream: Any) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _progress(inputs: Sequence[str], skip: Any) -> Any:
    """A tqdm bar on a terminal's stderr (documents/s; the ETA once they are counted), or None."""
    if not _isatty(sys.stderr):
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # a runtime dependency, but the run does not need it
        return None
    bar = tqdm(total=None, unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)

    def count() -> None:
        try:
            bar.total = count_items(inputs, skip)
        except Exception:  # the bar just goes without a total
            pass

    # Listing a big archive takes a while: count beside the run, not before it.
    threading.Thread(target=count, name="timeline-batch-count", daemon=True).start()
    return bar


class _Tally:
    def __init__(self) -> None:
        self.written = self.errors = self.skipped = 0


def _todo(items: Iterator[Item], done: set[str], tally: _Tally, bar: Any) -> Iterator[Item]:
    for item in items:
        if done and id_key(item.id) in done:
            tally.skipped += 1
            if bar is not None:
                bar.update(1)
            continue
        yield item


def batch_main(argv: Sequence[str]) -> int:
    """Run ``timeline batch`` with ``argv`` (the words after "batch"); the exit status."""
    try:
        return _batch_main(argv)
    except KeyboardInterrupt:  # while reading the options: nothing written yet
        _say("interrupted")
        return EXIT_INTERRUPTED


def _batch_main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exc:  # usage errors and --help, already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    fmt = args.format or ("csv" if args.out.lower().endswith(".csv") else "jsonl")
    name = display_name(args.out)
    try:
        check_inputs(args.inputs, args.out)
        if not (args.resume or args.force) and os.path.isfile(args.out) \
                and os.path.getsize(args.out) > 0:  # fmt: skip
            _say(f"{name}: already exists; pass --resume to continue it or --force to replace it")
            return EXIT_ERROR
        out = BatchOutput.open(args.out, fmt, resume=args.resume)
    except TimelineError as exc:
        _say(f"{type(exc).__name__}: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say(f"interrupted before {name} was written")
        return EXIT_INTERRUPTED
    try:
        return _run(args, fmt, out)
    finally:
        out.close()


def _run(args: argparse.Namespace, fmt: str, out: BatchOutput) -> int:
    jobs = args.jobs or default_jobs()
    skip = skip_file(out.identity)
    tally, bar = _Tally(), None
    work = functools.partial(run_chunk, published=args.published, nominals=args.nominals, fmt=fmt)

    def crashed(item: Item) -> tuple[Any, bool, str]:
        return item.id, True, FORMATTERS[fmt]({"id": item.id, "error": CRASHED})

    started = time.monotonic()
    results = None
    try:
        bar = _progress(args.inputs, skip)
        todo = _todo(iter_items(args.inputs, skip), out.done, tally, bar)
        results = run_ordered(work, todo, jobs=jobs, on_crash=crashed)
        for _rid, failed, text in results:
            try:
                out.write(text)
            except OSError as exc:
                results.close()
                _say(f"{out.name}: cannot write: {exc.strerror or exc}; it holds "
                     f"{tally.written:,} whole documents of this run, and --resume continues it")  # fmt: skip
                return EXIT_ERROR
            tally.written += 1
            tally.errors += failed
            if bar is not None:
                bar.update(1)
    except KeyboardInterrupt:
        if results is not None:
            results.close()  # terminates the workers
        if bar is not None:
            bar.close()
            bar = None
        _say(f"interrupted: {out.name} holds whole documents only "
             f"({tally.written:,} of this run); --resume continues it")  # fmt: skip
        return EXIT_INTERRUPTED
    finally:
        if bar is not None:
            bar.close()
    took = time.monotonic() - started
    resumed = f", {tally.skipped:,} already there" if args.resume else ""
    _say(f"{tally.written:,} documents in {took:.1f} s ({tally.written / max(took, 1e-9):,.0f}/s): "
         f"{tally.errors:,} errors{resumed} -> {out.name}")  # fmt: skip
    return 0
