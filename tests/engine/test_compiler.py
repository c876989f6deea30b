"""The compiler and the effect layout: every effect of the scenario registry compiles to slots
that ``Layout`` decodes to the right block and index, and a program changes exactly the parts
of the state its effects name."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import yaml

from game.engine import core
from game.engine.compiler import compile_scenario
from game.engine.layout import Block, Layout
from game.scenario.registry import EFFECTS
from tests.conftest import FIXTURES, load

# In the mini world: states KAZ 0, KGZ 1; dimensions trade 0, security 1, finance 2; partners
# JPN 0, RUS 1, CHN 2, rest of the world 3; actors JPN 0, RUS 1, CHN 2, KAZ 3, KGZ 4;
# resources oda 0, capital 1; meter tension 0; flag corridor_open 0; organisation csto 0.
#: verb -> (an effect using it, the (block, index, amount) of every op it compiles to)
EXAMPLES: dict[str, tuple[dict, list[tuple[Block, tuple[int, ...], float]]]] = {
    "shift_dependence": (
        {"shift_dependence": {"state": "KGZ", "partner": "CHN", "dimension": "all", "by": 5}},
        [(Block.PUSH_RAW, (1, d, 2), 0.05) for d in range(3)],
    ),
    "change_trust": (
        {"change_trust": {"state": "KAZ", "power": "CHN", "by": -4}},
        [(Block.TRUST, (0, 2), -4.0)],
    ),
    "change_stability": (
        {"change_stability": {"state": "KGZ", "by": 3}},
        [(Block.STABILITY, (1,), 3.0)],
    ),
    "change_growth": (
        {"change_growth": {"state": "KAZ", "by": 0.5}},
        [(Block.GROWTH, (0,), 0.5)],
    ),
    "change_resilience": (
        {"change_resilience": {"state": "KGZ", "by": 3}},
        [(Block.RESILIENCE, (1,), 3.0)],
    ),
    "add_resource": (
        {"add_resource": {"actor": "RUS", "resource": "capital", "amount": 2}},
        [(Block.RESOURCES, (1, 1), 2.0)],
    ),
    "change_meter": ({"change_meter": {"meter": "tension", "by": 2}}, [(Block.METERS, (0,), 2.0)]),
    "set_flag": ({"set_flag": "corridor_open"}, [(Block.FLAG_SET, (0,), 1.0)]),
    "clear_flag": ({"clear_flag": "corridor_open"}, [(Block.FLAG_CLEAR, (0,), 1.0)]),
    "join_org": ({"join_org": {"actor": "JPN", "org": "csto"}}, [(Block.ORG_JOIN, (0, 0), 1.0)]),
    "leave_org": ({"leave_org": {"actor": "KAZ", "org": "csto"}}, [(Block.ORG_LEAVE, (0, 3), 1.0)]),
}
PULL = (
    {"shift_dependence": {"state": "KAZ", "partner": "RUS", "dimension": "trade", "by": -10}},
    [(Block.PULL, (0, 0, 1), 0.10)],
)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The mini world with one dated event per example effect."""
    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    for name, (effect, _) in [*EXAMPLES.items(), ("pull", PULL)]:
        data["events"].append(
            {
                "id": f"fx_{name}",
                "title": name,
                "text": "A test of one effect.",
                "historicity": "hypothetical",
                "date": "2015",
                "effects": [effect],
            }
        )
    path = tmp_path_factory.mktemp("compiler") / "effects.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return compile_scenario(load(path))


def _ops(c, program):
    slots, amounts = c.program_ops(program)
    return [(*c.layout.decode(int(s)), float(a)) for s, a in zip(slots, amounts)]


def test_every_effect_of_the_registry_has_an_example():
    assert set(EXAMPLES) == set(EFFECTS)


@pytest.mark.parametrize("name", [*EXAMPLES, "pull"])
def test_the_layout_decodes_every_effect(world, name):
    c = world
    _, expected = PULL if name == "pull" else EXAMPLES[name]
    program = c.events[c.event_index[f"fx_{name}"]].program
    got = _ops(c, program)
    assert [(b, i) for b, i, _ in got] == [(b, i) for b, i, _ in expected]
    np.testing.assert_allclose([a for *_, a in got], [a for *_, a in expected])


def test_a_powers_push_is_scaled_by_acceptance_and_a_states_is_not(mini_compiled):
    c = mini_compiled
    loan = next(ch for ch in c.choices if ch.label.startswith("Yen loan") and ch.target == 3)
    assert _ops(c, loan.index) == [
        (Block.PUSH_SCALED, (0, 2, 0), 0.06),  # finance dependence of KAZ on JPN
        (Block.TRUST, (0, 0), 3.0),
    ]


def test_slots_and_decode_are_inverse_and_blocks_tile_the_vector(mini_compiled):
    L = mini_compiled.layout
    assert L.bounds[0] == 0 and L.bounds[-1] == L.size
    for b in Block:
        assert L.bounds[b + 1] - L.bounds[b] == int(np.prod(L.shape(b)))
    for slot in range(L.size):
        block, index = L.decode(slot)
        assert L.slot(block, *index) == slot
    with pytest.raises(IndexError):
        L.decode(L.size)
    with pytest.raises(IndexError):
        L.slot(Block.TRUST, L.S, 0)


def test_an_empty_block_takes_no_slot():
    L = Layout(S=2, D=1, K=2, P=1, A=3, R=1, M=0, F=0, O=0)
    assert L.start(Block.METERS) == L.start(Block.FLAG_SET) == L.start(Block.RESILIENCE)
    assert L.size == L.start(Block.RESILIENCE) + L.S
    assert L.decode(L.start(Block.RESOURCES)) == (Block.RESOURCES, (0, 0))


def test_the_blocks_match_the_states_fields(mini_compiled):
    c = mini_compiled
    st = core.init(c, 1, 1)
    L = c.layout
    for block, field in [
        (Block.PUSH_SCALED, "dep"),
        (Block.TRUST, "trust"),
        (Block.STABILITY, "stability"),
        (Block.GROWTH, "growth"),
        (Block.RESOURCES, "res"),
        (Block.METERS, "meters"),
        (Block.FLAG_SET, "flags"),
        (Block.ORG_JOIN, "member"),
    ]:
        assert L.shape(block) == getattr(st, field).shape[1:], block


#: what each example changes: (state field, index of the changed entries, expected change)
CHANGES = {
    "change_trust": ("trust", (0, 2), -4.0),
    "change_stability": ("stability", (1,), 3.0),
    "change_growth": ("growth", (0,), 0.5),
    "change_resilience": ("resilience", (1,), 3.0),
    "add_resource": ("res", (1, 1), 2.0),
    "change_meter": ("meters", (0,), 2.0),
}


def _changed(before, after):
    return {
        f.name
        for f in dataclasses.fields(before)
        if not np.array_equal(getattr(before, f.name), getattr(after, f.name))
    }


def _apply(c, name, prepare=None):
    st = core.init(c, 5, 2)
    if prepare:
        prepare(st)
    before = st.clone()
    program = c.events[c.event_index[f"fx_{name}"]].program
    core.apply_programs(c, st, core.default_params(c, 2), np.full((2, 1), program))
    return before, st


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_an_additive_program_changes_exactly_its_slot(world, name):
    field, index, delta = CHANGES[name]
    before, after = _apply(world, name)
    expected = {field} | ({"base_growth"} if field == "growth" else set())
    assert _changed(before, after) == expected
    diff = getattr(after, field) - getattr(before, field)
    np.testing.assert_allclose(diff[(slice(None), *index)], delta)
    diff[(slice(None), *index)] = 0.0
    assert not diff.any()


@pytest.mark.parametrize("name", ["shift_dependence", "pull"])
def test_a_dependence_program_changes_only_its_rows(world, name):
    before, after = _apply(world, name)
    assert _changed(before, after) == {"dep"}
    moved = np.argwhere(np.abs(after.dep - before.dep).max(axis=(0, 3)) > 0)
    rows = {"shift_dependence": [[1, 0], [1, 1], [1, 2]], "pull": [[0, 0]]}[name]
    assert moved.tolist() == rows
    np.testing.assert_allclose(after.dep.sum(axis=3), 1.0)
    if name == "pull":  # 10 points of Russia's 40 % of Kazakh trade go to the rest of the world
        np.testing.assert_allclose(after.dep[:, 0, 0, 1], before.dep[:, 0, 0, 1] - 0.10)
        np.testing.assert_allclose(after.dep[:, 0, 0, 3], before.dep[:, 0, 0, 3] + 0.10)


def test_flag_and_membership_programs_change_only_those(world):
    before, after = _apply(world, "set_flag")
    assert _changed(before, after) == {"flags"} and after.flags.all()
    before, after = _apply(world, "clear_flag", lambda st: st.flags.fill(True))
    assert _changed(before, after) == {"flags"} and not after.flags.any()
    before, after = _apply(world, "join_org")
    assert _changed(before, after) == {"member"} and after.member[:, 0, 0].all()
    before, after = _apply(world, "leave_org")
    assert _changed(before, after) == {"member"} and not after.member[:, 0, 3].any()
