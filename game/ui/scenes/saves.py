"""Save and load: five slots plus the autosaves (one per scenario, written every turn)."""

from __future__ import annotations

import pygame

from .. import fonts, saves, text
from ..controller import GameController
from ..i18n import language, tr
from ..text import short_title
from ..theme import SIZE, current
from ..widgets import Button, FocusRing, ListView, panel
from .base import Host, Scene

Rect = pygame.Rect
BOX = Rect(120, 40, 1040, 640)


class SaveLoadScene(Scene):
    name = "saves"
    transparent = True

    def __init__(self, app: Host, mode: str, ctl: GameController | None = None) -> None:
        super().__init__(app)
        self.mode = mode  # "save" | "load"
        self.ctl = ctl
        self.refresh()
        inner = BOX.inflate(-20, -12)
        with fonts.scale_capped(fonts.OTHER_SCENES_CAP):  # as it will be drawn
            hh = text.line_height(SIZE.H1) + 6
            row_h = max(72, text.line_height(SIZE.BODY) + text.line_height(SIZE.SMALL) + 14)
        self.list = ListView(
            Rect(inner.x, inner.y + hh, inner.w, inner.h - hh - 70),
            lambda: len(self.items),
            self._draw_row,
            row_h,
            on_activate=self.activate,
        )
        self.close = Button(
            Rect(BOX.centerx - 150, BOX.bottom - 62, 300, 48),
            tr("common.close"),
            self.app.stack.pop,
        )
        self.ring = FocusRing([self.list, self.close])

    def refresh(self) -> None:
        self.items = saves.slots()
        if self.mode == "load":
            self.items += saves.autosaves()
        ids = {si.scenario_id for si in self.items if si.scenario_id}
        self.scenarios = {sid: self.app.find_entry(sid) for sid in sorted(ids)}

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def activate(self, i: int) -> None:
        si = self.items[i]
        if self.mode == "save":
            if self.ctl is None or si.slot is None:
                return
            try:
                self.ctl.save_to(si.path)
            except OSError as e:
                self.app.toast(tr("saves.failed", error=str(e)))
                return
            self.app.toast(tr("saves.saved", slot=si.slot))
            self.app.stack.pop()
            return
        if si.empty:
            return
        if si.error:
            self.app.show_error(tr("saves.bad_title"), si.error)
            return
        self.app.resume_save(si.path, si.scenario_id)

    def describe(self, si: saves.SaveInfo) -> str:
        """ "Contracts or credit? … · Japan · 2016 (3 turns played)": the scenario and the
        teams by name where the scenario is installed, and the year the game goes on in."""
        entry = self.scenarios.get(si.scenario_id)
        sc = entry.scenario if entry is not None else None
        title, roles = si.scenario_id, si.roles
        if sc is not None:
            names = sc.names(language())
            title = short_title(entry.title(language())) if entry is not None else title
            roles = ", ".join(names.get(r, r) for r in si.roles.split(", ") if r)
        played = tr("saves.played_one") if si.turns == 1 else tr("saves.played", n=si.turns)
        return tr(
            "saves.desc", scenario=title, roles=roles, year=si.year_now(sc) or "—", played=played
        )

    def _draw_row(self, surf: pygame.Surface, i: int, r: Rect, selected: bool) -> None:
        th = current()
        si = self.items[i]
        name = tr("saves.slot", n=si.slot) if si.slot else tr("saves.autosave")
        lh = text.line_height(SIZE.BODY)
        text.draw(
            surf, name, Rect(r.x, r.y + 4, 220, lh), SIZE.BODY, th.ink, bold=True, wrap_text=False
        )
        if si.empty:
            desc, sub = tr("saves.empty"), ""
        elif si.error:
            desc, sub = tr("saves.damaged"), si.error
        else:
            desc = self.describe(si)
            sub = tr("saves.when", when=si.when(), seed=si.seed)
        text.draw(
            surf,
            desc,
            Rect(r.x + 230, r.y + 4, r.w - 240, lh),
            SIZE.BODY,
            th.ink,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        text.draw(
            surf,
            sub,
            Rect(r.x + 230, r.y + 4 + lh, r.w - 240, text.line_height(SIZE.SMALL)),
            SIZE.SMALL,
            th.ink_soft,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )

    def draw(self, surf: pygame.Surface) -> None:
        title = tr("saves.title_save") if self.mode == "save" else tr("saves.title_load")
        panel(surf, BOX, title, title_size=SIZE.H1)
        if not self.items:
            text.draw(surf, tr("saves.none"), self.list.rect, SIZE.BODY, current().ink_soft)
        self.ring.draw(surf)
