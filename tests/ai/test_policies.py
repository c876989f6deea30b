"""The computer players: every policy plays only what its mask allows and what its budget
affords, the named variants do what their names say, and a policy's game depends only on the
seed and the game's number."""

from __future__ import annotations

import numpy as np
import pytest

from game.ai.policies import (
    POLICY_NAMES,
    Observation,
    UnknownPolicy,
    make_policy,
    sample_weighted,
)
from game.engine import core
from game.engine.compiler import compile_scenario
from game.engine.rng import BatchRandom
from game.play import choose_actions, run_batch
from tests.conftest import ROOT, load


@pytest.fixture(scope="module")
def corridor():
    return compile_scenario(load(ROOT / "scenarios" / "class_war_corridor.yaml"))


def _names(c, seat: int) -> list[str]:
    """Every policy name, with FAMILY and ACTION filled in for ``seat``."""
    ids = c.seat_choices[seat]
    families = sorted({c.choice_family[i] for i in ids})
    actions = sorted({c.scenario.actions[c.choice_action[i]].id for i in ids})
    fill = {"no:FAMILY": f"no:{families[0]}", "only:FAMILY": f"only:{families[-1]}"}
    fill["spam:ACTION"] = f"spam:{actions[0]}"
    return [fill.get(n, n) for n in POLICY_NAMES]


def _midgame(c, n: int = 24, turns: int = 3, seed: int = 8):
    """A batch a few turns in, played by random policies (varied budgets and cooldowns)."""
    p = core.default_params(c, n)
    st = core.init(c, seed, n, params=p)
    pols = {s: make_policy("random", c, s) for s in c.seats_with_choices}
    for _ in range(turns):
        core.step(c, st, p, choose_actions(c, st, p, pols))
    return st, p


def _seats(c):
    return [s for s in c.seats_with_choices if c.actor_ids[s] in ("JPN", "RUS", "CHN", "KAZ")]


@pytest.mark.parametrize("scenario", ["mini", "corridor"])
def test_every_policy_returns_only_columns_its_mask_allows(scenario, mini_compiled, request):
    c = mini_compiled if scenario == "mini" else request.getfixturevalue("corridor")
    st, p = _midgame(c)
    n = st.n
    draw = np.random.default_rng(1)
    for seat in _seats(c):
        legal = core.legal_mask(c, st, seat)
        for name in _names(c, seat):
            policy = make_policy(name, c, seat)
            for slot in range(c.M_slots):
                # the legal mask, and a random part of it (a running budget, a person's plan)
                for mask in (legal, legal & (draw.random(legal.shape) < 0.5)):
                    mask[:, 0] = True
                    out = policy.act(
                        Observation(c, st, p, seat, slot),
                        mask.copy(),
                        BatchRandom(st.policy_keys[:, seat], int(st.turn[0]), slot),
                    )
                    assert out.shape == (n,), name
                    assert mask[np.arange(n), out].all(), f"{c.actor_ids[seat]} {name}"


@pytest.mark.parametrize("scenario", ["mini", "corridor"])
def test_every_policy_stays_within_its_budget_in_both_slots(scenario, mini_compiled, request):
    """The engine refuses any choice its actor cannot afford after its earlier slot: no
    policy ever has a choice refused."""
    c = mini_compiled if scenario == "mini" else request.getfixturevalue("corridor")
    for seat in _seats(c):
        actor = c.actor_ids[seat]
        for name in _names(c, seat):
            result = run_batch(c, 4, 6, {actor: name})
            assert result.refused == 0, f"{actor} {name}"
            assert (result.state.res >= c.res_min - 1e-9).all()


def _taken(c, result, seat):
    """Global choice ids of ``seat`` taken at least once in the batch."""
    ids = np.asarray(c.seat_choices[seat])
    return set(ids[result.action_counts[:, ids].sum(axis=0) > 0].tolist())


def test_no_family_never_plays_the_family_and_only_family_plays_nothing_else(corridor):
    c = corridor
    seat = c.actor_index["JPN"]
    families = sorted({c.choice_family[i] for i in c.seat_choices[seat]})
    for family in families[:3]:
        without = _taken(c, run_batch(c, 2, 8, {"JPN": f"no:{family}"}), seat)
        assert without and all(c.choice_family[i] != family for i in without), family
        only = _taken(c, run_batch(c, 2, 8, {"JPN": f"only:{family}"}), seat)
        assert all(c.choice_family[i] == family for i in only), family


def test_spam_plays_its_action_whenever_it_is_legal(corridor):
    c = corridor
    st, p = _midgame(c)
    seat = c.actor_index["JPN"]
    for action in sorted({c.scenario.actions[c.choice_action[i]].id for i in c.seat_choices[seat]})[
        :4
    ]:
        cols = [
            j + 1
            for j, cid in enumerate(c.seat_choices[seat])
            if c.scenario.actions[c.choice_action[cid]].id == action
        ]
        mask = core.legal_mask(c, st, seat)
        out = make_policy(f"spam:{action}", c, seat).act(
            Observation(c, st, p, seat, 0), mask, BatchRandom(st.policy_keys[:, seat], 3, 0)
        )
        can = mask[:, cols].any(axis=1)
        assert np.isin(out[can], cols).all(), action


def test_passive_never_acts_and_random_passes_only_when_nothing_is_legal(mini_compiled):
    c = mini_compiled
    seat = c.actor_index["JPN"]
    assert not _taken(c, run_batch(c, 2, 8, {"JPN": "passive"}), seat)
    st, p = _midgame(c)
    mask = core.legal_mask(c, st, seat)
    out = make_policy("random", c, seat).act(
        Observation(c, st, p, seat, 0), mask, BatchRandom(st.policy_keys[:, seat], 3, 0)
    )
    assert ((out > 0) == mask[:, 1:].any(axis=1)).all()


def test_historical_replays_the_scenarios_history(mini_compiled):
    c = mini_compiled
    seat = c.actor_index["JPN"]
    taken = {
        (c.scenario.actions[c.choice_action[i]].id, c.actor_ids[c.choice_target[i]])
        for i in _taken(c, run_batch(c, 2, 4, {"JPN": "historical"}), seat)
    }
    assert taken == {("yen_loan", "KAZ"), ("training", "KGZ")}  # the 2010 and 2011 entries


def test_greedy_without_objectives_falls_back_to_the_actors_own_aim(corridor):
    c = corridor
    assert make_policy("greedy", c, c.actor_index["CHN"]).name == "strategic"
    assert make_policy("greedy", c, c.actor_index["UZB"]).name == "multivector"
    assert make_policy("greedy", c, c.actor_index["JPN"]).name == "greedy"


@pytest.mark.parametrize("name", ["no:nothing", "only:nothing", "spam:nothing", "clever"])
def test_unknown_names_say_what_exists(mini_compiled, name):
    with pytest.raises(UnknownPolicy) as e:
        make_policy(name, mini_compiled, mini_compiled.actor_index["JPN"])
    assert "nothing" in str(e.value) or "choose from" in str(e.value)


@pytest.mark.parametrize("name", ["random", "strategic", "multivector", "greedy", "spam:ACTION"])
def test_a_policys_game_depends_only_on_the_seed_and_the_games_number(corridor, name):
    c = corridor
    names = {}
    for actor in ("JPN", "RUS", "KAZ"):
        names[actor] = dict(zip(POLICY_NAMES, _names(c, c.actor_index[actor])))[name]
    batch = run_batch(c, 3, 6, names).state
    again = run_batch(c, 3, 6, names).state
    assert [batch.hash(i) for i in range(6)] == [again.hash(i) for i in range(6)]
    for i in (0, 4):  # alone, or in another batch, game i is the same game
        assert batch.hash(i) == run_batch(c, 3, 1, names, game_offset=i).state.hash(0)
    halves = [run_batch(c, 3, 3, names, game_offset=o).state for o in (0, 3)]
    assert [batch.hash(i) for i in range(6)] == [h.hash(j) for h in halves for j in range(3)]
    if name == "random":
        assert run_batch(c, 4, 1, names).state.hash(0) != batch.hash(0)


def test_weighted_sampling_follows_the_weights_among_legal_columns():
    n = 20_000
    mask = np.ones((n, 4), dtype=bool)
    mask[:, 2] = False
    rng = BatchRandom(np.arange(n, dtype=np.uint64), 0, 0)
    pick = sample_weighted(np.array([1.0, 1.0, 5.0, 2.0]), mask, rng)
    share = np.bincount(pick, minlength=4) / n
    np.testing.assert_allclose(share, [0.25, 0.25, 0.0, 0.5], atol=0.02)
    nothing = np.zeros((3, 4), dtype=bool)
    nothing[:, 0] = True
    few = BatchRandom(np.arange(3, dtype=np.uint64), 0, 0)
    assert (sample_weighted(np.array([0.0, 1.0, 1.0, 1.0]), nothing, few) == 0).all()
