"""``tour`` and ``tour_prompt``: the guided tour of the first turn."""

from __future__ import annotations

import pygame
from uihelp import (
    press,
)


def test_guided_tour_by_keyboard_and_skippable(make_app, class_entry):
    from game.ui.tour import STEPS

    app = make_app()
    app.step([])
    menu = app.stack.top
    menu.ring.focus(menu.tour_b)
    press(app, pygame.K_RETURN)
    game = app.stack.top
    ctl = game.ctl
    tut = ctl.tour
    assert tut is not None and ctl.scenario.meta.id == class_entry.id
    seen = []
    for _ in range(200):
        st = tut.step
        if st is None:
            break
        seen.append(st.id)
        top = app.stack.top
        for _ in range(50):  # nothing is timed: time alone never moves the tour on
            top.update(60.0)
        assert tut.step is st
        if st.wait is None:
            press(app, pygame.K_RETURN)
        elif st.id == "preview":
            press(app, pygame.K_TAB)
        elif st.id == "plan":
            press(app, pygame.K_RETURN)
        elif st.id == "end":
            press(app, pygame.K_e)
        elif st.id == "event":
            ev = ctl.current_event
            press(app, pygame.K_1 if ev and ev.needs_choice else pygame.K_RETURN)
        elif st.id == "summary":
            press(app, pygame.K_RETURN)
        if tut.step is st:
            app.step([])
    assert tut.finished
    assert [s.id for s in STEPS if s.id != "event"] == [
        s for s in dict.fromkeys(seen) if s != "event"
    ]
    assert ctl.session.reports  # the tour ended one real turn
    # S skips it at any moment
    app.start_tour([class_entry])
    app.step([])
    tut2 = app.stack.top.ctl.tour
    press(app, pygame.K_s)
    assert tut2.finished
