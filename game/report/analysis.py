"""What the class report says about the groups' games: their grades (replayed for an
unfinished save), the roles compared, each group's choices against the scenario's history,
where the groups' paths split, the history benchmark, and the discussion prompts made from the
games.

A game that stopped early is not graded: grades are given at the end of a game, and after 2 of
9 turns most of a group's choices have not had their effect yet (an unspent budget would look
like discipline). The report shows its values in the year it stopped, and leaves it out of the
comparisons of results (grades, dependence, shocks, the benchmark). Two groups are compared
only in the turns and roles both played.

The "History (replayed)" benchmark is fixed for a scenario and seed: ``play SCENARIO
--headless --seed N`` (the scenario as written, the playable roles following the recorded
history), whatever the groups played. *Like for like* (``difficulty_warnings``): groups are
compared with each other when they played at the same difficulty, and with history when they
played the scenario as shipped - at its own default difficulty (``meta.difficulty``, which the
window starts with) or as written (standard, the benchmark's own level).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..engine.record import GameRecord, SaveError, record_years, value_years
from ..kit.i18n import DEFAULT_LANG
from .i18n import difficulty_name, join, language, number, percent, tr
from .records import difficulty_of

GRADE_POINTS = {"A": 4, "B": 3, "C": 2, "D": 1, "F": 0}
ROW = "ROW"
DIFFICULTY_ORDER = ["introductory", "standard", "advanced"]
MAX_EVENT_PROMPTS = 5


@dataclass
class Group:
    label: str
    path: Path
    rec: GameRecord
    overall: dict[str, str] = field(default_factory=dict)
    objectives: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = True
    note: str = ""
    roles: list[str] = field(default_factory=list)
    index: int | None = 0  # the group's place on the command line; None: the benchmark
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
    def stopped_year(self) -> str:
        """The year whose values an unfinished game shows (the end of its last turn)."""
        return self.rec.turns[-1].year if self.rec.turns else ""

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


class Names:
    """Display names and the order of states, partners and dimensions in the records' values."""

    def __init__(self, sc: Any, given: dict[str, list[str]], n_states: int) -> None:
        from ..scenario.model import text_in

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


def _mean(xs: list[float]) -> float:
    return float(sum(xs) / len(xs)) if xs else 0.0


def grade_group(g: Group, sc: Any, warn: list[str]) -> None:
    """Fill in the grades from the record; for an unfinished save, no grades (a game is graded
    at its end) but its objectives' values in the year it stopped, by replaying it."""
    grades = g.rec.grades or {}
    overall = grades.get("overall") if isinstance(grades, dict) else None
    objs = grades.get("objectives") if isinstance(grades, dict) else None
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
    from ..play.session import Session

    try:
        s = Session.replay(sc, g.rec)
    except SaveError as e:
        warn.append(tr("warn.cannot_grade", file=g.path, error=e))
        return
    # the values as the game stood; no letter: the bands are for the end of the game
    g.objectives = [{k: v for k, v in o.items() if k != "grade"} for o in s.objectives()]
    g.note += tr("note.values_of", year=g.stopped_year) if g.stopped_year else ""


def without_grades(g: Group, roles: list[str]) -> dict[str, str]:
    """The overall grade each of ``roles`` gets in the group's counterfactual (the same game
    with the group's roles doing nothing; the record's optional ``counterfactual``, docs/
    records.md) after as many turns as the group played; only roles that did nothing there,
    and {} for a record without one (older saves)."""
    cf = g.rec.counterfactual if isinstance(g.rec.counterfactual, dict) else {}
    passive = cf.get("passive")
    passive = passive if isinstance(passive, list) else []
    turns = cf.get("turns")
    turns = turns if isinstance(turns, list) else []
    n = len(g.rec.turns)
    last = next((t for t in turns if isinstance(t, dict) and t.get("turn") == n), None)
    grades = last.get("grades") if isinstance(last, dict) else None
    if not isinstance(grades, dict):
        return {}
    return {r: str(grades[r]) for r in roles if r in passive and r in grades}


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
    if not 0 <= turn < len(g.rec.turns):  # a record's turns are numbered 0, 1, 2, ...
        return None
    turn_rec = g.rec.turns[turn]
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
    from ..play.history import default_headless_policies, history_session

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
        index=None,
        total_turns=sc.calendar.n_turns,
    )
    followed = [r for r, p in pols.items() if p == "historical"]
    g.note = tr("bench.note", n=len(followed), roles=join(followed), seed=seed, sid=sc.meta.id)
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
        tail = tr("prompt.dep.others", avg=percent(100 * _mean(others))) if others else ""
        out.append(
            tr(
                "prompt.dep",
                group=g.name,
                state=names.of(names.states[s]),
                share=percent(100 * share),
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
                share=percent(100 * m),
                partner=names.of(names.partners[k]),
                dim=names.of(names.dims[d]).lower(),
            )
        )
    return out


def compared_games(groups: list[Group]) -> list[Group]:
    """The games whose results are compared with each other: the finished ones; if no game
    finished, those that got furthest (the same number of turns)."""
    done = [g for g in groups if g.finished]
    if done:
        return done
    most = max(len(g.rec.turns) for g in groups)
    return [g for g in groups if len(g.rec.turns) == most]


def data_prompts(
    sc: Any,
    groups: list[Group],
    names: Names,
    diverge: dict[str, list[Step]],
    bench: Group | None,
    roles: list[str],
) -> list[str]:
    """Prompts made from the class's games. Grades, dependence, shocks and the benchmark
    compare finished games only: a game stopped after 2 of 9 turns would look better or worse
    for reasons that are not its choices. (If no game is finished, the games that got
    furthest are compared with each other, each named with its turns; they have no grades and
    no comparison with the finished historical path.)"""
    out: list[str] = []
    done = compared_games(groups)
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
            if o.get("role") == role and o.get("id") == oid and o.get("grade") is not None
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
            tr("prompt.spread.levels", levels=levels_phrase(pair))
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
                out.append(tr("prompt.shock", year=year, drop=number(worst, 1, sign=True)))
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
            and as_number(o.get("value")) is not None
            and as_number(ref.get("value")) is not None
            and _better(o, ref)
        ]
        ref_name = names.objective(ref.get("role"), ref.get("id"), ref.get("name"))
        if better:
            shipped = shipped_levels(sc)
            easier = [g for g in better if g.difficulty not in shipped]
            caveat = tr("prompt.better.levels", levels=levels_phrase(easier)) if easier else ""
            out.append(
                tr(
                    "prompt.better",
                    groups=join([g.name for g in better]),
                    objective=ref_name,
                    levels=caveat,
                )
            )
        else:
            out.append(tr("prompt.no_better", objective=ref_name))
    return out


def levels_phrase(groups: list[Group]) -> str:
    """'Group A and Group C played at introductory difficulty, Group D at advanced'."""
    levels: dict[str, list[str]] = {}
    for g in groups:
        levels.setdefault(g.difficulty, []).append(g.name)
    parts = [
        tr(
            "levels.first" if i == 0 else "levels.next",
            groups=join(who),
            level=difficulty_name(lvl),
        )
        for i, (lvl, who) in enumerate(levels.items())
    ]
    return tr("levels.sep").join(parts)


def as_number(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) else None


def _better(o: dict[str, Any], ref: dict[str, Any]) -> bool:
    """Clearly better than the reference: by more than a tenth of the step between two grade
    bands, so 75.27 against 75.2 on bands 5 points apart does not count as beating history."""
    bands = [float(b) for b in (o.get("bands") or [1, 0])]
    higher = bands[0] >= bands[-1]
    margin = 0.1 * abs(bands[0] - bands[-1]) / max(1, len(bands) - 1)
    a, b = float(o["value"]), float(ref["value"])
    return a > b + margin if higher else a < b - margin


def _by(groups: list[Group], key: Any) -> str:
    """'introductory: Group A, Group C; standard: Group B' (groups by one property)."""
    values: dict[Any, list[str]] = {}
    for g in groups:
        values.setdefault(key(g), []).append(g.name)
    return tr("by.sep").join(
        tr("by.item", value=v, groups=tr("join.sep").join(who)) for v, who in values.items()
    )


def seed_warnings(groups: list[Group]) -> list[str]:
    """A warning when the groups used different seeds (other random events)."""
    if len({g.rec.seed for g in groups}) > 1:
        return [tr("warn.seeds", seeds=_by(groups, lambda g: g.rec.seed))]
    return []


#: how the computer-played powers play at each ``rivals`` policy, in the guide's words (the
#: phrases are ``rivals.<policy>`` in the report's locale files)
RIVAL_WORDS = {
    "random": "the computer-played powers play loosely",
    "greedy": "the computer-played powers play well",
}


def difficulty_changes(level: str) -> str:
    """'+50% budget, the computer-played powers play loosely': what a level changes against
    the scenario as written, read from the one difficulty table."""
    from ..play.session import DIFFICULTY

    d = DIFFICULTY.get(level)
    if d is None:
        return ""
    parts = []
    if d.budget != 1.0:
        parts.append(tr("changes.budget", pct=percent(100 * (d.budget - 1), sign=True)))
    if d.resistance != 1.0:
        parts.append(tr("changes.resistance", factor=number(d.resistance)))
    if d.rivals:
        parts.append(
            tr(f"rivals.{d.rivals}")
            if d.rivals in RIVAL_WORDS
            else tr("rivals.other", policy=d.rivals)
        )
    return tr("join.sep").join(parts)


def default_level(sc: Any) -> str:
    """The scenario's own difficulty (``meta.difficulty``: the level the window starts it at
    and Class setup offers first); standard without the scenario."""
    level = getattr(getattr(sc, "meta", None), "difficulty", None)
    return level if level in DIFFICULTY_ORDER else "standard"


def shipped_levels(sc: Any) -> set[str]:
    """The difficulties at which a game is the scenario as shipped, so compared with history
    like for like: the scenario's own level, and standard (the scenario as written, the level
    history is replayed at)."""
    return {default_level(sc), "standard"}


def class_level(groups: list[Group], sc: Any) -> str:
    """The difficulty the class played: the one most groups played (on a tie the scenario's
    own level, then standard, then the easiest)."""
    counts = Counter(g.difficulty for g in groups)
    own = default_level(sc)
    return min(
        counts,
        key=lambda lvl: (-counts[lvl], lvl != own, lvl != "standard", DIFFICULTY_ORDER.index(lvl)),
    )


def level_words(level: str) -> str:
    """'introductory difficulty (+50% budget, the computer-played powers play loosely)'."""
    changes = difficulty_changes(level) or tr("like.as_written")
    return tr("like.level", level=difficulty_name(level), changes=changes)


@dataclass
class LevelGaps:
    """Where the difficulties make a comparison not like for like."""

    usual: str  # the difficulty the class played (``class_level``)
    #: the other difficulties, each with its groups: not like for like with the class
    other: dict[str, list[Group]]
    #: the difficulties that are not the scenario as shipped (``shipped_levels``), each with
    #: its groups: not like for like with history
    unshipped: dict[str, list[Group]]


def level_gaps(groups: list[Group], sc: Any, history: bool) -> LevelGaps:
    """The groups whose difficulty keeps a comparison from being like for like: those at
    another level than the class, and (with a ``history`` benchmark) those that did not play
    the scenario as shipped. Nothing when every group played the scenario at its own level."""
    usual = class_level(groups, sc)
    by_level: dict[str, list[Group]] = {}
    for g in groups:
        by_level.setdefault(g.difficulty, []).append(g)
    shipped = shipped_levels(sc)
    return LevelGaps(
        usual,
        {lvl: who for lvl, who in by_level.items() if lvl != usual},
        {lvl: who for lvl, who in by_level.items() if history and lvl not in shipped},
    )


def difficulty_warnings(groups: list[Group], sc: Any, history: bool) -> list[str]:
    """The report's warnings about difficulties (``level_gaps``), in full."""
    gaps = level_gaps(groups, sc, history)
    out = [
        tr(
            "like.groups",
            n=len(who),
            groups=join([g.name for g in who]),
            level=level_words(level),
            usual=level_words(gaps.usual),
            history=tr("like.and_history") if level in gaps.unshipped else "",
        )
        for level, who in gaps.other.items()
    ]
    own = default_level(sc)
    out += [
        tr(
            "like.history" if own == "standard" else "like.history.own",
            n=len(who),
            groups=join([g.name for g in who]),
            level=level_words(level),
            own=difficulty_name(own),
        )
        for level, who in gaps.unshipped.items()
        if level not in gaps.other  # said above, in one sentence
    ]
    return out


def like_for_like_key(sc: Any) -> str:
    """The report's key to 'like for like', in plain words."""
    own = default_level(sc)
    if own == "standard":
        return tr("like.key")
    return tr("like.key.own", own=difficulty_name(own), changes=difficulty_changes(own))


def role_notes(groups: list[Group], roles: list[str], names: Names) -> list[str]:
    """Say which groups did not play a compared role (a hotseat team is never dropped)."""
    missing: dict[tuple[str, ...], list[str]] = {}
    for g in groups:
        lack = tuple(r for r in roles if r not in g.roles)
        if lack:
            missing.setdefault(lack, []).append(g.name)
    out = []
    for lack, who in missing.items():
        what = join([names.of(r) for r in lack])
        played = join([names.of(r) for r in roles if r not in lack]) or tr("role_note.none")
        out.append(
            tr(
                "role_note",
                groups=join(who),
                played=played,
                what=what,
                was=tr("w.was", n=len(lack)),
                their_games=tr("w.its_game", n=len(who)),
                their=tr("w.its", n=len(who)),
            )
        )
    return out


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


def analyse(
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
    all_left_first = year_of(groups, 0) if len(left_first) > 1 and all(left_first) else ""
    split, split_turn = "", None
    if len(groups) > 1:
        t = first_split(groups, shared, names)
        split_turn = t
        stopped = [g for g in groups if not g.finished]
        tail = tr("div.stopped", groups=join([g.name for g in stopped])) if stopped else ""
        if t is None:
            lines.append(tr("div.no_split") + tail)
            split = tr("div.short.no_split")
        else:
            year = year_of(groups, t)
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
                    tr("div.split.gone", groups=join([g.name for g in gone]), year=year)
                    if gone
                    else ""
                )
            )
            split = tr("div.short.split", year=year, groups=join([g.name for g in who]))
        short.append(split)
    prompts = data_prompts(sc, groups, names, diverge, bench, shared)
    return Analysis(diverge, lines, short, prompts, made_by, all_left_first, split, split_turn)


@dataclass
class Findings:
    """Everything the report says about a class's games, gathered once: what the document and
    the picture are drawn from."""

    sid: str  # the scenario's id
    sc: Any  # the scenario (None: not found)
    groups: list[Group]
    names: Names
    roles: list[str]  # the roles compared
    bench: Group | None  # the history benchmark
    analysis: Analysis
    warnings: list[str]
    notes: list[str]
    skipped: list[str]  # files left out, and why


def year_of(groups: list[Group], t: int) -> str:
    return next((g.rec.turns[t].year for g in groups if len(g.rec.turns) > t), str(t))


def seeds_of(groups: list[Group]) -> list[int]:
    """The seeds the groups played, smallest first."""
    return sorted({g.rec.seed for g in groups})


def levels_of(groups: list[Group]) -> list[str]:
    """The difficulties the groups played, easiest first."""
    return sorted({g.difficulty for g in groups}, key=DIFFICULTY_ORDER.index)


@dataclass
class Discussion:
    """The discussion prompts the report lists, in order."""

    questions: list[str]  # the scenario's own questions
    events: list[str]  # the questions of events that fired (at most MAX_EVENT_PROMPTS)
    more_events: int  # how many more events had questions
    games: list[str]  # prompts made from the games (a general one if there are none)

    @property
    def total(self) -> int:
        return len(self.questions) + len(self.events) + len(self.games)


def discussion(sc: Any, groups: list[Group], names: Names, analysis: Analysis) -> Discussion:
    from ..scenario.model import text_in

    qs = [text_in(q, language()) for q in sc.discussion_questions] if sc is not None else []
    ev = event_prompts(groups, names)
    return Discussion(
        qs,
        ev[:MAX_EVENT_PROMPTS],
        max(0, len(ev) - MAX_EVENT_PROMPTS),
        analysis.prompts or [tr("prompts.default")],
    )


def event_prompts(groups: list[Group], names: Names) -> list[str]:
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
            tr("events.only", groups=join([g.name for g in who]))
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


def objective_columns(
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


def value_labels(sc: Any, groups: list[Group]) -> list[str]:
    """The label of every turn of the scenario (the world after that many turns, turn 0 the
    starting values: ``engine.record.value_years``), so the axis runs to the scenario's end
    even when the groups stopped early; without the scenario file, the labels of the longest
    record."""
    if sc is not None:
        return value_years(sc.calendar, sc.calendar.n_turns + 1)
    return record_years(max((g.rec for g in groups), key=lambda r: len(r.turns)))
