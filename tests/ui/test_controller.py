"""``controller.GameController``: the planning timer, the difficulty table and the historical
benchmark of the debrief."""

from __future__ import annotations

import pygame
import pytest
from uihelp import (
    press,
)


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
    press(app, pygame.K_e)  # nothing planned: the second press passes
    assert ctl.session.turn == 1 or ctl.phase != Phase.PLANNING


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


def test_without_recorded_history_the_benchmark_is_named_the_computer():
    """A scenario that records no history for the role (the South Caucasus) compares the
    group with the computer playing its role, and says so: never "the historical path"."""
    from game.ui import catalog
    from game.ui.controller import GameController
    from game.ui.export import debrief_markdown

    entry = catalog.load("class_south_caucasus")
    ctl = GameController.new(entry, "ARM", seed=12, autosave=False)
    while not ctl.session.over:
        ctl.session.play_turn()
    assert not ctl.bench_is_history()
    md = debrief_markdown(ctl, ctl.benchmark(), [])
    assert "The computer playing this role would get" in md
    assert "The computer's path" in md and "istorical path" not in md
    assert "The computer's actions" in md and "Historical actions" not in md
    # the class scenarios with history keep their historical path
    belt = GameController.new(catalog.load("class_abe_belt_road"), "JPN", seed=12, autosave=False)
    belt.session.play_turn()
    assert belt.bench_is_history()
    assert "The historical path would get" in debrief_markdown(belt, belt.benchmark(), [])


def test_a_stray_end_turn_with_nothing_planned_asks_first(make_app, mini_entry):
    """One E with nothing planned (while an action is possible) only asks; planning cancels
    the question; the second E passes the turn. With an action planned, one E ends it."""
    from uihelp import drawn_strings, press

    from game.ui.controller import Phase

    app = make_app()
    app.new_game(mini_entry, None, 1, None)
    app.step([])
    ctl = app.stack.top.ctl
    press(app, pygame.K_e)
    assert ctl.phase == Phase.PLANNING and ctl.session.turn == 0 and ctl.pass_asked
    assert "E again" in " ".join(drawn_strings(app))
    press(app, pygame.K_1)  # the team plans after all: the question is gone
    assert not ctl.pass_asked and ctl.planned_ids()
    press(app, pygame.K_u)
    press(app, pygame.K_e)
    press(app, pygame.K_e)
    assert ctl.phase != Phase.PLANNING or ctl.session.turn == 1


def test_a_states_team_sees_its_own_autonomy_in_the_debrief_chart():
    """Kazakhstan's team: the debrief's paths are Kazakhstan's autonomy (the five's average
    hides its effect), its own, the do-nothing game's and the benchmark's."""
    from game.ui import catalog
    from game.ui import goal_views as gvs
    from game.ui import viewmodels as vm
    from game.ui.controller import GameController

    ctl = GameController.new(catalog.load("class_war_corridor"), "KAZ", seed=12, autosave=False)
    s = ctl.session
    for _ in range(3):
        s.play_turn()
    i = s.c.state_ids.index("KAZ")
    own = vm.mean_autonomy(s, "KAZ")
    assert len(own) == 4 and abs(own[-1] - float(s.st.autonomy[0, i])) < 1e-5  # as recorded
    name, idle = gvs.without_path(s, "KAZ")
    assert len(idle) == 4 and abs(idle[0] - own[0]) < 1e-5  # the same start
    assert vm.mean_autonomy(s) != own  # the average is another line
