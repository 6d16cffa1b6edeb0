"""End-to-end speed: extract() articles/s, CLI start-up, and growth with input size.

    python benchmarks/extract_speed.py [CORPUS_DIR] [--samples N] [--cli-runs N] [--stages]
    python benchmarks/extract_speed.py --quick        # a smoke run in seconds

Measures, on one CPU core:

1. first pass: ``timeline.extract`` over every article of a TimeML corpus (raw
   text and DCT, benchmarks/_timeml.py), each sample in a fresh process that
   imports timeline and loads the grammar from its cache before the clock
   starts, then reads articles it has never seen (every cache cold). The median
   of the samples is reported, in articles/s, MB/s and events/s. Target:
   >= 400 articles/s. Without the corpus, the articles of examples/ are used.
2. CLI start-up: the median wall time of N runs of
   ``timeline examples/coastal_offensive.txt``, each with an empty grammar
   cache (cold: the grammar is built) and with a filled one (warm).
3. scaling: one document made of 1, 10, 100 and 1000 copies of that article:
   extract() time and the ratio per 10x step (10 when linear), and the peak
   memory per input character (tracemalloc peak above the set-up baseline, in
   a fresh process; the growth of the resident set is shown beside it). Target:
   <= 60 bytes/char.

--stages also prints the share of each stage (read and tag, events, constraint
rules, solve, merge, dates and placing) over the corpus, in this process;
--stages-only prints that alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "_out"  # git-ignored
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _timeml  # noqa: E402
import speed  # noqa: E402  (pinning, machine description)

ARTICLE = ROOT / "examples" / "coastal_offensive.txt"
TARGET_ARTICLES_PER_S = 400
TARGET_BYTES_PER_CHAR = 60
COPIES = (1, 10, 100, 1000)
SETUP_TEXT = speed.SETUP_TEXT  # the same set-up text: every table loaded before timing


def load(corpus: Path) -> tuple[list[tuple[str, dt.date]], str]:
    if corpus.is_dir():
        docs = [_timeml.read_document(p) for p in _timeml.iter_corpus(corpus)]
        if docs:
            return [(d.text, d.dct) for d in docs], f"{corpus} ({len(docs)} TimeML documents)"
    out = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        out.append((path.read_text(encoding="utf-8"), _published(path.read_text("utf-8"))))
    return out, f"{corpus} not found; examples/*.txt ({len(out)} articles)"


def _published(text: str) -> dt.date:
    from timeline.expressions._dateline import find_publication_date

    found = find_publication_date(text)
    return found[0] if found else dt.date(2020, 1, 1)


# ---------------------------------------------------------------------------
# Fresh-process runs (this script, with a hidden option)


def _set_up() -> None:
    """Import timeline and touch every table (the grammar from its cache)."""
    import timeline

    timeline.extract(SETUP_TEXT, dt.date(1896, 2, 27))


def child_first_pass(corpus_json: Path) -> dict:
    _set_up()
    import timeline

    docs = [
        (d["text"], dt.date.fromisoformat(d["ref"])) for d in json.loads(corpus_json.read_text())
    ]
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    events = sum(len(timeline.extract(text, published).events) for text, published in docs)
    return {
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
        "events": events,
    }


def child_scale(copies: int, traced: bool) -> dict:
    """extract() on ``copies`` copies of ARTICLE as one document: time, or peak memory."""
    _set_up()
    import timeline

    article = ARTICLE.read_text(encoding="utf-8")
    published = _published(article)
    text = "\n\n".join([article] * copies)
    gc.collect()
    if traced:
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        timeline.extract(text, published)
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        return {"chars": len(text), "peak_bytes": peak}
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    events = len(timeline.extract(text, published).events)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "chars": len(text),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "events": events,
        "rss_growth_bytes": (rss_after - rss_before) * 1024,  # ru_maxrss is in KiB on Linux
    }


def run_self(*args: str, env: dict[str, str] | None = None) -> dict:
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        capture_output=True, text=True, env=env, timeout=3600,
    )  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"child run {args} failed:\n{proc.stderr.strip()}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------
# Sections


def first_pass(docs: list[tuple[str, dt.date]], samples: int) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = OUT / "extract_corpus.json"
    corpus.write_text(json.dumps([{"text": t, "ref": p.isoformat()} for t, p in docs]))
    chars = sum(len(t) for t, _ in docs)
    nbytes = sum(len(t.encode("utf-8")) for t, _ in docs)
    results = [run_self("--child-first-pass", str(corpus)) for _ in range(samples)]
    rates = sorted(len(docs) / r["seconds"] for r in results)
    seconds = statistics.median(r["seconds"] for r in results)
    cpu = statistics.median(r["cpu_seconds"] for r in results)
    rate = len(docs) / seconds
    print(f"  {len(docs)} articles, {chars:,} characters, {results[0]['events']:,} events;"
          f" {samples} fresh process(es), set-up excluded")  # fmt: skip
    print(f"  median: {seconds:.2f} s  {rate:,.0f} articles/s  {nbytes / seconds / 1e6:.2f} MB/s"
          f"  {results[0]['events'] / seconds:,.0f} events/s")  # fmt: skip
    print(f"  by CPU time: {cpu:.2f} s  {len(docs) / cpu:,.0f} articles/s"
          "  (the wall figure on an otherwise idle machine)")  # fmt: skip
    print("  samples (articles/s): " + ", ".join(f"{r:,.0f}" for r in rates))
    verdict = "PASS" if rate >= TARGET_ARTICLES_PER_S else "FAIL"
    print(f"  target: >= {TARGET_ARTICLES_PER_S} articles/s -> {verdict}")


def _cli_command() -> list[str]:
    script = Path(sys.executable).with_name("timeline")
    if script.is_file():
        return [str(script), str(ARTICLE)]
    return [sys.executable, "-m", "timeline.cli", str(ARTICLE)]


def _time_cli(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {proc.stderr.decode(errors='replace')}")
    return took


def cli_startup(runs: int, cold_runs: int) -> None:
    command = _cli_command()
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_NO_CACHE"}
    # The checkout measured, whatever the installed package points to.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    bytecode = "not written (PYTHONDONTWRITEBYTECODE)" if os.environ.get(
        "PYTHONDONTWRITEBYTECODE") else "cached as usual"  # fmt: skip
    print(f"  command: {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(command))}"
          f"  (bytecode {bytecode})")  # fmt: skip
    cold = []
    for _ in range(cold_runs):
        with tempfile.TemporaryDirectory() as empty:
            cold.append(_time_cli(command, dict(env, TIMELINE_CACHE_DIR=empty)))
    with tempfile.TemporaryDirectory() as cache:
        warm_env = dict(env, TIMELINE_CACHE_DIR=cache)
        _time_cli(command, warm_env)  # fills the cache
        warm = [_time_cli(command, warm_env) for _ in range(runs)]
    for label, times in (("cold cache", cold), ("warm cache", warm)):
        print(f"  {label}: median {statistics.median(times):.3f} s"
              f"  (min {min(times):.3f}, max {max(times):.3f}, {len(times)} runs)")  # fmt: skip


def scaling(copies: tuple[int, ...]) -> None:
    print(f"  one document of k copies of {ARTICLE.name}, each run in a fresh process;")
    print("  'x per 10x': time over the time of the size before (10.0 when linear), by wall")
    print("  and by CPU time (less disturbed by other work on the machine)")
    print(
        "      k   characters   events   seconds  CPU s   x per 10x (CPU)   peak B/char  RSS B/char"
    )
    previous = None
    per_char = 0.0
    for k in copies:
        timed = run_self("--child-scale", str(k))
        traced = run_self("--child-scale", str(k), "--traced")
        per_char = traced["peak_bytes"] / traced["chars"]
        if previous:
            step = (f"{timed['seconds'] / previous['seconds']:7.1f}"
                    f" ({timed['cpu_seconds'] / previous['cpu_seconds']:5.1f})")  # fmt: skip
        else:
            step = f"{'-':>7s} {'':7s}"
        previous = timed
        print(f"  {k:5d} {timed['chars']:12,d} {timed['events']:8,d} {timed['seconds']:9.3f}"
              f" {timed['cpu_seconds']:6.2f}   {step}     {per_char:11.0f}"
              f"  {timed['rss_growth_bytes'] / timed['chars']:10.0f}")  # fmt: skip
    # Small documents are dominated by fixed costs: the target is per character of a large one.
    verdict = "PASS" if per_char <= TARGET_BYTES_PER_CHAR else "FAIL"
    print(f"  target: peak <= {TARGET_BYTES_PER_CHAR} bytes/char on the largest document"
          f" -> {verdict} ({per_char:.0f})")  # fmt: skip


def stages(docs: list[tuple[str, dt.date]]) -> None:
    """The share of each stage over the corpus (CPU time, warm, in this process).

    The stages of ``extract_many`` for one text, called one by one: reading
    and tagging, events, the constraint rules, the first solve, merging (and
    its solve), the dates network and the placed events.
    """
    # The names the solver stage itself uses, wherever their modules move.
    from timeline.relations import end, start
    from timeline.solver import _extract as tl
    from timeline.solver._merge import merge_constraints

    _set_up()
    names = ("read+tag", "events", "rules", "solve", "merge", "dates+placed")
    totals = dict.fromkeys(names, 0.0)
    clock = time.process_time
    for text, pub in docs:
        marks = [clock()]
        analysis = tl.read(text)
        expressions = tuple(tl.tag(text, pub, analysis=analysis))
        marks.append(clock())
        events = tuple(tl.find_events(text, analysis=analysis))
        marks.append(clock())
        doc = tl.Document(text, pub, expressions, analysis.sentences, events, zones=analysis.zones)
        constraints = list(tl.constraints_for(doc))
        marks.append(clock())
        points = [p for e in events for p in (start(e), end(e))]
        solution = tl.solve(constraints, points)
        marks.append(clock())
        times = {"": sorted((x.start, x.end) for x in expressions)}
        rows = [("", e, e.id) for e in events]
        merged = merge_constraints(rows, {"": text}, times, solution)
        if merged:  # as extract_many: the order of the first solve, merged with theirs
            solution = tl.solve(*tl._merged_network(solution, merged, constraints + merged, points))
        marks.append(clock())
        source = tl.Source(text, pub)
        dates = tl._dates(solution)
        for e in events:
            tl._placed(source, e, e.id, dates)
        marks.append(clock())
        for name, t0, t1 in zip(names, marks[:-1], marks[1:], strict=True):
            totals[name] += t1 - t0
    whole = sum(totals.values())
    for key, value in totals.items():
        print(f"  {key:18s} {value:6.2f} s  {100 * value / whole:5.1f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=_timeml.DEFAULT_CORPUS)
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--samples", type=int, default=None, help="first-pass samples (default 5)")
    parser.add_argument("--cli-runs", type=int, default=None, help="CLI runs, warm (default 11)")
    parser.add_argument("--stages", action="store_true", help="time each stage separately")
    parser.add_argument("--stages-only", action="store_true", help="only the stages' shares")
    parser.add_argument("--child-first-pass", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-scale", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_first_pass:
        print(json.dumps(child_first_pass(args.child_first_pass)))
        return 0
    if args.child_scale:
        print(json.dumps(child_scale(args.child_scale, args.traced)))
        return 0

    if args.stages_only:
        docs, source = load(args.corpus)
        print(f"Stages (CPU time, warm, this process) on {source}")
        stages(docs)
        return 0
    samples = args.samples or (1 if args.quick else 5)
    cli_runs = args.cli_runs or (3 if args.quick else 11)
    copies = COPIES[:3] if args.quick else COPIES
    pinned = speed.pin_one_core()
    docs, source = load(args.corpus)
    if args.quick:
        docs, source = docs[:20], source + ", --quick: first 20"
    print("timeline extract() speed" + (" (--quick)" if args.quick else ""))
    print(f"  Python {sys.version.split()[0]} on {speed.cpu_model()}, {pinned}, "
          f"{speed.load_average()}")  # fmt: skip
    print(f"  timeline checkout: {speed.git_state()}")
    print(f"  corpus: {source}")
    speed.section("First pass (fresh processes)")
    first_pass(docs, samples)
    speed.section("CLI start-up")
    cli_startup(cli_runs, max(1, cli_runs // 3))
    speed.section("Scaling")
    scaling(copies)
    if args.stages:
        speed.section("Stages (warm, this process)")
        stages(docs)
    print(f"\n{speed.load_average()} (near or above the CPU count: other work shared the machine)")
    (OUT / "extract_corpus.json").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
