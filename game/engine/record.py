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
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..scenario.model import Calendar

RECORD_FORMAT = "crossroads-record"
RECORD_VERSION = 2
#: version 1: the window's save, the record as a JSON string inside a checksummed wrapper
OLD_SAVE_FORMAT = "crossroads-save"
MAX_RECORD_BYTES = 64 * 1024 * 1024


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
    """Write atomically: a temporary file beside the target, fsync, then rename over it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = dumps_record(record)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------
#: what can be wrong with a record file, in words ({file} names it); a report may say the same
#: in another language from ``SaveError.kind`` and ``details``
PROBLEMS = {
    "missing": "{file}: no such file",
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


def _problem(kind: str, file: str, **details: Any) -> SaveError:
    return SaveError(PROBLEMS[kind].format(file=file, **details), kind, file=file, **details)


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a record file, size-capped and UTF-8 checked; ``SaveError`` otherwise."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
    except OSError:
        raise _problem("missing", name) from None
    if size > MAX_RECORD_BYTES:
        raise _problem("too_large", name, mb=size // 2**20)
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise _problem("not_a_record", name) from None
    except OSError as e:
        raise _problem("cannot_read", name, error=str(e.strerror or e)) from None


def read_record(path: str | os.PathLike[str]) -> GameRecord:
    """Read and check a save or record file (any version). Raises ``SaveError`` with a message
    a player can act on."""
    return loads_record(read_text(path), str(path))


def loads_record(text: str, name: str = "record") -> GameRecord:
    """A record from a file's text: version 2, or either format of version 1."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if not text.lstrip().startswith(("{", "[")):  # not JSON at all: some other file
            raise _problem("not_a_record", name) from None
        end = len(text.rstrip())  # stopped in the middle: the text ends before the JSON does
        cut = e.pos >= end - 1 or not text.rstrip().endswith(("}", "]"))
        raise _problem("cut_short" if cut else "bad_json", f"{name}:{e.lineno}:{e.colno}") from None
    fmt = data.get("format") if isinstance(data, dict) else None
    if fmt == RECORD_FORMAT:
        rec = _from_v2(data, name)
    elif fmt == OLD_SAVE_FORMAT:
        rec = _from_old_save(data, name)
    elif isinstance(data, dict) and fmt is None and "scenario_id" in data and "turns" in data:
        rec = _from_old_headless(data, name)
    else:
        raise _problem("not_a_record", name)
    problem = check_shape(rec)
    if problem is not None:
        kind, details = problem
        where = "the start" if details.get("turn") == 0 else f"turn {details.get('turn')}"
        said = SHAPE_PROBLEMS[kind].format(where=where, **details)
        raise _problem("damaged", name, said=said, problem=kind, **details)
    return rec


def _build(d: dict[str, Any], name: str) -> GameRecord:
    try:
        return GameRecord.from_json({k: v for k, v in d.items() if k in _FIELDS})
    except (TypeError, ValueError, KeyError, AttributeError):
        raise _problem("invalid", name) from None


def _from_v2(data: dict[str, Any], name: str) -> GameRecord:
    if data.get("version") != RECORD_VERSION:
        raise _problem("version", name, version=data.get("version"), supported=RECORD_VERSION)
    body = {k: v for k, v in data.items() if k != "sha256"}
    if data.get("sha256") != _checksum(body):
        raise _problem("checksum", name)
    return _build(data, name)


def _from_old_save(outer: dict[str, Any], name: str) -> GameRecord:
    """Version 1 of the window's saves: the record as canonical JSON in ``payload``, with its
    SHA-256 beside it."""
    if outer.get("version") != 1:
        raise _problem("version", name, version=outer.get("version"), supported=RECORD_VERSION)
    payload = outer.get("payload")
    if not isinstance(payload, str) or (
        hashlib.sha256(payload.encode("utf-8")).hexdigest() != outer.get("sha256")
    ):
        raise _problem("checksum", name)
    try:
        data = json.loads(payload)
    except json.JSONDecodeError:
        raise _problem("checksum", name) from None
    if not isinstance(data, dict):
        raise _problem("checksum", name)
    return _build(data, name)


def _from_old_headless(data: dict[str, Any], name: str) -> GameRecord:
    """Version 1 of ``play --headless --json``: the record's fields with the objectives and
    the axes' names beside them, and no checksum."""
    rec = _build(data, name)
    objectives = data.get("objectives")
    if isinstance(rec.grades, dict) and not rec.grades.get("objectives") and objectives:
        rec.grades = {**rec.grades, "objectives": objectives}
    return rec


#: what ``check_shape`` finds, in words ({where}: "the start" or "turn N" of the values)
SHAPE_PROBLEMS = {
    "no_id": "no scenario id",
    "types": "seed, roles, grades or names have the wrong type",
    "label": "the group label is not text",
    "no_values": "values of {where} are missing",
    "no_autonomy": "autonomy of {where} is missing",
    "n_states": "{where} has a different number of states",
    "dependence": "dependence of {where} is malformed",
    "choices": "turn {turn}: choices are malformed",
    "actions": "turn {turn}: actions of {actor} are malformed",
}


def check_shape(rec: GameRecord) -> tuple[str, dict[str, Any]] | None:
    """What is wrong with a record's structure, as (problem, details), or None: the types of
    its fields and the values every reader counts on (autonomy and dependence of every
    state, the same states every turn, the choices of every turn)."""
    if not isinstance(rec.scenario_id, str) or not rec.scenario_id:
        return "no_id", {}
    if (
        not isinstance(rec.seed, int)
        or not isinstance(rec.humans, list)
        or not isinstance(rec.policies, dict)
        or not isinstance(rec.grades, dict)
        or not isinstance(rec.names, dict)
    ):
        return "types", {}
    if not isinstance(rec.label, str):
        return "label", {}
    n_states = None
    for turn, v in enumerate([rec.start_values] + [t.values for t in rec.turns]):
        if not isinstance(v, dict):
            return "no_values", {"turn": turn}
        aut = v.get("autonomy")
        if not isinstance(aut, list) or not all(isinstance(x, (int, float)) for x in aut):
            return "no_autonomy", {"turn": turn}
        n_states = len(aut) if n_states is None else n_states
        if len(aut) != n_states:
            return "n_states", {"turn": turn}
        dep = v.get("dep")
        if dep is not None and (not isinstance(dep, list) or len(dep) != n_states):
            return "dependence", {"turn": turn}
    for t in rec.turns:
        if (
            not isinstance(t.actions, dict)
            or not isinstance(t.options, dict)
            or not isinstance(t.events, list)
        ):
            return "choices", {"turn": t.turn}
        for actor, keys in t.actions.items():
            if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
                return "actions", {"turn": t.turn, "actor": actor}
    return None


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
    numbers_by_state = {"type": "array", "items": {"type": "number"}}
    values = {
        "type": "object",
        "description": "The world after a turn: lists along the axes that `names` lists "
        "(autonomy[state], dep[state][dimension][partner] as shares 0-1, trust[state][power], "
        "stability[state], growth[state], res[actor][resource], meters[meter], score[actor]).",
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
            "scenario_id": {"type": "string", "minLength": 1},
            "scenario_hash": {
                "type": "string",
                "description": "the scenario file's content hash when the game was played",
            },
            "seed": {"type": "integer"},
            "humans": {**strings, "description": "the roles people played (none: headless)"},
            "policies": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "actor -> the policy that played it",
            },
            "start_values": {**values, "description": "the world before the first turn (turn 0)"},
            "turns": {"type": "array", "items": turn},
            "final_hash": {
                "type": "string",
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
