"""PNG charts for balance reports, drawn with pygame on an offscreen surface (no window, no
extra dependency: pygame-ce is already needed by the game). ``SDL_VIDEODRIVER=dummy`` is set so
this works on servers and in CI.

Three kinds of chart cover the report: horizontal bars with interval whiskers (scores, gaps,
impacts, action shares), stacked bars (grade distributions) and overlaid histograms (score
distributions). Charts are decoration: the CSV files hold the numbers.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

BG = (255, 255, 255)
INK = (30, 30, 40)
GRID = (225, 225, 232)
MUTED = (110, 110, 125)
PALETTE = [
    (31, 119, 180),
    (255, 127, 14),
    (44, 160, 44),
    (214, 39, 40),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
]
GRADE_COLOURS = [(46, 139, 87), (120, 190, 90), (240, 200, 60), (240, 140, 50), (200, 50, 50)]

_pg = None


def available() -> bool:
    return _pygame() is not None


def _pygame():  # noqa: ANN202
    global _pg
    if _pg is None:
        try:
            import pygame

            pygame.font.init()
            _pg = pygame
        except Exception:  # noqa: BLE001 - no pygame: the report simply has no charts
            _pg = False
    return _pg or None


def _font(size: int):  # noqa: ANN202
    return _pygame().font.Font(None, size)


def _text(
    surf,
    s: str,
    pos: tuple[int, int],
    size: int = 20,
    colour=INK,
    anchor: str = "topleft",
    max_width: int | None = None,
) -> None:  # noqa: ANN001
    f = _font(size)
    if max_width is not None:
        while len(s) > 4 and f.size(s)[0] > max_width:
            s = s[:-2]
        if f.size(s)[0] > max_width:
            s = s[:3]
    img = f.render(s, True, colour)
    r = img.get_rect(**{anchor: pos})
    surf.blit(img, r)


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if not math.isfinite(lo) or not math.isfinite(hi) or hi <= lo:
        return [lo]
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=raw)
    start = math.ceil(lo / step) * step
    out = []
    v = start
    while v <= hi + 1e-12:
        out.append(round(v, 10))
        v += step
    return out


def _save(surf, path: Path) -> None:  # noqa: ANN001
    path.parent.mkdir(parents=True, exist_ok=True)
    _pygame().image.save(surf, str(path))


def hbars(
    path: Path,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    lows: Sequence[float] | None = None,
    highs: Sequence[float] | None = None,
    xlabel: str = "",
    xmin: float | None = None,
    xmax: float | None = None,
    colours: Sequence[tuple[int, int, int]] | None = None,
    ref: float | None = None,
    subtitle: str = "",
) -> bool:
    """Horizontal bars (one per label) with optional interval whiskers and a reference line."""
    pg = _pygame()
    if pg is None or not labels:
        return False
    n = len(labels)
    row = 26
    left, right, top, bottom = 300, 40, 70 if subtitle else 52, 50
    W = 960
    H = top + bottom + row * n
    surf = pg.Surface((W, H))
    surf.fill(BG)
    lo_all = [v for v in [*values, *(lows or []), *(highs or [])] if math.isfinite(v)]
    lo_v = min(lo_all + [0.0]) if xmin is None else xmin
    hi_v = max(lo_all + [0.0]) if xmax is None else xmax
    if hi_v <= lo_v:
        hi_v = lo_v + 1.0
    pad = (hi_v - lo_v) * 0.04
    if xmin is None:
        lo_v -= pad
    if xmax is None:
        hi_v += pad
    pw = W - left - right

    def X(v: float) -> int:
        return int(left + (min(max(v, lo_v), hi_v) - lo_v) / (hi_v - lo_v) * pw)

    _text(surf, title, (16, 12), 26)
    if subtitle:
        _text(surf, subtitle, (16, 40), 19, MUTED)
    for tv in _nice_ticks(lo_v, hi_v):
        x = X(tv)
        pg.draw.line(surf, GRID, (x, top - 4), (x, H - bottom + 4))
        _text(surf, f"{tv:g}", (x, H - bottom + 8), 18, MUTED, "midtop")
    if xlabel:
        _text(surf, xlabel, (left + pw // 2, H - 22), 19, MUTED, "midtop")
    zero = X(0.0) if lo_v <= 0 <= hi_v else X(lo_v)
    for i, (lab, v) in enumerate(zip(labels, values)):
        y = top + i * row
        col = colours[i] if colours else PALETTE[0]
        _text(surf, lab, (left - 8, y + row // 2), 19, INK, "midright", max_width=left - 16)
        if math.isfinite(v):
            x0, x1 = sorted((zero, X(v)))
            pg.draw.rect(surf, col, (x0, y + 5, max(1, x1 - x0), row - 10))
        if (
            lows is not None
            and highs is not None
            and math.isfinite(lows[i])
            and math.isfinite(highs[i])
        ):
            a, b = X(lows[i]), X(highs[i])
            yc = y + row // 2
            pg.draw.line(surf, INK, (a, yc), (b, yc), 2)
            pg.draw.line(surf, INK, (a, yc - 5), (a, yc + 5), 2)
            pg.draw.line(surf, INK, (b, yc - 5), (b, yc + 5), 2)
    if ref is not None and lo_v <= ref <= hi_v:
        x = X(ref)
        pg.draw.line(surf, (200, 40, 40), (x, top - 6), (x, H - bottom + 2), 2)
    pg.draw.line(surf, INK, (zero, top - 4), (zero, H - bottom + 4))
    _save(surf, path)
    return True


def stacked(
    path: Path,
    title: str,
    labels: Sequence[str],
    parts: Sequence[Sequence[float]],
    part_names: Sequence[str],
    colours: Sequence[tuple[int, int, int]] = GRADE_COLOURS,
    subtitle: str = "",
) -> bool:
    """Horizontal 100 % stacked bars (e.g. the share of each grade per profile)."""
    pg = _pygame()
    if pg is None or not labels:
        return False
    n = len(labels)
    row = 26
    left, right, top, bottom = 300, 40, 96 if subtitle else 78, 40
    W = 960
    H = top + bottom + row * n
    surf = pg.Surface((W, H))
    surf.fill(BG)
    _text(surf, title, (16, 12), 26)
    if subtitle:
        _text(surf, subtitle, (16, 40), 19, MUTED)
    lx = left
    for k, name in enumerate(part_names):
        pg.draw.rect(surf, colours[k % len(colours)], (lx, top - 28, 16, 16))
        _text(surf, name, (lx + 22, top - 27), 19)
        lx += 70
    pw = W - left - right
    for i, (lab, p) in enumerate(zip(labels, parts)):
        y = top + i * row
        _text(surf, lab, (left - 8, y + row // 2), 19, INK, "midright", max_width=left - 16)
        x = float(left)
        for k, v in enumerate(p):
            w = v * pw
            pg.draw.rect(
                surf,
                colours[k % len(colours)],
                (int(x), y + 4, max(0, int(x + w) - int(x)), row - 8),
            )
            x += w
    for tv in (0, 0.25, 0.5, 0.75, 1.0):
        xx = int(left + tv * pw)
        _text(surf, f"{int(tv * 100)}%", (xx, H - bottom + 8), 18, MUTED, "midtop")
    _save(surf, path)
    return True


def histograms(
    path: Path,
    title: str,
    series: Sequence[tuple[str, Sequence[float]]],
    edges: Sequence[float],
    xlabel: str = "score",
    subtitle: str = "",
) -> bool:
    """Overlaid histograms (as step lines, shares of games) of several series."""
    pg = _pygame()
    if pg is None or not series:
        return False
    W, H = 960, 420
    left, right, top, bottom = 70, 220, 70 if subtitle else 52, 50
    surf = pg.Surface((W, H))
    surf.fill(BG)
    _text(surf, title, (16, 12), 26)
    if subtitle:
        _text(surf, subtitle, (16, 40), 19, MUTED)
    shares = []
    for _, counts in series:
        tot = float(sum(counts)) or 1.0
        shares.append([c / tot for c in counts])
    ymax = max(max(s) for s in shares) or 1.0
    pw, ph = W - left - right, H - top - bottom
    x0, x1 = edges[0], edges[-1]

    def X(v: float) -> int:
        return int(left + (v - x0) / (x1 - x0) * pw)

    def Y(v: float) -> int:
        return int(top + ph - v / ymax * ph)

    for tv in _nice_ticks(0, ymax, 4):
        pg.draw.line(surf, GRID, (left, Y(tv)), (left + pw, Y(tv)))
        _text(surf, f"{tv * 100:.0f}%", (left - 6, Y(tv)), 18, MUTED, "midright")
    for tv in _nice_ticks(x0, x1, 5):
        _text(surf, f"{tv:g}", (X(tv), top + ph + 8), 18, MUTED, "midtop")
    _text(surf, xlabel, (left + pw // 2, H - 22), 19, MUTED, "midtop")
    for k, ((name, _), s) in enumerate(zip(series, shares)):
        col = PALETTE[k % len(PALETTE)]
        pts = []
        for b, v in enumerate(s):
            pts += [(X(edges[b]), Y(v)), (X(edges[b + 1]), Y(v))]
        if len(pts) > 1:
            pg.draw.lines(surf, col, False, pts, 3)
        pg.draw.rect(surf, col, (left + pw + 16, top + 24 * k + 4, 16, 16))
        _text(surf, name, (left + pw + 38, top + 24 * k + 4), 19, INK, max_width=right - 44)
    pg.draw.rect(surf, INK, (left, top, pw, ph), 1)
    _save(surf, path)
    return True
