"""timeline.batch.dask on a local cluster of two worker processes: the same as extract()."""

import datetime as dt
import json

import pytest

import timeline
from timeline.expressions._dateline import find_publication_date
from timeline.output._json import timeline_json

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from timeline.batch.dask import events_dataframe, extract_bag, to_jsonl  # noqa: E402

CLAUSES = [
    "Rebels seized the town on {weekday}",
    "the ministry published the figures on {day} {month}",
    "talks resumed two days after the ceasefire collapsed",
    "the bridge was repaired earlier this month",
    "officials said the vote will be held next week",
    "hundreds have fled the city since {month}",
    "the embassy closed three weeks ago and reopened yesterday",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_records(n=30):
    """Records that vary the date, the sentences and how the date is given."""
    out = []
    for i in range(n):
        published = dt.date(2015, 1, 1) + dt.timedelta(days=37 * i)
        month = (published.replace(day=1) - dt.timedelta(days=1)).strftime("%B")
        fill = {"weekday": WEEKDAYS[i % 7], "day": 1 + i % 27, "month": month}
        first, second = CLAUSES[i % 7].format(**fill), CLAUSES[(i * 3 + 1) % 7].format(**fill)
        text = f"{first[0].upper()}{first[1:]}, and {second}. Witnesses said little else."
        record = {"id": f"doc-{i}", "text": text}
        if i % 3:
            record["published"] = published.isoformat()
        else:  # dated by its dateline instead
            record["text"] = f"LIMA, {published:%B} {published.day}, {published.year} - {text}"
        out.append(record)
    out.append({"id": "undated", "text": "Rebels seized the town on Sunday."})
    return out


def expected(record):
    if "published" in record:
        published, how = dt.date.fromisoformat(record["published"]), "given in the record"
    else:
        found = find_publication_date(record["text"])
        if found is None:
            return None
        published, how = found[0], f'read from the dateline "{found[1]}"'
    return timeline_json(timeline.extract(record["text"], published), {"": how})


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)  # fmt: skip
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_cluster_gives_what_extract_gives(client, tmp_path):
    records = make_records()
    bag = dask_bag.from_sequence(records, npartitions=4)
    got = extract_bag(bag).compute()
    assert [r["id"] for r in got] == [r["id"] for r in records]
    for record, result in zip(records[:-1], got, strict=False):
        assert "error" not in result, result
        assert result["timeline"] == expected(record), record["id"]
    assert got[-1]["error"].startswith("no publication date found")
    assert sum(len(r["timeline"]["events"]) for r in got[:-1]) > 30

    paths = to_jsonl(extract_bag(bag), str(tmp_path / "part-*.jsonl"))
    assert len(paths) == 4
    lines = [json.loads(line) for path in sorted(paths)
             for line in open(path, encoding="utf-8")]  # fmt: skip
    assert lines == got


def test_events_dataframe(client):
    pytest.importorskip("dask.dataframe")
    records = make_records(8)
    got = extract_bag(dask_bag.from_sequence(records, npartitions=2)).compute()
    frame = events_dataframe(extract_bag(dask_bag.from_sequence(records, npartitions=2)))
    table = frame.compute()
    n_events = sum(len(r["timeline"]["events"]) for r in got if "timeline" in r)
    assert len(table) == n_events + 1  # and the undated record's error row
    first = got[0]["timeline"]["events"][0]
    row = table.iloc[0]
    assert (row["id"], row["trigger"], row["description"]) == ("doc-0", first["trigger"],
                                                               first["display"])  # fmt: skip
    assert table.iloc[-1]["error"].startswith("no publication date found")
