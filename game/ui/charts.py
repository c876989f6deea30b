"""Charts drawn with pygame: stacked bars for dependence and line charts for the debrief.

Lines differ by colour *and* by marker shape and dash, and are labelled at their ends, so the
chart reads without a colour legend (and in greyscale).
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from . import text
from .theme import OKABE_ITO, SIZE, Colour, current, ink_on

LINE_COLOURS: list[Colour] = [
    OKABE_ITO["blue"],
    OKABE_ITO["vermilion"],
    OKABE_ITO["green"],
    OKABE_ITO["purple"],
    OKABE_ITO["orange"],
    OKABE_ITO["sky"],
    (0, 0, 0),
    OKABE_ITO["yellow"],
]
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "down")


def marker(
    surf: pygame.Surface, kind: str, pos: tuple[float, float], colour: Colour, r: int = 6
) -> None:
    x, y = pos
    if kind == "circle":
        pygame.draw.circle(surf, colour, (x, y), r)
    elif kind == "square":
        pygame.draw.rect(surf, colour, pygame.Rect(x - r, y - r, 2 * r, 2 * r))
    elif kind == "triangle":
        pygame.draw.polygon(surf, colour, [(x, y - r - 1), (x - r - 1, y + r), (x + r + 1, y + r)])
    elif kind == "down":
        pygame.draw.polygon(surf, colour, [(x, y + r + 1), (x - r - 1, y - r), (x + r + 1, y - r)])
    elif kind == "diamond":
        pygame.draw.polygon(
            surf, colour, [(x, y - r - 2), (x + r + 2, y), (x, y + r + 2), (x - r - 2, y)]
        )
    else:
        pygame.draw.line(surf, colour, (x - r, y - r), (x + r, y + r), 3)
        pygame.draw.line(surf, colour, (x - r, y + r), (x + r, y - r), 3)


def stacked_bar(
    surf: pygame.Surface,
    rect: pygame.Rect,
    parts: Sequence[tuple[str, float]],
    styles: dict[str, tuple[Colour, str, str]],
    show_letters: bool = True,
) -> None:
    """One horizontal bar split by partner share (0..1), with the partner's letter in wide
    segments (so the split does not depend on colour)."""
    th = current()
    x = rect.x
    total = sum(max(0.0, v) for _, v in parts) or 1.0
    for i, (pid, v) in enumerate(parts):
        w = round(rect.w * max(0.0, v) / total) if i < len(parts) - 1 else rect.right - x
        if w <= 0:
            continue
        col, letter, _ = styles.get(pid, ((180, 180, 180), "?", "none"))
        seg = pygame.Rect(x, rect.y, w, rect.h)
        pygame.draw.rect(surf, col, seg)
        pygame.draw.line(
            surf, (255, 255, 255), (seg.right - 1, seg.y), (seg.right - 1, seg.bottom - 1), 2
        )
        if show_letters and w >= 28:
            label = f"{letter}{round(v / total * 100)}" if w >= 56 else letter
            if text.width(label, SIZE.SMALL, True) > w - 4:
                label = letter
            text.draw(
                surf,
                label,
                seg,
                SIZE.SMALL,
                ink_on(col),
                bold=True,
                align="center",
                valign="center",
                wrap_text=False,
                log=False,
            )
        x += w
    pygame.draw.rect(surf, th.border, rect, 1)


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
    th = current()
    pygame.draw.rect(surf, th.panel, rect)
    pygame.draw.rect(surf, th.border, rect, 1)
    inner = rect.inflate(-16, -12)
    y = inner.y
    if title:
        text.draw(
            surf,
            title,
            pygame.Rect(inner.x, y, inner.w, text.line_height(SIZE.BODY)),
            SIZE.BODY,
            th.ink,
            bold=True,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        y += text.line_height(SIZE.BODY)
    label_w = max((text.width(s[0], SIZE.SMALL, True) for s in series), default=0) + 24
    label_w = min(label_w, int(inner.w * 0.42))  # end labels such as 'Исторический путь' fit
    axis_w = 44
    plot = pygame.Rect(
        inner.x + axis_w,
        y + 8,
        inner.w - axis_w - label_w,
        inner.bottom - y - 8 - text.line_height(SIZE.SMALL) - 4,
    )
    lo, hi = y_range
    span = (hi - lo) or 1.0

    def ypix(v: float) -> float:
        return plot.bottom - (min(hi, max(lo, v)) - lo) / span * plot.h

    n = max(1, len(x_labels) - 1)

    def xpix(i: int) -> float:
        return plot.x + i * plot.w / n

    # grid and axes, at round numbers
    step_v = next((st for st in (1, 2, 5, 10, 20, 25, 50) if span / st <= 6), 100)
    first = -(-lo // step_v) * step_v
    ticks = []
    v = first
    while v <= hi + 1e-9:
        ticks.append(v)
        v += step_v
    for v in ticks:
        yy = ypix(v)
        pygame.draw.line(surf, th.panel_alt, (plot.x, yy), (plot.right, yy), 1)
        text.draw_line(
            surf, f"{v:.0f}", (plot.x - 6, int(yy)), SIZE.SMALL, th.ink_soft, anchor="midright"
        )
    pygame.draw.line(surf, th.border, plot.bottomleft, plot.bottomright, 2)
    pygame.draw.line(surf, th.border, plot.bottomleft, plot.topleft, 2)
    # x labels: every step-th one and the last, skipping any that would touch the one before
    step = max(1, len(x_labels) // max(1, plot.w // 70))
    last = len(x_labels) - 1
    shown = [i for i in range(len(x_labels)) if i % step == 0 or i == last]
    gap = text.width(" ", SIZE.SMALL)
    right_edge = -(10**9)
    for i in shown:
        if (
            i != last
            and last in shown
            and i != 0
            and xpix(last) - xpix(i) < text.width(x_labels[last], SIZE.SMALL) + gap
        ):
            continue  # keep the last year; drop the tick just before it when they would touch
        w = text.width(x_labels[i], SIZE.SMALL)
        if xpix(i) - w / 2 < right_edge + gap:
            continue
        text.draw_line(
            surf,
            x_labels[i],
            (int(xpix(i)), plot.bottom + 2),
            SIZE.SMALL,
            th.ink_soft,
            anchor="midtop",
        )
        right_edge = xpix(i) + w / 2
    if y_label:
        text.draw_line(surf, y_label, (plot.x + 6, plot.y), SIZE.SMALL, th.ink_soft)
    # lines
    ends: list[tuple[float, str, Colour]] = []
    for label, vals, colour, mk, dashed in series:
        pts = [(xpix(i), ypix(v)) for i, v in enumerate(vals)]
        if len(pts) >= 2:
            if dashed:
                for a, b in zip(pts, pts[1:]):
                    for t0 in (0.0, 0.5):
                        p0 = (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0)
                        p1 = (a[0] + (b[0] - a[0]) * (t0 + 0.3), a[1] + (b[1] - a[1]) * (t0 + 0.3))
                        pygame.draw.line(surf, colour, p0, p1, 3)
            else:
                pygame.draw.lines(surf, colour, False, pts, 3)
        for p in pts:
            marker(surf, mk, p, colour, 5)
        if pts:
            ends.append((pts[-1][1], label, colour))
    # end labels, spread so they do not overlap
    lh = text.line_height(SIZE.SMALL)
    ends.sort(key=lambda e: e[0])
    ys = [e[0] for e in ends]
    for i in range(1, len(ys)):
        if ys[i] - ys[i - 1] < lh:
            ys[i] = ys[i - 1] + lh
    if ys:  # keep the lowest labels above the x-axis labels, pushing the cluster up
        ys[-1] = min(ys[-1], plot.bottom - lh / 2)
        for i in range(len(ys) - 2, -1, -1):
            ys[i] = min(ys[i], ys[i + 1] - lh)
    for yy, (_y0, label, colour) in zip(ys, ends):
        pygame.draw.line(surf, colour, (plot.right + 6, yy), (plot.right + 18, yy), 3)
        text.draw(
            surf,
            label,
            pygame.Rect(plot.right + 22, int(yy - lh / 2), label_w - 22, lh),
            SIZE.SMALL,
            th.ink,
            bold=True,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
