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
unfinished game is graded as it stands (by replaying it on the scenario).
"""

from __future__ import annotations

import argparse
import base64
import datetime as _dt
import glob
import html as _html
import json
import os
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
            found = sorted(x for x in p.glob("*.json") if x.is_file())
            if not found:  # a folder of group folders
                found = sorted(x for x in p.glob("*/*.json") if x.is_file())
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


def group_labels(loaded: list[tuple[Path, GameRecord, dict[str, Any]]]) -> list[str]:
    """The record's label; else the file name; else (when every group's file is called
    ``autosave-....json``) the name of the folder it was copied into; unique in the end."""
    stems = Counter(p.stem for p, _, _ in loaded)
    parents = Counter(p.resolve().parent.name for p, _, _ in loaded)
    out: list[str] = []
    for p, rec, _ in loaded:
        label = rec.label.strip() if isinstance(rec.label, str) else ""
        if label.lower() in NOT_GROUP_NAMES:
            label = p.stem
            if stems[p.stem] > 1 and parents[p.resolve().parent.name] == 1:
                label = p.resolve().parent.name
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


def compared_roles(groups: list[Group]) -> list[str]:
    """The roles every group played; in computer-only games (the balance lab, tests), the
    roles whose policy differs between the records, as the others made the same choices."""
    shared = [r for r in groups[0].roles if all(r in g.roles for g in groups)] or \
        sorted({r for g in groups for r in g.roles})
    if len(groups) > 1 and not any(g.rec.humans for g in groups):
        varied = [r for r in shared if len({g.rec.policies.get(r) for g in groups}) > 1]
        if varied:
            return varied
    return shared


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
    """Every point where history says what happened, with the group's choice there."""
    steps: list[Step] = []
    if sc is None:
        return steps
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


def turn_signature(g: Group, turn: int, roles: list[str], names: Names) -> str:
    tr = next((t for t in g.rec.turns if t.turn == turn), None)
    if tr is None:
        return "(not played)"
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


def first_split(groups: list[Group], roles: list[str], names: Names) -> int | None:
    n = max((len(g.rec.turns) for g in groups), default=0)
    for t in range(n):
        sigs = {turn_signature(g, t, roles, names) for g in groups}
        if len(sigs) > 1:
            return t
    return None


def pair_split(a: Group, b: Group, roles: list[str], names: Names) -> int | None:
    for t in range(min(len(a.rec.turns), len(b.rec.turns))):
        if turn_signature(a, t, roles, names) != turn_signature(b, t, roles, names):
            return t
    return None


def run_history(sc: Any, groups: list[Group], roles: list[str], warn: list[str]) -> Group | None:
    """Replay the scenario's history for the groups' roles (the benchmark line)."""
    if sc is None or not any(sc.history.get(r) for r in roles):
        return None
    from .engine.session import Session

    seed = Counter(g.rec.seed for g in groups).most_common(1)[0][0]
    base = dict(groups[0].rec.policies)
    pols = {**base, **{r: "historical" for r in roles if sc.history.get(r)}}
    try:
        s = Session.start(sc, humans=(), seed=seed, policies=pols)
        while not s.over:
            s.play_turn()
    except Exception as e:  # noqa: BLE001 - the benchmark is optional
        warn.append(f"could not replay the historical path ({type(e).__name__}: {e})")
        return None
    g = Group(HISTORY_LABEL, Path("history"), s.record, overall=s.grades(),
              objectives=s.objectives(), roles=roles, colour=HISTORY_COLOUR, marker="none")
    g.note = f"the scenario's history for {', '.join(roles)}, seed {seed}"
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
        out.append(f"{g.label} ended with {names.of(names.states[s])} {100 * share:.0f}% "
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
                 bench: Group | None) -> list[str]:
    out: list[str] = []
    # the widest spread of grades on one objective
    spread: list[tuple[int, str, str, str, str, str]] = []
    ids = {(o.get("role"), o.get("id")) for g in groups for o in g.objectives}
    for role, oid in sorted(ids, key=str):
        got = [(g.label, o) for g in groups for o in g.objectives
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
        out.append(f"On \u201c{obj}\u201d {a} got {ga} and {b} got {gb}. Which choices made the "
                   "difference, and when did it start to show?")
    out += dependence_prompts(groups, names)[:2]
    # the first departure from history
    for g in groups:
        first = next((s for s in diverge.get(g.label, []) if not s.same), None)
        if first is not None:
            what = names.of(first.event) if first.kind == "option" else "history"
            out.append(f"In {first.year} {g.label} chose {first.got} where {what} had "
                       f"{first.expected}. What did the group expect, and what happened next?")
            break
    # a shock every group felt
    series = [g.autonomy for g in groups]
    n = min((len(s) for s in series), default=0)
    if n > 2:
        drops = [(_mean([s[t] - s[t - 1] for s in series]), t) for t in range(1, n)]
        worst, t = min(drops)
        if worst < -1.0:
            fired = Counter(e for g in groups if len(g.rec.turns) >= t
                            for e in g.rec.turns[t - 1].events)
            common = [e for e, c in fired.items() if c >= max(1, len(groups) / 2)]
            year = groups[0].rec.turns[t - 1].year
            if common:
                out.append(f"Average autonomy fell in {year} in almost every group, the year of "
                           f"\u201c{names.of(common[0])}\u201d. Why did it hurt the balance, "
                           "and could any choice have cushioned it?")
            else:
                out.append(f"Average autonomy fell most in {year} ({worst:+.1f} points on "
                           "average). What happened that year?")
    # the benchmark
    if bench is not None and bench.objectives:
        ref = bench.objectives[0]
        key = (ref.get("role"), ref.get("id"))
        better = [g.label for g in groups for o in g.objectives
                  if (o.get("role"), o.get("id")) == key
                  and _num(o.get("value")) is not None and _num(ref.get("value")) is not None
                  and _better(o, ref)]
        if better:
            out.append(f"{_join(better)} did better than the historical path on "
                       f"\u201c{ref.get('name')}\u201d. Did the real governments make "
                       "mistakes, or does the game leave something out?")
        else:
            out.append(f"No group beat the historical path on \u201c{ref.get('name')}\u201d. "
                       "What did the real governments do that worked?")
    return out


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
    import re

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
    warn: list[str] = []
    rec_paths, sc_paths, problems = expand_inputs(list(args.records))
    skipped: list[str] = list(problems)
    loaded: list[tuple[Path, GameRecord, dict[str, Any]]] = []
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
    seeds = sorted({g.rec.seed for g in groups})
    if len(seeds) > 1:
        warn.append(f"the groups used different seeds ({', '.join(map(str, seeds))}), so their "
                    "random events differ; for a fair comparison give every group the same "
                    "--seed")
    for w in warn:
        print(f"crossroads: warning: {w}", file=sys.stderr)

    n_states = len(groups[0].rec.start_values.get("autonomy", []))
    names = Names(sc, groups[0].extra, n_states)
    shared = compared_roles(groups)
    bench = run_history(sc, groups, shared, warn) if sc is not None else None

    analysis = _analysis(sc, groups, names, shared, bench)
    doc = build_doc(sid, sc, groups, names, shared, bench, warn, skipped, analysis)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"crossroads: {out} is a file; give a folder for the report with --out DIR",
              file=sys.stderr)
        return 1
    try:
        out.mkdir(parents=True, exist_ok=True)
        png = draw_png(doc_summary(sid, sc, groups, shared, bench, analysis),
                       out / "report.png", warn)
        (out / "report.md").write_text(doc.markdown(), encoding="utf-8")
        if getattr(args, "html", False):
            (out / "report.html").write_text(doc.html(png), encoding="utf-8")
    except OSError as e:
        print(f"crossroads: cannot write the report to {out}: {e.strerror or e}", file=sys.stderr)
        return 1
    written = ["report.md"] + (["report.png"] if png else []) + \
        (["report.html"] if getattr(args, "html", False) else [])
    print(f"class report for {len(groups)} group(s) of '{sid}' written to {out}: "
          + ", ".join(written))
    return 0


@dataclass
class Summary:
    """What the one-page picture shows."""

    title: str
    subtitle: str
    groups: list[Group]
    bench: Group | None
    objectives: list[tuple[str, str, str]]  # (role, id, short name)
    roles: list[str]
    years: list[str]
    divergence: list[str]
    prompts: list[str]


def _analysis(sc: Any, groups: list[Group], names: Names, shared: list[str],
              bench: Group | None) -> tuple[dict[str, list[Step]], list[str], list[str]]:
    diverge = {g.label: compare_with_history(g, sc, names, shared) for g in groups}
    lines = []
    for g in groups:
        steps = diverge[g.label]
        if not steps:
            continue
        first = next((s for s in steps if not s.same), None)
        same = sum(s.same for s in steps)
        if first is None:
            lines.append(f"**{g.label}** made every historical choice the scenario records "
                         f"({same} of {len(steps)}).")
        else:
            before = [s for s in steps if s.turn < first.turn]
            lead = "followed history until" if before and all(s.same for s in before) \
                else "first left history in"
            what = f"at \u201c{names.of(first.event)}\u201d " if first.kind == "option" else ""
            lines.append(f"**{g.label}** {lead} {first.year}: {what}chose {first.got} "
                         f"instead of {first.expected} ({same} of {len(steps)} historical "
                         "choices made).")
    between = []
    if len(groups) > 1:
        t = first_split(groups, shared, names)
        if t is None:
            between.append("All groups made the same choices in every turn.")
        else:
            year = next((g.rec.turns[t].year for g in groups if len(g.rec.turns) > t), str(t))
            between.append(f"The groups first split in {year}: " + "; ".join(
                f"{g.label}: {turn_signature(g, t, shared, names)}" for g in groups) + ".")
    prompts = data_prompts(groups, names, diverge, bench)
    return diverge, lines + between, prompts


Analysis = tuple[dict[str, list[Step]], list[str], list[str]]


def build_doc(sid: str, sc: Any, groups: list[Group], names: Names, shared: list[str],
              bench: Group | None, warn: list[str], skipped: list[str],
              analysis: Analysis) -> Doc:
    from .scenario.model import text_in

    title = f"Class report: {text_in(sc.meta.title)}" if sc is not None else \
        f"Class report: {sid}"
    doc = Doc(title)
    seeds = sorted({g.rec.seed for g in groups})
    doc.p(f"Scenario `{sid}`, {len(groups)} group(s), seed {', '.join(map(str, seeds))}, "
          f"roles compared: {', '.join(names.of(r) for r in shared) or 'none'}. "
          f"Made {_dt.date.today().isoformat()} with `python main.py report`.")
    notes = [f"Warning: {w}" for w in warn] + [f"Not included: {s}" for s in skipped]
    doc.ul(notes)
    doc.img("report.png", "One-page summary: grades and average autonomy per group")

    _, div_lines, prompts = analysis

    # grades
    doc.h("Grades")
    objs = _objective_columns(groups + ([bench] if bench else []), shared)
    head = ["Group", "Overall"] + [f"{o[2]} ({o[0]})" for o in objs]
    rows = []
    for g in groups + ([bench] if bench else []):
        overall = ", ".join(f"{r} {v}" for r, v in g.overall.items() if r in shared or not shared)
        cells = []
        for role, oid, _ in objs:
            o = next((x for x in g.objectives if x.get("role") == role and x.get("id") == oid),
                     None)
            cells.append(_grade_cell(o))
        label = g.label if g.finished else f"{g.label} ({g.note})"
        rows.append([f"**{label}**" if g is not bench else f"_{label}_",
                     overall or "\u2013", *cells])
    doc.table(head, rows)
    doc.p("Each cell is the grade and the value at the end (A is best, F is below D). "
          + (f"The last row replays the scenario's history ({bench.note}) as a benchmark."
             if bench else ""))

    # key choices
    doc.h("Key choices against history")
    if sc is None:
        doc.p("The scenario file was not found, so the historical choices are not known.")
    for role in shared:
        hist = history_by_turn(sc, role)
        n = max(len(g.rec.turns) for g in groups)
        rows = []
        for t in range(n):
            year = next((g.rec.turns[t].year for g in groups if len(g.rec.turns) > t), str(t))
            h_keys = hist.get(t, [])
            cells = []
            any_act = bool(h_keys)
            for g in groups:
                tr = g.rec.turns[t] if len(g.rec.turns) > t else None
                acts = tr.actions.get(role, []) if tr else []
                any_act = any_act or bool(acts)
                txt = ", ".join(names.choice(a) for a in acts) or ("nothing" if tr else "\u2013")
                if h_keys and tr:
                    txt += " \u2713" if all(k in acts for k in h_keys) else " \u2717"
                cells.append(txt)
            if any_act:
                rows.append([year, ", ".join(names.choice(k) for k in h_keys) or "\u2013",
                             *cells])
        events = sorted({(t.turn, e) for g in groups for t in g.rec.turns for e in t.options
                         if names.chooser.get(e, role) == role})
        for t, ev in events:
            hist_opt = names.historical_option.get(ev)
            year = next((g.rec.turns[t].year for g in groups if len(g.rec.turns) > t), str(t))
            cells = []
            for g in groups:
                tr = g.rec.turns[t] if len(g.rec.turns) > t else None
                opt = tr.options.get(ev) if tr else None
                if opt is None:
                    cells.append("(did not happen)")
                else:
                    mark = "" if hist_opt is None else (" \u2713" if opt == hist_opt else " \u2717")
                    cells.append(names.option(ev, opt) + mark)
            rows.append([f"{year} \u00b7 {names.of(ev)}",
                         names.option(ev, hist_opt) if hist_opt else "\u2013", *cells])
        rows.sort(key=lambda r: r[0])
        doc.p(f"**{names.of(role)}** ({role}). \u2713 = made the historical choice, "
              "\u2717 = chose differently.")
        doc.table(["Year", "History", *[g.label for g in groups]], rows)

    doc.h("Where the paths diverged")
    doc.ul(div_lines or ["No historical choices to compare with."])
    if len(groups) > 2:
        rows = []
        for a in groups:
            row = [f"**{a.label}**"]
            for b in groups:
                if a is b:
                    row.append("\u2013")
                else:
                    split = pair_split(a, b, shared, names)
                    row.append(a.rec.turns[split].year if split is not None else "never")
            rows.append(row)
        doc.p("First year in which two groups chose differently:")
        doc.table(["", *[g.label for g in groups]], rows)

    doc.h("Average autonomy over time")
    doc.p("Autonomy (0\u2013100) is high when a state depends a little on several partners, not "
          "a lot on one. The table shows the average of the states, after each year.")
    series = groups + ([bench] if bench else [])
    n = max(len(g.autonomy) for g in series)
    years = _years(groups, n)
    rows = [[years[t], *[f"{g.autonomy[t]:.1f}" if len(g.autonomy) > t else "\u2013"
                         for g in series]] for t in range(n)]
    doc.table(["Year", *[g.label for g in series]], rows)

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
    doc.p("**From your games**")
    doc.ol(prompts or ["Which single choice would you change if you played again, and why?"])

    doc.h("Records")
    rows = []
    for g in groups:
        people = ", ".join(g.rec.humans) or "none (computer game)"
        pols = ", ".join(f"{k}={v}" for k, v in sorted(g.rec.policies.items())) or "defaults"
        rows.append([g.label, str(g.path), str(g.rec.seed), people, pols,
                     "finished" if g.finished else g.note])
    doc.table(["Group", "File", "Seed", "Played by people", "Computer policies", "State"], rows)
    return doc


MAX_EVENT_PROMPTS = 5


def _event_prompts(groups: list[Group], names: Names) -> list[str]:
    """The scenario's ``discussion`` questions of the events that fired: first those that
    happened to some groups only, then those where the groups chose different options."""
    ranked = []
    for order, (ev, text) in enumerate(names.event_discussion.items()):
        who = [g.label for g in groups if any(ev in t.events for t in g.rec.turns)]
        if not who:
            continue
        chosen = {t.options.get(ev) for g in groups for t in g.rec.turns if ev in t.options}
        some = len(who) < len(groups)
        where = "in every group's game" if not some else f"for {_join(who)} only"
        rank = 0 if some else (1 if len(chosen) > 1 else 2)
        ranked.append((rank, order, f"\u201c{names.of(ev)}\u201d ({where}): {text}"))
    return [t for _, _, t in sorted(ranked)]


def _objective_columns(groups: list[Group], roles: list[str]) -> list[tuple[str, str, str]]:
    """(role, objective id, name) of the compared roles' objectives (all, if none match)."""
    seen: dict[tuple[str, str], str] = {}
    for g in groups:
        for o in g.objectives:
            key = (str(o.get("role")), str(o.get("id")))
            seen.setdefault(key, str(o.get("name", o.get("id"))))
    cols = [(r, i, n) for (r, i), n in seen.items()]
    return [c for c in cols if c[0] in roles] or cols


def _years(groups: list[Group], n: int) -> list[str]:
    years = ["start"]
    for t in range(1, n):
        years.append(next((g.rec.turns[t - 1].year for g in groups if len(g.rec.turns) >= t),
                          str(t)))
    return years


def doc_summary(sid: str, sc: Any, groups: list[Group], shared: list[str],
                bench: Group | None, analysis: Analysis) -> Summary:
    from .scenario.model import text_in

    _, div_lines, prompts = analysis
    title = text_in(sc.meta.title) if sc is not None else sid
    seeds = sorted({g.rec.seed for g in groups})
    sub = (f"Class report \u00b7 scenario {sid} \u00b7 {len(groups)} groups \u00b7 seed "
           f"{', '.join(map(str, seeds))} \u00b7 roles {', '.join(shared) or '-'}")
    objs = _objective_columns(groups + ([bench] if bench else []), shared)
    n = max(len(g.autonomy) for g in groups + ([bench] if bench else []))
    qs = [text_in(q) for q in sc.discussion_questions] if sc is not None else []
    return Summary(title, sub, groups, bench, objs, shared, _years(groups, n),
                   [x.replace("**", "") for x in div_lines], prompts[:3] + qs[:1])


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
    W, H = 1600, 1000
    INK = (29, 29, 31)
    MUTED = (95, 99, 104)
    GRID = (222, 226, 231)

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

    def font(self, size: int, bold: bool = False) -> Any:
        key = (size, bold)
        if key not in self._cache:
            f = self.pg.font.Font(self._files[bold], size)
            if self._files[bold] is None and bold:
                f.set_bold(True)
            self._cache[key] = f
        return self._cache[key]

    def text(self, x: int, y: int, txt: str, size: int = 18, bold: bool = False,
             colour: tuple[int, int, int] | None = None, max_w: int | None = None,
             anchor: str = "topleft") -> int:
        f = self.font(size, bold)
        if max_w is not None and f.size(txt)[0] > max_w:
            while txt and f.size(txt + "\u2026")[0] > max_w:
                txt = txt[:-1]
            txt += "\u2026"
        img = f.render(txt, True, colour or self.INK)
        r = img.get_rect(**{anchor: (x, y)})
        self.surf.blit(img, r)
        return r.bottom

    def wrap(self, x: int, y: int, txt: str, width: int, size: int = 17, bold: bool = False,
             colour: tuple[int, int, int] | None = None, max_lines: int = 3,
             bullet: str = "") -> int:
        f = self.font(size, bold)
        words, lines, cur = txt.split(), [], ""
        for w in words:
            trial = f"{cur} {w}".strip()
            if f.size(bullet + trial)[0] <= width or not cur:
                cur = trial
            else:
                lines.append(cur)
                cur = w
        if cur:
            lines.append(cur)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1].rstrip(".,;") + " \u2026"
        lh = f.get_linesize()
        for i, line in enumerate(lines):
            self.text(x, y + i * lh, (bullet if i == 0 else " " * len(bullet)) + line, size,
                      bold, colour, max_w=width)
        return y + len(lines) * lh

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

    def paint(self, path: Path) -> None:
        s, pg = self.s, self.pg
        self.text(40, 28, s.title, 38, True, max_w=self.W - 80)
        self.text(40, 82, s.subtitle, 19, colour=self.MUTED, max_w=self.W - 80)
        pg.draw.line(self.surf, self.GRID, (40, 116), (self.W - 40, 116), 2)
        self.grades(40, 136, 760)
        self.chart(850, 136, 710, 430)
        y = 600
        pg.draw.line(self.surf, self.GRID, (40, y - 14), (self.W - 40, y - 14), 2)
        self.text(40, y, "Where the paths diverged", 24, True)
        yy = y + 38
        for line in s.divergence[:5]:
            yy = self.wrap(40, yy, line, 740, 17, max_lines=3, bullet="\u2022 ") + 8
            if yy > self.H - 40:
                break
        self.text(850, y, "Discuss", 24, True)
        yy = y + 38
        for i, q in enumerate(s.prompts[:4], 1):
            yy = self.wrap(850, yy, q, 710, 17, max_lines=3, bullet=f"{i}. ") + 8
            if yy > self.H - 40:
                break
        pg.image.save(self.surf, str(path))

    def grades(self, x: int, y: int, width: int) -> None:
        s = self.s
        self.text(x, y, "Grades", 24, True)
        rows = s.groups + ([s.bench] if s.bench else [])
        objs = s.objectives[:5]
        label_w = 230
        col = max(90, (width - label_w - 90) // max(1, len(objs)))
        y += 40
        hx = x + label_w
        self.text(hx + 40, y + 48, "Overall", 16, True, self.MUTED, anchor="midbottom")
        for j, (role, _, name) in enumerate(objs):
            cx = hx + 90 + j * col + col // 2
            self.wrap(cx - col // 2 + 4, y - 4, f"{name} ({role})", col - 8, 14, True,
                      self.MUTED, max_lines=3)
        y += 62
        self.pg.draw.line(self.surf, self.GRID, (x, y), (x + width, y), 1)
        rh = min(44, max(30, (560 - y) // max(1, len(rows))))
        for g in rows:
            cy = y + rh // 2
            if g.marker != "none":
                self.marker(g.marker, (x + 10, cy), g.colour)
            else:
                self.pg.draw.line(self.surf, g.colour, (x + 2, cy), (x + 18, cy), 3)
            lab = g.label if g.finished else f"{g.label} *"
            self.text(x + 28, cy, lab, 18, g is not s.bench, max_w=label_w - 36,
                      colour=self.MUTED if g is s.bench else None, anchor="midleft")
            ov = [(r, v) for r, v in g.overall.items() if r in s.roles] or \
                list(g.overall.items())
            if len(ov) == 1:
                self.text(hx + 40, cy, ov[0][1], 22, True, _grade_colour(ov[0][1]),
                          anchor="center")
            else:
                self.text(hx + 40, cy, " ".join(f"{r} {v}" for r, v in ov) or "\u2013", 14,
                          True, anchor="center", max_w=86)
            for j, (role, oid, _) in enumerate(objs):
                o = next((q for q in g.objectives
                          if q.get("role") == role and q.get("id") == oid), None)
                cx = hx + 90 + j * col + col // 2
                if o is None:
                    self.text(cx, cy, "\u2013", 18, anchor="center", colour=self.MUTED)
                    continue
                v = _num(o.get("value"))
                gtxt = str(o.get("grade", "?"))
                img = self.font(22, True).render(gtxt, True, _grade_colour(gtxt))
                val = self.font(15).render(f" {v:g}" if v is not None else "", True, self.MUTED)
                total = img.get_width() + val.get_width()
                self.surf.blit(img, img.get_rect(midleft=(cx - total // 2, cy)))
                self.surf.blit(val, val.get_rect(midleft=(cx - total // 2 + img.get_width(),
                                                          cy + 2)))
            y += rh
            self.pg.draw.line(self.surf, self.GRID, (x, y), (x + width, y), 1)
        if any(not g.finished for g in rows):
            self.text(x, y + 6, "* unfinished game, graded as it stands", 14,
                      colour=self.MUTED)

    def chart(self, x: int, y: int, w: int, h: int) -> None:
        s, pg = self.s, self.pg
        self.text(x, y, "Average autonomy over time", 24, True)
        series = [(g, g.autonomy) for g in s.groups] + \
            ([(s.bench, s.bench.autonomy)] if s.bench else [])
        vals = [v for _, a in series for v in a]
        if not vals:
            return
        lo, hi = min(vals), max(vals)
        step = 5 if hi - lo <= 30 else 10
        lo = step * int(lo // step)
        hi = step * (int(hi // step) + 1)
        px, py, pw, ph = x + 56, y + 48, w - 72, h - 130
        n = max(len(a) for _, a in series)

        def X(t: int) -> int:
            return px + (int(pw * t / (n - 1)) if n > 1 else pw // 2)

        def Y(v: float) -> int:
            return py + int(ph * (hi - v) / (hi - lo))

        v = lo
        while v <= hi + 1e-9:
            pg.draw.line(self.surf, self.GRID, (px, Y(v)), (px + pw, Y(v)), 1)
            self.text(px - 8, Y(v), f"{v:g}", 15, colour=self.MUTED, anchor="midright")
            v += step
        pg.draw.line(self.surf, self.MUTED, (px, py + ph), (px + pw, py + ph), 2)
        every = max(1, (n + 9) // 10)
        for t in range(0, n, every):
            self.text(X(t), py + ph + 6, s.years[t] if t < len(s.years) else str(t), 15,
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
        lx, ly = px, py + ph + 36
        for g, _ in series:
            lab = g.label
            wlab = self.font(16).size(lab)[0] + 46
            if lx + wlab > x + w:
                lx, ly = px, ly + 24
            if g.marker != "none":
                pg.draw.line(self.surf, g.colour, (lx, ly + 10), (lx + 26, ly + 10), 3)
                self.marker(g.marker, (lx + 13, ly + 10), g.colour, 5)
            else:
                _dashed(pg, self.surf, g.colour, (lx, ly + 10), (lx + 26, ly + 10))
            self.text(lx + 32, ly + 10, lab, 16, anchor="midleft", max_w=260)
            lx += min(wlab, 300) + 12


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
