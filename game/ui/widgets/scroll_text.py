"""``ScrollText``: read-only wrapped text that scrolls (event text, Why?, summaries, help)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from .. import text
from ..input import Action, Input
from ..theme import SIZE, Colour, current
from .base import Widget, draw_focus

Rect = pygame.Rect

#: a paragraph: (text, size, bold, colour or None for the theme's ink)
TextBlock = tuple[str, int, bool, Colour | None]
#: the keys (and the wheel) that scroll a ``ScrollText``: a scene may pass them on to one
#: that does not have the focus (an event's text, the goals in full)
SCROLL_KEYS = (
    Action.UP,
    Action.DOWN,
    Action.PAGE_UP,
    Action.PAGE_DOWN,
    Action.HOME,
    Action.END,
    Action.WHEEL,
)


class ScrollText(Widget):
    """Read-only wrapped text that scrolls by line (arrows, PgUp/PgDn, wheel).

    ``blocks()`` returns a list of paragraphs, each ``(text, size, bold, colour_or_None)``;
    ``None`` means the theme's ink. Layout is cached until the blocks change."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        blocks: Callable[[], Sequence[TextBlock]],
        gap: int = 6,
        focusable: bool = True,
        marks: Callable[[], Sequence[str]] | None = None,
    ) -> None:
        super().__init__(rect)
        self.blocks = blocks
        self.gap = gap
        self.focusable = focusable
        self.marks = marks  # glossary terms to underline
        self.top = 0
        self._key: Any = None
        self._lines: list[tuple[str, int, bool, Any, int]] = []  # text, size, bold, col, y

    def _layout(self) -> list[tuple[str, int, bool, Any, int]]:
        blocks = list(self.blocks())
        key = (tuple(blocks), self.rect.w, text.line_height(100))
        if key != self._key:
            lines = []
            y = 0
            w = self.rect.w - 12
            for t, size, bold, col in blocks:
                for ln in text.wrap(t, size, w, bold):
                    lines.append((ln, size, bold, col, y))
                    y += text.line_height(size)
                y += self.gap
            self._lines = lines
            if self._key is not None and key[0] != self._key[0]:
                self.top = 0
            self._key = key
        return self._lines

    @property
    def content_h(self) -> int:
        lines = self._layout()
        return (lines[-1][4] + text.line_height(lines[-1][1])) if lines else 0

    @property
    def enabled(self) -> bool:
        return self.content_h > self.rect.h

    @property
    def more_below(self) -> bool:
        """Some of the text is below the box (scroll down to read it)."""
        return self.top + self.rect.h < self.content_h

    def scroll(self, dy: int) -> None:
        lines = self._layout()
        top = max(0, min(self.top + dy, max(0, self.content_h - self.rect.h)))
        # snap to the start of a line so the first visible line is whole
        starts = [y for _, _, _, _, y in lines]
        if starts and top not in starts:
            after = [y for y in starts if y >= top]
            top = after[0] if (after and dy > 0) else max([y for y in starts if y <= top] or [0])
        self.top = top

    def handle(self, inp: Input) -> bool:
        a = inp.action
        step = text.line_height(SIZE.BODY)
        if a == Action.UP or (a == Action.WHEEL and inp.value > 0):
            self.scroll(-step)
            return True
        if a == Action.DOWN or (a == Action.WHEEL and inp.value < 0):
            self.scroll(step)
            return True
        if a == Action.PAGE_UP:
            self.scroll(-(self.rect.h - step))
            return True
        if a == Action.PAGE_DOWN:
            self.scroll(self.rect.h - step)
            return True
        if a == Action.HOME:
            self.top = 0
            return True
        if a == Action.END:
            self.scroll(10**6)
            return True
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        lines = self._layout()
        clip = surf.get_clip()
        surf.set_clip(self.rect)
        marks = tuple(self.marks()) if self.marks else ()
        for ln, size, bold, col, y in lines:
            yy = self.rect.y + y - self.top
            lh = text.line_height(size)
            if yy < self.rect.y or yy + lh > self.rect.bottom + 2:
                continue  # only whole lines: a cut line is hard to read on a projector
            text.draw_line(
                surf, ln, (self.rect.x, yy), size, col or th.ink, bold, max_w=self.rect.w - 10
            )
            if marks:
                text.underline_marks(surf, ln, self.rect.x, yy, size, bold, col or th.ink, marks)
        surf.set_clip(clip)
        total = self.content_h
        if total > self.rect.h:
            track = Rect(self.rect.right - 6, self.rect.y, 6, self.rect.h)
            pygame.draw.rect(surf, th.panel_alt, track)
            h = max(16, self.rect.h * self.rect.h // total)
            frac = min(1.0, self.top / max(1, total - self.rect.h))
            y = self.rect.y + int((self.rect.h - h) * frac)
            pygame.draw.rect(surf, th.ink_soft, Rect(track.x, y, 6, h))
            # a "more below" cue in words as well as the bar
        if focused:
            draw_focus(surf, self.rect)
