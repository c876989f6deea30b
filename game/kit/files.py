"""Reading and writing the game's own files so that a bad file never takes the game down and a
crash or a full disk never destroys the last good copy.

Reading (saves, records, settings, phrase catalogues, the map, fonts):

* ``read_regular(path, limit)``: the bytes of an ordinary file. A folder, a FIFO, a device (or
  a link to one) is refused before anything is read - a FIFO would block for ever and
  ``/dev/zero`` never ends - the size is checked before reading, and never more than ``limit``
  bytes are read (a file that grows while it is read is cut off and refused).
* ``parse_json(data, ...)``: JSON with bounded nesting (a file of 200,000 ``[`` is refused, not a
  ``RecursionError``), integers of at most ``max_digits`` digits (a 5,000-digit number is
  refused before Python converts it) and only finite numbers (``NaN``, ``Infinity`` and
  ``1e999`` are refused).
* ``read_json(path, limit, ...)``: both; ``read_settings(path, defaults)`` a settings file
  over its defaults, keeping only values of the right type, never raising.

Every problem is a ``FileProblem``: its ``kind`` names it (``PROBLEMS``) and ``str()`` says it
in plain words, with the file's name, so a caller can name the file and skip it.

Writing (``write_atomic``; ``write_all_atomic`` for files that belong together): a temporary
file beside the target, written, flushed and ``fsync``-ed, renamed over the target, then the
folder ``fsync``-ed, so after a crash, a ``kill -9`` or a full disk the target is either the
old file or the new one, never half of one.
A temporary file a killed process left behind is removed by ``remove_stale_temporaries`` (the
next start). ``folder_problem`` says whether a folder can be written at all, and
``write_problem`` says why a write failed (a full disk, a read-only folder...) in plain words.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

#: how deep JSON may nest unless told otherwise (the game's own files nest less than 10 deep)
MAX_JSON_DEPTH = 32
#: the longest integer JSON may hold unless told otherwise (a seed is at most 19 digits)
MAX_INT_DIGITS = 20
#: a temporary file of ``write_atomic``: ``<target>.<random>.tmp`` beside its target
TEMPORARY = re.compile(r"^(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")
#: a temporary file younger than this may belong to a writer still at work
STALE_AFTER_S = 60.0

PROBLEMS = {
    "missing": "{file}: no such file",
    "is_a_folder": "{file}: this is a folder, not a file",
    "not_a_file": "{file}: this is not an ordinary file (a device, a pipe, or a link to one), "
    "so it was not read",
    "too_large": "{file}: this file is too large ({size}; at most {limit} is read)",
    "cannot_read": "{file}: cannot read this file ({error})",
    "not_text": "{file}: this is not UTF-8 text",
    "bad_json": "{file}:{line}:{column}: this file is damaged (not valid JSON)",
    "cut_short": "{file}: this file looks cut short (was the disk full, or the file copied "
    "halfway?)",
    "too_deep": "{file}: this file nests lists or objects more than {limit} deep, which none "
    "of the game's files do",
    "huge_number": "{file}: this file holds a number with more than {limit} digits",
    "not_finite": "{file}: this file holds a number that is not finite ({value})",
}


class FileProblem(ValueError):
    """A file that cannot be used; ``str()`` names it and says why. ``kind`` is a key of
    ``PROBLEMS`` and ``details`` its particulars (``file`` always), so a caller can say the
    same in another language."""

    def __init__(self, kind: str, file: str, **details: Any) -> None:
        super().__init__(PROBLEMS[kind].format(file=file, **details))
        self.kind = kind
        self.details = {"file": file, **details}


def size_text(n: int) -> str:
    """'1.5 MB', '200 KB', '12 bytes'."""
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.0f} KB"
    return f"{n} bytes"


# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------
def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of an ordinary file of at most ``limit`` bytes; ``FileProblem`` otherwise.
    Nothing is read from a folder, a FIFO or a device (``stat`` follows links, so a link to
    ``/dev/zero`` is a device), and the open file is checked again (it may have been swapped
    since ``stat``)."""
    name = str(path)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise FileProblem("is_a_folder", name)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem("not_a_file", name)
        if st.st_size > limit:
            raise FileProblem(
                "too_large", name, size=size_text(st.st_size), limit=size_text(limit), n=st.st_size
            )
        # O_NONBLOCK: should the file have become a FIFO since stat(), open() does not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise FileProblem("not_a_file", name)
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise FileProblem("missing", name) from None
    except IsADirectoryError:
        raise FileProblem("is_a_folder", name) from None
    except OSError as e:
        raise FileProblem("cannot_read", name, error=e.strerror or str(e)) from None
    if len(data) > limit:  # it grew after stat()
        raise FileProblem(
            "too_large", name, size=f"> {size_text(limit)}", limit=size_text(limit), n=len(data)
        )
    return data


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text (a UTF-8 byte-order mark is dropped); ``FileProblem('not_text')`` otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem("not_text", name) from None


class _Refused(Exception):
    """Raised inside the JSON parser's hooks: the number it was handed is refused."""

    def __init__(self, kind: str, **details: Any) -> None:
        super().__init__(kind)
        self.kind = kind
        self.details = details


def parse_json(
    data: str | bytes,
    name: str = "file",
    max_depth: int = MAX_JSON_DEPTH,
    max_digits: int = MAX_INT_DIGITS,
) -> Any:
    """JSON text as Python values, within bounds: at most ``max_depth`` nested lists and
    objects, integers of at most ``max_digits`` digits, finite numbers only. Raises
    ``FileProblem`` (never ``RecursionError``, ``MemoryError`` or a bare ``ValueError``)."""
    text = decode_text(data, name) if isinstance(data, bytes) else data

    def integer(s: str) -> int:
        if len(s.lstrip("-")) > max_digits:
            raise _Refused("huge_number", limit=max_digits)
        return int(s)

    def constant(s: str) -> Any:
        raise _Refused("not_finite", value=s)

    if nesting_depth(text, max_depth) > max_depth:
        raise FileProblem("too_deep", name, limit=max_depth)
    try:  # floats are parsed by json's own C code (fast) and checked below
        value = json.loads(text, parse_int=integer, parse_constant=constant)
    except _Refused as r:
        raise FileProblem(r.kind, name, **r.details) from None
    except RecursionError:
        raise FileProblem("too_deep", name, limit=max_depth) from None
    except MemoryError:
        raise FileProblem("too_large", name, size=size_text(len(text)), limit="memory") from None
    except json.JSONDecodeError as e:
        stripped = text.rstrip()
        if e.pos >= len(stripped) - 1 and stripped.startswith(("{", "[")):
            raise FileProblem("cut_short", name) from None
        raise FileProblem("bad_json", name, line=e.lineno, column=e.colno) from None
    except ValueError:  # e.g. a lone surrogate the decoder refuses
        raise FileProblem("bad_json", name, line=1, column=1) from None
    if _MAYBE_INFINITE.search(text):  # only a number this long or this large can be inf
        problem = out_of_bounds(value, max_depth)
        if problem is not None:
            kind, details = problem
            raise FileProblem(kind, name, **details)
    return value


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_MAYBE_INFINITE = re.compile(r"\d{300}|[eE]\+?\d{3}")


def nesting_depth(text: str, enough: int = 0) -> int:
    """How deep lists and objects nest in JSON ``text`` (brackets inside strings do not
    count), in time linear in the text and without recursion; ``enough``: any answer of at
    most ``enough`` will do when there are that few brackets in all."""
    if text.count("[") + text.count("{") <= enough:
        return enough
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text)).encode("ascii")
    if not brackets:
        return 0
    steps = np.frombuffer(brackets, dtype=np.uint8)
    depth = np.cumsum(np.where((steps == ord("[")) | (steps == ord("{")), 1, -1))
    return int(depth.max())


def out_of_bounds(value: Any, max_depth: int) -> tuple[str, dict[str, Any]] | None:
    """('too_deep', ...) when lists and objects nest more than ``max_depth`` deep in
    ``value``, ('not_finite', ...) when it holds an infinite number (``1e999``), else None.
    No recursion: a structure of any depth is walked in a loop."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            children: Iterable[Any] = v.values()
        elif isinstance(v, list):
            children = v
        else:
            continue
        if d > max_depth:
            return "too_deep", {"limit": max_depth}
        for c in children:
            if isinstance(c, (dict, list)):
                stack.append((c, d + 1))
            elif isinstance(c, float) and not math.isfinite(c):
                return "not_finite", {"value": repr(c)}
    if isinstance(value, float) and not math.isfinite(value):
        return "not_finite", {"value": repr(value)}
    return None


def read_json(
    path: str | os.PathLike[str],
    limit: int,
    max_depth: int = MAX_JSON_DEPTH,
    max_digits: int = MAX_INT_DIGITS,
) -> Any:
    """A JSON file read with ``read_regular`` and parsed with ``parse_json``; ``FileProblem``
    says what is wrong."""
    return parse_json(read_regular(path, limit), str(path), max_depth, max_digits)


def read_json_object(path: str | os.PathLike[str], limit: int = 1 << 20) -> dict[str, Any]:
    """A small JSON file holding one object (settings, a phrase catalogue): the object, or
    ``FileProblem`` (also when the file holds something other than an object)."""
    data = read_json(path, limit)
    if not isinstance(data, dict):
        raise FileProblem("bad_json", str(path), line=1, column=1)
    return data


def read_settings(
    path: str | os.PathLike[str], defaults: Mapping[str, Any], limit: int = 64 << 10
) -> tuple[dict[str, Any], str | None]:
    """A settings file over its ``defaults``: every key of ``defaults`` whose value in the
    file has the default's type (``True`` is not a number; texts at most 1,000 characters;
    numbers finite and at most 10^9) takes the file's value, the rest keep the defaults. Also
    returns what was wrong with the file, or None (a missing file is nothing wrong). Never
    raises: a damaged, huge or hostile settings file gives the defaults and a message."""
    out = dict(defaults)
    try:
        data = read_json_object(path, limit)
    except FileProblem as e:
        return out, (None if e.kind == "missing" else str(e))
    ignored = []
    for key, value in data.items():
        if key in out and _same_kind(value, out[key]):
            out[key] = value
        else:
            ignored.append(str(key)[:40])
    if ignored:
        return out, f"{path}: ignored settings that are unknown or of the wrong type: " + ", ".join(
            ignored[:10]
        )
    return out, None


def _same_kind(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, type(default)) and math.isfinite(value) and abs(value) <= 1e9
    if isinstance(default, str):
        return isinstance(value, str) and len(value) <= 1000
    return False


# ------------------------------------------------------------------------------------------------
# Writing
# ------------------------------------------------------------------------------------------------
def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Replace ``path`` with ``data`` (text is written as UTF-8) so that the file is always
    either the old one or the new one: a temporary file beside it, written, flushed and
    fsync-ed, renamed over it, then the folder fsync-ed (the rename itself survives a power
    cut). On any error the temporary file is removed and the error raised (``OSError``; say
    it with ``write_problem``): the old file is untouched."""
    return write_all_atomic({Path(path): data})[0]


def write_all_atomic(items: dict[Path, bytes | str]) -> list[Path]:
    """``write_atomic`` for several files that belong together (report.md and report.png):
    every file is written to its temporary file and synced first, and only when all are on
    the disk are they renamed over their targets, so a full disk leaves all the old files as
    they were (not a new report.md beside an old report.png)."""
    done: list[tuple[str, Path]] = []
    try:
        for path, data in items.items():
            done.append((_temporary(path, data), path))
        for tmp, path in done:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in done:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    for folder in {p.parent for p in items}:
        sync_folder(folder)
    return list(items)


def _temporary(path: Path, data: bytes | str) -> str:
    """A synced temporary file beside ``path`` holding ``data``, with the permissions the
    target has (a new file the usual 0644, not mkstemp's private 0600)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            view = memoryview(payload)
            while view:  # os.write may write less than asked
                view = view[os.write(f.fileno(), view) :]
            os.fsync(f.fileno())
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode) if path.exists() else 0o644
            os.chmod(tmp, mode)
        except OSError:
            pass
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return tmp


def sync_folder(folder: Path) -> None:
    """fsync a folder, so a rename in it is on the disk (POSIX; Windows has no such call)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is still atomic
    finally:
        os.close(fd)


def remove_stale_temporaries(
    folder: str | os.PathLike[str], targets: str = "*", older_than_s: float = STALE_AFTER_S
) -> list[Path]:
    """Remove the temporary files of ``write_atomic`` that a killed process left in
    ``folder`` (those of targets matching the pattern ``targets``, e.g. ``*.json``, at least
    ``older_than_s`` seconds old: a younger one may belong to a writer still at work).
    Returns what was removed; never raises."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries[:100_000]:
        m = TEMPORARY.match(entry.name)
        if m is None or not Path(m.group("target")).match(targets):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime >= older_than_s:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def write_problem(e: OSError, path: str | os.PathLike[str]) -> str:
    """Why writing ``path`` failed, in plain words that say what to do."""
    where = Path(path).parent
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (
            f"the disk is full: nothing could be written to {where} (free some space there; "
            "the last good copy of the file is kept)"
        )
    if e.errno in (errno.EACCES, errno.EPERM):
        return f"you may not write in {where} (choose a folder you can write in)"
    if e.errno == errno.EROFS:
        return f"{where} is on a read-only disk (choose a folder you can write in)"
    if e.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"{where} does not exist and cannot be made"
    return f"cannot write {path} ({e.strerror or e})"


def folder_problem(folder: str | os.PathLike[str]) -> str | None:
    """None when files can be written in ``folder`` (made if missing), else what is wrong,
    in plain words (``write_problem``): a probe file of its own (several processes may check
    one folder at once) is written, synced and removed."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            return f"{folder} is not a folder"
        fd, probe = tempfile.mkstemp(prefix=".crossroads-write-test.", dir=folder)
        try:
            os.write(fd, b"ok")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as e:
        return write_problem(e, folder / "file")
    return None
