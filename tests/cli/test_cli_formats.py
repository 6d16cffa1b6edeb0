"""`timeline FILE...`: --format jsonl and csv, --no-merge, one text line per happening.
Every sentence here was written for these tests."""

import json
import subprocess
import sys

import pytest

from timeline.cli._main import main

A = "Finance Minister Ana Korbel resigned on Monday after a week of questions.\n"
B = "Ana Korbel resigned earlier this month, her office said.\n"


def _files(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return str(a), str(b)


def test_several_files_merge_one_happening_into_one_line(tmp_path, capsys):
    a, b = _files(tmp_path)
    assert main([a, b, "--published", "2020-02-04"]) == 0
    out = capsys.readouterr().out
    [line] = [ln for ln in out.splitlines() if "resigned" in ln]
    assert line.startswith("2020-02-03 ") and f"[{a}:s1, {b}:s1]" in line


def test_no_merge_keeps_the_mentions_apart(tmp_path, capsys):
    a, b = _files(tmp_path)
    assert main([a, b, "--published", "2020-02-04", "--no-merge"]) == 0
    out = capsys.readouterr().out
    assert sum("resigned" in ln for ln in out.splitlines()) == 2


def test_json_says_which_events_are_one_line(tmp_path, capsys):
    a, b = _files(tmp_path)
    assert main([a, b, "--published", "2020-02-04", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    resigned = [e for e in doc["events"] if e["trigger"] == "resigned"]
    assert len(resigned) == 2 and len({e["line"] for e in resigned}) == 1
    assert any(c["rule"] == "same-happening" and c["source"] is None for c in doc["constraints"])


def test_jsonl_stops_quietly_when_the_reader_goes(tmp_path):
    paths = []
    for i in range(6):
        path = tmp_path / f"{i}.txt"
        path.write_text(A, encoding="utf-8")
        paths.append(str(path))
    cmd = [sys.executable, "-m", "timeline.cli", *paths, "--published", "2020-02-04",
           "--format", "jsonl"]  # fmt: skip
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        first = proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=120) == 0
    assert json.loads(first)["version"] == "timeline/2"
    assert err == b""


def test_an_unknown_format_is_a_usage_error(tmp_path, capsys):
    a, _b = _files(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main([a, "--published", "2020-02-04", "--format", "xml"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_tlinks_entailed_writes_no_more_links_than_all(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Rebels seized the town on Sunday. A spokesman said the talks failed. "
                    "The army retreated after the rebels seized the town.", encoding="utf-8")
    counts = {}
    for choice in ("all", "entailed"):
        assert main([str(path), "--published", "2016-01-25", "--format", "timeml",
                     "--tlinks", choice]) == 0  # fmt: skip
        counts[choice] = capsys.readouterr().out.count("<TLINK ")
    assert 0 < counts["entailed"] < counts["all"]
