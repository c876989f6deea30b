"""``report RECORD... [--out DIR] [--html]``: a one-page class summary from several groups' games.

Each RECORD is a save file (``Save`` in the window, or the autosave) or a headless ``--json``
record; a folder stands for every ``.json`` file in it, and a scenario file (``.yaml``) given
among them is used for the comparison with history (otherwise the scenario is found by its id:
installed, or ``<id>.yaml`` beside the records or in the current folder).

Writes to DIR: ``report.md`` (grades per objective, key choices against the historical ones,
where the paths diverged, average autonomy over time, discussion prompts), ``report.png`` (the
same on one projector-sized page, drawn with pygame offscreen) and, with ``--html``,
``report.html`` (one self-contained file with the picture inside).

Damaged files and records of another scenario are skipped with a warning that names them, as
long as one usable record remains; otherwise the command explains and exits 1. A save of an
unfinished game is graded as it stands (by replaying it on the scenario) and named with its
turns everywhere ("Group B (2 of 9 turns)"); the prompts that compare results use the finished
games only, and two groups are compared only in the turns and roles both played.

A group is named after its folder when its file has a name the window gives
(``Group A/slot1.json`` -> "Group A"), else after its file. Saves of one game in one folder
(the autosave and a Ctrl+S slot) count once, from the furthest-played one, with a note. Every
role that people played in some group is compared ("—" where a group did not play it). The
report warns when the groups' seeds or difficulties differ. The "History (replayed)" benchmark
is fixed for a scenario and seed: ``play SCENARIO --headless --seed N`` (standard difficulty,
the playable roles following the recorded history), whatever the groups played.
"""

from __future__ import annotations

import argparse
import base64
import datetime as _dt
import glob
import html as _html
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .engine.record import (
    SAVE_FORMAT,
    GameRecord,
    SaveError,
    json_problem,
    loads_save,
    read_text,
)

GRADE_POINTS = {"A": 4, "B": 3, "C": 2, "D": 1, "F": 0}
ROW = "ROW"
HISTORY_LABEL = "History (replayed)"
#: Okabe-Ito colours (safe for colour-blind readers); each group also gets its own marker
PALETTE = [(0, 114, 178), (230, 159, 0), (0, 158, 115), (204, 121, 167), (86, 180, 233),
           (213, 94, 0), (240, 228, 66), (0, 0, 0)]
HISTORY_COLOUR = (120, 120, 120)
MARKERS = ["circle", "square", "triangle", "diamond", "down", "plus", "cross", "star"]


class RecordError(ValueError):
    """A record that cannot be used; ``str()`` names the file and says why."""


# ------------------------------------------------------------------------------------------------
# Reading records
# ------------------------------------------------------------------------------------------------
@dataclass
class Group:
    label: str
    path: Path
    rec: GameRecord
    extra: dict[str, Any] = field(default_factory=dict)
    overall: dict[str, str] = field(default_factory=dict)
    objectives: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = True
    note: str = ""
    roles: list[str] = field(default_factory=list)
    colour: tuple[int, int, int] = (0, 0, 0)
    marker: str = "circle"
    total_turns: int | None = None  # the scenario's number of turns (None: scenario not found)

    @property
    def difficulty(self) -> str:
        return difficulty_of(self.rec)

    @property
    def progress(self) -> str:
        """'2 of 9 turns' for an unfinished game, '' for a finished one."""
        if self.finished:
            return ""
        n = len(self.rec.turns)
        return f"{n} of {self.total_turns} turns" if self.total_turns else f"{n} turns"

    @property
    def name(self) -> str:
        """The label as every part of the report shows it: 'Group B (2 of 9 turns)' when the
        game stopped early, so an unfinished game is never mistaken for a finished one."""
        return f"{self.label} ({self.progress})" if self.progress else self.label

    @property
    def autonomy(self) -> list[float]:
        snaps = [self.rec.start_values] + [t.values for t in self.rec.turns]
        return [_mean(v.get("autonomy", [])) for v in snaps if v]


_RECORD_FIELDS = {f.name for f in fields(GameRecord)}


def read_record(path: Path) -> tuple[GameRecord, dict[str, Any]]:
    """A save file or a headless ``--json`` record -> (record, extra keys). Raises RecordError."""
    name = str(path)
    try:
        text = read_text(path, "game record")
    except SaveError as e:
        raise RecordError(str(e)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise RecordError(f"{name}:{e.lineno}:{e.colno}: cannot read this record: "
                          f"{json_problem(text, e)}") from None
    extra: dict[str, Any] = {}
    if isinstance(data, dict) and data.get("format") == SAVE_FORMAT:
        try:
            rec = loads_save(text, name)
        except SaveError as e:
            raise RecordError(str(e)) from None
    elif isinstance(data, dict) and "scenario_id" in data and "turns" in data:
        extra = {k: v for k, v in data.items() if k not in _RECORD_FIELDS}
        try:
            rec = GameRecord.from_json({k: v for k, v in data.items() if k in _RECORD_FIELDS})
        except (TypeError, ValueError, KeyError, AttributeError):
            raise RecordError(f"{name}: the record's contents are not valid (its turns have "
                              "missing or unknown fields: damaged, or made by another version "
                              "of the game?)") from None
    else:
        raise RecordError(f"{name}: this is not a Crossroads game record or save file "
                          "(make one with 'Save' in the game, or play --headless --json)")
    problem = _check_shape(rec)
    if problem:
        raise RecordError(f"{name}: the record is damaged ({problem})")
    return rec, extra


def _check_shape(rec: GameRecord) -> str | None:
    if not isinstance(rec.scenario_id, str) or not rec.scenario_id:
        return "no scenario id"
    if not isinstance(rec.seed, int) or not isinstance(rec.humans, list) \
            or not isinstance(rec.policies, dict) or not isinstance(rec.grades, dict):
        return "seed, roles or grades have the wrong type"
    if not isinstance(rec.label, str):
        return "the group label is not text"
    n_states = None
    for i, v in enumerate([rec.start_values] + [t.values for t in rec.turns]):
        where = "the start" if i == 0 else f"turn {i}"
        if not isinstance(v, dict):
            return f"values of {where} are missing"
        aut = v.get("autonomy")
        if not isinstance(aut, list) or not all(isinstance(x, (int, float)) for x in aut):
            return f"autonomy of {where} is missing"
        n_states = len(aut) if n_states is None else n_states
        if len(aut) != n_states:
            return f"{where} has a different number of states"
        dep = v.get("dep")
        if dep is not None and (not isinstance(dep, list) or len(dep) != n_states):
            return f"dependence of {where} is malformed"
    for t in rec.turns:
        if not isinstance(t.actions, dict) or not isinstance(t.options, dict) \
                or not isinstance(t.events, list):
            return f"turn {t.turn}: choices are malformed"
        for a, keys in t.actions.items():
            if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
                return f"turn {t.turn}: actions of {a} are malformed"
    return None


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
                problems.append(f"{it}: no file matches this pattern")
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
            found = sorted(x for x in p.glob("*.json") if x.is_file())
            found += sorted(x for x in p.glob("*/*.json") if x.is_file())
            if not found:
                problems.append(f"{it}: this folder has no .json records in it")
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
    'standard' means (``game.engine.session.DIFFICULTY``)."""
    label = rec.label.strip().lower() if isinstance(rec.label, str) else ""
    return label if label in NOT_GROUP_NAMES - {""} else "standard"


def same_game(a: GameRecord, b: GameRecord) -> bool:
    """True when two records are saves of one game made at different moments (the autosave
    and a Ctrl+S slot): the same scenario, seed, teams, difficulty and computer policies, and
    the shorter one's turns - every actor's actions and every event's option - are the first
    turns of the longer one."""
    if (a.scenario_id, a.seed, sorted(a.humans), a.label, a.policies) != \
            (b.scenario_id, b.seed, sorted(b.humans), b.label, b.policies):
        return False
    if a.scenario_hash and b.scenario_hash and a.scenario_hash != b.scenario_hash:
        return False
    short, long_ = sorted((a, b), key=lambda r: len(r.turns))
    return all(s.actions == t.actions and s.options == t.options
               for s, t in zip(short.turns, long_.turns))


Loaded = list[tuple[Path, GameRecord, dict[str, Any]]]


def drop_duplicates(loaded: Loaded) -> tuple[Loaded, list[tuple[Path, GameRecord, Path]]]:
    """Keep one record per game in each folder: the furthest-played (then a finished one, then
    the autosave). Returns the kept records, in their order, and (file left out, its record,
    file kept) for each one left out.

    Only files in the same folder are compared: two groups' folders never hold the same game,
    but a group's folder often holds its autosave and a slot file of the same game."""
    def rank(item: tuple[Path, GameRecord, dict[str, Any]]) -> tuple[int, bool, bool]:
        p, rec, _ = item
        return (len(rec.turns), bool(rec.final_hash), p.name.lower().startswith("autosave-"))

    kept: Loaded = []
    dropped: list[tuple[Path, GameRecord, Path]] = []
    for item in sorted(loaded, key=rank, reverse=True):  # the best copy of a game comes first
        p, rec, _ = item
        twin = next((k for k in kept if k[0].resolve().parent == p.resolve().parent
                     and same_game(k[1], rec)), None)
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
    stems = Counter(p.stem for p, _, _ in loaded)
    per_folder = Counter(p.resolve().parent for p, _, _ in loaded)
    out: list[str] = []
    for p, rec, _ in loaded:
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


# ------------------------------------------------------------------------------------------------
# The scenario
# ------------------------------------------------------------------------------------------------
def find_scenario(sid: str, explicit: list[Path], record_dirs: list[Path],
                  warn: list[str]) -> Any:
    """The scenario the records were played on, or None (with a warning saying why)."""
    from .scenario.loader import installed_ids, load_scenario

    tried: list[str] = []

    def attempt(ref: Path | str) -> Any:
        res = load_scenario(str(ref))
        if res.scenario is None:
            errs = [d for d in res.diagnostics if d.severity == "error"]
            first = errs[0].message if errs else "it does not load"
            tried.append(f"{ref} ({first})")
            return None
        if res.scenario.meta.id != sid:
            tried.append(f"{ref} (it is scenario '{res.scenario.meta.id}')")
            return None
        return res.scenario

    for p in explicit:
        sc = attempt(p)
        if sc is not None:
            return sc
    if sid in installed_ids():
        sc = attempt(sid)
        if sc is not None:
            return sc
    seen: set[Path] = set()
    for d in [*record_dirs, Path.cwd()]:
        for cand in (d / f"{sid}.yaml", d / f"{sid}.yml", d / sid / "scenario.yaml"):
            rp = cand.resolve()
            if cand.is_file() and rp not in seen:
                seen.add(rp)
                sc = attempt(cand)
                if sc is not None:
                    return sc
    extra = f" (tried: {'; '.join(tried)})" if tried else ""
    warn.append(f"cannot find scenario '{sid}'{extra}: the report has the grades and choices, "
                "but no comparison with history. Give the scenario file too, e.g. "
                f"python main.py report {sid}.yaml RECORD...")
    return None


class Names:
    """Display names and the order of states, partners and dimensions in the records' values."""

    def __init__(self, sc: Any, extra: dict[str, Any], n_states: int) -> None:
        from .scenario.model import text_in

        self.sc = sc
        self.names: dict[str, str] = sc.names() if sc is not None else {}
        self.options: dict[tuple[str, str], str] = {}
        self.historical_option: dict[str, str] = {}
        self.chooser: dict[str, str] = {}
        self.event_discussion: dict[str, str] = {}
        if sc is not None:
            for ev in sc.events:
                for o in ev.options:
                    self.options[(ev.id, o.id)] = text_in(o.text)
                    if o.historical:
                        self.historical_option.setdefault(ev.id, o.id)
                if ev.chooser:
                    self.chooser[ev.id] = ev.chooser
                if ev.discussion:
                    self.event_discussion[ev.id] = text_in(ev.discussion)
        raw = extra.get("names")
        given: dict[str, Any] = raw if isinstance(raw, dict) else {}
        if sc is not None:
            states = [a.id for a in sc.states]
            powers = [a.id for a in sc.powers]
            self.states, self.partners = states, powers + [ROW]
            self.dims = [d.id for d in sc.dimensions]
        else:
            self.states = list(given.get("states") or [])
            self.partners = list(given.get("partners") or [])
            self.dims = list(given.get("dimensions") or [])
        if len(self.states) != n_states:  # the scenario changed shape: trust the record
            self.states = list(given.get("states") or [f"state {i + 1}" for i in range(n_states)])
            self.partners = list(given.get("partners") or [])
            self.dims = list(given.get("dimensions") or [])

    def of(self, key: str) -> str:
        return self.names.get(key, key)

    def choice(self, key: str) -> str:
        act, _, tgt = key.partition("@")
        return f"{self.of(act)} \u2192 {self.of(tgt)}" if tgt else self.of(act)

    def option(self, event: str, option: str) -> str:
        return self.options.get((event, option), option)


# ------------------------------------------------------------------------------------------------
# Analysis
# ------------------------------------------------------------------------------------------------
def _mean(xs: list[float]) -> float:
    return float(sum(xs) / len(xs)) if xs else 0.0


def grade_group(g: Group, sc: Any, warn: list[str]) -> None:
    """Fill in the grades: from the record, or by replaying an unfinished save."""
    grades = g.rec.grades or {}
    overall = grades.get("overall") if isinstance(grades, dict) else None
    objs = grades.get("objectives") if isinstance(grades, dict) else None
    if not objs and isinstance(g.extra.get("objectives"), list):
        objs = g.extra["objectives"]
    if isinstance(overall, dict) and isinstance(objs, list):
        g.overall = {str(k): str(v) for k, v in overall.items()}
        g.objectives = [o for o in objs if isinstance(o, dict) and "grade" in o]
        return
    n = len(g.rec.turns)
    total = sc.calendar.n_turns if sc is not None else None
    g.finished = False
    g.total_turns = total
    g.note = f"unfinished: {n} of {total} turns" if total else f"unfinished: {n} turns"
    if sc is None:
        return
    from .engine.session import Session

    try:
        s = Session.replay(sc, g.rec)
    except SaveError as e:
        warn.append(f"{g.path}: cannot grade this unfinished game ({e})")
        return
    g.overall = s.grades()
    g.objectives = s.objectives()
    g.note += ", graded as it stands"


def group_roles(g: Group, sc: Any) -> list[str]:
    """The roles the group played: its people's; for a computer-only game, the graded roles
    that have a recorded history (the ones a class compares), else all graded roles."""
    if g.rec.humans:
        return list(g.rec.humans)
    graded = list(g.overall) or (list(sc.playable_roles) if sc is not None else [])
    if sc is not None:
        with_history = [r for r in graded if sc.history.get(r)]
        if with_history:
            return with_history
    return graded


def compared_roles(groups: list[Group], sc: Any = None) -> list[str]:
    """The roles the report compares: every role that people played in some group (so a
    hotseat team's second role is never dropped; a group that did not play a role shows
    "—" there), in the scenario's order. In computer-only games (the balance lab, tests):
    the roles every group has, narrowed to those whose policy differs between the records, as
    the others made the same choices."""
    if any(g.rec.humans for g in groups):
        played: list[str] = []
        for g in groups:
            played += [r for r in g.rec.humans if r not in played]
        order = (list(sc.playable_roles) + [a.id for a in sc.actors]) if sc is not None else []
        return sorted(played, key=lambda r: order.index(r) if r in order else len(order))
    shared = [r for r in groups[0].roles if all(r in g.roles for g in groups)] or \
        sorted({r for g in groups for r in g.roles})
    if len(groups) > 1:
        varied = [r for r in shared if len({g.rec.policies.get(r) for g in groups}) > 1]
        if varied:
            return varied
    return shared


def roles_of(g: Group, roles: list[str]) -> list[str]:
    """The compared roles this group played."""
    return [r for r in roles if r in g.roles]


def history_by_turn(sc: Any, role: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if sc is None:
        return out
    for h in sc.history.get(role, []):
        t = sc.calendar.turn_of_date(h.year)
        out.setdefault(t, []).append(f"{h.action}@{h.target}" if h.target else h.action)
    return out


@dataclass
class Step:
    turn: int
    year: str
    kind: str  # "action" or "option"
    expected: str
    got: str
    same: bool
    event: str = ""


def compare_with_history(g: Group, sc: Any, names: Names, roles: list[str]) -> list[Step]:
    """Every point where history says what happened, with the group's choice there (in the
    compared roles the group played: a role the computer played is not the group's choice)."""
    steps: list[Step] = []
    if sc is None:
        return steps
    roles = roles_of(g, roles)
    by_turn = {t.turn: t for t in g.rec.turns}
    for role in roles:
        for t, keys in sorted(history_by_turn(sc, role).items()):
            tr = by_turn.get(t)
            if tr is None:
                continue
            got = tr.actions.get(role, [])
            missed = [k for k in keys if k not in got]
            steps.append(Step(t, tr.year, "action",
                              ", ".join(names.choice(k) for k in keys),
                              ", ".join(names.choice(k) for k in got) or "nothing",
                              not missed))
    for tr in g.rec.turns:
        for ev, opt in sorted(tr.options.items()):
            hist = names.historical_option.get(ev)
            chooser = names.chooser.get(ev)
            if hist is None or (chooser and chooser not in roles):
                continue
            steps.append(Step(tr.turn, tr.year, "option", names.option(ev, hist),
                              names.option(ev, opt), opt == hist, event=ev))
    steps.sort(key=lambda s: (s.turn, s.kind != "action"))
    return steps


def turn_signature(g: Group, turn: int, roles: list[str], names: Names) -> str | None:
    """What the group chose in a turn for these roles (actions, and the options of events
    these roles decide); None if the group did not play that turn."""
    tr = next((t for t in g.rec.turns if t.turn == turn), None)
    if tr is None:
        return None
    parts = []
    for r in roles:
        acts = sorted(tr.actions.get(r, []))
        parts.append((f"{r}: " if len(roles) > 1 else "")
                     + (", ".join(names.choice(a) for a in acts) or "nothing"))
    for ev, opt in sorted(tr.options.items()):
        ch = names.chooser.get(ev)
        if ch is None or ch in roles:
            parts.append(f"{names.of(ev)}: {names.option(ev, opt)}")
    return "; ".join(parts)


@dataclass
class PairSplit:
    """When two groups first chose differently, compared only where both have a choice: in
    the turns both played and the roles both played."""

    turn: int | None  # None: they never chose differently
    both_played: int  # turns both played
    common: list[str]  # roles both played


def pair_split(a: Group, b: Group, roles: list[str], names: Names) -> PairSplit:
    common = [r for r in roles_of(a, roles) if r in b.roles]
    n = min(len(a.rec.turns), len(b.rec.turns))
    if common:
        for t in range(n):
            if turn_signature(a, t, common, names) != turn_signature(b, t, common, names):
                return PairSplit(t, n, common)
    return PairSplit(None, n, common)


def first_split(groups: list[Group], roles: list[str], names: Names) -> int | None:
    """The first turn in which some two groups chose differently: the earliest year of the
    pair table, so the sentence and the table always agree. A group that had not played a
    turn (or a role) is not a split."""
    turns = [pair_split(a, b, roles, names).turn
             for i, a in enumerate(groups) for b in groups[i + 1:]]
    return min((t for t in turns if t is not None), default=None)


def run_history(sc: Any, groups: list[Group], roles: list[str], warn: list[str]) -> Group | None:
    """The benchmark row: the scenario's history replayed, the same for every report of a
    scenario and seed. It is exactly ``play SCENARIO --headless --seed N``: standard
    difficulty (the scenario as written), every playable role following its recorded history
    and the other actors their scenario strategies - never a group's difficulty or its
    computer opponents, which differ between groups. The seed is the one most groups used
    (the smallest of the most common, if there is a tie)."""
    if sc is None or not any(sc.history.get(r) for r in roles):
        return None
    from .headless import default_headless_policies, history_session

    counts = Counter(g.rec.seed for g in groups)
    seed = min(counts, key=lambda k: (-counts[k], k))
    pols = default_headless_policies(sc)
    try:
        s = history_session(sc, seed)
    except Exception as e:  # noqa: BLE001 - the benchmark is optional
        warn.append(f"could not replay the historical path ({type(e).__name__}: {e})")
        return None
    g = Group(HISTORY_LABEL, Path("history"), s.record, overall=s.grades(),
              objectives=s.objectives(), roles=list(sc.playable_roles), colour=HISTORY_COLOUR,
              marker="none", total_turns=sc.calendar.n_turns)
    followed = [r for r, p in pols.items() if p == "historical"]
    g.note = (f"{_join(followed)} {'make' if len(followed) > 1 else 'makes'} the choices the "
              "scenario records as history and the other actors follow their scenario "
              f"strategies, at standard difficulty with seed {seed}; the same game as "
              f"`python main.py play {sc.meta.id} --headless --seed {seed}`")
    return g


def final_dep(g: Group) -> list[Any] | None:
    v = g.rec.turns[-1].values if g.rec.turns else g.rec.start_values
    dep = v.get("dep")
    return dep if isinstance(dep, list) else None


def dependence_prompts(groups: list[Group], names: Names) -> list[str]:
    """'Group B ended with Kyrgyzstan 70% dependent on China in finance - why?'"""
    try:
        return _dependence_prompts(groups, names)
    except (IndexError, TypeError, ValueError):  # a record with odd dependence values
        return []


def _dependence_prompts(groups: list[Group], names: Names) -> list[str]:
    out: list[str] = []
    deps: dict[str, list[Any]] = {}
    for g in groups:
        dep0 = final_dep(g)
        if dep0 is not None:
            deps[g.label] = dep0
    if not names.partners or not names.dims:
        return out
    for g in groups:
        dep = deps.get(g.label)
        if dep is None:
            continue
        best: tuple[float, float, int, int, int] | None = None
        for s in range(len(dep)):
            for d in range(min(len(dep[s]), len(names.dims))):
                for k in range(min(len(dep[s][d]), len(names.partners))):
                    if names.partners[k] == ROW:
                        continue
                    share = float(dep[s][d][k])
                    others = [float(deps[o.label][s][d][k]) for o in groups
                              if o is not g and o.label in deps]
                    gap = share - _mean(others) if others else 0.0
                    key = (gap if others else share, share, s, d, k)
                    if share >= 0.4 and (best is None or key > best):
                        best = key
        if best is None:
            continue
        gap, share, s, d, k = best
        if len(groups) > 1 and gap < 0.08:
            continue
        others = [float(deps[o.label][s][d][k]) for o in groups
                  if o is not g and o.label in deps]
        tail = f" (the other groups: {100 * _mean(others):.0f}% on average)" if others else ""
        out.append(f"{g.name} ended with {names.of(names.states[s])} {100 * share:.0f}% "
                   f"dependent on {names.of(names.partners[k])} in "
                   f"{names.of(names.dims[d]).lower()}{tail} \u2014 why?")
    if out or len(groups) < 2:
        return out
    # no group stands out: the heaviest dependence the whole class ended with
    all_deps = list(deps.values())
    best2: tuple[float, int, int, int] | None = None
    for s in range(min(len(d) for d in all_deps) if all_deps else 0):
        for d in range(len(names.dims)):
            for k in range(len(names.partners)):
                if names.partners[k] == ROW:
                    continue
                try:
                    m = _mean([float(x[s][d][k]) for x in all_deps])
                except (IndexError, TypeError, ValueError):
                    continue
                if m >= 0.5 and (best2 is None or m > best2[0]):
                    best2 = (m, s, d, k)
    if best2 is not None:
        m, s, d, k = best2
        out.append(f"Every group ended with {names.of(names.states[s])} about {100 * m:.0f}% "
                   f"dependent on {names.of(names.partners[k])} in "
                   f"{names.of(names.dims[d]).lower()}. Why could no group change that, and "
                   "what would it take?")
    return out


def data_prompts(groups: list[Group], names: Names, diverge: dict[str, list[Step]],
                 bench: Group | None, roles: list[str]) -> list[str]:
    """Prompts made from the class's games. Grades, dependence, shocks and the benchmark
    compare finished games only: a game stopped after 2 of 9 turns would look better or worse
    for reasons that are not its choices. (If no game is finished, all are used, each named
    with its turns, and there is no comparison with the finished historical path.)"""
    out: list[str] = []
    done = [g for g in groups if g.finished] or groups
    # the widest spread of grades on one objective, between groups that played its role
    spread: list[tuple[int, str, str, str, str, str]] = []
    ids = {(o.get("role"), o.get("id")) for g in done for o in g.objectives
           if o.get("role") in roles}
    for role, oid in sorted(ids, key=str):
        got = [(g.name, o) for g in done if role in g.roles for o in g.objectives
               if o.get("role") == role and o.get("id") == oid]
        if len(got) < 2:
            continue
        got.sort(key=lambda x: -GRADE_POINTS.get(str(x[1].get("grade")), 0))
        hi, lo = got[0], got[-1]
        gap = GRADE_POINTS.get(str(hi[1]["grade"]), 0) - GRADE_POINTS.get(str(lo[1]["grade"]), 0)
        if gap > 0:
            spread.append((gap, str(hi[1].get("name", oid)), hi[0], str(hi[1]["grade"]), lo[0],
                           str(lo[1]["grade"])))
    if spread:
        spread.sort(key=lambda x: -x[0])
        _, obj, a, ga, b, gb = spread[0]
        pair = [g for g in done if g.name in (a, b)]
        caveat = f" ({_levels_phrase(pair)}.)" if len({g.difficulty for g in pair}) > 1 else ""
        out.append(f"On \u201c{obj}\u201d {a} got {ga} and {b} got {gb}. Which choices made the "
                   f"difference, and when did it start to show?{caveat}")
    out += dependence_prompts(done, names)[:2]
    # the first departure from history (a choice is a choice, finished game or not)
    for g in groups:
        first = next((s for s in diverge.get(g.label, []) if not s.same), None)
        if first is not None:
            what = names.of(first.event) if first.kind == "option" else "history"
            out.append(f"In {first.year} {g.name} chose {first.got} where {what} had "
                       f"{first.expected}. What did the group expect, and what happened next?")
            break
    # a shock every group felt
    series = [g.autonomy for g in done]
    n = min((len(s) for s in series), default=0)
    if n > 2:
        drops = [(_mean([s[t] - s[t - 1] for s in series]), t) for t in range(1, n)]
        worst, t = min(drops)
        if worst < -1.0:
            fired = Counter(e for g in done if len(g.rec.turns) >= t
                            for e in g.rec.turns[t - 1].events)
            common = [e for e, c in fired.items() if c >= max(1, len(done) / 2)]
            year = done[0].rec.turns[t - 1].year
            if common:
                out.append(f"Average autonomy fell in {year} in almost every group, the year of "
                           f"\u201c{names.of(common[0])}\u201d. Why did it hurt the balance, "
                           "and could any choice have cushioned it?")
            else:
                out.append(f"Average autonomy fell most in {year} ({worst:+.1f} points on "
                           "average). What happened that year?")
    # the benchmark: finished games against the finished historical path
    finished = [g for g in groups if g.finished]
    ref = next((o for r in roles for o in (bench.objectives if bench else [])
                if o.get("role") == r), None)
    if ref is not None and finished:
        key = (ref.get("role"), ref.get("id"))
        better = [g for g in finished if ref.get("role") in g.roles for o in g.objectives
                  if (o.get("role"), o.get("id")) == key
                  and _num(o.get("value")) is not None and _num(ref.get("value")) is not None
                  and _better(o, ref)]
        if better:
            easier = [g for g in better if g.difficulty != "standard"]
            caveat = (f" ({_levels_phrase(easier)}, so this is not a like-for-like "
                      "comparison.)") if easier else ""
            out.append(f"{_join([g.name for g in better])} did better than the historical path "
                       f"on \u201c{ref.get('name')}\u201d. Did the real governments make "
                       f"mistakes, or does the game leave something out?{caveat}")
        else:
            out.append(f"No group beat the historical path on \u201c{ref.get('name')}\u201d. "
                       "What did the real governments do that worked?")
    return out


def _levels_phrase(groups: list[Group]) -> str:
    """'Group A and Group C played at introductory difficulty, Group D at advanced'."""
    levels: dict[str, list[str]] = {}
    for g in groups:
        levels.setdefault(g.difficulty, []).append(g.name)
    parts = [f"{_join(who)} {'played at ' if i == 0 else 'at '}{lvl}"
             + (" difficulty" if i == 0 else "") for i, (lvl, who) in enumerate(levels.items())]
    return ", ".join(parts)


def _num(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) else None


def _better(o: dict[str, Any], ref: dict[str, Any]) -> bool:
    bands = o.get("bands") or [1, 0]
    higher = float(bands[0]) >= float(bands[-1])
    a, b = float(o["value"]), float(ref["value"])
    return a > b if higher else a < b


def _join(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


# ------------------------------------------------------------------------------------------------
# The document (one structure, written as Markdown and as HTML)
# ------------------------------------------------------------------------------------------------
@dataclass
class Doc:
    title: str
    blocks: list[tuple[str, Any]] = field(default_factory=list)

    def h(self, text: str) -> None:
        self.blocks.append(("h", text))

    def p(self, text: str) -> None:
        self.blocks.append(("p", text))

    def ul(self, items: list[str]) -> None:
        if items:
            self.blocks.append(("ul", items))

    def ol(self, items: list[str]) -> None:
        if items:
            self.blocks.append(("ol", items))

    def table(self, head: list[str], rows: list[list[str]]) -> None:
        if rows:
            self.blocks.append(("table", (head, rows)))

    def img(self, src: str, alt: str) -> None:
        self.blocks.append(("img", (src, alt)))

    def markdown(self) -> str:
        out = [f"# {self.title}", ""]
        for kind, b in self.blocks:
            if kind == "h":
                out += [f"## {b}", ""]
            elif kind == "p":
                out += [b, ""]
            elif kind == "ul":
                out += [f"- {x}" for x in b] + [""]
            elif kind == "ol":
                out += [f"{i}. {x}" for i, x in enumerate(b, 1)] + [""]
            elif kind == "table":
                head, rows = b
                cell = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
                out.append("| " + " | ".join(cell(h) for h in head) + " |")
                out.append("|" + "|".join("---" for _ in head) + "|")
                out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
                out.append("")
            elif kind == "img":
                out += [f"![{b[1]}]({b[0]})", ""]
        return "\n".join(out)

    def html(self, png: bytes | None) -> str:
        e = _html.escape
        out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
               f"<title>{e(self.title)}</title>", "<style>",
               "body{font-family:'Noto Sans','Segoe UI',Arial,sans-serif;max-width:1100px;"
               "margin:2em auto;padding:0 1em;color:#1d1d1f;line-height:1.45}",
               "table{border-collapse:collapse;margin:.5em 0 1.2em}",
               "th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;"
               "vertical-align:top}th{background:#eef2f7}",
               "img{max-width:100%;border:1px solid #ccc}",
               "@media print{img{max-width:100%}h2{page-break-after:avoid}}",
               "</style></head><body>", f"<h1>{e(self.title)}</h1>"]
        for kind, b in self.blocks:
            if kind == "h":
                out.append(f"<h2>{e(b)}</h2>")
            elif kind == "p":
                out.append(f"<p>{_inline(b)}</p>")
            elif kind in ("ul", "ol"):
                out.append(f"<{kind}>" + "".join(f"<li>{_inline(x)}</li>" for x in b)
                           + f"</{kind}>")
            elif kind == "table":
                head, rows = b
                out.append("<table><tr>" + "".join(f"<th>{_inline(h)}</th>" for h in head)
                           + "</tr>")
                out += ["<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r) + "</tr>"
                        for r in rows]
                out.append("</table>")
            elif kind == "img" and png is not None:
                data = base64.b64encode(png).decode("ascii")
                out.append(f'<p><img src="data:image/png;base64,{data}" alt="{e(b[1])}"></p>')
        out.append("</body></html>")
        return "\n".join(out)


def _inline(s: str) -> str:
    """Escape, then turn Markdown **bold** and `code` into HTML."""
    t = _html.escape(str(s))
    t = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", t)
    t = re.sub(r"(?<![\w/])_(\S.*?)_(?!\w)", r"<em>\1</em>", t)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", t)


def _grade_cell(o: dict[str, Any] | None) -> str:
    if not o:
        return "\u2013"
    v = _num(o.get("value"))
    return f"{o.get('grade', '?')} ({v:g})" if v is not None else str(o.get("grade", "?"))


# ------------------------------------------------------------------------------------------------
# The command
# ------------------------------------------------------------------------------------------------
def cmd_report(args: argparse.Namespace) -> int:
    warn: list[str] = []  # the groups cannot be compared like for like, or a file changed
    notes: list[str] = []  # what the report did on its own (a duplicate left out, ...)
    rec_paths, sc_paths, problems = expand_inputs(list(args.records))
    skipped: list[str] = list(problems)
    loaded: Loaded = []
    for p in rec_paths:
        try:
            rec, extra = read_record(p)
        except RecordError as e:
            skipped.append(str(e))
            continue
        loaded.append((p, rec, extra))
    if not loaded:
        for s in skipped:
            print(f"crossroads: {s}", file=sys.stderr)
        print("crossroads: no usable game record, so no report was written. Give the save "
              "files (.json) of the groups' games.", file=sys.stderr)
        return 1
    ids = Counter(rec.scenario_id for _, rec, _ in loaded)
    sid = max(ids, key=lambda k: (ids[k], -[r.scenario_id for _, r, _ in loaded].index(k)))
    if len(ids) > 1:
        for p, rec, _ in loaded:
            if rec.scenario_id != sid:
                skipped.append(f"{p}: this game is of scenario '{rec.scenario_id}', but most "
                               f"records are of '{sid}'; a report compares one scenario")
        loaded = [x for x in loaded if x[1].scenario_id == sid]
    for s in skipped:
        print(f"crossroads: warning: {s} (skipped)", file=sys.stderr)
    loaded, duplicates = drop_duplicates(loaded)

    sc = find_scenario(sid, sc_paths, sorted({p.resolve().parent for p, _, _ in loaded}), warn)
    if sc is not None:
        changed = [str(p) for p, rec, _ in loaded
                   if rec.scenario_hash and sc.content_hash and rec.scenario_hash != sc.content_hash]
        if changed:
            warn.append(f"the scenario file has changed since {_join(changed)} "
                        f"{'was' if len(changed) == 1 else 'were'} played; the comparison with "
                        "history uses the current file")
    hashes = {rec.scenario_hash for _, rec, _ in loaded if rec.scenario_hash}
    if len(hashes) > 1 and sc is None:
        warn.append("the groups played different versions of the scenario file")

    groups: list[Group] = []
    for i, ((p, rec, extra), label) in enumerate(zip(loaded, group_labels(loaded))):
        g = Group(label, p, rec, extra, colour=PALETTE[i % len(PALETTE)],
                  marker=MARKERS[i % len(MARKERS)])
        grade_group(g, sc, warn)
        g.roles = group_roles(g, sc)
        groups.append(g)
    by_path = {g.path: g for g in groups}
    for left_out, rec, kept in duplicates:
        g = by_path[kept]
        notes.append(f"{g.name}: {left_out.name} and {kept.name} in {kept.parent} are saves of "
                     f"the same game ({len(rec.turns)} and {len(g.rec.turns)} turns played), so "
                     f"it is counted once, from {kept.name}, the furthest played")
    warn += comparability_warnings(groups)

    n_states = len(groups[0].rec.start_values.get("autonomy", []))
    names = Names(sc, groups[0].extra, n_states)
    shared = compared_roles(groups, sc)
    notes += role_notes(groups, shared, names)
    bench = run_history(sc, groups, shared, warn) if sc is not None else None
    if bench is not None:
        easier = like_for_like_note(groups)
        if easier:
            warn.append(easier)
    unfinished = [g for g in groups if not g.finished]
    if unfinished and len(unfinished) < len(groups):
        notes.append(f"{_join([g.name for g in unfinished])} did not finish: "
                     f"{'its' if len(unfinished) == 1 else 'their'} grades are for the game as "
                     "it stood, and the prompts made from your games compare the finished "
                     "games only")
    elif unfinished:
        notes.append("no group finished its game: the grades are for the games as they stood "
                     "when they stopped")
    for w in warn:
        print(f"crossroads: warning: {w}", file=sys.stderr)
    for n in notes:
        print(f"crossroads: note: {n}", file=sys.stderr)

    analysis = _analysis(sc, groups, names, shared, bench)
    doc = build_doc(sid, sc, groups, names, shared, bench, warn, notes, skipped, analysis)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"crossroads: {out} is a file; give a folder for the report with --out DIR",
              file=sys.stderr)
        return 1
    try:
        out.mkdir(parents=True, exist_ok=True)
        png = draw_png(doc_summary(sid, sc, groups, names, shared, bench, analysis, skipped),
                       out / "report.png", warn)
        (out / "report.md").write_text(doc.markdown(), encoding="utf-8")
        if getattr(args, "html", False):
            (out / "report.html").write_text(doc.html(png), encoding="utf-8")
    except OSError as e:
        print(f"crossroads: cannot write the report to {out}: {e.strerror or e}", file=sys.stderr)
        return 1
    written = ["report.md"] + (["report.png"] if png else []) + \
        (["report.html"] if getattr(args, "html", False) else [])
    print(f"class report for {_plural(len(groups), 'group')} of '{sid}' written to {out}: "
          + ", ".join(written))
    return 0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _by(groups: list[Group], key: Any) -> str:
    """'introductory: Group A, Group C; standard: Group B' (groups by one property)."""
    values: dict[Any, list[str]] = {}
    for g in groups:
        values.setdefault(key(g), []).append(g.name)
    return "; ".join(f"{v}: {', '.join(who)}" for v, who in values.items())


def comparability_warnings(groups: list[Group]) -> list[str]:
    """Warnings when the groups did not face the same game: different seeds (other random
    events) or different difficulties (other budgets, resistance and opponents)."""
    out = []
    if len({g.rec.seed for g in groups}) > 1:
        out.append(f"the groups used different seeds ({_by(groups, lambda g: g.rec.seed)}), so "
                   "their random events differ; for a fair comparison give every group the same "
                   "--seed")
    if len({g.difficulty for g in groups}) > 1:
        out.append(f"the groups played at different difficulties "
                   f"({_by(groups, lambda g: g.difficulty)}), so their budgets, how strongly the "
                   "states resist one-sided dependence and how well the computer-played powers "
                   "play differ; compare their grades with care, and give every group the same "
                   "--difficulty (or class code) next time")
    return out


#: how the computer-played powers play at each ``rivals`` policy, in the guide's words
RIVAL_WORDS = {"random": "the computer-played powers play loosely",
               "greedy": "the computer-played powers play well"}


def difficulty_changes(level: str) -> str:
    """'+50% budget, the computer-played powers play loosely': what a level changes against
    the scenario as written, read from the one difficulty table."""
    from .engine.session import DIFFICULTY

    d = DIFFICULTY.get(level)
    if d is None:
        return ""
    parts = []
    if d.budget != 1.0:
        parts.append(f"{100 * (d.budget - 1):+.0f}% budget")
    if d.resistance != 1.0:
        parts.append(f"states resist one-sided dependence \u00d7{d.resistance:g}")
    if d.rivals:
        parts.append(RIVAL_WORDS.get(d.rivals, f"the computer-played powers play '{d.rivals}'"))
    return ", ".join(parts)


def like_for_like_note(groups: list[Group]) -> str:
    """Which groups' comparison with the history benchmark (replayed at standard) is unfair."""
    levels: dict[str, list[str]] = {}
    for g in groups:
        if g.difficulty != "standard" and difficulty_changes(g.difficulty):
            levels.setdefault(g.difficulty, []).append(g.name)
    if not levels:
        return ""
    parts = [f"{_join(who)} played at {lvl} difficulty ({difficulty_changes(lvl)})"
             for lvl, who in levels.items()]
    return (f"{'; '.join(parts)}, but the history benchmark is replayed at standard difficulty, "
            "so their comparisons with history are not like for like")


def role_notes(groups: list[Group], roles: list[str], names: Names) -> list[str]:
    """Say which groups did not play a compared role (a hotseat team is never dropped)."""
    missing: dict[tuple[str, ...], list[str]] = {}
    for g in groups:
        lack = tuple(r for r in roles if r not in g.roles)
        if lack:
            missing.setdefault(lack, []).append(g.name)
    out = []
    for lack, who in missing.items():
        what = _join([names.of(r) for r in lack])
        played = _join([names.of(r) for r in roles if r not in lack]) or "no compared role"
        out.append(f"{_join(who)} played {played} only: {what} "
                   f"{'was' if len(lack) == 1 else 'were'} played by the computer in "
                   f"{'its game' if len(who) == 1 else 'their games'}, so "
                   f"{'its' if len(who) == 1 else 'their'} {what} cells show \u2014")
    return out


@dataclass
class Summary:
    """What the one-page picture shows."""

    title: str
    subtitle: str
    cautions: list[str]  # short warnings under the subtitle (seeds, difficulties, files left out)
    groups: list[Group]
    bench: Group | None
    objectives: list[tuple[str, str, str]]  # (role, id, name)
    roles: list[str]
    role_names: dict[str, str]
    years: list[str]
    divergence: list[str]  # short lines; report.md has the long ones
    prompts: list[str]


@dataclass
class Analysis:
    diverge: dict[str, list[Step]]  # group label -> its steps against history
    lines: list[str]  # where the paths diverged (Markdown)
    short: list[str]  # the same, short, for the picture
    prompts: list[str]  # prompts made from the games


def _analysis(sc: Any, groups: list[Group], names: Names, shared: list[str],
              bench: Group | None) -> Analysis:
    diverge = {g.label: compare_with_history(g, sc, names, shared) for g in groups}
    lines, short = [], []
    for g in groups:
        steps = diverge[g.label]
        if not steps:
            continue
        first = next((s for s in steps if not s.same), None)
        same = sum(s.same for s in steps)
        made = f"{same} of {len(steps)} historical choices made"
        if first is None:
            lines.append(f"**{g.name}** made every historical choice the scenario records "
                         f"({same} of {len(steps)}).")
            short.append(f"{g.name} made every historical choice ({same} of {len(steps)}).")
        else:
            before = [s for s in steps if s.turn < first.turn]
            lead = "followed history until" if before and all(s.same for s in before) \
                else "first left history in"
            what = f"at \u201c{names.of(first.event)}\u201d " if first.kind == "option" else ""
            lines.append(f"**{g.name}** {lead} {first.year}: {what}chose {first.got} "
                         f"instead of {first.expected} ({made}).")
            short.append(f"{g.name} {lead} {first.year} ({made}).")
    if len(groups) > 1:
        t = first_split(groups, shared, names)
        stopped = [g for g in groups if not g.finished]
        tail = (f" ({_join([g.name for g in stopped])} stopped early: only the turns both "
                "groups of a pair played are compared.)") if stopped else ""
        if t is None:
            lines.append("No two groups chose differently in the turns and roles both played."
                         + tail)
            short.append("No two groups chose differently in the turns both played.")
        else:
            year = _year_of(groups, t)
            split = [g for i, a in enumerate(groups) for b in groups[i + 1:]
                     if pair_split(a, b, shared, names).turn == t for g in (a, b)]
            who = [g for g in groups if g in split]
            gone = [g for g in groups if len(g.rec.turns) <= t]
            lines.append(f"The groups first split in {year}: " + "; ".join(
                f"{g.name}: {turn_signature(g, t, roles_of(g, shared), names)}"
                for g in groups if len(g.rec.turns) > t) + "."
                + (f" ({_join([g.name for g in gone])} had stopped before {year}.)"
                   if gone else ""))
            short.append(f"The groups first split in {year} ({_join([g.name for g in who])}).")
    prompts = data_prompts(groups, names, diverge, bench, shared)
    return Analysis(diverge, lines, short, prompts)


def _year_of(groups: list[Group], t: int) -> str:
    return next((g.rec.turns[t].year for g in groups if len(g.rec.turns) > t), str(t))


def build_doc(sid: str, sc: Any, groups: list[Group], names: Names, shared: list[str],
              bench: Group | None, warn: list[str], notes: list[str], skipped: list[str],
              analysis: Analysis) -> Doc:
    from .scenario.model import text_in

    title = f"Class report: {text_in(sc.meta.title)}" if sc is not None else \
        f"Class report: {sid}"
    doc = Doc(title)
    seeds = sorted({g.rec.seed for g in groups})
    levels = sorted({g.difficulty for g in groups}, key=DIFFICULTY_ORDER.index)
    doc.p(f"Scenario `{sid}`, {_plural(len(groups), 'group')}, "
          f"{'seed' if len(seeds) == 1 else 'seeds'} {', '.join(map(str, seeds))}, "
          f"{'difficulty' if len(levels) == 1 else 'difficulties'} {', '.join(levels)}, "
          f"roles compared: {', '.join(names.of(r) for r in shared) or 'none'}. "
          f"Made {_dt.date.today().isoformat()} with `python main.py report`.")
    doc.ul([f"Warning: {w}" for w in warn] + [f"Note: {n}" for n in notes]
           + [f"Not included: {s}" for s in skipped])
    doc.img("report.png", "One-page summary: grades and average autonomy per group")

    # grades
    doc.h("Grades")
    objs = _objective_columns(groups + ([bench] if bench else []), shared)
    head = ["Group", "Difficulty", "Overall"] + [f"{o[2]} ({o[0]})" for o in objs]
    rows = []
    for g in groups + ([bench] if bench else []):
        overall = ", ".join(f"{r} {g.overall[r]}" for r in shared
                            if r in g.roles and r in g.overall) \
            or ", ".join(f"{r} {v}" for r, v in g.overall.items() if not shared)
        cells = []
        for role, oid, _ in objs:
            o = next((x for x in g.objectives if x.get("role") == role and x.get("id") == oid),
                     None)
            cells.append(_grade_cell(o) if role in g.roles else "\u2014")
        rows.append([f"**{g.name}**" if g is not bench else f"_{g.name}_", g.difficulty,
                     overall or "\u2013", *cells])
    doc.table(head, rows)
    doc.p("Each cell is the grade and the value at the end (A is best, F is below D); "
          "\u2014 means the group did not play that role (the computer did). "
          + ("A group shown with its turns (\u201c2 of 9 turns\u201d) stopped early: its grades "
             "are for the game as it stood. " if any(not g.finished for g in groups) else "")
          + (f"The last row, _{HISTORY_LABEL}_, is the benchmark, the same in every report of "
             f"this scenario and seed: {bench.note}." if bench else ""))

    # key choices
    doc.h("Key choices against history")
    if sc is None:
        doc.p("The scenario file was not found, so the historical choices are not known.")
    for role in shared:
        players = [g for g in groups if role in g.roles]
        hist = history_by_turn(sc, role)
        n = max(len(g.rec.turns) for g in players)
        rows = []
        for t in range(n):
            h_keys = hist.get(t, [])
            cells = []
            any_act = bool(h_keys)
            for g in players:
                tr = g.rec.turns[t] if len(g.rec.turns) > t else None
                acts = tr.actions.get(role, []) if tr else []
                any_act = any_act or bool(acts)
                txt = ", ".join(names.choice(a) for a in acts) or \
                    ("nothing" if tr else "(not played)")
                if h_keys and tr:
                    txt += " \u2713" if all(k in acts for k in h_keys) else " \u2717"
                cells.append(txt)
            if any_act:
                rows.append([_year_of(players, t),
                             ", ".join(names.choice(k) for k in h_keys) or "\u2013", *cells])
        events = sorted({(t.turn, e) for g in players for t in g.rec.turns for e in t.options
                         if names.chooser.get(e, role) == role})
        for t, ev in events:
            hist_opt = names.historical_option.get(ev)
            cells = []
            for g in players:
                tr = g.rec.turns[t] if len(g.rec.turns) > t else None
                opt = tr.options.get(ev) if tr else None
                if tr is None:
                    cells.append("(not played)")
                elif opt is None:
                    cells.append("(did not happen)")
                else:
                    mark = "" if hist_opt is None else (" \u2713" if opt == hist_opt else " \u2717")
                    cells.append(names.option(ev, opt) + mark)
            rows.append([f"{_year_of(players, t)} \u00b7 {names.of(ev)}",
                         names.option(ev, hist_opt) if hist_opt else "\u2013", *cells])
        rows.sort(key=lambda r: r[0])
        others = [g.name for g in groups if g not in players]
        doc.p(f"**{names.of(role)}** ({role}). \u2713 = made the historical choice, "
              "\u2717 = chose differently."
              + (f" Not shown: {_join(others)}, where the computer played {names.of(role)}."
                 if others else ""))
        doc.table(["Year", "History", *[g.name for g in players]], rows)

    doc.h("Where the paths diverged")
    doc.ul(analysis.lines or ["No historical choices to compare with."])
    if len(groups) > 2:
        rows = []
        for a in groups:
            row = [f"**{a.name}**"]
            for b in groups:
                row.append("\u2013" if a is b else _pair_cell(a, b, shared, names))
            rows.append(row)
        doc.p("First year in which two groups chose differently, in the turns and roles both "
              "played (\u201cnever (to 2014)\u201d: the same choices in every year both played, "
              "up to 2014, the last):")
        doc.table(["", *[g.name for g in groups]], rows)

    doc.h("Average autonomy over time")
    doc.p("Autonomy (0\u2013100) is high when a state depends a little on several partners, not "
          "a lot on one. The table shows the average of the states, after each year.")
    series = groups + ([bench] if bench else [])
    years = scenario_years(sc, series)
    n = max([len(years)] + [len(g.autonomy) for g in series])
    rows = [[years[t] if t < len(years) else str(t),
             *[f"{g.autonomy[t]:.1f}" if len(g.autonomy) > t else "\u2013" for g in series]]
            for t in range(n)]
    doc.table(["Year", *[g.name for g in series]], rows)

    doc.h("Discussion prompts")
    if sc is not None and sc.discussion_questions:
        doc.p("**From the scenario**")
        doc.ol([text_in(q) for q in sc.discussion_questions])
    ev_prompts = _event_prompts(groups, names)
    if ev_prompts:
        doc.p("**About events in your games** (the scenario's questions for the events that "
              "happened; those that happened to some groups only come first)")
        doc.ol(ev_prompts[:MAX_EVENT_PROMPTS])
        if len(ev_prompts) > MAX_EVENT_PROMPTS:
            doc.p(f"{len(ev_prompts) - MAX_EVENT_PROMPTS} more events of these games have "
                  "discussion questions in the scenario file (their `discussion` fields).")
    unfinished = [g.name for g in groups if not g.finished]
    doc.p("**From your games**" + (
        f" (comparing the finished games; {_join(unfinished)} "
        f"{'is' if len(unfinished) == 1 else 'are'} left out of the comparisons)"
        if unfinished and len(unfinished) < len(groups) else ""))
    doc.ol(analysis.prompts or ["Which single choice would you change if you played again, and "
                                "why?"])

    doc.h("Records")
    rows = []
    for g in groups:
        people = ", ".join(g.rec.humans) or "none (computer game)"
        pols = ", ".join(f"{k}={v}" for k, v in sorted(g.rec.policies.items())) or "defaults"
        rows.append([g.name, str(g.path), str(g.rec.seed), g.difficulty, people, pols,
                     "finished" if g.finished else g.note])
    doc.table(["Group", "File", "Seed", "Difficulty", "Played by people", "Computer policies",
               "State"], rows)
    return doc


DIFFICULTY_ORDER = ["introductory", "standard", "advanced"]
MAX_EVENT_PROMPTS = 5


def _pair_cell(a: Group, b: Group, roles: list[str], names: Names) -> str:
    ps = pair_split(a, b, roles, names)
    if ps.turn is not None:
        return a.rec.turns[ps.turn].year
    if not ps.common:
        return "\u2014 (no role in common)"
    if ps.both_played == 0:
        return "\u2014 (not played)"
    if ps.both_played < max(len(a.rec.turns), len(b.rec.turns)) or not (a.finished and b.finished):
        return f"never (to {a.rec.turns[ps.both_played - 1].year})"
    return "never"


def _event_prompts(groups: list[Group], names: Names) -> list[str]:
    """The scenario's ``discussion`` questions of the events that fired: first those that
    happened to some groups only, then those where the groups chose different options. A
    group that stopped before the event's year is not counted as one it did not happen to."""
    ranked = []
    for order, (ev, text) in enumerate(names.event_discussion.items()):
        who = [g for g in groups if any(ev in t.events for t in g.rec.turns)]
        if not who:
            continue
        last = max(t.turn for g in who for t in g.rec.turns if ev in t.events)
        missed = [g for g in groups if g not in who
                  and (g.finished or len(g.rec.turns) > last)]
        chosen = {t.options.get(ev) for g in groups for t in g.rec.turns if ev in t.options}
        where = f"for {_join([g.name for g in who])} only" if missed \
            else "in every group's game" + (" that got that far" if len(who) < len(groups)
                                            else "")
        rank = 0 if missed else (1 if len(chosen) > 1 else 2)
        ranked.append((rank, order, f"\u201c{names.of(ev)}\u201d ({where}): {text}"))
    return [t for _, _, t in sorted(ranked)]


def _objective_columns(groups: list[Group], roles: list[str]) -> list[tuple[str, str, str]]:
    """(role, objective id, name) of the compared roles' objectives, role by role (all, if
    none match)."""
    seen: dict[tuple[str, str], str] = {}
    for g in groups:
        for o in g.objectives:
            key = (str(o.get("role")), str(o.get("id")))
            seen.setdefault(key, str(o.get("name", o.get("id"))))
    cols = [(r, i, n) for (r, i), n in seen.items()]
    chosen = [c for c in cols if c[0] in roles]
    return sorted(chosen, key=lambda c: roles.index(c[0])) or cols


def scenario_years(sc: Any, groups: list[Group]) -> list[str]:
    """'start' and the year of every turn of the scenario, so the axis runs to the scenario's
    end in its own years even when the groups stopped early; without the scenario file, the
    years of the longest record."""
    if sc is not None:
        return ["start"] + [sc.calendar.date_of_turn(t) for t in range(sc.calendar.n_turns)]
    longest = max(groups, key=lambda g: len(g.rec.turns))
    return ["start"] + [t.year for t in longest.rec.turns]


def _picture_cautions(groups: list[Group], bench: Group | None, skipped: list[str]) -> list[str]:
    """The warnings, short enough for the projector (report.md has them in full)."""
    out = []
    seeds = sorted({g.rec.seed for g in groups})
    if len(seeds) > 1:
        out.append(f"Different seeds ({', '.join(map(str, seeds))}): the random events differed.")
    levels = sorted({g.difficulty for g in groups}, key=DIFFICULTY_ORDER.index)
    if len(levels) > 1:
        out.append(f"Different difficulties ({', '.join(levels)}): compare grades with care.")
    if bench is not None:
        off = [lvl for lvl in levels if lvl != "standard" and difficulty_changes(lvl)]
        if off:
            out.append("History is replayed at standard difficulty; "
                       + "; ".join(f"{lvl}: {difficulty_changes(lvl)}" for lvl in off)
                       + ", so comparisons with history are not like for like.")
    if skipped:
        out.append(f"{_plural(len(skipped), 'file')} left out: see report.md.")
    return out


def doc_summary(sid: str, sc: Any, groups: list[Group], names: Names, shared: list[str],
                bench: Group | None, analysis: Analysis, skipped: list[str]) -> Summary:
    from .scenario.model import text_in

    title = text_in(sc.meta.title) if sc is not None else sid
    seeds = sorted({g.rec.seed for g in groups})
    levels = sorted({g.difficulty for g in groups}, key=DIFFICULTY_ORDER.index)
    sub = (f"Class report \u00b7 scenario {sid} \u00b7 {_plural(len(groups), 'group')} \u00b7 "
           f"{'seed' if len(seeds) == 1 else 'seeds'} {', '.join(map(str, seeds))} \u00b7 "
           f"{', '.join(levels)} \u00b7 roles {', '.join(shared) or '-'}")
    objs = _objective_columns(groups + ([bench] if bench else []), shared)
    qs = [text_in(q) for q in sc.discussion_questions] if sc is not None else []
    return Summary(title, sub, _picture_cautions(groups, bench, skipped), groups, bench, objs,
                   shared, {r: names.of(r) for r in shared},
                   scenario_years(sc, groups + ([bench] if bench else [])), analysis.short,
                   analysis.prompts[:3] + qs[:1])


# ------------------------------------------------------------------------------------------------
# The picture (pygame, offscreen)
# ------------------------------------------------------------------------------------------------
def draw_png(s: Summary, path: Path, warn: list[str]) -> bytes | None:
    """Draw the one-page summary; returns the PNG bytes (None if pygame is unavailable)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame
    except Exception as e:  # noqa: BLE001
        msg = f"report.png was not drawn (pygame is not available: {e})"
        warn.append(msg)
        print(f"crossroads: warning: {msg}", file=sys.stderr)
        return None
    pygame.font.init()
    _Painter(pygame, s).paint(path)
    return path.read_bytes()


class _Painter:
    """The one-page picture. Layout, top to bottom: the title, the subtitle and any cautions;
    the grades across the whole width (one column per objective of every compared role, one
    overall column per role); then the autonomy chart on the left and, on the right, where the
    paths diverged and the prompts to discuss.

    Nothing is cut off silently: text wraps; a column heading too long for its column is
    shortened deliberately (the part before a colon or a bracket) and a footnote says that
    report.md has the full names; lines or prompts that do not fit are counted in a "more in
    report.md" line."""

    W, H = 1600, 1000
    M = 40  # margin
    INK = (29, 29, 31)
    MUTED = (95, 99, 104)
    GRID = (222, 226, 231)
    CAUTION = (176, 64, 0)

    def __init__(self, pygame: Any, s: Summary) -> None:
        from .glyphs import SHIPPED_FONTS

        self.pg = pygame
        self.s = s
        reg, bold = SHIPPED_FONTS["regular"], SHIPPED_FONTS["bold"]
        self._files = {False: str(reg) if reg.is_file() else None,
                       True: str(bold) if bold.is_file() else None}
        self._cache: dict[tuple[int, bool], Any] = {}
        self.surf = pygame.Surface((self.W, self.H))
        self.surf.fill((255, 255, 255))

    # ---- text ----------------------------------------------------------------------------------
    def font(self, size: int, bold: bool = False) -> Any:
        key = (size, bold)
        if key not in self._cache:
            f = self.pg.font.Font(self._files[bold], size)
            if self._files[bold] is None and bold:
                f.set_bold(True)
            self._cache[key] = f
        return self._cache[key]

    def fit_size(self, txt: str, max_w: int, size: int, bold: bool = False,
                 smallest: int | None = None) -> int:
        """The largest font size from ``size`` down to ``smallest`` at which ``txt`` fits."""
        smallest = smallest or max(10, int(size * 0.7))
        while size > smallest and self.font(size, bold).size(txt)[0] > max_w:
            size -= 1
        return size

    def text(self, x: int, y: int, txt: str, size: int = 18, bold: bool = False,
             colour: tuple[int, int, int] | None = None, max_w: int | None = None,
             anchor: str = "topleft") -> int:
        """One line of text. With ``max_w`` it is first made smaller to fit; only a text that
        does not fit even at 70% of its size ends in an ellipsis."""
        if max_w is not None:
            size = self.fit_size(txt, max_w, size, bold)
            f = self.font(size, bold)
            if f.size(txt)[0] > max_w:
                while txt and f.size(txt + "\u2026")[0] > max_w:
                    txt = txt[:-1]
                txt += "\u2026"
        img = self.font(size, bold).render(txt, True, colour or self.INK)
        r = img.get_rect(**{anchor: (x, y)})
        self.surf.blit(img, r)
        return r.bottom

    def lines(self, txt: str, width: int, size: int, bold: bool = False,
              indent: int = 0) -> list[str]:
        """``txt`` broken into lines of at most ``width`` pixels (a word longer than a line is
        broken too); ``indent`` is taken off every line's width (a bullet's)."""
        f = self.font(size, bold)
        width = max(8, width - indent)
        words: list[str] = []
        for w in txt.split():
            while f.size(w)[0] > width and len(w) > 1:
                i = len(w) - 1
                while i > 1 and f.size(w[:i])[0] > width:
                    i -= 1
                words.append(w[:i])
                w = w[i:]
            words.append(w)
        out: list[str] = []
        cur = ""
        for w in words:
            trial = f"{cur} {w}".strip()
            if f.size(trial)[0] <= width or not cur:
                cur = trial
            else:
                out.append(cur)
                cur = w
        if cur:
            out.append(cur)
        return out

    def wrap(self, x: int, y: int, txt: str, width: int, size: int = 17, bold: bool = False,
             colour: tuple[int, int, int] | None = None, bullet: str = "",
             bottom: int | None = None) -> int | None:
        """Draw ``txt`` wrapped to ``width``; returns the y below it, or None (drawing nothing)
        when it would go below ``bottom``."""
        f = self.font(size, bold)
        ind = f.size(bullet)[0] if bullet else 0
        rows = self.lines(txt, width, size, bold, ind)
        lh = f.get_linesize()
        if bottom is not None and y + len(rows) * lh > bottom:
            return None
        if bullet:
            self.text(x, y, bullet, size, bold, colour)
        for i, line in enumerate(rows):
            self.text(x + ind, y + i * lh, line, size, bold, colour)
        return y + len(rows) * lh

    def marker(self, kind: str, c: tuple[int, int], colour: tuple[int, int, int], r: int = 6
               ) -> None:
        d, (x, y) = self.pg.draw, c
        if kind == "circle":
            d.circle(self.surf, colour, c, r)
        elif kind == "square":
            d.rect(self.surf, colour, (x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2))
        elif kind == "triangle":
            d.polygon(self.surf, colour, [(x, y - r), (x - r, y + r - 1), (x + r, y + r - 1)])
        elif kind == "down":
            d.polygon(self.surf, colour, [(x, y + r), (x - r, y - r + 1), (x + r, y - r + 1)])
        elif kind == "diamond":
            d.polygon(self.surf, colour, [(x, y - r), (x + r, y), (x, y + r), (x - r, y)])
        elif kind in ("plus", "cross", "star"):
            w = 3
            if kind in ("plus", "star"):
                d.line(self.surf, colour, (x - r, y), (x + r, y), w)
                d.line(self.surf, colour, (x, y - r), (x, y + r), w)
            if kind in ("cross", "star"):
                d.line(self.surf, colour, (x - r, y - r), (x + r, y + r), w)
                d.line(self.surf, colour, (x - r, y + r), (x + r, y - r), w)

    def key(self, g: Group, c: tuple[int, int]) -> None:
        """The group's marker (the benchmark's dashed line) at ``c``."""
        if g.marker != "none":
            self.marker(g.marker, c, g.colour)
        else:
            _dashed(self.pg, self.surf, g.colour, (c[0] - 9, c[1]), (c[0] + 9, c[1]), 5)

    # ---- the page ------------------------------------------------------------------------------
    def paint(self, path: Path) -> None:
        s, pg, M = self.s, self.pg, self.M
        width = self.W - 2 * M
        size = self.fit_size(s.title, width, 38, True, 26)
        y = self.wrap(M, 24, s.title, width, size, True) or 70
        y = (self.wrap(M, y + 4, s.subtitle, width, 19, colour=self.MUTED) or y) + 2
        for c in s.cautions:
            y = (self.wrap(M, y + 2, c, width, 16, True, self.CAUTION) or y)
        y += 12
        pg.draw.line(self.surf, self.GRID, (M, y), (self.W - M, y), 2)
        y = self.grades(M, y + 14, width) + 12
        pg.draw.line(self.surf, self.GRID, (M, y), (self.W - M, y), 2)
        y += 14
        self.chart(M, y, 740, self.H - 24 - y)
        self.notes_column(850, y, self.W - M - 850, self.H - 24)
        pg.image.save(self.surf, str(path))

    def headings(self, objs: list[tuple[str, str, str]], col: int) -> tuple[list[list[str]],
                                                                           bool]:
        """Each objective column's heading as lines (at most 3), and whether any was
        shortened. A name that does not fit is replaced by the first shorter form that fits
        and differs from the role's other headings: without its brackets; the part before its
        colon ("Budget discipline"); that part with the words that tell it from a sibling of
        the same start ("The Belt: trade", "The Belt: transport links"); the part after it."""
        size, shortened, out = 14, False, []
        forms = [_short_forms(name, [n for r, _, n in objs if r == role and n != name])
                 for role, _, name in objs]
        for j, (role, _, name) in enumerate(objs):
            others = {f for k, (r, _, _) in enumerate(objs) if r == role and k != j
                      for f in forms[k]}
            f = self.font(size, True)
            pick = next((c for c in forms[j] if len(self.lines(c, col - 8, size, True)) <= 3
                         and all(f.size(w)[0] <= col - 8 for w in c.split())  # no word broken
                         and (c == name or c not in others)), None)
            if pick is None:  # nothing fits: the shortest form, cut deliberately (footnote)
                pick = min(forms[j], key=len)
                rows = self.lines(pick, col - 8, size, True)
                if len(rows) > 3:
                    rows = rows[:3]
                    rows[-1] = rows[-1].rstrip(".,;:") + "\u2026"
                out.append(rows)
                shortened = True
                continue
            shortened = shortened or pick != name
            out.append(self.lines(pick, col - 8, size, True))
        return out, shortened

    def grades(self, x: int, y: int, width: int) -> int:
        """The grades table across the page; returns the y below it (and its footnotes)."""
        s, pg = self.s, self.pg
        self.text(x, y, "Grades", 24, True)
        y += 36
        rows = s.groups + ([s.bench] if s.bench else [])
        roles = s.roles or sorted({r for g in rows for r in g.overall})
        label_w = 300
        ov_col = 64
        ov_w = ov_col * max(1, len(roles))
        objs = s.objectives
        avail = width - label_w - ov_w - 12
        col = avail // max(1, len(objs))
        show_objs = bool(objs) and col >= 84  # else only the overall grades (footnote says so)
        show_values = col >= 92
        if not show_objs:
            col = 0
        ox = x + label_w  # overall columns start here
        bx = ox + ov_w + 12  # objective columns start here
        # heading: role bands, then the objective names
        heads, shortened = self.headings(objs, col) if show_objs else ([], False)
        head_h = 3 * self.font(14, True).get_linesize() if show_objs else 22
        band_y = y
        self.text(ox + ov_w // 2, band_y, "Overall", 15, True, self.MUTED, anchor="midtop")
        for j, r in enumerate(roles):
            self.text(ox + ov_col * j + ov_col // 2, y + 24 + head_h, r, 15, True, self.MUTED,
                      anchor="midbottom")
        if show_objs:
            for r in roles:
                idx = [j for j, o in enumerate(objs) if o[0] == r]
                if not idx:
                    continue
                x0, x1 = bx + idx[0] * col, bx + (idx[-1] + 1) * col
                role_name = s.role_names.get(r, r)
                band = role_name if role_name == r else f"{role_name} ({r})"
                self.text((x0 + x1) // 2, band_y, band, 15, True,
                          max_w=x1 - x0 - 8, anchor="midtop")
                pg.draw.line(self.surf, self.GRID, (x0 + 4, band_y + 21), (x1 - 4, band_y + 21),
                             2)
            for j, hl in enumerate(heads):
                lh = self.font(14, True).get_linesize()
                top = y + 24 + head_h - len(hl) * lh  # bottom-aligned
                for i, line in enumerate(hl):
                    self.text(bx + j * col + col // 2, top + i * lh, line, 14, True, self.MUTED,
                              anchor="midtop")
        y += 24 + head_h + 6
        pg.draw.line(self.surf, self.GRID, (x, y), (x + width, y), 1)
        # rows of 40 px, tighter from 7 rows on (the palette has 8 colours: 8 groups + history)
        rh = 40 if len(rows) <= 6 else max(26, 320 // len(rows))
        two_lines = rh >= 32  # the name, and under it the difficulty, progress and roles
        name_size, sub_size = (18, 13) if rh >= 38 else (16, 12)
        for g in rows:
            cy = y + rh // 2
            self.key(g, (x + 10, cy))
            sub = self.row_subtitle(g)
            bold = g is not s.bench
            colour = self.MUTED if g is s.bench else self.INK
            if two_lines:
                self.text(x + 28, cy - rh // 5, g.name, name_size, bold, colour,
                          max_w=label_w - 36, anchor="midleft")
                self.text(x + 28, cy + rh // 4, sub, sub_size, False, self.MUTED,
                          max_w=label_w - 36, anchor="midleft")
            else:
                self.text(x + 28, cy, f"{g.name} \u00b7 {sub}", 15, bold, colour,
                          max_w=label_w - 36, anchor="midleft")
            for j, r in enumerate(roles):
                cx = ox + ov_col * j + ov_col // 2
                if r in g.roles and r in g.overall:
                    grade = g.overall[r]
                    self.text(cx, cy, grade, 22, True, _grade_colour(grade), anchor="center")
                else:
                    self.text(cx, cy, "\u2014", 18, colour=self.MUTED, anchor="center")
            for j, (role, oid, _) in enumerate(objs if show_objs else []):
                cx = bx + j * col + col // 2
                o = next((q for q in g.objectives
                          if q.get("role") == role and q.get("id") == oid), None)
                if o is None or role not in g.roles:
                    self.text(cx, cy, "\u2014", 18, colour=self.MUTED, anchor="center")
                    continue
                v = _num(o.get("value"))
                gtxt = str(o.get("grade", "?"))
                img = self.font(22, True).render(gtxt, True, _grade_colour(gtxt))
                val = self.font(15).render(f" {v:g}" if v is not None and show_values else "",
                                           True, self.MUTED)
                total = img.get_width() + val.get_width()
                self.surf.blit(img, img.get_rect(midleft=(cx - total // 2, cy)))
                self.surf.blit(val, val.get_rect(midleft=(cx - total // 2 + img.get_width(),
                                                          cy + 2)))
            y += rh
            pg.draw.line(self.surf, self.GRID, (x, y), (x + width, y), 1)
        foot = []
        if any(r not in g.roles for g in rows for r in roles):
            foot.append("\u2014 = the group did not play this role (the computer did)")
        if any(not g.finished for g in rows):
            foot.append("a game shown with its turns stopped early: graded as it stood")
        if shortened:
            foot.append("headings shortened: report.md has the objectives' full names")
        if objs and not show_objs:
            foot.append(f"{_plural(len(objs), 'objective')}: too many for one page, their "
                        "grades are in report.md")
        elif objs and not show_values:
            foot.append("the values reached are in report.md")
        if foot:
            y = self.wrap(x, y + 5, "; ".join(foot) + ".", width, 14, colour=self.MUTED) or y
        return y

    def row_subtitle(self, g: Group) -> str:
        """'introductory · 2 of 9 turns', or how the benchmark was made."""
        if g is self.s.bench:
            return f"standard \u00b7 seed {g.rec.seed} \u00b7 the recorded history"
        parts = [g.difficulty]
        if len({h.rec.seed for h in self.s.groups}) > 1:
            parts.append(f"seed {g.rec.seed}")
        parts.append("stopped early" if g.progress else "finished")
        if g.rec.humans and len(self.s.roles) > 1:
            parts.append("played " + ", ".join(g.rec.humans))
        return " \u00b7 ".join(parts)

    def notes_column(self, x: int, y: int, w: int, bottom: int) -> None:
        """Where the paths diverged, then the prompts; whatever does not fit is counted."""
        s = self.s
        self.text(x, y, "Where the paths diverged", 22, True)
        yy = y + 34
        div_bottom = y + (bottom - y) * 45 // 100  # keep room for the prompts
        shown = 0
        for line in s.divergence:
            end = self.wrap(x, yy, line, w, 16, bullet="\u2022 ", bottom=div_bottom)
            if end is None:
                break
            yy, shown = end + 4, shown + 1
        if shown < len(s.divergence):
            yy = self.text(x, yy, f"{len(s.divergence) - shown} more in report.md", 15,
                           colour=self.MUTED) + 4
        if not s.divergence:
            yy = self.text(x, yy, "No historical choices to compare with.", 16,
                           colour=self.MUTED) + 4
        yy += 10
        self.text(x, yy, "Discuss", 22, True)
        yy += 34
        shown = 0
        for i, q in enumerate(s.prompts, 1):
            end = self.wrap(x, yy, q, w, 16, bullet=f"{i}. ", bottom=bottom - 22)
            if end is None:
                break
            yy, shown = end + 6, shown + 1
        if shown < len(s.prompts):
            more = len(s.prompts) - shown
            self.text(x, yy, f"{more} more {'prompt' if more == 1 else 'prompts'} in report.md",
                      15, colour=self.MUTED)

    def chart(self, x: int, y: int, w: int, h: int) -> None:
        s, pg = self.s, self.pg
        self.text(x, y, "Average autonomy over time", 22, True)
        series = [(g, g.autonomy) for g in s.groups] + \
            ([(s.bench, s.bench.autonomy)] if s.bench else [])
        vals = [v for _, a in series for v in a]
        if not vals:
            return
        # the legend first (it wraps), so the plot gets the rest of the height
        items = [(g, g.name) for g, _ in series]
        f = self.font(15)
        legend_rows, lx = 1, 0
        for _, lab in items:
            wl = min(f.size(lab)[0], w - 60) + 46
            if lx and lx + wl > w - 56:
                legend_rows, lx = legend_rows + 1, 0
            lx += wl + 10
        legend_h = legend_rows * 22
        lo, hi = min(vals), max(vals)
        step = 5 if hi - lo <= 30 else 10
        lo = step * int(lo // step)
        hi = step * (int(hi // step) + 1)
        px, py = x + 50, y + 40
        pw, ph = w - 66, h - 40 - 30 - legend_h - 8
        n = max([len(s.years)] + [len(a) for _, a in series])

        def X(t: int) -> int:
            return px + (int(pw * t / (n - 1)) if n > 1 else pw // 2)

        def Y(v: float) -> int:
            return py + int(ph * (hi - v) / (hi - lo))

        v = lo
        while v <= hi + 1e-9:
            pg.draw.line(self.surf, self.GRID, (px, Y(v)), (px + pw, Y(v)), 1)
            self.text(px - 8, Y(v), f"{v:g}", 14, colour=self.MUTED, anchor="midright")
            v += step
        pg.draw.line(self.surf, self.MUTED, (px, py + ph), (px + pw, py + ph), 2)
        # the scenario's years along the axis, thinned so the labels never overlap
        label_w = max(self.font(14).size(t)[0] for t in s.years) + 10 if s.years else 40
        every = max(1, -(-label_w * n // max(1, pw)))
        for t in range(0, n, every):
            self.text(X(t), py + ph + 6, s.years[t] if t < len(s.years) else str(t), 14,
                      colour=self.MUTED, anchor="midtop")
        for g, a in series:
            pts = [(X(t), Y(v)) for t, v in enumerate(a)]
            if len(pts) > 1:
                if g is s.bench:
                    for p0, p1 in zip(pts, pts[1:]):
                        _dashed(pg, self.surf, g.colour, p0, p1)
                else:
                    pg.draw.lines(self.surf, g.colour, False, pts, 3)
            if g.marker != "none":
                for p in pts:
                    self.marker(g.marker, p, g.colour, 5)
        # legend
        lx, ly = px, py + ph + 30
        for g, lab in items:
            wl = min(f.size(lab)[0], w - 60) + 46
            if lx > px and lx + wl > x + w:
                lx, ly = px, ly + 22
            if g.marker != "none":
                pg.draw.line(self.surf, g.colour, (lx, ly + 9), (lx + 26, ly + 9), 3)
                self.marker(g.marker, (lx + 13, ly + 9), g.colour, 5)
            else:
                _dashed(pg, self.surf, g.colour, (lx, ly + 9), (lx + 26, ly + 9))
            self.text(lx + 32, ly + 9, lab, 15, anchor="midleft", max_w=w - 60)
            lx += wl + 10


def _short_forms(name: str, siblings: list[str]) -> list[str]:
    """An objective's name, then shorter forms of it, longest first (see ``headings``)."""
    def parts(n: str) -> tuple[str, str]:
        before, _, after = re.sub(r"\s*\([^)]*\)", "", n).strip().partition(":")
        return before.strip(), after.strip()

    plain = re.sub(r"\s*\([^)]*\)", "", name).strip()
    before, after = parts(name)
    out = [name, plain, before]
    same_start = [parts(n)[1].split() for n in siblings if after and parts(n)[0] == before]
    if same_start:  # drop the words the siblings' second parts share with this one
        words = after.split()
        common = max(next((i for i, (a, b) in enumerate(zip(words, w)) if a != b),
                          min(len(words), len(w))) for w in same_start)
        if words[common:]:
            out.append(f"{before}: {' '.join(words[common:])}")
    out.append(after)
    return list(dict.fromkeys(f for f in out if f))  # without repeats, in order


def _dashed(pg: Any, surf: Any, colour: tuple[int, int, int], a: tuple[int, int],
            b: tuple[int, int], dash: int = 8) -> None:
    (x0, y0), (x1, y1) = a, b
    length = max(1.0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
    n = int(length // dash)
    for i in range(0, n + 1, 2):
        t0, t1 = i * dash / length, min(1.0, (i + 1) * dash / length)
        pg.draw.line(surf, colour, (x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0),
                     (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1), 3)


def _grade_colour(g: str) -> tuple[int, int, int]:
    return {"A": (0, 120, 80), "B": (0, 100, 160), "C": (150, 110, 0), "D": (190, 90, 0),
            "F": (180, 40, 40)}.get(g, (60, 60, 60))
