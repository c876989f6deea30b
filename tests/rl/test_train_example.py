"""The training example of docs/rl.md: numpy-only REINFORCE on the vector environment learns a
policy that beats random play on held-out games (the short run is in the slow tier:
``pytest -m slow``; the default run only checks that an update runs and changes the policy)."""

from __future__ import annotations

import re

import numpy as np
import pytest

pytest.importorskip("gymnasium")
pytest.importorskip("pettingzoo")

from game.rl import train_example  # noqa: E402


def test_one_training_iteration_runs_and_moves_the_policy():
    pol, curve = train_example.train(num_envs=8, iterations=2)
    assert len(curve) == 2 and all(0.0 <= s <= 1.0 for s in curve)
    assert np.abs(pol.W).sum() > 0 and np.isfinite(pol.W).all()


@pytest.mark.slow
def test_the_quick_example_beats_random_play(capsys):
    assert train_example.main(["--quick"]) == 0
    out = capsys.readouterr().out
    held_out = {
        name.strip(): float(mean)
        for name, mean in re.findall(r"^  (.+?)\s+(\d\.\d+) ± \d\.\d+$", out, re.M)
    }
    assert set(held_out) == {
        "uniform legal (untrained)",
        "random policy",
        "trained",
        "greedy lookahead (engine)",
    }
    # 500 held-out games: the standard errors are about 0.004, the gap about 0.3
    assert held_out["trained"] > held_out["random policy"] + 0.1
    curve = [float(x) for x in re.findall(r"mean final score (\d\.\d+)", out)]
    assert curve[-1] > curve[0] + 0.1
