"""The event pop-up: title, date, text, historicity badge, source, and the options with their
effects. Options are chosen with 1-9, or focus + Enter, or a click; nothing is timed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .. import text
from ..controller import GameController, Phase
from ..i18n import tr
from ..input import Action, Input
from ..theme import OKABE_ITO, SIZE, current
from ..widgets import Button, FocusRing, ScrollText, panel
from .base import Scene

if TYPE_CHECKING:
    from ..app import App

Rect = pygame.Rect
BOX = Rect(90, 36, 1100, 648)

#: historicity -> (fill, shape); the badge also prints the word
HIST_STYLE = {"historical": (OKABE_ITO["blue"], "square"),
              "plausible": (OKABE_ITO["orange"], "diamond"),
              "hypothetical": (OKABE_ITO["purple"], "circle")}


def draw_badge(surf: pygame.Surface, hist: str, pos: tuple[int, int]) -> Rect:
    col, shape = HIST_STYLE.get(hist, ((120, 120, 120), "circle"))
    label = tr(f"hist.{hist}").upper()
    w = text.width(label, SIZE.SMALL, True) + 44
    r = Rect(pos[0], pos[1], w, 32)
    pygame.draw.rect(surf, (255, 255, 255), r, border_radius=6)
    pygame.draw.rect(surf, col, r, 3, border_radius=6)
    c = (r.x + 16, r.centery)
    if shape == "square":
        pygame.draw.rect(surf, col, Rect(c[0] - 8, c[1] - 8, 16, 16))
    elif shape == "diamond":
        pygame.draw.polygon(surf, col, [(c[0], c[1] - 10), (c[0] + 10, c[1]), (c[0], c[1] + 10),
                                        (c[0] - 10, c[1])])
    else:
        pygame.draw.circle(surf, col, c, 8)
    text.draw(surf, label, Rect(r.x + 30, r.y, r.w - 34, r.h), SIZE.SMALL, (0, 0, 0), bold=True,
              valign="center", wrap_text=False)
    return r


class OptionButton(Button):
    """An event option: the key and the option's text on one line, its effects beneath."""

    def __init__(self, rect: Rect, key: int, label: str, effects: str, on_press) -> None:  # noqa: ANN001
        super().__init__(rect, label, on_press)
        self.key = key
        self.effects = effects

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        pygame.draw.rect(surf, th.panel_alt, self.rect, border_radius=6)
        pygame.draw.rect(surf, th.border, self.rect, 2 if focused else th.outline_w,
                         border_radius=6)
        k = Rect(self.rect.x + 10, self.rect.y + 10, 36, 36)
        pygame.draw.rect(surf, th.panel, k, border_radius=4)
        pygame.draw.rect(surf, th.border, k, 2, border_radius=4)
        text.draw(surf, str(self.key), k, SIZE.BODY, th.ink, bold=True, align="center",
                  valign="center", wrap_text=False)
        x = k.right + 14
        lh = text.line_height(SIZE.BODY)
        text.draw(surf, self.label, Rect(x, self.rect.y + 4, self.rect.right - x - 10, lh),
                  SIZE.BODY, th.ink, bold=True, wrap_text=False, min_size=SIZE.SMALL)
        text.draw(surf, self.effects, Rect(x, self.rect.y + 4 + lh, self.rect.right - x - 10,
                                           self.rect.h - lh - 6),
                  SIZE.SMALL, th.ink_soft, min_size=SIZE.SMALL)
        if focused:
            from ..widgets import draw_focus

            draw_focus(surf, self.rect)


class EventScene(Scene):
    name = "event"
    transparent = True

    def __init__(self, app: App, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        self._shown: object = None
        self.build()

    def build(self) -> None:
        ev = self.ctl.current_event
        self._shown = (id(ev), self.ctl.event_index)
        inner = BOX.inflate(-20, -12)
        self.title_h = text.line_height(SIZE.TITLE)
        if ev is not None and len(text.wrap(ev.event.title, SIZE.TITLE, inner.w, True)) > 1:
            self.title_h *= 2
        top = inner.y + 44 + self.title_h + 4
        self.body = ScrollText(Rect(inner.x, top, inner.w, 200), self._blocks)
        self.option_buttons: list[Button] = []
        if ev is None:
            self.ring = FocusRing([])
            return
        opts = ev.event.options if ev.needs_choice else []
        n = len(opts)
        lh, sh = text.line_height(SIZE.BODY), text.line_height(SIZE.SMALL)
        ew = inner.w - 70
        heights = []
        effects = []
        for _oid, _otext, _hist, eff in opts:
            e = "; ".join(eff) if eff else tr("event.no_effect")
            lines = min(3, len(text.wrap(e, SIZE.SMALL, ew)))
            effects.append(e)
            heights.append(max(60, 10 + lh + lines * sh))
        total = sum(heights) + 6 * max(0, n - 1)
        y0 = BOX.bottom - 16 - (total if n else 60)
        y = y0
        for i, (_oid, otext, _hist, _eff) in enumerate(opts):
            self.option_buttons.append(
                OptionButton(Rect(inner.x, y, inner.w, heights[i]), i + 1, otext, effects[i],
                             lambda i=i: self.pick(i)))
            y += heights[i] + 6
        if not n:
            self.option_buttons.append(
                Button(Rect(BOX.centerx - 160, BOX.bottom - 24 - 60, 320, 56),
                       tr("event.continue"), self.cont, primary=True))
        self.body.rect.h = (y0 if n else BOX.bottom - 24 - 60) - 12 - top
        self.ring = FocusRing([*self.option_buttons, self.body])

    def pick(self, i: int) -> None:
        if self.ctl.choose(i):
            self.ctl.next_event()
            self.after()

    def cont(self) -> None:
        self.ctl.next_event()
        self.after()

    def after(self) -> None:
        if self.ctl.phase != Phase.EVENTS:
            self.app.stack.pop()
        else:
            self.build()

    def handle(self, inp: Input) -> bool:
        ev = self.ctl.current_event
        if ev is None:
            self.app.stack.pop()
            return True
        if inp.action == Action.DIGIT and ev.needs_choice:
            if 1 <= inp.value <= len(ev.event.options):
                self.pick(inp.value - 1)
            return True
        if inp.action == Action.BACK:
            from .overlays import PauseScene

            self.app.stack.push(PauseScene(self.app, self.ctl))
            return True
        return super().handle(inp)

    def update(self, dt: float) -> None:
        if self.ctl.current_event is None:
            self.app.stack.pop()
        elif self._shown != (id(self.ctl.current_event), self.ctl.event_index):
            self.build()

    def shot_key(self) -> str:
        ev = self.ctl.current_event
        return f"event_{ev.event.event_id}" if ev else "event"

    def _blocks(self) -> list[tuple[str, int, bool, object]]:
        ev = self.ctl.current_event
        if ev is None:
            return []
        th = current()
        e = ev.event
        out: list[tuple[str, int, bool, object]] = [(e.text, SIZE.BODY, False, None)]
        effects = self.ctl.event_effects(e.event_id)
        if effects:
            out.append((tr("event.effects", effects="; ".join(effects)), SIZE.BODY, False, None))
        for src in e.sources:
            out.append((tr("event.source", source=src), SIZE.SMALL, False, th.ink_soft))
        if not e.sources:
            out.append((tr("event.no_source"), SIZE.SMALL, False, th.ink_soft))
        if ev.needs_choice:
            who = self.ctl.c.names.get(e.chooser, e.chooser)
            out.append((tr("event.your_decision", who=who), SIZE.BODY, True, None))
        return out

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        ev = self.ctl.current_event
        inner = panel(surf, BOX)
        if ev is None:
            return
        e = ev.event
        n, total = self.ctl.event_index + 1, len(self.ctl.events)
        b = draw_badge(surf, e.historicity, (inner.x, inner.y + 4))
        meta = tr("event.date", date=e.date) + (f" · {tr('event.count', n=n, total=total)}"
                                               if total > 1 else "")
        text.draw(surf, meta, Rect(b.right + 16, inner.y + 4, inner.right - b.right - 16, 32),
                  SIZE.BODY, th.ink, align="right", valign="center", wrap_text=False,
                  min_size=SIZE.SMALL)
        text.draw(surf, e.title, Rect(inner.x, inner.y + 44, inner.w, self.title_h), SIZE.TITLE,
                  th.ink, bold=True, valign="center", min_size=SIZE.H2)
        self.ring.draw(surf)
