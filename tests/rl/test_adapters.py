"""The RL adapters (the ``rl`` extra): PettingZoo Parallel and Gymnasium environments over the
same engine, checked with the libraries' own API checkers."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("gymnasium")
pytest.importorskip("pettingzoo")

from gymnasium.utils.env_checker import check_env  # noqa: E402
from pettingzoo.test import api_test, parallel_api_test, parallel_seed_test  # noqa: E402
from pettingzoo.utils.conversions import parallel_to_aec  # noqa: E402

from game.rl import gym_env, parallel_env  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def _class_scenario() -> Path | None:
    p = ROOT / "scenarios" / "class_war_corridor.yaml"
    return p if p.is_file() else None


def test_parallel_env_passes_the_pettingzoo_api_test():
    env = parallel_env(MINI)
    assert env.possible_agents == ["JPN", "RUS"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parallel_api_test(env, num_cycles=100)


def test_parallel_env_is_seeded():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parallel_seed_test(lambda: parallel_env(MINI))


def test_parallel_env_converts_to_aec():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        api_test(parallel_to_aec(parallel_env(MINI)), num_cycles=50)


def test_gym_env_passes_the_gymnasium_checker():
    env = gym_env(MINI, "JPN")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_env(env, skip_render_check=True)


def test_episode_rewards_add_up_to_the_score_change_and_masks_hold():
    env = gym_env(MINI, "RUS", opponents={"JPN": "greedy"})
    obs, info = env.reset(seed=4)
    start = info["score"]
    total, steps, done = 0.0, 0, False
    while not done:
        mask = obs["action_mask"]
        assert mask[0] == 1 and env.observation_space.contains(obs)
        legal = np.nonzero(mask)[0]
        obs, r, done, trunc, info = env.step(int(legal[-1]))
        assert not info["refused"] and not trunc
        total += r
        steps += 1
    c = env.c
    assert steps == c.n_turns * c.M_slots
    assert total == pytest.approx(info["score"] - start)


def test_an_illegal_action_is_a_pass():
    env = gym_env(MINI, "JPN")
    obs, _ = env.reset(seed=1)
    done = False
    while not done:
        illegal = np.nonzero(obs["action_mask"] == 0)[0]
        if illegal.size:
            _, _, _, _, info = env.step(int(illegal[0]))
            assert info["refused"]
            return
        obs, _, done, _, _ = env.step(int(np.nonzero(obs["action_mask"])[0][-1]))
    pytest.fail("no action was ever illegal")  # spending always makes something unaffordable


def test_same_seed_same_game_as_the_batched_engine():
    """An episode where every agent passes is the batch runner's game with passive roles."""
    from game.play import run_batch

    env = parallel_env(MINI)
    env.reset(seed=9)
    while env.agents:
        env.step({a: 0 for a in env.agents})
    batch = run_batch(env.c, 9, 1, {"JPN": "passive", "RUS": "passive"})
    assert env.games.state.hash(0) == batch.state.hash(0)


@pytest.mark.skipif(_class_scenario() is None, reason="class scenario not shipped")
def test_class_scenario_parallel_env_with_three_roles():
    env = parallel_env(_class_scenario())
    assert len(env.possible_agents) >= 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parallel_api_test(env, num_cycles=30)
