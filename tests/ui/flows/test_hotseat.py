"""Team hotseat: four teams at one computer, from the class setup to the class report, with
posted key presses only; and no team ever sees a trace of another team's plan."""

from __future__ import annotations

import argparse

import pygame
from uihelp import (
    drawn_strings,
    press,
    type_text,
)


def test_four_teams_from_setup_to_class_report(four_team_entry, tmp_path, no_fsync):
    from game.engine.record import read_record
    from game.report import cmd_report
    from game.ui import saves
    from game.ui import viewmodels as vm
    from game.ui.app import App, Options
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.handoff import HandoffScene
    from game.ui.scenes.map_screen import MapScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.setup import SetupScene
    from game.ui.scenes.summary import SummaryScene

    sc = four_team_entry.scenario
    roles = sc.playable_roles[:4]
    app = App(Options(size=(1280, 720), menu_first=True), four_team_entry)
    app.step([])
    menu = app.stack.top
    assert isinstance(menu, MenuScene)
    # the teacher opens Class setup by keyboard and types the class code
    while menu.ring.focused is not menu.setup_b:
        press(app, pygame.K_TAB)
    press(app, pygame.K_RETURN)
    setup = app.stack.top
    assert isinstance(setup, SetupScene)
    while setup.ring.focused is not setup.code_field:
        press(app, pygame.K_TAB)
    code = f"{four_team_entry.id}/seed 5/{'+'.join(r.lower() for r in roles)}/standard"
    type_text(app, code)
    press(app, pygame.K_RETURN)
    assert setup.setup.roles == roles and setup.setup.seed == 5, setup.message
    assert setup.code() == f"{four_team_entry.id}/seed 5/{'+'.join(roles)}/standard"
    while setup.ring.focused is not setup.start_b:
        press(app, pygame.K_TAB)
    press(app, pygame.K_RETURN)
    ctl = app.stack.scenes[-1].ctl if hasattr(app.stack.top, "ctl") else None
    assert ctl is not None and ctl.roles == tuple(roles) and ctl.session.seed == 5

    seen = {"handoff": 0, "team_event": 0, "summary": 0}
    hidden_checked = False
    for _ in range(4000):
        top = app.stack.top
        if isinstance(top, DebriefScene):
            break
        if isinstance(top, HandoffScene):
            seen["handoff"] += 1
            lines = " ".join(t for t, *_ in top.lines())
            assert vm.team(ctl.session, ctl.role) in lines
            if ctl.teams_done and not hidden_checked:
                # team 2's hand-off screen, then its map: nothing of team 1's plan is drawn
                first = ctl.teams_done[0]
                planned = ctl.session.planned[ctl.c.actor_index[first]]
                assert planned, "team 1 planned an action"
                secret = {
                    vm.name(ctl.session, ctl.c.scenario.actions[ctl.c.choice_action[cid]].id)
                    for cid in planned
                }
                mine = {vm.name(ctl.session, ch.action_id) for ch in ctl.session.choices(ctl.role)}
                secret -= mine  # a name the team at the keyboard also has proves nothing
                drawn = drawn_strings(app)
                press(app, pygame.K_RETURN)
                drawn += drawn_strings(app)
                game = app.stack.top
                assert isinstance(game, MapScene) and ctl.role == roles[1]
                assert not ctl.planned_ids()
                assert all(r.choice.seat == roles[1] and not r.planned for r in game.rows())
                leaked = [d for d in drawn for s in secret if s and s in d]
                assert not leaked, f"team 2 sees team 1's plan: {leaked[:3]}"
                hidden_checked = True
                continue
            press(app, pygame.K_RETURN)
        elif isinstance(top, MapScene):
            planned = len(ctl.planned_ids())
            press(app, pygame.K_1)
            if len(ctl.planned_ids()) == planned:
                press(app, pygame.K_2)
            press(app, pygame.K_e)
        elif isinstance(top, EventScene):
            ev = ctl.current_event
            if ev.needs_choice:
                team = ctl.chooser_team(ev.event)
                assert team in roles  # computer-played choosers are answered by the computer
                if len(roles) > 1:
                    assert vm.team(ctl.session, team) in top.decider()
                seen["team_event"] += 1
                press(app, pygame.K_1)
            else:
                press(app, pygame.K_RETURN)
        elif isinstance(top, SummaryScene):
            seen["summary"] += 1
            press(app, pygame.K_RETURN)
        else:
            press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, DebriefScene)
    s = ctl.session
    assert s.over and seen["summary"] == s.c.n_turns
    if len(roles) > 1:
        assert hidden_checked and seen["handoff"] == len(roles) * s.c.n_turns
    assert s.record.humans == roles
    for r in roles:
        assert any(t.actions.get(r) for t in s.record.turns), f"team {r} never acted"
    press(app, pygame.K_p)  # the group's own debrief export
    # the class report from the game's saved record
    path = ctl.autosave  # this game's own autosave
    assert path is not None and path.parent == saves.save_dir()
    rec = read_record(path)
    assert rec.humans == roles and rec.label == "standard" and len(rec.turns) == s.c.n_turns
    out = tmp_path / "report"
    code = cmd_report(argparse.Namespace(records=[str(path)], out=str(out), html=False))
    assert code == 0
    md = (out / "report.md").read_text(encoding="utf-8")
    assert f"`{four_team_entry.id}`" in md and "## " in md
    for r in roles:  # every team is graded and compared with history
        assert f"({r})" in md or f" {r} " in md


def test_team_two_sees_exactly_what_it_would_see_had_team_one_planned_nothing(mini_entry):
    """The strongest form of "hidden": team 2's hand-off screen and map are the same, string
    for string and pixel for pixel, whatever team 1 planned."""
    from game.ui.app import App, Options

    shots = []
    for plan in (True, False):
        app = App(Options(size=(1280, 720), menu_first=True), mini_entry)
        app.new_game(mini_entry, ("JPN", "RUS"), 4, "standard")
        app.step([])
        press(app, pygame.K_RETURN)  # team Japan has the keyboard
        ctl = app.stack.top.ctl
        assert ctl.role == "JPN"
        if plan:
            press(app, pygame.K_1)
            press(app, pygame.K_2)
            assert len(ctl.planned_ids()) == 2
        press(app, pygame.K_e)
        if not plan:  # nothing planned: the first press asks, the second passes
            assert ctl.pass_asked and "E again" in " ".join(drawn_strings(app))
            press(app, pygame.K_e)
        assert app.stack.top.name == "handoff" and ctl.role == "RUS"
        handoff = drawn_strings(app)
        hand_px = pygame.image.tobytes(app.display.canvas, "RGB")
        press(app, pygame.K_RETURN)
        game = app.stack.top
        for _ in range(3):  # look around: next state, the actions list, the preview
            press(app, pygame.K_RIGHT)
        game.focus_widget(game.choice_list)
        drawn = drawn_strings(app)
        px = pygame.image.tobytes(app.display.canvas, "RGB")
        shots.append((handoff, hand_px, drawn, px))
        assert bool(ctl.session.planned[ctl.c.actor_index["JPN"]]) == plan
    a, b = shots
    assert a[0] == b[0] and a[1] == b[1], "the hand-off screen differs"
    assert sorted(a[2]) == sorted(b[2]) and a[3] == b[3], "team 2's map differs"
