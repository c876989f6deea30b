"""``python main.py bench``: the engine's throughput figures, printed as ``key: value`` lines.

Measured in one process (one core), on the main campaign with its scripted opponents:

* ``game_turns_per_s_batched``: N = 4096 games in lockstep, Japan on the random policy;
* ``game_turns_per_s_loop``: the same engine run one game at a time (N = 1 per call);
* ``batch_vs_loop_ratio`` and ``greedy_batch_vs_loop_ratio`` (Japan on greedy: a one-step
  lookahead, or over ``GREEDY_HORIZON`` turns where the states switch);
* ``numpy_floor_game_turns_per_s``: the most a numpy engine built like this one could do here
  (``numpy_floor``: only the legal masks, one weighted pick per actor and slot, one
  resolution and the autonomy; benchmarks/numpy_floor.py prints its parts);
* ``turn_latency_ms_n1``: one turn of the interactive game, with the "why?" ledger and the
  counterfactual's turn ("your effect": the same game with the player's role passing) (p95);
  ``counterfactual_ms_per_turn_n1``: that counterfactual turn alone (p95);
* ``peak_rss_mb_n10000``: peak memory of 10,000 games in lockstep (measured in a child process;
  ``peak_rss_mb_n2000`` with ``--quick``);
* ``scenario_load_ms``: loading and validating the measured scenario the first time in the
  process (it includes importing the validator); ``largest_scenario_load_ms``: loading the
  largest shipped scenario once that is done, which is what a teacher waits for in the menu;
* ``frame_ms_p95`` and ``startup_to_menu_s`` from the window, when pygame can start.

Ratios are measured within one run, so a noisy machine moves both sides together.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .engine.compiler import Compiled, compile_scenario
from .play import run_batch
from .play.session import Session
from .scenario.discovery import installed_dir

#: the folder that holds the ``game`` package (a child process imports it from there)
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCENARIO = "campaign_1992_2025"


def _largest_scenario() -> Path | None:
    installed = installed_dir()
    files = [p for p in installed.glob("*.yaml")]
    if not files:
        return None

    def size(p: Path) -> int:
        return sum(f.stat().st_size for f in [p, *(installed / "common").glob("*.yaml")])

    return max(files, key=size)


def _load(ref: str):
    from .scenario.loader import load_scenario

    res = load_scenario(ref)
    if res.scenario is None:
        raise SystemExit(f"bench: cannot load {ref}")
    return res.scenario


def _rate(fn, games: int, turns: int, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return games * turns / best


def _rss_child(ref: str, n: int) -> float:
    code = (
        f"import resource, sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from game.scenario.loader import load_scenario\n"
        "from game.engine.compiler import compile_scenario\n"
        "from game.play import run_batch\n"
        f"c = compile_scenario(load_scenario({ref!r}).scenario)\n"
        f"run_batch(c, 1, {n}, {{'JPN': 'random'}})\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return float("nan")


def numpy_floor(c: Compiled, n: int = 4096) -> tuple[float, dict[str, float]]:
    """A lower bound on one turn of ``n`` games for a numpy engine built like this one
    (policies choosing from legal-action masks): the seconds per turn and their parts. On the
    scenario's first turn it calls only the engine's own pieces: ``core.legal_mask`` for every
    actor in both slots, the policies' weighted pick (``sample_weighted``) for every actor and
    slot, one resolution of about 60 pushes per game (``core.resolve_dependence``) and the
    states' autonomy. No events, drift, policies' reasoning, project queue, ledger or
    bookkeeping: the engine does all of those on top, so ``n / seconds`` bounds its
    throughput."""
    from .ai.policies import sample_weighted
    from .engine import core
    from .engine.rng import BatchRandom

    L = c.layout
    st = core.init(c, 1, n)  # the campaign's first turn: its real budgets and cooldowns
    avail = core.availability(c, st)
    rng = np.random.default_rng(1)
    size = L.S * L.D * L.K
    flat = (np.arange(n)[:, None] * size + rng.integers(0, size, (n, 60))).ravel()
    amounts = rng.random(flat.size) * 0.02
    parts: dict[str, float] = {}

    def timed(name: str, f: Callable[..., Any], *args: Any) -> Any:
        t0 = time.perf_counter()
        out = f(*args)
        parts[name] = parts.get(name, 0.0) + time.perf_counter() - t0
        return out

    # pass and the seat's own choices, as the policies weigh them (the mask's other columns
    # are padding)
    weights = {
        seat: np.r_[1.0, c.choice_ai_weight[c.seat_choices[seat]]] for seat in c.seats_with_choices
    }

    def pick(seat: int, slot: int, mask: np.ndarray) -> np.ndarray:
        w = weights[seat]
        return sample_weighted(w, mask[:, : w.size], BatchRandom(st.policy_keys[:, seat], 0, slot))

    def resolve() -> np.ndarray:
        push = np.bincount(flat, amounts, n * size).reshape(st.dep.shape)
        return core.resolve_dependence(st.dep, None, push, None, None, L.P)[0]

    def turn() -> None:  # the engine's own masks, sampling and resolution
        for slot in range(2):
            for seat in c.seats_with_choices:
                mask = timed("legal masks", core.legal_mask, c, st, seat, None, None, avail)
                timed("one weighted pick", pick, seat, slot, mask)
        timed("resolution", resolve)
        timed("autonomy", core.row_concentration, c, st)

    turn()
    runs = []
    for _ in range(7):
        parts.clear()
        t0 = time.perf_counter()
        turn()
        runs.append((time.perf_counter() - t0, dict(parts)))
    return min(runs, key=lambda r: r[0])


def rl_steps_per_s(c: Compiled, quick: bool = False) -> dict[str, float | str]:
    """The RL environments' speed, in steps per second (a step is one action slot of one game):
    ``rl_single_env_steps_per_s`` (``game.rl.gym_env``, one game) and
    ``rl_vector_env_steps_per_s_nN`` (``game.rl.vector_env``, N games in one batched engine
    state), the agent picking uniformly among the legal actions; and their ratio."""
    from .rl import gym_env, vector_env

    rng = np.random.default_rng(1)
    try:
        single = gym_env(c)
    except ImportError as e:  # gymnasium is the rl extra
        return {"rl_bench": f"skipped ({e})"}
    steps = 0
    t0 = time.perf_counter()
    for game in range(1 if quick else 3):
        obs, _ = single.reset(seed=1, options={"game": game})
        done = False
        while not done:
            obs, _, done, _, _ = single.step(rng.choice(np.flatnonzero(obs["action_mask"])))
            steps += 1
    single_rate = steps / (time.perf_counter() - t0)
    n = 256 if quick else 1024
    vec = vector_env(c, n, autoreset_mode="Disabled")

    def episode() -> None:
        obs, _ = vec.reset(seed=1)
        done = False
        while not done:
            noise = rng.random(obs["action_mask"].shape) + obs["action_mask"]  # legal ones win
            obs, _, term, _, _ = vec.step(noise.argmax(axis=1))
            done = bool(term.all())

    vec_rate = _rate(episode, n, c.n_turns * c.M_slots, repeat=1 if quick else 2)
    return {
        "rl_single_env_steps_per_s": round(single_rate),
        f"rl_vector_env_steps_per_s_n{n}": round(vec_rate),
        "rl_vector_vs_single_ratio": round(vec_rate / single_rate, 1),
    }


def measure(ref: str | None = None, quick: bool = False) -> dict[str, float | str]:
    """Every figure of the module docstring for scenario ``ref`` (the campaign by default)."""
    ref = ref or (
        DEFAULT_SCENARIO
        if (installed_dir() / f"{DEFAULT_SCENARIO}.yaml").exists()
        else str(_largest_scenario() or DEFAULT_SCENARIO)
    )
    out: dict[str, float | str] = {"scenario": ref}
    t0 = time.perf_counter()
    sc = _load(ref)
    out["scenario_load_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    largest = _largest_scenario()
    if largest is not None:
        t0 = time.perf_counter()
        _load(str(largest))
        out["largest_scenario"] = largest.stem
        out["largest_scenario_load_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    c = compile_scenario(sc)
    T = c.n_turns
    role = "JPN" if "JPN" in c.actor_index else c.scenario.playable_roles[0]
    nb = 1024 if quick else 4096
    nl = 16 if quick else 48
    batched = _rate(lambda: run_batch(c, 1, nb, {role: "random"}), nb, T)
    loop = _rate(
        lambda: [run_batch(c, 1, 1, {role: "random"}, game_offset=i) for i in range(nl)],
        nl,
        T,
        repeat=1,
    )
    out["turns_per_game"] = T
    out["game_turns_per_s_batched"] = round(batched)
    out["game_turns_per_s_loop"] = round(loop)
    out["batch_vs_loop_ratio"] = round(batched / loop, 1)
    ng, ngl = (256, 4) if quick else (1024, 12)
    gb = _rate(lambda: run_batch(c, 1, ng, {role: "greedy"}), ng, T, repeat=1)
    gl = _rate(
        lambda: [run_batch(c, 1, 1, {role: "greedy"}, game_offset=i) for i in range(ngl)],
        ngl,
        T,
        repeat=1,
    )
    out["greedy_game_turns_per_s_batched"] = round(gb)
    out["greedy_batch_vs_loop_ratio"] = round(gb / gl, 1)
    out.update(rl_steps_per_s(c, quick))
    floor, _ = numpy_floor(c, nb)
    out["numpy_floor_game_turns_per_s"] = round(nb / floor)
    lat, cf_ms = [], []
    s = Session.start(sc, humans=(role,), seed=1)
    cf = s.enable_counterfactual()  # as the window plays: "your effect" beside the game
    while not s.over:
        legal = [x for x in s.choices(role) if x.legal]
        if legal:
            s.plan(legal[0].id)
        t0 = time.perf_counter()
        s.play_turn()  # the counterfactual's turn included (the window may play it earlier)
        lat.append((time.perf_counter() - t0) * 1000)
        if cf is not None:
            cf_ms.append(cf.last_seconds * 1000)
    out["turn_latency_ms_n1"] = round(float(np.percentile(lat, 95)), 2)
    if cf_ms:
        out["counterfactual_ms_per_turn_n1"] = round(float(np.percentile(cf_ms, 95)), 2)
    rss_games = 2000 if quick else 10000
    out[f"peak_rss_mb_n{rss_games}"] = round(_rss_child(ref, rss_games), 1)
    try:
        from .ui.bench import ui_bench

        out.update({k: round(v, 3) for k, v in ui_bench().items()})
    except Exception as e:  # no display, or the window is not built in this install
        out["ui_bench"] = f"skipped ({type(e).__name__}: {e})"
    return out


def cmd_bench(args: argparse.Namespace) -> int:
    """``python main.py bench``: print the figures and, without ``--quick``, the targets."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    res = measure(args.scenario, quick=args.quick)
    for k, v in res.items():
        print(f"{k}: {v}")
    targets = {
        "batch_vs_loop_ratio": (">=", 25),
        "game_turns_per_s_batched": (">=", 250_000),
        "greedy_batch_vs_loop_ratio": (">=", 8),
        "turn_latency_ms_n1": ("<=", 20),
        "peak_rss_mb_n10000": ("<=", 1024),
        "largest_scenario_load_ms": ("<=", 300),
        "frame_ms_p95": ("<=", 16),
        "startup_to_menu_s": ("<=", 2),
    }
    if args.quick:
        print(
            "targets: not checked with --quick (smaller batches: N = 1024 batched, 256 "
            "greedy, 2,000 games for memory)"
        )
        targets = {}
    else:
        print("targets:")
    for k, (op, v) in targets.items():
        value = res.get(k)
        if isinstance(value, (int, float)):
            ok = value >= v if op == ">=" else value <= v
            print(f"  {k} {op} {v}: {'met' if ok else 'NOT met'}")
            floor = res.get("numpy_floor_game_turns_per_s")
            if (
                k == "game_turns_per_s_batched"
                and not ok
                and isinstance(floor, (int, float))
                and floor < v
            ):
                print(
                    f"    (numpy_floor_game_turns_per_s = {floor}: the legal-action masks, one "
                    "weighted pick per actor and slot, one resolution and the autonomy alone "
                    "keep a numpy engine built like this one below the target on this "
                    "machine; docs/engine.md, Speed)"
                )
    if os.environ.get("CROSSROADS_BENCH_JSON"):
        Path(os.environ["CROSSROADS_BENCH_JSON"]).write_text(json.dumps(res, indent=1))
    return 0
