"""``options.Options``: the ``play`` command's flags, class codes on the command line."""

from __future__ import annotations

import argparse

import pygame
import pytest
from uihelp import (
    press,
)


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


def test_hotseat_from_the_command_line_and_the_menu(mini_entry):
    from game.ui.app import App, Options

    opts = Options.from_args(
        argparse.Namespace(
            scenario=str(mini_entry.path), role=["JPN", "RUS"], seed=3, difficulty="advanced"
        )
    )
    assert opts.roles == ("JPN", "RUS")
    app = App(opts, mini_entry)
    app.step([])
    assert app.stack.top.name == "handoff"
    ctl = app.stack.top.ctl
    assert ctl.roles == ("JPN", "RUS") and ctl.session.record.humans == ["JPN", "RUS"]
    # in the menu, the role choice offers both teams together
    app2 = App(Options(size=(1280, 720), menu_first=True), mini_entry)
    app2.step([])
    menu = app2.stack.top
    assert ("JPN", "RUS") in menu._roles()
    menu.ring.focus(menu.role_w)
    while menu.role != ("JPN", "RUS"):
        press(app2, pygame.K_RIGHT)
    menu.ring.focus(menu.start_b)
    press(app2, pygame.K_RETURN)
    assert app2.stack.top.name == "handoff"
