"""Texts and effects agree in the shipped scenarios.

The validator's mechanical checks (W313: a "becomes the main customer/partner" claim the effects
do not make true; W314: a signed number in a text that no effect has) find nothing, and every such
claim holds in the game: played along the historical path, the named power is the state's first
partner in the dimension the event moves at the end of the turn it fires.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from game.balance.check import shipped_manifests
from game.engine.compiler import compile_scenario
from game.play import run_batch
from game.scenario.loader import load_scenario
from game.scenario.model import text_in
from game.scenario.textcheck import claims as text_claims

MANIFESTS = shipped_manifests()


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.stem)
def test_no_text_contradicts_its_effects(path):
    res = load_scenario(path)
    found = [d for d in res.diagnostics if d.code in ("W313", "W314")]
    assert not found, "\n".join(f"{d.code} {d.message}" for d in found)


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.stem)
def test_main_partner_claims_hold_in_the_game(path):
    sc = load_scenario(path).scenario
    c = compile_scenario(sc)
    powers = {text_in(a.name): a.id for a in sc.actors if a.kind == "power"}
    claims = []
    for e, ev in enumerate(sc.events):
        for pid, _noun in text_claims(text_in(ev.text), powers):
            moved = {
                (x.arg.state, x.arg.dimension)
                for x in ev.effects
                if x.verb == "shift_dependence" and x.arg.partner == pid
            }
            claims += [(e, pid, s, d) for s, d in moved]
    if not claims:
        pytest.skip("no main-partner claim in this scenario")
    history = {a.id: "historical" for a in sc.actors}
    run = run_batch(c, 1, 1, history, record_turns=True)
    for e, pid, s, d in claims:
        turns = [t for t in range(c.n_turns) if c.events[e].sched_turn == t]
        if not turns:
            continue
        row = run.trajectory[turns[0] + 1]["dep"][0, c.state_index[s], c.dim_index[d]]
        first = c.partner_ids[int(np.argmax(row[: c.layout.P]))]
        assert first == pid, (
            f"{sc.events[e].id}: the text names {pid} first in {s}'s {d}, "
            f"but {first} is first ({np.round(100 * row, 1)})"
        )


def test_the_signed_number_lint_ignores_years_and_money():
    from game.scenario.textcheck import SIGNED_NUMBER

    text = "In 2022-2025 trade grew to $5.2 bn (41.3%), but trust fell by -3 and rose +2."
    assert [m.group(0) for m in SIGNED_NUMBER.finditer(text)] == ["-3", "+2"]
    assert re.search(r"\d", "no effect numbers") is None
