"""The record file: one format for saves and ``play --headless --json``, described by its JSON
Schema (``python main.py record-schema``), and the version-1 files classes keep still read."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from game.cli import main
from game.engine.record import (
    RECORD_VERSION,
    SaveError,
    read_record,
    record_schema,
    record_years,
    value_years,
    write_record,
)
from game.play.session import Session
from tests.conftest import FIXTURES

OLD = FIXTURES / "records"  # written by the game before records had version 2


def _window_save(mini, path: Path, turns: int = 3) -> Path:
    s = Session.start(mini, humans=("JPN",), seed=3, difficulty="introductory")
    for _ in range(turns):
        s.plan(next(c.id for c in s.choices("JPN") if c.legal))
        for ev in s.end_turn():
            s.choose_option(ev.event_id, 0)
        s.finish_turn()
    return s.save(path)


def test_a_save_and_a_headless_record_match_the_schema(mini, tmp_path):
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    save = _window_save(mini, tmp_path / "autosave-mini.json")
    headless = tmp_path / "game.json"
    assert (
        main(
            ["play", str(FIXTURES / "mini.yaml"), "--headless", "--quiet", "--json", str(headless)]
        )
        == 0
    )
    for path in (save, headless):
        data = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        assert data["format"] == "crossroads-record" and data["version"] == RECORD_VERSION
    assert json.loads(headless.read_text(encoding="utf-8"))["names"]["states"]


def test_the_record_schema_command_writes_the_schema(tmp_path, capsys):
    out = tmp_path / "record.schema.json"
    assert main(["record-schema", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == record_schema()
    assert "Wrote the record JSON Schema" in capsys.readouterr().out
    assert main(["record-schema"]) == 0
    assert json.loads(capsys.readouterr().out) == record_schema()


def test_version_1_saves_and_headless_records_are_still_read():
    save = read_record(OLD / "v1-save-unfinished.json")
    assert save.humans == ["JPN"] and save.label == "introductory" and len(save.turns) == 3
    headless = read_record(OLD / "v1-headless.json")
    assert headless.final_hash and headless.names["states"]
    # the objectives stood beside the record; they are its grades' objectives now
    assert headless.grades["objectives"] and headless.grades["overall"]


def test_a_record_round_trips_and_any_change_is_refused(tmp_path):
    rec = read_record(OLD / "v1-headless.json")
    again = read_record(write_record(rec, tmp_path / "r.json"))
    assert again == rec
    p = tmp_path / "r.json"
    p.write_text(p.read_text(encoding="utf-8").replace('"seed": 3', '"seed": 4'), encoding="utf-8")
    with pytest.raises(SaveError, match="checksum") as e:
        read_record(p)
    assert e.value.kind == "checksum"


@pytest.mark.parametrize(
    "change, kind",
    [
        ({"version": RECORD_VERSION + 1}, "version"),
        ({"format": "crossroads-save", "version": 2}, "version"),
        ({"format": "something-else"}, "not_a_record"),
    ],
)
def test_a_version_this_game_does_not_know_is_refused_plainly(tmp_path, change, kind):
    p = write_record(read_record(OLD / "v1-headless.json"), tmp_path / "r.json")
    data = json.loads(p.read_text(encoding="utf-8"))
    data.update(change)
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        read_record(p)
    assert e.value.kind == kind and "r.json" in str(e.value)


def test_one_year_axis_turn_0_is_the_year_before_the_first_turn(mini):
    labels = value_years(mini.calendar, mini.calendar.n_turns + 1)
    assert labels[:2] == ["2009", "2010"] and labels[-1] == "2017"
    rec = read_record(OLD / "v1-headless.json")
    assert record_years(rec) == labels  # the same labels read from a record alone
