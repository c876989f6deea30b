"""The play loop: ``choose_actions`` asks every computer-played seat slot by slot against a
running budget, keeps what is fixed (a person's plan, a lookahead's move), and the rollout
policy built on it plays legal, reproducible games."""

from __future__ import annotations

import numpy as np

from game.engine import core
from game.play import build_policies, choose_actions, play_to_end
from game.play.loop import option_chooser_for
from game.play.rollout import build_balance_policies


def _start(c, n=6, seed=5):
    p = core.default_params(c, n)
    return core.init(c, seed, n, params=p), p


def test_a_persons_plan_is_kept_and_the_rest_is_chosen(mini_compiled):
    c = mini_compiled
    st, p = _start(c)
    jpn = c.actor_index["JPN"]
    fixed = np.zeros((st.n, c.layout.A, c.M_slots), dtype=np.int64)
    fixed[:, jpn, 0] = 1
    policies = build_policies(c, {"RUS": "random", "CHN": "random"}, humans=("JPN",))
    acts = choose_actions(c, st, p, policies, fixed=fixed)
    assert (acts[:, jpn, 0] == 1).all() and (acts[:, jpn, 1] == 0).all()
    assert acts[:, c.actor_index["RUS"]].any()


def test_fixed_slots_keep_a_seats_first_slots_and_let_its_policy_choose_the_rest(mini_compiled):
    c = mini_compiled
    st, p = _start(c)
    jpn = c.actor_index["JPN"]
    policies = build_policies(c, {"JPN": "random"})
    free = choose_actions(c, st, p, policies)
    fixed = np.zeros_like(free)
    fixed[:, jpn, 0] = 2  # the second of Japan's choices in every game
    kept = choose_actions(c, st, p, policies, fixed=fixed, fixed_slots={jpn: 1})
    assert (kept[:, jpn, 0] == 2).all()
    # the second slot is the policy's, chosen with what the first left: never the same action
    second = kept[:, jpn, 1]
    cid = c.seat_table[jpn, second - 1]
    assert ((second == 0) | (c.choice_action[cid] != c.choice_action[c.seat_table[jpn, 1]])).all()
    # other seats choose exactly as without the fixed slot (their own budgets and streams)
    others = [s for s in c.seats_with_choices if s != jpn]
    np.testing.assert_array_equal(kept[:, others], free[:, others])


def _rollout_games(c, n, offset=0, seed=2):
    p = core.default_params(c, n)
    st = core.init(c, seed, n, game_offset=offset, params=p)
    names = {"JPN": "rollout:2:2"}
    _, refused = play_to_end(
        c, st, p, build_balance_policies(c, names), option_chooser_for(c, names)
    )
    return st, refused


def test_rollout_plays_legal_games_that_depend_only_on_the_seed_and_game(mini_compiled):
    c = mini_compiled
    batch, refused = _rollout_games(c, 4)
    assert refused == 0
    again, _ = _rollout_games(c, 4)
    assert [batch.hash(i) for i in range(4)] == [again.hash(i) for i in range(4)]
    alone, _ = _rollout_games(c, 1, offset=2)
    assert alone.hash(0) == batch.hash(2)
