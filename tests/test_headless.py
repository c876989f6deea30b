"""Headless play from the command line: identical files for the same seed, clear errors."""

from __future__ import annotations

import csv

from game.cli import main
from tests.conftest import FIXTURES

MINI = str(FIXTURES / "mini.yaml")


def _run(tmp_path, seed, tag):
    j, c = tmp_path / f"{tag}.json", tmp_path / f"{tag}.csv"
    assert (
        main(
            [
                "play",
                MINI,
                "--headless",
                "--seed",
                str(seed),
                "--json",
                str(j),
                "--csv",
                str(c),
                "--quiet",
            ]
        )
        == 0
    )
    return j.read_bytes(), c.read_bytes()


def test_same_seed_writes_identical_json_and_csv(tmp_path):
    assert _run(tmp_path, 4, "a") == _run(tmp_path, 4, "b")


def test_different_seeds_give_different_games(tmp_path):
    assert _run(tmp_path, 4, "a")[1] != _run(tmp_path, 5, "b")[1]


def test_csv_is_tidy_long_format(tmp_path):
    _, data = _run(tmp_path, 1, "a")
    rows = list(csv.DictReader(data.decode().splitlines()))
    assert list(rows[0]) == [
        "scenario",
        "seed",
        "turn",
        "year",
        "metric",
        "state",
        "partner",
        "dimension",
        "actor",
        "resource",
        "meter",
        "value",
    ]
    metrics = {r["metric"] for r in rows}
    assert {"dependence", "autonomy", "trust", "stability"} <= metrics
    aut = [r for r in rows if r["metric"] == "autonomy"]
    assert all(r["partner"] == "" and r["dimension"] == "" and r["actor"] == "" for r in aut)
    turns = sorted({int(r["turn"]) for r in rows})
    assert turns == list(range(0, 9))  # the start plus 8 yearly turns
    # dependence rows of one state, dimension and turn sum to 100
    tot = sum(
        float(r["value"])
        for r in rows
        if r["metric"] == "dependence"
        and r["state"] == "KAZ"
        and r["dimension"] == "trade"
        and r["turn"] == "8"
    )
    assert abs(tot - 100) < 0.01


def test_bad_policy_and_missing_scenario_are_plain_errors(capsys):
    assert main(["play", MINI, "--headless", "--policy", "JPN=bogus"]) == 2
    assert main(["play", MINI, "--headless", "--policy", "XXX=greedy"]) == 2
    assert main(["play", "no_such_scenario", "--headless"]) == 1
    err = capsys.readouterr().err
    assert "unknown policy 'bogus'" in err and "Traceback" not in err


def test_a_class_code_plays_headless_with_its_scenario_and_seed(tmp_path, capsys):
    """The teacher's class code works on the command line without a window too."""
    a, b = tmp_path / "code.json", tmp_path / "plain.json"
    assert (
        main(
            [
                "play",
                "class_abe_belt_road/seed 12/JPN/introductory",
                "--headless",
                "--quiet",
                "--json",
                str(a),
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "class code: scenario class_abe_belt_road, seed 12" in err
    assert "difficulty" in err  # says plainly that the level applies only in the window
    assert (
        main(
            [
                "play",
                "class_abe_belt_road",
                "--headless",
                "--seed",
                "12",
                "--quiet",
                "--json",
                str(b),
            ]
        )
        == 0
    )
    assert a.read_bytes() == b.read_bytes()


def test_turn_lines_show_the_computer_played_powers_moves(capsys):
    assert main(["play", "class_abe_belt_road", "--headless", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "RUS: " in out and "CHN: " in out
