"""The team's actions for the selected state (A: all of them): the heading with the actions
used this turn (or the last refusal), and the rows ``[1] Action name ..... cost``. A row keeps
its place and number all game; a planned one is marked where it is (a filled number box, a tick
and bold text), an unavailable one is grey and struck through, so neither depends on colour."""

from __future__ import annotations

import pygame

from ... import engine_text, text
from ... import viewmodels as vm
from ...i18n import tr
from ...theme import SIZE, Colour, current
from ...widgets import panel
from .state import MapScreenState

Rect = pygame.Rect

#: before the name of a planned action
PLANNED_MARK = "✓ "


class ActionsPanel:
    def __init__(self, screen: MapScreenState) -> None:
        self.screen = screen
        #: rows of two lines (the name, then the cost) in the large-text layout
        self.large = False

    def title(self) -> str:
        sc = self.screen
        if sc.view.show_all:
            return tr("choices.title_all")
        where = vm.name(sc.ctl.session, sc.selected) if sc.selected else ""
        return tr("choices.title_state", state=where)

    def status(self) -> tuple[str, bool]:
        """("1 of 2 used", False), or the last refusal in plain words and True."""
        ctl = self.screen.ctl
        s = ctl.session
        msg = ctl.message and engine_text.reason(s.scenario, ctl.message)
        if ctl.pass_asked:
            msg = tr("choices.confirm_pass")
        if msg:
            return msg, True
        return tr("choices.used", used=s.c.M_slots - ctl.slots_left(), total=s.c.M_slots), False

    def draw_frame(self, surf: pygame.Surface, rect: Rect, list_rect: Rect) -> None:
        """100 % text: the panel, its heading and the status at the right."""
        th = current()
        panel(surf, rect)
        hdr = Rect(rect.x + 10, rect.y + 6, rect.w - 20, 34)
        status, refused = self.status()
        status_w = min(hdr.w // 2, max(250, text.width(status, SIZE.SMALL) + 8))
        text.draw(
            surf,
            self.title(),
            Rect(hdr.x, hdr.y, hdr.w - status_w, hdr.h),
            SIZE.H2,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        text.draw(
            surf,
            status,
            Rect(hdr.right - status_w, hdr.y, status_w, hdr.h),
            SIZE.SMALL,
            th.bad if refused else th.ink_soft,
            align="right",
            valign="center",
            min_size=SIZE.SMALL,
        )
        if not self.screen.rows():
            text.draw(surf, tr("choices.none"), list_rect, SIZE.BODY, th.ink_soft)

    def draw_heading_large(self, surf: pygame.Surface, inner: Rect) -> None:
        """Large text: one line "Actions in X · 1 of 2 used" above the list."""
        th = current()
        sl = text.line_height(SIZE.SMALL)
        status, refused = self.status()
        line = f"{self.title()} · {status}"
        if text.width(line, SIZE.SMALL, True) > inner.w:
            line = status
        if text.width(line, SIZE.SMALL, True) > inner.w:
            line = text.ellipsize(line, SIZE.SMALL, True, inner.w)  # a long refusal
        text.draw(
            surf,
            line,
            Rect(inner.x, inner.y, inner.w, sl),
            SIZE.SMALL,
            th.bad if refused else th.ink,
            bold=True,
            wrap_text=False,
        )
        if not self.screen.rows():
            text.draw(
                surf,
                tr("choices.none"),
                Rect(inner.x, inner.y + sl + 6, inner.w, inner.h - sl - 6),
                SIZE.BODY,
                th.ink_soft,
            )

    # ---- rows ----------------------------------------------------------------------------------
    @staticmethod
    def label(row: vm.ChoiceRow) -> str:
        """The row's words: the action (and its target in the list of all actions), ticked
        when planned."""
        return PLANNED_MARK + row.text if row.planned else row.text

    def _cost_w(self) -> int:
        w = max((text.width(r.cost, SIZE.SMALL) for r in self.screen.rows()), default=80)
        return min(280, w + 16)

    def _number_box(self, surf: pygame.Surface, row: vm.ChoiceRow, box: Rect) -> None:
        """The action's number, in a key's box for 1-9 (the key plans it); filled when the
        action is planned."""
        th = current()
        if row.planned or row.number <= 9:
            fill = th.good if row.planned else th.panel
            pygame.draw.rect(surf, fill, box, border_radius=4)
        if row.number <= 9:
            pygame.draw.rect(surf, th.border, box, 1, border_radius=4)
        text.draw(
            surf,
            str(row.number),
            box,
            SIZE.SMALL,
            (255, 255, 255) if row.planned else th.ink,
            bold=True,
            align="center",
            valign="center",
            wrap_text=False,
        )

    def draw_row(self, surf: pygame.Surface, i: int, r: Rect, selected: bool) -> None:
        """``[1] Action name ........ cost`` (a ``ListView`` row)."""
        th = current()
        row = self.screen.rows()[i]
        ch = row.choice
        ink = th.ink if (ch.legal or row.planned) else th.ink_disabled
        last = str(len(self.screen.rows()))  # the widest number
        key_w = max(28, text.width(last, SIZE.SMALL, True) + 12)
        if self.large:
            self._draw_row_large(surf, row, r, key_w, ink)
            return
        self._number_box(surf, row, Rect(r.x, r.y + 5, key_w, r.h - 10))
        x = r.x + key_w + 8
        cost_w = self._cost_w()
        own_cost = text.width(row.cost, SIZE.SMALL) + 12
        # the name may use the room its own (short) cost leaves in the cost column
        label_r = Rect(x, r.y, r.right - x - own_cost, r.h)
        label = self.label(row)
        if text.width(label, SIZE.SMALL, row.planned) > label_r.w:
            label = vm.drop_parentheses(label)  # "Resource diplomacy (uranium, …)" -> the name
        if text.width(label, SIZE.SMALL, row.planned) > label_r.w:
            label = text.ellipsize(label, SIZE.SMALL, row.planned, label_r.w)  # the preview has it
        used = text.draw(
            surf,
            label,
            label_r,
            SIZE.BODY,
            ink,
            bold=row.planned,
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        if not ch.legal and not row.planned:
            pygame.draw.line(surf, th.ink_disabled, (used.x, r.centery), (used.right, r.centery), 2)
        text.draw(
            surf,
            row.cost,
            Rect(r.right - cost_w, r.y, cost_w, r.h),
            SIZE.SMALL,
            ink,
            align="right",
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )

    def _draw_row_large(
        self, surf: pygame.Surface, row: vm.ChoiceRow, r: Rect, key_w: int, ink: Colour
    ) -> None:
        """Large-text rows: the number and the name on the first line, the cost beneath."""
        th = current()
        lh = text.line_height(SIZE.BODY)
        self._number_box(surf, row, Rect(r.x, r.y + 5, key_w, lh - 4))
        x = r.x + key_w + 8
        w = r.right - x
        label = self.label(row)
        if text.width(label, SIZE.BODY, row.planned) > w:
            label = vm.drop_parentheses(label)
        if text.width(label, SIZE.BODY, row.planned) > w:
            label = text.ellipsize(label, SIZE.BODY, row.planned, w)  # the preview has it whole
        used = text.draw(
            surf, label, Rect(x, r.y + 4, w, lh), SIZE.BODY, ink, bold=row.planned, wrap_text=False
        )
        if not row.choice.legal and not row.planned:
            y = r.y + 4 + lh // 2
            pygame.draw.line(surf, th.ink_disabled, (used.x, y), (used.right, y), 2)
        cost = row.cost
        if text.width(cost, SIZE.SMALL) > w:
            cost = text.ellipsize(cost, SIZE.SMALL, False, w)
        text.draw(
            surf,
            cost,
            Rect(x, r.y + 4 + lh, w, text.line_height(SIZE.SMALL)),
            SIZE.SMALL,
            th.ink_soft if row.choice.legal else ink,
            wrap_text=False,
        )
