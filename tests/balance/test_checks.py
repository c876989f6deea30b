"""The balance lab's own checks: order fairness, event ablation and the rollout policy."""

from __future__ import annotations

import numpy as np
import pytest
from balance_helpers import FIXTURES, load_text

from game.balance.check import shipped_manifests
from game.balance.sim import RunSpec, Task, compiled_for, play_chunk, reversed_powers
from game.balance.study import make_tasks, profile, reduce_chunks
from game.engine.compiler import compile_scenario
from game.play.rollout import Rollout, make_balance_policy


def _defaults(c):
    from game.ai.policies import default_policy_name

    return {c.actor_ids[s]: default_policy_name(c, s) for s in c.seats_with_choices}


def _play(sc, spec, n=40, seed=3, chunk=None):
    tasks = make_tasks([spec], n, seed, chunk or n)
    return reduce_chunks([spec], [play_chunk(sc, t) for t in tasks])[spec.key]


SCENARIOS = ["mini"] + [p.stem for p in shipped_manifests() if "campaign" not in p.stem]


def _load(name, mini):
    if name == "mini":
        return mini
    from game.scenario.loader import installed_dir, load_scenario

    return load_scenario(installed_dir() / f"{name}.yaml").scenario


@pytest.mark.parametrize("name", SCENARIOS)
def test_seat_order_of_choice_and_payment_changes_nothing(name, mini_balanced):
    """Every seat's actions are checked against its own budget and resolved together, so the
    seats choosing in the reverse order must give bit-identical final states."""
    sc = _load(name, mini_balanced)
    c = compiled_for(sc)
    pols = {a: "random" for a in sc.playable_roles if c.actor_index[a] in c.seats_with_choices}
    spec = profile(c, _defaults(c), **pols)
    a = _play(sc, spec, n=24)
    b = _play(sc, RunSpec(spec.policies, variant="reversed_seats"), n=24)
    assert a.digests == b.digests
    np.testing.assert_array_equal(a.scores, b.scores)


@pytest.mark.parametrize("name", SCENARIOS)
def test_declaring_the_powers_in_reverse_order_changes_no_score(name, mini_balanced):
    """Reversing the powers moves every power to another seat index: it chooses at another
    point of the turn and its pushes are summed in another order. Scores must not change."""
    sc = _load(name, mini_balanced)
    c = compiled_for(sc)
    assert [a.id for a in reversed_powers(sc).actors] != [a.id for a in sc.actors]
    pols = {a: "random" for a in sc.playable_roles if c.actor_index[a] in c.seats_with_choices}
    spec = profile(c, _defaults(c), **pols)
    a = _play(sc, spec, n=24)
    b = _play(sc, RunSpec(spec.policies, variant="reversed_powers"), n=24)
    np.testing.assert_allclose(a.scores, b.scores, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(a.grades, b.grades)


CHAIN = """
events:
  - id: treaty
    title: A treaty
    text: Signed.
    historicity: historical
    date: "2011"
    effects: [{change_trust: {state: KAZ, power: JPN, by: 10}}]
  - id: follow_up
    title: Follow-up
    text: Because of the treaty.
    historicity: plausible
    window: {from: "2012", until: "2016"}
    condition: {event_fired: {id: treaty}}
    effects: [{change_trust: {state: KAZ, power: JPN, by: 5}}]
"""


def test_an_ablated_event_never_fires_and_never_counts_as_fired():
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("events:\n", CHAIN.strip() + "\n", 1)
    sc = load_text(text)
    c = compile_scenario(sc)
    base = profile(c, _defaults(c))
    e = c.event_index["treaty"]
    f = c.event_index["follow_up"]
    with_ = _play(sc, base)
    without = _play(sc, RunSpec(base.policies, ablate=(e,)))
    assert with_.event_games[e] == 40 and with_.event_games[f] == 40
    assert without.event_games[e] == 0
    assert without.event_games[f] == 0  # its condition "treaty fired" stays false
    j = sc.objectives and list(sc.objectives).index("JPN")
    assert (with_.scores[:, j] >= without.scores[:, j] - 1e-12).all()


def test_rollout_plays_only_legal_actions_and_is_deterministic(mini_balanced):
    sc = mini_balanced
    c = compiled_for(sc)
    spec = profile(c, _defaults(c), JPN="rollout", RUS="rollout:2:1")
    t = Task(0, 0, spec, 5, 0, 30)
    a, b = play_chunk(sc, t), play_chunk(sc, t)
    assert a.refused == 0
    assert a.digest == b.digest
    assert isinstance(make_balance_policy("rollout:4:3", c, c.actor_index["JPN"]), Rollout)


def test_rollout_is_at_least_as_strong_as_greedy(mini_balanced):
    """The approximate best response must not be weaker than the one-step greedy policy
    (paired games; a small tolerance for the rollouts' own noise)."""
    sc = mini_balanced
    c = compiled_for(sc)
    j = list(sc.objectives).index("JPN")
    g = _play(sc, profile(c, _defaults(c), JPN="greedy"), n=60)
    r = _play(sc, profile(c, _defaults(c), JPN="rollout"), n=60)
    diff = r.scores[:, j] - g.scores[:, j]
    assert diff.mean() > -0.002
