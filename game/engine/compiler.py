"""Turn a validated ``Scenario`` into arrays and vectorised functions the engine runs.

Everything the engine does each turn is table lookups and array arithmetic over a leading game
axis N; the compiler builds those tables once:

* **Index maps**: actors, states, powers, partners (= powers + ROW), dimensions, resources,
  meters, flags, organisations, events.
* **Effect programs**: every action-with-target ("choice"), every event and every event option
  becomes a *program*, a sparse list of ``(slot, amount)`` pairs into one flat per-game vector of
  additive changes, laid out by ``layout.Layout``. Applying any set of programs to N games is one
  ``numpy.bincount``; the same tables give previews and the "why did this change?" ledger.
* **Predicates**: conditions become closures ``f(state) -> bool[N]`` (no ``eval``: each
  closure is built from the registry's fixed vocabulary).
* **Quantities**: objectives and map modes become closures ``f(state) -> float[N]``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..scenario.model import Action, Scenario, text_in
from ..scenario.registry import QUANTITIES, REST_OF_WORLD, Condition, Effect
from .layout import DEPENDENCE_BLOCKS, Block, Layout
from .rng import ChanceOwner, Draw, chance_tag_of_negation, chance_tag_of_part, uniform

if TYPE_CHECKING:
    from .state import State

QUANTITY_KINDS = frozenset(QUANTITIES)
#: a state's resilience unless the scenario says otherwise, and the level it returns toward
DEFAULT_RESILIENCE = 30.0

Predicate = Callable[["State"], np.ndarray]
Measure = Callable[["State"], np.ndarray]


class CompileError(ValueError):
    """A scenario passed validation but cannot be compiled (a bug in validation)."""


# ------------------------------------------------------------------------------------------------
@dataclass
class Program:
    """A sparse list of changes: the effects of one choice, event or option."""

    kind: str  # "action" | "event" | "option"
    ref: str  # action id, event id or "event_id.option_id"
    label: str
    source: str
    slots: list[int] = field(default_factory=list)
    amounts: list[float] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@dataclass
class Choice:
    """One thing a seat can pick: an action with a concrete target (or none)."""

    index: int  # global choice index (also its program index)
    seat: int  # index of the acting actor
    action: int  # index into scenario.actions
    target: int  # actor index of the target, or -1
    label: str


@dataclass
class EventRow:
    """An event, compiled: when it may fire, its program and its options' programs."""

    index: int
    sched_turn: int  # turn when a dated event fires (-1 when not dated)
    first: int  # first eligible turn (window)
    last: int  # last eligible turn
    chance: float
    repeatable: bool
    predicate: Predicate | None
    program: int
    options: list[int]  # program ids of the options
    option_weights: np.ndarray
    historical_option: int  # index into options, or -1
    chooser: int  # actor index, or -1


@dataclass
class DriftRow:
    """A trend (``drift``), compiled: the rows it moves, toward what level, how fast, when."""

    id: str
    label: str
    source: str
    states: np.ndarray  # state indices
    dims: np.ndarray  # dimension indices
    partner: int  # partner index (K space)
    toward: float
    rate: float
    predicate: Predicate | None


@dataclass
class ObjectiveRow:
    """A role's objective, compiled: its measure and the bands of its grades."""

    role: int
    id: str
    label: str
    measure: Measure
    bands: np.ndarray  # A, B, C, D thresholds, sign-adjusted so higher is better
    sign: float
    weight: float

    @property
    def score_points(self) -> np.ndarray:
        """The values mapped to scores 0, 0.25 (D), 0.5 (C), 0.75 (B) and 1 (A): a step
        below D, then the bands, made non-decreasing (``np.interp``'s x-points)."""
        if "_points" not in self.__dict__:
            a, b, cc, d = self.bands
            self.__dict__["_points"] = np.maximum.accumulate(
                np.array([d - (cc - d if cc > d else 1.0), d, cc, b, a])
            )
        return self.__dict__["_points"]


class Compiled:
    """A scenario compiled for the engine. Build with ``compile_scenario``."""

    scenario: Scenario
    layout: Layout
    # per choice (an action with a concrete target), indexed by global choice id
    n_choices: int
    choice_seat: np.ndarray  # acting actor index
    choice_action: np.ndarray  # index into scenario.actions
    choice_target: np.ndarray  # target actor index, or -1
    choice_delay: np.ndarray  # turns before the effects land
    choice_duration: np.ndarray  # turns the effects repeat
    choice_cooldown: np.ndarray
    choice_cost: np.ndarray  # (n_choices, R)
    #: (n_choices, R) the least budget that affords each cost: cost - 1e-9, or -inf where the
    #: cost is zero or negative (such a cost never blocks, even below a resource's minimum)
    choice_afford: np.ndarray
    choice_ai_weight: np.ndarray
    choice_family: list[str]
    choice_prefer: list[str]
    choice_cool: np.ndarray  # index of the (seat, action) cooldown counter
    cool_index: dict[tuple[int, int], int]
    n_cool: int
    horizon: int  # length of the project queue (max delay + duration)
    seat_table: np.ndarray  # (A, W) global choice ids per seat, -1 padded
    #: per seat, its choice ids as a slice (start, stop, step) when they are an evenly spaced
    #: run (columns of a turn's availability can then be read without a gather), else None
    seat_run: list[slice | None]
    seats_with_choices: list[int]
    max_options: int
    org_pull: list[tuple[int, int, int]]  # (organisation, leader partner, dimension)
    roles: list[int]  # actors with objectives
    # effect programs in CSR form: ops of program p are op_start[p]:op_start[p + 1]
    n_programs: int
    op_start: np.ndarray
    op_count: np.ndarray
    op_slots: np.ndarray
    op_amounts: np.ndarray
    block_bounds: np.ndarray  # Layout.bounds: first slot of each block, then the size
    op_block: np.ndarray  # the Block each op writes into
    prog_blocks: np.ndarray  # per program, a bit mask of the blocks its ops write into
    #: each state's starting resilience (``(S,)``), or empty when the scenario does not use
    #: resilience (set at the end of ``compile_scenario``)
    resilience0: np.ndarray

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        sc = scenario
        self.actor_ids = [a.id for a in sc.actors]
        self.actor_index = {a: i for i, a in enumerate(self.actor_ids)}
        self.state_ids = [a.id for a in sc.states]
        self.state_index = {a: i for i, a in enumerate(self.state_ids)}
        self.power_ids = [a.id for a in sc.powers]
        self.power_index = {a: i for i, a in enumerate(self.power_ids)}
        self.partner_ids = self.power_ids + [REST_OF_WORLD]
        self.partner_index = {a: i for i, a in enumerate(self.partner_ids)}
        self.dim_ids = [d.id for d in sc.dimensions]
        self.dim_index = {d: i for i, d in enumerate(self.dim_ids)}
        self.dim_weights = np.array([d.weight for d in sc.dimensions], dtype=np.float64)
        if self.dim_weights.sum() <= 0:
            self.dim_weights[:] = 1.0
        self.dim_weights_norm = self.dim_weights / self.dim_weights.sum()
        #: how easily a resilient state moves its ties in each dimension (``switching``)
        self.dim_mobility = np.array([d.mobility for d in sc.dimensions], dtype=np.float64)
        m = sc.model
        #: whether the scenario uses resilience at all (switching, refusal, starting levels, an
        #: effect or a quantity that names it; the last two are found while compiling). A
        #: scenario that does not carries no resilience in its state (``resilience0`` is empty)
        self.uses_resilience = bool(m.switching or m.refusal or sc.initial.resilience)
        self.res_ids = [r.id for r in sc.resources]
        self.res_index = {r: i for i, r in enumerate(self.res_ids)}
        self.res_min = np.array([r.min for r in sc.resources], dtype=np.float64)
        self.res_max = np.array([r.max for r in sc.resources], dtype=np.float64)
        self.meter_ids = [m.id for m in sc.meters]
        self.meter_index = {m: i for i, m in enumerate(self.meter_ids)}
        self.meter_min = np.array([m.min for m in sc.meters], dtype=np.float64)
        self.meter_max = np.array([m.max for m in sc.meters], dtype=np.float64)
        self.flag_ids = [f.id for f in sc.flags]
        self.flag_index = {f: i for i, f in enumerate(self.flag_ids)}
        self.org_ids = [o.id for o in sc.organisations]
        self.org_index = {o: i for i, o in enumerate(self.org_ids)}
        self.event_ids = [e.id for e in sc.events]
        self.event_index = {e: i for i, e in enumerate(self.event_ids)}
        self.action_index = {a.id: i for i, a in enumerate(sc.actions)}
        self.names = sc.names()
        self.n_turns = sc.calendar.n_turns
        self.params = sc.model
        self.M_slots = sc.model.actions_per_turn
        self.layout = Layout(
            S=len(self.state_ids),
            D=len(self.dim_ids),
            K=len(self.partner_ids),
            P=len(self.power_ids),
            A=len(self.actor_ids),
            R=len(self.res_ids),
            M=len(self.meter_ids),
            F=len(self.flag_ids),
            O=len(self.org_ids),
        )
        self.sources = {b.id: b for b in sc.bibliography}
        self.programs: list[Program] = []
        self.choices: list[Choice] = []
        self.seat_choices: list[list[int]] = [[] for _ in self.actor_ids]
        self.choice_predicates: list[Predicate | None] = []
        self.events: list[EventRow] = []
        self.drifts: list[DriftRow] = []
        self.objectives: list[ObjectiveRow] = []
        self.years = [int(sc.calendar.date_of_turn(t)[:4]) for t in range(self.n_turns + 1)]

    # ---- helpers -------------------------------------------------------------------------------
    def cite(self, sources: list[Any]) -> str:
        """Sources as one readable citation each (publisher, date, quoted title, locator)."""
        out = []
        for s in sources:
            b = self.sources.get(s.ref)
            title = b.title if b else s.ref
            pub = f"{b.publisher}, " if b and b.publisher else ""
            date = f"{b.date}, " if b and b.date else ""
            out.append(f"{pub}{date}\u201c{title}\u201d, {s.locator}")
        return "; ".join(out)

    def without_events(self, disabled: list[int] | tuple[int, ...]) -> Compiled:
        """A shallow copy in which the given events can never fire (for paired ablations).

        The events stay declared, so conditions such as ``event_fired`` keep their meaning
        (they are simply never true for a disabled event)."""
        import copy
        import dataclasses

        out = copy.copy(self)
        off = set(disabled)
        out.events = [
            dataclasses.replace(ev, sched_turn=-1, first=1, last=0) if ev.index in off else ev
            for ev in self.events
        ]
        return out

    def objectives_of(self, role: int) -> list[ObjectiveRow]:
        """The objectives of one role, in declared order (cached)."""
        cache = self.__dict__.setdefault("_objectives_of", {})
        if role not in cache:
            cache[role] = [ob for ob in self.objectives if ob.role == role]
        return cache[role]

    def dependence_rows(self, p: int) -> np.ndarray:
        """The (state, dimension) rows, as flat indices ``s * D + d``, that program ``p``
        pushes or pulls (sorted; empty if it does not touch dependence)."""
        cache = self.__dict__.setdefault("_dependence_rows", {})
        if p not in cache:
            ops = slice(self.op_start[p], self.op_start[p + 1])
            on_dep = np.isin(self.op_block[ops], DEPENDENCE_BLOCKS)
            L = self.layout
            cache[p] = np.unique(self.op_slots[ops][on_dep] % L.dep_size // L.K)
        return cache[p]

    def program_states(self, p: int) -> np.ndarray:
        """The states whose own switching program ``p`` can change: those whose shares,
        trust or resilience it moves (sorted state indices)."""
        cache = self.__dict__.setdefault("_program_states", {})
        if p not in cache:
            L = self.layout
            ops = slice(self.op_start[p], self.op_start[p + 1])
            slots, blk = self.op_slots[ops], self.op_block[ops]
            on_dep = slots[np.isin(blk, DEPENDENCE_BLOCKS)] % L.dep_size // (L.D * L.K)
            on_trust = (slots[blk == Block.TRUST] - L.start(Block.TRUST)) // L.P
            on_res = slots[blk == Block.RESILIENCE] - L.start(Block.RESILIENCE)
            cache[p] = np.unique(np.concatenate([on_dep, on_trust, on_res])).astype(np.int64)
        return cache[p]

    def program_ops(self, p: int) -> tuple[np.ndarray, np.ndarray]:
        """Program ``p``'s slots (``layout.Layout``) and amounts, in order."""
        ops = slice(self.op_start[p], self.op_start[p + 1])
        return self.op_slots[ops], self.op_amounts[ops]


# ------------------------------------------------------------------------------------------------
def _resolve(ref: str, actor: int, target: int, c: Compiled) -> int:
    """An actor reference (id or placeholder) as an actor index."""
    if ref == "$actor":
        return actor
    if ref == "$target":
        if target < 0:
            raise CompileError("$target used by an action without targets")
        return target
    if ref not in c.actor_index:
        raise CompileError(f"unknown actor {ref}")
    return c.actor_index[ref]


def _state_of(ref: str, actor: int, target: int, c: Compiled) -> int:
    a = _resolve(ref, actor, target, c)
    s = c.state_index.get(c.actor_ids[a], -1)
    if s < 0:
        raise CompileError(f"{c.actor_ids[a]} is not a state")
    return s


def _partner_of(ref: str, actor: int, target: int, c: Compiled) -> int:
    if ref == REST_OF_WORLD:
        return c.partner_index[REST_OF_WORLD]
    a = _resolve(ref, actor, target, c)
    k = c.partner_index.get(c.actor_ids[a], -1)
    if k < 0:
        raise CompileError(f"{c.actor_ids[a]} is not a power")
    return k


def _dims(ref: str, c: Compiled) -> list[int]:
    return list(range(len(c.dim_ids))) if ref == "all" else [c.dim_index[ref]]


def _add_effect(
    prog: Program, e: Effect, actor: int, target: int, c: Compiled, scaled: bool
) -> None:
    L = c.layout
    verb, a = e.verb, e.arg
    names = c.names

    def put(slot: int, amount: float) -> None:
        prog.slots.append(slot)
        prog.amounts.append(amount)

    if verb == "shift_dependence":
        s = _state_of(a.state, actor, target, c)
        k = _partner_of(a.partner, actor, target, c)
        for d in _dims(a.dimension, c):
            if a.by >= 0:
                is_power_push = scaled and k != L.K - 1
                push = Block.PUSH_SCALED if is_power_push else Block.PUSH_RAW
                put(L.slot(push, s, d, k), a.by / 100.0)
            else:
                put(L.slot(Block.PULL, s, d, k), -a.by / 100.0)
    elif verb == "change_trust":
        s = _state_of(a.state, actor, target, c)
        p = _partner_of(a.power, actor, target, c)
        if p >= L.P:
            raise CompileError("trust is held in powers, not ROW")
        put(L.slot(Block.TRUST, s, p), a.by)
    elif verb == "change_stability":
        put(L.slot(Block.STABILITY, _state_of(a.state, actor, target, c)), a.by)
    elif verb == "change_growth":
        put(L.slot(Block.GROWTH, _state_of(a.state, actor, target, c)), a.by)
    elif verb == "change_resilience":
        c.uses_resilience = True
        put(L.slot(Block.RESILIENCE, _state_of(a.state, actor, target, c)), a.by)
    elif verb == "add_resource":
        who = _resolve(a.actor, actor, target, c)
        put(L.slot(Block.RESOURCES, who, c.res_index[a.resource]), a.amount)
    elif verb == "change_meter":
        put(L.slot(Block.METERS, c.meter_index[a.meter]), a.by)
    elif verb == "set_flag":
        put(L.slot(Block.FLAG_SET, c.flag_index[a]), 1.0)
    elif verb == "clear_flag":
        put(L.slot(Block.FLAG_CLEAR, c.flag_index[a]), 1.0)
    elif verb in ("join_org", "leave_org"):
        who = _resolve(a.actor, actor, target, c)
        org = Block.ORG_JOIN if verb == "join_org" else Block.ORG_LEAVE
        put(L.slot(org, c.org_index[a.org], who), 1.0)
    else:  # pragma: no cover - the registry is closed
        raise CompileError(f"unknown verb {verb}")
    sub = {
        "$actor": c.actor_ids[actor] if actor >= 0 else "",
        "$target": c.actor_ids[target] if target >= 0 else "",
    }
    prog.texts.append(_substituted(e, sub).describe(names))


def _substituted(e: Effect, sub: dict[str, str]) -> Effect:
    """The effect with $actor/$target replaced, for readable descriptions."""
    data = e.model_dump(by_alias=True, exclude_none=True)

    def walk(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: walk(v) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v) for v in x]
        return sub.get(x, x) if isinstance(x, str) else x

    try:
        return Effect.model_validate(walk(data))
    except Exception:  # pragma: no cover - placeholders missing: describe the original
        return e


# ---- predicates ---------------------------------------------------------------------------------
def _cmp(q: Any) -> Callable[[np.ndarray], np.ndarray]:
    if q.at_least is not None:
        v = q.at_least
        return lambda x: x >= v
    if q.at_most is not None:
        v = q.at_most
        return lambda x: x <= v
    lo, hi = q.between
    return lambda x: (x >= lo) & (x <= hi)


def compile_measure(kind: str, q: Any, c: Compiled, actor: int = -1, target: int = -1) -> Measure:
    """A quantity (registry.QUANTITIES) as a function of the state -> float[N]."""
    w = c.dim_weights_norm

    def state_or_avg(ref: str) -> int:
        return -1 if ref == "average" else _state_of(ref, actor, target, c)

    if kind == "dependence":
        s = _state_of(q.state, actor, target, c)
        k = _partner_of(q.partner, actor, target, c)
        if q.dimension == "all":
            return lambda st: 100.0 * np.einsum("nd,d->n", st.dep[:, s, :, k], w)
        d = c.dim_index[q.dimension]
        return lambda st: 100.0 * st.dep[:, s, d, k]
    if kind == "autonomy":
        s = state_or_avg(q.state)
        return (lambda st: st.autonomy.mean(axis=1)) if s < 0 else (lambda st: st.autonomy[:, s])
    if kind == "trust":
        s = state_or_avg(q.state)
        p = _partner_of(q.power, actor, target, c)
        return (
            (lambda st: st.trust[:, :, p].mean(axis=1)) if s < 0 else (lambda st: st.trust[:, s, p])
        )
    if kind in ("stability", "growth", "resilience"):
        if kind == "resilience":
            c.uses_resilience = True
        s = state_or_avg(q.state)
        if s < 0:
            return lambda st: getattr(st, kind).mean(axis=1)
        return lambda st: getattr(st, kind)[:, s]
    if kind == "resource":
        a = _resolve(q.actor, actor, target, c)
        r = c.res_index[q.resource]
        return lambda st: st.res[:, a, r]
    if kind == "meter":
        m = c.meter_index[q.meter]
        return lambda st: st.meters[:, m]
    raise CompileError(f"unknown quantity {kind}")  # pragma: no cover


def compile_condition(
    cond: Condition, c: Compiled, actor: int = -1, target: int = -1, chance_tag: int = 0
) -> Predicate:
    """A condition as a vectorised predicate ``f(state) -> bool[N]``."""
    kind, arg = cond.kind, cond.arg
    if kind == "all":
        parts = [
            compile_condition(x, c, actor, target, chance_tag_of_part(chance_tag, i))
            for i, x in enumerate(arg)
        ]
        return lambda st: (
            np.logical_and.reduce([p(st) for p in parts]) if parts else np.ones(st.n, bool)
        )
    if kind == "any":
        parts = [
            compile_condition(x, c, actor, target, chance_tag_of_part(chance_tag, i))
            for i, x in enumerate(arg)
        ]
        return lambda st: (
            np.logical_or.reduce([p(st) for p in parts]) if parts else np.zeros(st.n, bool)
        )
    if kind == "not":
        inner = compile_condition(arg, c, actor, target, chance_tag_of_negation(chance_tag))
        return lambda st: ~inner(st)
    if kind in QUANTITY_KINDS:
        m = compile_measure(kind, arg, c, actor, target)
        cmp = _cmp(arg)
        return lambda st: cmp(m(st))
    if kind == "flag":
        f = c.flag_index[arg]
        return lambda st: st.flags[:, f]
    if kind == "member_of":
        o, a = c.org_index[arg.org], _resolve(arg.actor, actor, target, c)
        return lambda st: st.member[:, o, a]
    if kind == "year":
        lo = int(arg.from_[:4]) if arg.from_ else -(10**9)
        hi = int(arg.until[:4]) if arg.until else 10**9
        years = np.array(c.years + [c.years[-1] + 1])

        def year_pred(st: State) -> np.ndarray:
            y = years[np.minimum(st.turn, len(years) - 1)]
            return (y >= lo) & (y <= hi)

        return year_pred
    if kind == "event_fired":
        e = c.event_index[arg.id]
        return lambda st: st.fired[:, e] > 0
    if kind == "chance":
        p, tag = float(arg), Draw.CHANCE_CONDITION + chance_tag

        def chance_pred(st: State) -> np.ndarray:
            return uniform(st.world_keys, int(st.turn.max()), tag, 1)[:, 0] < p

        return chance_pred
    raise CompileError(f"unknown condition {kind}")  # pragma: no cover


# ------------------------------------------------------------------------------------------------
def _targets(action: Action, c: Compiled) -> list[int]:
    if action.targets == "none":
        return [-1]
    if action.targets == "states":
        return [c.actor_index[s] for s in c.state_ids]
    return [c.actor_index[t] for t in action.targets]


def compile_scenario(scenario: Scenario) -> Compiled:
    """Compile a validated scenario. Raises ``CompileError`` only if validation missed a bug."""
    c = Compiled(scenario)
    sc, L = scenario, c.layout

    # --- choices (action x target per seat) and their programs --------------------------------
    for ai, action in enumerate(sc.actions):
        seats = action.actor if isinstance(action.actor, list) else [action.actor]
        for seat_id in seats:
            seat = c.actor_index[seat_id]
            is_power = seat_id in c.power_index
            for tgt in _targets(action, c):
                idx = len(c.programs)
                tgt_name = f" \u2192 {c.names.get(c.actor_ids[tgt], '')}" if tgt >= 0 else ""
                label = f"{text_in(action.name)}{tgt_name}"
                prog = Program("action", action.id, label, c.cite(action.sources))
                for e in action.effects:
                    _add_effect(prog, e, seat, tgt, c, scaled=is_power)
                c.programs.append(prog)
                c.choices.append(Choice(idx, seat, ai, tgt, label))
                c.seat_choices[seat].append(idx)
                c.choice_predicates.append(
                    compile_condition(action.available_if, c, seat, tgt, ChanceOwner.ACTION + idx)
                    if action.available_if
                    else None
                )
    c.n_choices = len(c.choices)
    # per-choice tables
    n = c.n_choices
    c.choice_seat = np.array([ch.seat for ch in c.choices], dtype=np.int64)
    c.choice_action = np.array([ch.action for ch in c.choices], dtype=np.int64)
    c.choice_target = np.array([ch.target for ch in c.choices], dtype=np.int64)
    c.choice_delay = np.array([sc.actions[ch.action].delay for ch in c.choices], dtype=np.int64)
    c.choice_duration = np.array(
        [sc.actions[ch.action].duration for ch in c.choices], dtype=np.int64
    )
    c.choice_cooldown = np.array(
        [sc.actions[ch.action].cooldown for ch in c.choices], dtype=np.int64
    )
    c.choice_cost = np.zeros((n, L.R))
    for i, ch in enumerate(c.choices):
        for r, v in sc.actions[ch.action].cost.items():
            c.choice_cost[i, c.res_index[r]] = v
    c.choice_afford = np.where(c.choice_cost > 0, c.choice_cost - 1e-9, -np.inf)
    c.choice_ai_weight = np.array([sc.actions[ch.action].ai.weight for ch in c.choices])
    c.choice_family = [sc.actions[ch.action].family for ch in c.choices]
    c.choice_prefer = [sc.actions[ch.action].ai.prefer for ch in c.choices]
    c.horizon = int(max(1, (c.choice_delay + c.choice_duration).max() if n else 1))
    # cooldowns are kept per (seat, action) pair: index them
    pairs = sorted({(ch.seat, ch.action) for ch in c.choices})
    c.cool_index = {p: i for i, p in enumerate(pairs)}
    c.choice_cool = np.array(
        [c.cool_index[(ch.seat, ch.action)] for ch in c.choices], dtype=np.int64
    )
    c.n_cool = len(pairs)
    # seat choice matrix: seat -> padded list of global choice ids (-1 padding)
    width = max([len(x) for x in c.seat_choices] + [1])
    c.seat_table = np.full((len(c.actor_ids), width), -1, dtype=np.int64)
    for s, lst in enumerate(c.seat_choices):
        c.seat_table[s, : len(lst)] = lst
    c.seats_with_choices = [s for s, lst in enumerate(c.seat_choices) if lst]
    c.seat_run = [_as_run(np.asarray(lst, dtype=np.int64)) for lst in c.seat_choices]

    # --- events -----------------------------------------------------------------------------
    cal = sc.calendar
    for ei, ev in enumerate(sc.events):
        src = c.cite(ev.sources)
        prog = Program("event", ev.id, text_in(ev.title), src)
        for e in ev.effects:
            _add_effect(prog, e, -1, -1, c, scaled=False)
        p_idx = len(c.programs)
        c.programs.append(prog)
        opts = []
        for o in ev.options:
            op = Program(
                "option", f"{ev.id}.{o.id}", f"{text_in(ev.title)}: {text_in(o.text)}", src
            )
            for e in o.effects:
                _add_effect(op, e, -1, -1, c, scaled=False)
            opts.append(len(c.programs))
            c.programs.append(op)
        sched = cal.turn_of_date(ev.date) if ev.date else -1
        first = cal.turn_of_date(ev.window.from_) if ev.window and ev.window.from_ else 0
        last = cal.turn_of_date(ev.window.until) if ev.window and ev.window.until else 10**6
        hist = next((i for i, o in enumerate(ev.options) if o.historical), -1)
        c.events.append(
            EventRow(
                index=ei,
                sched_turn=sched,
                first=first,
                last=last,
                chance=ev.chance,
                repeatable=ev.repeatable,
                predicate=compile_condition(ev.condition, c, chance_tag=ChanceOwner.EVENT + ei)
                if ev.condition
                else None,
                program=p_idx,
                options=opts,
                option_weights=np.array([o.ai_weight for o in ev.options], dtype=np.float64),
                historical_option=hist,
                chooser=c.actor_index[ev.chooser] if ev.chooser else -1,
            )
        )
    c.max_options = max([len(e.options) for e in c.events] + [0])

    # --- drift --------------------------------------------------------------------------------
    for dr in sc.drift:
        states = c.state_ids if dr.states == "all" else dr.states
        c.drifts.append(
            DriftRow(
                id=dr.id,
                label=text_in(dr.name),
                source=c.cite(dr.sources),
                states=np.array([c.state_index[s] for s in states], dtype=np.int64),
                dims=np.array(_dims(dr.dimension, c), dtype=np.int64),
                partner=_partner_of(dr.partner, -1, -1, c),
                toward=dr.toward / 100.0,
                rate=dr.rate,
                predicate=compile_condition(dr.when, c, chance_tag=ChanceOwner.DRIFT)
                if dr.when
                else None,
            )
        )
    # organisations that tie members to a leader in one dimension
    c.org_pull = [
        (c.org_index[o.id], c.partner_index[o.led_by], c.dim_index[o.dimension])
        for o in sc.organisations
        if o.led_by and o.dimension and o.led_by in c.partner_index and o.dimension in c.dim_index
    ]

    # --- objectives ---------------------------------------------------------------------------
    c.roles = [c.actor_index[role_id] for role_id in sc.objectives]
    for role_id, objs in sc.objectives.items():
        role = c.actor_index[role_id]
        for ob in objs:
            sign = -1.0 if ob.lower_is_better else 1.0
            b = ob.bands
            c.objectives.append(
                ObjectiveRow(
                    role=role,
                    id=ob.id,
                    label=text_in(ob.name),
                    measure=compile_measure(ob.quantity.kind, ob.quantity.arg, c, role, -1),
                    bands=sign * np.array([b.A, b.B, b.C, b.D]),
                    sign=sign,
                    weight=ob.weight,
                )
            )

    # --- flatten programs into CSR op tables ---------------------------------------------------
    starts = [0]
    for p in c.programs:
        starts.append(starts[-1] + len(p.slots))
    c.op_start = np.array(starts, dtype=np.int64)
    c.op_count = np.diff(c.op_start)
    c.op_slots = np.array([s for p in c.programs for s in p.slots], dtype=np.int64)
    c.op_amounts = np.array([a for p in c.programs for a in p.amounts], dtype=np.float64)
    c.n_programs = len(c.programs)
    c.block_bounds = np.array(L.bounds, dtype=np.int64)
    # the block each op writes into (Block values), and per program a bit mask of them
    c.op_block = np.searchsorted(c.block_bounds, c.op_slots, side="right") - 1
    c.prog_blocks = np.zeros(c.n_programs, dtype=np.int64)
    np.bitwise_or.at(c.prog_blocks, np.repeat(np.arange(c.n_programs), c.op_count), 1 << c.op_block)
    #: each state's starting resilience, the level it returns toward; empty when the scenario
    #: does not use resilience (its games then hash as they did before resilience existed)
    c.resilience0 = np.array(
        [sc.initial.resilience.get(s, DEFAULT_RESILIENCE) for s in c.state_ids]
        if c.uses_resilience
        else [],
        dtype=np.float64,
    )
    return c


def _as_run(ids: np.ndarray) -> slice | None:
    """``ids`` as a slice when they are evenly spaced and increasing (``arange(a, b, k)``)."""
    if ids.size == 0:
        return None
    step = int(ids[1] - ids[0]) if ids.size > 1 else 1
    if step <= 0 or not np.array_equal(ids, ids[0] + step * np.arange(ids.size)):
        return None
    return slice(int(ids[0]), int(ids[-1]) + 1, step)
