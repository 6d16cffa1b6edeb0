"""Every Python snippet of the README runs as written (from the repository root)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_the_readme_has_python_snippets():
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_snippet_runs(block, monkeypatch, capsys):
    if "dask" in block:
        # It starts a cluster on the reader's archive; tests/batch/test_dask.py
        # runs the same calls on a two-worker LocalCluster.
        pytest.skip("the dask snippet needs an archive and a cluster")
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    assert capsys.readouterr().out.strip(), "a README snippet prints what it shows"
