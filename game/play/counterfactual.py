"""The counterfactual: the same game with the people's roles doing nothing ("your effect").

Beside a real game, ``Counterfactual`` plays a second game in lockstep, one turn after each
real turn: the same scenario, seed and difficulty (the same budgets and resistance), every
computer player on the same policy as in the real game, and every role a person plays on the
``passive`` policy - it never acts, and the events it would decide are answered the way a
computer player answers them (by the options' ``ai_weight``, on that role's own random stream).

Its dice are the real game's dice: the world's random stream (events that fire by chance, the
stability shocks) depends only on the seed and never on what any actor does (``engine.rng``:
the world stream is separate from every policy's stream). So the gap between the two paths is
what the people did *plus* how the world and the computer players reacted to it - that is
"your effect", not luck. A headless game with the same roles on ``passive`` (``play SCENARIO
--headless --policy JPN=passive``, standard difficulty, the same rival policies) is the same
game, turn by turn.

In a team hotseat every team passes in the one counterfactual ("if no team had acted"): a
team's real choices answered the real game, so replaying them in a world where another team
did nothing would mix real and imagined play; this is also the one counterfactual a headless
game reproduces exactly, and it costs one game however many teams play.

The counterfactual never touches the real game: it has its own state, policies and option
chooser, and only reads the real game's (read-only) parameters.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..engine import core
from ..engine.compiler import Compiled
from ..engine.state import State
from .loop import build_policies, choose_actions, option_chooser_for

#: the version of the record's ``counterfactual`` field (docs/records.md)
RECORD_VERSION = 1
#: the policy of the people's roles in the counterfactual
PASSIVE = "passive"


class Counterfactual:
    """The real game's twin with ``passive`` roles doing nothing (module docstring).

    ``start`` is the real game's state before its first turn (budgets already scaled by the
    difficulty), ``params`` the real game's parameters (only read), ``policies`` the real
    game's computer players' policy names."""

    def __init__(
        self,
        c: Compiled,
        start: State,
        params: core.Params,
        policies: Mapping[str, str],
        passive: tuple[str, ...],
    ) -> None:
        self.c = c
        self.passive = tuple(passive)
        self.policy_names = {**dict(policies), **{r: PASSIVE for r in self.passive}}
        self.p = params
        self.st = start.clone()
        self.policies = build_policies(c, self.policy_names)
        self.chooser = option_chooser_for(c, self.policy_names)
        #: every objective's value after each turn (index 0: before the first turn)
        self.objective_log: list[np.ndarray] = []
        #: every state's autonomy after each turn
        self.autonomy_log: list[np.ndarray] = []
        #: each role's overall grade letter after each turn
        self.grade_log: list[dict[str, str]] = []
        #: how long the last ``advance`` took (the benchmark reads it)
        self.last_seconds = 0.0
        self._log()

    @property
    def turn(self) -> int:
        """Turns played so far (the same count as the real game once it is in step)."""
        return int(self.st.turn[0])

    @property
    def over(self) -> bool:
        return bool(self.st.terminated[0])

    def advance(self) -> None:
        """Play one turn of the counterfactual (nothing once it is over)."""
        if self.over:
            return
        t0 = time.perf_counter()
        c, st = self.c, self.st
        avail = core.availability(c, st)
        acts = choose_actions(c, st, self.p, self.policies, avail=avail)
        core.step(c, st, self.p, acts, option_chooser=self.chooser, avail=avail)
        self._log()
        self.last_seconds = time.perf_counter() - t0

    def catch_up(self, turns: int) -> None:
        """Play until ``turns`` turns are played (or the game is over). Its turns never depend
        on the real game's, so it may run a turn ahead: ``Session.prepare_counterfactual``."""
        while self.turn < turns and not self.over:
            self.advance()

    def _log(self) -> None:
        c = self.c
        self.objective_log.append(core.objective_values(c, self.st)[0].copy())
        self.autonomy_log.append(self.st.autonomy[0].copy())
        g = core.role_grades(c, self.st)
        self.grade_log.append({c.actor_ids[r]: core.GRADES[int(v[0])] for r, v in g.items()})

    def values(self, turn: int) -> np.ndarray | None:
        """Every objective's value after ``turn`` turns (None if not played yet)."""
        return self.objective_log[turn] if 0 <= turn < len(self.objective_log) else None

    def mean_autonomy(self) -> list[float]:
        """The average autonomy of the states after each turn (turn 0 first)."""
        return [float(np.mean(a)) if a.size else 0.0 for a in self.autonomy_log]

    def to_record(self, turns: int | None = None) -> dict[str, Any]:
        """The record's ``counterfactual`` field (docs/records.md, "counterfactual"), up to
        ``turns`` turns played (all it has played by default)."""
        c = self.c
        out = []
        logs = zip(self.objective_log, self.autonomy_log, self.grade_log)
        for t, (vals, aut, grades) in enumerate(logs):
            if turns is not None and t > turns:
                break
            objs: dict[str, dict[str, float]] = {}
            for j, ob in enumerate(c.objectives):
                objs.setdefault(c.actor_ids[ob.role], {})[ob.id] = round(float(vals[j]), 6)
            out.append(
                {
                    "turn": t,
                    "autonomy": np.round(aut, 6).tolist(),
                    "objectives": objs,
                    "grades": dict(grades),
                }
            )
        return {
            "version": RECORD_VERSION,
            "passive": list(self.passive),
            "policies": dict(self.policy_names),
            "turns": out,
        }
