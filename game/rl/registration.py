"""Gymnasium ids for the installed scenarios: ``crossroads/<scenario id>-v0``.

``register_envs()`` runs when ``game.rl`` is imported. Gymnasium 1.0 removed the plugin system
(the ``gymnasium.envs`` entry points of Gymnasium 0.26-0.29 are no longer read), so a package
cannot register on its own when it is installed, and this one declares no entry point: import
``game.rl`` first, or name the module in the id,
``gymnasium.make("game.rl:crossroads/class_abe_belt_road-v0")``, which makes Gymnasium import it.
"""

from __future__ import annotations

import re

from ..scenario.loader import installed_ids
from .common import gymnasium

NAMESPACE = "crossroads"
VERSION = 0


def env_id(scenario_id: str) -> str:
    """The Gymnasium id of an installed scenario."""
    return f"{NAMESPACE}/{scenario_id}-v{VERSION}"


def register_envs() -> list[str]:
    """Register one id per installed scenario (single env and vector entry point); returns the
    ids. Without the ``rl`` extra it registers nothing. Calling it again changes nothing."""
    if gymnasium is None:
        return []
    ids = []
    for sid in sorted(installed_ids()):
        if not re.fullmatch(r"[\w.-]+", sid):  # a file name Gymnasium cannot take as an id
            continue
        eid = env_id(sid)
        if eid not in gymnasium.registry:
            gymnasium.register(
                id=eid,
                entry_point="game.rl.gym_envs:CrossroadsGymEnv",
                vector_entry_point="game.rl.gym_envs:CrossroadsVectorEnv",
                kwargs={"scenario": sid},
            )
        ids.append(eid)
    return ids
