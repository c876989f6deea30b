"""The scenario commands of the CLI (``game/cli.py`` parses arguments and calls these).

Each returns the process exit code: 0 success, 1 the content has errors, 2 a usage problem
(a path that does not exist, a file that would be overwritten, an unknown format). None of
them lets an exception escape: a user never sees a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ..kit.command import command
from .diagnostics import (
    DOCS_LINE,
    count,
    render_github,
    render_json,
    render_text,
    summary_line,
)

FORMATS = ("text", "json", "github")


def _say(msg: str, out: TextIO | None = None) -> None:
    print(msg, file=out or sys.stdout)


def _bug(exc: BaseException) -> int:
    if isinstance(exc, BrokenPipeError):
        raise exc  # the reader closed the pipe: main() ends quietly
    _say(
        f"Internal error ({type(exc).__name__}: {exc}). This is a bug in the game, not in "
        "your files: please report this.",
        sys.stderr,
    )
    return 1


def cmd_validate(paths: Sequence[str], fmt: str = "text") -> int:
    """Check scenario files or folders and print every problem.

    Exit 0 when there is no error (warnings are printed but allowed), 1 when any file has
    errors, 2 for usage errors (no path, a path that does not exist, an unknown format)."""
    try:
        from .discovery import installed_ids
        from .validate import validate_report

        if fmt not in FORMATS:
            _say(f"Unknown format '{fmt}': use one of {', '.join(FORMATS)}.", sys.stderr)
            return 2
        if not paths:
            _say(
                "Give at least one scenario file or folder to check, e.g. "
                f"'{command('validate scenarios/')}'.",
                sys.stderr,
            )
            return 2
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            ids = installed_ids()
            missing = [p for p in missing if p not in ids]
        if missing:
            for p in missing:
                _say(
                    f"'{p}' does not exist (no such file, folder or installed scenario). "
                    "Check the spelling; paths are relative to the folder you are in.",
                    sys.stderr,
                )
            return 2
        rep = validate_report(list(paths))
        diags = rep.diagnostics
        if fmt == "json":
            _say(render_json(diags))
        elif fmt == "github":
            text = render_github(diags)
            if text:
                _say(text)
        else:
            text = render_text(diags, rep.sources)
            if text:
                _say(text)
                _say("")
            _say(summary_line(diags, rep.n_files))
            if diags:
                _say(DOCS_LINE)
        errors, _ = count(diags)
        return 1 if errors else 0
    except Exception as exc:  # noqa: BLE001 - never a traceback
        return _bug(exc)


def cmd_schema(out: str | None = None) -> int:
    """Write the editor JSON Schema to ``out`` (stdout when None or '-')."""
    try:
        from .schema import json_schema

        text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
        if out in (None, "-"):
            sys.stdout.write(text)
            return 0
        target = Path(out)  # type: ignore[arg-type]
        if target.is_dir():
            target = target / "scenario.schema.json"
        if not target.parent.is_dir():
            _say(f"Cannot write '{out}': the folder '{target.parent}' does not exist.", sys.stderr)
            return 2
        target.write_text(text, encoding="utf-8")
        _say(f"Wrote the scenario JSON Schema to {target}.")
        _say(
            "In VS Code (with the YAML extension) add the line\n"
            f"  # yaml-language-server: $schema={target.name}\n"
            "at the top of a scenario file next to it, or map it in the 'yaml.schemas' "
            "setting."
        )
        return 0
    except BrokenPipeError:
        raise  # the reader closed the pipe: main() ends quietly
    except OSError as exc:
        _say(f"Cannot write '{out}': {exc.strerror or exc}.", sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001
        return _bug(exc)


def cmd_new_scenario(name: str, dest: str | None = None) -> int:
    """Write a starter scenario ``<dest>/<id>/scenario.yaml``; never overwrites (exit 2)."""
    try:
        from .discovery import display_name
        from .template import new_scenario, slug

        if not name or not name.strip():
            _say(
                "Give the scenario a name, e.g. '"
                + command('new-scenario "Silk Road 2030"')
                + "'.",
                sys.stderr,
            )
            return 2
        folder: Path | None = None
        if _looks_like_a_path(name):
            # 'new-scenario /tmp/my_region' or 'new-scenario ../ideas/silk_road': the scenario
            # goes in exactly that folder, and its id comes from the folder's name.
            if dest not in (None, "", "."):
                _say(f"Give either a path ('{name}') or --dir, not both.", sys.stderr)
                return 2
            folder = Path(name).expanduser()
            name = folder.name
            if not name or name in (".", ".."):
                _say(
                    f"'{folder}' does not name a new folder; give a path that ends in the "
                    f"scenario's name, e.g. '{command('new-scenario ~/scenarios/silk_road')}'.",
                    sys.stderr,
                )
                return 2
            if folder.exists() and not folder.is_dir():
                _say(f"'{folder}' is a file, not a folder.", sys.stderr)
                return 2
            if not folder.parent.is_dir():
                _say(
                    f"Cannot create '{folder}': the folder '{folder.parent}' does not exist.",
                    sys.stderr,
                )
                return 2
        dest_dir = Path(dest) if dest else Path.cwd()
        if folder is None and dest_dir.exists() and not dest_dir.is_dir():
            _say(f"'{dest}' is a file, not a folder.", sys.stderr)
            return 2
        try:
            path = new_scenario(name, dest_dir, folder)
        except FileExistsError as exc:
            _say(
                f"'{display_name(Path(str(exc)))}' already exists; nothing was written. "
                "Choose another name, or delete the old file first.",
                sys.stderr,
            )
            return 2
        shown = display_name(path)
        _say(f"Created {shown} (scenario id '{slug(name)}').")
        _say(f"Next: edit it, then check it with '{command('validate ' + shown)}'.")
        return 0
    except OSError as exc:
        _say(f"Cannot write the scenario: {exc.strerror or exc}.", sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001
        return _bug(exc)


def _looks_like_a_path(name: str) -> bool:
    return any(sep in name for sep in ("/", os.sep, os.altsep or "/")) or name.startswith("~")


def scenario_rows() -> list[dict[str, object]]:
    """One row per installed scenario; failures are listed with their error count."""
    from .diagnostics import count as _count
    from .discovery import display_name
    from .loader import list_installed

    rows: list[dict[str, object]] = []
    for path, res in list_installed():
        if res.scenario is not None:
            row = dict(res.scenario.summary_row())
            row["path"] = display_name(Path(str(row.get("path") or path)))
            row["errors"] = 0
            row["warnings"] = len(res.warnings)
        else:
            e, w = _count(res.diagnostics)
            sid = path.parent.name if path.name.startswith("scenario.") else path.stem
            row = {"id": sid, "title": None, "path": display_name(path), "errors": e, "warnings": w}
        rows.append(row)
    return rows


def cmd_scenarios(as_json: bool = False) -> int:
    """List installed scenarios (``{"scenarios": [rows...]}`` with ``as_json``)."""
    try:
        rows = scenario_rows()
        if as_json:
            _say(json.dumps({"scenarios": rows}, ensure_ascii=False, indent=2))
            return 0
        if not rows:
            from .discovery import display_name, installed_dir

            # the game ships scenarios, so none found means a broken installation
            _say(
                f"No scenarios are installed: the folder '{display_name(installed_dir())}' has "
                "none. Reinstall the game, or give a scenario file: "
                f"'{command('play PATH')}'.",
                sys.stderr,
            )
            return 1
        for r in rows:
            if r.get("errors"):
                _say(
                    f"{r['id']:<28} BROKEN: {r['errors']} error(s) - run "
                    f"'{command('validate ' + str(r['path']))}'"
                )
                continue
            roles = ", ".join(r.get("playable_roles") or []) or "-"  # type: ignore[arg-type]
            langs = ", ".join(r.get("languages") or ["en"])  # type: ignore[arg-type]
            _say(
                f"{r['id']:<28} {r['kind']:<9} {r['minutes']:>4} min  "
                f"{r['start_year']}-{r['end_year']}  {r['turns']:>3} turns  "
                f"roles: {roles:<17} languages: {langs:<11} {r['title']}"
            )
        _say(
            "kind 'class' = made for one lesson; min = expected playing time. "
            f"Open one with: {command('play ID')}"
        )
        return 0
    except Exception as exc:  # noqa: BLE001
        return _bug(exc)
