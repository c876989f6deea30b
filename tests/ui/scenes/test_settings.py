"""``scenes.settings``: the settings, the language switch."""

from __future__ import annotations

import argparse

import pygame
from uihelp import (
    press,
)


def test_language_switch_in_settings_and_on_the_command_line(make_app, class_entry):

    from game.ui import i18n
    from game.ui.app import Options
    from game.ui.scenes.settings import SettingsScene

    assert Options.from_args(argparse.Namespace(scenario="x", lang="ru")).lang == "ru"
    app = make_app(lang="ja")
    assert i18n.language() == "ja"
    app.step([])
    app.open_settings()
    st = app.stack.top
    assert isinstance(st, SettingsScene)
    lang_w = st.widgets[-1]
    st.ring.focus(lang_w)
    while i18n.language() != "ru":
        press(app, pygame.K_RIGHT)
    assert app.settings.language == "ru"
    assert app.stack.top.widgets[-1].label == i18n.tr("settings.language")
    press(app, pygame.K_ESCAPE)
    menu = app.stack.top
    assert menu.start_b.label == i18n.tr("menu.start") == "Начать ▶"
