"""``--autoplay``: a policy plays through the real key path, with screenshots."""

from __future__ import annotations

import argparse

import pygame
from uihelp import (
    FIXTURE,
)


def _args(**kw):
    base = dict(
        command="play",
        scenario=None,
        role=[],
        seed=1,
        autoplay=None,
        screenshot_dir=None,
        size=None,
        fullscreen=False,
        lang=None,
        difficulty=None,
        projector=False,
    )
    base.update(kw)
    return argparse.Namespace(**base)


def test_bad_scenario_prints_messages_and_opens_no_window(tmp_path, capsys):
    from game.ui.app import run_window

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema_version: 1\nmeta: {id: bad, title: Bad}\ncalendar: {start: 2010, end: 2005}\n",
        encoding="utf-8",
    )
    pygame.display.quit()
    assert run_window(_args(scenario=str(bad))) == 1
    err = capsys.readouterr().err
    assert "E10" in err and "bad.yaml" in err
    assert not pygame.display.get_init(), "a window was opened for a broken scenario"


def test_unknown_scenario(capsys):
    from game.ui.app import run_window

    assert run_window(_args(scenario="no_such_scenario_xyz")) == 1
    assert "no_such_scenario_xyz" in capsys.readouterr().err


def test_autoplay_screenshots_every_scene(tmp_path, no_fsync):
    from game.ui.app import run_window

    shots = tmp_path / "shots"
    code = run_window(
        _args(scenario=str(FIXTURE), autoplay=3, screenshot_dir=str(shots), size="1920x1080")
    )
    assert code == 0
    names = sorted(p.name for p in shots.glob("*.png"))
    kinds = {n.split("_", 1)[1].split("_")[0].split(".")[0] for n in names if n[0].isdigit()}
    assert {"menu", "map", "event", "summary", "debrief"} <= kinds, names
    assert any("preview" in n for n in names)
    assert len([n for n in names if "_debrief_" in n]) == 5
    assert list(shots.glob("debrief-*.md"))  # the export went to the screenshot folder
    img = pygame.image.load(str(shots / names[0]))
    assert img.get_size() == (1280, 720)


def test_menu_autoplay_picks_the_scenario(tmp_path, no_fsync):
    """Autoplay from the menu when the scenario is not first in the list."""
    from game.ui.app import App, Options
    from game.ui.autoplay import AutoPlayer

    app = App(Options(size=(1280, 720), autoplay=1, screenshot_dir=str(tmp_path)))
    from game.ui import catalog

    e = catalog.load(str(FIXTURE))
    app.stack.top.entries.append(e)
    app.autoplayer = AutoPlayer(1, scenario_id="mini")
    assert app.run() == 0
    assert not app.autoplayer.failed
    assert app.autoplayer.finished


def test_autoplay_drives_a_hotseat_game_in_projector_mode(mini_entry, tmp_path):
    """``play SCENARIO --role JPN --role RUS --projector --autoplay 2`` goes through every
    hand-off screen by key presses, to the debrief."""
    from game.cli import _parser
    from game.ui.app import run_window

    shots = tmp_path / "shots"
    args = _parser().parse_args(
        [
            "play",
            str(mini_entry.path),
            "--role",
            "JPN",
            "--role",
            "RUS",
            "--projector",
            "--autoplay",
            "2",
            "--screenshot-dir",
            str(shots),
        ]
    )
    assert run_window(args) == 0
    names = sorted(p.name for p in shots.glob("*.png"))
    assert any("handoff_00_JPN" in n for n in names) and any("handoff_00_RUS" in n for n in names)
    assert any("debrief_1_results" in n for n in names)


def test_autoplay_reaches_the_debrief_when_the_policy_picks_an_action_aimed_at_a_power(
    tmp_path, no_fsync
):
    """Kazakhstan's 'Invite Japanese or Western investment → Japan' targets a power, which is
    no state on the map: the autoplay lists all actions instead of cycling the states for
    ever (a teacher's --autoplay 9 hung on seed 12)."""
    from game.ui.app import run_window

    shots = tmp_path / "shots"
    code = run_window(
        _args(
            scenario="class_war_corridor",
            role=["KAZ"],
            seed=12,
            autoplay=4,
            screenshot_dir=str(shots),
        )
    )
    assert code == 0
    assert len(list(shots.glob("*_debrief_*.png"))) == 5
