"""``FocusRing``: the Tab order of a scene's widgets; it routes input to the focused one."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..input import Action, Input
from .base import Widget


class FocusRing:
    """The Tab order of a scene's widgets; routes input to the focused one."""

    def __init__(self, widgets: Sequence[Widget] = ()) -> None:
        self.widgets: list[Widget] = list(widgets)
        self.index = 0
        self._skip_disabled()

    def _usable(self, w: Widget) -> bool:
        return w.visible and w.focusable and w.enabled

    def _skip_disabled(self) -> None:
        if self.widgets and not self._usable(self.widgets[self.index]):
            self.move(+1)

    @property
    def focused(self) -> Widget | None:
        return self.widgets[self.index] if self.widgets else None

    def focus(self, w: Widget) -> None:
        if w in self.widgets:
            self.index = self.widgets.index(w)

    def move(self, d: int) -> None:
        n = len(self.widgets)
        for _ in range(n):
            self.index = (self.index + d) % n
            if self._usable(self.widgets[self.index]):
                return

    def handle(self, inp: Input) -> bool:
        if not self.widgets:
            return False
        if inp.action == Action.NEXT:
            self.move(+1)
            return True
        if inp.action == Action.PREV:
            self.move(-1)
            return True
        if inp.action in (Action.CLICK, Action.WHEEL, Action.MOTION) and inp.pos is not None:
            for w in self.widgets:
                if w.hit(inp.pos):
                    w.just_focused = self.focused is not w
                    if inp.action == Action.CLICK and self._usable(w):
                        self.focus(w)
                    if inp.action != Action.MOTION:
                        return w.handle(inp) or True
            return False
        if inp.action == Action.WHEEL:
            f = self.focused
            return bool(f and f.handle(inp))
        f = self.focused
        if f is None or not self._usable(f):
            self._skip_disabled()
            f = self.focused
        return bool(f and self._usable(f) and f.handle(inp))

    def draw(self, surf: pygame.Surface) -> None:
        for w in self.widgets:
            if w.visible:
                w.draw(surf, w is self.focused and self._usable(w))
