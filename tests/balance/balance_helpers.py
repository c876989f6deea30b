"""Helpers shared by the balance tests (a module with a unique name, importable from the tests
of this folder)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

MINI_BALANCE = """
balance:
  games: 200
  expectations:
    - {id: jpn_greedy_grade_b, kind: grade_rate, role: JPN, policy: greedy, grade: B, between: [0.9, 1.0]}
    - {id: jpn_agency, kind: agency_gap, role: JPN, at_least: 0.001}
    - {id: rus_greedy_beats_passive, kind: ordering, role: RUS, better: greedy, worse: passive}
    - {id: jpn_no_one_trick, kind: max_action_share, role: JPN, policy: greedy, at_most: 0.8}
    - {id: events_small, kind: max_event_impact, role: JPN, at_most: 0.05}
"""


def load_text(text: str):
    """A scenario from YAML text, through the real loader (the test fails on any error)."""
    from game.scenario.loader import load_scenario_text

    res = load_scenario_text(text, base_dir=None)
    assert res.scenario is not None and not res.errors, [d.message for d in res.errors]
    return res.scenario


def mini_text() -> str:
    return (FIXTURES / "mini.yaml").read_text(encoding="utf-8") + MINI_BALANCE
