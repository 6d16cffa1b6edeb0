"""Timelines over a dask cluster (the ``dask`` extra: ``pip install 'timeline[dask]'``).

    import dask.bag as db
    from dask.distributed import Client
    from timeline.batch.dask import extract_bag, to_jsonl

    client = Client()                  # a LocalCluster on this machine; or Client("tcp://scheduler:8786")
    records = db.read_text("archive/*.jsonl").map(json.loads)   # {"id", "text", "published"}
    timelines = extract_bag(records)
    to_jsonl(timelines, "timelines/part-*.jsonl")

Each record gives what ``timeline batch`` writes for it: ``{"id", "timeline"}``
or ``{"id", "error"}``.  Dask is imported only when a function is called.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from timeline.batch._document import CSV_COLUMNS, csv_rows, jsonl_line, record_item, run_item

EXTRA = "pip install 'timeline[dask]'"


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError:
        raise ImportError(f"timeline.batch.dask needs dask: {EXTRA}") from None
    return dask.bag


def _run_record(record: object, published: dt.date | None, nominals: str) -> dict[str, Any]:
    return run_item(record_item(record), published, nominals)


def _line(record: dict[str, Any]) -> str:
    return jsonl_line(record).removesuffix("\n")


def _row_dict(row: list[Any]) -> dict[str, Any]:
    return dict(zip(CSV_COLUMNS, row, strict=True))


def extract_bag(records: Any, *, nominals: str = "signalled",
                published: dt.date | None = None) -> Any:  # fmt: skip
    """A bag of ``{"id", "timeline"}`` (or ``{"id", "error"}``) dicts, one per record.

    ``records`` is a ``dask.bag.Bag`` of ``{"id", "text", "published"}`` dicts
    ("published": YYYY-MM-DD or a date; without one, ``published`` or the
    text's dateline).  The result is lazy, like any bag.
    """
    _bag_module()
    return records.map(_run_record, published=published, nominals=nominals)


def to_jsonl(timelines: Any, path_glob: str, **kwargs: Any) -> Any:
    """Write one JSON line per record, one file per partition ("out/part-*.jsonl")."""
    _bag_module()
    lines = timelines.map(_line)
    return lines.to_textfiles(path_glob, last_endline=True, encoding="utf-8", **kwargs)


def events_dataframe(timelines: Any) -> Any:
    """A ``dask.dataframe`` with the CSV's columns: one row per event (``dask[dataframe]``)."""
    _bag_module()
    try:
        import dask.dataframe  # noqa: F401  (Bag.to_dataframe needs it)
        import pandas as pd
    except ImportError:
        raise ImportError(
            "timeline.batch.dask.events_dataframe needs pandas: pip install 'dask[dataframe]'"
        ) from None
    meta = pd.DataFrame({
        column: pd.Series(dtype="Int64" if column == "sentence" else "object")
        for column in CSV_COLUMNS
    })  # fmt: skip
    rows = timelines.map(csv_rows).flatten().map(_row_dict)
    return rows.to_dataframe(meta=meta)
