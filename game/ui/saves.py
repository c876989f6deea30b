"""Where the window keeps saves, exports and settings, per user, and how it reads and writes
them so that a bad file or a full disk never stops the game.

Folders (``platformdirs``: the user's data and config folders of each system):

* saves: ``$CROSSROADS_SAVE_DIR``, else ``<user data>/crossroads/saves``: on Linux
  ``$XDG_DATA_HOME/crossroads/saves`` (``~/.local/share/crossroads/saves``, as before), on
  macOS ``~/Library/Application Support/crossroads/saves``, on Windows
  ``%APPDATA%\\crossroads\\saves`` (the roaming profile, which follows a student from one
  computer of a school network to another);
* exports (debrief PNG and Markdown): ``$CROSSROADS_EXPORT_DIR``, else ``exports`` inside
  ``$CROSSROADS_SAVE_DIR`` when that is set, else ``<user data>/crossroads/exports``;
* settings: ``$CROSSROADS_CONFIG_DIR``, else ``<user config>/crossroads`` / ``settings.json``
  (``~/.config/crossroads`` on Linux).

Before platformdirs the game used ``~/.local/share`` and ``~/.config`` on every system. Where
those differ from the folders above (macOS, Windows), ``open_save_folder`` copies the saves it
finds there into the new folder once (the old files stay), and the settings are read from the
old place until they are next saved.

What is in the save folder (listing, autosave names and pruning, stale temporary files, whether
it can be written) is ``game.play.savefolder``; a save is the engine's ``GameRecord``
(checksummed, written atomically), resumed with ``Session.resume``. Settings are read with
``kit.files.read_settings`` (a damaged, huge or hostile file gives the defaults and a message)
and written with ``kit.files.write_atomic``.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from ..engine.record import MAX_RECORD_BYTES
from ..kit import files
from ..play import savefolder
from ..play.savefolder import SaveSummary
from ..scenario.model import Scenario

APP = "crossroads"
N_SLOTS = 5
#: how the menu tells a class to put its saves elsewhere (there is no setting for it)
HOW_TO_CHANGE = "set CROSSROADS_SAVE_DIR to another folder before starting the game"
#: left in the save folder once the saves of the old folder have been copied into it
COPIED_MARK = ".copied-from-old-folder"


def data_home() -> Path:
    """The user's data folder for the game (``platformdirs``)."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False, roaming=True))


def old_data_home() -> Path:
    """Where versions before platformdirs kept saves on every system."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP


def save_dir() -> Path:
    env = os.environ.get("CROSSROADS_SAVE_DIR")
    return Path(env) if env else data_home() / "saves"


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
    return data_home() / "exports"


def config_dir() -> Path:
    env = os.environ.get("CROSSROADS_CONFIG_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP, appauthor=False, roaming=True))


def old_config_dir() -> Path:
    """Where versions before platformdirs kept the settings on every system."""
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / APP


def slot_path(slot: int) -> Path:
    return save_dir() / f"slot{slot}.json"


def copy_old_saves() -> list[Path]:
    """Copy the saves of the folder older versions used (``old_data_home() / "saves"``) into
    ``save_dir()`` when the two differ (macOS, Windows): once, never over a file of the same
    name, never removing the old files. Only what can be a save is copied (an ordinary file
    named like an autosave or a slot, at most the size of a record). Returns what was copied;
    never raises."""
    if os.environ.get("CROSSROADS_SAVE_DIR"):
        return []
    old, new = old_data_home() / "saves", save_dir()
    try:
        if not old.is_dir() or old.resolve() == new.resolve() or (new / COPIED_MARK).exists():
            return []
        copied = []
        for entry in sorted(os.scandir(old), key=lambda e: e.name)[: savefolder.MAX_LISTED]:
            target = new / entry.name
            if savefolder.kind_of(Path(entry.name)) == "other" or target.exists():
                continue
            try:
                files.write_atomic(target, files.read_regular(entry.path, MAX_RECORD_BYTES))
                copied.append(target)
            except (files.FileProblem, OSError):
                continue
        files.write_atomic(new / COPIED_MARK, f"{old}\n")
        return copied
    except OSError:
        return []


def open_save_folder() -> None:
    """What the window does with the save folder when it starts: copy the saves of the old
    folder (``copy_old_saves``) and remove the temporary files a killed game left
    (``savefolder.clean_folder``). Never raises."""
    copied = copy_old_saves()
    if copied:
        print(
            f"crossroads: copied {len(copied)} saves from {old_data_home() / 'saves'} "
            f"to {save_dir()}",
            file=sys.stderr,
        )
    savefolder.clean_folder(save_dir())


def folder_problem() -> str | None:
    """None when saves can be written in ``save_dir()``, else what is wrong, where, and how to
    save elsewhere (the menu shows it until it is fixed)."""
    return savefolder.folder_problem(save_dir(), HOW_TO_CHANGE)


def year_now(save: SaveSummary, sc: Scenario | None) -> str:
    """The year a saved game is at (the turn it goes on with), as its top bar says; the last
    played turn's year when the scenario is not at hand."""
    if sc is None or not save.scenario_id:
        return save.year
    cal = sc.calendar
    return cal.date_of_turn(min(save.turns, cal.n_turns - 1))


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
    def path() -> Path:
        return config_dir() / "settings.json"

    @staticmethod
    def read() -> tuple[Settings, str | None]:
        """The saved settings, and what was wrong with the file (None: nothing). Never
        raises: a damaged, huge or hostile file (a FIFO, 100,000 ``[``, values of the wrong
        type) gives the defaults for what cannot be used, and a message naming the file."""
        p = Settings.path()
        old = old_config_dir() / "settings.json"
        if not os.environ.get("CROSSROADS_CONFIG_DIR") and not p.exists() and old.exists():
            p = old  # saved by a version before platformdirs; written to the new place
        values, problem = files.read_settings(p, asdict(Settings()))
        return Settings(**values), problem

    @staticmethod
    def load() -> Settings:
        return Settings.read()[0]

    def save(self) -> str | None:
        """Write the settings (atomically). Returns None, or why they could not be written:
        settings are a convenience, so a failure never stops the game."""
        p = Settings.path()
        try:
            files.write_atomic(p, json.dumps(asdict(self), indent=1))
        except OSError as e:
            return files.write_problem(e, p)
        return None
