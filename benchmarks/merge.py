"""Merge: precision and recall of "one event per happening" on pairs of articles.

    python benchmarks/merge.py            # the table, then the totals
    python benchmarks/merge.py --show     # also each merge found, right or wrong

Each pair in tests/data/pairs/ is two short articles written for this
benchmark about the same happenings in different words (the last pair: two
different fires, which must not merge).  gold.toml lists, per pair, the
mentions that report one happening.  Both articles go through
``extract_many`` together; the merges are read back with ``happenings``.

Scored over pairs of mentions (the usual pairwise coreference score): a
predicted pair is two events in one merged group, a gold pair two mentions in
one gold happening.  Precision = right predicted pairs / predicted pairs;
recall = right predicted pairs / gold pairs (a gold mention the event finder
did not find counts as missed).  "across" counts only pairs from different
articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "pairs"
sys.path.insert(0, str(ROOT))

from timeline.expressions._dateline import find_publication_date  # noqa: E402
from timeline.solver._extract import Source, extract_many  # noqa: E402
from timeline.solver._merge import happenings  # noqa: E402
from timeline.solver._timeline import Timeline  # noqa: E402


def mention_keys(tl: Timeline) -> dict[str, str]:
    """Event id -> "a:trigger" ("#2" for the second of that trigger in its article)."""
    keys, seen = {}, {}
    for e in sorted(tl.events, key=lambda e: (e.source, e.trigger_start)):
        base = f"{e.source}:{e.trigger.casefold()}"
        seen[base] = seen.get(base, 0) + 1
        keys[e.id] = base if seen[base] == 1 else f"{base}#{seen[base]}"
    return keys


def pairs_of(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(set(g)), 2)}


def run_pair(name: str, gold: list[list[str]]) -> dict[str, object]:
    sources = []
    for side in ("a", "b"):
        text = (PAIRS / f"{name}_{side}.txt").read_text("utf-8")
        found = find_publication_date(text)
        published = found[0] if found else dt.date(2000, 1, 1)
        sources.append(Source(text, published, side))
    tl = extract_many(sources)
    keys = mention_keys(tl)
    predicted = pairs_of([[keys[i] for i in g] for g in happenings(tl)])
    wanted = pairs_of(gold)
    return {"name": name, "predicted": predicted, "gold": wanted}


def _across(pairs: set[frozenset[str]]) -> set[frozenset[str]]:
    return {p for p in pairs if len({k.split(":", 1)[0] for k in p}) == 2}


def score(predicted: set[frozenset[str]], gold: set[frozenset[str]]) -> tuple[int, int, int]:
    return len(predicted & gold), len(predicted), len(gold)


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}" if den else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each merge found")
    args = parser.parse_args(argv)
    gold = tomllib.loads((PAIRS / "gold.toml").read_text("utf-8"))
    totals = {"all": [0, 0, 0], "across": [0, 0, 0]}
    print(f"  {'pair':<16} {'right':>5} {'found':>5} {'gold':>5}  {'P':>6} {'R':>6}  across P/R")
    for name, table in gold.items():
        r = run_pair(name, table["same"])
        pred, want = r["predicted"], r["gold"]
        for label, p, g in (("all", pred, want), ("across", _across(pred), _across(want))):
            for i, v in enumerate(score(p, g)):  # type: ignore[arg-type]
                totals[label][i] += v
        ok, n, m = score(pred, want)  # type: ignore[arg-type]
        aok, an, am = score(_across(pred), _across(want))  # type: ignore[arg-type]
        print(f"  {name:<16} {ok:>5} {n:>5} {m:>5}  {_pct(ok, n):>6} {_pct(ok, m):>6}  "
              f"{_pct(aok, an)}/{_pct(aok, am)}")  # fmt: skip
        if args.show:
            for p in sorted(pred, key=sorted):  # type: ignore[arg-type]
                print(f"      {'ok ' if p in want else 'BAD'} {' = '.join(sorted(p))}")
    for label, (ok, n, m) in totals.items():
        print(f"  {label:<7} precision {_pct(ok, n)}% ({ok}/{n}), recall {_pct(ok, m)}% ({ok}/{m})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
