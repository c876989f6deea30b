"""Vectorised policies: every computer-played actor, and the bots of the balance lab.

A policy answers ``act(obs, mask, rng) -> actions[N]`` for one seat and one action slot:

* ``obs`` is an ``Observation`` (the batch's state, the compiled scenario, the seat, the slot);
* ``mask`` is ``bool[N, 1 + W]``: column 0 is "pass", column ``i`` the seat's ``i``-th choice;
* ``rng`` is a ``BatchRandom`` on the seat's own stream, so one policy's randomness never moves
  the world's or another actor's.

Policies by name (``make_policy``):

==================  ===============================================================================
``passive``         always passes
``random``          a uniformly random legal action (passing only when nothing is legal)
``historical``      what the actor really did that year (scenario ``history``), else passes
``strategic``       the scenario's scripted strategy for the role: action weights x family weights
                    x target preference + noise (Russia: CSTO and labour; China: loans and trade)
``multivector``     a Central Asian state's own policy: picks what most raises its autonomy
``greedy``          lookahead on cloned states: the action that most raises the role's score if
                    it landed now (delays discounted); with switching, over the next few turns
                    (its landings, then the states' switching)
``no:FAMILY``       ``greedy`` with one action family banned
``only:FAMILY``     ``greedy`` restricted to one family
``spam:ACTION``     the same action whenever it is legal, else ``greedy``
==================  ===============================================================================

The balance lab adds a rollout-based best response on top of these (``game/balance``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Protocol

import numpy as np

from ..engine import core
from ..engine.compiler import Compiled
from ..engine.layout import Block
from ..engine.rng import BatchRandom
from ..engine.state import State
from ..scenario import limits


@dataclass
class Observation:
    """What a policy sees. ``memo`` is shared by every observation of one turn's choices
    (``play.choose_actions`` passes the same dict for all seats and slots): the state does not
    change between a turn's slots, so a policy may keep what it derived from it there."""

    c: Compiled
    st: State
    p: core.Params
    seat: int
    slot: int
    memo: dict[Any, Any] = field(default_factory=dict)


class Policy(Protocol):
    """What every policy is: a name and ``act``."""

    name: str

    def act(self, obs: Observation, mask: np.ndarray, rng: BatchRandom) -> np.ndarray:
        """The seat's action for this slot in every game, ``int[N]``: a column of ``mask``
        that is True in that game (0 = pass, always legal)."""
        ...


def _argmax_masked(scores: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Per game, the legal column with the highest score (the first one on ties)."""
    s = np.where(mask, scores, -np.inf)
    return np.argmax(s, axis=1)


def sample_weighted(
    weights: np.ndarray | None, mask: np.ndarray, rng: BatchRandom, own: bool = False
) -> np.ndarray:
    """Sample a column per game with probability proportional to ``weights`` among the legal
    ones (``mask``), from a single uniform number per game (inverse CDF); column 0 (pass) when
    nothing legal has weight. The weighted pick of the ``random`` and ``strategic`` policies.

    ``weights=None`` means equal weights. ``own=True`` says ``weights`` is a scratch array
    that is already zero outside ``mask``: it is used as is and overwritten."""
    if weights is None:
        cum = np.cumsum(mask, axis=1, dtype=np.float64)  # the same sums as ones where legal
    elif own:
        cum = np.cumsum(weights, axis=1, out=weights)
    else:
        cum = np.cumsum(np.where(mask, weights, 0.0), axis=1)
    total = cum[:, -1]
    u = rng.uniform(1)[:, 0] * total
    pick = np.argmax(cum > u[:, None], axis=1)
    return np.where(total > 0, pick, 0)


class Passive:
    """Always passes."""

    name = "passive"

    def act(self, obs: Observation, mask: np.ndarray, rng: BatchRandom) -> np.ndarray:
        return np.zeros(mask.shape[0], dtype=np.int64)


class RandomPolicy:
    """A uniformly random legal action; passes only when nothing else is legal."""

    name = "random"

    def act(self, obs: Observation, mask: np.ndarray, rng: BatchRandom) -> np.ndarray:
        m = mask[:, : 1 + len(obs.c.seat_choices[obs.seat])].copy()  # the seat's own columns
        has_action = m[:, 1:].any(axis=1)
        m[has_action, 0] = False
        return sample_weighted(None, m, rng)


class Historical:
    """Replays the scenario's ``history`` for the seat: the m-th action listed for the year."""

    name = "historical"

    def __init__(self, c: Compiled, seat: int) -> None:
        self.by_turn: dict[int, list[int]] = {}
        actor = c.actor_ids[seat]
        local = {int(cid): i + 1 for i, cid in enumerate(c.seat_table[seat]) if cid >= 0}
        for h in c.scenario.history.get(actor, []):
            t = c.scenario.calendar.turn_of_date(h.year)
            a = c.action_index.get(h.action)
            tgt = c.actor_index.get(h.target, -1) if h.target else -1
            for cid in c.seat_choices[seat]:
                if c.choice_action[cid] == a and c.choice_target[cid] == tgt:
                    self.by_turn.setdefault(t, []).append(local[cid])
                    break

    def act(self, obs: Observation, mask: np.ndarray, rng: BatchRandom) -> np.ndarray:
        t = int(obs.st.turn[0])
        lst = self.by_turn.get(t, [])
        if obs.slot >= len(lst):
            return np.zeros(mask.shape[0], dtype=np.int64)
        a = lst[obs.slot]
        return np.where(mask[:, a], a, 0).astype(np.int64)


class Strategic:
    """The scripted strategy of a computer-played power, parameterised by the scenario."""

    name = "strategic"

    def __init__(self, c: Compiled, seat: int) -> None:
        actor = c.actor_ids[seat]
        pol = c.scenario.policies.get(actor)
        fam_w = pol.family_weights if pol else {}
        self.pass_weight = pol.pass_weight if pol else 0.2
        self.noise = pol.noise if pol else 0.5
        # the seat's own choices only (seat_table rows are padded with -1 after them); the
        # policy works on the first 1 + len(choices) columns of the mask, the rest are illegal
        ids = c.seat_table[seat, : len(c.seat_choices[seat])]
        self.width = 1 + len(ids)
        self.valid = ids >= 0
        self.ids = np.where(self.valid, ids, 0)
        base = np.array(
            [c.choice_ai_weight[i] * fam_w.get(c.choice_family[i], 1.0) for i in self.ids]
        )
        self.base = np.where(self.valid, base, 0.0)
        self.prefer = [c.choice_prefer[i] for i in self.ids]
        self.targets_state = np.array(
            [
                c.state_index.get(c.actor_ids[c.choice_target[i]], -1)
                if c.choice_target[i] >= 0
                else -1
                for i in self.ids
            ]
        )
        self.power = c.power_index.get(actor, -1)
        self.partner = c.partner_index.get(actor, -1)
        cols: dict[str, tuple[list[int], list[int]]] = {}
        for j, (pref, st_) in enumerate(zip(self.prefer, self.targets_state)):
            if pref != "any" and st_ >= 0:
                cols.setdefault(pref, ([], []))[0].append(j)
                cols[pref][1].append(int(st_))
        self.pref_columns = {k: (np.array(a), np.array(b)) for k, (a, b) in cols.items()}

    def _target_factor(self, obs: Observation) -> np.ndarray:
        """How attractive each choice's target is, per game: computed once per state (five
        numbers per game) and gathered into the choices' columns."""
        st, c = obs.st, obs.c
        out = np.ones((st.n, len(self.ids)))
        if self.power >= 0:
            tr = st.trust[:, :, self.power] / core.NEUTRAL_TRUST  # (N, S): 1 = neutral
            per_pref = {"low_trust": 2.0 - tr, "high_trust": tr}
        else:
            per_pref = {}
        if self.partner >= 0:
            d = np.einsum("nsd,d->ns", st.dep[:, :, :, self.partner], c.dim_weights_norm) * 2.0
            per_pref["most_dependent"] = 0.5 + d
            per_pref["least_dependent"] = 1.5 - d
        per_pref["least_autonomy"] = 2.0 - st.autonomy / core.NEUTRAL_AUTONOMY
        for pref, (cols, states) in self.pref_columns.items():
            if pref in per_pref:
                out[:, cols] = np.take(per_pref[pref], states, axis=1)
        return np.clip(out, 0.05, 3.0)

    def _log_weights(self, obs: Observation) -> np.ndarray:
        """Log-weights of pass and every choice at temperature ``noise``, before the mask:
        the same for both slots of a turn, so kept in the turn's memo."""
        key = ("strategic", obs.seat)
        if key not in obs.memo:
            n = obs.st.n
            w = np.empty((n, self.width))
            w[:, 0] = self.pass_weight
            w[:, 1:] = self.base[None, :] * self._target_factor(obs)
            if self.noise > 1e-6:
                w = np.log(np.maximum(w, 1e-12)) / self.noise
            obs.memo[key] = w
        return obs.memo[key]

    def act(self, obs: Observation, mask: np.ndarray, rng: BatchRandom) -> np.ndarray:
        mask = mask[:, : self.width]
        w = self._log_weights(obs)
        if self.noise <= 1e-6:
            return _argmax_masked(w, mask)
        # softmax over log-weights at temperature `noise` (the Gumbel-max distribution),
        # sampled from one uniform number per game
        p = np.where(mask, w, -np.inf)
        np.subtract(p, p.max(axis=1, keepdims=True), out=p)  # pass is always legal: finite
        np.exp(p, out=p)  # exactly 0 where the mask is off
        return sample_weighted(p, mask, rng, own=True)


#: turns a ``greedy`` player looks ahead when the states switch (``model.switching``)
GREEDY_HORIZON = 6
#: what a gain that comes one turn later is worth to ``greedy`` (per turn of delay)
GREEDY_DISCOUNT = 0.85


class Greedy:
    """Lookahead for a role: the legal action (among ``allowed`` columns) that most raises the
    role's score; passes when nothing helps. Every candidate is tried on a shallow copy of the
    whole batch (all games at once, one candidate after the other).

    Without switching (the scenario's ``model.switching`` is 0) the lookahead is one step: the
    score if the candidate's effects landed now, the gain discounted by ``GREEDY_DISCOUNT`` per
    turn of delay. With switching, the states move ties on their own, and a choice's worth shows
    over several turns: its effects are applied as many times as they would land within the
    horizon (``GREEDY_HORIZON`` turns, or the turns left; at least once), then the states' own
    switching (``core.switch_ahead``) is played forward over the horizon, and the role's score
    is read; a choice whose effects would land after the last turn is worth nothing. Trends,
    events and the other actors' moves are not foreseen (``rollout`` plays them)."""

    name = "greedy"

    def __init__(
        self,
        c: Compiled,
        seat: int,
        allowed: np.ndarray | None = None,
        name: str = "greedy",
        horizon: int = GREEDY_HORIZON,
    ) -> None:
        self.c, self.seat, self.name = c, seat, name
        self.horizon = horizon
        ids = c.seat_table[seat]
        self.ids = ids
        self.allowed = np.ones(len(ids) + 1, dtype=bool) if allowed is None else allowed
        self.delay = np.array([c.choice_delay[i] if i >= 0 else 0 for i in ids])
        self.duration = np.array([c.choice_duration[i] if i >= 0 else 1 for i in ids])

    def value(self, c: Compiled, st: State, hhi: np.ndarray | None = None) -> np.ndarray:
        """The role's score in state ``st``, per game (``hhi``: ``st``'s row concentrations,
        when the caller knows them)."""
        return core.role_score(c, st, self.seat, hhi=hhi)

    def gains(self, obs: Observation, mask: np.ndarray) -> np.ndarray:
        """The estimated gain of every column over passing, ``(N, 1 + W)``: ``-inf`` where the
        column is not legal or not allowed, 0 for column 0 (pass)."""
        n, W1 = mask.shape
        m = mask & self.allowed[None, :]
        m[:, 0] = True
        gain = np.full((n, W1), -np.inf)
        gain[:, 0] = 0.0
        cand = np.nonzero(m[:, 1:].any(axis=0))[0]  # choices legal in at least one game
        if cand.size:
            if obs.p.switching.any() and obs.st.resilience.size:
                self._gains_ahead(obs, cand, gain)
            else:
                self._gains_now(obs, cand, gain)
        return np.where(m, gain, -np.inf)

    def _gains_now(self, obs: Observation, cand: np.ndarray, gain: np.ndarray) -> None:
        """One step: each candidate's effects as if they landed now, delays discounted."""
        c, st = obs.c, obs.st
        n = st.n
        k = cand.size + 1
        # apply_programs never writes into the arrays it is given (it rebinds the fields to
        # new arrays), so each candidate is tried on a shallow copy of the whole batch:
        # k passes over N games instead of one pass over N x k cloned games
        v = np.empty((n, k))
        v[:, 0] = self.value(c, st.shallow())
        acc = core.push_acceptance(c, st, obs.p)  # the same base state for every candidate
        # a candidate moves a few (state, dimension) rows: the others keep their concentration
        hhi = core.row_concentration(c, st)
        flat_hhi = hhi.reshape(n, -1)
        for j, col in enumerate(cand.tolist()):
            trial = st.shallow()
            pid = int(self.ids[col])
            core.apply_programs(c, trial, obs.p, np.full((n, 1), pid), acceptance=acc)
            rows = c.dependence_rows(pid)
            trial_hhi = hhi
            if rows.size:
                trial_hhi = flat_hhi.copy()
                trial_hhi[:, rows] = core.row_concentration(c, trial, rows)
                trial_hhi = trial_hhi.reshape(hhi.shape)
            v[:, j + 1] = self.value(c, trial, trial_hhi)
        discount = np.concatenate([[1.0], GREEDY_DISCOUNT ** self.delay[cand]])[None, :]
        gain[:, 1 + cand] = ((v - v[:, :1]) * discount)[:, 1:]

    def _gains_ahead(self, obs: Observation, cand: np.ndarray, gain: np.ndarray) -> None:
        """Over the horizon: each candidate's landings, then the states' own switching."""
        c, st, p = obs.c, obs.st, obs.p
        n = st.n
        t = int(st.turn[0])
        H = min(self.horizon, max(1, c.n_turns - t))
        # the world the role expects if it passes: the states switch for H turns
        base = st.shallow()
        base.dep, base.resilience = core.switch_ahead(c, p, st, H)
        hhi = core.row_concentration(c, base)
        flat_hhi = hhi.reshape(n, -1)
        v0 = self.value(c, base.shallow(), hhi)
        acc = core.push_acceptance(c, st, p)  # the same base state for every candidate
        L = c.layout
        trials: list[tuple[int, State, np.ndarray]] = []  # (column, trial game, its states)
        for col in cand.tolist():
            pid = int(self.ids[col])
            d, dur = int(self.delay[col]), int(self.duration[col])
            if t + d >= c.n_turns:  # it would land after the last turn
                gain[:, 1 + col] = 0.0
                continue
            # apply_programs never writes into the arrays it is given (it rebinds the fields to
            # new arrays), so each candidate is tried on a shallow copy of the whole batch
            trial = st.shallow()
            progs = np.full((n, 1), pid)
            for _ in range(max(1, min(dur, H - d))):
                core.apply_programs(c, trial, p, progs, acceptance=acc)
            trials.append((col, trial, c.program_states(pid)))
        # only the states a candidate touches switch differently from the base: project them,
        # the candidates that touch one state all together (one stacked row per candidate)
        single = [i for i, (_, _, sts) in enumerate(trials) if sts.size == 1]
        projected: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        if single:
            sts = np.array([int(trials[i][2][0]) for i in single])

            def stacked(field: str) -> np.ndarray:
                rows = [getattr(trials[i][1], field)[:, s] for i, s in zip(single, sts)]
                return np.stack(rows, axis=1)

            dep_s, res_s = core.project_switching(
                c,
                p,
                stacked("dep"),
                stacked("trust"),
                stacked("resilience"),
                c.resilience0[sts],
                H,
            )
            for j, i in enumerate(single):
                projected[i] = (dep_s[:, j : j + 1], res_s[:, j : j + 1])
        for i, (col, trial, states) in enumerate(trials):
            discount = GREEDY_DISCOUNT ** int(self.delay[col])
            # a candidate that touches several states is projected from its own rows, before
            # they are replaced by the base projection's below
            if states.size and i not in projected:
                projected[i] = core.switch_ahead(c, p, trial, H, states)
            trial.dep, trial.resilience = base.dep, base.resilience
            if not states.size:
                gain[:, 1 + col] = (self.value(c, trial, hhi) - v0) * discount
                continue
            dep_s, res_s = projected[i]
            # the base projection's own arrays, with the candidate's states swapped in for the
            # time of the evaluation (no copy of the whole batch per candidate)
            kept = base.dep[:, states].copy(), base.resilience[:, states].copy()
            base.dep[:, states], base.resilience[:, states] = dep_s, res_s
            rows = (states[:, None] * L.D + np.arange(L.D)[None, :]).ravel()
            fh = flat_hhi.copy()
            fh[:, rows] = core.row_concentration(c, trial, rows)
            gain[:, 1 + col] = (self.value(c, trial, fh.reshape(hhi.shape)) - v0) * discount
            base.dep[:, states], base.resilience[:, states] = kept

    def act(self, obs: Observation, mask: np.ndarray, rng: BatchRandom) -> np.ndarray:
        c = obs.c
        n, W1 = mask.shape
        gain = self.gains(obs, mask)
        cols = np.nonzero(np.isfinite(gain[:, 1:]).any(axis=0))[0] + 1
        if cols.size == 0:
            return np.zeros(n, dtype=np.int64)
        # cost in budget terms: a mild preference for cheaper actions, tiny noise breaks ties
        cost = np.zeros(W1)
        cost[cols] = c.choice_cost[self.ids[cols - 1]].sum(axis=1)
        # tie-break noise drawn for every column of the mask, so a game's draw never depends
        # on which candidates are legal in other games of its batch
        noise = rng.uniform(W1)
        scores = gain - 1e-5 * cost[None, :] + 1e-7 * noise
        scores[:, 0] = 1e-9  # pass only when nothing helps
        return _argmax_masked(scores, np.isfinite(gain))


def _autonomy_gradients(
    c: Compiled, st: State, push_idx: np.ndarray, pull_idx: np.ndarray, memo: dict[Any, Any]
) -> tuple[np.ndarray, np.ndarray]:
    """Per-game gradients of autonomy with respect to pushes (at the flat dependence indices
    ``push_idx``) and to pulls toward the rest of the world (at ``pull_idx``), each (N, len).

    Only the entries a state's actions touch are computed. The shares are read as the turn
    opens and do not change between the states' choices, so the rows' concentrations (HHI) are
    computed once per turn and kept in the memo."""
    L = c.layout
    if "hhi" not in memo:
        memo["hhi"] = core.row_concentration(c, st).reshape(st.n, -1)  # (N, S*D)
    hhi = memo["hhi"]
    dep = st.dep.reshape(st.n, -1)
    # d(autonomy)/d(push toward k) = 2 w_d (HHI - s_k [k is a power]);
    # d(autonomy)/d(move from power k to the rest of the world) = 2 w_d s_k
    two_w = 2.0 * (c.dim_weights_norm * 100.0)  # per dimension
    is_power = np.r_[np.ones(L.P), 0.0]

    def parts(idx: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        dim = (idx // L.K) % L.D
        return two_w[dim], is_power[idx % L.K], np.take(dep, idx, axis=1)

    w, ip, d = parts(push_idx)
    grad_push = w * (np.take(hhi, push_idx // L.K, axis=1) - d * ip)
    w, ip, d = parts(pull_idx)
    grad_pull = w * d * ip
    return grad_push, grad_pull


class _Term(IntEnum):
    """The terms of the ``multivector`` policy's estimate of a choice's gain, in the order its
    effects are summed."""

    PUSH = 0  # first-order change of autonomy (any push: the policy ignores acceptance)
    PULL = 1  # first-order change of autonomy
    STABILITY = 2  # a little weight
    GROWTH = 3


_TERM_OF_BLOCK = {
    Block.PUSH_SCALED: _Term.PUSH,
    Block.PUSH_RAW: _Term.PUSH,
    Block.PULL: _Term.PULL,
    Block.STABILITY: _Term.STABILITY,
    Block.GROWTH: _Term.GROWTH,
}


class Multivector:
    """A Central Asian state's own policy: the action that most raises its autonomy.

    Instead of trying every action on a cloned world, it uses the exact first-order change of
    autonomy for each effect on the current shares: pushing weight ``b`` toward partner ``k`` in
    a row changes that row's concentration by ``-2 b (HHI - s_k)`` (welcome when the partner's
    share is below the row's concentration, and always for the rest of the world), and moving
    ``b`` from a power to the rest of the world lowers it by ``2 b s_k``. Stability and growth
    effects add a little. Deterministic per game (sums in a fixed order)."""

    name = "multivector"

    def __init__(self, c: Compiled, seat: int) -> None:
        self.c, self.seat = c, seat
        # (local column, term, offset in its block, amount), sorted: the order of the sums
        ops: list[tuple[int, int, int, float]] = []
        for j, cid in enumerate(c.seat_table[seat]):
            if cid < 0:
                continue
            slots, amts = c.program_ops(int(cid))
            for sl, am in zip(slots.tolist(), amts.tolist()):
                block, offset = c.layout.locate(sl)
                term = _TERM_OF_BLOCK.get(block)
                if term is not None:
                    ops.append((j + 1, term, offset, am))
        ops.sort()
        self.col = np.array([o[0] for o in ops], dtype=np.int64)
        self.term = np.array([o[1] for o in ops], dtype=np.int64)
        self.idx = np.array([o[2] for o in ops], dtype=np.int64)
        self.amt = np.array([o[3] for o in ops], dtype=np.float64)
        self.starts = (
            np.nonzero(np.r_[True, np.diff(self.col) != 0])[0]
            if ops
            else np.zeros(0, dtype=np.int64)
        )
        self.cols = self.col[self.starts] if ops else self.col
        self.width = 1 + len(c.seat_choices[seat])  # pass + the seat's own choices

    def act(self, obs: Observation, mask: np.ndarray, rng: BatchRandom) -> np.ndarray:
        n = obs.st.n
        if self.col.size == 0:
            return np.zeros(n, dtype=np.int64)
        key = ("multivector", obs.seat)
        if key not in obs.memo:  # the gains are the same for both slots of a turn
            obs.memo[key] = self._gains(obs)
        return _argmax_masked(obs.memo[key] + 1e-6 * rng.uniform(self.width), mask[:, : self.width])

    def _gains(self, obs: Observation) -> np.ndarray:
        """First-order autonomy gain of pass and every choice, per game, shape (N, width)."""
        c, st = self.c, obs.st
        n = st.n
        push, pull = self.term == _Term.PUSH, self.term == _Term.PULL
        grad_push, grad_pull = _autonomy_gradients(c, st, self.idx[push], self.idx[pull], obs.memo)
        vals = np.zeros((n, self.col.size))
        if push.any():
            vals[:, push] = grad_push * self.amt[push]
        if pull.any():
            vals[:, pull] = grad_pull * self.amt[pull]
        for term, weight in ((_Term.STABILITY, 0.2), (_Term.GROWTH, 1.0)):
            sel = self.term == term
            if sel.any():
                vals[:, sel] = weight * self.amt[sel]
        # columns past the seat's own choices are always illegal: leave them out (the
        # counter-based draws of the first columns do not depend on how many are drawn)
        gain = np.full((n, self.width), -1e9)
        gain[:, self.cols] = np.add.reduceat(vals, self.starts, axis=1)
        gain[:, 0] = 0.05
        return gain


class Spam:
    """The same action (on its first legal target) whenever it is legal, else ``fallback``."""

    def __init__(self, c: Compiled, seat: int, action_id: str, fallback: Policy) -> None:
        self.name = f"spam:{action_id}"
        a = c.action_index[action_id]
        self.cols = np.array(
            [
                i + 1
                for i, cid in enumerate(c.seat_table[seat])
                if cid >= 0 and c.choice_action[cid] == a
            ]
        )
        self.fallback = fallback

    def act(self, obs: Observation, mask: np.ndarray, rng: BatchRandom) -> np.ndarray:
        out = self.fallback.act(obs, mask, rng)
        for col in self.cols[::-1]:
            out = np.where(mask[:, col], col, out)
        return out


#: the names ``make_policy`` knows (the scenario layer's vocabulary, without the balance lab's
#: rollout family)
POLICY_NAMES = tuple(n for n in limits.POLICY_NAMES if not n.startswith("rollout"))


class UnknownPolicy(ValueError):
    """A policy name that does not exist or does not fit the seat; ``str()`` says why."""


def make_policy(name: str, c: Compiled, seat: int) -> Policy:
    """A policy by name for ``seat`` (see the module docstring for the names)."""
    fams = {c.choice_family[i] for i in c.seat_table[seat] if i >= 0}
    if name == "passive":
        return Passive()
    if name == "random":
        return RandomPolicy()
    if name == "historical":
        return Historical(c, seat)
    if name == "strategic":
        return Strategic(c, seat)
    if name == "multivector":
        return Multivector(c, seat)
    if name == "greedy":
        if seat not in c.roles:
            return (
                Multivector(c, seat) if c.actor_ids[seat] in c.state_index else Strategic(c, seat)
            )
        return Greedy(c, seat)
    if name.startswith(("no:", "only:")):
        kind, fam = name.split(":", 1)
        if fam not in fams:
            raise UnknownPolicy(
                f"{c.actor_ids[seat]} has no action family '{fam}' "
                f"(families: {', '.join(sorted(fams))})"
            )
        allowed = np.array(
            [True]
            + [
                (c.choice_family[i] == fam) == (kind == "only") if i >= 0 else False
                for i in c.seat_table[seat]
            ]
        )
        return Greedy(c, seat, allowed=allowed, name=name)
    if name.startswith("spam:"):
        aid = name.split(":", 1)[1]
        if aid not in c.action_index or not any(
            c.choice_action[i] == c.action_index[aid] for i in c.seat_table[seat] if i >= 0
        ):
            raise UnknownPolicy(f"{c.actor_ids[seat]} cannot take an action '{aid}'")
        return Spam(c, seat, aid, make_policy("greedy", c, seat))
    raise UnknownPolicy(f"unknown policy '{name}'; choose from: {', '.join(POLICY_NAMES)}")


def default_policy_name(c: Compiled, seat: int) -> str:
    """What a computer-played actor uses unless told otherwise."""
    return "multivector" if c.actor_ids[seat] in c.state_index else "strategic"
