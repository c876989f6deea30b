"""Class setup and codes, difficulty, the glossary, the guided tour and the optional timer."""

from __future__ import annotations

import argparse

import pygame
import pytest
from uihelp import press


@pytest.fixture(scope="module")
def tour_entry():
    from game.ui import catalog

    e = catalog.load("class_abe_belt_road")
    assert e.ok, e.errors
    return e


# ---- class codes and difficulty -----------------------------------------------------------------
def test_class_code_round_trip_and_forgiving_reading():
    from game.play import classcode

    code = classcode.make("class_abe_belt_road", 42, ["JPN"], "standard")
    assert code == "class_abe_belt_road/seed 42/JPN/standard"
    known = {"class_abe_belt_road": ["JPN", "CHN"]}
    st = classcode.parse(" Class_Abe_Belt_Road / 42 / jpn, chn / ADVANCED / timer 5 ", known)
    assert (st.scenario, st.seed, st.roles, st.difficulty, st.timer_min) == (
        "class_abe_belt_road",
        42,
        ["JPN", "CHN"],
        "advanced",
        5,
    )
    assert classcode.parse(st.code(), known).code() == st.code()
    for bad, why in (
        ("nosuch/seed 1/JPN", "no installed scenario"),
        ("class_abe_belt_road/seed 1/RUS", "'RUS' is not a seed, a role of"),
        ("class_abe_belt_road/seed 1/hard", "'HARD' is not a seed"),
    ):
        with pytest.raises(classcode.CodeError, match=why):
            classcode.parse(bad, known)
    assert classcode.looks_like_code(code) and not classcode.looks_like_code("scenarios/x.yaml")


def test_class_code_on_the_command_line(mini_entry):
    from game.ui.app import Options

    o = Options.from_args(
        argparse.Namespace(
            scenario="mini/seed 9/jpn+rus/introductory", role=[], seed=1, difficulty=None
        )
    )
    assert (o.scenario, o.seed, o.roles, o.difficulty) == (
        "mini",
        9,
        ("JPN", "RUS"),
        "introductory",
    )


def test_difficulty_table_changes_budget_and_resistance_and_replays(mini_entry):
    from game.play.session import DIFFICULTY, Session

    sc = mini_entry.scenario
    base = Session.start(sc, humans=("JPN",), seed=3, difficulty="standard")
    intro = Session.start(sc, humans=("JPN",), seed=3, difficulty="introductory")
    adv = Session.start(sc, humans=("JPN",), seed=3, difficulty="advanced")
    b, i, a = (s.budget("JPN")["oda"] for s in (base, intro, adv))
    assert i == pytest.approx(b * DIFFICULTY["introductory"].budget)
    assert a == pytest.approx(b * DIFFICULTY["advanced"].budget)
    ji = intro.c.actor_index["JPN"]
    assert intro.p.income[0, ji].sum() > base.p.income[0, ji].sum() > adv.p.income[0, ji].sum()
    assert adv.p.resistance[0] == pytest.approx(base.p.resistance[0] * 1.5)
    # the computer-played powers are not helped or hindered by the budget rule
    ri = base.c.actor_index["RUS"]
    assert (intro.st.res[0, ri] == base.st.res[0, ri]).all()
    # the level is recorded, so a replay (resume, class report) reproduces the game
    for _ in range(3):
        adv.play_turn()
    assert adv.record.label == "advanced"
    again = Session.replay(sc, adv.record)
    assert again.st.hash(0) == adv.st.hash(0)


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


# ---- glossary -----------------------------------------------------------------------------------
def test_glossary_terms_are_found_and_opened_with_g(make_app, tour_entry):
    from game.ui import glossary
    from game.ui.controller import Phase
    from game.ui.scenes.glossary import GlossaryScene

    sc = tour_entry.scenario
    assert sc.glossary, "the class scenario has a glossary"
    found = glossary.find(sc, ["Japan offers a yen loan through ODA; Kazakhstan is in the CSTO."])
    assert {"yen_loan", "oda", "csto"} <= set(found)
    assert "loan" not in glossary.marks(sc) and "ODA" in glossary.marks(sc)
    app = make_app()
    app.new_game(tour_entry, None, 2, None)
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


# ---- guided tour and timer ----------------------------------------------------------------------
def test_guided_tour_by_keyboard_and_skippable(make_app, tour_entry):
    from game.ui.tour import STEPS

    app = make_app()
    app.step([])
    menu = app.stack.top
    menu.ring.focus(menu.tour_b)
    press(app, pygame.K_RETURN)
    game = app.stack.top
    ctl = game.ctl
    tut = ctl.tour
    assert tut is not None and ctl.scenario.meta.id == tour_entry.id
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
    app.start_tour([tour_entry])
    app.step([])
    tut2 = app.stack.top.ctl.tour
    press(app, pygame.K_s)
    assert tut2.finished


def test_timer_is_off_by_default_and_never_ends_a_turn(make_app, mini_entry):
    from game.ui import fonts, i18n
    from game.ui.controller import Phase

    app = make_app()
    app.new_game(mini_entry, None, 1, None)
    app.step([])
    assert app.stack.top.ctl.time_left() is None
    app.new_game(mini_entry, None, 1, None, timer_min=2)
    app.step([])
    game = app.stack.top
    ctl = game.ctl
    assert ctl.time_left() == pytest.approx(120, abs=0.1)
    fonts.DRAWN = drawn = []
    try:
        app.step([], dt=30)
        assert any("1:30" in d for d in drawn)
        for _ in range(20):  # ten minutes later: a gentle note, still the same turn
            app.step([], dt=30)
    finally:
        fonts.DRAWN = None
    assert ctl.phase == Phase.PLANNING and ctl.session.turn == 0 and ctl.time_left() < 0
    fonts.DRAWN = drawn = []
    try:
        app.step([])
    finally:
        fonts.DRAWN = None
    up = i18n.tr("timer.up")
    assert any(d and d in up for d in drawn)
    press(app, pygame.K_e)
    assert ctl.session.turn == 1 or ctl.phase != Phase.PLANNING


def test_projector_mode_is_high_contrast_and_larger_text(make_app):
    from game.ui import fonts, theme

    app = make_app(projector=True)
    assert theme.current().name == "high_contrast" and fonts.scale() >= 1.25
    assert app.projector_on()
    app.set_projector(False)
    assert theme.current().name == "light" and fonts.scale() == 1.0


def test_the_debrief_and_the_class_report_compare_with_the_same_history():
    """Groups at any difficulty see the same historical path on their screen as the projected
    class report shows (standard difficulty, the recorded history, the group's seed)."""
    from game.play.history import history_session
    from game.ui import catalog
    from game.ui.controller import GameController

    entry = catalog.load("class_abe_belt_road")
    ref = history_session(entry.scenario, 12)
    for level in ("introductory", "advanced"):
        ctl = GameController.new(entry, "JPN", seed=12, difficulty=level, autosave=False)
        while not ctl.session.over:
            ctl.session.play_turn()
        bench = ctl.benchmark().session
        assert bench.grades() == ref.grades()
        assert bench.st.hash(0) == ref.st.hash(0)


def test_a_misspelt_class_code_on_the_command_line_says_which_part_is_wrong(capsys):
    """'JPX' or 'advnced' stop with a message naming the part (exit 2), in the window command
    and headless; an unambiguous start of a difficulty ('intro') is understood."""
    from game.cli import main
    from game.play import classcode
    from game.scenario.loader import load_scenario

    assert (
        classcode.parse_for_scenario(
            "class_abe_belt_road/seed 12/JPN/intro", lambda sid: load_scenario(sid).scenario
        ).difficulty
        == "introductory"
    )
    for code, part in (
        ("class_abe_belt_road/seed 12/JPX/introductory", "'JPX'"),
        ("class_abe_belt_road/seed 12/JPN/advnced", "did you mean 'advanced'"),
    ):
        assert main(["play", code, "--headless", "--quiet"]) == 2
        assert part in capsys.readouterr().err
        assert main(["play", code, "--autoplay", "0"]) == 2
        err = capsys.readouterr().err
        assert part in err and "Traceback" not in err
