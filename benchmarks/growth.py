"""Growth: seconds of every stage on texts of 1 KB, 10 KB, 100 KB and 1 MB.

    python benchmarks/growth.py                          # all shapes, up to 1 MB
    python benchmarks/growth.py --max-size 100K          # a quick run
    python benchmarks/growth.py --shapes quotes,parens --limit 60

Every stage should grow linearly (or as n log n) with its input: ten times
the text, about ten times the seconds. For each shape of text below and
each size, it times

    tag       timeline.tag(text, published)
    events    sentences, tokens, clauses and events: find_events(text,
              split_sentences(text)), the part of extract before the rules
    extract   timeline.extract(text, published)
    text      the text render of that timeline (what the CLI prints)
    json      json.dumps of its JSON render (timeline/2, as --format json)
    timeml    timeline.to_timeml(tl)
    cli       the command line, run as a subprocess on a file (sizes up to
              --cli-max only; includes Python start-up and the grammar build)

and prints a table of seconds with the ratio to the previous size (x10 is
linear; "!" marks a ratio above 12x), then the output size of each stage in
bytes (for tag, events and extract: how many expressions / events). Each
(shape, size) runs in a forked child process that inherits the warm grammar;
a stage that takes longer than --limit seconds is killed and shown as
"> limit" (the renders of a timeline that was not built are shown as "-").
A fast stage is repeated (best of three runs, of up to twenty for one that
takes milliseconds) so that small cells are not noise; ratios whose larger
cell took under 0.01 s are not flagged. Other work on the machine still
shows as noise in the ratios of cells of a few milliseconds; n log n also
grows a little faster than 10x per step at the smallest sizes.

Shapes (each text is cut to about the size asked for):

    article   a short news article written for this benchmark, repeated
    verbs     one sentence of many verbs and no punctuation until the end
    spaces    "Monday" followed by long runs of spaces and newlines
    quotes    quoted clauses with no full stop: '"We will fight," he said, ...'
    parens    nested parentheses with words and verbs inside
    clauses   one sentence of many clauses: "X said that Y, and Z, while W, ..."
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import json
import multiprocessing as mp
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed import print_table  # noqa: E402  (one table printer for the benchmarks)

PUBLISHED = dt.date(2019, 3, 14)
WARM_UP = "The talks began on Monday, 3 March 2014, and ended two days later."
SIZES = (1_000, 10_000, 100_000, 1_000_000)
STAGES = ("tag", "events", "extract", "text", "json", "timeml", "cli")
RENDERS = ("text", "json", "timeml")  # need the timeline of "extract"
FLAG_RATIO = 12.0
FLAG_FLOOR = 0.01  # seconds: below this a ratio is noise, not growth
REPEAT_BELOW = 2.0  # seconds: best of three runs below this (of up to 20 within 1 s)

# ---------------------------------------------------------------------------
# Shapes

ARTICLE = """\
RIVERTON, March 14 - Flood waters that forced hundreds of families from their homes \
began to recede on Thursday, two days after the Marle river burst its banks, officials said.

The river rose sharply on Tuesday night after a week of heavy rain, and by Wednesday \
morning it had covered the lower town. "We have never seen anything like this," said \
Anna Berg, who has run a bakery on the quay since 1998. Rescue teams worked through the \
night and evacuated 340 people before the bridge was closed.

The mayor said the town would ask for emergency funds next week. Engineers are due to \
inspect the old levee on Monday, and repairs could take several months. If the rain \
returns, the council will open the sports hall again as a shelter.

Schools will stay closed until March 20. Residents were told not to drink tap water \
until tests are completed, a spokesman for the water board said on Thursday.

"""


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _sentence(opening: str, unit: str, size: int) -> str:
    """One sentence: *opening*, then *unit* repeated, cut at a word, then a full stop."""
    body = _repeat(unit, max(size - len(opening) - 1, 0))
    return opening + body[: body.rfind(" ") if " " in body else len(body)].rstrip(" ,") + "."


def article(size: int) -> str:
    return _repeat(ARTICLE, size).rstrip()


def verbs(size: int) -> str:
    return _sentence("On Monday the soldiers ", "marched crossed attacked seized held lost ", size)


def spaces(size: int) -> str:
    run = max(size - len("Monday") * 2, 0)
    return "Monday" + " " * (run // 2) + "\n" * (run - run // 2) + "Monday"


def quotes(size: int) -> str:
    return _repeat('"We will fight," he said, "and we will win," ', size).rstrip(' ,"') + '"'


def parens(size: int) -> str:
    # depth grows with the size: "(the talks began (the talks began (... on Monday))) ..."
    unit = "(the talks began "
    depth = max((size - 30) // (len(unit) + 1), 1)
    return "Officials said " + unit * depth + "on Monday" + ")" * depth + "."


def clauses(size: int) -> str:
    unit = "the town fell, and the army left, while troops waited after the vote, "
    return _sentence("Officials said on Monday that ", unit, size)


SHAPES: dict[str, Callable[[int], str]] = {
    "article": article,
    "verbs": verbs,
    "spaces": spaces,
    "quotes": quotes,
    "parens": parens,
    "clauses": clauses,
}

# ---------------------------------------------------------------------------
# Timing, in a child process per (shape, size)


def _best(run: Callable[[], object]) -> tuple[float, object]:
    """Seconds of one call; a fast call is repeated, and the best of the runs kept."""
    best, out, spent, runs = float("inf"), None, 0.0, 0
    while runs == 0 or (runs < 20 and spent < 1.0) or (runs < 3 and best < REPEAT_BELOW):
        gc.collect()
        start = time.perf_counter()
        out = run()
        took = time.perf_counter() - start
        best, spent, runs = min(best, took), spent + took, runs + 1
    return best, out


def warm_up() -> None:
    """Run every stage once on a short text: what loads lazily is loaded before timing."""
    import timeline
    from timeline.output._json import timeline_json
    from timeline.output._render import format_text

    tl = timeline.extract(WARM_UP, PUBLISHED)
    format_text(tl)
    json.dumps(timeline_json(tl))
    timeline.to_timeml(tl)


def _child(text: str, stages: list[str], conn: Connection) -> None:
    """Runs in a forked child: send (stage, seconds, size, error) after each stage."""
    import timeline
    from timeline.events._events import find_events
    from timeline.output._json import timeline_json
    from timeline.output._render import format_text
    from timeline.text import split_sentences

    render: dict[str, Callable[[timeline.Timeline], str]] = {
        "text": format_text,
        # what --format json prints: timeline/2, each event's relations included
        "json": lambda tl: json.dumps(timeline_json(tl), ensure_ascii=False),
        "timeml": timeline.to_timeml,
    }
    try:
        warm_up()  # touch what the child inherited before timing
        tl = None
        for stage in stages:
            if stage in RENDERS and tl is None:
                tl = timeline.extract(text, PUBLISHED)  # not timed: built for the renders
                conn.send(("prep", 0.0, 0, None))
            if stage == "tag":
                secs, out = _best(lambda: timeline.tag(text, PUBLISHED))
                size = len(out)  # expressions
            elif stage == "events":
                secs, out = _best(lambda: find_events(text, split_sentences(text)))
                size = len(out)
            elif stage == "extract":
                secs, tl = _best(lambda: timeline.extract(text, PUBLISHED))
                size = len(tl.events)
            else:
                secs, out = _best(functools.partial(render[stage], tl))
                size = len(out.encode())
            conn.send((stage, secs, size, None))
    except Exception as exc:  # noqa: BLE001 - reported in the table, not raised
        conn.send((stage, 0.0, 0, "".join(traceback.format_exception_only(exc)).strip()))
    finally:
        conn.close()


Cell = tuple[float | None, int, str | None]  # seconds (None: over the limit), size, error


def time_stages(text: str, stages: list[str], limit: float) -> dict[str, Cell]:
    """Each in-process stage of *stages* on *text*; a stage over *limit* s is killed."""
    ctx = mp.get_context("fork")
    cells: dict[str, Cell] = {}
    todo = [s for s in stages if s != "cli"]
    while todo:
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(text, todo, child))
        proc.start()
        child.close()
        failed = ""  # the stage that went over the limit or failed
        while todo:
            if not parent.poll(limit):
                failed = todo[0]
                cells[failed] = (None, 0, None)
                break
            try:
                stage, secs, size, err = parent.recv()
            except EOFError:
                failed = todo[0]
                cells[failed] = (0.0, 0, "the child process died")
                break
            if stage != "prep":
                cells[stage] = (secs, size, err)
                todo.remove(stage)
                if err:
                    failed = stage
                    break
        proc.kill()
        proc.join()
        parent.close()
        if failed in todo:
            todo.remove(failed)
        if failed == "extract":  # no timeline for the renders
            for stage in [s for s in todo if s in RENDERS]:
                cells[stage] = (0.0, 0, "-")
                todo.remove(stage)
    return cells


def time_cli(text: str, limit: float) -> Cell:
    """The command line on a file holding *text*, as a subprocess."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "timeline.cli", str(path),
                   "--published", PUBLISHED.isoformat()]  # fmt: skip
        start = time.perf_counter()
        try:
            done = subprocess.run(command, capture_output=True, timeout=limit, check=False,
                                  cwd=ROOT)  # fmt: skip
        except subprocess.TimeoutExpired:
            return None, 0, None
        secs = time.perf_counter() - start
    if done.returncode != 0:
        lines = done.stderr.decode(errors="replace").strip().splitlines() or ["?"]
        return secs, 0, f"exit {done.returncode}: {lines[-1][:60]}"
    return secs, len(done.stdout), None


# ---------------------------------------------------------------------------
# Report


def parse_size(value: str) -> int:
    match = re.fullmatch(r"(\d+)\s*([kKmM]?)[bB]?", value.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"invalid size {value!r}: expected e.g. 100K, 1M, 5000")
    number, unit = int(match[1]), match[2].lower()
    return number * {"": 1, "k": 1_000, "m": 1_000_000}[unit]


def label(size: int) -> str:
    if size >= 1_000_000:
        return f"{size // 1_000_000} MB"
    return f"{size // 1_000} KB" if size >= 1_000 else f"{size} B"


def seconds_cell(cell: Cell | None, before: Cell | None, limit: float) -> tuple[str, bool]:
    """The text of a seconds cell with its ratio to the previous size, and whether it is flagged."""
    if cell is None:
        return "", False
    secs, _size, err = cell
    if secs is None:
        return f"> {limit:.0f} s", before is not None and before[0] is not None
    if err:
        return "-" if err == "-" else "error", False
    text = f"{secs:.3f}"
    if before is None or before[0] is None or before[2]:
        return text, False
    ratio = secs / max(before[0], 1e-6)
    flagged = ratio > FLAG_RATIO and secs >= FLAG_FLOOR
    return f"{text} ({ratio:.0f}x{'!' if flagged else ''})", flagged


def size_cell(stage: str, cell: Cell | None) -> str:
    if cell is None or cell[0] is None or cell[2]:
        return ""
    unit = {"tag": " ex", "events": " ev", "extract": " ev"}.get(stage, "")
    return f"{cell[1]:,}{unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-size", type=parse_size, default=1_000_000,
                        help="largest text (default 1M; 100K for a quick run)")  # fmt: skip
    parser.add_argument("--shapes", default=",".join(SHAPES),
                        help=f"comma-separated shapes (default: all of {', '.join(SHAPES)})")  # fmt: skip
    parser.add_argument("--stages", default=",".join(STAGES),
                        help=f"comma-separated stages (default: all of {', '.join(STAGES)})")  # fmt: skip
    parser.add_argument("--limit", type=float, default=120.0,
                        help="seconds a stage may take in one cell (default 120)")  # fmt: skip
    parser.add_argument("--cli-max", type=parse_size, default=100_000,
                        help="largest text given to the CLI (default 100K)")  # fmt: skip
    args = parser.parse_args(argv)
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = [s for s in shapes if s not in SHAPES] + [s for s in stages if s not in STAGES]
    if unknown:
        parser.error(f"unknown shape or stage: {', '.join(unknown)}")
    sizes = [s for s in SIZES if s <= args.max_size]
    if not sizes:
        parser.error(f"--max-size must be at least {label(SIZES[0])}")

    warm_up()  # build the grammar and load the tables once; the children inherit them
    results: dict[tuple[str, int], dict[str, Cell]] = {}
    started = time.perf_counter()
    for shape in shapes:
        for size in sizes:
            text = SHAPES[shape](size)
            cells = time_stages(text, stages, args.limit)
            if "cli" in stages and size <= args.cli_max:
                cells["cli"] = time_cli(text, args.limit)
            results[shape, size] = cells
            done = ", ".join(
                f"{s} {c[0]:.2f}" if c[0] is not None else f"{s} > limit"
                for s, c in cells.items()
            )  # fmt: skip
            print(f"  {shape} {label(size)} ({len(text):,} chars): {done}", file=sys.stderr)

    print(f"== seconds per stage (ratio to the previous size; '!' above {FLAG_RATIO:.0f}x)")
    headers = ["shape", "stage"] + [label(s) for s in sizes]
    rows, size_rows, flags = [], [], []
    for shape in shapes:
        for stage in stages:
            row, size_row = [shape, stage], [shape, stage]
            previous: Cell | None = None
            for size in sizes:
                cell = results[shape, size].get(stage)
                text, flagged = seconds_cell(cell, previous, args.limit)
                row.append(text)
                size_row.append(size_cell(stage, cell))
                if flagged:
                    flags.append(f"{shape} / {stage} at {label(size)}: {text}")
                previous = cell
            if any(c for c in row[2:]):
                rows.append(row)
                size_rows.append(size_row)
    print_table(headers, rows, "ll" + "r" * len(sizes))
    print("\n== output size per stage (bytes; tag: expressions, events and extract: events)")
    print_table(headers, size_rows, "ll" + "r" * len(sizes))
    errors = [
        f"{shape} / {stage} at {label(size)}: {cell[2]}"
        for (shape, size), cells in results.items()
        for stage, cell in cells.items()
        if cell[2] not in (None, "-")
    ]
    print(f"\n{len(flags)} ratio(s) above {FLAG_RATIO:.0f}x, {len(errors)} error(s); "
          f"limit {args.limit:.0f} s a cell; {time.perf_counter() - started:.0f} s in all")  # fmt: skip
    for line in flags + errors:
        print(f"  {line}")
    return 1 if flags or errors else 0


if __name__ == "__main__":
    sys.exit(main())
