"""The game record: one file format for saves and headless records, and the one year axis.

A ``GameRecord`` is what the debrief, replays, the class report and balance reports read: the
scenario's id and content hash, the seed, the roles and policies, every choice of every turn
(actions by id and target, event options by id), the values after every turn and, once the
game is over, its final state's hash and grades. ``docs/records.md`` describes every field;
``record_schema()`` is its JSON Schema (``python main.py record-schema``).

The window's saves and ``play --headless --json`` write the same file (``write_record``): a
JSON object tagged ``"format": "crossroads-record"`` with a ``version``, the record's fields and
a SHA-256 checksum of them, written atomically (a temporary file in the same folder, flushed,
then renamed), so a crash or a closed laptop never leaves half a save. ``loads_record`` reads
it, and the two formats of version 1 that classes still keep (the window's checksummed
``crossroads-save`` and the plain headless record); it checks the tag, the version, the
checksum and the record's shape, and says in plain words what is wrong (``SaveError``: its
``kind`` and ``details`` let a report say it in another language).

Turn ``t`` of a game describes the world after ``t`` turns: ``start_values`` are turn 0, the
values of ``turns[t - 1]`` are turn ``t``. Each is labelled with the period whose end it
describes (``value_years``): the year the turn was played, and for turn 0 the period before
the first turn (2012 for a game that starts in 2013).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..kit.files import FileProblem, decode_text, parse_json, read_regular, write_atomic
from ..scenario import limits
from ..scenario.registry import ACTOR_ID, DATE, SNAKE_ID

if TYPE_CHECKING:
    from ..scenario.model import Calendar

RECORD_FORMAT = "crossroads-record"
RECORD_VERSION = 2
#: version 1: the window's save, the record as a JSON string inside a checksummed wrapper
OLD_SAVE_FORMAT = "crossroads-save"


class SaveError(ValueError):
    """A save or record that cannot be used; ``str()`` is a message for the player. ``kind``
    names the problem (``missing``, ``cut_short``, ``checksum``, ``damaged``...) and
    ``details`` its particulars, so a report can say the same in the reader's language."""

    def __init__(self, message: str, kind: str = "invalid", **details: Any) -> None:
        super().__init__(message)
        self.kind = kind
        self.details = details


@dataclass
class TurnRecord:
    turn: int  # the turn played, from 0
    year: str  # the period it was played in (its values describe the end of it)
    actions: dict[str, list[str]]  # actor -> ["action_id@TARGET", ...]
    events: list[str]  # events fired this turn
    options: dict[str, str]  # event id -> option id
    values: dict[str, Any] = field(default_factory=dict)  # the world after this turn (lists)


@dataclass
class GameRecord:
    scenario_id: str
    scenario_hash: str
    seed: int
    humans: list[str]
    policies: dict[str, str]
    start_values: dict[str, Any] = field(default_factory=dict)
    turns: list[TurnRecord] = field(default_factory=list)
    final_hash: str = ""
    grades: dict[str, Any] = field(default_factory=dict)
    label: str = ""  # the window keeps the difficulty here; a class group's name otherwise
    #: the ids along the values' axes: states, partners, powers, dimensions, actors,
    #: resources, meters (so a record can be read without its scenario)
    names: dict[str, list[str]] = field(default_factory=dict)
    #: optional: the same game with the people's roles doing nothing, turn by turn (its own
    #: ``version``; docs/records.md, "counterfactual"); left out of the file when empty
    counterfactual: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for name in OPTIONAL_FIELDS:
            if not d.get(name):
                d.pop(name, None)
        return d

    @staticmethod
    def from_json(d: dict[str, Any]) -> GameRecord:
        turns = [TurnRecord(**t) for t in d.get("turns", [])]
        rest = {k: v for k, v in d.items() if k != "turns"}
        return GameRecord(turns=turns, **rest)


_FIELDS = [f.name for f in fields(GameRecord)]
#: fields a record file may leave out (written only when they hold something)
OPTIONAL_FIELDS = ("counterfactual",)
REQUIRED_FIELDS = [f for f in _FIELDS if f not in OPTIONAL_FIELDS]


# ------------------------------------------------------------------------------------------------
# Writing
# ------------------------------------------------------------------------------------------------
def _checksum(data: dict[str, Any]) -> str:
    """SHA-256 of the record's fields as canonical JSON (keys sorted, no spaces): the same
    whatever the order or spacing of the file."""
    canon = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def dumps_record(record: GameRecord) -> str:
    """The record file's text (``format`` and ``version`` first, ``sha256`` last)."""
    data: dict[str, Any] = {"format": RECORD_FORMAT, "version": RECORD_VERSION}
    data.update(record.to_json())
    data["sha256"] = _checksum(data)
    return json.dumps(data, ensure_ascii=False)


def write_record(record: GameRecord, path: str | os.PathLike[str]) -> Path:
    """Write atomically (``kit.files.write_atomic``: a temporary file beside the target,
    fsync, rename, fsync the folder): the file is the old record or the new one, never half
    of one, whatever happens. Raises ``OSError`` (``kit.files.write_problem`` says it)."""
    return write_atomic(path, dumps_record(record))


# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------
#: what can be wrong with a record file, in words ({file} names it); a report may say the same
#: in another language from ``SaveError.kind`` and ``details``
PROBLEMS = {
    "missing": "{file}: no such file",
    "not_a_file": "{file}: this is not an ordinary file (a folder, a device, a pipe or a link "
    "to one), so it was not read",
    "too_large": "{file}: this file is too large to be a game record ({mb} MB)",
    "cannot_read": "{file}: cannot read this file ({error})",
    "not_a_record": "{file}: this is not a Crossroads game record or save file (make one with "
    "'Save' in the game, or play --headless --json)",
    "cut_short": "{file}: cannot read this record: it looks cut short - was the disk full or "
    "the file copied halfway?",
    "bad_json": "{file}: cannot read this record: it is damaged (not valid JSON)",
    "version": "{file}: record version {version} is not supported (this game reads versions 1 "
    "to {supported}; was it written by a newer version of the game?)",
    "checksum": "{file}: the record has been changed or damaged (checksum mismatch); use an "
    "earlier save or the autosave",
    "invalid": "{file}: the record's contents are not valid (its turns have missing or unknown "
    "fields: damaged, or made by another version of the game?)",
    "damaged": "{file}: the record is damaged ({said})",
}
#: the largest record file read (a whole game of any valid scenario fits: E406)
MAX_RECORD_BYTES = limits.MAX_RECORD_BYTES
#: how deep a record's JSON nests at most (its deepest part, dependence, is 8 deep)
MAX_RECORD_DEPTH = 16


def _problem(kind: str, file: str, **details: Any) -> SaveError:
    return SaveError(PROBLEMS[kind].format(file=file, **details), kind, file=file, **details)


def _from_file_problem(p: FileProblem, name: str) -> SaveError:
    """The record's words for what the kit found wrong with the file."""
    if p.kind in ("missing", "cannot_read"):
        return _problem(p.kind, name, **{k: v for k, v in p.details.items() if k != "file"})
    if p.kind in ("is_a_folder", "not_a_file"):
        return _problem("not_a_file", name)
    if p.kind == "too_large":
        return _problem("too_large", name, mb=p.details.get("n", 0) // 2**20)
    if p.kind == "cut_short":
        return _problem("cut_short", name)
    if p.kind == "bad_json":
        return _problem("bad_json", f"{name}:{p.details['line']}:{p.details['column']}")
    if p.kind == "not_text":
        return _problem("not_a_record", name)
    # too deep, a number with thousands of digits, NaN: not something the game writes
    details = {k: v for k, v in p.details.items() if k != "file"}
    return _problem("damaged", name, said=str(p).split(": ", 1)[-1], problem=p.kind, **details)


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a record file (an ordinary file, size-capped, UTF-8); ``SaveError``
    otherwise."""
    try:
        return decode_text(read_regular(path, MAX_RECORD_BYTES), str(path))
    except FileProblem as p:
        raise _from_file_problem(p, str(path)) from None


def read_record(path: str | os.PathLike[str]) -> GameRecord:
    """Read and check a save or record file (any version). Raises ``SaveError`` with a message
    a player can act on, and nothing else: a file of any content, size or kind (a FIFO, a
    device) is refused in bounded time and memory."""
    return loads_record(read_text(path), str(path))


def loads_record(text: str, name: str = "record") -> GameRecord:
    """A record from a file's text: version 2, or either format of version 1, checked field by
    field (``check_record``) before anyone uses it."""
    if not text.lstrip().startswith(("{", "[")):  # not JSON at all: some other file
        raise _problem("not_a_record", name)
    try:
        data = parse_json(text, name, max_depth=MAX_RECORD_DEPTH)
    except FileProblem as p:
        raise _from_file_problem(p, name) from None
    fmt = data.get("format") if isinstance(data, dict) else None
    _check_turn_count(data, name)  # before anything costs time in proportion to the turns
    if fmt == RECORD_FORMAT:
        rec = _from_v2(data, name)
    elif fmt == OLD_SAVE_FORMAT:
        rec = _from_old_save(data, name)
    elif isinstance(data, dict) and fmt is None and "scenario_id" in data and "turns" in data:
        rec = _from_old_headless(data, name)
    else:
        raise _problem("not_a_record", name)
    problem = check_record(rec)
    if problem is not None:
        kind, details = problem
        raise _problem("damaged", name, said=shape_text(kind, details), problem=kind, **details)
    return rec


def _check_turn_count(data: Any, name: str) -> None:
    turns = data.get("turns") if isinstance(data, dict) else None
    if isinstance(turns, list) and len(turns) > limits.MAX_TURNS:
        details = {"n": len(turns), "most": limits.MAX_TURNS}
        said = shape_text("too_many_turns", details)
        raise _problem("damaged", name, said=said, problem="too_many_turns", **details)


def _build(d: dict[str, Any], name: str) -> GameRecord:
    try:
        return GameRecord.from_json({k: v for k, v in d.items() if k in _FIELDS})
    except (TypeError, ValueError, KeyError, AttributeError):
        raise _problem("invalid", name) from None


def _from_v2(data: dict[str, Any], name: str) -> GameRecord:
    version = data.get("version")
    if version != RECORD_VERSION or isinstance(version, bool):
        raise _problem("version", name, version=_short(version), supported=RECORD_VERSION)
    body = {k: v for k, v in data.items() if k != "sha256"}
    try:
        same = data.get("sha256") == _checksum(body)
    except (TypeError, ValueError):  # e.g. text with a lone surrogate: not written by the game
        same = False
    if not same:
        raise _problem("checksum", name)
    return _build(data, name)


def _from_old_save(outer: dict[str, Any], name: str) -> GameRecord:
    """Version 1 of the window's saves: the record as canonical JSON in ``payload``, with its
    SHA-256 beside it."""
    version = outer.get("version")
    if version != 1 or isinstance(version, bool):
        raise _problem("version", name, version=_short(version), supported=RECORD_VERSION)
    payload = outer.get("payload")
    try:
        same = isinstance(payload, str) and (
            hashlib.sha256(payload.encode("utf-8")).hexdigest() == outer.get("sha256")
        )
    except UnicodeEncodeError:
        same = False
    if not same:
        raise _problem("checksum", name)
    try:
        data = parse_json(str(payload), name, max_depth=MAX_RECORD_DEPTH)
    except FileProblem:
        raise _problem("checksum", name) from None
    if not isinstance(data, dict):
        raise _problem("checksum", name)
    _check_turn_count(data, name)
    return _build(data, name)


def _from_old_headless(data: dict[str, Any], name: str) -> GameRecord:
    """Version 1 of ``play --headless --json``: the record's fields with the objectives and
    the axes' names beside them, and no checksum."""
    rec = _build(data, name)
    objectives = data.get("objectives")
    if isinstance(rec.grades, dict) and not rec.grades.get("objectives") and objectives:
        rec.grades = {**rec.grades, "objectives": objectives}
    return rec


def _short(value: Any) -> str:
    """A value for a message, never longer than a few words."""
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "..."


# ------------------------------------------------------------------------------------------------
# Checking a record's contents (the documented format, docs/records.md)
# ------------------------------------------------------------------------------------------------
#: what ``check_record`` finds, in words ({where}: "the start" or "turn N" of the values)
SHAPE_PROBLEMS = {
    "no_id": "no scenario id",
    "scenario_id": "'{value}' is not a scenario id",
    "types": "seed, roles, grades or names have the wrong type",
    "seed": "the seed is not a whole number from 0 to {most}",
    "roles": "the roles or their policies are not actor ids and policy names",
    "hash": "the scenario's or the final state's hash is not a hash",
    "label": "the group label is not text, or longer than {most} characters",
    "names": "the names of the values' axes are not lists of ids",
    "grades": "the grades are malformed",
    "too_many_turns": "it has {n} turns; no scenario has more than {most}",
    "turn_order": "its turns are not numbered 0, 1, 2, ... (turn {turn} is out of place)",
    "year": "turn {turn}: the year is not a year",
    "no_values": "values of {where} are missing",
    "no_autonomy": "autonomy of {where} is missing",
    "n_states": "{where} has a different number of states",
    "dependence": "dependence of {where} is malformed",
    "numbers": "values of {where}: '{field}' holds something other than numbers in range",
    "choices": "turn {turn}: choices are malformed",
    "actions": "turn {turn}: actions of {actor} are malformed",
}


def shape_text(kind: str, details: dict[str, Any]) -> str:
    """A ``check_record`` problem in words."""
    where = "the start" if details.get("turn") == 0 else f"turn {details.get('turn')}"
    return SHAPE_PROBLEMS[kind].format(**{"where": where, **details})


MAX_SEED = 2**63 - 1
MAX_LABEL = 200
#: the largest magnitude of any recorded value (money, shares, scores are far smaller)
MAX_VALUE = 1e12
_SCENARIO_ID = re.compile(SNAKE_ID)
_ACTOR = re.compile(ACTOR_ID)
_DATE = re.compile(DATE)
_HASH = re.compile(r"^([0-9a-f]{64})?$")
_POLICY = re.compile(r"^[a-z][a-z0-9_]{0,31}(:[A-Za-z0-9_]{1,64}){0,2}$")
_CHOICE = re.compile(r"^[a-z][a-z0-9_]{0,63}(@[A-Z][A-Z0-9_]{1,9})?$")
_MAX_ACTORS = limits.MAX_STATES + limits.MAX_POWERS + 1  # and the rest of the world


def is_text(value: Any, most: int) -> bool:
    """A string of at most ``most`` characters that can be written as UTF-8."""
    if not isinstance(value, str) or len(value) > most:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _ids(value: Any, pattern: re.Pattern[str], most: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) <= most
        and all(isinstance(x, str) and pattern.match(x) for x in value)
    )


def _numbers(value: Any, depth: int, lo: float, hi: float, most: int) -> int | None:
    """How many numbers ``value`` holds when it is a list nested ``depth`` deep (no deeper) of
    finite numbers in [lo, hi], every list at most ``most`` long; None otherwise."""
    if depth == 0:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return 1 if ok and math.isfinite(value) and lo <= value <= hi else None
    if not isinstance(value, list) or len(value) > most:
        return None
    total = 0
    for x in value:
        n = _numbers(x, depth - 1, lo, hi, most)
        if n is None:
            return None
        total += n
    return total


#: the shape of each kind of value: (nesting depth, lowest, highest); dependence is 0-1, the
#: 0-100 quantities are autonomy, stability, trust and resilience; others only need to be finite
_VALUES = {
    "autonomy": (1, -1e-6, 100 + 1e-6),
    "dep": (3, -1e-6, 1 + 1e-6),
    "trust": (2, -1e-6, 100 + 1e-6),
    "stability": (1, -1e-6, 100 + 1e-6),
    "resilience": (1, -1e-6, 100 + 1e-6),
}


def _check_values(v: Any, turn: int, n_states: int | None) -> tuple[str, dict[str, Any]] | None:
    if not isinstance(v, dict) or len(v) > 64:
        return "no_values", {"turn": turn}
    aut = v.get("autonomy")
    if not isinstance(aut, list) or not aut or len(aut) > _MAX_ACTORS:
        return "no_autonomy", {"turn": turn}
    if n_states is not None and len(aut) != n_states:
        return "n_states", {"turn": turn}
    dep = v.get("dep")
    if dep is not None and (not isinstance(dep, list) or len(dep) != len(aut)):
        return "dependence", {"turn": turn}
    for key, value in v.items():
        if not isinstance(key, str) or not _SCENARIO_ID.match(key):
            return "numbers", {"turn": turn, "field": _short(key)}
        depth, lo, hi = _VALUES.get(key, (0, -MAX_VALUE, MAX_VALUE))
        found = None
        for d in (depth,) if key in _VALUES else (0, 1, 2, 3):
            found = _numbers(value, d, lo, hi, 1_000)
            if found is not None:
                break
        if found is None:
            return ("dependence" if key == "dep" else "numbers"), {"turn": turn, "field": key}
    return None


def check_record(rec: GameRecord) -> tuple[str, dict[str, Any]] | None:
    """What is wrong with a record's contents, as (problem, details), or None: every field
    has the type and the range ``docs/records.md`` gives it (ids are ids, numbers are finite
    and in range, texts are short, turns are numbered in order and at most
    ``limits.MAX_TURNS``), and the values every reader counts on are there (autonomy and
    dependence of every state, the same states every turn, the choices of every turn). Nothing
    read from a file is used before it passes."""
    if not isinstance(rec.scenario_id, str) or not rec.scenario_id:
        return "no_id", {}
    if not _SCENARIO_ID.match(rec.scenario_id):
        return "scenario_id", {"value": _short(rec.scenario_id)}
    if (
        not isinstance(rec.seed, int)
        or isinstance(rec.seed, bool)
        or not (0 <= rec.seed <= MAX_SEED)
    ):
        if not isinstance(rec.seed, int):
            return "types", {}
        return "seed", {"most": MAX_SEED}
    if not isinstance(rec.humans, list) or not isinstance(rec.policies, dict):
        return "types", {}
    if (
        not _ids(rec.humans, _ACTOR, _MAX_ACTORS)
        or len(set(rec.humans)) != len(rec.humans)
        or len(rec.policies) > _MAX_ACTORS
        or not all(
            isinstance(a, str) and _ACTOR.match(a) and isinstance(p, str) and _POLICY.match(p)
            for a, p in rec.policies.items()
        )
    ):
        return "roles", {}
    if not is_text(rec.scenario_hash, 64) or not _HASH.match(rec.scenario_hash):
        return "hash", {}
    if not is_text(rec.final_hash, 64) or not _HASH.match(rec.final_hash):
        return "hash", {}
    if not is_text(rec.label, MAX_LABEL):
        return "label", {"most": MAX_LABEL}
    if not isinstance(rec.grades, dict) or not isinstance(rec.names, dict):
        return "types", {}
    if len(rec.names) > 16 or not all(
        isinstance(k, str) and _SCENARIO_ID.match(k) and _ids(v, _ACTOR_OR_ID, 10_000)
        for k, v in rec.names.items()
    ):
        return "names", {}
    if not _grades_ok(rec.grades):
        return "grades", {}
    if not isinstance(rec.turns, list) or len(rec.turns) > limits.MAX_TURNS:
        return "too_many_turns", {"n": len(rec.turns), "most": limits.MAX_TURNS}
    n_states = None
    for turn, v in enumerate([rec.start_values] + [t.values for t in rec.turns]):
        found = _check_values(v, turn, n_states)
        if found is not None:
            return found
        n_states = len(v["autonomy"])
    for i, t in enumerate(rec.turns):
        if not isinstance(t.turn, int) or isinstance(t.turn, bool) or t.turn != i:
            return "turn_order", {"turn": i}
        if not isinstance(t.year, str) or not _DATE.match(t.year):
            return "year", {"turn": i}
        if (
            not isinstance(t.actions, dict)
            or not isinstance(t.options, dict)
            or not _ids(t.events, _SCENARIO_ID, limits.MAX_EVENTS)
            or len(t.actions) > _MAX_ACTORS
            or len(t.options) > limits.MAX_EVENTS
            or not all(
                isinstance(e, str)
                and _SCENARIO_ID.match(e)
                and isinstance(o, str)
                and _SCENARIO_ID.match(o)
                for e, o in t.options.items()
            )
        ):
            return "choices", {"turn": t.turn}
        for actor, keys in t.actions.items():
            if not isinstance(actor, str) or not _ACTOR.match(actor) or not _ids(keys, _CHOICE, 64):
                return "actions", {"turn": t.turn, "actor": _short(actor)}
    return None


_ACTOR_OR_ID = re.compile(f"{ACTOR_ID}|{SNAKE_ID}")


def _grades_ok(grades: dict[str, Any]) -> bool:
    """``{"overall": {role: letter}, "objectives": [{role, id, name, value, grade, bands}]}``,
    either part may be missing."""
    overall = grades.get("overall", {})
    objectives = grades.get("objectives", [])
    if not isinstance(overall, dict) or not isinstance(objectives, list):
        return False
    if len(overall) > _MAX_ACTORS or not all(
        isinstance(r, str) and _ACTOR.match(r) and is_text(g, 8) for r, g in overall.items()
    ):
        return False
    if len(objectives) > limits.MAX_OBJECTIVES:
        return False
    for o in objectives:
        if not isinstance(o, dict) or len(o) > 32:
            return False
        if not all(is_text(o.get(k, ""), 400) for k in ("role", "id", "name", "grade")):
            return False
        value = o.get("value", 0)
        if value is not None and _numbers(value, 0, -MAX_VALUE, MAX_VALUE, 0) is None:
            return False
        if "bands" in o and _numbers(o["bands"], 1, -MAX_VALUE, MAX_VALUE, 10) is None:
            return False
    return True


# ------------------------------------------------------------------------------------------------
# The year axis
# ------------------------------------------------------------------------------------------------
def value_years(calendar: Calendar, n: int) -> list[str]:
    """The labels of turns 0 .. n-1 (the world after that many turns): the period whose end
    the values describe; turn 0, the starting values, is the period before the first turn."""
    return [calendar.date_of_turn(t - 1) for t in range(n)]


def record_years(rec: GameRecord) -> list[str]:
    """``value_years`` of a record's own turns, read from the record (without its scenario):
    the year of every turn played, after the period before the first one."""
    years = [t.year for t in rec.turns]
    if not years:
        return ["0"]
    first, _, month = years[0].partition("-")
    if not (first.isdigit() and (not month or month.isdigit())):
        return ["0", *years]
    if not month:
        return [str(int(first) - 1), *years]
    idx = int(first) * 12 + int(month) - 1
    y2, _, m2 = years[1].partition("-") if len(years) > 1 else ("", "", "")
    step = (int(y2) * 12 + int(m2) - 1 - idx) if y2.isdigit() and m2.isdigit() else 12
    before_y, before_m = divmod(idx - step, 12)
    return [f"{before_y}-{before_m + 1:02d}", *years]


# ------------------------------------------------------------------------------------------------
# The format's JSON Schema
# ------------------------------------------------------------------------------------------------
def record_schema() -> dict[str, Any]:
    """The JSON Schema of a record file (version 2), for ``python main.py record-schema``."""
    strings = {"type": "array", "items": {"type": "string"}}
    numbers_by_state = {
        "type": "array",
        "minItems": 1,
        "items": {"type": "number", "minimum": 0, "maximum": 100},
    }
    hash_text = {"type": "string", "pattern": _HASH.pattern}
    values = {
        "type": "object",
        "description": "The world after a turn: lists along the axes that `names` lists "
        "(autonomy[state], dep[state][dimension][partner] as shares 0-1, trust[state][power], "
        "stability[state], growth[state], resilience[state] (scenarios that use it), "
        "res[actor][resource], meters[meter], score[actor]).",
        "required": ["autonomy"],
        "properties": {
            "autonomy": numbers_by_state,
            "dep": {"type": "array", "items": {"type": "array"}},
        },
    }
    turn = {
        "type": "object",
        "additionalProperties": False,
        "required": ["turn", "year", "actions", "events", "options"],
        "properties": {
            "turn": {"type": "integer", "minimum": 0, "description": "the turn played, from 0"},
            "year": {
                "type": "string",
                "pattern": DATE,
                "description": "the period the turn was played in ('2013', '2013-07'); its "
                "values describe the end of it",
            },
            "actions": {
                "type": "object",
                "additionalProperties": strings,
                "description": "actor -> the choices it made: 'action' or 'action@TARGET'",
            },
            "events": {**strings, "description": "the events that fired this turn"},
            "options": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "event -> the option chosen",
            },
            "values": values,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://crossroads.example/record.schema.json",
        "title": "Crossroads game record (saves and play --headless --json)",
        "description": "docs/records.md explains every field. Version 1 files (the window's "
        "'crossroads-save' wrapper and plain headless records) are still read by the game.",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "sha256", *REQUIRED_FIELDS],
        "properties": {
            "format": {"const": RECORD_FORMAT},
            "version": {"const": RECORD_VERSION},
            "sha256": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$",
                "description": "SHA-256 of every other field as JSON with sorted keys and no "
                "spaces (UTF-8); a changed or damaged file is refused",
            },
            "scenario_id": {"type": "string", "pattern": SNAKE_ID},
            "scenario_hash": {
                **hash_text,
                "description": "SHA-256 of the scenario's parsed content when the game was "
                "played (older records: of its files' bytes)",
            },
            "seed": {"type": "integer", "minimum": 0, "maximum": MAX_SEED},
            "humans": {
                "type": "array",
                "items": {"type": "string", "pattern": ACTOR_ID},
                "uniqueItems": True,
                "description": "the roles people played (none: headless)",
            },
            "policies": {
                "type": "object",
                "propertyNames": {"pattern": ACTOR_ID},
                "additionalProperties": {"type": "string", "pattern": _POLICY.pattern},
                "description": "actor -> the policy that played it",
            },
            "start_values": {**values, "description": "the world before the first turn (turn 0)"},
            "turns": {"type": "array", "maxItems": limits.MAX_TURNS, "items": turn},
            "final_hash": {
                **hash_text,
                "description": "the engine's hash of the final state ('' until the game is over)",
            },
            "grades": {
                "type": "object",
                "description": "once the game is over: overall (role -> grade A-F) and "
                "objectives (role, id, name, value, grade, bands)",
                "properties": {
                    "overall": {"type": "object", "additionalProperties": {"type": "string"}},
                    "objectives": {"type": "array", "items": {"type": "object"}},
                },
            },
            "label": {
                "type": "string",
                "maxLength": MAX_LABEL,
                "description": "the window's difficulty (introductory, standard, advanced) or "
                "a group's name",
            },
            "names": {
                "type": "object",
                "additionalProperties": strings,
                "description": "the ids along the values' axes: states, partners, powers, "
                "dimensions, actors, resources, meters",
            },
            "counterfactual": counterfactual_schema(),
        },
    }


def counterfactual_schema() -> dict[str, Any]:
    """The schema of the optional ``counterfactual`` field (its own ``version``: 1)."""
    by_role = {"type": "object", "additionalProperties": {"type": "object"}}
    return {
        "type": "object",
        "description": "optional: the same scenario, seed and difficulty played with the roles "
        "in `passive` doing nothing (policy passive) and every other actor on the same policy "
        "as in this game - what the world would have been without the people's play. "
        "`turns[t]` is the world after t turns (t = 0: the start), like the values.",
        "required": ["version", "passive", "turns"],
        "properties": {
            "version": {"const": 1},
            "passive": {"type": "array", "items": {"type": "string"}},
            "policies": {"type": "object", "additionalProperties": {"type": "string"}},
            "turns": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["turn", "autonomy", "objectives"],
                    "properties": {
                        "turn": {"type": "integer", "minimum": 0},
                        "autonomy": {"type": "array", "items": {"type": "number"}},
                        "objectives": {
                            **by_role,
                            "description": "role -> objective id -> value",
                        },
                        "grades": {
                            "type": "object",
                            "additionalProperties": {"type": "string"},
                            "description": "role -> overall grade A-F",
                        },
                    },
                },
            },
        },
    }
