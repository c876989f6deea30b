"""Where the window keeps saves, exports and settings, per user.

* saves: ``$CROSSROADS_SAVE_DIR`` or ``$XDG_DATA_HOME/crossroads/saves``
  (``~/.local/share/crossroads/saves``); ``autosave-<scenario>.json`` is written after every
  turn by the engine's ``Session(autosave=...)``; ``slot1.json`` ... ``slot5.json`` by hand.
* exports (debrief PNG and Markdown): ``$CROSSROADS_EXPORT_DIR`` or ``.../crossroads/exports``
* settings: ``$CROSSROADS_CONFIG_DIR`` or ``$XDG_CONFIG_HOME/crossroads`` / ``settings.json``

A save is the engine's ``GameRecord`` (checksummed, written atomically); the window resumes it
with ``Session.resume``, which replays every recorded choice, so a crash loses at most the turn
being planned.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..engine.record import SaveError, read_record
from ..scenario.model import Scenario

N_SLOTS = 5


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def save_dir() -> Path:
    env = os.environ.get("CROSSROADS_SAVE_DIR")
    return Path(env) if env else _data_home() / "crossroads" / "saves"


def export_dir() -> Path:
    """Where P (export the debrief) writes: ``CROSSROADS_EXPORT_DIR``; else, when a group's
    saves go to their own folder (``CROSSROADS_SAVE_DIR``, e.g. a USB stick), an ``exports``
    folder inside it, so the group takes its debrief with its saves; else the user's data
    folder."""
    env = os.environ.get("CROSSROADS_EXPORT_DIR")
    if env:
        return Path(env)
    if os.environ.get("CROSSROADS_SAVE_DIR"):
        return save_dir() / "exports"
    return _data_home() / "crossroads" / "exports"


def config_dir() -> Path:
    env = os.environ.get("CROSSROADS_CONFIG_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "crossroads"


def autosave_path(scenario_id: str) -> Path:
    return save_dir() / f"autosave-{scenario_id}.json"


def slot_path(slot: int) -> Path:
    return save_dir() / f"slot{slot}.json"


@dataclass
class SaveInfo:
    path: Path
    slot: int | None  # None for autosaves
    scenario_id: str = ""
    roles: str = ""
    turns: int = 0
    year: str = ""  # of the last played turn
    seed: int = 0
    mtime: float = 0.0
    error: str = ""

    @property
    def empty(self) -> bool:
        return not self.path.exists()

    def year_now(self, sc: Scenario | None) -> str:
        """The year the saved game is at (the turn it goes on with), as its top bar says; the
        last played turn's year when the scenario is not at hand."""
        if sc is None or not self.scenario_id:
            return self.year
        cal = sc.calendar
        return cal.date_of_turn(min(self.turns, cal.n_turns - 1))

    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.mtime)) if self.mtime else ""


def info(path: Path, slot: int | None = None) -> SaveInfo:
    si = SaveInfo(path, slot)
    if not path.exists():
        return si
    si.mtime = path.stat().st_mtime
    try:
        rec = read_record(path)
    except SaveError as e:
        si.error = str(e)
        return si
    si.scenario_id = rec.scenario_id
    si.roles = ", ".join(rec.humans)
    si.turns = len(rec.turns)
    si.year = rec.turns[-1].year if rec.turns else ""
    si.seed = rec.seed
    return si


def slots() -> list[SaveInfo]:
    return [info(slot_path(i), i) for i in range(1, N_SLOTS + 1)]


def autosaves() -> list[SaveInfo]:
    d = save_dir()
    if not d.is_dir():
        return []
    out = [info(p) for p in d.glob("autosave-*.json")]
    return sorted(out, key=lambda s: -s.mtime)


def latest_autosave() -> SaveInfo | None:
    good = [s for s in autosaves() if not s.error]
    return good[0] if good else None


# ---- settings ------------------------------------------------------------------------------
@dataclass
class Settings:
    fullscreen: bool = False
    high_contrast: bool = False
    patterns: bool = True
    language: str = "en"
    window: str = "1280x720"
    text_scale: int = 100  # percent, 100-200
    class_code: str = ""  # the last class setup (Class setup shows it again)

    @staticmethod
    def load() -> Settings:
        p = config_dir() / "settings.json"
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Settings()
        names = {f.name for f in fields(Settings)}
        s = Settings()
        for k, v in data.items() if isinstance(data, dict) else []:
            if k in names and isinstance(v, type(getattr(s, k))):
                setattr(s, k, v)
        return s

    def save(self) -> None:
        p = config_dir() / "settings.json"
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            tmp = p.with_suffix(".tmp")
            tmp.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
            os.replace(tmp, p)
        except OSError:
            pass  # settings are a convenience; never stop the game for them
