"""``report RECORD... [--out DIR] [--html] [--lang en|ja|ru]``: a one-page class summary from
several groups' games.

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

``--lang`` writes the report in English (the default), Japanese or Russian: every fixed phrase
comes from ``game/report_locale/<lang>.json`` (``tr``), and the scenario's names, objectives,
events and questions from the scenario's own translations (English where it has none). The
warnings and notes the report contains are printed in that language too.
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from .engine.record import (
    SAVE_FORMAT,
    GameRecord,
    SaveError,
    loads_save,
    read_text,
)

GRADE_POINTS = {"A": 4, "B": 3, "C": 2, "D": 1, "F": 0}
ROW = "ROW"
HISTORY_LABEL = "History (replayed)"  # in English; ``tr("history.label")`` in the report
#: Okabe-Ito colours (safe for colour-blind readers); each group also gets its own marker
PALETTE = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
    (240, 228, 66),
    (0, 0, 0),
]
HISTORY_COLOUR = (120, 120, 120)
MARKERS = ["circle", "square", "triangle", "diamond", "down", "plus", "cross", "star"]


class RecordError(ValueError):
    """A record that cannot be used; ``str()`` names the file and says why."""


# ------------------------------------------------------------------------------------------------
# The report's language
# ------------------------------------------------------------------------------------------------
LOCALE_DIR = Path(__file__).resolve().parent / "report_locale"
LANGUAGES = ("en", "ja", "ru")
DEFAULT_LANG = "en"
_lang = DEFAULT_LANG


@lru_cache(maxsize=8)
def _table(lang: str) -> dict[str, Any]:
    """The phrases of one language (``report_locale/<lang>.json``; keys starting with ``_``
    are comments for translators)."""
    try:
        data = json.loads((LOCALE_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return (
        {k: v for k, v in data.items() if not k.startswith("_")} if isinstance(data, dict) else {}
    )


def _plural_index(n: int, lang: str) -> int:
    """Which of a phrase's forms goes with the number ``n``: English one/other, Russian
    one/few/many (1 группа, 2 группы, 5 групп), Japanese one form."""
    if lang == "ja":
        return 0
    if lang == "ru":
        n = abs(n)
        if n % 10 == 1 and n % 100 != 11:
            return 0
        return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    return 0 if n == 1 else 1


def tr(key: str, n: int | None = None, **kw: Any) -> str:
    """The report's phrase ``key`` in the current language (English if that language lacks
    it), with ``{placeholders}`` filled in. A phrase given as a list has one form per number
    (see ``_plural_index``); ``n`` picks the form and fills ``{n}``."""
    lang, value = _lang, _table(_lang).get(key)
    if value is None:
        lang, value = DEFAULT_LANG, _table(DEFAULT_LANG).get(key)
    if value is None:
        return f"[{key}]"
    if isinstance(value, list):
        value = value[min(_plural_index(n or 0, lang), len(value) - 1)] if value else ""
    if n is not None:
        kw.setdefault("n", n)
    try:
        return str(value).format(**kw)
    except (KeyError, IndexError, ValueError):
        return str(value)


def language() -> str:
    """The language the report is being written in."""
    return _lang


@contextmanager
def report_language(lang: str | None) -> Iterator[str]:
    """Write the report in ``lang`` (None: English) inside the ``with`` block."""
    global _lang
    before = _lang
    _lang = lang if lang in LANGUAGES else DEFAULT_LANG
    try:
        yield _lang
    finally:
        _lang = before


def _difficulty(level: str) -> str:
    """A difficulty's name in the report's language ('introductory' -> 'вводный')."""
    return tr(f"difficulty.{level}") if f"difficulty.{level}" in _table(DEFAULT_LANG) else level


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
        return (
            tr("progress.of", n=n, total=self.total_turns)
            if self.total_turns
            else tr("progress.n", n=n)
        )

    @property
    def name(self) -> str:
        """The label as every part of the report shows it: 'Group B (2 of 9 turns)' when the
        game stopped early, so an unfinished game is never mistaken for a finished one."""
        return (
            tr("name.progress", label=self.label, progress=self.progress)
            if self.progress
            else self.label
        )

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
        if not text.lstrip().startswith(("{", "[")):  # not JSON at all: some other file
            raise RecordError(tr("record.not_a_record", file=name)) from None
        cut = not text.rstrip().endswith(("}", "]"))  # stopped in the middle
        raise RecordError(
            tr(
                "record.unreadable",
                file=f"{name}:{e.lineno}:{e.colno}",
                problem=tr("record.cut_short" if cut else "record.bad_json"),
            )
        ) from None
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
            raise RecordError(tr("record.invalid", file=name)) from None
    else:
        raise RecordError(tr("record.not_a_record", file=name))
    problem = _check_shape(rec)
    if problem:
        raise RecordError(tr("record.damaged", file=name, problem=problem))
    return rec, extra


def _check_shape(rec: GameRecord) -> str | None:
    if not isinstance(rec.scenario_id, str) or not rec.scenario_id:
        return tr("shape.no_id")
    if (
        not isinstance(rec.seed, int)
        or not isinstance(rec.humans, list)
        or not isinstance(rec.policies, dict)
        or not isinstance(rec.grades, dict)
    ):
        return tr("shape.types")
    if not isinstance(rec.label, str):
        return tr("shape.label")
    n_states = None
    for i, v in enumerate([rec.start_values] + [t.values for t in rec.turns]):
        where = tr("shape.start") if i == 0 else tr("shape.turn", turn=i)
        if not isinstance(v, dict):
            return tr("shape.no_values", where=where)
        aut = v.get("autonomy")
        if not isinstance(aut, list) or not all(isinstance(x, (int, float)) for x in aut):
            return tr("shape.no_autonomy", where=where)
        n_states = len(aut) if n_states is None else n_states
        if len(aut) != n_states:
            return tr("shape.n_states", where=where)
        dep = v.get("dep")
        if dep is not None and (not isinstance(dep, list) or len(dep) != n_states):
            return tr("shape.dependence", where=where)
    for t in rec.turns:
        if (
            not isinstance(t.actions, dict)
            or not isinstance(t.options, dict)
            or not isinstance(t.events, list)
        ):
            return tr("shape.choices", turn=t.turn)
        for a, keys in t.actions.items():
            if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
                return tr("shape.actions", turn=t.turn, actor=a)
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
            found = sorted(x for x in p.glob("*.json") if x.is_file())
            found += sorted(x for x in p.glob("*/*.json") if x.is_file())
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
def find_scenario(sid: str, explicit: list[Path], record_dirs: list[Path], warn: list[str]) -> Any:
    """The scenario the records were played on, or None (with a warning saying why)."""
    from .scenario.loader import installed_ids, load_scenario

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


class Names:
    """Display names and the order of states, partners and dimensions in the records' values."""

    def __init__(self, sc: Any, extra: dict[str, Any], n_states: int) -> None:
        from .scenario.model import text_in

        lang = language()
        self.sc = sc
        self.names: dict[str, str] = sc.names(lang) if sc is not None else {}
        self.options: dict[tuple[str, str], str] = {}
        self.historical_option: dict[str, str] = {}
        self.chooser: dict[str, str] = {}
        self.event_discussion: dict[str, str] = {}
        #: (role, objective id) -> the objective's name in the report's language; in English
        #: the records' own names are used (``objective``)
        self.objectives: dict[tuple[str, str], str] = {}
        if sc is not None:
            for ev in sc.events:
                for o in ev.options:
                    self.options[(ev.id, o.id)] = text_in(o.text, lang)
                    if o.historical:
                        self.historical_option.setdefault(ev.id, o.id)
                if ev.chooser:
                    self.chooser[ev.id] = ev.chooser
                if ev.discussion:
                    self.event_discussion[ev.id] = text_in(ev.discussion, lang)
            if lang != DEFAULT_LANG:
                for role, objs in (sc.objectives or {}).items():
                    for ob in objs:
                        self.objectives[(str(role), ob.id)] = text_in(ob.name, lang)
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

    def objective(self, role: Any, oid: Any, name: Any) -> str:
        """An objective's name: the scenario's translation, else the record's ``name``."""
        return self.objectives.get((str(role), str(oid))) or str(name if name is not None else oid)


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
    g.note = tr("note.unfinished_of", n=n, total=total) if total else tr("note.unfinished_n", n=n)
    if sc is None:
        return
    from .play.session import Session

    try:
        s = Session.replay(sc, g.rec)
    except SaveError as e:
        warn.append(tr("warn.cannot_grade", file=g.path, error=e))
        return
    g.overall = s.grades()
    g.objectives = s.objectives()
    g.note += tr("note.graded_as_it_stands")


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
    shared = [r for r in groups[0].roles if all(r in g.roles for g in groups)] or sorted(
        {r for g in groups for r in g.roles}
    )
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
            turn_rec = by_turn.get(t)
            if turn_rec is None:
                continue
            got = turn_rec.actions.get(role, [])
            missed = [k for k in keys if k not in got]
            steps.append(
                Step(
                    t,
                    turn_rec.year,
                    "action",
                    tr("join.sep").join(names.choice(k) for k in keys),
                    tr("join.sep").join(names.choice(k) for k in got) or tr("nothing"),
                    not missed,
                )
            )
    for turn_rec in g.rec.turns:
        for ev, opt in sorted(turn_rec.options.items()):
            hist = names.historical_option.get(ev)
            chooser = names.chooser.get(ev)
            if hist is None or (chooser and chooser not in roles):
                continue
            steps.append(
                Step(
                    turn_rec.turn,
                    turn_rec.year,
                    "option",
                    names.option(ev, hist),
                    names.option(ev, opt),
                    opt == hist,
                    event=ev,
                )
            )
    steps.sort(key=lambda s: (s.turn, s.kind != "action"))
    return steps


def turn_signature(g: Group, turn: int, roles: list[str], names: Names) -> str | None:
    """What the group chose in a turn for these roles (actions, and the options of events
    these roles decide); None if the group did not play that turn."""
    turn_rec = next((t for t in g.rec.turns if t.turn == turn), None)
    if turn_rec is None:
        return None
    parts = []
    for r in roles:
        acts = sorted(turn_rec.actions.get(r, []))
        parts.append(
            (f"{r}: " if len(roles) > 1 else "")
            + (tr("join.sep").join(names.choice(a) for a in acts) or tr("nothing"))
        )
    for ev, opt in sorted(turn_rec.options.items()):
        ch = names.chooser.get(ev)
        if ch is None or ch in roles:
            parts.append(f"{names.of(ev)}: {names.option(ev, opt)}")
    return tr("by.sep").join(parts)


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
    turns = [
        pair_split(a, b, roles, names).turn for i, a in enumerate(groups) for b in groups[i + 1 :]
    ]
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
    from .play.history import default_headless_policies, history_session

    counts = Counter(g.rec.seed for g in groups)
    seed = min(counts, key=lambda k: (-counts[k], k))
    pols = default_headless_policies(sc)
    try:
        s = history_session(sc, seed)
    except Exception as e:  # noqa: BLE001 - the benchmark is optional
        warn.append(tr("warn.no_history", error=f"{type(e).__name__}: {e}"))
        return None
    g = Group(
        tr("history.label"),
        Path("history"),
        s.record,
        overall=s.grades(),
        objectives=s.objectives(),
        roles=list(sc.playable_roles),
        colour=HISTORY_COLOUR,
        marker="none",
        total_turns=sc.calendar.n_turns,
    )
    followed = [r for r, p in pols.items() if p == "historical"]
    g.note = tr("bench.note", n=len(followed), roles=_join(followed), seed=seed, sid=sc.meta.id)
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
                    others = [
                        float(deps[o.label][s][d][k])
                        for o in groups
                        if o is not g and o.label in deps
                    ]
                    gap = share - _mean(others) if others else 0.0
                    key = (gap if others else share, share, s, d, k)
                    if share >= 0.4 and (best is None or key > best):
                        best = key
        if best is None:
            continue
        gap, share, s, d, k = best
        if len(groups) > 1 and gap < 0.08:
            continue
        others = [float(deps[o.label][s][d][k]) for o in groups if o is not g and o.label in deps]
        tail = tr("prompt.dep.others", avg=f"{100 * _mean(others):.0f}") if others else ""
        out.append(
            tr(
                "prompt.dep",
                group=g.name,
                state=names.of(names.states[s]),
                share=f"{100 * share:.0f}",
                partner=names.of(names.partners[k]),
                dim=names.of(names.dims[d]).lower(),
                others=tail,
            )
        )
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
        out.append(
            tr(
                "prompt.dep_all",
                state=names.of(names.states[s]),
                share=f"{100 * m:.0f}",
                partner=names.of(names.partners[k]),
                dim=names.of(names.dims[d]).lower(),
            )
        )
    return out


def data_prompts(
    groups: list[Group],
    names: Names,
    diverge: dict[str, list[Step]],
    bench: Group | None,
    roles: list[str],
) -> list[str]:
    """Prompts made from the class's games. Grades, dependence, shocks and the benchmark
    compare finished games only: a game stopped after 2 of 9 turns would look better or worse
    for reasons that are not its choices. (If no game is finished, all are used, each named
    with its turns, and there is no comparison with the finished historical path.)"""
    out: list[str] = []
    done = [g for g in groups if g.finished] or groups
    # the widest spread of grades on one objective, between groups that played its role
    spread: list[tuple[int, str, str, str, str, str]] = []
    ids = {
        (o.get("role"), o.get("id")) for g in done for o in g.objectives if o.get("role") in roles
    }
    for role, oid in sorted(ids, key=str):
        got = [
            (g.name, o)
            for g in done
            if role in g.roles
            for o in g.objectives
            if o.get("role") == role and o.get("id") == oid
        ]
        if len(got) < 2:
            continue
        got.sort(key=lambda x: -GRADE_POINTS.get(str(x[1].get("grade")), 0))
        hi, lo = got[0], got[-1]
        gap = GRADE_POINTS.get(str(hi[1]["grade"]), 0) - GRADE_POINTS.get(str(lo[1]["grade"]), 0)
        if gap > 0:
            spread.append(
                (
                    gap,
                    names.objective(role, oid, hi[1].get("name", oid)),
                    hi[0],
                    str(hi[1]["grade"]),
                    lo[0],
                    str(lo[1]["grade"]),
                )
            )
    if spread:
        spread.sort(key=lambda x: -x[0])
        _, obj, a, ga, b, gb = spread[0]
        pair = [g for g in done if g.name in (a, b)]
        caveat = (
            tr("prompt.spread.levels", levels=_levels_phrase(pair))
            if len({g.difficulty for g in pair}) > 1
            else ""
        )
        out.append(
            tr("prompt.spread", objective=obj, a=a, grade_a=ga, b=b, grade_b=gb, levels=caveat)
        )
    out += dependence_prompts(done, names)[:2]
    # the first departure from history (a choice is a choice, finished game or not)
    for g in groups:
        first = next((s for s in diverge.get(g.label, []) if not s.same), None)
        if first is not None:
            out.append(
                tr(
                    f"prompt.departure.{first.kind}",
                    year=first.year,
                    group=g.name,
                    got=first.got,
                    expected=first.expected,
                    event=names.of(first.event),
                )
            )
            break
    # a shock every group felt
    series = [g.autonomy for g in done]
    n = min((len(s) for s in series), default=0)
    if n > 2:
        drops = [(_mean([s[t] - s[t - 1] for s in series]), t) for t in range(1, n)]
        worst, t = min(drops)
        if worst < -1.0:
            fired = Counter(
                e for g in done if len(g.rec.turns) >= t for e in g.rec.turns[t - 1].events
            )
            common = [e for e, c in fired.items() if c >= max(1, len(done) / 2)]
            year = done[0].rec.turns[t - 1].year
            if common:
                out.append(tr("prompt.shock.event", year=year, event=names.of(common[0])))
            else:
                out.append(tr("prompt.shock", year=year, drop=f"{worst:+.1f}"))
    # the benchmark: finished games against the finished historical path
    finished = [g for g in groups if g.finished]
    ref = next(
        (o for r in roles for o in (bench.objectives if bench else []) if o.get("role") == r), None
    )
    if ref is not None and finished:
        key = (ref.get("role"), ref.get("id"))
        better = [
            g
            for g in finished
            if ref.get("role") in g.roles
            for o in g.objectives
            if (o.get("role"), o.get("id")) == key
            and _num(o.get("value")) is not None
            and _num(ref.get("value")) is not None
            and _better(o, ref)
        ]
        ref_name = names.objective(ref.get("role"), ref.get("id"), ref.get("name"))
        if better:
            easier = [g for g in better if g.difficulty != "standard"]
            caveat = tr("prompt.better.levels", levels=_levels_phrase(easier)) if easier else ""
            out.append(
                tr(
                    "prompt.better",
                    groups=_join([g.name for g in better]),
                    objective=ref_name,
                    levels=caveat,
                )
            )
        else:
            out.append(tr("prompt.no_better", objective=ref_name))
    return out


def _levels_phrase(groups: list[Group]) -> str:
    """'Group A and Group C played at introductory difficulty, Group D at advanced'."""
    levels: dict[str, list[str]] = {}
    for g in groups:
        levels.setdefault(g.difficulty, []).append(g.name)
    parts = [
        tr("levels.first" if i == 0 else "levels.next", groups=_join(who), level=_difficulty(lvl))
        for i, (lvl, who) in enumerate(levels.items())
    ]
    return tr("levels.sep").join(parts)


def _num(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) else None


def _better(o: dict[str, Any], ref: dict[str, Any]) -> bool:
    """Clearly better than the reference: by more than a tenth of the step between two grade
    bands, so 75.27 against 75.2 on bands 5 points apart does not count as beating history."""
    bands = [float(b) for b in (o.get("bands") or [1, 0])]
    higher = bands[0] >= bands[-1]
    margin = 0.1 * abs(bands[0] - bands[-1]) / max(1, len(bands) - 1)
    a, b = float(o["value"]), float(ref["value"])
    return a > b + margin if higher else a < b - margin


def _join(xs: list[str]) -> str:
    """'A, B and C' in the report's language."""
    return xs[0] if len(xs) == 1 else tr("join.sep").join(xs[:-1]) + tr("join.and") + xs[-1]


# ------------------------------------------------------------------------------------------------
# The document (one structure, written as Markdown and as HTML)
# ------------------------------------------------------------------------------------------------
@dataclass
class Doc:
    title: str
    blocks: list[tuple[str, Any]] = field(default_factory=list)
    lang: str = DEFAULT_LANG

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
        out = [
            "<!DOCTYPE html>",
            f'<html lang="{e(self.lang)}"><head><meta charset="utf-8">',
            f"<title>{e(self.title)}</title>",
            "<style>",
            "body{font-family:'Noto Sans','Segoe UI',Arial,sans-serif;max-width:1100px;"
            "margin:2em auto;padding:0 1em;color:#1d1d1f;line-height:1.45}",
            "table{border-collapse:collapse;margin:.5em 0 1.2em}",
            "th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;"
            "vertical-align:top}th{background:#eef2f7}",
            "img{max-width:100%;border:1px solid #ccc}",
            "@media print{img{max-width:100%}h2{page-break-after:avoid}}",
            "</style></head><body>",
            f"<h1>{e(self.title)}</h1>",
        ]
        for kind, b in self.blocks:
            if kind == "h":
                out.append(f"<h2>{e(b)}</h2>")
            elif kind == "p":
                out.append(f"<p>{_inline(b)}</p>")
            elif kind in ("ul", "ol"):
                out.append(
                    f"<{kind}>" + "".join(f"<li>{_inline(x)}</li>" for x in b) + f"</{kind}>"
                )
            elif kind == "table":
                head, rows = b
                out.append(
                    "<table><tr>" + "".join(f"<th>{_inline(h)}</th>" for h in head) + "</tr>"
                )
                out += [
                    "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r) + "</tr>" for r in rows
                ]
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
    """``report RECORD... [--out DIR] [--html] [--lang en|ja|ru]``; returns the exit code."""
    with report_language(getattr(args, "lang", None)):
        return _cmd_report(args)


def _cmd_report(args: argparse.Namespace) -> int:
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
        for p in sc_paths:
            print(f"crossroads: {tr('record.scenario_file', file=p)}", file=sys.stderr)
        print(f"crossroads: {tr('cli.no_records')}", file=sys.stderr)
        return 1
    ids = Counter(rec.scenario_id for _, rec, _ in loaded)
    sid = max(ids, key=lambda k: (ids[k], -[r.scenario_id for _, r, _ in loaded].index(k)))
    if len(ids) > 1:
        for p, rec, _ in loaded:
            if rec.scenario_id != sid:
                skipped.append(tr("skip.other_scenario", file=p, id=rec.scenario_id, sid=sid))
        loaded = [x for x in loaded if x[1].scenario_id == sid]
    for s in skipped:
        print(f"crossroads: warning: {s} {tr('skip.suffix')}", file=sys.stderr)
    loaded, duplicates = drop_duplicates(loaded)

    sc = find_scenario(sid, sc_paths, sorted({p.resolve().parent for p, _, _ in loaded}), warn)
    if sc is not None:
        changed = [
            str(p)
            for p, rec, _ in loaded
            if rec.scenario_hash and sc.content_hash and rec.scenario_hash != sc.content_hash
        ]
        if changed:
            warn.append(tr("warn.changed", n=len(changed), files=_join(changed)))
    hashes = {rec.scenario_hash for _, rec, _ in loaded if rec.scenario_hash}
    if len(hashes) > 1 and sc is None:
        warn.append(tr("warn.versions"))

    groups: list[Group] = []
    for i, ((p, rec, extra), label) in enumerate(zip(loaded, group_labels(loaded))):
        g = Group(
            label, p, rec, extra, colour=PALETTE[i % len(PALETTE)], marker=MARKERS[i % len(MARKERS)]
        )
        grade_group(g, sc, warn)
        g.roles = group_roles(g, sc)
        groups.append(g)
    by_path = {g.path: g for g in groups}
    for left_out, rec, kept in duplicates:
        g = by_path[kept]
        notes.append(
            tr(
                "note.duplicate",
                group=g.name,
                left_out=left_out.name,
                kept=kept.name,
                folder=kept.parent,
                n_left=len(rec.turns),
                n_kept=len(g.rec.turns),
            )
        )
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
        notes.append(
            tr("note.unfinished", n=len(unfinished), groups=_join([g.name for g in unfinished]))
        )
    elif unfinished:
        notes.append(tr("note.none_finished"))
    for w in warn:
        print(f"crossroads: warning: {w}", file=sys.stderr)
    for n in notes:
        print(f"crossroads: note: {n}", file=sys.stderr)

    analysis = _analysis(sc, groups, names, shared, bench)
    doc = build_doc(sid, sc, groups, names, shared, bench, warn, notes, skipped, analysis)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(
            f"crossroads: {out} is a file; give a folder for the report with --out DIR",
            file=sys.stderr,
        )
        return 1
    try:
        out.mkdir(parents=True, exist_ok=True)
        png = draw_png(
            doc_summary(sid, sc, groups, names, shared, bench, analysis, skipped),
            out / "report.png",
            warn,
        )
        (out / "report.md").write_text(doc.markdown(), encoding="utf-8")
        if getattr(args, "html", False):
            (out / "report.html").write_text(doc.html(png), encoding="utf-8")
    except OSError as e:
        print(f"crossroads: cannot write the report to {out}: {e.strerror or e}", file=sys.stderr)
        return 1
    written = (
        ["report.md"]
        + (["report.png"] if png else [])
        + (["report.html"] if getattr(args, "html", False) else [])
    )
    print(
        tr(
            "cli.written",
            groups=tr("n.group", n=len(groups)),
            sid=sid,
            out=out,
            files=", ".join(written),
        )
    )
    return 0


def _by(groups: list[Group], key: Any) -> str:
    """'introductory: Group A, Group C; standard: Group B' (groups by one property)."""
    values: dict[Any, list[str]] = {}
    for g in groups:
        values.setdefault(key(g), []).append(g.name)
    return tr("by.sep").join(
        tr("by.item", value=v, groups=tr("join.sep").join(who)) for v, who in values.items()
    )


def comparability_warnings(groups: list[Group]) -> list[str]:
    """Warnings when the groups did not face the same game: different seeds (other random
    events) or different difficulties (other budgets, resistance and opponents)."""
    out = []
    if len({g.rec.seed for g in groups}) > 1:
        out.append(tr("warn.seeds", seeds=_by(groups, lambda g: g.rec.seed)))
    if len({g.difficulty for g in groups}) > 1:
        out.append(tr("warn.difficulties", levels=_by(groups, lambda g: _difficulty(g.difficulty))))
    return out


#: how the computer-played powers play at each ``rivals`` policy, in the guide's words (the
#: phrases are ``rivals.<policy>`` in the report's locale files)
RIVAL_WORDS = {
    "random": "the computer-played powers play loosely",
    "greedy": "the computer-played powers play well",
}


def difficulty_changes(level: str) -> str:
    """'+50% budget, the computer-played powers play loosely': what a level changes against
    the scenario as written, read from the one difficulty table."""
    from .play.session import DIFFICULTY

    d = DIFFICULTY.get(level)
    if d is None:
        return ""
    parts = []
    if d.budget != 1.0:
        parts.append(tr("changes.budget", pct=f"{100 * (d.budget - 1):+.0f}"))
    if d.resistance != 1.0:
        parts.append(tr("changes.resistance", factor=f"{d.resistance:g}"))
    if d.rivals:
        parts.append(
            tr(f"rivals.{d.rivals}")
            if d.rivals in RIVAL_WORDS
            else tr("rivals.other", policy=d.rivals)
        )
    return tr("join.sep").join(parts)


def like_for_like_note(groups: list[Group]) -> str:
    """Which groups' comparison with the history benchmark (replayed at standard) is unfair."""
    levels: dict[str, list[str]] = {}
    for g in groups:
        if g.difficulty != "standard" and difficulty_changes(g.difficulty):
            levels.setdefault(g.difficulty, []).append(g.name)
    if not levels:
        return ""
    parts = [
        tr("like.part", groups=_join(who), level=_difficulty(lvl), changes=difficulty_changes(lvl))
        for lvl, who in levels.items()
    ]
    return tr("like.note", parts=tr("by.sep").join(parts))


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
        played = _join([names.of(r) for r in roles if r not in lack]) or tr("role_note.none")
        out.append(
            tr(
                "role_note",
                groups=_join(who),
                played=played,
                what=what,
                was=tr("w.was", n=len(lack)),
                their_games=tr("w.its_game", n=len(who)),
                their=tr("w.its", n=len(who)),
            )
        )
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
    #: how many of history's choices each group made: (group, made, of)
    made: list[tuple[Group, int, int]] = field(default_factory=list)
    #: the first year, when every group left the historical path in it ("" otherwise): then
    #: the picture says so in one line and shows ``made`` instead of one line per group
    all_left_first: str = ""
    split: str = ""  # when the groups first chose differently from each other (short)
    split_first_year: bool = False  # ...and that was the first year
    #: how many prompts report.md lists in all (the picture shows a few and counts the rest)
    prompts_total: int = 0


@dataclass
class Analysis:
    diverge: dict[str, list[Step]]  # group label -> its steps against history
    lines: list[str]  # where the paths diverged (Markdown)
    short: list[str]  # the same, short, for the picture
    prompts: list[str]  # prompts made from the games
    made: list[tuple[Group, int, int]] = field(default_factory=list)
    all_left_first: str = ""
    split: str = ""
    split_turn: int | None = None


def _analysis(
    sc: Any, groups: list[Group], names: Names, shared: list[str], bench: Group | None
) -> Analysis:
    diverge = {g.label: compare_with_history(g, sc, names, shared) for g in groups}
    lines, short = [], []
    made_by: list[tuple[Group, int, int]] = []
    left_first: list[bool] = []  # per group with steps: it left history in the first year
    for g in groups:
        steps = diverge[g.label]
        if not steps:
            continue
        first = next((s for s in steps if not s.same), None)
        same = sum(s.same for s in steps)
        made_by.append((g, same, len(steps)))
        made = tr("div.made", same=same, total=len(steps))
        if first is None:
            left_first.append(False)
            lines.append(tr("div.all", group=g.name, same=same, total=len(steps)))
            short.append(tr("div.short.all", group=g.name, same=same, total=len(steps)))
        else:
            before = [s for s in steps if s.turn < first.turn]
            lead = "until" if before and all(s.same for s in before) else "left"
            left_first.append(lead == "left" and first.turn == 0)
            lines.append(
                tr(
                    f"div.{lead}.{first.kind}",
                    group=g.name,
                    year=first.year,
                    event=names.of(first.event),
                    got=first.got,
                    expected=first.expected,
                    made=made,
                )
            )
            short.append(tr(f"div.short.{lead}", group=g.name, year=first.year, made=made))
    all_left_first = _year_of(groups, 0) if len(left_first) > 1 and all(left_first) else ""
    split, split_turn = "", None
    if len(groups) > 1:
        t = first_split(groups, shared, names)
        split_turn = t
        stopped = [g for g in groups if not g.finished]
        tail = tr("div.stopped", groups=_join([g.name for g in stopped])) if stopped else ""
        if t is None:
            lines.append(tr("div.no_split") + tail)
            split = tr("div.short.no_split")
        else:
            year = _year_of(groups, t)
            split_pairs = [
                g
                for i, a in enumerate(groups)
                for b in groups[i + 1 :]
                if pair_split(a, b, shared, names).turn == t
                for g in (a, b)
            ]
            who = [g for g in groups if g in split_pairs]
            gone = [g for g in groups if len(g.rec.turns) <= t]
            lines.append(
                tr(
                    "div.split",
                    year=year,
                    choices=tr("div.split.sep").join(
                        tr(
                            "div.split.item",
                            group=g.name,
                            choices=turn_signature(g, t, roles_of(g, shared), names),
                        )
                        for g in groups
                        if len(g.rec.turns) > t
                    ),
                )
                + (
                    tr("div.split.gone", groups=_join([g.name for g in gone]), year=year)
                    if gone
                    else ""
                )
            )
            split = tr("div.short.split", year=year, groups=_join([g.name for g in who]))
        short.append(split)
    prompts = data_prompts(groups, names, diverge, bench, shared)
    return Analysis(diverge, lines, short, prompts, made_by, all_left_first, split, split_turn)


def _year_of(groups: list[Group], t: int) -> str:
    return next((g.rec.turns[t].year for g in groups if len(g.rec.turns) > t), str(t))


def build_doc(
    sid: str,
    sc: Any,
    groups: list[Group],
    names: Names,
    shared: list[str],
    bench: Group | None,
    warn: list[str],
    notes: list[str],
    skipped: list[str],
    analysis: Analysis,
) -> Doc:
    from .scenario.model import text_in

    lang = language()
    title = tr("doc.title", title=text_in(sc.meta.title, lang) if sc is not None else sid)
    doc = Doc(title, lang=lang)
    seeds = sorted({g.rec.seed for g in groups})
    levels = sorted({g.difficulty for g in groups}, key=DIFFICULTY_ORDER.index)
    doc.p(
        tr(
            "doc.intro",
            sid=sid,
            groups=tr("n.group", n=len(groups)),
            seeds=tr("doc.intro.seeds", n=len(seeds), list=", ".join(map(str, seeds))),
            levels=tr(
                "doc.intro.levels",
                n=len(levels),
                list=tr("join.sep").join(_difficulty(v) for v in levels),
            ),
            roles=tr("join.sep").join(names.of(r) for r in shared) or tr("doc.intro.none"),
            date=_dt.date.today().isoformat(),
        )
    )
    doc.ul(
        [tr("doc.warning", text=w) for w in warn]
        + [tr("doc.note", text=n) for n in notes]
        + [tr("doc.skipped", text=s) for s in skipped]
    )
    doc.img("report.png", tr("doc.img_alt"))

    # grades
    doc.h(tr("grades.title"))
    objs = _objective_columns(groups + ([bench] if bench else []), shared, names)
    head = [tr("col.group"), tr("col.difficulty"), tr("col.overall")] + [
        tr("col.objective", name=o[2], role=o[0]) for o in objs
    ]
    rows = []
    for g in groups + ([bench] if bench else []):
        overall = ", ".join(
            f"{r} {g.overall[r]}" for r in shared if r in g.roles and r in g.overall
        ) or ", ".join(f"{r} {v}" for r, v in g.overall.items() if not shared)
        cells = []
        for role, oid, _ in objs:
            o = next(
                (x for x in g.objectives if x.get("role") == role and x.get("id") == oid), None
            )
            cells.append(_grade_cell(o) if role in g.roles else "\u2014")
        rows.append(
            [
                f"**{g.name}**" if g is not bench else f"_{g.name}_",
                _difficulty(g.difficulty),
                overall or "\u2013",
                *cells,
            ]
        )
    doc.table(head, rows)
    doc.p(
        tr("grades.explain")
        + (
            tr("grades.explain.unfinished", example=tr("progress.of", n=2, total=9))
            if any(not g.finished for g in groups)
            else ""
        )
        + (tr("grades.explain.bench", label=bench.name, note=bench.note) if bench else "")
    )

    # key choices
    doc.h(tr("choices.title"))
    if sc is None:
        doc.p(tr("choices.no_scenario"))
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
                turn_rec = g.rec.turns[t] if len(g.rec.turns) > t else None
                acts = turn_rec.actions.get(role, []) if turn_rec else []
                any_act = any_act or bool(acts)
                txt = tr("join.sep").join(names.choice(a) for a in acts) or (
                    tr("nothing") if turn_rec else tr("choices.not_played")
                )
                if h_keys and turn_rec:
                    txt += " \u2713" if all(k in acts for k in h_keys) else " \u2717"
                cells.append(txt)
            if any_act:
                rows.append(
                    [
                        _year_of(players, t),
                        tr("join.sep").join(names.choice(k) for k in h_keys) or "\u2013",
                        *cells,
                    ]
                )
        events = sorted(
            {
                (t.turn, e)
                for g in players
                for t in g.rec.turns
                for e in t.options
                if names.chooser.get(e, role) == role
            }
        )
        for t, ev in events:
            hist_opt = names.historical_option.get(ev)
            cells = []
            for g in players:
                turn_rec = g.rec.turns[t] if len(g.rec.turns) > t else None
                opt = turn_rec.options.get(ev) if turn_rec else None
                if turn_rec is None:
                    cells.append(tr("choices.not_played"))
                elif opt is None:
                    cells.append(tr("choices.did_not_happen"))
                else:
                    mark = "" if hist_opt is None else (" \u2713" if opt == hist_opt else " \u2717")
                    cells.append(names.option(ev, opt) + mark)
            rows.append(
                [
                    f"{_year_of(players, t)} \u00b7 {names.of(ev)}",
                    names.option(ev, hist_opt) if hist_opt else "\u2013",
                    *cells,
                ]
            )
        rows.sort(key=lambda r: r[0])
        others = [g.name for g in groups if g not in players]
        doc.p(
            tr("choices.role", name=names.of(role), role=role)
            + (tr("choices.not_shown", groups=_join(others), name=names.of(role)) if others else "")
        )
        doc.table([tr("col.year"), tr("col.history"), *[g.name for g in players]], rows)

    doc.h(tr("div.title"))
    doc.ul(analysis.lines or [tr("div.none")])
    if len(groups) > 2:
        rows = []
        up_to: list[str] = []  # the years of "never (to YEAR)" cells, for the explanation's example
        for a in groups:
            row = [f"**{a.name}**"]
            for b in groups:
                row.append("\u2013" if a is b else _pair_cell(a, b, shared, names, up_to))
            rows.append(row)
        if up_to:
            doc.p(tr("pairs.explain", example=tr("pairs.never_to", year=up_to[0]), year=up_to[0]))
        else:
            doc.p(tr("pairs.explain_short"))
        doc.table(["", *[g.name for g in groups]], rows)

    doc.h(tr("autonomy.title"))
    doc.p(tr("autonomy.explain"))
    series = groups + ([bench] if bench else [])
    years = scenario_years(sc, series)
    n = max([len(years)] + [len(g.autonomy) for g in series])
    rows = [
        [
            years[t] if t < len(years) else str(t),
            *[f"{g.autonomy[t]:.1f}" if len(g.autonomy) > t else "\u2013" for g in series],
        ]
        for t in range(n)
    ]
    doc.table([tr("col.year"), *[g.name for g in series]], rows)

    doc.h(tr("prompts.title"))
    if sc is not None and sc.discussion_questions:
        doc.p(tr("prompts.scenario"))
        doc.ol([text_in(q, lang) for q in sc.discussion_questions])
    ev_prompts = _event_prompts(groups, names)
    if ev_prompts:
        doc.p(tr("prompts.events"))
        doc.ol(ev_prompts[:MAX_EVENT_PROMPTS])
        if len(ev_prompts) > MAX_EVENT_PROMPTS:
            doc.p(tr("prompts.events.more", n=len(ev_prompts) - MAX_EVENT_PROMPTS))
    unfinished = [g.name for g in groups if not g.finished]
    doc.p(
        tr("prompts.games")
        + (
            tr("prompts.games.left_out", n=len(unfinished), groups=_join(unfinished))
            if unfinished and len(unfinished) < len(groups)
            else ""
        )
    )
    doc.ol(analysis.prompts or [tr("prompts.default")])

    doc.h(tr("records.title"))
    rows = []
    for g in groups:
        people = ", ".join(g.rec.humans) or tr("records.no_people")
        pols = ", ".join(f"{k}={v}" for k, v in sorted(g.rec.policies.items())) or tr(
            "records.defaults"
        )
        rows.append(
            [
                g.name,
                str(g.path),
                str(g.rec.seed),
                _difficulty(g.difficulty),
                people,
                pols,
                tr("records.finished") if g.finished else g.note,
            ]
        )
    doc.table(
        [
            tr("col.group"),
            tr("col.file"),
            tr("col.seed"),
            tr("col.difficulty"),
            tr("col.people"),
            tr("col.policies"),
            tr("col.state"),
        ],
        rows,
    )
    return doc


DIFFICULTY_ORDER = ["introductory", "standard", "advanced"]
MAX_EVENT_PROMPTS = 5


def _pair_cell(
    a: Group, b: Group, roles: list[str], names: Names, up_to: list[str] | None = None
) -> str:
    """One cell of the "where groups split" table; ``up_to`` collects the years of "never (to
    YEAR)" cells."""
    ps = pair_split(a, b, roles, names)
    if ps.turn is not None:
        return a.rec.turns[ps.turn].year
    if not ps.common:
        return tr("pairs.no_common")
    if ps.both_played == 0:
        return tr("pairs.not_played")
    if ps.both_played < max(len(a.rec.turns), len(b.rec.turns)) or not (a.finished and b.finished):
        year = a.rec.turns[ps.both_played - 1].year
        if up_to is not None:
            up_to.append(year)
        return tr("pairs.never_to", year=year)
    return tr("pairs.never")


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
        missed = [g for g in groups if g not in who and (g.finished or len(g.rec.turns) > last)]
        chosen = {t.options.get(ev) for g in groups for t in g.rec.turns if ev in t.options}
        where = (
            tr("events.only", groups=_join([g.name for g in who]))
            if missed
            else tr("events.every_far")
            if len(who) < len(groups)
            else tr("events.every")
        )
        rank = 0 if missed else (1 if len(chosen) > 1 else 2)
        ranked.append(
            (rank, order, tr("events.prompt", event=names.of(ev), where=where, question=text))
        )
    return [t for _, _, t in sorted(ranked)]


def _objective_columns(
    groups: list[Group], roles: list[str], names: Names | None = None
) -> list[tuple[str, str, str]]:
    """(role, objective id, name) of the compared roles' objectives, role by role (all, if
    none match); the names in the report's language when ``names`` is given."""
    seen: dict[tuple[str, str], str] = {}
    for g in groups:
        for o in g.objectives:
            key = (str(o.get("role")), str(o.get("id")))
            name = o.get("name", o.get("id"))
            seen.setdefault(
                key, names.objective(key[0], key[1], name) if names is not None else str(name)
            )
    cols = [(r, i, n) for (r, i), n in seen.items()]
    chosen = [c for c in cols if c[0] in roles]
    return sorted(chosen, key=lambda c: roles.index(c[0])) or cols


def scenario_years(sc: Any, groups: list[Group]) -> list[str]:
    """'start' and the year of every turn of the scenario, so the axis runs to the scenario's
    end in its own years even when the groups stopped early; without the scenario file, the
    years of the longest record."""
    start = tr("year.start")
    if sc is not None:
        return [start] + [sc.calendar.date_of_turn(t) for t in range(sc.calendar.n_turns)]
    longest = max(groups, key=lambda g: len(g.rec.turns))
    return [start] + [t.year for t in longest.rec.turns]


def _picture_cautions(groups: list[Group], bench: Group | None, skipped: list[str]) -> list[str]:
    """The warnings, short enough for the projector (report.md has them in full)."""
    out = []
    seeds = sorted({g.rec.seed for g in groups})
    if len(seeds) > 1:
        out.append(tr("caution.seeds", seeds=", ".join(map(str, seeds))))
    levels = sorted({g.difficulty for g in groups}, key=DIFFICULTY_ORDER.index)
    if len(levels) > 1:
        out.append(tr("caution.levels", levels=tr("join.sep").join(map(_difficulty, levels))))
    if bench is not None:
        off = [lvl for lvl in levels if lvl != "standard" and difficulty_changes(lvl)]
        if off:  # short: report.md says what each level changes
            out.append(
                tr(
                    "caution.history",
                    levels=_join([tr("caution.level", level=_difficulty(lvl)) for lvl in off]),
                )
            )
    if skipped:
        out.append(tr("caution.skipped", files=tr("n.file", n=len(skipped))))
    return out


def doc_summary(
    sid: str,
    sc: Any,
    groups: list[Group],
    names: Names,
    shared: list[str],
    bench: Group | None,
    analysis: Analysis,
    skipped: list[str],
) -> Summary:
    from .scenario.model import text_in

    lang = language()
    title = text_in(sc.meta.title, lang) if sc is not None else sid
    seeds = sorted({g.rec.seed for g in groups})
    levels = sorted({g.difficulty for g in groups}, key=DIFFICULTY_ORDER.index)
    sub = " \u00b7 ".join(
        [
            tr("sub.report"),
            tr("sub.scenario", sid=sid),
            tr("n.group", n=len(groups)),
            tr("doc.intro.seeds", n=len(seeds), list=", ".join(map(str, seeds))),
            tr("join.sep").join(map(_difficulty, levels)),
            tr("sub.roles", roles=", ".join(shared) or "-"),
        ]
    )
    objs = _objective_columns(groups + ([bench] if bench else []), shared, names)
    qs = [text_in(q, lang) for q in sc.discussion_questions] if sc is not None else []
    split_first = analysis.split_turn == 0
    total = (
        len(qs)
        + min(len(_event_prompts(groups, names)), MAX_EVENT_PROMPTS)
        + max(1, len(analysis.prompts))
    )  # as listed under "Discussion" in report.md
    return Summary(
        title,
        sub,
        _picture_cautions(groups, bench, skipped),
        groups,
        bench,
        objs,
        shared,
        {r: names.of(r) for r in shared},
        scenario_years(sc, groups + ([bench] if bench else [])),
        analysis.short,
        analysis.prompts[:3] + qs[:1],
        analysis.made,
        analysis.all_left_first,
        analysis.split,
        split_first,
        total,
    )


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


#: the smallest text in the picture, in pixels (legible from the back of a classroom)
MIN_TEXT = 18
#: characters of scripts written without spaces (Japanese): a line may break between any two
_CJK = re.compile(r"[\u2e80-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: marks that never begin a line (they stay with the character before them) ...
_NO_LINE_START = set(
    "\u3001\u3002\uff0c\uff0e\u30fb\uff1a\uff1b\uff1f\uff01\uff09\u300d\u300f"
    "\u3011\u3015\u3009\u300b\u30fc\u3005\u3041\u3043\u3045\u3047\u3049\u3063"
    "\u3083\u3085\u3087\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7"
    "\u2026%\uff05"
)
#: ... and marks that never end one (they stay with the character after them)
_NO_LINE_END = set("\uff08\u300c\u300e\u3010\u3014\u3008\u300a")


def _tokens(txt: str) -> list[tuple[str, bool]]:
    """``txt`` as the units a line may break between, each with whether a space comes before
    it: the words of spaced scripts, and each character of Japanese (a closing mark stays with
    the character before it, an opening one with the character after it)."""
    out: list[tuple[str, bool]] = []
    for word in re.split(r"[ \t\r\n]+", txt.strip()):  # a no-break space joins two words
        if not word:
            continue
        units: list[str] = []
        run = ""
        for ch in word:
            if _CJK.match(ch):
                if run:
                    units.append(run)
                    run = ""
                units.append(ch)
            else:
                run += ch
        if run:
            units.append(run)
        merged: list[str] = []
        for u in units:
            if merged and (u[0] in _NO_LINE_START or merged[-1][-1] in _NO_LINE_END):
                merged[-1] += u
            else:
                merged.append(u)
        # a short bracketed note, "（平均）", is not broken either
        i = 0
        while i < len(merged):
            if merged[i].startswith("\uff08") and "\uff09" not in merged[i]:
                end = next(
                    (k for k in range(i + 1, min(len(merged), i + 6)) if "\uff09" in merged[k]),
                    None,
                )
                if end is not None and len("".join(merged[i : end + 1])) <= 6:
                    merged[i : end + 1] = ["".join(merged[i : end + 1])]
            i += 1
        out += [(u, i == 0) for i, u in enumerate(merged)]
    return out


class _Painter:
    """The one-page picture. Layout, top to bottom: the title, the subtitle and any cautions;
    the grades across the whole width (one column per objective of every compared role, one
    overall column per role); then the autonomy chart on the left and, on the right, where the
    paths diverged and the prompts to discuss.

    Every text is at least ``MIN_TEXT`` pixels, for the back of a classroom. Nothing is cut
    off silently: text wraps; a column heading too long for its column is shortened
    deliberately (the part before a colon or a bracket), or, when the columns are too narrow
    for any heading, the columns are numbered and a key under the table names them; a footnote
    says that report.md has the full names; a name that does not fit even so ends in "…" and a
    footnote says so; lines or prompts that do not fit are counted in a "more in report.md"
    line."""

    W, H = 1600, 1000
    M = 40  # margin
    INK = (29, 29, 31)
    MUTED = (88, 92, 97)
    GRID = (222, 226, 231)
    CAUTION = (176, 64, 0)
    LABEL_W = 330  # the grades table's first column: the groups' names
    OVERALL_W = 72  # one overall-grade column per role
    CHART_W = 640  # the autonomy chart, bottom left; the notes and prompts take the rest

    def __init__(self, pygame: Any, s: Summary) -> None:
        from .glyphs import SHIPPED_FONTS

        self.pg = pygame
        self.s = s
        reg, bold = SHIPPED_FONTS["regular"], SHIPPED_FONTS["bold"]
        self._files = {
            False: str(reg) if reg.is_file() else None,
            True: str(bold) if bold.is_file() else None,
        }
        self._cache: dict[tuple[int, bool], Any] = {}
        self.surf = pygame.Surface((self.W, self.H))
        self.surf.fill((255, 255, 255))
        self.cut = False  # some text ended in "…" (a footnote says so)
        self.cut_noted = False  # ...and the footnote said so
        self.note_cut = False

    # ---- text ----------------------------------------------------------------------------------
    def font(self, size: int, bold: bool = False) -> Any:
        size = max(MIN_TEXT, size)
        key = (size, bold)
        if key not in self._cache:
            f = self.pg.font.Font(self._files[bold], size)
            if self._files[bold] is None and bold:
                f.set_bold(True)
            self._cache[key] = f
        return self._cache[key]

    def fit_size(
        self, txt: str, max_w: int, size: int, bold: bool = False, smallest: int | None = None
    ) -> int:
        """The largest font size from ``size`` down to ``smallest`` (never below
        ``MIN_TEXT``) at which ``txt`` fits."""
        smallest = max(MIN_TEXT, smallest or int(size * 0.7))
        size = max(size, smallest)
        while size > smallest and self.font(size, bold).size(txt)[0] > max_w:
            size -= 1
        return size

    def text(
        self,
        x: int,
        y: int,
        txt: str,
        size: int = 18,
        bold: bool = False,
        colour: tuple[int, int, int] | None = None,
        max_w: int | None = None,
        anchor: str = "topleft",
    ) -> int:
        """One line of text. With ``max_w`` it is first made smaller to fit (down to 70% of
        its size, never below ``MIN_TEXT``); a text that does not fit even so ends in an
        ellipsis, and the footnote under the grades says so."""
        size = max(MIN_TEXT, size)
        if max_w is not None:
            size = self.fit_size(txt, max_w, size, bold)
            f = self.font(size, bold)
            if f.size(txt)[0] > max_w:
                while txt and f.size(txt + "\u2026")[0] > max_w:
                    txt = txt[:-1]
                txt += "\u2026"
                self.cut = True
        img = self.font(size, bold).render(txt, True, colour or self.INK)
        r = img.get_rect(**{anchor: (x, y)})
        self.surf.blit(img, r)
        return r.bottom

    def lines(
        self, txt: str, width: int, size: int, bold: bool = False, indent: int = 0
    ) -> list[str]:
        """``txt`` broken into lines of at most ``width`` pixels, between words (between
        characters in Japanese, see ``_tokens``); a word longer than a line is broken too.
        ``indent`` is taken off every line's width (a bullet's)."""
        f = self.font(size, bold)
        width = max(8, width - indent)
        units: list[tuple[str, bool]] = []
        for u, space in _tokens(txt):
            while f.size(u)[0] > width and len(u) > 1:
                i = len(u) - 1
                while i > 1 and f.size(u[:i])[0] > width:
                    i -= 1
                units.append((u[:i], space))
                u, space = u[i:], False
            units.append((u, space))
        out: list[str] = []
        cur = ""
        for u, space in units:
            trial = f"{cur}{' ' if space else ''}{u}" if cur else u
            if f.size(trial)[0] <= width or not cur:
                cur = trial
            else:
                out.append(cur)
                cur = u
        if cur:
            out.append(cur)
        return out

    def wrap(
        self,
        x: int,
        y: int,
        txt: str,
        width: int,
        size: int = 18,
        bold: bool = False,
        colour: tuple[int, int, int] | None = None,
        bullet: str = "",
        bottom: int | None = None,
    ) -> int | None:
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

    def marker(
        self, kind: str, c: tuple[int, int], colour: tuple[int, int, int], r: int = 6
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
            self.marker(g.marker, c, g.colour, 7)
        else:
            _dashed(self.pg, self.surf, g.colour, (c[0] - 10, c[1]), (c[0] + 10, c[1]), 5)

    # ---- the page ------------------------------------------------------------------------------
    def paint(self, path: Path) -> None:
        self.page(False)
        if self.cut and not self.cut_noted:  # a name was shortened below the grades' footnote
            self.surf.fill((255, 255, 255))
            self.page(True)
        self.pg.image.save(self.surf, str(path))

    def page(self, note_cut: bool) -> None:
        """Draw the page; ``note_cut``: say in the grades' footnote that some text ends in
        "…" even if none of the grades table's does."""
        s, pg, M = self.s, self.pg, self.M
        self.cut, self.cut_noted, self.note_cut = False, False, note_cut
        width = self.W - 2 * M
        size = self.fit_size(s.title, width, 38, True, 28)
        y = self.wrap(M, 20, s.title, width, size, True) or 70
        y = (self.wrap(M, y + 2, s.subtitle, width, 20, colour=self.MUTED) or y) + 2
        if s.cautions:  # one paragraph: two short cautions share a line
            y = (
                self.wrap(
                    M, y + 2, tr("pic.caution.sep").join(s.cautions), width, 18, True, self.CAUTION
                )
                or y
            )
        y += 10
        pg.draw.line(self.surf, self.GRID, (M, y), (self.W - M, y), 2)
        y = self.grades(M, y + 12, width) + 10
        pg.draw.line(self.surf, self.GRID, (M, y), (self.W - M, y), 2)
        y += 12
        self.chart(M, y, self.CHART_W, self.H - 16 - y)
        notes_x = M + self.CHART_W + 50
        self.notes_column(notes_x, y, self.W - M - notes_x, self.H - 16)

    def headings(
        self, objs: list[tuple[str, str, str]], col: int, size: int
    ) -> tuple[list[list[str]], bool, bool]:
        """Each objective column's heading as lines (at most 3), whether any was shortened,
        and whether all fit. A name that does not fit is replaced by the first shorter form
        that fits and differs from the role's other headings: without its brackets; the part
        before its colon ("Budget discipline"); that part with the words that tell it from a
        sibling of the same start ("The Belt: trade", "The Belt: transport links"); the part
        after it. When some heading fits in no form (its words are wider than the column),
        the caller numbers the columns instead."""
        shortened, out = False, []
        forms = [
            _short_forms(name, [n for r, _, n in objs if r == role and n != name])
            for role, _, name in objs
        ]
        f = self.font(size, True)
        for j, (role, _, name) in enumerate(objs):
            others = {
                fm for k, (r, _, _) in enumerate(objs) if r == role and k != j for fm in forms[k]
            }
            pick = next(
                (
                    c
                    for c in forms[j]
                    if len(self.lines(c, col - 8, size, True)) <= 3
                    and all(f.size(u)[0] <= col - 8 for u, _ in _tokens(c))  # unbroken
                    and (c == name or c not in others)
                ),
                None,
            )
            if pick is None:
                return [], True, False
            shortened = shortened or pick != name
            out.append(self.lines(pick, col - 8, size, True))
        return out, shortened, True

    def grades(self, x: int, y: int, width: int) -> int:
        """The grades table across the page; returns the y below it (and its footnotes)."""
        s, pg = self.s, self.pg
        rows = s.groups + ([s.bench] if s.bench else [])
        roles = s.roles or sorted({r for g in rows for r in g.overall})
        label_w, ov_col = self.LABEL_W, self.OVERALL_W
        ov_w = ov_col * max(1, len(roles))
        objs = s.objectives
        col = (width - label_w - ov_w - 12) // max(1, len(objs))
        hsize = 18
        lh = self.font(hsize, True).get_linesize()
        # the objective columns' headings: names, else numbers with a key under the table,
        # else (columns too narrow even for grades) none, and a footnote
        mode, shortened = "none", False
        heads: list[list[str]] = []
        if objs and col >= 96:
            heads, shortened, fits = self.headings(objs, col, hsize)
            mode = "names" if fits else "numbers"
        elif objs and col >= 60:
            mode = "numbers"
        if mode == "numbers" and col > 82:  # numbered columns need less: the names get it
            label_w = min(480, label_w + (col - 82) * len(objs))
            col = (width - label_w - ov_w - 12) // len(objs)
        show_values = (mode == "names" and col >= 100) or (mode == "numbers" and col >= 78)
        if mode == "none":
            col = 0
        ox = x + label_w  # overall columns start here
        bx = ox + ov_w + 12  # objective columns start here
        head_h = max(len(h) for h in heads) * lh if mode == "names" else lh
        band_y = y
        self.text(x, band_y - 4, tr("pic.grades"), 26, True)
        self.text(
            ox + ov_w // 2,
            band_y,
            tr("pic.overall"),
            18,
            True,
            self.MUTED,
            anchor="midtop",
            max_w=ov_w + 8,
        )
        base = y + 28 + head_h  # the headings' bottom line
        for j, r in enumerate(roles):
            self.text(
                ox + ov_col * j + ov_col // 2, base, r, 18, True, self.MUTED, anchor="midbottom"
            )
        if mode != "none":
            for r in roles:
                idx = [j for j, o in enumerate(objs) if o[0] == r]
                if not idx:
                    continue
                x0, x1 = bx + idx[0] * col, bx + (idx[-1] + 1) * col
                role_name = s.role_names.get(r, r)
                band = role_name if role_name == r else f"{role_name} ({r})"
                self.text(
                    (x0 + x1) // 2, band_y, band, 18, True, max_w=x1 - x0 - 8, anchor="midtop"
                )
                pg.draw.line(self.surf, self.GRID, (x0 + 4, band_y + 25), (x1 - 4, band_y + 25), 2)
            for j in range(len(objs)):
                cx = bx + j * col + col // 2
                if mode == "names":
                    hl = heads[j]
                    for i, line in enumerate(hl):
                        self.text(
                            cx,
                            base - (len(hl) - i) * lh,
                            line,
                            hsize,
                            True,
                            self.MUTED,
                            anchor="midtop",
                        )
                else:
                    self.text(cx, base, str(j + 1), 20, True, self.MUTED, anchor="midbottom")
        y = base + 6
        pg.draw.line(self.surf, self.GRID, (x, y), (x + width, y), 1)
        # the rows: the name and, under it, what tells this group's game from the others'
        subs = [self.row_subtitle(g) for g in rows]
        heights = [50 if sub else 38 for sub in subs]
        compact = sum(heights) > 330  # many groups: the subtitle on the name's line
        if compact:
            heights = [max(28, min(34, 300 // len(rows)))] * len(rows)
        for g, sub, rh in zip(rows, subs, heights):
            cy = y + rh // 2
            self.key(g, (x + 11, cy))
            bold = g is not s.bench
            colour = self.MUTED if g is s.bench else self.INK
            if sub and not compact:
                self.text(
                    x + 30, cy - 12, g.name, 20, bold, colour, max_w=label_w - 40, anchor="midleft"
                )
                self.text(
                    x + 30,
                    cy + 13,
                    sub,
                    18,
                    False,
                    self.MUTED,
                    max_w=label_w - 40,
                    anchor="midleft",
                )
            else:
                self.text(
                    x + 30,
                    cy,
                    f"{g.name} \u00b7 {sub}" if sub else g.name,
                    20,
                    bold,
                    colour,
                    max_w=label_w - 40,
                    anchor="midleft",
                )
            for j, r in enumerate(roles):
                cx = ox + ov_col * j + ov_col // 2
                if r in g.roles and r in g.overall:
                    grade = g.overall[r]
                    self.text(cx, cy, grade, 24, True, _grade_colour(grade), anchor="center")
                else:
                    self.text(cx, cy, "\u2014", 20, colour=self.MUTED, anchor="center")
            for j, (role, oid, _) in enumerate(objs if mode != "none" else []):
                cx = bx + j * col + col // 2
                o = next(
                    (q for q in g.objectives if q.get("role") == role and q.get("id") == oid), None
                )
                if o is None or role not in g.roles:
                    self.text(cx, cy, "\u2014", 20, colour=self.MUTED, anchor="center")
                    continue
                v = _num(o.get("value"))
                gtxt = str(o.get("grade", "?"))
                img = self.font(22, True).render(gtxt, True, _grade_colour(gtxt))
                val = self.font(18).render(
                    f" {v:g}" if v is not None and show_values else "", True, self.MUTED
                )
                total = img.get_width() + val.get_width()
                self.surf.blit(img, img.get_rect(midleft=(cx - total // 2, cy)))
                self.surf.blit(
                    val, val.get_rect(midleft=(cx - total // 2 + img.get_width(), cy + 2))
                )
            y += rh
            pg.draw.line(self.surf, self.GRID, (x, y), (x + width, y), 1)
        if mode == "numbers":  # the key to the numbered columns: a line a role if it can be
            y += 4
            keys = self.column_key(objs, roles, width)
            shortened = shortened or keys != self.column_key(objs, roles, width, full=True)
            for line in keys:
                y = self.wrap(x, y, line, width, 18, colour=self.MUTED) or y
        foot = []
        if any(r not in g.roles for g in rows for r in roles):
            foot.append(tr("pic.foot.dash"))
        if any(not g.finished for g in rows):
            foot.append(tr("pic.foot.unfinished"))
        if shortened:
            foot.append(tr("pic.foot.shortened"))
        if objs and mode == "none":
            foot.append(tr("pic.foot.too_many", objectives=tr("n.objective", n=len(objs))))
        elif objs and not show_values:
            foot.append(tr("pic.foot.values"))
        if self.cut or self.note_cut:
            foot.append(tr("pic.foot.cut"))
            self.cut_noted = True
        if foot:
            y = (
                self.wrap(
                    x,
                    y + 4,
                    tr("pic.foot.sep").join(foot) + tr("pic.foot.end"),
                    width,
                    18,
                    colour=self.MUTED,
                )
                or y
            )
        return y

    def column_key(
        self, objs: list[tuple[str, str, str]], roles: list[str], width: int, full: bool = False
    ) -> list[str]:
        """The key to numbered objective columns, one entry a role: "Japan: 1 Balanced region
        (average autonomy of the five) · 2 ...", with the objectives' full names when that
        takes one line a role (or ``full``), else with their short forms (see ``headings``)."""

        def key(names: list[str]) -> list[str]:
            out = []
            for r in roles:
                idx = [j for j, o in enumerate(objs) if o[0] == r]
                if idx:
                    items = tr("pic.key.sep").join(
                        tr("pic.key.item", n=j + 1, name=names[j]) for j in idx
                    )
                    out.append(tr("pic.key", role=self.s.role_names.get(r, r), items=items))
            return out

        names = [n for _, _, n in objs]
        long_key = key(names)
        if full or all(len(self.lines(line, width, 18)) == 1 for line in long_key):
            return long_key
        short = []
        for role, _, name in objs:
            siblings = [n for r, _, n in objs if r == role and n != name]
            forms = _short_forms(name, siblings)
            taken = {
                f
                for n in siblings
                for f in _short_forms(n, [m for m in siblings + [name] if m != n])
            }
            after = _name_parts(name)[1]  # alone, the part after the colon says too little
            short.append(next((f for f in reversed(forms) if f not in taken and f != after), name))
        return key(short)

    def row_subtitle(self, g: Group) -> str:
        """What tells a group's game from the others' (its difficulty, seed and roles, where
        the groups differ in them: the subtitle above gives what they share); for the
        benchmark, its difficulty and seed. '' when there is nothing to tell."""
        groups = self.s.groups
        differ = {
            "level": len({h.difficulty for h in groups}) > 1,
            "seed": len({h.rec.seed for h in groups}) > 1,
            "roles": len(self.s.roles) > 1 and len({tuple(h.rec.humans) for h in groups}) > 1,
        }
        if g is self.s.bench:
            return (
                tr("pic.bench_sub", level=_difficulty(g.difficulty), seed=g.rec.seed)
                if any(differ.values()) or {h.difficulty for h in groups} != {"standard"}
                else ""
            )
        parts = []
        if differ["level"]:
            parts.append(_difficulty(g.difficulty))
        if differ["seed"]:
            parts.append(tr("pic.seed", seed=g.rec.seed))
        if differ["roles"] and g.rec.humans:
            parts.append(tr("pic.played", roles=", ".join(g.rec.humans)))
        return " \u00b7 ".join(parts)

    def notes_column(self, x: int, y: int, w: int, bottom: int) -> None:
        """Where the paths diverged, then the prompts; whatever does not fit is counted."""
        s = self.s
        f = self.font(18)
        lh = f.get_linesize()
        self.text(x, y, tr("div.title"), 24, True)
        yy = y + 36
        # the paths take at most about half the height, and always leave room for the heading
        # "Discuss", the first prompt and the line that counts the others
        first = len(self.lines(s.prompts[0], w, 18, indent=f.size("1. ")[0])) if s.prompts else 1
        reserve = 4 + 10 + 36 + first * lh + 5 + (lh if len(s.prompts) > 1 else 0) + 4
        div_bottom = max(yy + lh, min(y + (bottom - y) * 48 // 100, bottom - reserve))
        if s.all_left_first and s.made:
            # every group left history in the first year: one line says so, and the space goes
            # to what differs - how many of history's choices each group made
            div_bottom = max(yy + lh, bottom - reserve)
            yy = self.wrap(x, yy, tr("pic.all_left_first", year=s.all_left_first), w, 18) or yy
            title = tr("pic.made_title")
            if yy + 2 + (len(self.lines(title, w, 18)) + 1) * lh > div_bottom:
                # not even one bar fits: say where the figures are
                yy = self.wrap(x, yy + 2, tr("pic.made_elsewhere"), w, 18, colour=self.MUTED) or yy
            else:
                yy = self.wrap(x, yy + 2, title, w, 18, colour=self.MUTED) or yy
                yy = self.made_bars(x, yy + 2, w, div_bottom)
            if s.split and not s.split_first_year:
                yy = self.wrap(x, yy + 4, s.split, w, 18, bottom=div_bottom) or yy
            yy += 4
        else:
            shown = 0
            for line in s.divergence:
                end = self.wrap(x, yy, line, w, 18, bullet="\u2022 ", bottom=div_bottom)
                if end is None:
                    break
                yy, shown = end + 3, shown + 1
            if shown < len(s.divergence):
                yy = (
                    self.text(
                        x,
                        yy,
                        tr("pic.more_lines", n=len(s.divergence) - shown),
                        18,
                        colour=self.MUTED,
                    )
                    + 4
                )
            if not s.divergence:
                yy = self.text(x, yy, tr("div.none"), 18, colour=self.MUTED) + 4
        yy += 10
        self.text(x, yy, tr("pic.discuss"), 24, True)
        yy += 36
        shown = 0
        for i, q in enumerate(s.prompts, 1):
            end = self.wrap(
                x, yy, q, w, 18, bullet=f"{i}. ", bottom=bottom - (lh if i < len(s.prompts) else 0)
            )
            if end is None:
                break
            yy, shown = end + 5, shown + 1
        rest = max(s.prompts_total, len(s.prompts)) - shown
        if rest > 0:
            self.text(x, yy, tr("pic.more_prompts", n=rest), 18, colour=self.MUTED)

    def made_bars(self, x: int, y: int, w: int, bottom: int) -> int:
        """How many of history's choices each group made, a bar a group (two groups a row
        when there are many); in a line or two of text when the bars do not fit above
        ``bottom``; what does not fit even so is counted. Returns the y below."""
        s, f = self.s, self.font(18)
        lh = f.get_linesize()
        cols = 2 if len(s.made) > 4 else 1
        col_w = (w - 30 * (cols - 1)) // cols
        num_w = max(f.size(tr("pic.made", same=m, total=t))[0] for _, m, t in s.made) + 12
        name_w = min(max(f.size(g.name)[0] for g, _, _ in s.made) + 44, col_w // 2)
        row = 24
        need = -(-len(s.made) // cols)
        fit = max(0, (bottom - y) // row)
        if fit < need:
            fit = max(0, (bottom - y - lh) // row)  # room for the "more" line
        shown = s.made[: min(need, fit) * cols]
        if len(shown) < len(s.made):
            inline = tr("pic.key.sep").join(
                tr("pic.made_inline", group=g.name, made=tr("pic.made", same=m, total=t))
                for g, m, t in s.made
            )
            end = self.wrap(x, y, inline, w, 18, bottom=bottom)
            if end is not None:
                return end
        for i, (g, same, total) in enumerate(shown):
            x0, cy = x + (i % cols) * (col_w + 30), y + (i // cols) * row + row // 2
            self.key(g, (x0 + 11, cy))
            self.text(x0 + 28, cy, g.name, 18, colour=self.INK, max_w=name_w - 40, anchor="midleft")
            bx0, bx1 = x0 + name_w, x0 + col_w - num_w
            self.pg.draw.rect(self.surf, self.GRID, (bx0, cy - 7, bx1 - bx0, 14))
            if total:
                fill = int((bx1 - bx0) * same / total)
                if fill:
                    self.pg.draw.rect(self.surf, g.colour, (bx0, cy - 7, fill, 14))
            self.text(
                x0 + col_w,
                cy,
                tr("pic.made", same=same, total=total),
                18,
                colour=self.MUTED,
                anchor="midright",
            )
        y += -(-len(shown) // cols) * row
        if len(shown) < len(s.made):
            y = self.text(
                x, y, tr("pic.more_lines", n=len(s.made) - len(shown)), 18, colour=self.MUTED
            )
        return y

    def chart(self, x: int, y: int, w: int, h: int) -> None:
        s, pg = self.s, self.pg
        self.text(x, y, tr("autonomy.title"), 24, True)
        series = [(g, g.autonomy) for g in s.groups] + (
            [(s.bench, s.bench.autonomy)] if s.bench else []
        )
        vals = [v for _, a in series for v in a]
        if not vals:
            return
        # the legend first (it wraps), so the plot gets the rest of the height
        items = [(g, g.name) for g, _ in series]
        f = self.font(18)
        legend_rows, lx = 1, 0
        for _, lab in items:
            wl = min(f.size(lab)[0], w - 60) + 46
            if lx and lx + wl > w - 56:
                legend_rows, lx = legend_rows + 1, 0
            lx += wl + 12
        # a legend of more than two lines would squeeze the plot: the grades table's rows,
        # with the same markers and colours, are the legend then
        legend = legend_rows <= 2
        legend_h = legend_rows * 26 if legend else 26
        lo, hi = min(vals), max(vals)
        step = 5 if hi - lo <= 30 else 10
        lo = step * int(lo // step)
        hi = step * (int(hi // step) + 1)
        px, py = x + 56, y + 44
        pw, ph = w - 72, max(40, h - 44 - 34 - legend_h - 6)
        n = max([len(s.years)] + [len(a) for _, a in series])

        def X(t: int) -> int:
            return px + (int(pw * t / (n - 1)) if n > 1 else pw // 2)

        def Y(v: float) -> int:
            return py + int(ph * (hi - v) / (hi - lo))

        v = lo
        while v <= hi + 1e-9:
            pg.draw.line(self.surf, self.GRID, (px, Y(v)), (px + pw, Y(v)), 1)
            self.text(px - 8, Y(v), f"{v:g}", 18, colour=self.MUTED, anchor="midright")
            v += step
        pg.draw.line(self.surf, self.MUTED, (px, py + ph), (px + pw, py + ph), 2)
        # the scenario's years along the axis, thinned so the labels never overlap
        label_w = max(self.font(18).size(t)[0] for t in s.years) + 12 if s.years else 40
        every = max(1, -(-label_w * n // max(1, pw)))
        ticks = list(range(0, n, every))
        if n > 1 and ticks[-1] != n - 1:  # the last year is always labelled
            if X(n - 1) - X(ticks[-1]) < label_w and len(ticks) > 1:
                ticks[-1] = n - 1  # instead of a label it would touch
            else:
                ticks.append(n - 1)
        for t in ticks:
            self.text(
                X(t),
                py + ph + 6,
                s.years[t] if t < len(s.years) else str(t),
                18,
                colour=self.MUTED,
                anchor="midtop",
            )
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
        if not legend:
            self.text(
                px,
                ly + 11,
                tr("pic.legend_as_table"),
                18,
                colour=self.MUTED,
                anchor="midleft",
                max_w=x + w - px,
            )
            return
        for g, lab in items:
            wl = min(f.size(lab)[0], w - 60) + 46
            if lx > px and lx + wl > x + w:
                lx, ly = px, ly + 26
            if g.marker != "none":
                pg.draw.line(self.surf, g.colour, (lx, ly + 11), (lx + 26, ly + 11), 3)
                self.marker(g.marker, (lx + 13, ly + 11), g.colour, 5)
            else:
                _dashed(pg, self.surf, g.colour, (lx, ly + 11), (lx + 26, ly + 11))
            self.text(lx + 32, ly + 11, lab, 18, anchor="midleft", max_w=w - 60)
            lx += wl + 12


def _name_parts(name: str) -> tuple[str, str, str]:
    """An objective's name without its brackets, split at its colon: (before, after, the
    colon). Brackets and colons may be ASCII or full-width (Japanese names)."""
    plain = re.sub(r"\s*[(\uff08][^)\uff09]*[)\uff09]", "", name).strip()
    m = re.search(r"[:\uff1a]", plain)
    if m is None:
        return plain, "", ""
    return plain[: m.start()].strip(), plain[m.end() :].strip(), m.group()


def _short_forms(name: str, siblings: list[str]) -> list[str]:
    """An objective's name, then shorter forms of it, longest first (see ``headings``)."""
    parts = _name_parts
    plain = re.sub(r"\s*[(\uff08][^)\uff09]*[)\uff09]", "", name).strip()
    before, after, colon = parts(name)
    out = [name, plain, before]
    same_start = [parts(n)[1].split() for n in siblings if after and parts(n)[0] == before]
    # drop the words the siblings' second parts share with this one ("The Belt: trade"; not
    # in a language whose words change with their case, where the rest would not read)
    if same_start and tr("pic.short.drop_words") == "yes":
        words = after.split()
        common = max(
            next((i for i, (a, b) in enumerate(zip(words, w)) if a != b), min(len(words), len(w)))
            for w in same_start
        )
        if words[common:]:
            sep = f"{colon} " if colon == ":" else colon
            out.append(f"{before}{sep}{' '.join(words[common:])}")
    out.append(after)
    return list(dict.fromkeys(f for f in out if f))  # without repeats, in order


def _dashed(
    pg: Any,
    surf: Any,
    colour: tuple[int, int, int],
    a: tuple[int, int],
    b: tuple[int, int],
    dash: int = 8,
) -> None:
    (x0, y0), (x1, y1) = a, b
    length = max(1.0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
    n = int(length // dash)
    for i in range(0, n + 1, 2):
        t0, t1 = i * dash / length, min(1.0, (i + 1) * dash / length)
        pg.draw.line(
            surf,
            colour,
            (x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0),
            (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1),
            3,
        )


def _grade_colour(g: str) -> tuple[int, int, int]:
    return {
        "A": (0, 120, 80),
        "B": (0, 100, 160),
        "C": (150, 110, 0),
        "D": (190, 90, 0),
        "F": (180, 40, 40),
    }.get(g, (60, 60, 60))
