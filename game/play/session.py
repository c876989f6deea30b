"""``Session``: one game (N = 1) driven by people and policies, for the window and headless play.

The window never touches engine arrays: it asks the session for choices (with costs, reasons
and previews), plans and undoes actions within the turn's budget, ends the turn, answers the
events that need a person's decision, and reads the turn report. Every call goes through the
same batched engine as the balance lab, with a batch of one.

Typical use::

    s = Session.start(scenario, humans=("JPN",), seed=7)
    for ch in s.choices("JPN"): ...            # what can Japan do, and why not
    s.plan(choice_id)                          # raises IllegalAction with a reason
    s.end_turn()                               # AI moves, resolution, drift, events
    for ev in s.pending_events(): s.choose_option(ev.event_id, 0)
    report = s.finish_turn()                   # "why did this change?" + autosave
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..ai.policies import UnknownPolicy
from ..engine import core
from ..engine.compiler import Compiled, compile_scenario
from ..engine.ledger import Entry, Ledger
from ..engine.record import GameRecord, SaveError, TurnRecord, read_record, write_record
from ..engine.state import State
from ..scenario import limits
from ..scenario.model import Scenario, text_in
from ..scenario.registry import Effect
from .counterfactual import Counterfactual
from .loop import build_policies, choose_actions, option_chooser_for, snapshot

GRADE_LETTERS = core.GRADES
_GAME = np.array([0])  # a session's one game, as an index array for the batched engine


@dataclass(frozen=True)
class Difficulty:
    """One row of the difficulty table (docs/ui.md and the teacher's guide print it)."""

    budget: float  # factor on the human teams' starting resources and income
    resistance: float  # factor on the scenario's ``model.resistance`` (states resist more)
    rivals: str | None  # policy of the computer-played powers; None = their scenario strategy


#: The one difficulty table. A session started with ``difficulty=`` applies ``budget`` and
#: ``resistance``; the window gives the computer-played powers the ``rivals`` policy (stored in
#: the record's policies). The level is kept in ``record.label`` so replays reproduce it.
DIFFICULTY: dict[str, Difficulty] = {
    "introductory": Difficulty(budget=1.5, resistance=1.0, rivals="random"),
    "standard": Difficulty(budget=1.0, resistance=1.0, rivals=None),
    "advanced": Difficulty(budget=0.75, resistance=1.5, rivals="greedy"),
}


@dataclass
class ChoiceView:
    """One thing a seat can do now, as the window lists it (with why not, when it cannot)."""

    id: int  # global choice id
    seat: str
    action_id: str
    target: str | None
    label: str
    family: str
    cost: dict[str, float]
    delay: int
    duration: int
    legal: bool
    reason: str | None
    effects: list[str]  # readable sentences
    description: str


@dataclass
class Preview:
    """What an action would do if it landed now, computed on a cloned state."""

    choice: int
    lands_in: int  # turns until it lands
    #: ("Kazakhstan: autonomy", +1.2), ...: every state's autonomy first, then the rest, each
    #: group largest first
    changes: list[tuple[str, float]]
    sentences: list[str]
    #: (objective id, change) for the acting role's own objectives that it moves
    goals: list[tuple[str, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Goal:
    """One objective of a role as it stands after the last turn played (``Session.goals``)."""

    role: str
    id: str
    name: str  # the scenario's name in its first language
    value: float
    grade: str  # A-F by the objective's bands
    #: the value one turn earlier (None before the first turn)
    previous: float | None
    #: the value on the counterfactual path, where the people's roles did nothing (None when
    #: there is no counterfactual)
    without: float | None
    without_grade: str | None
    bands: tuple[float, float, float, float]  # A, B, C, D as the scenario writes them
    lower_is_better: bool
    weight: float

    @property
    def trend(self) -> float | None:
        """The change since the turn before (None before the first turn)."""
        return None if self.previous is None else self.value - self.previous

    @property
    def effect(self) -> float | None:
        """What the people's play changed: the value minus the counterfactual's."""
        return None if self.without is None else self.value - self.without

    def better(self, delta: float) -> bool:
        """Whether a change of ``delta`` is good for this objective."""
        return delta < 0 if self.lower_is_better else delta > 0


@dataclass
class PendingEvent:
    """An event of this turn, as the window shows it (with its options)."""

    event_id: str
    title: str
    text: str
    date: str
    historicity: str
    sources: list[str]
    chooser: str
    options: list[tuple[str, str, bool, list[str]]]  # (id, text, historical, effects)
    teacher_note: str


@dataclass
class TurnReport:
    """What one turn did: actions, events, options, the ledger's lines, scores and grades."""

    turn: int  # the turn that was just played (0-based)
    year: str
    entries: list[Entry]
    events: list[str]
    options: dict[str, str]
    actions: dict[str, list[str]]
    refused: int
    scores: dict[str, float]
    grades: dict[str, str]
    game_over: bool
    why_lines: list[str] = field(default_factory=list)


class Session:
    """One game driven by people (``humans``) and policies (the rest); see the module
    docstring. ``policies`` maps actor ids to policy names; ``difficulty`` is a key of
    ``DIFFICULTY``; ``autosave`` is written after every turn."""

    def __init__(
        self,
        c: Compiled,
        humans: tuple[str, ...],
        seed: int,
        policies: Mapping[str, str] | None = None,
        autosave: str | Path | None = None,
        difficulty: str | None = None,
    ) -> None:
        self.c = c
        self.humans = tuple(humans)
        self.seed = seed
        self.policy_names = {a: n for a, n in (policies or {}).items() if a not in humans}
        level = DIFFICULTY.get(difficulty or "")
        self.difficulty = difficulty if level else None
        over = (
            {"resistance": min(5.0, c.params.resistance * level.resistance)}
            if level and level.resistance != 1.0
            else {}
        )
        self.p = core.default_params(c, 1, **over)
        self.st: State = core.init(c, seed, 1, params=self.p)
        seats = [c.actor_index[h] for h in self.humans]
        if level and level.budget != 1.0 and seats:  # starting budget and every later income
            self.st.res[0, seats] = np.clip(
                self.st.res[0, seats] * level.budget, c.res_min, c.res_max
            )
            self.p.income[0, seats] *= level.budget
        self.policies = build_policies(c, self.policy_names, humans=self.humans)
        self._chooser = option_chooser_for(c, self.policy_names)
        self.human_seats = [c.actor_index[h] for h in self.humans]
        self.planned: dict[int, list[int]] = {s: [] for s in self.human_seats}
        self.autosave = Path(autosave) if autosave else None
        self.record = GameRecord(
            scenario_id=c.scenario.meta.id,
            scenario_hash=c.scenario.content_hash,
            seed=seed,
            humans=list(self.humans),
            policies=dict(self.policy_names),
            start_values=_values(snapshot(self.st)),
            label=self.difficulty or "",
        )
        self.reports: list[TurnReport] = []
        self._turn_start = 0  # the turn being resolved (between end_turn and finish_turn)
        self._info: core.TurnInfo | None = None
        self._options: dict[str, int] = {}
        #: the world before the first turn (a counterfactual starts from it)
        self.start_state = self.st.clone()
        #: every objective's value after each turn played (index 0: before the first turn)
        self.objective_log: list[np.ndarray] = [core.objective_values(c, self.st)[0].copy()]
        #: the same game with the people's roles doing nothing (``enable_counterfactual``)
        self.counterfactual: Counterfactual | None = None

    @classmethod
    def start(
        cls,
        scenario: Scenario,
        humans: tuple[str, ...] = (),
        seed: int = 1,
        policies: Mapping[str, str] | None = None,
        autosave: str | Path | None = None,
        difficulty: str | None = None,
    ) -> Session:
        """A new game of ``scenario`` (compiled here)."""
        return cls(compile_scenario(scenario), humans, seed, policies, autosave, difficulty)

    # ---- reading -------------------------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self.c.scenario

    @property
    def turn(self) -> int:
        return int(self.st.turn[0])

    @property
    def year(self) -> str:
        return self.c.scenario.calendar.date_of_turn(min(self.turn, self.c.n_turns - 1))

    @property
    def over(self) -> bool:
        return bool(self.st.terminated[0])

    @property
    def in_turn(self) -> bool:
        """True between ``end_turn`` and ``finish_turn`` (events are waiting)."""
        return self._info is not None

    def _running(self, seat: int) -> tuple[np.ndarray, np.ndarray]:
        res, cool = self.st.res.copy(), self.st.cooldown.copy()
        if self.in_turn:  # the plan has been paid for already by begin_turn
            return res, cool
        for cid in self.planned.get(seat, []):
            core.pay_for_choices(self.c, res, cool, seat, _GAME, np.array([cid]), self.turn)
        return res, cool

    def budget(self, actor: str) -> dict[str, float]:
        """What ``actor`` has left this turn, after its planned actions, per resource."""
        seat = self.c.actor_index[actor]
        res, _ = self._running(seat)
        return {
            r: float(res[0, seat, i])
            for i, r in enumerate(self.c.res_ids)
            if res[0, seat, i] or self.c.choice_cost[:, i].any()
        }

    def slots_left(self, actor: str) -> int:
        """How many more actions ``actor`` may plan this turn."""
        return self.c.M_slots - len(self.planned[self.c.actor_index[actor]])

    def choices(self, actor: str) -> list[ChoiceView]:
        """Everything ``actor`` could do, in order, each legal or with the reason why not."""
        c, seat = self.c, self.c.actor_index[actor]
        res, cool = self._running(seat)
        out = []
        full = self.slots_left(actor) <= 0
        for cid in c.seat_choices[seat]:
            act = c.scenario.actions[c.choice_action[cid]]
            reason = (
                "you have used all your actions this turn"
                if full
                else core.why_illegal(c, self.st, cid, res, cool)
            )
            tgt = int(c.choice_target[cid])
            out.append(
                ChoiceView(
                    id=cid,
                    seat=actor,
                    action_id=act.id,
                    target=c.actor_ids[tgt] if tgt >= 0 else None,
                    label=c.programs[cid].label,
                    family=act.family,
                    cost={c.res_ids[i]: float(v) for i, v in enumerate(c.choice_cost[cid]) if v},
                    delay=act.delay,
                    duration=act.duration,
                    legal=reason is None,
                    reason=reason,
                    effects=list(c.programs[cid].texts),
                    description=text_in(act.description),
                )
            )
        return out

    def preview(self, choice: int) -> Preview:
        """Apply the choice's effects to a clone as if they landed now and report changes."""
        c = self.c
        clone = self.st.clone()
        before = _key_values(c, clone)
        goals_before = core.objective_values(c, clone)[0]
        core.apply_programs(c, clone, self.p, np.array([[choice]]))
        core.recompute_derived(c, clone)
        after = _key_values(c, clone)
        goals_after = core.objective_values(c, clone)[0]
        changes = [(k, after[k] - before[k]) for k in before if abs(after[k] - before[k]) > 0.05]
        # autonomy first (what the game is about), then the rest; each largest first
        changes.sort(key=lambda kv: (not kv[0].endswith(": autonomy"), -abs(kv[1])))
        seat = int(c.choice_seat[choice])
        goals = [
            (ob.id, float(goals_after[j] - goals_before[j]))
            for j, ob in enumerate(c.objectives)
            if ob.role == seat and abs(goals_after[j] - goals_before[j]) > 1e-9
        ]
        return Preview(
            choice,
            int(c.choice_delay[choice]),
            changes,
            list(c.programs[choice].texts),
            goals,
        )

    # ---- acting --------------------------------------------------------------------------------
    def plan(self, choice: int) -> None:
        """Add a choice to its seat's plan for this turn; ``IllegalAction`` says why not."""
        c = self.c
        if self.in_turn:
            raise core.IllegalAction("finish the events of this turn first")
        if not 0 <= choice < c.n_choices:
            raise core.IllegalAction(f"there is no action number {choice}")
        seat = int(c.choice_seat[choice])
        if seat not in self.planned:
            raise core.IllegalAction(f"{c.actor_ids[seat]} is not played by a person here")
        if len(self.planned[seat]) >= c.M_slots:
            raise core.IllegalAction(f"you can take at most {c.M_slots} actions per turn")
        res, cool = self._running(seat)
        reason = core.why_illegal(c, self.st, choice, res, cool)
        if reason:
            raise core.IllegalAction(reason)
        self.planned[seat].append(choice)

    def undo(self, actor: str | None = None) -> int | None:
        """Take back the last planned action (of ``actor``, or of the only human)."""
        seat = self.c.actor_index[actor] if actor else self.human_seats[0]
        return self.planned[seat].pop() if self.planned.get(seat) else None

    def end_turn(self) -> list[PendingEvent]:
        """Resolve the turn up to the events. Returns the events waiting for a person."""
        if self.over:
            raise core.IllegalAction("the game is over")
        if self.in_turn:
            return self.pending_events()
        c = self.c
        fixed = np.zeros((1, c.layout.A, c.M_slots), dtype=np.int64)
        for seat, plan in self.planned.items():
            local = {int(x): i + 1 for i, x in enumerate(c.seat_table[seat]) if x >= 0}
            for m, cid in enumerate(plan):
                fixed[0, seat, m] = local[cid]
        avail = core.availability(c, self.st)
        acts = choose_actions(c, self.st, self.p, self.policies, fixed, avail=avail)
        self._turn_start = self.turn
        self._info = core.begin_turn(c, self.st, self.p, acts, explain=True, avail=avail)
        self._options = {}
        # events decided by computer-played actors are answered now
        auto = self._chooser(c, self.st) if self.st.pending.any() else None
        for e in np.nonzero(self.st.pending[0])[0]:
            ev = c.events[e]
            if c.actor_ids[ev.chooser] not in self.humans:
                self._options[c.event_ids[e]] = int(auto[0, e]) if auto is not None else 0
        return self.pending_events()

    def decided_option(self, event_id: str) -> int | None:
        """The option taken this turn for ``event_id`` by its computer-played chooser, or by a
        person once chosen (its index); None while it waits or when it has no options."""
        return self._options.get(event_id)

    def pending_events(self) -> list[PendingEvent]:
        """Events fired this turn that still wait for a person's decision."""
        return [
            self._event_view(int(e))
            for e in np.nonzero(self.st.pending[0])[0]
            if self.c.event_ids[e] not in self._options
        ]

    def fired_events(self) -> list[PendingEvent]:
        """All events that fired in the turn being resolved (for the event pop-ups)."""
        if self._info is None:
            return []
        return [self._event_view(int(e)) for e in np.nonzero(self._info.fired[0])[0]]

    def _event_view(self, e: int) -> PendingEvent:
        c = self.c
        ev = c.scenario.events[e]
        return PendingEvent(
            event_id=ev.id,
            title=text_in(ev.title),
            text=text_in(ev.text),
            date=ev.date or self.year,
            historicity=ev.historicity,
            sources=[c.cite([s]) for s in ev.sources],
            chooser=ev.chooser or "",
            options=[
                (
                    o.id,
                    text_in(o.text),
                    o.historical,
                    self.option_effects(e, i),
                )
                for i, o in enumerate(ev.options)
            ],
            teacher_note=text_in(ev.teacher_note),
        )

    # ---- what events really do -----------------------------------------------------------------
    def event_effects(self, event_id: str) -> list[str]:
        """What a fired event itself changed this turn, in the effects' sentences but with the
        real numbers (from the ledger: a push of "+2" on a row where the partner already holds
        65% moves its share by +0.7), then its non-numeric effects (facts, memberships). An
        event that did not fire this turn: its effects as written."""
        c = self.c
        e = c.event_index[event_id]
        if self._info is None or self._info.ledger is None or not self._info.fired[0, e]:
            return list(c.programs[c.events[e].program].texts)
        got = [x for x in self._info.ledger.entries() if x.kind == "event" and x.cause == event_id]
        return real_effects(c, got, c.scenario.events[e].effects)

    def option_effects(self, e: int, i: int) -> list[str]:
        """What option ``i`` of event ``e`` would change if chosen now, with the real numbers
        (computed on a copy of the game, like an action's preview)."""
        c = self.c
        clone = self.st.clone()
        led = Ledger(c, 1)
        core.apply_programs(c, clone, self.p, np.array([[c.events[e].options[i]]]), led)
        return real_effects(c, led.entries(), c.scenario.events[e].options[i].effects)

    def choose_option(self, event_id: str, option: int | str) -> None:
        """A person's option (index or id) for a waiting event; ``IllegalAction`` if none."""
        c = self.c
        e = c.event_index.get(event_id)
        if e is None or not self.st.pending[0, e]:
            raise core.IllegalAction(f"'{event_id}' is not waiting for a decision")
        opts = c.scenario.events[e].options
        idx = (
            next((i for i, o in enumerate(opts) if o.id == option), option)
            if isinstance(option, str)
            else option
        )
        if not isinstance(idx, int) or not 0 <= idx < len(opts):
            raise core.IllegalAction(f"'{event_id}' has no option {option!r}")
        self._options[event_id] = idx

    def finish_turn(self) -> TurnReport:
        """Apply the options, advance the turn, autosave, and return the turn report."""
        c = self.c
        if self._info is None:
            raise core.IllegalAction("end the turn first")
        waiting = [p.event_id for p in self.pending_events()]
        if waiting:
            raise core.IllegalAction(f"choose an option for: {', '.join(waiting)}")
        ch = np.full((1, len(c.events)), -1, dtype=np.int64)
        for eid, i in self._options.items():
            ch[0, c.event_index[eid]] = i
        info = self._info
        core.finish_turn(c, self.st, self.p, ch, info)
        self.objective_log.append(core.objective_values(c, self.st)[0].copy())
        if self.counterfactual is not None:  # its twin plays the same turn, people passing
            played_now = len(self.objective_log) - 1
            self.counterfactual.catch_up(played_now)
            self.record.counterfactual = self.counterfactual.to_record(played_now)
        played = self._turn_start
        actions = {}
        for seat in range(c.layout.A):
            ids = [int(x) for x in info.chosen[0, seat] if x >= 0]
            if ids:
                actions[c.actor_ids[seat]] = [_choice_key(c, x) for x in ids]
        events = [c.event_ids[e] for e in np.nonzero(info.fired[0])[0]]
        options = {
            eid: c.scenario.events[c.event_index[eid]].options[i].id
            for eid, i in self._options.items()
        }
        self.record.turns.append(
            TurnRecord(
                turn=played,
                year=c.scenario.calendar.date_of_turn(played),
                actions=actions,
                events=events,
                options=options,
                values=_values(snapshot(self.st)),
            )
        )
        entries = info.ledger.entries(min_abs=0.005) if info.ledger else []
        report = TurnReport(
            turn=played,
            year=c.scenario.calendar.date_of_turn(played),
            entries=entries,
            events=events,
            options=options,
            actions=actions,
            refused=int(info.refused[0]),
            scores={c.actor_ids[r]: float(self.st.score[0, r]) for r in c.roles},
            grades=self.grades(),
            game_over=self.over,
            why_lines=why_lines(c, entries),
        )
        self.reports.append(report)
        self.planned = {s: [] for s in self.human_seats}
        self._info = None
        self._options = {}
        if self.over:
            self.record.final_hash = self.st.hash(0)
            self.record.grades = {"overall": self.grades(), "objectives": self.objectives()}
        if self.autosave:
            self.save(self.autosave)
        return report

    def play_turn(self) -> TurnReport:
        """End the turn and answer any waiting event with its first option (tests, autoplay)."""
        for ev in self.end_turn():
            self.choose_option(ev.event_id, 0)
        return self.finish_turn()

    # ---- the counterfactual --------------------------------------------------------------------
    def enable_counterfactual(
        self, passive: tuple[str, ...] | None = None
    ) -> Counterfactual | None:
        """Play, beside this game, the same game with the roles ``passive`` (the people's roles
        by default) doing nothing (``counterfactual``); it catches up with the turns already
        played and then follows every turn. None when there is no role to leave out."""
        roles = tuple(self.humans if passive is None else passive)
        if not roles:
            self.counterfactual = None
            return None
        cf = Counterfactual(self.c, self.start_state, self.p, self.policy_names, roles)
        cf.catch_up(len(self.reports))
        self.counterfactual = cf
        self.record.counterfactual = cf.to_record(len(self.reports))
        return cf

    def prepare_counterfactual(self) -> None:
        """Play the counterfactual's next turn now: it never depends on this turn's plans, so
        the window does it while a team plans and ``finish_turn`` has nothing left to wait
        for."""
        if self.counterfactual is not None and not self.in_turn:
            self.counterfactual.catch_up(len(self.reports) + 1)

    # ---- grades --------------------------------------------------------------------------------
    def goals(self, role: str) -> list[Goal]:
        """``role``'s objectives after the last turn played: value, grade, the value a turn
        earlier and on the counterfactual path (``Goal``), in the scenario's order."""
        c = self.c
        n = len(self.objective_log) - 1  # turns played
        now = self.objective_log[-1]
        prev = self.objective_log[-2] if n >= 1 else None
        cf = self.counterfactual
        without = cf.values(n) if cf is not None else None
        pts = core.objective_points(c, now[None, :])[0]
        wpts = core.objective_points(c, without[None, :])[0] if without is not None else None
        out = []
        for j, ob in enumerate(c.objectives):
            if c.actor_ids[ob.role] != role:
                continue
            out.append(
                Goal(
                    role=role,
                    id=ob.id,
                    name=ob.label,
                    value=float(now[j]),
                    grade=GRADE_LETTERS[int(pts[j])],
                    previous=float(prev[j]) if prev is not None else None,
                    without=float(without[j]) if without is not None else None,
                    without_grade=GRADE_LETTERS[int(wpts[j])] if wpts is not None else None,
                    bands=tuple(float(x) * ob.sign for x in ob.bands),  # type: ignore[arg-type]
                    lower_is_better=ob.sign < 0,
                    weight=float(ob.weight),
                )
            )
        return out

    def grades_without(self) -> dict[str, str]:
        """Each role's overall grade on the counterfactual path now ({} without one)."""
        cf = self.counterfactual
        if cf is None:
            return {}
        return cf.grade_log[min(len(self.objective_log), len(cf.grade_log)) - 1]  # turns played

    def grades(self) -> dict[str, str]:
        """Each role's overall grade letter now."""
        g = core.role_grades(self.c, self.st)
        return {self.c.actor_ids[r]: GRADE_LETTERS[int(v[0])] for r, v in g.items()}

    def objectives(self) -> list[dict[str, object]]:
        """Every objective's value, grade and bands now (the debrief's table)."""
        c = self.c
        vals = core.objective_values(c, self.st)[0]
        pts = core.objective_points(c, vals[None, :])[0]
        return [
            {
                "role": c.actor_ids[ob.role],
                "id": ob.id,
                "name": ob.label,
                "value": round(float(vals[j]), 2),
                "grade": GRADE_LETTERS[int(pts[j])],
                "bands": [float(x) * ob.sign for x in ob.bands],
            }
            for j, ob in enumerate(c.objectives)
        ]

    # ---- saves ---------------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write the game's record as a save file (atomically); returns its path."""
        rec = self.record
        rec.final_hash = self.st.hash(0) if self.over else ""
        return write_record(rec, path)

    @classmethod
    def resume(
        cls, scenario: Scenario, path: str | Path, autosave: str | Path | None = None
    ) -> Session:
        """Load a save by replaying its choices on the scenario; checks every step. Raises
        ``SaveError`` (with a message for the player) and nothing else, whatever the file
        holds."""
        rec = read_record(path)
        return cls.replay(scenario, rec, autosave=autosave, name=str(path))

    @classmethod
    def replay(
        cls,
        scenario: Scenario,
        rec: GameRecord,
        autosave: str | Path | None = None,
        name: str = "",
    ) -> Session:
        """Play a record's choices again on ``scenario``; ``SaveError`` if they do not fit or
        do not reproduce the recorded final state. Everything the record names - its scenario,
        roles, policies, difficulty, actions and options - is checked against the scenario
        before it is used (``replay_problem``), and anything that still goes wrong while
        replaying is a ``SaveError`` too, so a hand-edited save never stops the game."""
        problem = replay_problem(scenario, rec)
        if problem is not None:
            raise SaveError(f"{name}: {problem}", "replay", file=name, said=problem)
        try:
            return cls._replayed(scenario, rec, autosave)
        except SaveError as e:
            raise SaveError(f"{name}: {e}", e.kind, file=name, said=str(e)) from None
        except (
            core.IllegalAction,
            UnknownPolicy,
            ValueError,
            KeyError,
            IndexError,
            TypeError,
        ) as e:
            said = f"it cannot be replayed on this scenario ({e})"
            raise SaveError(f"{name}: {said}", "replay", file=name, said=said) from None

    @classmethod
    def _replayed(cls, scenario: Scenario, rec: GameRecord, autosave: str | Path | None) -> Session:
        s = cls.start(
            scenario,
            tuple(rec.humans),
            rec.seed,
            rec.policies,
            autosave=None,
            difficulty=rec.label if rec.label in DIFFICULTY else None,
        )
        c = s.c
        for tr in rec.turns:
            if s.over:
                raise SaveError("the save has more turns than the scenario")
            for actor in s.humans:
                for key in tr.actions.get(actor, []):
                    cid = _choice_from_key(c, actor, key)
                    if cid is None:
                        raise SaveError(f"turn {tr.turn}: the action '{key}' no longer exists")
                    try:
                        s.plan(cid)
                    except core.IllegalAction as e:
                        raise SaveError(f"turn {tr.turn}: '{key}' was not possible ({e})") from None
            s.end_turn()
            for ev in s.pending_events():
                opt = tr.options.get(ev.event_id)
                if opt is None:
                    raise SaveError(f"turn {tr.turn}: no recorded option for {ev.event_id}")
                try:
                    s.choose_option(ev.event_id, opt)
                except core.IllegalAction as e:
                    raise SaveError(f"turn {tr.turn}: {e}") from None
            s.finish_turn()
        s.record.label = rec.label
        if rec.final_hash and s.over and s.st.hash(0) != rec.final_hash:
            raise SaveError(
                "replaying this save did not reproduce the saved game (final state differs)"
            )
        s.autosave = Path(autosave) if autosave else None
        return s


def replay_problem(scenario: Scenario, rec: GameRecord) -> str | None:
    """What keeps a (well-formed, ``engine.record.check_record``) record from being replayed on
    ``scenario``, in words, or None: another scenario, another version of it, roles that are
    not its actors, policies that do not exist, more turns than it has."""
    sc = scenario
    if rec.scenario_id != sc.meta.id:
        return f"this save is for scenario '{rec.scenario_id}', not '{sc.meta.id}'"
    if rec.scenario_hash and sc.content_hash and not sc.is_version(rec.scenario_hash):
        return (
            "the scenario file has changed since this game was saved, so the "
            "game cannot be replayed exactly; restore the scenario or start anew"
        )
    actors = {a.id: a for a in sc.actors}
    unknown = [h for h in rec.humans if h not in actors]
    if unknown:
        return f"it has people playing {', '.join(unknown)}, which this scenario does not have"
    for actor, policy in rec.policies.items():
        if actor not in actors:
            return f"it names a policy for {actor}, which this scenario does not have"
        mine = [
            a for a in sc.actions if actor in (a.actor if isinstance(a.actor, list) else [a.actor])
        ]
        found = limits.policy_problem(policy, [a.family for a in mine], [a.id for a in mine])
        if found is not None:
            return f"{actor} plays '{policy}': {found[0]}"
    if len(rec.turns) > sc.calendar.n_turns:
        return f"it has {len(rec.turns)} turns, but the scenario has only {sc.calendar.n_turns}"
    return None


# ------------------------------------------------------------------------------------------------
#: per effect verb that moves one number: (the ledger's quantity, the effect's fields that make
#: the ledger's key, in its order, the field that holds the amount)
_LEDGER_KEYS = {
    "shift_dependence": ("dependence", ("state", "dimension", "partner"), "by"),
    "change_trust": ("trust", ("state", "power"), "by"),
    "change_stability": ("stability", ("state",), "by"),
    "change_growth": ("growth", ("state",), "by"),
    "change_resilience": ("resilience", ("state",), "by"),
    "change_meter": ("meter", ("meter",), "by"),
    "add_resource": ("resource", ("actor", "resource"), "amount"),
}


def real_effects(c: Compiled, entries: list[Entry], effects: list[Effect]) -> list[str]:
    """The sentences of ``effects`` (the scenario format's own wording, ``describe``) with the
    numbers that really changed, from ``entries`` (the ledger of their application): one
    sentence per quantity the effects name, in their order. A push of "+2" on a share of 65%
    reads "+0.7 pts", the change the "Why?" panel shows. Effects that move no number (facts,
    memberships) or several rows at once (``dimension: all``) keep their sentence."""
    got: dict[tuple[str, tuple[str, ...]], float] = {}
    for x in entries:
        if x.kind not in ("limits", "cost", "income"):
            got[(x.quantity, x.key)] = got.get((x.quantity, x.key), 0.0) + x.delta
    out: list[str] = []
    done: set[tuple[str, tuple[str, ...]]] = set()
    for e in effects:
        spec = _LEDGER_KEYS.get(e.verb)
        arg = e.arg
        if spec is None or getattr(arg, "dimension", "") == "all":
            out.append(e.describe(c.names))
            continue
        quantity, fields, num = spec
        key = (quantity, tuple(str(getattr(arg, f)) for f in fields))
        if key in done:
            continue
        done.add(key)
        data = e.model_dump(by_alias=True, exclude_none=True)
        data[e.verb][num] = round(got.get(key, 0.0), 1)
        out.append(Effect.model_validate(data).describe(c.names))
    return out


def _choice_key(c: Compiled, cid: int) -> str:
    act = c.scenario.actions[c.choice_action[cid]].id
    t = int(c.choice_target[cid])
    return f"{act}@{c.actor_ids[t]}" if t >= 0 else act


def _choice_from_key(c: Compiled, actor: str, key: str) -> int | None:
    seat = c.actor_index[actor]
    for cid in c.seat_choices[seat]:
        if _choice_key(c, cid) == key:
            return cid
    return None


def _values(snap: dict[str, np.ndarray]) -> dict[str, object]:
    return {k: np.round(v[0], 6).tolist() for k, v in snap.items()}


def _key_values(c: Compiled, st: State) -> dict[str, float]:
    out: dict[str, float] = {}
    for s, sid in enumerate(c.state_ids):
        n = c.names.get(sid, sid)
        out[f"{n}: autonomy"] = float(st.autonomy[0, s])
        for p, pid in enumerate(c.power_ids):
            out[f"{n}: trust in {c.names.get(pid, pid)}"] = float(st.trust[0, s, p])
        out[f"{n}: stability"] = float(st.stability[0, s])
        if st.resilience.size:
            out[f"{n}: resilience"] = float(st.resilience[0, s])
        for d, did in enumerate(c.dim_ids):
            for k, kid in enumerate(c.partner_ids[:-1]):
                out[f"{n}: {c.names.get(did, did)} dependence on {c.names.get(kid, kid)}"] = (
                    100.0 * float(st.dep[0, s, d, k])
                )
    for m, mid in enumerate(c.meter_ids):
        out[c.names.get(mid, mid)] = float(st.meters[0, m])
    return out


def _quantity_label(quantity: str, k: list[str]) -> str:
    if quantity == "dependence":
        return f"{k[0]}: {k[1].lower()} dependence on {k[2]}"
    if quantity == "trust":
        return f"{k[0]}: trust in {k[1]}"
    if quantity in ("stability", "growth", "resilience"):
        return f"{k[0]}: {quantity}"
    if quantity == "resource":
        return f"{k[0]}: {k[1]}"
    return k[0]


def why_lines(c: Compiled, entries: list[Entry], limit: int = 40) -> list[str]:
    """Readable "why did this change?" lines, largest first, grouped by cause."""
    names = c.names
    lines = []
    for e in sorted(entries, key=lambda e: -abs(e.delta)):
        if e.kind == "limits" or (e.quantity == "resource" and e.kind == "income"):
            continue
        what = _quantity_label(e.quantity, [names.get(x, x) for x in e.key])
        unit = " pts" if e.quantity == "dependence" else ""
        src = f"  [{e.source}]" if e.source else ""
        lines.append(f"{what} {e.delta:+.1f}{unit} \u2190 {e.label}{src}")
        if len(lines) >= limit:
            break
    return lines
