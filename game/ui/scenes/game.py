"""The map screen: map with modes, the selected state's panel (or the preview of the highlighted
action), the player's actions, the fixed "Why?" panel, and the command buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .. import text
from .. import viewmodels as vm
from ..controller import GameController, Phase
from ..i18n import tr
from ..input import Action, Input
from ..map_view import MapView, Paint
from ..theme import SIZE, current, partner_styles
from ..widgets import Button, FocusRing, ListView, ScrollText, Widget, draw_focus, panel
from .base import Scene

if TYPE_CHECKING:
    from ..app import App

Rect = pygame.Rect

TOP_H = 44
MAP_RECT = Rect(8, 52, 692, 380)
CTX_RECT = Rect(708, 52, 564, 380)
CHOICES_RECT = Rect(8, 440, 692, 228)
WHY_RECT = Rect(708, 440, 564, 228)
BAR_Y = 676


class MapWidget(Widget):
    """The map as a focusable widget: arrows move between states, a click selects one."""

    def __init__(self, scene: GameScene) -> None:
        super().__init__(MAP_RECT)
        self.scene = scene

    def handle(self, inp: Input) -> bool:
        a = inp.action
        if a in (Action.LEFT, Action.UP):
            self.scene.cycle_state(-1)
            return True
        if a in (Action.RIGHT, Action.DOWN):
            self.scene.cycle_state(+1)
            return True
        if a == Action.ACTIVATE:
            self.scene.ring.focus(self.scene.choice_list)
            return True
        if a == Action.CLICK and inp.pos is not None:
            sid = self.scene.map.state_at(inp.pos)
            if sid:
                self.scene.select_state(sid)
            return True
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        self.scene.draw_map(surf, focused)
        if focused:
            draw_focus(surf, self.rect)


class GameScene(Scene):
    name = "map"

    def __init__(self, app: App, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        s = ctl.session
        self.map = MapView(MAP_RECT)
        map_states = set(self.map.data.ids("state"))
        self.state_order = [x for x in self.map.state_ids() if x in s.c.state_index] + \
            [x for x in s.c.state_ids if x not in map_states]
        # start on the scenario's first state (usually Kazakhstan); arrows go west to east
        self.selected = s.c.state_ids[0] if s.c.state_ids else None
        self.styles = partner_styles(s.c.partner_ids)
        self.modes = vm.map_modes(s, ctl.role)
        self.mode_i = 0
        self.show_all = False
        self._rows_key: tuple | None = None
        self._rows: list[vm.ChoiceRow] = []
        self.map_widget = MapWidget(self)
        self.choice_list = ListView(Rect(CHOICES_RECT.x + 8, CHOICES_RECT.y + 44,
                                         CHOICES_RECT.w - 16, CHOICES_RECT.h - 52),
                                    self._n_rows, self._draw_row, 38, on_activate=self._toggle_row)
        self.why = ScrollText(Rect(WHY_RECT.x + 10, WHY_RECT.y + 44, WHY_RECT.w - 20,
                                   WHY_RECT.h - 52), self._why_blocks, gap=8)
        labels = [("game.undo", self.undo, lambda: bool(self.ctl.planned_ids())),
                  ("game.end_turn", self.end_turn, None),
                  ("game.map_mode", lambda: self.cycle_mode(+1), None),
                  ("game.timeline", self.open_timeline, lambda: bool(self.ctl.session.reports)),
                  ("game.about_map", self.open_about, None),
                  ("game.help", self.app.open_help, None),
                  ("game.menu", self.open_pause, None)]
        n = len(labels)
        gap = 8
        w = (1280 - 16 - gap * (n - 1)) // n
        self.buttons = []
        for i, (key, fn, en) in enumerate(labels):
            b = Button(Rect(8 + i * (w + gap), BAR_Y, w, 38), tr(key), fn, en,
                       primary=key == "game.end_turn", size=SIZE.SMALL + 2)
            self.buttons.append(b)
        self.ring = FocusRing([self.map_widget, self.choice_list, self.why, *self.buttons])

    # ---- state selection, modes ----------------------------------------------------------------
    def select_state(self, sid: str) -> None:
        if sid in self.ctl.c.state_index:
            self.selected = sid
            self.choice_list.selected = 0
            self.choice_list.top = 0
            self.why.top = 0

    def cycle_state(self, d: int) -> None:
        if not self.state_order:
            return
        i = self.state_order.index(self.selected) if self.selected in self.state_order else 0
        self.select_state(self.state_order[(i + d) % len(self.state_order)])

    def cycle_mode(self, d: int) -> None:
        self.mode_i = (self.mode_i + d) % len(self.modes)

    @property
    def mode(self) -> vm.MapMode:
        return self.modes[self.mode_i]

    # ---- choices -------------------------------------------------------------------------------
    def rows(self) -> list[vm.ChoiceRow]:
        key = (self.ctl.version, self.selected, self.show_all)
        if key != self._rows_key:
            self._rows = vm.choice_rows(self.ctl.session, self.ctl.choices(),
                                        self.ctl.planned_ids(), self.selected, self.show_all)
            self._rows_key = key
        return self._rows

    def _n_rows(self) -> int:
        return len(self.rows())

    def focused_row(self) -> vm.ChoiceRow | None:
        rows = self.rows()
        if self.ring.focused is self.choice_list and rows:
            return rows[min(self.choice_list.selected, len(rows) - 1)]
        return None

    def _toggle_row(self, i: int) -> None:
        rows = self.rows()
        if not 0 <= i < len(rows):
            return
        r = rows[i]
        cid = r.choice.id
        if r.planned:
            self.ctl.unplan(cid)
        else:
            self.ctl.plan(cid)
        # keep the same choice highlighted after the list re-sorts
        for j, rr in enumerate(self.rows()):
            if rr.choice.id == cid:
                self.choice_list.selected = j
                break

    def undo(self) -> None:
        self.ctl.undo()

    def end_turn(self) -> None:
        self.ctl.end_turn()

    # ---- navigation ----------------------------------------------------------------------------
    def open_timeline(self) -> None:
        from .timeline import TimelineScene

        self.app.stack.push(TimelineScene(self.app, self.ctl))

    def open_about(self) -> None:
        self.app.open_about_map()

    def open_pause(self) -> None:
        from .overlays import PauseScene

        self.app.stack.push(PauseScene(self.app, self.ctl))

    def handle(self, inp: Input) -> bool:
        a = inp.action
        if a == Action.END_TURN:
            self.end_turn()
            return True
        if a == Action.UNDO:
            self.undo()
            return True
        if a == Action.MAP_MODE:
            self.cycle_mode(+1)
            return True
        if a == Action.MAP_MODE_PREV:
            self.cycle_mode(-1)
            return True
        if a == Action.TIMELINE:
            if self.ctl.session.reports:
                self.open_timeline()
            return True
        if a == Action.ALL_CHOICES:
            self.show_all = not self.show_all
            self.choice_list.selected = 0
            self.choice_list.top = 0
            return True
        if a == Action.ABOUT_MAP:
            self.open_about()
            return True
        if a == Action.SAVE:
            from .saves import SaveLoadScene

            self.app.stack.push(SaveLoadScene(self.app, "save", self.ctl))
            return True
        if a == Action.DIGIT:
            rows = self.rows()
            for i, r in enumerate(rows):
                if r.hotkey == inp.value:
                    self.choice_list.selected = i
                    self._toggle_row(i)
                    break
            return True
        if a == Action.BACK:
            self.open_pause()
            return True
        return super().handle(inp)

    def update(self, dt: float) -> None:
        ph = self.ctl.phase
        if self.app.stack.top is not self:
            return
        if ph == Phase.EVENTS:
            from .event import EventScene

            self.app.stack.push(EventScene(self.app, self.ctl))
        elif ph == Phase.SUMMARY:
            from .summary import SummaryScene

            self.app.stack.push(SummaryScene(self.app, self.ctl))
        elif ph == Phase.OVER:
            self.app.open_debrief(self.ctl)

    def resume(self) -> None:
        self._rows_key = None

    def shot_key(self) -> str:
        k = f"map_{self.ctl.session.turn:02d}"
        if self.focused_row() is not None:
            k += "_preview"
        return k

    # ---- drawing -------------------------------------------------------------------------------
    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        surf.fill(th.bg)
        self.draw_top(surf)
        self.draw_context(surf)
        self.draw_choices_frame(surf)
        panel(surf, WHY_RECT, self.why_title())
        if not self.ctl.last_report:
            text.draw(surf, tr("why.nothing_yet"), self.why.rect, SIZE.BODY, th.ink_soft)
        elif not self._why_blocks():
            text.draw(surf, tr("why.no_change"), self.why.rect, SIZE.BODY, th.ink_soft)
        self.ring.draw(surf)

    def draw_top(self, surf: pygame.Surface) -> None:
        th = current()
        s = self.ctl.session
        bar = Rect(0, 0, 1280, TOP_H)
        pygame.draw.rect(surf, th.panel, bar)
        pygame.draw.line(surf, th.border, bar.bottomleft, bar.bottomright, th.outline_w)
        left = tr("game.when", year=s.year, turn=min(s.turn + 1, s.c.n_turns),
                  total=s.c.n_turns)
        text.draw(surf, left, Rect(12, 0, 330, TOP_H), SIZE.BODY, th.ink, bold=True,
                  valign="center", wrap_text=False, min_size=SIZE.SMALL)
        budget = " · ".join(f"{vm.short_resource(s, r)} {v:g}" for r, v in self.ctl.budget().items())
        right = tr("game.you_are", role=vm.name(s, self.ctl.role), budget=budget,
                   left=self.ctl.slots_left(), total=s.c.M_slots)
        text.draw(surf, right, Rect(344, 0, 1280 - 356, TOP_H), SIZE.BODY, th.ink,
                  align="right", valign="center", wrap_text=False, min_size=SIZE.SMALL)

    # map -------------------------------------------------------------------------------------
    def paint(self, focused: bool) -> Paint:
        s = self.ctl.session
        letters = {k: v[1] for k, v in self.styles.items()}
        key = (self.ctl.version, self.mode.id)
        if getattr(self, "_cells_key", None) != key:
            self._cells_key = key
            self._cells = vm.map_cells(s, self.mode.id, self.ctl.role, letters)
        cells = self._cells
        row = self.focused_row()
        target = row.choice.target if row and row.choice.target != self.selected else None
        return Paint(self.mode.kind, tuple((k, round(c.value, 1), c.partner, c.badge)
                                           for k, c in sorted(cells.items())),
                     self.selected, target, self.app.settings.patterns, current().name, focused)

    def draw_map(self, surf: pygame.Surface, focused: bool) -> None:
        names = {k: vm.name(self.ctl.session, k) for k in self.map.data.features}
        names.update({f.id: f.name for f in self.map.data.features.values()
                      if f.id not in self.ctl.c.names})
        names["CASPIAN"] = tr("map.caspian")
        img = self.map.surface(self.paint(focused), self.styles, names)
        surf.blit(img, MAP_RECT.topleft)
        self.draw_legend(surf)

    def draw_legend(self, surf: pygame.Surface) -> None:
        """The legend in the strip right of the map: the mode, then a swatch, the letter and the
        name of each partner (or the 0-100 ramp)."""
        from ..theme import ramp

        th = current()
        r = self.map.legend_rect
        pygame.draw.rect(surf, (255, 255, 255), r, border_radius=4)
        pygame.draw.rect(surf, th.border, r, 1, border_radius=4)
        inner = r.inflate(-12, -8)
        lh = text.line_height(SIZE.SMALL)
        title = tr("map.legend_title", mode=self.mode.label)
        title = title[:1].upper() + title[1:]
        used = text.draw(surf, title, Rect(inner.x, inner.y, inner.w, lh * 3), SIZE.SMALL,
                         th.ink, bold=True)
        y = used.bottom + 4
        if self.mode.kind == "partner":
            for pid in self.ctl.c.partner_ids:
                if y + lh > inner.bottom:
                    break
                col, letter, _ = self.styles[pid]
                sw = Rect(inner.x, y + 5, 20, lh - 10)
                pygame.draw.rect(surf, col, sw)
                pygame.draw.rect(surf, (0, 0, 0), sw, 1)
                nm = tr("map.row_short") if pid == vm.ROW else vm.name(self.ctl.session, pid)
                text.draw(surf, f"{letter} {nm}",
                          Rect(inner.x + 26, y, inner.w - 26, lh), SIZE.SMALL, th.ink,
                          wrap_text=False, min_size=SIZE.SMALL)
                y += lh
        else:
            bar = Rect(inner.x, y + 4, 24, max(40, inner.bottom - y - 8))
            for i in range(bar.h):
                pygame.draw.line(surf, ramp(1 - i / bar.h), (bar.x, bar.y + i),
                                 (bar.right, bar.y + i))
            pygame.draw.rect(surf, (0, 0, 0), bar, 1)
            text.draw_line(surf, "100 " + tr("map.high"), (bar.right + 8, bar.y), SIZE.SMALL,
                           th.ink)
            text.draw_line(surf, "0 " + tr("map.low"), (bar.right + 8, bar.bottom - lh),
                           SIZE.SMALL, th.ink)

    # context panel: the selected state, or the preview of the highlighted action --------------
    def draw_context(self, surf: pygame.Surface) -> None:
        row = self.focused_row()
        if row is not None:
            self.draw_preview(surf, row)
        else:
            self.draw_state(surf)

    def draw_state(self, surf: pygame.Surface) -> None:
        th = current()
        s = self.ctl.session
        if not self.selected:
            panel(surf, CTX_RECT)
            return
        key = (self.ctl.version, self.selected)
        if getattr(self, "_sp_key", None) != key:
            self._sp_key, self._sp = key, vm.state_panel(s, self.selected, self.ctl.role)
        sp = self._sp
        inner = panel(surf, CTX_RECT)
        y = inner.y
        h1 = text.line_height(SIZE.H1)
        text.draw(surf, f"{sp.name} ({sp.id})", Rect(inner.x, y, inner.w * 3 // 5, h1), SIZE.H1,
                  th.ink, bold=True, wrap_text=False, min_size=SIZE.BODY)
        aut = tr("state.autonomy", value=f"{sp.autonomy:.0f}")
        if sp.autonomy_delta is not None:
            aut += " " + tr("state.change", delta=vm.fmt_delta(sp.autonomy_delta))
        text.draw(surf, aut, Rect(inner.x + inner.w * 3 // 5, y, inner.w * 2 // 5, h1), SIZE.BODY,
                  th.ink, bold=True, align="right", valign="center", wrap_text=False,
                  min_size=SIZE.SMALL)
        y += h1 + 2
        lh = text.line_height(SIZE.BODY)
        parts = [tr("state.stability", value=f"{sp.stability:.0f}")]
        if sp.player_trust is not None:
            parts.append(tr("state.trust_in", power=vm.name(s, self.ctl.role),
                            value=f"{sp.player_trust:.0f}"))
        others = " · ".join(f"{self.styles[pid][1]} {v:.0f}" for pid, _n, v in sp.trust
                            if pid != self.ctl.role and pid in self.styles)
        line = " · ".join(parts)
        if others and text.width(f"{line} ({others})", SIZE.SMALL) <= inner.w:
            line = f"{line} ({others})"  # trust in the other powers, by their letters
        text.draw(surf, line, Rect(inner.x, y, inner.w, lh), SIZE.BODY, th.ink,
                  wrap_text=False, min_size=SIZE.SMALL)
        y += lh
        mem = ", ".join(sp.memberships) if sp.memberships else tr("state.no_membership")
        if text.width(tr("state.member_of", orgs=mem), SIZE.SMALL) > inner.w:
            mem = ", ".join(sp.membership_ids)  # CIS, CSTO, SCO: the full names do not fit
        text.draw(surf, tr("state.member_of", orgs=mem), Rect(inner.x, y, inner.w, lh),
                  SIZE.BODY, th.ink, wrap_text=False, min_size=SIZE.SMALL)
        y += lh + 4
        sl = text.line_height(SIZE.SMALL)
        text.draw(surf, tr("state.dependence_heading"), Rect(inner.x, y, inner.w, sl),
                  SIZE.SMALL, th.ink_soft, bold=True, wrap_text=False)
        y += sl + 2
        n = max(1, len(sp.dims))
        row_h = min(34, (inner.bottom - y) // n)
        label_w = 240
        for dname, parts_ in sp.dims:
            if text.width(dname, SIZE.SMALL) > label_w - 8:
                dname = vm.short_label(dname)
            text.draw(surf, dname, Rect(inner.x, y, label_w - 8, row_h), SIZE.SMALL, th.ink,
                      valign="center", wrap_text=False, min_size=SIZE.SMALL)
            from ..charts import stacked_bar

            stacked_bar(surf, Rect(inner.x + label_w, y + 3, inner.w - label_w, row_h - 6),
                        parts_, self.styles)
            y += row_h

    def draw_preview(self, surf: pygame.Surface, row: vm.ChoiceRow) -> None:
        th = current()
        s = self.ctl.session
        ch = row.choice
        inner = panel(surf, CTX_RECT, tr("preview.title"))
        p = self.ctl.preview(ch.id)
        when = tr("preview.lands_now") if p.lands_in == 0 else (
            tr("preview.lands_next") if p.lands_in == 1 else tr("preview.lands_in", n=p.lands_in))
        if ch.duration > 1:
            when += " · " + tr("preview.lasts", n=ch.duration)
        # (text, size, bold, colour, value at the right or None)
        items: list[tuple[str, int, bool, object, str | None]] = [
            (ch.label, SIZE.H2, True, None, None),
            (tr("preview.cost", cost=vm.fmt_cost(s, ch.cost)) + " · " + when, SIZE.BODY, False,
             None, None)]
        if row.planned:
            items.append(("✓ " + tr("preview.planned"), SIZE.BODY, True, th.good, None))
        elif not ch.legal:
            items.append(("✗ " + tr("preview.unavailable", reason=ch.reason or ""), SIZE.BODY,
                          True, th.bad, None))
        prefix = f"{vm.name(s, ch.target)}: " if ch.target else ""
        if p.changes:
            items.append((tr("preview.likely"), SIZE.SMALL, True, th.ink_soft, None))
            for k, v in p.changes[:6]:
                k = k[len(prefix):] if prefix and k.startswith(prefix) else k
                k = vm.drop_parentheses(k)
                items.append((k[:1].upper() + k[1:], SIZE.BODY, False, None, vm.fmt_delta(v)))
        if p.sentences:
            items.append((tr("preview.does"), SIZE.SMALL, True, th.ink_soft, None))
            for t in p.sentences[:4]:
                items.append(("• " + t, SIZE.BODY, False, None, None))
        if ch.description:
            items.append((ch.description, SIZE.SMALL, False, th.ink_soft, None))
        y = inner.y
        val_w = 80
        for i, (t, size, bold, col, val) in enumerate(items):
            w = inner.w - (val_w if val else 0)
            lines = text.wrap(t, size, w, bold)
            lh = text.line_height(size)
            reserve = 0 if i == len(items) - 1 else text.line_height(SIZE.SMALL)
            if y + lh * len(lines) > inner.bottom - reserve:
                more = len(items) - i
                text.draw(surf, tr("preview.more", n=more), Rect(inner.x, inner.bottom -
                          text.line_height(SIZE.SMALL), inner.w, text.line_height(SIZE.SMALL)),
                          SIZE.SMALL, th.ink_soft, wrap_text=False)
                return
            for j, ln in enumerate(lines):
                text.draw_line(surf, ln, (inner.x, y), size, col or th.ink, bold,  # type: ignore[arg-type]
                               max_w=w)
                if val and j == 0:
                    text.draw(surf, val, Rect(inner.right - val_w, y, val_w, lh), size,
                              col or th.ink, bold=True, align="right", wrap_text=False)  # type: ignore[arg-type]
                y += lh
            y += 2

    # choices ---------------------------------------------------------------------------------
    def draw_choices_frame(self, surf: pygame.Surface) -> None:
        th = current()
        s = self.ctl.session
        if self.show_all:
            title = tr("choices.title_all")
        else:
            title = tr("choices.title_state", state=vm.name(s, self.selected) if self.selected
                       else "")
        used = s.c.M_slots - self.ctl.slots_left()
        panel(surf, CHOICES_RECT)
        hdr = Rect(CHOICES_RECT.x + 10, CHOICES_RECT.y + 6, CHOICES_RECT.w - 20, 34)
        text.draw(surf, title, Rect(hdr.x, hdr.y, hdr.w - 250, hdr.h), SIZE.H2, th.ink,
                  bold=True, valign="center", wrap_text=False, min_size=SIZE.SMALL)
        msg = self.ctl.message or tr("choices.used", used=used, total=s.c.M_slots)
        col = th.bad if self.ctl.message else th.ink_soft
        text.draw(surf, msg, Rect(hdr.right - 250, hdr.y, 250, hdr.h), SIZE.SMALL, col,
                  align="right", valign="center", min_size=SIZE.SMALL)
        if not self.rows():
            text.draw(surf, tr("choices.none"), self.choice_list.rect, SIZE.BODY, th.ink_soft)

    def _cost_w(self) -> int:
        rows = self.rows()
        w = max((text.width(r.cost, SIZE.SMALL) for r in rows), default=80)
        return min(280, w + 16)

    def _draw_row(self, surf: pygame.Surface, i: int, r: Rect, selected: bool) -> None:
        """``[1] Action name ........ cost``. Planned: the key box is filled and the name bold;
        unavailable: grey and struck through (so neither depends on colour)."""
        th = current()
        row = self.rows()[i]
        ch = row.choice
        ink = th.ink if (ch.legal or row.planned) else th.ink_disabled
        x = r.x
        if row.hotkey:
            key = Rect(x, r.y + 5, 28, r.h - 10)
            fill = th.good if row.planned else th.panel
            pygame.draw.rect(surf, fill, key, border_radius=4)
            pygame.draw.rect(surf, th.border, key, 1, border_radius=4)
            text.draw(surf, str(row.hotkey), key, SIZE.SMALL,
                      (255, 255, 255) if row.planned else th.ink, bold=True, align="center",
                      valign="center", wrap_text=False)
        x += 36
        cost_w = self._cost_w()
        own_cost = text.width(row.cost, SIZE.SMALL) + 12
        # the name may use the room its own (short) cost leaves in the cost column
        label_r = Rect(x, r.y, r.right - x - own_cost, r.h)
        label = row.text
        if text.width(label, SIZE.SMALL, row.planned) > label_r.w:
            label = vm.drop_parentheses(label)  # "Resource diplomacy (uranium, …)" -> the name
        used = text.draw(surf, label, label_r, SIZE.BODY, ink, bold=row.planned,
                         valign="center", wrap_text=False, min_size=SIZE.SMALL)
        if not ch.legal and not row.planned:
            pygame.draw.line(surf, th.ink_disabled, (used.x, r.centery), (used.right, r.centery),
                             2)
        text.draw(surf, row.cost, Rect(r.right - cost_w, r.y, cost_w, r.h), SIZE.SMALL, ink,
                  align="right", valign="center", wrap_text=False, min_size=SIZE.SMALL)

    # why -------------------------------------------------------------------------------------
    def why_title(self) -> str:
        rep = self.ctl.last_report
        where = vm.name(self.ctl.session, self.selected) if self.selected else ""
        return tr("why.title", state=where, year=rep.year) if rep else tr("why.title_empty")

    def _why_blocks(self) -> list[tuple[str, int, bool, object]]:
        key = (self.ctl.version, self.selected, current().name)
        if getattr(self, "_why_key", None) == key:
            return self._why_cache  # type: ignore[has-type]
        rows = vm.why_rows(self.ctl.session, self.ctl.last_report, self.selected, self.ctl.role)
        th = current()
        out: list[tuple[str, int, bool, object]] = []
        for r in rows:
            out.append((f"{r.title} ({r.tag})", SIZE.BODY, True, None))
            out.append((r.changes, SIZE.BODY, False, None))
            if r.source:
                out.append((tr("why.source", source=r.source), SIZE.SMALL, False, th.ink_soft))
        self._why_key, self._why_cache = key, out
        return out
