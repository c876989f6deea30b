"""``TextField``: a one-line text box (the class code)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from .. import text
from ..input import Action, Input
from ..theme import SIZE, current
from .base import Widget, draw_focus

Rect = pygame.Rect


class TextField(Widget):
    """A one-line text box: typed characters are added, Backspace deletes, Enter submits."""

    takes_text = True

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        label: str,
        on_enter: Callable[[str], Any],
        max_len: int = 120,
    ) -> None:
        super().__init__(rect)
        self.label = label
        self.value = ""
        self.on_enter = on_enter
        self.max_len = max_len

    def handle(self, inp: Input) -> bool:
        a = inp.action
        if a == Action.ACTIVATE and inp.char != " ":
            self.on_enter(self.value)
            return True
        if a == Action.UNDO and inp.key == pygame.K_BACKSPACE:
            self.value = self.value[:-1]
            return True
        ch = inp.char
        if a == Action.DIGIT and not ch:
            ch = str(inp.value)
        if (
            ch
            and len(ch) == 1
            and ch.isprintable()
            and a not in (Action.NEXT, Action.PREV, Action.BACK, Action.CLICK)
        ):
            if len(self.value) < self.max_len:
                self.value += ch
            return True
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        pygame.draw.rect(surf, th.panel, self.rect, border_radius=6)
        pygame.draw.rect(
            surf, th.border, self.rect, 2 if focused else th.outline_w, border_radius=6
        )
        inner = self.rect.inflate(-12, -4)
        lab_h = text.line_height(SIZE.SMALL)
        text.draw(
            surf,
            self.label,
            Rect(inner.x, inner.y, inner.w, lab_h),
            SIZE.SMALL,
            th.ink_soft,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        row = Rect(inner.x, inner.y + lab_h, inner.w, inner.h - lab_h)
        shown = self.value + ("|" if focused else "")
        while shown and text.width(shown, SIZE.BODY) > row.w:
            shown = shown[1:]  # keep the end (where one types) in view
        text.draw(
            surf,
            shown,
            row,
            SIZE.BODY,
            th.ink,
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        if focused:
            draw_focus(surf, self.rect)
