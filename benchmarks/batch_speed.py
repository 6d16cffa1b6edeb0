"""Archive speed: `timeline batch` articles/s with --jobs 1 and 2, and its peak memory.

    python benchmarks/batch_speed.py [CORPUS_DIR] [--repeat K] [--sizes 100,1000]

Runs `python -m timeline.batch` (what `timeline batch` runs) on every *.tml of
the corpus (read as TimeML: text and creation time), repeated K times, first
with --jobs 1 and then with --jobs 2, and prints articles/s of each and their
ratio.  Each run pays a fixed start-up (Python, and building the grammar:
seconds), measured on a one-document run and shown apart, so the corrected
rate is the steady one an archive sees.  The CPU time of every process of a
run (sampled from /proc on Linux) shows what the pool costs: on a busy
machine the wall-clock ratio measures the load, not the code.  Then the peak
memory (max RSS, from os.wait4: the getrusage of that child) of --jobs 1 runs
writing JSON Lines for each size of input, made by repeating the corpus: a
flat peak shows that the output streams, whatever the number of documents.
Without the corpus it falls back to the articles in examples/.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import _timeml  # noqa: E402


def corpus_files(corpus: Path) -> list[Path]:
    files = list(_timeml.iter_corpus(corpus)) if corpus.is_dir() else []
    if files:
        return files
    print(f"{corpus}: no TimeML documents; using the articles in examples/")
    return sorted((ROOT / "examples").glob("*.txt"))


class Run(NamedTuple):
    seconds: float
    peak_kib: int  # max RSS of the batch process and the children it waited for
    cpu: float | None  # CPU seconds of every process of the run (Linux), else None
    summary: str  # the batch's last line on stderr: documents, errors


def _sample(pgid: int, seen: dict[int, float]) -> None:
    """The CPU seconds so far of each live process of the group (the workers, the fork server)."""
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(stat.parent.name)
        if pid != pgid and int(fields[2]) == pgid:
            seen[pid] = max(seen.get(pid, 0.0), (int(fields[11]) + int(fields[12])) / tick)


def run_batch(files: list[Path], jobs: int, out: Path) -> Run:
    """One `timeline batch` run: its wall time, peak memory (os.wait4) and CPU time."""
    argv = [sys.executable, "-m", "timeline.batch", *map(str, files), "--out", str(out),
            "--force", "--jobs", str(jobs)]  # fmt: skip
    sample = Path("/proc/self/stat").exists()
    others: dict[int, float] = {}
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT,
                                start_new_session=True)  # fmt: skip
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if sample else 0)
            if pid:
                break
            _sample(proc.pid, others)
            time.sleep(0.05)
        took = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        said = err.read().decode(errors="replace")
        if proc.returncode != 0:
            sys.exit(f"timeline batch failed ({proc.returncode}): "
                     f"{said}")  # fmt: skip
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = usage.ru_maxrss // (1024 if sys.platform == "darwin" else 1)
    cpu = usage.ru_utime + usage.ru_stime + sum(others.values()) if sample else None
    summary = said.strip().splitlines()[-1] if said.strip() else ""
    return Run(took, peak, cpu, summary.removeprefix("timeline: "))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=_timeml.DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=4,
                        help="run the corpus this many times over in the speed runs (default 4)")  # fmt: skip
    parser.add_argument("--sizes", default="100,1000",
                        help="numbers of documents for the memory runs (default 100,1000)")  # fmt: skip
    args = parser.parse_args(argv)
    files = corpus_files(args.corpus)
    docs = files * args.repeat
    with tempfile.TemporaryDirectory(prefix="batch_speed_") as tmp:
        out = Path(tmp) / "out.jsonl"
        print(f"{len(docs)} articles ({len(files)} files x {args.repeat}), {os.cpu_count()} CPUs, "
              f"load {os.getloadavg()[0]:.1f}")  # fmt: skip
        print(
            "  jobs   seconds   start-up   articles/s   steady articles/s   CPU s   articles/CPU-s"
        )
        rates, cpus = {}, {}
        for jobs in (1, 2):
            startup = run_batch(files[:1], jobs, out).seconds
            run = run_batch(docs, jobs, out)
            steady = len(docs) / max(run.seconds - startup, 1e-9)
            rates[jobs] = (len(docs) / run.seconds, steady)
            cpus[jobs] = run.cpu
            cpu = (
                f"{run.cpu:7.1f} {len(docs) / run.cpu:16.0f}" if run.cpu else f"{'-':>7} {'-':>16}"
            )
            print(f"  {jobs:4d} {run.seconds:9.2f} {startup:10.2f} {rates[jobs][0]:12.0f} "
                  f"{steady:19.0f} {cpu}   [{run.summary}]")  # fmt: skip
        print(f"  --jobs 2 / --jobs 1: {rates[2][0] / rates[1][0]:.2f}x "
              f"({rates[2][1] / rates[1][1]:.2f}x steady)")  # fmt: skip
        if cpus[1] and cpus[2]:
            # On a busy machine the wall-clock ratio shows the load; this shows the cost of the pool.
            print(f"  CPU time of --jobs 2 / --jobs 1: {cpus[2] / cpus[1]:.2f} "
                  f"(1.00 = no overhead; load now {os.getloadavg()[0]:.1f})")  # fmt: skip
        print("  memory, --jobs 1, JSON Lines out:")
        print("  documents   peak RSS (MiB)   output (MB)")
        for size in (int(s) for s in args.sizes.split(",")):
            chosen = (files * (size // len(files) + 1))[:size]
            run = run_batch(chosen, 1, out)
            print(f"  {size:9d} {run.peak_kib / 1024:16.1f} {out.stat().st_size / 1e6:13.1f}"
                  f"   [{run.summary}]")  # fmt: skip


if __name__ == "__main__":
    main()
