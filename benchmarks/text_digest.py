"""A digest of the text stage's output, to show a speed change leaves it identical.

    python benchmarks/text_digest.py [CORPUS_DIR] [--verbose]

Hashes, over every TimeML document of the corpus (default: TBAQ-cleaned in
/work/shared/data) and every article of examples/: each sentence's tagged
words, clauses and verb groups, the sentence ``sentence_around`` finds at
each sentence's start and middle, and ``tag()``'s output.  Run it on the
tree before a change and after (``PYTHONPATH=<tree>``): the digests must be
equal.  --verbose prints one digest per document, to find the first that
differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import _timeml  # noqa: E402

from timeline import tag  # noqa: E402
from timeline.text import sentence_around, split_clauses, split_sentences, tag_words  # noqa: E402
from timeline.text._clauses import clause_token_ranges  # noqa: E402
from timeline.text._verb_groups import read_verb_groups  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/data/TBAQ-cleaned")
_EXAMPLE_DATE = dt.date(2024, 1, 15)  # for the examples/ articles without a date of their own


def documents(corpus: Path) -> Iterator[tuple[str, str, dt.date]]:
    """(name, text, publication date) of every corpus document and example article."""
    if corpus.is_dir():
        for path in _timeml.iter_corpus(corpus):
            doc = _timeml.read_document(path)
            yield path.name, doc.text, doc.dct
    for path in sorted((ROOT / "examples").rglob("*.txt")):
        meta = path.with_suffix(".toml")
        published = _EXAMPLE_DATE
        if meta.is_file():
            published = dt.date.fromisoformat(str(tomllib.loads(meta.read_text())["published"]))
        yield path.name, path.read_text(encoding="utf-8"), published


def text_stage_lines(text: str) -> Iterator[str]:
    """One line per sentence reading: words, clauses, verb groups, windows."""
    for sentence in split_sentences(text):
        yield repr(sentence)
        words = tag_words(text, sentence)
        yield repr(words)
        clauses = split_clauses(text, sentence, words)
        yield repr(clauses)
        for ci, (lo, hi) in enumerate(clause_token_ranges(words, clauses)):
            yield repr(read_verb_groups(words, lo, hi, ci))
        for offset in (sentence.start, (sentence.start + sentence.end) // 2):
            try:
                yield repr(sentence_around(text, offset))
            except LookupError as exc:  # the window cannot tell: a result too
                yield repr(exc)


def digest(corpus: Path, verbose: bool = False) -> str:
    total = hashlib.sha256()
    for name, text, published in documents(corpus):
        one = hashlib.sha256()
        for line in text_stage_lines(text):
            one.update(line.encode())
        one.update(repr(tag(text, published=published)).encode())
        if verbose:
            print(name, one.hexdigest()[:16])
        total.update(one.digest())
    return total.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    print(digest(args.corpus, args.verbose))


if __name__ == "__main__":
    main()
