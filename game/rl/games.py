"""The batch of games every RL environment steps: N games in ONE batched engine state, played
one action slot at a time by the agents' seats, every other seat on a policy.

``Games`` is the only place that turns agents' actions into engine calls; the Gymnasium and
PettingZoo environments (single or vectorised) only shape its arrays into their APIs. The single
environments are ``Games`` with N = 1, so a vector environment's game ``i`` is, step for step, the
single environment's game ``i`` of the same seed: both run the same code on the same engine, and
the engine's random numbers depend only on the seed and the game's global index (engine/rng.py).

All N games start together and an episode always lasts ``turns x actions_per_turn`` steps, so the
games stay in lockstep (the engine advances a batch only when all its games are on the same turn).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..ai.policies import Policy, default_policy_name
from ..engine import core
from ..engine.compiler import Compiled, compile_scenario
from ..engine.state import State
from ..play import choose_actions, option_chooser_for
from ..play.rollout import make_balance_policy
from ..scenario.model import Scenario

ScenarioRef = str | os.PathLike[str] | Scenario | Compiled

# the values of gymnasium.vector.AutoresetMode (this module does not need gymnasium)
NEXT_STEP, SAME_STEP, DISABLED = "NextStep", "SameStep", "Disabled"
AUTORESET_MODES = (NEXT_STEP, SAME_STEP, DISABLED)


def compiled(scenario: ScenarioRef) -> Compiled:
    """A compiled scenario from an installed id, a path, a ``Scenario`` or a ``Compiled``."""
    if isinstance(scenario, Compiled):
        return scenario
    if isinstance(scenario, Scenario):
        return compile_scenario(scenario)
    from ..scenario.loader import load_scenario

    res = load_scenario(scenario)
    if res.scenario is None or res.errors:
        msg = "; ".join(d.message for d in res.errors[:3]) or "unknown error"
        raise ValueError(f"cannot load scenario '{scenario}': {msg}")
    return compile_scenario(res.scenario)


def roles_with_actions(c: Compiled) -> list[str]:
    """The playable roles that have actions, in the scenario's order (the possible agents)."""
    with_actions = {c.actor_ids[s] for s in c.seats_with_choices}
    return [r for r in c.scenario.playable_roles if r in with_actions]


def check_roles(c: Compiled, roles: list[str]) -> None:
    """Raise ``ValueError`` naming the choices when a role cannot be an agent."""
    with_actions = [c.actor_ids[s] for s in c.seats_with_choices]
    bad = [r for r in roles if r not in with_actions]
    if bad or not roles:
        raise ValueError(
            f"no such role with actions: {', '.join(bad) or '(none)'}; "
            f"choose from {', '.join(with_actions)}"
        )


def default_role(c: Compiled) -> str:
    """The first playable role with actions (what ``gymnasium.make`` plays without ``role=``)."""
    cands = roles_with_actions(c)
    if not cands:
        raise ValueError("the scenario has no playable role with actions")
    return cands[0]


class Games:
    """N games played slot by slot: ``agent_seats`` by the caller, the other seats with actions
    by policies (their defaults, or names given in ``opponents`` by actor id)."""

    def __init__(
        self,
        c: Compiled,
        agent_seats: list[int],
        n: int = 1,
        opponents: Mapping[str, str] | None = None,
    ) -> None:
        if n < 1:
            raise ValueError(f"the number of games must be at least 1, not {n}")
        names = dict(opponents or {})
        self.c, self.n, self.agent_seats = c, int(n), list(agent_seats)
        self.others: dict[int, Policy] = {
            s: make_balance_policy(names.get(c.actor_ids[s], default_policy_name(c, s)), c, s)
            for s in c.seats_with_choices
            if s not in agent_seats
        }
        self.chooser = option_chooser_for(c, names)
        self.n_actions = {s: 1 + len(c.seat_choices[s]) for s in range(len(c.actor_ids))}
        L = c.layout
        self.res_scale = np.where(c.res_max < 1e6, np.maximum(c.res_max, 1.0), 100.0)
        self.meter_span = np.maximum(c.meter_max - c.meter_min, 1e-9)
        self.obs_size = (
            L.S * L.D * L.K + L.S * L.P + 3 * L.S + L.A * L.R + L.M + L.F + L.O * L.A + 2 + L.A
        )
        self.one_hot = np.eye(L.A)
        self.p = core.default_params(c, self.n)
        self.seed = 0
        self.first_game = 0  # global index of game 0 of the batch
        self.st: State | None = None
        self.last: dict[int, np.ndarray] = {}

    # -- episodes ---------------------------------------------------------------------------
    def reset(self, seed: int | None = None, game: int | None = None) -> None:
        """Start N fresh games: games ``game ... game + N - 1`` of ``seed``. Without ``seed`` the
        seed stays; without ``game``, a new seed starts at game 0 and the same seed continues
        with the N games after the previous ones (so no game is ever played twice)."""
        if seed is not None:
            self.seed, self.first_game = int(seed), 0
        elif self.st is not None:
            self.first_game += self.n
        if game is not None:
            if int(game) < 0:
                raise ValueError(f"a game number is 0 or more, not {game}")
            self.first_game = int(game)
        self.st = core.init(self.c, self.seed, self.n, self.first_game, params=self.p)
        self.last = {s: self.st.score[:, s].copy() for s in self.agent_seats}
        self._new_turn()

    def _new_turn(self) -> None:
        st = self.state
        self.slot = 0
        self.acts = np.zeros((self.n, self.c.layout.A, self.c.M_slots), dtype=np.int64)
        self.res = st.res.copy()  # the running budget: what the earlier slots left
        self.cool = st.cooldown.copy()
        self.avail = core.availability(self.c, st)  # conditions are read as the turn opens
        self.masks: dict[int, np.ndarray] = {}

    @property
    def state(self) -> State:
        if self.st is None:
            raise RuntimeError("call reset() first")
        return self.st

    @property
    def over(self) -> bool:
        """The games have reached their last turn (all together: they run in lockstep)."""
        return bool(self.state.terminated.all())

    # -- what an agent sees -----------------------------------------------------------------
    def mask(self, seat: int) -> np.ndarray:
        """``int8[N, 1 + W]``: the legal actions of ``seat`` in this slot (0 = pass, always legal;
        only pass once the games are over)."""
        m = self.masks.get(seat)
        if m is None:
            full = core.legal_mask(
                self.c, self.state, seat, res=self.res, cooldown=self.cool, avail=self.avail
            )
            m = self.masks[seat] = full[:, : self.n_actions[seat]].astype(np.int8)
        return m

    def observation(self, seat: int) -> np.ndarray:
        """``float32[N, obs_size]`` in [-1, 1]: the visible world and the agent's one-hot."""
        st, c, n = self.state, self.c, self.n
        frac_turn = np.minimum(1.0, st.turn / max(1, c.n_turns))
        parts = [
            st.dep.reshape(n, -1),
            st.trust.reshape(n, -1) / 100.0,
            st.stability / 100.0,
            np.clip(st.growth / 30.0, -1, 1),
            st.autonomy / 100.0,
            np.tanh(self.res / self.res_scale).reshape(n, -1),
            (st.meters - c.meter_min) / self.meter_span,
            st.flags,
            st.member.reshape(n, -1),
            frac_turn[:, None],
            np.full((n, 1), self.slot / max(1, c.M_slots)),
            np.broadcast_to(self.one_hot[seat], (n, c.layout.A)),
        ]
        v = np.concatenate([np.asarray(x, dtype=np.float64) for x in parts], axis=1)
        return np.clip(v, -1.0, 1.0).astype(np.float32)

    def info(self, seat: int) -> dict[str, np.ndarray]:
        """Per-game arrays: global game index, turn, slot and the role's score."""
        st = self.state
        return {
            "game": st.game_id.copy(),
            "turn": st.turn.astype(np.int64),
            "slot": np.full(self.n, self.slot, dtype=np.int64),
            "score": st.score[:, seat].copy(),
        }

    # -- acting -----------------------------------------------------------------------------
    def step(
        self, actions: Mapping[int, np.ndarray | int]
    ) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
        """One action slot: every agent seat plays ``actions[seat]`` (``int[N]``; a missing seat
        passes; an illegal action is a pass); after the last slot of the turn the engine
        resolves it. Returns each agent's refusals (``bool[N]``) and rewards (``float64[N]``,
        the change of its role's score since the previous step)."""
        if self.over:
            raise RuntimeError("the games are over: call reset()")
        refused = {s: self._play(s, actions.get(s)) for s in self.agent_seats}
        self._end_slot()
        rewards = {}
        for s in self.agent_seats:
            now = self.state.score[:, s].copy()
            rewards[s] = now - self.last[s]
            self.last[s] = now
        return refused, rewards

    def _play(self, seat: int, action: np.ndarray | int | None) -> np.ndarray:
        """Record ``seat``'s actions for this slot and charge their costs to the running budget;
        True where the action was illegal (played as a pass)."""
        if action is None:
            return np.zeros(self.n, dtype=bool)
        a = np.asarray(action, dtype=np.int64).reshape(-1)
        if a.shape != (self.n,):
            raise ValueError(f"expected {self.n} actions (one per game), got {a.size}")
        m = self.mask(seat)
        inside = (a >= 0) & (a < m.shape[1])
        legal = inside & (m[np.arange(self.n), np.where(inside, a, 0)] == 1)
        a = np.where(legal, a, 0)
        self.acts[:, seat, self.slot] = a
        core.charge_choices(self.c, self.res, self.cool, seat, a, int(self.state.turn[0]))
        self.masks.pop(seat, None)  # its budget changed
        return ~legal

    def _end_slot(self) -> None:
        """Move to the next slot; after the last one, the others choose and the turn resolves."""
        self.slot += 1
        self.masks = {}
        if self.slot < self.c.M_slots:
            return
        c, st = self.c, self.state
        acts = choose_actions(c, st, self.p, self.others, fixed=self.acts, avail=self.avail)
        core.step(c, st, self.p, acts, option_chooser=self.chooser, avail=self.avail)
        self._new_turn()

    def summaries(self) -> list[str]:
        """One line per game (the ``ansi`` render); none before the first reset."""
        return [self.summary(i) for i in range(self.n)] if self.st is not None else []

    def summary(self, game: int = 0) -> str:
        """One line about game ``game`` of the batch."""
        c, st = self.c, self.state
        t = int(st.turn[game])
        year = c.scenario.calendar.date_of_turn(min(t, c.n_turns - 1))
        scores = ", ".join(f"{c.actor_ids[r]} {st.score[game, r]:.3f}" for r in c.roles)
        return f"turn {t}/{c.n_turns} ({year}), slot {self.slot}: {scores}"


@dataclass
class Transition:
    """One agent's side of one step, for all N games (Gymnasium's vector layout)."""

    obs: dict[str, np.ndarray]
    reward: np.ndarray  # float64[N]
    terminated: np.ndarray  # bool[N]
    truncated: np.ndarray  # bool[N], always False: a game ends only at its last turn
    info: dict[str, Any]


class Episodes:
    """``Games`` with the episode rules of Gymnasium's vector environments: observations as
    ``{"observation", "action_mask"}``, per-game info arrays, and an autoreset mode (the values
    of ``gymnasium.vector.AutoresetMode``):

    * ``"NextStep"`` (Gymnasium's default): the step that ends the games returns their last
      observation with ``terminated`` True; the next step ignores its actions, starts the next
      N games of the seed and returns their first observation with reward 0 and ``terminated``
      False;
    * ``"SameStep"``: the step that ends the games already returns the next games' first
      observation; the last one is in ``info["final_obs"]`` (an object array of per-game
      observations) and the last info in ``info["final_info"]`` (each with its ``_`` mask);
    * ``"Disabled"``: stepping after the end raises; call ``reset()``.

    All N games end on the same step, so they all reset together."""

    def __init__(self, games: Games, autoreset: str = NEXT_STEP) -> None:
        if autoreset not in AUTORESET_MODES:
            raise ValueError(
                f"unknown autoreset mode {autoreset!r}; choose from {', '.join(AUTORESET_MODES)}"
            )
        self.games, self.autoreset = games, autoreset
        self.pending = False  # NextStep: the games ended on the previous step

    def obs(self, seat: int) -> dict[str, np.ndarray]:
        g = self.games
        return {"observation": g.observation(seat), "action_mask": g.mask(seat).copy()}

    def info(self, seat: int, refused: np.ndarray | None = None) -> dict[str, Any]:
        out: dict[str, Any] = self.games.info(seat)
        out["refused"] = np.zeros(self.games.n, dtype=bool) if refused is None else refused
        out["action_mask"] = self.games.mask(seat).copy()
        return out

    def reset(
        self, seed: int | None = None, game: int | None = None
    ) -> dict[int, tuple[dict[str, np.ndarray], dict[str, Any]]]:
        """Start N games (``Games.reset``); each agent's first observation and info."""
        self.games.reset(seed, game)
        self.pending = False
        return {s: (self.obs(s), self.info(s)) for s in self.games.agent_seats}

    def step(self, actions: Mapping[int, np.ndarray | int]) -> dict[int, Transition]:
        g, n = self.games, self.games.n
        if self.pending:  # NextStep: this step starts the next games; its actions are ignored
            self.pending = False
            g.reset()
            no = np.zeros(n, dtype=bool)
            return {
                s: Transition(self.obs(s), np.zeros(n), no.copy(), no.copy(), self.info(s))
                for s in g.agent_seats
            }
        refused, rewards = g.step(actions)
        done = np.full(n, g.over)
        out = {
            s: Transition(
                self.obs(s), rewards[s], done.copy(), np.zeros(n, bool), self.info(s, refused[s])
            )
            for s in g.agent_seats
        }
        if not g.over:
            return out
        if self.autoreset == NEXT_STEP:
            self.pending = True
        elif self.autoreset == SAME_STEP:
            g.reset()
            everyone = np.ones(n, dtype=bool)
            for s, last in out.items():
                final_obs = np.empty(n, dtype=object)
                for i in range(n):
                    final_obs[i] = {k: v[i] for k, v in last.obs.items()}
                info = self.info(s)
                info.update(
                    final_obs=final_obs,
                    _final_obs=everyone,
                    final_info=last.info,
                    _final_info=everyone,
                )
                out[s] = Transition(self.obs(s), last.reward, last.terminated, last.truncated, info)
        return out
