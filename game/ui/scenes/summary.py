"""The turn summary: the team's goals after the turn (grade, value, change, and the value
without the team's diplomacy: "your effect"), what every actor did, which events fired (and
what was chosen), how each state's autonomy moved, and the biggest changes with their causes."""

from __future__ import annotations

import pygame

from .. import fonts, text, tour_prompt
from .. import goal_views as gvs
from .. import viewmodels as vm
from ..controller import GameController
from ..i18n import tr
from ..input import Action, Input
from ..theme import SIZE, current
from ..widgets import Button, FocusRing, ScrollText, TextBlock, panel
from .base import Host, Scene

Rect = pygame.Rect
LEFT = Rect(16, 72, 616, 590)
RIGHT = Rect(648, 72, 616, 590)


class SummaryScene(Scene):
    name = "summary"
    large_text = True

    def __init__(self, app: Host, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        rep = ctl.last_report
        assert rep is not None
        self.vm = vm.summary_vm(ctl.session, rep, ctl.roles)
        self.goals = [gvs.goals_view(ctl.session, r) for r in ctl.roles]
        self.build()

    def build(self) -> None:
        """Lay the summary out in the room the guided tour leaves (all of the screen without
        it): the title, the two panels, the buttons beneath."""
        area = self._built_for = tour_prompt.free_area(self)
        self.large = fonts.scale() > 1.0
        n = len(self.vm.autonomy)
        lh = text.line_height(SIZE.BODY)
        # at a large text scale the autonomy table is part of the scrolling text
        self.table_h = 0 if self.large else text.line_height(SIZE.H2) + 4 + n * lh + 8
        bh = max(40, lh + 8)
        self.title_h = max(52, text.line_height(SIZE.H1) + 4)
        top = area.y + 12 + self.title_h + 8
        bottom = area.bottom - 12 - bh - 8
        self.left_box = Rect(LEFT.x, top, LEFT.w, bottom - top)
        self.right_box = Rect(RIGHT.x, top, RIGHT.w, bottom - top)
        self.left = ScrollText(panel_inner(self.left_box), self._left_blocks)
        r = panel_inner(self.right_box)
        self.right = ScrollText(
            Rect(r.x, r.y + self.table_h, r.w, r.h - self.table_h), self._right_blocks
        )
        last = self.ctl.session.over
        lab = tr("summary.to_debrief") if last else tr("summary.continue")
        w = max(300, text.width(lab, SIZE.BODY, True) + 40)
        by = area.bottom - 8 - bh
        self.cont = Button(Rect(1280 - 16 - w, by, w, bh), lab, self.done, primary=True)
        w2 = max(260, text.width(tr("game.timeline"), SIZE.BODY) + 40)
        self.timeline = Button(Rect(16, by, w2, bh), tr("game.timeline"), self.open_timeline)
        self.ring = FocusRing([self.cont, self.left, self.right, self.timeline])

    def done(self) -> None:
        self.ctl.continue_after_summary()
        tour_prompt.update(self)
        self.app.stack.pop()

    def update(self, dt: float) -> None:
        if self.app.stack.top is self:
            tour_prompt.update(self)
        if tour_prompt.free_area(self) != self._built_for:
            self.build()

    def tour_target(self, target: str) -> Rect | None:
        return self.left_box.union(self.right_box) if target == "summary" else None

    def open_timeline(self) -> None:
        from .timeline import TimelineScene

        self.app.stack.push(TimelineScene(self.app, self.ctl))

    def handle(self, inp: Input) -> bool:
        if tour_prompt.handle(self, inp):
            return True
        if inp.action == Action.GLOSSARY:
            self.app.open_glossary(self.ctl.scenario, [])
            return True
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

    def _goal_blocks(self) -> list[TextBlock]:
        """Each team's goals after the turn, with the value without the team's diplomacy."""
        th = current()
        out: list[TextBlock] = []
        for gv in self.goals:
            if not gv.goals:
                continue
            if self.ctl.hotseat:
                team = vm.team(self.ctl.session, gv.role)
                title = tr("summary.goals_team", team=team, year=self.vm.year)
            else:
                title = tr("summary.goals", year=self.vm.year)
            out.append((title, SIZE.H2, True, None))
            out.append((gvs.overall_line(gv), SIZE.BODY, True, None))
            for g in gv.goals:
                out.append((gvs.goal_line(gv, g), SIZE.BODY, False, None))
            out.append((gvs.explain(gv, self.ctl.session), SIZE.SMALL, False, th.ink_soft))
        return out

    def _left_blocks(self) -> list[TextBlock]:
        th = current()
        out = self._goal_blocks()
        out.append((tr("summary.actions"), SIZE.H2, True, None))
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

    def _right_blocks(self) -> list[TextBlock]:
        th = current()
        out: list[TextBlock] = []
        if self.large:
            out.append((tr("summary.autonomy"), SIZE.H2, True, None))
            for nm, v, d in self.vm.autonomy:
                arrow = "▲" if d > 0.05 else ("▼" if d < -0.05 else "•")
                out.append(
                    (f"{nm}: {vm.fmt_value(v)}  {arrow} {vm.fmt_delta(d)}", SIZE.BODY, False, None)
                )
        out.append((tr("summary.biggest"), SIZE.H2, True, None))
        for r in self.vm.top_changes:
            out.append((f"{r.title} ({r.tag})", SIZE.BODY, True, None))
            out.append((r.changes, SIZE.BODY, False, None))
            if r.source:
                out.append((tr("why.source", source=r.source), SIZE.SMALL, False, th.ink_soft))
        return out

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        surf.fill(th.bg)
        text.draw(
            surf,
            tr("summary.title", year=self.vm.year),
            Rect(16, self._built_for.y + 12, 1248, self.title_h),
            SIZE.H1,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=False,
            min_size=SIZE.H2,
        )
        panel(surf, self.left_box)
        r = panel(surf, self.right_box)
        if self.large:
            self.ring.draw(surf)
            tour_prompt.draw(self, surf)
            return
        h2 = text.line_height(SIZE.H2)
        text.draw(
            surf,
            tr("summary.autonomy"),
            Rect(r.x, r.y, r.w, h2),
            SIZE.H2,
            th.ink,
            bold=True,
            wrap_text=False,
        )
        y = r.y + h2 + 4
        lh = text.line_height(SIZE.BODY)
        for nm, v, d in self.vm.autonomy:
            arrow = "▲" if d > 0.05 else ("▼" if d < -0.05 else "•")
            col = th.good if d > 0.05 else (th.bad if d < -0.05 else th.ink)
            text.draw(
                surf,
                nm,
                Rect(r.x, y, 280, lh),
                SIZE.BODY,
                th.ink,
                wrap_text=False,
                min_size=SIZE.SMALL,
            )
            text.draw(
                surf,
                vm.fmt_value(v),
                Rect(r.x + 280, y, 100, lh),
                SIZE.BODY,
                th.ink,
                bold=True,
                align="right",
                wrap_text=False,
            )
            text.draw(
                surf,
                f"{arrow} {vm.fmt_delta(d)}",
                Rect(r.x + 400, y, 180, lh),
                SIZE.BODY,
                col,
                bold=True,
                wrap_text=False,
            )
            y += lh
        self.ring.draw(surf)
        tour_prompt.draw(self, surf)


def panel_inner(r: Rect) -> Rect:
    return r.inflate(-20, -12)
