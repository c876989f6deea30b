"""``Button``: a push button (Enter, Space or a click)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from .. import text
from ..input import Action, Input
from ..theme import SIZE, current
from .base import Widget, draw_focus

Rect = pygame.Rect


class Button(Widget):
    """A push button. ``label`` may be a callable so it can change with the game."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        label: str | Callable[[], str],
        on_press: Callable[[], Any],
        enabled: Callable[[], bool] | None = None,
        primary: bool = False,
        size: int = SIZE.BODY,
    ) -> None:
        super().__init__(rect)
        self._label = label
        self.on_press = on_press
        self._enabled = enabled
        self.primary = primary
        self.size = size

    @property
    def label(self) -> str:
        return self._label() if callable(self._label) else self._label

    @property
    def enabled(self) -> bool:
        return self._enabled() if self._enabled else True

    def press(self) -> bool:
        if self.enabled:
            self.on_press()
            return True
        return False

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.ACTIVATE:
            return self.press()
        if inp.action == Action.CLICK and self.hit(inp.pos):
            return self.press()
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        if not self.visible:
            return
        th = current()
        on = self.enabled
        fill = th.accent if (self.primary and on) else th.panel_alt
        ink = th.accent_ink if (self.primary and on) else (th.ink if on else th.ink_disabled)
        pygame.draw.rect(surf, fill, self.rect, border_radius=6)
        pygame.draw.rect(
            surf, th.border, self.rect, 2 if focused else th.outline_w, border_radius=6
        )
        label = self.label if on else self.label
        text.draw(
            surf,
            label,
            self.rect.inflate(-12, -4),
            self.size,
            ink,
            bold=self.primary,
            align="center",
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        if not on:  # disabled is said by a strike line as well as by the grey
            y = self.rect.centery
            pygame.draw.line(
                surf, th.ink_disabled, (self.rect.x + 8, y), (self.rect.right - 8, y), 1
            )
        if focused:
            draw_focus(surf, self.rect)
