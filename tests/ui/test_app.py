"""The window's loop (``app.App``): one press is one action however slow the frames are, a
key that closes a dialog never acts on the scene beneath, projector mode, the text-size keys."""

from __future__ import annotations

import time

import pygame
from uihelp import (
    fits,
    press,
)

from game.ui.input import key_event

SLOW_FRAME_S = 0.3


def hold(app, key: int, frames: int = 5) -> None:
    """Press ``key`` and keep it down for ``frames`` frames of 300 ms each (a slow classroom
    PC); the first frame really takes 300 ms, the others say so through ``dt``."""
    down = {key}
    app.held.is_down = lambda k: k in down
    real_draw = app.draw

    def slow_draw() -> None:
        real_draw()
        time.sleep(SLOW_FRAME_S)

    app.draw = slow_draw
    pygame.event.post(key_event(key))
    app.step(dt=SLOW_FRAME_S)
    app.draw = real_draw
    for _ in range(frames - 1):
        app.step(dt=SLOW_FRAME_S)
    down.clear()
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, scancode=0))
    app.step()


def _play_to_an_event(app, ctl, needs_choice: bool) -> None:
    from game.ui.controller import Phase

    for _ in range(ctl.session.c.n_turns):
        ctl.end_turn()
        app.step([])
        while ctl.phase == Phase.EVENTS:
            if ctl.current_event.needs_choice == needs_choice:
                return
            if ctl.current_event.needs_choice:
                ctl.choose(0)
            ctl.next_event()
            app.step([])
        press(app, pygame.K_RETURN)
    raise AssertionError("no such event in the game")


def test_one_press_is_one_action_when_frames_are_slow(make_app, class_entry, no_fsync):
    """P held on the debrief through slow frames writes one export; Enter held on an event
    closes it and shows the year's summary (it does not skip it); pygame's own key repeat is
    off."""
    from game.ui.controller import Phase

    app = make_app()
    assert pygame.key.get_repeat() == (0, 0)
    app.new_game(class_entry, "JPN", 1, None)
    app.step([])
    ctl = app.stack.top.ctl
    _play_to_an_event(app, ctl, needs_choice=False)
    assert app.stack.top.name == "event"
    hold(app, pygame.K_RETURN)
    assert app.stack.top.name == "summary" and ctl.phase == Phase.SUMMARY
    ctl.end_game_now()
    app.open_debrief(ctl)
    app.step([])
    hold(app, pygame.K_p)
    assert len(list(app.export_folder().glob("*.md"))) == 1
    assert len(list(app.export_folder().glob("*.png"))) == 5


def test_the_key_that_closes_a_dialog_never_acts_beneath(menu_app, no_fsync):
    """Enter held in the Load dialog loads the game and does nothing more: no action is
    planned on the map that appears; two presses queued in one slow frame act one scene
    each."""
    from game.ui import saves
    from game.ui.controller import Phase
    from game.ui.scenes.map_screen import MapScene
    from game.ui.scenes.saves import SaveLoadScene

    app = menu_app()
    press(app, pygame.K_RETURN)
    ctl = app.stack.top.ctl
    ctl.save_to(saves.slot_path(1))
    app.go_menu()
    app.step([])
    app.stack.push(SaveLoadScene(app, "load"))
    app.step([])
    load = app.stack.top
    load.ring.focus(load.list)
    hold(app, pygame.K_RETURN)
    game = app.stack.top
    assert isinstance(game, MapScene) and game.ctl is not ctl
    game.focus_widget(game.choice_list)  # where a stray Enter would plan an action
    hold(app, pygame.K_RETURN)
    assert len(game.ctl.planned_ids()) == 1  # one press, one action
    # an event closed by Enter with a second Enter already queued: the second continues the
    # summary that appears; it never reaches the map beneath the event
    game.ctl.undo()
    _play_to_an_event(app, game.ctl, needs_choice=False)
    for _ in range(2):
        pygame.event.post(key_event(pygame.K_RETURN))
    app.step(dt=SLOW_FRAME_S)
    while app.stack.top.name == "event":
        press(app, pygame.K_RETURN)
    app.step([])
    assert game.ctl.phase in (Phase.SUMMARY, Phase.PLANNING)
    assert not game.ctl.planned_ids()


def test_a_held_scrolling_key_repeats_once_a_frame_on_its_own_scene(menu_app):
    from game.ui.scenes.overlays import HelpScene

    app = menu_app()
    menu = app.stack.top
    menu.ring.focus(menu.list)
    down = {pygame.K_DOWN}
    app.held.is_down = lambda k: k in down
    pygame.event.post(key_event(pygame.K_DOWN))
    app.step()
    moves = []
    for _ in range(6):  # 300 ms frames: past the delay, one step a frame, never a burst
        before = menu.list.selected
        app.step(dt=SLOW_FRAME_S)
        moves.append(menu.list.selected != before)
    assert moves == [False, True, True, True, True, True] or len(menu.entries) < 3
    app.stack.push(HelpScene(app))  # another scene on top: the held key stops
    app.step(dt=SLOW_FRAME_S)
    assert not app.held.any()


def test_projector_mode_is_high_contrast_and_larger_text(make_app):
    from game.ui import fonts, theme

    app = make_app(projector=True)
    assert theme.current().name == "high_contrast" and fonts.scale() >= 1.25
    assert app.projector_on()
    app.set_projector(False)
    assert theme.current().name == "light" and fonts.scale() == 1.0


def test_text_size_keys_and_setting(make_app, class_entry):
    """+ and − change the text size everywhere; the setting is saved; the map relays out."""
    from game.ui import fonts, saves

    app = make_app()
    app.new_game(class_entry, None, 1, None)
    app.step([])
    game = app.stack.top
    assert not game.large
    press(app, pygame.K_EQUALS, pygame.KMOD_LSHIFT, "+")
    press(app, pygame.K_EQUALS, pygame.KMOD_LSHIFT, "+")
    assert fonts.scale() == 1.5 and game.large and game.tabs is not None
    assert saves.Settings.load().text_scale == 150
    fits(app, "map after +")
    for _ in range(5):
        press(app, pygame.K_MINUS, 0, "-")
    assert fonts.scale() == 1.0 and not game.large
