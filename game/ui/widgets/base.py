"""The base of every widget (``Widget``: a rectangle that answers ``handle`` and ``draw``)
and the focus ring drawn around the focused one."""

from __future__ import annotations

import pygame

from ..input import Input
from ..theme import current

Rect = pygame.Rect


def draw_focus(surf: pygame.Surface, rect: Rect) -> None:
    """The visible focus ring: a thick outer ring plus a thin white inner ring."""
    th = current()
    r = rect.inflate(th.focus_w * 2 + 2, th.focus_w * 2 + 2)
    pygame.draw.rect(surf, th.focus, r, th.focus_w, border_radius=6)
    pygame.draw.rect(
        surf, th.focus_inner, r.inflate(-th.focus_w * 2, -th.focus_w * 2), 1, border_radius=4
    )


class Widget:
    focusable = True
    #: set by the focus ring when a click has just moved the focus here
    just_focused = False

    def __init__(self, rect: Rect | tuple[int, int, int, int]) -> None:
        self.rect = Rect(rect)
        self.visible = True

    @property
    def enabled(self) -> bool:
        return True

    def handle(self, inp: Input) -> bool:
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        pass

    def hit(self, pos: tuple[int, int] | None) -> bool:
        return pos is not None and self.visible and self.rect.collidepoint(pos)
