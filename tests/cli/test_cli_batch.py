"""`timeline batch` is reached through the main command."""

import json
from pathlib import Path

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_timeline_batch_dispatches_to_the_batch_runner(tmp_path, capsys):
    # The dated example articles alone (examples/ also holds folders of other material).
    folder = tmp_path / "in"
    folder.mkdir()
    articles = sorted((ROOT / "examples").glob("*.txt"))
    for path in articles:
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(folder), "--out", str(out), "--jobs", "1"])
    assert code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(articles)
    assert all("timeline" in r and r["timeline"]["documents"] for r in records)
