"""Reinforcement-learning adapters over the same batched engine (N = 1 slices).

* ``parallel_env(scenario)``: a PettingZoo **Parallel** environment, one agent per playable role
  that has actions (``parallel_to_aec`` gives the AEC form).
* ``gym_env(scenario, role)``: a Gymnasium environment for one role; every other actor plays a
  policy (its default, or one given by name in ``opponents``).

Both need the ``rl`` extra (``pip install 'crossroads[rl]'``: pettingzoo and gymnasium).

**Steps.** A turn lets every actor take up to ``actions_per_turn`` actions, so one environment
step is one *action slot*: every agent picks one action (0 = pass), and after the last slot of
the turn the engine resolves the turn (computer-played actors choose, everything lands, drift,
events, scores). An episode is ``turns x actions_per_turn`` steps.

**Observations** are ``{"observation": float32 vector in [-1, 1], "action_mask": int8 vector}``.
The vector holds the whole visible world: dependence shares, trust, stability, growth and
autonomy of every state, every actor's resources (squashed with tanh), meters, flags,
memberships, the turn and the slot, and a one-hot of the agent. The mask marks the legal actions
for this slot (affordable with what is left after the earlier slots of the turn, off cooldown,
conditions met); column 0 is "pass" and is always legal. An illegal action is played as a pass
(``info["refused"]`` is then True).

**Rewards** are the change of the role's score (0-1, see docs/engine.md) since the previous step,
so an episode's rewards add up to final score minus starting score. Events that ask for a decision
are decided for the agents by the options' weights (as computer players do).

**Seeds.** ``reset(seed=s)`` starts game 0 of seed ``s``; a ``reset()`` without a seed starts the
next game of the same seed. A game's random numbers depend only on the seed and the game number,
exactly as in the balance lab and in the window.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import numpy as np

from .ai.policies import Policy, default_policy_name
from .engine import core
from .engine.compiler import Compiled, compile_scenario
from .engine.state import State
from .play import choose_actions, option_chooser_for
from .scenario.model import Scenario

try:  # the rl extra
    import gymnasium
    from gymnasium import spaces
except ImportError:  # pragma: no cover - exercised only without the extra
    gymnasium = None  # type: ignore[assignment]
    spaces = None  # type: ignore[assignment]

try:
    from pettingzoo import ParallelEnv
except ImportError:  # pragma: no cover
    ParallelEnv = object  # type: ignore[assignment,misc]


def _need(pkg: Any, name: str) -> None:
    if pkg is None:
        raise ImportError(f"this needs {name}: install the rl extra, pip install 'crossroads[rl]'")


def _compiled(scenario: str | os.PathLike[str] | Scenario | Compiled) -> Compiled:
    if isinstance(scenario, Compiled):
        return scenario
    if isinstance(scenario, Scenario):
        return compile_scenario(scenario)
    from .scenario.loader import load_scenario

    res = load_scenario(scenario)
    if res.scenario is None or res.errors:
        msg = "; ".join(d.message for d in res.errors[:3]) or "unknown error"
        raise ValueError(f"cannot load scenario '{scenario}': {msg}")
    return compile_scenario(res.scenario)


class _Game:
    """One game (N = 1) played slot by slot by some seats, the others by policies."""

    def __init__(
        self, c: Compiled, agent_seats: list[int], opponents: Mapping[str, str] | None = None
    ) -> None:
        from .play.rollout import make_balance_policy

        self.c = c
        self.agent_seats = agent_seats
        names = dict(opponents or {})
        self.others: dict[int, Policy] = {}
        for s in c.seats_with_choices:
            if s in agent_seats:
                continue
            actor = c.actor_ids[s]
            self.others[s] = make_balance_policy(names.get(actor, default_policy_name(c, s)), c, s)
        self.chooser = option_chooser_for(c, names)
        self.n_choices = {s: len(c.seat_choices[s]) for s in range(len(c.actor_ids))}
        L = c.layout
        self.res_scale = np.where(c.res_max < 1e6, np.maximum(c.res_max, 1.0), 100.0)
        self.meter_span = np.maximum(c.meter_max - c.meter_min, 1e-9)
        self.obs_size = (
            L.S * L.D * L.K + L.S * L.P + 3 * L.S + L.A * L.R + L.M + L.F + L.O * L.A + 2 + L.A
        )
        self.seed = 0
        self.game = 0
        self.p = core.default_params(c, 1)
        self.st: State | None = None

    def reset(self, seed: int | None) -> None:
        if seed is not None:
            self.seed, self.game = int(seed), 0
        elif self.st is not None:
            self.game += 1
        self.st = core.init(self.c, self.seed, 1, self.game, params=self.p)
        self._new_turn()

    def _new_turn(self) -> None:
        c = self.c
        self.slot = 0
        self.acts = np.zeros((1, c.layout.A, c.M_slots), dtype=np.int64)
        self.res = self.st.res.copy()
        self.cool = self.st.cooldown.copy()

    @property
    def over(self) -> bool:
        return bool(self.st.terminated[0])

    def score(self, seat: int) -> float:
        return float(self.st.score[0, seat])

    def mask(self, seat: int) -> np.ndarray:
        k = 1 + self.n_choices[seat]
        if self.over:
            m = np.zeros(k, dtype=np.int8)
            m[0] = 1
            return m
        full = core.legal_mask(self.c, self.st, seat, res=self.res, cooldown=self.cool)[0]
        return full[:k].astype(np.int8)

    def observation(self, seat: int) -> np.ndarray:
        st, c, L = self.st, self.c, self.c.layout
        parts = [
            st.dep[0].ravel(),
            st.trust[0].ravel() / 100.0,
            st.stability[0] / 100.0,
            np.clip(st.growth[0] / 30.0, -1, 1),
            st.autonomy[0] / 100.0,
            np.tanh(self.res[0] / self.res_scale[None, :]).ravel(),
            (st.meters[0] - c.meter_min) / self.meter_span,
            st.flags[0].astype(np.float64),
            st.member[0].astype(np.float64).ravel(),
            [min(1.0, st.turn[0] / max(1, c.n_turns)), self.slot / max(1, c.M_slots)],
            np.eye(L.A)[seat],
        ]
        v = np.concatenate([np.asarray(x, dtype=np.float64).ravel() for x in parts])
        return np.clip(v, -1.0, 1.0).astype(np.float32)

    def play(self, seat: int, action: int) -> bool:
        """Record ``seat``'s action for this slot; False (a pass) when it is not legal."""
        a = int(action)
        if a == 0:
            return True
        m = self.mask(seat)
        if not (0 < a < m.size and m[a]):
            return False
        c, t = self.c, int(self.st.turn[0])
        self.acts[0, seat, self.slot] = a
        core.charge_choices(c, self.res, self.cool, seat, np.array([a]), t)
        return True

    def end_slot(self) -> bool:
        """Move to the next slot; after the last one, resolve the turn (True then)."""
        self.slot += 1
        if self.slot < self.c.M_slots:
            return False
        c, st = self.c, self.st
        avail = core.availability(c, st)  # once for the turn: the others' masks and the checks
        acts = choose_actions(c, st, self.p, self.others, fixed=self.acts, avail=avail)
        core.step(c, st, self.p, acts, option_chooser=self.chooser, avail=avail)
        self._new_turn()
        return True

    def summary(self) -> str:
        c = self.c
        year = c.scenario.calendar.date_of_turn(min(int(self.st.turn[0]), c.n_turns - 1))
        scores = ", ".join(f"{c.actor_ids[r]} {self.st.score[0, r]:.3f}" for r in c.roles)
        return f"turn {int(self.st.turn[0])}/{c.n_turns} ({year}), slot {self.slot}: {scores}"


def _spaces(g: _Game, seat: int) -> tuple[Any, Any]:
    obs = spaces.Dict(
        {
            "observation": spaces.Box(-1.0, 1.0, (g.obs_size,), dtype=np.float32),
            "action_mask": spaces.Box(0, 1, (1 + g.n_choices[seat],), dtype=np.int8),
        }
    )
    return obs, spaces.Discrete(1 + g.n_choices[seat])


# ------------------------------------------------------------------------------------------------
class CrossroadsParallelEnv(ParallelEnv):  # type: ignore[misc]
    """PettingZoo Parallel environment: one agent per playable role with actions."""

    metadata = {"name": "crossroads_v0", "render_modes": ["ansi"], "is_parallelizable": True}

    def __init__(
        self,
        scenario: str | os.PathLike[str] | Scenario | Compiled,
        roles: list[str] | None = None,
        opponents: Mapping[str, str] | None = None,
        render_mode: str | None = None,
    ) -> None:
        _need(gymnasium, "gymnasium")
        c = _compiled(scenario)
        with_actions = {c.actor_ids[s] for s in c.seats_with_choices}
        if roles is None:
            roles = [r for r in c.scenario.playable_roles if r in with_actions]
        bad = [r for r in roles if r not in with_actions]
        if bad or not roles:
            raise ValueError(
                f"no such role with actions: {', '.join(bad) or '(none)'}; "
                f"choose from {', '.join(sorted(with_actions))}"
            )
        self.c = c
        self.possible_agents = list(roles)
        self.agents: list[str] = []
        self._seat = {a: c.actor_index[a] for a in roles}
        self._g = _Game(c, [self._seat[a] for a in roles], opponents)
        self._spaces = {a: _spaces(self._g, self._seat[a]) for a in roles}
        self.render_mode = render_mode
        self._last: dict[str, float] = {}

    def observation_space(self, agent: str) -> Any:
        return self._spaces[agent][0]

    def action_space(self, agent: str) -> Any:
        return self._spaces[agent][1]

    def _obs(self, agent: str) -> dict[str, np.ndarray]:
        s = self._seat[agent]
        return {"observation": self._g.observation(s), "action_mask": self._g.mask(s)}

    def _info(self, agent: str, refused: bool = False) -> dict[str, Any]:
        g = self._g
        return {
            "turn": int(g.st.turn[0]),
            "slot": g.slot,
            "score": g.score(self._seat[agent]),
            "refused": refused,
        }

    def reset(
        self, seed: int | None = None, options: dict | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        self._g.reset(seed)
        self.agents = list(self.possible_agents)
        self._last = {a: self._g.score(self._seat[a]) for a in self.agents}
        return ({a: self._obs(a) for a in self.agents}, {a: self._info(a) for a in self.agents})

    def step(self, actions: Mapping[str, Any]) -> tuple[dict, dict, dict, dict, dict]:
        g = self._g
        refused = {}
        for a in self.agents:
            refused[a] = not g.play(self._seat[a], int(actions.get(a, 0)))
        g.end_slot()
        done = g.over
        obs, rew, term, trunc, info = {}, {}, {}, {}, {}
        for a in self.agents:
            now = g.score(self._seat[a])
            rew[a] = float(now - self._last[a])
            self._last[a] = now
            obs[a] = self._obs(a)
            term[a] = done
            trunc[a] = False
            info[a] = self._info(a, refused[a])
        if done:
            self.agents = []
        return obs, rew, term, trunc, info

    def render(self) -> str | None:
        if self.render_mode == "ansi":
            return self._g.summary() if self._g.st is not None else ""
        return None

    def close(self) -> None:
        pass

    def state(self) -> np.ndarray:
        """The global state vector (the observation without the agent one-hot)."""
        v = self._g.observation(self._seat[self.possible_agents[0]])
        return v[: -self.c.layout.A]


def parallel_env(
    scenario: str | os.PathLike[str] | Scenario | Compiled,
    roles: list[str] | None = None,
    opponents: Mapping[str, str] | None = None,
    render_mode: str | None = None,
) -> CrossroadsParallelEnv:
    """A PettingZoo Parallel environment over ``scenario`` (an id, a path, or a Scenario)."""
    _need(gymnasium, "gymnasium")
    return CrossroadsParallelEnv(scenario, roles, opponents, render_mode)


# ------------------------------------------------------------------------------------------------
_GymBase: Any = gymnasium.Env if gymnasium is not None else object


class CrossroadsGymEnv(_GymBase):  # type: ignore[misc,valid-type]
    """Gymnasium environment: one role against policy opponents."""

    metadata = {"render_modes": ["ansi"]}

    def __init__(
        self,
        scenario: str | os.PathLike[str] | Scenario | Compiled,
        role: str | None = None,
        opponents: Mapping[str, str] | None = None,
        render_mode: str | None = None,
    ) -> None:
        _need(gymnasium, "gymnasium")
        c = _compiled(scenario)
        with_actions = [c.actor_ids[s] for s in c.seats_with_choices]
        if role is None:
            cands = [r for r in c.scenario.playable_roles if r in with_actions]
            if not cands:
                raise ValueError("the scenario has no playable role with actions")
            role = cands[0]
        if role not in with_actions:
            raise ValueError(f"{role} has no actions; choose from {', '.join(with_actions)}")
        self.c, self.role = c, role
        self.seat = c.actor_index[role]
        self._g = _Game(c, [self.seat], opponents)
        self.observation_space, self.action_space = _spaces(self._g, self.seat)
        self.render_mode = render_mode
        self._last = 0.0

    def _obs(self) -> dict[str, np.ndarray]:
        return {
            "observation": self._g.observation(self.seat),
            "action_mask": self._g.mask(self.seat),
        }

    def _info(self, refused: bool = False) -> dict[str, Any]:
        g = self._g
        return {
            "turn": int(g.st.turn[0]),
            "slot": g.slot,
            "score": g.score(self.seat),
            "refused": refused,
            "action_mask": g.mask(self.seat),
        }

    def action_masks(self) -> np.ndarray:
        """The legal actions now, as booleans (the MaskablePPO convention)."""
        return self._g.mask(self.seat).astype(bool)

    def reset(
        self, *, seed: int | None = None, options: dict | None = None
    ) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        super().reset(seed=seed)
        self._g.reset(seed)
        self._last = self._g.score(self.seat)
        return self._obs(), self._info()

    def step(self, action: Any) -> tuple[dict[str, np.ndarray], float, bool, bool, dict]:
        g = self._g
        if g.over:
            raise RuntimeError("the game is over: call reset()")
        ok = g.play(self.seat, int(action))
        g.end_slot()
        now = g.score(self.seat)
        reward = float(now - self._last)
        self._last = now
        return self._obs(), reward, g.over, False, self._info(not ok)

    def render(self) -> str | None:
        if self.render_mode == "ansi":
            return self._g.summary() if self._g.st is not None else ""
        return None


def gym_env(
    scenario: str | os.PathLike[str] | Scenario | Compiled,
    role: str | None = None,
    opponents: Mapping[str, str] | None = None,
    render_mode: str | None = None,
) -> CrossroadsGymEnv:
    """A Gymnasium environment for ``role`` (default: the first playable role with actions)."""
    _need(gymnasium, "gymnasium")
    return CrossroadsGymEnv(scenario, role, opponents, render_mode)


__all__ = ["parallel_env", "gym_env", "CrossroadsParallelEnv", "CrossroadsGymEnv"]
