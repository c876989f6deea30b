"""The ledger of causes: every change to every quantity, attributed to what caused it.

Each phase of a turn either *measures* its effect (``before`` / ``after``: drift terms, income,
dynamics) or *attributes* it exactly (``programs``: the actions, events and options that landed
together). For dependence, the joint renormalisation of all pushes is split exactly: a program
pushing ``p_k`` into a row with shares ``s`` and total push ``P`` contributes
``(p_k - s_k * sum(p)) / (1 + P)`` to partner ``k``; the contributions add up to the change.
Clipping at the bounds (trust 0-100, resources at their minimum) shows as a "limits" line, so
the ledger always sums to the real change.

For one game (the window) the entries are that game's; for a batch they are sums over games, so
balance reports can total the impact of each cause.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .layout import DEPENDENCE_BLOCKS, Block

if TYPE_CHECKING:
    from .compiler import Compiled
    from .state import State

TRACKED = ("dep", "trust", "stability", "growth", "resilience", "res", "meters")
#: the state field each additive block of the effect layout changes (dependence apart)
_FIELD_OF_BLOCK = {
    Block.TRUST: "trust",
    Block.STABILITY: "stability",
    Block.GROWTH: "growth",
    Block.RESOURCES: "res",
    Block.METERS: "meters",
    Block.RESILIENCE: "resilience",
}


@dataclass(frozen=True)
class Entry:
    """One line of the ledger: how much one cause changed one quantity."""

    kind: str  # action | event | option | drift | income | cost | limits
    cause: str  # id of the action, event, option or drift term
    label: str  # readable name of the cause
    source: str  # citation, when the cause has one
    quantity: str  # dependence | trust | stability | growth | resilience | resource | meter
    key: tuple[str, ...]  # e.g. ("KAZ", "trade", "CHN")
    delta: float
    #: who took the action (or paid the cost): "" for events, options, drift and the rest. Two
    #: states taking the same action are two causes, each with its own changes.
    actor: str = ""


class Ledger:
    """The causes of one turn's changes, for one game or summed over a batch (module docstring).
    ``core.begin_turn(..., explain=True)`` fills it; ``entries`` reads it."""

    def __init__(self, c: Compiled, n: int) -> None:
        self.c, self.n = c, n
        self._acc: dict[tuple, float] = defaultdict(float)
        self._snap: dict[str, np.ndarray] = {}

    # ---- measured phases ---------------------------------------------------------------------
    def before(self, st: State, fields: tuple[str, ...] = TRACKED) -> None:
        """Snapshot ``fields`` (all tracked quantities by default; drift terms pass
        ``("dep",)`` since they only move dependence)."""
        self._snap = {k: getattr(st, k).copy() for k in fields}

    def after(self, kind: str, cause: str, label: str, source: str, st: State) -> None:
        """Attribute every change since ``before`` to one cause."""
        for k in self._snap:
            d = (getattr(st, k) - self._snap[k]).sum(axis=0)
            self._add_array(kind, cause, label, source, k, d)
        self._snap = {}

    def after_costs(self, c: Compiled, st: State, chosen: np.ndarray) -> None:
        """Costs paid for this turn's choices, one line per action."""
        ids = chosen[chosen >= 0]
        for cid in np.unique(ids):
            count = int((ids == cid).sum())
            seat = int(c.choice_seat[cid])
            prog = c.programs[cid]
            who = c.actor_ids[seat]
            for r, v in enumerate(c.choice_cost[cid]):
                if v:
                    self._put(
                        "cost", prog.ref, prog.label, prog.source, "res", (seat, r), -v * count, who
                    )
        self._snap = {}

    # ---- attributed phase --------------------------------------------------------------------
    def programs(
        self, c: Compiled, st: State, flat: np.ndarray, acc: np.ndarray | None, push: np.ndarray
    ) -> None:
        """Attribute the joint application of ``flat[N, J]`` programs exactly."""
        L = c.layout
        old = self._snap
        games, cols = np.nonzero(flat >= 0)
        pid_all = flat[games, cols]
        s_old = old["dep"]
        tot = push.sum(axis=3)  # (N, S, D)
        attributed: dict[str, np.ndarray] = {k: np.zeros_like(old[k][0]) for k in TRACKED}
        for pid in np.unique(pid_all):
            prog = c.programs[int(pid)]
            g = games[pid_all == pid]
            slots, amts = c.program_ops(int(pid))
            kind = prog.kind
            # an action's program is its choice (the same index), so its seat is the actor
            who = c.actor_ids[int(c.choice_seat[pid])] if kind == "action" else ""
            for slot, amt in zip(slots.tolist(), amts.tolist()):
                block, index = L.decode(slot)
                if block in DEPENDENCE_BLOCKS:
                    s, d, k = index
                    if block == Block.PULL:  # toward the rest of the world
                        take = np.minimum(s_old[g, s, d, k], amt) if k != L.K - 1 else 0 * g
                        delta = np.zeros(L.K)
                        delta[k] -= float(np.sum(take))
                        delta[L.K - 1] += float(np.sum(take))
                    else:
                        if block == Block.PUSH_SCALED and acc is not None:
                            a = amt * acc[g, s, d, k]  # as much as the state accepted
                        else:
                            a = amt * np.ones(len(g))
                        rows = s_old[g, s, d, :]  # (G, K)
                        contrib = (-rows * a[:, None]) / (1.0 + tot[g, s, d])[:, None]
                        contrib[:, k] += a / (1.0 + tot[g, s, d])
                        delta = contrib.sum(axis=0)
                    for kk in range(L.K):
                        if delta[kk]:
                            self._put(
                                kind,
                                prog.ref,
                                prog.label,
                                prog.source,
                                "dep",
                                (s, d, kk),
                                float(delta[kk]),
                                who,
                            )
                            attributed["dep"][s, d, kk] += delta[kk]
                    continue
                name = _FIELD_OF_BLOCK.get(block)
                if name is None:  # flags and memberships: not tracked quantities
                    continue
                value = amt * len(g)
                self._put(kind, prog.ref, prog.label, prog.source, name, index, value, who)
                attributed[name][index] += value
        # whatever the bounds clipped away (or a push's pull into a bounded row)
        for field in TRACKED:
            actual = (getattr(st, field) - old[field]).sum(axis=0)
            self._add_array(
                "limits", "limits", "kept within its limits", "", field, actual - attributed[field]
            )
        self._snap = {}

    # ---- storage -----------------------------------------------------------------------------
    def _add_array(
        self, kind: str, cause: str, label: str, source: str, name: str, d: np.ndarray
    ) -> None:
        for idx in zip(*np.nonzero(np.abs(d) > 1e-12)):
            self._put(kind, cause, label, source, name, tuple(int(i) for i in idx), float(d[idx]))

    def _put(
        self,
        kind: str,
        cause: str,
        label: str,
        source: str,
        name: str,
        idx: tuple,
        delta: float,
        actor: str = "",
    ) -> None:
        self._acc[(kind, cause, label, source, name, idx, actor)] += delta

    # ---- reading -----------------------------------------------------------------------------
    def entries(self, min_abs: float = 0.0) -> list[Entry]:
        """All entries with readable keys. Dependence deltas are in percentage points."""
        c = self.c
        out = []
        for (kind, cause, label, source, name, idx, actor), v in self._acc.items():
            key: tuple[str, ...]
            if name == "dep":
                s, d, k = idx
                q, key, v = "dependence", (c.state_ids[s], c.dim_ids[d], c.partner_ids[k]), v * 100
            elif name == "trust":
                q, key = "trust", (c.state_ids[idx[0]], c.power_ids[idx[1]])
            elif name in ("stability", "growth", "resilience"):
                q, key = name, (c.state_ids[idx[0]],)
            elif name == "res":
                q, key = "resource", (c.actor_ids[idx[0]], c.res_ids[idx[1]])
            else:
                q, key = "meter", (c.meter_ids[idx[0]],)
            if abs(v) > max(min_abs, 1e-9):
                out.append(Entry(kind, cause, label, source, q, key, v, actor))
        return out

    def totals_by_cause(self) -> dict[tuple[str, str], float]:
        """Sum of absolute changes per (kind, cause), for balance reports."""
        out: dict[tuple[str, str], float] = defaultdict(float)
        for e in self.entries():
            out[(e.kind, e.cause)] += abs(e.delta)
        return dict(out)
