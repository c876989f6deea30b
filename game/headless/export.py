"""A played game as tables for spreadsheets and data tools, written as CSV or as an .xlsx workbook.

The tables are read from a game record (``engine.record.GameRecord``, with its ``names``
filled): ``game`` (what was played), ``values`` (every value after every turn, zeros
included, one row per value), ``actions`` (one row per choice), ``events`` (one row per
event) and ``grades`` (one row per objective, and each role's overall grade). The CSV files
and the workbook's sheets hold the same rows; ``docs/records.md`` ("Tables: CSV and
spreadsheets") describes every column and metric.

Turns and years are the record's (``docs/records.md``, "Turns and years"): turn ``t`` is the
world after ``t`` turns, turn 0 the starting values; ``year`` is the label ``value_years``
gives, the same string the record holds. The actions and events of turn ``t`` are the choices
that made the world of turn ``t`` (the record's ``turns[t - 1]``).

Numbers are written as numbers: in CSV with a plain ``.`` decimal point, no exponent and no
padding zeros (``55``, ``0.25``), in the workbook as numeric cells, so a spreadsheet in any
language reads them. XlsxWriter is an optional dependency (``pip install 'crossroads[xlsx]'``),
imported only when a workbook is written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..engine.record import RECORD_FORMAT, RECORD_VERSION, GameRecord

#: a cell: text, a whole number, a number, or empty (``None``)
Cell = str | int | float | None

#: the identity columns every table but ``game`` starts with, so the tables of several games
#: can be stacked
GAME_COLUMNS = ("scenario", "seed")
#: what a value is of: the columns a metric leaves empty are the ones it does not vary along
ID_COLUMNS = ("state", "partner", "dimension", "actor", "resource", "meter")
VALUE_COLUMNS = (*GAME_COLUMNS, "turn", "year", "metric", *ID_COLUMNS, "value")
ACTION_COLUMNS = (*GAME_COLUMNS, "turn", "year", "actor", "slot", "action", "target")
EVENT_COLUMNS = (*GAME_COLUMNS, "turn", "year", "event", "option")
GRADE_COLUMNS = (
    *GAME_COLUMNS,
    "role",
    "objective",
    "name",
    "value",
    "grade",
    "band_a",
    "band_b",
    "band_c",
    "band_d",
)
#: the files ``--export DIR`` writes and the sheets of ``--xlsx``, in this order
TABLE_NAMES = ("game", "values", "actions", "events", "grades")
XLSX_MISSING = (
    "--xlsx needs the XlsxWriter package: pip install 'crossroads[xlsx]' "
    "(or pip install XlsxWriter), then run the command again"
)
#: XlsxWriter stamps the zip entries with a fixed date; fixing the document's "created"
#: property too makes the same game give the same bytes, like the CSV files
_WORKBOOK_CREATED = datetime(2000, 1, 1)
_MAX_WIDTH = 60


@dataclass(frozen=True)
class Table:
    """One table: its name (the CSV file's stem, the sheet's name), columns and rows."""

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


def number(x: float) -> float:
    """A value as the tables hold it: the record's 6 decimals, and never ``-0``."""
    return round(float(x), 6) + 0.0


def game_tables(rec: GameRecord, years: Sequence[str], roles: Sequence[str]) -> list[Table]:
    """Every table of a game, in ``TABLE_NAMES`` order. ``years`` are the labels of turns
    0 .. n (``engine.record.value_years``); ``roles`` the actors that have a score."""
    return [
        game_table(rec, years),
        values_table(rec, years, roles),
        actions_table(rec, years),
        events_table(rec, years),
        grades_table(rec),
    ]


def game_table(rec: GameRecord, years: Sequence[str]) -> Table:
    """What was played: one row per field."""
    rows: list[tuple[Cell, ...]] = [
        ("scenario", rec.scenario_id),
        ("scenario_hash", rec.scenario_hash),
        ("seed", rec.seed),
        ("humans", " ".join(rec.humans)),
        ("policies", " ".join(f"{a}={p}" for a, p in rec.policies.items())),
        ("turns", len(rec.turns)),
        ("start_year", years[0]),
        ("end_year", years[len(rec.turns)]),
        ("final_hash", rec.final_hash),
        ("label", rec.label),
        ("record_format", f"{RECORD_FORMAT} {RECORD_VERSION}"),
    ]
    return Table("game", ("field", "value"), rows)


def values_table(rec: GameRecord, years: Sequence[str], roles: Sequence[str]) -> Table:
    """Every value of turns 0 .. n: one row per metric and identifiers."""
    ident = (rec.scenario_id, rec.seed)
    snapshots = [rec.start_values, *(t.values for t in rec.turns)]
    rows: list[tuple[Cell, ...]] = []
    for turn, (values, year) in enumerate(zip(snapshots, years, strict=True)):
        for metric, ids, value in _metrics(values, rec.names, roles):
            cells = tuple(ids.get(col) for col in ID_COLUMNS)
            rows.append((*ident, turn, year, metric, *cells, number(value)))
    return Table("values", VALUE_COLUMNS, rows)


def _metrics(
    v: dict[str, Any], names: dict[str, list[str]], roles: Sequence[str]
) -> Iterator[tuple[str, dict[str, str], float]]:
    """(metric, identifiers, value) of one turn's values, dependence as a percentage."""
    for s, sid in enumerate(names["states"]):
        for d, did in enumerate(names["dimensions"]):
            for k, kid in enumerate(names["partners"]):
                ids = {"state": sid, "partner": kid, "dimension": did}
                yield "dependence", ids, 100 * v["dep"][s][d][k]
        yield "autonomy", {"state": sid}, v["autonomy"][s]
        for p, pid in enumerate(names["powers"]):
            yield "trust", {"state": sid, "partner": pid}, v["trust"][s][p]
        yield "stability", {"state": sid}, v["stability"][s]
        yield "growth", {"state": sid}, v["growth"][s]
        if "resilience" in v:  # only scenarios that use resilience record it
            yield "resilience", {"state": sid}, v["resilience"][s]
    for a, aid in enumerate(names["actors"]):
        for r, rid in enumerate(names["resources"]):
            yield "resource", {"actor": aid, "resource": rid}, v["res"][a][r]
    for m, mid in enumerate(names["meters"]):
        yield "meter", {"meter": mid}, v["meters"][m]
    for aid in roles:
        yield "score", {"actor": aid}, v["score"][names["actors"].index(aid)]


def actions_table(rec: GameRecord, years: Sequence[str]) -> Table:
    """One row per choice: who chose what (and on whom) in which turn."""
    rows: list[tuple[Cell, ...]] = []
    for turn, played in enumerate(rec.turns, start=1):
        for actor, choices in played.actions.items():
            for slot, choice in enumerate(choices, start=1):
                action, _, target = choice.partition("@")
                ident = (rec.scenario_id, rec.seed, turn, years[turn], actor, slot)
                rows.append((*ident, action, target or None))
    return Table("actions", ACTION_COLUMNS, rows)


def events_table(rec: GameRecord, years: Sequence[str]) -> Table:
    """One row per event that fired, with the option chosen (empty: it had none)."""
    rows: list[tuple[Cell, ...]] = [
        (rec.scenario_id, rec.seed, turn, years[turn], event, played.options.get(event))
        for turn, played in enumerate(rec.turns, start=1)
        for event in played.events
    ]
    return Table("events", EVENT_COLUMNS, rows)


def grades_table(rec: GameRecord) -> Table:
    """Each role's overall grade (objective ``overall``, value: its final score 0-1), then
    its objectives with their values, grades and bands; empty before the game is over."""
    ident = (rec.scenario_id, rec.seed)
    overall: dict[str, str] = rec.grades.get("overall", {})
    objectives: list[dict[str, Any]] = rec.grades.get("objectives", [])
    final = rec.turns[-1].values if rec.turns else rec.start_values
    actors = rec.names.get("actors", [])
    rows: list[tuple[Cell, ...]] = []
    for role, grade in overall.items():
        score = number(final["score"][actors.index(role)]) if role in actors else None
        rows.append((*ident, role, "overall", None, score, grade, None, None, None, None))
        for ob in objectives:
            if ob["role"] == role:
                given = ob.get("bands", [])[:4]
                bands = (*(number(b) for b in given), *(None,) * (4 - len(given)))
                rows.append(
                    (*ident, role, ob["id"], ob["name"], number(ob["value"]), ob["grade"], *bands)
                )
    return Table("grades", GRADE_COLUMNS, rows)


# ------------------------------------------------------------------------------------------------
# CSV
# ------------------------------------------------------------------------------------------------
def csv_cell(c: Cell) -> str:
    """A cell as CSV text: numbers with a '.' decimal point, no exponent, no padding zeros."""
    if c is None:
        return ""
    if isinstance(c, bool):
        return str(int(c))
    if isinstance(c, int):
        return str(c)
    if isinstance(c, float):
        return f"{c:.6f}".rstrip("0").rstrip(".")
    return c


def csv_text(table: Table) -> str:
    """The table as CSV (RFC 4180: comma-separated, quoted where needed, ``\\n`` line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(table.columns)
    w.writerows([csv_cell(c) for c in row] for row in table.rows)
    return buf.getvalue()


def write_csv(table: Table, path: str | Path) -> Path:
    """One table as a UTF-8 CSV file (no byte-order mark)."""
    path = Path(path)
    path.write_text(csv_text(table), encoding="utf-8", newline="")
    return path


def write_csv_folder(tables: Sequence[Table], folder: str | Path) -> list[Path]:
    """Each table as ``FOLDER/<name>.csv`` (the folder is made if need be)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_csv(t, folder / f"{t.name}.csv") for t in tables]


# ------------------------------------------------------------------------------------------------
# XLSX
# ------------------------------------------------------------------------------------------------
def xlsx_available() -> bool:
    """Whether XlsxWriter (the optional ``xlsx`` extra) is installed."""
    import importlib.util

    return importlib.util.find_spec("xlsxwriter") is not None


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """The tables as an .xlsx workbook, one sheet each: numbers in numeric cells, text (the
    years too, as in the record) in text cells, the header row frozen and filtered, columns
    as wide as their contents."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            # the cells are data: never turn text into formulas, links or numbers
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    wb.set_properties({"title": "Crossroads game", "created": _WORKBOOK_CREATED})
    header = wb.add_format({"bold": True, "bottom": 1})
    for table in tables:
        ws = wb.add_worksheet(table.name)
        ws.write_row(0, 0, table.columns, header)
        for r, row in enumerate(table.rows, start=1):
            for col, cell in enumerate(row):
                if isinstance(cell, str):
                    ws.write_string(r, col, cell)
                elif cell is not None:
                    ws.write_number(r, col, cell)
        for col, width in enumerate(_widths(table)):
            ws.set_column(col, col, width)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)
        # the years and ids are text on purpose (as in the record): no green triangles
        ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})
    wb.close()
    return buf.getvalue()


def _widths(table: Table) -> list[int]:
    """Each column's width in characters: its longest cell or header, plus room for the
    filter button."""
    widths = [len(c) + 3 for c in table.columns]
    for row in table.rows:
        for col, cell in enumerate(row):
            widths[col] = max(widths[col], len(csv_cell(cell)) + 1)
    return [min(w, _MAX_WIDTH) for w in widths]


def write_xlsx(tables: Sequence[Table], path: str | Path) -> Path:
    """The tables as an .xlsx workbook at ``path`` (``xlsx_bytes``)."""
    path = Path(path)
    data = xlsx_bytes(tables)
    path.write_bytes(data)
    return path
