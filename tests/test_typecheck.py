"""The engine, the scenario format, the policies and the runner stay clean under mypy."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT


def test_core_packages_type_check():
    api = pytest.importorskip("mypy.api")
    targets = [str(ROOT / p) for p in ("game/engine", "game/scenario", "game/ai", "game/play")]
    out, err, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            "/tmp/crossroads-mypy-cache",
            *targets,
        ]
    )
    assert status == 0, out + err
