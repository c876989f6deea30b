"""Diagnostics: what the scenario loader and validator tell an author, and how it is printed.

A ``Diagnostic`` is one problem (an error blocks loading, a warning does not) with a stable code
(``docs/errors.md`` explains each), the file, the 1-based line and column, the path inside the
document (``events[3].options[0].effects[1]``), a plain-words message and a hint saying what to
do. ``render_text`` prints them the way a compiler does, with the offending line and a caret;
``render_json`` is for editors and CI.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

#: at most this many diagnostics are printed; the rest are summarised as "...and N more"
MAX_SHOWN = 30
#: longest source line shown in full; longer lines are cut around the caret
MAX_LINE_SHOWN = 160


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a scenario file."""

    severity: Severity
    code: str
    file: str
    line: int
    col: int
    path: str
    message: str
    hint: str = ""
    #: the source line number is known (False for whole-file problems such as an empty file)
    located: bool = field(default=True, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d.pop("located")
        return d


def error(
    code: str,
    file: str,
    line: int,
    col: int,
    path: str,
    message: str,
    hint: str = "",
    located: bool = True,
) -> Diagnostic:
    return Diagnostic("error", code, file, max(line, 1), max(col, 1), path, message, hint, located)


def warning(
    code: str,
    file: str,
    line: int,
    col: int,
    path: str,
    message: str,
    hint: str = "",
    located: bool = True,
) -> Diagnostic:
    return Diagnostic(
        "warning", code, file, max(line, 1), max(col, 1), path, message, hint, located
    )


def internal_error(name: str, exc: BaseException) -> Diagnostic:
    """E999: an unexpected exception while checking ``name`` (a bug in the game, not the file)."""
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


def path_str(path: Iterable[object]) -> str:
    """``("events", 3, "options", 0)`` -> ``events[3].options[0]``."""
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + str(p)
    return out


def sort_key(d: Diagnostic) -> tuple[int, str, int, int, str]:
    return (0 if d.is_error else 1, d.file, d.line, d.col, d.code)


def sorted_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Errors first, then warnings; each group by file, line and column. Exact repeats dropped."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for d in sorted(diags, key=sort_key):
        k = (d.severity, d.code, d.file, d.line, d.col, d.message)
        if k not in seen:
            seen.add(k)
            out.append(d)
    return out


def count(diags: Iterable[Diagnostic]) -> tuple[int, int]:
    """(errors, warnings)"""
    e = w = 0
    for d in diags:
        if d.is_error:
            e += 1
        else:
            w += 1
    return e, w


def _source_excerpt(line_text: str, col: int) -> tuple[str, str]:
    """The line to show and the caret line under it, keeping tabs so the caret lines up."""
    line_text = line_text.rstrip("\r\n")
    col = max(1, min(col, len(line_text) + 1))
    start = 0
    if len(line_text) > MAX_LINE_SHOWN:
        start = max(0, col - 1 - MAX_LINE_SHOWN // 2)
        end = start + MAX_LINE_SHOWN
        shown = (
            ("..." if start else "")
            + line_text[start:end]
            + ("..." if end < len(line_text) else "")
        )
        lead = "..." if start else ""
    else:
        shown, lead = line_text, ""
    prefix = lead + line_text[start : col - 1]
    caret = "".join("\t" if ch == "\t" else " " for ch in prefix) + "^"
    return shown, caret


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render_text(
    diags: Iterable[Diagnostic], sources: Mapping[str, str] | None = None, limit: int = MAX_SHOWN
) -> str:
    """Human-readable report::

        scenarios/x.yaml:12:7: E100: 'set_flg' is not an effect.
           12 |     - set_flg: multivector
              |       ^
          hint: did you mean 'set_flag'?

    ``sources`` maps a file name (as in ``Diagnostic.file``) to its text, for the excerpt.
    """
    sources = sources or {}
    items = sorted_diagnostics(diags)
    lines_cache: dict[str, list[str]] = {}
    out: list[str] = []
    for d in items[:limit]:
        out.append(f"{d.file}:{d.line}:{d.col}: {d.code}: {d.message}")
        text = sources.get(d.file)
        if d.located and text is not None:
            if d.file not in lines_cache:
                lines_cache[d.file] = text.splitlines()
            src_lines = lines_cache[d.file]
            if 1 <= d.line <= len(src_lines):
                shown, caret = _source_excerpt(src_lines[d.line - 1], d.col)
                gutter = " " * len(str(d.line))
                out.append(f"  {d.line} | {shown}")
                out.append(f"  {gutter} | {caret}")
        if d.hint:
            out.append(f"  hint: {d.hint}")
    if len(items) > limit:
        out.append(f"...and {len(items) - limit} more")
    return "\n".join(out)


def summary_line(diags: Iterable[Diagnostic], n_files: int) -> str:
    e, w = count(diags)
    files = _plural(n_files, "file")
    if e == 0 and w == 0:
        return f"OK: no problems found in {files}."
    if e == 0:
        return f"OK with {_plural(w, 'warning')} in {files} (warnings do not stop the game)."
    return (
        f"Found {_plural(e, 'error')} and {_plural(w, 'warning')} in {files}. "
        "Fix the errors (start with the first one) and run validate again."
    )


def render_json(diags: Iterable[Diagnostic]) -> str:
    """``{"errors": n, "warnings": n, "diagnostics": [{severity, code, file, line, col, path,
    message, hint}, ...]}`` in the same order as ``render_text`` (not capped)."""
    items = sorted_diagnostics(diags)
    e, w = count(items)
    return json.dumps(
        {"errors": e, "warnings": w, "diagnostics": [d.to_dict() for d in items]},
        ensure_ascii=False,
        indent=2,
    )


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(diags: Iterable[Diagnostic]) -> str:
    """GitHub Actions workflow commands, one line per problem, which GitHub shows as
    annotations on the pull request's changed lines::

        ::error file=scenarios/x.yaml,line=12,col=7,title=E100::'set_flg' is not an effect. ...
        ::warning file=scenarios/x.yaml,line=3,col=1,title=W302::No event ... cites ...

    The message is followed by the hint; values are escaped as GitHub requires (``%``, line
    breaks, and ``:`` / ``,`` inside the properties)."""
    out = []
    for d in sorted_diagnostics(diags):
        msg = d.message + (f" Hint: {d.hint}" if d.hint else "")
        out.append(
            f"::{d.severity} file={_gh_prop(d.file)},line={d.line},col={d.col},"
            f"title={_gh_prop(d.code)}::{_gh_data(msg)}"
        )
    return "\n".join(out)


#: the closing line of a text report that has problems
DOCS_LINE = "Explanations of each code, with examples and fixes: docs/errors.md"
