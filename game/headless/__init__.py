"""``play SCENARIO --headless``: a whole game without a window, a short turn-by-turn summary,
the final grades, and optionally the full record (``--json``, the record file the window's
saves use too: ``docs/records.md``) and the game as tables (``export.py``): the values as one
tidy CSV (``--csv``), every table as CSV files in a folder (``--export``) or as one .xlsx
workbook (``--xlsx``); and ``record-schema``, the JSON Schema of the record file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from ..ai.policies import UnknownPolicy
from ..engine.compiler import Compiled
from ..engine.record import record_schema, value_years, write_record
from ..kit.command import command
from ..kit.files import folder_problem
from ..play.history import default_headless_policies
from ..play.session import Session
from ..scenario.loader import load_scenario
from ..scenario.model import Scenario
from . import export


def load_or_explain(ref: str, out: Any = None) -> Scenario | None:
    """Load a scenario; on errors print the validator's messages and return None."""
    from ..scenario.diagnostics import render_text

    out = out or sys.stderr
    res = load_scenario(ref)
    errors = [d for d in res.diagnostics if d.severity == "error"]
    if res.scenario is None or errors:
        print(render_text(res.diagnostics), file=out)
        print(
            f"crossroads: cannot open '{ref}': fix the errors above "
            f"({command('validate')} shows them too)",
            file=out,
        )
        return None
    return res.scenario


def parse_policies(items: list[str], sc: Scenario) -> dict[str, str]:
    out = {}
    ids = [a.id for a in sc.actors]
    for it in items:
        role, sep, pol = it.partition("=")
        if not sep or not pol:
            raise UnknownPolicy(f"'{it}': write ROLE=POLICY, e.g. JPN=greedy")
        if role.lower() == "all":  # e.g. all=historical: every actor on the same policy
            out.update({a: pol for a in ids})
            continue
        if role not in ids:
            raise UnknownPolicy(
                f"'{role}' is not an actor of this scenario (actors: {', '.join(ids)})"
            )
        out[role] = pol
    return out


def counterfactual_roles(
    items: list[str], sc: Scenario, pols: dict[str, str], given: dict[str, str] | None = None
) -> tuple[str, ...]:
    """The roles that do nothing in the game's counterfactual (``--counterfactual``): those
    named (``JPN``, ``JPN,CHN``; ``none`` for no counterfactual); else the playable roles the
    user gave a policy with ``--policy`` (``given``: the role being studied, so
    ``--policy JPN=greedy`` compares with Japan alone doing nothing, as a class sees it);
    else every playable role. Never a role already on ``passive``."""
    named = [r.strip() for it in items for r in it.split(",") if r.strip()]
    if any(r.lower() == "none" for r in named):
        return ()
    if not named:
        studied = [r for r in sc.playable_roles if r in (given or {})]
        return tuple(r for r in (studied or sc.playable_roles) if pols.get(r) != "passive")
    ids = [a.id for a in sc.actors if a.kind == "power" or a.id in sc.playable_roles]
    for r in named:
        if r not in ids:
            raise UnknownPolicy(
                f"--counterfactual {r}: not a power or playable role of this scenario "
                f"(choose from: {', '.join(ids)})"
            )
    return tuple(dict.fromkeys(named))


def _read_class_code(args: argparse.Namespace) -> bool:
    """``play "class_abe_belt_road/seed 42/JPN/standard" --headless``: take the code's scenario
    and seed (an explicit ``--seed`` wins); its teams are played by their policies here."""
    from ..play.classcode import CodeError, looks_like_code, parse_for_scenario

    ref = args.scenario
    if not looks_like_code(ref) or Path(ref).exists():
        return True
    try:
        setup = parse_for_scenario(ref, lambda sid: load_scenario(sid).scenario)
    except CodeError as e:
        print(f"crossroads: class code '{ref}': {e}", file=sys.stderr)
        return False
    args.scenario = setup.scenario
    if args.seed in (None, 1):
        args.seed = setup.seed
    if setup.difficulty and not getattr(args, "difficulty", None):
        args.difficulty = setup.difficulty
    print(
        f"crossroads: class code: scenario {setup.scenario}, seed {args.seed}"
        + (
            f"; teams {'+'.join(setup.roles)} are played by their policies here"
            if setup.roles
            else ""
        ),
        file=sys.stderr,
    )
    return True


def output_problem(args: argparse.Namespace) -> str | None:
    """Why ``--json`` or ``--csv`` could not be written, found before the game is played (a
    whole campaign is not played only to fail at its last line), or None. A probe file is
    written and removed in each folder (``kit.files.folder_problem``)."""
    targets = [("--json", args.json), ("--csv", getattr(args, "csv", None))]
    given = [(opt, Path(v)) for opt, v in targets if v]
    if len(given) == 2 and given[0][1].resolve() == given[1][1].resolve():
        return f"--json and --csv name the same file ({given[0][1]}); give two files"
    for opt, path in given:
        if path.is_dir():
            return f"{opt} {path}: this is a folder; give a file name, e.g. {path / 'game.json'}"
        problem = folder_problem(path.parent)
        if problem is not None:
            return f"{opt} {path}: {problem}"
    return None


def cmd_play_headless(args: argparse.Namespace) -> int:
    problem = output_problem(args)
    if problem is not None:
        print(f"crossroads: {problem}", file=sys.stderr)
        return 2
    if not _read_class_code(args):
        return 2
    if args.xlsx and not export.xlsx_available():
        print(f"crossroads: {export.XLSX_MISSING}", file=sys.stderr)
        return 2
    sc = load_or_explain(args.scenario)
    if sc is None:
        return 1
    if getattr(args, "difficulty", None) not in (None, "standard"):
        print(
            f"crossroads: note: a headless game plays the scenario as written, so the "
            f"'{args.difficulty}' difficulty (the teams' budgets and the rivals' policy) "
            "does not apply here; it applies in the window. Use --policy to vary the "
            "computer players, e.g. --policy RUS=greedy.",
            file=sys.stderr,
        )
    try:
        given = parse_policies(args.policy, sc)
        pols = {**default_headless_policies(sc), **given}
        passive = counterfactual_roles(getattr(args, "counterfactual", []), sc, pols, given)
        session = Session.start(sc, humans=(), seed=args.seed, policies=pols)
    except UnknownPolicy as e:
        print(f"crossroads: {e}", file=sys.stderr)
        return 2
    session.enable_counterfactual(passive)
    c = session.c
    if not args.quiet:
        roles = ", ".join(f"{r}={p}" for r, p in pols.items())
        print(
            f"{sc.meta.id}: {text(sc.meta.title)} - {c.n_turns} turns, seed {args.seed}"
            + (f", {roles}" if roles else "")
        )
    while not session.over:
        rep = session.play_turn()
        if not args.quiet:
            print(turn_line(session, rep))
    print_final(session)
    return write_files(session, args)


def text(t: Any) -> str:
    from ..scenario.model import text_in

    return text_in(t)


def turn_line(s: Session, rep: Any) -> str:
    c = s.c
    # the roles and every other power (the states' own moves are in --json and --csv)
    shown = set(c.scenario.playable_roles) | set(c.power_ids)
    acts = "; ".join(f"{a}: {', '.join(v)}" for a, v in rep.actions.items() if a in shown)
    aut = s.st.autonomy[0].mean()
    ev = f"  events: {', '.join(rep.events)}" if rep.events else ""
    scores = " ".join(f"{r}={v:.2f}" for r, v in rep.scores.items())
    return f"{rep.year}  autonomy {aut:5.1f}  score {scores}  | {acts or '-'}{ev}"


def print_final(s: Session) -> None:
    print("final grades:")
    for role, g in s.grades().items():
        print(f"  {role}: {g}  (score {s.st.score[0, s.c.actor_index[role]]:.3f})")
        for ob in s.objectives():
            if ob["role"] == role:
                print(f"    {ob['grade']}  {ob['name']}: {ob['value']}")
    cf = s.counterfactual
    if cf is not None:
        grades = ", ".join(f"{r}: {g}" for r, g in s.grades_without().items())
        print(f"without {'+'.join(cf.passive)} (the same game, doing nothing): {grades}")


def write_files(s: Session, args: argparse.Namespace) -> int:
    """The files asked for: ``--json``, ``--csv``, ``--export``, ``--xlsx``. A file that
    cannot be written is said in one line (exit 2), after the others are written."""
    c = s.c
    rec = s.record
    rec.names = record_names(c)
    years = value_years(c.scenario.calendar, len(rec.turns) + 1)
    tables = export.game_tables(rec, years, [c.actor_ids[r] for r in c.roles])
    values = next(t for t in tables if t.name == "values")
    jobs: list[tuple[str | None, Callable[[str], object]]] = [
        (args.json, partial(write_record, rec)),
        (args.csv, partial(export.write_csv, values)),
        (args.export, partial(export.write_csv_folder, tables)),
        (args.xlsx, partial(export.write_xlsx, tables)),
    ]
    status = 0
    for target, write in jobs:
        if not target:
            continue
        try:
            write(target)
        except OSError as e:
            print(f"crossroads: cannot write '{target}': {e.strerror or e}", file=sys.stderr)
            status = 2
    return status


def record_names(c: Compiled) -> dict[str, list[str]]:
    """The ids along the record's values' axes (``GameRecord.names``)."""
    return {
        "states": list(c.state_ids),
        "partners": list(c.partner_ids),
        "powers": list(c.power_ids),
        "dimensions": list(c.dim_ids),
        "actors": list(c.actor_ids),
        "resources": list(c.res_ids),
        "meters": list(c.meter_ids),
    }


def cmd_record_schema(out: str | None = None) -> int:
    """``record-schema [--out FILE]``: the JSON Schema of the record file (stdout without
    ``--out``)."""
    text = json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"
    if out in (None, "-"):
        sys.stdout.write(text)
        return 0
    target = Path(str(out))
    if target.is_dir():
        target = target / "record.schema.json"
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as e:
        print(f"crossroads: cannot write '{out}': {e.strerror or e}", file=sys.stderr)
        return 2
    print(f"Wrote the record JSON Schema to {target}.")
    return 0
