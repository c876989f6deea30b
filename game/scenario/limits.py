"""What the engine can run: the size limits every scenario keeps, and the policy names a
scenario may use. Validation (``limit_checks``) rejects what the engine cannot honour, so a
scenario that validates can be played and studied in bounded memory, and no counter of the
engine overflows. This module imports nothing, so every layer (the record reader, the
policies) can use the same numbers.

The limits (E401-E406 in ``docs/errors.md``, the table in ``docs/scenario-format.md``):

* counts: ``MAX_STATES`` states, ``MAX_POWERS`` powers, ``MAX_DIMENSIONS`` dimensions, and so on
  (E401); at most ``MAX_CHOICES`` choices (an action times its targets, for each actor that
  may take it) and ``MAX_OPTIONS`` options per event (E402);
* turns: a calendar of at most ``MAX_TURNS`` turns (E403). Together with the at most 6 actions
  a turn this keeps every counter of the engine and the balance lab far inside its integer
  type (``COUNTER_LIMITS`` lists each, with its largest possible value; a test checks them);
* a whole game's record (the save file) at most ``MAX_RECORD_BYTES`` (E406), the largest
  file the record reader accepts (``record_bytes`` estimates it from above);
* memory: a balance study holds ``STUDY_CHUNK`` games at once, at most ``MAX_CHUNK_BYTES``
  (E404), and keeps a few numbers of every game it plays for every profile, at most
  ``MAX_RESULT_BYTES`` a profile (E405). ``game_bytes`` estimates one game (an upper bound of
  what the engine allocates per game, which a test measures); within the counts above one
  game needs at most about 20 MB, so the window always has room for it.

Policy names (``POLICY_NAMES``; E202 when an expectation names one that does not exist, with
the closest name): the game's policies (``game.ai.policies``) and the balance lab's
``rollout`` family.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_STATES = 100
MAX_POWERS = 30
MAX_DIMENSIONS = 16
MAX_RESOURCES = 16
MAX_METERS = 64
MAX_FLAGS = 1_000
MAX_ORGANISATIONS = 64
MAX_ACTIONS = 1_000
MAX_EVENTS = 2_000
MAX_DRIFT = 500
MAX_OBJECTIVES = 200
MAX_CHOICES = 10_000
MAX_OPTIONS = 12
MAX_TURNS = 400
#: the most actions an actor may take in a turn (``model.actions_per_turn``, checked by the
#: schema); here for the counters below
MAX_SLOTS = 6
#: the games a balance study holds in memory at once (its default chunk)
STUDY_CHUNK = 500
MAX_CHUNK_BYTES = 1 << 30
MAX_RESULT_BYTES = 1 << 30
#: the largest record (save) file the game reads; a whole game of a scenario must fit (E406)
MAX_RECORD_BYTES = 16 << 20

#: every integer counter of the engine and the balance lab: (where, its type's largest value,
#: the largest value it can reach in a scenario within the limits)
COUNTER_LIMITS: list[tuple[str, int, int]] = [
    ("State.turn (int32): turns played", 2**31 - 1, MAX_TURNS),
    ("State.fired (int32): times an event fired", 2**31 - 1, MAX_TURNS),
    ("State.cooldown (int32): the turn an action is usable again", 2**31 - 1, MAX_TURNS + 50),
    ("State.queue (int32): program ids", 2**31 - 1, MAX_CHOICES + MAX_EVENTS * (1 + MAX_OPTIONS)),
    ("play_to_end counts (int32): times a choice was taken", 2**31 - 1, MAX_TURNS * MAX_SLOTS),
    ("refused (int32): refused choices of a game", 2**31 - 1, MAX_TURNS * MAX_SLOTS * 130),
    ("ChunkResult.role_actions (int16): actions a role took", 2**15 - 1, MAX_TURNS * MAX_SLOTS),
    ("grades (int8): a grade 0-4", 2**7 - 1, 4),
]

#: the policies a scenario may name (balance expectations); FAMILY is an action family of the
#: role, ACTION one of its actions, H and R whole numbers (rollout horizon and rollouts)
POLICY_NAMES = (
    "passive",
    "random",
    "historical",
    "strategic",
    "multivector",
    "greedy",
    "no:FAMILY",
    "only:FAMILY",
    "spam:ACTION",
    "rollout",
    "rollout:H",
    "rollout:H:R",
)
_PLAIN = {n for n in POLICY_NAMES if ":" not in n}
_ROLLOUT = re.compile(r"^rollout(:(?P<h>\d{1,3})(:(?P<r>\d{1,3}))?)?$")


def policy_problem(
    name: str, families: Iterable[str], actions: Iterable[str]
) -> tuple[str, str] | None:
    """None when ``name`` is a policy an actor with these action ``families`` and ``actions``
    can play, else (what is wrong, the closest name or '')."""
    if name in _PLAIN:
        return None
    fams, acts = sorted(set(families)), sorted(set(actions))
    kind, sep, arg = name.partition(":")
    if sep and kind in ("no", "only"):
        if arg in fams:
            return None
        return f"there is no action family '{arg}' for this role", _closest(arg, fams, kind + ":")
    if sep and kind == "spam":
        if arg in acts:
            return None
        return f"this role has no action '{arg}'", _closest(arg, acts, "spam:")
    m = _ROLLOUT.match(name)
    if m:
        h, r = int(m.group("h") or 3), int(m.group("r") or 2)
        if 1 <= h <= 50 and 1 <= r <= 64:
            return None
        return "rollout:H:R needs 1 <= H <= 50 and 1 <= R <= 64", ""
    known = sorted(_PLAIN) + [f"no:{f}" for f in fams] + [f"only:{f}" for f in fams]
    return f"there is no policy '{name}'", _closest(name, known, "")


def _closest(value: str, known: list[str], prefix: str) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return prefix + close[0] if close else ""


# ------------------------------------------------------------------------------------------------
# Sizes
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sizes:
    """The sizes that decide what a game of a scenario costs."""

    states: int
    powers: int
    dimensions: int
    resources: int
    meters: int
    flags: int
    organisations: int
    events: int
    options: int  # all events' options
    choices: int
    widest_seat: int  # the most choices one actor has
    horizon: int  # the longest delay + duration of an action
    slots: int  # actions per turn
    turns: int
    objectives: int
    roles: int
    actions: int

    @property
    def actors(self) -> int:
        return self.states + self.powers


def game_bytes(z: Sizes) -> int:
    """An upper bound of the memory one game needs while it is played (the engine's state
    and the arrays a turn works with), in bytes. Dependence (states x dimensions x partners)
    is held in several copies while a turn resolves; the queue of actions under way is
    horizon^2 x actors x slots; policies score every choice of a seat."""
    s, d, k, a = z.states, z.dimensions, z.powers + 1, z.actors
    floats = (
        12 * s * d * k
        + 6 * s * z.powers
        + 8 * s
        + 4 * a * z.resources
        + 2 * z.meters
        + 4 * (z.widest_seat + 1)
        + 2 * z.choices
        + 8 * (z.events + z.options)
    )
    ints = 2 * z.horizon**2 * a * z.slots + z.choices + a * z.actions
    small = z.flags + z.organisations * a
    return 8 * floats + 4 * ints + small + 16_384


def record_bytes(z: Sizes) -> int:
    """An upper bound of the size of a whole game's record file (a save, ``--json``): the
    values after every turn (about 12 characters a number), every actor's choices and the
    events that fired."""
    numbers = (
        z.states * z.dimensions * (z.powers + 1)
        + z.states * z.powers
        + 6 * z.states
        + z.actors * z.resources
        + z.meters
        + z.actors
    )
    per_turn = 12 * numbers + 40 * z.actors * z.slots + 24 * z.events + 200
    return (z.turns + 1) * per_turn + 16_384


def result_bytes(z: Sizes) -> int:
    """What a balance study keeps of each game it plays, per profile: scores, grades, the
    actions each role took, objective values, event counts and the map's shares."""
    return z.roles * (9 + 2 * z.actions) + 8 * z.objectives + 8 * z.states * z.powers + 4 * z.events
