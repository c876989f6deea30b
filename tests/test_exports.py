"""A headless game's tables (``play --csv/--export/--xlsx``): every value with its zeros, the
record's turns and years, actions, events and grades, and a workbook whose numbers are numbers.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.engine.record import read_record, record_years
from game.headless import export
from tests.conftest import FIXTURES

MINI = str(FIXTURES / "mini.yaml")
TABLES = ["game", "values", "actions", "events", "grades"]
#: the columns each metric fills (the other identifier columns stay empty)
AXES = {
    "dependence": {"state", "partner", "dimension"},
    "autonomy": {"state"},
    "trust": {"state", "partner"},
    "stability": {"state"},
    "growth": {"state"},
    "resource": {"actor", "resource"},
    "meter": {"meter"},
    "score": {"actor"},
}
#: a number as every spreadsheet and data tool reads it: no exponent, no padding zeros
PLAIN_NUMBER = re.compile(r"^-?(0|[1-9]\d*)(\.\d*[1-9])?$")


def _play(folder: Path, seed: int = 2) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    args = ["play", MINI, "--headless", "--seed", str(seed), "--quiet"]
    args += ["--json", str(folder / "record.json"), "--csv", str(folder / "values-only.csv")]
    args += ["--export", str(folder / "tables"), "--xlsx", str(folder / "game.xlsx")]
    assert main(args) == 0
    return folder


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def played(tmp_path_factory) -> Path:
    return _play(tmp_path_factory.mktemp("exports"))


def test_export_writes_one_csv_per_table_and_csv_is_its_values(played):
    assert sorted(p.name for p in (played / "tables").iterdir()) == sorted(
        f"{t}.csv" for t in TABLES
    )
    assert (played / "values-only.csv").read_bytes() == (
        played / "tables" / "values.csv"
    ).read_bytes()


def test_values_hold_every_value_zeros_included(played):
    rec = read_record(played / "record.json")
    names = rec.names
    rows = _rows(played / "tables" / "values.csv")
    per_turn = (
        len(names["states"]) * len(names["dimensions"]) * len(names["partners"])
        + len(names["states"]) * (3 + len(names["powers"]))
        + len(names["actors"]) * len(names["resources"])
        + len(names["meters"])
        + len(rec.grades["overall"])
    )
    assert len(rows) == per_turn * (len(rec.turns) + 1)
    assert all(PLAIN_NUMBER.match(r["value"]) for r in rows), "numbers a spreadsheet reads"
    # the zeros the old CSV dropped: an actor's empty resources are rows with value 0
    res = [r for r in rows if r["metric"] == "resource"]
    assert any(r["value"] == "0" for r in res)
    # each column holds one kind of id: states in `state`, holders in `actor`
    for r in rows:
        filled = {c for c in export.ID_COLUMNS if r[c]}
        assert filled == AXES[r["metric"]], r
    assert {r["state"] for r in rows if r["state"]} == set(names["states"])
    assert {r["actor"] for r in rows if r["metric"] == "resource"} == set(names["actors"])
    assert {r["partner"] for r in rows if r["metric"] == "trust"} == set(names["powers"])


def test_turns_and_years_are_the_records(played):
    """Turn t is the world after t turns, labelled as the record labels it (turn 0: the
    starting values, the year before the first turn)."""
    rec = read_record(played / "record.json")
    rows = _rows(played / "tables" / "values.csv")
    labels = record_years(rec)
    assert labels[0] == str(int(rec.turns[0].year) - 1)
    assert {(int(r["turn"]), r["year"]) for r in rows} == set(enumerate(labels))
    for t, snapshot in enumerate([rec.start_values, *(x.values for x in rec.turns)]):
        aut = [float(r["value"]) for r in rows if r["metric"] == "autonomy" and r["turn"] == str(t)]
        assert aut == pytest.approx(snapshot["autonomy"], abs=1e-6)
    kaz = rec.names["states"].index("KAZ")
    trade = rec.names["dimensions"].index("trade")
    last = [
        float(r["value"])
        for r in rows
        if r["metric"] == "dependence" and r["state"] == "KAZ" and r["dimension"] == "trade"
        if r["turn"] == str(len(rec.turns))
    ]
    assert last == pytest.approx([100 * x for x in rec.turns[-1].values["dep"][kaz][trade]])
    assert sum(last) == pytest.approx(100, abs=0.01)


def test_actions_events_and_grades_match_the_record(played):
    rec = read_record(played / "record.json")
    actions = _rows(played / "tables" / "actions.csv")
    chosen = [
        (str(t), x.year, actor, choice)
        for t, x in enumerate(rec.turns, start=1)
        for actor, choices in x.actions.items()
        for choice in choices
    ]
    assert [
        (r["turn"], r["year"], r["actor"], r["action"] + ("@" + r["target"] if r["target"] else ""))
        for r in actions
    ] == chosen
    events = _rows(played / "tables" / "events.csv")
    fired = [
        (str(t), x.year, e, x.options.get(e, ""))
        for t, x in enumerate(rec.turns, start=1)
        for e in x.events
    ]
    assert [(r["turn"], r["year"], r["event"], r["option"]) for r in events] == fired
    grades = _rows(played / "tables" / "grades.csv")
    overall = {r["role"]: r["grade"] for r in grades if r["objective"] == "overall"}
    assert overall == rec.grades["overall"]
    objectives = [(r["role"], r["objective"], r["grade"]) for r in grades if r["name"]]
    assert objectives == [(o["role"], o["id"], o["grade"]) for o in rec.grades["objectives"]]
    game = {r["field"]: r["value"] for r in _rows(played / "tables" / "game.csv")}
    assert game["seed"] == "2" and game["final_hash"] == rec.final_hash


def test_the_workbook_stores_numbers_as_numbers(played):
    """Read back with openpyxl: one sheet per table, the same cells as the CSV files, every
    value numeric (zeros too), years as text like the record's, header frozen, widths set."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(played / "game.xlsx")
    assert wb.sheetnames == TABLES
    for name in TABLES:
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width > 8
        sheet = [[c.value for c in row] for row in ws.iter_rows()]
        table = _rows(played / "tables" / f"{name}.csv")
        assert sheet[0] == list(table[0])
        as_text = [[export.csv_cell(c) for c in row] for row in sheet[1:]]
        assert as_text == [list(r.values()) for r in table]
    values = wb["values"]
    col = {c.value: c.column for c in values[1]}
    cells = [
        row[0] for row in values.iter_rows(min_row=2, min_col=col["value"], max_col=col["value"])
    ]
    assert all(c.data_type == "n" and isinstance(c.value, int | float) for c in cells)
    assert sum(1 for c in cells if c.value == 0) > 0
    years = {
        c.value
        for row in values.iter_rows(min_row=2, min_col=col["year"], max_col=col["year"])
        for c in row
    }
    rec = json.loads((played / "record.json").read_text(encoding="utf-8"))
    assert {t["year"] for t in rec["turns"]} <= years and all(isinstance(y, str) for y in years)


def test_same_game_same_files(tmp_path):
    """The same scenario and seed give the same bytes, the workbook included."""
    a, b = _play(tmp_path / "a"), _play(tmp_path / "b")
    for rel in ["game.xlsx", "values-only.csv", *(f"tables/{t}.csv" for t in TABLES)]:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_xlsx_without_xlsxwriter_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(export, "xlsx_available", lambda: False)
    out = tmp_path / "g.xlsx"
    assert main(["play", MINI, "--headless", "--quiet", "--xlsx", str(out)]) == 2
    captured = capsys.readouterr()
    assert "pip install 'crossroads[xlsx]'" in captured.err and "Traceback" not in captured.err
    assert "final grades" not in captured.out  # said before a game is played for nothing
    assert not out.exists()


def test_a_file_that_cannot_be_written_is_one_plain_line(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    csv_path = tmp_path / "v.csv"
    args = ["play", MINI, "--headless", "--quiet", "--export", str(blocker / "sub")]
    assert main([*args, "--csv", str(csv_path)]) == 2
    err = capsys.readouterr().err
    assert f"cannot write '{blocker / 'sub'}'" in err and "Traceback" not in err
    assert csv_path.exists()  # the other files are still written


def test_asking_for_a_file_plays_headless(tmp_path, monkeypatch):
    """``play X --xlsx F`` means a game to write, not a window that ignores the option."""
    import game.ui.app

    def no_window(args):
        raise AssertionError("opened the window")

    monkeypatch.setattr(game.ui.app, "run_window", no_window)
    out = tmp_path / "tables"
    assert main(["play", MINI, "--quiet", "--export", str(out)]) == 0
    assert (out / "values.csv").exists()
