"""Every scene renders at 1280x720 and 1920x1080, and all its text fits its boxes."""

from __future__ import annotations

import pygame
import pytest
from uihelp import SIZES, press

from game.ui import text
from game.ui.theme import LOGICAL_H, LOGICAL_W


def _check(app, name):
    app.step([])
    assert app.display.canvas.get_size() == (LOGICAL_W, LOGICAL_H)
    bad = [o for o in text.OVERFLOWS]
    text.reset_overflows()
    assert not bad, f"{name}: text does not fit its box: {bad[:3]}"


def all_scenes(app, entry):
    """Visit every scene once, yielding its name after each is on top."""
    from game.ui.controller import Phase
    from game.ui.scenes.debrief import PAGES
    from game.ui.scenes.overlays import AboutMapScene, ConfirmScene, HelpScene, PauseScene
    from game.ui.scenes.saves import SaveLoadScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.timeline import TimelineScene

    yield "menu"
    app.new_game(entry, None, 3, None)
    game = app.stack.top
    ctl = game.ctl
    for i in range(len(game.screen.modes)):
        game.screen.view.mode_i = i
        yield f"map_mode_{i}"
    game.screen.view.mode_i = 0
    game.ring.focus(game.choice_list)
    yield "map_preview"
    rows = [r for r in game.rows() if r.choice.legal]
    longest = max(rows, key=lambda r: len(r.text))
    ctl.plan(longest.choice.id)  # a planned row is bold: the longest label must still fit
    yield "map_planned_long"
    ctl.undo()
    game.screen.view.show_all = True
    yield "map_all_choices"
    game.screen.view.show_all = False
    from game.ui.scenes.glossary import GlossaryScene
    from game.ui.scenes.setup import SetupScene

    for scene in (
        HelpScene(app),
        AboutMapScene(app),
        PauseScene(app, ctl),
        SaveLoadScene(app, "save", ctl),
        SaveLoadScene(app, "load", ctl),
        SettingsScene(app),
        ConfirmScene(app, "Really?", lambda: None),
        GlossaryScene(app, ctl.scenario, game.glossary_terms()),
        SetupScene(app, [entry]),
    ):
        app.stack.push(scene)
        yield scene.name
        app.stack.pop()
    # play until an event with options is on screen, then to its summary
    seen_choice = seen_info = False
    while not ctl.session.over and not (seen_choice and seen_info):
        ctl.plan(ctl.choices()[0].id) if ctl.choices()[0].legal else None
        ctl.end_turn()
        app.step([])
        while ctl.phase == Phase.EVENTS:
            ev = ctl.current_event
            seen_choice |= ev.needs_choice
            seen_info |= not ev.needs_choice
            yield f"event_{ev.event.event_id}"
            if ev.needs_choice:
                ctl.choose(0)
            ctl.next_event()
            app.step([])
        yield "summary"
        press(app, pygame.K_RETURN)
    for sid in game.screen.state_order:  # every state's panel and "Why?" after a turn
        game.select_state(sid)
        yield f"state_{sid}"
    game.ring.focus(game.why)
    yield "why_focused"
    app.stack.push(TimelineScene(app, ctl))
    yield "timeline"
    app.stack.pop()
    ctl.end_game_now()
    app.open_debrief(ctl)
    deb = app.stack.top
    for i in range(len(PAGES)):
        deb.set_page(i)
        yield f"debrief_{PAGES[i]}"
    app.show_error("Scenario 'x' has errors", "x.yaml:1:1: E101: something\n  hint: fix it")
    yield "error"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_scene_renders_and_text_fits(make_app, mini_entry, size, tmp_path):
    app = make_app(size=size)
    names = []
    for name in all_scenes(app, mini_entry):
        _check(app, name)
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
        _check(app, name)


def test_high_contrast_renders(make_app):
    from game.ui import theme

    app = make_app(projector=True)
    assert theme.current().name == "high_contrast"
    _check(app, "menu high contrast")
    press(app, pygame.K_RETURN)
    _check(app, "map high contrast")
