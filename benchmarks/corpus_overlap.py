"""Corpus overlap: no test, example, docstring or data comment echoes the evaluation corpus.

    python benchmarks/corpus_overlap.py [CORPUS_DIR] [--words N]

The TimeML corpus is for measuring; the project's sentences are our own. This
lists every run of N words (default 8, punctuation kept) that a tracked file
of timeline/, tests/, grammars/, examples/ or README.md shares with the raw text of
the corpus, and exits 1 when there is one. Without the corpus it says so and
exits 0.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import _timeml  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "TBAQ-cleaned"
SCANNED = ("timeline", "tests", "grammars", "examples", "README.md")
SUFFIXES = (".py", ".toml", ".txt", ".md", ".lark")


def _words(text: str) -> list[str]:
    return text.replace("#", " ").replace('"', ' " ').split()


def _runs(words: list[str], n: int) -> set[str]:
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--words", type=int, default=8, help="run length in words (default 8)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus {args.corpus} not found: nothing to compare")
        return 0
    corpus: set[str] = set()
    for path in _timeml.iter_corpus(args.corpus):
        corpus |= _runs(_words(_timeml.read_document(path).text), args.words)
    listed = subprocess.run(["git", "ls-files", *SCANNED], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split()  # fmt: skip
    found = 0
    for name in listed:
        if not name.endswith(SUFFIXES):
            continue
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        for run in sorted(_runs(_words(text), args.words) & corpus):
            if len(run) > 35:  # short runs of common words are English, not a copy
                print(f"{name}: {run}")
                found += 1
    print(f"{len(listed)} files, {found} run(s) of {args.words} words shared with {args.corpus}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
