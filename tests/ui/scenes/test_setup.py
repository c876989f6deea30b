"""``scenes.setup``: the teacher's class setup."""

from __future__ import annotations

import pygame
from uihelp import (
    press,
)


def test_setup_screen_fixes_the_world_for_the_class(make_app, mini_entry):
    from game.ui.scenes.setup import SetupScene

    app = make_app()
    app.step([])
    app.open_setup([mini_entry], mini_entry.id)
    st = app.stack.top
    assert isinstance(st, SetupScene)
    st.ring.focus(st.team_ws[1])  # Russia: computer -> team
    press(app, pygame.K_RIGHT)
    st.ring.focus(st.timer_w)
    press(app, pygame.K_RIGHT)
    assert st.setup.roles == ["JPN", "RUS"] and st.setup.timer_min == 2
    app.step([])
    assert st.code().startswith("mini/seed 1/JPN+RUS/")
    assert "--role JPN --role RUS" in st.command()
    press(app, pygame.K_ESCAPE)  # back: the menu shows the class's setup, and remembers it
    menu = app.stack.top
    assert menu.role == ("JPN", "RUS")
    assert app.remembered_setup().timer_min == 2
