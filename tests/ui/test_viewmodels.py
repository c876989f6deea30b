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


def test_a_change_too_small_to_show_is_zero_without_a_sign():
    from game.ui.viewmodels import fmt_delta

    assert fmt_delta(-0.04) == fmt_delta(0.04) == fmt_delta(-0.0) == "0.0"
    assert fmt_delta(-0.06) == "−0.1" and fmt_delta(0.26) == "+0.3"
    assert fmt_delta(-0.4, 0) == "0"


def test_questions_never_address_a_team_the_computer_played(class_entry):
    """ "Team Japan and Team China: …" when only Japan is played by a team names China as
    computer-played, in each language; with both teams the question stays as written."""
    from game.play.session import Session
    from game.scenario.model import text_in
    from game.ui import i18n
    from game.ui import viewmodels as vm

    s = Session.start(class_entry.scenario, humans=("JPN",), seed=1)
    for lang in ("en", "ja", "ru"):
        i18n.set_language(lang)
        raw = [text_in(q, lang) for q in s.scenario.discussion_questions]
        team_china = vm.tr("team.name", role=vm.name(s, "CHN"))
        assert vm.computer_teams(s, ("JPN",)) == ["CHN"]
        alone = vm.discussion_questions(s, ("JPN",))
        assert alone[0] != raw[0] and vm.name(s, "CHN") in alone[0]
        assert not any(team_china in q for q in alone)
        assert vm.tr("team.computer", role=vm.name(s, "CHN")) in alone[0]
        assert vm.discussion_questions(s, ("JPN", "CHN")) == raw
        assert alone[1:] == raw[1:]
    i18n.set_language("en")


def test_the_summary_credits_each_effect_to_the_state_that_acted(class_entry):
    """Kazakhstan and Uzbekistan both accept a Chinese loan package in the same turn: the
    summary shows two rows, "Kazakhstan's action" with Kazakhstan's changes only and
    "Uzbekistan's action" with Uzbekistan's only (they used to be merged under the first
    actor found). The Why? panel of each state names its own state as the actor."""
    from game.play.session import Session
    from game.ui import viewmodels as vm

    s = Session.start(class_entry.scenario, humans=("KAZ", "UZB"), seed=1)
    for who in ("KAZ", "UZB"):
        s.plan(next(c.id for c in s.choices(who) if c.action_id == "state_accept_chinese_loan"))
    rep = s.play_turn()
    loan = vm.name(s, "state_accept_chinese_loan")
    rows = [r for r in vm.summary_vm(s, rep, ("JPN",)).top_changes if r.title == loan]
    by_tag = {r.tag: r.changes for r in rows}
    kaz, uzb = vm.name(s, "KAZ"), vm.name(s, "UZB")
    kaz_tag = vm.tr("why.tag_action", actor=kaz)
    uzb_tag = vm.tr("why.tag_action", actor=uzb)
    assert set(by_tag) == {kaz_tag, uzb_tag}
    assert kaz in by_tag[kaz_tag] and uzb not in by_tag[kaz_tag]
    assert uzb in by_tag[uzb_tag] and kaz not in by_tag[uzb_tag]
    # the ledger itself keeps the two causes apart, each with its actor
    actors = {e.actor for e in rep.entries if e.cause == "state_accept_chinese_loan"}
    assert actors == {"KAZ", "UZB"}
    assert all(
        e.key[0] == e.actor
        for e in rep.entries
        if e.cause == "state_accept_chinese_loan" and e.quantity != "resource"
    )
    for sid, tag in (("KAZ", kaz_tag), ("UZB", uzb_tag)):
        mine = [r for r in vm.why_rows(s, rep, sid, "JPN") if r.title == loan]
        assert [r.tag for r in mine] == [tag]
