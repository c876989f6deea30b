"""``scenes.map_screen``: focus, clicks, and a language switch during a game."""

from __future__ import annotations

import json

import pygame
from uihelp import (
    click,
    drawn_strings,
    fits,
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
    click(app, game.map_widget.view.label_rects["KGZ"].center)  # its label (id and badge)
    assert game.screen.selected == "KGZ"
    row = game.choice_list.rect
    click(app, (row.x + 100, row.y + 10))  # first row: select
    click(app, (row.x + 100, row.y + 10))  # again: plan it
    assert len(game.ctl.planned_ids()) == 1


def _a_turn_later(app, entry):
    """A game of Japan one turn in, Kyrgyzstan selected (the Why? panel has rows)."""
    from game.ui.controller import Phase

    app.new_game(entry, "JPN", 4, "standard")
    app.step([])
    game = app.stack.top
    ctl = game.ctl
    ctl.plan(next(c.id for c in ctl.choices() if c.legal and c.target == "KGZ"))
    ctl.end_turn()
    while ctl.phase == Phase.EVENTS:
        if ctl.current_event.needs_choice:
            ctl.choose(0)
        ctl.next_event()
    ctl.continue_after_summary()
    app.step([])
    game.select_state("KGZ")
    return game


def _map_screen_words(app, game) -> set[str]:
    """Every string drawn on the map screen: the state panel, then an action's preview."""
    game.ring.focus(game.map_widget)
    words = set(drawn_strings(app))
    game.focus_widget(game.choice_list)
    words |= set(drawn_strings(app))
    game.ring.focus(game.map_widget)
    return words


def _english_left(game, words: set[str], lang: str) -> list[str]:
    """English names of the scenario's things, and English words of the window, drawn although
    the language ``lang`` has its own for them (bibliographic sources are left as they are)."""
    from game.ui import i18n

    def table(lang: str) -> dict[str, str]:
        return json.loads((i18n.PHRASES.folder / f"{lang}.json").read_text(encoding="utf-8"))

    from game.ui import viewmodels as vm

    ctl = game.ctl
    sc = ctl.scenario
    rows = vm.why_rows(ctl.session, ctl.last_report, game.screen.selected, ctl.role)
    sources = " ".join(r.source for r in rows)
    shown = [w for w in words if w.strip() and w.strip() not in sources]
    en, loc = sc.names("en"), sc.names(lang)
    names = {en[k] for k in en if en[k] and loc.get(k) != en[k] and len(en[k]) > 3}
    ui = {
        v for k, v in table("en").items() if "{" not in v and table(lang).get(k) != v and len(v) > 3
    }
    left = [w for w in shown for n in names if n in w]
    return left + [w for w in shown if w in ui]


def test_switching_language_mid_game_changes_every_word_on_the_map_screen(make_app, class_entry):
    """en -> ja -> ru in Settings during a game: the map screen (state names, memberships,
    the Why? panel, the actions, the preview, the buttons) is word for word what a game started
    in that language shows, and no English word of the scenario or the window is left where
    the scenario or the window has a translation."""
    from game.ui import i18n
    from game.ui.app import App, Options

    app = make_app()
    game = _a_turn_later(app, class_entry)
    _map_screen_words(app, game)  # drawn in English first, so any cache holds English
    for lang in ("ja", "ru"):
        app.open_settings()
        settings = app.stack.top
        settings.ring.focus(settings.widgets[-1])  # Language
        while i18n.language() != lang:
            press(app, pygame.K_RIGHT)
        press(app, pygame.K_ESCAPE)
        assert app.stack.top is game
        switched = _map_screen_words(app, game)
        fresh_app = App(Options(size=(1280, 720), menu_first=True, lang=lang), class_entry)
        fresh = _map_screen_words(fresh_app, _a_turn_later(fresh_app, class_entry))
        i18n.set_language(lang)
        assert switched == fresh, (sorted(switched - fresh)[:8], sorted(fresh - switched)[:8])
        assert not _english_left(game, switched, lang)


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
            out[sid] = {r.number: r.choice.id for r in game.rows()}
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


def test_the_state_panel_says_trust_when_a_team_plays_a_state(make_app, four_team_entry):
    from game.ui import i18n

    app = make_app()
    app.new_game(four_team_entry, "KAZ", 1, "standard")
    app.step([])
    app.stack.top.select_state("UZB")
    for lang in ("en", "ja", "ru"):
        i18n.set_language(lang)
        app.step([])  # relaid out in the language
        words = " ".join(drawn_strings(app))
        trust = i18n.tr("state.trust_all", values="").strip()
        assert trust in words, words[:300]


def test_the_hotseat_end_button_is_never_cut(make_app, four_team_entry):
    """ "Done: next team (E)" fits its button in every language, at 100 % text."""
    from game.ui import i18n, text

    for lang in ("en", "ja", "ru"):
        app = make_app(lang=lang)
        app.new_game(four_team_entry, ("KAZ", "RUS"), 1, "standard")
        app.step([])
        press(app, pygame.K_RETURN)  # Team Kazakhstan takes the keyboard
        game = app.stack.top
        end = next(b for b in game.buttons if b.primary)
        assert end.label == i18n.tr("game.team_done")
        text.reset_overflows()
        fits(app, f"{lang} hotseat map")
        assert text.width(end.label, end.size, True) <= end.rect.w - 12
