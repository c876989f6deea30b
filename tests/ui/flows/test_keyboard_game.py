"""Whole games from the main menu to the debrief with posted key presses only."""

from __future__ import annotations

import pygame
from uihelp import (
    press,
)


def test_class_scenario_menu_to_debrief_by_keyboard():
    """A shipped 45-minute class scenario, played from the menu to the debrief by keys only."""
    from game.ui import catalog
    from game.ui.app import App, Options
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.map_screen import MapScene
    from game.ui.scenes.summary import SummaryScene

    entry = catalog.load("class_abe_belt_road")
    assert entry.ok, entry.errors
    app = App(Options(size=(1280, 720), menu_first=True), entry)
    app.step([])
    press(app, pygame.K_RETURN)
    game = app.stack.top
    assert isinstance(game, MapScene)
    ctl = game.ctl
    events = 0
    for _ in range(3000):
        top = app.stack.top
        if isinstance(top, DebriefScene):
            break
        if isinstance(top, MapScene):
            press(app, pygame.K_1)
            press(app, pygame.K_e)
        elif isinstance(top, EventScene):
            events += 1
            press(app, pygame.K_1 if top.ctl.current_event.needs_choice else pygame.K_RETURN)
        elif isinstance(top, SummaryScene):
            press(app, pygame.K_RETURN)
        else:
            press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, DebriefScene)
    s = ctl.session
    assert s.scenario.meta.id == "class_abe_belt_road" and s.over
    assert len(s.reports) == s.c.n_turns <= 10 and events >= 5
    assert any(t.actions.get("JPN") for t in s.record.turns)


def test_menu_to_debrief_by_keyboard(menu_app):
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.map_screen import MapScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.summary import SummaryScene

    app = menu_app()
    assert isinstance(app.stack.top, MenuScene)
    press(app, pygame.K_RETURN)  # Enter on the scenario list starts it
    game = app.stack.top
    assert isinstance(game, MapScene)
    ctl = game.ctl
    seen = {"event": 0, "choice": 0, "summary": 0, "undo": 0}
    for _ in range(2000):
        top = app.stack.top
        if isinstance(top, DebriefScene):
            break
        if isinstance(top, MapScene):
            planned = len(ctl.planned_ids())
            press(app, pygame.K_1)  # plan the first listed action
            if len(ctl.planned_ids()) > planned and not seen["undo"]:
                press(app, pygame.K_u)  # undo it, then plan it again
                assert len(ctl.planned_ids()) == planned
                seen["undo"] += 1
                press(app, pygame.K_1)
            press(app, pygame.K_RIGHT)  # map has focus first: next state
            press(app, pygame.K_2)
            press(app, pygame.K_e)
        elif isinstance(top, EventScene):
            seen["event"] += 1
            if top.ctl.current_event.needs_choice:
                seen["choice"] += 1
                press(app, pygame.K_2)
            else:
                press(app, pygame.K_RETURN)
        elif isinstance(top, SummaryScene):
            seen["summary"] += 1
            press(app, pygame.K_RETURN)
        else:
            press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, DebriefScene)
    s = ctl.session
    assert s.over and len(s.reports) == s.c.n_turns
    assert seen["summary"] == s.c.n_turns and seen["event"] >= 1 and seen["undo"] == 1
    # the option chosen with key 2 is in the game record
    if seen["choice"]:
        chosen = [t.options for t in s.record.turns if t.options]
        assert any("wait" in o.values() for o in chosen)
    # the player's actions are in the record
    assert any(t.actions.get("JPN") for t in s.record.turns)
    # debrief pages by number keys, export by P
    for k in (pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5):
        press(app, k)
    press(app, pygame.K_p)
    exports = list((app.export_folder()).glob("*.md"))
    assert exports and "## " in exports[0].read_text(encoding="utf-8")
