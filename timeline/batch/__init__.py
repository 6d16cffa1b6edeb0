"""Whole archives: many documents in, one timeline record per document out.

Takes text and TimeML files, folders of them, globs, and JSON Lines files of
``{"id", "text", "published"}`` records; gives, in input order, one record per
document: ``{"id": ..., "timeline": <the timeline/1 JSON document>}``, or
``{"id": ..., "error": "one-line reason"}`` for a document that cannot be read
or dated.

    timeline batch INPUT... --out OUT.jsonl [--jobs N] [--format jsonl|csv] [--resume]

runs them over worker processes (``timeline.batch._command``);
``timeline.batch.dask`` does the same over a dask cluster (the ``dask`` extra).
"""
