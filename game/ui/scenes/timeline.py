"""The timeline: every turn of the game so far, with everyone's actions, the events and the
options chosen. Becomes the "key decisions" of the debrief."""

from __future__ import annotations

import pygame

from .. import text
from .. import viewmodels as vm
from ..controller import GameController
from ..i18n import tr
from ..theme import SIZE, current
from ..widgets import Button, FocusRing, ScrollText, TextBlock, panel
from .base import Host, Scene

Rect = pygame.Rect
BOX = Rect(16, 72, 1248, 590)


class TimelineScene(Scene):
    name = "timeline"

    def __init__(self, app: Host, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        self.turns = vm.timeline(ctl.session, ctl.roles)
        self.body = ScrollText(BOX.inflate(-20, -12), self._blocks)
        self.body.scroll(10**6)  # the latest turn first in view
        self.close = Button(
            Rect(1280 - 16 - 260, 672, 260, 40),
            tr("common.close"),
            self.app.stack.pop,
            primary=True,
        )
        self.ring = FocusRing([self.body, self.close])

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def _blocks(self) -> list[TextBlock]:
        th = current()
        out: list[TextBlock] = []
        for t in self.turns:
            out.append((t.year, SIZE.H2, True, None))
            for kind, line in t.lines:
                col = None if kind == "you" else (th.ink_soft if kind == "actor" else None)
                out.append(
                    (("• " if kind != "event" else "◆ ") + line, SIZE.BODY, kind == "you", col)
                )
        if not out:
            out.append((tr("timeline.empty"), SIZE.BODY, False, None))
        return out

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        surf.fill(th.bg)
        text.draw(
            surf,
            tr("timeline.title"),
            Rect(16, 12, 1248, 52),
            SIZE.H1,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=False,
        )
        panel(surf, BOX)
        self.ring.draw(surf)
