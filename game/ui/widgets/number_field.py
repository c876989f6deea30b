"""``NumberField``: a whole number typed with the digit keys or stepped with Left/Right."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from ..input import Action, Input
from .cycle import Cycle

Rect = pygame.Rect


class NumberField(Cycle):
    """A whole number: Left/Right step it, digits type it, Backspace deletes a digit."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        label: str,
        get: Callable[[], int],
        set_: Callable[[int], None],
        lo: int = 0,
        hi: int = 999_999,
    ) -> None:
        super().__init__(rect, label, lambda: [0], get, set_)
        self.lo, self.hi = lo, hi

    def step(self, d: int) -> bool:
        self.set(min(self.hi, max(self.lo, int(self.get()) + d)))
        return True

    def handle(self, inp: Input) -> bool:
        a = inp.action
        digit = inp.char if inp.char.isdigit() and len(inp.char) == 1 else None
        if a == Action.DIGIT and digit is None:
            digit = str(inp.value)
        if digit is not None and a in (Action.DIGIT, Action.TEXT):
            v = int(str(self.get()) + digit) if self.get() else int(digit)
            self.set(min(self.hi, max(self.lo, v)))
            return True
        if a == Action.UNDO:
            s = str(self.get())[:-1]
            self.set(max(self.lo, int(s) if s else self.lo))
            return True
        if a == Action.ACTIVATE:
            return False  # Enter moves on; it does not change the number
        return super().handle(inp)

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        self.show = lambda v: str(v)
        super().draw(surf, focused)
