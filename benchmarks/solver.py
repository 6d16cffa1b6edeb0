"""Solver scaling: solve time and peak memory for growing temporal networks.

Builds random networks shaped like those the constraint rules produce for
news text, from a hidden timeline (minutes since 0001-01-01, around 2024):

- every event has ``start <= end`` (HARD) and most have a duration cap;
- about half the events are anchored to a day window through ORIGIN (STRONG);
- events are linked by "before" constraints true of the hidden timeline
  (MEDIUM), mostly between events close in time, as text tends to link them;
- pairs of consecutive events in "text order" get a WEAK narrative-order
  constraint, a few of them false (2%, ``--wrong`` to change), so the
  solver also finds and drops conflicts.

About five constraints per event. Prints one row per size and the growth
ratio of time and memory from the previous size (10x more events each row,
so linear scaling shows as ratios near 10).

    python benchmarks/solver.py            # 10 .. 10,000 events
    python benchmarks/solver.py --quick    # 10 .. 1,000 events, for a smoke run
    python benchmarks/solver.py --wrong 0.3  # news-like: narrative order often wrong
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.relations import HARD, MEDIUM, ORIGIN, STRONG, WEAK, Constraint, Evidence  # noqa: E402
from timeline.solver._solver import solve  # noqa: E402

SEED = 20240501
DAY = 24 * 60
BASE = 1_063_994_400  # 2024-01-01 in minutes since 0001-01-01 (proleptic Gregorian)


def build(n_events: int, rng: random.Random, wrong: float = 0.02) -> list[Constraint]:
    """A random network of ``n_events`` events, about 5 constraints each."""
    span_days = max(30, n_events // 5)  # a few events a day
    starts = [BASE + rng.randrange(span_days * DAY) for _ in range(n_events)]
    ends = [s + rng.choice((0, 30, 60, 240, DAY, 3 * DAY)) for s in starts]
    by_time = sorted(range(n_events), key=lambda i: starts[i])
    text_order = list(range(n_events))
    rng.shuffle(text_order)
    cs: list[Constraint] = []

    def ev(rule: str, i: int) -> Evidence:
        return Evidence(rule, f"clause {i}", ((i * 80, i * 80 + 40),))

    for i in range(n_events):
        s, e = f"e{i}.start", f"e{i}.end"
        cs.append(Constraint(s, e, 0, evidence=ev("definition", i), strength=HARD))
        if rng.random() < 0.8:
            cap = (ends[i] - starts[i]) + rng.choice((0, 60, DAY))
            cs.append(Constraint(s, e, 0, hi=cap, evidence=ev("duration", i), strength=MEDIUM))
        if rng.random() < 0.5:
            day = (starts[i] - BASE) // DAY * DAY + BASE
            cs.append(
                Constraint(
                    ORIGIN, s, day, hi=day + DAY - 1, evidence=ev("on_date", i), strength=STRONG
                )
            )
    # "before" links between events near each other in time, as text makes them.
    for rank, i in enumerate(by_time):
        for _ in range(2):
            j = by_time[min(n_events - 1, rank + rng.randint(1, 20))]
            if ends[i] <= starts[j]:
                cs.append(
                    Constraint(
                        f"e{i}.end", f"e{j}.start", 0, evidence=ev("before", i), strength=MEDIUM
                    )
                )
    # Weak narrative order between consecutive clauses, wrong on purpose
    # for a fraction of them so that conflicts occur, as they do in news.
    for k in range(0, n_events - 1, 2):
        i, j = text_order[k], text_order[k + 1]
        # State the true order, or with probability ``wrong`` the reverse.
        if (starts[i] > starts[j]) != (rng.random() < wrong):
            i, j = j, i
        cs.append(
            Constraint(f"e{i}.start", f"e{j}.start", 0, evidence=ev("narrative", i), strength=WEAK)
        )
    return cs


def measure(n_events: int, repeat: int, wrong: float) -> dict[str, float]:
    rng = random.Random(SEED + n_events)
    cs = build(n_events, rng, wrong)
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        sol = solve(cs)
        times.append(time.perf_counter() - t0)
    gc.collect()
    tracemalloc.start()
    sol = solve(cs)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # A few on-demand queries, as the timeline builder would make.
    pairs = [(rng.randrange(n_events), rng.randrange(n_events)) for _ in range(100)]
    t0 = time.perf_counter()
    for i, j in pairs:
        sol.relation(f"e{i}.start", f"e{i}.end", f"e{j}.start", f"e{j}.end")
    per_query = (time.perf_counter() - t0) / len(pairs)
    return {
        "events": n_events,
        "points": len(sol.points),
        "constraints": len(cs),
        "dropped": len(sol.dropped),
        "seconds": min(times),
        "peak_mb": peak / 1e6,
        "query_ms": per_query * 1e3,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 1,000 only, one run")
    parser.add_argument(
        "--wrong", type=float, default=0.02, help="fraction of false narrative-order constraints"
    )
    args = parser.parse_args(argv)
    sizes = [10, 100, 1_000] if args.quick else [10, 100, 1_000, 10_000]
    repeat = 1 if args.quick else 3
    header = (
        f"{'events':>7} {'points':>7} {'constr':>7} {'dropped':>7} "
        f"{'solve s':>9} {'x time':>7} {'peak MB':>8} {'x mem':>6} {'relation ms':>11}"
    )
    print(f"solver scaling (seed {SEED}, best of {repeat}, {args.wrong:.0%} narrative order wrong)")
    print(header)
    print("-" * len(header))
    prev: dict[str, float] | None = None
    for n in sizes:
        r = measure(n, repeat, args.wrong)
        gt = f"{r['seconds'] / prev['seconds']:.1f}" if prev else "-"
        gm = f"{r['peak_mb'] / prev['peak_mb']:.1f}" if prev else "-"
        print(
            f"{r['events']:>7,} {r['points']:>7,} {r['constraints']:>7,} {r['dropped']:>7} "
            f"{r['seconds']:>9.4f} {gt:>7} {r['peak_mb']:>8.2f} {gm:>6} {r['query_ms']:>11.3f}"
        )
        prev = r


if __name__ == "__main__":
    main()
