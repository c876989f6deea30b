"""Every file in broken/ gives exactly one error (its root cause) at the line its first line
names, through both ``validate_paths`` and the CLI function, without a traceback, under
libyaml and under PyYAML's pure-Python parser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.scenario.cli_commands import cmd_validate
from game.scenario.validate import validate_paths

from .helpers import BROKEN, parse_expect

CASES = sorted(BROKEN.glob("*.yaml"))


def test_there_are_enough_broken_files():
    assert len(CASES) >= 40


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_broken_file(path: Path, capsys, tmp_path, monkeypatch, yaml_parser):
    code, where, line = parse_expect(path)
    monkeypatch.chdir(tmp_path)  # a payload that writes "crossroads_pwned.txt" would land here
    diags, scenarios = validate_paths([path])

    errors = [d for d in diags if d.is_error]
    warnings = [d for d in diags if not d.is_error]
    if code.startswith("E"):
        assert not scenarios
        found = errors
    else:
        assert not errors, errors
        assert scenarios, "a file with only warnings still loads"
        found = warnings
    assert len(found) == 1, f"expected one {code}, got {[(d.code, d.line) for d in found]}"
    d = found[0]
    assert (d.code, d.line) == (code, line), d
    assert os.path.samefile(d.file, where), (d.file, where)
    assert d.message.endswith((".", "?", ")")), d.message
    assert d.col >= 1

    rc = cmd_validate([str(path)], "text")
    out = capsys.readouterr()
    assert rc == (1 if code.startswith("E") else 0)
    assert "Traceback" not in out.out + out.err
    assert f": {code}: " in out.out
    assert not (tmp_path / "crossroads_pwned.txt").exists(), "a YAML tag ran code!"


def test_python_tags_never_run(tmp_path, monkeypatch):
    """The payloads are really rejected without constructing anything (checked in a clean
    folder, through both the in-memory and the file path)."""
    from game.scenario.loader import load_scenario_text
    from game.scenario.yamlsafe import load_yaml

    monkeypatch.chdir(tmp_path)
    for name in ("python_tag.yaml", "python_tag_open.yaml"):
        text = (BROKEN / name).read_text(encoding="utf-8")
        data, _, diags = load_yaml(text)
        assert data is None and [d.code for d in diags] == ["E005"]
        res = load_scenario_text(text)
        assert res.scenario is None
    assert list(tmp_path.iterdir()) == []
