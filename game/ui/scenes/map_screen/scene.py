"""``MapScene``: the map screen's widgets in Tab order, its keys, and its life on the scene
stack. What it shows is ``state.MapScreenState``; where things sit is ``layout``; the panels
draw themselves (``map_panel``, ``state_panel``, ``preview_panel``, ``actions_panel``,
``why_panel``, ``goals_panel``, ``top_bar``); where it leads is ``flow``.

At 100 % text the state panel's place shows, in this order of precedence: the preview of the
highlighted action (the action list or the preview has the focus), the goals in full (the goals
strip has the focus, or the first turn has not been played and the team has not looked at a
state yet: the goals are the first thing a game shows), else the selected state's panel.

In team hotseat the screen always shows the team at the keyboard (``ctl.role``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from ... import fonts, glossary, text, tour_prompt
from ... import viewmodels as vm
from ...controller import GameController
from ...i18n import language, tr
from ...input import Action, Input
from ...theme import SIZE, current
from ...widgets import Button, FocusRing, ListView, ScrollText, TabStrip, Widget, panel
from .. import save_note
from ..base import Host, Scene
from . import layout as layouts
from . import preview_panel, top_bar
from .actions_panel import ActionsPanel
from .flow import MapFlow
from .goals_panel import GoalsPanel, GoalsStrip
from .map_panel import MapPanel
from .state import TABS, MapScreenState
from .state_panel import StatePanelView
from .why_panel import WhyPanel

Rect = pygame.Rect


@dataclass(frozen=True)
class Command:
    """A button of the command bar (its key is shown in its label)."""

    key: str  # i18n key of the label
    run: Callable[[], object]
    enabled: Callable[[], bool] | None = None
    label: Callable[[], str] | None = None  # a label that changes with the game


#: the buttons kept in the large-text layout (the rest are keys, and in the pause menu)
LARGE_TEXT_COMMANDS = ("game.end_turn", "game.undo", "game.glossary", "game.menu")
#: at 100 %, the buttons left out first when long labels do not fit in one row
DROPPED_FIRST = ("game.about_map", "game.help", "game.map_mode", "game.timeline")


class MapScene(Scene):
    name = "map"
    large_text = True

    def __init__(self, app: Host, ctl: GameController) -> None:
        super().__init__(app)
        self.ctl = ctl
        self.screen = MapScreenState(ctl)
        self.flow = MapFlow(app, ctl)
        self.state_panel = StatePanelView(self.screen)
        self.actions = ActionsPanel(self.screen)
        self.why_panel = WhyPanel(self.screen)
        self.goals_panel = GoalsPanel(self.screen)
        self._laid_out_for: tuple[float, str] = (-1.0, "")
        self.layout()
        if ctl.session.reports or ctl.tour is not None:  # the tour shows the goal its own way
            self.screen.view.intro = False
        elif self.large:
            self.set_tab("goals")

    # ---- layout --------------------------------------------------------------------------------
    @property
    def large(self) -> bool:
        return fonts.scale() > 1.0

    def commands(self) -> list[Command]:
        return [
            Command("game.undo", self.ctl.undo, lambda: bool(self.ctl.planned_ids())),
            Command("game.end_turn", self.ctl.ask_end_turn, label=self._end_label),
            Command("game.map_mode", lambda: self.screen.cycle_mode(+1)),
            Command("game.timeline", self.flow.timeline, lambda: bool(self.ctl.session.reports)),
            Command("game.glossary", self.open_glossary),
            Command("game.about_map", self.flow.about_map),
            Command("game.help", self.flow.help),
            Command("game.menu", self.flow.pause),
        ]

    def _end_label(self) -> str:
        c = self.ctl
        if c.pass_asked:
            return tr("game.confirm_pass")
        if c.hotseat and c.active < len(c.roles) - 1:
            return tr("game.team_done")
        return tr("game.end_turn")

    def layout(self) -> None:
        """(Re)build the widgets for the current text scale and language."""
        self._laid_out_for = (fonts.scale(), language())
        self.screen.relabel()
        keep_list_focus = self.ring.widgets and self.ring.focused is getattr(
            self, "choice_list", None
        )
        large = self.large
        cmds = self.commands()
        if large:
            cmds = sorted(
                (c for c in cmds if c.key in LARGE_TEXT_COMMANDS),
                key=lambda c: LARGE_TEXT_COMMANDS.index(c.key),
            )
        size = SIZE.SMALL if large else layouts.BUTTON_SIZE

        def label_w(c: Command) -> int:
            bold = c.key == "game.end_turn"
            w = text.width(tr(c.key), size, bold)
            return max(w, text.width(c.label(), size, bold)) if c.label else w

        if not large:  # one row: smaller labels, then fewer buttons (their keys stay)
            while not layouts.one_row_fits([label_w(c) for c in cmds]):
                if size > SIZE.SMALL:
                    size = SIZE.SMALL
                    continue
                spare = next((c for c in cmds if c.key in DROPPED_FIRST), None)
                if spare is None:
                    break
                cmds.remove(spare)
        widths = [label_w(c) for c in cmds]
        # each tab as wide as its label in bold (``TabStrip.tab_rect``), 8 px apart
        tabs_w = sum(text.width(tr(f"tab.{t}"), SIZE.SMALL, True) + 16 for t in TABS)
        tabs_w += 8 * (len(TABS) - 1)
        lay = layouts.large(widths, tabs_w) if large else layouts.normal(widths)
        self.lay = lay
        self.buttons = [
            Button(
                r,
                c.label or tr(c.key),
                c.run,
                c.enabled,
                primary=c.key == "game.end_turn",
                size=size,
            )
            for r, c in zip(lay.buttons, cmds)
        ]
        self.actions.large = self.why_panel.large = large
        self.choice_list = ListView(
            lay.action_list,
            lambda: len(self.screen.rows()),
            self.actions.draw_row,
            lay.action_row_h,
            on_activate=self._toggle_row,
        )
        self.why = ScrollText(lay.why_text, self.why_panel.blocks, gap=8)
        self.preview_text = ScrollText(
            lay.preview_text,
            lambda: preview_panel.blocks(self.screen, self.focused_row()),
            gap=4,
            marks=lambda: glossary.marks(self.ctl.scenario),
        )
        self.goals_full = ScrollText(
            lay.goals_text, lambda: self.goals_panel.blocks(heading=large), gap=4
        )
        self.goals_full.focusable = large  # at 100 % the strip scrolls it
        self.goals_strip = GoalsStrip(lay.goals, self.goals_panel, self.goals_full)
        self.tabs: TabStrip | None = None
        self.state_text: ScrollText | None = None
        if large:
            assert lay.tabs and lay.state_text
            self.tabs = TabStrip(
                lay.tabs,
                lambda: [tr(f"tab.{t}") for t in TABS],
                lambda: TABS.index(self.screen.view.tab),
                lambda i: self.set_tab(TABS[i]),
                on_activate=lambda: self.ring.move(+1),
            )
            self.state_text = ScrollText(lay.state_text, self.state_panel.blocks, gap=4)
        self.map_widget = MapPanel(
            lay.map,
            self.screen,
            self.focused_row,
            lambda: self.app.settings.patterns,
            self.select_state,
            lambda: self.focus_widget(self.choice_list),
        )
        self.screen.state_order = self.map_widget.states_west_to_east()
        self._rebuild_ring()
        if keep_list_focus:
            self.focus_widget(self.choice_list)

    def _rebuild_ring(self) -> None:
        keep = self.ring.focused if self.ring.widgets else None
        if not self.large:
            self.goals_full.visible = False  # drawn by the scene, in the state panel's place
            ws: list[Widget] = [
                self.map_widget,
                self.choice_list,
                self.preview_text,  # only while it has more than fits (then Tab, ↓ scroll it)
                self.why,
                self.goals_strip,
                *self.buttons,
            ]
        else:
            assert self.tabs and self.state_text
            tab = self.screen.view.tab
            panels: list[Widget] = [
                self.state_text,
                self.choice_list,
                self.preview_text,
                self.why,
                self.goals_full,
            ]
            for w in panels:
                w.visible = False
            self.map_widget.visible = tab != "actions"
            if tab == "state":
                tab_ws: list[Widget] = [self.state_text]
            elif tab == "actions":
                tab_ws = [self.choice_list, self.preview_text]
            elif tab == "goals":
                tab_ws = [self.goals_full]
            else:
                tab_ws = [self.why]
            for w in tab_ws:
                w.visible = True
            ws = [self.map_widget, self.goals_strip, self.tabs, *tab_ws, *self.buttons]
        self.ring = FocusRing(ws)
        if keep in ws:
            self.ring.focus(keep)

    def set_tab(self, tab: str) -> None:
        """Show a tab of the large-text layout (remembered at 100 % too)."""
        if tab not in TABS or tab == self.screen.view.tab:
            return
        self.screen.view.tab = tab
        if self.large:
            self._rebuild_ring()

    def _tab_of(self, w: Widget | None) -> str | None:
        """The large-text tab that shows widget ``w`` (None: it is always shown)."""
        for tab, ws in (
            ("state", (self.state_text,)),
            ("actions", (self.choice_list, self.preview_text)),
            ("why", (self.why,)),
            ("goals", (self.goals_full, self.goals_strip)),
        ):
            if w is not None and any(w is x for x in ws):
                return tab
        return None

    def focus_widget(self, w: Widget) -> None:
        """Focus a panel, switching to its tab in the large-text layout."""
        tab = self._tab_of(w)
        if self.large and tab:
            self.set_tab(tab)
        self.ring.focus(w)

    # ---- what the team looks at ----------------------------------------------------------------
    def select_state(self, sid: str) -> None:
        if self.screen.select_state(sid):
            self.screen.view.intro = False  # the team looks at a state: its panel shows
            self._scroll_to_top()

    def _scroll_to_top(self) -> None:
        self.choice_list.selected = 0
        self.choice_list.top = 0
        self.why.top = 0
        if self.state_text is not None:
            self.state_text.top = 0

    def _follow_team(self) -> None:
        """Hotseat: the next team sees its own view, with the focus on the map."""
        if self.screen.follow_team():
            self.choice_list.selected = 0
            self.choice_list.top = 0
            if self.large and self.screen.view.intro:
                self.screen.view.tab = "goals"
            self._rebuild_ring()
            self.ring.index = 0
            self.ring.focus(self.map_widget)

    def rows(self) -> list[vm.ChoiceRow]:
        return self.screen.rows()

    def focused_row(self) -> vm.ChoiceRow | None:
        """The highlighted action, when the action list (or its preview) has the focus: its
        preview shows."""
        rows = self.screen.rows()
        if not rows:
            return None
        focused = self.ring.focused
        on_list = (
            focused is self.choice_list
            or focused is self.preview_text
            or (self.large and self.screen.view.tab == "actions")
        )
        return rows[min(self.choice_list.selected, len(rows) - 1)] if on_list else None

    def goals_shown(self) -> bool:
        """100 % text: the goals in full take the state panel's place (the strip has the
        focus, or the game has just begun and the team has not looked at a state yet)."""
        if self.focused_row() is not None:
            return False
        return self.ring.focused is self.goals_strip or self.screen.view.intro

    def _toggle_row(self, i: int) -> None:
        rows = self.screen.rows()
        if not 0 <= i < len(rows):
            return
        self.screen.toggle(rows[i])  # the rows keep their places and numbers

    def open_glossary(self) -> None:
        self.flow.glossary(self.glossary_terms())

    def glossary_terms(self) -> list[str]:
        """Terms in the panel on show: the preview's action, else the state panel, plus Why?."""
        texts: list[str] = []
        row = self.focused_row()
        if row is not None:
            texts += [vm.name(self.ctl.session, row.choice.action_id)]
            texts.append(preview_panel.description(self.screen, row))
        else:
            sp = self.state_panel.model()
            if sp is not None:
                texts += sp.memberships + sp.membership_ids
        texts += [b[0] for b in self.why_panel.blocks()]
        return glossary.find(self.ctl.scenario, texts)

    # ---- input ---------------------------------------------------------------------------------
    def handle(self, inp: Input) -> bool:
        if tour_prompt.handle(self, inp):
            return True
        a = inp.action
        keys: dict[Action, Callable[[], object]] = {
            Action.END_TURN: self.ctl.ask_end_turn,
            Action.UNDO: self.ctl.undo,
            Action.MAP_MODE: lambda: self.screen.cycle_mode(+1),
            Action.MAP_MODE_PREV: lambda: self.screen.cycle_mode(-1),
            Action.GLOSSARY: self.open_glossary,
            Action.TIMELINE: self.flow.timeline,
            Action.ALL_CHOICES: self._toggle_show_all,
            Action.ABOUT_MAP: self.flow.about_map,
            Action.SAVE: self.flow.save,
            Action.BACK: self.flow.pause,
        }
        if a in keys:
            keys[a]()
            return True
        if a == Action.DIGIT:
            self._plan_by_number(inp.value)
            return True
        self._preview_reachable()
        used = super().handle(inp)
        tab = self._tab_of(self.ring.focused)
        if used and self.large and tab:  # the focus moved by Tab: show its tab
            self.set_tab(tab)
        if self.ring.focused is self.choice_list:
            self.screen.view.intro = False
        return used

    def _preview_reachable(self) -> None:
        """100 % text: Tab goes from the action list into its preview (to scroll it) only while
        the preview shows."""
        if not self.large:
            self.preview_text.visible = self.focused_row() is not None

    def _toggle_show_all(self) -> None:
        self.screen.view.show_all = not self.screen.view.show_all
        self.choice_list.selected = 0
        self.choice_list.top = 0

    def _plan_by_number(self, n: int) -> None:
        for i, r in enumerate(self.screen.rows()):
            if r.number == n:
                if self.large:
                    self.focus_widget(self.choice_list)
                self.choice_list.selected = i
                self._toggle_row(i)
                return

    # ---- life on the stack ---------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if (fonts.scale(), language()) != self._laid_out_for:
            self.layout()
        if self.app.stack.top is not self:
            return
        if self.flow.hand_off():
            return
        self._follow_team()
        self.ctl.tick(dt)
        self.ctl.idle()
        tour_prompt.update(self)
        self.flow.follow_the_turn()

    def resume(self) -> None:
        if (fonts.scale(), language()) != self._laid_out_for:
            self.layout()

    # ---- the guided tour -----------------------------------------------------------------------
    def tour_show(self, target: str) -> None:
        if self.large and target in ("map", "state", "why", "actions", "goals"):
            self.set_tab("state" if target == "map" else target)

    def tour_target(self, target: str) -> Rect | None:
        lay = self.lay
        places = {
            "map": lay.map,
            "state": lay.context,
            "why": lay.why,
            "actions": lay.actions,
            "goals": lay.goals,
        }
        if target in places:
            return places[target]
        if target == "end":
            return next((b.rect for b in self.buttons if b.primary), None)
        return None

    def preview_on_screen(self) -> bool:
        """The team has gone to its actions and looks at one's preview."""
        return self.ring.focused is self.choice_list and self.focused_row() is not None

    def shot_key(self) -> str:
        k = f"map_{self.ctl.session.turn:02d}"
        if self.ctl.hotseat:
            k += f"_{self.ctl.role}"
        if self.focused_row() is not None:
            k += "_preview"
        elif self.goals_shown():
            k += "_goals"
        return k

    # ---- drawing -------------------------------------------------------------------------------
    def draw(self, surf: pygame.Surface) -> None:
        lay = self.lay
        surf.fill(current().bg)
        top_bar.draw(surf, self.ctl, lay.top, lay.large)
        if lay.large:
            panel(surf, lay.context)
            if self.screen.view.tab == "actions":
                self.actions.draw_heading_large(surf, lay.context.inflate(-20, -16))
                panel(surf, lay.map, tr("preview.title"))  # the preview's frame, where the map was
        else:
            self._preview_reachable()
            row = self.focused_row()
            if row is not None:
                preview_panel.draw_frame(surf, lay.context, self.preview_text)
            elif self.goals_shown():
                panel(surf, lay.context, self.goals_panel.title())
                self.goals_full.draw(surf, False)
            else:
                self.state_panel.draw(surf, lay.context)
            self.actions.draw_frame(surf, lay.actions, lay.action_list)
            panel(surf, lay.why, self.why_panel.title())
            self.why_panel.draw_empty_note(surf, lay.why_text)
        self.ring.draw(surf)
        top_bar.draw_timer_note(surf, self.ctl, lay.map)
        save_note.draw(surf, self.ctl, lay.map)  # the last autosave failed: why, until one works
        tour_prompt.draw(self, surf)
