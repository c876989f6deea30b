"""What the Gymnasium and PettingZoo environments share: the optional ``rl`` extra and the
spaces of one agent."""

from __future__ import annotations

from typing import Any

import numpy as np

from .games import Games

try:  # the rl extra: pip install 'crossroads[rl]'
    import gymnasium
    from gymnasium import spaces
except ImportError:  # pragma: no cover - exercised only without the extra
    gymnasium = None  # type: ignore[assignment]
    spaces = None  # type: ignore[assignment]


def need_extra() -> None:
    """Raise a plain ``ImportError`` when the ``rl`` extra is not installed."""
    if gymnasium is None:
        raise ImportError(
            "this needs gymnasium: install the rl extra, pip install 'crossroads[rl]'"
        )


def agent_spaces(games: Games, seat: int) -> tuple[Any, Any]:
    """One agent's observation space (a ``Dict`` of the observation vector and the action
    mask) and its action space (``Discrete(1 + the seat's choices)``, 0 = pass)."""
    k = games.n_actions[seat]
    obs = spaces.Dict(
        {
            "observation": spaces.Box(-1.0, 1.0, (games.obs_size,), dtype=np.float32),
            "action_mask": spaces.Box(0, 1, (k,), dtype=np.int8),
        }
    )
    return obs, spaces.Discrete(k)


def first_of(batch: dict[str, Any]) -> dict[str, Any]:
    """Game 0 of per-game arrays, as a single environment returns it (scalars as Python
    numbers, vectors as arrays)."""
    out: dict[str, Any] = {}
    for k, v in batch.items():
        x = v[0]
        out[k] = x.item() if isinstance(x, np.generic) else x
    return out
