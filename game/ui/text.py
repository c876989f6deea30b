"""Text layout: wrapping, drawing into a box, and checking that text fits its box.

Every piece of text the scenes draw goes through ``draw`` (one line or wrapped lines in a
rectangle). If the text does not fit even at the smallest allowed size, the last visible line is
cut with an ellipsis and the miss is logged in ``OVERFLOWS``; the UI tests render every scene and
assert that the log stays empty. ``fits`` is the same measurement as a pure question.

Sizes are logical and scaled by the player's text scale (``fonts.set_scale``). A scene laid out
for large text (``Scene.large_text = True``: the map, the event pop-up and the new class screens)
is drawn *strict*: text never shrinks below the scaled floor, so a box that is too small is a
logged overflow. Other scenes are drawn *lenient*: at a text scale above 100 % a label that does
not fit may shrink back toward the normal 20 px floor, never below it.

``marks`` (glossary terms) are underlined where they occur in a drawn line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pygame

from ..kit.lines import find_term
from ..kit.lines import wrap as wrap_lines
from . import fonts
from .theme import SIZE

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Overflow:
    text: str
    rect: tuple[int, int, int, int]
    size: int
    need: tuple[int, int]


OVERFLOWS: list[Overflow] = []
_wrap_cache: dict[tuple[str, int, bool, int], list[str]] = {}
_strict = True


def set_strict(on: bool) -> None:
    """Strict (large-text layouts) or lenient floors; see the module docstring."""
    global _strict
    _strict = on


def floor_size() -> int:
    """The smallest logical size text may shrink to right now."""
    if _strict or fonts.scale() <= 1.0:
        return SIZE.SMALL
    return max(8, int(SIZE.SMALL / fonts.scale() + 0.999))


def underline_marks(
    surf: pygame.Surface,
    line: str,
    x: int,
    y: int,
    size: int,
    bold: bool,
    colour: Colour,
    marks: tuple[str, ...] | list[str],
) -> int:
    """Underline every glossary term of ``marks`` found in ``line`` drawn at (x, y). Returns how
    many were marked."""
    n = 0
    if not marks:
        return 0
    base = y + fonts.get(size, bold).get_ascent() + max(2, fonts.px(3))
    th = max(2, fonts.px(2))
    for term in marks:
        for i in find_term(line, term):
            x0 = x + width(line[:i], size, bold)
            x1 = x + width(line[: i + len(term)], size, bold)
            pygame.draw.line(surf, colour, (x0, base), (x1, base), th)
            n += 1
    return n


def reset_overflows() -> None:
    OVERFLOWS.clear()


def width(text: str, size: int = SIZE.BODY, bold: bool = False) -> int:
    return fonts.size(text, size, bold)[0]


def line_height(size: int = SIZE.BODY) -> int:
    return fonts.line_height(size)


def wrap(text: str, size: int, max_w: int, bold: bool = False) -> list[str]:
    """Word-wrap ``text`` (``\\n`` starts a new paragraph) into lines no wider than ``max_w``:
    between words, and between any two Japanese characters but never before 。、」 etc.
    (``game.kit.lines``, the one line breaker of the game)."""
    key = (text, fonts.px(size), bold, max_w)
    hit = _wrap_cache.get(key)
    if hit is not None:
        return hit
    lines = wrap_lines(text, lambda s: width(s, size, bold), max_w)
    if len(_wrap_cache) > 5000:
        _wrap_cache.clear()
    _wrap_cache[key] = lines
    return lines


def layout(
    text: str,
    rect: pygame.Rect,
    size: int,
    bold: bool = False,
    wrap_text: bool = True,
    min_size: int | None = None,
) -> tuple[list[str], int, bool]:
    """Lines and size that fit ``rect``: shrink from ``size`` to ``min_size`` if needed.
    Returns (lines, size, fits)."""
    lo = min_size if min_size is not None else size
    s = size
    while True:
        lh = line_height(s)
        if wrap_text:
            lines = wrap(text, s, rect.w, bold)
        else:
            lines = [text]
        # a single line may be a little taller than its box (it is centred and clipped);
        # wrapped text must fit in height
        tall_ok = (not wrap_text and rect.h >= lh * 0.7) or len(lines) * lh <= rect.h + 2
        fits = tall_ok and all(width(ln, s, bold) <= rect.w for ln in lines)
        if fits or s <= lo:
            return lines, s, fits
        s = max(lo, s - 2)


def fits(
    text: str,
    rect: pygame.Rect | tuple[int, int, int, int],
    size: int = SIZE.BODY,
    bold: bool = False,
    wrap_text: bool = True,
) -> bool:
    """Does ``text`` fit in ``rect`` at ``size``? (The check the UI tests use.)"""
    return layout(text, pygame.Rect(rect), size, bold, wrap_text)[2]


def draw(
    surf: pygame.Surface,
    text: str,
    rect: pygame.Rect | tuple[int, int, int, int],
    size: int = SIZE.BODY,
    colour: Colour = (20, 20, 20),
    bold: bool = False,
    align: str = "left",
    valign: str = "top",
    wrap_text: bool = True,
    min_size: int | None = None,
    log: bool = True,
    marks: tuple[str, ...] | list[str] = (),
) -> pygame.Rect:
    """Draw ``text`` inside ``rect``; returns the rectangle actually covered.

    ``min_size`` lets a label shrink to fit (never below ``SIZE.SMALL``); text that still does not
    fit is cut with an ellipsis and logged in ``OVERFLOWS``. Glossary terms in ``marks`` are
    underlined."""
    rect = pygame.Rect(rect)
    if not text:
        return pygame.Rect(rect.x, rect.y, 0, 0)
    floor = floor_size()
    if floor < SIZE.SMALL:  # lenient: any text may shrink back toward the normal floor
        min_size = floor
    elif min_size is not None:
        min_size = max(min_size, SIZE.SMALL)
    lines, s, ok = layout(text, rect, size, bold, wrap_text, min_size)
    lh = line_height(s)
    if not ok:
        need = (max((width(ln, s, bold) for ln in lines), default=0), len(lines) * lh)
        if log:
            OVERFLOWS.append(Overflow(text, tuple(rect), s, need))  # type: ignore[arg-type]
        max_lines = max(1, rect.h // lh)
        lines = lines[:max_lines]
        last = lines[-1]
        while last and width(last + "…", s, bold) > rect.w:
            last = last[:-1]
        lines[-1] = last + "…"
    total_h = len(lines) * lh
    y = rect.y
    if valign == "center":
        y = rect.y + (rect.h - total_h) // 2
    elif valign == "bottom":
        y = rect.bottom - total_h
    covered = pygame.Rect(rect.x, y, 0, total_h)
    for ln in lines:
        img = fonts.render(ln, s, colour, bold)
        if align == "center":
            x = rect.x + (rect.w - img.get_width()) // 2
        elif align == "right":
            x = rect.right - img.get_width()
        else:
            x = rect.x
        surf.blit(img, (x, y))
        if marks:
            underline_marks(surf, ln, x, y, s, bold, colour, marks)
        covered.w = max(covered.w, img.get_width())
        y += lh
    return covered


def draw_line(
    surf: pygame.Surface,
    text: str,
    pos: tuple[int, int],
    size: int = SIZE.BODY,
    colour: Colour = (20, 20, 20),
    bold: bool = False,
    max_w: int | None = None,
    anchor: str = "topleft",
) -> pygame.Rect:
    """One line at a point (no box). With ``max_w`` the line is checked like ``draw``."""
    if max_w is not None and width(text, size, bold) > max_w:
        OVERFLOWS.append(
            Overflow(
                text,
                (pos[0], pos[1], max_w, line_height(size)),
                size,
                (width(text, size, bold), line_height(size)),
            )
        )
        while text and width(text + "…", size, bold) > max_w:
            text = text[:-1]
        text += "…"
    img = fonts.render(text, size, colour, bold)
    r = img.get_rect(**{anchor: pos})
    surf.blit(img, r)
    return r


def ellipsize(line: str, size: int, bold: bool, max_w: int) -> str:
    """``line`` cut to ``max_w`` pixels with "…" (for a list whose full text is shown elsewhere,
    such as the large-text action list above the preview)."""
    while line and width(line + "…", size, bold) > max_w:
        line = line[:-1]
    return line.rstrip() + "…"


def short_title(title: str, longest: int = 28) -> str:
    """A long title up to its first question mark or colon ("Contracts or credit?"), for a
    button or a list row."""
    if len(title) <= longest:
        return title
    return re.split(r"(?<=[?:：？])\s*", title, maxsplit=1)[0]
