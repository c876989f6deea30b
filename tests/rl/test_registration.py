"""Gymnasium ids: ``import game.rl`` registers ``crossroads/<scenario>-v0`` for every installed
scenario, so ``gymnasium.make`` and ``gymnasium.make_vec`` build the environments with a spec."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

gymnasium = pytest.importorskip("gymnasium")
pytest.importorskip("pettingzoo")

from gymnasium.utils.env_checker import check_env  # noqa: E402

import game.rl  # noqa: E402
from game.rl import CrossroadsGymEnv, CrossroadsVectorEnv  # noqa: E402
from game.scenario.loader import installed_ids  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ABE = "crossroads/class_abe_belt_road-v0"


def test_every_installed_scenario_has_an_id():
    assert set(game.rl.ENV_IDS) == {f"crossroads/{s}-v0" for s in installed_ids()}
    assert all(i in gymnasium.registry for i in game.rl.ENV_IDS)
    assert game.rl.register_envs() == game.rl.ENV_IDS  # again: nothing changes


def test_make_builds_the_first_playable_role_with_a_spec():
    env = gymnasium.make(ABE)
    assert isinstance(env.unwrapped, CrossroadsGymEnv)
    assert env.unwrapped.role == "JPN"
    assert env.spec.id == ABE
    obs, info = env.reset(seed=3)
    assert env.observation_space.contains(obs)
    env.step(0)


def test_make_takes_the_role_and_passes_the_checker():
    env = gymnasium.make(ABE, role="CHN", opponents={"JPN": "greedy"})
    assert env.unwrapped.role == "CHN"
    assert env.spec.kwargs["role"] == "CHN"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_env(env.unwrapped, skip_render_check=True)


def test_make_vec_builds_the_batched_env():
    venv = gymnasium.make_vec(ABE, num_envs=64, vectorization_mode="vector_entry_point")
    assert isinstance(venv, CrossroadsVectorEnv)
    assert venv.num_envs == 64 and venv.games.n == 64  # one batched engine state
    assert venv.spec.id == ABE and venv.spec.kwargs["num_envs"] == 64
    obs, info = venv.reset(seed=0)
    assert obs["observation"].shape == (64, venv.single_observation_space["observation"].shape[0])
    # without a mode Gymnasium also picks the vector entry point
    venv2 = gymnasium.make_vec(ABE, num_envs=8, role="CHN")
    assert isinstance(venv2, CrossroadsVectorEnv) and venv2.role == "CHN"


def test_make_vec_sync_mode_gives_the_same_first_game():
    """``sync`` stacks single envs (seeds s, s+1, ...): its first game is game 0 of seed s."""
    sync = gymnasium.make_vec(ABE, num_envs=2, vectorization_mode="sync")
    ours = gymnasium.make_vec(ABE, num_envs=2, vectorization_mode="vector_entry_point")
    a, _ = sync.reset(seed=5)
    b, _ = ours.reset(seed=5)
    assert np.array_equal(a["observation"][0], b["observation"][0])


def test_the_module_prefix_makes_it_work_without_importing_game_rl_first():
    code = (
        "import gymnasium as gym\n"
        "env = gym.make('game.rl:crossroads/class_abe_belt_road-v0')\n"
        "print(env.spec.id, env.unwrapped.role)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["crossroads/class_abe_belt_road-v0", "JPN"]


def test_ansi_render_says_the_turn_and_scores():
    env = gymnasium.make(ABE, render_mode="ansi")
    env.reset(seed=0)
    assert env.render().startswith("turn 0/9 (2013), slot 0: JPN ")
    venv = gymnasium.make_vec(ABE, num_envs=3, render_mode="ansi")
    assert venv.render() == ()  # before the first reset
    venv.reset(seed=0)
    assert len(venv.render()) == 3
