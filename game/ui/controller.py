"""The window's one handle on a game: a ``Session`` plus the turn flow around it.

Scenes call the controller; the controller calls ``Session`` methods (``plan``, ``undo``,
``end_turn``, ``choose_option``, ``finish_turn``, ``save``) and nothing else changes the game.
Views read ``controller.session`` and the view-models in ``viewmodels``; ``version`` changes
whenever the game does, so views can cache.

Turn flow: PLANNING --end_turn--> EVENTS (each fired event shown, options answered)
--finish--> SUMMARY --continue--> PLANNING ... --> OVER (debrief).

Team hotseat: with several human roles (``roles``), PLANNING is taken by one team after another.
``role`` is the team whose turn it is; ``handoff`` is True while the "pass the keyboard" screen
should show; ``end_turn`` by a team that is not the last only passes the keyboard on. A team sees
only its own plan (the session keeps one plan per seat, and every view asks about ``role``); the
others learn only that it has chosen. The turn resolves when the last team ends its planning.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from ..engine.core import IllegalAction
from ..engine.record import SaveError
from ..kit.files import write_problem
from ..play import savefolder
from ..play.session import (
    DIFFICULTY,
    ChoiceView,
    PendingEvent,
    Preview,
    Session,
    TurnReport,
)
from ..scenario.model import Scenario
from . import saves
from .catalog import Entry
from .tour import Tour

DIFFICULTIES = tuple(DIFFICULTY)
MAX_TEAMS = 4
#: the guided tour's games autosave as ``autosave-tour-<start time>.json``: its own files,
#: pruned among themselves, so a tour never overwrites or prunes away a real game's autosave
TOUR_AUTOSAVE = "tour"

#: how the other powers play at each difficulty (a person's role is never computer-played);
#: the rest of each level is in ``game.play.session.DIFFICULTY`` (one table)
RIVAL_POLICY = {k: v.rivals for k, v in DIFFICULTY.items()}


def difficulty_policies(sc: Scenario, humans: tuple[str, ...], difficulty: str) -> dict[str, str]:
    pol = RIVAL_POLICY.get(difficulty)
    if not pol:
        return {}
    return {a.id: pol for a in sc.powers if a.id not in humans}


def scenario_roles(sc: Scenario) -> list[str]:
    return sc.playable_roles or [a.id for a in sc.powers][:1]


def default_role(sc: Scenario, wanted: str | None = None) -> str:
    """``wanted`` if the scenario lets people play it, else the first playable actor in the
    order the scenario declares them (docs/scenario-format.md, "actors")."""
    roles = scenario_roles(sc)
    if wanted and wanted in roles:
        return wanted
    return roles[0]


def pick_roles(sc: Scenario, wanted: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """The human roles for a game: the wanted ones the scenario lets people play (at most
    ``MAX_TEAMS``, in the order given, no repeats); else its default role."""
    if isinstance(wanted, str):
        wanted = [wanted]
    ok = scenario_roles(sc)
    out: list[str] = []
    for r in wanted or []:
        if r in ok and r not in out:
            out.append(r)
    return tuple(out[:MAX_TEAMS]) or (default_role(sc),)


class Phase(enum.Enum):
    PLANNING = "planning"
    EVENTS = "events"
    SUMMARY = "summary"
    OVER = "over"


@dataclass
class ShownEvent:
    event: PendingEvent
    needs_choice: bool
    chosen: int | None = None


@dataclass
class Benchmark:
    """The historical path (``play.history.history_session``) for the turns the group has played."""

    session: Session
    turns: int
    has_history: bool


@dataclass
class LogLine:
    turn: int
    year: str
    kind: str  # "you" | "actor" | "event" | "option"
    text: str


class GameController:
    def __init__(
        self,
        entry: Entry,
        session: Session,
        roles: str | tuple[str, ...],
        difficulty: str,
        autosave: Path | None,
        timer_min: int = 0,
        tour: bool = False,
    ) -> None:
        assert entry.scenario is not None
        self.entry = entry
        self.session = session
        self.roles: tuple[str, ...] = (roles,) if isinstance(roles, str) else tuple(roles)
        self.active = 0  # index in ``roles`` of the team planning (or viewed) now
        self.teams_done: list[str] = []  # teams that finished planning this turn
        self.difficulty = difficulty
        self.autosave = autosave
        #: why the last autosave could not be written ("" when it was): the map screen shows it
        #: until an autosave works again (the session keeps its path and retries every turn)
        self.save_problem = ""
        #: per-team planning timer in minutes (0 = off); it only shows, it never ends a turn
        self.timer_min = max(0, int(timer_min))
        self.elapsed = 0.0  # seconds the current team has been planning
        #: the guided tour of the first turn, when this game shows it
        self.tour: Tour | None = Tour() if tour else None
        self.phase = Phase.OVER if session.over else Phase.PLANNING
        self.handoff = self.hotseat and self.phase == Phase.PLANNING
        self.events: list[ShownEvent] = []
        self.event_index = 0
        self.last_report: TurnReport | None = session.reports[-1] if session.reports else None
        self.ended_early = False
        self.version = 0
        self.message = ""  # last refusal, in the engine's plain words
        #: End turn was pressed once with nothing planned (``ask_end_turn``): the next press passes
        self.pass_asked = False
        self._choices: tuple[int, list[ChoiceView]] | None = None
        self._previews: dict[tuple[int, int], Preview] = {}
        self._bench: Benchmark | None = None
        self.option_log: dict[tuple[int, str], int] = {}

    # ---- construction ------------------------------------------------------------------------
    @classmethod
    def new(
        cls,
        entry: Entry,
        role: str | tuple[str, ...] | list[str] | None = None,
        seed: int = 1,
        difficulty: str | None = None,
        autosave: bool = True,
        timer_min: int = 0,
        tour: bool = False,
    ) -> GameController:
        sc = entry.scenario
        assert sc is not None
        roles = pick_roles(sc, role)
        diff = difficulty if difficulty in DIFFICULTIES else sc.meta.difficulty
        if diff not in DIFFICULTIES:
            diff = "standard"
        key = TOUR_AUTOSAVE if tour else sc.meta.id
        path = savefolder.new_autosave_path(saves.save_dir(), key) if autosave else None
        s = Session.start(
            sc,
            humans=roles,
            seed=seed,
            policies=difficulty_policies(sc, roles, diff),
            autosave=path,
            difficulty=diff,
        )
        s.enable_counterfactual()  # "your effect": the same game with the teams passing
        ctl = cls(entry, s, roles, diff, path, timer_min, tour)
        if path is not None:
            ctl.write_autosave()  # so "Continue" works before the first turn ends
            savefolder.prune_autosaves(saves.save_dir(), key, in_use=path)
        return ctl

    @classmethod
    def resume(cls, entry: Entry, path: Path, autosave: bool = True) -> GameController:
        """Resume a save (raises ``SaveError`` with a message for the player). The game goes on
        autosaving to the autosave it was loaded from; loaded from a slot (or any other file),
        to an autosave of its own, never to another game's."""
        sc = entry.scenario
        assert sc is not None
        target = None
        if autosave:
            if savefolder.kind_of(Path(path)) == "autosave":
                target = Path(path)
            else:
                target = savefolder.new_autosave_path(saves.save_dir(), sc.meta.id)
        s = Session.resume(sc, path, autosave=target)
        if not s.humans:
            raise SaveError(f"{path}: this save has no human player")
        s.enable_counterfactual()
        diff = s.record.label if s.record.label in DIFFICULTIES else sc.meta.difficulty
        ctl = cls(entry, s, s.humans, diff, target)
        if target is not None and target != Path(path):  # a new autosave: written now, as new()
            ctl.write_autosave()
            savefolder.prune_autosaves(saves.save_dir(), sc.meta.id, in_use=target)
        return ctl

    def write_autosave(self) -> bool:
        """Write the autosave now; on failure (a full disk, a folder gone) keep its path and say
        why in ``save_problem``. True when it was written."""
        path = self.session.autosave
        if path is None:
            return False
        try:
            self.session.save(path)
        except OSError as e:
            self.save_problem = write_problem(e, path)
            return False
        self.save_problem = ""
        return True

    # ---- reading -----------------------------------------------------------------------------
    @property
    def c(self):  # noqa: ANN201 - the engine's Compiled
        return self.session.c

    @property
    def scenario(self) -> Scenario:
        return self.session.scenario

    def _bump(self) -> None:
        self.version += 1

    # ---- teams -------------------------------------------------------------------------------
    @property
    def role(self) -> str:
        """The team planning now (or, outside planning, the team whose view is shown)."""
        return self.roles[min(self.active, len(self.roles) - 1)]

    @property
    def hotseat(self) -> bool:
        return len(self.roles) > 1

    def view_as(self, role: str) -> None:
        """Show another team's view (debrief and summary only, never while planning)."""
        if self.phase != Phase.PLANNING and role in self.roles:
            self.active = self.roles.index(role)
            self._bump()

    def start_planning(self) -> None:
        """The team named on the hand-off screen has the keyboard."""
        self.handoff = False
        self.elapsed = 0.0
        self.message = ""
        self._bump()

    def team_status(self) -> list[tuple[str, str]]:
        """(team, "done" | "now" | "waiting") for the hand-off screen: never what a team chose."""
        out = []
        for i, r in enumerate(self.roles):
            state = "done" if r in self.teams_done else ("now" if i == self.active else "waiting")
            out.append((r, state))
        return out

    def chooser_team(self, ev: PendingEvent) -> str | None:
        """The team that answers an event, if a person plays its chooser."""
        return ev.chooser if ev.chooser in self.roles else None

    def time_left(self) -> float | None:
        """Seconds left on the planning timer (negative when over), or None when it is off."""
        if not self.timer_min:
            return None
        return self.timer_min * 60 - self.elapsed

    def tick(self, dt: float) -> None:
        if self.phase == Phase.PLANNING and not self.handoff:
            self.elapsed += dt

    def idle(self) -> None:
        """Work for a quiet frame of the planning: the counterfactual's next turn (it does not
        depend on the plans), so that ending the turn does not wait for it."""
        if self.phase == Phase.PLANNING:
            self.session.prepare_counterfactual()

    def choices(self) -> list[ChoiceView]:
        if self._choices is None or self._choices[0] != self.version:
            self._choices = (self.version, self.session.choices(self.role))
        return self._choices[1]

    def planned_ids(self) -> list[int]:
        seat = self.c.actor_index[self.role]
        return list(self.session.planned.get(seat, []))

    def preview(self, cid: int) -> Preview:
        key = (self.session.turn, cid)
        p = self._previews.get(key)
        if p is None:
            p = self.session.preview(cid)
            self._previews[key] = p
        return p

    def budget(self) -> dict[str, float]:
        """The player's resources: those the player has or that the player's actions cost."""
        s = self.session
        c = s.c
        seat = c.actor_index[self.role]
        mine = c.seat_choices[seat]
        keep = [
            r
            for i, r in enumerate(c.res_ids)
            if s.st.res[0, seat, i] or (mine and c.choice_cost[mine, i].any())
        ]  # type: ignore[attr-defined]
        if not s.in_turn:
            b = s.budget(self.role)
            return {r: b.get(r, 0.0) for r in keep}
        # between end_turn and finish_turn the costs are already paid: show what is left
        return {r: float(s.st.res[0, seat, c.res_index[r]]) for r in keep}

    def slots_left(self) -> int:
        if self.session.in_turn:
            return 0
        return self.session.slots_left(self.role)

    def event_effects(self, event_id: str) -> list[str]:
        """What an event did by itself, with the real numbers (its options' effects are
        listed with the options)."""
        if event_id not in self.c.event_index:
            return []
        return self.session.event_effects(event_id)

    @property
    def current_event(self) -> ShownEvent | None:
        if self.phase == Phase.EVENTS and self.event_index < len(self.events):
            return self.events[self.event_index]
        return None

    # ---- acting ------------------------------------------------------------------------------
    def plan(self, cid: int) -> bool:
        if self.phase != Phase.PLANNING or self.handoff:
            return False
        if self.c.actor_ids[int(self.c.choice_seat[cid])] != self.role:
            return False  # only the team at the keyboard plans, and only its own actions
        self.pass_asked = False
        try:
            self.session.plan(cid)
        except IllegalAction as e:
            self.message = str(e)
            self._bump()
            return False
        self.message = ""
        self._bump()
        return True

    def unplan(self, cid: int) -> bool:
        """Take back a planned action that is not the last one (undo the later ones, re-plan)."""
        ids = self.planned_ids()
        if cid not in ids or self.phase != Phase.PLANNING or self.handoff:
            return False
        later = ids[ids.index(cid) + 1 :]
        for _ in range(len(later) + 1):
            self.session.undo(self.role)
        for x in later:
            self.session.plan(x)
        self.message = ""
        self.pass_asked = False
        self._bump()
        return True

    def undo(self) -> int | None:
        if self.phase != Phase.PLANNING or self.handoff:
            return None
        r = self.session.undo(self.role)
        self.message = ""
        self.pass_asked = False
        self._bump()
        return r

    def ask_end_turn(self) -> None:
        """E or the End turn button. With nothing planned while an action could still be
        taken, the first press only asks (``pass_asked``; the scene says "press E again"): a
        stray key on a shared keyboard must not lose a year. The second press passes."""
        if (
            self.phase == Phase.PLANNING
            and not self.handoff
            and not self.session.over
            and not self.pass_asked
            and not self.planned_ids()
            and any(c.legal for c in self.choices())
        ):
            self.pass_asked = True
            self._bump()
            return
        self.end_turn()

    def end_turn(self) -> None:
        """The planning team is done. In hotseat the keyboard passes to the next team; after
        the last team the turn resolves up to its events, which the scenes then show."""
        if self.phase != Phase.PLANNING or self.session.over or self.handoff:
            return
        if self.role not in self.teams_done:
            self.teams_done.append(self.role)
        self.message = ""
        self.pass_asked = False
        if self.active < len(self.roles) - 1:
            self.active += 1
            self.handoff = True
            self._bump()
            return
        pending = {e.event_id for e in self.session.end_turn()}
        fired = self.session.fired_events()
        self.events = [ShownEvent(e, e.event_id in pending) for e in fired]
        self.event_index = 0
        self.phase = Phase.EVENTS
        self._bump()
        if not self.events:
            self.finish()

    def choose(self, option: int) -> bool:
        ev = self.current_event
        if ev is None or not ev.needs_choice:
            return False
        try:
            self.session.choose_option(ev.event.event_id, option)
        except IllegalAction as e:
            self.message = str(e)
            return False
        ev.chosen = option
        self.option_log[(self.session.turn, ev.event.event_id)] = option
        self._bump()
        return True

    def next_event(self) -> None:
        """Close the current pop-up (after its option was chosen, if it needs one)."""
        ev = self.current_event
        if ev is None:
            return
        if ev.needs_choice and ev.chosen is None:
            return
        self.event_index += 1
        self._bump()
        if self.event_index >= len(self.events):
            self.finish()

    def finish(self) -> TurnReport | None:
        if self.phase != Phase.EVENTS:
            return None
        try:
            rep = self.session.finish_turn()
            if self.session.autosave is not None:
                self.save_problem = ""
        except OSError as e:
            # the turn is played; only its autosave failed (a full disk, a folder gone): the
            # last good autosave is whole, the path is kept and the next turn tries again
            self.save_problem = write_problem(e, self.session.autosave or "autosave")
            rep = self.session.reports[-1]
        self.last_report = rep
        self.events = []
        self.event_index = 0
        self.phase = Phase.SUMMARY
        self._bump()
        return rep

    def continue_after_summary(self) -> None:
        if self.phase == Phase.SUMMARY:
            self.phase = Phase.OVER if self.session.over else Phase.PLANNING
            self._new_planning_round()
            self._bump()

    def _new_planning_round(self) -> None:
        self.active = 0
        self.teams_done = []
        self.elapsed = 0.0
        self.handoff = self.hotseat and self.phase == Phase.PLANNING

    def end_game_now(self) -> None:
        """The teacher ends the game early (the bell rang): go to the debrief as it stands."""
        if self.phase == Phase.PLANNING:  # plans of an unfinished turn are dropped
            for r in self.roles:
                while self.session.undo(r) is not None:
                    pass
            self.active = 0
            self.handoff = False
        if self.phase == Phase.EVENTS:
            for ev in self.events[self.event_index :]:
                if ev.needs_choice and ev.chosen is None:
                    self.session.choose_option(ev.event.event_id, 0)
                    ev.chosen = 0
            self.event_index = len(self.events)
            self.finish()
        if not self.session.over:
            self.ended_early = True
        self.phase = Phase.OVER
        self._bump()

    def save_to(self, path: Path) -> Path:
        return self.session.save(path)

    # ---- the historical benchmark ------------------------------------------------------------
    def benchmark(self) -> Benchmark:
        """The historical path for as many turns as the group has played: the same benchmark
        as the class report and ``play --headless`` (``play.history.history_session``: same
        scenario and seed, standard difficulty, the recorded history), so the students' screen
        and the projected report never disagree."""
        from ..play.history import history_session

        n = len(self.session.reports)
        if self._bench is not None and self._bench.turns == n:
            return self._bench
        sc = self.scenario
        b = history_session(sc, self.session.seed, n)
        self._bench = Benchmark(b, n, any(sc.history.get(r) for r in self.roles))
        return self._bench

    def has_history(self, role: str) -> bool:
        """Whether the scenario records history for ``role``: then the benchmark plays it as
        history went, else the computer plays it (greedy) and is named so."""
        return bool(self.scenario.history.get(role))

    def bench_is_history(self) -> bool:
        """Whether the benchmark is history for any of the group's roles (it is named "the
        historical path" then, "the computer's path" otherwise)."""
        return any(self.has_history(r) for r in self.roles)
