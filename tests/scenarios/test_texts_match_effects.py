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
from game.play.session import Session
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
    """Played along the historical path, when an event that names a power the main customer
    (partner, lender...) fires, that power gains more of the row than the rest of the world does
    (the event's own changes, from the ledger) and ends the turn first among the powers."""
    sc = load_scenario(path).scenario
    powers = {text_in(a.name): a.id for a in sc.actors if a.kind == "power"}
    claims = {}
    for ev in sc.events:
        for pid, _noun in text_claims(text_in(ev.text), powers):
            for x in ev.effects:
                if x.verb == "shift_dependence" and x.arg.partner == pid:
                    claims.setdefault(ev.id, []).append((pid, x.arg.state, x.arg.dimension))
    if not claims:
        pytest.skip("no main-partner claim in this scenario")
    s = Session.start(sc, seed=1, policies={a.id: "historical" for a in sc.actors})
    checked = 0
    while not s.over:
        rep = s.play_turn()
        for eid in set(rep.events) & set(claims):
            for pid, st_, dim in claims[eid]:
                gain = {
                    e.key[2]: e.delta
                    for e in rep.entries
                    if e.kind == "event" and e.cause == eid and e.key[:2] == (st_, dim)
                }
                assert gain.get(pid, 0) > gain.get("ROW", 0), (eid, gain)
                c = s.c
                row = s.st.dep[0, c.state_index[st_], c.dim_index[dim], : c.layout.P]
                assert c.power_ids[int(np.argmax(row))] == pid, (eid, np.round(100 * row, 1))
                checked += 1
    assert checked, "no claimed event fired along the historical path"


def test_the_signed_number_lint_ignores_years_and_money():
    from game.scenario.textcheck import SIGNED_NUMBER

    text = "In 2022-2025 trade grew to $5.2 bn (41.3%), but trust fell by -3 and rose +2."
    assert [m.group(0) for m in SIGNED_NUMBER.finditer(text)] == ["-3", "+2"]
    assert re.search(r"\d", "no effect numbers") is None
