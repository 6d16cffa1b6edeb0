"""What a reader sees: how many printed event lines say no more than the
publication day, and how many page-furniture zones produced events.

Over the TimeML corpus (raw text and DCT; gold annotation unused) and the
written articles of ``examples/articles/`` (publication date from their
``.toml``), every event line of ``timeline.extract`` is put in one class:

undated       no bound at all
pub-only      every bound it has lies on the publication day: "by", "ongoing"
              or "on" the publication day (tense and reporting defaults)
tighter       some bound says more than the publication day

and every zone of ``find_zones`` that is not story (headline, deck, byline,
dateline, caption, credit, timestamp, trailer) is counted, with how many of
them hold an event trigger (the target is 0).

    python benchmarks/reader_view.py [CORPUS_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timeml import corpus_documents, read_linked_document  # noqa: E402

import timeline  # noqa: E402
from timeline.text._zones import STORY, find_zones  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/data/TBAQ-cleaned")
ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def _moment(m: object) -> dt.datetime | None:
    if m is None or not isinstance(m, dt.date):
        return None
    if isinstance(m, dt.datetime):
        return m.replace(tzinfo=None)
    return dt.datetime.combine(m, dt.time())


def line_class(event: timeline.TimelineEvent, published: dt.date) -> str:
    """'undated', 'pub-only' or 'tighter' (see the module's docstring)."""
    bounds = [_moment(b) for b in (event.earliest_start, event.latest_start,
                                   event.earliest_end, event.latest_end)]  # fmt: skip
    known = [b for b in bounds if b is not None]
    if not known:
        return "undated"
    day = dt.datetime.combine(published, dt.time())
    slack = dt.timedelta(minutes=2)
    on_day = all(day - slack <= b <= day + dt.timedelta(days=1) + slack for b in known)
    return "pub-only" if on_day else "tighter"


def score(text: str, published: dt.date, lines: Counter[str], zones: Counter[str]) -> None:
    tl = timeline.extract(text, published)
    for event in tl.events:
        lines[line_class(event, published)] += 1
    starts = sorted(e.trigger_start for e in tl.events)
    for zone in find_zones(text):
        if zone.kind == STORY:
            continue
        zones["furniture"] += 1
        zones[zone.kind] += 1
        if any(zone.start <= s < zone.end for s in starts):
            zones["with events"] += 1


def _articles() -> list[tuple[str, dt.date]]:
    out = []
    for path in sorted(ARTICLES.glob("*.txt")):
        with open(path.with_suffix(".toml"), "rb") as handle:
            published = dt.date.fromisoformat(tomllib.load(handle)["published"])
        out.append((path.read_text(encoding="utf-8"), published))
    return out


def _report(name: str, lines: Counter[str], zones: Counter[str]) -> str:
    total = sum(lines.values())
    dated = total - lines["undated"]
    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.1f}%" if b else "n/a"
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(zones.items()) if k not in ("furniture", "with events"))
    return (f"{name}: {total} event lines; undated {pct(lines['undated'], total)}; "
            f"pub-only {pct(lines['pub-only'], total)} of all, {pct(lines['pub-only'], dated)} of dated; "
            f"tighter than the publication day {pct(lines['tighter'], total)}\n"
            f"  furniture zones {zones['furniture']} ({kinds or 'none'}); "
            f"with events {zones['with events']} ({pct(zones['with events'], zones['furniture'])})")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args(argv)
    lines: Counter[str] = Counter()
    zones: Counter[str] = Counter()
    for text, published in _articles():
        score(text, published, lines, zones)
    print(_report(f"examples/articles ({len(_articles())} articles)", lines, zones))
    docs = corpus_documents(args.corpus, args.limit, read_linked_document)
    if docs:
        lines, zones = Counter(), Counter()
        for doc in docs:
            score(doc.text, doc.dct, lines, zones)
        print(_report(f"{args.corpus.name} ({len(docs)} documents)", lines, zones))
    return 0


if __name__ == "__main__":
    sys.exit(main())
