"""The map screen: map with modes, the selected state's panel (or the preview of the highlighted
action), the player's actions, the fixed "Why?" panel, and the command buttons.

Two layouts. At 100 % text the four panels sit side by side (the projector-tested layout). At a
larger text scale (``fonts.scale() > 1``, e.g. projector mode or the Text size setting) the map
stays on the left and the right side shows one panel at a time under tabs - State, Actions (the
list with the preview beneath) and Why? - each of which wraps and scrolls, so nothing is cut.

In team hotseat the screen always shows the team at the keyboard (``ctl.role``); each team keeps
its own selected state, map mode and tab, so nothing on screen hints at another team's plan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from .. import engine_text, fonts, glossary, text
from .. import viewmodels as vm
from ..controller import GameController, Phase
from ..i18n import language, tr
from ..input import Action, Input
from ..map_data import load_map
from ..map_view import MapView, Paint, map_legend, map_names
from ..theme import OKABE_ITO, SIZE, current, partner_styles
from ..widgets import (
    Button,
    FocusRing,
    ListView,
    ScrollText,
    Widget,
    draw_focus,
    flow_buttons,
    panel,
)
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
TABS = ("state", "actions", "why")


class MapWidget(Widget):
    """The map as a focusable widget: arrows move between states, a click selects one."""

    def __init__(self, scene: GameScene, rect: Rect) -> None:
        super().__init__(rect)
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
            self.scene.focus_widget(self.scene.choice_list)
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


class TabStrip(Widget):
    """State | Actions | Why? above the right-hand panel of the large-text layout."""

    def __init__(self, scene: GameScene, rect: Rect) -> None:
        super().__init__(rect)
        self.scene = scene

    def tab_rect(self, i: int) -> Rect:
        w = (self.rect.w - 8 * (len(TABS) - 1)) // len(TABS)
        return Rect(self.rect.x + i * (w + 8), self.rect.y, w, self.rect.h)

    def handle(self, inp: Input) -> bool:
        a = inp.action
        if a in (Action.LEFT, Action.RIGHT):
            i = TABS.index(self.scene.tab) + (1 if a == Action.RIGHT else -1)
            self.scene.set_tab(TABS[i % len(TABS)])
            return True
        if a == Action.ACTIVATE:
            self.scene.ring.move(+1)
            return True
        if a == Action.CLICK and inp.pos:
            for i, t in enumerate(TABS):
                if self.tab_rect(i).collidepoint(inp.pos):
                    self.scene.set_tab(t)
            return True
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        for i, t in enumerate(TABS):
            r = self.tab_rect(i)
            on = t == self.scene.tab
            pygame.draw.rect(surf, th.accent if on else th.panel_alt, r, border_radius=6)
            pygame.draw.rect(surf, th.border, r, th.outline_w, border_radius=6)
            text.draw(
                surf,
                tr(f"tab.{t}"),
                r.inflate(-8, 0),
                SIZE.SMALL,
                th.accent_ink if on else th.ink,
                bold=on,
                align="center",
                valign="center",
                wrap_text=False,
                min_size=SIZE.SMALL,
            )
        if focused:
            draw_focus(surf, self.rect)


class GameScene(Scene):
    name = "map"
    large_text = True

    def __init__(self, app: App, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        s = ctl.session
        self.styles = partner_styles(s.c.partner_ids)
        self.selected = s.c.state_ids[0] if s.c.state_ids else None
        self.mode_i = 0
        self.show_all = False
        self.tab = "state"
        self._view_role = ctl.role
        self._views: dict[str, tuple[Any, ...]] = {}
        self.modes = vm.map_modes(s, ctl.role)
        self._rows_key: tuple | None = None
        self._rows: list[vm.ChoiceRow] = []
        self._scale: tuple[float, str] = (-1.0, "")
        self.layout()

    # ---- layout --------------------------------------------------------------------------------
    @property
    def large(self) -> bool:
        return fonts.scale() > 1.0

    def layout(self) -> None:
        """(Re)build the widgets for the current text scale."""
        self._scale = (fonts.scale(), language())
        s = self.ctl.session
        self.modes = vm.map_modes(s, self.ctl.role)
        keep_focus = type(self.ring.focused).__name__ if self.ring.widgets else ""
        if self.large:
            self._layout_large()
        else:
            self._layout_normal()
        entries, titles = map_legend(s, self.styles, self.modes)
        self.map = MapView(self.map_rect, load_map(s.scenario), entries, titles)
        self.map_names = map_names(s, self.map.data)
        map_states = set(self.map.data.ids("state"))
        self.state_order = [x for x in self.map.state_ids() if x in s.c.state_index] + [
            x for x in s.c.state_ids if x not in map_states
        ]
        self.map_widget = MapWidget(self, self.map_rect)
        self._cells_key = None
        self._rebuild_ring()
        if keep_focus == "ListView":
            self.focus_widget(self.choice_list)

    def _commands(
        self,
    ) -> list[tuple[str, Callable[[], Any], Callable[[], bool] | None, Callable[[], str] | None]]:
        return [
            ("game.undo", self.undo, lambda: bool(self.ctl.planned_ids()), None),
            ("game.end_turn", self.end_turn, None, self._end_label),
            ("game.map_mode", lambda: self.cycle_mode(+1), None, None),
            ("game.timeline", self.open_timeline, lambda: bool(self.ctl.session.reports), None),
            ("game.glossary", self.open_glossary, None, None),
            ("game.about_map", self.open_about, None, None),
            ("game.help", self.app.open_help, None, None),
            ("game.menu", self.open_pause, None, None),
        ]

    def _end_label(self) -> str:
        c = self.ctl
        if c.hotseat and c.active < len(c.roles) - 1:
            return tr("game.team_done")
        return tr("game.end_turn")

    def _layout_normal(self) -> None:
        self.top_rect = Rect(0, 0, 1280, TOP_H)
        self.map_rect = MAP_RECT
        self.ctx_rect = CTX_RECT
        self.choices_rect = CHOICES_RECT
        self.why_rect = WHY_RECT
        self.side_rect = CTX_RECT
        self.choice_list = ListView(
            Rect(CHOICES_RECT.x + 8, CHOICES_RECT.y + 44, CHOICES_RECT.w - 16, CHOICES_RECT.h - 52),
            self._n_rows,
            self._draw_row,
            38,
            on_activate=self._toggle_row,
        )
        self.why = ScrollText(
            Rect(WHY_RECT.x + 10, WHY_RECT.y + 44, WHY_RECT.w - 20, WHY_RECT.h - 52),
            self._why_blocks,
            gap=8,
        )
        self.tabs: TabStrip | None = None
        self.state_text: ScrollText | None = None
        self.preview_text: ScrollText | None = None
        cmds = self._commands()
        n = len(cmds)
        gap = 8
        w = (1280 - 16 - gap * (n - 1)) // n
        self.buttons = []
        for i, (key, fn, en, lab) in enumerate(cmds):
            b = Button(
                Rect(8 + i * (w + gap), BAR_Y, w, 38),
                lab or tr(key),
                fn,
                en,
                primary=key == "game.end_turn",
                size=SIZE.SMALL + 2,
            )
            self.buttons.append(b)

    def _layout_large(self) -> None:
        lh = text.line_height(SIZE.BODY)
        top_h = 2 * lh + 8
        self.top_rect = Rect(0, 0, 1280, top_h)
        # fewer buttons (the rest are keys, and in the pause menu); they wrap onto two rows
        keep = ("game.end_turn", "game.undo", "game.glossary", "game.menu")
        cmds = [c for c in self._commands() if c[0] in keep]
        cmds.sort(key=lambda c: keep.index(c[0]))
        labels = [(c[3] or (lambda k=c[0]: tr(k))) for c in cmds]
        bsize = SIZE.SMALL
        rects = flow_buttons(
            [
                max(text.width(lab(), bsize, True), text.width(tr(c[0]), bsize, True))
                for lab, c in zip(labels, cmds)
            ],
            Rect(8, 0, 1264, 720 - 6),
            bsize,
        )
        self.buttons = [
            Button(r, c[3] or tr(c[0]), c[1], c[2], primary=c[0] == "game.end_turn", size=bsize)
            for r, c in zip(rects, cmds)
        ]
        bar_top = min(r.y for r in rects)
        y0, y1 = top_h + 6, bar_top - 6
        # the map is never smaller than at 100 % text (its labels are larger: they need room)
        map_w = 730 if fonts.scale() <= 1.5 else 580
        self.map_rect = Rect(8, y0, map_w, y1 - y0)
        side = Rect(map_w + 16, y0, 1280 - map_w - 24, y1 - y0)
        self.side_rect = side
        tab_h = text.line_height(SIZE.SMALL) + 10
        self.tabs = TabStrip(self, Rect(side.x, side.y, side.w, tab_h))
        content = Rect(side.x, side.y + tab_h + 8, side.w, side.h - tab_h - 8)
        self.ctx_rect = content
        self.why_rect = content
        self.choices_rect = content
        inner = content.inflate(-20, -16)
        self.state_text = ScrollText(inner, self._state_blocks, gap=4)
        self.why = ScrollText(inner, self._why_blocks, gap=8)
        row_h = lh + text.line_height(SIZE.SMALL) + 10  # the name, and its cost beneath
        head = text.line_height(SIZE.SMALL) + 6  # "Actions in X · 1 of 2 used · A: all"
        self.choice_list = ListView(
            Rect(inner.x, inner.y + head, inner.w, inner.h - head),
            self._n_rows,
            self._draw_row,
            row_h,
            on_activate=self._toggle_row,
        )
        # on the Actions tab the preview of the highlighted action takes the map's place
        pv = self.map_rect.inflate(-20, -16)
        ph = text.line_height(SIZE.H2) + 2
        self.preview_text = ScrollText(
            Rect(pv.x, pv.y + ph, pv.w, pv.h - ph),
            self._preview_blocks,
            gap=4,
            marks=lambda: glossary.marks(self.ctl.scenario),
        )

    def _rebuild_ring(self) -> None:
        keep = self.ring.focused if self.ring.widgets else None
        if not self.large:
            ws: list[Widget] = [self.map_widget, self.choice_list, self.why, *self.buttons]
        else:
            assert self.tabs and self.state_text and self.preview_text
            for w in (self.state_text, self.choice_list, self.preview_text, self.why):
                w.visible = False
            self.map_widget.visible = self.tab != "actions"
            if self.tab == "state":
                tab_ws: list[Widget] = [self.state_text]
            elif self.tab == "actions":
                tab_ws = [self.choice_list, self.preview_text]
            else:
                tab_ws = [self.why]
            for w in tab_ws:
                w.visible = True
            ws = [self.map_widget, self.tabs, *tab_ws, *self.buttons]
        self.ring = FocusRing(ws)
        if keep in ws:
            self.ring.focus(keep)

    def set_tab(self, tab: str) -> None:
        if tab not in TABS or not self.large:
            self.tab = tab if tab in TABS else self.tab
            return
        if tab != self.tab:
            self.tab = tab
            self._rebuild_ring()

    def focus_widget(self, w: Widget) -> None:
        """Focus a panel, switching to its tab in the large-text layout."""
        if self.large:
            if w is self.choice_list or w is self.preview_text:
                self.set_tab("actions")
            elif w is self.why:
                self.set_tab("why")
            elif w is self.state_text:
                self.set_tab("state")
        self.ring.focus(w)

    # ---- hotseat: each team its own view -------------------------------------------------------
    def _sync_team(self) -> None:
        role = self.ctl.role
        if role == self._view_role:
            return
        self._views[self._view_role] = (self.selected, self.mode_i, self.show_all, self.tab)
        s = self.ctl.session
        first = s.c.state_ids[0] if s.c.state_ids else None
        self.selected, self.mode_i, self.show_all, tab = self._views.get(
            role, (first, 0, False, "state")
        )
        self._view_role = role
        self.modes = vm.map_modes(s, role)
        self.mode_i %= len(self.modes)
        self._rows_key = None
        self._cells_key = None
        self.choice_list.selected = 0
        self.choice_list.top = 0
        self.tab = tab
        self._rebuild_ring()
        self.ring.index = 0
        self.ring.focus(self.map_widget)

    # ---- state selection, modes ----------------------------------------------------------------
    def select_state(self, sid: str) -> None:
        if sid in self.ctl.c.state_index:
            self.selected = sid
            self.choice_list.selected = 0
            self.choice_list.top = 0
            self.why.top = 0
            if self.state_text is not None:
                self.state_text.top = 0

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
        key = (self.ctl.version, self.selected, self.show_all, self.ctl.role)
        if key != self._rows_key:
            self._rows = vm.choice_rows(
                self.ctl.session,
                self.ctl.choices(),
                self.ctl.planned_ids(),
                self.selected,
                self.show_all,
            )
            self._rows_key = key
        return self._rows

    def _n_rows(self) -> int:
        return len(self.rows())

    def focused_row(self) -> vm.ChoiceRow | None:
        rows = self.rows()
        if not rows:
            return None
        on_list = self.ring.focused is self.choice_list
        if self.large and self.tab == "actions":
            on_list = True
        if on_list:
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

    def open_glossary(self) -> None:
        self.app.open_glossary(self.ctl.scenario, self.glossary_terms())

    def open_pause(self) -> None:
        from .overlays import PauseScene

        self.app.stack.push(PauseScene(self.app, self.ctl))

    def glossary_terms(self) -> list[str]:
        """Terms in the panel on show: the preview's action, else the state panel, plus Why?."""
        sc = self.ctl.scenario
        texts: list[str] = []
        row = self.focused_row()
        if row is not None:
            ch = row.choice
            texts += [vm.name(self.ctl.session, ch.action_id), self._description(ch)]
        elif self.selected:
            sp = vm.state_panel(self.ctl.session, self.selected, self.ctl.role)
            texts += sp.memberships + sp.membership_ids
        texts += [b[0] for b in self._why_blocks()]
        return glossary.find(sc, texts)

    def _description(self, ch: Any) -> str:
        from ...scenario.model import text_in
        from ..i18n import language

        act = self.ctl.scenario.actions[self.ctl.c.choice_action[ch.id]]
        return text_in(act.description, language())

    def handle(self, inp: Input) -> bool:
        tut = self.ctl.tutorial
        if tut is not None and tut.handle(inp, self):
            return True
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
        if a == Action.GLOSSARY:
            self.open_glossary()
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
                    if self.large:
                        self.focus_widget(self.choice_list)
                    self.choice_list.selected = i
                    self._toggle_row(i)
                    break
            return True
        if a == Action.BACK:
            self.open_pause()
            return True
        used = super().handle(inp)
        if used and self.large and self.tabs is not None:  # focus moved by Tab: follow it
            f = self.ring.focused
            want = {
                id(self.state_text): "state",
                id(self.choice_list): "actions",
                id(self.preview_text): "actions",
                id(self.why): "why",
            }.get(id(f))
            if want and want != self.tab:
                self.set_tab(want)
        return used

    def update(self, dt: float) -> None:
        if (fonts.scale(), language()) != self._scale:
            self.layout()
        ph = self.ctl.phase
        if self.app.stack.top is not self:
            return
        if ph == Phase.PLANNING and self.ctl.handoff:
            from .handoff import HandoffScene

            self.app.stack.push(HandoffScene(self.app, self.ctl))
            return
        self._sync_team()
        self.ctl.tick(dt)
        tut = self.ctl.tutorial
        if tut is not None:
            tut.update(self)
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
        if (fonts.scale(), language()) != self._scale:
            self.layout()

    # ---- the guided tour -------------------------------------------------------------------
    def tutorial_show(self, target: str) -> None:
        if self.large and target in ("map", "state", "why", "actions"):
            self.set_tab("state" if target == "map" else target)

    def tutorial_target(self, target: str) -> Rect | None:
        if target == "map":
            return self.map_rect
        if target == "state":
            return self.ctx_rect
        if target == "why":
            return self.why_rect
        if target == "actions":
            return self.choices_rect
        if target == "end":
            return next((b.rect for b in self.buttons if b.primary), None)
        return None

    def shot_key(self) -> str:
        k = f"map_{self.ctl.session.turn:02d}"
        if self.ctl.hotseat:
            k += f"_{self.ctl.role}"
        if self.focused_row() is not None:
            k += "_preview"
        return k

    # ---- drawing -------------------------------------------------------------------------------
    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        surf.fill(th.bg)
        self.draw_top(surf)
        if self.large:
            self.draw_side(surf)
        else:
            self.draw_context(surf)
            self.draw_choices_frame(surf)
            panel(surf, WHY_RECT, self.why_title())
            self._draw_why_empty(surf)
        self.ring.draw(surf)
        self.draw_timer_prompt(surf)
        tut = self.ctl.tutorial
        if tut is not None:
            tut.draw(surf, self)

    def _draw_why_empty(self, surf: pygame.Surface) -> None:
        th = current()
        if not self.ctl.last_report:
            text.draw(surf, tr("why.nothing_yet"), self.why.rect, SIZE.BODY, th.ink_soft)
        elif not self._why_blocks():
            text.draw(surf, tr("why.no_change"), self.why.rect, SIZE.BODY, th.ink_soft)

    def top_texts(self) -> tuple[str, str]:
        s = self.ctl.session
        left = tr("game.when", year=s.year, turn=min(s.turn + 1, s.c.n_turns), total=s.c.n_turns)
        budget = " · ".join(
            f"{vm.short_resource(s, r)} {v:g}" for r, v in self.ctl.budget().items()
        )
        who = (
            vm.team(s, self.ctl.role)
            if self.ctl.hotseat
            else tr("game.you", role=vm.name(s, self.ctl.role))
        )
        right = tr(
            "game.status", who=who, budget=budget, left=self.ctl.slots_left(), total=s.c.M_slots
        )
        t = self.ctl.time_left()
        if t is not None:
            left += " · " + tr("timer.left", time=_clock(t))
        return left, right

    def draw_top(self, surf: pygame.Surface) -> None:
        th = current()
        bar = self.top_rect
        pygame.draw.rect(surf, th.panel, bar)
        pygame.draw.line(surf, th.border, bar.bottomleft, bar.bottomright, th.outline_w)
        left, right = self.top_texts()
        if not self.large:
            text.draw(
                surf,
                left,
                Rect(12, 0, 330, TOP_H),
                SIZE.BODY,
                th.ink,
                bold=True,
                valign="center",
                wrap_text=False,
                min_size=SIZE.SMALL,
            )
            text.draw(
                surf,
                right,
                Rect(344, 0, 1280 - 356, TOP_H),
                SIZE.BODY,
                th.ink,
                align="right",
                valign="center",
                wrap_text=False,
                min_size=SIZE.SMALL,
            )
            return
        # two lines: when and who, then the budget and the actions left
        lh = text.line_height(SIZE.BODY)
        first, _, rest = right.partition(" · ")
        line1 = f"{left} · {first}"
        if text.width(line1, SIZE.BODY, True) > 1256:
            line1, rest = left, right
        text.draw(
            surf,
            line1,
            Rect(12, 4, 1256, lh),
            SIZE.BODY,
            th.ink,
            bold=True,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        text.draw(
            surf,
            rest,
            Rect(12, 4 + lh, 1256, lh),
            SIZE.BODY,
            th.ink,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )

    def draw_timer_prompt(self, surf: pygame.Surface) -> None:
        """The teacher's optional timer: past its time, a gentle note on the map (never more)."""
        t = self.ctl.time_left()
        if t is None or t > 0:
            return
        r = self.map_rect
        msg = tr("timer.up")
        lines = text.wrap(msg, SIZE.SMALL, r.w - 40, True)
        h = len(lines) * text.line_height(SIZE.SMALL) + 16
        box = Rect(r.x + 10, r.bottom - h - 10, r.w - 20, h)
        pygame.draw.rect(surf, OKABE_ITO["yellow"], box, border_radius=8)
        pygame.draw.rect(surf, (0, 0, 0), box, 2, border_radius=8)
        text.draw(
            surf, msg, box.inflate(-20, -8), SIZE.SMALL, (0, 0, 0), bold=True, valign="center"
        )

    # map -------------------------------------------------------------------------------------
    def paint(self, focused: bool) -> Paint:
        s = self.ctl.session
        letters = {k: v[1] for k, v in self.styles.items()}
        key = (self.ctl.version, self.mode.id, self.ctl.role)
        if getattr(self, "_cells_key", None) != key:
            self._cells_key = key
            self._cells = vm.map_cells(s, self.mode.id, self.ctl.role, letters)
        cells = self._cells
        row = self.focused_row()
        target = row.choice.target if row and row.choice.target != self.selected else None
        return Paint.of(
            self.mode,
            cells,
            self.selected,
            target,
            self.app.settings.patterns,
            f"{current().name}@{fonts.scale()}",
            focused,
        )

    def draw_map(self, surf: pygame.Surface, focused: bool) -> None:
        """The map, its insets and legend: drawn by ``MapView`` (labels at body-text size)."""
        img = self.map.surface(self.paint(focused), self.styles, self.map_names)
        surf.blit(img, self.map_rect.topleft)

    # context panel: the selected state, or the preview of the highlighted action --------------
    def draw_context(self, surf: pygame.Surface) -> None:
        row = self.focused_row()
        if row is not None:
            self.draw_preview(surf, row)
        else:
            self.draw_state(surf)

    def state_vm(self) -> vm.StatePanel | None:
        if not self.selected:
            return None
        key = (self.ctl.version, self.selected, self.ctl.role)
        if getattr(self, "_sp_key", None) != key:
            self._sp_key = key
            self._sp = vm.state_panel(self.ctl.session, self.selected, self.ctl.role)
        return self._sp

    def _trust_line(self, sp: vm.StatePanel) -> str:
        s = self.ctl.session
        parts = [tr("state.stability", value=f"{sp.stability:.0f}")]
        if sp.player_trust is not None:
            parts.append(
                tr(
                    "state.trust_in",
                    power=vm.name(s, self.ctl.role),
                    value=f"{sp.player_trust:.0f}",
                )
            )
        return " · ".join(parts)

    def _others(self, sp: vm.StatePanel) -> str:
        return " · ".join(
            f"{self.styles[pid][1]} {v:.0f}"
            for pid, _n, v in sp.trust
            if pid != self.ctl.role and pid in self.styles
        )

    def draw_state(self, surf: pygame.Surface) -> None:
        th = current()
        sp = self.state_vm()
        if sp is None:
            panel(surf, CTX_RECT)
            return
        inner = panel(surf, CTX_RECT)
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
        aut = tr("state.autonomy", value=f"{sp.autonomy:.0f}")
        if sp.autonomy_delta is not None:
            aut += " " + tr("state.change", delta=vm.fmt_delta(sp.autonomy_delta))
        text.draw(
            surf,
            aut,
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
        others = self._others(sp)
        if others and text.width(f"{line} ({others})", SIZE.SMALL) <= inner.w:
            line = f"{line} ({others})"  # trust in the other powers, by their letters
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
            marks=glossary.marks(self.ctl.scenario),
        )
        y += lh + 4
        sl = text.line_height(SIZE.SMALL)
        text.draw(
            surf,
            tr("state.dependence_heading"),
            Rect(inner.x, y, inner.w, sl),
            SIZE.SMALL,
            th.ink_soft,
            bold=True,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        y += sl + 2
        n = max(1, len(sp.dims))
        row_h = min(34, (inner.bottom - y) // n)
        label_w = 240
        from ..charts import stacked_bar

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
                self.styles,
            )
            y += row_h

    def _state_blocks(self) -> list[tuple[str, int, bool, object]]:
        """The state panel as wrapped text (large-text layout)."""
        th = current()
        sp = self.state_vm()
        if sp is None:
            return []
        aut = tr("state.autonomy", value=f"{sp.autonomy:.0f}")
        if sp.autonomy_delta is not None:
            aut += " " + tr("state.change", delta=vm.fmt_delta(sp.autonomy_delta))
        line = self._trust_line(sp)
        others = self._others(sp)
        mem = ", ".join(sp.memberships) if sp.memberships else tr("state.no_membership")
        out: list[tuple[str, int, bool, object]] = [
            (f"{sp.name} ({sp.id})", SIZE.H2, True, None),
            (aut, SIZE.BODY, True, None),
            (line + (f" ({others})" if others else ""), SIZE.BODY, False, None),
            (tr("state.member_of", orgs=mem), SIZE.BODY, False, None),
            (tr("state.dependence_heading"), SIZE.SMALL, True, th.ink_soft),
        ]
        for dname, parts_ in sp.dims:
            shares = " · ".join(
                f"{self.styles[pid][1]}\u00a0{v * 100:.0f}"
                for pid, v in parts_
                if pid in self.styles and v >= 0.005
            )
            out.append((f"{vm.short_label(dname)}: {shares}", SIZE.BODY, False, None))
        return out

    def _preview_items(self, row: vm.ChoiceRow) -> list[tuple[str, int, bool, object, str | None]]:
        """(text, size, bold, colour, value at the right or None) of the preview."""
        th = current()
        s = self.ctl.session
        ch = row.choice
        p = self.ctl.preview(ch.id)
        when = (
            tr("preview.lands_now")
            if p.lands_in == 0
            else (
                tr("preview.lands_next")
                if p.lands_in == 1
                else tr("preview.lands_in", n=p.lands_in)
            )
        )
        if ch.duration > 1:
            when += " · " + tr("preview.lasts", n=ch.duration)
        items: list[tuple[str, int, bool, object, str | None]] = [
            (vm.choice_label(s, ch), SIZE.H2, True, None, None),
            (
                tr("preview.cost", cost=vm.fmt_cost(s, ch.cost)) + " · " + when,
                SIZE.BODY,
                False,
                None,
                None,
            ),
        ]
        if row.planned:
            items.append(("✓ " + tr("preview.planned"), SIZE.BODY, True, th.good, None))
        elif not ch.legal:
            items.append(
                (
                    "✗ "
                    + tr("preview.unavailable", reason=engine_text.reason(s.scenario, ch.reason)),
                    SIZE.BODY,
                    True,
                    th.bad,
                    None,
                )
            )
        prefix = f"{s.c.names.get(ch.target, ch.target)}: " if ch.target else ""
        if p.changes:
            items.append((tr("preview.likely"), SIZE.SMALL, True, th.ink_soft, None))
            for k, v in p.changes[:6]:
                k = k[len(prefix) :] if prefix and k.startswith(prefix) else k
                k = vm.drop_parentheses(vm.change_label(s, k))
                items.append((k[:1].upper() + k[1:], SIZE.BODY, False, None, vm.fmt_delta(v)))
        if p.sentences:
            items.append((tr("preview.does"), SIZE.SMALL, True, th.ink_soft, None))
            for t in vm.effects(s, p.sentences[:4]):
                items.append(("• " + t, SIZE.BODY, False, None, None))
        desc = self._description(ch)
        if desc:
            items.append((desc, SIZE.SMALL, False, th.ink_soft, None))
        return items

    def _preview_blocks(self) -> list[tuple[str, int, bool, object]]:
        rows = self.rows()
        if not rows:
            return []
        row = rows[min(self.choice_list.selected, len(rows) - 1)]
        return [
            (f"{t}  {val}" if val else t, size, bold, col)
            for t, size, bold, col, val in self._preview_items(row)
        ]

    def draw_preview(self, surf: pygame.Surface, row: vm.ChoiceRow) -> None:
        th = current()
        inner = panel(surf, CTX_RECT, tr("preview.title"))
        items = self._preview_items(row)
        marks = glossary.marks(self.ctl.scenario)
        y = inner.y
        val_w = 80
        for i, (t, size, bold, col, val) in enumerate(items):
            w = inner.w - (val_w if val else 0)
            lines = text.wrap(t, size, w, bold)
            lh = text.line_height(size)
            reserve = 0 if i == len(items) - 1 else text.line_height(SIZE.SMALL)
            if y + lh * len(lines) > inner.bottom - reserve:
                more = len(items) - i
                text.draw(
                    surf,
                    tr("preview.more", n=more),
                    Rect(
                        inner.x,
                        inner.bottom - text.line_height(SIZE.SMALL),
                        inner.w,
                        text.line_height(SIZE.SMALL),
                    ),
                    SIZE.SMALL,
                    th.ink_soft,
                    wrap_text=False,
                )
                return
            for j, ln in enumerate(lines):
                ink = col or th.ink
                text.draw_line(
                    surf,
                    ln,
                    (inner.x, y),
                    size,
                    ink,
                    bold,  # type: ignore[arg-type]
                    max_w=w,
                )
                if i == 0 or i == len(items) - 1:  # the action's name and description
                    text.underline_marks(
                        surf,
                        ln,
                        inner.x,
                        y,
                        size,
                        bold,
                        ink,  # type: ignore[arg-type]
                        marks,
                    )
                if val and j == 0:
                    text.draw(
                        surf,
                        val,
                        Rect(inner.right - val_w, y, val_w, lh),
                        size,
                        col or th.ink,
                        bold=True,
                        align="right",
                        wrap_text=False,
                    )  # type: ignore[arg-type]
                y += lh
            y += 2

    # large layout: the right-hand side -------------------------------------------------------
    def draw_side(self, surf: pygame.Surface) -> None:
        th = current()
        content = self.ctx_rect
        panel(surf, content)
        inner = content.inflate(-20, -16)
        if self.tab == "actions":
            sl = text.line_height(SIZE.SMALL)
            s = self.ctl.session
            title = (
                tr("choices.title_all")
                if self.show_all
                else tr(
                    "choices.title_state", state=vm.name(s, self.selected) if self.selected else ""
                )
            )
            msg = self.ctl.message and engine_text.reason(s.scenario, self.ctl.message)
            used = s.c.M_slots - self.ctl.slots_left()
            status = msg or tr("choices.used", used=used, total=s.c.M_slots)
            line = f"{title} · {status}"
            if text.width(line, SIZE.SMALL, True) > inner.w:
                line = status
            if text.width(line, SIZE.SMALL, True) > inner.w:
                line = _ellipsize(line, SIZE.SMALL, True, inner.w)  # a long refusal
            text.draw(
                surf,
                line,
                Rect(inner.x, inner.y, inner.w, sl),
                SIZE.SMALL,
                th.bad if msg else th.ink,
                bold=True,
                wrap_text=False,
            )
            if not self.rows():
                text.draw(
                    surf,
                    tr("choices.none"),
                    Rect(inner.x, inner.y + sl + 6, inner.w, inner.h - sl - 6),
                    SIZE.BODY,
                    th.ink_soft,
                )
            pv = panel(surf, self.map_rect, tr("preview.title"))
            del pv

    # choices ---------------------------------------------------------------------------------
    def draw_choices_frame(self, surf: pygame.Surface) -> None:
        th = current()
        s = self.ctl.session
        if self.show_all:
            title = tr("choices.title_all")
        else:
            title = tr(
                "choices.title_state", state=vm.name(s, self.selected) if self.selected else ""
            )
        used = s.c.M_slots - self.ctl.slots_left()
        panel(surf, CHOICES_RECT)
        hdr = Rect(CHOICES_RECT.x + 10, CHOICES_RECT.y + 6, CHOICES_RECT.w - 20, 34)
        text.draw(
            surf,
            title,
            Rect(hdr.x, hdr.y, hdr.w - 250, hdr.h),
            SIZE.H2,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        msg = self.ctl.message and engine_text.reason(s.scenario, self.ctl.message)
        msg = msg or tr("choices.used", used=used, total=s.c.M_slots)
        col = th.bad if self.ctl.message else th.ink_soft
        text.draw(
            surf,
            msg,
            Rect(hdr.right - 250, hdr.y, 250, hdr.h),
            SIZE.SMALL,
            col,
            align="right",
            valign="center",
            min_size=SIZE.SMALL,
        )
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
        key_w = max(28, text.width("9", SIZE.SMALL, True) + 12)
        if self.large:
            self._draw_row_large(surf, row, r, key_w, ink)
            return
        if row.hotkey:
            key = Rect(x, r.y + 5, key_w, r.h - 10)
            fill = th.good if row.planned else th.panel
            pygame.draw.rect(surf, fill, key, border_radius=4)
            pygame.draw.rect(surf, th.border, key, 1, border_radius=4)
            text.draw(
                surf,
                str(row.hotkey),
                key,
                SIZE.SMALL,
                (255, 255, 255) if row.planned else th.ink,
                bold=True,
                align="center",
                valign="center",
                wrap_text=False,
            )
        x += key_w + 8
        cost_w = self._cost_w()
        own_cost = text.width(row.cost, SIZE.SMALL) + 12
        # the name may use the room its own (short) cost leaves in the cost column
        label_r = Rect(x, r.y, r.right - x - own_cost, r.h)
        label = row.text
        if text.width(label, SIZE.SMALL, row.planned) > label_r.w:
            label = vm.drop_parentheses(label)  # "Resource diplomacy (uranium, …)" -> the name
        if self.large and text.width(label, SIZE.BODY, row.planned) > label_r.w:
            label = _ellipsize(label, SIZE.BODY, row.planned, label_r.w)  # full name: preview
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
        self,
        surf: pygame.Surface,
        row: vm.ChoiceRow,
        r: Rect,
        key_w: int,
        ink: tuple[int, int, int],
    ) -> None:
        """Large-text rows: the key and the name on the first line, the cost beneath."""
        th = current()
        lh = text.line_height(SIZE.BODY)
        if row.hotkey:
            key = Rect(r.x, r.y + 5, key_w, lh - 4)
            pygame.draw.rect(surf, th.good if row.planned else th.panel, key, border_radius=4)
            pygame.draw.rect(surf, th.border, key, 1, border_radius=4)
            text.draw(
                surf,
                str(row.hotkey),
                key,
                SIZE.SMALL,
                (255, 255, 255) if row.planned else th.ink,
                bold=True,
                align="center",
                valign="center",
                wrap_text=False,
            )
        x = r.x + key_w + 8
        w = r.right - x
        label = row.text
        if text.width(label, SIZE.BODY, row.planned) > w:
            label = vm.drop_parentheses(label)
        if text.width(label, SIZE.BODY, row.planned) > w:
            label = _ellipsize(label, SIZE.BODY, row.planned, w)  # the preview has it whole
        used = text.draw(
            surf, label, Rect(x, r.y + 4, w, lh), SIZE.BODY, ink, bold=row.planned, wrap_text=False
        )
        if not row.choice.legal and not row.planned:
            y = r.y + 4 + lh // 2
            pygame.draw.line(surf, th.ink_disabled, (used.x, y), (used.right, y), 2)
        cost = row.cost
        if text.width(cost, SIZE.SMALL) > w:
            cost = _ellipsize(cost, SIZE.SMALL, False, w)
        text.draw(
            surf,
            cost,
            Rect(x, r.y + 4 + lh, w, text.line_height(SIZE.SMALL)),
            SIZE.SMALL,
            th.ink_soft if row.choice.legal else ink,
            wrap_text=False,
        )

    # why -------------------------------------------------------------------------------------
    def why_title(self) -> str:
        rep = self.ctl.last_report
        where = vm.name(self.ctl.session, self.selected) if self.selected else ""
        return tr("why.title", state=where, year=rep.year) if rep else tr("why.title_empty")

    def _why_blocks(self) -> list[tuple[str, int, bool, object]]:
        key = (self.ctl.version, self.selected, current().name, self.ctl.role, self.large)
        if getattr(self, "_why_key", None) == key:
            return self._why_cache  # type: ignore[has-type]
        rows = vm.why_rows(self.ctl.session, self.ctl.last_report, self.selected, self.ctl.role)
        th = current()
        out: list[tuple[str, int, bool, object]] = []
        if self.large:
            out.append((self.why_title(), SIZE.H2, True, None))
        for r in rows:
            out.append((f"{r.title} ({r.tag})", SIZE.BODY, True, None))
            out.append((r.changes, SIZE.BODY, False, None))
            if r.source:
                out.append((tr("why.source", source=r.source), SIZE.SMALL, False, th.ink_soft))
        if self.large and not rows:  # the empty-panel note is part of the scrolling text here
            msg = tr("why.no_change") if self.ctl.last_report else tr("why.nothing_yet")
            out.append((msg, SIZE.BODY, False, th.ink_soft))
        self._why_key, self._why_cache = key, out
        return out


def _clock(seconds: float) -> str:
    s = max(0, int(seconds + 0.999))
    return f"{s // 60}:{s % 60:02d}"


def _ellipsize(label: str, size: int, bold: bool, w: int) -> str:
    """Cut a label to ``w`` with "…" (the list in the large-text layout; the preview beneath
    gives the whole name)."""
    while label and text.width(label + "…", size, bold) > w:
        label = label[:-1]
    return label.rstrip() + "…"
