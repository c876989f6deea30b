"""The main menu: the scenario list and its details, role / seed / difficulty, start, continue
the last autosave, load, settings, about the map, help, quit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from .. import catalog, saves, text
from ..controller import DIFFICULTIES, default_role
from ..i18n import language, tr
from ..input import Action, Input
from ..theme import SIZE, current
from ..widgets import Button, Cycle, FocusRing, ListView, NumberField, ScrollText, panel
from .base import Scene

if TYPE_CHECKING:
    from ..app import App

from ...scenario.model import text_in

Rect = pygame.Rect
LIST_BOX = Rect(16, 72, 420, 478)
DETAIL_BOX = Rect(452, 72, 812, 478)


class MenuScene(Scene):
    name = "menu"

    def __init__(self, app: App, entries: list[catalog.Entry] | None = None) -> None:
        super().__init__(app)
        self.entries = entries if entries is not None else catalog.discover()
        self.role: str | None = None
        self.seed = app.options.seed
        self.difficulty: str | None = app.options.difficulty
        inner = LIST_BOX.inflate(-20, -12)
        hh = text.line_height(SIZE.H2) + 4
        self.list = ListView(Rect(inner.x - 4, inner.y + hh, inner.w + 8, inner.h - hh),
                             lambda: len(self.entries), self._draw_row, 104,
                             on_activate=lambda i: self.start(), on_select=self._selected)
        d = DETAIL_BOX.inflate(-20, -12)
        self.details = ScrollText(Rect(d.x, d.y + 100, d.w, d.h - 100), self._detail_blocks)
        y1, y2 = 562, 640
        self.role_w = Cycle(Rect(16, y1, 300, 66), tr("menu.role"), self._roles,
                            lambda: self.role, self._set_role, self._role_name)
        self.seed_w = NumberField(Rect(328, y1, 230, 66), tr("menu.seed"), lambda: self.seed,
                                  self._set_seed, lo=0, hi=999_999)
        self.diff_w = Cycle(Rect(570, y1, 330, 66), tr("menu.difficulty"),
                            lambda: list(DIFFICULTIES), lambda: self._difficulty(),
                            self._set_difficulty, lambda v: tr(f"difficulty.{v}"))
        self.start_b = Button(Rect(912, y1, 352, 66), tr("menu.start"), self.start,
                              lambda: self.entry is not None, primary=True, size=SIZE.H2)
        labels: list[tuple[Any, Any, Any]] = [
                  (self._continue_label, self.continue_game, self._can_continue),
                  (tr("menu.load"), self.load, None),
                  (tr("menu.settings"), self.app.open_settings, None),
                  (tr("menu.about_map"), self.app.open_about_map, None),
                  (tr("menu.help"), self.app.open_help, None),
                  (tr("menu.quit"), self.app.quit, None)]
        ws = [340, 170, 170, 200, 150, 150]
        gap = (1248 - sum(ws)) // (len(ws) - 1)
        x = 16
        self.bottom = []
        for (lab, fn, en), w in zip(labels, ws):
            self.bottom.append(Button(Rect(x, y2, w, 56), lab, fn, en))
            x += w + gap
        self.ring = FocusRing([self.list, self.role_w, self.seed_w, self.diff_w, self.start_b,
                               *self.bottom, self.details])
        self._autosave = saves.latest_autosave()
        self._selected(0)

    # ---- selection -----------------------------------------------------------------------------
    @property
    def entry(self) -> catalog.Entry | None:
        if not self.entries:
            return None
        return self.entries[min(self.list.selected, len(self.entries) - 1)]

    def _selected(self, i: int) -> None:
        e = self.entry
        if e and e.scenario:
            want = self.app.options.role or self.role
            self.role = default_role(e.scenario, want)
        else:
            self.role = None
        self.details.top = 0

    def _roles(self) -> list[str]:
        e = self.entry
        if not e or not e.scenario:
            return []
        return e.scenario.playable_roles or [a.id for a in e.scenario.powers][:1]

    def _role_name(self, rid: str | None) -> str:
        e = self.entry
        if not rid or not e or not e.scenario:
            return "—"
        return e.scenario.names(language()).get(rid, rid)

    def _set_role(self, r: str) -> None:
        self.role = r

    def _set_seed(self, v: int) -> None:
        self.seed = v

    def _difficulty(self) -> str:
        e = self.entry
        if self.difficulty in DIFFICULTIES:
            return self.difficulty  # type: ignore[return-value]
        return e.scenario.meta.difficulty if e and e.scenario else "standard"

    def _set_difficulty(self, v: str) -> None:
        self.difficulty = v

    # ---- actions -------------------------------------------------------------------------------
    def start(self) -> None:
        e = self.entry
        if e is None:
            return
        if not e.ok:
            self.app.show_error(tr("error.scenario_title", id=e.id), e.errors)
            return
        self.app.new_game(e, self.role, self.seed, self._difficulty())

    def _can_continue(self) -> bool:
        return self._autosave is not None

    def _continue_label(self) -> str:
        a = self._autosave
        if a is None:
            return tr("menu.continue")
        return tr("menu.continue_what", scenario=a.scenario_id, year=a.year or "—")

    def continue_game(self) -> None:
        a = self._autosave
        if a is not None:
            self.app.resume_save(a.path, a.scenario_id)

    def load(self) -> None:
        from .saves import SaveLoadScene

        self.app.stack.push(SaveLoadScene(self.app, "load", None))

    def resume(self) -> None:
        self._autosave = saves.latest_autosave()

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.BACK:
            return True  # Esc on the menu does nothing; Quit is a button
        return super().handle(inp)

    # ---- drawing -------------------------------------------------------------------------------
    def _draw_row(self, surf: pygame.Surface, i: int, r: Rect, selected: bool) -> None:
        th = current()
        e = self.entries[i]
        lh = text.line_height(SIZE.BODY) * 2
        used = text.draw(surf, e.title(language()), Rect(r.x, r.y + 4, r.w - 8, lh), SIZE.BODY,
                         th.ink, bold=True, min_size=SIZE.SMALL)
        lh = used.h
        if e.ok:
            row = e.row()
            sub = tr("menu.row", start=row["start_year"], end=row["end_year"],
                     turns=row["turns"], minutes=row["minutes"])
            col = th.ink_soft
        else:
            sub = "⚠ " + tr("menu.broken")
            col = th.bad
        text.draw(surf, sub, Rect(r.x, r.y + 4 + lh, r.w - 8, text.line_height(SIZE.SMALL)),
                  SIZE.SMALL, col, wrap_text=False, min_size=SIZE.SMALL)

    def _detail_blocks(self) -> list[tuple[str, int, bool, object]]:
        e = self.entry
        th = current()
        if e is None:
            return [(tr("menu.no_scenarios"), SIZE.BODY, False, None)]
        if not e.ok:
            return [(tr("menu.broken_detail"), SIZE.BODY, False, th.bad)]
        sc = e.scenario
        assert sc is not None
        lang = language()
        names = sc.names(lang)
        roles = ", ".join(names.get(r, r) for r in sc.playable_roles) or "—"
        out: list[tuple[str, int, bool, object]] = [
            (tr("menu.roles", roles=roles), SIZE.BODY, False, None),
            (text_in(sc.meta.summary, lang), SIZE.BODY, False, None)]
        objs = [text_in(o, lang) for o in sc.meta.learning_objectives]
        if objs:
            out.append((tr("menu.objectives"), SIZE.BODY, True, None))
            out += [("• " + o, SIZE.BODY, False, None) for o in objs]
        if e.warnings:
            out.append((tr("menu.warnings", n=len(e.warnings)), SIZE.SMALL, False, th.ink_soft))
        return out

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        surf.fill(th.bg)
        text.draw(surf, tr("app.title"), Rect(16, 8, 1248, 56), SIZE.TITLE, th.ink, bold=True,
                  valign="center", wrap_text=False, min_size=SIZE.H1)
        panel(surf, LIST_BOX, tr("menu.scenarios"))
        d = panel(surf, DETAIL_BOX)
        e = self.entry
        if e is not None:
            h1 = text.line_height(SIZE.H1)
            text.draw(surf, e.title(language()), Rect(d.x, d.y, d.w, h1), SIZE.H1, th.ink,
                      bold=True, wrap_text=False, min_size=SIZE.BODY)
            if e.ok:
                row = e.row()
                facts = tr("menu.facts", start=row["start_year"], end=row["end_year"],
                           turns=row["turns"], minutes=row["minutes"],
                           difficulty=tr(f"difficulty.{row['difficulty']}"),
                           kind=tr(f"kind.{row['kind']}"))
                text.draw(surf, facts, Rect(d.x, d.y + h1 + 4, d.w, 100 - h1 - 8), SIZE.BODY,
                          th.ink_soft, min_size=SIZE.SMALL)
        elif not self.entries:
            text.draw(surf, tr("menu.no_scenarios"), d, SIZE.BODY, th.ink)
        self.ring.draw(surf)
