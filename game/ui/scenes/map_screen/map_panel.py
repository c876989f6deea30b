"""The map as a focusable widget (← → and ↑ ↓ visit the states west to east, a click selects
one, Enter goes to the actions) and its legend in the strip right of the map."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from ... import fonts, text
from ... import viewmodels as vm
from ...i18n import has, language, tr
from ...input import Action, Input
from ...map_view import MapView, Paint
from ...theme import SIZE, current, ramp
from ...widgets import Widget, draw_focus
from .state import MapScreenState

Rect = pygame.Rect

#: the map's own labels (ISO codes, badges, legend) sit on geometry and keep their normal size
#: (20 px bold, with a halo); the panels beside the map say the same in large text
MAP_TEXT_CAP = 1.0


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
        self.view = MapView(rect)
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
        return Paint(
            sc.mode.kind,
            tuple(
                (k, round(c.value, 1), c.partner, c.badge) for k, c in sorted(self._cells.items())
            ),
            sc.selected,
            target,
            self.patterns(),
            f"{current().name}@{fonts.scale()}@{language()}",
            focused,
        )

    def names(self) -> dict[str, str]:
        """The map's labels in the chosen language (neighbours from the locale file)."""
        sc = self.screen
        names = {k: vm.name(sc.ctl.session, k) for k in self.view.data.features}
        names.update(
            {
                f.id: tr(f"map.n_{f.id}") if has(f"map.n_{f.id}") else f.name
                for f in self.view.data.features.values()
                if f.id not in sc.ctl.c.names
            }
        )
        names["CASPIAN"] = tr("map.caspian")
        return names

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        with fonts.scale_capped(MAP_TEXT_CAP):
            img = self.view.surface(self.paint(focused), self.screen.styles, self.names())
            surf.blit(img, self.rect.topleft)
            self.draw_legend(surf)
        if focused:
            draw_focus(surf, self.rect)

    def draw_legend(self, surf: pygame.Surface) -> None:
        """The mode, then a swatch, the letter and the name of each partner (or the 0-100
        ramp)."""
        th = current()
        sc = self.screen
        r = self.view.legend_rect
        pygame.draw.rect(surf, (255, 255, 255), r, border_radius=4)
        pygame.draw.rect(surf, th.border, r, 1, border_radius=4)
        inner = r.inflate(-12, -8)
        lh = text.line_height(SIZE.SMALL)
        title = tr("map.legend_title", mode=sc.mode.label)
        title = title[:1].upper() + title[1:]
        n = min(4, len(text.wrap(title, SIZE.SMALL, inner.w, True)))
        used = text.draw(
            surf, title, Rect(inner.x, inner.y, inner.w, lh * n), SIZE.SMALL, th.ink, bold=True
        )
        y = used.bottom + 4
        if sc.mode.kind == "partner":
            for pid in sc.ctl.c.partner_ids:
                if y + lh > inner.bottom:
                    break
                col, letter, _ = sc.styles[pid]
                sw = Rect(inner.x, y + 5, 18, lh - 10)
                pygame.draw.rect(surf, col, sw)
                pygame.draw.rect(surf, (0, 0, 0), sw, 1)
                nm = tr("map.row_short") if pid == vm.ROW else vm.name(sc.ctl.session, pid)
                label = f"{letter} {nm}"
                n = min(2, len(text.wrap(label, SIZE.SMALL, inner.w - 24)))
                if y + n * lh > inner.bottom:
                    break
                text.draw(
                    surf,
                    label,
                    Rect(inner.x + 24, y, inner.w - 24, n * lh),
                    SIZE.SMALL,
                    th.ink,
                    wrap_text=n > 1,
                    min_size=SIZE.SMALL,
                )
                y += n * lh
        else:
            bar = Rect(inner.x, y + 4, 24, max(40, inner.bottom - y - 8))
            for i in range(bar.h):
                pygame.draw.line(
                    surf, ramp(1 - i / bar.h), (bar.x, bar.y + i), (bar.right, bar.y + i)
                )
            pygame.draw.rect(surf, (0, 0, 0), bar, 1)
            text.draw_line(
                surf, "100 " + tr("map.high"), (bar.right + 8, bar.y), SIZE.SMALL, th.ink
            )
            text.draw_line(
                surf, "0 " + tr("map.low"), (bar.right + 8, bar.bottom - lh), SIZE.SMALL, th.ink
            )
