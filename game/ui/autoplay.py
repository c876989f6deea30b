"""``--autoplay N``: a policy plays the player's role through the real input path.

Each frame, when the event queue is empty, the driver looks at the scene on top (read-only) and
posts **one** real ``KEYDOWN`` event, the key a person would press: Tab to the Start button and
Enter; on the map, Tab to the actions list, arrows to the action the policy picked (game.ai
"greedy" for the current slot, over the legal choices ``Session.choices`` reports), Enter to
plan it, E to end the turn; 1-9 to answer an event; Enter on the summary; after N turns Esc ->
"Finish the game and debrief" -> Yes; then every debrief tab and P to export. One key per frame
means every scene is drawn (and screenshotted) before the next key.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pygame

from ..ai.policies import Observation, make_policy
from ..engine.rng import BatchRandom
from .controller import GameController
from .input import key_event
from .scenes.base import Scene, SceneStack
from .scenes.debrief import PAGES, DebriefScene
from .scenes.error import ErrorScene
from .scenes.event import EventScene
from .scenes.handoff import HandoffScene
from .scenes.map_screen import MapScene
from .scenes.menu import MenuScene
from .scenes.overlays import ConfirmScene, PauseScene
from .scenes.summary import SummaryScene
from .widgets import Widget

MAX_EVENTS = 20000


class AutoPlayer:
    def __init__(
        self,
        turns: int,
        scenario_id: str | None = None,
        role: str | None = None,
        policy: str = "greedy",
        roles: tuple[str, ...] = (),
    ) -> None:
        self.turns = turns
        self.scenario_id = scenario_id
        self.role = role
        self.roles = tuple(roles)
        self.policy_name = policy
        self.posted = 0
        self.failed = ""
        self.debrief_step = 0
        self._policy: dict[int, Any] = {}
        self._want: int | None = None  # the choice id the policy picked for this slot
        self._want_key: tuple[int, str, int] | None = None  # (turn, team, actions planned)
        self._passed_turn: tuple[int, str] | None = None  # (turn, team) that plans nothing more
        self.finished = False

    # ---- helpers -------------------------------------------------------------------------------
    def _tab_to(self, scene: Scene, widget: Widget) -> pygame.event.Event | None:
        if scene.ring.focused is widget:
            return None
        return key_event(pygame.K_TAB)

    def next_events(self, stack: SceneStack) -> list[pygame.event.Event] | None:
        self.posted += 1
        if self.posted > MAX_EVENTS:
            self.failed = "too many key presses without reaching the debrief"
            return None
        ev = self._next(stack)
        if ev is None:
            return None
        return [ev]

    def _next(self, stack: SceneStack) -> pygame.event.Event | None:
        top = stack.top
        if isinstance(top, ErrorScene):
            self.failed = f"{top.title}: {top.body_text[:300]}"
            return None
        if isinstance(top, MenuScene):
            if self.scenario_id and top.entry is not None and top.entry.id != self.scenario_id:
                if top.ring.focused is not top.list:
                    return key_event(pygame.K_TAB)
                return key_event(pygame.K_DOWN)
            return self._tab_to(top, top.start_b) or key_event(pygame.K_RETURN)
        if isinstance(top, HandoffScene):
            return key_event(pygame.K_RETURN)  # "Team X is ready"
        if isinstance(top, MapScene):
            return self._on_map(top)
        if isinstance(top, EventScene):
            ev = top.ctl.current_event
            if ev is not None and ev.needs_choice:
                return key_event(pygame.K_1)
            return key_event(pygame.K_RETURN)
        if isinstance(top, SummaryScene):
            return self._tab_to(top, top.cont) or key_event(pygame.K_RETURN)
        if isinstance(top, PauseScene):
            finish = top.button("pause.finish")
            target = finish if finish.enabled else top.buttons[0]
            return self._tab_to(top, target) or key_event(pygame.K_RETURN)
        if isinstance(top, ConfirmScene):
            return self._tab_to(top, top.yes) or key_event(pygame.K_RETURN)
        if isinstance(top, DebriefScene):
            self.debrief_step += 1
            k = self.debrief_step
            if k < len(PAGES):
                return key_event(pygame.K_1 + k)  # pages 2..5
            if k == len(PAGES):
                return key_event(pygame.K_p)  # export PNG + Markdown
            if k == len(PAGES) + 1:
                return key_event(pygame.K_1)
            self.finished = True
            return None
        return key_event(pygame.K_ESCAPE)

    # ---- the map screen ------------------------------------------------------------------------
    def _on_map(self, scene: MapScene) -> pygame.event.Event | None:
        ctl = scene.ctl
        s = ctl.session
        if len(s.reports) >= self.turns or s.over:
            return key_event(pygame.K_ESCAPE)  # -> pause -> finish and debrief
        if self._passed_turn == (s.turn, ctl.role):
            return key_event(pygame.K_e)
        want = self._choice(ctl)
        if want is None:
            self._passed_turn = (s.turn, ctl.role)
            return key_event(pygame.K_e)
        if scene.large:
            return self._large(scene, want)
        if (
            scene.ring.focused is not scene.choice_list
            and scene.ring.focused is not scene.map_widget
        ):
            return key_event(pygame.K_TAB)
        ch = next(c for c in ctl.choices() if c.id == want)
        rows = scene.rows()
        idx = next((i for i, r in enumerate(rows) if r.choice.id == want), None)
        if idx is None:  # the action targets another state: select it on the map
            if scene.ring.focused is not scene.map_widget:
                return key_event(pygame.K_TAB, pygame.KMOD_SHIFT)
            on_map = ch.target in ctl.session.c.state_ids  # a power (JPN) is not a state
            if on_map and scene.screen.selected != ch.target:
                return key_event(pygame.K_RIGHT)
            if scene.screen.view.show_all:  # listed nowhere the keys reach: pass the turn
                self._passed_turn = (s.turn, ctl.role)
                return key_event(pygame.K_e)
            return key_event(pygame.K_a)  # not on the map: show all actions
        if scene.ring.focused is not scene.choice_list:
            return key_event(pygame.K_TAB)
        if scene.choice_list.selected != idx:
            return key_event(pygame.K_DOWN if scene.choice_list.selected < idx else pygame.K_UP)
        self._want = None
        self._want_key = None
        return key_event(pygame.K_RETURN)

    def _large(self, scene: MapScene, want: int) -> pygame.event.Event:
        """The large-text layout: the action's number key; else all actions (A), the Actions
        tab, the list, arrows and Enter."""
        ctl = scene.ctl
        rows = scene.rows()
        idx = next((i for i, r in enumerate(rows) if r.choice.id == want), None)
        if idx is None:
            if not scene.screen.view.show_all:
                return key_event(pygame.K_a)
            self._passed_turn = (ctl.session.turn, ctl.role)  # cannot be reached: pass
            return key_event(pygame.K_e)
        row = rows[idx]
        if row.number <= 9:
            self._want = None
            self._want_key = None
            return key_event(pygame.K_0 + row.number)
        if scene.ring.focused is scene.choice_list:
            if scene.choice_list.selected != idx:
                return key_event(pygame.K_DOWN if scene.choice_list.selected < idx else pygame.K_UP)
            self._want = None
            self._want_key = None
            return key_event(pygame.K_RETURN)
        if scene.screen.view.tab != "actions" and scene.ring.focused is scene.tabs:
            return key_event(pygame.K_RIGHT)
        return key_event(pygame.K_TAB)

    def _choice(self, ctl: GameController) -> int | None:
        """The policy's pick for the next free slot this turn, or None to end the turn."""
        s = ctl.session
        if ctl.slots_left() <= 0:
            return None
        key = (s.turn, ctl.role, len(ctl.planned_ids()))
        if self._want_key == key:
            return self._want
        c = s.c
        seat = c.actor_index[ctl.role]
        if seat not in self._policy:
            self._policy[seat] = make_policy(self.policy_name, c, seat)
        policy = self._policy[seat]
        table = [int(x) for x in c.seat_table[seat]]
        legal = {ch.id for ch in ctl.choices() if ch.legal}
        mask = np.zeros((1, len(table) + 1), dtype=bool)
        mask[0, 0] = True
        for i, cid in enumerate(table):
            if cid >= 0 and cid in legal:
                mask[0, i + 1] = True
        slot = len(ctl.planned_ids())
        a = int(
            policy.act(
                Observation(c, s.st, s.p, seat, slot),
                mask,
                BatchRandom(s.st.policy_keys[:, seat], s.turn, slot),
            )[0]
        )
        want = table[a - 1] if a > 0 else None
        self._want, self._want_key = want, key
        return want
