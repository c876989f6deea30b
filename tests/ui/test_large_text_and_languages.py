"""Text scale 150 % and 200 %, Japanese and Russian: the play screens still fit, every locale
has every key, and the shipped font draws every string the window draws."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pygame
import pytest
from uihelp import press

LOCALE = Path(__file__).resolve().parents[2] / "game" / "ui" / "locale"


@pytest.fixture(scope="module")
def class_entry():
    """The class scenario with its translations (a broken one fails here, never skips)."""
    from game.ui import catalog

    e = catalog.load("class_abe_belt_road")
    assert e.ok, e.errors
    return e


def _fits(app, where: str) -> None:
    from game.ui import text

    app.step([])
    bad = list(text.OVERFLOWS)
    text.reset_overflows()
    assert not bad, f"{where}: text does not fit its box: {bad[:3]}"


def play_screens(app, entry, teams=("JPN", "CHN")):
    """The play screens: hand-off, map (every tab, mode and state, the preview, all actions),
    the glossary, event pop-ups with and without options, the summary, Why? after a turn."""
    from game.ui.controller import Phase
    from game.ui.scenes.glossary import GlossaryScene

    roles = tuple(r for r in teams if r in entry.scenario.playable_roles) or None
    app.new_game(entry, roles, 3, "standard")
    app.step([])
    if app.stack.top.name == "handoff":
        yield "handoff"
        press(app, pygame.K_RETURN)
    game = app.stack.top
    ctl = game.ctl
    for i in range(len(game.screen.modes)):
        game.screen.view.mode_i = i
        yield f"map_mode_{i}"
    game.screen.view.mode_i = 0
    for sid in game.screen.state_order:
        game.select_state(sid)
        yield f"state_{sid}"
    game.select_state(game.screen.state_order[0])
    game.focus_widget(game.choice_list)
    for i in range(min(4, len(game.rows()))):
        game.choice_list.selected = i
        yield f"preview_{i}"
    rows = [r for r in game.rows() if r.choice.legal]
    if rows:
        ctl.plan(max(rows, key=lambda r: len(r.text)).choice.id)
        yield "planned_long"
        ctl.undo()
    game.screen.view.show_all = True
    yield "all_actions"
    game.screen.view.show_all = False
    app.stack.push(GlossaryScene(app, ctl.scenario, game.glossary_terms()))
    yield "glossary"
    app.stack.pop()
    seen_choice = seen_info = False
    turns = 0
    while not ctl.session.over and not (seen_choice and seen_info) and turns < 6:
        turns += 1
        while ctl.phase == Phase.PLANNING:
            if ctl.handoff:
                app.step([])
                yield "handoff"
                press(app, pygame.K_RETURN)
            legal = [c for c in ctl.choices() if c.legal]
            if legal:
                ctl.plan(legal[0].id)
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
    while app.stack.top.name == "handoff":
        press(app, pygame.K_RETURN)
    game = app.stack.top
    for tab in ("why", "state", "actions"):
        game.set_tab(tab)
        yield f"tab_{tab}"


@pytest.mark.parametrize("scale", [1.5, 2.0])
@pytest.mark.parametrize("lang", ["en", "ja", "ru"])
def test_play_screens_fit_at_large_text(make_app, class_entry, scale, lang):
    from game.ui import fonts

    app = make_app(lang=lang, text_scale=round(scale * 100))
    assert fonts.scale() == scale
    names = []
    for name in play_screens(app, class_entry):
        _fits(app, f"{lang} {scale:.0%} {name}")
        names.append(name)
    assert any(n.startswith("event_") for n in names) and "tab_why" in names


def test_text_size_keys_and_setting(make_app, class_entry):
    """+ and − change the text size everywhere; the setting is saved; the map relays out."""
    from game.ui import fonts, saves

    app = make_app()
    app.new_game(class_entry, None, 1, None)
    app.step([])
    game = app.stack.top
    assert not game.large
    press(app, pygame.K_EQUALS, pygame.KMOD_LSHIFT, "+")
    press(app, pygame.K_EQUALS, pygame.KMOD_LSHIFT, "+")
    assert fonts.scale() == 1.5 and game.large and game.tabs is not None
    assert saves.Settings.load().text_scale == 150
    _fits(app, "map after +")
    for _ in range(5):
        press(app, pygame.K_MINUS, 0, "-")
    assert fonts.scale() == 1.0 and not game.large


def test_every_locale_has_every_key_with_the_same_placeholders():
    fmt = string.Formatter()

    def placeholders(s: str) -> set[str]:
        return {f for _, f, _, _ in fmt.parse(s) if f}

    en = json.loads((LOCALE / "en.json").read_text(encoding="utf-8"))
    langs = sorted(p.stem for p in LOCALE.glob("*.json"))
    assert {"en", "ja", "ru"} <= set(langs)
    for lang in langs:
        table = json.loads((LOCALE / f"{lang}.json").read_text(encoding="utf-8"))
        keys = {k for k in table if not k.startswith("_")}
        ref = {k for k in en if not k.startswith("_")}
        assert keys == ref, (
            f"{lang}: missing {sorted(ref - keys)[:5]}, extra {sorted(keys - ref)[:5]}"
        )
        for k in ref:
            assert placeholders(table[k]) == placeholders(en[k]), f"{lang}.json {k}"
            assert table[k].strip(), f"{lang}.json {k} is empty"
        if lang != "en":  # translated, not copied: at most a few shared words (names, "G")
            same = [
                k
                for k in ref
                if table[k] == en[k]
                and not k.startswith("lang.")
                and any(ch.isalpha() for ch in en[k])
                and len(en[k]) > 12
            ]
            assert len(same) <= 3, f"{lang}: untranslated {same[:5]}"


def test_language_switch_in_settings_and_on_the_command_line(make_app, class_entry):
    import argparse

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


def test_engine_sentences_are_translated_or_marked_english(class_entry):
    from game.play.session import Session
    from game.ui import engine_text, i18n
    from game.ui import viewmodels as vm

    s = Session.start(class_entry.scenario, humans=("JPN",), seed=1)
    effects = [t for ch in s.choices("JPN") for t in ch.effects]
    for lang in ("ja", "ru"):
        i18n.set_language(lang)
        out = vm.effects(s, effects)
        marked = [t for t in out if t.startswith(engine_text.EN_MARK)]
        assert len(marked) <= len(out) // 5, marked[:3]  # the common forms are translated
        assert all(
            t.startswith(engine_text.EN_MARK) or not t.startswith(("raises", "lowers", "trust of"))
            for t in out
        )
        r = engine_text.reason(s.scenario, "not enough ODA budget: needs 20, you have 10.0")
        assert "20" in r and "10.0" in r and "not enough" not in r
        assert engine_text.reason(s.scenario, "something new").startswith(engine_text.EN_MARK)
    i18n.set_language("en")
    assert vm.effects(s, effects) == effects


def test_no_missing_glyphs_in_anything_drawn(make_app, class_entry, mini_entry):
    """Every string the window draws, in all three languages and at 100 % and 150 %, can be
    drawn by the shipped Crossroads Sans (regular and bold): no tofu boxes."""
    from test_scenes import all_scenes

    from game.glyphs import SHIPPED_FONTS, describe_char, missing_glyphs
    from game.ui import fonts

    drawn: list[str] = []
    fonts.DRAWN = drawn
    try:
        for lang, scale in (("ja", 100), ("ru", 150), ("en", 100)):
            app = make_app(lang=lang, text_scale=scale)
            for _ in all_scenes(app, class_entry):
                app.step([])
            app = make_app(lang=lang, text_scale=scale)
            for _ in play_screens(app, class_entry):
                app.step([])
            app.open_setup()
            app.step([])
            app.stack.pop()
            app.start_tour([class_entry])
            app.step([])
    finally:
        fonts.DRAWN = None
    text = "".join(set(drawn))
    assert any("\u3040" <= ch <= "\u30ff" for ch in text)  # kana were drawn
    assert any("\u0400" <= ch <= "\u04ff" for ch in text)  # and Cyrillic
    for weight, path in SHIPPED_FONTS.items():
        missing = missing_glyphs(path, text)
        assert not missing, f"{weight}: " + ", ".join(describe_char(c) for c in sorted(missing))


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
