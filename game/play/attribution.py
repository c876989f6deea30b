"""Why a state's autonomy changed: split into dimensions, partners and causes, exactly.

A state's autonomy is ``100 x sum_d w_d x (1 - sum_powers share_{d,p}^2)`` (docs/engine.md).
When power ``p``'s share in dimension ``d`` moves from ``s`` to ``s'``, its square moves by
``(s' - s)(s' + s)``, so its part of the autonomy change is ``-100 w_d (s' - s)(s' + s)``; the
parts of every power in every dimension add up to the whole change (the rest of the world is
spread over many partners and adds nothing). The ledger splits each share's move ``s' - s``
between its causes (actions, events, trends ...), and since the part is linear in the move,
each cause's part is ``-100 w_d delta_cause (s' + s)``: "security -2.1: Russia's share up 4
points after the CSTO exercise".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..engine.compiler import Compiled
from ..engine.ledger import Entry


@dataclass
class CausePart:
    """One cause's part of a partner's move in one dimension."""

    entry: Entry  # the ledger line (kind, cause, label, actor ...)
    share: float  # its part of the share's move, percentage points
    autonomy: float  # its part of the autonomy change, points


@dataclass
class PartnerPart:
    """A partner's share move in one dimension and what it did to autonomy."""

    partner: str
    share: float  # the move of the share, percentage points
    autonomy: float
    causes: list[CausePart] = field(default_factory=list)  # largest first


@dataclass
class DimensionPart:
    """One dimension's part of a state's autonomy change."""

    dimension: str
    autonomy: float
    partners: list[PartnerPart] = field(default_factory=list)  # largest first


def autonomy_change(
    c: Compiled,
    state: str,
    before: np.ndarray,
    after: np.ndarray,
    entries: list[Entry],
    min_abs: float = 0.005,
) -> list[DimensionPart]:
    """The autonomy change of ``state`` between two dependence tensors ``(S, D, K)`` (shares
    0-1), split by dimension, power and cause (module docstring); dimensions and partners whose
    part is below ``min_abs`` points are left out; largest first."""
    si = c.state_index[state]
    n_powers = len(c.power_ids)
    w = c.dim_weights_norm
    out = []
    for d, did in enumerate(c.dim_ids):
        parts = []
        total = 0.0
        for k in range(n_powers):
            s0, s1 = float(before[si, d, k]), float(after[si, d, k])
            part = float(-100.0 * w[d] * (s1 - s0) * (s1 + s0))
            total += part
            if abs(part) < min_abs:
                continue
            pid = c.partner_ids[k]
            causes = [
                CausePart(e, e.delta, float(-100.0 * w[d] * (e.delta / 100.0) * (s1 + s0)))
                for e in entries
                if e.quantity == "dependence" and e.key == (state, did, pid)
            ]
            causes = [x for x in causes if abs(x.autonomy) >= min_abs]
            causes.sort(key=lambda x: -abs(x.autonomy))
            parts.append(PartnerPart(pid, 100.0 * (s1 - s0), part, causes))
        if parts and abs(total) >= min_abs:
            parts.sort(key=lambda p: -abs(p.autonomy))
            out.append(DimensionPart(did, total, parts))
    out.sort(key=lambda x: -abs(x.autonomy))
    return out
