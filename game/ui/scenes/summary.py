"""The turn summary: what every actor did, which events fired (and what was chosen), how each
state's autonomy moved, and the biggest changes with their causes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .. import text
from .. import viewmodels as vm
from ..controller import GameController
from ..i18n import tr
from ..input import Action, Input
from ..theme import SIZE, current
from ..widgets import Button, FocusRing, ScrollText, panel
from .base import Scene

if TYPE_CHECKING:
    from ..app import App

Rect = pygame.Rect
LEFT = Rect(16, 72, 616, 590)
RIGHT = Rect(648, 72, 616, 590)


class SummaryScene(Scene):
    name = "summary"

    def __init__(self, app: App, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        rep = ctl.last_report
        assert rep is not None
        self.vm = vm.summary_vm(ctl.session, rep, ctl.role)
        n = len(self.vm.autonomy)
        lh = text.line_height(SIZE.BODY)
        self.table_h = text.line_height(SIZE.H2) + 4 + n * lh + 8
        self.left = ScrollText(panel_inner(LEFT), self._left_blocks)
        r = panel_inner(RIGHT)
        self.right = ScrollText(Rect(r.x, r.y + self.table_h, r.w, r.h - self.table_h),
                                self._right_blocks)
        last = ctl.session.over
        self.cont = Button(Rect(1280 - 16 - 300, 672, 300, 40),
                           tr("summary.to_debrief") if last else tr("summary.continue"),
                           self.done, primary=True)
        self.timeline = Button(Rect(16, 672, 260, 40), tr("game.timeline"), self.open_timeline)
        self.ring = FocusRing([self.cont, self.left, self.right, self.timeline])

    def done(self) -> None:
        self.ctl.continue_after_summary()
        self.app.stack.pop()

    def open_timeline(self) -> None:
        from .timeline import TimelineScene

        self.app.stack.push(TimelineScene(self.app, self.ctl))

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.TIMELINE:
            self.open_timeline()
            return True
        if inp.action == Action.BACK:
            from .overlays import PauseScene

            self.app.stack.push(PauseScene(self.app, self.ctl))
            return True
        return super().handle(inp)

    def shot_key(self) -> str:
        return f"summary_{self.vm.year}"

    def _left_blocks(self) -> list[tuple[str, int, bool, object]]:
        th = current()
        out: list[tuple[str, int, bool, object]] = [(tr("summary.actions"), SIZE.H2, True, None)]
        for who, what in self.vm.actions:
            out.append((f"{who}: {what}", SIZE.BODY, False, None))
        out.append((tr("summary.events"), SIZE.H2, True, None))
        if not self.vm.events:
            out.append((tr("summary.no_events"), SIZE.BODY, False, th.ink_soft))
        for title, outcome in self.vm.events:
            out.append((title, SIZE.BODY, True, None))
            if outcome:
                out.append((outcome, SIZE.BODY, False, None))
        return out

    def _right_blocks(self) -> list[tuple[str, int, bool, object]]:
        th = current()
        out: list[tuple[str, int, bool, object]] = [(tr("summary.biggest"), SIZE.H2, True, None)]
        for r in self.vm.top_changes:
            out.append((f"{r.title} ({r.tag})", SIZE.BODY, True, None))
            out.append((r.changes, SIZE.BODY, False, None))
            if r.source:
                out.append((tr("why.source", source=r.source), SIZE.SMALL, False, th.ink_soft))
        return out

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        surf.fill(th.bg)
        text.draw(surf, tr("summary.title", year=self.vm.year), Rect(16, 12, 1248, 52), SIZE.H1,
                  th.ink, bold=True, valign="center", wrap_text=False, min_size=SIZE.H2)
        panel(surf, LEFT)
        r = panel(surf, RIGHT)
        h2 = text.line_height(SIZE.H2)
        text.draw(surf, tr("summary.autonomy"), Rect(r.x, r.y, r.w, h2), SIZE.H2, th.ink,
                  bold=True, wrap_text=False)
        y = r.y + h2 + 4
        lh = text.line_height(SIZE.BODY)
        for nm, v, d in self.vm.autonomy:
            arrow = "▲" if d > 0.05 else ("▼" if d < -0.05 else "•")
            col = th.good if d > 0.05 else (th.bad if d < -0.05 else th.ink)
            text.draw(surf, nm, Rect(r.x, y, 280, lh), SIZE.BODY, th.ink, wrap_text=False,
                      min_size=SIZE.SMALL)
            text.draw(surf, f"{v:.1f}", Rect(r.x + 280, y, 100, lh), SIZE.BODY, th.ink,
                      bold=True, align="right", wrap_text=False)
            text.draw(surf, f"{arrow} {vm.fmt_delta(d)}", Rect(r.x + 400, y, 180, lh), SIZE.BODY,
                      col, bold=True, wrap_text=False)
            y += lh
        self.ring.draw(surf)


def panel_inner(r: Rect) -> Rect:
    return r.inflate(-20, -12)
