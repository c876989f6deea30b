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


def test_the_menu_title_names_the_scenarios_region(menu_app, mini_entry):
    """A scenario with ``map: region:`` is the game in that region (in the chosen language);
    one without shows its own title (tests/ui/test_authoring.py)."""
    from dataclasses import replace

    from game.ui import i18n
    from game.ui.scenes import menu

    sc = mini_entry.scenario
    steppe = sc.model_copy(
        update={"map": sc.map.model_copy(update={"region": {"en": "the steppe", "ru": "степь"}})}
    )
    app = menu_app()
    scene = app.stack.top
    assert isinstance(scene, menu.MenuScene)
    scene.entries = [replace(mini_entry, scenario=steppe)]
    scene.list.select(0)
    assert scene.title() == "Crossroads: Balanced Diplomacy in the steppe"
    i18n.set_language("ru")
    try:
        assert scene.title() == "Перекрёсток: сбалансированная дипломатия — степь"
    finally:
        i18n.set_language("en")
