"""Validation rejects what the engine cannot run (E401-E406), no counter of the engine can
overflow within the limits, the memory estimate is an upper bound of what a game really
takes, and a balance expectation naming a policy that does not exist is an error (E202)."""

from __future__ import annotations

import tracemalloc

import pytest

from game.ai.policies import UnknownPolicy
from game.engine import core
from game.engine.compiler import compile_scenario
from game.play.loop import option_chooser_for, play_to_end
from game.play.rollout import build_balance_policies, check_policy_name
from game.scenario import limits
from game.scenario.limit_checks import sizes_of
from game.scenario.loader import load_scenario_text

from .bigworld import big_scenario


def _errors(**size) -> list[tuple[str, str, str]]:
    res = load_scenario_text(big_scenario(**size))
    return [(d.code, d.message, d.hint) for d in res.diagnostics if d.is_error]


def test_a_small_world_is_fine():
    assert _errors() == []


def test_six_thousand_states_are_refused():
    codes = {c for c, _, _ in _errors(states=6000)}
    assert "E401" in codes
    (msg,) = [m for c, m, _ in _errors(states=6000) if c == "E401"]
    assert msg == "This scenario has 6,000 states; the game can run at most 100."


def test_a_36000_turn_calendar_is_refused():
    ((code, msg, hint),) = _errors(start=1000, years=9000, turn="quarter")
    assert code == "E403" and "36,000 turns" in msg and "at most 400" in msg


def test_too_many_choices_and_options():
    codes = [c for c, _, _ in _errors(states=100, actions=101)]
    assert codes == ["E402"]
    ((code, msg, _),) = _errors(options=13, events=1)
    assert code == "E402" and "13 options" in msg


def test_a_study_that_would_not_fit_in_memory_says_how_many_games_would():
    ((code, msg, hint),) = _errors(states=100, powers=30, dims=16)
    assert code == "E404" and "at once" in msg
    fit = int(hint.split("games: ")[1].split("}")[0])
    assert _errors(states=100, powers=30, dims=16, games=fit) == []


def test_a_study_that_would_keep_too_many_results():
    ((code, msg, hint),) = _errors(actions=600, games=1_000_000)
    assert code == "E405" and "results" in msg
    fit = int(hint.split("games: ")[1].split("}")[0])
    assert _errors(actions=600, games=fit) == []


def test_a_game_whose_save_would_be_too_large():
    ((code, msg, hint),) = _errors(states=100, powers=30, dims=16, years=400, games=10)
    assert code == "E406" and "save file" in msg
    fit = int(hint.split("at most ")[1].split(" turns")[0])
    assert _errors(states=100, powers=30, dims=16, years=fit, games=10) == []


def test_an_expectation_naming_an_unknown_policy_is_an_error_with_the_closest_name():
    exp = "{id: x, kind: grade_rate, role: P00, policy: gredy, grade: C, between: [0.1, 0.9]}"
    ((code, msg, hint),) = _errors(expectation=exp)
    assert code == "E202" and "'gredy'" in msg and hint.startswith("Did you mean 'greedy'?")
    exp = "{id: x, kind: ordering, role: P00, better: greedy, worse: passiv}"
    ((code, msg, hint),) = _errors(expectation=exp)
    assert code == "E202" and "'passiv'" in msg and "'passive'" in hint
    exp = "{id: x, kind: ordering, role: P00, better: greedy, worse: rollout}"
    assert _errors(expectation=exp) == []


@pytest.mark.parametrize(
    "name",
    [n for n in limits.POLICY_NAMES if ":" not in n]
    + ["rollout:3:2", "rollout:99", "no:aid", "only:aid", "only:zzz", "spam:yen_loan"]
    + ["spam:csto_drill", "gredy", ""],
)
def test_the_validator_knows_the_policies_the_balance_lab_plays(mini, mini_compiled, name):
    """One vocabulary: what validation accepts for an actor is what the balance lab can play."""
    seat = mini_compiled.actor_index["JPN"]
    mine = [
        a for a in mini.actions if "JPN" in (a.actor if isinstance(a.actor, list) else [a.actor])
    ]
    verdict = limits.policy_problem(name, [a.family for a in mine], [a.id for a in mine])
    try:
        check_policy_name(name, mini_compiled, seat)
        plays = True
    except UnknownPolicy:
        plays = False
    assert (verdict is None) == plays, (name, verdict)


def test_no_counter_of_the_engine_can_overflow_within_the_limits():
    for where, most, reached in limits.COUNTER_LIMITS:
        assert reached < most, where
    assert limits.MAX_SLOTS == 6  # the schema's limit of model.actions_per_turn


def test_the_longest_game_counts_every_action_exactly():
    """400 turns, up to 6 actions a turn: the balance lab's int16 counts are exact (before the
    turn limit, 36,000 turns wrapped a count round to -29,536)."""
    from game.balance.sim import summarise

    res = load_scenario_text(big_scenario(years=limits.MAX_TURNS, slots=6, actions=6, powers=1))
    assert res.ok, [d.message for d in res.errors]
    c = compile_scenario(res.scenario)
    p = core.default_params(c, 2)
    st = core.init(c, 1, 2, params=p)
    names = {"P00": "random"}
    counts, refused = play_to_end(
        c, st, p, build_balance_policies(c, names), option_chooser_for(c, names)
    )

    class Task:
        run, chunk, offset, n, seed = 0, 0, 0, 2, 1

        class spec:
            variant = ""

    out = summarise(c, st, counts, refused, Task)
    assert (out.role_actions.sum(axis=(1, 2)) == counts.sum(axis=1)).all()
    assert int(counts.sum(axis=1).min()) > 4 * limits.MAX_TURNS


@pytest.mark.parametrize(
    "size",
    [
        {"states": 40, "dims": 8},
        {"states": 20, "powers": 10, "delay": 6, "duration": 6, "slots": 4},
        {"events": 300, "options": 3},
    ],
)
def test_the_memory_estimate_is_an_upper_bound_of_a_game(size):
    """What 20 more games take, measured, is less than 20 times the estimate."""
    text = big_scenario(**size)
    res = load_scenario_text(text)
    assert res.ok
    c = compile_scenario(res.scenario)
    peaks = []
    for n in (1, 21):
        tracemalloc.start()
        p = core.default_params(c, n)
        st = core.init(c, 1, n, params=p)
        names = {a: "greedy" for a in c.actor_ids}
        play_to_end(c, st, p, build_balance_policies(c, names), option_chooser_for(c, names))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    per_game = (peaks[1] - peaks[0]) / 20
    z = _sizes(text)
    assert per_game <= limits.game_bytes(z), (per_game, limits.game_bytes(z))


def _sizes(text: str) -> limits.Sizes:
    import tempfile
    from pathlib import Path

    from game.scenario.draft import merge
    from game.scenario.includes import read_all
    from game.scenario.schema_check import check_schema

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.yaml"
        path.write_text(text, encoding="utf-8")
        files, _, _ = read_all(path)
        for f in files:
            check_schema(f)
        return sizes_of(merge(files)[0])


def test_record_size_estimate_is_an_upper_bound(tmp_path):
    from game.cli import main

    text = big_scenario(states=20, dims=6, powers=4, years=30)
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "g.json"
    assert (
        main(["play", str(tmp_path / "s.yaml"), "--headless", "--quiet", "--json", str(out)]) == 0
    )
    assert out.stat().st_size <= limits.record_bytes(_sizes(text))


def test_the_limits_table_in_the_guide_is_the_codes():
    from .helpers import ROOT

    doc = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    L = limits
    for row in (
        f"| states / powers | {L.MAX_STATES} / {L.MAX_POWERS} | E401 |",
        f"| dimensions / resources / meters | {L.MAX_DIMENSIONS} / {L.MAX_RESOURCES} / "
        f"{L.MAX_METERS} | E401 |",
        f"| flags / organisations | {L.MAX_FLAGS:,} / {L.MAX_ORGANISATIONS} | E401 |",
        f"| actions / events / drift terms / objectives | {L.MAX_ACTIONS:,} / {L.MAX_EVENTS:,} / "
        f"{L.MAX_DRIFT} / {L.MAX_OBJECTIVES} | E401 |",
        f"| {L.MAX_CHOICES:,} | E402 |",
        f"| options of one event | {L.MAX_OPTIONS} | E402 |",
        f"| turns (the calendar) | {L.MAX_TURNS} | E403 |",
        f"(up to {L.STUDY_CHUNK} of `balance: games`) | {L.MAX_CHUNK_BYTES >> 30} GB | E404 |",
        f"| {L.MAX_RESULT_BYTES >> 30} GB | E405 |",
        f"| {L.MAX_RECORD_BYTES >> 20} MB | E406 |",
    ):
        assert row in doc, row
