"""The runner stops its workers promptly whatever they are doing: a worker
stopped in the middle of sending a result must not leave the executor (and
so the batch, and interpreter exit) waiting for the rest of that message."""

from __future__ import annotations

import os
import struct
import sys
import threading
import time

import pytest

from timeline.batch import _runner


def _send_half_a_result_and_hang(_chunk: list[int]) -> list[int]:
    """Write the header of a 1,000-byte result and 7 bytes of it, then hang."""
    frame = sys._getframe(1)  # concurrent.futures.process._process_worker
    queue = frame.f_locals.get("result_queue")
    if queue is None:
        return [-1]  # another Python's internals: the test skips
    os.write(queue._writer.fileno(), struct.pack("!i", 1000) + b"partial")
    time.sleep(120)
    return []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_terminate_returns_when_a_worker_dies_mid_result() -> None:
    executor = _runner._executor(1)
    future = executor.submit(_send_half_a_result_and_hang, [0])
    time.sleep(1.0)
    if future.done():
        pytest.skip("this Python's executor does not name its result queue result_queue")
    stopper = threading.Thread(target=_runner._terminate, args=(executor,), daemon=True)
    started = time.monotonic()
    stopper.start()
    stopper.join(30)
    stuck = stopper.is_alive()
    if stuck:  # let the executor's thread go, so that the test run itself can end
        executor._result_queue._writer.close()
        stopper.join(30)
    assert not stuck, "the executor waited for the rest of a dead worker's message"
    assert time.monotonic() - started < 20
    assert not any(p.is_alive() for p in (getattr(executor, "_processes", None) or {}).values())
