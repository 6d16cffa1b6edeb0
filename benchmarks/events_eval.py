"""Score event trigger detection against gold TimeML ``<EVENT>`` tags.

Usage::

    python benchmarks/events_eval.py [CORPUS_DIR] [--top N] [--limit DOCS]

CORPUS_DIR (default ``../shared/data/TBAQ-cleaned`` beside the checkout) is searched for
``*.tml`` files. For each, the ``<TEXT>`` element is stripped of its tags to
give the raw text and the gold trigger offsets; ``timeline.events._events.find_events``
runs on that text and its triggers are matched one to one with the gold ones:

* strict: identical extent; relaxed: overlapping extents.

Printed: precision / recall / F1 for both (overall and per sub-corpus folder),
recall by gold class and by gold part of speech, agreement of class, tense,
aspect and polarity on strict matches (TimeML INFINITIVE / PRESPART /
PASTPART count as NONE; polarity only where the folder's annotation is
plausible: TBAQ-cleaned's AQUAINT part marks about half of its plainly
positive events NEG, so folders with more than 20% NEG are skipped), the most
often missed and most often spurious trigger words, and speed. The lists are
there to find general patterns to fix with rules or tables, never single
documents.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.events import Event, find_events  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "TBAQ-cleaned"
_TAG_RE = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_INSTANCE_RE = re.compile(r"<MAKEINSTANCE\b([^>]*)/?>")
_NONFINITE = {"INFINITIVE": "NONE", "PRESPART": "NONE", "PASTPART": "NONE"}


@dataclass
class Gold:
    """A gold event: offsets into the stripped text and its annotation."""

    start: int
    end: int
    text: str
    eid: str
    cls: str
    tense: str = "NONE"
    aspect: str = "NONE"
    polarity: str = "POS"
    pos: str = "UNKNOWN"


@dataclass
class Doc:
    """A corpus document: raw text and gold events."""

    name: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def read_tml(path: Path) -> Doc | None:
    """Strip the tags of the ``<TEXT>`` element, keeping gold EVENT offsets."""
    source = path.read_text(encoding="utf-8", errors="replace")
    match = _TEXT_RE.search(source)
    if match is None:
        return None
    body = match.group(1)
    out: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_event: tuple[int, dict[str, str]] | None = None
    pos = 0
    for tag in _TAG_RE.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "EVENT":
            continue
        if not closing:
            open_event = (length, dict(_ATTR_RE.findall(attrs)))
        elif open_event is not None:
            start, attr = open_event
            gold.append(Gold(start, length, "", attr.get("eid", ""), attr.get("class", "")))
            open_event = None
    chunk = html.unescape(body[pos:])
    out.append(chunk)
    text = "".join(out)
    instances = {}
    for m in _INSTANCE_RE.finditer(source):
        attr = dict(_ATTR_RE.findall(m.group(1)))
        instances.setdefault(attr.get("eventID", ""), attr)
    for g in gold:
        g.text = text[g.start : g.end]
        inst = instances.get(g.eid, {})
        tense = inst.get("tense", "NONE")
        g.tense = _NONFINITE.get(tense, tense)
        g.aspect = inst.get("aspect", "NONE")
        g.polarity = inst.get("polarity", "POS")
        g.pos = inst.get("pos", "UNKNOWN")
    return Doc(path.name, text, gold)


def match(gold: list[Gold], found: list[Event], strict: bool) -> list[tuple[Gold, Event]]:
    """One-to-one matches, both lists in text order (linear merge)."""
    pairs: list[tuple[Gold, Event]] = []
    gs = sorted(gold, key=lambda g: (g.start, g.end))
    es = sorted(found, key=lambda e: (e.trigger_start, e.trigger_end))
    i = j = 0
    while i < len(gs) and j < len(es):
        g, e = gs[i], es[j]
        if strict:
            if (g.start, g.end) == (e.trigger_start, e.trigger_end):
                pairs.append((g, e))
                i += 1
                j += 1
            elif (g.start, g.end) < (e.trigger_start, e.trigger_end):
                i += 1
            else:
                j += 1
        elif g.start < e.trigger_end and e.trigger_start < g.end:
            pairs.append((g, e))
            i += 1
            j += 1
        elif g.end <= e.trigger_start:
            i += 1
        else:
            j += 1
    return pairs


def prf(tp: int, n_found: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = tp / n_found if n_found else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--top", type=int, default=25, help="words listed per error table")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    parser.add_argument(
        "--nominals",
        default="signalled",
        choices=("signalled", "all", "none"),
        help="event nouns to report (find_events option)",
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"events_eval: corpus {args.corpus} not found; skipping")
        return 0
    paths = sorted(args.corpus.rglob("*.tml"))
    if args.limit:
        paths = paths[: args.limit]
    loaded = [(d, p) for d, p in ((read_tml(p), p) for p in paths) if d is not None]
    docs = [d for d, _ in loaded]
    doc_paths = [p for _, p in loaded]
    if not docs:
        print(f"events_eval: no TimeML documents under {args.corpus}; skipping")
        return 0
    n_gold = n_found = strict_tp = relaxed_tp = 0
    chars = 0
    seconds = 0.0
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    gold_by_class: Counter[str] = Counter()
    hit_by_class: Counter[str] = Counter()
    gold_by_pos: Counter[str] = Counter()
    hit_by_pos: Counter[str] = Counter()
    agree: Counter[str] = Counter()
    confusion: Counter[tuple[str, str, str]] = Counter()
    polarity_pairs = 0
    per_folder: dict[str, list[int]] = {}
    # Polarity is compared only in folders whose annotation is plausible:
    # TBAQ-cleaned's AQUAINT marks about half of its plainly positive events NEG.
    gold_total: Counter[str] = Counter()
    gold_neg: Counter[str] = Counter()
    for doc, path in zip(docs, doc_paths, strict=True):
        gold_total[path.parent.name] += len(doc.gold)
        gold_neg[path.parent.name] += sum(g.polarity == "NEG" for g in doc.gold)
    plausible = {f for f in gold_total if gold_neg[f] <= 0.2 * gold_total[f]}
    for doc, path in zip(docs, doc_paths, strict=True):
        t0 = time.perf_counter()
        found = find_events(doc.text, nominals=args.nominals)
        seconds += time.perf_counter() - t0
        chars += len(doc.text)
        n_gold += len(doc.gold)
        n_found += len(found)
        strict = match(doc.gold, found, strict=True)
        relaxed = match(doc.gold, found, strict=False)
        strict_tp += len(strict)
        relaxed_tp += len(relaxed)
        row = per_folder.setdefault(path.parent.name, [0, 0, 0])
        row[0] += len(strict)
        row[1] += len(found)
        row[2] += len(doc.gold)
        hit_gold = {id(g) for g, _ in relaxed}
        hit_found = {id(e) for _, e in relaxed}
        for g in doc.gold:
            gold_by_class[g.cls] += 1
            gold_by_pos[g.pos] += 1
            if id(g) in hit_gold:
                hit_by_class[g.cls] += 1
                hit_by_pos[g.pos] += 1
            else:
                missed[f"{g.text.lower()} ({g.pos}/{g.cls})"] += 1
        for e in found:
            if id(e) not in hit_found:
                spurious[f"{e.trigger.lower()} ({e.pos})"] += 1
        for g, e in strict:
            if path.parent.name in plausible:
                polarity_pairs += 1
                agree["polarity"] += g.polarity == str(e.polarity)
            for name, gv, ev in (
                ("class", g.cls, str(e.event_class)),
                ("tense", g.tense, str(e.tense)),
                ("aspect", g.aspect, str(e.aspect)),
            ):
                agree[name] += gv == ev
                if gv != ev and name in ("tense", "class"):
                    confusion[(name, gv, ev)] += 1
    sp, sr, sf = prf(strict_tp, n_found, n_gold)
    rp, rr, rf = prf(relaxed_tp, n_found, n_gold)
    print(
        f"corpus: {args.corpus}  documents: {len(docs)}  gold events: {n_gold}  "
        f"found: {n_found}  nominals: {args.nominals}"
    )
    print(f"strict   P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
    print(f"relaxed  P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}")
    print(f"speed    {chars / 1024 / max(seconds, 1e-9):.1f} KB/s  ({seconds:.2f} s)")
    for folder, (tp, nf, ng) in sorted(per_folder.items()):
        p, r, f = prf(tp, nf, ng)
        print(f"  {folder:12} strict P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if strict_tp:
        print(
            "attributes on strict matches: "
            + "  ".join(f"{k} {agree[k] / strict_tp:.3f}" for k in ("class", "tense", "aspect"))
            + (
                f"  polarity {agree['polarity'] / polarity_pairs:.3f} "
                f"(folders {', '.join(sorted(plausible))})"
                if polarity_pairs
                else ""
            )
        )
    print("\nrecall by gold class:")
    for cls, total in gold_by_class.most_common():
        print(f"  {cls:12} {hit_by_class[cls] / total:.3f}  ({hit_by_class[cls]}/{total})")
    print("recall by gold part of speech:")
    for pos, total in gold_by_pos.most_common():
        print(f"  {pos:12} {hit_by_pos[pos] / total:.3f}  ({hit_by_pos[pos]}/{total})")
    print(f"\ntop {args.top} missed triggers (word (gold pos/class): count):")
    print("  " + ", ".join(f"{w}: {n}" for w, n in missed.most_common(args.top)))
    print(f"top {args.top} spurious triggers (word (our pos): count):")
    print("  " + ", ".join(f"{w}: {n}" for w, n in spurious.most_common(args.top)))
    print(f"top {args.top} attribute disagreements (attribute, gold -> ours):")
    print(
        "  " + ", ".join(f"{a} {g}->{o}: {n}" for (a, g, o), n in confusion.most_common(args.top))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
