"""``saves``: autosave every turn, save/load slots, resuming after a crash, settings."""

from __future__ import annotations

import pygame
from uihelp import play_turns, press


def test_autosave_every_turn_and_continue_after_crash(menu_app, no_fsync):
    from game.play import savefolder
    from game.ui import saves
    from game.ui.scenes.map_screen import MapScene
    from game.ui.scenes.menu import MenuScene

    app = menu_app()
    press(app, pygame.K_RETURN)
    ctl = play_turns(app, 3)
    path = ctl.autosave
    assert path.exists() and path.parent == saves.save_dir()
    info = savefolder.summarise(path)
    assert info.turns == 3 and info.humans == ("JPN",)
    state_hash = ctl.session.st.hash(0)
    turn = ctl.session.turn
    del app, ctl  # the laptop crashes: nothing is closed properly
    app2 = menu_app()
    menu = app2.stack.top
    assert isinstance(menu, MenuScene) and menu._can_continue()
    menu.ring.focus(menu.cont_b)  # "Continue"
    press(app2, pygame.K_RETURN)
    game = app2.stack.top
    assert isinstance(game, MapScene)
    assert game.ctl.session.turn == turn
    assert game.ctl.session.st.hash(0) == state_hash
    # and it keeps autosaving from there, to the same file
    assert game.ctl.autosave == path
    play_turns(app2, 1)
    assert savefolder.summarise(path).turns == 4
    assert [s.path for s in savefolder.autosaves(saves.save_dir())] == [path]


def test_save_slot_and_load(menu_app, no_fsync):
    from game.ui import saves
    from game.ui.scenes.map_screen import MapScene
    from game.ui.scenes.saves import SaveLoadScene

    app = menu_app()
    press(app, pygame.K_RETURN)
    ctl = play_turns(app, 2)
    press(app, pygame.K_s, pygame.KMOD_LCTRL)
    assert isinstance(app.stack.top, SaveLoadScene)
    press(app, pygame.K_DOWN)  # slot 2
    press(app, pygame.K_RETURN)
    assert saves.slot_path(2).exists()
    assert not isinstance(app.stack.top, SaveLoadScene)
    h = ctl.session.st.hash(0)
    play_turns(app, 1)
    # load slot 2 from the pause menu
    press(app, pygame.K_ESCAPE)
    pause = app.stack.top
    pause.ring.focus(pause.buttons[2])
    press(app, pygame.K_RETURN)
    load = app.stack.top
    assert isinstance(load, SaveLoadScene) and load.mode == "load"
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    game = app.stack.top
    assert isinstance(game, MapScene)
    assert game.ctl.session.st.hash(0) == h and len(game.ctl.session.reports) == 2


def test_damaged_save_shows_error_not_crash(menu_app, no_fsync):
    from game.ui import saves
    from game.ui.scenes.error import ErrorScene

    saves.save_dir().mkdir(parents=True, exist_ok=True)
    saves.slot_path(1).write_text(
        '{"format": "crossroads-save", "version": 1, "sha256": "x", "payload": "{}"}',
        encoding="utf-8",
    )
    app = menu_app()
    menu = app.stack.top
    menu.ring.focus(menu.bottom[0])  # Load…
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # slot 1
    assert isinstance(app.stack.top, ErrorScene)
    assert "checksum" in app.stack.top.body_text
    press(app, pygame.K_ESCAPE)
    assert not isinstance(app.stack.top, ErrorScene)


def test_save_dir_env_override(tmp_path, monkeypatch):
    from game.ui import saves

    monkeypatch.delenv("CROSSROADS_SAVE_DIR")
    monkeypatch.setattr(saves, "data_home", lambda: tmp_path / "data" / "crossroads")
    assert saves.save_dir() == tmp_path / "data" / "crossroads" / "saves"
    monkeypatch.delenv("CROSSROADS_EXPORT_DIR", raising=False)
    assert saves.export_dir() == tmp_path / "data" / "crossroads" / "exports"
    monkeypatch.setenv("CROSSROADS_SAVE_DIR", str(tmp_path / "mine"))
    assert saves.save_dir() == tmp_path / "mine"
    # a group's own save folder (a USB stick) also receives its debrief exports
    assert saves.export_dir() == tmp_path / "mine" / "exports"
    monkeypatch.setenv("CROSSROADS_EXPORT_DIR", str(tmp_path / "ex"))
    assert saves.export_dir() == tmp_path / "ex"


def test_settings_persist(menu_app):
    from game.ui import saves
    from game.ui.scenes.settings import SettingsScene

    app = menu_app()
    app.open_settings()
    s = app.stack.top
    assert isinstance(s, SettingsScene)
    s.ring.focus(s.widgets[2])  # high contrast
    press(app, pygame.K_RIGHT)
    assert saves.Settings.load().high_contrast is True


def test_the_load_list_says_the_year_the_game_goes_on_in(make_app, class_entry, no_fsync):
    """A game saved in 2014 after one turn reads "… 2014 (1 turn played)", the year its top bar
    shows, with the scenario's title and the team's name."""
    from game.ui import i18n, saves
    from game.ui.scenes.saves import SaveLoadScene

    app = make_app()
    app.new_game(class_entry, "JPN", 1, "standard")
    app.step([])
    ctl = app.stack.top.ctl
    ctl.session.play_turn()
    ctl.save_to(saves.slot_path(1))
    year = ctl.session.year
    assert year == "2014"
    for lang, one in (("en", "1 turn played"), ("ja", "1ターン"), ("ru", "ходов: 1")):
        i18n.set_language(lang)
        load = SaveLoadScene(app, "load")
        desc = load.describe(load.items[0])
        assert f"{year}" in desc and "2013" not in desc and one in desc, desc
        assert "class_abe_belt_road" not in desc and "JPN" not in desc
    ctl.session.play_turn()
    ctl.save_to(saves.slot_path(1))
    i18n.set_language("en")
    load = SaveLoadScene(app, "load")
    assert "2015 (2 turns played)" in load.describe(load.items[0])
