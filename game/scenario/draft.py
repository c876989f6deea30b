"""Layer 3 of loading: the files' sections merged into one ``Draft`` of the scenario.

List sections are concatenated in include order; ``meta`` and ``calendar`` belong in the manifest
and every once-section may appear once (E013); a manifest without ``meta``, ``calendar``, actors
or dimensions is not a scenario (E101). The ``Draft`` remembers where each merged item came from,
so the semantic checks (``checks.py``) can name the file and line of anything they report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..kit.command import command
from .diagnostics import Diagnostic, error, path_str, warning
from .includes import SourceFile
from .model import SECTIONS_LISTS, SECTIONS_ONCE


@dataclass
class Draft:
    """The merged sections of a scenario, possibly incomplete (when some items were invalid).

    Semantic checks run on this; attribute names match ``Scenario``. ``origin`` maps a merged
    path back to the file and the path inside that file, so every diagnostic can name a line."""

    files: list[SourceFile]
    sections: dict[str, Any]
    list_origins: dict[str, list[tuple[int, int]]]
    once_origins: dict[str, int]
    invalid_ids: dict[str, set[str]]
    broken_sections: set[str]
    #: any error so far (schema or merge); lints are skipped then, to avoid cascades
    had_errors: bool = False

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["sections"][name]
        except KeyError:
            raise AttributeError(name) from None

    def origin(self, path: tuple[Any, ...]) -> tuple[SourceFile, tuple[Any, ...]]:
        """(file, path inside that file) for a path in merged coordinates."""
        if not path:
            return self.files[0], ()
        sec = path[0]
        if sec in self.list_origins and len(path) > 1 and isinstance(path[1], int):
            lst = self.list_origins[sec]
            if 0 <= path[1] < len(lst):
                fi, i = lst[path[1]]
                f = self.files[fi]
                return f, f.to_original((sec, i, *path[2:]))
        if sec in self.once_origins:
            f = self.files[self.once_origins[sec]]
            return f, f.to_original(tuple(path))
        return self.files[0], tuple(path)

    def where(self, path: tuple[Any, ...], at: str = "value") -> tuple[str, int, int, str]:
        """(file name, line, col, path string) for a merged path. ``at``: 'value' or 'key'."""
        f, fpath = self.origin(path)
        pos = f.marks.value_pos(fpath) if at == "value" else f.marks.key_pos(fpath)
        return f.name, pos[0], pos[1], path_str(fpath)

    def error(
        self, code: str, path: tuple[Any, ...], message: str, hint: str = "", at: str = "value"
    ) -> Diagnostic:
        name, line, col, p = self.where(path, at)
        return error(code, name, line, col, p, message, hint)

    def warning(
        self, code: str, path: tuple[Any, ...], message: str, hint: str = "", at: str = "value"
    ) -> Diagnostic:
        name, line, col, p = self.where(path, at)
        return warning(code, name, line, col, p, message, hint)


def merge(files: list[SourceFile]) -> tuple[Draft, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    sections: dict[str, Any] = {s: [] for s in SECTIONS_LISTS}
    for s in SECTIONS_ONCE:
        sections[s] = None
    list_origins: dict[str, list[tuple[int, int]]] = {s: [] for s in SECTIONS_LISTS}
    once_origins: dict[str, int] = {}
    invalid: dict[str, set[str]] = {}
    broken: set[str] = set()
    for fi, sf in enumerate(files):
        for k, v in sf.invalid_ids.items():
            invalid.setdefault(k, set()).update(v)
        broken |= sf.broken_sections
        m = sf.model
        if m is None:
            continue
        for s in SECTIONS_LISTS:
            items = getattr(m, s)
            if items:
                sections[s].extend(items)
                list_origins[s].extend((fi, i) for i in range(len(items)))
        for s in SECTIONS_ONCE:
            if s not in m.model_fields_set or getattr(m, s) is None:
                continue
            if fi > 0 and s in ("meta", "calendar"):
                line, col = sf.marks.key_pos((s,))
                diags.append(
                    error(
                        "E013",
                        sf.name,
                        line,
                        col,
                        s,
                        f"'{s}' must be in the main scenario file "
                        f"({files[0].name}), not in an included file.",
                        f"Move the '{s}:' section to {files[0].name}.",
                    )
                )
                continue
            if s in once_origins:
                first = files[once_origins[s]]
                fl = first.marks.key_pos((s,))[0]
                line, col = sf.marks.key_pos((s,))
                diags.append(
                    error(
                        "E013",
                        sf.name,
                        line,
                        col,
                        s,
                        f"'{s}' is already given in {first.name} (line {fl}); a "
                        "scenario may have it only once.",
                        "Keep one of them and merge the other into it.",
                    )
                )
                continue
            sections[s] = getattr(m, s)
            once_origins[s] = fi
    draft = Draft(
        files=files,
        sections=sections,
        list_origins=list_origins,
        once_origins=once_origins,
        invalid_ids=invalid,
        broken_sections=broken,
    )
    man = files[0]
    if (
        man.model is not None
        and sections["meta"] is None
        and sections["calendar"] is None
        and not {"meta", "calendar"} & broken
    ):
        diags.append(
            error(
                "E101",
                man.name,
                1,
                1,
                "",
                "This file has no 'meta:' and no 'calendar:' section, so it is not "
                "the main file of a scenario.",
                "If it is part of a scenario, list it under 'include:' in the "
                "scenario's main file and validate that file. To start a new "
                f"scenario, run '{command('new-scenario NAME')}'.",
                False,
            )
        )
    elif man.model is not None:
        for s in ("meta", "calendar"):
            if sections[s] is None and s not in broken:
                diags.append(
                    error(
                        "E101",
                        man.name,
                        1,
                        1,
                        "",
                        f"The main scenario file has no '{s}:' section.",
                        _missing_section_hint(s),
                        False,
                    )
                )
        for s in ("actors", "dimensions"):
            if not sections[s] and s not in broken and f"{s}?" not in broken and not invalid.get(s):
                diags.append(
                    error(
                        "E101",
                        man.name,
                        1,
                        1,
                        "",
                        f"This scenario declares no {s}.",
                        _missing_section_hint(s),
                        False,
                    )
                )
    return draft, diags


def _missing_section_hint(section: str) -> str:
    return {
        "meta": "Add 'meta:' with id, title, summary and authors. See docs/scenario-format.md, "
        f"or run '{command('new-scenario NAME')}' for an example.",
        "calendar": "Add for example: calendar: {start: 2013, end: 2030, turn: year}",
        "actors": "Add an 'actors:' list with at least one power and one state, e.g. "
        "- {id: JPN, kind: power, name: Japan}",
        "dimensions": "Add a 'dimensions:' list, e.g. - {id: trade, name: Trade}",
    }[section]
