"""Resilience and switching: a state moves part of any over-large dependence to other partners
in proportion to the square of its resilience, refuses part of new pushes toward such a partner,
and the whole thing stays deterministic and batch-independent (docs/engine.md, "Resilience")."""

from __future__ import annotations

import numpy as np
import pytest

from game.engine import core
from game.engine.compiler import compile_scenario
from game.play import run_batch
from game.scenario.loader import load_scenario


@pytest.fixture(scope="module")
def abe():
    return compile_scenario(load_scenario("class_abe_belt_road").scenario)


def _row(c, st, state, dim):
    return st.dep[0, c.state_index[state], c.dim_index[dim]]


def test_a_resilient_state_moves_the_excess_of_its_main_partner(abe):
    c = abe
    p = core.default_params(c, 1)
    st = core.init(c, 1, 1, params=p)
    kaz, sec, rus = c.state_index["KAZ"], c.dim_index["security"], c.partner_index["RUS"]
    st.resilience[0, kaz] = 100.0
    before = _row(c, st, "KAZ", "security").copy()
    after = core.switching_step(c, p, st.dep, st.trust, st.resilience)[0, kaz, sec]
    line = p.switch_above[0] / 100
    moved = p.switching[0] * 1.0 * c.dim_mobility[sec] * (before[rus] - line)
    assert after[rus] == pytest.approx(before[rus] - moved)
    assert after.sum() == pytest.approx(1.0)
    assert after[-1] > before[-1], "the rest of the world takes part of the freed share"
    # a partner the state trusts more than neutral, below the line, gets a share too
    jpn = c.partner_index["JPN"]
    assert st.trust[0, kaz, c.power_index["JPN"]] > 50 and after[jpn] > before[jpn]


def test_switching_grows_with_the_square_of_resilience_and_needs_some(abe):
    c = abe
    p = core.default_params(c, 3)
    st = core.init(c, 1, 3, params=p)
    kaz, sec, rus = c.state_index["KAZ"], c.dim_index["security"], c.partner_index["RUS"]
    st.resilience[:, kaz] = [0.0, 30.0, 60.0]
    out = core.switching_step(c, p, st.dep, st.trust, st.resilience)
    drop = st.dep[:, kaz, sec, rus] - out[:, kaz, sec, rus]
    assert drop[0] == 0.0
    assert drop[2] == pytest.approx(4 * drop[1])


def test_no_switching_when_the_scenario_leaves_it_off(abe):
    c = abe
    p = core.default_params(c, 1, switching=0.0)
    st = core.init(c, 1, 1, params=p)
    st.resilience[:] = 100.0
    dep, _ = core.switch_ahead(c, p, st, 5)
    np.testing.assert_array_equal(dep, st.dep)


def test_a_resilient_state_refuses_part_of_a_push_toward_a_partner_above_the_line(abe):
    c = abe
    p = core.default_params(c, 2)
    st = core.init(c, 1, 2, params=p)
    kaz, sec = c.state_index["KAZ"], c.dim_index["security"]
    rus = c.power_index["RUS"]
    st.resilience[:, kaz] = [0.0, 100.0]
    acc = core.push_acceptance(c, st, p)[:, kaz, sec, rus]
    assert acc[1] == pytest.approx(acc[0] * (1 - p.refusal[0]))


def test_resilience_effects_apply_clip_and_fade_toward_the_start(abe):
    c = abe
    p = core.default_params(c, 1)
    st = core.init(c, 1, 1, params=p)
    pick = next(
        cid
        for cid in range(c.n_choices)
        if c.scenario.actions[c.choice_action[cid]].id == "jpn_grant_aid"
        and c.actor_ids[c.choice_target[cid]] == "KGZ"
    )
    kgz = c.state_index["KGZ"]
    start = st.resilience[0, kgz]
    core.apply_programs(c, st, p, np.array([[pick]]))
    assert st.resilience[0, kgz] > start
    st.resilience[0, kgz] = 100.0
    core.apply_programs(c, st, p, np.array([[pick]]))
    assert st.resilience[0, kgz] == 100.0
    _, res = core.switch_ahead(c, p, st, 1)
    assert start < res[0, kgz] < 100.0


def test_with_switching_a_batch_plays_each_game_as_it_would_alone(abe):
    c = abe
    batch = run_batch(c, 5, 4, {"JPN": "random", "CHN": "greedy"}).state
    for i in (0, 3):
        alone = run_batch(c, 5, 1, {"JPN": "random", "CHN": "greedy"}, game_offset=i).state
        assert batch.hash(i) == alone.hash(0)


def test_greedy_values_nothing_that_lands_after_the_last_turn(abe):
    """The last turn: an action with a delay cannot land, so greedy never pays for it."""
    from game.ai.policies import Greedy, Observation

    c = abe
    p = core.default_params(c, 1)
    st = core.init(c, 1, 1, params=p)
    st.turn[:] = c.n_turns - 1
    seat = c.actor_index["JPN"]
    pol = Greedy(c, seat)
    mask = core.legal_mask(c, st, seat)
    gain = pol.gains(Observation(c, st, p, seat, 0), mask)
    late = [j for j in range(1, mask.shape[1]) if mask[0, j] and pol.delay[j - 1] > 0]
    assert late and all(gain[0, j] == 0.0 for j in late)


def _gain_by_hand(c, p, st, pol, col):
    """Greedy's lookahead written out for one candidate, with no shortcut: its landings, then
    every state's switching over the horizon, the score read against passing."""
    from game.ai.policies import GREEDY_DISCOUNT

    t = int(st.turn[0])
    H = min(pol.horizon, max(1, c.n_turns - t))
    base = st.shallow()
    base.dep, base.resilience = core.switch_ahead(c, p, st, H)
    v0 = core.role_score(c, base, pol.seat)
    trial = st.shallow()
    acc = core.push_acceptance(c, st, p)
    d, dur = int(pol.delay[col]), int(pol.duration[col])
    for _ in range(max(1, min(dur, H - d))):
        core.apply_programs(c, trial, p, np.full((st.n, 1), int(pol.ids[col])), acceptance=acc)
    trial.dep, trial.resilience = core.switch_ahead(c, p, trial, H)
    return (core.role_score(c, trial, pol.seat) - v0) * GREEDY_DISCOUNT**d


@pytest.mark.parametrize(
    ("scenario", "role"), [("class_south_caucasus", "TUR"), ("class_abe_belt_road", "JPN")]
)
def test_greedy_lookahead_counts_the_effects_of_a_choice_that_touches_several_states(
    scenario, role
):
    """Turkiye's alliance with Azerbaijan also costs trust in Armenia: two states. Greedy's
    estimate of every choice, one state or several, is what the written-out lookahead gives
    (it once lost the shares of choices that touch several states, and ignored the alliance)."""
    from game.ai.policies import Greedy, Observation

    c = compile_scenario(load_scenario(scenario).scenario)
    p = core.default_params(c, 2)
    st = core.init(c, 3, 2, params=p)
    seat = c.actor_index[role]
    pol = Greedy(c, seat)
    mask = core.legal_mask(c, st, seat)
    gain = pol.gains(Observation(c, st, p, seat, 0), mask)
    several = 0
    for j in np.nonzero(mask[0, 1:])[0]:
        several += c.program_states(int(pol.ids[j])).size > 1
        np.testing.assert_allclose(gain[:, 1 + j], _gain_by_hand(c, p, st, pol, j), atol=1e-9)
    assert several
    if role == "TUR":
        alliance = [
            j
            for j in range(len(pol.ids))
            if pol.ids[j] >= 0 and c.choices[pol.ids[j]].label.startswith("Deepen the alliance")
        ]
        assert alliance and (gain[:, 1 + alliance[0]] > 0.01).all()
