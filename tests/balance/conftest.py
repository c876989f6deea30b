"""Fixtures of the balance tests: the mini world with declared expectations that hold."""

from __future__ import annotations

import pytest
from balance_helpers import load_text, mini_text


@pytest.fixture(scope="session")
def mini_balanced():
    """The mini fixture with a ``balance`` section (expectations that hold)."""
    return load_text(mini_text())


@pytest.fixture(scope="session")
def mini_balanced_path(tmp_path_factory):
    p = tmp_path_factory.mktemp("mini") / "mini_balanced.yaml"
    p.write_text(mini_text(), encoding="utf-8")
    return p
