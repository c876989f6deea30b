"""``Cycle``: a value chosen from a short list with Left/Right (role, difficulty, on/off)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from .. import text
from ..input import Action, Input
from ..theme import SIZE, current
from .base import Widget, draw_focus

Rect = pygame.Rect


class Cycle(Widget):
    """``Label: ◀ value ▶`` — Left/Right (or Enter, or a click on an arrow) changes the value.

    The label sits above the value, or on its left with ``inline=True`` (a low box)."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        label: str,
        values: Callable[[], Sequence[Any]],
        get: Callable[[], Any],
        set_: Callable[[Any], None],
        show: Callable[[Any], str] = str,
        inline: bool = False,
    ) -> None:
        super().__init__(rect)
        self.label = label
        self.inline = inline
        self.values = values
        self.get = get
        self.set = set_
        self.show = show

    @property
    def enabled(self) -> bool:
        return len(self.values()) > 0

    def step(self, d: int) -> bool:
        vals = list(self.values())
        if not vals:
            return False
        try:
            i = vals.index(self.get())
        except ValueError:
            i = 0
        self.set(vals[(i + d) % len(vals)])
        return True

    def handle(self, inp: Input) -> bool:
        a = inp.action
        if a in (Action.RIGHT, Action.ACTIVATE):
            return self.step(+1)
        if a == Action.LEFT:
            return self.step(-1)
        if a == Action.CLICK and self.hit(inp.pos):
            assert inp.pos is not None
            return self.step(-1 if inp.pos[0] < self.rect.centerx - 40 else +1)
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        pygame.draw.rect(surf, th.panel, self.rect, border_radius=6)
        pygame.draw.rect(surf, th.border, self.rect, th.outline_w, border_radius=6)
        inner = self.rect.inflate(-12, -4)
        lab_h = text.line_height(SIZE.SMALL)
        val = self.show(self.get()) if self.values() else "—"
        if not self.inline:  # the label above the value
            text.draw(
                surf,
                self.label,
                Rect(inner.x, inner.y, inner.w, lab_h),
                SIZE.SMALL,
                th.ink_soft,
                wrap_text=False,
            )
            row = Rect(inner.x, inner.y + lab_h, inner.w, inner.h - lab_h)
        else:  # the label on the left of the value
            lab_w = min(text.width(self.label, SIZE.SMALL) + 8, inner.w // 3)
            text.draw(
                surf,
                self.label,
                Rect(inner.x, inner.y, lab_w, inner.h),
                SIZE.SMALL,
                th.ink_soft,
                valign="center",
                wrap_text=False,
            )
            row = Rect(inner.x + lab_w, inner.y, inner.w - lab_w, inner.h)
        text.draw(surf, "◀", row, SIZE.BODY, th.ink, valign="center", wrap_text=False)
        text.draw(
            surf, "▶", row, SIZE.BODY, th.ink, align="right", valign="center", wrap_text=False
        )
        text.draw(
            surf,
            val,
            row.inflate(-64, 0),
            SIZE.BODY,
            th.ink,
            bold=True,
            align="center",
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        if focused:
            draw_focus(surf, self.rect)
