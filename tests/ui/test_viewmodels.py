"""``viewmodels``: what each panel shows, from the session."""

from __future__ import annotations


def test_why_rows_explain_every_state_change(mini_entry):
    from game.play.session import Session
    from game.ui import viewmodels as vm

    s = Session.start(mini_entry.scenario, humans=("JPN",), seed=2)
    s.plan(next(c.id for c in s.choices("JPN") if c.delay == 0 and c.target == "KAZ"))
    rep = s.play_turn()
    rows = vm.why_rows(s, rep, "KAZ", "JPN")
    assert rows and all(r.title and r.changes for r in rows)
    assert any(r.tag == vm.tr("why.tag_you") for r in rows)
    cells = vm.map_cells(s, "dominant", "JPN", {"RUS": "R", "CHN": "C", "JPN": "J", "ROW": "W"})
    assert set(cells) == {"KAZ", "KGZ"} and all(c.badge for c in cells.values())
    assert len(vm.autonomy_series(s)[0].values) == 2
