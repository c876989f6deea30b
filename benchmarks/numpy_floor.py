"""How fast could a numpy engine built like ours play the campaign? ``python benchmarks/numpy_floor.py``

Times ``game.bench.numpy_floor`` on ``campaign_1992_2025`` with N = 4096 games: only the
engine's own pieces that every turn needs (the legal masks of every actor's choices and the
policies' weighted pick per actor and slot, one resolution of the dependence shares, the
autonomy), on the campaign's first turn. The real engine does events,
drift, the policies' own reasoning, the project queue and its bookkeeping on top, so the printed
ceiling bounds ``python main.py bench``'s ``game_turns_per_s_batched`` on this machine.
docs/engine.md ("Speed") discusses the figures, including what the masks and the resolution alone cost."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.bench import numpy_floor  # noqa: E402
from game.engine.compiler import compile_scenario  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402

N = 4096


def main() -> None:
    c = compile_scenario(load_scenario("campaign_1992_2025").scenario)
    L = c.layout
    seconds, parts = numpy_floor(c, N)
    print(
        f"campaign_1992_2025: {c.n_choices} choices of {len(c.seats_with_choices)} actors, "
        f"{c.n_cool} cooldown groups, dependence {L.S}x{L.D}x{L.K}; N = {N}"
    )
    for name, s in parts.items():
        print(f"  {name:18s} {s * 1000:6.1f} ms per turn")
    print(f"floor_ms_per_turn: {seconds * 1000:.1f}")
    print(f"ceiling_game_turns_per_s: {N / seconds:,.0f}")


if __name__ == "__main__":
    main()
