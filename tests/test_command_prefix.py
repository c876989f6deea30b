"""Every hint names the command the user actually typed: ``crossroads``, ``python main.py`` or
``python -m game`` (``game.kit.command``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.kit.command import DEFAULT_PREFIX, command, command_prefix

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")


@pytest.mark.parametrize(
    "argv0, prefix",
    [
        ("main.py", "python main.py"),
        ("../crossroads/main.py", "python ../crossroads/main.py"),
        ("/home/t/.venv/bin/crossroads", "crossroads"),
        (r"C:\venv\Scripts\crossroads.exe", "crossroads"),
        ("/home/t/crossroads-script.py", "crossroads"),
        (str(ROOT / "game" / "__main__.py"), "python -m game"),
        ("/usr/bin/pytest", DEFAULT_PREFIX),
        ("-c", DEFAULT_PREFIX),
        ("", DEFAULT_PREFIX),
    ],
)
def test_prefix_from_argv0(argv0, prefix):
    assert command_prefix(argv0) == prefix


def test_command_joins_the_prefix_and_the_rest(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/x/bin/crossroads", "validate"])
    assert command("validate x.yaml") == "crossroads validate x.yaml"
    assert command("") == "crossroads"


def _entry_points() -> list[tuple[list[str], str]]:
    crossroads = shutil.which("crossroads", path=str(Path(sys.executable).parent))
    points = [
        ([sys.executable, "main.py"], "python main.py"),
        ([sys.executable, "-m", "game"], "python -m game"),
    ]
    if crossroads:
        points.append(([crossroads], "crossroads"))
    return points


@pytest.mark.parametrize("argv, typed", _entry_points(), ids=lambda x: str(x)[-20:])
def test_each_entry_point_names_itself_in_hints(tmp_path, argv, typed):
    """validate on an empty file (E009, whose hint names new-scenario), then new-scenario,
    whose message and the starter's comments name validate."""
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    run = subprocess.run(
        [*argv, "validate", str(empty)], cwd=ROOT, env=ENV, capture_output=True, text=True
    )
    assert run.returncode == 1, run.stderr
    assert f"Run '{typed} new-scenario NAME'" in run.stdout, run.stdout
    made = subprocess.run(
        [*argv, "new-scenario", "My Region", "--dir", str(tmp_path)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    assert f"'{typed} validate " in made.stdout, made.stdout
    starter = (tmp_path / "my_region" / "scenario.yaml").read_text(encoding="utf-8")
    assert f"# Check it with:   {typed} validate " in starter
    usage = subprocess.run([*argv, "--help"], cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert usage.stdout.startswith(f"usage: {typed} ") and f"  {typed} validate " in usage.stdout


def test_the_installed_command_is_tested():
    """The console script is part of the dev install, so the 'crossroads' case really runs."""
    assert any(t == "crossroads" for _, t in _entry_points())
