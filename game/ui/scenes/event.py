"""The event pop-up: title, date, text, historicity badge, source, and the options with their
effects. Options are chosen with 1-9, or Tab to one + Enter, or a click (the text has the
focus first, so an Enter pressed to go on chooses nothing); nothing is timed.

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
from ..widgets import SCROLL_KEYS, Button, FocusRing, ScrollText, TextBlock, draw_focus, panel
from .base import Host, Scene
from .overlays import PauseScene

Rect = pygame.Rect
BOX = Rect(90, 36, 1100, 648)
#: up to this text scale an event with options shows its text and its options side by side
COLUMNS_UP_TO = 1.25
OPTION_GAP = 6
#: the event's text keeps at least this many lines in view above its options (one column)
MIN_BODY_LINES = 3

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

    @staticmethod
    def text_inset() -> int:
        """How much narrower than the button its words are (the number key and margins)."""
        return max(36, text.width("9", SIZE.BODY, True) + 16) + 34

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
            log=False,  # a label cut with "…" is also written whole in the pop-up's text
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
                log=False,  # cut with "…" on purpose: the pop-up's text lists them whole
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

    def _showing(self) -> tuple[object, ...]:
        """What the layout depends on (rebuilt when any of it changes)."""
        area = tour_prompt.free_area(self)
        return (id(self.ctl.current_event), self.ctl.event_index, fonts.scale(), language(), area)

    def words(self) -> vm.EventText | None:
        ev = self.ctl.current_event
        return vm.event_text(self.ctl.session, ev.event) if ev is not None else None

    def _box(self, with_options: bool) -> Rect:
        """The pop-up: a framed box over the map at 100 % text without options, nearly the
        whole screen with options or at a larger text size; inside the room the guided tour
        leaves."""
        area = tour_prompt.free_area(self).inflate(-16, -16)
        if fonts.scale() <= 1.0 and not with_options:
            return BOX.clip(area) if area.contains(BOX) else area
        return area

    def build(self) -> None:
        ev = self.ctl.current_event
        self._shown = self._showing()
        words = self.words()
        opts = ev.event.options if ev is not None and ev.needs_choice else []
        n = len(opts)
        self.box = box = self._box(bool(n))
        inner = box.inflate(-20, -12)
        self.title_size = SIZE.TITLE if fonts.scale() <= 1.0 else SIZE.H1
        lines = len(text.wrap(words.title, self.title_size, inner.w, True)) if words else 1
        self.title_h = text.line_height(self.title_size) * min(max(1, lines), 3)
        self.badge_h = max(32, text.line_height(SIZE.SMALL) + 4)
        top = inner.y + self.badge_h + 12 + self.title_h + 4
        bottom = box.bottom - 16
        hint_h = text.line_height(SIZE.SMALL) + 4  # "↓ more: PgDn" under the text
        marks = glossary.marks(self.ctl.scenario)
        self.body = ScrollText(Rect(inner.x, top, inner.w, 10), self._blocks, marks=lambda: marks)
        self.option_buttons: list[Button] = []
        self.effects_in_body = False
        self._cut: set[int] = set()
        self._effects: list[str] = []
        self._labels_cut: set[int] = set()
        self.decider_rect: Rect | None = None
        self.columns = False
        if ev is None or words is None:
            self.ring = FocusRing([])
            return
        lh = text.line_height(SIZE.BODY)
        if not n:
            bh = lh + 24
            w = max(320, text.width(tr("event.continue"), SIZE.BODY, True) + 60)
            self.option_buttons.append(
                Button(
                    Rect(box.centerx - w // 2, bottom - bh, w, bh),
                    tr("event.continue"),
                    self.cont,
                    primary=True,
                )
            )
            self.body.rect = Rect(inner.x, top, inner.w, bottom - bh - 12 - hint_h - top)
            self.ring = FocusRing([*self.option_buttons, self.body])
            return
        self._effects = [
            vm.sep().join(vm.effects(self.ctl.session, eff)) if eff else tr("event.no_effect")
            for _oid, _t, _h, eff in opts
        ]
        self.columns = fonts.scale() <= COLUMNS_UP_TO
        if self.columns:
            # the text on the left; who decides and the options on the right
            gap = 20
            left_w = (inner.w - gap) * 11 // 20
            self.body.rect = Rect(inner.x, top, left_w, bottom - hint_h - top)
            col = Rect(inner.x + left_w + gap, top, inner.w - left_w - gap, bottom - top)
            dh = len(text.wrap(self.decider(), SIZE.BODY, col.w, True)) * lh
            self.decider_rect = Rect(col.x, col.y, col.w, dh)
            room = col.h - dh - 8
        else:
            # one column: the options beneath the text, which keeps at least three lines (who
            # decides is said in the text)
            col = Rect(inner.x, top, inner.w, bottom - top)
            room = col.h - MIN_BODY_LINES * lh - 12
        hs, label_lines, effect_lines = self._option_heights(words.options, col.w, room)
        total = sum(hs) + OPTION_GAP * (n - 1)
        y = self.decider_rect.bottom + 8 if self.decider_rect is not None else bottom - total
        if not self.columns:
            self.body.rect = Rect(inner.x, top, inner.w, y - 12 - top)
        for i in range(n):
            self.option_buttons.append(
                OptionButton(
                    Rect(col.x, y, col.w, hs[i]),
                    i + 1,
                    words.options[i],
                    self._effects[i] if effect_lines else "",
                    lambda i=i: self.pick(i),
                    label_lines[i],
                    marks,
                )
            )
            y += hs[i] + OPTION_GAP
        ew = col.w - OptionButton.text_inset()
        self.effects_in_body = not effect_lines
        # labels and effects longer than their button shows are also written in the scrolling
        # text, so nothing is only "…"
        self._labels_cut = {
            i
            for i in range(n)
            if len(text.wrap(words.options[i], SIZE.BODY, ew, True)) > label_lines[i]
        }
        self._cut = {
            i
            for i in range(n)
            if effect_lines and len(text.wrap(self._effects[i], SIZE.SMALL, ew)) > effect_lines
        }
        # the text first: an Enter pressed "to go on" must not choose option 1 for the class;
        # an option is chosen by its number, a click, or Tab to it and Enter
        self.ring = FocusRing([self.body, *self.option_buttons])

    def _option_heights(
        self, labels: list[str], w: int, room: int
    ) -> tuple[list[int], list[int], int]:
        """(height of each option button, lines of its label, lines of effects each shows):
        as many lines of effects as fit in ``room`` (4 at most; 0: they move into the text),
        and when even the labels do not fit, one line of each label."""
        lh, sh = text.line_height(SIZE.BODY), text.line_height(SIZE.SMALL)
        ew = w - OptionButton.text_inset()
        wrapped = [len(text.wrap(e, SIZE.SMALL, ew)) for e in self._effects]
        label_lines = [min(3, len(text.wrap(t, SIZE.BODY, ew, True))) for t in labels]
        for lines, caps in ((label_lines, (4, 3, 2, 0)), ([1] * len(labels), (0,))):
            for cap in caps:
                hs = [
                    max(lh + 22, 12 + lh * lines[i] + min(cap, wrapped[i]) * sh)
                    for i in range(len(labels))
                ]
                if sum(hs) + OPTION_GAP * (len(hs) - 1) <= room:
                    return hs, lines, cap
        return hs, [1] * len(labels), 0  # the options first; the text scrolls above them

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
            self.app.stack.push(PauseScene(self.app, self.ctl))
            return True
        if super().handle(inp):
            return True
        # the text scrolls by keyboard whatever has the focus (an option ignores these keys)
        return inp.action in SCROLL_KEYS and self.body.handle(inp)

    def update(self, dt: float) -> None:
        if self.ctl.current_event is None:
            self.app.stack.pop()
            return
        if self._shown != self._showing():
            self.build()
        if self.app.stack.top is self:
            tour_prompt.update(self)

    def resume(self) -> None:
        if self.ctl.current_event is not None and self._shown != self._showing():
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
        chose = None if ev.needs_choice else self.ctl.session.decided_option(e.event_id)
        if chose is not None and 0 <= chose < len(words.options) and e.chooser:
            # a computer player decided: say what it chose here, not only in the summary
            who = vm.name(self.ctl.session, e.chooser)
            option = words.options[chose]
            out.append((tr("event.computer_chose", who=who, option=option), SIZE.BODY, True, None))
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
        if ev.needs_choice and not self.columns:
            out.append((self.decider(), SIZE.BODY, True, None))
        if ev.needs_choice:
            for i in sorted(self._labels_cut):
                out.append((f"{i + 1}. {words.options[i]}", SIZE.BODY, True, None))
            for i, eff in enumerate(self._effects):
                if self.effects_in_body or i in self._cut:
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
        if self.decider_rect is not None:
            text.draw(surf, self.decider(), self.decider_rect, SIZE.BODY, th.ink, bold=True)
        self.ring.draw(surf)
        if self.body.more_below and (self.columns or not ev.needs_choice):
            r = self.body.rect
            text.draw(
                surf,
                tr("event.more"),
                Rect(r.x, r.bottom + 4, r.w, text.line_height(SIZE.SMALL)),
                SIZE.SMALL,
                th.ink_soft,
                bold=True,
                align="right",
                wrap_text=False,
            )
        tour_prompt.draw(self, surf)
