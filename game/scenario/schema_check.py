"""Layer 2 of loading: each file against ``ScenarioFile``, keeping what is valid.

pydantic's errors are mapped back to the line and column of the key or value and written in
plain words (``schema_messages``). An item that fails is dropped, and its id remembered as
"declared but invalid" (``SourceFile.invalid_ids``), then the rest is validated again, so one
mistake gives one message and the later layers never report a cascade of follow-on errors.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic import ValidationError

from .diagnostics import Diagnostic, error, path_str
from .includes import SourceFile
from .model import SCHEMA_VERSION, SECTIONS_LISTS, ScenarioFile
from .schema_messages import Examples, humanize, problems

#: where the id of an item of each list section lives
ID_KEY = {s: "id" for s in SECTIONS_LISTS}
ID_KEY["glossary"] = "term"
ID_KEY["discussion_questions"] = ""


def _prune_point(clean: tuple[Any, ...]) -> tuple[Any, ...]:
    """The smallest part of the document to drop so that one error does not spread."""
    if not clean:
        return ()
    top = clean[0]
    if top in SECTIONS_LISTS:
        return clean[:2] if len(clean) >= 2 and isinstance(clean[1], int) else clean[:1]
    if top in ("objectives", "history"):
        return clean[:3] if len(clean) >= 3 and isinstance(clean[2], int) else clean[:2]
    if top in ("policies", "income"):
        return clean[:2]
    if top == "initial":
        return clean[:3]
    if top == "balance":
        return clean[:3] if len(clean) >= 3 and clean[1] == "expectations" else clean[:1]
    return clean[:1]


def _drop(
    data: dict[str, Any],
    point: tuple[Any, ...],
    sf: SourceFile,
    dropped: dict[tuple[Any, ...], set[int]],
) -> None:
    """Remove ``point`` from ``data`` and remember what it declared. List items are only
    marked (``_DROPPED``) and their index recorded in ``dropped``; ``_strip`` removes them."""
    top = point[0]
    if len(point) == 1:
        data.pop(top, None)
        if top == "schema_version":
            data["schema_version"] = SCHEMA_VERSION
        else:
            sf.broken_sections.add(str(top))
        return
    parent: Any = data
    for p in point[:-1]:
        try:
            parent = parent[p]
        except (KeyError, IndexError, TypeError):
            return
    key = point[-1]
    try:
        item = parent[key]
    except (KeyError, IndexError, TypeError):
        return
    if item is _DROPPED:
        return
    if top in ID_KEY and len(point) == 2:
        idk = ID_KEY[top]
        if isinstance(item, dict) and idk and isinstance(item.get(idk), str | int):
            sf.invalid_ids.setdefault(str(top), set()).add(str(item[idk]))
        elif idk:
            sf.broken_sections.add(f"{top}?")  # an item without a usable id
    if isinstance(parent, list):
        parent[key] = _DROPPED
        dropped.setdefault(point[:-1], set()).add(key)
    elif isinstance(parent, dict):
        parent.pop(key, None)


_DROPPED: Any = object()


def _strip(work: Any, sf: SourceFile, dropped: dict[tuple[Any, ...], set[int]]) -> Any:
    """Remove the marked list items and update the file's index maps."""
    for lpath, idxs in dropped.items():
        lst: Any = work
        for p in lpath:
            lst = lst[p]
        orig = sf.to_original(lpath)
        old = sf.index_maps.get(orig, list(range(len(lst))))
        sf.index_maps[orig] = [old[i] for i in range(len(lst)) if i not in idxs]

    def strip(x: Any) -> Any:
        if isinstance(x, list):
            return [strip(i) for i in x if i is not _DROPPED]
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items()}
        return x

    return strip(work)


def _char_at(lines: list[str], pos: tuple[int, int]) -> str:
    line, col = pos
    if 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _raw_token(lines: list[str], pos: tuple[int, int]) -> str | None:
    """The plain scalar at ``pos`` as written ('2019.10', where YAML read the number 2019.1)."""
    line, col = pos
    if not 1 <= line <= len(lines):
        return None
    m = re.match(r"[^\s,\]\}#]+", lines[line - 1][col - 1 :])
    return m.group(0) if m else None


def check_schema(sf: SourceFile, examples: Examples | None = None) -> list[Diagnostic]:
    """Validate one parsed file against ``ScenarioFile``; keep what is valid. The hints'
    examples use the actor ids in ``examples`` (the scenario's own)."""
    data = sf.data
    assert data is not None
    diags: list[Diagnostic] = []
    marks = sf.marks
    # Read the version first: a newer file would otherwise give a cascade of unknown keys.
    ver = data.get("schema_version")
    if isinstance(ver, int) and not isinstance(ver, bool) and ver > SCHEMA_VERSION:
        line, col = marks.value_pos(("schema_version",))
        sf.usable = False
        return [
            error(
                "E104",
                sf.name,
                line,
                col,
                "schema_version",
                f"This file is written for a newer version of the game (format {ver}); "
                f"this game reads format {SCHEMA_VERSION}.",
                f"Update the game, or ask the author for a file in format {SCHEMA_VERSION}.",
            )
        ]
    work = data
    seen: set[tuple[str, int, int, str]] = set()
    for _round in range(6):
        try:
            sf.model = ScenarioFile.model_validate(work)
            return diags
        except ValidationError as exc:
            raw_errors = exc.errors(include_url=False)
        if work is data:
            work = copy.deepcopy(data)
        errs = problems(work, raw_errors)
        points = []
        lines = sf.text.splitlines() if sf.text else []
        for e in errs:
            opath = sf.to_original(e.clean)
            e.raw = (
                _raw_token(lines, marks.value_pos(opath))
                if isinstance(e.input, int | float)
                else None
            )
            parent_pos = marks.value_pos(opath[:-1]) if e.clean else (1, 1)
            e.inline = _char_at(lines, parent_pos) == "{"
            code, msg, hint, at = humanize(e, work, examples)
            if at == "key":
                pos = marks.key_pos(opath)
            elif at == "parent":
                pos = marks.value_pos(opath[:-1]) if opath[:-1] else (1, 1)
            else:
                pos = marks.value_pos(opath)
            shown = opath[:-1] if at == "parent" else opath
            k = (code, pos[0], pos[1], msg)
            if msg.startswith("A comma inside"):
                k = (code, pos[0], 0, "comma")  # one report per cut text
            if k not in seen:
                seen.add(k)
                diags.append(error(code, sf.name, pos[0], pos[1], path_str(shown), msg, hint))
            points.append(_prune_point(e.clean))
        if not points or any(p == () for p in points):
            break
        dropped: dict[tuple[Any, ...], set[int]] = {}
        for p in sorted(set(points), key=len):
            _drop(work, p, sf, dropped)
        work = _strip(work, sf, dropped)
    sf.usable = False
    return diags
