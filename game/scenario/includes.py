"""Reading a scenario's files: the manifest and everything it lists under ``include:``.

Layer 0 of loading (E006, E008, E011, E012, E014): each file goes through the hardened YAML
reader (``yamlsafe``: layer 1, E001-E010); ``include:`` entries are relative paths or globs that
must stay inside the scenario's folder (the whole installed ``scenarios/`` folder for an
installed scenario, so scenarios can share ``scenarios/common/``); loops, files included twice
and too many files are reported at the line of the entry.
"""

from __future__ import annotations

import difflib
import glob
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import discovery
from .diagnostics import Diagnostic, error, path_str
from .discovery import YAML_EXT, display_name
from .model import ScenarioFile
from .yamlsafe import Marks, load_path

MAX_FILES = 50
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass
class SourceFile:
    """One file of a scenario, as read."""

    name: str
    path: Path
    raw: bytes | None = None
    text: str = ""
    data: dict[str, Any] | None = None
    marks: Marks = field(default_factory=Marks)
    model: ScenarioFile | None = None
    #: False when the YAML layer or the schema layer could not produce anything usable
    usable: bool = False
    #: section -> ids of items dropped after a schema error ("declared but invalid")
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    #: sections dropped as a whole after a schema error
    broken_sections: set[str] = field(default_factory=set)
    #: list path (original coordinates) -> original index of each surviving item
    index_maps: dict[tuple[Any, ...], list[int]] = field(default_factory=dict)

    def to_original(self, path: tuple[Any, ...]) -> tuple[Any, ...]:
        """Translate a path in the validated (pruned) data to the path in the file."""
        out: tuple[Any, ...] = ()
        for comp in path:
            if isinstance(comp, int):
                m = self.index_maps.get(out)
                if m is not None and 0 <= comp < len(m):
                    comp = m[comp]
            out += (comp,)
        return out


def _read(path: Path) -> tuple[SourceFile, list[Diagnostic]]:
    name = display_name(path)
    data, marks, diags, raw, text = load_path(path, name)
    sf = SourceFile(name=name, path=path, raw=raw, text=text, data=data, marks=marks)
    sf.usable = data is not None
    return sf, diags


def read_all(manifest: Path) -> tuple[list[SourceFile], list[Diagnostic], bool]:
    """The manifest and everything it includes, depth-first in the listed order.

    Returns (files, diagnostics, complete) - complete is False when some file is missing or
    unreadable, so cross-reference checks would only produce noise."""
    root = include_root(manifest)
    files: list[SourceFile] = []
    diags: list[Diagnostic] = []
    loaded: dict[Path, str] = {}
    complete = True

    def visit(path: Path, stack: tuple[Path, ...]) -> None:
        nonlocal complete
        sf, d = _read(path)
        files.append(sf)
        loaded[path] = sf.name
        diags.extend(d)
        if not sf.usable:
            complete = False
            return
        inc = sf.data.get("include") if sf.data else None
        if not isinstance(inc, list):
            return  # missing, or the schema layer reports the wrong type
        for i, entry in enumerate(inc):
            if not isinstance(entry, str):
                continue  # schema layer
            pos = sf.marks.value_pos(("include", i))
            ipath = path_str(("include", i))

            def bad(
                code: str, msg: str, hint: str, pos: tuple[int, int] = pos, ipath: str = ipath
            ) -> None:
                nonlocal complete
                diags.append(error(code, sf.name, pos[0], pos[1], ipath, msg, hint))
                complete = False

            targets = _expand_include(entry, path.parent, root, bad)
            for t in targets:
                if t in stack or t == path:
                    chain = " -> ".join(display_name(p) for p in (*stack, path, t))
                    bad(
                        "E012",
                        f"Including '{entry}' makes a loop: {chain}.",
                        "A file must not include itself or a file that includes it. Remove "
                        "this line.",
                    )
                    continue
                if t in loaded:
                    bad(
                        "E012",
                        f"'{entry}' is included twice (it is already included as {loaded[t]}).",
                        "List each file only once.",
                    )
                    continue
                if len(files) >= MAX_FILES:
                    bad(
                        "E014",
                        f"This scenario has too many files (at most {MAX_FILES}).",
                        "Merge some of the small files together.",
                    )
                    return
                visit(t, (*stack, path))

    visit(manifest.resolve(), ())
    return files, diags, complete


def include_root(manifest: Path) -> Path:
    """The folder a scenario's includes must stay inside: the manifest's folder, or, for an
    installed scenario, the whole ``scenarios/`` folder (so scenarios can share
    ``scenarios/common/``)."""
    folder = manifest.resolve().parent
    inst = discovery.installed_dir()
    return inst if _inside(folder, inst) else folder


def _expand_include(entry: str, base: Path, root: Path, bad: Any) -> list[Path]:
    """Resolve one ``include:`` entry (a relative path or a glob) to files inside ``root``."""
    entry_s = entry.strip()
    if not entry_s:
        bad("E011", "This include entry is empty.", "Write the name of a .yaml file.")
        return []
    if (
        os.path.isabs(entry_s)
        or entry_s.startswith(("~", "\\"))
        or re.match(r"^[A-Za-z]:", entry_s)
    ):
        bad(
            "E011",
            f"'{entry}' is an absolute path; includes must be relative to this file.",
            "Write the path from this file's folder, e.g. events/1990s.yaml.",
        )
        return []
    if _GLOB_CHARS.search(entry_s):
        matches = sorted(Path(m) for m in glob.glob(str(base / entry_s), recursive=False))
        matches = [m.resolve() for m in matches if m.is_file()]
        inside = [m for m in matches if _inside(m, root)]
        if len(inside) < len(matches):
            bad(
                "E011",
                f"'{entry}' matches files outside the scenario folder.",
                f"Includes must stay inside {display_name(root)}.",
            )
        yamls = [m for m in inside if m.suffix in YAML_EXT]
        if not yamls and len(inside) == len(matches):
            bad(
                "E011",
                f"No .yaml file matches '{entry}'.",
                "Check the folder name and the pattern, e.g. events/*.yaml.",
            )
        return yamls
    target = (base / entry_s).resolve()
    if not _inside(target, root):
        bad(
            "E011",
            f"'{entry}' points outside the scenario folder.",
            f"Included files must be inside {display_name(root)} (or its sub-folders).",
        )
        return []
    if target.suffix not in YAML_EXT:
        bad("E011", f"'{entry}' is not a .yaml file.", "Only .yaml files can be included.")
        return []
    if not target.is_file():
        near = [p.name for p in target.parent.glob("*.y*ml")] if target.parent.is_dir() else []
        close = difflib.get_close_matches(target.name, near, n=1)
        bad(
            "E011",
            f"The included file '{entry}' does not exist.",
            f"Did you mean '{close[0]}'?"
            if close
            else "Check the file name and its folder (paths are relative to this file).",
        )
        return []
    return [target]


def _inside(p: Path, root: Path) -> bool:
    try:
        p.resolve().relative_to(root)
        return True
    except ValueError:
        return False
