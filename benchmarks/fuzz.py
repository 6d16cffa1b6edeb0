"""Fuzz the whole pipeline: tag, extract and every output format, at scale.

    python benchmarks/fuzz.py                       # 100,000 inputs on 2 cores
    python benchmarks/fuzz.py --count 20000 --seed 7 --jobs 2

Input i of seed s is generated from ``random.Random(f"{s}:{i}")`` by the generators of
tests/property/fuzz_strategies.py (the ones the hypothesis properties use): arbitrary
Unicode, surrogate-escaped bytes, grammar-derived phrases, news-like sentences with phrases
and junk spliced in; publication dates over years 1-9999 as dates and naive and aware
datetimes.  Each input goes through ``check_pipeline``: tag, extract, text output, JSON
output validated against the schema, TimeML output parsed and read back.

Each input runs under a watchdog (SIGALRM in the worker): over ``--limit`` seconds (2 s for
an input under 10 KB, in proportion above) it is counted as a hang and the worker moves on.
The report gives the counts (inputs, refusals, crashes, hangs, invariant violations) and, for
each distinct failure class (exception type and the innermost line of timeline/ it came from,
or the broken invariant), one example shrunk to a minimal text that still fails the same
way.  Every failing input is written to benchmarks/_out/fuzz_failures.jsonl.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import multiprocessing as mp
import os
import random
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "property"))

import fuzz_strategies as fz  # noqa: E402

from timeline._errors import TimelineError  # noqa: E402

OUT = ROOT / "benchmarks" / "_out" / "fuzz_failures.jsonl"
SMALL_INPUT = 10_000  # characters: the time limit holds as given up to here
SHRINK_BUDGET = 150  # checks spent shrinking each class's example
# A worker that returns nothing for this long is stuck where SIGALRM cannot reach (C code).
STUCK_AFTER = 120.0

_seed = 0
_limit = 2.0


class Hang(BaseException):
    """Raised by the watchdog; a BaseException so no ``except Exception`` swallows it."""


def _on_alarm(signum, frame):
    raise Hang


def _where(exc: BaseException) -> str:
    """The innermost line of the timeline package in a traceback ("_resolve.py:212 in shift")."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.name != "_on_alarm"]
    ours = [f for f in frames if f"{os.sep}timeline{os.sep}" in f.filename]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    return f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"


def classify(text: str, published, limit: float) -> tuple[str, str, str]:
    """(status, failure class, last line): status ok, refused, crash, hang or violation."""
    budget = limit * max(1.0, len(text) / SMALL_INPUT)
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        fz.check_pipeline(text, published)
    except TimelineError as exc:
        return "refused", type(exc).__name__, f"{type(exc).__name__}: {exc}"
    except Hang as exc:
        return "hang", f"over {budget:g} s, interrupted at {_where(exc)}", f"hang > {budget:g} s"
    except fz.Violation as exc:
        return "violation", exc.kind, str(exc)
    except Exception as exc:
        last = traceback.format_exception_only(exc)[-1].strip()
        return "crash", f"{type(exc).__name__} at {_where(exc)}", last
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return "ok", "", ""


def _input(index: int):
    return fz.fuzz_input(random.Random(f"{_seed}:{index}"))


def _init(seed: int, limit: float) -> None:
    global _seed, _limit
    _seed, _limit = seed, limit
    signal.signal(signal.SIGALRM, _on_alarm)


def _work(index: int):
    kind, text, published = _input(index)
    status, cls, last = classify(text, published, _limit)
    if status in ("ok", "refused"):
        return index, kind, status, cls, None, None, None
    return index, kind, status, cls, last, text, published


CHUNK = 16


def _star_chunk(args: tuple[int, int]):
    first, count = args
    return [_work(i) for i in range(first, min(first + CHUNK, count))]


def _published_json(published) -> dict:
    return {"published": published.isoformat(), "published_type": type(published).__name__}


def _shrink(text: str, published, status: str, cls: str, limit: float) -> str:
    """A smaller text failing the same way: drop chunks, halving their size (delta debugging)."""
    budget = SHRINK_BUDGET if status != "hang" else 12
    size = max(1, len(text) // 2)
    while size >= 1 and budget > 0:
        start, shrunk = 0, False
        while start < len(text) and budget > 0:
            candidate = text[:start] + text[start + size :]
            budget -= 1
            if classify(candidate, published, limit)[:2] == (status, cls):
                text, shrunk = candidate, True
            else:
                start += size
        if not shrunk:
            size //= 2
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to run (default 10^5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--limit", type=float, default=2.0,
                        help="seconds per input under 10 KB before it counts as a hang")  # fmt: skip
    parser.add_argument("--out", type=Path, default=OUT, help="JSONL of the failing inputs")
    parser.add_argument("--no-shrink", action="store_true", help="report examples as found")
    args = parser.parse_args(argv)

    _init(args.seed, args.limit)
    started = time.perf_counter()
    fz.check_pipeline("Rebels seized the town on Sunday.", dt.date(2016, 1, 25))  # build once
    counts: collections.Counter[str] = collections.Counter()
    by_kind: collections.Counter[tuple[str, str]] = collections.Counter()
    classes: dict[tuple[str, str], list] = collections.defaultdict(list)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    done = 0
    # fork: the workers inherit the built grammar.
    context = mp.get_context("fork")
    with (
        open(args.out, "w", encoding="utf-8") as out,
        context.Pool(args.jobs, initializer=_init, initargs=(args.seed, args.limit)) as pool,
    ):
        # chunksize 1, chunks made here: only the plain iterator has next(timeout).
        starts = ((i, args.count) for i in range(0, args.count, CHUNK))
        results = pool.imap_unordered(_star_chunk, starts)
        pending: list = []
        while True:
            if not pending:
                try:
                    pending = results.next(STUCK_AFTER)
                except StopIteration:
                    break
                except mp.TimeoutError:
                    print(f"a worker has been stuck for {STUCK_AFTER:g} s (beyond SIGALRM); "
                          "stopping", file=sys.stderr)  # fmt: skip
                    counts["stuck"] += 1
                    pool.terminate()
                    break
                continue
            index, kind, status, cls, last, text, published = pending.pop()
            done += 1
            counts[status] += 1
            by_kind[(kind, status)] += 1
            if text is not None:
                record = {"seed": args.seed, "index": index, "kind": kind, "status": status,
                          "class": cls, "last_line": last, "text": text,
                          **_published_json(published)}  # fmt: skip
                out.write(json.dumps(record, ensure_ascii=True) + "\n")
                classes[(status, cls)].append(record | {"_published": published})
            if done % 5000 == 0:
                rate = done / (time.perf_counter() - started)
                print(f"  {done:,} inputs, {rate:,.0f}/s", file=sys.stderr)

    elapsed = time.perf_counter() - started
    print(f"inputs:     {done:,} (seed {args.seed}, {args.jobs} jobs, {elapsed:,.0f} s)")
    print(f"ok:         {counts['ok']:,}")
    print(f"refused:    {counts['refused']:,} (a TimelineError from tag or extract)")
    print(f"crashes:    {counts['crash']:,}")
    print(f"hangs:      {counts['hang']:,} (over {args.limit:g} s per input under 10 KB)")
    print(f"violations: {counts['violation']:,} (bounds out of order, schema, XML, round trip)")
    if counts["stuck"]:
        print("stuck:      a worker could not be interrupted; the run stopped early")
    kinds = sorted({k for k, _s in by_kind})
    print("by input kind: " + ", ".join(
        f"{k} {sum(n for (kk, _s), n in by_kind.items() if kk == k):,}"
        f" ({sum(n for (kk, s), n in by_kind.items() if kk == k and s in ('crash', 'hang', 'violation')):,} failing)"
        for k in kinds))  # fmt: skip
    if not classes:
        print("no failures")
        return 0
    print(f"\n{len(classes)} distinct failure classes (failing inputs in {args.out}):")
    for (status, cls), records in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        smallest = min(records, key=lambda r: len(r["text"]))
        text = smallest["text"]
        if not args.no_shrink:
            text = _shrink(text, smallest["_published"], status, cls, args.limit)
        last = classify(text, smallest["_published"], args.limit)[2] or smallest["last_line"]
        shown = repr(text) if len(text) <= 400 else repr(text[:400]) + "..."
        print(f"\n[{status}] {cls}  ({len(records):,} inputs)")
        print(f"  text:      {shown}")
        print(f"  published: {smallest['published']} ({smallest['published_type']})")
        print(f"  error:     {last}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
