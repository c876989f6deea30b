"""Save and load. Save: the five slots. Load: every file of the save folder, newest first
(``game.play.savefolder.list_saves``: slots, each game's autosave, saves copied in), a file
that cannot be loaded shown as one line saying why; choosing it says so on an error screen."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pygame

from ...kit.files import write_problem
from ...play import savefolder
from ...play.savefolder import SaveSummary
from .. import fonts, saves, text
from ..controller import GameController
from ..i18n import language, tr
from ..text import short_title
from ..theme import SIZE, current
from ..widgets import Button, FocusRing, ListView, panel
from .base import Host, Scene

Rect = pygame.Rect
BOX = Rect(120, 40, 1040, 640)


def one_line(s: str, size: int, bold: bool, w: int) -> str:
    """``s`` cut with "…" to one line ``w`` pixels wide (a file name or a problem in a list
    row; the whole text is on the error screen)."""
    if text.width(s, size, bold) <= w:
        return s
    return text.ellipsize(s[:200], size, bold, w)


@dataclass(frozen=True)
class Row:
    """One line of the list: a save (or an empty slot, in the save list)."""

    save: SaveSummary
    slot: int | None = None  # 1-5 for a slot
    empty: bool = False

    @property
    def problem(self) -> str:
        return self.save.problem


def save_rows() -> list[Row]:
    """The five slots, each with what it holds."""
    out = []
    for i in range(1, saves.N_SLOTS + 1):
        p = saves.slot_path(i)
        if os.path.lexists(p):
            out.append(Row(savefolder.summarise(p), i))
        else:
            out.append(Row(SaveSummary(p, "slot"), i, empty=True))
    return out


def load_rows() -> list[Row]:
    """Every save in the save folder, newest first; never raises."""
    out = []
    for si in savefolder.list_saves(saves.save_dir()):
        m = savefolder.SLOT.match(si.path.name)
        out.append(Row(si, int(m.group("n")) if m else None))
    return out


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
        self.items = load_rows() if self.mode == "load" else save_rows()
        ids = {r.save.scenario_id for r in self.items if r.save.ok and r.save.scenario_id}
        self.scenarios = {sid: self.app.find_entry(sid) for sid in sorted(ids)}

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def activate(self, i: int) -> None:
        if not 0 <= i < len(self.items):
            return
        row = self.items[i]
        path = row.save.path
        if self.mode == "save":
            if self.ctl is None or row.slot is None:
                return
            try:
                self.ctl.save_to(path)
            except OSError as e:
                self.app.toast(tr("saves.failed", error=write_problem(e, path)))
                return
            self.app.toast(tr("saves.saved", slot=row.slot))
            self.app.stack.pop()
            return
        if row.empty:
            return
        if row.problem:
            self.app.show_error(tr("saves.bad_title"), row.problem)
            return
        self.app.resume_save(path, row.save.scenario_id)

    def describe(self, row: Row) -> str:
        """ "Contracts or credit? … · Japan · 2016 (3 turns played)": the scenario and the
        teams by name where the scenario is installed, and the year the game goes on in."""
        si = row.save
        entry = self.scenarios.get(si.scenario_id)
        sc = entry.scenario if entry is not None else None
        title, roles = si.scenario_id, ", ".join(si.humans)
        if sc is not None:
            names = sc.names(language())
            title = short_title(entry.title(language())) if entry is not None else title
            roles = ", ".join(names.get(r, r) for r in si.humans)
        played = tr("saves.played_one") if si.turns == 1 else tr("saves.played", n=si.turns)
        year = saves.year_now(si, sc) or "—"
        return tr("saves.desc", scenario=title, roles=roles, year=year, played=played)

    def _name(self, row: Row) -> str:
        if row.slot is not None:
            return tr("saves.slot", n=row.slot)
        if row.save.kind == "autosave":
            return tr("saves.autosave")
        return row.save.path.name

    def _draw_row(self, surf: pygame.Surface, i: int, r: Rect, selected: bool) -> None:
        th = current()
        row = self.items[i]
        si = row.save
        lh = text.line_height(SIZE.BODY)
        name = one_line(self._name(row), SIZE.BODY, True, 220)
        text.draw(
            surf, name, Rect(r.x, r.y + 4, 220, lh), SIZE.BODY, th.ink, bold=True, wrap_text=False
        )
        if row.empty:
            desc, sub = tr("saves.empty"), ""
        elif si.problem:  # one line: why it cannot be loaded (Enter shows all of it)
            said = si.problem.replace(str(si.path), si.path.name)
            desc, sub = tr("saves.damaged"), one_line(said, SIZE.SMALL, False, r.w - 240)
        else:
            desc = self.describe(row)
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
