"""The Gymnasium environments for one role against policy-played opponents:

* ``CrossroadsGymEnv``: one game (``gymnasium.Env``);
* ``CrossroadsVectorEnv``: ``num_envs`` games advanced together in one batched engine state
  (``gymnasium.vector.VectorEnv``, gymnasium >= 1.0).

Both are ``Episodes`` over ``Games`` (games.py); docs/rl.md describes spaces, rewards, seeds and
autoreset.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from .common import agent_spaces, first_of, gymnasium, need_extra
from .games import (
    DISABLED,
    NEXT_STEP,
    Episodes,
    Games,
    ScenarioRef,
    check_roles,
    compiled,
    default_role,
)

if gymnasium is not None:
    from gymnasium.vector import AutoresetMode, VectorEnv
    from gymnasium.vector.utils import batch_space

    GymBase: Any = gymnasium.Env
    VectorBase: Any = VectorEnv
else:  # pragma: no cover - without the rl extra the classes exist but refuse to start
    GymBase = VectorBase = object


def _agent(
    scenario: ScenarioRef, role: str | None, opponents: Mapping[str, str] | None, n: int, mode: str
) -> tuple[Episodes, str, int]:
    need_extra()
    c = compiled(scenario)
    role = role or default_role(c)
    check_roles(c, [role])
    seat = c.actor_index[role]
    return Episodes(Games(c, [seat], n, opponents), mode), role, seat


def _game_option(options: dict[str, Any] | None) -> int | None:
    game = (options or {}).get("game")
    return None if game is None else int(game)


class CrossroadsGymEnv(GymBase):  # type: ignore[misc,valid-type]
    """One game: ``role`` plays, every other actor with actions plays its policy (its default,
    or the one named in ``opponents``, e.g. ``{"RUS": "greedy"}``)."""

    metadata = {"render_modes": ["ansi"], "render_fps": 1}

    def __init__(
        self,
        scenario: ScenarioRef,
        role: str | None = None,
        opponents: Mapping[str, str] | None = None,
        render_mode: str | None = None,
    ) -> None:
        self.episodes, self.role, self.seat = _agent(scenario, role, opponents, 1, DISABLED)
        self.games = self.episodes.games
        self.c = self.games.c
        self.observation_space, self.action_space = agent_spaces(self.games, self.seat)
        self.render_mode = render_mode

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """Game 0 of ``seed`` (or game ``options["game"]``); without a seed, the next game."""
        super().reset(seed=seed)
        obs, info = self.episodes.reset(seed, _game_option(options))[self.seat]
        return first_of(obs), first_of(info)

    def step(self, action: Any) -> tuple[dict[str, np.ndarray], float, bool, bool, dict]:
        t = self.episodes.step({self.seat: action})[self.seat]
        return first_of(t.obs), float(t.reward[0]), bool(t.terminated[0]), False, first_of(t.info)

    def action_masks(self) -> np.ndarray:
        """The legal actions now, as booleans (the MaskablePPO convention)."""
        return self.games.mask(self.seat)[0].astype(bool)

    def render(self) -> str | None:
        return "".join(self.games.summaries()) if self.render_mode == "ansi" else None


class CrossroadsVectorEnv(VectorBase):  # type: ignore[misc,valid-type]
    """``num_envs`` games of one scenario in ONE batched engine state; ``role`` plays in all of
    them. Game ``i`` of ``reset(seed=s)`` is game ``i`` of seed ``s``, the same game, step for
    step, as ``CrossroadsGymEnv`` plays after ``reset(seed=s, options={"game": i})``. After an
    autoreset the batch plays games ``num_envs ... 2 * num_envs - 1``, and so on."""

    metadata = {"render_modes": ["ansi"], "render_fps": 1}  # + this env's "autoreset_mode"

    def __init__(
        self,
        scenario: ScenarioRef,
        num_envs: int = 1,
        role: str | None = None,
        opponents: Mapping[str, str] | None = None,
        render_mode: str | None = None,
        autoreset_mode: Any = NEXT_STEP,
    ) -> None:
        need_extra()
        mode = AutoresetMode(autoreset_mode)
        self.episodes, self.role, self.seat = _agent(
            scenario, role, opponents, num_envs, mode.value
        )
        self.games = self.episodes.games
        self.c = self.games.c
        self.num_envs = self.games.n
        self.metadata = {**type(self).metadata, "autoreset_mode": mode}
        self.single_observation_space, self.single_action_space = agent_spaces(
            self.games, self.seat
        )
        self.observation_space = batch_space(self.single_observation_space, self.num_envs)
        self.action_space = batch_space(self.single_action_space, self.num_envs)
        self.render_mode = render_mode

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """Games ``0 ... num_envs - 1`` of ``seed`` (from ``options["game"]`` if given);
        without a seed, the next ``num_envs`` games of the same seed."""
        if seed is not None and not isinstance(seed, int | np.integer):
            raise TypeError(
                "seed must be one int: game i of the batch is game i of that seed "
                f"(got {type(seed).__name__})"
            )
        mask = (options or {}).get("reset_mask")
        if mask is not None and not np.all(mask):
            raise ValueError(
                "the games run in lockstep and all end on the same step: a partial "
                "reset_mask cannot be honoured (reset them all)"
            )
        super().reset(seed=seed)
        return self.episodes.reset(seed, _game_option(options))[self.seat]

    def step(
        self, actions: Any
    ) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
        t = self.episodes.step({self.seat: actions})[self.seat]
        return t.obs, t.reward, t.terminated, t.truncated, t.info

    def action_masks(self) -> np.ndarray:
        """The legal actions now, ``bool[num_envs, n_actions]``."""
        return self.games.mask(self.seat).astype(bool)

    def render(self) -> tuple[str, ...] | None:
        return tuple(self.games.summaries()) if self.render_mode == "ansi" else None


def gym_env(
    scenario: ScenarioRef,
    role: str | None = None,
    opponents: Mapping[str, str] | None = None,
    render_mode: str | None = None,
) -> CrossroadsGymEnv:
    """A Gymnasium environment for ``role`` (default: the first playable role with actions)."""
    return CrossroadsGymEnv(scenario, role, opponents, render_mode)


def vector_env(
    scenario: ScenarioRef,
    num_envs: int,
    role: str | None = None,
    opponents: Mapping[str, str] | None = None,
    autoreset_mode: Any = NEXT_STEP,
) -> CrossroadsVectorEnv:
    """A Gymnasium vector environment: ``num_envs`` games of ``scenario`` in one batch."""
    return CrossroadsVectorEnv(scenario, num_envs, role, opponents, autoreset_mode=autoreset_mode)
