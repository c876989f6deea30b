"""The event pop-up: title, date, text, historicity badge, source, and the options with their
effects. Options are chosen with 1-9, or focus + Enter, or a click; nothing is timed.

The words are the scenario's in the chosen language (English where it has none). Glossary terms
in the text are underlined, listed under it, and G opens their definitions. In team hotseat the
pop-up names the team that decides. At a large text scale the pop-up fills the screen and, when
the options with their effects would not fit, their effects move into the scrolling text.
"""

from __future__ import annotations

import pygame

from .. import fonts, glossary, text, tour_prompt
from .. import viewmodels as vm
from ..controller import GameController, Phase
from ..i18n import language, tr
from ..input import Action, Input
from ..theme import OKABE_ITO, SIZE, current
from ..widgets import Button, FocusRing, ScrollText, TextBlock, draw_focus, panel
from .base import Host, Scene

Rect = pygame.Rect
BOX = Rect(90, 36, 1100, 648)
BOX_LARGE = Rect(8, 8, 1264, 704)

#: historicity -> (fill, shape); the badge also prints the word
HIST_STYLE = {
    "historical": (OKABE_ITO["blue"], "square"),
    "plausible": (OKABE_ITO["orange"], "diamond"),
    "hypothetical": (OKABE_ITO["purple"], "circle"),
}


def draw_badge(surf: pygame.Surface, hist: str, pos: tuple[int, int]) -> Rect:
    col, shape = HIST_STYLE.get(hist, ((120, 120, 120), "circle"))
    label = tr(f"hist.{hist}").upper()
    lh = text.line_height(SIZE.SMALL)
    w = text.width(label, SIZE.SMALL, True) + 44
    r = Rect(pos[0], pos[1], w, max(32, lh + 4))
    pygame.draw.rect(surf, (255, 255, 255), r, border_radius=6)
    pygame.draw.rect(surf, col, r, 3, border_radius=6)
    c = (r.x + 16, r.centery)
    if shape == "square":
        pygame.draw.rect(surf, col, Rect(c[0] - 8, c[1] - 8, 16, 16))
    elif shape == "diamond":
        pygame.draw.polygon(
            surf, col, [(c[0], c[1] - 10), (c[0] + 10, c[1]), (c[0], c[1] + 10), (c[0] - 10, c[1])]
        )
    else:
        pygame.draw.circle(surf, col, c, 8)
    text.draw(
        surf,
        label,
        Rect(r.x + 30, r.y, r.w - 34, r.h),
        SIZE.SMALL,
        (0, 0, 0),
        bold=True,
        valign="center",
        wrap_text=False,
    )
    return r


class OptionButton(Button):
    """An event option: the key and the option's text, its effects beneath (unless they were
    moved into the pop-up's text)."""

    def __init__(
        self,
        rect: Rect,
        key: int,
        label: str,
        effects: str,
        on_press,  # noqa: ANN001
        label_lines: int = 1,
        marks: tuple[str, ...] = (),
    ) -> None:
        super().__init__(rect, label, on_press)
        self.key = key
        self.effects = effects
        self.label_lines = label_lines
        self.marks = marks

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        pygame.draw.rect(surf, th.panel_alt, self.rect, border_radius=6)
        pygame.draw.rect(
            surf, th.border, self.rect, 2 if focused else th.outline_w, border_radius=6
        )
        lh = text.line_height(SIZE.BODY)
        kw = max(36, text.width("9", SIZE.BODY, True) + 16)
        k = Rect(self.rect.x + 10, self.rect.y + 6, kw, min(lh + 4, self.rect.h - 12))
        pygame.draw.rect(surf, th.panel, k, border_radius=4)
        pygame.draw.rect(surf, th.border, k, 2, border_radius=4)
        text.draw(
            surf,
            str(self.key),
            k,
            SIZE.BODY,
            th.ink,
            bold=True,
            align="center",
            valign="center",
            wrap_text=False,
        )
        x = k.right + 14
        w = self.rect.right - x - 10
        text.draw(
            surf,
            self.label,
            Rect(x, self.rect.y + 4, w, lh * self.label_lines),
            SIZE.BODY,
            th.ink,
            bold=True,
            wrap_text=self.label_lines > 1,
            min_size=SIZE.SMALL,
            marks=self.marks,
        )
        if self.effects:
            y = self.rect.y + 4 + lh * self.label_lines
            text.draw(
                surf,
                self.effects,
                Rect(x, y, w, self.rect.bottom - 4 - y),
                SIZE.SMALL,
                th.ink_soft,
                min_size=SIZE.SMALL,
            )
        if focused:
            draw_focus(surf, self.rect)


class EventScene(Scene):
    name = "event"
    transparent = True
    large_text = True

    def __init__(self, app: Host, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        self._shown: object = None
        self.effects_in_body = False
        self.build()

    @property
    def box(self) -> Rect:
        return BOX_LARGE if fonts.scale() > 1.0 else BOX

    def words(self) -> vm.EventText | None:
        ev = self.ctl.current_event
        return vm.event_text(self.ctl.session, ev.event) if ev is not None else None

    def build(self) -> None:
        ev = self.ctl.current_event
        self._shown = (id(ev), self.ctl.event_index, fonts.scale(), language())
        box = self.box
        inner = box.inflate(-20, -12)
        words = self.words()
        self.title_size = SIZE.TITLE if fonts.scale() <= 1.0 else SIZE.H1
        lines = len(text.wrap(words.title, self.title_size, inner.w, True)) if words else 1
        self.title_h = text.line_height(self.title_size) * min(max(1, lines), 3)
        self.badge_h = max(32, text.line_height(SIZE.SMALL) + 4)
        top = inner.y + self.badge_h + 12 + self.title_h + 4
        self.body = ScrollText(
            Rect(inner.x, top, inner.w, 200),
            self._blocks,
            marks=lambda: glossary.marks(self.ctl.scenario),
        )
        self.option_buttons: list[Button] = []
        self.effects_in_body = False
        self._cut: set[int] = set()
        if ev is None or words is None:
            self.ring = FocusRing([])
            return
        opts = ev.event.options if ev.needs_choice else []
        n = len(opts)
        lh, sh = text.line_height(SIZE.BODY), text.line_height(SIZE.SMALL)
        kw = max(36, text.width("9", SIZE.BODY, True) + 16)
        ew = inner.w - kw - 34
        effects = [
            vm.sep().join(vm.effects(self.ctl.session, eff)) if eff else tr("event.no_effect")
            for _oid, _t, _h, eff in opts
        ]
        label_lines = [
            min(2, len(text.wrap(words.options[i], SIZE.BODY, ew, True))) for i in range(n)
        ]
        min_body = 3 * lh  # the event's text keeps at least three lines in view

        def heights(with_effects: bool) -> list[int]:
            out = []
            for i in range(n):
                h = 10 + lh * label_lines[i]
                if with_effects:
                    h += min(3, len(text.wrap(effects[i], SIZE.SMALL, ew))) * sh
                out.append(max(lh + 22, h))
            return out

        hs = heights(True)
        room = box.bottom - 16 - top - 12 - min_body
        if n and sum(hs) + 6 * (n - 1) > room:
            self.effects_in_body = True  # effects are read in the text above instead
            hs = heights(False)
        total = sum(hs) + 6 * max(0, n - 1)
        bh = lh + 24
        y0 = box.bottom - 16 - (total if n else bh)
        y = y0
        marks = glossary.marks(self.ctl.scenario)
        for i in range(n):
            self.option_buttons.append(
                OptionButton(
                    Rect(inner.x, y, inner.w, hs[i]),
                    i + 1,
                    words.options[i],
                    "" if self.effects_in_body else effects[i],
                    lambda i=i: self.pick(i),
                    label_lines[i],
                    marks,
                )
            )
            y += hs[i] + 6
        self._effects = effects
        # options whose effects need more than the three lines their button shows: the whole
        # list is also written in the scrolling text, so nothing is only "…"
        self._cut = {
            i
            for i in range(n)
            if not self.effects_in_body and len(text.wrap(effects[i], SIZE.SMALL, ew)) > 3
        }
        if not n:
            w = max(320, text.width(tr("event.continue"), SIZE.BODY, True) + 60)
            self.option_buttons.append(
                Button(
                    Rect(box.centerx - w // 2, box.bottom - 16 - bh, w, bh),
                    tr("event.continue"),
                    self.cont,
                    primary=True,
                )
            )
        self.body.rect.h = (y0 if n else box.bottom - 16 - bh) - 12 - top
        self.ring = FocusRing([*self.option_buttons, self.body])

    def pick(self, i: int) -> None:
        if self.ctl.choose(i):
            self.ctl.next_event()
            self.after()

    def cont(self) -> None:
        self.ctl.next_event()
        self.after()

    def after(self) -> None:
        tour_prompt.update(self)
        if self.ctl.phase != Phase.EVENTS:
            self.app.stack.pop()
        else:
            self.build()

    def glossary_terms(self) -> list[str]:
        w = self.words()
        if w is None:
            return []
        return glossary.find(self.ctl.scenario, [w.title, w.text, *w.options])

    def handle(self, inp: Input) -> bool:
        ev = self.ctl.current_event
        if ev is None:
            self.app.stack.pop()
            return True
        if tour_prompt.handle(self, inp):
            return True
        if inp.action == Action.DIGIT and ev.needs_choice:
            if 1 <= inp.value <= len(ev.event.options):
                self.pick(inp.value - 1)
            return True
        if inp.action == Action.GLOSSARY:
            self.app.open_glossary(self.ctl.scenario, self.glossary_terms())
            return True
        if inp.action == Action.BACK:
            from .overlays import PauseScene

            self.app.stack.push(PauseScene(self.app, self.ctl))
            return True
        return super().handle(inp)

    def update(self, dt: float) -> None:
        if self.ctl.current_event is None:
            self.app.stack.pop()
        elif self._shown != (
            id(self.ctl.current_event),
            self.ctl.event_index,
            fonts.scale(),
            language(),
        ):
            self.build()
        if self.app.stack.top is self:
            tour_prompt.update(self)

    def resume(self) -> None:
        if self.ctl.current_event is not None and self._shown != (
            id(self.ctl.current_event),
            self.ctl.event_index,
            fonts.scale(),
            language(),
        ):
            self.build()

    def shot_key(self) -> str:
        ev = self.ctl.current_event
        return f"event_{ev.event.event_id}" if ev else "event"

    def decider(self) -> str:
        ev = self.ctl.current_event
        if ev is None:
            return ""
        e = ev.event
        team = self.ctl.chooser_team(e)
        if team and self.ctl.hotseat:
            return tr("event.team_decides", team=vm.team(self.ctl.session, team))
        return tr("event.your_decision", who=vm.name(self.ctl.session, e.chooser))

    def _blocks(self) -> list[TextBlock]:
        ev = self.ctl.current_event
        words = self.words()
        if ev is None or words is None:
            return []
        th = current()
        e = ev.event
        out: list[TextBlock] = [(words.text, SIZE.BODY, False, None)]
        effects = vm.effects(self.ctl.session, self.ctl.event_effects(e.event_id))
        if effects:
            out.append(
                (tr("event.effects", effects=vm.sep().join(effects)), SIZE.BODY, False, None)
            )
        found = self.glossary_terms()
        if found:
            names = glossary.by_id(self.ctl.scenario)
            out.append(
                (
                    tr("event.terms", terms=", ".join(names[t].name for t in found)),
                    SIZE.SMALL,
                    True,
                    th.ink_soft,
                )
            )
        for src in e.sources:
            out.append((tr("event.source", source=src), SIZE.SMALL, False, th.ink_soft))
        if not e.sources:
            out.append((tr("event.no_source"), SIZE.SMALL, False, th.ink_soft))
        if ev.needs_choice:
            out.append((self.decider(), SIZE.BODY, True, None))
            cut: set[int] = getattr(self, "_cut", set())
            for i, eff in enumerate(getattr(self, "_effects", [])):
                if self.effects_in_body or i in cut:
                    out.append(
                        (
                            tr("event.option_effects", n=i + 1, effects=eff),
                            SIZE.SMALL,
                            False,
                            th.ink_soft,
                        )
                    )
        return out

    def tour_target(self, target: str) -> Rect | None:
        return self.box if target == "event" else None

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        ev = self.ctl.current_event
        box = self.box
        inner = panel(surf, box)
        if ev is None:
            return
        words = self.words()
        assert words is not None
        e = ev.event
        n, total = self.ctl.event_index + 1, len(self.ctl.events)
        b = draw_badge(surf, e.historicity, (inner.x, inner.y + 4))
        meta = tr("event.date", date=e.date) + (
            f" · {tr('event.count', n=n, total=total)}" if total > 1 else ""
        )
        text.draw(
            surf,
            meta,
            Rect(b.right + 16, inner.y + 4, inner.right - b.right - 16, self.badge_h),
            SIZE.BODY,
            th.ink,
            align="right",
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        text.draw(
            surf,
            words.title,
            Rect(inner.x, inner.y + self.badge_h + 12, inner.w, self.title_h),
            self.title_size,
            th.ink,
            bold=True,
            valign="center",
            min_size=SIZE.H2,
        )
        self.ring.draw(surf)
        tour_prompt.draw(self, surf)
