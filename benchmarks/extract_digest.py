"""A digest of extract()'s output, to show a speed change leaves results identical.

    python benchmarks/extract_digest.py [CORPUS_DIR] [--limit N] [--per-document]

For every TimeML document of the corpus (raw text and DCT, benchmarks/_timeml.py)
and every article of examples/, runs ``timeline.extract`` and hashes its
timeline/2 JSON (events, bounds with their evidence chains, relations of
each event, constraints, conflicts) and its text timeline with ``--explain``.
Prints one SHA-256 over all documents; ``--per-document`` also prints one
line per document, so two runs can be diffed to find the first that differs.

Run it in two checkouts (``PYTHONPATH=<checkout> python <checkout>/benchmarks/
extract_digest.py``) and compare the last line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/data/TBAQ-cleaned")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _timeml  # noqa: E402
from extract_speed import _published  # noqa: E402


def documents(corpus: Path, limit: int | None) -> list[tuple[str, str, object]]:
    docs = []
    if corpus.is_dir():
        for path in list(_timeml.iter_corpus(corpus))[:limit]:
            d = _timeml.read_document(path)
            docs.append((path.name, d.text, d.dct))
    for path in sorted((ROOT / "examples").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append((str(path.relative_to(ROOT)), text, _published(text)))
    return docs


def digest_of(text: str, published: object) -> str:
    import timeline

    assert Path(timeline.__file__).resolve().is_relative_to(ROOT), timeline.__file__
    from timeline.output._json import timeline_json
    from timeline.output._text import format_text

    tl = timeline.extract(text, published)
    payload = json.dumps(timeline_json(tl), sort_keys=True, ensure_ascii=False)
    payload += "\n" + format_text(tl, explain=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def digest_of_many(docs: list[tuple[str, str, object]]) -> str:
    from timeline.output._json import timeline_json
    from timeline.solver._extract import Source, extract_many

    tl = extract_many([Source(text, published, name) for name, text, published in docs])
    payload = json.dumps(timeline_json(tl), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS if CORPUS.is_dir() else _timeml.DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N corpus documents")
    parser.add_argument("--per-document", action="store_true")
    args = parser.parse_args(argv)
    whole = hashlib.sha256()
    docs = documents(args.corpus, args.limit)
    for name, text, published in docs:
        one = digest_of(text, published)
        whole.update(f"{name} {one}\n".encode())
        if args.per_document:
            print(f"{one}  {name}")
    # extract_many: the articles of examples/ merged into one timeline (renamed
    # points, mentions merged across documents).
    articles = [(n, t, p) for n, t, p in docs if n.startswith("examples/")]
    one = digest_of_many(articles)
    whole.update(f"examples/* merged {one}\n".encode())
    if args.per_document:
        print(f"{one}  examples/* merged")
    print(f"{len(docs)} documents and 1 merged timeline: {whole.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
