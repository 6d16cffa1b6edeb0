"""The ``timeline`` entry point: how it sets up the process before running main()."""

from __future__ import annotations

import sys

import pytest

import timeline.cli.__main__ as entry


@pytest.fixture
def calls(monkeypatch):
    """What run() did, in order, with the collector and main() replaced by records."""
    done: list[str] = []
    monkeypatch.setattr(entry.gc, "freeze", lambda: done.append("freeze"))
    monkeypatch.setattr(entry.gc, "disable", lambda: done.append("disable"))
    monkeypatch.setattr(entry, "main", lambda: done.append("main") or 0)
    # run() may block an import: whatever it does to sys.modules is undone.
    monkeypatch.setitem(sys.modules, "interegular", sys.modules.get("interegular"))
    del sys.modules["interegular"]
    return done


def test_a_command_runs_without_the_collector_and_freezes_what_it_built(monkeypatch, calls):
    monkeypatch.setattr(sys, "argv", ["timeline", "article.txt"])
    assert entry.run() == 0
    assert calls == ["disable", "main", "freeze"]


def test_a_command_does_not_import_interegular(monkeypatch, calls):
    monkeypatch.setattr(sys, "argv", ["timeline", "article.txt"])
    entry.run()
    with pytest.raises(ImportError):
        import interegular  # noqa: F401


def test_a_batch_keeps_the_collector_with_the_set_up_frozen(monkeypatch, calls):
    monkeypatch.setattr(sys, "argv", ["timeline", "batch", "in.jsonl", "--out", "out.jsonl"])
    assert entry.run() == 0
    assert calls == ["freeze", "main"]
    assert "interegular" not in sys.modules
