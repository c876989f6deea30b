"""A whole game from the main menu to the debrief with posted keyboard events only."""

from __future__ import annotations

import pygame
from uihelp import press


def test_class_scenario_menu_to_debrief_by_keyboard():
    """A shipped 45-minute class scenario, played from the menu to the debrief by keys only."""
    from game.ui import catalog
    from game.ui.app import App, Options
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.summary import SummaryScene

    entry = catalog.load("class_abe_belt_road")
    assert entry.ok, entry.errors
    app = App(Options(size=(1280, 720), menu_first=True), entry)
    app.step([])
    press(app, pygame.K_RETURN)
    game = app.stack.top
    assert isinstance(game, GameScene)
    ctl = game.ctl
    events = 0
    for _ in range(3000):
        top = app.stack.top
        if isinstance(top, DebriefScene):
            break
        if isinstance(top, GameScene):
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
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.summary import SummaryScene

    app = menu_app()
    assert isinstance(app.stack.top, MenuScene)
    press(app, pygame.K_RETURN)  # Enter on the scenario list starts it
    game = app.stack.top
    assert isinstance(game, GameScene)
    ctl = game.ctl
    seen = {"event": 0, "choice": 0, "summary": 0, "undo": 0}
    for _ in range(2000):
        top = app.stack.top
        if isinstance(top, DebriefScene):
            break
        if isinstance(top, GameScene):
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


def test_tab_reaches_every_button_and_shows_focus(menu_app):
    """Tab cycles through every widget of the map screen; the focused one is drawn with the
    focus ring (its colour appears around it)."""
    from game.ui.theme import current

    app = menu_app()
    press(app, pygame.K_RETURN)
    game = app.stack.top
    seen = set()
    for _ in range(len(game.ring.widgets) + 2):
        w = game.ring.focused
        seen.add(id(w))
        r = w.rect.inflate(current().focus_w * 2 + 2, current().focus_w * 2 + 2)
        px = app.display.canvas.get_at((r.x + 1 + r.w // 2, r.y + 1))
        assert tuple(px)[:3] == current().focus, f"no focus ring around {type(w).__name__}"
        press(app, pygame.K_TAB)
    usable = [w for w in game.ring.widgets if w.enabled]
    assert len(seen) >= len(usable)


def test_click_selects_state_and_plans(menu_app):
    from uihelp import click

    from game.ui.scenes.game import GameScene

    app = menu_app(size=(1920, 1080))  # clicks are mapped back to the 1280x720 canvas
    press(app, pygame.K_RETURN)
    game = app.stack.top
    assert isinstance(game, GameScene)
    click(app, game.map.label_rects["KGZ"].center)  # its label (id and badge) on the map
    assert game.selected == "KGZ"
    row = game.choice_list.rect
    click(app, (row.x + 100, row.y + 10))  # first row: select
    click(app, (row.x + 100, row.y + 10))  # again: plan it
    assert len(game.ctl.planned_ids()) == 1


def test_broken_scenario_in_menu_shows_validator_messages(tmp_path, mini_entry):
    from game.ui import catalog
    from game.ui.app import App, Options
    from game.ui.scenes.error import ErrorScene
    from game.ui.scenes.menu import MenuScene

    bad = tmp_path / "broken.yaml"
    bad.write_text(
        "schema_version: 1\nmeta: {id: broken, title: Broken}\n"
        "calendar: {start: 2010, end: 2005}\n",
        encoding="utf-8",
    )
    entry = catalog.load(str(bad))
    assert not entry.ok and "E10" in entry.errors
    app = App(Options(size=(1280, 720), menu_first=True))
    app.go_menu()
    menu = app.stack.top
    assert isinstance(menu, MenuScene)
    menu.entries = [entry, mini_entry]
    menu.list.select(0)
    app.step([])
    press(app, pygame.K_RETURN)
    top = app.stack.top
    assert isinstance(top, ErrorScene) and "E10" in top.body_text
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is menu
