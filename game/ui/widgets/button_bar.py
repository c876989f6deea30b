"""``flow_buttons``: lay out a bar of buttons that wraps onto more rows when the labels are
long (large text, long translations)."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from .. import text

Rect = pygame.Rect


def flow_buttons(
    widths: Sequence[int], area: Rect, size: int, gap: int = 8, pad: int = 32
) -> list[Rect]:
    """Rectangles for a bar of buttons whose labels are ``widths`` wide: as many per row as fit
    in ``area.w``, rows stretched to the full width, the last row on ``area.bottom``."""
    h = text.line_height(size) + 10
    rows: list[list[int]] = [[]]
    used = 0
    for i, w in enumerate(widths):
        need = w + pad + (gap if rows[-1] else 0)
        if rows[-1] and used + need > area.w:
            rows.append([])
            used = 0
            need = w + pad
        rows[-1].append(i)
        used += need
    out: list[Rect] = [Rect(0, 0, 0, 0)] * len(widths)
    y = area.bottom - len(rows) * h - (len(rows) - 1) * gap
    for row in rows:
        natural = [widths[i] + pad for i in row]
        extra = (area.w - sum(natural) - gap * (len(row) - 1)) / max(1, len(row))
        x: float = area.x
        for i, nw in zip(row, natural):
            bw = nw + extra
            out[i] = Rect(round(x), y, round(bw), h)
            x += bw + gap  # in floats, so the rounding does not add up along the row
        y += h + gap
    return out
