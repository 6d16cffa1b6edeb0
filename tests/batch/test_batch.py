"""timeline batch: inputs, order, error records, resume, refusing to overwrite, CSV, Ctrl-C."""

import csv
import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import timeline
from timeline.batch._command import batch_main
from timeline.batch._output import BatchOutput
from timeline.batch._runner import run_ordered
from timeline.cli._main import read_text
from timeline.output._json import timeline_json

PLACES = ["GENEVA", "LAGOS", "QUITO", "OSLO", "HANOI", "LIMA"]
SENTENCES = [
    "Rebels seized the town on Sunday.",
    "The ministry published the figures on 3 March 2015.",
    "Talks resumed two days after the ceasefire collapsed.",
    "The bridge was repaired earlier this month.",
    "Officials said the vote will be held next week.",
    "Hundreds have fled the city in recent days.",
    "The embassy was closed in December and reopened on Friday.",
]


def day(n):
    return dt.date(2016, 1, 4) + dt.timedelta(days=11 * n)


def article(n, dateline=True):
    """A short article with a dateline; n varies the place, day and sentences."""
    body = f"{SENTENCES[n % 7]} {SENTENCES[(n + 3) % 7]}"
    if not dateline:
        return body + "\n"
    d = day(n)
    return f"{PLACES[n % 6]}, {d.day} {d:%B %Y} - {body}\n"


def expected(text, published, how):
    return timeline_json(timeline.extract(text, published), {"": how})


def dateline_how(n):
    d = day(n)
    return f'read from the dateline "{d.day} {d:%B %Y}"'


def records(path):
    lines = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    assert all(line.endswith("\n") for line in lines)
    return [json.loads(line) for line in lines]


def ids(path):
    return [r["id"] for r in records(path)]


def write_articles(folder, numbers):
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        path = folder / f"a{n:02d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(path, numbers, **extra):
    with open(path, "w", encoding="utf-8") as handle:
        for n in numbers:
            handle.write(json.dumps({"id": f"r{n}", "text": article(n), **extra}) + "\n")
    return path


def one_line_stderr(capsys):
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# Inputs


def test_files_in_the_order_given(tmp_path, capsys):
    a, b, c = write_articles(tmp_path, [0, 1, 2])
    out = tmp_path / "out.jsonl"
    assert batch_main([str(c), str(a), str(b), "--out", str(out), "--jobs", "1"]) == 0
    got = records(out)
    assert [r["id"] for r in got] == [str(c), str(a), str(b)]
    for record, n in zip(got, [2, 0, 1], strict=True):
        assert record["timeline"] == expected(article(n), day(n), dateline_how(n))
    assert "3 documents" in one_line_stderr(capsys)


def test_folder_recursive_text_and_timeml_only(tmp_path):
    root = tmp_path / "archive"
    write_articles(root / "b", [1])
    write_articles(root, [0])
    (root / "c").mkdir()
    tml = root / "c" / "z.TML"
    tml.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2016-02-10">February 10, 2016</TIMEX3>'
        "</DCT><TEXT>The ferry sank on Monday.</TEXT></TimeML>", encoding="utf-8")  # fmt: skip
    (root / "notes.md").write_text(article(3), encoding="utf-8")
    (root / ".hidden.txt").write_text(article(4), encoding="utf-8")
    (root / ".git").mkdir()
    write_articles(root / ".git", [5])
    out = tmp_path / "out.jsonl"
    assert batch_main([str(root), "--out", str(out), "--jobs", "1"]) == 0
    got = records(out)
    # A folder's files by name, then its subfolders by name.
    assert [r["id"] for r in got] == [
        str(root / "a00.txt"), str(root / "b" / "a01.txt"), str(root / "c" / "z.TML")]  # fmt: skip
    tml_timeline = got[2]["timeline"]
    assert tml_timeline == expected("The ferry sank on Monday.", dt.date(2016, 2, 10),
                                    "read from the TimeML creation time (DCT)")  # fmt: skip


def test_globs_are_sorted_and_may_recurse(tmp_path):
    write_articles(tmp_path / "in", [3, 1, 2])
    write_articles(tmp_path / "in" / "deep", [4])
    (tmp_path / "in" / "skip.md").write_text(article(0), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch_main([str(tmp_path / "in" / "*.txt"), "--out", str(out), "--jobs", "1"]) == 0
    assert ids(out) == [str(tmp_path / "in" / f"a0{n}.txt") for n in (1, 2, 3)]
    out2 = tmp_path / "out2.jsonl"
    assert batch_main([str(tmp_path / "in" / "**" / "a0[24].txt"), "--out", str(out2),
                       "--jobs", "1"]) == 0  # fmt: skip
    assert ids(out2) == [
        str(tmp_path / "in" / "a02.txt"),
        str(tmp_path / "in" / "deep" / "a04.txt"),
    ]


def test_jsonl_records(tmp_path):
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "given", "text": article(0, dateline=False), "published": "2016-01-25"}),
        json.dumps({"id": 7, "text": article(1)}),  # dated by its dateline
        "",
        "{not json",
        json.dumps(
            {
                "id": "stamp",
                "text": article(2, dateline=False),
                "published": "2016-03-01T23:30:00+05:00",
            }
        ),  # fmt: skip
        json.dumps({"id": "notext", "published": "2016-01-25"}),
        json.dumps({"id": "baddate", "text": "x", "published": "25/01/2016"}),
        json.dumps({"text": article(3)}),  # no id: its place in the file
        json.dumps(["a", "list"]),
    ]
    source.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch_main([str(source), "--out", str(out), "--jobs", "1"]) == 0
    got = {r["id"]: r for r in records(out)}
    assert list(got) == ["given", 7, f"{source}:4", "stamp", "notext", "baddate",
                         f"{source}:8", f"{source}:9"]  # fmt: skip
    assert got["given"]["timeline"] == expected(article(0, False), dt.date(2016, 1, 25),
                                                "given in the record")  # fmt: skip
    assert got[7]["timeline"] == expected(article(1), day(1), dateline_how(1))
    assert got["stamp"]["timeline"]["documents"][0]["published"] == "2016-03-01"
    assert got[f"{source}:4"]["error"].startswith("not JSON")
    assert "text" in got["notext"]["error"]
    assert "not a date" in got["baddate"]["error"]
    assert got[f"{source}:8"]["timeline"] == expected(article(3), day(3), dateline_how(3))
    assert "not a JSON object" in got[f"{source}:9"]["error"]


def test_published_option(tmp_path):
    (path,) = write_articles(tmp_path, [0])
    undated = tmp_path / "undated.txt"
    undated.write_text(article(1, dateline=False), encoding="utf-8")
    source = write_jsonl(tmp_path / "in.jsonl", [2])
    own = tmp_path / "own.jsonl"
    own.write_text(json.dumps({"id": "own", "text": article(3), "published": "2016-05-05"}) + "\n",
                   encoding="utf-8")  # fmt: skip
    out = tmp_path / "out.jsonl"
    pub = dt.date(2017, 7, 7)
    assert batch_main([str(path), str(undated), str(source), str(own), "--out", str(out),
                       "--published", "2017-07-07", "--jobs", "1"]) == 0  # fmt: skip
    got = records(out)
    # --published wins over a file's dateline (as in `timeline FILE`), not over a record's own date.
    assert got[0]["timeline"] == expected(article(0), pub, "given with --published")
    assert got[1]["timeline"] == expected(article(1, False), pub, "given with --published")
    assert got[2]["timeline"] == expected(article(2), pub, "given with --published")
    assert got[3]["timeline"] == expected(article(3), dt.date(2016, 5, 5), "given in the record")


def test_standard_input(tmp_path, monkeypatch):
    data = (write_jsonl(tmp_path / "in.jsonl", [0, 1])).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / "out.jsonl"
    assert batch_main(["-", "--out", str(out), "--jobs", "1"]) == 0
    assert ids(out) == ["r0", "r1"]


def test_jobs_two_keeps_input_order(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", range(40))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert batch_main([str(source), "--out", str(one), "--jobs", "1"]) == 0
    assert batch_main([str(source), "--out", str(two), "--jobs", "2"]) == 0
    assert ids(two) == [f"r{n}" for n in range(40)]
    assert two.read_bytes() == one.read_bytes()


@pytest.mark.parametrize("bad", ["", "   ", "x", "../nowhere.txt"])
def test_missing_input_is_one_line(tmp_path, capsys, bad, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.jsonl"
    assert batch_main([bad, "--out", str(out)]) == 1
    assert "no such file or folder" in one_line_stderr(capsys)
    assert not out.exists()


def test_glob_matching_nothing(tmp_path, capsys):
    assert batch_main([str(tmp_path / "*.txt"), "--out", str(tmp_path / "o.jsonl")]) == 1
    assert "no file matches" in one_line_stderr(capsys)


def test_usage_errors(tmp_path, capsys):
    (path,) = write_articles(tmp_path, [0])
    out = str(tmp_path / "o.jsonl")
    assert batch_main([str(path), "--out", out, "--jobs", "0"]) == 2
    assert "invalid job count" in one_line_stderr(capsys)
    assert batch_main([str(path), "--out", out, "--resume", "--force"]) == 2
    assert "not allowed with" in one_line_stderr(capsys)
    assert batch_main([str(path)]) == 2
    assert "--out" in one_line_stderr(capsys)


# Errors in one document


def test_bad_documents_become_error_records(tmp_path, monkeypatch):
    good = write_articles(tmp_path, [0, 1])
    bad = {
        "latin1.txt": "GENEVA, 5 January 2016 - Caf\xe9 owners went on strike on Sunday.".encode("latin-1"),
        "binary.txt": b"\x00\x01\x02\x03 GENEVA, 5 January 2016",
        "undated.txt": article(2, dateline=False).encode(),
        "big.txt": article(3).encode() * 40,
        "broken.tml": b"<TimeML><TEXT>open",
    }  # fmt: skip
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    cli = sys.modules[read_text.__module__]
    monkeypatch.setattr(cli, "MAX_INPUT_BYTES", 1000)
    monkeypatch.setattr(cli, "MAX_TEXT_CHARS", 250)
    inputs = [good[0], *(tmp_path / name for name in bad), good[1]]
    out = tmp_path / "out.jsonl"
    assert batch_main([*map(str, inputs), "--out", str(out), "--jobs", "1"]) == 0
    got = records(out)
    assert [r["id"] for r in got] == [str(p) for p in inputs]
    errors = {Path(r["id"]).name: r["error"] for r in got if "error" in r}
    assert set(errors) == set(bad)
    assert errors["latin1.txt"].startswith("not UTF-8 text")
    assert "binary data" in errors["binary.txt"]
    assert errors["undated.txt"].startswith("no publication date found")
    assert errors["big.txt"].startswith("too large")
    assert "not well-formed" in errors["broken.tml"]
    assert all("\n" not in e and not e.startswith(str(tmp_path)) for e in errors.values())
    assert got[-1]["timeline"] == expected(article(1), day(1), dateline_how(1))


# Never overwrite, resume


def test_refuses_to_overwrite(tmp_path, capsys):
    (path,) = write_articles(tmp_path, [0])
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    assert batch_main([str(path), "--out", str(out)]) == 1
    line = one_line_stderr(capsys)
    assert "already exists" in line and "--resume" in line and "--force" in line
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert batch_main([str(path), "--out", str(out), "--force", "--jobs", "1"]) == 0
    assert ids(out) == [str(path)]


def test_empty_existing_output_is_used(tmp_path):
    (path,) = write_articles(tmp_path, [0])
    out = tmp_path / "out.jsonl"
    out.touch()  # as mktemp leaves it: nothing to lose
    assert batch_main([str(path), "--out", str(out), "--jobs", "1"]) == 0
    assert ids(out) == [str(path)]


def test_output_that_is_an_input_is_refused(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [0])
    assert batch_main([str(source), "--out", str(source), "--resume"]) == 1
    assert "is the output file" in one_line_stderr(capsys)
    # A glob that matches the output skips it rather than reading what it writes.
    out = tmp_path / "all.jsonl"
    assert batch_main([str(tmp_path / "*.jsonl"), "--out", str(out), "--jobs", "1"]) == 0
    assert batch_main([str(tmp_path / "*.jsonl"), "--out", str(out), "--resume",
                       "--jobs", "1"]) == 0  # fmt: skip
    assert ids(out) == ["r0"]


def test_resume_repairs_a_torn_line_and_skips_done_ids(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", range(8))
    full, out = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    assert batch_main([str(source), "--out", str(full), "--jobs", "1"]) == 0
    lines = full.read_bytes().splitlines(keepends=True)
    # A kept record that differs from what a rerun would write proves it was not redone.
    kept = json.dumps({"id": "r1", "timeline": "kept as it was"}).encode() + b"\n"
    out.write_bytes(lines[0] + kept + lines[2] + lines[3][: len(lines[3]) // 2])
    capsys.readouterr()
    assert batch_main([str(source), "--out", str(out), "--resume", "--jobs", "1"]) == 0
    assert "3 already there" in one_line_stderr(capsys)
    assert out.read_bytes() == lines[0] + kept + b"".join(lines[2:])
    # Resuming a finished file does nothing; resuming a missing one starts it.
    assert batch_main([str(source), "--out", str(out), "--resume", "--jobs", "2"]) == 0
    assert out.read_bytes() == lines[0] + kept + b"".join(lines[2:])
    fresh = tmp_path / "fresh.jsonl"
    assert batch_main([str(source), "--out", str(fresh), "--resume", "--jobs", "1"]) == 0
    assert fresh.read_bytes() == full.read_bytes()


def test_resume_refuses_a_file_it_did_not_write(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [0])
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "r0"}\nnotes from Tuesday\n', encoding="utf-8")
    assert batch_main([str(source), "--out", str(out), "--resume"]) == 1
    assert "line 2 is not a timeline batch record" in one_line_stderr(capsys)
    assert out.read_text(encoding="utf-8") == '{"id": "r0"}\nnotes from Tuesday\n'


# CSV


def test_csv_rows(tmp_path):
    (path,) = write_articles(tmp_path, [0])
    undated = tmp_path / "undated.txt"
    undated.write_text(article(2, dateline=False), encoding="utf-8")
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("OSLO, 4 May 2016 - Nothing.\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert batch_main([str(path), str(undated), str(quiet), "--out", str(out), "--jobs", "1"]) == 0
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    events = expected(article(0), day(0), dateline_how(0))["events"]
    assert events
    mine = [r for r in rows if r["id"] == str(path)]
    assert len(mine) == len(events)
    for row, event in zip(mine, events, strict=True):
        assert row["sentence"] == str(event["sentence"])
        assert (row["trigger"], row["description"], row["status"]) == (
            event["trigger"], event["display"], event["status"])  # fmt: skip
        for key in ("earliest_start", "latest_start", "earliest_end", "latest_end"):
            assert row[key] == ((event["bounds"].get(key) or {}).get("value") or "")
        assert row["error"] == ""
    (failed,) = [r for r in rows if r["id"] == str(undated)]
    assert failed["error"].startswith("no publication date found") and failed["trigger"] == ""
    (empty,) = [r for r in rows if r["id"] == str(quiet)]
    assert empty["trigger"] == "" and empty["error"] == ""
    assert [r["id"] for r in rows] == [str(path)] * len(events) + [str(undated), str(quiet)]


def test_csv_resume_redoes_a_cut_document(tmp_path):
    paths = write_articles(tmp_path / "in", [0, 6, 2])
    full, out = tmp_path / "full.csv", tmp_path / "out.csv"
    assert batch_main([*map(str, paths), "--out", str(full), "--jobs", "1"]) == 0
    data = full.read_bytes()
    last_rows = data.count(str(paths[-1]).encode())
    assert last_rows >= 2
    # Cut inside the last document's second row: its first row alone must not count as done.
    cut = data.index(str(paths[-1]).encode())
    cut = data.index(b"\n", cut) + 5
    out.write_bytes(data[:cut])
    assert batch_main([*map(str, paths), "--out", str(out), "--resume", "--jobs", "1"]) == 0
    assert out.read_bytes() == data


# Ctrl-C


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupt_leaves_whole_lines(tmp_path, monkeypatch, capsys, jobs):
    source = write_jsonl(tmp_path / "in.jsonl", range(30))
    out, full = tmp_path / "out.jsonl", tmp_path / "full.jsonl"
    assert batch_main([str(source), "--out", str(full), "--jobs", "1"]) == 0
    real_write = BatchOutput.write
    calls = []

    def write(self, text):
        calls.append(text)
        if len(calls) == 5:  # Ctrl-C in the middle of writing a line
            self.handle.write(text.encode()[:20])
            raise KeyboardInterrupt
        real_write(self, text)

    monkeypatch.setattr(BatchOutput, "write", write)
    capsys.readouterr()
    assert batch_main([str(source), "--out", str(out), "--jobs", jobs]) == 130
    line = one_line_stderr(capsys)
    assert "interrupted" in line and "--resume" in line
    assert ids(out) == ["r0", "r1", "r2", "r3"]
    monkeypatch.setattr(BatchOutput, "write", real_write)
    assert batch_main([str(source), "--out", str(out), "--resume", "--jobs", jobs]) == 0
    assert out.read_bytes() == full.read_bytes()


def _group_alive(pgid):
    """Whether a process of the group is still running (zombies waiting for a parent do not count)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def _interrupted_batch(source, out, ready, env=None):
    """Run a two-worker batch in a session of its own (Ctrl-C reaches the whole
    group, workers and fork server too), send it SIGINT once ``ready(proc)``
    returns, and give (status, stderr text); nothing of it is left running."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "timeline.batch", str(source), "--out", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=env,
    )  # fmt: skip
    try:
        ready(proc)
        os.killpg(proc.pid, signal.SIGINT)
        _stdout, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    deadline = time.monotonic() + 10
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _group_alive(proc.pid), "a process of the batch outlived it"
    return proc.returncode, err.decode()


def _one_interrupted_line(err):
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "interrupted" in lines[0], err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigint_to_a_running_batch(tmp_path):
    n = 4000
    source = write_jsonl(tmp_path / "in.jsonl", range(n))
    out = tmp_path / "out.jsonl"

    def twenty_lines_out(proc):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 20:
                break
            time.sleep(0.02)
        assert proc.poll() is None, proc.communicate()

    status, err = _interrupted_batch(source, out, twenty_lines_out)
    assert status == 130, err
    _one_interrupted_line(err)
    got = ids(out)  # every line whole and valid JSON
    assert 20 <= len(got) < n
    assert got == [f"r{i}" for i in range(len(got))]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("delay", [0.05, 0.3, 0.7, 1.2])
def test_ctrl_c_while_a_batch_starts(tmp_path, delay):
    """A Ctrl-C at any moment of start-up (modules loading, the fork server
    building the grammar on a cold cache, workers starting): one line, status
    130, no traceback from any process of the group, and none left behind."""
    source = write_jsonl(tmp_path / "in.jsonl", range(400))
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, TIMELINE_CACHE_DIR=str(tmp_path / "cold-cache"))
    status, err = _interrupted_batch(source, out, lambda _proc: time.sleep(delay), env)
    if status == 0:  # done before the signal came (a fast machine)
        assert len(ids(out)) == 400
        return
    assert status == 130, err
    _one_interrupted_line(err)
    if out.exists():
        got = ids(out)
        assert got == [f"r{i}" for i in range(len(got))]


# The runner


def _work_or_die(chunk):
    return [os._exit(3) if i == 13 else i * 2 for i in chunk]


def _crashed(item):
    return ("crashed", item)


def test_a_dying_worker_costs_one_document(tmp_path):
    got = list(run_ordered(_work_or_die, range(40), jobs=2, on_crash=_crashed, chunk_size=4))
    assert got == [("crashed", 13) if i == 13 else i * 2 for i in range(40)]


def test_dask_module_without_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    from timeline.batch.dask import extract_bag

    with pytest.raises(ImportError, match=r"pip install 'timeline\[dask\]'"):
        extract_bag(None)


def test_a_line_too_long_is_skipped_unread(tmp_path, monkeypatch):
    import timeline.batch._inputs as inputs

    monkeypatch.setattr(inputs, "MAX_LINE_BYTES", 400)
    source = tmp_path / "in.jsonl"
    long_record = json.dumps({"id": "long", "text": article(1) * 10})
    source.write_text("\n".join([json.dumps({"id": "a", "text": article(0)}), long_record,
                                 json.dumps({"id": "b", "text": article(2)})]) + "\n",
                      encoding="utf-8")  # fmt: skip
    out = tmp_path / "out.jsonl"
    assert batch_main([str(source), "--out", str(out), "--jobs", "1"]) == 0
    got = records(out)
    assert [r["id"] for r in got] == ["a", f"{source}:2", "b"]
    assert got[1]["error"] == "line too long (limit 400 bytes)"
    assert got[2]["timeline"] == expected(article(2), day(2), dateline_how(2))


def test_odd_ids_are_written_and_resumed(tmp_path):
    source = tmp_path / "in.jsonl"
    odd = ["caf\u00e9 \u2014 \u6771\u4eac", "lone \ud800 surrogate", 12, 'quote " and \\ back']
    source.write_text("".join(json.dumps({"id": i, "text": article(n)}) + "\n"
                              for n, i in enumerate(odd)), encoding="utf-8")  # fmt: skip
    out, full = tmp_path / "out.jsonl", tmp_path / "full.jsonl"
    assert batch_main([str(source), "--out", str(full), "--jobs", "1"]) == 0
    assert ids(full) == odd
    lines = full.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]))
    assert batch_main([str(source), "--out", str(out), "--resume", "--jobs", "1"]) == 0
    assert out.read_bytes() == full.read_bytes()


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal(tmp_path, monkeypatch):
    source = write_jsonl(tmp_path / "in.jsonl", range(3))
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert batch_main([str(source), "--out", str(tmp_path / "out.jsonl"), "--jobs", "1"]) == 0
    shown = terminal.getvalue()
    assert "doc/s" in shown and "3doc" in shown.replace(" ", "")


def test_odd_ids_resume_in_csv(tmp_path):
    source = tmp_path / "in.jsonl"
    odd = ["lone \ud800 surrogate", 'caf\u00e9, "quoted"\nand a new line', 12]
    source.write_text("".join(json.dumps({"id": i, "text": article(n)}) + "\n"
                              for n, i in enumerate(odd)), encoding="utf-8")  # fmt: skip
    out, full = tmp_path / "out.csv", tmp_path / "full.csv"
    assert batch_main([str(source), "--out", str(full), "--jobs", "1"]) == 0
    data = full.read_bytes()
    out.write_bytes(data[: data.index(b"12,")])
    assert batch_main([str(source), "--out", str(out), "--resume", "--jobs", "1"]) == 0
    assert out.read_bytes() == data


def test_a_full_disk_stops_with_one_line_and_whole_documents(tmp_path, monkeypatch, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", range(6))
    out = tmp_path / "out.jsonl"
    real_write = BatchOutput.write
    calls = []

    def write(self, text):
        calls.append(text)
        if len(calls) == 3:
            self.handle.write(text.encode()[:10])
            raise OSError(28, "No space left on device")
        real_write(self, text)

    monkeypatch.setattr(BatchOutput, "write", write)
    assert batch_main([str(source), "--out", str(out), "--jobs", "1"]) == 1
    line = one_line_stderr(capsys)
    assert "No space left on device" in line and "--resume" in line
    assert ids(out) == ["r0", "r1"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_dev_full(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", range(2))
    assert batch_main([str(source), "--out", "/dev/full", "--jobs", "1"]) == 1
    assert "No space left on device" in one_line_stderr(capsys)


def test_nominals_option(tmp_path):
    text = "GENEVA, 5 January 2016 - The election was followed by protests and a strike.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch_main([str(path), "--out", str(out), "--nominals", "all", "--jobs", "1"]) == 0
    how = 'read from the dateline "5 January 2016"'
    want = timeline_json(timeline.extract(text, dt.date(2016, 1, 5), nominals="all"), {"": how})
    assert records(out)[0]["timeline"] == want
    assert want != expected(text, dt.date(2016, 1, 5), how)  # the option changed something
