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
