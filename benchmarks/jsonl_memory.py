"""Peak memory and time of `timeline --format jsonl` against `--format json`.

    python benchmarks/jsonl_memory.py                        # examples, 1 to 10 MB
    python benchmarks/jsonl_memory.py --corpus tbaq          # TBAQ's documents instead
    python benchmarks/jsonl_memory.py --sizes 1M,10M --json-max 10M

The input is a folder of articles of the chosen corpus repeated until they
reach the size asked for (the project's examples/*.txt, or TBAQ-cleaned's
.tml files under /work/shared/data/TBAQ-cleaned: measured, never copied into the project),
given to one command.  Each run is a fresh process (`python -m timeline.cli`,
output to /dev/null); its peak resident memory is the child's ru_maxrss.
`--format json` builds one timeline of every file (merged across them) and
prints it at the end; `--format jsonl` reads, solves and writes one file at a
time, so its peak must stay flat as the input grows.  json runs only up to
--json-max (its memory grows with the input: at 10 MB it takes minutes and
gigabytes).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TBAQ = Path("/work/shared/data/TBAQ-cleaned")


def _size(text: str) -> int:
    text = text.strip().upper()
    scale = {"K": 1_000, "M": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("KM")) * scale)


def corpus(name: str) -> list[Path]:
    if name == "examples":
        return sorted((ROOT / "examples").glob("*.txt"))
    found = sorted(p for p in TBAQ.rglob("*.tml") if "test" not in str(p).lower())
    if not found:
        raise SystemExit(f"no .tml files under {TBAQ}")
    return found


def build(folder: Path, files: list[Path], size: int) -> list[str]:
    """Copies of ``files`` in turn, as many as reach ``size`` bytes; their paths."""
    paths, total, i = [], 0, 0
    while total < size:
        source = files[i % len(files)]
        target = folder / f"{i:06d}{source.suffix}"
        shutil.copyfile(source, target)
        paths.append(str(target))
        total += target.stat().st_size
        i += 1
    return paths


def run(paths: list[str], fmt: str) -> tuple[float, float, int]:
    """(seconds, peak MB, exit status) of one fresh command."""
    # A child process of its own, so that ru_maxrss of the children is this run's.
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(time.perf_counter() - t, "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")  # fmt: skip
    args = [sys.executable, "-c", code, sys.executable, "-m", "timeline.cli", "--format", fmt,
            *paths]  # fmt: skip
    out = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    seconds, kb, status = out.split()
    return float(seconds), int(kb) / 1024, int(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("examples", "tbaq"), default="examples")
    parser.add_argument("--sizes", default="1M,2.5M,5M,10M", help="input sizes (K, M)")
    parser.add_argument("--json-max", default="2.5M", help="largest input json is run on")
    args = parser.parse_args(argv)
    files = corpus(args.corpus)
    sizes = [_size(s) for s in args.sizes.split(",")]
    json_max = _size(args.json_max)
    print(f"corpus {args.corpus}: {len(files)} files; peak resident memory of one command")
    print(f"  {'input':>8} {'files':>6}  {'jsonl s':>8} {'jsonl MB':>9}  {'json s':>8} "
          f"{'json MB':>8}")  # fmt: skip
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            paths = build(Path(tmp), files, size)
            total = sum(os.path.getsize(p) for p in paths)
            jl = run(paths, "jsonl")
            js = run(paths, "json") if size <= json_max else None
        cells = f"{jl[0]:>8.1f} {jl[1]:>9.0f}"
        cells += f"  {js[0]:>8.1f} {js[1]:>8.0f}" if js else f"  {'-':>8} {'-':>8}"
        bad = [f for f, r in (("jsonl", jl), ("json", js)) if r and r[2]]
        print(f"  {total / 1e6:>6.2f}MB {len(paths):>6}  {cells}"
              + (f"  (exit status not 0: {', '.join(bad)})" if bad else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
