"""Tagging speed: timeline.tag against a regex floor, dateparser and chrono-node.

Measures, on one CPU core and in one run:

1. throughput (characters/s, MB/s of UTF-8, expressions/s) of ``timeline.tag``
   over a corpus, two ways: the *first pass* in a fresh process (it imports
   timeline, loads the grammar from the cache, then tags text it has never
   seen: every cache cold; the median of several such processes), and *warm*
   (best of 3 further passes in one process, where the meaning cache hits);
   start-up (import, grammar load, set-up) is reported on its own; next to
   - the floor: a plain ``re.finditer(r"\\w+")`` pass over the same text;
   - ``dateparser.search.search_dates`` (if installed; slow, so timed on the
     first documents up to a time budget and extrapolated per character);
   - chrono-node's ``chrono.parse`` (if Node and npm are available; installed
     on first use into the git-ignored ``benchmarks/_out``), timed by a Node
     script that excludes Node's own start-up, also on its first pass (cold
     JIT) and warm (best of 3 further passes);
2. linearity: ``tag()`` on the corpus concatenated k times, k = 1, 2, 5, 10,
   and pathological inputs (1 MB of spaces, digits, "2014 " repeated, ...),
   each in a child process with a time limit so a hang is reported, not suffered;
3. peak memory (tracemalloc) of ``tag()`` over the corpus.

The corpus is the raw text of every ``*.tml`` under CORPUS_DIR (XML tags inside
<TEXT> stripped, the publication date from <DCT>). If the directory is absent,
the project's ``examples/*.txt`` are used instead, else synthetic news text.
Documents on which ``tag()`` raises are listed and left out of every measurement.

    python benchmarks/speed.py                    # TBAQ-cleaned, full run (a few minutes)
    python benchmarks/speed.py CORPUS_DIR
    python benchmarks/speed.py --quick            # small subset, a smoke run in seconds
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import html
import json
import multiprocessing as mp
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import traceback
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "_out"  # git-ignored: chrono-node's node_modules, the corpus JSON
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "TBAQ-cleaned"
WORD = re.compile(r"\w+")

# Targets the results are reported against.
TARGET_FIRST_MB_PER_S = 4.5  # tag() first pass, MB (10**6 bytes of UTF-8) per second
TARGET_FIRST_X_CHRONO = 1.8  # tag() first pass against chrono-node's first pass
TARGET_WARM_X_CHRONO = 0.5  # tag() warm against chrono-node warm
TARGET_X_DATEPARSER = 10.0  # timeline (warm) at least this many times faster than dateparser
# Set-up text of the fresh-process runs: loads every table before timing (a
# bare weekday needs a side, so the text stage's tables load too).
SETUP_TEXT = (
    "The set-up sentence was written on 29 February 1896, two days later. It was signed on Friday."
)


# ---------------------------------------------------------------------------
# Corpus


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    published: dt.date


_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"(\d{4}-\d{2}-\d{2})")


def load_tml(directory: Path) -> list[Doc]:
    """Every *.tml below ``directory`` (sorted by path): text inside <TEXT>, DCT date."""
    docs = []
    for path in sorted(directory.rglob("*.tml")):
        xml = path.read_text(encoding="utf-8")
        body, dct = _TEXT.search(xml), _DCT.search(xml)
        if body is None or dct is None:
            print(f"  skipped {path.name}: no <TEXT> or no <DCT> date", file=sys.stderr)
            continue
        text = html.unescape(_TAG.sub("", body.group(1)))
        docs.append(Doc(path.name, text, dt.date.fromisoformat(dct.group(1))))
    return docs


_MONTHS = "january february march april may june july august september october november december"
_MONTH_NO = {m: i for i, m in enumerate(_MONTHS.split(), start=1)}
_MONTH = "(" + "|".join(_MONTH_NO) + ")"
_DATE_FORMS = (  # (pattern, group order) for a publication date in an article's header
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(rf"\b(\d{{1,2}}) {_MONTH} (\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b{_MONTH} (\d{{1,2}}),? (\d{{4}})\b", re.I), "mdy"),
)
FALLBACK_DATE = dt.date(2024, 1, 15)


def header_date(text: str) -> dt.date | None:
    """The first date written in the first five lines ("Published: 2023-11-16", ...)."""
    head = "\n".join(text.splitlines()[:5])
    for pattern, order in _DATE_FORMS:
        if m := pattern.search(head):
            parts = dict(zip(order, m.groups(), strict=True))
            month = parts["m"]
            month = int(month) if month.isdigit() else _MONTH_NO[month.lower()]
            try:
                return dt.date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:
                continue
    return None


def load_examples(directory: Path) -> list[Doc]:
    """The project's example articles, dated from their header (else FALLBACK_DATE)."""
    docs = []
    for path in sorted(directory.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append(Doc(path.name, text, header_date(text) or FALLBACK_DATE))
    return docs


def synthetic_docs(n: int, seed: int = 7) -> list[Doc]:
    """``n`` short news-like articles with the usual mix of temporal expressions."""
    rng = random.Random(seed)
    places = ["the capital", "the port", "the northern province", "the valley", "the border"]
    actors = ["the ministry", "union leaders", "the central bank", "rescue teams", "the council"]
    verbs = ["announced", "confirmed", "denied", "postponed", "approved", "reviewed"]
    times = [
        "on Monday", "last week", "two days later", "in March 2019", "since 2015",
        "on 4 July", "early on Friday morning", "three years ago", "by the end of the year",
        "the following day", "at 9 a.m.", "every Tuesday", "for six months", "yesterday",
        "this spring", "in the first quarter", "on January 12, 2020", "next month",
    ]  # fmt: skip
    filler = [
        "Officials said the figures were preliminary.",
        "The decision drew criticism from opposition groups.",
        "Residents in {p} were advised to stay indoors.",
        "Talks are expected to resume, according to a spokesman.",
    ]
    docs = []
    for i in range(n):
        published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
        sentences = []
        for _ in range(rng.randrange(15, 40)):
            if rng.random() < 0.6:
                a, v, t, p = (rng.choice(x) for x in (actors, verbs, times, places))
                sentences.append(f"{a.capitalize()} {v} the plan for {p} {t}.")
            else:
                sentences.append(rng.choice(filler).format(p=rng.choice(places)))
        text = "\n\n".join(" ".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3))
        docs.append(Doc(f"synthetic-{i:03d}", text, published))
    return docs


def load_corpus(directory: Path) -> tuple[list[Doc], str]:
    """Documents and a one-line description of where they came from."""
    if directory.is_dir():
        docs = load_tml(directory)
        if docs:
            return docs, f"{directory} ({len(docs)} TimeML documents)"
    source = f"{directory} not found or empty; "
    docs = load_examples(ROOT / "examples")
    if docs:
        source += f"examples/*.txt ({len(docs)} articles)"
    else:
        docs = synthetic_docs(60)
        source += "synthetic news text (60 articles)"
    # A few kB time too noisily: repeat the articles up to ~200k characters.
    size = sum(len(d.text) for d in docs)
    copies = max(1, -(-200_000 // size))
    if copies > 1:
        docs = [Doc(f"{d.name}#{c}", d.text, d.published) for c in range(copies) for d in docs]
        source += f", repeated x{copies}"
    return docs, source


# ---------------------------------------------------------------------------
# Measurement helpers


@dataclass
class Row:
    """Throughput of one tool over a set of documents."""

    tool: str
    docs: int
    chars: int
    nbytes: int
    expressions: int
    seconds: float
    note: str = ""

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.nbytes / self.seconds / 1e6

    @property
    def expr_per_s(self) -> float:
        return self.expressions / self.seconds


def utf8_size(docs: Iterable[Doc]) -> int:
    return sum(len(d.text.encode("utf-8")) for d in docs)


def best_of(repeats: int, run: Callable[[], int]) -> tuple[float, int]:
    """Fastest of ``repeats`` timed calls of ``run`` (which returns a count), and the count."""
    best, count = float("inf"), 0
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        count = run()
        best = min(best, time.perf_counter() - start)
    return best, count


def _idle_ticks() -> dict[int, int]:
    """Idle + iowait jiffies per CPU from /proc/stat."""
    ticks = {}
    for line in Path("/proc/stat").read_text().splitlines():
        name, *fields = line.split()
        if name.startswith("cpu") and name != "cpu":
            ticks[int(name[3:])] = int(fields[3]) + int(fields[4])
    return ticks


def pin_one_core() -> str:
    """Restrict this process (and its children: Node, forks) to the idlest allowed CPU."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    allowed = os.sched_getaffinity(0)
    cpu = min(allowed)
    try:  # the CPU that was idle longest over half a second, where /proc/stat tells
        before = _idle_ticks()
        time.sleep(0.5)
        after = _idle_ticks()
        cpu = max(allowed & after.keys(), key=lambda c: after[c] - before.get(c, 0))
    except (OSError, ValueError, IndexError):
        pass
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu} of {os.cpu_count()}"


def load_average() -> str:
    try:
        return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


def git_state() -> str:
    """Commit of the timeline checkout measured, and whether it had local changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
    except OSError:
        return "unknown"
    return (head or "unknown") + (" + uncommitted changes" if dirty else "")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def fmt_rate(x: float) -> str:
    """3 significant figures with a k/M suffix: 1.23M, 45.6k, 789."""
    for div, suffix in ((1e6, "M"), (1e3, "k")):
        if x >= div:
            return f"{x / div:.3g}{suffix}"
    return f"{x:.3g}"


def print_table(headers: list[str], rows: list[list[str]], align: str) -> None:
    """Plain-text table; ``align`` has one 'l' or 'r' per column."""
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            str(c).ljust(w) if a == "l" else str(c).rjust(w)
            for c, w, a in zip(cells, widths, align, strict=True)
        ).rstrip()

    print("  " + line(headers))
    print("  " + line(["-" * w for w in widths]))
    for r in rows:
        print("  " + line(r))


def section(title: str) -> None:
    print(f"\n== {title}")


# ---------------------------------------------------------------------------
# timeline


def write_corpus(docs: list[Doc], repeats: int) -> Path:
    """The corpus as JSON for the child processes (timeline's and chrono-node's)."""
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = OUT / "corpus.json"
    payload = {
        "repeats": repeats,
        "docs": [{"text": d.text, "ref": d.published.isoformat()} for d in docs],
    }
    corpus.write_text(json.dumps(payload), encoding="utf-8")
    return corpus


def first_pass_child(corpus: Path | None) -> int:
    """In a fresh process: time import and set-up, then one pass over ``corpus``.

    Prints one JSON object. ``corpus`` None: set-up only (the cold-cache run).
    """
    start = time.perf_counter()
    import timeline  # noqa: F401  (the first import of this process: timed)
    from timeline.expressions._grammar import build_parser

    imported = time.perf_counter()
    build_parser()
    grammar = time.perf_counter()
    timeline.tag(SETUP_TEXT, dt.date(1896, 2, 27))
    ready = time.perf_counter()
    result = {
        "import_s": imported - start,
        "grammar_s": grammar - imported,
        "setup_s": ready - grammar,
    }
    if corpus is not None:
        payload = json.loads(corpus.read_text(encoding="utf-8"))
        docs = [(d["text"], dt.date.fromisoformat(d["ref"])) for d in payload["docs"]]
        gc.collect()
        begin, cpu = time.perf_counter(), time.process_time()
        found = sum(len(timeline.tag(text, published)) for text, published in docs)
        result["first_s"] = time.perf_counter() - begin
        result["first_cpu_s"] = time.process_time() - cpu
        result["expressions"] = found
    print(json.dumps(result))
    return 0


def run_child(corpus: Path | None, env: dict[str, str] | None = None) -> dict | str:
    """One fresh-process run of first_pass_child; its JSON, or the reason it failed."""
    args = [sys.executable, str(Path(__file__).resolve()), "--first-pass-child"]
    args.append(str(corpus) if corpus else "-")
    try:
        proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=1800)
    except subprocess.TimeoutExpired:
        return "fresh-process run timed out"
    if proc.returncode != 0:
        return "fresh-process run failed: " + " | ".join(proc.stderr.strip().splitlines()[-3:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure_first_pass(docs: list[Doc], runs: int) -> tuple[Row, dict[str, float]] | str:
    """tag() on its first pass in ``runs`` fresh processes: the median run, and the
    median start-up figures (import, grammar from the cache, rest of the set-up)."""
    corpus = write_corpus(docs, 1)
    results = []
    for _ in range(runs):
        res = run_child(corpus)
        if isinstance(res, str):
            return res
        results.append(res)
    med = {k: statistics.median(r[k] for r in results) for k in results[0]}
    chars, nbytes = sum(len(d.text) for d in docs), utf8_size(docs)
    note = f"fresh process, median of {runs}" if runs > 1 else "fresh process"
    row = Row("timeline.tag first pass", len(docs), chars, nbytes,
              int(results[0]["expressions"]), med["first_s"], note)  # fmt: skip
    return row, med


def measure_cold_setup() -> dict | str:
    """Start-up in a fresh process with an empty grammar cache (the grammar is built)."""
    import tempfile

    with tempfile.TemporaryDirectory() as empty:
        env = dict(os.environ, TIMELINE_CACHE_DIR=empty)
        env.pop("TIMELINE_NO_CACHE", None)
        return run_child(None, env)


def screen(docs: list[Doc]) -> tuple[list[Doc], list[tuple[Doc, BaseException]]]:
    """Split documents into those tag() handles and those it raises on (also a warm-up)."""
    from timeline import tag

    good, bad = [], []
    for d in docs:
        try:
            tag(d.text, d.published)
            good.append(d)
        except Exception as exc:  # noqa: BLE001 - any failure is reported, not fatal
            bad.append((d, exc))
    return good, bad


def timeline_pass(docs: list[Doc]) -> int:
    from timeline import tag

    return sum(len(tag(d.text, d.published)) for d in docs)


def floor_pass(docs: list[Doc]) -> int:
    return sum(sum(1 for _ in WORD.finditer(d.text)) for d in docs)


# ---------------------------------------------------------------------------
# dateparser


def measure_dateparser(docs: list[Doc], budget: float, languages: list[str] | None) -> Row | str:
    """search_dates over the first documents until ``budget`` seconds are spent.

    Returns a Row (per-character extrapolation is implicit in the rates), or the
    reason dateparser could not be measured.
    """
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError as exc:
        return f"not installed ({exc}); pip install dateparser"

    def run(d: Doc) -> int:
        base = dt.datetime(d.published.year, d.published.month, d.published.day)
        found = search_dates(d.text, languages=languages, settings={"RELATIVE_BASE": base})
        return len(found or ())

    run(Doc("warm-up", "The talks began on Monday, 3 March 2014.", dt.date(2014, 3, 5)))
    done: list[Doc] = []
    found = errors = 0
    spent = 0.0
    for d in docs:
        start = time.perf_counter()
        try:
            found += run(d)
        except Exception:  # noqa: BLE001 - count and go on, as a user would have to
            errors += 1
        spent += time.perf_counter() - start
        done.append(d)
        if spent >= budget:
            break
    chars = sum(len(d.text) for d in done)
    total = sum(len(d.text) for d in docs)
    if len(done) < len(docs):
        note = f"first {len(done)}/{len(docs)} docs ({chars / total:.0%} of chars), extrapolated"
    else:
        note = "all docs"
    if errors:
        note += f"; raised on {errors} docs"
    label = "dateparser " + dateparser.__version__
    label += f" (languages={languages})" if languages else " (default settings)"
    return Row(label, len(done), chars, utf8_size(done), found, spent, note)


# ---------------------------------------------------------------------------
# chrono-node


def ensure_chrono() -> str | None:
    """Install chrono-node into benchmarks/_out if needed; None if ready, else the reason."""
    if shutil.which("node") is None:
        return "node not found on PATH"
    if (OUT / "node_modules" / "chrono-node" / "package.json").is_file():
        return None
    if shutil.which("npm") is None:
        return "npm not found on PATH"
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / "package.json", OUT / "package.json")
    if (HERE / "package-lock.json").is_file():  # the exact chrono-node tarball
        shutil.copyfile(HERE / "package-lock.json", OUT / "package-lock.json")
    print("  installing chrono-node into benchmarks/_out (first run only) ...", flush=True)
    try:
        proc = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=OUT, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return "npm install timed out"
    if proc.returncode != 0:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        return f"npm install failed: {tail}"
    return None


def measure_chrono(docs: list[Doc], repeats: int, runs: int) -> tuple[Row, Row, float] | str:
    """chrono.parse over all documents, timed inside Node in ``runs`` fresh Node
    processes: (first-pass row: median of the runs, warm row: the best pass of
    all, require() seconds), or the reason it could not be measured."""
    problem = ensure_chrono()
    if problem:
        return problem
    corpus = write_corpus(docs, repeats)
    env = dict(os.environ, CHRONO_DIR=str(OUT), TZ="UTC")
    results = []
    for _ in range(runs):
        try:
            proc = subprocess.run(
                ["node", str(HERE / "chrono_bench.js"), str(corpus)],
                capture_output=True, text=True, env=env, timeout=1800,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            return "chrono_bench.js timed out"
        if proc.returncode != 0:
            return "chrono_bench.js failed: " + " | ".join(proc.stderr.strip().splitlines()[-3:])
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    res = results[0]
    tool = f"chrono-node {res['version']} (Node {res['node']})"
    chars, nbytes = sum(len(d.text) for d in docs), utf8_size(docs)
    first = statistics.median(r["first_seconds"] for r in results)
    warm = min(r["seconds"] for r in results)
    note = f"fresh Node process, median of {runs}" if runs > 1 else "fresh Node process"
    first_row = Row(tool + " first pass", res["docs"], chars, nbytes, res["expressions"],
                    first, note + "; parse loop only")  # fmt: skip
    warm_row = Row(tool + " warm", res["docs"], chars, nbytes, res["expressions"], warm,
                   f"best of {repeats} x {runs} passes after the first")  # fmt: skip
    return first_row, warm_row, statistics.median(r["load_seconds"] for r in results)


# ---------------------------------------------------------------------------
# Child-process runs with a time limit (pathological inputs)


WARM_UP = "The talks began on Monday, 3 March 2014, and ended two days later."


def _tag_child(text: str, published: dt.date, repeats: int, conn: Connection) -> None:
    """Runs in a forked child: tag() ``repeats`` times, send back (best seconds, count, error)."""
    from timeline import tag

    try:
        tag(WARM_UP, published)  # touch the inherited (copy-on-write) grammar before timing
        best, n = float("inf"), 0
        for _ in range(repeats):
            gc.collect()
            start = time.perf_counter()
            n = len(tag(text, published))
            best = min(best, time.perf_counter() - start)
        conn.send((best, n, None))
    except Exception as exc:  # noqa: BLE001
        conn.send((0.0, 0, "".join(traceback.format_exception_only(exc)).strip()))
    finally:
        conn.close()


def tag_with_limit(
    text: str, published: dt.date, limit: float, repeats: int = 1
) -> tuple[float, int, str | None]:
    """tag() in a forked child (warm grammar inherited); a hang is killed after ``limit`` s."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_tag_child, args=(text, published, repeats, child))
    proc.start()
    child.close()
    if parent.poll(limit):
        result = parent.recv()
    else:
        result = (limit, 0, f"HANG: no result after {limit:.0f} s (killed)")
    proc.join(5)
    if proc.is_alive():
        proc.kill()
        proc.join()
    return result


def pathological_inputs(size: int) -> list[tuple[str, str]]:
    """(label, text) pairs of about ``size`` characters each."""
    rng = random.Random(20240501)
    digits = "".join(rng.choice("0123456789") for _ in range(size))
    noise = rng.randbytes(size).decode("utf-8", errors="replace")
    return [
        (f"{size:,} spaces", " " * size),
        (f"{size:,} random digits", digits),
        (f'"2014 " x {size // 5:,}', "2014 " * (size // 5)),
        (f'"on Monday, " x {size // 10:,}', "on Monday, " * (size // 10)),
        (f'". . . " x {size // 6:,}', ". . . " * (size // 6)),
        (f"{size:,} random bytes, errors='replace'", noise),
    ]


# ---------------------------------------------------------------------------
# Report sections


def root_cause(exc: BaseException) -> BaseException:
    """The innermost exception of a chain (lark wraps transformer errors in VisitError)."""
    while True:
        inner = getattr(exc, "orig_exc", None) or exc.__cause__ or exc.__context__
        if inner is None:
            return exc
        exc = inner


def failing_sentence(doc: Doc) -> str | None:
    """The first sentence of ``doc`` on which tag() raises by itself (for bug reports)."""
    from timeline import tag

    for sentence in re.split(r"(?<=[.!?])\s+", doc.text):
        try:
            tag(sentence, doc.published)
        except Exception:  # noqa: BLE001
            return " ".join(sentence.split())
    return None


def report_failures(bad: list[tuple[Doc, BaseException]], total: int) -> None:
    if not bad:
        print(f"  tag() ran on all {total} documents without error.")
        return
    print(f"  tag() RAISED on {len(bad)} of {total} documents; they are left out of every")
    print("  measurement below. Document, root cause, first sentence that raises alone:")
    for d, exc in bad:
        cause = root_cause(exc)
        print(f"    {d.name} ({d.published}): {type(cause).__name__}: {str(cause)[:90]}")
        sentence = failing_sentence(d)
        if sentence:
            print(f"      {sentence[:120]!r}" + (" ..." if len(sentence) > 120 else ""))
    cause = root_cause(bad[0][1])
    print(f"  root-cause traceback ({bad[0][0].name}), last frames:")
    lines = traceback.format_exception(cause, chain=False)
    for chunk in lines[-3:]:
        for ln in chunk.rstrip().splitlines():
            print("    " + ln)


def report_throughput(rows: list[Row]) -> None:
    print_table(
        ["tool", "docs", "chars", "expr", "seconds", "chars/s", "MB/s", "expr/s", "note"],
        [
            [
                r.tool, str(r.docs), f"{r.chars:,}", f"{r.expressions:,}", f"{r.seconds:.3f}",
                fmt_rate(r.chars_per_s), f"{r.mb_per_s:.3f}", fmt_rate(r.expr_per_s), r.note,
            ]
            for r in rows
        ],
        "lrrrrrrrl",
    )  # fmt: skip


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report_ratios(
    first: Row, warm: Row, floor: Row, dps: list[Row], chrono: tuple[Row, Row] | None, why: dict
) -> None:
    print(f"  timeline vs floor: warm tag() takes {warm.seconds / floor.seconds:.1f}x the time")
    print(
        f"    of a bare \\w+ scan ({warm.chars_per_s / floor.chars_per_s:.1%} of the floor's speed)"
    )
    print(
        f"  target: tag() first pass >= {TARGET_FIRST_MB_PER_S:g} MB/s: {first.mb_per_s:.2f} MB/s"
        f"  -> {verdict(first.mb_per_s >= TARGET_FIRST_MB_PER_S)}"
        f"  (warm: {warm.mb_per_s:.2f} MB/s)"
    )
    if dps:
        for i, dp in enumerate(dps):
            x = warm.chars_per_s / dp.chars_per_s
            tgt = f"target >= {TARGET_X_DATEPARSER:g}x -> {verdict(x >= TARGET_X_DATEPARSER)}"
            print(f"  warm tag() vs {dp.tool}: {x:.1f}x faster" + (f"  ({tgt})" if i == 0 else ""))
    else:
        print(f"  timeline vs dateparser: not measured ({why.get('dateparser')})")
    if chrono:
        c_first, c_warm = chrono
        x = first.chars_per_s / c_first.chars_per_s
        print(
            f"  tag first / chrono first: {x:.2f}x"
            f"  (target >= {TARGET_FIRST_X_CHRONO:g}x -> {verdict(x >= TARGET_FIRST_X_CHRONO)})"
        )
        x = warm.chars_per_s / c_warm.chars_per_s
        print(
            f"  tag warm / chrono warm:   {x:.2f}x"
            f"  (target >= {TARGET_WARM_X_CHRONO:g}x -> {verdict(x >= TARGET_WARM_X_CHRONO)})"
        )
    else:
        print(f"  timeline vs chrono-node: not measured ({why.get('chrono')})")


def report_linearity(docs: list[Doc], ks: tuple[int, ...], limit: float, repeats: int) -> None:
    base = "\n\n".join(d.text for d in docs)
    published = docs[0].published
    rows, t1 = [], None
    for k in ks:
        text = "\n\n".join([base] * k)
        seconds, n, err = tag_with_limit(text, published, limit * k, repeats)
        if err:
            rows.append([str(k), f"{len(text):,}", "-", f"{seconds:.3f}", "-", "-", err[:60]])
            continue
        t1 = t1 or seconds / k
        ratio = seconds / t1
        rows.append(
            [str(k), f"{len(text):,}", f"{n:,}", f"{seconds:.3f}", f"{ratio:.2f}",
             f"{ratio / k:.2f}", fmt_rate(len(text) / seconds)]
        )  # fmt: skip
    print(f"  one document = the corpus joined and repeated k times (published {published});")
    print(f"  best of {repeats} runs in a child process, killed after {limit:.0f} s x k")
    print_table(
        ["k", "chars", "expr", "seconds", "time/t(1)", "(time/t(1))/k", "chars/s"],
        rows, "rrrrrrr",
    )  # fmt: skip


def report_pathological(size: int, corpus_s_per_char: float, limit: float) -> None:
    published = dt.date(2014, 3, 5)
    rows = []
    for label, text in pathological_inputs(size):
        seconds, n, err = tag_with_limit(text, published, limit)
        if err:
            rows.append([label, f"{len(text):,}", "-", f"{seconds:.3f}", "-", "-", err[:70]])
            continue
        per_char = seconds / len(text)
        rows.append(
            [label, f"{len(text):,}", f"{n:,}", f"{seconds:.3f}", fmt_rate(len(text) / seconds),
             f"{per_char / corpus_s_per_char:.1f}x", "ok"]
        )  # fmt: skip
    print(f"  each in a child process, killed after {limit:.0f} s")
    print_table(
        ["input", "chars", "expr", "seconds", "chars/s", "time/char vs corpus", "status"],
        rows, "lrrrrrl",
    )  # fmt: skip


def report_memory(docs: list[Doc]) -> None:
    from timeline import tag

    chars = sum(len(d.text) for d in docs)
    largest = max(docs, key=lambda d: len(d.text))
    whole = "\n\n".join(d.text for d in docs)
    runs: list[tuple[str, int, Callable[[], object]]] = [
        ("corpus, one document at a time", max(len(d.text) for d in docs),
         lambda: [len(tag(d.text, d.published)) for d in docs]),
        (f"largest document ({largest.name})", len(largest.text),
         lambda: tag(largest.text, largest.published)),
        ("corpus joined into one document", len(whole), lambda: tag(whole, docs[0].published)),
    ]  # fmt: skip
    rows = []
    for label, size, run in runs:
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        run()
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        rows.append([label, f"{size:,}", f"{peak / 1e6:.2f}", f"{peak / size:.0f}"])
    print(
        f"  tracemalloc peak above the warm baseline (corpus: {chars:,} chars in {len(docs)} docs)"
    )
    print_table(["run", "largest text (chars)", "peak MB", "peak bytes/char"], rows, "lrrr")


# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                    help=f"folder of *.tml files (default {DEFAULT_CORPUS})")  # fmt: skip
    ap.add_argument("--quick", action="store_true", help="small subset: a smoke run in seconds")
    ap.add_argument("--runs", type=int, default=None,
                    help="fresh processes per first-pass figure (default 3; 1 with --quick)")  # fmt: skip
    ap.add_argument("--first-pass-child", type=Path, metavar="CORPUS_JSON", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.first_pass_child is not None:
        child = args.first_pass_child
        return first_pass_child(None if str(child) == "-" else child)

    quick = args.quick
    repeats = 1 if quick else 3  # timed warm passes; the best is kept
    runs = max(1, args.runs or (1 if quick else 3))  # fresh processes; the median is kept
    dp_budget = 2.0 if quick else 20.0  # seconds of dateparser work to extrapolate from
    patho_size = 100_000 if quick else 1_000_000
    limit = 30.0 if quick else 120.0  # a child run taking longer counts as a hang

    started = time.perf_counter()
    pinned = pin_one_core()

    docs, source = load_corpus(args.corpus)
    if quick:
        docs, source = docs[:20], source + ", --quick: first 20"

    print("timeline tagging speed" + (" (--quick)" if quick else ""))
    print(f"  Python {platform.python_version()} on {cpu_model()}, {pinned}, {load_average()}")
    print(f"  timeline checkout: {git_state()}")
    print(f"  corpus: {source}")

    section("Screening (untimed: every document through tag() once in this process)")
    docs, bad = screen(docs)  # also builds (or loads) the grammar and fills its cache
    report_failures(bad, len(docs) + len(bad))
    if not docs:
        print("  nothing left to measure")
        return 1
    chars, nbytes = sum(len(d.text) for d in docs), utf8_size(docs)
    print(f"  measured set: {len(docs)} documents, {chars:,} characters, {nbytes:,} bytes UTF-8")

    section(f"Throughput (one core; first pass: fresh processes; warm: best of {repeats})")
    print(f"  timeline first pass in {runs} fresh process(es) ...", flush=True)
    first_res = measure_first_pass(docs, runs)
    if isinstance(first_res, str):
        print(f"  {first_res}")
        return 1
    first, startup = first_res
    seconds, n = best_of(repeats, lambda: timeline_pass(docs))
    warm = Row("timeline.tag warm", len(docs), chars, nbytes, n, seconds,
               f"best of {repeats} in one process (meaning cache hits)")  # fmt: skip
    seconds, n = best_of(repeats, lambda: floor_pass(docs))
    floor = Row(r're.finditer(r"\w+")', len(docs), chars, nbytes, n, seconds, "floor; expr = words")
    rows, why, dps = [first, warm, floor], {}, []
    for languages in (None, ["en"]):
        print(f"  dateparser (languages={languages}): ~{dp_budget:.0f} s ...", flush=True)
        dp = measure_dateparser(docs, dp_budget, languages)
        if isinstance(dp, str):
            why["dateparser"] = dp
            break
        dps.append(dp)
    print(f"  chrono-node in {runs} fresh Node process(es) ...", flush=True)
    chrono_res = measure_chrono(docs, repeats, runs)
    chrono = None
    if isinstance(chrono_res, str):
        why["chrono"] = chrono_res
    else:
        c_first, c_warm, load_s = chrono_res
        chrono = (c_first, c_warm)
    rows += dps + (list(chrono) if chrono else [])
    print()
    report_throughput(rows)
    if dps:
        print("  dateparser rates are per character over the documents it was timed on,")
        print("  extrapolated to the whole corpus (it is too slow to run over all of it).")
    if chrono:
        print(f"  chrono-node require() took {load_s * 1000:.0f} ms (start-up, not in its rows)")
    cpu_rate = nbytes / startup["first_cpu_s"] / 1e6
    print(f"  tag() first pass by CPU time: {startup['first_cpu_s']:.3f} s, {cpu_rate:.2f} MB/s"
          " (less disturbed by other work on the machine)")  # fmt: skip

    section("Start-up of a fresh process (not in the rows above; medians)")
    cold = measure_cold_setup()
    print(f"  import timeline:                      {startup['import_s'] * 1000:8.1f} ms")
    print(f"  grammar, warm cache (loaded):         {startup['grammar_s'] * 1000:8.1f} ms")
    if isinstance(cold, str):
        print(f"  grammar, empty cache (built):         not measured ({cold})")
    else:
        print(f"  grammar, empty cache (built, stored): {cold['grammar_s'] * 1000:8.1f} ms")
    print(f"  rest of the set-up (first tag call):  {startup['setup_s'] * 1000:8.1f} ms")
    total = startup["import_s"] + startup["grammar_s"] + startup["setup_s"]
    print(f"  total, warm cache:                    {total * 1000:8.1f} ms")

    section("Ratios and targets (by characters/s)")
    report_ratios(first, warm, floor, dps, chrono, why)

    section("Linearity: tag() time on k copies of the corpus as one document")
    report_linearity(docs, (1, 2, 5, 10), limit, 1 if quick else 2)

    section(f"Pathological inputs (about {patho_size:,} characters each)")
    report_pathological(patho_size, warm.seconds / warm.chars, limit)

    section("Peak memory")
    report_memory(docs)

    print(f"\ntotal run time {time.perf_counter() - started:.0f} s; {load_average()}")
    print("  (a load average near or above the number of CPUs means other work shared")
    print("  the machine during the run: absolute rates are then pessimistic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
