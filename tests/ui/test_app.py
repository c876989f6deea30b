"""The window's loop (``app.App``): projector mode, the text-size keys."""

from __future__ import annotations

import pygame
from uihelp import (
    fits,
    press,
)


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
