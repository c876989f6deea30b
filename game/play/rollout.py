"""Rollout best response: every policy of ``game.ai.policies`` plus ``rollout``, an approximate
best response that plays candidate moves out with the play loop (so it lives in this layer, and
the balance lab and the RL adapters share it).

``rollout`` (or ``rollout:H`` for a horizon of H turns, ``rollout:H:R`` with R rollouts):

1. **Pre-screen.** Every legal choice is applied to a clone of the game as if it landed now (the
   ``greedy`` one-step lookahead, all candidates of all games in one batch; in a scenario where
   the states switch, greedy's own estimate over its horizon, ``Greedy.gains``); the best
   ``top_k`` by that estimate, plus "pass", become the candidates. This keeps the cost bounded when a
   role has dozens of (action, target) pairs.
2. **Rollouts.** Each (game, candidate) pair is cloned ``R`` times. In every clone the seat
   plays the candidate now, then the rest of the turn and the next ``H - 1`` turns are played
   out with everyone on a cheap continuation policy (every actor on ``strategic``, its scripted
   strategy: a greedy or multivector continuation would multiply the cost by the number of
   candidates of every seat). All clones of all games advance together in one batched ``step``.
3. **Choice.** The candidate with the best mean score for the seat's role at the end of the
   horizon wins (ties go to the pre-screen's favourite, then to passing).

The clones play on **fresh dice**: their world and policy streams are re-keyed per rollout, so a
rollout never sees the real game's future shocks or events (no clairvoyance), while all the
candidates of a game share the same ``R`` futures (common random numbers inside the policy,
which makes the comparison between candidates far less noisy).
"""

from __future__ import annotations

import numpy as np

from ..ai.policies import (
    Greedy,
    Observation,
    Policy,
    UnknownPolicy,
    default_policy_name,
    make_policy,
)
from ..engine import core, rng
from ..engine.compiler import Compiled
from ..engine.rng import BatchRandom
from ..engine.state import State
from .loop import choose_actions


class Rollout:
    """Rollout-based approximate best response (see the module docstring)."""

    def __init__(
        self,
        c: Compiled,
        seat: int,
        horizon: int = 3,
        n_rollouts: int = 2,
        top_k: int = 4,
        name: str = "rollout",
        continuation: str = "strategic",
    ) -> None:
        if horizon < 1 or n_rollouts < 1 or top_k < 1:
            raise UnknownPolicy("rollout needs a horizon, rollouts and candidates of at least 1")
        self.c, self.seat, self.name = c, seat, name
        self.horizon, self.n_rollouts, self.top_k = horizon, n_rollouts, top_k
        self.role = seat
        self.ids = c.seat_table[seat]
        self.delay = np.array([c.choice_delay[i] if i >= 0 else 0 for i in self.ids])
        self.greedy: Greedy = Greedy(c, seat)
        # continuation policies: "strategic" (cheap scripted play) for everyone, or
        # "default": the seat greedy and every other actor on its default policy
        self.cont: dict[int, Policy] = {}
        for s in c.seats_with_choices:
            if continuation == "default":
                self.cont[s] = (
                    self.greedy if s == seat else make_policy(default_policy_name(c, s), c, s)
                )
            else:
                self.cont[s] = make_policy(continuation, c, s)
        self._memo: tuple[int, int, list[np.ndarray]] = (-1, -1, [])

    # -- one-step pre-screen (the greedy estimate for every legal candidate) ------------------
    def _prescreen(self, obs: Observation, mask: np.ndarray) -> np.ndarray:
        c, st, p = obs.c, obs.st, obs.p
        if p.switching.any() and st.resilience.size:  # the states switch: look over the horizon
            return np.where(mask, self.greedy.gains(obs, mask), -np.inf)
        n, W1 = mask.shape
        gain = np.full((n, W1), -np.inf)
        gain[:, 0] = 0.0
        cand = np.nonzero(mask[:, 1:].any(axis=0))[0]
        if cand.size == 0:
            return gain
        k = cand.size + 1
        big = st.repeat(k)
        progs = np.full((n, k), -1, dtype=np.int64)
        progs[:, 1:] = self.ids[cand][None, :]
        core.apply_programs(c, big, p.repeat(k), progs.reshape(n * k, 1))
        core.recompute_derived(c, big)
        v = big.score[:, self.role].reshape(n, k)
        g = (v - v[:, :1]) * np.concatenate([[1.0], 0.85 ** self.delay[cand]])[None, :]
        gain[:, 1 + cand] = g[:, 1:]
        return np.where(mask, gain, -np.inf)

    def act(self, obs: Observation, mask: np.ndarray, rnd: BatchRandom) -> np.ndarray:
        c, st, p, m = obs.c, obs.st, obs.p, obs.slot
        n, W1 = mask.shape
        t = int(st.turn[0])
        memo_id, memo_t, prev = self._memo
        if m == 0 or memo_id != id(st) or memo_t != t:
            prev = []
        prev = prev[:m]
        if len(prev) < m:  # earlier slots not seen (e.g. called out of order): assume passes
            prev = prev + [np.zeros(n, dtype=np.int64)] * (m - len(prev))
        if not mask[:, 1:].any():
            out = np.zeros(n, dtype=np.int64)
            self._memo = (id(st), t, prev + [out])
            return out
        gain = self._prescreen(obs, mask)
        # candidates: pass + the top_k legal choices by the one-step estimate (per game)
        k = min(self.top_k, W1 - 1) + 1
        noisy = gain + 1e-9 * rnd.uniform(W1)
        noisy[:, 0] = -np.inf
        order = np.argsort(-noisy, axis=1, kind="stable")[:, : k - 1]
        cands = np.zeros((n, k), dtype=np.int64)
        cands[:, 1:] = np.where(np.isfinite(np.take_along_axis(noisy, order, 1)), order, 0)
        prior = np.take_along_axis(gain, cands, 1)
        prior = np.where(np.isfinite(prior), prior, 0.0)
        value = self._rollouts(c, st, p, m, prev, cands)
        score = value + 1e-4 * prior
        best = np.argmax(score, axis=1)  # first maximum: pass (column 0) wins exact ties
        out = cands[np.arange(n), best]
        out = np.where(mask[np.arange(n), out], out, 0).astype(np.int64)
        self._memo = (id(st), t, prev + [out])
        return out

    def _rollouts(
        self,
        c: Compiled,
        st: State,
        p: core.Params,
        m: int,
        prev: list[np.ndarray],
        cands: np.ndarray,
    ) -> np.ndarray:
        n, k = cands.shape
        R = self.n_rollouts
        rep = k * R
        big = st.repeat(rep)
        pb = p.repeat(rep)
        r_of = np.tile(np.arange(R), n * k)
        big.world_keys = rng.rollout_keys(big.world_keys, r_of)
        big.policy_keys = rng.rollout_keys(big.policy_keys, r_of[:, None])
        # this turn: the seat's earlier slots as played, this slot's candidate per clone, then
        # everyone on the continuation policies
        fixed = np.zeros((big.n, c.layout.A, c.M_slots), dtype=np.int64)
        for mm in range(m):
            fixed[:, self.seat, mm] = np.repeat(prev[mm], rep)
        fixed[:, self.seat, m] = np.repeat(cands.reshape(-1), R)
        avail = core.availability(c, big)  # once for the turn: masks and checks
        acts = choose_actions(
            c, big, pb, self.cont, fixed=fixed, avail=avail, fixed_slots={self.seat: m + 1}
        )
        core.step(c, big, pb, acts, avail=avail)
        for _ in range(self.horizon - 1):
            if big.terminated.all():
                break
            avail = core.availability(c, big)
            a2 = choose_actions(c, big, pb, self.cont, avail=avail)
            core.step(c, big, pb, a2, avail=avail)
        return big.score[:, self.role].reshape(n, k, R).mean(axis=2)


def _parse_rollout(name: str) -> tuple[int, int]:
    parts = name.split(":")
    try:
        h = int(parts[1]) if len(parts) > 1 else 3
        r = int(parts[2]) if len(parts) > 2 else 2
    except ValueError:
        raise UnknownPolicy(
            f"'{name}': write rollout, rollout:H or rollout:H:R with whole "
            "numbers, e.g. rollout:3:2"
        ) from None
    if len(parts) > 3 or not (1 <= h <= 50 and 1 <= r <= 64):
        raise UnknownPolicy(f"'{name}': write rollout:H:R with 1 <= H <= 50 and 1 <= R <= 64")
    return h, r


def make_balance_policy(name: str, c: Compiled, seat: int) -> Policy:
    """``make_policy`` plus the balance lab's ``rollout`` family."""
    if name == "rollout" or name.startswith("rollout:"):
        h, r = _parse_rollout(name)
        if seat not in c.roles:  # no score to maximise: fall back to the actor's own aim
            return make_policy("greedy", c, seat)
        return Rollout(c, seat, horizon=h, n_rollouts=r, name=name)
    try:
        return make_policy(name, c, seat)
    except KeyError as e:  # e.g. a spam:ACTION the scenario does not declare
        raise UnknownPolicy(f"unknown policy '{name}'") from e


def check_policy_name(name: str, c: Compiled, seat: int) -> None:
    """Raise ``UnknownPolicy`` (with a plain message) if ``name`` is not usable for ``seat``."""
    make_balance_policy(name, c, seat)


def build_balance_policies(c: Compiled, names: dict[str, str]) -> dict[int, Policy]:
    """Policies for every seat with actions: ``names`` by actor id, defaults for the rest."""
    out: dict[int, Policy] = {}
    for seat in c.seats_with_choices:
        actor = c.actor_ids[seat]
        out[seat] = make_balance_policy(names.get(actor, default_policy_name(c, seat)), c, seat)
    return out
