"""The state of N games as a struct of numpy arrays with a leading game axis.

Shapes (N games, S states, D dimensions, K partners = powers + rest of world, P powers, A actors,
R resources, M meters, F flags, O organisations, E events, H queue horizon, Q queue slots):

========================  ==========================  ================================================
field                     shape                       meaning
========================  ==========================  ================================================
dep                       (N, S, D, K) float64        dependence shares; every (state, dimension) row
                                                      sums to 1 and lies in [0, 1]
trust                     (N, S, P) float64           trust of each state in each power, 0-100
stability, growth         (N, S) float64              stability 0-100; growth % per year
resilience                (N, S) float64              each state's room to say no, 0-100; (N, 0) when
                                                      the scenario does not use resilience
autonomy                  (N, S) float64              0-100, derived from ``dep`` after every turn
res                       (N, A, R) float64           resources per actor, never below their minimum
meters                    (N, M) float64              global meters
flags                     (N, F) bool                 declared flags
member                    (N, O, A) bool              organisation membership
fired                     (N, E) int32                how often each event has fired
cooldown                  (N, n_cool) int32           first turn each (seat, action) is usable again
queue                     (N, H, H, Q) int32          programs waiting to land: [land turn % H,
                                                      issue turn % H, slot], -1 when empty
turn                      (N,) int32                  turns played so far
terminated                (N,) bool                   the game has reached its last turn
game_id                   (N,) int64                  global index of the game (for its random keys)
world_keys                (N,) uint64                 key of the world's random stream
policy_keys               (N, A) uint64               key of each actor's policy stream
pending                   (N, E) bool                 events fired this turn whose option is not yet
                                                      chosen (between ``begin_turn`` and ``finish``)
score                     (N, A) float64              each role's score 0-1 (0 for non-roles)
========================  ==========================  ================================================
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

import numpy as np

#: fields a scenario leaves empty (shape ``(N, 0)``) when it does not use the mechanism they
#: hold; an empty one is left out of the hash, so the games of such a scenario hash as they did
#: before the field existed (saved records keep their hashes)
OPTIONAL_FIELDS = ("resilience",)


@dataclass
class State:
    """N games' state; the fields and their shapes are in the module docstring."""

    dep: np.ndarray
    trust: np.ndarray
    stability: np.ndarray
    growth: np.ndarray
    base_growth: np.ndarray
    resilience: np.ndarray
    autonomy: np.ndarray
    res: np.ndarray
    meters: np.ndarray
    flags: np.ndarray
    member: np.ndarray
    fired: np.ndarray
    cooldown: np.ndarray
    queue: np.ndarray
    turn: np.ndarray
    terminated: np.ndarray
    game_id: np.ndarray
    world_keys: np.ndarray
    policy_keys: np.ndarray
    pending: np.ndarray
    score: np.ndarray

    @property
    def n(self) -> int:
        """The number of games."""
        return int(self.turn.shape[0])

    def clone(self) -> State:
        """A deep copy (previews and lookahead policies work on clones)."""
        return State(**{f.name: getattr(self, f.name).copy() for f in dataclasses.fields(self)})

    def take(self, idx: np.ndarray | slice | list[int]) -> State:
        """The sub-batch of games ``idx`` (a copy)."""
        if isinstance(idx, slice):
            return State(
                **{f.name: getattr(self, f.name)[idx].copy() for f in dataclasses.fields(self)}
            )
        ix = np.asarray(idx)
        return State(**{f.name: getattr(self, f.name)[ix] for f in dataclasses.fields(self)})

    def repeat(self, times: int) -> State:
        """Each game repeated ``times`` times in a row (for batched lookahead)."""
        return State(
            **{
                f.name: np.repeat(getattr(self, f.name), times, axis=0)
                for f in dataclasses.fields(self)
            }
        )

    def shallow(self) -> State:
        """A new State sharing every array (safe for code that rebinds fields rather than
        writing into them, such as ``core.apply_programs`` used by lookahead policies)."""
        return State(**{f.name: getattr(self, f.name) for f in dataclasses.fields(self)})

    def hashed_fields(self) -> list[str]:
        """The fields a hash of the state covers: all of them, except an optional field
        (``OPTIONAL_FIELDS``) that this scenario leaves empty."""
        return [
            f.name
            for f in dataclasses.fields(self)
            if f.name not in OPTIONAL_FIELDS or getattr(self, f.name).size
        ]

    def hash(self, game: int = 0) -> str:
        """SHA-256 of one game's state, bit for bit (saves and replays compare these)."""
        h = hashlib.sha256()
        for name in self.hashed_fields():
            a = np.ascontiguousarray(getattr(self, name)[game])
            h.update(name.encode())
            h.update(a.tobytes())
        return h.hexdigest()
