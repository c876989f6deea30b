"""The balance lab on a cluster is safe and survives.

* an unencrypted scheduler on another computer is refused (any worker that joins it could run
  code in the teacher's process), unless the user says ``--insecure``;
* with Dask's own TLS configuration (certificates), a study runs and gives the same CSV files;
* a cluster lost in the middle of a study gives one clear line, and the finished chunks are kept
  so that the same command continues the study.
"""

from __future__ import annotations

import filecmp
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.balance.executors import ExecutorError, is_loopback, security_for
from game.balance.report import CSV_FILES
from game.cli import main

distributed = pytest.importorskip("distributed")
ROOT = Path(__file__).resolve().parents[2]

ARGS = ["--games", "60", "--chunk", "20", "--no-progress", "--policies", "JPN=random,greedy"]


def _study(scenario, out, *extra):
    return main(["balance", str(scenario), "--out", str(out), *ARGS, *extra])


def test_loopback_is_recognised():
    assert is_loopback("tcp://127.0.0.1:8786") and is_loopback("tcp://localhost:1")
    assert is_loopback("tls://[::1]:8786")
    assert not is_loopback("tcp://192.0.2.77:8786")  # a documentation address: the network


def test_a_remote_plain_scheduler_is_refused_with_the_reason():
    with pytest.raises(ExecutorError) as e:
        security_for("tcp://192.0.2.77:8786")
    msg = str(e.value)
    assert "run its own code here" in msg and "tls://" in msg and "--insecure" in msg
    assert security_for("tcp://192.0.2.77:8786", insecure=True) is not None
    assert security_for("tcp://127.0.0.1:8786") is not None


@pytest.fixture
def tls_config(tmp_path):
    """A CA and certificates as a teacher would make them, given to Dask through its own
    configuration (``distributed.comm.tls.*``), as docs/balance.md shows."""
    pytest.importorskip("cryptography")
    import dask
    from distributed.security import Security

    sec = Security.temporary()
    files = {}
    for name, pem in (
        ("ca", sec.tls_ca_file),
        ("cert", sec.tls_client_cert),
        ("key", sec.tls_client_key),
    ):
        path = tmp_path / f"{name}.pem"
        path.write_text(pem)
        files[name] = str(path)
    cfg = {
        "distributed.comm.tls.ca-file": files["ca"],
        "distributed.comm.tls.client.cert": files["cert"],
        "distributed.comm.tls.client.key": files["key"],
        "distributed.comm.tls.scheduler.cert": files["cert"],
        "distributed.comm.tls.scheduler.key": files["key"],
        "distributed.comm.tls.worker.cert": files["cert"],
        "distributed.comm.tls.worker.key": files["key"],
        "distributed.comm.require-encryption": True,
    }
    with dask.config.set(cfg):
        yield Security(require_encryption=True)


def test_a_tls_cluster_runs_the_study_with_the_same_results(
    tls_config, tmp_path, mini_balanced_path
):
    assert _study(mini_balanced_path, tmp_path / "local") in (0, 1)
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tls://",
        host="127.0.0.1",
        security=tls_config,
        dashboard_address=None,
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tls://")
        assert _study(mini_balanced_path, tmp_path / "tls", "--scheduler", address) in (0, 1)
    for name in CSV_FILES:
        assert filecmp.cmp(
            tmp_path / "local" / f"{name}.csv", tmp_path / "tls" / f"{name}.csv", shallow=False
        ), name


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Cluster:
    """A real scheduler and worker in their own processes, as on a school network."""

    def __init__(self, cwd: Path) -> None:
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        dask_cli = Path(sys.executable).parent / "dask"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": cwd, "env": env}
        self.scheduler = subprocess.Popen(
            [
                str(dask_cli),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-dashboard",
            ],
            **quiet,
        )
        self.worker = subprocess.Popen(
            [
                str(dask_cli),
                "worker",
                self.address,
                "--nthreads",
                "1",
                "--nworkers",
                "1",
                "--no-dashboard",
            ],
            **quiet,
        )
        client = distributed.Client(self.address, timeout="60s")
        client.wait_for_workers(1, timeout=60)
        client.close()

    def kill(self) -> None:
        for p in (self.scheduler, self.worker):
            if p.poll() is None:
                p.kill()
            p.wait(timeout=60)


def test_a_lost_cluster_says_one_line_and_the_study_continues(tmp_path, mini_balanced_path):
    """The scheduler is killed in the middle of a study: one line, no traceback, exit 2, the
    finished chunks kept; the same command on a new cluster plays only what was missing and
    writes the same CSV files as a study that was never interrupted."""
    args = ["--games", "600", "--chunk", "5", "--no-progress", "--policies", "JPN=random,greedy"]

    def study(out: Path, *extra: str) -> subprocess.Popen:
        return subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "balance",
                str(mini_balanced_path),
                "--out",
                str(out),
                *args,
                *extra,
            ],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    out = tmp_path / "cut"
    cluster = _Cluster(tmp_path)
    try:
        proc = study(out, "--scheduler", cluster.address)
        kept = out / ".chunks"
        while proc.poll() is None and len(list(kept.glob("*.npz"))) < 5:
            time.sleep(0.05)  # waiting for the study to get going, not timing anything
        cluster.scheduler.kill()
        _, err = proc.communicate(timeout=600)
    finally:
        cluster.kill()
    assert proc.returncode == 2, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert "lost the Dask cluster" in lines[0] and "run the same command again" in lines[0]
    assert "Traceback" not in err
    n_kept = len(list(kept.glob("*.npz")))
    assert n_kept >= 5

    cluster = _Cluster(tmp_path)
    try:
        again = study(out, "--scheduler", cluster.address)
        _, err = again.communicate(timeout=900)
    finally:
        cluster.kill()
    assert again.returncode in (0, 1), err
    assert not kept.exists(), "a finished study leaves no kept chunks"

    whole = study(tmp_path / "whole")
    _, err = whole.communicate(timeout=900)
    assert whole.returncode in (0, 1), err
    for name in CSV_FILES:
        assert filecmp.cmp(
            tmp_path / "whole" / f"{name}.csv", out / f"{name}.csv", shallow=False
        ), name
