"""``scenes.map_screen``: focus, clicks, and a language switch during a game."""

from __future__ import annotations

import pygame
from uihelp import (
    click,
    press,
)


def test_tab_reaches_every_button_and_shows_focus(menu_app):
    """Tab cycles through every widget of the map screen; the focused one is drawn with the
    focus ring (its colour appears around it)."""
    from game.ui.theme import current

    app = menu_app()
    press(app, pygame.K_RETURN)
    game = app.stack.top
    seen = set()
    for _ in range(len(game.ring.widgets) + 2):
        w = game.ring.focused
        seen.add(id(w))
        r = w.rect.inflate(current().focus_w * 2 + 2, current().focus_w * 2 + 2)
        px = app.display.canvas.get_at((r.x + 1 + r.w // 2, r.y + 1))
        assert tuple(px)[:3] == current().focus, f"no focus ring around {type(w).__name__}"
        press(app, pygame.K_TAB)
    usable = [w for w in game.ring.widgets if w.enabled]
    assert len(seen) >= len(usable)


def test_click_selects_state_and_plans(menu_app):

    from game.ui.scenes.map_screen import MapScene

    app = menu_app(size=(1920, 1080))  # clicks are mapped back to the 1280x720 canvas
    press(app, pygame.K_RETURN)
    game = app.stack.top
    assert isinstance(game, MapScene)
    lx, ly = game.map_widget.view.fitted.labels["KGZ"]
    click(app, (int(lx), int(ly) + 30))  # the badge under the label
    assert game.screen.selected == "KGZ"
    row = game.choice_list.rect
    click(app, (row.x + 100, row.y + 10))  # first row: select
    click(app, (row.x + 100, row.y + 10))  # again: plan it
    assert len(game.ctl.planned_ids()) == 1


def test_language_switch_during_a_game_relabels_the_map(make_app, class_entry):
    from game.ui import i18n

    app = make_app()
    app.new_game(class_entry, None, 1, None)
    app.step([])
    game = app.stack.top
    app.open_settings()
    st = app.stack.top
    st.set_language("ja")
    press(app, pygame.K_ESCAPE)
    app.step([])
    assert app.stack.top is game
    labels = [b.label for b in game.buttons]
    assert i18n.tr("game.glossary") in labels and "用語集 (G)" in labels


def test_action_numbers_stay_the_same_for_a_state_all_game(make_app, class_entry):
    """ "Number 3!" is the same action whenever the class sees that state: planning marks a
    row where it is (it does not jump to the top) and nothing renumbers the list, turn after
    turn, as actions become available or not."""
    from game.ui.controller import Phase

    app = make_app()
    app.new_game(class_entry, "JPN", 1, "standard")
    app.step([])
    game = app.stack.top
    ctl = game.ctl

    def numbers() -> dict[str, dict[int, int]]:
        out = {}
        for sid in game.screen.state_order:
            game.select_state(sid)
            out[sid] = {r.hotkey: r.choice.id for r in game.rows() if r.hotkey}
        return out

    seen = numbers()
    assert all(len(v) >= 3 for v in seen.values())
    changes_of_legality = 0
    for _turn in range(4):
        legal_before = {r.choice.id: r.choice.legal for r in game.rows()}
        sid = game.screen.state_order[_turn % len(game.screen.state_order)]
        game.select_state(sid)
        third = seen[sid][3]
        press(app, pygame.K_3)
        rows = game.rows()
        assert rows[2].choice.id == third  # still third
        if rows[2].planned:
            assert rows[0].choice.id == seen[sid][1]  # and it did not move to the top
        assert numbers() == seen
        while ctl.phase != Phase.PLANNING or ctl.session.turn == _turn:
            if ctl.phase == Phase.PLANNING:
                ctl.end_turn()
            elif ctl.phase == Phase.EVENTS:
                if ctl.current_event.needs_choice:
                    ctl.choose(0)
                ctl.next_event()
            else:
                ctl.continue_after_summary()
            app.step([])
        game.select_state(sid)
        legal_after = {r.choice.id: r.choice.legal for r in game.rows()}
        changes_of_legality += legal_after != legal_before
        assert numbers() == seen
    assert changes_of_legality  # the check meant something: availability did change
