"""The debrief: grades per objective, the player's path against the historical path (a second,
headless session of the same scenario and seed with the role on the historical script) and the
do-nothing path (the counterfactual: the same game with the team's role passing, "without your
diplomacy"), charts of autonomy and dependence over time, key decisions, and the scenario's
discussion questions. Exports every page as PNG plus one Markdown report (P)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from ...scenario.model import text_in
from .. import goal_views as gvs
from .. import text
from .. import viewmodels as vm
from ..charts import LINE_COLOURS, MARKERS, line_chart
from ..controller import GameController
from ..export import debrief_markdown, export_name, write_pages
from ..i18n import language, tr
from ..input import Action, Input
from ..theme import SIZE, current, partner_styles
from ..widgets import Button, Cycle, FocusRing, ScrollText, TabStrip, TextBlock, Widget, panel
from .base import Host, Scene

Rect = pygame.Rect
PAGES = ("results", "autonomy", "dependence", "decisions", "discuss")
TAB_Y, TAB_H = 64, 44
CONTENT = Rect(16, 116, 1248, 548)
GRADE_POINTS = {"A": 4, "B": 3, "C": 2, "D": 1, "F": 0}


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, app: Host, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        s = ctl.session
        self.page = 0
        self.bench = ctl.benchmark()
        self.styles = partner_styles(s.c.partner_ids)
        self.dep_state = s.c.state_ids[0] if s.c.state_ids else ""
        self.tabs = TabStrip(
            Rect(16, TAB_Y, 1248, TAB_H),
            lambda: [f"{i + 1}  {tr('debrief.tab_' + p)}" for i, p in enumerate(PAGES)],
            lambda: self.page,
            self.set_page,
            size=SIZE.BODY,
        )
        self.state_w = Cycle(
            Rect(CONTENT.right - 340, CONTENT.y + 8, 330, 64),
            tr("debrief.state"),
            lambda: s.c.state_ids,
            lambda: self.dep_state,
            self._set_state,
            lambda v: vm.name(s, v),
        )
        self.text_page = ScrollText(CONTENT.inflate(-24, -16), self._text_blocks)
        self.export_b = Button(
            Rect(16, 672, 420, 40), tr("debrief.export"), self.export, primary=True
        )
        self.timeline_b = Button(
            Rect(452, 672, 260, 40),
            tr("game.timeline"),
            self.open_timeline,
            lambda: bool(s.reports),
        )
        self.menu_b = Button(
            Rect(1280 - 16 - 300, 672, 300, 40), tr("debrief.menu"), self.app.go_menu
        )
        self.team_w = Cycle(
            Rect(900, 4, 364, 52),
            tr("debrief.team"),
            lambda: list(ctl.roles),
            lambda: ctl.role,
            self._set_team,
            lambda v: vm.name(s, v),
            inline=True,
        )
        self.team_w.visible = ctl.hotseat
        self.exported: str = ""
        self.set_page(0)

    def _set_team(self, v: str) -> None:
        self.ctl.view_as(v)
        self.text_page._key = None

    def _set_state(self, v: str) -> None:
        self.dep_state = v

    def _rebuild_ring(self) -> None:
        page = PAGES[self.page]
        self.state_w.visible = page == "dependence"
        self.text_page.visible = page in ("decisions", "discuss", "results")
        self.text_page.top = 0
        self.text_page._key = None
        ws: list[Widget] = [self.team_w] if self.ctl.hotseat else []
        ws.append(self.tabs)
        if self.state_w.visible:
            ws.append(self.state_w)
        if self.text_page.visible:
            ws.append(self.text_page)
        ws += [self.export_b, self.timeline_b, self.menu_b]
        keep = self.ring.focused if hasattr(self, "ring") else None
        self.ring = FocusRing(ws)
        if keep in ws:
            self.ring.focus(keep)

    def set_page(self, i: int) -> None:
        self.page = i % len(PAGES)
        self._rebuild_ring()
        if PAGES[self.page] == "results":
            r = CONTENT.inflate(-24, -16)
            self.text_page.rect = Rect(r.x, r.y + 250, r.w, r.h - 250)
        else:
            self.text_page.rect = CONTENT.inflate(-24, -16)

    def open_timeline(self) -> None:
        from .timeline import TimelineScene

        self.app.stack.push(TimelineScene(self.app, self.ctl))

    def export(self) -> None:
        """P: every page as PNG and the Markdown report, in the export folder."""
        keep = self.page

        def page(i: int) -> Callable[[pygame.Surface], None]:
            def draw(surf: pygame.Surface) -> None:
                self.set_page(i)
                self.draw_page(surf, i)
                for w in (self.text_page, self.state_w):
                    if w.visible:
                        w.draw(surf, False)

            return draw

        try:
            _, md = write_pages(
                self.app.export_folder(),
                export_name(self.ctl),
                [(name, page(i)) for i, name in enumerate(PAGES)],
                lambda images: debrief_markdown(self.ctl, self.bench, images),
            )
        except OSError as e:
            self.app.toast(tr("debrief.export_failed", error=str(e)))
            return
        finally:
            self.set_page(keep)
        self.exported = str(md)
        self.app.toast(tr("debrief.exported", path=str(md.parent)))

    def handle(self, inp: Input) -> bool:
        a = inp.action
        if a == Action.DIGIT and 1 <= inp.value <= len(PAGES):
            self.set_page(inp.value - 1)
            return True
        if a == Action.EXPORT:
            self.export()
            return True
        if a == Action.GLOSSARY:
            self.app.open_glossary(self.ctl.scenario, [])
            return True
        if a == Action.TIMELINE:
            if self.ctl.session.reports:
                self.open_timeline()
            return True
        if a == Action.BACK:
            from .overlays import PauseScene

            self.app.stack.push(PauseScene(self.app, self.ctl))
            return True
        return super().handle(inp)

    def shot_key(self) -> str:
        return f"debrief_{self.page + 1}_{PAGES[self.page]}"

    # ---- content -------------------------------------------------------------------------------
    def _text_blocks(self) -> list[TextBlock]:
        th = current()
        s = self.ctl.session
        page = PAGES[self.page]
        out: list[TextBlock] = []
        if page == "results":
            rows = vm.objectives_against(s, self.bench.session, self.ctl.role)
            gv = gvs.goals_view(s, self.ctl.role)
            views = {g.id: g for g in gv.goals}
            for o, b in rows:
                bands = " · ".join(f"{g} {vm.fmt_number(v)}" for g, v in zip("ABCD", o["bands"]))
                out.append((f"{o['grade']}  {o['name']}", SIZE.BODY, True, None))
                line = tr("debrief.objective_line", value=vm.fmt_number(o["value"]), bands=bands)
                if b is not None:
                    key = (
                        "debrief.objective_hist"
                        if self.ctl.has_history(self.ctl.role)
                        else "debrief.objective_computer"
                    )
                    line += " · " + tr(key, grade=b["grade"], value=vm.fmt_number(b["value"]))
                g = views.get(str(o["id"]))
                if g is not None and gv.overall_without is not None:
                    line += " · " + gvs.without_objective_words(gv, g)
                out.append((line, SIZE.SMALL, False, th.ink_soft))
            if not rows:
                out.append((tr("debrief.no_objectives"), SIZE.BODY, False, None))
            if not self.bench.has_history:
                out.append(
                    (
                        tr("debrief.no_history", role=vm.name(s, self.ctl.role)),
                        SIZE.SMALL,
                        False,
                        th.ink_soft,
                    )
                )
        elif page == "decisions":
            for d in vm.decisions(s, self.bench.session, self.ctl.role):
                out.append((d.year, SIZE.H2, True, None))
                out.append((tr("debrief.you_did", what=d.yours), SIZE.BODY, False, None))
                if d.historical:
                    out.append(
                        (
                            tr(
                                "debrief.history_did"
                                if self.ctl.has_history(self.ctl.role)
                                else "debrief.computer_did",
                                what=d.historical,
                            ),
                            SIZE.BODY,
                            False,
                            th.ink_soft,
                        )
                    )
            if not s.record.turns:
                out.append((tr("timeline.empty"), SIZE.BODY, False, None))
        elif page == "discuss":
            qs = vm.discussion_questions(s, self.ctl.roles)
            out.append((tr("debrief.questions"), SIZE.H2, True, None))
            computer = vm.computer_teams(s, self.ctl.roles)
            if computer:
                teams = ", ".join(vm.name(s, r) for r in computer)
                out.append(
                    (tr("debrief.computer_teams", teams=teams), SIZE.SMALL, False, th.ink_soft)
                )
            if qs:
                out += [(f"{i + 1}. {q}", SIZE.BODY, False, None) for i, q in enumerate(qs)]
            else:
                out.append((tr("debrief.no_questions"), SIZE.BODY, False, th.ink_soft))
            objs = [text_in(o, language()) for o in s.scenario.meta.learning_objectives]
            if objs:
                out.append((tr("menu.objectives"), SIZE.H2, True, None))
                out += [("• " + o, SIZE.BODY, False, None) for o in objs]
        return out

    def draw(self, surf: pygame.Surface) -> None:
        self.draw_page(surf, self.page)
        self.ring.draw(surf)

    def draw_page(self, surf: pygame.Surface, page_i: int) -> None:
        th = current()
        s = self.ctl.session
        surf.fill(th.bg)
        title = tr("debrief.title", scenario=text_in(s.scenario.meta.title, language()))
        # beside the team selector a long title may take two smaller lines rather than be cut
        text.draw(
            surf,
            title,
            Rect(16, 4, 870 if self.ctl.hotseat else 1248, 58),
            SIZE.H1,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=self.ctl.hotseat,
            min_size=SIZE.SMALL if self.ctl.hotseat else SIZE.BODY,
        )
        panel(surf, CONTENT)
        page = PAGES[page_i]
        inner = CONTENT.inflate(-24, -16)
        years = vm.years_axis(s)
        if page == "results":
            g, b = vm.overall_grades(s, self.bench.session, self.ctl.role)
            status = (
                tr("debrief.ended_early", n=len(s.reports), total=s.c.n_turns)
                if self.ctl.ended_early
                else tr("debrief.complete", n=len(s.reports))
            )
            lh = text.line_height(SIZE.H1)
            text.draw(
                surf,
                tr("debrief.grade", role=vm.name(s, self.ctl.role), grade=g),
                Rect(inner.x, inner.y, 560, lh),
                SIZE.H1,
                th.ink,
                bold=True,
                wrap_text=False,
                min_size=SIZE.BODY,
            )
            text.draw(
                surf,
                tr(
                    "debrief.grade_hist"
                    if self.ctl.has_history(self.ctl.role)
                    else "debrief.grade_computer",
                    grade=b,
                ),
                Rect(inner.x, inner.y + lh, 560, lh),
                SIZE.BODY,
                th.ink,
                wrap_text=False,
                min_size=SIZE.SMALL,
            )
            gv = gvs.goals_view(s, self.ctl.role)
            bl = text.line_height(SIZE.BODY)
            y = inner.y + lh + bl
            if gv.overall_without is not None:
                text.draw(
                    surf,
                    gvs.without_grade_words(gv),
                    Rect(inner.x, y, 560, bl),
                    SIZE.BODY,
                    th.ink,
                    wrap_text=False,
                    min_size=SIZE.SMALL,
                )
                y += bl
            text.draw(
                surf,
                status,
                Rect(inner.x, y + 4, 560, 60),
                SIZE.SMALL,
                th.ink_soft,
                min_size=SIZE.SMALL,
            )
            # a state's team sees its own autonomy (the five's average hides its effect)
            own = self.ctl.role if self.ctl.role in s.c.state_ids else None
            mine = vm.mean_autonomy(s, own)
            hist = vm.mean_autonomy(self.bench.session, own)
            paths = [
                (tr("debrief.your_path"), mine, LINE_COLOURS[0], "circle", False),
                (
                    tr(
                        "debrief.hist_path"
                        if self.ctl.bench_is_history()
                        else "debrief.computer_path"
                    ),
                    hist,
                    (0, 0, 0),
                    "square",
                    True,
                ),
            ]
            without = gvs.without_path(s, own)
            if without is not None:  # the do-nothing path: what the team's play changed
                paths.insert(1, (without[0], without[1], LINE_COLOURS[1], "triangle", True))
            line_chart(
                surf,
                Rect(inner.x + 580, inner.y, inner.w - 580, 240),
                years,
                paths,
                y_range=_close_range([v for p in paths for v in p[1]]),
                title=(
                    tr("debrief.state_autonomy", state=vm.name(s, own))
                    if own
                    else tr("debrief.mean_autonomy")
                ),
            )
            h2 = text.line_height(SIZE.H2)
            text.draw(
                surf,
                tr("debrief.objectives"),
                Rect(inner.x, inner.y + 250 - h2 - 4, 560, h2),
                SIZE.H2,
                th.ink,
                bold=True,
                wrap_text=False,
            )
        elif page == "autonomy":
            series = vm.autonomy_series(s)
            line_chart(
                surf,
                inner,
                years,
                [
                    (
                        x.label,
                        x.values,
                        LINE_COLOURS[i % len(LINE_COLOURS)],
                        MARKERS[i % len(MARKERS)],
                        False,
                    )
                    for i, x in enumerate(series)
                ],
                y_range=_range([v for x in series for v in x.values]),
                title=tr("debrief.autonomy_title"),
                y_label=tr("debrief.autonomy_axis"),
            )
        elif page == "dependence":
            series = vm.dependence_series(s, self.dep_state)
            chart = Rect(inner.x, inner.y, inner.w - 350, inner.h)
            line_chart(
                surf,
                chart,
                years,
                [
                    (
                        x.label,
                        x.values,
                        self.styles[x.key][0] if x.key in self.styles else LINE_COLOURS[i],
                        MARKERS[i % len(MARKERS)],
                        x.key == "ROW",
                    )
                    for i, x in enumerate(series)
                ],
                y_range=(0, 100),
                title=tr("debrief.dependence_title", state=vm.name(s, self.dep_state)),
                y_label=tr("debrief.dependence_axis"),
            )
            text.draw(
                surf,
                tr("debrief.dependence_note"),
                Rect(inner.right - 330, inner.y + 90, 330, inner.h - 90),
                SIZE.SMALL,
                th.ink_soft,
            )
        if self.exported:
            text.draw(
                surf,
                tr("debrief.exported_to", path=self.exported),
                Rect(730, 676, 230, 40),
                SIZE.SMALL,
                th.ink_soft,
                valign="center",
                wrap_text=False,
                log=False,
            )


def _close_range(vals: list[float]) -> tuple[float, float]:
    """A range that shows small gaps between close paths (your effect may be a point or two):
    whole numbers a little beyond the values, at least 4 apart."""
    if not vals:
        return (0, 100)
    lo, hi = min(vals), max(vals)
    pad = max(0.5, (hi - lo) * 0.15)
    lo, hi = max(0.0, math.floor(lo - pad)), min(100.0, math.ceil(hi + pad))
    while hi - lo < 4:
        lo, hi = max(0.0, lo - 1), min(100.0, hi + 1)
    return (lo, hi)


def _range(vals: list[float]) -> tuple[float, float]:
    if not vals:
        return (0, 100)
    lo, hi = min(vals), max(vals)
    lo = max(0.0, (int(lo) // 10) * 10 - 10)
    hi = min(100.0, (int(hi) // 10 + 1) * 10 + 10)
    return (lo, hi) if hi > lo else (0, 100)
