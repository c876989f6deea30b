"""Random streams: every draw's numbers are fixed by the seed, the game, the turn and what the
draw is for (``rng.Draw``). The golden numbers below were printed by the engine before the
streams got names; a change here changes every game of every seed."""

from __future__ import annotations

import numpy as np
import yaml

from game.engine import core, rng
from game.engine.compiler import compile_scenario
from game.engine.rng import ChanceOwner, Draw
from tests.conftest import FIXTURES, load

GAMES = np.array([0, 5, 123456])


def _streams():
    return rng.game_streams(2024, 2, GAMES)  # the world's stream and two actors'


def test_stream_keys_depend_on_seed_and_game_only():
    world, policy = _streams()
    assert [hex(int(x)) for x in world] == [
        "0x36cf483122ecda1a",
        "0xeeda8e1c2151872",
        "0x58629cebc99f6f3f",
    ]
    assert [hex(int(x)) for x in policy[:, 1]] == [
        "0xe44bac9d9ba4fb08",
        "0xa4667bca7c4b713f",
        "0x5f40479a85e6eeb1",
    ]
    alone_world, alone_policy = rng.game_streams(2024, 2, GAMES[1:2])
    assert alone_world[0] == world[1] and (alone_policy[0] == policy[1]).all()


def test_every_purpose_draws_its_own_numbers():
    world, policy = _streams()
    t = 4
    assert rng.uniform(world, t, Draw.EVENT_FIRES, 2)[2].tolist() == [
        0.29221802715138223,
        0.03874769114883292,
    ]
    assert rng.normal(world, t, Draw.STABILITY_SHOCK, 2)[0].tolist() == [
        0.525354181100726,
        -1.27727285682389,
    ]
    chance = Draw.CHANCE_CONDITION + ChanceOwner.EVENT + 2  # event 2's condition
    assert rng.uniform(world, t, chance, 1)[:, 0].tolist() == [
        0.2488475229492355,
        0.3851619817061581,
        0.7511616175590992,
    ]
    option = Draw.EVENT_OPTION + 3  # event 3's option, on the chooser's stream
    assert rng.uniform(policy[:, 1], t, option, 1)[1, 0] == 0.20646228549082868
    slot_1 = rng.BatchRandom(policy[:, 0], t, 1)  # a policy's first draw in slot 1
    assert slot_1.uniform(2)[0].tolist() == [0.05096569221610736, 0.8236940287994999]
    assert [hex(int(x)) for x in rng.rollout_keys(world, np.array([0, 1, 2]))] == [
        "0x4bcc3709f3ebadb4",
        "0x8a730cf4b0f93112",
        "0x5b3d5f872b37ffff",
    ]


def test_a_chance_condition_draws_from_the_world_with_its_owners_tag(tmp_path):
    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    training = next(a for a in data["actions"] if a["id"] == "training")
    training["available_if"] = {"all": [{"flag": "corridor_open"}, {"not": {"chance": 0.5}}]}
    path = tmp_path / "chancy.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    c = compile_scenario(load(path))
    st = core.init(c, 3, 64)
    st.flags[:] = True
    st.turn[:] = 2
    cid = next(ch.index for ch in c.choices if c.scenario.actions[ch.action].id == "training")
    # the 'not' is the second part of the 'all' of choice cid's condition
    tag = rng.chance_tag_of_negation(rng.chance_tag_of_part(ChanceOwner.ACTION + cid, 1))
    u = rng.uniform(st.world_keys, 2, Draw.CHANCE_CONDITION + tag, 1)[:, 0]
    available = core.availability(c, st, np.array([cid]))[:, 0]
    np.testing.assert_array_equal(available, ~(u < 0.5))
    assert available.any() and not available.all()
