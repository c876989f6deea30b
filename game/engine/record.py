"""The game record and save files.

A ``GameRecord`` is what the debrief, replays, the class report and balance reports read: the
scenario's id and content hash, the seed, the roles and policies, every choice of every turn
(actions by id and target, event options by id) and per-turn values. A save file is that record
as JSON, wrapped with a format tag, a version and a SHA-256 checksum, and written atomically
(temporary file in the same folder, flushed, then renamed), so a crash or a closed laptop never
leaves half a save. Loading checks the tag, the version, the checksum and the scenario's hash,
and says in plain words what is wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SAVE_FORMAT = "crossroads-save"
SAVE_VERSION = 1
MAX_SAVE_BYTES = 64 * 1024 * 1024


class SaveError(ValueError):
    """A save file that cannot be used; ``str()`` is a message for the player."""


@dataclass
class TurnRecord:
    turn: int
    year: str
    actions: dict[str, list[str]]  # actor -> ["action_id@TARGET", ...]
    events: list[str]  # events fired this turn
    options: dict[str, str]  # event id -> option id
    values: dict[str, Any] = field(default_factory=dict)  # per-turn snapshot (lists)


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
    label: str = ""  # e.g. a class group's name
    version: int = SAVE_VERSION

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(d: dict[str, Any]) -> GameRecord:
        turns = [TurnRecord(**t) for t in d.get("turns", [])]
        rest = {k: v for k, v in d.items() if k != "turns"}
        return GameRecord(turns=turns, **rest)


def _checksum(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def dumps_save(record: GameRecord) -> str:
    payload = json.dumps(record.to_json(), sort_keys=True, separators=(",", ":"))
    return json.dumps(
        {
            "format": SAVE_FORMAT,
            "version": SAVE_VERSION,
            "sha256": _checksum(payload),
            "payload": payload,
        }
    )


def write_save(record: GameRecord, path: str | os.PathLike[str]) -> Path:
    """Write atomically: a temporary file beside the target, fsync, then rename over it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = dumps_save(record)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
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


def read_text(path: str | os.PathLike[str], what: str = "save") -> str:
    """The text of a save or record file, size-capped and UTF-8 checked; ``SaveError`` with a
    plain message otherwise (shared by saves and the class report's records)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise SaveError(f"{path}: no such file") from None
    if size > MAX_SAVE_BYTES:
        raise SaveError(f"{path}: this file is too large to be a {what} ({size // 2**20} MB)")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SaveError(f"{path}: this is not a Crossroads {what} (not text)") from None
    except OSError as e:
        raise SaveError(f"{path}: cannot read this file ({e.strerror or e})") from None


def json_problem(text: str, e: json.JSONDecodeError) -> str:
    """Why a save or record is not valid JSON, in plain words."""
    truncated = text.lstrip().startswith("{") and not text.rstrip().endswith("}")
    return (
        "it looks cut short - was the disk full or the file copied halfway?"
        if truncated
        else "it is damaged (not valid JSON)"
    )


def read_save(path: str | os.PathLike[str]) -> GameRecord:
    """Read and check a save. Raises ``SaveError`` with a message a player can act on."""
    return loads_save(read_text(path), str(path))


def loads_save(text: str, name: str = "save") -> GameRecord:
    try:
        outer = json.loads(text)
    except json.JSONDecodeError as e:
        raise SaveError(
            f"{name}:{e.lineno}:{e.colno}: cannot read this save: {json_problem(text, e)}"
        ) from None
    if not isinstance(outer, dict) or outer.get("format") != SAVE_FORMAT:
        raise SaveError(f"{name}: this is not a Crossroads save file")
    if outer.get("version") != SAVE_VERSION:
        raise SaveError(
            f"{name}: save version {outer.get('version')} is not supported "
            f"(this game reads version {SAVE_VERSION})"
        )
    payload = outer.get("payload")
    if not isinstance(payload, str) or _checksum(payload) != outer.get("sha256"):
        raise SaveError(
            f"{name}: the save has been changed or damaged (checksum mismatch); "
            "load an earlier save or the autosave"
        )
    try:
        return GameRecord.from_json(json.loads(payload))
    except (TypeError, ValueError, KeyError) as e:
        raise SaveError(f"{name}: the save's contents are not valid ({e})") from None
