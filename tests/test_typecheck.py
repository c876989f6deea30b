"""All of ``game/`` stays clean under mypy (the configuration is in pyproject.toml)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT


def test_the_game_package_type_checks():
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            "/tmp/crossroads-mypy-cache",
            str(ROOT / "game"),
        ]
    )
    assert status == 0, out + err
