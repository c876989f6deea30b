"""The map as a focusable widget (← → and ↑ ↓ visit the states west to east, a click selects
one, Enter goes to the actions). ``MapView`` draws it with its insets and legend, from the
scenario's map (``map_data.scenario_map``: without the world asset, an empty map saying why)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from ... import fonts
from ... import viewmodels as vm
from ...i18n import language
from ...input import Action, Input
from ...map_data import scenario_map
from ...map_view import MapView, Paint, map_legend, map_names
from ...theme import current
from ...widgets import Widget, draw_focus
from .state import MapScreenState

Rect = pygame.Rect


class MapPanel(Widget):
    def __init__(
        self,
        rect: Rect,
        screen: MapScreenState,
        highlighted: Callable[[], vm.ChoiceRow | None],
        patterns: Callable[[], bool],
        select: Callable[[str], object],
        go_to_actions: Callable[[], object],
    ) -> None:
        super().__init__(rect)
        self.screen = screen
        s = screen.ctl.session
        entries, titles = map_legend(s, screen.styles, screen.modes)
        self.view = MapView(rect, scenario_map(s.scenario), entries, titles)
        #: the map's names in the chosen language (the scene rebuilds the panel when it changes)
        self.names = map_names(s, self.view.data)
        self.highlighted = highlighted  # its target is marked on the map
        self.patterns = patterns
        self.select = select
        self.go_to_actions = go_to_actions
        self._cells_key: tuple[object, ...] | None = None
        self._cells: dict[str, vm.MapCell] = {}

    def states_west_to_east(self) -> list[str]:
        """The scenario's states in map order (those not on the map at the end)."""
        c = self.screen.ctl.c
        on_map = set(self.view.data.ids("state"))
        return [x for x in self.view.state_ids() if x in c.state_index] + [
            x for x in c.state_ids if x not in on_map
        ]

    def handle(self, inp: Input) -> bool:
        a = inp.action
        step = {Action.LEFT: -1, Action.UP: -1, Action.RIGHT: +1, Action.DOWN: +1}.get(a)
        if step is not None:
            sid = self.screen.next_state(step)
            if sid:
                self.select(sid)
            return True
        if a == Action.ACTIVATE:
            self.go_to_actions()
            return True
        if a == Action.CLICK and inp.pos is not None:
            sid = self.view.state_at(inp.pos)
            if sid:
                self.select(sid)
            return True
        return False

    # ---- drawing -------------------------------------------------------------------------------
    def paint(self, focused: bool) -> Paint:
        sc = self.screen
        key = (sc.ctl.version, sc.mode.id, sc.ctl.role)
        if key != self._cells_key:
            letters = {k: v[1] for k, v in sc.styles.items()}
            self._cells_key = key
            self._cells = vm.map_cells(sc.ctl.session, sc.mode.id, sc.ctl.role, letters)
        row = self.highlighted()
        target = row.choice.target if row and row.choice.target != sc.selected else None
        return Paint.of(
            sc.mode,
            self._cells,
            sc.selected,
            target,
            self.patterns(),
            f"{current().name}@{fonts.scale()}@{language()}",
            focused,
        )

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        """The map, its insets and legend: drawn by ``MapView`` (labels at body-text size)."""
        img = self.view.surface(self.paint(focused), self.screen.styles, self.names)
        surf.blit(img, self.rect.topleft)
        if focused:
            draw_focus(surf, self.rect)
