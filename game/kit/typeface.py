"""The game's own font files and a typeface over them for drawing with pygame.

``SHIPPED_FONTS`` names Crossroads Sans (``assets/fonts``, made by ``tools/build_fonts.py``:
Latin, Cyrillic with the Kazakh letters, kana and the Jōyō and Jinmeiyō kanji, arrows and
ticks), so one face draws English, Japanese and Russian. ``FontFiles`` measures and renders
text in it for the class report's picture and the balance lab's charts; the window has its own
typeface with per-character fallbacks and a text scale (``game/ui/fonts.py``). Any object with
the three methods of ``Typeface`` can draw a chart (``game.kit.raster``).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path
from typing import Protocol

import pygame

from ..data import asset
from .files import FileProblem, read_regular

Colour = tuple[int, int, int]

FONT_DIR = asset("fonts")  # in the checkout's assets/, or inside an installed wheel
SHIPPED_FONTS = {
    "regular": FONT_DIR / "CrossroadsSans-Regular.ttf",
    "bold": FONT_DIR / "CrossroadsSans-Bold.ttf",
}


def shipped_font(weight: str) -> Path | None:
    """The shipped font file of ``weight`` ('regular' or 'bold'); None, with a warning on
    stderr, if it is missing or damaged (``font_problem``): then pygame's own font is used,
    which draws Latin letters only, rather than a damaged file crashing SDL_ttf."""
    p = SHIPPED_FONTS[weight]
    problem = font_problem(p, checksums=True)
    if problem is None:
        return p
    _warn_once(
        f"{problem}; text is drawn in pygame's default font (Latin letters only). "
        "Reinstall the game to restore it."
    )
    return None


#: the tables every TrueType or OpenType font file has
_REQUIRED = (b"cmap", b"head", b"hhea", b"hmtx", b"maxp")
MAX_FONT_BYTES = 64 << 20
_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(f"crossroads: warning: {message}", file=sys.stderr)


def font_problem(path: Path, checksums: bool = False) -> str | None:
    """None when ``path`` is a whole TrueType/OpenType font file, else what is wrong with it.
    Its table directory is read and every table must lie inside the file (a truncated file
    crashes SDL_ttf with a segmentation fault, which no ``except`` can catch); with
    ``checksums`` every table's checksum is verified too (the shipped files have correct
    ones; some fonts found elsewhere do not)."""
    try:
        data = read_regular(path, MAX_FONT_BYTES)
    except FileProblem as e:
        return f"the font file {e}"
    return _font_data_problem(data, checksums, str(path))


def _font_data_problem(data: bytes, checksums: bool, name: str) -> str | None:
    damaged = f"the font file {name} is damaged"
    if len(data) < 12:
        return f"{damaged} (too short)"
    version, n_tables = struct.unpack(">IH", data[:6])
    if version not in (0x00010000, 0x4F54544F, 0x74727565):  # 1.0, 'OTTO', 'true'
        return f"{damaged} (not a TrueType or OpenType font)"
    if not 1 <= n_tables <= 200 or 12 + 16 * n_tables > len(data):
        return f"{damaged} (its table directory is cut short)"
    tables: dict[bytes, tuple[int, int, int]] = {}
    for i in range(n_tables):
        tag, checksum, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if offset + length > len(data):
            return f"{damaged} (cut short: its '{tag.decode('latin-1')}' table is missing)"
        tables[tag] = (checksum, offset, length)
    missing = [t.decode() for t in _REQUIRED if t not in tables]
    if missing:
        return f"{damaged} (no {', '.join(missing)} table)"
    if checksums:
        for tag, (checksum, offset, length) in tables.items():
            words = data[offset : offset + length] + b"\0" * (-length % 4)
            total = sum(struct.unpack(f">{len(words) // 4}I", words))
            if tag == b"head" and length >= 12:  # the whole file's adjustment is left out
                total -= struct.unpack(">I", data[offset + 8 : offset + 12])[0]
            if total & 0xFFFFFFFF != checksum:
                return (
                    f"{damaged} (its '{tag.decode('latin-1')}' table does not match its checksum)"
                )
    return None


class Typeface(Protocol):
    """What draws text for a chart: sizes are in pixels (the window's are logical pixels)."""

    def size(self, text: str, px: int, bold: bool = False) -> tuple[int, int]: ...

    def render(self, text: str, px: int, colour: Colour, bold: bool = False) -> pygame.Surface: ...

    def line_height(self, px: int) -> int: ...


class FontFiles:
    """A typeface over two font files (the shipped ones by default; pygame's own font where a
    file is missing). ``sizes`` collects every pixel size drawn (tests check the smallest)."""

    def __init__(self, regular: Path | None = None, bold: Path | None = None) -> None:
        self.files = {
            False: regular or shipped_font("regular"),
            True: bold or shipped_font("bold"),
        }
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self.sizes: set[int] = set()

    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        key = (px, bold)
        f = self._fonts.get(key)
        if f is None:
            if not pygame.font.get_init():
                pygame.font.init()
            path = self.files[bold]
            f = pygame.font.Font(str(path) if path else None, px)
            if path is None and bold:
                f.set_bold(True)
            self._fonts[key] = f
        return f

    def size(self, text: str, px: int, bold: bool = False) -> tuple[int, int]:
        return self.font(px, bold).size(text)

    def render(self, text: str, px: int, colour: Colour, bold: bool = False) -> pygame.Surface:
        self.sizes.add(px)
        return self.font(px, bold).render(text, True, colour)

    def line_height(self, px: int) -> int:
        return self.font(px).get_linesize()
