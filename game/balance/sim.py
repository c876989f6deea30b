"""Playing one chunk of one run: the unit of work every executor runs.

A **run** is a policy profile (a policy name for every actor that has actions) plus, optionally,
events switched off (an *ablation*) or a *variant* of the turn order used by the fairness checks.
A run of N games is cut into **chunks** of consecutive global game indices; chunk ``i`` of a run
always holds games ``i * chunk ... `` and the engine's random numbers depend only on the seed and
the global game index, so the result of a chunk is the same in whatever process, on whatever
machine, and next to whatever other chunk it runs. Results are put back together in chunk order.

``play_chunk`` returns only compact per-game summaries (scores, grades, action counts), never
trajectories.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import time
from dataclasses import dataclass, field

import numpy as np

from ..engine import core
from ..engine.compiler import Compiled, compile_scenario
from ..play import option_chooser_for, play_to_end
from ..play.rollout import build_balance_policies
from ..scenario.model import Scenario

#: variants of the turn used by the order-fairness checks
VARIANTS = ("", "reversed_seats", "reversed_powers")


@dataclass(frozen=True)
class RunSpec:
    """What to play: ``policies`` as sorted (actor, policy) pairs for every seat with actions."""

    policies: tuple[tuple[str, str], ...]
    ablate: tuple[int, ...] = ()
    variant: str = ""

    @property
    def key(self) -> str:
        k = ",".join(f"{a}={p}" for a, p in self.policies)
        if self.ablate:
            k += "|without:" + "+".join(str(e) for e in self.ablate)
        if self.variant:
            k += "|" + self.variant
        return k

    def names(self) -> dict[str, str]:
        return dict(self.policies)


@dataclass(frozen=True)
class Task:
    run: int  # index of the run in the study
    chunk: int  # chunk index within the run
    spec: RunSpec
    seed: int
    offset: int  # global index of the chunk's first game
    n: int


@dataclass
class ChunkResult:
    run: int
    chunk: int
    scores: np.ndarray  # (n, n_roles) float64
    grades: np.ndarray  # (n, n_roles) int8, 0 = A ... 4 = F
    role_actions: np.ndarray  # (n, n_roles, n_actions) int16: actions each role took
    choice_totals: np.ndarray  # (n_choices,) int64
    event_games: np.ndarray  # (E,) int64: games in which each event fired at least once
    event_total: np.ndarray  # (E,) int64: firings
    refused: int
    digest: str  # sha256 of the final states of the chunk's games
    cpu: float = 0.0  # CPU seconds the chunk took (timing only, never in a CSV)
    extra: dict[str, np.ndarray] = field(default_factory=dict)
    #: (n, n_objectives) the raw value of every objective at the end (all roles)
    objectives: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    #: (n, S, P) each power's share of each state, averaged over dimensions (what the map shows)
    shares: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0)))


# ------------------------------------------------------------------------------------------------
def scenario_key(sc: Scenario) -> str:
    if sc.content_hash:
        return sc.content_hash
    return hashlib.sha256(sc.model_dump_json().encode()).hexdigest()


_CACHE: dict[tuple[str, str], Compiled] = {}


def reversed_powers(sc: Scenario) -> Scenario:
    """The same scenario with its powers declared in the reverse order (states keep their
    places, so every action keeps its list of targets). Every power gets another index: its
    seat chooses at another point of the turn and its pushes are summed in another order."""
    powers = [a for a in sc.actors if a.kind == "power"][::-1]
    it = iter(powers)
    actors = [next(it) if a.kind == "power" else a for a in sc.actors]
    return sc.model_copy(update={"actors": actors})


def compiled_for(sc: Scenario, variant: str = "") -> Compiled:
    """The compiled scenario (cached per process: workers compile once, not per chunk)."""
    key = (scenario_key(sc), "reversed_powers" if variant == "reversed_powers" else "")
    c = _CACHE.get(key)
    if c is None:
        c = compile_scenario(reversed_powers(sc) if key[1] else sc)
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = c
    return c


def prepared(c: Compiled, spec: RunSpec) -> Compiled:
    """``c`` with the run's ablations and seat-order variant applied (a shallow copy)."""
    if not spec.ablate and spec.variant != "reversed_seats":
        return c
    c2 = copy.copy(c)
    if spec.ablate:
        off = set(spec.ablate)
        # chance 0: the event never fires, and "event_fired" conditions stay false
        c2.events = [
            dataclasses.replace(ev, chance=0.0) if ev.index in off else ev for ev in c.events
        ]
    if spec.variant == "reversed_seats":
        c2.seats_with_choices = list(reversed(c.seats_with_choices))
    return c2


def play_chunk(sc: Scenario, task: Task) -> ChunkResult:
    """Play the chunk's games from the first turn to the last and summarise them."""
    cpu0 = time.process_time()
    spec = task.spec
    base = compiled_for(sc, spec.variant)
    c = prepared(base, spec)
    n = task.n
    p = core.default_params(c, n)
    st = core.init(c, task.seed, n, task.offset, params=p)
    if spec.variant == "reversed_powers":
        # keep every actor on its own random stream although its index changed
        orig = [a.id for a in sc.actors]
        st.policy_keys = st.policy_keys[:, [orig.index(a) for a in c.actor_ids]]
    names = spec.names()
    counts, refused = play_to_end(
        c, st, p, build_balance_policies(c, names), option_chooser_for(c, names)
    )
    out = summarise(c, st, counts, refused, task)
    out.cpu = time.process_time() - cpu0
    return out


def summarise(c: Compiled, st, counts: np.ndarray, refused: int, task: Task) -> ChunkResult:
    sc = c.scenario
    # roles in the order of the *original* objectives mapping (stable across variants)
    roles = [c.actor_index[r] for r in sc.objectives]
    grades = core.role_grades(c, st)
    n = st.n
    n_actions = len(sc.actions)
    ra = np.zeros((n, len(roles), n_actions), dtype=np.int16)
    for j, seat in enumerate(roles):
        cols = np.array(c.seat_choices[seat], dtype=np.int64)
        if cols.size:
            acts = c.choice_action[cols]
            for a in np.unique(acts):
                ra[:, j, a] = counts[:, cols[acts == a]].sum(axis=1)
    fired = st.fired
    h = hashlib.sha256()
    if task.spec.variant != "reversed_powers":  # there the index layout differs by design
        for name in st.hashed_fields():
            h.update(name.encode())
            h.update(np.ascontiguousarray(getattr(st, name)).tobytes())
    return ChunkResult(
        run=task.run,
        chunk=task.chunk,
        scores=st.score[:, roles].astype(np.float64),
        grades=np.stack([grades[r] for r in roles], axis=1).astype(np.int8)
        if roles
        else np.zeros((n, 0), np.int8),
        role_actions=ra,
        choice_totals=counts.sum(axis=0).astype(np.int64),
        event_games=(fired > 0).sum(axis=0).astype(np.int64),
        event_total=fired.sum(axis=0).astype(np.int64),
        refused=refused,
        digest=h.hexdigest(),
        objectives=core.objective_values(c, st),
        shares=100.0 * np.einsum("nsdk,d->nsk", st.dep[..., : c.layout.P], c.dim_weights_norm),
    )
