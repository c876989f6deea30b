"""The glossary (G): the scenario's terms on the left, the highlighted one's definition on the
right. Terms found in the panel that was on show (the event, the preview, the state) come first,
marked ◆, so "what does ODA mean?" is one key away."""

from __future__ import annotations

import pygame

from ...scenario.model import Scenario
from .. import glossary, text
from ..i18n import language, tr
from ..input import Action, Input
from ..theme import SIZE, current
from ..widgets import Button, FocusRing, ListView, ScrollText, TextBlock, panel
from .base import Host, Scene

Rect = pygame.Rect
BOX = Rect(20, 16, 1240, 688)
MARK = "◆ "


class GlossaryScene(Scene):
    name = "glossary"
    transparent = True
    large_text = True

    def __init__(
        self,
        app: Host,
        scenario: Scenario | None,
        found: list[str] | None = None,
        start: str | None = None,
    ) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.found = list(found or [])
        allt = glossary.terms(scenario)
        by = {t.id: t for t in allt}
        first = [by[i] for i in self.found if i in by]
        self.items = first + [t for t in allt if t.id not in self.found]
        inner = BOX.inflate(-24, -16)
        h1 = text.line_height(SIZE.H1)
        hint_h = text.line_height(SIZE.SMALL) * 2 + 4
        bh = text.line_height(SIZE.BODY) + 12
        top = inner.y + h1 + 6 + hint_h
        bottom = inner.bottom - bh - 10
        list_w = inner.w * 2 // 5
        lw = list_w - 26
        self.labels = [self._label(t, lw) for t in self.items]
        self.row_size = SIZE.BODY
        lines = max((len(text.wrap(lab, SIZE.BODY, lw, True)) for lab in self.labels), default=1)
        if lines > 1 and all(text.width(lab, SIZE.SMALL, True) <= lw for lab in self.labels):
            self.row_size, lines = SIZE.SMALL, 1  # one line each, a little smaller
        row_h = min(2, lines) * text.line_height(self.row_size) + 10
        self.list = ListView(
            Rect(inner.x, top, list_w, bottom - top),
            lambda: len(self.items),
            self._draw_row,
            row_h,
            on_select=lambda i: self._reset(),
        )
        self.body = ScrollText(
            Rect(inner.x + list_w + 24, top, inner.w - list_w - 24, bottom - top),
            self._blocks,
            gap=10,
        )
        self.hint_rect = Rect(inner.x, inner.y + h1 + 4, inner.w, hint_h)
        self.close = Button(
            Rect(BOX.centerx - 180, inner.bottom - bh, 360, bh),
            tr("common.close"),
            self.app.stack.pop,
            primary=True,
        )
        self.ring = FocusRing([self.list, self.body, self.close])
        if start:
            for i, t in enumerate(self.items):
                if t.id == start:
                    self.list.select(i)

    def _label(self, t: glossary.Term, w: int) -> str:
        """The list shows the name; a long one without its bracket (the definition has it)."""
        full = (MARK if t.id in self.found else "") + t.name
        if len(text.wrap(full, SIZE.BODY, w, True)) <= 1:
            return full
        from ..viewmodels import short_label

        return (MARK if t.id in self.found else "") + short_label(t.name)

    def _reset(self) -> None:
        self.body.top = 0

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.GLOSSARY:
            self.app.stack.pop()
            return True
        if inp.action in (Action.LEFT, Action.RIGHT) and self.ring.focused is self.list:
            self.ring.focus(self.body if inp.action == Action.RIGHT else self.list)
            return True
        return super().handle(inp)

    def current(self) -> glossary.Term | None:
        if not self.items:
            return None
        return self.items[min(self.list.selected, len(self.items) - 1)]

    def _blocks(self) -> list[TextBlock]:
        th = current()
        t = self.current()
        if t is None:
            return [(tr("glossary.empty"), SIZE.BODY, False, th.ink_soft)]
        out: list[TextBlock] = [
            (t.name, SIZE.H2, True, None),
            (t.definition, SIZE.BODY, False, None),
        ]
        if language() != "en" and t.english != t.name:
            out.append((tr("glossary.english", name=t.english), SIZE.SMALL, False, th.ink_soft))
        if t.id in self.found:
            out.append((tr("glossary.on_screen"), SIZE.SMALL, False, th.ink_soft))
        return out

    def _draw_row(self, surf: pygame.Surface, i: int, r: Rect, selected: bool) -> None:
        th = current()
        t = self.items[i]
        text.draw(
            surf,
            self.labels[i],
            r.inflate(0, -6),
            self.row_size,
            th.ink,
            bold=t.id in self.found,
            valign="center",
        )

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        inner = panel(surf, BOX)
        h1 = text.line_height(SIZE.H1)
        text.draw(
            surf,
            tr("glossary.title"),
            Rect(inner.x, inner.y, inner.w, h1),
            SIZE.H1,
            th.ink,
            bold=True,
            wrap_text=False,
            min_size=SIZE.H2,
        )
        hint = tr("glossary.hint_found", n=len(self.found)) if self.found else tr("glossary.hint")
        text.draw(surf, hint, self.hint_rect, SIZE.SMALL, th.ink_soft)
        if not self.items:
            text.draw(surf, tr("glossary.empty"), self.list.rect, SIZE.BODY, th.ink_soft)
        self.ring.draw(surf)
