"""The command line behaves like a Unix tool: a closed pipe ends it quietly, and it writes
only where the user said."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.scenario.cli_commands import cmd_new_scenario

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "args",
    [
        ["scenarios"],
        ["scenarios", "--json"],
        ["validate", "scenarios/"],
        ["schema"],
        ["play", "class_war_corridor", "--headless"],
    ],
)
def test_a_closed_pipe_ends_the_command_quietly(args):
    """`python main.py scenarios --json | head -1`: the reader goes away before the output is
    written; no 'internal error', no traceback, and not the exit status of 'errors found'."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    proc = subprocess.Popen(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=300)
    assert err == "", err
    assert proc.returncode == 141  # what a shell reports for a command ended by SIGPIPE


def test_new_scenario_with_a_path_writes_exactly_there(tmp_path, monkeypatch, capsys):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    target = tmp_path / "elsewhere" / "my_region"
    target.parent.mkdir()
    assert cmd_new_scenario(str(target)) == 0
    assert (target / "scenario.yaml").is_file()
    assert "id: my_region" in (target / "scenario.yaml").read_text(encoding="utf-8")
    assert list(here.iterdir()) == [], "wrote into the current folder"
    assert "my_region" in capsys.readouterr().out
    # again: refused, nothing overwritten
    before = (target / "scenario.yaml").read_bytes()
    assert cmd_new_scenario(str(target)) == 2
    assert (target / "scenario.yaml").read_bytes() == before


def test_new_scenario_refuses_a_path_whose_parent_is_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cmd_new_scenario(str(tmp_path / "no" / "such" / "place")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_scenario_refuses_a_path_and_dir_together(tmp_path, capsys):
    assert cmd_new_scenario(str(tmp_path / "a"), str(tmp_path)) == 2
    assert "not both" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_version_and_python_dash_m():
    """`--version` prints the installed version; `python -m game` is the same command line."""
    from importlib import metadata

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    for cmd in (
        [sys.executable, "main.py", "--version"],
        [sys.executable, "-m", "game", "--version"],
    ):
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == f"crossroads {metadata.version('crossroads')}"
    proc = subprocess.run(
        [sys.executable, "-m", "game", "scenarios", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and '"class_abe_belt_road"' in proc.stdout


def test_the_package_says_it_is_typed():
    assert (ROOT / "game" / "py.typed").is_file()
