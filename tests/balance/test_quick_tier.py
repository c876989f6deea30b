"""The quick balance tier (every CI run): every shipped scenario declares balance expectations
and passes them, with fixed seeds and the sample sizes the scenario declares (two-stage: a
quarter of the games first, all of them only when a verdict is not yet settled)."""

from __future__ import annotations

import os

import pytest

from game.balance.check import check_scenario, shipped_manifests
from game.balance.report import verdict_lines

WORKERS = min(2, os.cpu_count() or 1)
MANIFESTS = shipped_manifests()


def _explain(res) -> str:  # noqa: ANN001
    from game.balance.report import Report

    rep = Report(res.verdicts, {}, [], [])
    return f"{res.games} games per run:\n" + "\n".join(verdict_lines(rep))


@pytest.mark.parametrize("manifest", MANIFESTS, ids=[p.stem for p in MANIFESTS])
def test_shipped_scenario_declares_and_passes_its_expectations(manifest):
    from game.scenario.loader import load_scenario

    res = load_scenario(manifest)
    assert res.scenario is not None, [d.message for d in res.errors]
    sc = res.scenario
    assert sc.balance.expectations, (
        f"{manifest.name} declares no balance expectations: add a 'balance:' section "
        "(docs/balance.md)"
    )
    out = check_scenario(sc, workers=WORKERS)
    assert not out.failed, _explain(out)


def test_there_are_shipped_scenarios():
    assert MANIFESTS, "no scenarios/*.yaml manifest found"


def test_mini_expectations_pass(mini_balanced):
    out = check_scenario(mini_balanced)
    assert [v.verdict for v in out.verdicts] == ["PASS"] * 5, _explain(out)
    assert out.games in (50, 200) and out.stages in (1, 2)


def _with(sc, exps, games):  # noqa: ANN001, ANN202
    return sc.model_copy(
        update={"balance": sc.balance.model_copy(update={"expectations": exps, "games": games})}
    )


def test_a_broken_expectation_fails(mini_balanced):
    from game.scenario.model import Expectation

    # greedy Japan gets a B or better in every game: a cap of 50 % is clearly broken
    exps = [
        Expectation(
            id="too_strict",
            kind="grade_rate",
            role="JPN",
            policy="greedy",
            grade="B",
            between=(0.0, 0.5),
        )
    ]
    out = check_scenario(_with(mini_balanced, exps, 200))
    assert [v.verdict for v in out.verdicts] == ["FAIL"]
    assert out.stages == 1  # settled by the first stage already


def test_a_bound_at_the_estimate_is_not_shown_and_says_how_many_games(mini_balanced):
    from game.scenario.model import Expectation

    probe = [Expectation(id="gap", kind="agency_gap", role="JPN", at_least=0.0)]
    est = check_scenario(_with(mini_balanced, probe, 60), two_stage=False).verdicts[0].estimate
    exps = [Expectation(id="gap", kind="agency_gap", role="JPN", at_least=est)]
    out = check_scenario(_with(mini_balanced, exps, 60), two_stage=False)
    v = out.verdicts[0]
    assert v.verdict == "NOT SHOWN" and v.low < est < v.high
