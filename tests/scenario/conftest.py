"""Fixtures for the scenario tests: run a test under both YAML parsers PyYAML can use."""

from __future__ import annotations

import pytest

from game.scenario import yamlsafe

PARSERS = ["libyaml", "pure-python"] if yamlsafe._FastParser is not None else ["pure-python"]


@pytest.fixture(params=PARSERS)
def yaml_parser(request, monkeypatch):
    """Parametrise a test over libyaml (when PyYAML has it) and PyYAML's pure-Python parser,
    so the same file must give the same code and line whichever one a machine installs."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlsafe, "_FastParser", None)
    return request.param
