"""The class report's inputs: the records named on the command line (files, folders, patterns
the shell left as they are), which group each one is, the scenario they were played on.

Every record is read by the one reader of the record format (``game.engine.record``: saves and
headless records, of any version); its problems are said in the report's language. Saves of
one game in one folder (the autosave and a Ctrl+S slot) count once, from the furthest-played.
A group is named after its folder when its file has a name the window gives
(``Group A/slot1.json`` -> "Group A"), else after its file.
"""

from __future__ import annotations

import glob
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..engine.record import GameRecord, SaveError, read_record
from .i18n import PHRASES, tr


class RecordError(ValueError):
    """A record that cannot be used; ``str()`` names the file and says why, in the report's
    language."""


def read(path: Path) -> GameRecord:
    """A save file or a headless ``--json`` record, checked by the record reader (ordinary
    files only, bounded size, depth and numbers, every field's type and range). Raises
    RecordError and nothing else: one bad file is named and skipped, never the report's end."""
    try:
        return read_record(path)
    except SaveError as e:
        raise RecordError(problem_text(e)) from None
    except Exception as e:  # noqa: BLE001 - the one boundary around each file
        raise RecordError(tr("record.cannot_read", file=path, error=type(e).__name__)) from None


def scenario_problem(rec: GameRecord, sc: Any, path: Path) -> str | None:
    """Why a (well-formed) record cannot be a game of the scenario ``sc`` the report uses, in
    the report's language, or None: more turns than the scenario has, or another number of
    states than it has (a record of an older version of it keeps its own states' names)."""
    total = sc.calendar.n_turns
    if len(rec.turns) > total:
        return tr("record.more_turns", file=path, n=len(rec.turns), total=total, sid=sc.meta.id)
    return None


def problem_text(e: SaveError) -> str:
    """What is wrong with a record, in the report's language (the reader's English where the
    report has no phrase for it, or its phrase does not fit the details)."""
    try:
        return _in_report_language(e)
    except (KeyError, TypeError, ValueError):
        return str(e)


def _in_report_language(e: SaveError) -> str:
    d = dict(e.details)
    if e.kind in ("cut_short", "bad_json"):
        return tr("record.unreadable", file=d.get("file"), problem=tr(f"record.{e.kind}"))
    if e.kind == "damaged":
        turn = d.get("turn")
        where = tr("shape.start") if turn == 0 else tr("shape.turn", turn=turn)
        key = f"shape.{d.pop('problem', '')}"
        problem = tr(key, where=where, **d) if PHRASES.has(key) else str(d.get("said", e))
        return tr("record.damaged", file=d.get("file"), problem=problem)
    key = f"record.{e.kind}"
    return tr(key, **d) if PHRASES.has(key) else str(e)


def expand_inputs(items: list[str]) -> tuple[list[Path], list[Path], list[str]]:
    """Split the command line into record files and scenario files (folders expanded)."""
    records: list[Path] = []
    scenarios: list[Path] = []
    problems: list[str] = []
    for it in items:
        p = Path(it)
        if not p.exists() and any(ch in it for ch in "*?["):  # a pattern the shell left as is
            matches = sorted(glob.glob(it))
            if not matches:
                problems.append(tr("input.no_match", pattern=it))
            r, sc, pr = expand_inputs(matches)
            records += r
            scenarios += sc
            problems += pr
            continue
        if p.is_dir():
            if (p / "scenario.yaml").is_file() or (p / "scenario.yml").is_file():
                scenarios.append(p)
                continue
            # the class folder's own records and those in its group folders, both (a stray
            # file beside the group folders must not hide them)
            # not only ordinary files: a pipe or a device named *.json is named and skipped
            found = sorted(x for x in p.glob("*.json") if not x.is_dir())
            found += sorted(x for x in p.glob("*/*.json") if not x.is_dir())
            if not found:
                problems.append(tr("input.empty_folder", folder=it))
            records.extend(found)
        elif p.suffix.lower() in (".yaml", ".yml"):
            scenarios.append(p)
        else:
            records.append(p)
    return records, scenarios, problems


#: labels the window may store that name a setting, not a group
NOT_GROUP_NAMES = {"", "introductory", "standard", "advanced"}
#: the names the window gives its save files (``autosave-<scenario>.json``, ``slot1.json``...)
WINDOW_SAVE_NAME = re.compile(r"^(autosave-.+|slot\d+)$", re.IGNORECASE)


def difficulty_of(rec: GameRecord) -> str:
    """The difficulty a game was played at. The window keeps it in the record's label; a
    headless game (or a record without one) plays the scenario as written, which is what
    'standard' means (``game.play.session.DIFFICULTY``)."""
    label = rec.label.strip().lower() if isinstance(rec.label, str) else ""
    return label if label in NOT_GROUP_NAMES - {""} else "standard"


def same_game(a: GameRecord, b: GameRecord) -> bool:
    """True when two records are saves of one game made at different moments (the autosave
    and a Ctrl+S slot): the same scenario, seed, teams, difficulty and computer policies, and
    the shorter one's turns - every actor's actions and every event's option - are the first
    turns of the longer one."""
    if (a.scenario_id, a.seed, sorted(a.humans), a.label, a.policies) != (
        b.scenario_id,
        b.seed,
        sorted(b.humans),
        b.label,
        b.policies,
    ):
        return False
    if a.scenario_hash and b.scenario_hash and a.scenario_hash != b.scenario_hash:
        return False
    short, long_ = sorted((a, b), key=lambda r: len(r.turns))
    return all(
        s.actions == t.actions and s.options == t.options for s, t in zip(short.turns, long_.turns)
    )


Loaded = list[tuple[Path, GameRecord]]


def drop_duplicates(loaded: Loaded) -> tuple[Loaded, list[tuple[Path, GameRecord, Path]]]:
    """Keep one record per game in each folder: the furthest-played (then a finished one, then
    the autosave). Returns the kept records, in their order, and (file left out, its record,
    file kept) for each one left out.

    Only files in the same folder are compared: two groups' folders never hold the same game,
    but a group's folder often holds its autosave and a slot file of the same game."""

    def rank(item: tuple[Path, GameRecord]) -> tuple[int, bool, bool]:
        p, rec = item
        return (len(rec.turns), bool(rec.final_hash), p.name.lower().startswith("autosave-"))

    kept: Loaded = []
    dropped: list[tuple[Path, GameRecord, Path]] = []
    for item in sorted(loaded, key=rank, reverse=True):  # the best copy of a game comes first
        p, rec = item
        twin = next(
            (
                k
                for k in kept
                if k[0].resolve().parent == p.resolve().parent and same_game(k[1], rec)
            ),
            None,
        )
        if twin is None:
            kept.append(item)
        else:
            dropped.append((p, rec, twin[0]))
    order = {id(x): i for i, x in enumerate(loaded)}
    return sorted(kept, key=lambda x: order[id(x)]), dropped


def group_labels(loaded: Loaded) -> list[str]:
    """Each group's name: the record's label when it names a group (the window keeps the
    difficulty there, which is not a name); else, for a file the window named
    (``autosave-....json``, ``slotN.json``) or a file name that several folders share, the
    name of its folder (``Group A/slot1.json`` -> "Group A", the layout the teacher's guide
    suggests; "Group A (slot1)" if the folder holds other games too); else the file's name.
    Unique in the end."""
    stems = Counter(p.stem for p, _ in loaded)
    per_folder = Counter(p.resolve().parent for p, _ in loaded)
    out: list[str] = []
    for p, rec in loaded:
        label = rec.label.strip() if isinstance(rec.label, str) else ""
        if label.lower() in NOT_GROUP_NAMES:
            folder = p.resolve().parent
            label = p.stem
            if WINDOW_SAVE_NAME.match(p.stem) or stems[p.stem] > 1:
                # "Group A"; two different games in one folder: "Group A (slot1)"
                label = folder.name if per_folder[folder] == 1 else f"{folder.name} ({p.stem})"
                label = label or p.stem
        out.append(label)
    seen: Counter[str] = Counter()
    for i, label in enumerate(out):
        seen[label] += 1
        if seen[label] > 1:
            out[i] = f"{label} ({seen[label]})"
    return out


def find_scenario(sid: str, explicit: list[Path], record_dirs: list[Path], warn: list[str]) -> Any:
    """The scenario the records were played on, or None (with a warning saying why): a
    scenario file given on the command line, else the installed one, else ``<id>.yaml``
    beside the records or in the current folder."""
    from ..scenario.loader import installed_ids, load_scenario

    tried: list[str] = []

    def attempt(ref: Path | str) -> Any:
        res = load_scenario(str(ref))
        if res.scenario is None:
            errs = [d for d in res.diagnostics if d.severity == "error"]
            first = errs[0].message if errs else tr("scenario.does_not_load")
            tried.append(f"{ref} ({first})")
            return None
        if res.scenario.meta.id != sid:
            tried.append(tr("scenario.is_other", file=ref, id=res.scenario.meta.id))
            return None
        return res.scenario

    for p in explicit:
        sc = attempt(p)
        if sc is not None:
            return sc
    unused = list(tried)  # scenario files given by the teacher that do not fit the records

    def found(sc: Any) -> Any:
        if unused:
            warn.append(tr("warn.scenario_unused", files="; ".join(unused), sid=sid))
        return sc

    if sid in installed_ids():
        sc = attempt(sid)
        if sc is not None:
            return found(sc)
    seen: set[Path] = set()
    for d in [*record_dirs, Path.cwd()]:
        for cand in (d / f"{sid}.yaml", d / f"{sid}.yml", d / sid / "scenario.yaml"):
            rp = cand.resolve()
            if cand.is_file() and rp not in seen:
                seen.add(rp)
                sc = attempt(cand)
                if sc is not None:
                    return found(sc)
    extra = tr("scenario.tried", files="; ".join(tried)) if tried else ""
    warn.append(tr("warn.no_scenario", sid=sid, tried=extra))
    return None
