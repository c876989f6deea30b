"""Loading a scenario: files -> YAML -> schema -> merge -> cross-references -> ``Scenario``.

``load_scenario(path_or_id)`` is the one function the game, the CLI and the tests call. It never
raises: every problem becomes a ``Diagnostic`` (an unexpected exception becomes E999), and the
scenario is returned only when there is no error (warnings are fine).

Layers (each collects diagnostics; only errors block loading):

0. file: size, encoding, ``include:`` resolution (E006, E008, E011, E012, E014)
1. YAML syntax, duplicate keys, aliases, tags, depth (``yamlsafe``: E001-E010)
2. schema: each file against ``ScenarioFile``; pydantic's errors are mapped back to the line and
   column of the key or value, rewritten in plain words, and union noise is collapsed to the one
   branch the author meant (E100-E104). An item that fails is dropped, and its id remembered as
   "declared but invalid", so the later layers never report a cascade of follow-on errors.
3. merge: list sections are concatenated, once-sections must appear once (E013), the manifest
   must have ``meta`` and ``calendar`` (E101)
4. semantics and lints (``validate.check_draft``: E2xx, W3xx)
"""

from __future__ import annotations

import copy
import difflib
import glob
import hashlib
import os
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import model as M
from . import registry
from .diagnostics import Diagnostic, error, path_str, warning
from .model import SCHEMA_VERSION, SECTIONS_LISTS, SECTIONS_ONCE, Scenario, ScenarioFile
from .yamlsafe import Marks, load_path, read_bytes

MAX_FILES = 50
MANIFEST_NAMES = ("scenario.yaml", "scenario.yml")
YAML_EXT = (".yaml", ".yml")
_GLOB_CHARS = re.compile(r"[*?\[]")

#: where the id of an item of each list section lives
ID_KEY = {s: "id" for s in SECTIONS_LISTS}
ID_KEY["glossary"] = "term"
ID_KEY["discussion_questions"] = ""


def installed_dir() -> Path:
    """The repository's ``scenarios/`` folder (next to the ``game`` package)."""
    import game

    return Path(game.__file__).resolve().parent.parent / "scenarios"


def display_name(path: Path) -> str:
    """A path as the author should see it: relative to the current folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


# ----------------------------------------------------------------------------------------------
# Results
# ----------------------------------------------------------------------------------------------
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


@dataclass
class LoadResult:
    """What ``load_scenario`` returns: the scenario (None when there are errors) and every
    diagnostic. ``sources`` maps file names to their text, for ``render_text``."""

    scenario: Scenario | None
    diagnostics: list[Diagnostic]
    files: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.errors

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


# ----------------------------------------------------------------------------------------------
# Finding scenarios
# ----------------------------------------------------------------------------------------------
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
                hint + " Run 'python main.py scenarios' to list them.",
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


# ----------------------------------------------------------------------------------------------
# Reading files and includes
# ----------------------------------------------------------------------------------------------
def _read(path: Path) -> tuple[SourceFile, list[Diagnostic]]:
    name = display_name(path)
    data, marks, diags, raw, text = load_path(path, name)
    sf = SourceFile(name=name, path=path, raw=raw, text=text, data=data, marks=marks)
    sf.usable = data is not None
    return sf, diags


def _read_all(manifest: Path) -> tuple[list[SourceFile], list[Diagnostic], bool]:
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
    inst = installed_dir()
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


# ----------------------------------------------------------------------------------------------
# Schema layer: pydantic errors in plain words
# ----------------------------------------------------------------------------------------------
_TYPE_MISMATCH = frozenset(
    {
        "string_type",
        "int_type",
        "float_type",
        "bool_type",
        "dict_type",
        "list_type",
        "model_type",
        "model_attributes_type",
        "tuple_type",
        "is_instance_of",
        "int_parsing",
        "float_parsing",
        "bool_parsing",
        "none_required",
        "string_pattern_mismatch_type",
    }
)

_PATTERN_TEXT = {
    registry.ACTOR_ID: (
        "is not an actor id",
        "Actor ids are 2 to 10 capital letters, such as JPN, KAZ or WEST.",
    ),
    registry.ACTOR_REF: (
        "is not an actor",
        "Write an actor id in capitals such as JPN or KAZ (or $actor / $target inside an action).",
    ),
    registry.SNAKE_ID: (
        "is not a valid id",
        "Ids use small letters, digits and _ and start "
        "with a letter, for example oda_budget or silk_road_2013.",
    ),
    registry.ALL_OR_SNAKE: (
        "is not a dimension id",
        "Write a dimension id such as trade, or 'all'.",
    ),
    r"^(average|\$target|\$actor|[A-Z][A-Z0-9_]{1,9})$": (
        "is not a state",
        "Write a state id such as KAZ, 'average' (all states), or $target inside an action.",
    ),
    registry.DATE: ("is not a date", 'Write a year like 2014 or a year and month like "2014-05".'),
}

_MODEL_NOUN = {
    "ScenarioFile": "the file",
    "Meta": "meta",
    "Calendar": "calendar",
    "Actor": "this actor",
    "Dimension": "this dimension",
    "Resource": "this resource",
    "Meter": "this meter",
    "Flag": "this flag",
    "Organisation": "this organisation",
    "Initial": "initial",
    "Drift": "this drift",
    "Action": "this action",
    "Event": "this event",
    "Option": "this option",
    "EventWindow": "window",
    "Objective": "this objective",
    "Bands": "bands",
    "RolePolicy": "this policy",
    "HistoryStep": "this history step",
    "BibItem": "this bibliography entry",
    "GlossaryEntry": "this glossary entry",
    "Balance": "balance",
    "Expectation": "this expectation",
    "ModelParams": "model",
    "AIHints": "ai",
    "SourceRef": "this source",
    "Quantity": "quantity",
}


def _desc(v: Any) -> str:
    """A value as the author typed it, for messages."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        s = v if len(v) <= 60 else v[:57] + "..."
        return f"'{s}'"
    if isinstance(v, dict):
        return "a block of 'key: value' lines" if v else "an empty block {}"
    if isinstance(v, list):
        return "a list" if v else "an empty list []"
    if v is None:
        return "empty"
    if isinstance(v, float) and v.is_integer():
        return repr(v)
    return str(v)


def _unwrap(t: Any) -> list[Any]:
    """The alternatives of a (possibly Annotated / Optional / Union) type."""
    origin = typing.get_origin(t)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(t)[0])
    if origin is typing.Union or origin is types.UnionType:
        out = []
        for a in typing.get_args(t):
            out.extend(_unwrap(a))
        return out
    return [t]


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def _field(model: type[BaseModel], key: str) -> Any:
    for name, f in model.model_fields.items():
        if key in (f.alias, name):
            return f.annotation
    return None


def model_at(path: Iterable[Any], start: type[BaseModel] = ScenarioFile) -> type[BaseModel] | None:
    """The model class that validates the node at ``path`` (None for scalars etc.)."""
    current: list[Any] = [start]
    for comp in path:
        nxt: list[Any] = []
        for t in current:
            for alt in _unwrap(t):
                if _is_model(alt) and isinstance(comp, str):
                    a = _field(alt, comp)
                    if a is not None:
                        nxt.append(a)
                    continue
                origin = typing.get_origin(alt)
                args = typing.get_args(alt)
                if origin in (list, tuple) and isinstance(comp, int) and args:
                    nxt.append(args[0])
                elif origin is dict and isinstance(comp, str) and len(args) == 2:
                    nxt.append(args[1])
        if not nxt:
            return None
        current = nxt
    for t in current:
        for alt in _unwrap(t):
            if _is_model(alt):
                return alt
    return None


def allowed_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def _label_phrase(label: str) -> str:
    if label.startswith(("str", "constrained-str")):
        return "a text"
    if label.startswith("dict["):
        return "a block of 'key: value' lines"
    if label.startswith(("list[", "tuple[")):
        return "a list"
    if label.startswith("literal["):
        vals = re.findall(r"'([^']*)'", label)
        return " or ".join(f"'{v}'" for v in vals) if vals else label
    if label in ("int", "constrained-int"):
        return "a whole number"
    if label in ("float", "constrained-float"):
        return "a number"
    if label == "bool":
        return "true or false"
    return "a block of 'key: value' lines"


@dataclass
class _Err:
    clean: tuple[Any, ...]
    labels: list[tuple[int, str]]
    type: str
    msg: str
    input: Any
    ctx: dict[str, Any]
    key_error: bool = False
    alternatives: list[str] = field(default_factory=list)
    #: the value exactly as written in the file (for numbers: '2019.10', not 2019.1)
    raw: str | None = None
    #: the block the error is in is written on one line, in { }
    inline: bool = False


def _clean(data: Any, err: Any) -> _Err:
    cur = data
    clean: list[Any] = []
    labels: list[tuple[int, str]] = []
    key_error = False
    loc = err["loc"]
    for i, comp in enumerate(loc):
        if comp == "[key]":
            key_error = True
            continue
        if isinstance(cur, dict) and isinstance(comp, str) and comp in cur:
            clean.append(comp)
            cur = cur[comp]
            continue
        if isinstance(cur, list) and isinstance(comp, int) and 0 <= comp < len(cur):
            clean.append(comp)
            cur = cur[comp]
            continue
        if i == len(loc) - 1 and err["type"] == "missing":
            clean.append(comp)
            continue
        # a union-branch label such as 'str' or 'list[constrained-str]': not in the data
        labels.append((len(clean), str(comp)))
    return _Err(
        tuple(clean),
        labels,
        err["type"],
        err.get("msg", ""),
        err.get("input"),
        dict(err.get("ctx") or {}),
        key_error,
    )


def _is_mismatch(e: _Err, point: tuple[Any, ...]) -> bool:
    if e.clean != point:
        return False
    if e.type in _TYPE_MISMATCH:
        return True
    return e.type == "literal_error" and not isinstance(e.input, str | int | float)


def _select(errs: list[_Err]) -> list[_Err]:
    """Collapse union-branch errors to the branch the author meant."""
    out: list[_Err] = []
    groups: dict[tuple[Any, ...], list[_Err]] = {}
    for e in errs:
        if not e.labels:
            out.append(e)
        else:
            groups.setdefault(e.clean[: e.labels[0][0]], []).append(e)
    for point, group in groups.items():
        branches: dict[str, list[_Err]] = {}
        for e in group:
            branches.setdefault(e.labels[0][1], []).append(e)

        def score(item: tuple[str, list[_Err]], point: tuple[Any, ...] = point) -> tuple[int, int]:
            es = item[1]
            if all(_is_mismatch(e, point) for e in es):
                return (-1, 0)
            depth = max(len(e.clean) - len(point) for e in es)
            return (depth, -len(es))

        ranked = sorted(branches.items(), key=score, reverse=True)
        best_label, best = ranked[0]
        if score(ranked[0]) == (-1, 0):
            labels = list(branches)
            e0 = group[0]
            out.append(
                _Err(point, [], "union_type", "", e0.input, {"labels": labels}, e0.key_error)
            )
            continue
        others = [lab for lab, _ in ranked[1:]]
        chosen = []
        for e in best:
            e.labels = e.labels[1:]
            if e.clean == point:
                e.alternatives = others
            chosen.append(e)
        out.extend(_select(chosen))
    return out


_VALUE_ERROR_HINTS = {
    "grade bands": "Higher is better by default, so A needs the highest value: for example "
    "bands: {A: 80, B: 70, C: 60, D: 50}. If lower is better, add "
    "'lower_is_better: true'.",
    "before it starts": "Swap 'start' and 'end'.",
    "needs a 'chooser'": "Add 'chooser: JPN' (the id of the actor who picks an option).",
    "has no options": "Remove 'chooser', or add 'options:'.",
    "either 'date' or 'window'": "Keep 'date' for an event on a fixed date, or 'window' for "
    "one that may happen during a period.",
    "expectation needs": "See the balance section of docs/scenario-format.md.",
    "first number must not be larger": "Write between: [low, high].",
    "give 'from', 'until' or both": "For example: year: {from: 2014}",
    "English version": "Add the English text first, e.g. {en: Japan, ja: 日本}.",
    "not a language code": "Use codes such as en, ja, ru, kk, uz.",
}


def _drop_misspelt_missing(errs: list[_Err]) -> list[_Err]:
    """'titel: ...' gives an unknown key *and* a missing 'title': one mistake, so report only
    the unknown key (whose hint says "did you mean 'title'?")."""
    extra: dict[tuple[Any, ...], list[str]] = {}
    for e in errs:
        if e.type == "extra_forbidden" and e.clean:
            extra.setdefault(e.clean[:-1], []).append(str(e.clean[-1]))
    out = []
    for e in errs:
        if e.type == "missing" and e.clean and e.clean[:-1] in extra:
            want = str(e.clean[-1])
            typed = extra[e.clean[:-1]]
            if difflib.get_close_matches(want, typed, n=1, cutoff=0.6) or want.lower() in (
                t.lower() for t in typed
            ):
                continue
        out.append(e)
    return out


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9


def suggest_date(text: str) -> str | None:
    """The scenario date (``YYYY`` or ``YYYY-MM``) that ``text`` most likely means, or None.

    '2019.12' and '2019-6' -> '2019-12' / '2019-06'; '2019-12-19', '19.12.2019', '12/2019' and
    'December 2019' -> '2019-12' (a day is dropped: the game places dates in turns)."""
    t = text.strip().strip("'\"").strip()
    ym = re.fullmatch(r"(\d{4})\s*[-./ ]\s*(\d{1,2})(?:\s*[-./ ]\s*(\d{1,2}))?", t)
    if ym:
        y, m = ym.group(1), int(ym.group(2))
        return f"{y}-{m:02d}" if 1 <= m <= 12 else None
    my = re.fullmatch(r"(\d{1,2})\s*[-./ ]\s*(\d{4})", t)
    if my:
        m = int(my.group(1))
        return f"{my.group(2)}-{m:02d}" if 1 <= m <= 12 else None
    dmy = re.fullmatch(r"(\d{1,2})\s*[-./ ]\s*(\d{1,2})\s*[-./ ]\s*(\d{4})", t)
    if dmy:
        a, b = int(dmy.group(1)), int(dmy.group(2))
        if a > 12 >= b >= 1:  # 19.12.2019: day first
            return f"{dmy.group(3)}-{b:02d}"
        if b > 12 >= a >= 1:  # 12/19/2019: month first
            return f"{dmy.group(3)}-{a:02d}"
        return None  # 05.06.2019: May or June? do not guess
    words = re.fullmatch(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?,?\s+(\d{4})|(\d{4})\s+([A-Za-z]+)", t)
    if words:
        name = (words.group(2) or words.group(5)).lower()
        year = words.group(3) or words.group(4)
        if name in _MONTHS:
            return f"{year}-{_MONTHS[name]:02d}"
    return None


def _date_problem(v: Any, raw: str | None) -> tuple[str, str]:
    """(message, hint) for a value that should be a scenario date."""
    shown = raw if raw is not None else (v if isinstance(v, str) else _desc(v))
    ym = re.search(r"\d{4}", str(shown))
    year = ym.group(0) if ym else "2019"
    month_example = suggest_date(str(shown)) or f"{year}-05"
    form = f'a year ({year}) or a year and month ("{month_example}")'
    if isinstance(v, str):
        span = re.fullmatch(r"\s*(\d{4})\s*(?:-|–|to|until)\s*(\d{4})\s*", v)
        if span:
            return (
                f"'{v}' is not a date: a date is {form}.",
                f"For a period, write window: {{from: {span.group(1)}, until: "
                f"{span.group(2)}}} instead of date (in an event), or pick one year.",
            )
        bad_month = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", v)
        if bad_month and not 1 <= int(bad_month.group(2)) <= 12:
            return (
                f"'{v}' is not a date: there is no month {int(bad_month.group(2))}.",
                f'Months are 01 to 12, for example "{bad_month.group(1)}-05".',
            )
    sug = suggest_date(str(shown))
    day = isinstance(v, str) and bool(re.search(r"\d{1,2}\D+\d{1,2}\D+\d{1,4}", v))
    msg = f"'{shown}' is not a date the game can use: a date is {form}" + (
        ", without a day." if day else "."
    )
    if sug:
        hint = f'Write "{sug}".'
        if day:
            hint += (
                " Something happens in the turn that contains its date, so the day is not "
                "used. (Only a bibliography date, which is just shown, may have a day.)"
            )
    else:
        hint = (
            'Write a year like 2014, or a year and month like "2014-05" (4-digit year, '
            "a dash, 2-digit month)."
        )
    return msg, hint


def _field_info(model: type[BaseModel] | None, key: Any) -> Any:
    if model is None or not isinstance(key, str):
        return None
    return next((f for n, f in model.model_fields.items() if key in (f.alias, n)), None)


def _bounds(finfo: Any) -> tuple[float | None, float | None]:
    """(lowest, highest) allowed by a field's constraints (None when open)."""
    lo = hi = None
    for m in getattr(finfo, "metadata", None) or []:
        for attr in ("ge", "gt"):
            if getattr(m, attr, None) is not None:
                lo = getattr(m, attr)
        for attr in ("le", "lt"):
            if getattr(m, attr, None) is not None:
                hi = getattr(m, attr)
    return lo, hi


def _pattern_of(finfo: Any) -> str | None:
    for m in getattr(finfo, "metadata", None) or []:
        if getattr(m, "pattern", None):
            return str(m.pattern)
    ann = getattr(finfo, "annotation", None)
    for alt in _unwrap_meta(ann):
        if getattr(alt, "pattern", None):
            return str(alt.pattern)
    return None


def _unwrap_meta(t: Any) -> list[Any]:
    """Every metadata object inside an annotation (Annotated[..., Field(pattern=...)])."""
    out: list[Any] = []
    origin = typing.get_origin(t)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(t)
        for x in extra:
            out.append(x)
            out.extend(getattr(x, "metadata", []) or [])
        out.extend(_unwrap_meta(inner))
    elif origin is typing.Union or origin is types.UnionType:
        for a in typing.get_args(t):
            out.extend(_unwrap_meta(a))
    return out


def _literal_values(finfo: Any) -> list[str]:
    for alt in _unwrap(getattr(finfo, "annotation", None)):
        if typing.get_origin(alt) is typing.Literal:
            return [str(a) for a in typing.get_args(alt)]
    return []


def _fraction_noun(name: str) -> str:
    return "a probability" if name == "chance" else "a fraction"


def _number_hint(name: str, v: Any, finfo: Any, whole: bool) -> str:
    """What to write instead of a non-number in a number field."""
    lo, hi = _bounds(finfo)
    fraction = hi is not None and hi <= 1 and (lo is None or lo >= 0)
    if isinstance(v, str):
        t = v.strip()
        if re.fullmatch(r"[-+]?\d+(\.\d+)?", t):
            return f"Write {t} without quotes: in quotes it is text, not a number."
        pct = re.fullmatch(r"([-+]?\d+(?:[.,]\d+)?)\s*%", t)
        if pct:
            n = float(pct.group(1).replace(",", "."))
            if fraction:
                return (
                    f"'{name}' is {_fraction_noun(name)} from 0 to 1, not a percentage: "
                    f"{pct.group(1)}% is written {n / 100:g}."
                )
            return f"Write the number without the % sign: {n:g}."
        if re.fullmatch(r"[-+]?\d+,\d+", t):
            return f"Use a point for decimals, not a comma: {t.replace(',', '.')}."
        if re.fullmatch(r"[-+]?\d+(\.\d+)?\s*\D+", t):
            num = re.match(r"[-+]?\d+(\.\d+)?", t)
            return f"Write only the number, without a unit: {num.group(0)}." if num else ""
    if isinstance(v, float) and whole:
        return f"Write {int(v)}." if v.is_integer() else "Write a whole number, for example 1 or 2."
    if fraction:
        return f"Write a number from 0 to 1 without quotes, for example 0.25 ({name})."
    return (
        "Write digits only, for example 3."
        if whole
        else "Write digits only, for example 5 or -2.5 (no units or % sign)."
    )


_YES = {"yes": "true", "y": "true", "on": "true", "no": "false", "n": "false", "off": "false"}


def _bool_hint(v: Any) -> str:
    if isinstance(v, str):
        low = v.strip().lower()
        if low in ("true", "false"):
            return f"Write {low} without quotes: in quotes it is text."
        if low in _YES:
            return (
                f"Write {_YES[low]} (not {v}). In scenario files only true and false are "
                "yes/no values; yes, no, on and off are just text."
            )
    if isinstance(v, int | float):
        return "Write true or false (not a number)."
    return "Write true or false."


def _block_hint(model: type[BaseModel], name: str, v: Any) -> str:
    """'A source is written {ref: ..., locator: ...}, for example ...' for a block field."""
    noun, example = M.BLOCKS.get(model.__name__, (M.block_name(model), ""))
    required = [f.alias or n for n, f in model.model_fields.items() if f.is_required()]
    optional = [f.alias or n for n, f in model.model_fields.items() if not f.is_required()]
    keys = required or optional[:3]
    shape = "{" + ", ".join(f"{k}: ..." for k in keys) + "}"
    art = "An" if noun[0] in "aeiou" else "A"
    hint = f"{art} {noun} is written {shape}"
    if not required and len(keys) > 1:
        hint += " (either may be left out)" if len(keys) == 2 else " (each may be left out)"
    elif required and optional:
        hint += f"; it may also have {', '.join(optional[:5])}"
        hint += ", ..." if len(optional) > 5 else ""
    if model.__name__ in ("YearRange", "EventWindow") and isinstance(v, int):
        hint += f". For example: {name}: {{from: {v}}}"
    elif example:
        hint += f". For example: {example}"
    hint += "."
    if model.__name__ == "SourceRef" and isinstance(v, str) and "://" in v:
        hint += (
            " To cite a web page, add it under 'bibliography:' (with its url) and give "
            "its id as ref."
        )
    return hint


def _missing_hint(
    e: _Err, model: type[BaseModel] | None, last: str, noun: str, parent_data: Any
) -> str:
    finfo = _field_info(model, last)
    desc = ""
    if finfo is not None and finfo.description and not finfo.description.startswith("text:"):
        desc = f" ({finfo.description})"
    values = _literal_values(finfo)
    choice = f"; {last} is one of: {', '.join(values)}" if values else ""
    if e.inline:
        example = ""
        if isinstance(parent_data, dict) and parent_data:
            short = [
                (k, v)
                for k, v in parent_data.items()
                if isinstance(v, str | int | float) and len(str(v)) <= 20
            ]
            if len(short) == len(parent_data) <= 4:
                example = "{" + ", ".join(f"{k}: {v}" for k, v in short) + f", {last}: ...}}"
            elif short:
                example = f"{{{short[0][0]}: {short[0][1]}, {last}: ..., ...}}"
        example = f", for example {example}" if example else ""
        return f"Add '{last}: ...' inside the {{ }}{example}{choice}{desc}."
    return f"Add a line '{last}: ...' to this {noun}{choice}{desc}."


def _humanize(e: _Err, data: Any) -> tuple[str, str, str, str]:
    """(code, message, hint, position kind 'key'|'value'|'parent') for one schema error."""
    name = next((str(p) for p in reversed(e.clean) if isinstance(p, str)), "this value")
    last = e.clean[-1] if e.clean else None
    v = e.input
    t = e.type
    parent_model = model_at(e.clean[:-1]) if e.clean else ScenarioFile
    finfo = _field_info(parent_model, last)
    parent_data: Any = data
    for p in e.clean[:-1]:
        try:
            parent_data = parent_data[p]
        except (KeyError, IndexError, TypeError):
            parent_data = None
            break
    in_text = isinstance(parent_data, dict) and "en" in parent_data and last != "en"
    if e.key_error and isinstance(parent_data, dict) and parent_data.get(last, "") is None:
        v, t = None, "key_without_value"  # the key of "{en: China, the rising power}"
    if v is None and isinstance(last, str) and t != "missing" and (in_text or " " in last.strip()):
        # "{en: Roads, railways and airports}": the comma ended the text and YAML read the
        # rest as a key with no value. The commonest flow-mapping mistake of all.
        return (
            "E102",
            f"A comma inside {{...}} cut this text in two: '{last}' was read as a separate key.",
            'Put the whole text in quotes, for example: {en: "Roads, railways and airports"}.',
            "key",
        )
    if t == "scenario_value":  # a custom error that carries its own hint (language codes)
        msg = e.msg if e.msg.endswith((".", "?", ")")) else e.msg + "."
        return ("E102", msg, str(e.ctx.get("hint", "")), "key" if e.key_error else "value")
    if t == "missing":
        model = model_at(e.clean[:-1])
        noun = _MODEL_NOUN.get(model.__name__, "this block") if model else "this block"
        if e.clean == ("schema_version",):
            return (
                "E101",
                "This file has no 'schema_version'.",
                "Add the line 'schema_version: 1' at the top of the file.",
                "parent",
            )
        if isinstance(last, int):
            return (
                "E102",
                "This list needs two numbers: [low, high].",
                "For example: between: [20, 60]",
                "parent",
            )
        plain = M.block_name(model) if model is not None else "block"
        return (
            "E101",
            f"'{last}' is missing from {noun}.",
            _missing_hint(e, model, str(last), plain, parent_data),
            "parent",
        )
    if t == "extra_forbidden":
        key = str(last)
        if parent_model is registry.Effect:
            close = difflib.get_close_matches(key, list(registry.EFFECTS), n=1, cutoff=0.6)
            return (
                "E100",
                f"'{key}' is not an effect.",
                (f"Did you mean '{close[0]}'? " if close else "")
                + "Effects are: "
                + ", ".join(registry.EFFECTS)
                + ".",
                "key",
            )
        if parent_model is registry.Condition:
            close = difflib.get_close_matches(key, list(registry.CONDITION_KEYS), n=1, cutoff=0.6)
            return (
                "E100",
                f"'{key}' is not a condition.",
                (f"Did you mean '{close[0]}'? " if close else "")
                + "Conditions are: "
                + ", ".join(registry.CONDITION_KEYS)
                + ".",
                "key",
            )
        allowed = allowed_keys(parent_model) if parent_model else []
        noun = (
            _MODEL_NOUN.get(parent_model.__name__, "this block") if parent_model else "this block"
        )
        if parent_model and parent_model.__name__.endswith(("Test", "Q")):
            noun = "this test"
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if not close:
            close = [a for a in allowed if a.lower() == key.lower()]
        where = "at the top level of the file" if parent_model is ScenarioFile else f"in {noun}"
        hint = (
            f"Did you mean '{close[0]}'?"
            if close
            else "Allowed here: " + ", ".join(allowed) + "."
            if allowed
            else "Remove it."
        )
        if parent_model is ScenarioFile and not close:
            hint += " Check also that the lines above are indented correctly."
        return ("E100", f"'{key}' is not a known key {where}.", hint, "key")
    if t == "value_error":
        msg = str(e.ctx.get("error") or e.msg)
        msg = re.sub(r"^Value error, ", "", msg)
        msg = msg[:1].upper() + msg[1:]
        if not msg.endswith("."):
            msg += "."
        if "exactly one" in msg:
            if "effect" in msg:
                hint = (
                    "Write each effect as its own '- verb: ...' item. Effects are: "
                    + ", ".join(registry.EFFECTS)
                    + "."
                )
            elif "condition" in msg:
                hint = (
                    "To combine conditions use 'all: [...]' or 'any: [...]'. Conditions "
                    "are: " + ", ".join(registry.CONDITION_KEYS) + "."
                )
            elif "quantity" in msg:
                hint = "For example: quantity: {autonomy: {state: average}}"
            else:
                hint = "For example: trust: {state: KAZ, power: JPN, at_least: 40}"
            return ("E103", msg, hint, "value")
        hint = next((h for k, h in _VALUE_ERROR_HINTS.items() if k in msg), "")
        return ("E102", msg, hint, "value")
    if t in ("model_type", "model_attributes_type", "dict_type"):
        model = model_at(e.clean)
        if model is registry.Effect:
            return (
                "E103",
                f"An effect must be written as 'verb: ...', not {_desc(v)}.",
                "For example: '- set_flag: bri_launched' or '- change_trust: {state: KAZ, "
                "power: JPN, by: 5}'. Effects are: " + ", ".join(registry.EFFECTS) + ".",
                "value",
            )
        if model is registry.Condition:
            return (
                "E103",
                f"A condition must be written as 'kind: ...', not {_desc(v)}.",
                "For example: 'flag: bri_launched'. Conditions are: "
                + ", ".join(registry.CONDITION_KEYS)
                + ".",
                "value",
            )
        what = f"Each item of '{name}'" if isinstance(last, int) else f"'{name}'"
        hint = (
            _block_hint(model, name, v)
            if model is not None
            else "Put the keys on the lines below it, indented, or write {key: value, ...}."
        )
        return (
            "E102",
            f"{what} should be a block of 'key: value' lines, not {_desc(v)}.",
            hint,
            "value",
        )
    if t == "union_type":
        labels = e.ctx.get("labels", [])
        if len(labels) == 2 and "str" in labels and any(lb.startswith("dict[") for lb in labels):
            return (
                "E102",
                f"'{name}' should be a text, not {_desc(v)}.",
                "Write the text (in quotes if it looks like a number), or translations "
                "such as {en: Japan, ja: 日本}.",
                "value",
            )
        phrases = []
        for lab in labels:
            ph = _label_phrase(lab)
            if ph not in phrases:
                phrases.append(ph)
        return ("E102", f"'{name}' should be {' or '.join(phrases)}, not {_desc(v)}.", "", "value")
    alt = ""
    if e.alternatives:
        alt = " or " + " or ".join(dict.fromkeys(_label_phrase(a) for a in e.alternatives))
    shown = e.raw if e.raw is not None and not isinstance(v, str) else _desc(v)
    if t == "string_type":
        if _pattern_of(finfo) == registry.DATE:
            msg, hint = _date_problem(v, e.raw)
            ym = re.search(r"\d{4}", str(shown))
            year = ym.group(0) if ym else "2019"
            month = suggest_date(str(shown)) or f"{year}-05"
            return (
                "E102",
                f"'{name}' should be a date such as {year} or \"{month}\", not {shown} (a number).",
                hint,
                "value",
            )
        hint = f'Put it in quotes: "{shown}".' if isinstance(v, int | float | bool) else ""
        return ("E102", f"'{name}' should be a text{alt}, not {shown}.", hint, "value")
    if t in ("int_type", "int_parsing", "int_from_float"):
        what = f"the text {_desc(v)}" if isinstance(v, str) else shown
        return (
            "E102",
            f"'{name}' should be a whole number, not {what}.",
            _number_hint(name, v, finfo, whole=True),
            "value",
        )
    if t in ("float_type", "float_parsing"):
        what = f"the text {_desc(v)}" if isinstance(v, str) else shown
        return (
            "E102",
            f"'{name}' should be a number, not {what}.",
            _number_hint(name, v, finfo, whole=False),
            "value",
        )
    if t in ("bool_type", "bool_parsing"):
        what = f"the text {_desc(v)}" if isinstance(v, str) else shown
        return ("E102", f"'{name}' should be true or false, not {what}.", _bool_hint(v), "value")
    if t in ("list_type", "tuple_type"):
        hint = "Write each item on its own line starting with '- ', or [a, b]." + (
            f" For one item: [{v}]." if isinstance(v, str | int | float) else ""
        )
        return ("E102", f"'{name}' should be a list{alt}, not {_desc(v)}.", hint, "value")
    if t == "literal_error":
        expected = re.findall(r"'([^']*)'", str(e.ctx.get("expected", "")))
        close = difflib.get_close_matches(str(v), expected, n=1) if isinstance(v, str) else []
        return (
            "E102",
            f"'{name}' cannot be {_desc(v)}.",
            (f"Did you mean '{close[0]}'? " if close else "")
            + "Use "
            + " or ".join(f"'{x}'" for x in expected)
            + (f" or {alt[4:]}" if alt else "")
            + ".",
            "value",
        )
    if t == "string_pattern_mismatch":
        pattern = str(e.ctx.get("pattern", ""))
        if pattern == registry.DATE and not e.key_error:
            msg, hint = _date_problem(v, e.raw)
            return ("E102", msg, hint, "value")
        what, hint = _PATTERN_TEXT.get(pattern, ("has the wrong form", f"It must match {pattern}."))
        if e.key_error:
            return ("E102", f"The key {_desc(v)} {what}.", hint, "key")
        if (
            isinstance(v, str)
            and pattern in (registry.ACTOR_ID, registry.ACTOR_REF)
            and re.fullmatch(r"[a-z][a-z0-9_]{1,9}", v)
        ):
            hint = f"Write it in capitals: {v.upper()}."
        return ("E102", f"{_desc(v)} {what}.", hint, "value")
    if t in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(e.ctx.values()), "?")
        words = {
            "greater_than_equal": "at least",
            "greater_than": "more than",
            "less_than_equal": "at most",
            "less_than": "less than",
        }[t]
        hint = ""
        lo, _ = _bounds(finfo)
        if (
            t in ("less_than_equal", "less_than")
            and bound == 1
            and (lo is None or lo >= 0)
            and isinstance(v, int | float)
            and 1 < v <= 100
        ):
            hint = (
                f"'{name}' is {_fraction_noun(name)} from 0 to 1, not a percentage: "
                f"{v:g}% is written {v / 100:g}."
            )
        return (
            "E102",
            f"'{name}' is {shown}, but it must be {words} {bound:g}."
            if isinstance(bound, int | float)
            else f"'{name}' must be {words} {bound}.",
            hint,
            "value",
        )
    if t == "too_short":
        n = e.ctx.get("min_length", 1)
        if isinstance(parent_model, type) and name == "between":
            return ("E102", "'between' needs two numbers: [low, high].", "", "value")
        return ("E102", f"'{name}' needs at least {n} item{'s' if n != 1 else ''}.", "", "value")
    if t == "too_long":
        n = e.ctx.get("max_length", 1)
        return ("E102", f"'{name}' has too many items (at most {n}).", "", "value")
    if t == "string_too_long":
        n = e.ctx.get("max_length", 1)
        return ("E102", f"This text is too long (at most {n} characters).", "Shorten it.", "value")
    return ("E102", f"'{name}': {e.msg}.", "", "value")


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


def _schema_check(sf: SourceFile) -> list[Diagnostic]:
    """Validate one parsed file against ``ScenarioFile``; keep what is valid."""
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
        errs = _drop_misspelt_missing(_select([_clean(work, er) for er in raw_errors]))
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
            code, msg, hint, at = _humanize(e, work)
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


# ----------------------------------------------------------------------------------------------
# Merge
# ----------------------------------------------------------------------------------------------
def _merge(files: list[SourceFile]) -> tuple[Draft, list[Diagnostic]]:
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
                "scenario, run 'python main.py new-scenario NAME'.",
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
                        _MISSING_SECTION_HINT[s],
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
                        _MISSING_SECTION_HINT[s],
                        False,
                    )
                )
    return draft, diags


_MISSING_SECTION_HINT = {
    "meta": "Add 'meta:' with id, title, summary and authors. "
    "See docs/scenario-format.md, or run 'python main.py new-scenario NAME' for an "
    "example.",
    "calendar": "Add for example: calendar: {start: 2013, end: 2030, turn: year}",
    "actors": "Add an 'actors:' list with at least one power and one state, e.g. "
    "- {id: JPN, kind: power, name: Japan}",
    "dimensions": "Add a 'dimensions:' list, e.g. - {id: trade, name: Trade}",
}


# ----------------------------------------------------------------------------------------------
# Public entry points
# ----------------------------------------------------------------------------------------------
def load_scenario(path_or_id: str | os.PathLike[str]) -> LoadResult:
    """Load and fully validate a scenario. Never raises."""
    try:
        manifest, diags = resolve_manifest(path_or_id)
        if manifest is None:
            return LoadResult(None, diags)
        return _load_manifest(manifest)
    except Exception as exc:  # noqa: BLE001 - the contract is "never raises"
        return LoadResult(None, [_internal(str(path_or_id), exc)])


def _internal(name: str, exc: BaseException) -> Diagnostic:
    return error(
        "E999",
        name,
        1,
        1,
        "",
        f"Internal error while checking this scenario ({type(exc).__name__}: {str(exc)[:200]}).",
        "This is a bug in the game, not in your file: please report this, with "
        "the scenario file attached.",
        False,
    )


def _load_manifest(manifest: Path) -> LoadResult:
    files, diags, complete = _read_all(manifest)
    sources = {f.name: f.text for f in files if f.text}
    names = [f.name for f in files]
    for sf in files:
        if sf.usable:
            diags.extend(_schema_check(sf))
            if not sf.usable:
                complete = False
    draft, merge_diags = _merge(files)
    diags.extend(merge_diags)
    schema_errors = any(d.is_error for d in diags)
    draft.had_errors = schema_errors
    incomplete = any(d.code == "E101" and not d.located for d in merge_diags)
    if complete and files[0].model is not None and not incomplete:
        from .validate import check_draft

        diags.extend(check_draft(draft))
    scenario = None
    if not any(d.is_error for d in diags):
        h = hashlib.sha256()
        for f in files:
            h.update(f.raw or b"")
        secs = {k: v for k, v in draft.sections.items() if v is not None}
        scenario = Scenario.model_validate(secs)
        scenario = scenario.model_copy(
            update={"content_hash": h.hexdigest(), "path": str(manifest)}
        )
    return LoadResult(scenario, diags, names, sources)


def load_scenario_text(
    text: str | bytes, name: str = "scenario.yaml", base_dir: str | os.PathLike[str] | None = None
) -> LoadResult:
    """Load a one-file scenario from memory (used by tests and tools). Includes are resolved
    relative to ``base_dir`` (the current folder if not given). Never raises."""
    import tempfile

    try:
        raw = text.encode("utf-8") if isinstance(text, str) else text
        if base_dir is None:
            with tempfile.TemporaryDirectory() as tmp:
                p = Path(tmp) / name
                p.write_bytes(raw)
                res = _load_manifest(p)
        else:
            p = Path(base_dir) / name
            p.write_bytes(raw)
            res = _load_manifest(p)
        return res
    except Exception as exc:  # noqa: BLE001
        return LoadResult(None, [_internal(name, exc)])


def list_installed() -> list[tuple[Path, LoadResult]]:
    """Every installed scenario with its load result (failures included)."""
    out = []
    for p in discover_scenarios(installed_dir()):
        out.append((p, load_scenario(p)))
    return out


__all__ = [
    "LoadResult",
    "Draft",
    "SourceFile",
    "load_scenario",
    "load_scenario_text",
    "discover_scenarios",
    "list_installed",
    "installed_dir",
    "installed_ids",
    "resolve_manifest",
    "is_manifest",
    "display_name",
    "model_at",
    "allowed_keys",
    "warning",
]
