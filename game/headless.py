"""``play SCENARIO --headless``: a whole game without a window, a short turn-by-turn summary,
the final grades, and optionally the full record (``--json``, the record file the window's
saves use too: ``docs/records.md``) and tidy per-turn values (``--csv``, columns
``game,turn,year,metric,state,partner,dimension,value``); and ``record-schema``, the JSON
Schema of the record file.

Row ``turn`` ``t`` describes the world after ``t`` turns; ``year`` is the period those values
describe (its end; ``engine.record.value_years``), so turn 0 - the starting conditions - is
the year before the first turn.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from .ai.policies import UnknownPolicy
from .engine.compiler import Compiled
from .engine.record import GameRecord, record_schema, value_years, write_record
from .kit.files import folder_problem
from .play.history import default_headless_policies
from .play.session import Session
from .scenario.loader import load_scenario
from .scenario.model import Scenario

CSV_COLUMNS = ("game", "turn", "year", "metric", "state", "partner", "dimension", "value")


def load_or_explain(ref: str, out: Any = None) -> Scenario | None:
    """Load a scenario; on errors print the validator's messages and return None."""
    from .scenario.diagnostics import render_text

    out = out or sys.stderr
    res = load_scenario(ref)
    errors = [d for d in res.diagnostics if d.severity == "error"]
    if res.scenario is None or errors:
        print(render_text(res.diagnostics), file=out)
        print(
            f"crossroads: cannot open '{ref}': fix the errors above "
            "(python main.py validate shows them too)",
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


def _read_class_code(args: argparse.Namespace) -> bool:
    """``play "class_abe_belt_road/seed 42/JPN/standard" --headless``: take the code's scenario
    and seed (an explicit ``--seed`` wins); its teams are played by their policies here."""
    from .play.classcode import CodeError, looks_like_code, parse_for_scenario

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
        pols = {**default_headless_policies(sc), **parse_policies(args.policy, sc)}
        session = Session.start(sc, humans=(), seed=args.seed, policies=pols)
    except UnknownPolicy as e:
        print(f"crossroads: {e}", file=sys.stderr)
        return 2
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
    if args.json:
        write_json(session, args.json)
    if args.csv:
        Path(args.csv).write_text(record_csv(session.record, c), encoding="utf-8")
    return 0


def text(t: Any) -> str:
    from .scenario.model import text_in

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


def write_json(s: Session, path: str) -> None:
    """The game's record file, with the names of its values' axes."""
    c = s.c
    s.record.names = {
        "states": list(c.state_ids),
        "partners": list(c.partner_ids),
        "powers": list(c.power_ids),
        "dimensions": list(c.dim_ids),
        "actors": list(c.actor_ids),
        "resources": list(c.res_ids),
        "meters": list(c.meter_ids),
    }
    write_record(s.record, path)


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


def record_csv(rec: GameRecord, c: Compiled, game: int = 0) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    snaps = [rec.start_values] + [t.values for t in rec.turns]
    years = value_years(c.scenario.calendar, len(snaps))
    for t, (v, year) in enumerate(zip(snaps, years)):
        for s, sid in enumerate(c.state_ids):
            for d, did in enumerate(c.dim_ids):
                for k, kid in enumerate(c.partner_ids):
                    w.writerow(
                        (game, t, year, "dependence", sid, kid, did, _f(100 * v["dep"][s][d][k]))
                    )
            w.writerow((game, t, year, "autonomy", sid, "", "", _f(v["autonomy"][s])))
            for p, pid in enumerate(c.power_ids):
                w.writerow((game, t, year, "trust", sid, pid, "", _f(v["trust"][s][p])))
            w.writerow((game, t, year, "stability", sid, "", "", _f(v["stability"][s])))
            w.writerow((game, t, year, "growth", sid, "", "", _f(v["growth"][s])))
        for a, aid in enumerate(c.actor_ids):
            for r, rid in enumerate(c.res_ids):
                if v["res"][a][r]:
                    w.writerow((game, t, year, f"resource:{rid}", aid, "", "", _f(v["res"][a][r])))
        for m, mid in enumerate(c.meter_ids):
            w.writerow((game, t, year, f"meter:{mid}", "", "", "", _f(v["meters"][m])))
        for r in c.roles:
            w.writerow((game, t, year, "score", c.actor_ids[r], "", "", _f(v["score"][r])))
    return buf.getvalue()


def _f(x: float) -> str:
    return f"{x:.4f}"
