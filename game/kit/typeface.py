"""The game's own font files and a typeface over them for drawing with pygame.

``SHIPPED_FONTS`` names Crossroads Sans (``assets/fonts``, made by ``tools/build_fonts.py``:
Latin, Cyrillic with the Kazakh letters, kana and the Jōyō and Jinmeiyō kanji, arrows and
ticks), so one face draws English, Japanese and Russian. ``FontFiles`` measures and renders
text in it for the class report's picture and the balance lab's charts; the window has its own
typeface with per-character fallbacks and a text scale (``game/ui/fonts.py``). Any object with
the three methods of ``Typeface`` can draw a chart (``game.kit.raster``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pygame

from ..data import asset

Colour = tuple[int, int, int]

FONT_DIR = asset("fonts")  # in the checkout's assets/, or inside an installed wheel
SHIPPED_FONTS = {
    "regular": FONT_DIR / "CrossroadsSans-Regular.ttf",
    "bold": FONT_DIR / "CrossroadsSans-Bold.ttf",
}


def shipped_font(weight: str) -> Path | None:
    """The shipped font file of ``weight`` ('regular' or 'bold'), None if it is missing."""
    p = SHIPPED_FONTS[weight]
    return p if p.is_file() else None


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
