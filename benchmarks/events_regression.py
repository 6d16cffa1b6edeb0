"""Regression check for sentences, tokens, clauses and events: output must not change.

    python benchmarks/events_regression.py --save REFERENCE [CORPUS_DIR]
    python benchmarks/events_regression.py REFERENCE [CORPUS_DIR]

With ``--save`` it runs the current code over every TimeML document of the
corpus (default: TBAQ-cleaned), the articles in examples/ and a set of
synthetic tricky texts (hand-written edge cases plus seeded random word
salads), and pickles everything ``split_sentences``, ``tag_tokens``,
``split_clauses`` and ``find_events`` (all three ``nominals`` policies)
return, as plain tuples. Keep the file outside the repository (e.g. /tmp).
Without ``--save`` it recomputes the same output for the texts stored in the
reference and prints the first difference in each text that changed (up to
20 texts) and the count (exit status 1 if any).

The script pins ``PYTHONHASHSEED`` to 0 (re-running itself if needed): the
tables are read into sets, and where a table lists a word twice over (both
"negotiation" and "negotiations" as event nouns) which entry wins can depend
on the order of a set, so two runs of unchanged code could differ otherwise.

Either way it then prints the time of ``find_events`` and ``split_sentences``
over the corpus (best of three warm passes on one core), the numbers to watch
when optimising the segmenter or the event rules.
"""

from __future__ import annotations

import argparse
import enum
import os
import pickle
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _timeml  # noqa: E402
import attrs  # noqa: E402

from timeline.events import NOMINAL_POLICIES, find_events  # noqa: E402
from timeline.text import lexicon, split_clauses, split_sentences, tag_tokens  # noqa: E402

FORMAT = 1

# Edge cases for the sentence splitter, tokenizer, tagger and clause cutter.
TRICKY = [
    "",
    " ",
    "\n\n\n",
    "word",
    ".",
    "...",
    "Mr. Smith met Gen. Jones on Feb. 5 in the U.S. and left at 10 a.m. Officials said so.",
    "It can't be. They won't go, and she's been told he'd left; we'd go if they'd asked.",
    "The relatives' appeal was rejected. The boss\u2019s car wasn\u2019t there \u2014 nor was he.",
    "He cannot stay.\u2029She gotta go.\u2028They said \u201cno\u201d.",
    "Headline without a stop\n\nROME - The talks, which began on Monday, are due to resume.",
    "As many as 40 people were killed after three days of intense bombing, officials said.",
    "The fall of the town comes as peace talks are scheduled to begin amid fears that ...",
    '"We will stay," said the mayor, who had been warned. According to police, it ended.',
    "Rescue services say at least 40 people injured in landslides blocking roads.",
    "The attacks follow claims that the regime used gas. Telerate shares fell 3.5% to 1,000.",
    "THE STORM HITS THE COAST. The Storm Hits The Coast On Monday Night.",
    "If the levee breaks, the town could flood; the dividend paid on the stock will apply.",
    "Backed by Russian airstrikes, troops advanced. Officials who monitor the area said so.",
    "e.g. this, i.e. that. U.S.A. vs. U.K. -- No. 5 is Ill. and Calif.; St. Louis.",
    "Storm Aurel: floods 'leave 12 dead' across northern valleys",
    "He said: 'It's over.' Then (quietly) he left... And came back?! Yes!!",
    "over which groups are represented, and amid arguments over which the talks stalled",
    "She has not yet been told, nor will she be; they do not know and didn't ask.",
    "1998-01-08 10:30 3/4 \u00bd \u2026 \u00abquoted\u00bb [bracketed] {braced} `backtick''",
    "rebel-held war-torn unchanged unharmed over-the-counter re-elected co-operate",
    "To the west, the capture of X, along with Y, which was expected, surprised them.",
    "They wait and see. He will impede or delay it. Clinton says he will. The spokesman says the",
]


def _plain(value: Any) -> Any:
    """A value as plain data with its type name (so Tag("VERB") != "VERB")."""
    if isinstance(value, enum.Enum):
        return (type(value).__name__, value.value)
    return value


def _record(obj: Any) -> tuple[Any, ...]:
    return (type(obj).__name__,) + tuple(
        _plain(getattr(obj, f.name)) for f in attrs.fields(type(obj))
    )


def analyse(text: str) -> dict[str, Any]:
    """Everything the segmenter and the event rules return for *text*, as plain data."""
    sentences = split_sentences(text)
    tokens = []
    clauses = []
    self_tagged = True  # split_clauses gives the same clauses when it tags the sentence
    for s in sentences:
        toks = tag_tokens(text, s)
        tokens.append([_record(t) for t in toks])
        clauses.append([_record(c) for c in split_clauses(text, s, toks)])
        self_tagged = self_tagged and split_clauses(text, s) == split_clauses(text, s, toks)
    events = {
        policy: [_record(e) for e in find_events(text, nominals=policy)]
        for policy in NOMINAL_POLICIES
    }
    given = [_record(e) for e in find_events(text, sentences)]
    return {
        "sentences": [_record(s) for s in sentences],
        "tokens": tokens,
        "clauses": clauses,
        "events": events,
        "same with sentences given": given == events["signalled"],
        "same clauses when self-tagged": self_tagged,
    }


def corpus_texts(corpus: Path) -> list[tuple[str, str]]:
    paths = sorted(corpus.rglob("*.tml")) if corpus.is_dir() else []
    return [(str(p.relative_to(corpus)), _timeml.read_document(p).text) for p in paths]


def random_texts(corpus: list[tuple[str, str]], count: int = 400) -> list[tuple[str, str]]:
    """Seeded word salads from the corpus vocabulary, the lexicon and odd punctuation."""
    rng = random.Random(20240611)
    lex = lexicon()
    words: set[str] = set()
    for _, text in corpus[:40]:
        words.update(text.split())
    words.update(lex.be, lex.have, lex.do, lex.modals, lex.negation, lex.relatives)
    words.update(lex.subordinators, lex.coordinators, lex.prepositions, lex.determiners)
    words.update(" ".join(cue) for cue in lex.cues)
    words.update(" ".join(phrase) for phrase in lex.not_cues)
    words.update(sorted(lex.verb_forms)[::50])
    vocab = sorted(words)
    punct = [".", ",", ";", ":", "!", "?", "--", '"', "'", "(", ")", "\u2014", "\u2019s", "n't"]
    spaces = [" "] * 12 + ["\n", "\n\n", "  ", "\u2029"]
    out = []
    for n in range(count):
        parts = []
        for _ in range(rng.randint(1, 90)):
            piece = rng.choice(punct) if rng.random() < 0.15 else rng.choice(vocab)
            if rng.random() < 0.1:
                piece = piece.capitalize()
            parts.append(piece)
            parts.append(rng.choice(spaces) if rng.random() < 0.8 else "")
        out.append((f"random-{n}", "".join(parts)))
    return out


def all_texts(corpus: Path) -> list[tuple[str, str]]:
    docs = corpus_texts(corpus)
    examples = [
        (f"examples/{p.name}", p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "examples").glob("*.txt"))
    ]
    tricky = [(f"tricky-{n}", text) for n, text in enumerate(TRICKY)]
    return docs + examples + tricky + random_texts(docs)


def _first_difference(old: Any, new: Any, path: str = "") -> str:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys(), key=str):
            if old.get(key) != new.get(key):
                return _first_difference(old.get(key), new.get(key), f"{path}.{key}")
    if isinstance(old, list) and isinstance(new, list):
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            if a != b:
                return _first_difference(a, b, f"{path}[{i}]")
        if len(old) != len(new):
            return f"{path}: {len(old)} items, now {len(new)}"
    return f"{path}:\n      was {old!r}\n      now {new!r}"


def timings(corpus_docs: list[str], passes: int = 3) -> None:
    if not corpus_docs:
        return
    find_events("Warm-up: the talks began on Monday.")
    chars = sum(len(t) for t in corpus_docs)
    for name, run in (("find_events", find_events), ("split_sentences", split_sentences)):
        best = float("inf")
        for _ in range(passes):
            start = time.perf_counter()
            for text in corpus_docs:
                run(text)
            best = min(best, time.perf_counter() - start)
        print(
            f"{name:16} {len(corpus_docs)} docs, {chars:,} chars: {best:.3f} s "
            f"({len(corpus_docs) / best:,.0f} docs/s, best of {passes})"
        )


def _pin_hash_seed() -> None:
    """Re-run this script with PYTHONHASHSEED=0 unless a seed is already set."""
    if os.environ.get("PYTHONHASHSEED") is None:
        env = dict(os.environ, PYTHONHASHSEED="0")
        sys.exit(subprocess.run([sys.executable, *sys.argv], env=env, check=False).returncode)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="pickle file to write or compare against")
    parser.add_argument("corpus", nargs="?", type=Path, default=_timeml.DEFAULT_CORPUS)
    parser.add_argument("--save", action="store_true", help="write the reference")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args(argv)
    status = 0
    if args.save:
        texts = all_texts(args.corpus)
        reference = {
            "format": FORMAT,
            "docs": [(name, text, analyse(text)) for name, text in texts],
        }
        with args.reference.open("wb") as f:
            pickle.dump(reference, f, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"saved {len(texts)} texts to {args.reference}")
        corpus_docs = [text for name, text in texts if name.endswith(".tml")]
    else:
        with args.reference.open("rb") as f:
            reference = pickle.load(f)  # noqa: S301 - a file this script wrote
        if reference.get("format") != FORMAT:
            parser.error(f"{args.reference}: not a reference of format {FORMAT}")
        differing = 0
        for name, text, expected in reference["docs"]:
            got = analyse(text)
            if got != expected:
                differing += 1
                if differing <= 20:
                    print(f"DIFF {name}{_first_difference(expected, got)}")
        total = len(reference["docs"])
        print(f"{total - differing}/{total} texts identical, {differing} differ")
        status = 1 if differing else 0
        corpus_docs = [text for name, text, _ in reference["docs"] if name.endswith(".tml")]
    if not args.no_timing:
        timings(corpus_docs)
    return status


if __name__ == "__main__":
    _pin_hash_seed()
    sys.exit(main())
