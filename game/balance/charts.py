"""The balance report's PNG charts: one chart of the kit (``game.kit.raster``: the charts the
window and the class report draw with) on an offscreen page 960 pixels wide of its own, in the
game's own font, so a scenario's Japanese or Russian names draw too.

The report draws horizontal bars with interval whiskers (scores, gaps, impacts, action
shares), stacked bars (grade distributions) and overlaid histograms (score distributions).
Charts are decoration: the CSV files hold the numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from ..kit.raster import Canvas, Style
from ..kit.typeface import Colour, FontFiles

WIDTH = 960
ROW = 26  # one bar
MARGIN = 16
#: the height of a chart that does not grow with its rows (the histograms)
FIXED_H = 340
STYLE = Style(text_px=16, title_px=22, min_px=14)
GRADE_COLOURS: list[Colour] = [
    (46, 139, 87),
    (120, 190, 90),
    (240, 200, 60),
    (240, 140, 50),
    (200, 50, 50),
]

_type: FontFiles | None = None


def figure(
    path: Path,
    title: str,
    subtitle: str,
    rows: int,
    draw: Callable[[Canvas, pygame.Rect], None],
) -> bool:
    """Draw one chart (``draw(canvas, rect)``) under its title on a page of its own and save
    it to ``path``. The page grows with the chart's ``rows`` (bars), with room for an axis and
    its label; ``rows=0``: a chart of fixed height. Returns True."""
    global _type
    _type = _type or FontFiles()
    text_h = _type.line_height(STYLE.text_px)
    head = 12 + _type.line_height(STYLE.title_px) + 12 + (2 + text_h if subtitle else 0)
    body = ROW * rows + 3 * text_h + 24 if rows else FIXED_H
    cv = Canvas.new(WIDTH, head + body + 8, _type, STYLE)
    cv.heading(MARGIN, 12, title, subtitle, WIDTH - 2 * MARGIN)
    draw(cv, pygame.Rect(MARGIN, head, WIDTH - 2 * MARGIN, body))
    cv.save(path)
    return True
