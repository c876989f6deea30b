"""The fixed "Why?" panel: what changed in the selected state last turn. First its autonomy,
split by area and partner with the causes of each move ("Security −2.1: Russia's share +4.0
points after the CSTO exercise"); then every change grouped by cause (the action and whose it
was, the event, the option, the trend), largest first, with sources."""

from __future__ import annotations

import pygame

from ... import text
from ... import viewmodels as vm
from ...i18n import language, tr
from ...theme import SIZE, current
from ...widgets import TextBlock
from .state import MapScreenState

Rect = pygame.Rect


class WhyPanel:
    def __init__(self, screen: MapScreenState) -> None:
        self.screen = screen
        #: the title and the empty note are part of the scrolling text (large-text layout)
        self.large = False
        self._key: tuple[object, ...] | None = None
        self._blocks: list[TextBlock] = []

    def title(self) -> str:
        sc = self.screen
        rep = sc.ctl.last_report
        where = vm.name(sc.ctl.session, sc.selected) if sc.selected else ""
        return tr("why.title", state=where, year=rep.year) if rep else tr("why.title_empty")

    def blocks(self) -> list[TextBlock]:
        sc = self.screen
        ctl = sc.ctl
        key = (ctl.version, sc.selected, current().name, ctl.role, self.large, language())
        if key == self._key:
            return self._blocks
        th = current()
        rows = vm.why_rows(ctl.session, ctl.last_report, sc.selected, ctl.role)
        out: list[TextBlock] = []
        if self.large:
            out.append((self.title(), SIZE.H2, True, None))
        if sc.selected:
            auto = vm.autonomy_lines(ctl.session, ctl.last_report, sc.selected)
            for i, line in enumerate(auto):
                out.append((line, SIZE.BODY, i == 0, None if i == 0 else th.ink))
        for r in rows:
            out.append((f"{r.title} ({r.tag})", SIZE.BODY, True, None))
            out.append((r.changes, SIZE.BODY, False, None))
            if r.source:
                out.append((tr("why.source", source=r.source), SIZE.SMALL, False, th.ink_soft))
        if self.large and not rows:  # the empty-panel note is part of the scrolling text here
            out.append((self.empty_note(), SIZE.BODY, False, th.ink_soft))
        self._key, self._blocks = key, out
        return out

    def empty_note(self) -> str:
        return tr("why.no_change") if self.screen.ctl.last_report else tr("why.nothing_yet")

    def draw_empty_note(self, surf: pygame.Surface, where: Rect) -> None:
        """100 % text: "nothing yet" before the first turn, "no change" after a quiet one."""
        if not self.screen.ctl.last_report or not self.blocks():
            text.draw(surf, self.empty_note(), where, SIZE.BODY, current().ink_soft)
