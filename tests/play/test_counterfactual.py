"""The counterfactual ("your effect"): the same game with the people's roles doing nothing.

It must be exactly the game ``play --headless --policy ROLE=passive`` plays (same seed, same
rival policies), turn by turn; it must never change the real game; it must be the same
whenever it is computed (from the start, on resume, a turn ahead); and its record field must
be additive (old records read, records without it unchanged)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from game.cli import main
from game.engine.record import loads_record, read_record
from game.play.history import default_headless_policies
from game.play.session import Session
from game.scenario.loader import load_scenario

CLASS = ("class_abe_belt_road", "class_war_corridor")


def _headless(tmp_path, scenario: str, seed: int, *policy: str) -> dict:
    out = tmp_path / f"{scenario}-{seed}.json"
    args = ["play", scenario, "--headless", "--seed", str(seed), "--quiet", "--json", str(out)]
    for p in policy:
        args += ["--policy", p]
    assert main(args) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _play(s: Session, role: str, pick: int = 0) -> None:
    """Plan the ``pick``-th legal action of ``role`` every turn (a deterministic player)."""
    while not s.over:
        legal = [x for x in s.choices(role) if x.legal]
        if legal:
            s.plan(legal[pick % len(legal)].id)
        s.play_turn()


@pytest.mark.parametrize("scenario", CLASS)
def test_the_counterfactual_is_the_headless_game_with_the_role_on_passive(tmp_path, scenario):
    sc = load_scenario(scenario).scenario
    role = sc.playable_roles[0]
    pols = default_headless_policies(sc)  # what the headless game gives every other actor
    s = Session.start(sc, humans=(role,), seed=3, policies=pols)
    cf = s.enable_counterfactual()
    assert cf is not None and cf.passive == (role,)
    _play(s, role, pick=1)
    rec = _headless(tmp_path, scenario, 3, f"{role}=passive")
    # turn by turn: every state's autonomy and every objective of every role
    values = [rec["start_values"]] + [t["values"] for t in rec["turns"]]
    assert len(values) == len(cf.autonomy_log) == s.c.n_turns + 1
    for t, v in enumerate(values):
        np.testing.assert_array_equal(np.round(cf.autonomy_log[t], 6), v["autonomy"])
    again = Session.start(sc, humans=(), seed=3, policies={**pols, role: "passive"})
    while not again.over:
        again.play_turn()
    np.testing.assert_array_equal(np.array(cf.objective_log), np.array(again.objective_log))
    assert cf.st.hash(0) == rec["final_hash"]
    # the goals read the counterfactual's values of the same turn
    assert all(g.without is not None and g.without_grade in "ABCDF" for g in s.goals(role))
    assert s.grades_without() == again.grades()  # the overall grades too


def test_the_counterfactual_never_changes_the_real_game():
    sc = load_scenario("class_abe_belt_road").scenario
    plain = Session.start(sc, humans=("JPN",), seed=9, difficulty="introductory")
    twin = Session.start(sc, humans=("JPN",), seed=9, difficulty="introductory")
    twin.enable_counterfactual()
    for s in (plain, twin):
        turns = 0
        while not s.over:
            legal = [x for x in s.choices("JPN") if x.legal]
            if legal:
                s.plan(legal[0].id)
            if turns % 2:
                s.prepare_counterfactual()  # a turn ahead, as the window does while planning
            s.play_turn()
            turns += 1
    assert plain.st.hash(0) == twin.st.hash(0)
    assert [t.values for t in plain.record.turns] == [t.values for t in twin.record.turns]
    # the budget of the difficulty holds in the counterfactual too (Japan keeps 1.5x)
    cf = twin.counterfactual
    assert cf is not None
    jpn = twin.c.actor_index["JPN"]
    assert cf.p is twin.p and twin.p.income[0, jpn].max() > 0


def test_the_counterfactual_is_the_same_on_resume_and_a_turn_ahead(tmp_path):
    sc = load_scenario("class_abe_belt_road").scenario
    s = Session.start(sc, humans=("JPN", "CHN"), seed=4, autosave=tmp_path / "auto.json")
    s.enable_counterfactual()
    assert s.counterfactual is not None and s.counterfactual.passive == ("JPN", "CHN")
    for _ in range(3):
        for role in s.humans:
            legal = [x for x in s.choices(role) if x.legal]
            s.plan(legal[-1].id)
        s.prepare_counterfactual()
        s.prepare_counterfactual()  # never more than one turn ahead
        assert s.counterfactual.turn == len(s.reports) + 1
        s.play_turn()
    back = Session.resume(sc, tmp_path / "auto.json")
    assert back.counterfactual is None  # only the window (and headless) ask for one
    back.enable_counterfactual()
    assert back.counterfactual is not None
    np.testing.assert_array_equal(
        np.array(back.counterfactual.objective_log),
        np.array(s.counterfactual.objective_log[:4]),
    )
    assert back.goals("JPN") == s.goals("JPN")
    # the save keeps the counterfactual up to the turns played, in its own versioned field
    rec = read_record(tmp_path / "auto.json")
    assert rec.counterfactual["version"] == 1
    assert rec.counterfactual["passive"] == ["JPN", "CHN"]
    assert [t["turn"] for t in rec.counterfactual["turns"]] == [0, 1, 2, 3]
    obj = rec.counterfactual["turns"][3]["objectives"]["JPN"]
    assert set(obj) == {g.id for g in s.goals("JPN")}
    assert obj["regional_autonomy"] == round(float(s.counterfactual.objective_log[3][0]), 6)


def test_records_without_a_counterfactual_are_unchanged(tmp_path):
    """The field is additive: left out when empty (so such files are as before), and an old
    record without it reads with an empty one."""
    rec = _headless(tmp_path, "class_abe_belt_road", 2, "all=passive")
    assert "counterfactual" not in rec  # every role passes already: nothing to compare
    text = (tmp_path / "class_abe_belt_road-2.json").read_text(encoding="utf-8")
    assert loads_record(text).counterfactual == {}
    full = _headless(tmp_path, "class_war_corridor", 2)
    assert full["counterfactual"]["passive"] == ["JPN", "RUS", "KAZ"]
    assert main(["play", "class_war_corridor", "--headless", "--quiet",
                 "--counterfactual", "nope"]) == 2  # fmt: skip


def test_the_preview_puts_the_goals_and_autonomy_first():
    sc = load_scenario("class_abe_belt_road").scenario
    s = Session.start(sc, humans=("JPN",), seed=1)
    ids = {g.id for g in s.goals("JPN")}
    moved = 0
    for ch in s.choices("JPN"):
        p = s.preview(ch.id)
        assert {g for g, _ in p.goals} <= ids
        moved += bool(p.goals)
        kinds = [k.endswith(": autonomy") for k, _ in p.changes]
        assert kinds == sorted(kinds, reverse=True)  # every autonomy line before the rest
    assert moved > 0


def test_headless_compares_the_role_being_studied_alone(tmp_path):
    """``--policy JPN=greedy`` is compared with Japan alone doing nothing (what a class playing
    Japan sees), not with every playable role doing nothing."""
    rec = _headless(tmp_path, "class_abe_belt_road", 3, "JPN=greedy")
    assert rec["counterfactual"]["passive"] == ["JPN"]
