"""The built lexicon kept in the per-user cache: the same lexicon, or a rebuild."""

from __future__ import annotations

from timeline.text import _lexicon

_build = _lexicon.lexicon.__wrapped__  # lexicon() without its in-process cache


def _files(directory):
    return sorted(p for p in directory.iterdir() if p.name.startswith("lexicon-"))


def test_cached_lexicon_equals_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    first = _build()  # builds and stores
    assert len(_files(tmp_path)) == 1
    second = _build()  # loads
    assert second == first == _lexicon._build_lexicon()
    assert second is not first
    assert second.closed_tags == first.closed_tags  # derived (not compared by ==), kept too


def test_damaged_cache_means_building(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    _build()
    (path,) = _files(tmp_path)
    path.write_bytes(path.read_bytes()[:-50] + bytes(50))
    assert _build() == _lexicon._build_lexicon()
    assert path.read_bytes()[-50:] != bytes(50)  # a good file replaced it


def test_no_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    assert _build() == _lexicon._build_lexicon()
    assert _files(tmp_path) == []


def test_key_follows_the_tables(monkeypatch):
    key = _lexicon._lexicon_key()
    real = _lexicon.resource_path

    class Edited:
        def __init__(self, path):
            self.path = path

        def read_text(self, encoding):
            return self.path.read_text(encoding=encoding) + "\n# edited"

    monkeypatch.setattr(_lexicon, "resource_path", lambda name: Edited(real(name)))
    assert _lexicon._lexicon_key() not in (None, key)
