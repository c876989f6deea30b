"""Team hotseat: "Pass the keyboard to Team X". Shown before each team plans.

It covers the whole screen and says which teams have chosen ("Team Japan has chosen ✓"), never
what: no map, no budget, no actions; and the next team's goals as they stand (grade, value,
change, the value if no team had acted), which no team's plan can change. Enter (or the button)
gives the keyboard to the named team; nothing here is timed.
"""

from __future__ import annotations

import pygame

from .. import goal_views as gvs
from .. import text
from .. import viewmodels as vm
from ..controller import GameController, Phase
from ..i18n import tr
from ..input import Action, Input
from ..theme import SIZE, current
from ..widgets import Button, FocusRing, ScrollText, TextBlock, panel
from .base import Host, Scene

Rect = pygame.Rect
BOX = Rect(60, 30, 1160, 660)


class HandoffScene(Scene):
    name = "handoff"
    large_text = True

    def __init__(self, app: Host, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        inner = BOX.inflate(-40, -24)
        bh = text.line_height(SIZE.H2) + 16
        self.ready = Button(
            Rect(inner.x + 80, inner.bottom - bh, inner.w - 160, bh),
            self._ready_label,
            self.go,
            primary=True,
            size=SIZE.H2,
        )
        body = BOX.inflate(-40, -24)
        body.h = self.ready.rect.y - 12 - body.y
        # when the text is too long for the screen (large text), it scrolls instead
        self.body = ScrollText(body, self.lines, gap=8)
        self.ring = FocusRing([self.ready, self.body])

    def _ready_label(self) -> str:
        return tr("handoff.ready", team=vm.team(self.ctl.session, self.ctl.role))

    def go(self) -> None:
        self.ctl.start_planning()
        self.app.stack.pop()

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.BACK:
            from .overlays import PauseScene

            self.app.stack.push(PauseScene(self.app, self.ctl))
            return True
        return super().handle(inp)

    def update(self, dt: float) -> None:
        if self.app.stack.top is self and (
            not self.ctl.handoff or self.ctl.phase != Phase.PLANNING
        ):
            self.app.stack.pop()

    def shot_key(self) -> str:
        return f"handoff_{self.ctl.session.turn:02d}_{self.ctl.role}"

    def lines(self) -> list[TextBlock]:
        """Everything the screen says (the tests read it: no trace of any team's plan)."""
        th = current()
        s = self.ctl.session
        who = vm.team(s, self.ctl.role)
        out: list[TextBlock] = [
            (
                tr("game.when", year=s.year, turn=min(s.turn + 1, s.c.n_turns), total=s.c.n_turns),
                SIZE.BODY,
                False,
                th.ink_soft,
            ),
            (tr("handoff.title", team=who), SIZE.TITLE, True, None),
            (tr("handoff.secret", team=who), SIZE.BODY, False, None),
        ]
        for r, state in self.ctl.team_status():
            t = vm.team(s, r)
            if state == "done":
                out.append((tr("handoff.done", team=t), SIZE.BODY, True, th.good))
            elif state == "now":
                out.append((tr("handoff.now", team=t), SIZE.BODY, True, None))
            else:
                out.append((tr("handoff.waiting", team=t), SIZE.BODY, False, th.ink_soft))
        if self.ctl.timer_min:
            out.append((tr("handoff.timer", n=self.ctl.timer_min), SIZE.SMALL, False, th.ink_soft))
        gv = gvs.goals_view(s, self.ctl.role)
        if gv.goals:
            out.append((tr("handoff.goals", team=who), SIZE.H2, True, None))
            out.append((gvs.overall_line(gv), SIZE.BODY, True, None))
            out += [(gvs.goal_line(gv, g), SIZE.BODY, False, None) for g in gv.goals]
        return out

    def draw(self, surf: pygame.Surface) -> None:
        surf.fill(current().bg)
        inner = panel(surf, BOX).inflate(-20, -4)
        if self.body.content_h > self.body.rect.h:
            self.ring.draw(surf)  # scrolls
            return
        y = inner.y
        for t, size, bold, col in self.lines():
            h = len(text.wrap(t, size, inner.w, bold)) * text.line_height(size)
            text.draw(
                surf,
                t,
                Rect(inner.x, y, inner.w, h),
                size,
                col or current().ink,
                bold=bold,
                align="center",
            )  # type: ignore[arg-type]
            y += h + 8
        self.ready.draw(surf, self.ring.focused is self.ready)
