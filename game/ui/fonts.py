"""All font loading for the window lives here, so a translation can swap fonts in one place.

``configure()`` chooses the font files (a regular face, a bold face and fallback faces); by
default they are the game's own Crossroads Sans (``assets/fonts``, found through ``game.data``,
made by ``tools/build_fonts.py``: Latin, Cyrillic with the Kazakh letters, kana and the Jōyō
and Jinmeiyō kanji, arrows and ticks), so English, Japanese and Russian use one face and no
fallback is needed (``tests/test_fonts.py`` checks every text the game ships). A translation
can add fallback faces with ``configure(fallbacks=...)``: pygame's renderer does no per-glyph
fallback, so ``render`` splits a string into runs, each drawn with the first face that has its
glyphs (checked once per character with ``pygame.freetype``, which reports missing glyphs as
``None``).

Sizes are logical pixels on the 1280x720 canvas (see ``theme.SIZE``), multiplied by the
player's text scale (``set_scale``, 1.0-2.0) when a font is made: every measurement
(``size``, ``line_height``) is of the scaled text, so layouts that measure adapt by themselves.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame.freetype

from ..kit.typeface import font_problem as check_font
from ..kit.typeface import shipped_font

Colour = tuple[int, int, int]


@dataclass
class FontConfig:
    regular: Path | None
    bold: Path | None
    fallbacks: tuple[Path, ...]


_config: FontConfig | None = None
_fonts: dict[tuple[str, int], pygame.font.Font] = {}
_coverage: dict[tuple[str, str], bool] = {}
_ft: dict[str, pygame.freetype.Font] = {}
_cache: OrderedDict[tuple[str, int, bool, Colour], pygame.Surface] = OrderedDict()
_size_cache: dict[tuple[str, int, bool], tuple[int, int]] = {}
CACHE_MAX = 1500


def font_problem() -> str | None:
    """What is wrong with the font ``CROSSROADS_FONT`` names (missing, not a font file, cut
    short: ``kit.typeface.font_problem``), or None; the shipped font is used instead."""
    env = os.environ.get("CROSSROADS_FONT")
    if not env:
        return None
    problem = check_font(Path(env))
    return f"CROSSROADS_FONT: {problem}; the game's own font is used instead" if problem else None


def default_config() -> FontConfig:
    """The shipped faces (``CROSSROADS_FONT`` names one file for both weights instead, once it
    is checked: a damaged font file can crash SDL_ttf, which no ``except`` catches); when a
    shipped file is missing, pygame's own font (Latin only), so the window still opens."""
    env = os.environ.get("CROSSROADS_FONT")
    if env and font_problem() is None:
        return FontConfig(Path(env), Path(env), ())
    return FontConfig(shipped_font("regular"), shipped_font("bold"), ())


# ---- text scale ------------------------------------------------------------------------------
MIN_SCALE, MAX_SCALE = 1.0, 2.0
_scale = 1.0


def set_scale(s: float) -> float:
    """The player's text size (1.0 = 100 %, at most 2.0). Returns the value in use."""
    global _scale
    _scale = round(min(MAX_SCALE, max(MIN_SCALE, float(s))), 2)
    return _scale


def scale() -> float:
    return _scale


@contextmanager
def scale_capped(cap: float) -> Iterator[None]:
    """Draw with the text scale limited to ``cap`` (the map's labels sit on geometry)."""
    global _scale
    keep = _scale
    _scale = min(keep, cap)
    try:
        yield
    finally:
        _scale = keep


#: the text sizes offered (Settings, + and -), in percent
TEXT_STEPS = (100, 125, 150, 175, 200)
#: projector mode: high contrast and text at least this large
PROJECTOR_SCALE = 1.25

#: scenes not laid out for any text scale (menu, saves, settings, timeline, debrief...) draw
#: their text at most this much larger; the play screens follow the full scale
OTHER_SCENES_CAP = 1.25


def px(size: int) -> int:
    """A logical size in pixels at the current text scale."""
    return max(1, round(size * _scale))


def configure(
    regular: str | Path | None = None,
    bold: str | Path | None = None,
    fallbacks: tuple[str | Path, ...] | None = None,
) -> None:
    """Choose font files (``None`` keeps the default). Clears every cache."""
    d = default_config()
    global _config
    _config = FontConfig(
        Path(regular) if regular else d.regular,
        Path(bold) if bold else (Path(regular) if regular else d.bold),
        tuple(Path(p) for p in fallbacks) if fallbacks is not None else d.fallbacks,
    )
    _fonts.clear()
    _lh.clear()
    _coverage.clear()
    _ft.clear()
    _cache.clear()
    _size_cache.clear()


def config() -> FontConfig:
    if _config is None:
        configure()
    assert _config is not None
    return _config


def _faces(bold: bool) -> list[str]:
    c = config()
    first = c.bold if bold else c.regular
    out = [str(first) if first else ""]
    out += [str(p) for p in c.fallbacks]
    return out


def _font(face: str, size: int) -> pygame.font.Font:
    """The face at ``size`` logical pixels, scaled by the text scale."""
    real = px(size)
    key = (face, real)
    f = _fonts.get(key)
    if f is None:
        if not pygame.font.get_init():
            pygame.font.init()
        f = pygame.font.Font(face or None, real)
        _fonts[key] = f
    return f


def get(size: int, bold: bool = False) -> pygame.font.Font:
    """The primary face at ``size`` (for line heights and simple measurements)."""
    return _font(_faces(bold)[0], size)


_lh: dict[int, int] = {}


def line_height(size: int) -> int:
    real = px(size)
    v = _lh.get(real)
    if v is None:
        v = _lh[real] = get(size).get_linesize()
    return v


def _has(face: str, ch: str) -> bool:
    key = (face, ch)
    v = _coverage.get(key)
    if v is None:
        if not face:
            v = True
        else:
            ft = _ft.get(face)
            if ft is None:
                if not pygame.freetype.get_init():
                    pygame.freetype.init()
                ft = _ft[face] = pygame.freetype.Font(face, 16)
            try:
                v = ch in " \t" or ft.get_metrics(ch)[0] is not None
            except Exception:
                v = False
        _coverage[key] = v
    return v


def _runs(text: str, bold: bool) -> list[tuple[str, str]]:
    faces = _faces(bold)
    runs: list[tuple[str, str]] = []
    for ch in text:
        face = next((f for f in faces if _has(f, ch)), faces[0])
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + ch)
        else:
            runs.append((face, ch))
    return runs


def size(text: str, size: int, bold: bool = False) -> tuple[int, int]:
    """Width and height of ``text`` rendered at ``size``."""
    key = (text, px(size), bold)
    v = _size_cache.get(key)
    if v is None:
        runs = _runs(text, bold)
        w = sum(_font(face, size).size(t)[0] for face, t in runs)
        v = (w, line_height(size))
        if len(_size_cache) > 20000:
            _size_cache.clear()
        _size_cache[key] = v
    return v


#: when a list, every string drawn is appended to it (tests: glyph coverage, hidden choices)
DRAWN: list[str] | None = None


def render(text: str, size: int, colour: Colour, bold: bool = False) -> pygame.Surface:
    """``text`` on a transparent surface, with per-run font fallback. Cached (LRU)."""
    if DRAWN is not None:
        DRAWN.append(text)
    key = (text, px(size), bold, colour)
    surf = _cache.get(key)
    if surf is not None:
        _cache.move_to_end(key)
        return surf
    runs = _runs(text, bold)
    h = line_height(size)
    if len(runs) == 1 and runs[0][0] == _faces(bold)[0]:
        surf = _font(runs[0][0], size).render(text, True, colour)
    else:
        base = get(size, bold).get_ascent()
        parts = []
        for face, t in runs:
            f = _font(face, size)
            parts.append((f.render(t, True, colour), base - f.get_ascent()))
        w = sum(p.get_width() for p, _ in parts)
        surf = pygame.Surface((max(1, w), h), pygame.SRCALPHA)
        x = 0
        for p, dy in parts:
            surf.blit(p, (x, dy))
            x += p.get_width()
    _cache[key] = surf
    if len(_cache) > CACHE_MAX:
        _cache.popitem(last=False)
    return surf
