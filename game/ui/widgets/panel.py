"""``panel``: a bordered box with an optional heading, the frame of most screens' parts."""

from __future__ import annotations

import pygame

from .. import text
from ..theme import SIZE, current

Rect = pygame.Rect


def panel(
    surf: pygame.Surface,
    rect: Rect,
    title: str | None = None,
    fill: tuple[int, int, int] | None = None,
    title_size: int = SIZE.H2,
) -> Rect:
    """A bordered panel with an optional heading; returns the content rectangle."""
    th = current()
    pygame.draw.rect(surf, fill or th.panel, rect, border_radius=6)
    pygame.draw.rect(surf, th.border, rect, th.outline_w, border_radius=6)
    inner = rect.inflate(-20, -12)
    if title:
        hh = text.line_height(title_size)
        text.draw(
            surf,
            title,
            Rect(inner.x, inner.y, inner.w, hh),
            title_size,
            th.ink,
            bold=True,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        inner = Rect(inner.x, inner.y + hh + 2, inner.w, inner.h - hh - 2)
    return inner
