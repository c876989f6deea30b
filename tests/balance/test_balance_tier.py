"""The large-sample balance tier: ``pytest -m balance`` (minutes, not seconds; not in the
default run). Fresh, larger samples than the quick tier, and the standard questions asked of
every class scenario: do choices matter, and does any single event decide the game?"""

from __future__ import annotations

import os

import pytest

from game.balance.check import check_scenario, shipped_manifests

pytestmark = pytest.mark.balance

WORKERS = min(2, os.cpu_count() or 1)
MANIFESTS = shipped_manifests()
CLASS = [p for p in MANIFESTS if "campaign" not in p.stem]


def _load(p):
    from game.scenario.loader import load_scenario

    return load_scenario(p).scenario


@pytest.mark.parametrize("manifest", MANIFESTS, ids=[p.stem for p in MANIFESTS])
def test_expectations_hold_with_four_times_the_games_and_another_seed(manifest):
    sc = _load(manifest)
    out = check_scenario(
        sc, games=4 * sc.balance.games, seed=20240501, two_stage=False, workers=WORKERS
    )
    assert not out.failed, [(v.id, v.verdict, v.estimate, v.low, v.high) for v in out.failed]


@pytest.fixture(scope="module", params=CLASS, ids=[p.stem for p in CLASS])
def class_study(request):
    """greedy and random for every playable role (2^roles profiles), 400 paired games."""
    from game.balance.study import run_study

    sc = _load(request.param)
    from game.engine.compiler import compile_scenario

    c = compile_scenario(sc)
    pols = {
        r: ["greedy", "random"]
        for r in sc.playable_roles
        if c.actor_index[r] in c.seats_with_choices
    }
    return run_study(sc, games=400, seed=11, quick=True, workers=WORKERS, policies=pols, c=c)


def test_choices_matter_for_every_role(class_study):
    from game.balance.analysis import agency_table

    rows = [
        r
        for r in agency_table(class_study).rows
        if (r["better"], r["worse"]) == ("greedy", "random")
    ]
    assert rows
    for r in rows:
        assert r["gap_low"] > 0, (
            f"{r['role']}: greedy - random = {r['gap']:.4f} "
            f"[{r['gap_low']:.4f}, {r['gap_high']:.4f}]"
        )


def test_no_single_event_decides_the_game(class_study):
    """Fails only when an event clearly changes a role's grade in most games (the whole interval
    above one half); scenarios can declare tighter caps with ``max_event_impact``."""
    from game.balance.analysis import event_table

    for r in event_table(class_study).rows:
        assert r["grade_changed_low"] <= 0.5, (r["event"], r["role"], r["grade_changed"])


def test_no_degenerate_policy_dominates(class_study):
    from game.balance.analysis import dominance_analysis

    _, doms = dominance_analysis(class_study)
    for d in doms:
        assert "random" not in d.dominant and "passive" not in d.dominant, d
