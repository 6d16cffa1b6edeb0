"""The command line: output, and one clear line for bad input."""

import json
import subprocess
import sys

import pytest

from timeline.cli._main import main

ARTICLE = "Rebels seized the town on Sunday, days before talks due to begin in Geneva.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_text_table(article, capsys):
    assert main(["tag", str(article), "--published", "2016-01-25"]) == 0
    out = capsys.readouterr().out
    assert "Sunday" in out and "2016-01-24" in out


def test_json(article, capsys):
    assert main(["tag", str(article), "--published", "2016-01-25", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["version"], doc["stage"], doc["events"]) == ("timeline/2", "tag", [])
    first = doc["documents"][0]["expressions"][0]
    assert (first["text"], first["type"], first["value"]) == ("Sunday", "DATE", "2016-01-24")
    assert first["earliest"] == "2016-01-24" and first["latest"] == "2016-01-25"


def test_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "tag", "-", "--published", "2016-01-25"],
        input=ARTICLE.encode(), capture_output=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert b"2016-01-24" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["tag", "missing.txt", "--published", "2016-01-25"], 1, "no such file"),
        (["tag", "{article}", "--published", "2016-02-30"], 2, "invalid date"),
        (["tag", "{article}", "--published", "yesterday"], 2, "invalid date"),
        (["tag", "{article}"], 2, "--published"),
        (["tag", "{binary}", "--published", "2016-01-25"], 1, "binary"),
        (["tag", "{latin1}", "--published", "2016-01-25"], 1, "not UTF-8"),
        (["tag", "{dir}", "--published", "2016-01-25"], 1, "directory"),
        ([], 2, "required"),
        (["frobnicate.txt"], 1, "no such file"),
    ],
)
def test_bad_input_gives_one_line(tmp_path, article, capsys, args, code, message):
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 on Monday".encode("latin-1"))
    args = [a.format(article=article, binary=binary, latin1=latin1, dir=tmp_path) for a in args]
    with pytest.raises(SystemExit) if code == 2 else _no_raise() as raised:
        result = main(args)
    result = raised.value.code if code == 2 else result
    err = capsys.readouterr().err
    assert result == code
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


class _no_raise:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_empty_file(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["tag", str(empty), "--published", "2016-01-25", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"][0]["expressions"] == []


def test_input_file_is_not_modified(article):
    before = article.read_bytes()
    main(["tag", str(article), "--published", "2016-01-25"])
    assert article.read_bytes() == before


def test_tag_explain_shows_rule_anchor_and_other_readings(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("A ruling on Friday. It happened on 03/04/2015.", encoding="utf-8")
    assert main(["tag", str(path), "--published", "2016-01-25", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "rule weekday_ref; anchor publication (t0 = 2016-01-25)" in out
    assert "other readings: 2016-01-29" in out
    assert "other readings: 2015-04-03" in out
