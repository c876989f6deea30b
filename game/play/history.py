"""The historical benchmark: a scenario and seed played the way history went.

Every debrief, the class report and ``play --headless`` compare a group's game with this path:
standard difficulty, the playable roles on their recorded history (where the scenario records
one; greedy play otherwise), every other actor on its scenario strategy.
"""

from __future__ import annotations

from ..scenario.model import Scenario
from .session import Session


def default_headless_policies(sc: Scenario) -> dict[str, str]:
    """Playable roles follow history where the scenario records it, else play greedily."""
    return {r: ("historical" if sc.history.get(r) else "greedy") for r in sc.playable_roles}


def history_session(sc: Scenario, seed: int, turns: int | None = None) -> Session:
    """The historical path for ``turns`` turns (the whole game by default): the scenario and
    seed played exactly as ``play SCENARIO --headless --seed N`` plays them."""
    s = Session.start(sc, humans=(), seed=seed, policies=default_headless_policies(sc))
    while not s.over and (turns is None or len(s.reports) < turns):
        s.play_turn()
    return s
