"""Where the chunks run: in this process, in local worker processes, or on a Dask cluster.

Every executor runs the same ``play_chunk`` on the same ``Task`` list and the results are put
back in task order, so a study gives identical numbers (and identical CSV files) whatever runs it:
one process, ``--workers N`` local processes (``concurrent.futures.ProcessPoolExecutor``), or an
existing Dask cluster (``--scheduler tcp://HOST:PORT``; ``dask[distributed]`` must be installed
here and on the workers, together with this game).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Any

from ..scenario.model import Scenario
from .sim import ChunkResult, Task, play_chunk

_SCENARIO: Scenario | None = None

Progress = Callable[[int, int], None]


class ExecutorError(RuntimeError):
    """A plain-words problem with the workers or the cluster (shown without a traceback)."""


def tune_process() -> None:
    """Per-process settings that make numbers reproducible and parallel runs scale:
    one BLAS thread, and glibc's allocator told to keep freed memory (the engine allocates and
    frees many mid-sized temporaries; returning them to the OS every time costs 20-35 %)."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
        libc.mallopt(M_MMAP_THRESHOLD, 1 << 30)
        libc.mallopt(M_TRIM_THRESHOLD, 1 << 30)
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


def _init_worker(sc: Scenario) -> None:
    global _SCENARIO
    _SCENARIO = sc
    tune_process()


def _run_local(task: Task) -> ChunkResult:
    assert _SCENARIO is not None
    return play_chunk(_SCENARIO, task)


def _run_remote(sc: Scenario, task: Task) -> ChunkResult:
    tune_process()
    return play_chunk(sc, task)


def run_tasks(
    sc: Scenario,
    tasks: Sequence[Task],
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    pool: Any = None,
) -> list[ChunkResult]:
    """Run ``tasks`` and return their results in task order.

    ``pool`` may be a ``StudyPool`` kept open across the phases of a study."""
    if pool is not None:
        return pool.run(tasks, progress)
    with StudyPool(sc, workers, scheduler) as p:
        return p.run(tasks, progress)


class StudyPool:
    """The workers of one study (opened once, reused by its phases)."""

    def __init__(self, sc: Scenario, workers: int = 1, scheduler: str | None = None) -> None:
        self.sc, self.workers, self.scheduler = sc, max(1, int(workers)), scheduler
        self._pool: ProcessPoolExecutor | None = None
        self._client: Any = None
        self._scattered: Any = None

    def __enter__(self) -> StudyPool:
        if self.scheduler:
            self._client = connect(self.scheduler)
            self._scattered = self._client.scatter(self.sc, broadcast=True)
        elif self.workers > 1:
            self._pool = ProcessPoolExecutor(
                self.workers, initializer=_init_worker, initargs=(self.sc,)
            )
        else:
            tune_process()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._client is not None:
            try:
                self._client.close()
            except Exception:  # noqa: BLE001 - closing a lost connection is not an error
                pass

    @property
    def description(self) -> str:
        if self.scheduler:
            try:
                n = len(self._client.scheduler_info().get("workers", {}))
            except Exception:  # noqa: BLE001
                n = "?"
            return f"Dask cluster at {self.scheduler} ({n} workers)"
        if self.workers > 1:
            return f"{self.workers} local worker processes"
        return "1 process"

    def run(self, tasks: Sequence[Task], progress: Progress | None = None) -> list[ChunkResult]:
        tasks = list(tasks)
        out: list[ChunkResult | None] = [None] * len(tasks)
        done = 0
        if progress:
            progress(0, len(tasks))
        if self._client is None and self._pool is None:
            for i, t in enumerate(tasks):
                out[i] = play_chunk(self.sc, t)
                done += 1
                if progress:
                    progress(done, len(tasks))
            return out  # type: ignore[return-value]
        if self._client is not None:
            futs = [self._client.submit(_run_remote, self._scattered, t, pure=False) for t in tasks]
        else:
            assert self._pool is not None
            futs = [self._pool.submit(_run_local, t) for t in tasks]
        index = {id(f): i for i, f in enumerate(futs)}
        pending: set[Any] = set(futs)
        try:
            while pending:
                finished = _wait_some(pending, self._client is not None)
                for f in finished:
                    pending.discard(f)
                    out[index[id(f)]] = self._result(f)
                    done += 1
                    if progress:
                        progress(done, len(tasks))
        except BaseException:
            for f in pending:
                f.cancel()
            raise
        return out  # type: ignore[return-value]

    def _result(self, f: Any) -> ChunkResult:
        if self._client is None:
            return f.result()
        try:
            return f.result()
        except (OSError, TimeoutError) as e:
            raise ExecutorError(f"lost the Dask cluster at {self.scheduler}: {e}") from None
        except ImportError as e:
            raise ExecutorError(
                f"a Dask worker cannot import the game ({e}): install this "
                "version of crossroads on every worker"
            ) from None


def _wait_some(pending: set[Any], dask: bool) -> list[Any]:
    if dask:
        from distributed import wait as dwait

        res = dwait(list(pending), return_when="FIRST_COMPLETED")
        return list(res.done)
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    return list(done)


def connect(address: str) -> Any:
    """A Dask ``Client`` for ``address``, or an ``ExecutorError`` saying what to do."""
    try:
        from distributed import Client
    except ImportError:
        raise ExecutorError(
            "--scheduler needs Dask: install it with  pip install 'crossroads[cluster]'  "
            "(here and on every worker)"
        ) from None
    timeout = os.environ.get("CROSSROADS_DASK_TIMEOUT", "15s")
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError) as e:
        raise ExecutorError(
            f"cannot reach the Dask scheduler at {address}: {e}. Is the "
            "cluster running? (dask scheduler / dask worker ADDRESS)"
        ) from None
    except ValueError as e:
        raise ExecutorError(
            f"'{address}' is not a scheduler address (write e.g. tcp://127.0.0.1:8786): {e}"
        ) from None


class ProgressBar:
    """A one-line progress bar on stderr (``\\r`` updates on a terminal, a few lines otherwise)."""

    def __init__(self, label: str, stream: Any = None, enabled: bool = True) -> None:
        self.label, self.stream, self.enabled = label, stream or sys.stderr, enabled
        self.t0 = time.perf_counter()
        self._last_pct = -1
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        pct = int(100 * done / total)
        el = time.perf_counter() - self.t0
        eta = el / done * (total - done) if done else 0.0
        if self.tty:
            width = 30
            fill = int(width * done / total)
            self.stream.write(
                f"\r{self.label} [{'#' * fill}{'.' * (width - fill)}] "
                f"{done}/{total} chunks  {el:5.1f}s  eta {eta:4.0f}s "
            )
            if done == total:
                self.stream.write("\n")
            self.stream.flush()
        elif pct // 25 != self._last_pct // 25 or done == total:
            self.stream.write(f"{self.label}: {done}/{total} chunks ({pct}%), {el:.1f}s\n")
            self.stream.flush()
        self._last_pct = pct
