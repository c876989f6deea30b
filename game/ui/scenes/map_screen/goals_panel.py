"""The team's goals on the map screen: a strip under the top bar that is always on screen (each
graded objective with its grade, value, change since the last turn and "your effect", plus the
overall grade and the grade without the team's diplomacy), and the goals in full - how each is
graded, its value without the team's diplomacy - as scrolling text in the state panel's place
(100 %: while the strip has the focus, and before the first turn) or on the Goals tab.

At 100 % each cell of the strip has two lines (the name; the value, its trend and the effect);
at a larger text size one line (the grade, the value and as much of the name as fits). What does
not fit in a cell is left out in a fixed order - the trend's number, then the effect - never cut
in the middle of a number; a name too long is cut with "…"; the full panel says everything.
"""

from __future__ import annotations

import pygame

from ... import goal_views as gvs
from ... import text
from ...i18n import language, tr
from ...input import Action, Input
from ...theme import SIZE, Colour, current
from ...widgets import SCROLL_KEYS, ScrollText, TextBlock, Widget, draw_focus
from .state import MapScreenState

Rect = pygame.Rect
GAP = 6


class GoalsPanel:
    """What the goals strip and the full panel show (cached until the game or words change)."""

    def __init__(self, screen: MapScreenState) -> None:
        self.screen = screen
        self._key: tuple[object, ...] | None = None
        self._model: gvs.GoalsView | None = None

    def model(self) -> gvs.GoalsView:
        ctl = self.screen.ctl
        key = (ctl.version, ctl.role, language())
        if key != self._key or self._model is None:
            self._key = key
            self._model = gvs.goals_view(ctl.session, ctl.role)
        return self._model

    def title(self) -> str:
        return tr("goals.title")

    def blocks(self, heading: bool = False) -> list[TextBlock]:
        """The goals in full: the overall grade, what the grades and "without" mean, then each
        objective (grade and name; value, trend, the value without the team's diplomacy and
        the effect; the bands and weight; its description)."""
        th = current()
        gv = self.model()
        s = self.screen.ctl.session
        out: list[TextBlock] = []
        if heading:
            out.append((self.title(), SIZE.H2, True, None))
        out.append((gvs.overall_line(gv), SIZE.BODY, True, None))
        if not gv.goals:
            out.append((tr("goals.none"), SIZE.BODY, False, th.ink_soft))
            return out
        out.append((gvs.explain(gv, s), SIZE.SMALL, False, th.ink_soft))
        for g in gv.goals:
            out.append((f"{g.grade}  {g.name}", SIZE.BODY, True, None))
            out.append((gvs.status_line(gv, g), SIZE.BODY, False, None))
            graded = g.bands + (f" · {g.weight}" if g.weight else "")
            out.append((graded, SIZE.SMALL, False, th.ink_soft))
            if g.description:
                out.append((g.description, SIZE.SMALL, False, th.ink_soft))
        return out

    # ---- the strip -----------------------------------------------------------------------------
    def draw_strip(self, surf: pygame.Surface, rect: Rect) -> None:
        """The strip in ``rect``: two lines a goal (100 % and projector size), or one when the
        layout gives it one line's height (200 % text)."""
        th = current()
        large = rect.h < 2 * text.line_height(SIZE.SMALL)  # one line: the compact cells
        gv = self.model()
        pygame.draw.rect(surf, th.panel, rect, border_radius=6)
        pygame.draw.rect(surf, th.border, rect, th.outline_w, border_radius=6)
        inner = rect.inflate(-12, -8)
        # the overall grade takes what its words need; the goals share the rest equally
        first = min(inner.w // 4, self._badge_w(large) + 6 + self._overall_w(gv, large))
        x = inner.x
        self._overall_cell(surf, Rect(x, inner.y, first, inner.h), gv, large)
        x += first + GAP * 2
        n = max(1, len(gv.goals))
        w = (inner.right - x - GAP * (n - 1)) // n
        for i, g in enumerate(gv.goals):
            self._goal_cell(surf, Rect(x + i * (w + GAP), inner.y, w, inner.h), gv, g, large)

    @staticmethod
    def _badge_size(large: bool) -> int:
        return SIZE.SMALL if large else SIZE.H2

    def _badge_w(self, large: bool) -> int:
        return text.width("W", self._badge_size(large), True) + 10

    def _overall_lines(self, gv: gvs.GoalsView) -> tuple[str, str]:
        """The overall cell's words: "Overall", and "without you: D" once there is a
        difference to show."""
        second = ""
        if gv.shows_effect and gv.overall_without:
            key = "goals.without_short_teams" if gv.teams else "goals.without_short"
            second = tr(key, grade=gv.overall_without)
        return tr("goals.overall"), second

    def _overall_w(self, gv: gvs.GoalsView, large: bool) -> int:
        first, second = self._overall_lines(gv)
        if large:
            return text.width(first, SIZE.SMALL) + 4
        return max(text.width(first, SIZE.SMALL, True), text.width(second, SIZE.SMALL)) + 4

    def _badge(self, surf: pygame.Surface, cell: Rect, grade: str, large: bool) -> int:
        """The grade letter in a box at the cell's left; returns the box's right edge."""
        th = current()
        size = self._badge_size(large)
        box = Rect(cell.x, cell.y + 1, self._badge_w(large), cell.h - 2)
        fill, ink = grade_colours(grade)
        pygame.draw.rect(surf, fill, box, border_radius=5)
        pygame.draw.rect(surf, th.border, box, 1, border_radius=5)
        text.draw(
            surf, grade, box, size, ink, bold=True, align="center", valign="center", wrap_text=False
        )
        return box.right + 6

    def _overall_cell(
        self, surf: pygame.Surface, cell: Rect, gv: gvs.GoalsView, large: bool
    ) -> None:
        th = current()
        x = self._badge(surf, cell, gv.overall, large)
        room = cell.right - x
        first, second = self._overall_lines(gv)
        if large:
            _fit_line(surf, first, x, cell, room, th.ink)
            return
        lh = text.line_height(SIZE.SMALL)
        _fit_line(surf, first, x, Rect(cell.x, cell.y, cell.w, lh), room, th.ink, bold=True)
        if second:
            _fit_line(surf, second, x, Rect(cell.x, cell.y + lh, cell.w, lh), room, th.ink_soft)

    def _goal_cell(
        self, surf: pygame.Surface, cell: Rect, gv: gvs.GoalsView, g: gvs.GoalView, large: bool
    ) -> None:
        th = current()
        x = self._badge(surf, cell, g.grade, large)
        room = cell.right - x
        trend_ink = th.ink if g.trend_good is None else (th.good if g.trend_good else th.bad)
        value = f"{g.value} {g.arrow}".rstrip()
        with_trend = f"{g.value} {g.arrow}{g.trend}" if g.trend else value
        effect = ""
        if gv.shows_effect and g.effect is not None:
            key = "goals.effect_short_teams" if gv.teams else "goals.effect_short"
            effect = tr(key, delta=g.effect)
        if large:  # one line: the value (and its arrow), then as much of the name as fits
            y = cell.y + (cell.h - text.line_height(SIZE.SMALL)) // 2
            bold, shown = next(
                (
                    (b, v)
                    for v, b in ((value, True), (value, False))
                    if text.width(v, SIZE.SMALL, b) <= room
                ),
                (False, g.value),  # a narrow cell: the number alone
            )
            r = text.draw_line(surf, shown, (x, y), SIZE.SMALL, trend_ink, bold, max_w=room)
            rest = room - r.w - 8
            if rest >= 3 * text.width("M", SIZE.SMALL):
                name = g.short
                if text.width(name, SIZE.SMALL) > rest:
                    name = text.ellipsize(name, SIZE.SMALL, False, rest)
                text.draw_line(surf, name, (r.right + 8, y), SIZE.SMALL, th.ink, max_w=rest)
            return
        lh = text.line_height(SIZE.SMALL)
        name = g.short
        top = Rect(cell.x, cell.y, cell.w, lh)
        if text.width(name, SIZE.SMALL) > room:
            name = text.ellipsize(name, SIZE.SMALL, False, room)
        text.draw_line(surf, name, (x, top.y), SIZE.SMALL, th.ink, max_w=room)
        # the second line: value and trend, then the effect, as much as fits
        y = cell.y + lh
        eff_ink = th.ink_soft if g.effect_good is None else (th.good if g.effect_good else th.bad)
        for main, extra in ((with_trend, effect), (value, effect), (with_trend, ""), (value, "")):
            sep = " · " if extra else ""
            need = text.width(main + sep + extra, SIZE.SMALL)
            if need <= room or (main == value and not extra):
                r = text.draw_line(surf, main, (x, y), SIZE.SMALL, trend_ink, max_w=room)
                if extra:
                    text.draw_line(surf, sep + extra, (r.right, y), SIZE.SMALL, eff_ink)
                return


def _fit_line(
    surf: pygame.Surface,
    line: str,
    x: int,
    cell: Rect,
    room: int,
    ink: Colour,
    bold: bool = False,
) -> None:
    """``line`` from ``x``, cut with "…" to ``room``, centred in the cell's height."""
    if text.width(line, SIZE.SMALL, bold) > room:
        line = text.ellipsize(line, SIZE.SMALL, bold, room)
    y = cell.y + (cell.h - text.line_height(SIZE.SMALL)) // 2
    text.draw_line(surf, line, (x, y), SIZE.SMALL, ink, bold, max_w=room)


def grade_colours(grade: str) -> tuple[Colour, Colour]:
    """(fill, letter) of a grade's badge: green for A and B, vermilion for D and F, plain for C
    and none (the letter says it; the colour only helps)."""
    th = current()
    if grade in ("A", "B"):
        return th.good, (255, 255, 255)
    if grade in ("D", "F"):
        return th.bad, (255, 255, 255)
    return th.panel_alt, th.ink


class GoalsStrip(Widget):
    """The strip as a widget: a click or Tab focuses it, and then the goals in full show in the
    state panel's place; ↑ ↓ PgUp PgDn scroll them."""

    def __init__(self, rect: Rect, panel: GoalsPanel, full: ScrollText) -> None:
        super().__init__(rect)
        self.panel = panel
        self.full = full

    def handle(self, inp: Input) -> bool:
        if inp.action in SCROLL_KEYS:
            return self.full.handle(inp)
        return inp.action == Action.CLICK

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        self.panel.draw_strip(surf, self.rect)
        if focused:
            draw_focus(surf, self.rect)
