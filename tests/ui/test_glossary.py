"""``glossary``: the scenario's terms found in what is on screen, and G."""

from __future__ import annotations

import pygame
from uihelp import (
    press,
)


def test_glossary_terms_are_found_and_opened_with_g(make_app, class_entry):
    from game.ui import glossary
    from game.ui.controller import Phase
    from game.ui.scenes.glossary import GlossaryScene

    sc = class_entry.scenario
    assert sc.glossary, "the class scenario has a glossary"
    found = glossary.find(sc, ["Japan offers a yen loan through ODA; Kazakhstan is in the CSTO."])
    assert {"yen_loan", "oda", "csto"} <= set(found)
    assert "loan" not in glossary.marks(sc) and "ODA" in glossary.marks(sc)
    app = make_app()
    app.new_game(class_entry, None, 2, None)
    app.step([])
    game = app.stack.top
    game.focus_widget(game.choice_list)  # a preview on screen: its terms come first
    press(app, pygame.K_g)
    g = app.stack.top
    assert isinstance(g, GlossaryScene) and g.found and g.items[0].id == g.found[0]
    press(app, pygame.K_DOWN)
    assert g.current() is g.items[1]
    press(app, pygame.K_g)  # G closes it again
    assert app.stack.top is game
    # from an event pop-up
    ctl = game.ctl
    for _ in range(ctl.session.c.n_turns):
        ctl.end_turn()
        app.step([])
        if ctl.phase == Phase.EVENTS:
            break
        press(app, pygame.K_RETURN)
    assert ctl.phase == Phase.EVENTS, "the class scenario has events"
    ev = app.stack.top
    press(app, pygame.K_g)
    g = app.stack.top
    assert isinstance(g, GlossaryScene) and g.found == ev.glossary_terms()
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is ev
