"""Tables: to_records, CSV and to_pandas (pandas optional).  Sentences written for these tests."""

import csv
import datetime as dt
import io
import sys

import pytest

import timeline
from timeline._errors import TimelineError
from timeline.cli._main import main
from timeline.output._tables import COLUMNS, MissingDependency, to_csv, to_pandas, to_records

PUBLISHED = dt.date(2019, 6, 12)
TEXT = ("A spokesman said the talks were useful. The plant closed on 3 March 2014. "
        "The two sides will meet on Friday at 10 a.m. Workers hoped for a deal.")  # fmt: skip


@pytest.fixture(scope="module")
def tl():
    return timeline.extract(TEXT, PUBLISHED)


def test_records_one_per_event_with_the_columns(tl):
    rows = to_records(tl)
    assert len(rows) == len(tl.events)
    assert all(tuple(r) == COLUMNS for r in rows)
    closed = next(r for r in rows if r["trigger"] == "closed")
    assert closed == {**closed, "sentence": 2, "earliest_start": "2014-03-03",
                      "latest_end": "2014-03-04", "when": "2014-03-03", "section": "dated",
                      "confidence": "stated", "status": "ASSERTED"}  # fmt: skip
    meet = next(r for r in rows if r["trigger"] == "meet")
    assert meet["earliest_start"] == "2019-06-14T10:00" and meet["status"] == "PLANNED"
    said = next(r for r in rows if r["trigger"] == "said")
    assert (said["section"], said["confidence"]) == ("publication", "inferred")


def test_csv_round_trips_the_records(tl):
    parsed = list(csv.DictReader(io.StringIO(to_csv(tl))))
    want = [{k: "" if v is None else str(v) for k, v in r.items()} for r in to_records(tl)]
    assert parsed == want


def test_to_pandas(tl):
    pd = pytest.importorskip("pandas")
    frame = to_pandas(tl)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(COLUMNS) and len(frame) == len(tl.events)


def test_to_pandas_without_pandas_is_a_clear_error(tl, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(MissingDependency, match=r"pip install 'timeline\[pandas\]'"):
        to_pandas(tl)
    assert issubclass(MissingDependency, TimelineError)


def test_cli_csv(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main([str(path), "--published", "2019-06-12", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == COLUMNS
    assert {r["source"] for r in rows} == {str(path)}
    assert any(r["trigger"] == "closed" and r["earliest_start"] == "2014-03-03" for r in rows)
