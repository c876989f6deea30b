"""The multi-agent environments: one agent per playable role with actions, every other actor
with actions on a policy.

* ``CrossroadsParallelEnv``: one game, a PettingZoo **Parallel** environment
  (``parallel_to_aec`` gives the AEC form);
* ``CrossroadsParallelVectorEnv``: ``num_envs`` games in one batched engine state, with the
  Parallel API's dictionaries (per agent) holding Gymnasium vector batches (per game). PettingZoo
  has no vector API of its own; this one follows ``gymnasium.vector.VectorEnv`` for each agent
  (batched spaces, ``single_*`` spaces, the same autoreset modes).

Both are ``Episodes`` over ``Games`` (games.py); docs/rl.md describes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from .common import agent_spaces, first_of, need_extra
from .games import (
    DISABLED,
    NEXT_STEP,
    Episodes,
    Games,
    ScenarioRef,
    check_roles,
    compiled,
    roles_with_actions,
)

try:
    from pettingzoo import ParallelEnv
except ImportError:  # pragma: no cover - exercised only without the extra
    ParallelEnv = object  # type: ignore[assignment,misc]


class _MultiAgent:
    """The agents' names and seats over one ``Episodes`` (shared by both environments)."""

    def _start(
        self,
        scenario: ScenarioRef,
        roles: list[str] | None,
        opponents: Mapping[str, str] | None,
        n: int,
        mode: str,
    ) -> None:
        need_extra()
        c = compiled(scenario)
        roles = list(roles) if roles is not None else roles_with_actions(c)
        check_roles(c, roles)
        self.c = c
        self.possible_agents = list(roles)
        self.agents: list[str] = []
        self.seats = {a: c.actor_index[a] for a in roles}
        self.episodes = Episodes(Games(c, list(self.seats.values()), n, opponents), mode)
        self.games = self.episodes.games
        self.spaces = {a: agent_spaces(self.games, s) for a, s in self.seats.items()}

    def _reset(self, seed: int | None, options: dict[str, Any] | None) -> tuple[dict, dict]:
        game = (options or {}).get("game")
        first = self.episodes.reset(seed, None if game is None else int(game))
        self.agents = list(self.possible_agents)
        return (
            {a: first[s][0] for a, s in self.seats.items()},
            {a: first[s][1] for a, s in self.seats.items()},
        )

    def _step(self, actions: Mapping[str, Any]) -> tuple[dict, dict, dict, dict, dict]:
        unknown = set(actions) - set(self.seats)
        if unknown:
            raise ValueError(f"no such agent: {', '.join(sorted(unknown))}")
        out = self.episodes.step({self.seats[a]: v for a, v in actions.items()})
        res = {a: out[s] for a, s in self.seats.items()}
        return (
            {a: t.obs for a, t in res.items()},
            {a: t.reward for a, t in res.items()},
            {a: t.terminated for a, t in res.items()},
            {a: t.truncated for a, t in res.items()},
            {a: t.info for a, t in res.items()},
        )

    def _state(self) -> np.ndarray:
        """The global state vectors ``float32[N, ...]``: the observation without the one-hot."""
        first = self.seats[self.possible_agents[0]]
        return self.games.observation(first)[:, : -self.c.layout.A]


class CrossroadsParallelEnv(_MultiAgent, ParallelEnv):  # type: ignore[misc]
    """PettingZoo Parallel environment, one game: one agent per role in ``roles`` (default: the
    playable roles with actions)."""

    metadata = {"name": "crossroads_v0", "render_modes": ["ansi"], "is_parallelizable": True}

    def __init__(
        self,
        scenario: ScenarioRef,
        roles: list[str] | None = None,
        opponents: Mapping[str, str] | None = None,
        render_mode: str | None = None,
    ) -> None:
        self._start(scenario, roles, opponents, 1, DISABLED)
        self.render_mode = render_mode

    def observation_space(self, agent: str) -> Any:
        return self.spaces[agent][0]

    def action_space(self, agent: str) -> Any:
        return self.spaces[agent][1]

    def reset(
        self, seed: int | None = None, options: dict | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        obs, infos = self._reset(seed, options)
        return {a: first_of(o) for a, o in obs.items()}, {a: first_of(i) for a, i in infos.items()}

    def step(self, actions: Mapping[str, Any]) -> tuple[dict, dict, dict, dict, dict]:
        live = {a: v for a, v in actions.items() if a in self.agents}
        obs, rew, term, trunc, info = self._step(live)
        out = (
            {a: first_of(o) for a, o in obs.items()},
            {a: float(r[0]) for a, r in rew.items()},
            {a: bool(t[0]) for a, t in term.items()},
            {a: bool(t[0]) for a, t in trunc.items()},
            {a: first_of(i) for a, i in info.items()},
        )
        if self.games.over:
            self.agents = []
        return out

    def render(self) -> str | None:
        return "".join(self.games.summaries()) if self.render_mode == "ansi" else None

    def close(self) -> None:
        pass

    def state(self) -> np.ndarray:
        """The global state vector (the observation without the agent one-hot)."""
        return self._state()[0]


class CrossroadsParallelVectorEnv(_MultiAgent):
    """``num_envs`` games in one batched engine state, every role in ``roles`` an agent in all
    of them. ``reset``/``step`` take and return the Parallel API's per-agent dictionaries; each
    value is a batch over the games (``int[num_envs]`` actions, ``float64[num_envs]`` rewards,
    ``{"observation": float32[num_envs, D], "action_mask": int8[num_envs, K]}``). Seeds and
    autoreset follow ``CrossroadsVectorEnv``; ``agents`` always lists every agent."""

    metadata: dict[str, Any] = {"name": "crossroads_vector_v0", "render_modes": ["ansi"]}

    def __init__(
        self,
        scenario: ScenarioRef,
        num_envs: int = 1,
        roles: list[str] | None = None,
        opponents: Mapping[str, str] | None = None,
        render_mode: str | None = None,
        autoreset_mode: Any = NEXT_STEP,
    ) -> None:
        need_extra()
        from gymnasium.vector import AutoresetMode
        from gymnasium.vector.utils import batch_space

        mode = AutoresetMode(autoreset_mode)
        self._start(scenario, roles, opponents, num_envs, mode.value)
        self.num_envs = self.games.n
        self.metadata = {**type(self).metadata, "autoreset_mode": mode}
        self.batched = {
            a: (batch_space(o, self.num_envs), batch_space(s, self.num_envs))
            for a, (o, s) in self.spaces.items()
        }
        self.render_mode = render_mode

    def single_observation_space(self, agent: str) -> Any:
        return self.spaces[agent][0]

    def single_action_space(self, agent: str) -> Any:
        return self.spaces[agent][1]

    def observation_space(self, agent: str) -> Any:
        return self.batched[agent][0]

    def action_space(self, agent: str) -> Any:
        return self.batched[agent][1]

    def reset(
        self, seed: int | None = None, options: dict | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        return self._reset(seed, options)

    def step(self, actions: Mapping[str, Any]) -> tuple[dict, dict, dict, dict, dict]:
        return self._step(actions)

    def state(self) -> np.ndarray:
        """The global state vectors, ``float32[num_envs, D - A]``."""
        return self._state()

    def render(self) -> tuple[str, ...] | None:
        return tuple(self.games.summaries()) if self.render_mode == "ansi" else None

    def close(self) -> None:
        pass


def parallel_env(
    scenario: ScenarioRef,
    roles: list[str] | None = None,
    opponents: Mapping[str, str] | None = None,
    render_mode: str | None = None,
) -> CrossroadsParallelEnv:
    """A PettingZoo Parallel environment over ``scenario`` (an id, a path, or a Scenario)."""
    return CrossroadsParallelEnv(scenario, roles, opponents, render_mode)


def parallel_vector_env(
    scenario: ScenarioRef,
    num_envs: int,
    roles: list[str] | None = None,
    opponents: Mapping[str, str] | None = None,
    autoreset_mode: Any = NEXT_STEP,
) -> CrossroadsParallelVectorEnv:
    """``num_envs`` games of ``scenario`` with every role in ``roles`` as an agent, batched."""
    return CrossroadsParallelVectorEnv(
        scenario, num_envs, roles, opponents, autoreset_mode=autoreset_mode
    )


__all__ = [
    "CrossroadsParallelEnv",
    "CrossroadsParallelVectorEnv",
    "parallel_env",
    "parallel_vector_env",
]
