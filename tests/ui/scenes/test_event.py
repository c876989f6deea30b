"""``scenes.event``: an event's whole text is readable beside its options, and the keyboard
scrolls the text whatever has the focus."""

from __future__ import annotations

import pygame
import pytest
from uihelp import press


def decision_events(app, ctl):
    """Yield at every event pop-up the team must decide, over the whole game."""
    from game.ui.controller import Phase

    while not ctl.session.over:
        ctl.end_turn()
        app.step([])
        while ctl.phase == Phase.EVENTS:
            if ctl.current_event.needs_choice:
                yield app.stack.top
                ctl.choose(0)
            ctl.next_event()
            app.step([])
        ctl.continue_after_summary()
        app.step([])


@pytest.mark.parametrize(("lang", "scale"), [("en", 100), ("ru", 125)])
def test_the_whole_event_text_shows_beside_the_options(make_app, class_entry, lang, scale):
    from game.ui import text
    from game.ui.theme import SIZE

    app = make_app(lang=lang, text_scale=scale)
    app.new_game(class_entry, "JPN", 1, "standard")
    app.step([])
    seen = 0
    for ev in decision_events(app, app.stack.top.ctl):
        seen += 1
        words = ev.words()
        body = ev.body
        lines = text.wrap(words.text, SIZE.BODY, body.rect.w - 12)
        assert len(lines) * text.line_height(SIZE.BODY) <= body.rect.h, (
            f"{ev.shot_key()}: the event's text needs scrolling"
        )
        for b in ev.option_buttons:  # the options sit beside the text, never over it
            assert not b.rect.colliderect(body.rect)
    assert seen >= 3


def test_page_down_scrolls_the_text_while_an_option_has_the_focus(make_app, class_entry):
    app = make_app()
    app.new_game(class_entry, "JPN", 1, "standard")
    app.step([])
    for ev in decision_events(app, app.stack.top.ctl):
        if ev.body.content_h > ev.body.rect.h:
            break
    else:
        raise AssertionError("no decision with more text than its box")
    first = ev.option_buttons[0]
    assert ev.ring.focused is ev.body  # the text first: Enter "to go on" chooses nothing
    ctl = app.stack.top.ctl
    press(app, pygame.K_RETURN)
    assert ctl.current_event is not None and ctl.current_event.chosen is None
    press(app, pygame.K_TAB)
    assert ev.ring.focused is first
    press(app, pygame.K_PAGEDOWN)
    assert ev.body.top > 0 and ev.ring.focused is first
    press(app, pygame.K_END)
    assert not ev.body.more_below
    press(app, pygame.K_HOME)
    assert ev.body.top == 0
    press(app, pygame.K_DOWN)
    assert ev.body.top > 0 and ev.ring.focused is first
