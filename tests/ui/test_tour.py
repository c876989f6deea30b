"""``tour`` and ``tour_prompt``: the guided tour of the first turn states the goal first, goes
on by keyboard, can be skipped, and its prompt never covers what it explains."""

from __future__ import annotations

import pygame
import pytest
from uihelp import fits, press


def walk_tour(app, ctl):
    """Do what each step asks, by keyboard; yield each step once it is drawn."""
    tour = ctl.tour
    for _ in range(200):
        st = tour.step
        if st is None:
            return
        app.step([])
        yield st
        top = app.stack.top
        for _ in range(50):  # nothing is timed: time alone never moves the tour on
            top.update(60.0)
        assert tour.step is st
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
        if tour.step is st:
            app.step([])
    raise AssertionError("the tour did not end")


def test_guided_tour_by_keyboard_and_skippable(make_app, class_entry):
    from game.ui.tour import STEPS

    app = make_app()
    app.step([])
    menu = app.stack.top
    menu.ring.focus(menu.tour_b)
    press(app, pygame.K_RETURN)
    ctl = app.stack.top.ctl
    assert ctl.tour is not None and ctl.scenario.meta.id == class_entry.id
    seen = [st.id for st in walk_tour(app, ctl)]
    assert ctl.tour.finished
    assert [s.id for s in STEPS if s.id != "event"] == [
        s for s in dict.fromkeys(seen) if s != "event"
    ]
    assert ctl.session.reports  # the tour ended one real turn
    # S skips it at any moment
    app.start_tour([class_entry])
    app.step([])
    tour = app.stack.top.ctl.tour
    press(app, pygame.K_s)
    assert tour.finished


@pytest.mark.parametrize(("lang", "scale"), [("en", 100), ("ja", 125), ("ru", 125)])
def test_the_tour_states_the_goal_first_and_never_covers_what_it_explains(
    make_app, class_entry, lang, scale
):
    from game.ui import fonts, i18n
    from game.ui import viewmodels as vm

    app = make_app(lang=lang, text_scale=scale)
    app.start_tour([class_entry])
    ctl = app.stack.top.ctl
    first = None
    pointed = 0
    fonts.DRAWN = drawn = []
    try:
        for st in walk_tour(app, ctl):
            fits(app, f"tour step {st.id}")
            first = first or (st.id, list(drawn))
            scene = app.stack.top
            target = scene.tour_target(st.target) if st.target else None
            prompt = pygame.Rect(ctl.tour.prompt_at)
            assert prompt.w and app.display.canvas.get_rect().contains(prompt)
            if target is not None:
                pointed += 1
                ring = target.inflate(16, 16)  # the orange ring and its black outline
                assert not prompt.colliderect(ring), f"{st.id}: the prompt covers its target"
            drawn.clear()
    finally:
        fonts.DRAWN = None
    assert pointed >= 7
    step, words = first
    said = " ".join(words)
    assert step == "goal"
    role = vm.name(ctl.session, "JPN")
    assert i18n.tr("tour.goal", role=role)[:8] in said
    for objective in vm.objective_names(ctl.session, "JPN"):  # what the team is graded on
        assert objective[:8] in said
