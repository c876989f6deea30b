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
import dataclasses
import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

import numpy as np

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


def max_workers() -> int:
    """The most local worker processes worth starting: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class StudyPool:
    """The workers of one study (opened once, reused by its phases).

    With a ``checkpoint`` folder, every finished chunk is kept there as it arrives, and chunks
    already there are not played again: a study cut short (a lost cluster, Ctrl+C) continues
    where it stopped when the same command is run again."""

    def __init__(
        self,
        sc: Scenario,
        workers: int = 1,
        scheduler: str | None = None,
        insecure: bool = False,
        checkpoint: Path | None = None,
    ) -> None:
        self.sc, self.workers, self.scheduler = sc, max(1, int(workers)), scheduler
        self.insecure = insecure
        self.checkpoint = ChunkStore(checkpoint, sc) if checkpoint is not None else None
        self.dashboard: str | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._client: Any = None
        self._scattered: Any = None

    def __enter__(self) -> StudyPool:
        if self.scheduler:
            self._client = connect(self.scheduler, self.insecure)
            self.dashboard = dashboard_link(self._client)
            try:
                self._scattered = self._client.scatter(self.sc, broadcast=True)
            except Exception as e:  # noqa: BLE001 - a cluster problem, said in one line
                self._client.close()
                raise ExecutorError(
                    f"the Dask cluster at {self.scheduler} did not take the scenario: "
                    f"{_first_line(e)}"
                ) from None
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
                n = str(len(self._client.scheduler_info().get("workers", {})))
            except Exception:  # noqa: BLE001
                n = "?"
            return f"Dask cluster at {self.scheduler} ({n} workers)"
        if self.workers > 1:
            return f"{self.workers} local worker processes"
        return "1 process"

    def run(self, tasks: Sequence[Task], progress: Progress | None = None) -> list[ChunkResult]:
        tasks = list(tasks)
        out: list[ChunkResult | None] = [None] * len(tasks)
        if self.checkpoint is not None:
            for i, t in enumerate(tasks):
                out[i] = self.checkpoint.load(t)
        todo = [i for i, r in enumerate(out) if r is None]
        done = len(tasks) - len(todo)
        if progress:
            progress(done, len(tasks))

        def finished(i: int, r: ChunkResult) -> None:
            nonlocal done
            out[i] = r
            if self.checkpoint is not None:
                self.checkpoint.save(tasks[i], r)
            done += 1
            if progress:
                progress(done, len(tasks))

        if self._client is None and self._pool is None:
            for i in todo:
                finished(i, play_chunk(self.sc, tasks[i]))
            return out  # type: ignore[return-value]
        if self._client is not None:
            try:
                futs = [
                    self._client.submit(_run_remote, self._scattered, tasks[i], pure=False)
                    for i in todo
                ]
            except Exception as e:  # noqa: BLE001 - a cluster problem, said in one line
                raise self._lost(e, done, len(tasks)) from None
        else:
            assert self._pool is not None
            futs = [self._pool.submit(_run_local, tasks[i]) for i in todo]
        index = {id(f): i for f, i in zip(futs, todo, strict=True)}
        pending: set[Any] = set(futs)
        try:
            while pending:
                for f in _wait_some(pending, self._client is not None):
                    pending.discard(f)
                    finished(index[id(f)], self._result(f))
        except ExecutorError:
            raise
        except Exception as e:
            if self._client is not None and _is_cluster_problem(e):
                raise self._lost(e, done, len(tasks)) from None
            raise
        finally:
            for f in pending:
                f.cancel()
        return out  # type: ignore[return-value]

    def _lost(self, e: BaseException, done: int, total: int) -> ExecutorError:
        kept = (
            f"; the {done} finished chunks are kept in {self.checkpoint.folder}: run the same "
            "command again to continue"
            if self.checkpoint is not None and done
            else ""
        )
        return ExecutorError(
            f"lost the Dask cluster at {self.scheduler} after {done} of {total} chunks "
            f"({type(e).__name__}: {_first_line(e)}){kept}"
        )

    def _result(self, f: Any) -> ChunkResult:
        if self._client is None:
            return f.result()
        try:
            return f.result()
        except ImportError as e:
            raise ExecutorError(
                f"a Dask worker cannot import the game ({e}): install this "
                "version of crossroads on every worker"
            ) from None


def _is_cluster_problem(e: BaseException) -> bool:
    """Errors that come from the cluster (a lost scheduler or worker, cancelled futures), not
    from the game's own code running on it."""
    import concurrent.futures

    if isinstance(e, OSError | TimeoutError | concurrent.futures.CancelledError):
        return True
    names = {c.__name__ for c in type(e).__mro__}
    return bool(
        names & {"FuturesCancelledError", "CancelledError", "KilledWorker", "CommClosedError"}
    )


class ChunkStore:
    """Finished chunks kept on disk while a study runs (``.npz`` files of plain arrays, never
    pickles), named by what they hold: the scenario's content, the game's code, the run and
    the games. A changed scenario or a new version of the game never reuses an old chunk."""

    def __init__(self, folder: Path, sc: Scenario) -> None:
        self.folder = Path(folder)
        self._prefix = hashlib.sha256(
            (sc.content_hash + "|" + code_fingerprint()).encode()
        ).hexdigest()

    def _path(self, t: Task) -> Path:
        key = f"{self._prefix}|{t.spec.key}|{t.seed}|{t.offset}|{t.n}"
        return self.folder / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".npz")

    def load(self, t: Task) -> ChunkResult | None:
        path = self._path(t)
        if not path.is_file():
            return None
        try:
            with np.load(path, allow_pickle=False) as z:
                fields: dict[str, Any] = {}
                extra: dict[str, np.ndarray] = {}
                for name in z.files:
                    if name.startswith("extra."):
                        extra[name[6:]] = z[name]
                    else:
                        fields[name] = z[name]
            kwargs: dict[str, Any] = {}
            for f in dataclasses.fields(ChunkResult):
                if f.name == "extra":
                    continue
                v = fields[f.name]
                kwargs[f.name] = v.item() if v.ndim == 0 else v
            kwargs["run"], kwargs["chunk"] = t.run, t.chunk
            return ChunkResult(**kwargs, extra=extra)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a damaged or older file: play the chunk again

    def save(self, t: Task, r: ChunkResult) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Any] = {}
        for f in dataclasses.fields(ChunkResult):
            v = getattr(r, f.name)
            if f.name == "extra":
                arrays.update({f"extra.{k}": np.asarray(a) for k, a in v.items()})
            else:
                arrays[f.name] = np.asarray(v)
        path = self._path(t)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, **arrays)
        os.replace(tmp, path)

    def clear(self) -> None:
        """Remove the kept chunks (the study is complete)."""
        if not self.folder.is_dir():
            return
        for p in self.folder.glob("*.npz"):
            p.unlink(missing_ok=True)
        try:
            self.folder.rmdir()
        except OSError:
            pass  # something else is in there: leave it


def code_fingerprint() -> str:
    """A hash of the game's own code, so chunks played by another version are never reused."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.py")):
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _wait_some(pending: set[Any], dask: bool) -> list[Any]:
    if dask:
        from distributed import wait as dwait

        res = dwait(list(pending), return_when="FIRST_COMPLETED")
        return list(res.done)
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    return list(done)


LOOPBACK_NAMES = ("localhost", "ip6-localhost")


def is_loopback(address: str) -> bool:
    """True when a scheduler address can only be reached from this machine (``127.0.0.0/8``,
    ``::1``, ``localhost``, or a name that resolves only to those)."""
    import ipaddress
    import socket
    from urllib.parse import urlsplit

    host = urlsplit(address if "://" in address else f"tcp://{address}").hostname or ""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    addrs = {str(info[4][0]) for info in infos}
    return bool(addrs) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addrs)


INSECURE_EXPLAINED = (
    "Dask sends every result to this computer as a Python pickle, so any computer that joins "
    "an unprotected scheduler as a worker can run its own code here, with your rights. On a "
    "school or office network that is anyone on it."
)


def security_for(address: str, insecure: bool = False) -> Any:
    """The Dask ``Security`` to reach ``address`` with, or an ``ExecutorError`` saying why the
    address is refused. A scheduler on this machine may be plain ``tcp://``; any other must be
    ``tls://`` with the certificates of Dask's own configuration (``distributed.comm.tls.*``,
    e.g. in ``~/.config/dask/distributed.yaml`` or ``DASK_DISTRIBUTED__COMM__TLS__...``
    variables), unless the user says ``--insecure``."""
    from distributed.security import Security

    scheme = address.split("://", 1)[0].lower() if "://" in address else "tcp"
    if scheme == "tls":
        sec = Security(require_encryption=True)
        if not (getattr(sec, "tls_ca_file", None) and getattr(sec, "tls_client_cert", None)):
            raise ExecutorError(
                f"--scheduler {address} uses TLS, but Dask's configuration names no "
                "certificates for this client: set distributed.comm.tls.ca-file, "
                "distributed.comm.tls.client.cert and distributed.comm.tls.client.key "
                "(docs/balance.md, 'A cluster, safely', shows how)"
            )
        return sec
    if is_loopback(address) or insecure:
        return Security()
    raise ExecutorError(
        f"refusing the unencrypted scheduler {address}: {INSECURE_EXPLAINED} Use a "
        "tls:// scheduler with certificates (docs/balance.md, 'A cluster, safely'), or add "
        "--insecure if you alone control every computer on this network."
    )


def connect(address: str, insecure: bool = False) -> Any:
    """A Dask ``Client`` for ``address``, or an ``ExecutorError`` saying what to do."""
    try:
        from distributed import Client
    except ImportError:
        raise ExecutorError(
            "--scheduler needs Dask: install it with  pip install 'crossroads[cluster]'  "
            "(here and on every worker)"
        ) from None
    security = security_for(address, insecure)
    timeout = os.environ.get("CROSSROADS_DASK_TIMEOUT", "15s")
    # A lost scheduler makes distributed log tracebacks while it tries to reconnect; the study
    # says what happened in one line of its own instead.
    for name in ["distributed", *logging.root.manager.loggerDict]:
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        return Client(address, timeout=timeout, security=security)
    except (OSError, TimeoutError) as e:
        raise ExecutorError(
            f"cannot reach the Dask scheduler at {address}: {_first_line(e)}. Is the "
            "cluster running? (dask scheduler / dask worker ADDRESS)"
        ) from None
    except ValueError as e:
        raise ExecutorError(
            f"'{address}' is not a scheduler address (write e.g. tcp://127.0.0.1:8786): "
            f"{_first_line(e)}"
        ) from None


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0][:300] if text else type(e).__name__


def dashboard_link(client: Any) -> str | None:
    """The Dask dashboard's address, when the scheduler serves one (it needs bokeh)."""
    import urllib.request

    try:
        if "dashboard" not in client.scheduler_info().get("services", {}):
            return None
        link = str(client.dashboard_link or "")
        if not link.startswith(("http://", "https://")):
            return None
        # Without bokeh on the scheduler, the page only says "Dask needs bokeh".
        with urllib.request.urlopen(link, timeout=3) as page:  # noqa: S310 - http(s) only
            head = page.read(4096)
        return None if b"needs bokeh" in head.lower() else link
    except Exception:  # noqa: BLE001 - no dashboard is not an error
        return None


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
