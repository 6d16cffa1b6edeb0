"""The cyclic garbage collector paused while a stage runs, then as it was.

The stages make many small objects and no reference cycles
(tests/solver/test_extract_gc.py, tests/expressions/test_tag_gc.py), so the
collector's passes during them find nothing; each full pass walks every
object alive, the loaded tables and the caller's included.  Used by
``tag()`` and ``extract()``; a collector the caller turned off stays off.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block; leave it as it was found."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
