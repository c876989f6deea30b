"""The team's goals on screen from the first turn, "your effect", and the full preview.

* every shipped class scenario and playable role: the goals view lists every objective with
  its value and grade, and the map screen draws them (strip and full panel), before the first
  turn and after one, with the value without the team's diplomacy once a turn is played;
* the menu's details, the hand-off screen, the summary and the debrief say the same;
* the preview lists every effect, reachable by scrolling (never "… and 8 more");
* the Why? panel splits a state's autonomy change by area and partner, exactly.
"""

from __future__ import annotations

import numpy as np
import pygame
import pytest
from uihelp import click, drawn_strings, fits, press

CLASS_ROLES = [
    ("class_abe_belt_road", "JPN"),
    ("class_abe_belt_road", "CHN"),
    ("class_war_corridor", "JPN"),
    ("class_war_corridor", "RUS"),
    ("class_war_corridor", "KAZ"),
]


def _entry(scenario: str):
    from game.ui import catalog

    e = catalog.load(scenario)
    assert e.ok, e.errors
    return e


def _end_turn(app, ctl) -> None:
    """End the turn and answer its events with their first option: the summary is on top."""
    from game.ui.controller import Phase

    ctl.end_turn()
    while ctl.phase == Phase.EVENTS:
        if ctl.current_event.needs_choice:
            ctl.choose(0)
        ctl.next_event()
    app.step([])


def _finish_turn(app, ctl) -> None:
    """End the turn, answer its events, close the summary."""
    from game.ui.controller import Phase

    _end_turn(app, ctl)
    if ctl.phase == Phase.SUMMARY:
        press(app, pygame.K_RETURN)


def test_every_shipped_class_role_has_its_goals_role_by_role():
    """View-model level: every objective of every playable role of every shipped class
    scenario, with value, grade and bands; after a turn its trend and its value without the
    team's diplomacy (the counterfactual)."""
    from game.play.session import Session
    from game.ui import goal_views as gvs

    for scenario, role in CLASS_ROLES:
        sc = _entry(scenario).scenario
        assert role in sc.playable_roles
        s = Session.start(sc, humans=(role,), seed=2)
        s.enable_counterfactual()
        gv = gvs.goals_view(s, role)
        want = [ob.id for ob in sc.objectives[role]]
        assert [g.id for g in gv.goals] == want and want
        assert all(g.grade in "ABCDF" and g.value and g.bands for g in gv.goals)
        assert all(not g.arrow and g.without for g in gv.goals)
        assert not gv.shows_effect  # nothing to compare before the first turn
        legal = [c for c in s.choices(role) if c.legal]
        s.plan(legal[0].id)
        s.play_turn()
        gv = gvs.goals_view(s, role)
        assert gv.shows_effect and gv.overall_without in tuple("ABCDF")
        for g, goal in zip(gv.goals, s.goals(role)):
            assert g.arrow in ("▲", "▼", "•") and g.without_grade in tuple("ABCDF")
            assert g.value == gvs.number(goal.value, gvs.digits_for(goal.bands))
            assert goal.effect == pytest.approx(goal.value - goal.without)


@pytest.mark.parametrize("scenario,role", CLASS_ROLES)
def test_the_map_screen_draws_every_goal_with_value_and_grade(make_app, scenario, role):
    """The strip under the top bar and the full goals panel show every goal (name, value,
    grade, bands) before the first turn and after it (then with "your effect"); all text
    fits."""
    from game.ui import goal_views as gvs
    from game.ui.i18n import tr

    app = make_app()
    app.new_game(_entry(scenario), role, 5, "standard")
    app.step([])
    game = app.stack.top
    ctl = game.ctl
    assert game.goals_shown()  # the first screen of a game: the goals in full
    words = drawn_strings(app)
    gv = game.goals_panel.model()
    drawn = " | ".join(words)
    full = [b[0] for b in game.goals_panel.blocks()]  # the panel's scrolling text
    for g in gv.goals:
        assert g.grade in words and g.value in drawn, (g.name, drawn)
        assert any(b.startswith(g.bands) for b in full)  # how it is graded
        assert f"{g.grade}  {g.name}" in full
        assert any(w.startswith(g.short[:4]) for w in words)  # its name in the strip
    assert gvs.overall_line(gv) in words
    fits(app, f"{scenario} {role} goals")
    # after a turn, with the state panel back in its place, the strip alone still has them all
    legal = [c for c in ctl.choices() if c.legal]
    ctl.plan(legal[0].id)
    _finish_turn(app, ctl)
    game.select_state(ctl.c.state_ids[0])
    assert not game.goals_shown()
    words = drawn_strings(app)
    drawn = " | ".join(words)
    gv = game.goals_panel.model()
    assert gv.shows_effect
    for g in gv.goals:
        assert g.grade in words and f"{g.value} {g.arrow}" in drawn
    you = tr("goals.effect_short", delta="").strip()
    assert any(you in w for w in words), drawn  # "you +0.3": your effect, in the strip
    fits(app, f"{scenario} {role} after a turn")
    # the strip is a widget: a click on it shows the goals in full again
    click(app, (game.lay.goals.centerx, game.lay.goals.centery))
    assert game.ring.focused is game.goals_strip and game.goals_shown()
    words = drawn_strings(app)
    assert tr("goals.title") in words and gvs.overall_line(gv) in words


@pytest.mark.parametrize("lang", ["ja", "ru"])
def test_goals_in_japanese_and_russian_with_their_numbers(make_app, lang):
    """The strip and panel in each language: the language's own words and its decimal mark."""
    from game.ui import i18n

    app = make_app(lang=lang)
    app.new_game(_entry("class_abe_belt_road"), "JPN", 5, "standard")
    app.step([])
    game = app.stack.top
    words = drawn_strings(app)
    assert i18n.tr("goals.title") in words and i18n.tr("goals.overall") in words
    gv = game.goals_panel.model()
    mark = "," if lang == "ru" else "."
    assert all(mark in g.value for g in gv.goals if g.value[-2:].isdigit())
    fits(app, f"{lang} goals")


@pytest.mark.parametrize("scale", [150, 200])
def test_large_text_has_a_goals_tab_and_a_strip(make_app, scale):
    from game.ui import i18n

    app = make_app(text_scale=scale)
    app.new_game(_entry("class_abe_belt_road"), "JPN", 5, "standard")
    app.step([])
    game = app.stack.top
    assert game.large and game.screen.view.tab == "goals"  # first thing a game shows
    words = drawn_strings(app)
    gv = game.goals_panel.model()
    assert i18n.tr("tab.goals") in words
    assert all(g.grade in words for g in gv.goals)
    fits(app, f"{scale}% goals tab")
    game.set_tab("state")
    words = drawn_strings(app)
    assert all(g.grade in words for g in gv.goals)  # the strip stays
    fits(app, f"{scale}% state tab")


def test_the_menu_hand_off_summary_and_debrief_show_the_goals(make_app):
    from game.ui import goal_views as gvs
    from game.ui import i18n

    entry = _entry("class_abe_belt_road")
    app = make_app()
    menu = app.stack.top
    menu.list.select(next(i for i, e in enumerate(menu.entries) if e.id == entry.id))
    menu.role = ("JPN",)
    blocks = [b[0] for b in menu._detail_blocks()]
    assert i18n.tr("menu.graded", role="Japan") in blocks
    for g in gvs.scenario_goals(entry.scenario, "JPN"):
        assert "• " + g.name in blocks and any(b.startswith(g.bands) for b in blocks)
    # hotseat: the hand-off names the next team's goals with values and grades
    app.new_game(entry, ("JPN", "CHN"), 5, "standard")
    app.step([])
    assert app.stack.top.name == "handoff"
    lines = [t for t, *_ in app.stack.top.lines()]
    ctl = app.controller
    gv = gvs.goals_view(ctl.session, "JPN")
    assert all(gvs.goal_line(gv, g) in lines for g in gv.goals)
    press(app, pygame.K_RETURN)
    ctl.plan(next(c.id for c in ctl.choices() if c.legal))
    ctl.end_turn()
    app.step([])
    assert app.stack.top.name == "handoff"
    lines = [t for t, *_ in app.stack.top.lines()]
    gv = gvs.goals_view(ctl.session, "CHN")
    assert all(gvs.goal_line(gv, g) in lines for g in gv.goals)
    press(app, pygame.K_RETURN)
    _end_turn(app, ctl)
    summary = app.stack.top
    assert summary.name == "summary"
    left = [t for t, *_ in summary._left_blocks()]
    for role in ("JPN", "CHN"):
        gv = gvs.goals_view(ctl.session, role)
        assert gv.teams and gv.shows_effect  # hotseat: "if no team had acted"
        assert all(gvs.goal_line(gv, g) in left for g in gv.goals)
        assert any(i18n.tr("goals.effect_teams", delta="").strip() in t for t in left)
    fits(app, "summary with goals")
    # the debrief: three paths on one chart, and the grade without the teams' play
    press(app, pygame.K_RETURN)
    ctl.end_game_now()
    app.open_debrief(ctl)
    words = drawn_strings(app)
    for label in ("debrief.your_path", "debrief.without_path", "debrief.hist_path"):
        assert i18n.tr(label) in words
    assert gvs.without_grade_words(gvs.goals_view(ctl.session, ctl.role)) in words
    fits(app, "debrief with the do-nothing path")


def test_the_preview_lists_every_effect_reachable_by_scrolling(make_app):
    """No "… and 8 more": every change and every sentence of an action's preview is in its
    scrolling text; Tab from the action list reaches it and ↓ / End scroll to its last line."""
    from game.ui import i18n

    app = make_app()
    app.new_game(_entry("class_abe_belt_road"), "JPN", 5, "standard")
    app.step([])
    game = app.stack.top
    ctl = game.ctl
    game.focus_widget(game.choice_list)
    longest = None
    for i, row in enumerate(game.rows()):
        game.choice_list.selected = i
        p = ctl.preview(row.choice.id)
        blocks = [b[0] for b in game.preview_text.blocks()]
        text_all = "\n".join(blocks)
        assert all(
            f"{v:+.1f}".replace("-", "−")[1:] in text_all for _, v in p.changes
        )  # every change, its size written
        assert len([b for b in blocks if b.startswith("• ")]) == len(p.sentences)
        if game.preview_text.content_h > game.preview_text.rect.h:
            longest = i
    assert longest is not None, "no preview longer than its box to test scrolling with"
    game.choice_list.selected = longest
    app.step([])
    assert i18n.tr("preview.more_keys") in drawn_strings(app)
    press(app, pygame.K_TAB)
    assert game.ring.focused is game.preview_text
    assert game.focused_row() is game.rows()[longest]  # the preview stays on screen
    press(app, pygame.K_END)
    last = game.preview_text._layout()[-1][0]
    assert last in drawn_strings(app)
    press(app, pygame.K_TAB)  # on to Why?: the state panel is back
    assert game.focused_row() is None


def test_why_splits_the_autonomy_change_exactly(class_entry):
    from game.play.attribution import autonomy_change
    from game.play.session import Session
    from game.ui import viewmodels as vm

    s = Session.start(class_entry.scenario, humans=("JPN",), seed=3)
    for _ in range(3):
        before = s.st.dep[0].copy()
        aut = s.st.autonomy[0].copy()
        s.play_turn()
        rep = s.reports[-1]
        for si, sid in enumerate(s.c.state_ids):
            parts = autonomy_change(s.c, sid, before, s.st.dep[0], rep.entries, min_abs=0)
            total = sum(p.autonomy for p in parts)
            assert total == pytest.approx(s.st.autonomy[0, si] - aut[si], abs=1e-9)
            for p in parts:  # the partners add up to the area, the causes to the partner
                assert sum(q.autonomy for q in p.partners) == pytest.approx(p.autonomy)
                for q in p.partners:
                    assert sum(x.autonomy for x in q.causes) == pytest.approx(q.autonomy, abs=0.02)
    lines = vm.autonomy_lines(s, s.reports[-1], "KAZ")
    assert lines and lines[0].startswith("Autonomy") and "points" in lines[1]
    assert np.isfinite(s.st.autonomy).all()
