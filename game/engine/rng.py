"""Counter-based random numbers: every draw is a pure function of (stream key, game, turn, slot).

Why not one ``numpy.random.Generator`` per batch? Because then game 7's numbers would depend on
how many games share its batch, how the batch was chunked and how many workers ran it. Here each
game has its own 64-bit key per stream, derived with ``numpy.random.SeedSequence`` from the user's
seed, the stream's purpose (the world, or one actor's policy) and the game's global index. A draw
hashes ``key ^ counter`` with SplitMix64, so:

* the same seed gives the same game whether it runs alone (the window), headless, or as game *i*
  of a batch of 10,000, in any chunking and on any number of workers;
* the world's stream is separate from each policy's, so changing Russia's policy never shifts the
  world's random events (common random numbers for paired balance comparisons).

Inside a stream, a draw's counter is made of the turn and a *tag* saying what the number is for.
``Draw`` lists every purpose and its tag, ``ChanceOwner`` and the ``chance_tag_*`` functions how
a ``chance`` condition gets its own tag, ``BatchRandom`` how a policy's draws are numbered, and
``rollout_keys`` how a rollout re-keys the streams. These numbers are part of every game's
identity: changing one changes the games played with every seed.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_TURN = np.uint64(0xD6E8FEB86659FD93)
_TAG = np.uint64(0xA0761D6478BD642F)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)
_TO_UNIT = 2.0**-53


def splitmix64(x: np.ndarray) -> np.ndarray:
    """The SplitMix64 finaliser, vectorised (uint64 arithmetic wraps by design)."""
    z = x + _GOLDEN
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    return z ^ (z >> _S31)


class Draw(IntEnum):
    """What a random number is drawn for: the tag of its counter within its stream."""

    #: world stream, one uniform per event: does an event with a ``chance`` fire this turn
    EVENT_FIRES = 3
    #: world stream, one normal per state (two uniforms each): the stability shock
    STABILITY_SHOCK = 7
    #: world stream, plus the condition's chance tag (``ChanceOwner``): a ``chance`` condition
    CHANCE_CONDITION = 50_000
    #: the chooser's policy stream, plus the event's index: which option a computer player takes
    EVENT_OPTION = 900
    #: an actor's policy stream: ``slot * POLICY_SLOT + k`` is a policy's k-th draw (k = 1, 2, ...)
    #: for that action slot (``BatchRandom``)
    POLICY_SLOT = 1024


class ChanceOwner(IntEnum):
    """Where a ``chance`` condition is written: the base of its chance tag."""

    ACTION = 0  #: plus the choice's global index (an action's ``available_if``)
    DRIFT = 70_000  #: a drift term's ``when``
    EVENT = 90_000  #: plus the event's index (an event's ``condition``)


def chance_tag_of_part(parent: int, position: int) -> int:
    """The chance tag of the ``position``-th condition inside an ``all`` or ``any``."""
    return parent * 7 + position + 1


def chance_tag_of_negation(parent: int) -> int:
    """The chance tag of the condition inside a ``not``."""
    return parent + 1


WORLD_STREAM = 0  #: the world's stream is stream 0; actor ``a``'s policy stream is ``1 + a``


def stream_keys(seed: int, n_streams: int) -> np.ndarray:
    """One 64-bit key per stream (``WORLD_STREAM``, then one per actor) from
    ``SeedSequence(seed)``."""
    root = np.random.SeedSequence(int(seed))
    return np.array(
        [c.generate_state(1, np.uint64)[0] for c in root.spawn(n_streams)], dtype=np.uint64
    )


def game_keys(stream_key: np.uint64, game_ids: np.ndarray) -> np.ndarray:
    """Per-game keys for one stream: depend only on the stream and the game's global index."""
    with np.errstate(over="ignore"):
        return splitmix64(np.uint64(stream_key) ^ (game_ids.astype(np.uint64) * _GOLDEN))


def game_streams(seed: int, n_actors: int, game_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The keys of games ``game_ids`` of ``seed``: the world's ``(N,)`` and every actor's
    policy stream ``(N, n_actors)``."""
    keys = stream_keys(seed, 1 + n_actors)
    world = game_keys(keys[WORLD_STREAM], game_ids)
    policy = np.stack([game_keys(k, game_ids) for k in keys[WORLD_STREAM + 1 :]], axis=1)
    return world, policy


_ROLLOUT_SALT = np.uint64(0x5BD1E9955BD1E995)


def rollout_keys(keys: np.ndarray, rollout: np.ndarray) -> np.ndarray:
    """Fresh keys for a lookahead's imagined futures: a pure function of the original key and
    the rollout's number, so a rollout never sees the real game's dice."""
    with np.errstate(over="ignore"):
        return splitmix64(keys ^ (rollout.astype(np.uint64) * _ROLLOUT_SALT + _ROLLOUT_SALT))


def uniform(keys: np.ndarray, turn: int, tag: int, count: int) -> np.ndarray:
    """Uniform numbers in [0, 1), shape ``(len(keys), count)``."""
    with np.errstate(over="ignore"):
        ctr = (np.uint64(turn) * _TURN) ^ (np.uint64(int(tag)) * _TAG)
        x = keys[:, None] ^ (ctr + np.arange(count, dtype=np.uint64) * _GOLDEN)
        return (splitmix64(x) >> np.uint64(11)).astype(np.float64) * _TO_UNIT


def normal(keys: np.ndarray, turn: int, tag: int, count: int) -> np.ndarray:
    """Standard normal numbers (Box-Muller), shape ``(len(keys), count)``."""
    u = uniform(keys, turn, tag, 2 * count)
    u1 = 1.0 - u[:, :count]  # in (0, 1]
    return np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u[:, count:])


class BatchRandom:
    """The ``rng`` a policy receives: one independent stream per game for this turn and slot.

    ``uniform(k)`` and ``gumbel(k)`` return ``(N, k)`` arrays; calling them again gives fresh
    numbers (an internal counter advances), still determined only by the game's key."""

    def __init__(self, keys: np.ndarray, turn: int, slot: int) -> None:
        self.keys, self.turn, self._tag = keys, turn, slot * int(Draw.POLICY_SLOT)

    def uniform(self, count: int) -> np.ndarray:
        """``(N, count)`` fresh uniform numbers in [0, 1)."""
        self._tag += 1
        return uniform(self.keys, self.turn, self._tag, count)

    def gumbel(self, count: int) -> np.ndarray:
        """``(N, count)`` fresh standard Gumbel numbers (for Gumbel-max sampling)."""
        u = self.uniform(count)
        return -np.log(-np.log(np.clip(u, 1e-300, 1.0 - 1e-16)))
