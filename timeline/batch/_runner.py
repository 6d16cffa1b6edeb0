"""An ordered, bounded map over worker processes.

Like ``Pool.imap`` with chunks, but it reads its input only as fast as the
workers take it (at most ``window`` chunks in flight), so memory stays bounded
whatever the input's length, and results come back in input order.  A worker
that dies (out of memory, a crash in C) does not end the run: the documents it
may have held are run again one at a time, and the one that kills a worker
alone gets ``on_crash``'s result.  On Ctrl-C or any other exit the workers are
terminated, never left behind.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK_SIZE = 8
CHUNKS_PER_WORKER = 4
_STOP_SECONDS = 5.0  # for a terminated worker to exit before it is killed


def default_jobs() -> int:
    """The CPUs this process may use (its affinity), else os.cpu_count()."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        return count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it,
    # then terminates the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import timeline.batch._warm  # noqa: F401  (built already when forked from the server)


def _executor(jobs: int) -> ProcessPoolExecutor:
    if "forkserver" in multiprocessing.get_all_start_methods():
        # Workers fork from a server that has built the grammar once (seconds),
        # and no thread of this process is ever forked.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["timeline.batch._warm"])
        _start_server_ignoring_ctrl_c()
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker)


def _start_server_ignoring_ctrl_c() -> None:
    """Start the fork server (and resource tracker) with Ctrl-C ignored.

    They are in the terminal's process group, and Python keeps a SIGINT that
    its parent ignored ignored: so a Ctrl-C while the server imports and
    builds the grammar (seconds on a cold cache) does not print its
    traceback, and the workers it forks ignore Ctrl-C from their first
    instruction.  This process ignores it only while the server is spawned.
    """
    from multiprocessing import forkserver

    from_python = signal.getsignal(signal.SIGINT) is not None
    if not from_python or threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()  # a handler not set from Python, or not the main thread
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    """Hold a Ctrl-C back until the block ends, then deliver it.

    ``submit`` may start a worker; interrupted half way, the worker runs on
    unknown to the executor, which cannot stop it, and fails to start once
    this process is gone (its traceback on the terminal).
    """
    previous = signal.getsignal(signal.SIGINT)
    if previous is None or threading.current_thread() is not threading.main_thread():
        yield  # a handler not set from Python, or not the main thread: as it is
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        signal.raise_signal(signal.SIGINT)  # to the handler this process had


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now, and the executor with them.

    A worker stopped while it sends a result leaves half a message in the
    result pipe, and the executor's thread then waits for the rest forever
    (and ``shutdown``, and interpreter exit, wait for that thread).  Once the
    workers are dead, this process holds the pipe's last write end: closing
    it ends that wait, and the executor sees a broken pool and winds down.
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(_STOP_SECONDS)
        if process.is_alive():
            process.kill()
            process.join(_STOP_SECONDS)
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None and not any(p.is_alive() for p in processes):
        writer.close()
    executor.shutdown(wait=True, cancel_futures=True)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def run_ordered(
    work: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    jobs: int,
    on_crash: Callable[[T], R],
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[R]:
    """``work(chunk)`` over chunks of ``items``, flattened, in order; ``work`` must pickle.

    With one job it runs here, in this process.
    """
    if jobs <= 1:
        for item in items:
            yield from work([item])
        return
    yield from _parallel(work, items, jobs, on_crash, chunk_size)


def _parallel(
    work: Callable[[list[T]], list[R]],
    items: Iterable[T],
    jobs: int,
    on_crash: Callable[[T], R],
    chunk_size: int,
) -> Iterator[R]:
    chunks = _chunks(items, chunk_size)
    window = jobs * CHUNKS_PER_WORKER
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    executor = _executor(jobs)

    def fill() -> None:
        while len(pending) < window:
            chunk = next(chunks, None)
            if chunk is None:
                return
            try:
                with _ctrl_c_deferred():  # a submit may start a worker
                    future = executor.submit(work, chunk)
            except BrokenProcessPool as exc:  # broken since the last result: meet it in turn
                future = Future()
                future.set_exception(exc)
            pending.append((chunk, future))

    try:
        fill()
        while pending:
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # Any chunk in flight may hold the culprit: run each document alone.
                suspects = chunk + [item for held, _ in pending for item in held]
                pending.clear()
                _terminate(executor)
                executor = _executor(jobs)
                for item in suspects:
                    try:
                        with _ctrl_c_deferred():
                            alone_future = executor.submit(work, [item])
                        alone = alone_future.result()
                    except BrokenProcessPool:
                        _terminate(executor)
                        executor = _executor(jobs)
                        alone = [on_crash(item)]
                    yield from alone
                fill()
                continue
            fill()  # keep the workers busy while the caller writes
            yield from results
    except BaseException:  # Ctrl-C, the caller stopping early, an error
        _terminate(executor)
        raise
    executor.shutdown(wait=True)
