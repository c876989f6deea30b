"""The batched turn engine: the rules of the game, for N games at once.

Entry points: ``init`` (N fresh games), ``availability`` and ``legal_mask`` (what each actor may
do), ``step`` (one whole turn), or ``begin_turn`` then ``finish_turn`` (the window asks a person
for event options in between). Every array has a leading game axis (``state.State``); the
scenario arrives compiled (``compiler.Compiled``), its effects as programs laid out by
``layout.Layout``. docs/engine.md explains the same rules in words.

One turn, in this fixed order, and the function that holds each rule:

1. **Income** (``pay_income``): every actor's resources grow by its declared income. It is paid
   as the turn opens (by ``init`` for the first turn, then at the end of ``finish_turn``), so
   players and policies choose knowing this year's budget.
2. **Choices** (``begin_turn``): every actor's chosen actions (integer ids, ``0`` = pass) are
   checked *in slot order* (``availability`` for conditions, ``legal_mask`` / ``why_illegal``
   for the whole test), so the second action of a turn must still be affordable after the
   first. Illegal choices are refused (coerced to pass, counted in ``TurnInfo``). Costs and
   cooldowns are paid now (``pay_for_choices``: the one cost and cooldown rule); the effects
   are queued to land after the action's delay and to repeat for its duration.
3. **Resolution** (``apply_programs``): every program landing this turn (all actors' at once) is
   applied together. Additive changes (trust, stability, growth, resources, meters) are summed,
   so their order cannot matter, and clipped to their ranges. Dependence pushes are scaled by
   the target state's *acceptance* (``push_acceptance``: it welcomes trusted powers and resists
   partners it already depends on too much), summed, and applied in one renormalisation
   (``resolve_dependence``), so no actor moves first. Pulls toward the rest of the world come
   next; then flags are cleared and set, and organisations left and joined.
4. **Drift**: structural trends in declared order and organisations tying members to their
   leader (``_structural_drift``); the states' own switching away from partners they depend on
   too much, in proportion to their resilience, and the fading of resilience (``_switching``,
   only in scenarios that set ``model.switching`` or use resilience); trust returning toward
   neutral, resentment of over-dependence, growth returning to its long-run level, and
   stability (growth, autonomy, a seeded shock) (``_trust_and_economy``).
5. **Events** (``_events``): every event whose date, window, condition and chance hold fires
   (conditions are read before any event of this turn applies). Its effects apply; if it has
   options, it becomes *pending* until ``finish_turn`` receives the chooser's option
   (``weighted_options`` or ``historical_options`` for computer players).
6. **Finish** (``finish_turn``): chosen options apply; autonomy and scores are recomputed
   (``recompute_derived``); the turn counter advances and games that reached their last turn
   are marked terminated.

Where the rules for each quantity live:

==============  ==================================================================================
dependence      effects: ``resolve_dependence`` with ``push_acceptance``; trends and
                organisations: ``_structural_drift``; the states' switching: ``_switching``
                (``switching_step``; ``switch_ahead`` / ``project_switching`` for lookahead)
resilience      effects: ``apply_programs`` (0-100); refusal: ``push_acceptance``; fading:
                ``_switching``
trust           effects: ``apply_programs`` (0-100); memory and resentment:
                ``_trust_and_economy``; its pull on acceptance: ``push_acceptance``; neutral
                level: ``NEUTRAL_TRUST``
stability       effects: ``apply_programs``; drift and shock: ``_trust_and_economy``
growth          effects: ``apply_programs`` (half also moves the long-run level); reversion:
                ``_trust_and_economy``
autonomy        ``row_concentration`` and ``autonomy_from_concentration`` (docs/engine.md)
resources       income: ``pay_income``; costs: ``pay_for_choices``; effects: ``apply_programs``
scores, grades  ``role_scores`` / ``role_score``, ``role_grades``, ``objective_points``
random numbers  ``rng`` (``rng.Draw`` lists what each draw is for)
==============  ==================================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import rng
from .compiler import Compiled
from .layout import DEPENDENCE_BLOCKS, Block
from .ledger import Ledger
from .state import State

GRADES = ("A", "B", "C", "D", "F")
_BLOCKS = tuple(Block)  # iterating a tuple is cheaper than the enum (apply_programs is hot)

#: trust (0-100) a state has in a power unless the scenario says otherwise; trust returns toward
#: it (``trust_memory``) and acceptance of a power's pushes rises above it and falls below it
NEUTRAL_TRUST = 50.0
#: stability of a state unless the scenario says otherwise, and the level it returns toward
NORMAL_STABILITY = 60.0
#: growth (% a year) of a state unless the scenario says otherwise
DEFAULT_GROWTH = 4.0
#: growth above this raises stability, below it lowers it (``stability_from_growth``)
NEUTRAL_GROWTH = 3.0
#: autonomy above this raises stability, below it lowers it (``stability_from_autonomy``)
NEUTRAL_AUTONOMY = 50.0


class IllegalAction(ValueError):
    """An action that cannot be taken now; ``str()`` says why in plain words."""


OptionChooser = Callable[["Compiled", State], np.ndarray]


@dataclass
class Params:
    """Per-game parameters (arrays with a leading game axis), so a sweep of variants is one
    batch. Built from the scenario's ``model`` section by ``default_params``."""

    acceptance_threshold: np.ndarray
    resistance: np.ndarray
    trust_acceptance: np.ndarray
    resentment: np.ndarray
    trust_memory: np.ndarray
    stability_from_autonomy: np.ndarray
    stability_from_growth: np.ndarray
    shock_sd: np.ndarray
    membership_pull: np.ndarray
    growth_reversion: np.ndarray
    income: np.ndarray  # (N, A, R)
    switching: np.ndarray
    switch_above: np.ndarray
    resilience_memory: np.ndarray
    refusal: np.ndarray

    def take(self, idx: np.ndarray | slice) -> Params:
        """The parameters of games ``idx``."""
        return Params(**{k: v[idx] for k, v in self.__dict__.items()})

    def repeat(self, times: int) -> Params:
        """Each game's parameters repeated ``times`` times in a row (as ``State.repeat``)."""
        return Params(**{k: np.repeat(v, times, axis=0) for k, v in self.__dict__.items()})


def default_params(c: Compiled, n: int, **overrides: float | np.ndarray) -> Params:
    """The scenario's parameters for ``n`` games; ``overrides`` replaces any of them by name
    (a number for every game, or one per game)."""
    m = c.params
    L = c.layout
    income = np.zeros((L.A, L.R))
    for actor, d in c.scenario.income.items():
        for r, v in d.items():
            income[c.actor_index[actor], c.res_index[r]] = v
    vals = {}
    for name in (
        "acceptance_threshold",
        "resistance",
        "trust_acceptance",
        "resentment",
        "trust_memory",
        "stability_from_autonomy",
        "stability_from_growth",
        "shock_sd",
        "membership_pull",
        "growth_reversion",
        "switching",
        "switch_above",
        "resilience_memory",
        "refusal",
    ):
        v = overrides.get(name, getattr(m, name))
        vals[name] = np.broadcast_to(np.asarray(v, dtype=np.float64), (n,)).copy()
    inc = overrides.get("income", income)
    vals["income"] = np.broadcast_to(np.asarray(inc, dtype=np.float64), (n, L.A, L.R)).copy()
    return Params(**vals)


@dataclass
class TurnInfo:
    """What happened in one turn (for one game or summed over a batch)."""

    refused: np.ndarray  # (N,) number of refused (illegal) choices
    fired: np.ndarray  # (N, E) bool: events that fired this turn
    chosen: np.ndarray  # (N, A, M) the global choice ids that were taken (-1 pass)
    ledger: Ledger | None = None
    options: np.ndarray | None = None  # (N, E) option index taken, -1 none
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------
def init(
    c: Compiled, seed: int, n: int = 1, game_offset: int = 0, params: Params | None = None
) -> State:
    """N fresh games of the scenario, with the first turn's income paid. Game ``i`` has global
    index ``game_offset + i``, which with ``seed`` fixes all of its random numbers, whatever the
    batch it runs in."""
    sc, L = c.scenario, c.layout
    ini = sc.initial
    dep = np.zeros((L.S, L.D, L.K))
    dep[:, :, L.K - 1] = 1.0
    for s_id, dims in ini.dependence.items():
        s = c.state_index[s_id]
        for d_id, partners in dims.items():
            d = c.dim_index[d_id]
            row = np.zeros(L.K)
            for p_id, v in partners.items():
                row[c.partner_index[p_id]] = v / 100.0
            tot = row[:-1].sum()
            if tot > 1.0:  # validation forbids this; keep the invariant anyway
                row[:-1] /= tot
                tot = 1.0
            row[-1] = max(0.0, 1.0 - tot) + row[-1] * 0.0
            dep[s, d] = row
    trust = np.full((L.S, L.P), NEUTRAL_TRUST)
    for s_id, per_power in ini.trust.items():
        for p_id, v in per_power.items():
            trust[c.state_index[s_id], c.power_index[p_id]] = v
    stability = np.full(L.S, NORMAL_STABILITY)
    growth = np.full(L.S, DEFAULT_GROWTH)
    for s_id, v in ini.stability.items():
        stability[c.state_index[s_id]] = v
    for s_id, v in ini.growth.items():
        growth[c.state_index[s_id]] = v
    res = np.zeros((L.A, L.R))
    res[:] = np.maximum(0.0, c.res_min)[None, :]
    for a_id, per_res in ini.resources.items():
        for r_id, v in per_res.items():
            res[c.actor_index[a_id], c.res_index[r_id]] = v
    meters = np.array([m.start for m in sc.meters], dtype=np.float64)
    flags = np.zeros(L.F, dtype=bool)
    for f in ini.flags:
        flags[c.flag_index[f]] = True
    member = np.zeros((L.O, L.A), dtype=bool)
    for o in sc.organisations:
        for a in o.members:
            member[c.org_index[o.id], c.actor_index[a]] = True

    def rep(x: np.ndarray) -> np.ndarray:
        return np.repeat(x[None], n, axis=0)

    game_id = np.arange(game_offset, game_offset + n, dtype=np.int64)
    world_keys, policy_keys = rng.game_streams(seed, L.A, game_id)
    st = State(
        dep=rep(dep),
        trust=rep(trust),
        stability=rep(stability),
        growth=rep(growth),
        base_growth=rep(growth),
        resilience=rep(c.resilience0),
        autonomy=np.zeros((n, L.S)),
        res=rep(res),
        meters=rep(meters),
        flags=rep(flags),
        member=rep(member),
        fired=np.zeros((n, len(c.events)), dtype=np.int32),
        cooldown=np.zeros((n, c.n_cool), dtype=np.int32),
        queue=np.full((n, c.horizon, c.horizon, L.A * c.M_slots), -1, dtype=np.int32),
        turn=np.zeros(n, dtype=np.int32),
        terminated=np.zeros(n, dtype=bool),
        game_id=game_id,
        world_keys=world_keys,
        policy_keys=policy_keys,
        pending=np.zeros((n, len(c.events)), dtype=bool),
        score=np.zeros((n, L.A)),
    )
    recompute_derived(c, st)
    pay_income(c, st, params if params is not None else default_params(c, n))
    return st


# ------------------------------------------------------------------------------------------------
def availability(c: Compiled, st: State, ids: np.ndarray | None = None) -> np.ndarray:
    """Which choices' conditions hold, as ``bool[N, len(ids)]`` (all choices by default).

    Conditions are read as the turn opens: evaluate once per turn and pass the result to
    ``legal_mask`` and ``begin_turn`` (``avail=``) to avoid re-evaluating them per slot."""
    ids = np.arange(c.n_choices) if ids is None else ids
    live = ~st.terminated
    out = np.empty((st.n, len(ids)), dtype=bool)
    out[:] = live[:, None]  # choices without a condition: every live game
    for j, cid in enumerate(ids.tolist()):
        pred = c.choice_predicates[cid]
        if pred is not None:  # a strided column write: far cheaper than transposing at the end
            np.logical_and(pred(st), live, out=out[:, j])
    return out


def legal_mask(
    c: Compiled,
    st: State,
    seat: int,
    res: np.ndarray | None = None,
    cooldown: np.ndarray | None = None,
    avail: np.ndarray | None = None,
) -> np.ndarray:
    """Legal actions of ``seat`` as ``bool[N, 1 + W]``: column 0 is "pass" (always legal),
    column ``i`` is the seat's ``i``-th choice (``c.seat_table[seat, i - 1]``).

    ``res`` and ``cooldown`` override the state's (a running budget within the turn);
    ``avail`` is this turn's ``availability`` of all choices."""
    n = st.n
    W = c.seat_table.shape[1]
    mask = np.zeros((n, 1 + W), dtype=bool)
    mask[:, 0] = True
    ids = c.seat_table[seat, : len(c.seat_choices[seat])]  # the row is -1 padded at the end
    if not ids.size:
        return mask
    r = st.res if res is None else res
    cd = st.cooldown if cooldown is None else cooldown
    run = c.seat_run[seat]
    if avail is None:
        ok = availability(c, st, ids)
    elif run is not None:
        ok = avail[:, run].copy()  # the seat's columns are an even run: no gather
    else:
        # np.take keeps C order; fancy indexing on axis 1 would not, and mixing memory orders
        # in the in-place "&=" below costs ten times more
        ok = np.take(avail, ids, axis=1)
    ok &= np.take(cd, c.choice_cool[ids], axis=1) <= st.turn[:, None]
    need = c.choice_afford[ids]  # -inf where a cost never blocks
    for j in np.nonzero((need > -np.inf).any(axis=0))[0]:
        ok &= r[:, seat, j, None] >= need[None, :, j]
    mask[:, 1 : 1 + ids.size] = ok
    return mask


def _chosen_legal(
    c: Compiled, st: State, seat: int, a: np.ndarray, avail: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Whether each game's chosen local id ``a[N]`` is legal for ``seat`` now, and its global
    choice id: the same test as ``legal_mask`` (availability, cooldown, running budget), made
    for the one chosen column per game instead of the seat's whole row."""
    n = st.n
    W = c.seat_table.shape[1]
    inside = (a > 0) & (a <= W)
    cid = c.seat_table[seat, np.clip(a - 1, 0, W - 1)]
    ok = inside & (cid >= 0)
    cid = np.where(ok, cid, 0)
    games = np.arange(n)
    ok &= avail[games, cid]
    ok &= st.cooldown[games, c.choice_cool[cid]] <= st.turn
    ok &= (st.res[:, seat, :] >= c.choice_afford[cid]).all(axis=1)
    return ok, np.where(ok, cid, -1)


def pay_for_choices(
    c: Compiled,
    res: np.ndarray,
    cooldown: np.ndarray,
    seat: int,
    games: np.ndarray,
    choices: np.ndarray,
    turn: int,
) -> None:
    """The one rule for what taking a choice costs, applied in place: in each game of ``games``
    (distinct indices), ``seat`` pays the cost of its global choice id in ``choices`` from
    ``res``, and the choice's (seat, action) pair is unavailable until turn ``turn + max(1,
    cooldown)``, so an action is taken at most once a turn even without a cooldown.

    ``res`` and ``cooldown`` are the state's arrays when the engine takes the choices, or
    copies of them when a policy, a person's plan or the RL adapter keeps a running budget
    within the turn (so a later slot sees what is left)."""
    res[games, seat] -= c.choice_cost[choices]
    cooldown[games, c.choice_cool[choices]] = turn + np.maximum(1, c.choice_cooldown[choices])


def charge_choices(
    c: Compiled, res: np.ndarray, cooldown: np.ndarray, seat: int, actions: np.ndarray, turn: int
) -> None:
    """``pay_for_choices`` for ``seat``'s chosen *local* ids ``actions[N]`` (0 = pass), as
    ``legal_mask`` numbers them: the running budget of a turn's later slots."""
    took = actions > 0
    if took.any():
        cid = c.seat_table[seat, np.maximum(actions - 1, 0)][took]
        pay_for_choices(c, res, cooldown, seat, np.nonzero(took)[0], cid, turn)


def why_illegal(
    c: Compiled,
    st: State,
    choice: int,
    res: np.ndarray | None = None,
    cooldown: np.ndarray | None = None,
    game: int = 0,
) -> str | None:
    """Plain-words reason why ``choice`` cannot be taken in game ``game`` (None if it can)."""
    seat = c.choice_seat[choice]
    r = (st.res if res is None else res)[game, seat]
    cd = (st.cooldown if cooldown is None else cooldown)[game]
    if st.terminated[game]:
        return "the game is over"
    lacking = [
        (c.names.get(c.res_ids[i], c.res_ids[i]), c.choice_cost[choice, i], r[i])
        for i in range(len(c.res_ids))
        if r[i] + 1e-9 < c.choice_cost[choice, i]
    ]
    if lacking:
        name, need, have = lacking[0]
        return f"not enough {name}: needs {need:g}, you have {have:.1f}"
    until = cd[c.choice_cool[choice]]
    if until > st.turn[game]:
        wait = int(until - st.turn[game])
        return f"used recently: available again in {wait} turn{'s' if wait > 1 else ''}"
    pred = c.choice_predicates[choice]
    if pred is not None and not pred(st.take([game]))[0]:
        cond = c.scenario.actions[c.choice_action[choice]].available_if
        return f"only possible when {cond.describe(c.names)}" if cond else "not available"
    return None


# ------------------------------------------------------------------------------------------------
def push_acceptance(c: Compiled, st: State, p: Params) -> np.ndarray:
    """How much of a power's push each state accepts, per (state, dimension, power)."""
    P = c.layout.P
    thr = (p.acceptance_threshold / 100.0)[:, None, None, None]
    trust_factor = (
        1.0 + p.trust_acceptance[:, None, None] * (st.trust - NEUTRAL_TRUST) / NEUTRAL_TRUST
    )
    # acc = clip(trust_factor * (1 - resistance * over), 0, 1.5), computed in one buffer
    acc = st.dep[..., :P] - thr
    np.maximum(0.0, acc, out=acc)
    np.divide(acc, np.maximum(1e-9, 1.0 - thr), out=acc)  # over: share above the threshold
    np.multiply(p.resistance[:, None, None, None], acc, out=acc)
    np.subtract(1.0, acc, out=acc)
    np.multiply(trust_factor[:, :, None, :], acc, out=acc)
    if p.refusal.any() and st.resilience.size:
        # a resilient state refuses part of a push toward a partner already above the line
        line = (p.switch_above / 100.0)[:, None, None, None]
        refuse = (p.refusal[:, None] * st.resilience / 100.0)[:, :, None, None]
        acc *= 1.0 - refuse * (st.dep[..., :P] > line)
    return np.clip(acc, 0.0, 1.5, out=acc)


def apply_programs(
    c: Compiled,
    st: State,
    p: Params,
    progs: np.ndarray,
    ledger: Ledger | None = None,
    acceptance: np.ndarray | None = None,
) -> None:
    """Apply effect programs ``progs[N, J]`` (-1 = none) to the batch, all at once.

    ``acceptance`` may pass ``push_acceptance(c, st, p)`` when the caller already computed it for
    this state (lookahead policies try many programs on the same state)."""
    L = c.layout
    n = st.n
    flat = progs.reshape(n, -1)
    size = L.size
    if flat.shape[1] == 1 and n > 0 and flat[0, 0] >= 0 and (flat == flat[0, 0]).all():
        # the same single program in every game (a lookahead trying one candidate): one
        # change vector, shared by all games
        pid0 = int(flat[0, 0])
        op = np.arange(c.op_start[pid0], c.op_start[pid0 + 1])
        if op.size == 0:
            return
        blocks = int(c.prog_blocks[pid0])
        vector = np.bincount(c.op_slots[op], weights=c.op_amounts[op], minlength=size)
        dense = np.broadcast_to(vector, (n, size))
        if ledger is None:  # only the (state, dimension) rows the program moves can change
            rows = c.dependence_rows(pid0)
            if rows.size:
                _apply_dependence_rows(c, st, p, vector, rows, blocks, acceptance)
                for b in DEPENDENCE_BLOCKS:
                    blocks &= ~(1 << b)
    else:
        cells = flat.ravel()
        at = np.flatnonzero(cells >= 0)  # (game, column) cells holding a program, row-major
        if at.size == 0:
            return
        pid = cells[at]
        counts = c.op_count[pid]
        total = int(counts.sum())
        if total == 0:
            return
        # CSR expansion: one row per (game, op)
        first = np.repeat(c.op_start[pid] - np.cumsum(counts) + counts, counts)
        op = first + np.arange(total)
        # one dense change vector per game over the whole layout (a single scatter); each
        # block below is a view of it. Sums per slot follow the ops' order in every game.
        where = np.repeat(at // flat.shape[1] * size, counts) + c.op_slots[op]
        dense = np.bincount(where, weights=c.op_amounts[op], minlength=n * size).reshape(n, size)
        blocks = int(np.bitwise_or.reduce(c.prog_blocks[pid]))
    touched = {b for b in _BLOCKS if blocks >> b & 1}
    bounds = c.block_bounds

    def block(b: Block) -> np.ndarray:
        return dense[:, bounds[b] : bounds[b + 1]]

    if ledger is not None:
        ledger.before(st)
    dep_shape = (n, L.S, L.D, L.K)
    acc = None  # acceptance of scaled pushes, per (state, dimension, partner), for the ledger
    a = None
    if Block.PUSH_SCALED in touched:
        a = push_acceptance(c, st, p) if acceptance is None else acceptance
        if ledger is not None:
            acc = np.ones(dep_shape)
            acc[..., : L.P] = a

    def part(b: Block) -> np.ndarray | None:
        return block(b).reshape(dep_shape) if b in touched else None

    if touched.intersection(DEPENDENCE_BLOCKS):
        st.dep, push = resolve_dependence(
            st.dep, part(Block.PUSH_SCALED), part(Block.PUSH_RAW), part(Block.PULL), a, L.P
        )
    else:
        push = None
    if Block.TRUST in touched:
        trust = block(Block.TRUST).reshape(n, *L.shape(Block.TRUST))
        st.trust = np.clip(st.trust + trust, 0.0, 100.0)
    if Block.STABILITY in touched:
        st.stability = np.clip(st.stability + block(Block.STABILITY), 0.0, 100.0)
    if Block.GROWTH in touched:
        gr = block(Block.GROWTH)
        st.growth = np.clip(st.growth + gr, -30.0, 30.0)
        st.base_growth = np.clip(st.base_growth + 0.5 * gr, -30.0, 30.0)
    if Block.RESOURCES in touched:
        res = block(Block.RESOURCES).reshape(n, *L.shape(Block.RESOURCES))
        st.res = np.clip(st.res + res, c.res_min, c.res_max)
    if Block.METERS in touched:
        st.meters = np.clip(st.meters + block(Block.METERS), c.meter_min, c.meter_max)
    if Block.RESILIENCE in touched:
        st.resilience = np.clip(st.resilience + block(Block.RESILIENCE), 0.0, 100.0)
    if Block.FLAG_SET in touched or Block.FLAG_CLEAR in touched:
        st.flags = (st.flags & ~(block(Block.FLAG_CLEAR) > 0)) | (block(Block.FLAG_SET) > 0)
    if Block.ORG_JOIN in touched or Block.ORG_LEAVE in touched:
        joined = block(Block.ORG_JOIN).reshape(n, *L.shape(Block.ORG_JOIN)) > 0
        left = block(Block.ORG_LEAVE).reshape(n, *L.shape(Block.ORG_LEAVE)) > 0
        st.member = (st.member & ~left) | joined
    if ledger is not None:
        ledger.programs(c, st, flat, acc, np.zeros(dep_shape) if push is None else push)


def resolve_dependence(
    dep: np.ndarray,
    scaled: np.ndarray | None,
    raw: np.ndarray | None,
    pull: np.ndarray | None,
    acceptance: np.ndarray | None,
    P: int,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Resolution of dependence rows (last axis: partners, the rest of the world last): pushes
    (``scaled`` ones multiplied by the state's ``acceptance`` toward powers, ``raw`` ones in
    full) land together with one renormalisation, then pulls move shares from powers to the
    rest of the world. ``None`` = nothing of that kind. Returns a new array (``dep`` is never
    written into) and the pushes as applied (for the ledger)."""
    K = dep.shape[-1]
    push = None
    if scaled is not None:
        push = scaled.copy()
        push[..., :P] *= acceptance
        if raw is not None:
            push += raw
    elif raw is not None:
        push = raw
    if push is not None:
        tot = np.einsum("...k->...", push)[..., None]
        dep = (dep + push) / (1.0 + tot)
    if pull is not None:
        take = np.minimum(dep, pull)
        take[..., K - 1] = 0.0
        dep = dep - take
        dep[..., K - 1] += np.einsum("...k->...", take)
    return dep, push


def _apply_dependence_rows(
    c: Compiled,
    st: State,
    p: Params,
    vector: np.ndarray,
    rows: np.ndarray,
    blocks: int,
    acceptance: np.ndarray | None,
) -> None:
    """``resolve_dependence`` for one change ``vector`` shared by every game, on the only
    (state, dimension) ``rows`` it moves: every other row would be divided by exactly 1."""
    L, n = c.layout, st.n
    SD = L.S * L.D
    bounds = c.block_bounds

    def part(b: Block) -> np.ndarray | None:
        if not blocks >> b & 1:
            return None
        v = vector[bounds[b] : bounds[b + 1]].reshape(SD, L.K)[rows]
        return np.broadcast_to(v, (n, rows.size, L.K))

    a = None
    if blocks >> Block.PUSH_SCALED & 1:
        full = push_acceptance(c, st, p) if acceptance is None else acceptance
        a = full.reshape(n, SD, L.P)[:, rows]
    dep = st.dep.reshape(n, SD, L.K)
    new_rows, _ = resolve_dependence(
        dep[:, rows], part(Block.PUSH_SCALED), part(Block.PUSH_RAW), part(Block.PULL), a, L.P
    )
    out = st.dep.copy()
    out.reshape(n, SD, L.K)[:, rows] = new_rows
    st.dep = out


# ------------------------------------------------------------------------------------------------
def _structural_drift(c: Compiled, st: State, p: Params, ledger: Ledger | None) -> None:
    """Phase 4a: the scenario's trends (``drift``), in declared order, each moving one
    partner's share a fraction of the way toward its level; then organisations with a leader
    and a dimension tie their members a little more to the leader (``membership_pull``)."""
    L = c.layout
    for dr in c.drifts:
        if ledger is not None:
            ledger.before(st, ("dep",))
        active = dr.predicate(st) if dr.predicate is not None else None
        if active is not None and not active.any():
            continue
        ix = _drift_index(dr.states, dr.dims)
        sub = st.dep[ix]  # (N, s, d, K)
        x = sub[..., dr.partner].copy()  # sub may be a view of st.dep, changed below
        xn = np.clip(x + dr.rate * (dr.toward - x), 0.0, 0.999)
        if active is not None:
            xn = np.where(active[:, None, None], xn, x)
        _set_share(sub, dr.partner, x, xn, L.K)
        if sub.base is not st.dep:  # a copy (index arrays); a view has already written
            st.dep[ix] = sub
        if ledger is not None:
            ledger.after("drift", dr.id, dr.label, dr.source, st)
    # organisations tie members to their leader (e.g. CSTO and security with Russia)
    for o, k, d in c.org_pull:
        if ledger is not None:
            ledger.before(st, ("dep",))
        states = [c.actor_index[s] for s in c.state_ids]
        members = st.member[:, o, states]  # (N, S)
        if not members.any():
            continue
        b = (p.membership_pull / 100.0)[:, None] * members
        row = st.dep[:, :, d, :]
        row[..., k] += b
        row /= (1.0 + b)[..., None]
        st.dep[:, :, d, :] = row
        if ledger is not None:
            org = c.scenario.organisations[o]
            ledger.after(
                "drift",
                f"membership:{org.id}",
                f"membership of {c.names.get(org.id, org.id)}",
                "",
                st,
            )


def _drift_index(states: np.ndarray, dims: np.ndarray) -> tuple:
    """Index of the (state, dimension) rows a drift term moves, for all games: basic slices
    where the ids are a contiguous run (a view, no copy), broadcast index arrays otherwise."""

    def axis(ids: np.ndarray) -> slice | np.ndarray:
        lo = int(ids[0]) if len(ids) else 0
        if len(ids) and (np.diff(ids) == 1).all():
            return slice(lo, lo + len(ids))
        return ids

    si, di = axis(states), axis(dims)
    if isinstance(si, np.ndarray) and isinstance(di, np.ndarray):
        return (slice(None), si[:, None], di[None, :])
    return (slice(None), si, di)


def _set_share(sub: np.ndarray, k: int, x: np.ndarray, xn: np.ndarray, K: int) -> None:
    """Set partner ``k``'s share to ``xn`` and rescale the others so the row sums to 1."""
    rest = 1.0 - x
    scale = np.where(rest > 1e-12, (1.0 - xn) / np.maximum(rest, 1e-12), 0.0)
    sub *= scale[..., None]
    sub[..., k] = xn
    # a row that was entirely one partner gives the freed share to the rest of the world
    lost = np.where(rest > 1e-12, 0.0, 1.0 - xn)
    if np.any(lost):
        sub[..., K - 1] += lost


def switching_step(
    c: Compiled,
    p: Params,
    dep: np.ndarray,
    trust: np.ndarray,
    resilience: np.ndarray,
    turns: int = 1,
) -> np.ndarray:
    """One turn of the states' own switching, for the states in ``dep`` (``(N, S', D, K)``,
    with their ``trust`` ``(N, S', P)`` and ``resilience`` ``(N, S')``); returns new shares.

    In every row, each power holding more than ``switch_above`` loses
    ``switching x (resilience / 100)^2 x mobility(dimension)`` of its excess. The freed share goes
    to the rest of the world (weight 1) and to the powers the state trusts more than neutral
    that are below the line (weight ``(trust - 50) / 50`` each), so rows still sum to 1.
    ``turns > 1`` moves at once what that many turns at this resilience would move (the excess
    shrinks by the same factor each turn): the estimate a lookahead uses."""
    P = c.layout.P
    thr = (p.switch_above / 100.0)[:, None, None, None]
    shares = dep[..., :P]
    move = shares - thr
    below = move < 0.0
    np.maximum(move, 0.0, out=move)
    # the rate grows with the square of resilience: a state needs a critical mass of trained
    # people, routes and partners before it can switch much (twice the resilience, four times
    # the switching)
    rate = p.switching[:, None, None] * (resilience / 100.0)[:, :, None] ** 2 * c.dim_mobility
    if turns > 1:
        rate = 1.0 - (1.0 - np.minimum(rate, 1.0)) ** turns
    move *= rate[..., None]  # (N, S', D, P)
    freed = move.sum(axis=-1)  # (N, S', D)
    welcome = np.maximum(0.0, trust - NEUTRAL_TRUST) / NEUTRAL_TRUST  # (N, S', P)
    w = below * welcome[:, :, None, :]  # (N, S', D, P)
    share_of_freed = freed / (1.0 + w.sum(axis=-1))  # per unit of weight
    out = dep.copy()
    out[..., :P] += w * share_of_freed[..., None] - move
    out[..., -1] += share_of_freed
    return out


def _switching(c: Compiled, st: State, p: Params, ledger: Ledger | None) -> None:
    """Phase 4b: states use their resilience to move ties away from partners they depend on
    too much (``switching_step``); then resilience fades a little toward its starting level
    (``resilience_memory``: it needs upkeep). Nothing happens in a scenario without resilience."""
    if not st.resilience.size:
        return
    if p.switching.any():
        if ledger is not None:
            ledger.before(st, ("dep",))
        st.dep = switching_step(c, p, st.dep, st.trust, st.resilience)
        if ledger is not None:
            ledger.after(
                "drift",
                "switching",
                "the state moves ties away from a partner it depends on too much (resilience)",
                "",
                st,
            )
    if ledger is not None:
        ledger.before(st, ("resilience",))
    st.resilience = st.resilience + p.resilience_memory[:, None] * (c.resilience0 - st.resilience)
    if ledger is not None:
        ledger.after("drift", "resilience_memory", "resilience fades without upkeep", "", st)


def switch_ahead(
    c: Compiled, p: Params, st: State, turns: int, states: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The shares and resilience of ``states`` (all by default) after ``turns`` turns in which
    only the states' own switching and the fading of resilience happen (no actions, trends or
    events): what a lookahead policy expects the states to do with their resilience. Each
    state's switching reads only its own rows, so any subset gives the same numbers."""
    ix = slice(None) if states is None else states
    return project_switching(
        c, p, st.dep[:, ix], st.trust[:, ix], st.resilience[:, ix], c.resilience0[ix], turns
    )


def project_switching(
    c: Compiled,
    p: Params,
    dep: np.ndarray,
    trust: np.ndarray,
    resilience: np.ndarray,
    start: np.ndarray,
    turns: int,
) -> tuple[np.ndarray, np.ndarray]:
    """``switch_ahead`` on explicit rows: ``dep (N, S', D, K)``, ``trust (N, S', P)``,
    ``resilience (N, S')`` and the starting resilience they fade toward, ``start (S',)``. The
    second axis need not be distinct states (a lookahead stacks one state per candidate).

    The turns are taken in one step (``switching_step(turns=...)``) at the resilience of the
    middle of the period, an estimate that costs one turn's arithmetic whatever the horizon."""
    keep = (1.0 - p.resilience_memory[:, None]) ** turns
    after = start + (resilience - start) * keep  # resilience fades toward its start
    if turns > 0 and p.switching.any():
        middle = start + (resilience - start) * np.sqrt(keep)
        dep = switching_step(c, p, dep, trust, middle, turns)
    return dep, after


def _trust_and_economy(c: Compiled, st: State, p: Params, ledger: Ledger | None) -> None:
    """Phase 4c: trust returns toward neutral (``trust_memory``) and falls where a state
    depends on a power above the acceptance threshold (``resentment``); growth returns toward
    its long-run level; stability moves toward normal, with growth and autonomy, plus a shock
    from the world's random stream."""
    L = c.layout
    if ledger is not None:
        ledger.before(st)
    st.trust = st.trust + p.trust_memory[:, None, None] * (NEUTRAL_TRUST - st.trust)
    if ledger is not None:
        ledger.after("drift", "trust_memory", "trust returns slowly toward neutral", "", st)
        ledger.before(st)
    share = np.einsum("nsdp,d->nsp", st.dep[..., : L.P], c.dim_weights_norm) * 100.0
    over = np.maximum(0.0, share - p.acceptance_threshold[:, None, None])
    st.trust = np.clip(st.trust - p.resentment[:, None, None] * over / 10.0, 0.0, 100.0)
    if ledger is not None:
        ledger.after("drift", "resentment", "resentment of depending too much on one power", "", st)
        ledger.before(st)
    st.growth = st.growth + p.growth_reversion[:, None] * (st.base_growth - st.growth)
    shock = rng.normal(st.world_keys, int(st.turn[0]), rng.Draw.STABILITY_SHOCK, L.S)
    st.stability = np.clip(
        st.stability
        + 0.1 * (NORMAL_STABILITY - st.stability)
        + p.stability_from_growth[:, None] * (st.growth - NEUTRAL_GROWTH) * 0.5
        + p.stability_from_autonomy[:, None] * (st.autonomy - NEUTRAL_AUTONOMY)
        + p.shock_sd[:, None] * shock,
        0.0,
        100.0,
    )
    if ledger is not None:
        ledger.after("drift", "economy", "growth and stability (economy, autonomy, chance)", "", st)


def _events(c: Compiled, st: State, p: Params, ledger: Ledger | None) -> np.ndarray:
    """Phase 5: fire every event whose date or window, repeatability, chance (world stream)
    and condition hold, all read before any of them applies; apply their effects and mark
    those with options pending. Returns which events fired, ``bool[N, E]``."""
    n, E = st.n, len(c.events)
    fired = np.zeros((n, E), dtype=bool)
    if not E:
        return fired
    t = int(st.turn[0])
    u = rng.uniform(st.world_keys, t, rng.Draw.EVENT_FIRES, E)
    live = ~st.terminated
    for ev in c.events:
        if ev.sched_turn >= 0:
            if ev.sched_turn != t:
                continue
        elif not (ev.first <= t <= ev.last):
            continue
        ok = live.copy()
        if not ev.repeatable:
            ok &= st.fired[:, ev.index] == 0
        if ev.chance < 1.0:
            ok &= u[:, ev.index] < ev.chance
        if ev.predicate is not None and ok.any():
            ok &= ev.predicate(st)
        fired[:, ev.index] = ok
    if fired.any():
        st.fired += fired
        progs = np.where(fired, np.array([ev.program for ev in c.events]), -1)
        if ledger is not None:  # one event at a time, so each gets its own ledger lines
            for e in np.nonzero(fired.any(axis=0))[0]:
                apply_programs(c, st, p, progs[:, [e]], ledger)
        else:
            apply_programs(c, st, p, progs, None)
        has_opts = np.array([len(ev.options) > 0 for ev in c.events])
        st.pending = fired & has_opts[None, :]
    return fired


def recompute_derived(c: Compiled, st: State) -> None:
    """Recompute, in place, what is derived from the rest of the state: every state's autonomy
    (from its dependence shares) and every role's score. The engine does it after resolution
    and at the end of every turn; call it after applying programs to a clone (previews,
    lookahead) before reading autonomy or scores."""
    st.autonomy = autonomy_from_concentration(c, row_concentration(c, st))
    st.score = role_scores(c, st)


def objective_values(c: Compiled, st: State) -> np.ndarray:
    """Raw values of every objective, shape (N, n_objectives)."""
    if not c.objectives:
        return np.zeros((st.n, 0))
    return np.stack([ob.measure(st) for ob in c.objectives], axis=1)


def objective_points(c: Compiled, values: np.ndarray) -> np.ndarray:
    """Grade index per objective (0 = A ... 4 = F), shape (N, n_objectives)."""
    out = np.full(values.shape, 4, dtype=np.int8)
    for j, ob in enumerate(c.objectives):
        v = ob.sign * values[:, j]
        for g in range(3, -1, -1):
            out[:, j] = np.where(v >= ob.bands[g] - 1e-9, g, out[:, j])
    return out


def row_concentration(c: Compiled, st: State, rows: np.ndarray | None = None) -> np.ndarray:
    """Concentration (HHI over the powers) of every (state, dimension) row, ``(N, S, D)``; or
    of the flat rows ``s * D + d`` listed in ``rows`` only, ``(N, len(rows))``."""
    L = c.layout
    # einsum: ~4x faster than .sum over the short partner axis, same order for any batch size
    if rows is None:
        dp = st.dep[..., : L.P]
        return np.einsum("nsdk,nsdk->nsd", dp, dp)
    dp = st.dep.reshape(st.n, L.S * L.D, L.K)[:, rows, : L.P]
    return np.einsum("nrk,nrk->nr", dp, dp)


def autonomy_from_concentration(c: Compiled, hhi: np.ndarray) -> np.ndarray:
    """Every state's autonomy ``(N, S)`` from its rows' concentrations ``hhi`` ``(N, S, D)``
    (``row_concentration``): 100 x the weighted mean over dimensions of ``1 - concentration``."""
    return 100.0 * (1.0 - np.einsum("nsd,d->ns", hhi, c.dim_weights_norm))


def role_score(c: Compiled, st: State, role: int, hhi: np.ndarray | None = None) -> np.ndarray:
    """One role's score ``float[N]`` (same mapping as ``role_scores``), recomputing autonomy
    first; cheaper when only one role matters (lookahead). ``hhi`` may pass this state's
    ``row_concentration`` when the caller knows it."""
    if hhi is None:
        hhi = row_concentration(c, st)
    st.autonomy = autonomy_from_concentration(c, hhi)
    return _scores_for(c, st, c.objectives_of(role))


_SCORE_OF_POINTS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])


def _scores_for(c: Compiled, st: State, objectives: list) -> np.ndarray:
    total = np.zeros(st.n)
    wsum = 0.0
    for ob in objectives:
        total += ob.weight * np.interp(ob.sign * ob.measure(st), ob.score_points, _SCORE_OF_POINTS)
        wsum += ob.weight
    return total / wsum if wsum > 0 else total


def role_scores(c: Compiled, st: State) -> np.ndarray:
    """Each role's score in [0, 1]: the weighted mean of its objectives, each mapped linearly
    between its bands (D = 0.25, C = 0.5, B = 0.75, A = 1.0)."""
    score = np.zeros((st.n, c.layout.A))
    for r in sorted({ob.role for ob in c.objectives}):
        score[:, r] = _scores_for(c, st, c.objectives_of(r))
    return score


def grade_of_score(gpa: np.ndarray) -> np.ndarray:
    """Overall grade index from the mean grade points (A = 4 ... F = 0)."""
    return np.select([gpa >= 3.5, gpa >= 2.5, gpa >= 1.5, gpa >= 0.5], [0, 1, 2, 3], 4)


def role_grades(c: Compiled, st: State) -> dict[int, np.ndarray]:
    """Overall grade index (0 = A ... 4 = F) per role, each ``int[N]``."""
    pts = 4 - objective_points(c, objective_values(c, st)).astype(np.float64)
    out = {}
    for r in c.roles:
        cols = [j for j, ob in enumerate(c.objectives) if ob.role == r]
        w = np.array([c.objectives[j].weight for j in cols])
        gpa = (pts[:, cols] * w).sum(axis=1) / w.sum()
        out[r] = grade_of_score(gpa)
    return out


# ------------------------------------------------------------------------------------------------
def begin_turn(
    c: Compiled,
    st: State,
    p: Params,
    actions: np.ndarray,
    explain: bool = False,
    avail: np.ndarray | None = None,
) -> TurnInfo:
    """Phases 1-5 of a turn, in place. ``actions[N, A, M]`` are per-seat local ids (0 = pass).

    Returns ``TurnInfo``; events that need an option are left in ``st.pending``."""
    L, n = c.layout, st.n
    t = int(st.turn[0])
    if not np.all(st.turn == t):
        raise ValueError("all games of a batch must be on the same turn")
    ledger = Ledger(c, n) if explain else None
    live = ~st.terminated
    actions = np.asarray(actions)
    # 2. choices: checked slot by slot against running resources and cooldowns
    chosen = np.full((n, L.A, c.M_slots), -1, dtype=np.int64)
    refused = np.zeros(n, dtype=np.int32)
    H = c.horizon
    q_land_issue = t % H
    if ledger is not None:
        ledger.before(st)
    if avail is None and actions.any():
        avail = availability(c, st)
    for seat in c.seats_with_choices:
        for m in range(min(c.M_slots, actions.shape[2])):
            a = actions[:, seat, m]
            if not a.any():
                continue
            assert avail is not None  # computed above when any action is chosen
            ok, cid = _chosen_legal(c, st, seat, a, avail)
            refused += ((a != 0) & ~ok).astype(np.int32)
            if not ok.any():
                continue
            gi = np.nonzero(ok)[0]
            ids = cid[gi]
            chosen[gi, seat, m] = ids
            pay_for_choices(c, st.res, st.cooldown, seat, gi, ids, t)
            qslot = seat * c.M_slots + m
            for j in range(int(c.choice_duration[ids].max())):
                live_j = j < c.choice_duration[ids]
                land = (t + c.choice_delay[ids] + j) % H
                st.queue[gi[live_j], land[live_j], q_land_issue, qslot] = ids[live_j]
    if ledger is not None:
        ledger.after_costs(c, st, chosen)
    # 3. resolution of everything landing this turn
    landing = st.queue[:, t % H].reshape(n, -1).copy()
    st.queue[:, t % H] = -1
    landing[~live] = -1
    apply_programs(c, st, p, landing, ledger)
    # 4. drift and dynamics
    recompute_derived(c, st)
    _structural_drift(c, st, p, ledger)
    _switching(c, st, p, ledger)
    _trust_and_economy(c, st, p, ledger)
    # 5. events
    fired = _events(c, st, p, ledger)
    return TurnInfo(refused=refused, fired=fired, chosen=chosen, ledger=ledger)


def finish_turn(
    c: Compiled,
    st: State,
    p: Params,
    option_choices: np.ndarray | None,
    info: TurnInfo | None = None,
) -> None:
    """Phase 6: apply chosen options (``int[N, E]``, -1 none; a pending event with no valid
    choice takes its first option), recompute derived values, advance the turn."""
    n, E = st.n, len(c.events)
    if E and st.pending.any():
        ch = np.full((n, E), -1) if option_choices is None else np.asarray(option_choices)
        progs = np.full((n, E), -1, dtype=np.int64)
        taken = np.full((n, E), -1, dtype=np.int64)
        for e in np.nonzero(st.pending.any(axis=0))[0]:
            opts = c.events[e].options
            pick = np.where((ch[:, e] >= 0) & (ch[:, e] < len(opts)), ch[:, e], 0)
            pend = st.pending[:, e]
            progs[pend, e] = np.array(opts)[pick[pend]]
            taken[pend, e] = pick[pend]
        led = info.ledger if info is not None else None
        if led is not None:
            for e in np.nonzero(st.pending.any(axis=0))[0]:
                apply_programs(c, st, p, progs[:, [e]], led)
        else:
            apply_programs(c, st, p, progs, None)
        if info is not None:
            info.options = taken
        st.pending[:] = False
    st.turn += (~st.terminated).astype(np.int32)
    recompute_derived(c, st)
    st.terminated |= st.turn >= c.n_turns
    pay_income(c, st, p, info.ledger if info is not None else None)


def pay_income(c: Compiled, st: State, p: Params, ledger: Ledger | None = None) -> None:
    """Phase 1 of the coming turn: income is paid as a turn opens, so choices can use it."""
    live = ~st.terminated
    if ledger is not None:
        ledger.before(st)
    st.res = np.clip(st.res + p.income * live[:, None, None], c.res_min, c.res_max)
    if ledger is not None:
        ledger.after("income", "income", "income for the coming year", "", st)


# ------------------------------------------------------------------------------------------------
def step(
    c: Compiled,
    st: State,
    p: Params,
    actions: np.ndarray,
    option_chooser: OptionChooser | None = None,
    explain: bool = False,
    avail: np.ndarray | None = None,
) -> TurnInfo:
    """One whole turn for a batch: ``begin_turn``, options by ``option_chooser``, ``finish``.
    ``avail`` may pass this turn's ``availability`` if the caller computed it already."""
    info = begin_turn(c, st, p, actions, explain=explain, avail=avail)
    choices = None
    if st.pending.any():
        choices = (option_chooser or weighted_options)(c, st)
    finish_turn(c, st, p, choices, info)
    return info


def weighted_options(c: Compiled, st: State) -> np.ndarray:
    """Default option choice: sample each pending event's options by their ``ai_weight`` with
    the chooser's policy stream (so it never disturbs the world's random numbers)."""
    n, E = st.n, len(c.events)
    out = np.full((n, E), -1, dtype=np.int64)
    t = int(st.turn[0])
    for e in np.nonzero(st.pending.any(axis=0))[0]:
        ev = c.events[e]
        w = ev.option_weights
        if w.sum() <= 0:
            w = np.ones_like(w)
        cdf = np.cumsum(w / w.sum())
        tag = rng.Draw.EVENT_OPTION + int(e)
        u = rng.uniform(st.policy_keys[:, ev.chooser], t, tag, 1)[:, 0]
        out[:, e] = np.minimum(np.searchsorted(cdf, u, side="right"), len(w) - 1)
    return out


def historical_options(c: Compiled, st: State) -> np.ndarray:
    """Option choice of the historical script: the option marked ``historical``."""
    n, E = st.n, len(c.events)
    out = np.full((n, E), -1, dtype=np.int64)
    for e in np.nonzero(st.pending.any(axis=0))[0]:
        out[:, e] = max(0, c.events[e].historical_option)
    return out
