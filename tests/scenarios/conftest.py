"""Fixtures of the scenario-calibration tests: the campaign played once per seed."""

from __future__ import annotations

import pytest

from .campaign_csv import fact_seeds, play


@pytest.fixture(scope="session")
def campaign_runs(tmp_path_factory):
    """``{seed: Run}`` for the campaign with every actor on its historical policy."""
    return play(fact_seeds(), tmp_path_factory.mktemp("campaign_csv"))
