"""Shared helpers for the scenario tests."""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "broken"
ROOT = HERE.parent.parent
_EXPECT = re.compile(r"^# expect: ([EW]\d{3}) (?:(\S+):)?(\d+)\s*$")


def parse_expect(path: Path) -> tuple[str, Path, int]:
    """``# expect: CODE LINE`` or ``# expect: CODE FILE:LINE`` (FILE relative to the case)."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = _EXPECT.match(first)
    assert m, f"{path.name}: the first line must be '# expect: CODE LINE', not {first!r}"
    code, file, line = m.groups()
    return code, (path.parent / file if file else path), int(line)


def template_text(name: str = "Test Scenario") -> str:
    from game.scenario.template import render

    return render(name)
