"""The safe YAML layer: bytes in, plain data + source positions + diagnostics out.

Scenario files are written by students, so this layer assumes nothing and explains everything:

* only ``true``/``false`` (any case) are booleans, and dates stay text (``NO``, ``yes``, ``on``,
  ``2014-05-29`` are all strings), like YAML 1.2;
* duplicate keys (E002), anchors and aliases (E003, never expanded) and tags such as
  ``!!python/object/apply:os.system`` (E005, nothing is ever constructed from a tag) are errors;
* caps on file size (E006), nesting depth (E004, checked while composing, so a bracket bomb
  never reaches a recursive function), text length (E007) and the number of entries;
* the encoding must be UTF-8 (E008; a UTF-8 BOM is fine), the file must not be empty (E009) and
  the top level must be a mapping (E010);
* PyYAML's syntax errors are rewritten into plain words with a hint (E001).

The document is built from the parser's event stream (libyaml when available) by a small
iterative composer, so every value's line and column is known: ``load_yaml`` returns
``(data, marks, diags)`` where ``marks`` maps a path such as ``("events", 3, "options", 0)`` to
the (line, col) of its key (or of the item, for list items); ``marks.value_pos(path)`` gives
the position of the value itself.
"""

from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..kit.command import command
from .diagnostics import Diagnostic, error, path_str

try:  # libyaml: ~10x faster; the event API is identical
    from yaml._yaml import CParser as _FastParser
except ImportError:  # pragma: no cover - pure-Python PyYAML
    _FastParser = None

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_STRING = 20_000
MAX_NODES = 250_000
MAX_NUMBER = 1e15  # larger than any money, share, turn or weight a scenario can mean
MAX_INT_DIGITS = 15

SAVE_AS_UTF8 = (
    "Open the file in your editor and save it again with the encoding 'UTF-8' "
    "(in VS Code: click the encoding in the status bar, then 'Save with Encoding')."
)
QUOTE_HINT = 'Put the whole text in quotes, for example: title: "Kazakhstan: a new start?"'

Pos = tuple[int, int]

_DEPTH_MESSAGE = (
    f"This file is nested too deeply (more than {MAX_DEPTH} levels of lists and "
    "sections inside each other)."
)
_DEPTH_HINT = "Check for brackets [ { that are never closed, or flatten the structure."


class Marks(dict[tuple[Any, ...], Pos]):
    """path -> (line, col) of the key (mapping entries) or of the node (list items, root).

    ``value_marks`` maps the same paths to the position of the value node itself, which is
    where a "wrong value" caret belongs."""

    def __init__(self) -> None:
        super().__init__()
        self.value_marks: dict[tuple[Any, ...], Pos] = {}

    def find(self, path: tuple[Any, ...]) -> tuple[Pos, tuple[Any, ...]]:
        """Position of ``path`` or of its nearest ancestor that has one, and that ancestor."""
        p = tuple(path)
        while p and p not in self:
            p = p[:-1]
        return self.get(p, (1, 1)), p

    def key_pos(self, path: tuple[Any, ...]) -> Pos:
        return self.find(path)[0]

    def value_pos(self, path: tuple[Any, ...]) -> Pos:
        pos, found = self.find(path)
        return self.value_marks.get(found, pos)


# ----------------------------------------------------------------------------------------------
# Scalars: YAML-1.2-like resolution.
# ----------------------------------------------------------------------------------------------
_INT = re.compile(r"^[-+]?[0-9]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STD = "tag:yaml.org,2002:"
_STANDARD_TAGS = frozenset(_STD + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))


def resolve_plain(value: str) -> Any:
    """The value of an unquoted scalar: null, true/false, an int, a float, or the text."""
    if value in _NULLS:
        return None
    c = value[0]
    if c in "tTfF":
        low = value.lower()
        if low == "true":
            return True
        if low == "false":
            return False
        return value
    if c in "0123456789+-.":
        if _INT.match(value):
            digits = len(value.lstrip("+-").lstrip("0"))
            if digits > MAX_INT_DIGITS:
                raise NumberOutOfRange(value)
            return int(value)
        if _HEX.match(value):
            if len(value) - 2 > MAX_INT_DIGITS:
                raise NumberOutOfRange(value)
            return int(value, 16)
        if _FLOAT.match(value):
            number = float(value)
            if not math.isfinite(number) or abs(number) > MAX_NUMBER:
                raise NumberOutOfRange(value)
            return number
    return value


class NumberOutOfRange(ValueError):
    """A number too large for any quantity of the game (it would become infinity, or an
    integer too long to convert): refused as E016 with its position."""


def _explicit(tag: str, value: str) -> tuple[Any, bool]:
    """A scalar with a standard tag (``!!str 12``). Returns (value, ok)."""
    kind = tag[len(_STD) :]
    if kind == "str":
        return value, True
    v = resolve_plain(value)
    if kind == "int" and isinstance(v, int) and not isinstance(v, bool):
        return v, True
    if kind == "float" and isinstance(v, int | float) and not isinstance(v, bool):
        return float(v), True
    if kind == "bool" and isinstance(v, bool):
        return v, True
    if kind == "null" and v is None:
        return None, True
    return value, False


class ScenarioLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader with the scenario scalar rules (only true/false are booleans, no
    implicit timestamps, no sexagesimal numbers) and no anchors or aliases.

    ``load_yaml`` does not use this class's composer (it builds the document from the event
    stream to keep positions and depth limits); it is provided for tools that want a plain
    ``yaml.load(text, Loader=ScenarioLoader)`` with the same scalar rules."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D401
        if self.check_event(AliasEvent):
            ev = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name / *name) are not allowed", ev.start_mark
            )
        ev = self.peek_event()
        if getattr(ev, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name / *name) are not allowed", ev.start_mark
            )
        return super().compose_node(parent, index)


ScenarioLoader.yaml_implicit_resolvers = {}
ScenarioLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"),
    list("tTfF"),
)
ScenarioLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
ScenarioLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+.0123456789"))
ScenarioLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


# ----------------------------------------------------------------------------------------------
# Reading bytes
# ----------------------------------------------------------------------------------------------
def read_bytes(
    path: str | os.PathLike[str], fname: str | None = None
) -> tuple[bytes | None, list[Diagnostic]]:
    """The file's bytes, or a diagnostic. Only regular files are read (a FIFO would block and
    a device such as /dev/zero never ends, and both report size 0), the size is checked before
    anything is read, and never more than the limit is read."""
    fname = fname or str(path)
    p = Path(path)
    try:
        st = p.stat()  # follows symlinks: a link to /dev/zero is a device
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(str(p))
        if not stat.S_ISREG(st.st_mode):
            return None, [_not_a_file(fname)]
        if st.st_size > MAX_BYTES:
            return None, [_too_big(fname, st.st_size)]
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped since stat()
                return None, [_not_a_file(fname)]
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None, [
            error(
                "E011",
                fname,
                1,
                1,
                "",
                f"The file '{fname}' does not exist.",
                "Check the spelling of the file name and its folder.",
                False,
            )
        ]
    except IsADirectoryError:
        return None, [
            error(
                "E011",
                fname,
                1,
                1,
                "",
                f"'{fname}' is a folder, not a file.",
                "Give the path of a .yaml file.",
                False,
            )
        ]
    except OSError as exc:
        return None, [
            error(
                "E011",
                fname,
                1,
                1,
                "",
                f"The file '{fname}' cannot be read ({exc.strerror or exc}).",
                "Check that the file exists and that you may read it.",
                False,
            )
        ]
    if len(data) > MAX_BYTES:
        return None, [_too_big(fname, len(data))]
    return data, []


def _not_a_file(fname: str) -> Diagnostic:
    return error(
        "E011",
        fname,
        1,
        1,
        "",
        f"'{fname}' is not an ordinary file (it is a device, a pipe or a link to one), so it "
        "was not read.",
        "Scenario folders should hold only .yaml files; remove it or move it elsewhere.",
        False,
    )


def _too_big(fname: str, size: int) -> Diagnostic:
    return error(
        "E006",
        fname,
        1,
        1,
        "",
        f"This file is too big ({size / 1024 / 1024:.1f} MB); scenario files may be at "
        f"most {MAX_BYTES // (1024 * 1024)} MB.",
        "Split the scenario into several files and list them under 'include:' in the "
        "main file. If this is not a scenario file, move it out of the folder.",
        False,
    )


def decode(data: bytes, fname: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text (a UTF-8 BOM is dropped), or E006/E008/E009."""
    if len(data) > MAX_BYTES:
        return None, [_too_big(fname, len(data))]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            error(
                "E008",
                fname,
                1,
                1,
                "",
                "This file is saved as UTF-16, but scenario files must be UTF-8.",
                SAVE_AS_UTF8,
                False,
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return None, [
            error(
                "E008",
                fname,
                line,
                1,
                "",
                "This file contains NUL bytes, so it is not a text file (it may be "
                "a binary file, or text saved as UTF-16).",
                "Scenario files must be plain text saved as UTF-8. " + SAVE_AS_UTF8,
                False,
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            error(
                "E008",
                fname,
                line,
                col,
                "",
                f"This file is not valid UTF-8 text: line {line} contains a "
                "character saved in another encoding (often Windows-1252 or "
                "Latin-1).",
                SAVE_AS_UTF8,
            )
        ]
    if not text.strip():
        return None, [_empty(fname)]
    return text, []


def _empty(fname: str) -> Diagnostic:
    return error(
        "E009",
        fname,
        1,
        1,
        "",
        "This file is empty.",
        "A scenario file starts with 'schema_version: 1' followed by its sections. "
        f"Run '{command('new-scenario NAME')}' to get a starter file.",
        False,
    )


# ----------------------------------------------------------------------------------------------
# Composing
# ----------------------------------------------------------------------------------------------
class _Stop(Exception):
    """A fatal problem was recorded; stop composing."""


def _pos(mark: Any) -> Pos:
    return (mark.line + 1, mark.column + 1)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag


def _plain_or_text(raw: str, ev: Any) -> Any:
    """The value of an untagged scalar: quoted and block scalars are always text."""
    if ev.style:
        return raw
    if ev.implicit[0]:
        return resolve_plain(raw) if raw else None
    return raw


def _shorten(raw: str, width: int = 24) -> str:
    return raw if len(raw) <= width else raw[: width - 3] + "..."


def _compose(parser: Any, fname: str, marks: Marks, diags: list[Diagnostic]) -> Any:
    """Build plain dicts/lists/scalars from the event stream, recording positions."""
    values = marks.value_marks
    get = parser.get_event
    ev = get()  # StreamStart
    ev = get()
    if isinstance(ev, StreamEndEvent):
        return _NOTHING
    # Frames: [is_map, container, path, pending_key or _NOTHING, key_pos]
    stack: list[list[Any]] = []
    root: Any = _NOTHING
    nodes = 0
    fatal = False

    def fail(code: str, pos: Pos, path: tuple[Any, ...], msg: str, hint: str) -> None:
        diags.append(error(code, fname, pos[0], pos[1], path_str(path), msg, hint))

    while True:
        ev = get()
        cls = ev.__class__
        if cls is DocumentEndEvent:
            break
        if cls is MappingEndEvent or cls is SequenceEndEvent:
            frame = stack.pop()
            value = frame[1]
            pos = frame[5]
            is_new = False
        else:
            nodes += 1
            if nodes > MAX_NODES:
                fail(
                    "E006",
                    _pos(ev.start_mark),
                    (),
                    f"This file has too many entries (more than {MAX_NODES:,}).",
                    "Split the scenario into several files listed under 'include:'.",
                )
                raise _Stop
            pos = _pos(ev.start_mark)
            if cls is AliasEvent or ev.anchor is not None:
                fail(
                    "E003",
                    pos,
                    stack[-1][2] if stack else (),
                    "Anchors and aliases (&name and *name) are not allowed in scenario files.",
                    "Write the repeated part out in full. If '&' or '*' is part of a text, "
                    "put the whole text in quotes.",
                )
                raise _Stop
            tag = ev.tag
            is_new = True
            if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
                fail(
                    "E005",
                    pos,
                    stack[-1][2] if stack else (),
                    f"The tag '{_short_tag(tag)}' is not allowed: scenario files cannot "
                    "contain YAML tags (words starting with '!').",
                    "Remove the tag. If the '!' is part of a text, put the whole text in "
                    "quotes. To use another file, list it under 'include:'.",
                )
                fatal = True
                raise _Stop
            if cls is ScalarEvent:
                raw = ev.value
                if len(raw) > MAX_STRING:
                    fail(
                        "E007",
                        pos,
                        stack[-1][2] if stack else (),
                        f"This text is too long ({len(raw):,} characters; at most "
                        f"{MAX_STRING:,} are allowed).",
                        "Shorten it, or split it into several texts.",
                    )
                    raise _Stop
                try:
                    if tag is not None and tag != "!":
                        value, ok = _explicit(tag, raw)
                    else:
                        value, ok = _plain_or_text(raw, ev), True
                except NumberOutOfRange:
                    fail(
                        "E016",
                        pos,
                        stack[-1][2] if stack else (),
                        f"The number {_shorten(raw)} is too large: numbers in a scenario may be "
                        f"at most {MAX_NUMBER:,.0f} (and at most {MAX_INT_DIGITS} digits).",
                        "Check for a typing mistake (an extra digit, or an 'e' in the number). "
                        "If it is meant as text, put it in quotes.",
                    )
                    raise _Stop from None
                if tag is not None and tag != "!":
                    if not ok:
                        fail(
                            "E005",
                            pos,
                            stack[-1][2] if stack else (),
                            f"'{raw}' cannot be read as {_short_tag(tag)}.",
                            "Remove the tag (the part starting with '!!').",
                        )
                        raise _Stop
                is_new = False  # complete node
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                if (
                    tag is not None
                    and tag != "!"
                    and ((cls is MappingStartEvent) != (tag == _STD + "map"))
                ):
                    fail(
                        "E005",
                        pos,
                        stack[-1][2] if stack else (),
                        f"The tag '{_short_tag(tag)}' does not fit here.",
                        "Remove the tag.",
                    )
                    raise _Stop
                if len(stack) >= MAX_DEPTH:
                    fail("E004", pos, stack[-1][2] if stack else (), _DEPTH_MESSAGE, _DEPTH_HINT)
                    raise _Stop
            else:  # pragma: no cover - no other events inside a document
                raise _Stop

        # Where does this node go?
        if stack:
            parent = stack[-1]
            if parent[0]:  # mapping
                if parent[3] is _NOTHING:  # this node is a key
                    if cls is not ScalarEvent:
                        fail(
                            "E001",
                            pos,
                            parent[2],
                            "A key must be a simple word followed by ':', not a list or a mapping.",
                            "Check for a stray '?' or a '[' / '{' at the start of the line.",
                        )
                        raise _Stop
                    key = ev.value
                    container = parent[1]
                    kpath = parent[2] + (key,)
                    if key in container:
                        first = marks.get(kpath, (0, 0))[0]
                        fail(
                            "E002",
                            pos,
                            kpath,
                            f"The key '{key}' appears twice in the same block "
                            f"(first on line {first}).",
                            "Remove one of them, or merge them into one. If they are two "
                            "different items of a list, start each with '- '.",
                        )
                        fatal = True
                    parent[3] = key
                    parent[4] = pos
                    marks[kpath] = pos
                    continue
                path = parent[2] + (parent[3],)
            else:
                path = parent[2] + (len(parent[1]),)
                marks[path] = pos
        else:
            path = ()
            marks[path] = pos

        if is_new:  # a container starts: push and fill later
            values[path] = pos
            if cls is MappingStartEvent:
                stack.append([True, {}, path, _NOTHING, None, pos])
            else:
                stack.append([False, [], path, _NOTHING, None, pos])
            continue

        values[path] = pos
        if stack:
            parent = stack[-1]
            if parent[0]:
                parent[1][parent[3]] = value
                parent[3] = _NOTHING
            else:
                parent[1].append(value)
        else:
            root = value

    ev = get()
    if isinstance(ev, DocumentStartEvent):
        fail(
            "E001",
            _pos(ev.start_mark),
            (),
            "This file contains a second document (a line with '---').",
            "A scenario file holds one document: remove the '---' line and what follows, "
            "or move it into its own file.",
        )
        fatal = True
    if fatal:
        raise _Stop
    return root


class _Nothing:
    pass


_NOTHING: Any = _Nothing()


# ----------------------------------------------------------------------------------------------
# Friendly syntax errors
# ----------------------------------------------------------------------------------------------
def _first_tab(lines: list[str], upto: int) -> Pos | None:
    """The first tab used for indentation, on or before line ``upto`` (1-based)."""
    for i, line in enumerate(lines[:upto]):
        stripped = line.lstrip(" \t")
        lead = line[: len(line) - len(stripped)]
        if "\t" in lead and stripped and not stripped.startswith("#"):
            return (i + 1, lead.index("\t") + 1)
    return None


_BLOCK_KEY = re.compile(r"^(\s*)(-\s+)?([^\s#:][^:#]*?):\s+([|>])([-+]?[0-9]?|[0-9][-+])\s*(#.*)?$")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _block_text_problem(lines: list[str], upto: int) -> tuple[int, int, str, str] | None:
    """A ``key: >-`` (or ``|``, ``>``, ``|-``) whose text lines are not indented more than the
    key: YAML then reads the text as keys, and its own message says nothing useful."""
    found = None
    for i in range(min(upto, len(lines))):
        m = _BLOCK_KEY.match(lines[i])
        if not m:
            continue
        key_col = len(m.group(1)) + len(m.group(2) or "")
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or lines[j].lstrip().startswith("#")):
            j += 1
        if j >= len(lines) or j + 1 > upto:
            continue
        nxt = lines[j]
        if _indent(nxt) > key_col:
            continue
        if re.match(r"^\s*(-\s+)?[A-Za-z_][\w-]*:(\s|$)", nxt) or re.match(r"^\s*-(\s|$)", nxt):
            continue  # a key or a list item: valid YAML (an empty text), not this problem
        found = (j + 1, _indent(nxt) + 1, m.group(3).strip(), m.group(4) + m.group(5), key_col)
    if found is None:
        return None
    ln, col, key, mark, key_col = found
    return (
        ln,
        col,
        f"The text after '{key}: {mark}' must be indented more than '{key}:', but this "
        "line is not, so YAML reads it as a new key.",
        f"Indent every line of the text by at least {key_col + 2} spaces (2 more than "
        f"'{key}:'), or write the whole text in quotes after '{key}:'.",
    )


def _apostrophe_problem(lines: list[str], line: int, col: int) -> tuple[int, int, str, str] | None:
    """``title: 'Uzbekistan's harvest'``: the apostrophe ends a text in single quotes (in a
    block, a list item or inside { } / [ ])."""
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    apos = len(text[: col - 1].rstrip())  # 1-based column of the apostrophe that closed it
    if apos < 1 or text[apos - 1] != "'":
        return None
    # find the quote that opened the text closed at ``apos``
    opened, i, quote = -1, 0, ""
    while i < apos - 1:
        ch = text[i]
        if quote == "'":
            if ch == "'" and i + 1 < len(text) and text[i + 1] == "'":
                i += 2
                continue
            if ch == "'":
                quote = ""
        elif quote == '"':
            if ch == "\\":
                i += 2
                continue
            if ch == '"':
                quote = ""
        elif ch in "'\"" and (not text[:i].strip() or text[:i].rstrip()[-1] in ":-[{,?"):
            quote, opened = ch, i
        i += 1
    if quote != "'" or opened < 0:
        return None
    flow = bool(re.search(r"[\[{]", text[:opened]))
    if flow:
        end = re.search(r"'\s*(?=[,}\]]|$)", text[apos:])
        if end is None:
            return None
        inner = text[opened + 1 : apos + end.start()]
    else:
        value = re.sub(r"\s+#.*$", "", text[opened:]).rstrip()
        if not value.endswith("'") or len(value) < apos - opened + 1:
            return None  # 'Mini' scenario: text after a closing quote, not an apostrophe
        inner = value[1:-1]
    km = re.search(r"([^\s{\[,:#'\"-][^{\[,:#'\"]*?):\s*$", text[:opened])
    prefix = f"{km.group(1).strip()}: " if km else ""
    if '"' in inner:
        fixed = prefix + "'" + inner.replace("'", "''") + "'"
        how = f"write each apostrophe twice inside '...': {fixed}"
    else:
        fixed = prefix + '"' + inner + '"'
        how = f"put the text in double quotes instead: {fixed}"
    return (
        line,
        apos,
        "This apostrophe ends the text that starts with ' on this line, so YAML cannot "
        "read the rest of the line.",
        f"An apostrophe ends a text written in '...'. To use one inside the text, {how}.",
    )


def friendly_yaml_problem(exc: yaml.YAMLError, lines: list[str]) -> tuple[int, int, str, str]:
    """(line, col, message, hint) in plain words for a PyYAML/libyaml syntax error."""
    problem = str(getattr(exc, "problem", "") or exc)
    context = str(getattr(exc, "context", "") or "")
    pm = getattr(exc, "problem_mark", None)
    cm = getattr(exc, "context_mark", None)
    line, col = _pos(pm) if pm is not None else (1, 1)
    cline, ccol = _pos(cm) if cm is not None else (line, col)

    def char_at(ln: int, cl: int) -> str:
        if 1 <= ln <= len(lines) and 1 <= cl <= len(lines[ln - 1]):
            return lines[ln - 1][cl - 1]
        return ""

    def before(ln: int, cl: int) -> str:
        if 1 <= ln <= len(lines):
            return lines[ln - 1][: cl - 1].rstrip()[-1:]
        return ""

    tab = _first_tab(lines, line)
    if tab is not None or "tab" in problem:
        tl, tc = tab or (line, col)
        return (
            tl,
            tc,
            "Tabs are not allowed; indent with spaces.",
            "Replace the tab at the start of this line with spaces (use 2 spaces per "
            "level). Most editors can 'convert indentation to spaces'.",
        )

    block = _block_text_problem(lines, max(line, cline))
    if block is not None:
        return block

    for ln in sorted({cline, line}):
        text = lines[ln - 1] if 1 <= ln <= len(lines) else ""
        m = re.match(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s:/])", text)
        if m:
            return (
                ln,
                m.end(),
                f"There must be a space after the ':' of '{m.group(2)}'.",
                f"Write '{m.group(2)}: ...' with a space after the colon.",
            )

    if before(line, col) == "'":
        apos = _apostrophe_problem(lines, line, col)
        if apos is not None:
            return apos

    ch = char_at(line, col)
    if "while scanning a quoted scalar" in context or (
        "end of stream" in problem and "quoted" in context
    ):
        q = char_at(cline, ccol) or '"'
        return (
            cline,
            ccol,
            f"The quote {q} that starts here is never closed.",
            f"Add the closing {q} at the end of the text. To use {q} inside a text, "
            f"put the text in the other kind of quotes.",
        )
    if "flow sequence" in context or "flow mapping" in context:
        opener = "[" if "sequence" in context else "{"
        closer = "]" if opener == "[" else "}"
        if line == cline and ch in ":?":
            return (
                line,
                col,
                f"A '{ch}' inside [...] or {{...}} is read as YAML syntax.",
                QUOTE_HINT,
            )
        if line == cline and ch:
            return (
                line,
                col,
                f"Unexpected text inside the '{opener}...{closer}' that starts on this line.",
                f"Separate the items with commas, close it with '{closer}', and put text "
                "containing ':' ',' '[' or '{' in quotes.",
            )
        return (
            cline,
            ccol,
            f"The '{opener}' here is never closed with '{closer}'.",
            f"Add '{closer}' after the last item (items are separated by commas). "
            f"YAML noticed the problem on line {line}.",
        )
    if "mapping values are not allowed" in problem:
        text = lines[line - 1] if 1 <= line <= len(lines) else ""
        m = re.match(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:", text)
        if m and m.end() == col:
            return (
                line,
                len(m.group(1)) + 1,
                "This line is indented more than the line above it, so YAML cannot tell "
                "where it belongs.",
                "Line this key up with the other keys of the same block (use the same "
                "number of spaces).",
            )
        return (line, col, "There is a ':' followed by a space inside a text.", QUOTE_HINT)
    if "could not find expected ':'" in problem:
        return (
            cline,
            ccol,
            "This line has no ':' after its key.",
            "Write 'key: value'. If this line continues the text of the line above, "
            "put that whole text in quotes.",
        )
    if "expected '-' indicator" in problem or "block collection" in context:
        return (
            line,
            col,
            "This line does not fit in the list above it.",
            "Each item of a list starts with '- ' at the same indentation; a key of an "
            "item must line up with the first key after its '- '.",
        )
    if "did not find expected key" in problem or "expected <block end>" in problem:
        prev = before(line, col)
        if prev in ('"', "'"):
            return (
                line,
                col,
                "There is more text after a closing quote.",
                "Put the whole text inside the quotes.",
            )
        if prev in ("]", "}"):
            return (
                line,
                col,
                f"There is more text after a closing '{prev}'.",
                "Remove it, or put the whole value in quotes.",
            )
        return (
            line,
            col,
            "This line is not indented like the lines around it.",
            "Keys of the same block must start in the same column. Check the number of "
            "spaces at the start of this line and the line above.",
        )
    if "cannot start any token" in problem:
        if ch in "%@`":
            return (
                line,
                col,
                f"A text cannot start with '{ch}' unless it is in quotes.",
                QUOTE_HINT,
            )
        return (
            line,
            col,
            "YAML does not understand the character here.",
            "Put the text in quotes.",
        )
    if "alias" in context or "anchor" in context:
        return (
            cline,
            ccol,
            "A text cannot start with '*' or '&' unless it is in quotes.",
            QUOTE_HINT,
        )
    if "found undefined tag handle" in problem or "tag" in context:
        return (line, col, "A text cannot start with '!' unless it is in quotes.", QUOTE_HINT)
    if "special characters are not allowed" in problem or "control characters" in problem:
        return (
            line,
            col,
            "This line contains an invisible control character.",
            "Delete and retype the text around here; it may have been pasted from a "
            "word processor.",
        )
    return (
        line,
        col,
        f"YAML could not read this line ({problem}).",
        "Check the indentation, the colons and the quotes around here.",
    )


# ----------------------------------------------------------------------------------------------
# Public entry
# ----------------------------------------------------------------------------------------------
def load_yaml(
    source: bytes | str, fname: str = "<text>"
) -> tuple[dict[str, Any] | None, Marks, list[Diagnostic]]:
    """Parse one scenario file. Returns ``(data, marks, diags)``; ``data`` is None whenever
    there is an error (later layers then skip this file)."""
    marks = Marks()
    if isinstance(source, bytes):
        text, diags = decode(source, fname)
        if text is None:
            return None, marks, diags
    else:
        text = source[1:] if source.startswith("\ufeff") else source
        if len(text) > MAX_BYTES:  # cheap upper bound before encoding
            return None, marks, [_too_big(fname, len(text.encode("utf-8", "replace")))]
        if not text.strip():
            return None, marks, [_empty(fname)]
    diags = []
    try:
        try:
            data = _parse(text, fname, marks, diags)
        except yaml.YAMLError as exc:
            if not _is_depth_refusal(exc):
                raise
            # The parser refused the nesting itself (libyaml >= 0.2.6 stops at its own
            # maximum while scanning ahead, before our composer reaches MAX_DEPTH). Everything
            # up to that point is nested deeper than MAX_DEPTH, so composing just that prefix
            # reaches our limit at the same place as a parser without the limit would.
            marks, diags = Marks(), []
            mark = getattr(exc, "problem_mark", None)
            end = getattr(mark, "index", None)
            try:
                if isinstance(end, int) and 0 < end < len(text):
                    _parse(text[:end], fname, marks, diags)
            except _Stop:
                return None, marks, diags  # the first problem, as without the library's limit
            except yaml.YAMLError:
                pass  # the cut end of the prefix
            line, col = _pos(mark) if mark is not None else (1, 1)
            return None, marks, [error("E004", fname, line, col, "", _DEPTH_MESSAGE, _DEPTH_HINT)]
    except _Stop:
        return None, marks, diags
    except yaml.MarkedYAMLError as exc:
        line, col, msg, hint = friendly_yaml_problem(exc, text.splitlines())
        return None, marks, [error("E001", fname, line, col, "", msg, hint)]
    except yaml.YAMLError as exc:
        line, col = 1, 1
        m = getattr(exc, "position", None)
        if isinstance(m, int):
            line = text.count("\n", 0, m) + 1
        return (
            None,
            marks,
            [
                error(
                    "E001",
                    fname,
                    line,
                    col,
                    "",
                    f"YAML could not read this file ({exc}).",
                    "Check the indentation, the colons and the quotes.",
                )
            ],
        )
    except (RecursionError, MemoryError):
        return (
            None,
            marks,
            [
                error(
                    "E004",
                    fname,
                    1,
                    1,
                    "",
                    "This file is nested too deeply or is too large to read.",
                    "Check for brackets [ { that are never closed.",
                    False,
                )
            ],
        )
    if data is _NOTHING or data is None:
        return (
            None,
            marks,
            [_empty(fname)]
            if data is _NOTHING
            else [
                error(
                    "E009",
                    fname,
                    1,
                    1,
                    "",
                    "This file has no content (only comments or an empty value).",
                    "A scenario file starts with 'schema_version: 1'.",
                    False,
                )
            ],
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        line, col = marks.get((), (1, 1))
        return (
            None,
            marks,
            [
                error(
                    "E010",
                    fname,
                    line,
                    col,
                    "",
                    f"The top level of a scenario file must be sections such as 'meta:' and "
                    f"'events:', but this file is {kind}.",
                    "Start the file with 'schema_version: 1' and put your lists under a section "
                    "name, e.g. 'events:' followed by the '- id: ...' items indented below it.",
                )
            ],
        )
    return data, marks, diags


def _parse(text: str, fname: str, marks: Marks, diags: list[Diagnostic]) -> Any:
    """Compose ``text`` with libyaml if PyYAML has it, else with the pure-Python parser."""
    parser = _FastParser(text) if _FastParser is not None else _PyParser(text)
    try:
        return _compose(parser, fname, marks, diags)
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose:
            dispose()


def _is_depth_refusal(exc: yaml.YAMLError) -> bool:
    """True when the YAML library itself refused the nesting depth (the wording differs
    between libyaml versions; the pure-Python parser has no limit of its own)."""
    words = " ".join(str(getattr(exc, a, "") or "") for a in ("problem", "context")).lower()
    if not words.strip():
        words = str(exc).lower()
    return "nesting" in words or "depth" in words or "flow level" in words


class _PyParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # pragma: no cover
    """Pure-Python event source, used when PyYAML has no libyaml."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


def load_path(
    path: str | os.PathLike[str], fname: str | None = None
) -> tuple[dict[str, Any] | None, Marks, list[Diagnostic], bytes | None, str]:
    """Read and parse a file. Returns (data, marks, diags, raw bytes, decoded text)."""
    fname = fname or str(path)
    raw, diags = read_bytes(path, fname)
    if raw is None:
        return None, Marks(), diags, None, ""
    data, marks, diags = load_yaml(raw, fname)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    return data, marks, diags, raw, text
