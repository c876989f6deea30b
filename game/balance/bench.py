"""Timing a balance study's grid on 1 and on W workers: ``python -m game.balance.bench``.

    python -m game.balance.bench SCENARIO [--games 2000] [--workers 2] [--policies ROLE=P1,P2 ...]

Plays the grid of policy profiles (by default the quick set, random, greedy and strategic, for
every playable role with actions: 27 profiles for three roles) on one process and on
``--workers`` processes, checks that both give identical numbers, and prints the times, the
throughput and the speed-up ratio. Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from .executors import ProgressBar, StudyPool
from .study import (
    QUICK_POLICIES,
    StudyError,
    make_tasks,
    parse_policy_args,
    plan_study,
    reduce_chunks,
)


def bench(
    sc,
    games: int = 2000,
    workers: int = 2,
    policies=None,
    seed: int = 1,  # noqa: ANN001
    chunk: int | None = None,
    progress: bool = True,
) -> dict:
    from ..engine.compiler import compile_scenario
    from .study import DEFAULT_CHUNK

    c = compile_scenario(sc)
    pols = policies or {
        r: list(QUICK_POLICIES)
        for r in sc.playable_roles
        if c.actor_index[r] in c.seats_with_choices
    }
    plan = plan_study(sc, c, pols, quick=True)
    specs = plan.grid
    chunk = chunk or DEFAULT_CHUNK
    tasks = make_tasks(specs, games, seed, chunk)
    out: dict = {"profiles": len(specs), "games": games, "chunks": len(tasks), "turns": c.n_turns}
    scores = {}
    for w in sorted({1, workers}):
        bar = ProgressBar(
            f"{sc.meta.id}: {w} worker{'s' if w > 1 else ''}", sys.stderr, enabled=progress
        )
        t0 = time.perf_counter()
        with StudyPool(sc, w) as pool:
            res = pool.run(tasks, bar)
        dt = time.perf_counter() - t0
        runs = reduce_chunks(specs, res)
        scores[w] = np.concatenate([runs[s.key].scores.ravel() for s in specs])
        out[f"t{w}"] = dt
        out[f"cpu{w}"] = sum(r.cpu for r in res)
        out[f"game_turns_per_s_{w}"] = len(specs) * games * c.n_turns / dt
    out["t2"] = out.get(f"t{workers}", out["t1"])
    out["ratio"] = out["t1"] / out["t2"] if out["t2"] > 0 else float("nan")
    out["identical"] = all(np.array_equal(scores[1], v) for v in scores.values())
    out["workers"] = workers
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m game.balance.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("scenario")
    ap.add_argument("--games", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--policies", nargs="*", default=[])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=None)
    ap.add_argument("--no-progress", action="store_true")
    a = ap.parse_args(argv)
    from .cli import load

    sc = load(a.scenario)
    if sc is None:
        return 2
    try:
        pols = parse_policy_args(a.policies, sc) or None
        r = bench(sc, a.games, a.workers, pols, a.seed, a.chunk, not a.no_progress)
    except StudyError as e:
        print(f"crossroads: {e}", file=sys.stderr)
        return 2
    print(
        f"{sc.meta.id}: {r['profiles']} profiles x {r['games']:,} games x {r['turns']} turns "
        f"({r['chunks']} chunks)"
    )
    print(f"  1 worker : {r['t1']:7.1f} s  {r['game_turns_per_s_1']:>10,.0f} game-turns/s")
    if a.workers > 1:
        w = a.workers
        print(f"  {w} workers: {r['t2']:7.1f} s  {r[f'game_turns_per_s_{w}']:>10,.0f} game-turns/s")
        print(
            f"  speed-up {r['ratio']:.2f}x; identical results: {'yes' if r['identical'] else 'NO'}"
        )
        eff = r["cpu1"] / r[f"cpu{w}"] if r[f"cpu{w}"] else float("nan")
        print(
            f"  CPU time in chunks: {r['cpu1']:.1f} s on 1 worker, {r[f'cpu{w}']:.1f} s on "
            f"{w} (per-chunk efficiency {eff:.2f}; the speed-up on {w} idle cores is about "
            f"{w * eff:.2f}x; a lower wall-clock ratio means the cores were busy elsewhere)"
        )
    return 0 if r["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
