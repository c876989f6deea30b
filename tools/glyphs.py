"""Which characters a font can draw, and which characters the game needs: a build-time check,
not part of the game.

Used by ``tools/build_fonts.py`` (to choose the glyphs of the shipped font),
``tools/check_glyphs.py`` (to check a font against the game's texts) and ``tests/test_fonts.py``.
It reads a font's ``cmap`` table directly, so it needs neither fontTools nor a display.

    >>> missing_glyphs(SHIPPED_FONTS["regular"], "Қазақстан 日本")
    set()

The game's texts are: every string of every phrase catalogue (each ``locale/*.json`` folder
under ``game/``: the window's, the class report's, any new one), every string in
``scenarios/**/*.yaml`` (values and keys; comments are not shown so they are not counted), and
the string constants (not docstrings) of the game's Python code.
"""

from __future__ import annotations

import ast
import json
import struct
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

#: the checkout, whose texts the tools and tests check (see ``project_texts``)
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from game.kit.typeface import FONT_DIR, SHIPPED_FONTS  # noqa: E402 - where they are named

__all__ = [
    "FONT_DIR",
    "SHIPPED_FONTS",
    "FontReadError",
    "code_texts",
    "describe_char",
    "font_codepoints",
    "ignorable",
    "locale_texts",
    "missing_glyphs",
    "needed_chars",
    "project_texts",
    "scenario_texts",
    "where_used",
]

#: the phrase catalogues: every ``locale`` folder of JSON files in the game
CATALOGUES = "game/**/locale/*.json"
#: the Python code whose string constants may be drawn (docstrings are not)
CODE = "game/**/*.py"


class FontReadError(ValueError):
    """A file that is not a font this module can read; ``str()`` names the file."""


# ------------------------------------------------------------------------------------------------
# Reading a font's character map
# ------------------------------------------------------------------------------------------------
def font_codepoints(font_path: str | Path, index: int = 0) -> set[int]:
    """Every code point the font maps to a real glyph (not .notdef).

    Reads TrueType/OpenType (.ttf, .otf) and collections (.ttc; ``index`` picks the font)."""
    path = Path(font_path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise FontReadError(f"{path}: cannot read the font ({e.strerror or e})") from None
    try:
        return _codepoints(data, index)
    except (struct.error, IndexError, KeyError) as e:
        raise FontReadError(f"{path}: this is not a font file that can be read ({e})") from None


def _codepoints(data: bytes, index: int) -> set[int]:
    base = 0
    if data[:4] == b"ttcf":
        (n,) = struct.unpack_from(">I", data, 8)
        if not 0 <= index < n:
            raise KeyError(f"the collection has {n} fonts, not {index + 1}")
        (base,) = struct.unpack_from(">I", data, 12 + 4 * index)
    (num_tables,) = struct.unpack_from(">H", data, base + 4)
    tables = {}
    for i in range(num_tables):
        tag, _, off, length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        tables[tag] = (off, length)
    if b"cmap" not in tables:
        raise KeyError("it has no character map")
    cmap = tables[b"cmap"][0]
    _, n_sub = struct.unpack_from(">HH", data, cmap)
    out: set[int] = set()
    for i in range(n_sub):
        plat, enc, off = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if plat == 0 or (plat == 3 and enc in (1, 10)):
            out |= _subtable(data, cmap + off)
    return out


def _subtable(data: bytes, at: int) -> set[int]:
    (fmt,) = struct.unpack_from(">H", data, at)
    out: set[int] = set()
    if fmt == 4:
        (seg2,) = struct.unpack_from(">H", data, at + 6)
        n = seg2 // 2
        ends = struct.unpack_from(f">{n}H", data, at + 14)
        starts = struct.unpack_from(f">{n}H", data, at + 16 + seg2)
        deltas = struct.unpack_from(f">{n}h", data, at + 16 + 2 * seg2)
        ro_at = at + 16 + 3 * seg2
        ranges = struct.unpack_from(f">{n}H", data, ro_at)
        for s in range(n):
            start, end, delta, ro = starts[s], ends[s], deltas[s], ranges[s]
            if start == 0xFFFF:
                continue
            for c in range(start, end + 1):
                if ro == 0:
                    g = (c + delta) & 0xFFFF
                else:
                    (g,) = struct.unpack_from(">H", data, ro_at + 2 * s + ro + 2 * (c - start))
                    if g:
                        g = (g + delta) & 0xFFFF
                if g:
                    out.add(c)
    elif fmt == 6:
        first, count = struct.unpack_from(">HH", data, at + 6)
        gids = struct.unpack_from(f">{count}H", data, at + 10)
        out.update(first + i for i, g in enumerate(gids) if g)
    elif fmt == 12:
        (groups,) = struct.unpack_from(">I", data, at + 12)
        for i in range(groups):
            start, end, gid = struct.unpack_from(">III", data, at + 16 + 12 * i)
            first = start if gid else start + 1
            out.update(range(first, end + 1))
    return out


def ignorable(ch: str) -> bool:
    """Characters no font needs to draw: whitespace, controls, format marks, variation
    selectors (they change the look of the letter before them, not its glyph)."""
    if ch.isspace():
        return True
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cf", "Cs", "Co", "Cn") and ch != "\u00ad":
        return True
    o = ord(ch)
    return 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF


def missing_glyphs(font_path: str | Path, text: str | Iterable[str]) -> set[str]:
    """The characters of ``text`` the font cannot draw (whitespace and controls skipped)."""
    have = font_codepoints(font_path)
    return {ch for ch in set(text) if not ignorable(ch) and ord(ch) not in have}


# ------------------------------------------------------------------------------------------------
# The game's texts
# ------------------------------------------------------------------------------------------------
def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _strings(v)


def _yaml_strings(text: str) -> str:
    import yaml

    try:
        docs = list(yaml.safe_load_all(text))
    except yaml.YAMLError:
        # a file being edited: count every character except those in comment lines
        return "".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return "".join(s for d in docs for s in _strings(d))


def _code_strings(text: str) -> str:
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return ""
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docs.add(id(body[0].value))
    return "".join(
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    )


def locale_texts(root: Path = ROOT) -> dict[str, str]:
    """file (relative to ``root``) -> all its strings, for every phrase catalogue."""
    out = {}
    for p in sorted(root.glob(CATALOGUES)):
        raw = p.read_text(encoding="utf-8", errors="replace")
        try:
            out[str(p.relative_to(root))] = "".join(_strings(json.loads(raw)))
        except json.JSONDecodeError:
            out[str(p.relative_to(root))] = raw
    return out


def scenario_texts(root: Path = ROOT) -> dict[str, str]:
    """file -> its strings, for every ``.yaml``/``.yml`` under ``scenarios/``."""
    out = {}
    base = root / "scenarios"
    for p in sorted([*base.rglob("*.yaml"), *base.rglob("*.yml")]):
        out[str(p.relative_to(root))] = _yaml_strings(
            p.read_text(encoding="utf-8", errors="replace")
        )
    return out


def code_texts(root: Path = ROOT) -> dict[str, str]:
    """file -> its non-docstring string constants, for the game's Python code."""
    return {
        str(p.relative_to(root)): _code_strings(p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(root.glob(CODE))
    }


def project_texts(root: Path = ROOT, code: bool = True) -> dict[str, str]:
    """All the texts the shipped font must cover, by file."""
    out = {**locale_texts(root), **scenario_texts(root)}
    if code:
        out.update(code_texts(root))
    return out


def needed_chars(texts: dict[str, str]) -> set[str]:
    return {ch for t in texts.values() for ch in t if not ignorable(ch)}


def where_used(texts: dict[str, str], chars: Iterable[str]) -> dict[str, list[str]]:
    """char -> the files that use it (for error messages)."""
    want = set(chars)
    out: dict[str, list[str]] = {c: [] for c in want}
    for name, t in texts.items():
        for c in want & set(t):
            out[c].append(name)
    return out


def describe_char(ch: str) -> str:
    """``'ә' U+04D9 CYRILLIC SMALL LETTER SCHWA``"""
    return f"'{ch}' U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"
