"""An error screen: a scenario that fails validation (the validator's messages, verbatim) or a
save that cannot be loaded. Never a traceback."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from .. import text
from ..i18n import tr
from ..theme import SIZE, current
from ..widgets import Button, FocusRing, ScrollText, TextBlock, panel
from .base import Host, Scene

Rect = pygame.Rect
BOX = Rect(16, 132, 1248, 524)


class ErrorScene(Scene):
    name = "error"

    def __init__(
        self,
        app: Host,
        title: str,
        body: str,
        intro: str = "",
        on_close: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(app)
        self.title = title
        self.intro = intro
        self.body_text = body
        self.on_close = on_close
        self.body = ScrollText(BOX.inflate(-24, -16), self._blocks)
        self.close = Button(
            Rect(1280 - 16 - 300, 668, 300, 44), tr("common.back"), self.done, primary=True
        )
        self.ring = FocusRing([self.close, self.body])

    def _blocks(self) -> list[TextBlock]:
        out: list[TextBlock] = []
        for ln in self.body_text.splitlines():
            if not ln.strip():
                continue
            hint = ln.lstrip().startswith("hint:")
            out.append(
                (
                    ln.strip(),
                    SIZE.SMALL if hint else SIZE.BODY,
                    not hint,
                    current().ink_soft if hint else None,
                )
            )
        return out

    def done(self) -> None:
        if self.on_close:
            self.on_close()
        else:
            self.app.stack.pop()

    def back(self) -> bool:
        self.done()
        return True

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        surf.fill(th.bg)
        text.draw(
            surf,
            self.title,
            Rect(16, 12, 1248, 52),
            SIZE.H1,
            th.bad,
            bold=True,
            valign="center",
            wrap_text=False,
            min_size=SIZE.H2,
        )
        text.draw(
            surf,
            self.intro or tr("error.intro"),
            Rect(16, 62, 1248, 68),
            SIZE.BODY,
            th.ink,
            min_size=SIZE.SMALL,
        )
        panel(surf, BOX)
        self.ring.draw(surf)
