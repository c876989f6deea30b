"""Shared fixtures: headless SDL drivers and small scenario worlds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load(path: str | Path):
    """Load a scenario through the real loader and fail the test on any error."""
    from game.scenario.loader import load_scenario

    res = load_scenario(str(path))
    errors = [d for d in res.diagnostics if d.severity == "error"]
    assert res.scenario is not None and not errors, res.diagnostics
    return res.scenario


@pytest.fixture(scope="session")
def mini():
    return load(FIXTURES / "mini.yaml")


@pytest.fixture(scope="session")
def mini_compiled(mini):
    from game.engine.compiler import compile_scenario

    return compile_scenario(mini)


def pytest_terminal_summary(terminalreporter):
    """Print the versions this run resolved (what `pip freeze` would say) at the end of every
    run, so a failure on a fresh machine can be traced to an upstream release."""
    from importlib import metadata

    dists = sorted(
        {(d.metadata["Name"] or "?").lower(): d.version for d in metadata.distributions()}.items()
    )
    terminalreporter.write_line("resolved versions: " + ", ".join(f"{n}=={v}" for n, v in dists))
