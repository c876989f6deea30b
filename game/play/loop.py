"""Playing games with policies: the one loop the headless runner, the balance lab, the benchmark
and the window's autoplay all use.

``choose_actions`` asks each computer-played seat's policy for its actions, slot by slot, against
a running budget; ``run_batch`` plays N games from the first turn to the last in lockstep.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from ..ai.policies import Observation, Policy, default_policy_name, make_policy
from ..engine import core
from ..engine.compiler import Compiled
from ..engine.rng import BatchRandom
from ..engine.state import State


def build_policies(
    c: Compiled, names: Mapping[str, str] | None = None, humans: tuple[str, ...] = ()
) -> dict[int, Policy]:
    """Policies for every seat that has actions, except human seats. ``names`` maps an actor
    id to a policy name; the rest get their defaults (strategic powers, multivector states)."""
    names = dict(names or {})
    out: dict[int, Policy] = {}
    for seat in c.seats_with_choices:
        actor = c.actor_ids[seat]
        if actor in humans:
            continue
        out[seat] = make_policy(names.get(actor, default_policy_name(c, seat)), c, seat)
    return out


def choose_actions(
    c: Compiled,
    st: State,
    p: core.Params,
    policies: Mapping[int, Policy],
    fixed: np.ndarray | None = None,
    avail: np.ndarray | None = None,
    fixed_slots: Mapping[int, int] | None = None,
) -> np.ndarray:
    """Actions ``int[N, A, M]`` (seat-local ids, 0 = pass) for this turn, slot by slot.

    Seats without a policy keep their values in ``fixed`` (e.g. a person's choices); a seat
    listed in ``fixed_slots`` keeps its first ``fixed_slots[seat]`` slots from ``fixed`` and its
    policy chooses the rest (a lookahead trying a move in one slot). Every slot's choice is
    charged to a running budget (``core.charge_choices``) before the next seat or slot chooses,
    so each policy sees what is left. ``avail`` is this turn's ``core.availability`` (computed
    here if not given)."""
    if avail is None:
        avail = core.availability(c, st)
    n, L = st.n, c.layout
    acts = np.zeros((n, L.A, c.M_slots), dtype=np.int64) if fixed is None else fixed.copy()
    t = int(st.turn[0])
    res, cool = st.res.copy(), st.cooldown.copy()
    memo: dict = {}  # what policies derive from this turn's state, shared across the slots
    kept = fixed_slots or {}
    for m in range(c.M_slots):
        for seat in c.seats_with_choices:
            pol = policies.get(seat)
            if pol is None or m < kept.get(seat, 0):
                a = acts[:, seat, m]
            else:
                mask = core.legal_mask(c, st, seat, res=res, cooldown=cool, avail=avail)
                a = pol.act(
                    Observation(c, st, p, seat, m, memo),
                    mask,
                    BatchRandom(st.policy_keys[:, seat], t, m),
                )
                acts[:, seat, m] = a
            core.charge_choices(c, res, cool, seat, a, t)
    return acts


def option_chooser_for(c: Compiled, names: Mapping[str, str]) -> core.OptionChooser:
    """Event options: the historical option for actors on the historical script, otherwise
    sampled by the options' ``ai_weight`` on the chooser's own random stream."""
    hist_seats = {
        c.actor_index[a] for a, n in names.items() if n == "historical" and a in c.actor_index
    }

    def choose(cc: Compiled, st: State) -> np.ndarray:
        out = core.weighted_options(cc, st)
        if hist_seats:
            h = core.historical_options(cc, st)
            for e, ev in enumerate(cc.events):
                if ev.chooser in hist_seats:
                    out[:, e] = np.where(st.pending[:, e], h[:, e], out[:, e])
        return out

    return choose


@dataclass
class BatchResult:
    """What ``run_batch`` returns: the final states and what happened on the way."""

    state: State
    scores: np.ndarray  # (N, A)
    grades: dict[int, np.ndarray]
    action_counts: np.ndarray  # (N, n_choices) how often each choice was taken
    event_counts: np.ndarray  # (N, E)
    refused: int
    trajectory: list[dict[str, np.ndarray]] = field(default_factory=list)


def run_batch(
    c: Compiled,
    seed: int,
    n: int,
    names: Mapping[str, str] | None = None,
    *,
    game_offset: int = 0,
    params: core.Params | None = None,
    record_turns: bool = False,
    on_turn: Callable[[int, State], None] | None = None,
    disabled_events: tuple[int, ...] = (),
) -> BatchResult:
    """Play ``n`` games (global indices ``game_offset ...``) to the end with policies (by
    name, defaults for the rest)."""
    names = dict(names or {})
    if disabled_events:
        c = c.without_events(disabled_events)
    p = params if params is not None else core.default_params(c, n)
    st = core.init(c, seed, n, game_offset, params=p)
    traj: list[dict[str, np.ndarray]] = []
    if record_turns:
        traj.append(snapshot(st))

    def each_turn(st: State) -> None:
        if record_turns:
            traj.append(snapshot(st))
        if on_turn is not None:
            on_turn(int(st.turn[0]), st)

    counts, refused = play_to_end(
        c, st, p, build_policies(c, names), option_chooser_for(c, names), each_turn
    )
    return BatchResult(
        st, st.score.copy(), core.role_grades(c, st), counts, st.fired.copy(), refused, traj
    )


def play_to_end(
    c: Compiled,
    st: State,
    p: core.Params,
    policies: Mapping[int, Policy],
    chooser: core.OptionChooser,
    after_turn: Callable[[State], None] | None = None,
) -> tuple[np.ndarray, int]:
    """Play the batch ``st`` in place from its current turn to the end with ``policies``
    (every seat with actions) and ``chooser`` (event options). Returns how often each game
    took each choice, ``int32[N, n_choices]``, and the number of refused choices."""
    n = st.n
    counts = np.zeros((n, max(1, c.n_choices)), dtype=np.int32)
    refused = 0
    while not st.terminated.all():
        avail = core.availability(c, st)  # once a turn, for the policies and for the checks
        acts = choose_actions(c, st, p, policies, avail=avail)
        info = core.step(c, st, p, acts, option_chooser=chooser, avail=avail)
        ch = info.chosen.reshape(n, -1)
        gi, col = np.nonzero(ch >= 0)
        if gi.size:
            width = counts.shape[1]
            counts += (
                np.bincount(gi * width + ch[gi, col], minlength=n * width)
                .reshape(n, width)
                .astype(np.int32)
            )
        refused += int(info.refused.sum())
        if after_turn is not None:
            after_turn(st)
    return counts, refused


def snapshot(st: State) -> dict[str, np.ndarray]:
    """The quantities the record, the CSV and the debrief keep for each turn."""
    out = {
        "dep": st.dep.copy(),
        "trust": st.trust.copy(),
        "stability": st.stability.copy(),
        "growth": st.growth.copy(),
        "autonomy": st.autonomy.copy(),
        "res": st.res.copy(),
        "meters": st.meters.copy(),
        "score": st.score.copy(),
    }
    if st.resilience.size:  # only scenarios that use resilience have it
        out["resilience"] = st.resilience.copy()
    return out
