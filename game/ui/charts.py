"""The window's charts: the kit's raster charts (``game.kit.raster``) in the window's theme and
fonts, so the debrief, the class report and the balance lab draw charts one way.

Lines differ by colour *and* by marker shape and dash, and are labelled at their ends, so the
chart reads without a colour legend (and in greyscale). Text is measured and drawn by the
window's fonts (``fonts``: the player's text scale and per-character fallbacks).
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..kit import raster
from ..kit.raster import MARKERS, OKABE_ITO, Canvas, Series, Style
from . import fonts
from .theme import SIZE, Colour, current, ink_on

__all__ = ["LINE_COLOURS", "MARKERS", "line_chart", "stacked_bar"]

LINE_COLOURS: list[Colour] = OKABE_ITO


class WindowType:
    """The kit's ``Typeface`` over the window's fonts (sizes are logical pixels)."""

    def size(self, text: str, px: int, bold: bool = False) -> tuple[int, int]:
        return fonts.size(text, px, bold)

    def render(self, text: str, px: int, colour: Colour, bold: bool = False) -> pygame.Surface:
        return fonts.render(text, px, colour, bold)

    def line_height(self, px: int) -> int:
        return fonts.line_height(px)


def canvas(surf: pygame.Surface) -> Canvas:
    """``surf`` as a kit canvas in the current theme."""
    th = current()
    style = Style(
        ink=th.ink,
        muted=th.ink_soft,
        grid=th.panel_alt,
        axis=th.border,
        paper=th.panel,
        panel=th.panel,
        frame=th.border,
        text_px=SIZE.SMALL,
        title_px=SIZE.BODY,
        min_px=SIZE.SMALL,
    )
    return Canvas(surf, WindowType(), style)


def stacked_bar(
    surf: pygame.Surface,
    rect: pygame.Rect,
    parts: Sequence[tuple[str, float]],
    styles: dict[str, tuple[Colour, str, str]],
    show_letters: bool = True,
) -> None:
    """One horizontal bar split by partner share (0..1), with the partner's letter in wide
    segments (so the split does not depend on colour)."""
    looks = [styles.get(pid, ((180, 180, 180), "?", "none")) for pid, _ in parts]
    raster.stacked_bar(
        canvas(surf),
        rect,
        [(v, look[0], look[1]) for (_, v), look in zip(parts, looks)],
        ink_on if show_letters else None,
        frame=current().border,
    )


def line_chart(
    surf: pygame.Surface,
    rect: pygame.Rect,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], Colour, str, bool]],
    y_range: tuple[float, float] = (0, 100),
    title: str = "",
    y_label: str = "",
) -> None:
    """``series``: (label, values, colour, marker, dashed). Labels are drawn at the line ends,
    nudged apart so they do not overlap."""
    raster.line_chart(
        canvas(surf),
        rect,
        x_labels,
        [Series(label, vals, colour, mk, dashed) for label, vals, colour, mk, dashed in series],
        y_range,
        title=title,
        y_label=y_label,
    )
