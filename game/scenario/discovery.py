"""Finding scenarios: the installed ones, the manifests in a folder, and what a name refers to.

A scenario is a manifest (a .yaml file with a top-level ``meta:``) plus the files it includes.
The installed scenarios are the ones shipped with the game (``game.data``: the repository's
``scenarios/`` folder, or its copy inside an installed wheel). ``resolve_manifest`` turns what a
user typed (a file, a folder or an installed id) into a manifest, or an E015 that says why not.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from .. import data
from ..kit.command import command
from .diagnostics import Diagnostic, error
from .yamlsafe import read_bytes

MANIFEST_NAMES = ("scenario.yaml", "scenario.yml")
YAML_EXT = (".yaml", ".yml")


def installed_dir() -> Path:
    """The folder of the installed scenarios (see ``game.data``)."""
    return data.folder("scenarios")


def display_name(path: Path) -> str:
    """A path as the author should see it: relative to the current folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


_META_LINE = re.compile(rb"^meta[ \t]*:", re.M)


def is_manifest(path: Path) -> bool:
    """A manifest is a .yaml file with a top-level ``meta:`` key (checked cheaply, on text)."""
    raw, _ = read_bytes(path)  # regular files only, never more than the size limit
    return raw is not None and bool(_META_LINE.search(raw))


def discover_scenarios(folder: str | os.PathLike[str]) -> list[Path]:
    """Every scenario manifest under ``folder`` (recursively, hidden folders skipped)."""
    root = Path(folder)
    out: list[Path] = []
    if not root.is_dir():
        return out
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
        for fn in sorted(filenames):
            if fn.endswith(YAML_EXT) and not fn.startswith("."):
                p = Path(dirpath) / fn
                if is_manifest(p):
                    out.append(p)
    return out


def installed_ids() -> dict[str, Path]:
    """id -> manifest of every installed scenario (by file or folder name)."""
    out: dict[str, Path] = {}
    root = installed_dir()
    for p in discover_scenarios(root):
        sid = p.parent.name if p.name in MANIFEST_NAMES else p.stem
        out.setdefault(sid, p)
    return out


def resolve_manifest(path_or_id: str | os.PathLike[str]) -> tuple[Path | None, list[Diagnostic]]:
    """A file path, a folder with scenario.yaml, or an installed scenario id -> the manifest."""
    s = os.fspath(path_or_id)
    p = Path(s)
    if p.is_dir():
        for name in MANIFEST_NAMES:
            if (p / name).is_file():
                return p / name, []
        found = discover_scenarios(p)
        if len(found) == 1:
            return found[0], []
        return None, [
            error(
                "E015",
                display_name(p),
                1,
                1,
                "",
                f"The folder '{display_name(p)}' has no scenario.yaml"
                + (f" (it has {len(found)} scenarios)." if found else "."),
                "Give the path of the scenario file itself, e.g. "
                f"{display_name(p / 'scenario.yaml')}.",
                False,
            )
        ]
    if p.is_file() or p.exists():  # not a regular file: the reader refuses it, unread
        return p, []
    if re.fullmatch(r"[A-Za-z0-9_.-]+", s) and not s.endswith(YAML_EXT):
        root = installed_dir()
        for cand in (
            root / f"{s}.yaml",
            root / f"{s}.yml",
            root / s / "scenario.yaml",
            root / s / "scenario.yml",
        ):
            if cand.is_file():
                return cand, []
        ids = installed_ids()
        if s in ids:
            return ids[s], []
        close = difflib.get_close_matches(s, list(ids), n=1)
        hint = (
            f"Did you mean '{close[0]}'?"
            if close
            else "Installed scenarios: " + (", ".join(sorted(ids)) or "none") + "."
        )
        return None, [
            error(
                "E015",
                s,
                1,
                1,
                "",
                f"There is no scenario file or installed scenario called '{s}'.",
                hint + f" Run '{command('scenarios')}' to list them.",
                False,
            )
        ]
    return None, [
        error(
            "E015",
            s,
            1,
            1,
            "",
            f"The file '{s}' does not exist.",
            "Check the spelling of the path (it is relative to the folder you are in).",
            False,
        )
    ]
