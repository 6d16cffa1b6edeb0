"""The built parser kept on disk: loaded tables equal built ones; bad caches fall back."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import _cache
from timeline.expressions import _grammar
from timeline.expressions._scan import Scanner

# Sentences written for this test: one of each expression family.
PHRASES = [
    "Monday, 3 March 2014",
    "two days later",
    "last week",
    "the first quarter of next year",
    "every Tuesday",
    "9 a.m. on Friday",
    "three years ago",
    "the end of the year",
    "Friday morning",
    "the following day",
    "this spring",
    "six months",
    "January 12, 2020",
    "the past three years",
]


def _key() -> str:
    return _grammar.cache_key(_grammar.grammar_text(), dict(_grammar._OPTIONS, strict=False))


def _refuse_to_build(text, strict):
    raise AssertionError("built the grammar although a valid cache was there")


@pytest.fixture(scope="module")
def cache_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("grammar-cache") / "nested" / "timeline"


@pytest.fixture(scope="module")
def built(cache_root):
    """Built from the grammar (the directory does not exist yet) and stored."""
    assert not cache_root.exists()
    return _grammar.load_parser(cache_root)


@pytest.fixture(scope="module")
def loaded(cache_root, built):
    """Read back from the file ``built`` left; building is forbidden."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_grammar, "_build", _refuse_to_build)
        return _grammar.load_parser(cache_root)


def _cache_file(cache_root: Path) -> Path:
    return _grammar.cache_path(cache_root, _key())


def test_building_stores_one_file_and_no_temporary(cache_root, built):
    assert [p.name for p in cache_root.iterdir()] == [_cache_file(cache_root).name]


def test_loaded_parse_table_equals_built(built, loaded):
    assert loaded is not built
    table = built.parser.parser.parser.parse_table
    again = loaded.parser.parser.parser.parse_table
    assert again.start_states == table.start_states
    assert again.end_states == table.end_states
    assert again.states == table.states
    assert len(table.states) > 100


def test_loaded_terminals_and_rules_equal_built(built, loaded):
    def terminals(parser):
        return [(t.name, t.pattern.to_regexp(), t.priority) for t in parser.terminals]

    assert terminals(loaded) == terminals(built)
    assert [(r.origin, r.expansion, r.alias) for r in loaded.rules] == [
        (r.origin, r.expansion, r.alias) for r in built.rules
    ]


def test_scanner_over_loaded_parser_reads_phrases_the_same(built, loaded):
    fresh, cached = Scanner(built), Scanner(loaded)
    assert cached._classify_re.pattern == fresh._classify_re.pattern
    assert cached._anchor_re.pattern == fresh._anchor_re.pattern
    for phrase in PHRASES:
        tokens, lengths = fresh.longest(phrase, 0)
        assert lengths, phrase  # every phrase is an expression of the grammar
        assert cached.longest(phrase, 0) == (tokens, lengths), phrase
        key = tuple((t[0], t[1].casefold()) for t in tokens[: lengths[-1]])
        assert cached.parse(key) == fresh.parse(key), phrase
        assert cached.parse(key).pretty() == fresh.parse(key).pretty(), phrase


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"not a cache at all", id="garbage"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-10] + bytes(10), id="payload-bytes-changed"),
        pytest.param(lambda data: data.replace(b"timeline-cache 1", b"timeline-cache 0", 1),
                     id="other-format"),
    ],
)  # fmt: skip
def test_damaged_file_is_refused(cache_root, built, tmp_path, damage):
    good = _cache_file(cache_root).read_bytes()
    path = tmp_path / "damaged"
    path.write_bytes(damage(good))
    assert _grammar.load_cached(path, _key()) is None


def test_file_of_another_grammar_is_refused(cache_root, built, tmp_path):
    other = _grammar.cache_key(_grammar.grammar_text() + "\n// edited", dict(_grammar._OPTIONS))
    assert other != _key()
    assert _grammar.load_cached(_cache_file(cache_root), other) is None


def test_corrupt_cache_is_rebuilt_and_replaced(cache_root, built, tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    directory.mkdir()
    path = _grammar.cache_path(directory, _key())
    path.write_bytes(b"\x80\x05corrupt")
    calls = []

    def build(text, strict):
        calls.append(strict)
        return built

    monkeypatch.setattr(_grammar, "_build", build)
    assert _grammar.load_parser(directory) is built
    assert calls == [False]
    assert _grammar.load_cached(path, _key()) is not None  # a valid file replaced it
    assert [p.name for p in directory.iterdir()] == [path.name]


@pytest.mark.parametrize("blocker", ["file-in-the-way", "under-a-file"])
def test_unwritable_cache_dir_only_means_building(built, tmp_path, monkeypatch, blocker):
    # A regular file where the directory (or its parent) should be: refused even to root.
    (tmp_path / "plain").write_text("x")
    directory = tmp_path / "plain" if blocker == "file-in-the-way" else tmp_path / "plain" / "d"
    monkeypatch.setattr(_grammar, "_build", lambda text, strict: built)
    assert _grammar.load_parser(directory) is built
    assert (tmp_path / "plain").read_text() == "x"


def test_store_leaves_no_temporary_file_when_the_write_fails(built, tmp_path, monkeypatch):
    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(_cache.os, "replace", fail)
    assert _grammar.store_cached(tmp_path / "g.lark-tables", _key(), built) is False
    assert list(tmp_path.iterdir()) == []


def test_lark_s_own_layout_is_stored_when_its_internals_moved(built, tmp_path, monkeypatch):
    """The file holds Lark's rule objects; should a Lark release change what
    that step relies on, the file keeps Lark.save's own layout and still loads."""

    def moved(saved):
        raise AttributeError("no SerializeMemoizer.deserialize")

    monkeypatch.setattr(_grammar, "_memo_as_objects", moved)
    path = _grammar.cache_path(tmp_path, _key())
    assert _grammar.store_cached(path, _key(), built)
    loaded = _grammar.load_cached(path, _key())
    assert loaded is not None and len(loaded.rules) == len(built.rules)


def test_old_cache_files_are_pruned(built, tmp_path):
    for i in range(_grammar._CACHE_KEEP + 3):
        old = tmp_path / f"{_grammar._CACHE_PREFIX}{i:040d}{_grammar._CACHE_SUFFIX}"
        old.write_bytes(b"old")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    path = _grammar.cache_path(tmp_path, _key())
    assert _grammar.store_cached(path, _key(), built)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == _grammar._CACHE_KEEP + 1 and path.name in names
    assert f"{_grammar._CACHE_PREFIX}{0:040d}{_grammar._CACHE_SUFFIX}" not in names  # oldest went


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"TIMELINE_CACHE_DIR": "/somewhere/else"}, Path("/somewhere/else")),
        ({"XDG_CACHE_HOME": "/xdg"}, Path("/xdg/timeline")),
        (
            {"XDG_CACHE_HOME": "relative/ignored", "HOME": "/home/u"},
            Path("/home/u/.cache/timeline"),
        ),
        ({"HOME": "/home/u"}, Path("/home/u/.cache/timeline")),
        ({"TIMELINE_NO_CACHE": "1", "TIMELINE_CACHE_DIR": "/somewhere"}, None),
        ({"TIMELINE_NO_CACHE": "0", "TIMELINE_CACHE_DIR": "/somewhere"}, Path("/somewhere")),
    ],
)
def test_cache_dir_from_environment(monkeypatch, env, expected):
    for name in ("TIMELINE_NO_CACHE", "TIMELINE_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _grammar.cache_dir() == expected


def test_cli_output_is_byte_identical_built_and_cached(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(
        "The council met on Monday, 3 March 2014. Two days later it approved the plan,\n"
        "which had been debated since 2011. A vote is expected by the end of the year.\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_NO_CACHE"}
    env["TIMELINE_CACHE_DIR"] = str(cache)
    command = [sys.executable, "-m", "timeline.cli", str(article), "--published",
               dt.date(2014, 3, 5).isoformat(), "--format", "json"]  # fmt: skip

    def run() -> bytes:
        proc = subprocess.run(command, capture_output=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    first = run()  # builds and stores
    (stored,) = cache.glob("grammar-*")
    before = stored.stat()
    second = run()  # loads
    after = stored.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not rewritten
    assert first == second
    assert b"2014-03-05" in first


def test_loaded_rules_hash_as_this_process_hashes(cache_root, built):
    """A rule keeps its hash, made from strings, which hash differently in each
    process: the file stores rules by their fields, so a reader with another
    hash seed computes its own."""
    probe = (
        "import io, sys\n"
        "from pathlib import Path\n"
        "from lark import Lark\n"
        "from timeline._cache import read_blob\n"
        "parser = Lark.load(io.BytesIO(read_blob(Path(sys.argv[1]), sys.argv[2])))\n"
        "print(all(hash(r) == hash((r.origin, tuple(r.expansion))) for r in parser.rules))\n"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    proc = subprocess.run([sys.executable, "-c", probe, str(_cache_file(cache_root)), _key()],
                          capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "True"


def test_file_owned_by_another_user_is_refused(cache_root, built, tmp_path):
    if not hasattr(os, "getuid"):
        pytest.skip("no file owners on this platform")
    path = tmp_path / "theirs"
    path.write_bytes(_cache_file(cache_root).read_bytes())
    assert _grammar.load_cached(path, _key()) is not None  # the same bytes, ours: loaded
    try:
        os.chown(path, os.getuid() + 1, -1)
    except PermissionError:
        pytest.skip("only root can give a file away")
    assert _grammar.load_cached(path, _key()) is None
