"""The command line under hostile conditions: closed or full streams, odd encodings, odd names.

Each case must end in one line on stderr (or none) and a proper exit status, never a
traceback.  Cases that depend on real file descriptors, or on what Python does when it
flushes at exit, run the CLI as a subprocess; the rest call ``main`` directly.
"""

import datetime as dt
import errno
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import timeline.cli._main as cli
from timeline._errors import InputError
from timeline.cli._main import main
from timeline.expressions._dateline import find_publication_date
from timeline.output._timeml import read_timeml

ROOT = Path(__file__).resolve().parents[2]
COASTAL = ROOT / "examples" / "coastal_offensive.txt"
CLI = [sys.executable, "-m", "timeline.cli"]
SENTENCE = "Rebels seized the town on Sunday."
ACCENTED = "Published: 2019-03-14\n\nThe café “Zur Post” closed on Monday after the strike.\n"


def _run(args, **kwargs):
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    kwargs.setdefault("stdout", subprocess.PIPE)
    result = subprocess.run(
        CLI + args, stderr=subprocess.PIPE, cwd=ROOT, timeout=120, check=False, **kwargs
    )
    return result.returncode, result.stdout, result.stderr.decode("utf-8", "replace")


def _one_line(err):
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    return err


def _close_stdin():
    os.close(0)


# --- streams -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["-"], ["tag", "-", "--published", "2019-01-01"]], ids=["timeline", "tag"]
)
def test_closed_stdin_is_one_line(args):
    code, out, err = _run(args, stdin=None, preexec_fn=_close_stdin)
    assert code == 1 and out == b""
    assert "standard input is closed" in _one_line(err)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_is_one_line():
    with open("/dev/full", "wb") as full:
        code, _, err = _run([str(COASTAL)], stdout=full)
    assert code == 1
    assert "cannot write output: No space left on device" in _one_line(err)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_help_to_full_disk_is_one_line():
    with open("/dev/full", "wb") as full:
        code, _, err = _run(["--help"], stdout=full)
    assert code == 1
    assert "No space left on device" in _one_line(err)


def test_closed_pipe_ends_quietly(tmp_path):
    # A reader that has already gone, like `timeline FILE | head -1` once head exits.
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        code, _, err = _run(["tag", str(empty), "--published", "2019-01-01"], stdout=write_end)
    finally:
        os.close(write_end)
    assert (code, err) == (0, "")


def test_closed_stdout_is_one_line(monkeypatch, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE)
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["tag", str(path), "--published", "2019-01-01"]) == 1
    assert "standard output is closed" in _one_line(capsys.readouterr().err)


def test_output_encoding_without_the_characters_escapes_them(monkeypatch, tmp_path, capsys):
    # PYTHONIOENCODING=ascii: the text still comes out, with backslash escapes.
    path = tmp_path / "a.txt"
    path.write_text(ACCENTED, encoding="utf-8")
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    assert main([str(path)]) == 0
    out = raw.getvalue().decode("ascii")
    assert "caf\\xe9 \\u201cZur Post\\u201d closed on Monday" in out
    assert capsys.readouterr().err == ""


def test_ascii_output_encoding_in_a_subprocess(tmp_path):
    # PYTHONIOENCODING=ascii: JSON falls back to \\u escapes and stays valid JSON.
    path = tmp_path / "a.txt"
    path.write_text(ACCENTED, encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    code, out, err = _run([str(path), "--format", "json"], env=env)
    assert (code, err) == (0, "")
    doc = json.loads(out.decode("ascii"))
    assert any("café “Zur Post” closed" in e["text"] for e in doc["events"])


def test_timeml_in_ascii_uses_character_references(monkeypatch, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ACCENTED, encoding="utf-8")
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    assert main([str(path), "--format", "timeml"]) == 0
    xml = raw.getvalue().decode("ascii")
    assert "caf&#233;" in xml
    assert read_timeml(xml)[0] == ACCENTED


def test_closed_stderr_does_not_move_errors_to_stdout(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["no-such-file.txt"]) == 1
    assert capsys.readouterr().out == ""


# --- unexpected exceptions -----------------------------------------------------


def test_a_bug_is_one_line_asking_for_a_report(monkeypatch, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE)

    def broken(text, published):
        return 1 / 0

    monkeypatch.setattr(cli, "tag", broken)
    assert main(["tag", str(path), "--published", "2019-01-01"]) == 1
    err = _one_line(capsys.readouterr().err)
    assert err.startswith("timeline: internal error: ZeroDivisionError: division by zero")
    assert err.rstrip().endswith("please report")


def test_library_errors_keep_their_message_on_one_line(monkeypatch, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE)

    def refuses(text, published):
        raise InputError("first part\nsecond part")

    monkeypatch.setattr(cli, "tag", refuses)
    assert main(["tag", str(path), "--published", "2019-01-01"]) == 1
    err = _one_line(capsys.readouterr().err)
    assert err == "timeline: InputError: first part second part\n"


# --- file names ----------------------------------------------------------------


def test_file_name_that_is_not_utf8_prints(tmp_path, capsys):
    # argv carries the bytes 0xff 0xfe as surrogate escapes.
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/\xff\xfe.txt")
    assert main([missing]) == 1
    assert "\\xff\\xfe.txt: no such file" in _one_line(capsys.readouterr().err)


def test_output_names_a_file_that_is_not_utf8(tmp_path, capsys):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    try:
        with open(raw, "w", encoding="utf-8") as handle:
            handle.write(ACCENTED)
    except OSError:
        pytest.skip("the file system refuses non-UTF-8 names")
    name = os.fsdecode(raw)
    assert main([name]) == 0
    captured = capsys.readouterr()
    assert "caf\\xe9.txt: published 2019-03-14" in captured.out
    assert captured.err == ""
    assert main(["tag", name, "--published", "2019-03-14", "--format", "json"]) == 0
    assert '"source": "' in capsys.readouterr().out


# --- encodings -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        SENTENCE.encode("utf-8-sig"),
        SENTENCE.encode("utf-16"),  # native order, with its mark
        b"\xff\xfe" + SENTENCE.encode("utf-16-le"),
        b"\xfe\xff" + SENTENCE.encode("utf-16-be"),
        b"\xff\xfe\x00\x00" + SENTENCE.encode("utf-32-le"),
        b"\x00\x00\xfe\xff" + SENTENCE.encode("utf-32-be"),
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_byte_order_marks_are_decoded(tmp_path, capsys, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert main(["tag", str(path), "--published", "2016-01-25", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"text": "Sunday"' in out and '"start": 26' in out and "2016-01-24" in out


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe" + bytes(range(256)) * 8, "not UTF-16 text"),
        (b"\xff\xfe" + SENTENCE.encode("utf-16-le") + b"R", "not UTF-16 text"),  # odd length
        (b"\x00\x00\xfe\xff" + bytes(range(256)) * 8, "not UTF-32 text"),
        (b"\xff\xfe" + "a\x00b".encode("utf-16-le"), "binary data"),
        (SENTENCE.encode("utf-16-le"), "binary data"),  # no mark: not guessed
        (b"\xef\xbb\xbf" + b"caf\xe9", "not UTF-8 text (invalid byte at offset 6)"),
    ],
    ids=["utf-16-junk", "utf-16-odd", "utf-32-junk", "nul", "utf-16-no-bom", "utf-8-bom-bad"],
)
def test_junk_behind_a_mark_is_refused_in_one_line(tmp_path, capsys, data, message):
    path = tmp_path / "blob"
    path.write_bytes(data)
    assert main(["tag", str(path), "--published", "2016-01-25"]) == 1
    assert message in _one_line(capsys.readouterr().err)


def test_stdin_in_utf16(monkeypatch, capsys):
    stdin = io.TextIOWrapper(io.BytesIO(SENTENCE.encode("utf-16")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["tag", "-", "--published", "2016-01-25"]) == 0
    captured = capsys.readouterr()
    assert "2016-01-24" in captured.out and captured.err == ""


def test_stdin_that_cannot_be_read_is_one_line(monkeypatch, capsys):
    class Failing(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Failing())))
    assert main(["-"]) == 1
    assert "standard input: cannot read: Input/output error" in _one_line(capsys.readouterr().err)


# --- size --------------------------------------------------------------------------


def test_huge_file_is_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(cli.MAX_INPUT_BYTES + 1)  # sparse: costs no disk
    assert main([str(path), "--published", "2019-01-01"]) == 1
    assert "huge.txt: too large (limit 50,000,000 characters)" in _one_line(capsys.readouterr().err)


def test_too_many_characters_are_refused(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(cli, "MAX_TEXT_CHARS", 10)
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE)
    assert main(["tag", str(path), "--published", "2019-01-01"]) == 1
    assert "a.txt: too large (limit 10 characters)" in _one_line(capsys.readouterr().err)


def test_dateline_search_does_not_read_the_whole_text():
    text = "Published: 2023-11-16\r\n\r\n" + "Rebels seized the town on Sunday.\n" * 1_500_000
    start = time.perf_counter()
    found = find_publication_date(text)
    assert time.perf_counter() - start < 1.0
    assert found == (dt.date(2023, 11, 16), "2023-11-16")


def test_dateline_after_windows_line_breaks_is_found():
    head = "Headline\r\n\r\nBy a reporter\r\n\r\n\r\nPublished: 2023-11-16\r\n" + "x" * 5000
    assert find_publication_date(head) == (dt.date(2023, 11, 16), "2023-11-16")


# --- --published ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["20190612", "2019-W24-3", "2019-163", "2019-06-12T10:00", "2019-6-12", " 2019-06-12",
     "２０１９-06-12", "0000-01-01"],
)  # fmt: skip
@pytest.mark.parametrize("command", [[], ["tag"]], ids=["timeline", "tag"])
def test_published_takes_only_yyyy_mm_dd(tmp_path, capsys, command, value):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE)
    with pytest.raises(SystemExit) as raised:
        main([*command, str(path), "--published", value])
    assert raised.value.code == 2
    err = _one_line(capsys.readouterr().err)
    assert "invalid date" in err and "expected YYYY-MM-DD" in err


@pytest.mark.parametrize("command", [[], ["tag"]], ids=["timeline", "tag"])
def test_published_yyyy_mm_dd_is_accepted(tmp_path, capsys, command):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE)
    assert main([*command, str(path), "--published", "0001-01-01"]) == 0
    assert main([*command, str(path), "--published", "9999-12-31"]) == 0
    assert capsys.readouterr().err == ""
