"""``python main.py balance SCENARIO``: run a balance study and write its report.

Exit codes: 0 when every declared expectation holds, 1 when one fails (or is not shown with the
games played), 2 for usage errors (unknown scenario, role or policy, bad numbers, unreachable
cluster), always with a plain message, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..kit.command import command
from .executors import ExecutorError, ProgressBar
from .study import StudyError, check_sizes, parse_policy_args, run_study


def load(ref: str, err=None):  # noqa: ANN001, ANN201
    """The scenario ``ref`` (an installed id or a path), or None after printing why not."""
    from ..scenario.diagnostics import render_text
    from ..scenario.loader import load_scenario

    err = err or sys.stderr
    res = load_scenario(ref)
    errors = [d for d in res.diagnostics if d.severity == "error"]
    if res.scenario is None or errors:
        try:
            print(render_text(res.diagnostics), file=err)
        except Exception:  # noqa: BLE001 - printing the messages must not crash
            for d in res.diagnostics:
                print(f"{d.file}:{d.line}:{d.col}: {d.code}: {d.message}", file=err)
        print(
            f"crossroads: cannot open '{ref}': fix the errors above "
            f"({command('validate')} shows them too)",
            file=err,
        )
        return None
    return res.scenario


def cmd_balance(args: argparse.Namespace) -> int:
    err = sys.stderr
    sc = load(args.scenario, err)
    if sc is None:
        return 2
    games = args.games if args.games is not None else sc.balance.games
    try:
        check_sizes(games, 1 if args.workers is None else args.workers, args.chunk)
    except StudyError as e:
        print(f"crossroads: {e}", file=err)
        return 2
    try:
        policies = parse_policy_args(args.policies or [], sc) or None
    except StudyError as e:
        print(f"crossroads: {e}", file=err)
        return 2
    show = not args.no_progress

    def progress(label: str) -> ProgressBar:
        return ProgressBar(f"{sc.meta.id}: {label}", err, enabled=show)

    from ..engine.compiler import compile_scenario

    c = compile_scenario(sc)
    if show:
        from .study import plan_study

        try:
            plan = plan_study(sc, c, policies, args.quick)
        except StudyError as e:
            print(f"crossroads: {e}", file=err)
            return 2
        slow = sum(1 for s in plan.grid if any(p.startswith("rollout") for _, p in s.policies))
        print(
            f"{sc.meta.id}: balance study, {len(plan.grid)} profiles x {games:,} games"
            + (" (quick)" if args.quick else "")
            + (
                f"; {slow} profiles use the rollout policy, which is slow (use --quick or "
                "--policies for a shorter study)"
                if slow
                else ""
            ),
            file=err,
        )
    t0 = time.perf_counter()
    try:
        study = run_study(
            sc,
            games=games,
            seed=args.seed,
            policies=policies,
            quick=args.quick,
            workers=args.workers or 1,
            scheduler=args.scheduler,
            chunk=args.chunk,
            progress=progress,
            c=c,
            insecure=getattr(args, "insecure", False),
            checkpoint=Path(args.out) / ".chunks",
        )
    except StudyError as e:
        print(f"crossroads: {e}", file=err)
        return 2
    except ExecutorError as e:
        print(f"crossroads: {e}", file=err)
        return 2
    from . import report as R

    out = Path(args.out)
    try:
        rep = R.write(study, out)
    except OSError as e:
        print(f"crossroads: cannot write the report to '{out}': {e.strerror or e}", file=err)
        return 2
    total = time.perf_counter() - t0
    print(
        f"{sc.meta.id}: {len(study.plan.grid)} profiles x {games:,} games "
        f"({len(study.runs)} runs with references, ablations and order checks) in "
        f"{study.seconds:.1f} s on {study.executor}; report written in {total:.1f} s to "
        f"{out / 'report.md'}"
    )
    for line in R.raw_value_lines(study, rep):
        print(line)
    print("expectations:")
    for line in R.verdict_lines(rep):
        print(line)
    if rep.failed:
        print(f"{len(rep.failed)} of {len(rep.verdicts)} expectations do not hold")
        return 1
    return 0
