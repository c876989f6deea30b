"""Saves: atomic, checksummed, replayable; broken saves give clear errors."""

from __future__ import annotations

import json

import pytest

from game.engine.record import SaveError, read_record
from game.play.session import Session


def _play(mini, tmp_path, turns=None):
    s = Session.start(mini, humans=("JPN",), seed=21, autosave=tmp_path / "auto.json")
    n = 0
    while not s.over and (turns is None or n < turns):
        legal = [x for x in s.choices("JPN") if x.legal]
        if legal:
            s.plan(legal[n % len(legal)].id)
        for ev in s.end_turn():
            s.choose_option(ev.event_id, 1)
        s.finish_turn()
        n += 1
    return s


def test_replaying_a_save_reproduces_the_final_state(mini, tmp_path):
    s = _play(mini, tmp_path)
    again = Session.resume(mini, tmp_path / "auto.json")
    assert again.over and again.st.hash(0) == s.st.hash(0)


def test_autosave_after_every_turn_resumes_mid_game(mini, tmp_path):
    s = _play(mini, tmp_path, turns=3)
    r = Session.resume(mini, tmp_path / "auto.json")
    assert r.turn == 3 and r.st.hash(0) == s.st.hash(0)
    assert not list(tmp_path.glob("*.tmp")), "no temporary files left behind"


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda t: t[: len(t) // 2], "cut short"),
        (lambda t: t.replace('"seed": 21', '"seed": 22'), "checksum"),
        (lambda t: json.dumps({"hello": 1}), "not a Crossroads game record"),
        (lambda t: "\x00\x01binary", "not a Crossroads game record"),
    ],
)
def test_broken_saves_get_a_clear_error(mini, tmp_path, damage, words):
    _play(mini, tmp_path, turns=2)
    p = tmp_path / "auto.json"
    p.write_text(damage(p.read_text()))
    with pytest.raises(SaveError) as e:
        Session.resume(mini, p)
    assert words in str(e.value)


def test_a_save_for_another_scenario_is_refused(mini, tmp_path):
    _play(mini, tmp_path, turns=1)
    rec = read_record(tmp_path / "auto.json")
    rec.scenario_id = "other"
    from game.engine.record import write_record

    write_record(rec, tmp_path / "x.json")
    with pytest.raises(SaveError, match="for scenario 'other'"):
        Session.resume(mini, tmp_path / "x.json")
