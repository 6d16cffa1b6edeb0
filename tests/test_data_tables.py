"""The data tables' loader: parsed TOML kept in the per-user cache, or parsed again."""

from __future__ import annotations

import tomllib

import pytest

import timeline._data as data
from timeline._errors import DataTableError

NAME = "calendar_words.toml"


def _files(directory):
    return sorted(p for p in directory.iterdir() if p.name.startswith("table-"))


def _parsed(name):
    return tomllib.loads(data.resource_path(name).read_text(encoding="utf-8"))


def test_cached_table_equals_the_parsed_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    first = data.load_table(NAME)  # parses and stores
    assert len(_files(tmp_path)) == 1
    second = data.load_table(NAME)  # unpickles
    assert second == first == _parsed(NAME)
    assert second is not first  # a caller may change its copy


def test_damaged_cache_file_means_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    data.load_table(NAME)
    (path,) = _files(tmp_path)
    path.write_bytes(path.read_bytes()[:-40] + bytes(40))
    assert data.load_table(NAME) == _parsed(NAME)
    assert path.read_bytes()[-40:] != bytes(40)  # a good file replaced it


def test_an_edited_table_is_read_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    table = tmp_path / "words.toml"
    monkeypatch.setattr(data, "resource_path", lambda name: table)
    table.write_text('words = ["one"]\n', encoding="utf-8")
    assert data.load_table("words.toml") == {"words": ["one"]}
    table.write_text('words = ["two"]\n', encoding="utf-8")
    assert data.load_table("words.toml") == {"words": ["two"]}


def test_no_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    assert data.load_table(NAME) == _parsed(NAME)
    assert _files(tmp_path) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [(b'words = ["a", ]]\n', r"bad\.toml.*line"), (b"words = '\xff'\n", r"bad\.toml: not UTF-8")],
)
def test_malformed_table_names_the_file(tmp_path, monkeypatch, content, message):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    bad = tmp_path / "bad.toml"
    bad.write_bytes(content)
    monkeypatch.setattr(data, "resource_path", lambda name: bad)
    with pytest.raises(DataTableError, match=message):
        data.load_table("bad.toml")


def test_missing_table_names_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "resource_path", lambda name: tmp_path / "gone.toml")
    with pytest.raises(DataTableError, match=r"gone\.toml: cannot read"):
        data.load_table("gone.toml")
