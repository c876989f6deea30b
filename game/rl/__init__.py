"""Reinforcement-learning environments over the batched engine (the ``rl`` extra:
``pip install 'crossroads[rl]'``, which adds gymnasium and pettingzoo). docs/rl.md has the
details and a training example.

* ``gym_env(scenario, role)``: Gymnasium, one game, one role against policy opponents;
* ``vector_env(scenario, num_envs, role)``: Gymnasium ``VectorEnv``, ``num_envs`` games in ONE
  batched engine state (game ``i`` of seed ``s`` is the single env's game ``i`` of seed ``s``);
* ``parallel_env(scenario)``: PettingZoo Parallel, one agent per playable role with actions;
* ``parallel_vector_env(scenario, num_envs)``: the same agents over ``num_envs`` batched games.

Importing this package registers ``crossroads/<scenario id>-v0`` for every installed scenario,
so ``gymnasium.make("crossroads/class_abe_belt_road-v0", role="CHN")`` and
``gymnasium.make_vec("crossroads/class_abe_belt_road-v0", num_envs=1024,
vectorization_mode="vector_entry_point")`` work (``registration.py`` says why an import is
needed).

One step is one action slot of a turn; observations are ``{"observation": float32[D] in
[-1, 1], "action_mask": int8[K]}`` (0 = pass, always legal; an illegal action is a pass); the
reward is the change of the role's score, so an episode's rewards add up to the final score
minus the starting one.
"""

from __future__ import annotations

from .games import Episodes, Games
from .gym_envs import CrossroadsGymEnv, CrossroadsVectorEnv, gym_env, vector_env
from .parallel_envs import (
    CrossroadsParallelEnv,
    CrossroadsParallelVectorEnv,
    parallel_env,
    parallel_vector_env,
)
from .registration import env_id, register_envs

ENV_IDS = register_envs()

__all__ = [
    "ENV_IDS",
    "CrossroadsGymEnv",
    "CrossroadsParallelEnv",
    "CrossroadsParallelVectorEnv",
    "CrossroadsVectorEnv",
    "Episodes",
    "Games",
    "env_id",
    "gym_env",
    "parallel_env",
    "parallel_vector_env",
    "register_envs",
    "vector_env",
]
