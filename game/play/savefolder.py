"""The save folder: listing what is in it without ever failing, naming and keeping autosaves,
and checking that it can be written - everything the window's menu and its Save/Load screens
need from the disk, with no window in it (so it is tested without one).

* ``list_saves(folder)``: every save in the folder, newest first, each with what a menu shows
  (scenario, roles, turns, year, when) or, for a file that cannot be loaded, why not (its
  ``problem``). It never raises and never hangs: each file is read through one exception
  boundary by the record reader (ordinary files only, size, depth and number limits, the
  record's schema), so a FIFO, a link to ``/dev/zero``, 200,000 nested ``[`` or a hand-edited
  record is one line of the list, named, and the rest of the folder is listed as usual.
* ``new_autosave_path(folder, scenario_id)``: a new game's own autosave,
  ``autosave-<scenario>-<YYYYmmdd-HHMMSS>.json`` (start time), so starting a scenario again
  never overwrites the autosave of an earlier game; ``prune_autosaves`` keeps the newest
  ``KEEP_AUTOSAVES`` of each scenario (never the one in use).
* ``folder_problem(folder)``: None when saves can be written there, else what is wrong and
  where to change the folder.
* ``clean_folder(folder)``: removes the temporary files a killed process left (the game
  writes every save through a temporary file, ``kit.files.write_atomic``).
"""

from __future__ import annotations

import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from ..engine.record import GameRecord, SaveError, read_record
from ..kit import files

#: autosaves kept per scenario (older ones are removed when a new game starts)
KEEP_AUTOSAVES = 5
#: at most this many files are examined in a folder (the newest), so a folder of a million
#: files cannot stall the menu
MAX_LISTED = 200
AUTOSAVE = re.compile(
    r"^autosave-(?P<sid>[a-z][a-z0-9_]{0,63})(?:-(?P<when>\d{8}-\d{6})(?:-(?P<n>\d{1,3}))?)?"
    r"\.json$"
)
SLOT = re.compile(r"^slot(?P<n>\d{1,3})\.json$")


@dataclass(frozen=True)
class SaveSummary:
    """One file of the save folder as a menu lists it. ``problem`` is '' when the save can be
    loaded, else why not, in words that name the file."""

    path: Path
    kind: str  # "autosave", "slot" or "other"
    mtime: float = 0.0
    scenario_id: str = ""
    humans: tuple[str, ...] = ()
    turns: int = 0
    year: str = ""
    seed: int = 0
    label: str = ""
    finished: bool = False
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem

    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.mtime)) if self.mtime else ""


def kind_of(path: Path) -> str:
    """'autosave', 'slot' or 'other', from the file's name."""
    if AUTOSAVE.match(path.name):
        return "autosave"
    return "slot" if SLOT.match(path.name) else "other"


def summarise(path: str | os.PathLike[str]) -> SaveSummary:
    """One save file as a menu lists it; never raises (a file that cannot be loaded is a
    summary with its ``problem``)."""
    p = Path(path)
    try:
        try:
            st = os.stat(p)
            mtime = st.st_mtime
        except OSError:
            mtime = 0.0
        rec = read_record(p)
        return from_record(p, rec, mtime)
    except SaveError as e:
        return SaveSummary(p, kind_of(p), mtime, problem=str(e))
    except Exception as e:  # noqa: BLE001 - one bad file must never take the menu down
        return SaveSummary(p, kind_of(p), problem=f"{p}: cannot be read ({type(e).__name__})")


def from_record(path: Path, rec: GameRecord, mtime: float = 0.0) -> SaveSummary:
    """The summary of a record already read."""
    return SaveSummary(
        path,
        kind_of(path),
        mtime,
        rec.scenario_id,
        tuple(rec.humans),
        len(rec.turns),
        rec.turns[-1].year if rec.turns else "",
        rec.seed,
        rec.label,
        bool(rec.final_hash),
    )


def list_saves(folder: str | os.PathLike[str], pattern: str = "*.json") -> list[SaveSummary]:
    """Every file of ``folder`` matching ``pattern`` (not in subfolders), newest first, each
    summarised (``summarise``); at most ``MAX_LISTED`` (the newest). Never raises: a folder
    that is missing or cannot be read lists nothing (``folder_problem`` says why)."""
    found: list[tuple[float, Path]] = []
    try:
        with os.scandir(folder) as it:
            for n, entry in enumerate(it):
                if n >= 100 * MAX_LISTED:
                    break
                if not Path(entry.name).match(pattern) or files.TEMPORARY.match(entry.name):
                    continue
                try:  # lstat: a link to a device is listed, and refused when it is read
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISDIR(st.st_mode):
                    continue
                found.append((st.st_mtime, Path(entry.path)))
    except OSError:
        return []
    found.sort(key=lambda x: (-x[0], x[1].name))
    return [summarise(p) for _, p in found[:MAX_LISTED]]


def autosaves(folder: str | os.PathLike[str], scenario_id: str | None = None) -> list[SaveSummary]:
    """The autosaves in ``folder`` (of one scenario, if given), newest first."""
    out = [s for s in list_saves(folder, "autosave-*.json") if s.kind == "autosave"]
    if scenario_id is not None:
        out = [s for s in out if _autosave_sid(s.path) == scenario_id]
    return out


def latest_autosave(folder: str | os.PathLike[str]) -> SaveSummary | None:
    """The newest autosave that loads ("Continue"), or None."""
    return next((s for s in autosaves(folder) if s.ok), None)


def _autosave_sid(path: Path) -> str | None:
    m = AUTOSAVE.match(path.name)
    return m.group("sid") if m else None


def new_autosave_path(
    folder: str | os.PathLike[str], scenario_id: str, started: float | None = None
) -> Path:
    """A path for the autosave of a game of ``scenario_id`` started at ``started`` (now), that
    no file in the folder has: ``autosave-<scenario>-<YYYYmmdd-HHMMSS>.json``."""
    folder = Path(folder)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(started or time.time()))
    base = f"autosave-{scenario_id}-{stamp}"
    path = folder / f"{base}.json"
    n = 2
    while path.exists() and n < 1000:
        path = folder / f"{base}-{n}.json"
        n += 1
    return path


def prune_autosaves(
    folder: str | os.PathLike[str],
    scenario_id: str,
    keep: int = KEEP_AUTOSAVES,
    in_use: Path | None = None,
) -> list[Path]:
    """Remove the oldest autosaves of ``scenario_id`` beyond the newest ``keep`` (never
    ``in_use``). Returns what was removed; never raises."""
    mine: list[tuple[str, float, Path]] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                m = AUTOSAVE.match(entry.name)
                if m is None or m.group("sid") != scenario_id:
                    continue
                try:
                    mtime = entry.stat(follow_symlinks=False).st_mtime
                except OSError:
                    continue
                mine.append((m.group("when") or "", mtime, Path(entry.path)))
    except OSError:
        return []
    mine.sort(key=lambda x: (x[0], x[1]), reverse=True)  # newest start (then write) first
    removed = []
    for _, _, p in mine[keep:]:
        if in_use is not None and p.resolve() == Path(in_use).resolve():
            continue
        try:
            p.unlink()
            removed.append(p)
        except OSError:
            continue
    return removed


def folder_problem(folder: str | os.PathLike[str], how_to_change: str = "") -> str | None:
    """None when saves can be written in ``folder``; else what is wrong with it and, with
    ``how_to_change`` (e.g. "set CROSSROADS_SAVE_DIR to another folder"), where to change
    it."""
    problem = files.folder_problem(folder)
    if problem is None:
        return None
    return f"Saves cannot be written: {problem}." + (
        f" To save elsewhere, {how_to_change}." if how_to_change else ""
    )


def clean_folder(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove temporary files a killed game left in the save folder; never raises."""
    return files.remove_stale_temporaries(folder, "*.json")
