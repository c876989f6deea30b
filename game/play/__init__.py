"""Playing games: the layer between the engine and everything that plays it.

* ``loop``: the one loop every batch of games uses (``run_batch``, ``play_to_end``,
  ``choose_actions``) - the headless runner, the balance lab, the benchmark, the RL adapters;
* ``session``: ``Session``, one game (N = 1) for the window and headless play, with previews,
  saves and the turn reports;
* ``history``: the historical benchmark every debrief and report compares with;
* ``classcode``: the one-line code that fixes a class's world (scenario, seed, teams, rules).

It imports the engine, the policies and the scenario models, and nothing above them.
"""

from .loop import (
    BatchResult,
    build_policies,
    choose_actions,
    option_chooser_for,
    play_to_end,
    run_batch,
    snapshot,
)

__all__ = [
    "BatchResult",
    "build_policies",
    "choose_actions",
    "option_chooser_for",
    "play_to_end",
    "run_batch",
    "snapshot",
]
