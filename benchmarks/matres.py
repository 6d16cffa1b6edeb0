"""MATRES start-point order: timeline's event ordering scored as the MATRES papers do.

MATRES (Ning, Wu and Roth, ACL 2018) gives the order of the *start points* of
verb events in the same or adjacent sentences of the TimeBank and AQUAINT
documents of TBAQ-cleaned: BEFORE, AFTER, EQUAL or VAGUE, the earlier-mentioned
event first (see the README beside the data for the format). For every gold
pair, both gold events (``ei<n>`` -> MAKEINSTANCE -> EVENT -> extent) are
aligned with the events ``timeline.extract`` finds in the document's raw text
(one-to-one by overlapping trigger extent, as in tempeval.py), and the
timeline is asked the order of their starts:

- ``Timeline.start_relation(a, b)`` ("before", "after", "same", "unknown")
  when the Timeline has it;
- otherwise it is derived: ``Timeline.relation(a, b)`` "before" / "after" give
  BEFORE / AFTER; else the solved start bounds, first of the network without
  weak defaults, then of the full network: a's latest start before b's
  earliest start gives BEFORE (and the mirror AFTER). The output says which.

Scores, as the papers give them: precision, recall and F1 over BEFORE /
AFTER / EQUAL, with VAGUE as "no relation": an answer on a VAGUE pair costs
precision, a missing answer on a non-VAGUE pair costs recall. They are given
over every gold pair (end to end: a pair with an event not found is
unanswered) and over the pairs whose two events were found. Beside the
system, in the same run: the text-order baseline (BEFORE for every pair; it
needs no events) and a tense baseline over the system's events (past perfect
before past, past before present and future, else no answer). Also printed:
a confusion table, the answers by how they were derived, the answers by rule
(when the answers carry rules) and examples of wrong answers.

The corpus and the MATRES files are read at run time only; nothing of them
is stored in the project, and nothing in the project is tuned to them.

    python benchmarks/matres.py [CORPUS_DIR] [MATRES_DIR] [--limit N] [--examples K]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/ helpers
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout

from _timeml import DEFAULT_CORPUS, LinkedDocument, iter_corpus, read_linked_document  # noqa: E402
from tempeval import match  # noqa: E402

DEFAULT_MATRES = DEFAULT_CORPUS.parent / "matres"

LABELS = ("BEFORE", "AFTER", "EQUAL")  # VAGUE is "no relation"
GOLD_LABELS = (*LABELS, "VAGUE")
SYSTEMS = ("system", "text order", "tense")

# Timeline.start_relation answers -> MATRES labels ("unknown": no answer).
START_LABELS = {"before": "BEFORE", "after": "AFTER", "same": "EQUAL"}

# The tense baseline: a lower rank starts first; equal or unranked: no answer.
TENSE_RANK = {"PAST_PERFECT": 0, "PAST": 1, "PRESENT": 2, "FUTURE": 2}


class MatresError(ValueError):
    """A MATRES file that does not have the documented format."""


class Pair(NamedTuple):
    """One MATRES line: ``doc verb1 verb2 n1 n2 RELATION`` (n: eiid numbers)."""

    part: str  # the file it comes from ("timebank", "aquaint")
    doc: str
    verb1: str
    verb2: str
    eiid1: str  # "ei415"
    eiid2: str
    gold: str


def read_pairs(path: Path) -> list[Pair]:
    """The pairs of one MATRES file, in file order."""
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != 6 or not (cols[3].isdigit() and cols[4].isdigit()):
            raise MatresError(f"{path}:{n}: expected doc, verb1, verb2, n1, n2, relation")
        doc, verb1, verb2, n1, n2, rel = cols
        if rel not in GOLD_LABELS:
            raise MatresError(f"{path}:{n}: unknown relation {rel!r}")
        pairs.append(Pair(path.stem, doc, verb1, verb2, f"ei{n1}", f"ei{n2}", rel))
    return pairs


class Answer(NamedTuple):
    """An answer: a label of ``LABELS`` or None (no answer), how it was reached."""

    label: str | None
    source: str = ""  # "start_relation", "relation", "bounds (firm)", "bounds (defaults)"...
    rules: tuple[str, ...] = ()  # the rules behind it, when the answer names them
    confidence: str = ""  # "entailed" or "likely", when the answer says


NO_ANSWER = Answer(None)


def _start_order(solution, a: str, b: str) -> str | None:  # type: ignore[no-untyped-def]
    """BEFORE / AFTER when the solved start bounds of events a and b do not overlap."""
    a_lo, a_hi = solution.earliest(f"{a}.start"), solution.latest(f"{a}.start")
    b_lo, b_hi = solution.earliest(f"{b}.start"), solution.latest(f"{b}.start")
    if a_hi is not None and b_lo is not None and a_hi < b_lo:
        return "BEFORE"
    if b_hi is not None and a_lo is not None and b_hi < a_lo:
        return "AFTER"
    return None


def _unpack(result: object) -> tuple[str, tuple[str, ...], str]:
    """A start_relation result as (word, rules, confidence): a plain string, or
    an object with ``relation`` (or ``value``) and, perhaps, ``rules`` and
    ``confidence``."""
    if isinstance(result, str):
        return result, (), ""
    word = getattr(result, "relation", None) or getattr(result, "value", None) or str(result)
    rules = getattr(result, "rules", ()) or ()
    confidence = getattr(result, "confidence", "") or ""
    return str(word), tuple(str(r) for r in rules), str(confidence)


def has_start_relation(tl: object) -> bool:
    return callable(getattr(tl, "start_relation", None))


def system_answer(tl, a: str, b: str) -> Answer:  # type: ignore[no-untyped-def]
    """The order of the starts of events a and b (ids) by the timeline ``tl``."""
    if has_start_relation(tl):
        word, rules, confidence = _unpack(tl.start_relation(a, b))
        label = START_LABELS.get(word.lower())
        return Answer(label, "start_relation", rules, confidence) if label else NO_ANSWER
    relation = tl.relation(a, b)
    if relation in ("before", "after"):
        return Answer(relation.upper(), "relation")
    for solution, source in (
        (tl._firm_solution, "bounds (firm)"),
        (tl._solution, "bounds (defaults)"),
    ):
        label = _start_order(solution, a, b)
        if label:
            return Answer(label, source)
    return NO_ANSWER


def tense_answer(tense1: str, tense2: str) -> Answer:
    """The tense baseline: past perfect before past, past before present and future."""
    r1, r2 = TENSE_RANK.get(tense1), TENSE_RANK.get(tense2)
    if r1 is None or r2 is None or r1 == r2:
        return NO_ANSWER
    return Answer("BEFORE" if r1 < r2 else "AFTER", f"{tense1} / {tense2}")


TEXT_ORDER = Answer("BEFORE", "text order")


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    """P / R / F1 counts over pairs (VAGUE gold is no relation)."""

    pairs: int = 0
    gold: int = 0  # pairs whose gold is not VAGUE
    answered: int = 0
    correct: int = 0

    def add(self, gold: str, label: str | None) -> None:
        self.pairs += 1
        self.gold += gold != "VAGUE"
        if label is not None:
            self.answered += 1
            self.correct += label == gold

    @property
    def precision(self) -> float:
        return self.correct / self.answered if self.answered else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Result(NamedTuple):
    pair: Pair
    found: bool  # both events aligned with system events
    answers: dict[str, Answer]  # by system name (SYSTEMS)
    triggers: tuple[str, str] = ("", "")  # the system triggers (for examples)


@dataclass
class Run:
    results: list[Result] = field(default_factory=list)
    mentions: Counter[str] = field(default_factory=Counter)  # event mentions: gold, found...
    failures: dict[str, str] = field(default_factory=dict)
    missing_documents: set[str] = field(default_factory=set)
    start_relation: bool = False
    seconds: float = 0.0


def tally(results: Iterable[Result], system: str, found_only: bool = False) -> Tally:
    t = Tally()
    for r in results:
        if found_only and not r.found:
            continue
        t.add(r.pair.gold, r.answers[system].label)
    return t


def score_document(doc: LinkedDocument, pairs: Sequence[Pair], tl, run: Run) -> None:  # type: ignore[no-untyped-def]
    """Answer every pair of one document with the timeline ``tl`` of its raw text."""
    system = list(tl.events)
    pairs_found = match(doc.events, [_Span(e.trigger_start, e.trigger_end) for e in system])  # type: ignore[arg-type]
    by_eid = {doc.events[g].eid: system[s] for g, s in pairs_found}
    gold_by_eid = {e.eid: e for e in doc.events}
    run.start_relation = run.start_relation or has_start_relation(tl)
    for pair in pairs:
        events = []
        for eiid, verb in ((pair.eiid1, pair.verb1), (pair.eiid2, pair.verb2)):
            eid = doc.instances.get(eiid)
            gold_event = gold_by_eid.get(eid or "")
            run.mentions["mentions"] += 1
            if gold_event is None:
                run.mentions["eiid not in the document"] += 1
            elif gold_event.text != verb:
                run.mentions["verb text differs from the EVENT"] += 1
            event = by_eid.get(eid or "")
            run.mentions["found"] += event is not None
            events.append(event)
        a, b = events
        if a is None or b is None or a.id == b.id:
            answers = {"system": NO_ANSWER, "text order": TEXT_ORDER, "tense": NO_ANSWER}
            run.results.append(Result(pair, False, answers))
            continue
        answers = {
            "system": system_answer(tl, a.id, b.id),
            "text order": TEXT_ORDER,
            "tense": tense_answer(a.tense, b.tense),
        }
        run.results.append(Result(pair, True, answers, (a.trigger, b.trigger)))


class _Span(NamedTuple):
    start: int
    end: int


def unfound(pairs: Iterable[Pair], run: Run) -> None:
    """Pairs of a document that could not be read or extracted: unanswered."""
    for pair in pairs:
        run.mentions["mentions"] += 2
        answers = {"system": NO_ANSWER, "text order": TEXT_ORDER, "tense": NO_ANSWER}
        run.results.append(Result(pair, False, answers))


def run_all(documents: dict[str, Path], pairs: Sequence[Pair], limit: int | None) -> Run:
    """Extract each document once and answer its pairs."""
    import timeline

    by_doc: dict[str, list[Pair]] = defaultdict(list)
    for p in pairs:
        by_doc[p.doc].append(p)
    run = Run()
    timeline.extract("It rained on Monday.", dt.date(2000, 1, 5))  # warm up
    for name in sorted(by_doc)[:limit]:
        doc_pairs = by_doc[name]
        path = documents.get(name)
        if path is None:
            run.missing_documents.add(name)
            unfound(doc_pairs, run)
            continue
        doc = read_linked_document(path)
        started = time.perf_counter()
        try:
            tl = timeline.extract(doc.text, doc.dct)
        except Exception as exc:  # a benchmark reports failures, it does not stop at them
            run.failures[name] = f"{type(exc).__name__}: {exc}"
            unfound(doc_pairs, run)
            continue
        finally:
            run.seconds += time.perf_counter() - started
        score_document(doc, doc_pairs, tl, run)
    return run


# --------------------------------------------------------------------------- report


def _prf(t: Tally) -> str:
    return (
        f"{100 * t.precision:5.1f} {100 * t.recall:5.1f} {100 * t.f1:5.1f} "
        f"{t.answered:>7} / {t.pairs:<7}"
    )


def _score_lines(results: Sequence[Result]) -> list[str]:
    parts = sorted({r.pair.part for r in results})
    cols = f"{'P':>5} {'R':>5} {'F1':>5} {'answered / pairs':>17}"
    out = [
        f"{'':<18}{'every pair (end to end)':^34} | {'pairs with both events found':^34}",
        f"{'':<18}{cols} | {cols}",
    ]
    groups = [("all", results)] if len(parts) < 2 else [("all", results)] + [
        (p, [r for r in results if r.pair.part == p]) for p in parts
    ]  # fmt: skip
    for label, rs in groups:
        out.append(f"  {label}")
        for name in SYSTEMS:
            out.append(f"    {name:<14}{_prf(tally(rs, name))} | {_prf(tally(rs, name, True))}")
    return out


def _confusion(results: Sequence[Result], system: str) -> list[str]:
    counts: Counter[tuple[str, str]] = Counter()
    for r in results:
        said = r.answers[system].label or "none"
        counts[(r.pair.gold, said if r.found else "not found")] += 1
    columns = (*LABELS, "none", "not found")
    out = [f"    {'gold / said':<12}" + "".join(f"{c:>11}" for c in columns)]
    for gold in GOLD_LABELS:
        out.append(f"    {gold:<12}" + "".join(f"{counts[(gold, c)]:>11}" for c in columns))
    return out


def _by_key(results: Sequence[Result], system: str, keys) -> list[tuple[str, Tally]]:  # type: ignore[no-untyped-def]
    tallies: dict[str, Tally] = defaultdict(Tally)
    for r in results:
        answer = r.answers[system]
        if answer.label is None:
            continue
        for key in keys(answer):
            tallies[key].add(r.pair.gold, answer.label)
    return sorted(tallies.items(), key=lambda kv: (-kv[1].answered, kv[0]))


def _answer_lines(title: str, rows: list[tuple[str, Tally]]) -> list[str]:
    out = [title]
    for key, t in rows:
        wrong = t.answered - t.correct
        out.append(
            f"    {key:<30}{t.answered:>6} answers  precision {100 * t.precision:5.1f}"
            f"  ({wrong} wrong)"
        )
    return out


def report(run: Run, examples: int) -> str:
    results = run.results
    gold = Counter(r.pair.gold for r in results)
    docs = {r.pair.doc for r in results}
    parts = Counter(r.pair.part for r in results)
    m = run.mentions
    found = sum(r.found for r in results)
    source = (
        "Timeline.start_relation"
        if run.start_relation
        else "Timeline.relation (before/after), else the solved start bounds (firm network, "
        "then with weak defaults); Timeline.start_relation is not available"
    )
    out = [
        f"MATRES start-point order: {len(results)} pairs in {len(docs)} documents ("
        + ", ".join(f"{p} {n}" for p, n in sorted(parts.items()))
        + ")",
        "  gold " + ", ".join(f"{g} {gold[g]}" for g in GOLD_LABELS) + " (VAGUE = no relation)",
        f"  system answers from {source}",
        f"  event mentions {m['mentions']}: aligned to a system event {m['found']} "
        f"({100 * m['found'] / max(1, m['mentions']):.1f}%); pairs with both found {found} "
        f"({100 * found / max(1, len(results)):.1f}%)",
    ]
    notes = [f"{k} {v}" for k, v in sorted(m.items()) if k not in ("mentions", "found")]
    if run.missing_documents:
        notes.append(f"documents not in the corpus {len(run.missing_documents)}")
    if run.failures:
        notes.append(f"documents that failed {len(run.failures)}")
    if notes:
        out.append("  " + "; ".join(notes))
    out.append("")
    out.append("P / R / F1 over BEFORE, AFTER, EQUAL")
    out += _score_lines(results)
    out.append("")
    out.append("system: confusion over every pair (rows gold, columns answer)")
    out += _confusion(results, "system")
    out.append("")
    out.append("tense baseline: confusion over every pair")
    out += _confusion(results, "tense")
    out.append("")
    out += _answer_lines(
        "system answers by derivation", _by_key(results, "system", lambda a: (a.source,))
    )
    confidence_rows = _by_key(results, "system", lambda a: (a.confidence,) if a.confidence else ())
    if confidence_rows:
        out += _answer_lines("system answers by confidence", confidence_rows)
    rule_rows = _by_key(results, "system", lambda a: a.rules)
    if rule_rows:
        out += _answer_lines("system answers by rule (an answer counts for each of its rules)",
                             rule_rows)  # fmt: skip
        out += _answer_lines(
            "system answers resting on one rule alone (besides the definitional event-interval)",
            _by_key(results, "system", lambda a: a.rules if len(a.rules) == 1 else ()),
        )
    else:
        out.append("system answers by rule: skipped (the answers name no rules)")
    out += _answer_lines(
        "tense baseline answers by tense pair", _by_key(results, "tense", lambda a: (a.source,))[:8]
    )
    wrong = [r for r in results if r.found and r.answers["system"].label not in (None, r.pair.gold)]
    if wrong and examples:
        out.append("")
        out.append(f"system: wrong answers ({len(wrong)}), e.g.:")
        step = max(1, len(wrong) // examples)
        for r in wrong[::step][:examples]:
            a = r.answers["system"]
            out.append(
                f"    {r.pair.doc}: {r.triggers[0]!r} ({r.pair.eiid1}) -> {r.triggers[1]!r}"
                f" ({r.pair.eiid2}): gold {r.pair.gold}, said {a.label} by {a.source}"
                + (f" [{', '.join(a.rules)}]" if a.rules else "")
            )
    for name, why in list(run.failures.items())[:3]:
        out.append(f"  failed: {name}: {why}")
    out.append("")
    out.append(f"Time: extraction {run.seconds:.1f} s")
    return "\n".join(line.rstrip() for line in out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help="TBAQ-cleaned (the .tml files)")  # fmt: skip
    parser.add_argument("matres", nargs="?", type=Path, default=DEFAULT_MATRES,
                        help="the folder of MATRES .txt files")  # fmt: skip
    parser.add_argument("--limit", type=int, help="only the first N documents (sorted by name)")
    parser.add_argument("--examples", type=int, default=8, help="wrong answers shown (default 8)")
    args = parser.parse_args(argv)

    files = sorted(args.matres.glob("*.txt")) if args.matres.is_dir() else []
    if not files:
        print(f"no MATRES files (*.txt) in {args.matres}; nothing to measure (skipped)")
        return 0
    if not args.corpus.is_dir():
        print(f"corpus {args.corpus} not found; nothing to measure (skipped)")
        return 0
    try:
        pairs = [p for f in files for p in read_pairs(f)]
    except (MatresError, OSError, UnicodeDecodeError) as exc:
        print(f"matres: {exc}", file=sys.stderr)
        return 1
    documents = {path.stem: path for path in iter_corpus(args.corpus)}
    run = run_all(documents, pairs, args.limit)
    print(report(run, args.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
