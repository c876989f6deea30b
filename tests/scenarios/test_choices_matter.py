"""Choices must matter: in each class scenario a passive Japan does clearly worse than Japan's
historical policy, and a good strategy (the one-step ``greedy`` policy) clearly better.

Each policy plays the same 200 seeded games (the world's dice do not depend on Japan's policy,
so the comparison is fair); every other actor keeps its default computer policy, as in class.
"Clearly" means the difference of the mean scores exceeds three standard errors of that
difference and is at least 0.05 (a fifth of a grade step: scores map D/C/B/A to 0.25/0.5/0.75/1).
"""

from __future__ import annotations

import numpy as np
import pytest

CLASS_SCENARIOS = ("class_abe_belt_road", "class_war_corridor")
SEED, GAMES = 20240601, 200
MIN_GAP = 0.05


@pytest.fixture(scope="module")
def japan_scores():
    from game.engine.compiler import compile_scenario
    from game.play import run_batch
    from game.scenario.loader import load_scenario

    out = {}
    for sid in CLASS_SCENARIOS:
        res = load_scenario(sid)
        assert res.scenario is not None, [d.message for d in res.diagnostics]
        c = compile_scenario(res.scenario)
        j = c.actor_index["JPN"]
        out[sid] = {
            pol: run_batch(c, SEED, GAMES, {"JPN": pol}).scores[:, j]
            for pol in ("passive", "historical", "greedy")
        }
    return out


def _gap(better: np.ndarray, worse: np.ndarray) -> tuple[float, float]:
    diff = float(better.mean() - worse.mean())
    se = float(
        np.hypot(better.std(ddof=1) / np.sqrt(better.size), worse.std(ddof=1) / np.sqrt(worse.size))
    )
    return diff, se


@pytest.mark.parametrize("scenario", CLASS_SCENARIOS)
def test_passive_japan_does_clearly_worse_than_history(japan_scores, scenario):
    s = japan_scores[scenario]
    diff, se = _gap(s["historical"], s["passive"])
    assert diff > 3 * se and diff >= MIN_GAP, (
        f"{scenario}: historical {s['historical'].mean():.3f} vs passive "
        f"{s['passive'].mean():.3f} (difference {diff:+.3f}, se {se:.4f})"
    )


@pytest.mark.parametrize("scenario", CLASS_SCENARIOS)
def test_a_good_strategy_does_clearly_better_than_history(japan_scores, scenario):
    s = japan_scores[scenario]
    diff, se = _gap(s["greedy"], s["historical"])
    assert diff > 3 * se and diff >= MIN_GAP, (
        f"{scenario}: greedy {s['greedy'].mean():.3f} vs historical "
        f"{s['historical'].mean():.3f} (difference {diff:+.3f}, se {se:.4f})"
    )
