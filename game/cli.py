"""The command line shared by ``python main.py`` and the ``crossroads`` console script.

Each command lives in its own module and is imported only when used, so ``validate`` never loads
pygame and the window never loads the balance lab. Errors reach the user as one plain message
and a non-zero exit, never as a traceback (an unexpected crash prints where to report it).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from .kit.command import command, command_prefix

EXAMPLES = (
    ("", "open the game window"),
    ("play class_abe_belt_road", "open a scenario in the window"),
    ("play class_war_corridor --headless --seed 3", "play a whole game without a window"),
    ("validate scenarios/", "check scenario files"),
    ("new-scenario my_region", "start a scenario of your own (docs/new-region.md)"),
    ("balance class_abe_belt_road --quick", ""),
    ("brief class_abe_belt_road --role all --lang ja", "print a brief for each team"),
)


def epilog() -> str:
    """The examples under ``--help``, written with the command the user typed."""
    out = ["examples:"]
    for rest, what in EXAMPLES:
        line = "  " + command(rest)
        if what and len(line) > 48:
            out += [line, " " * 50 + what]
        else:
            out.append(f"{line:<50}{what}".rstrip())
    return "\n".join(out) + "\n"


MAX_SEED = 2**63 - 1


def _version() -> str:
    """The installed version (the package metadata), or the source tree's when not installed."""
    from importlib import metadata

    try:
        return metadata.version("crossroads")
    except metadata.PackageNotFoundError:
        from . import __version__

        return __version__


def seed_number(text: str) -> int:
    """A seed as the command line takes it: a whole number from 0 to 2**63 - 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range: a seed is a whole number from 0 to {MAX_SEED}"
        )
    return value


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog=command_prefix(),
        description="Crossroads: Balanced Diplomacy in Central Asia",
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--version", action="version", version=f"crossroads {_version()}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "play",
        help="play a scenario (window, or --headless)",
        description="Play a scenario in the window, or a whole game headless.",
    )
    p.add_argument("scenario", metavar="SCENARIO", help="an installed scenario id or a path")
    p.add_argument(
        "--role",
        action="append",
        default=[],
        help="the role you play, e.g. JPN (repeat for team hotseat)",
    )
    p.add_argument("--seed", type=seed_number, default=1, help="random seed (default 1)")
    p.add_argument("--headless", action="store_true", help="play without a window")
    p.add_argument(
        "--policy",
        action="append",
        default=[],
        metavar="ROLE=POLICY",
        help="policy for a role, e.g. JPN=greedy, or all=historical "
        "(headless; repeatable, later ones win)",
    )
    p.add_argument(
        "--counterfactual",
        action="append",
        default=[],
        metavar="ROLE",
        help="headless: also play the same game with ROLE doing nothing (repeatable, or "
        "JPN,CHN); the record's 'counterfactual' keeps its objectives turn by turn. Default: "
        "the playable roles given a --policy (else every playable role), unless already "
        "passive; 'none' for no counterfactual",
    )
    files = p.add_argument_group(
        "files of the game (each implies --headless; docs/records.md describes them)",
        "CSV numbers have a '.' decimal point: a spreadsheet in Russian, German... reads "
        "them as text unless the import's language is English (USA); --xlsx avoids that.",
    )
    files.add_argument("--json", metavar="FILE", help="the game record (JSON)")
    files.add_argument(
        "--csv", metavar="FILE", help="every value after every turn, one tidy CSV table"
    )
    files.add_argument(
        "--export",
        metavar="DIR",
        help="every table as CSV in DIR: game.csv, values.csv (as --csv), actions.csv, "
        "events.csv, grades.csv",
    )
    files.add_argument(
        "--xlsx",
        metavar="FILE",
        help="the same tables as one spreadsheet workbook, a sheet each (numbers stored as "
        "numbers; needs XlsxWriter: pip install 'crossroads[xlsx]')",
    )
    p.add_argument("--quiet", action="store_true", help="print only the final grades")
    p.add_argument(
        "--autoplay",
        type=int,
        metavar="N",
        help="window: let a policy play N turns through the real input path",
    )
    p.add_argument("--screenshot-dir", metavar="DIR", help="window: save a PNG of every scene")
    p.add_argument("--size", default=None, help="window size, e.g. 1920x1080")
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument("--lang", default=None, help="interface language: en, ja, ru")
    p.add_argument("--difficulty", default=None, help="introductory, standard or advanced")
    p.add_argument("--projector", action="store_true", help="large text, high contrast")

    p = sub.add_parser("scenarios", help="list installed scenarios")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = sub.add_parser("validate", help="check scenario files or folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (default), json, or github (annotations for GitHub Actions)",
    )

    p = sub.add_parser("schema", help="write the JSON Schema editors use for completion")
    p.add_argument("--out", metavar="FILE", help="file to write (default: print)")

    p = sub.add_parser(
        "record-schema", help="write the JSON Schema of game records (saves and --json)"
    )
    p.add_argument("--out", metavar="FILE", help="file to write (default: print)")

    p = sub.add_parser("new-scenario", help="write a commented starter scenario")
    p.add_argument("name", metavar="NAME", help="scenario id, e.g. my_first_scenario")
    p.add_argument("--dir", default=".", help="folder to write it in (default: here)")

    p = sub.add_parser(
        "balance",
        help="run a balance study and write a report",
        epilog="policies: passive, random, historical, strategic, multivector, greedy, "
        "rollout[:H[:R]], no:FAMILY, only:FAMILY, spam:ACTION. Exit status: 0 when "
        "every expectation passes, 1 when one fails, 2 for a usage error. "
        "docs/balance.md explains the report.",
    )
    p.add_argument(
        "scenario",
        metavar="SCENARIO",
        help="a shipped scenario id (see 'scenarios') or a scenario file",
    )
    p.add_argument(
        "--games",
        type=int,
        default=None,
        help="games per policy profile (default: the scenario's balance.games)",
    )
    p.add_argument(
        "--policies",
        nargs="*",
        default=[],
        metavar="ROLE=P1,P2",
        help="policies to compare per role, e.g. JPN=random,greedy",
    )
    p.add_argument(
        "--seed",
        type=seed_number,
        default=1,
        help="seed of the study (default 1); every profile plays the same games",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="local worker processes (default 1; at most one per core, which is right)",
    )
    p.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDR",
        help="Dask scheduler: tcp://127.0.0.1:8786 on this computer, or tls://HOST:PORT with "
        "certificates in Dask's configuration for any other (docs/balance.md)",
    )
    p.add_argument(
        "--insecure",
        action="store_true",
        help="allow an unencrypted tcp:// scheduler on another computer: any computer that "
        "joins it as a worker can then run code on this one; only for a network you alone "
        "control",
    )
    p.add_argument(
        "--out",
        default="balance-report",
        metavar="DIR",
        help="folder for report.md, the CSV files and the charts (default: balance-report)",
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help="fewer profiles: random, greedy and strategic for each role (no "
        "rollout, no one-family play)",
    )
    p.add_argument(
        "--chunk",
        type=int,
        default=None,
        help="games per chunk, the unit of work (default 500; results do not depend on it)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar (for logs)")

    p = sub.add_parser("bench", help="print the engine's throughput figures")
    p.add_argument(
        "--quick",
        action="store_true",
        help="smaller batches, about half the time; the figures are then not "
        "comparable with the targets, which are not checked",
    )
    p.add_argument(
        "--scenario", default=None, help="scenario to measure (default: campaign_1992_2025)"
    )

    p = sub.add_parser("report", help="class report from several groups' game records")
    p.add_argument(
        "records",
        nargs="+",
        metavar="RECORD",
        help="the groups' save files (.json) or headless --json records, or "
        "folders holding them (one folder per group names the group)",
    )
    p.add_argument(
        "--out",
        default="class-report",
        metavar="DIR",
        help="folder for the report (created if missing; default: class-report)",
    )
    p.add_argument("--html", action="store_true", help="also write report.html")
    p.add_argument(
        "--lang",
        choices=("en", "ja", "ru"),
        default="en",
        type=str.lower,
        help="language of report.md, report.png and report.html: en (default), "
        "ja or ru; the scenario's names and questions come from its own "
        "translations (English where it has none)",
    )

    p = sub.add_parser(
        "brief",
        help="a printable brief for a team: situation, objectives, tools, sources",
        description="Write a brief a teacher can print for each team: the situation, the "
        "role's objectives and grade bands, its actions with their costs and effects, the "
        "other actors, key terms and sources to read, as one HTML page (A4 or Letter).",
    )
    p.add_argument("scenario", metavar="SCENARIO", help="an installed scenario id or a path")
    p.add_argument(
        "--role",
        required=True,
        help="the team's role, e.g. JPN, or all for one brief per playable role",
    )
    p.add_argument(
        "--lang",
        choices=("en", "ja", "ru"),
        default="en",
        type=str.lower,
        help="language of the brief: en (default), ja or ru; the scenario's own texts come "
        "from its translations (English where it has none, and the page says so)",
    )
    p.add_argument(
        "--out",
        metavar="F",
        help="file to write (default: brief-SCENARIO-ROLE-LANG.html here); with --role all, "
        "the folder for the briefs",
    )
    return ap


def _dispatch(args: argparse.Namespace) -> int:
    cmd = args.command
    if cmd is None:
        from .ui.app import run_window

        return run_window(args)
    if cmd == "play":
        # the files of a played game are written by the headless game: asking for one is
        # asking for it
        if args.headless or args.json or args.csv or args.export or args.xlsx:
            from .headless import cmd_play_headless

            return cmd_play_headless(args)
        from .ui.app import run_window

        return run_window(args)
    if cmd == "scenarios":
        from .scenario.cli_commands import cmd_scenarios

        return cmd_scenarios(args.json)
    if cmd == "validate":
        from .scenario.cli_commands import cmd_validate

        return cmd_validate(args.paths, args.format)
    if cmd == "schema":
        from .scenario.cli_commands import cmd_schema

        return cmd_schema(args.out)
    if cmd == "record-schema":
        from .headless import cmd_record_schema

        return cmd_record_schema(args.out)
    if cmd == "new-scenario":
        from .scenario.cli_commands import cmd_new_scenario

        return cmd_new_scenario(args.name, args.dir)
    if cmd == "balance":
        from .balance.cli import cmd_balance

        return cmd_balance(args)
    if cmd == "bench":
        from .bench import cmd_bench

        return cmd_bench(args)
    if cmd == "report":
        from .report import cmd_report

        return cmd_report(args)
    if cmd == "brief":
        from .brief import cmd_brief

        return cmd_brief(args)
    raise AssertionError(cmd)


def _reader_went_away() -> int:
    """The program reading our output closed the pipe (``... | head -1``): stop quietly, as
    Unix tools do. Point stdout at /dev/null so Python's final flush cannot complain, and
    exit with the status a shell gives a command killed by SIGPIPE."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 128 + 13


def main(argv: Sequence[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    try:
        return int(_dispatch(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _reader_went_away()
    except Exception as e:  # the user never sees a traceback
        if os.environ.get("CROSSROADS_DEBUG"):
            traceback.print_exc()
        print(
            f"crossroads: internal error: {type(e).__name__}: {e}\n"
            "This is a bug in the game, not in your files. Run again with CROSSROADS_DEBUG=1 "
            "to see the details and report them.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
