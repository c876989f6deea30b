"""``Session``: one game for the window and headless play: planning within the turn's budget
with reasons for what is refused, previews, and turn reports that explain every change."""

from __future__ import annotations

import numpy as np
import pytest

from game.engine import core
from game.play.session import Session


def test_the_turn_report_explains_every_change(mini):
    s = Session.start(mini, humans=("JPN",), seed=4)
    for _ in range(4):
        before = s.st.clone()
        ch = [x for x in s.choices("JPN") if x.legal]
        s.plan(ch[0].id)
        rep = s.play_turn()
        c = s.c
        total = np.zeros_like(before.dep[0])
        for e in rep.entries:
            if e.quantity == "dependence":
                st_, d_, k_ = e.key
                total[c.state_index[st_], c.dim_index[d_], c.partner_index[k_]] += e.delta / 100
        np.testing.assert_allclose(total, s.st.dep[0] - before.dep[0], atol=1e-3)
        tr = np.zeros_like(before.trust[0])
        for e in rep.entries:
            if e.quantity == "trust":
                tr[c.state_index[e.key[0]], c.power_index[e.key[1]]] += e.delta
        np.testing.assert_allclose(tr, s.st.trust[0] - before.trust[0], atol=1e-3)
        assert rep.why_lines, "the turn report explains what changed"


def test_illegal_action_is_refused_with_a_reason(mini):
    def pick(s, action, skip=()):
        return next(x for x in s.choices("JPN") if x.action_id == action and x.id not in skip)

    s = Session.start(mini, humans=("JPN",), seed=1)
    s.plan(pick(s, "corridor").id)  # 30 of the 50 bn yen budget
    s.plan(pick(s, "training").id)  # 5 more
    try:  # a third action in a turn with two slots is refused, saying why
        s.plan(pick(s, "yen_loan").id)
        raise AssertionError("a third action was accepted")
    except core.IllegalAction as e:
        assert "at most 2" in str(e)
    s.undo()
    s.plan(pick(s, "yen_loan").id)  # 20 more: exactly the budget left (50 - 30 = 20)
    s.undo()
    s.undo()
    first = pick(s, "yen_loan")
    s.plan(first.id)
    try:  # 50 - 20 = 30 left, a second loan (to the other state) is off for this turn
        s.plan(pick(s, "yen_loan", skip=(first.id,)).id)
        raise AssertionError("the same action twice in a turn was accepted")
    except core.IllegalAction as e:
        assert "used recently" in str(e)
    s.play_turn()
    # next turn: 30 + 20 income = 50; the corridor (30) is affordable, then a loan (20), then
    # nothing is left for a second corridor-sized spend
    s.plan(pick(s, "corridor").id)
    view = pick(s, "training")
    assert view.legal
    s.plan(view.id)
    s.play_turn()
    s.play_turn()
    corridor = pick(s, "corridor")
    assert not corridor.legal and "available again" in corridor.reason
    with pytest.raises(core.IllegalAction, match="available again"):
        s.plan(corridor.id)


def test_a_preview_shows_the_change_without_making_it(mini):
    s = Session.start(mini, humans=("JPN",), seed=2)
    before = s.st.hash(0)
    loan = next(x for x in s.choices("JPN") if x.action_id == "yen_loan" and x.target == "KAZ")
    preview = s.preview(loan.id)
    assert s.st.hash(0) == before
    assert preview.lands_in == 1
    changed = dict(preview.changes)
    assert changed["Kazakhstan: trust in Japan"] == pytest.approx(3.0)
    assert changed["Kazakhstan: Finance dependence on Japan"] > 0
    assert "Kazakhstan: autonomy" in changed  # derived values are recomputed on the clone


def test_the_budget_counts_the_planned_actions(mini):
    s = Session.start(mini, humans=("JPN",), seed=2)
    start = s.budget("JPN")["oda"]
    loan = next(x for x in s.choices("JPN") if x.action_id == "yen_loan")
    s.plan(loan.id)
    assert s.budget("JPN")["oda"] == start - 20
    assert s.slots_left("JPN") == s.c.M_slots - 1
    again = next(x for x in s.choices("JPN") if x.id == loan.id)
    assert not again.legal and "used recently" in again.reason
    s.undo()
    assert s.budget("JPN")["oda"] == start


def test_the_computers_choice_in_an_event_is_known_while_its_pop_up_shows():
    """An event a computer player decides (China and the TBEA gold mine) says what it chose
    while the window shows it, before the turn summary."""
    from game.play.session import Session
    from game.scenario.loader import load_scenario

    sc = load_scenario("class_abe_belt_road").scenario
    s = Session.start(sc, humans=("JPN",), seed=12)
    seen = 0
    while not s.over:
        waiting = {e.event_id for e in s.end_turn()}
        for ev in s.fired_events():
            e = sc.events[s.c.event_index[ev.event_id]]
            if ev.event_id in waiting:
                assert s.decided_option(ev.event_id) is None
                s.choose_option(ev.event_id, 0)
            elif e.options and e.chooser and e.chooser != "JPN":
                k = s.decided_option(ev.event_id)
                assert k is not None and 0 <= k < len(e.options)
                seen += 1
        rep = s.finish_turn()
        for eid, opt in rep.options.items():  # the summary then says the same option
            e = sc.events[s.c.event_index[eid]]
            assert opt in [o.id for o in e.options]
    assert seen >= 1
