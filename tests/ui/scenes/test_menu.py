"""``scenes.menu``: the main menu."""

from __future__ import annotations

import pygame
from uihelp import (
    press,
)


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
