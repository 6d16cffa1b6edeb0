"""End-to-end speed: extract() articles per second on a TimeML corpus (text only).

    python benchmarks/extract_speed.py [CORPUS_DIR] [--stages]

Reads each document's raw text and DCT (benchmarks/_timeml.py), runs
timeline.extract on every one, and prints articles/s, characters/s and events/s
for one warm pass on one core; --stages also prints the share of each stage
(tag, sentences and events, constraint rules, solve). Without the corpus it
falls back to the articles in examples/. Target: >= 200 news articles/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _timeml  # noqa: E402

import timeline  # noqa: E402
from timeline.solver import _timeline  # noqa: E402
from timeline.relations._constraints import constraints_for  # noqa: E402
from timeline.expressions._dateline import find_publication_date  # noqa: E402
from timeline.solver._solver import solve  # noqa: E402


def load(corpus: Path) -> list[tuple[str, dt.date]]:
    if corpus.is_dir():
        docs = [_timeml.read_document(p) for p in sorted(corpus.rglob("*.tml"))]
        if docs:
            return [(d.text, d.dct) for d in docs]
    print(f"{corpus}: no TimeML documents; using the articles in examples/")
    out = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = find_publication_date(text)
        out.append((text, found[0] if found else dt.date(2020, 1, 1)))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=_timeml.DEFAULT_CORPUS)
    parser.add_argument("--stages", action="store_true", help="time each stage separately")
    parser.add_argument("--linearity", action="store_true",
                        help="time one document made of the first articles repeated 1, 2, 4, 8 times")  # fmt: skip
    args = parser.parse_args(argv)
    docs = load(args.corpus)
    timeline.extract("Warm-up: the grammar is built on Monday.", dt.date(2020, 1, 1))
    chars = sum(len(t) for t, _ in docs)
    start = time.perf_counter()
    events = sum(len(timeline.extract(text, pub).events) for text, pub in docs)
    elapsed = time.perf_counter() - start
    print(f"{len(docs)} articles, {chars:,} characters, {events:,} events in {elapsed:.2f} s")
    print(f"  {len(docs) / elapsed:,.0f} articles/s   {chars / elapsed / 1e6:.2f} MB/s   "
          f"{events / elapsed:,.0f} events/s   (target: >= 200 articles/s)")  # fmt: skip
    if args.linearity:
        linearity(docs)
    if args.stages:
        totals = {"tag": 0.0, "sentences+events": 0.0, "rules": 0.0, "solve": 0.0}
        for text, pub in docs:
            t0 = time.perf_counter()
            expressions = tuple(timeline.tag(text, pub))
            t1 = time.perf_counter()
            sentences = tuple(_timeline.split_sentences(text))
            events_ = tuple(_timeline.find_events(text, list(sentences)))
            t2 = time.perf_counter()
            doc = _timeline.Document(text, pub, expressions, sentences, events_)
            constraints = constraints_for(doc)
            t3 = time.perf_counter()
            solve(constraints)
            t4 = time.perf_counter()
            for key, value in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                totals[key] += value
        whole = sum(totals.values())
        for key, value in totals.items():
            print(f"  {key:18s} {value:6.2f} s  {100 * value / whole:5.1f}%")


def linearity(docs: list[tuple[str, dt.date]]) -> None:
    """extract() on k copies of a block of articles: time should grow like k."""
    block = "\n\n".join(text for text, _ in docs[:20])
    pub = docs[0][1]
    base = None
    print("  copies   characters   events   seconds   time/t(1)")
    for k in (1, 2, 4, 8):
        text = "\n\n".join([block] * k)
        start = time.perf_counter()
        n = len(timeline.extract(text, pub).events)
        took = time.perf_counter() - start
        base = base or took
        print(f"  {k:6d} {len(text):12,d} {n:8,d} {took:9.2f} {took / base:11.2f}")


if __name__ == "__main__":
    main()
