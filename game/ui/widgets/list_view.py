"""``ListView``: a scrolling list of rows drawn by the scene (scenarios, actions, saves, terms)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ..input import Action, Input
from ..theme import current
from .base import Widget, draw_focus

Rect = pygame.Rect


class ListView(Widget):
    """A scrolling list of rows. ``draw_row(surf, i, rect, selected)`` draws one row."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        count: Callable[[], int],
        draw_row: Callable[[pygame.Surface, int, Rect, bool], None],
        row_h: int,
        on_activate: Callable[[int], Any] | None = None,
        on_select: Callable[[int], Any] | None = None,
    ) -> None:
        super().__init__(rect)
        self.count = count
        self.draw_row = draw_row
        self.row_h = row_h
        self.on_activate = on_activate
        self.on_select = on_select
        self.selected = 0
        self.top = 0

    @property
    def visible_rows(self) -> int:
        return max(1, self.rect.h // self.row_h)

    @property
    def enabled(self) -> bool:
        return self.count() > 0

    def clamp(self) -> None:
        n = self.count()
        self.selected = min(max(0, self.selected), max(0, n - 1))
        vis = self.visible_rows
        if self.selected < self.top:
            self.top = self.selected
        if self.selected >= self.top + vis:
            self.top = self.selected - vis + 1
        self.top = min(max(0, self.top), max(0, n - vis))

    def select(self, i: int) -> None:
        old = self.selected
        self.selected = i
        self.clamp()
        if self.on_select and self.selected != old:
            self.on_select(self.selected)

    def handle(self, inp: Input) -> bool:
        n = self.count()
        a = inp.action
        if n == 0:
            return False
        if a == Action.UP:
            self.select(self.selected - 1 if self.selected > 0 else n - 1)
            return True
        if a == Action.DOWN:
            self.select(self.selected + 1 if self.selected < n - 1 else 0)
            return True
        if a == Action.PAGE_UP:
            self.select(self.selected - self.visible_rows)
            return True
        if a == Action.PAGE_DOWN:
            self.select(self.selected + self.visible_rows)
            return True
        if a == Action.HOME:
            self.select(0)
            return True
        if a == Action.END:
            self.select(n - 1)
            return True
        if a == Action.WHEEL:
            self.top = min(max(0, self.top - inp.value), max(0, n - self.visible_rows))
            return True
        if a == Action.ACTIVATE:
            if self.on_activate:
                self.on_activate(self.selected)
            return True
        if a == Action.CLICK and self.hit(inp.pos):
            assert inp.pos is not None
            i = self.top + (inp.pos[1] - self.rect.y) // self.row_h
            if 0 <= i < n:
                already = i == self.selected and not self.just_focused
                self.select(i)
                if already and self.on_activate:
                    self.on_activate(i)
            return True
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        self.clamp()
        n = self.count()
        clip = surf.get_clip()
        surf.set_clip(self.rect)
        for k in range(self.visible_rows):
            i = self.top + k
            if i >= n:
                break
            r = Rect(self.rect.x, self.rect.y + k * self.row_h, self.rect.w, self.row_h)
            sel = i == self.selected
            if sel:
                pygame.draw.rect(surf, th.panel_alt, r)
                pygame.draw.rect(surf, th.ink, Rect(r.x, r.y + 2, 6, r.h - 4))
            # room for the selection bar on the left and the scroll bar on the right
            self.draw_row(surf, i, Rect(r.x + 12, r.y, r.w - 12 - 14, r.h), sel)
        surf.set_clip(clip)
        if n > self.visible_rows:  # scroll bar, so the class sees there is more
            track = Rect(self.rect.right - 6, self.rect.y, 6, self.rect.h)
            pygame.draw.rect(surf, th.panel_alt, track)
            h = max(16, self.rect.h * self.visible_rows // n)
            y = self.rect.y + (self.rect.h - h) * self.top // max(1, n - self.visible_rows)
            pygame.draw.rect(surf, th.ink_soft, Rect(track.x, y, 6, h))
        if focused:
            draw_focus(surf, self.rect)
