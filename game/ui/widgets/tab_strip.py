"""``TabStrip``: a row of tabs (the map screen's State | Actions | Why?, the debrief's pages)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from .. import text
from ..input import Action, Input
from ..theme import SIZE, current
from .base import Widget, draw_focus

Rect = pygame.Rect


class TabStrip(Widget):
    """Tabs side by side: Left/Right go to the previous or next tab (round the end), a click
    picks one. ``labels()`` are the tabs' words, ``chosen()`` the index on show and
    ``choose(i)`` shows tab ``i``; Enter calls ``on_activate`` when given."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        labels: Callable[[], Sequence[str]],
        chosen: Callable[[], int],
        choose: Callable[[int], Any],
        size: int = SIZE.SMALL,
        on_activate: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(rect)
        self.labels = labels
        self.chosen = chosen
        self.choose = choose
        self.size = size
        self.on_activate = on_activate

    def tab_rect(self, i: int) -> Rect:
        """Equal tabs; when a label needs more than an equal share, each tab as wide as its
        label (bold, as when it is on show) with the spare width shared out."""
        labels = self.labels()
        n = len(labels)
        room = self.rect.w - 8 * (n - 1)
        widths = [room // n] * n
        need = [text.width(lab, self.size, True) + 16 for lab in labels]
        if max(need) > room // n and sum(need) <= room:
            spare = (room - sum(need)) // n
            widths = [w + spare for w in need]
        x = self.rect.x + sum(widths[:i]) + 8 * i
        return Rect(x, self.rect.y, widths[i], self.rect.h)

    def handle(self, inp: Input) -> bool:
        a = inp.action
        n = len(self.labels())
        if a in (Action.LEFT, Action.RIGHT):
            self.choose((self.chosen() + (1 if a == Action.RIGHT else -1)) % n)
            return True
        if a == Action.ACTIVATE and self.on_activate is not None:
            self.on_activate()
            return True
        if a == Action.CLICK and inp.pos:
            for i in range(n):
                if self.tab_rect(i).collidepoint(inp.pos):
                    self.choose(i)
            return True
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        on_i = self.chosen()
        for i, label in enumerate(self.labels()):
            r = self.tab_rect(i)
            on = i == on_i
            pygame.draw.rect(surf, th.accent if on else th.panel_alt, r, border_radius=6)
            pygame.draw.rect(surf, th.border, r, th.outline_w, border_radius=6)
            text.draw(
                surf,
                label,
                r.inflate(-8, 0),
                self.size,
                th.accent_ink if on else th.ink,
                bold=on,
                align="center",
                valign="center",
                wrap_text=False,
                min_size=SIZE.SMALL,
            )
        if focused:
            draw_focus(surf, self.rect)
