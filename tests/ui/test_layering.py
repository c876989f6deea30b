"""The window stays a layer of its own: the engine never imports pygame, ``play --headless``
never imports the window."""

from __future__ import annotations

from pathlib import Path

from uihelp import (
    FIXTURE,
)


def test_engine_never_imports_pygame():
    root = Path(__file__).resolve().parents[2] / "game" / "engine"
    for p in root.rglob("*.py"):
        assert "pygame" not in p.read_text(encoding="utf-8"), p


def test_main_py_play_headless_is_untouched():
    """``play --headless`` never imports the window."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    code = (
        f"import sys, game.cli as c; c.main(['play', {str(FIXTURE)!r}, '--headless', "
        "'--quiet']); print('pygame' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.strip().splitlines()[-1] == "False", out.stdout + out.stderr


#: files being reworked by others (the translation layer and the charts move to a shared kit;
#: the map is reworked later): their own type errors are theirs to clear
REWORKED_ELSEWHERE = (
    "game/ui/charts.py",
    "game/ui/i18n.py",
    "game/ui/map_data.py",
    "game/ui/map_view.py",
)


def test_the_window_type_checks():
    from mypy import api

    root = Path(__file__).resolve().parents[2]
    out, err, _ = api.run(
        [
            "--config-file",
            str(root / "pyproject.toml"),
            "--cache-dir",
            "/tmp/crossroads-mypy-cache",
            str(root / "game" / "ui"),
        ]
    )
    errors = [
        ln
        for ln in out.splitlines()
        if ": error:" in ln and not ln.replace(str(root) + "/", "").startswith(REWORKED_ELSEWHERE)
    ]
    assert not errors, "\n".join(errors[:20]) + err
