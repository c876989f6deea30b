"""What the map screen shows for the team at the keyboard: the selected state, the map mode,
the actions of that state (or all of them), the tab of the large-text layout, and the action
rows. In team hotseat each team keeps its own (``follow_team``), so nothing on screen depends
on another team. No drawing here."""

from __future__ import annotations

from dataclasses import dataclass

from ... import viewmodels as vm
from ...controller import GameController
from ...i18n import language
from ...theme import Colour, partner_styles

#: the panels of the large-text layout, one at a time beside the map
TABS = ("state", "actions", "why", "goals")


@dataclass
class TeamView:
    """One team's way of looking at the map screen."""

    selected: str | None
    mode_i: int = 0
    show_all: bool = False
    tab: str = "state"
    #: the game has just begun and the team has not looked at a state yet: the goals in full
    #: show in the state panel's place (100 %), or on the Goals tab
    intro: bool = True


class MapScreenState:
    def __init__(self, ctl: GameController) -> None:
        self.ctl = ctl
        c = ctl.session.c
        self.styles: dict[str, tuple[Colour, str, str]] = partner_styles(c.partner_ids)
        self.view = TeamView(self.first_state())
        self.role = ctl.role
        self._views: dict[str, TeamView] = {}
        self.modes = vm.map_modes(ctl.session, ctl.role)
        #: the states in the order ← → visit them (west to east on the map; the scene sets it)
        self.state_order: list[str] = list(c.state_ids)
        self._rows_key: tuple[object, ...] | None = None
        self._rows: list[vm.ChoiceRow] = []

    def first_state(self) -> str | None:
        ids = self.ctl.session.c.state_ids
        return ids[0] if ids else None

    # ---- the team at the keyboard --------------------------------------------------------------
    def follow_team(self) -> bool:
        """Show the view of the team now at the keyboard; True when the team changed."""
        role = self.ctl.role
        if role == self.role:
            return False
        self._views[self.role] = self.view
        fresh = not self.ctl.session.reports and self.ctl.tour is None
        self.view = self._views.get(role) or TeamView(self.first_state(), intro=fresh)
        self.role = role
        self.relabel()
        self.view.mode_i %= len(self.modes)
        self._rows_key = None
        return True

    def relabel(self) -> None:
        """Rebuild the words that depend on the language (the map modes)."""
        self.modes = vm.map_modes(self.ctl.session, self.ctl.role)

    # ---- selection and modes -------------------------------------------------------------------
    @property
    def selected(self) -> str | None:
        return self.view.selected

    @property
    def mode(self) -> vm.MapMode:
        return self.modes[self.view.mode_i % len(self.modes)]

    def select_state(self, sid: str) -> bool:
        if sid not in self.ctl.c.state_index:
            return False
        self.view.selected = sid
        return True

    def next_state(self, d: int) -> str | None:
        """The state ``d`` steps east (+) or west (-) of the selected one."""
        order = self.state_order
        if not order:
            return None
        i = order.index(self.selected) if self.selected in order else 0
        return order[(i + d) % len(order)]

    def cycle_mode(self, d: int) -> None:
        self.view.mode_i = (self.view.mode_i + d) % len(self.modes)

    # ---- the action rows -----------------------------------------------------------------------
    def rows(self) -> list[vm.ChoiceRow]:
        """The team's actions for the selected state (or all of them), numbered."""
        key = (self.ctl.version, self.selected, self.view.show_all, self.ctl.role, language())
        if key != self._rows_key:
            self._rows = vm.choice_rows(
                self.ctl.session,
                self.ctl.choices(),
                self.ctl.planned_ids(),
                self.selected,
                self.view.show_all,
            )
            self._rows_key = key
        return self._rows

    def toggle(self, row: vm.ChoiceRow) -> None:
        """Plan the row's action, or take it back when it is planned."""
        if row.planned:
            self.ctl.unplan(row.choice.id)
        else:
            self.ctl.plan(row.choice.id)
