"""Does a role's strategy show? For every playable role of the class scenarios: the raw value of
its headline objective (its first one) under passive, random, historical and greedy play (every
other actor on its default policy, the same paired games), greedy minus passive, and the largest
difference greedy makes on the map (any power's share of any state, averaged over dimensions
with their weights, as the map's "R 45%" labels show it).

    python tools/agency_table.py [--games 200] [--seed 1] [SCENARIO ...]

Uses only ``play.run_batch`` and the compiled scenario, so it measures older versions of the
game too (run it with ``PYTHONPATH`` pointing at another checkout). The balance lab reports the
same raw values with intervals (``python main.py balance SCENARIO``, report.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.engine import core  # noqa: E402
from game.engine.compiler import compile_scenario  # noqa: E402
from game.play import run_batch  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402

SCENARIOS = (
    "class_abe_belt_road",
    "class_war_corridor",
    "class_south_caucasus",
    "kazakhstan_multivector",
)
POLICIES = ("passive", "random", "historical", "greedy")


def shares(c, st) -> np.ndarray:  # noqa: ANN001
    """(N, S, P) each power's share of each state, averaged over dimensions (percent)."""
    return 100.0 * np.einsum("nsdk,d->nsk", st.dep[..., : c.layout.P], c.dim_weights_norm)


def measure(ref: str, games: int, seed: int) -> list[str]:
    sc = load_scenario(ref).scenario
    c = compile_scenario(sc)
    lines = []
    for role in sc.playable_roles:
        if role not in sc.objectives or c.actor_index[role] not in c.seats_with_choices:
            continue
        ob = sc.objectives[role][0]
        j = next(i for i, o in enumerate(c.objectives) if o.role == c.actor_index[role])
        vals, maps = {}, {}
        for pol in POLICIES:
            if pol == "historical" and not sc.history.get(role):
                continue
            res = run_batch(c, seed, games, {role: pol})
            vals[pol] = core.objective_values(c, res.state)[:, j]
            maps[pol] = shares(c, res.state)
        gap = vals["greedy"] - vals["passive"]
        dmap = (maps["greedy"] - maps["passive"]).mean(axis=0)  # (S, P)
        s, p = np.unravel_index(np.abs(dmap).argmax(), dmap.shape)
        where = f"{c.power_ids[p]} in {c.state_ids[s]}"
        cells = " | ".join(f"{vals[k].mean():.2f}" if k in vals else "-" for k in POLICIES)
        se = gap.std(ddof=1) / np.sqrt(len(gap))
        lines.append(
            f"| {sc.meta.id} / {role} | {ob.id}{' (lower is better)' if ob.lower_is_better else ''}"
            f" | {cells} | {gap.mean():+.2f} ± {1.96 * se:.2f} | {dmap[s, p]:+.1f} pts ({where}) |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenarios", nargs="*", default=list(SCENARIOS))
    ap.add_argument("--games", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    print(
        "| scenario / role | headline objective | passive | random | historical | greedy "
        "| greedy - passive (95% CI) | largest map change, greedy vs passive |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for ref in a.scenarios:
        for line in measure(ref, a.games, a.seed):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
