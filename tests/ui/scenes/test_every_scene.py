"""Every scene renders at 1280x720 and 1920x1080, in high contrast and at large text in three
languages, and all its text fits its boxes."""

from __future__ import annotations

import pygame
import pytest
from uihelp import (
    SIZES,
    all_scenes,
    fits,
    play_screens,
    press,
)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_scene_renders_and_text_fits(make_app, mini_entry, size, tmp_path):
    app = make_app(size=size)
    names = []
    for name in all_scenes(app, mini_entry):
        fits(app, name)
        names.append(name)
        assert app.display.window.get_size() == size
    assert {"menu", "map_preview", "help", "summary", "timeline", "error"} <= set(names)
    assert any(n.startswith("event_") for n in names)
    assert sum(n.startswith("debrief_") for n in names) == 5


def test_campaign_scenes_fit_if_installed(menu_app):
    """The shipped campaign (long names, six dimensions, many actions) fits too."""
    from game.ui import catalog

    e = catalog.load("campaign_1992_2025")
    assert e.ok, e.errors
    app = menu_app()
    for name in all_scenes(app, e):
        fits(app, name)


def test_high_contrast_renders(make_app):
    from game.ui import theme

    app = make_app(projector=True)
    assert theme.current().name == "high_contrast"
    fits(app, "menu high contrast")
    press(app, pygame.K_RETURN)
    fits(app, "map high contrast")


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5, 2.0])
@pytest.mark.parametrize("lang", ["en", "ja", "ru"])
def test_play_screens_fit_at_large_text(make_app, class_entry, scale, lang):
    from game.ui import fonts

    app = make_app(lang=lang, text_scale=round(scale * 100))
    assert fonts.scale() == scale
    names = []
    for name in play_screens(app, class_entry):
        fits(app, f"{lang} {scale:.0%} {name}")
        names.append(name)
    assert any(n.startswith("event_") for n in names) and "tab_why" in names
