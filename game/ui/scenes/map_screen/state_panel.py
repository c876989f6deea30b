"""The selected state's panel: autonomy and its change, stability, trust, memberships and the
stacked dependence bars per area (as wrapped text in the large-text layout)."""

from __future__ import annotations

import pygame

from ... import glossary, text
from ... import viewmodels as vm
from ...charts import stacked_bar
from ...i18n import language, tr
from ...theme import SIZE, current
from ...widgets import TextBlock, panel
from .state import MapScreenState

Rect = pygame.Rect


class StatePanelView:
    def __init__(self, screen: MapScreenState) -> None:
        self.screen = screen
        self._key: tuple[object, ...] | None = None
        self._model: vm.StatePanel | None = None

    def model(self) -> vm.StatePanel | None:
        """The selected state's figures (cached until the game, the state or the words change)."""
        sc = self.screen
        if not sc.selected:
            return None
        key = (sc.ctl.version, sc.selected, sc.ctl.role, language())
        if key != self._key:
            self._key = key
            self._model = vm.state_panel(sc.ctl.session, sc.selected, sc.ctl.role)
        return self._model

    def _autonomy(self, sp: vm.StatePanel) -> str:
        aut = tr("state.autonomy", value=f"{sp.autonomy:.0f}")
        if sp.autonomy_delta is not None:
            aut += " " + tr("state.change", delta=vm.fmt_delta(sp.autonomy_delta))
        return aut

    def _trust_line(self, sp: vm.StatePanel, others: bool = True) -> str:
        """ "Stability 72 · Trust in Japan 65 (C 50 · R 60 · E 55)": the state's trust in the
        team's power, then in the others by their letters (``others``); when the team plays
        a state, "Stability 65 · Trust: R 50 · C 55 · J 70 · E 40"."""
        sc = self.screen
        stability = tr("state.stability", value=f"{sp.stability:.0f}")
        letters = self._others(sp)
        if sp.player_trust is None:
            return f"{stability} · {tr('state.trust_all', values=letters)}"
        mine = tr(
            "state.trust_in",
            power=vm.name(sc.ctl.session, sc.ctl.role),
            value=f"{sp.player_trust:.0f}",
        )
        line = f"{stability} · {mine}"
        return f"{line} ({letters})" if others and letters else line

    def _others(self, sp: vm.StatePanel) -> str:
        """Trust in every power but the team's, by the powers' letters."""
        sc = self.screen
        return " · ".join(
            f"{sc.styles[pid][1]} {v:.0f}"
            for pid, _n, v in sp.trust
            if pid != sc.ctl.role and pid in sc.styles
        )

    def draw(self, surf: pygame.Surface, rect: Rect) -> None:
        th = current()
        sp = self.model()
        inner = panel(surf, rect)
        if sp is None:
            return
        y = inner.y
        h1 = text.line_height(SIZE.H1)
        text.draw(
            surf,
            f"{sp.name} ({sp.id})",
            Rect(inner.x, y, inner.w * 3 // 5, h1),
            SIZE.H1,
            th.ink,
            bold=True,
            wrap_text=False,
            min_size=SIZE.BODY,
        )
        text.draw(
            surf,
            self._autonomy(sp),
            Rect(inner.x + inner.w * 3 // 5, y, inner.w * 2 // 5, h1),
            SIZE.BODY,
            th.ink,
            bold=True,
            align="right",
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        y += h1 + 2
        lh = text.line_height(SIZE.BODY)
        line = self._trust_line(sp)
        if text.width(line, SIZE.SMALL) > inner.w:
            line = self._trust_line(sp, others=False)  # the other powers' letters do not fit
        text.draw(
            surf,
            line,
            Rect(inner.x, y, inner.w, lh),
            SIZE.BODY,
            th.ink,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        y += lh
        mem = ", ".join(sp.memberships) if sp.memberships else tr("state.no_membership")
        if text.width(tr("state.member_of", orgs=mem), SIZE.SMALL) > inner.w:
            mem = ", ".join(sp.membership_ids)  # CIS, CSTO, SCO: the full names do not fit
        text.draw(
            surf,
            tr("state.member_of", orgs=mem),
            Rect(inner.x, y, inner.w, lh),
            SIZE.BODY,
            th.ink,
            wrap_text=False,
            min_size=SIZE.SMALL,
            marks=glossary.marks(self.screen.ctl.scenario),
        )
        y += lh + 4
        heading = tr("state.dependence_heading")
        hh = len(text.wrap(heading, SIZE.SMALL, inner.w, True)) * text.line_height(SIZE.SMALL)
        text.draw(
            surf,
            heading,
            Rect(inner.x, y, inner.w, hh),
            SIZE.SMALL,
            th.ink_soft,
            bold=True,
            min_size=SIZE.SMALL,
        )
        y += hh + 2
        n = max(1, len(sp.dims))
        row_h = min(34, (inner.bottom - y) // n)
        # the areas' names as wide as the longest needs (short names first), at most 3/5
        names = [d if text.width(d, SIZE.SMALL) <= 232 else vm.short_label(d) for d, _ in sp.dims]
        widest = max((text.width(d, SIZE.SMALL) for d in names), default=0)
        label_w = min(inner.w * 3 // 5, max(240, widest + 8))
        for dname, parts_ in sp.dims:
            if text.width(dname, SIZE.SMALL) > label_w - 8:
                dname = vm.short_label(dname)
            text.draw(
                surf,
                dname,
                Rect(inner.x, y, label_w - 8, row_h),
                SIZE.SMALL,
                th.ink,
                valign="center",
                wrap_text=False,
                min_size=SIZE.SMALL,
            )
            stacked_bar(
                surf,
                Rect(inner.x + label_w, y + 3, inner.w - label_w, row_h - 6),
                parts_,
                self.screen.styles,
            )
            y += row_h

    def blocks(self) -> list[TextBlock]:
        """The state panel as wrapped text (large-text layout)."""
        th = current()
        sp = self.model()
        if sp is None:
            return []
        mem = ", ".join(sp.memberships) if sp.memberships else tr("state.no_membership")
        out: list[TextBlock] = [
            (f"{sp.name} ({sp.id})", SIZE.H2, True, None),
            (self._autonomy(sp), SIZE.BODY, True, None),
            (self._trust_line(sp), SIZE.BODY, False, None),
            (tr("state.member_of", orgs=mem), SIZE.BODY, False, None),
            (tr("state.dependence_heading"), SIZE.SMALL, True, th.ink_soft),
        ]
        styles = self.screen.styles
        for dname, parts_ in sp.dims:
            shares = " · ".join(
                f"{styles[pid][1]}\u00a0{v * 100:.0f}"
                for pid, v in parts_
                if pid in styles and v >= 0.005
            )
            out.append((f"{vm.short_label(dname)}: {shares}", SIZE.BODY, False, None))
        return out
