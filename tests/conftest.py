import sys
from pathlib import Path

# The tests import helpers.py from this folder.
sys.path.insert(0, str(Path(__file__).parent))

from hypothesis import settings  # noqa: E402

# The first example pays for building the grammar; timing belongs in benchmarks/.
settings.register_profile("timeline", deadline=None, max_examples=100)
settings.load_profile("timeline")


import gc  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture
def collections():
    """The generations of the cyclic collector's passes while the test runs."""
    runs: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    yield runs
    gc.callbacks.remove(count)
