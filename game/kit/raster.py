"""The raster chart kit: charts and the text they need, drawn with pygame on a Surface (no
window needed), in any ``Typeface`` (the game's own font draws Japanese and Russian).

The window (``game/ui/charts.py``), the class report's picture (``game/report/picture.py``)
and the balance lab's PNG charts (``game/balance/report.py``) all draw with it, each in its
own ``Style`` (colours and text sizes):

* ``line_chart``: values over time; lines differ by colour *and* marker shape (and dashes),
  labelled at their ends or in a legend below, so a chart reads in greyscale;
* ``hbar_chart``: horizontal bars with interval whiskers and a reference line;
* ``stacked_bar`` and ``stacked_rows``: shares of a whole, one bar or a bar per row;
* ``step_histograms``: several distributions overlaid as step lines.

A ``Canvas`` is a surface with a typeface and a style: text that fits (made smaller, down to
the style's smallest size, then cut with "…"), wrapped paragraphs (``game.kit.lines``),
markers and dashed lines. Numbers on the axes are written in the language in use
(``game.kit.i18n.number``).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pygame

from .files import write_atomic
from .i18n import number
from .lines import break_units, wrap
from .typeface import Colour, Typeface

#: Okabe-Ito colours (safe for colour-blind readers), in the order series take them
OKABE_ITO: list[Colour] = [
    (0, 114, 178),  # blue
    (213, 94, 0),  # vermilion
    (0, 158, 115),  # bluish green
    (204, 121, 167),  # reddish purple
    (230, 159, 0),  # orange
    (86, 180, 233),  # sky blue
    (0, 0, 0),  # black
    (240, 228, 66),  # yellow
]
RectLike = pygame.Rect | tuple[int, int, int, int]
MARKERS = ("circle", "square", "triangle", "diamond", "down", "cross", "plus", "star")
WHITE: Colour = (255, 255, 255)


@dataclass(frozen=True)
class Style:
    """Colours and text sizes of a chart."""

    ink: Colour = (29, 29, 31)
    muted: Colour = (88, 92, 97)  # tick labels, notes
    grid: Colour = (222, 226, 231)
    axis: Colour = (88, 92, 97)
    paper: Colour = WHITE  # a new canvas
    panel: Colour | None = None  # a chart's own background (None: the paper's)
    frame: Colour | None = None  # a chart's border (None: no border)
    text_px: int = 18  # labels, ticks, legends
    title_px: int = 24
    min_px: int = 18  # text is never drawn smaller
    line_w: int = 3
    marker_r: int = 5


@dataclass
class Series:
    """One line of a line chart."""

    label: str
    values: Sequence[float]
    colour: Colour
    marker: str = "circle"  # one of MARKERS, or "none"
    dashed: bool = False


class Canvas:
    """A surface to draw on, with the typeface and style its text and charts use. ``cut``
    turns True when some text had to end in "…"."""

    def __init__(self, surface: pygame.Surface, typeface: Typeface, style: Style) -> None:
        self.surf = surface
        self.type = typeface
        self.style = style
        self.cut = False

    @classmethod
    def new(cls, width: int, height: int, typeface: Typeface, style: Style) -> Canvas:
        surf = pygame.Surface((width, height))
        surf.fill(style.paper)
        return cls(surf, typeface, style)

    def png(self) -> bytes:
        """The canvas as PNG bytes."""
        buf = io.BytesIO()
        pygame.image.save(self.surf, buf, "canvas.png")
        return buf.getvalue()

    def save(self, path: Path) -> None:
        """Write the canvas as a PNG file, atomically (the old file stays whole if the disk
        is full)."""
        write_atomic(path, self.png())

    # ---- text ----------------------------------------------------------------------------------
    def px(self, px: int | None) -> int:
        return max(self.style.min_px, px or self.style.text_px)

    def width(self, text: str, px: int | None = None, bold: bool = False) -> int:
        return self.type.size(text, self.px(px), bold)[0]

    def line_height(self, px: int | None = None) -> int:
        return self.type.line_height(self.px(px))

    def fit_px(
        self, text: str, max_w: int, px: int, bold: bool = False, smallest: int | None = None
    ) -> int:
        """The largest size from ``px`` down to ``smallest`` (70% of ``px`` by default; never
        below the style's smallest) at which ``text`` fits in ``max_w``."""
        smallest = self.px(smallest or int(px * 0.7))
        px = max(px, smallest)
        while px > smallest and self.width(text, px, bold) > max_w:
            px -= 1
        return px

    def text(
        self,
        x: int,
        y: int,
        text: str,
        px: int | None = None,
        bold: bool = False,
        colour: Colour | None = None,
        max_w: int | None = None,
        anchor: str = "topleft",
    ) -> pygame.Rect:
        """One line of text at (x, y) placed by ``anchor``. With ``max_w`` it is made smaller
        to fit (see ``fit_px``), then cut with "…" (and ``cut`` is set)."""
        size = self.px(px)
        if max_w is not None:
            size = self.fit_px(text, max_w, size, bold)
            if self.width(text, size, bold) > max_w:
                text = self.cut_to(text, max_w, size, bold)
                self.cut = True
        img = self.type.render(text, size, colour or self.style.ink, bold)
        r = img.get_rect(**{anchor: (x, y)})
        self.surf.blit(img, r)
        return r

    def cut_to(self, text: str, max_w: int, px: int, bold: bool = False) -> str:
        """The longest start of ``text`` that fits in ``max_w`` with "…" after it, and the "…"
        (a binary search: a 100,000-character name takes 17 measures, not 100,000)."""
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid] + "\u2026", px, bold) <= max_w:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo] + "\u2026"

    def lines(
        self, text: str, width: int, px: int | None = None, bold: bool = False, indent: int = 0
    ) -> list[str]:
        """``text`` broken into lines of at most ``width`` pixels less ``indent``."""
        size = self.px(px)
        return wrap(text, lambda s: self.type.size(s, size, bold)[0], max(8, width - indent))

    def fits_unbroken(
        self, text: str, width: int, px: int | None = None, bold: bool = False
    ) -> bool:
        """Whether every word (every unit a line may break between) fits in ``width``."""
        return all(self.width(u, px, bold) <= width for u, _ in break_units(text))

    def paragraph(
        self,
        x: int,
        y: int,
        text: str,
        width: int,
        px: int | None = None,
        bold: bool = False,
        colour: Colour | None = None,
        bullet: str = "",
        bottom: int | None = None,
    ) -> int | None:
        """``text`` wrapped to ``width`` (after ``bullet``, drawn before its first line);
        returns the y below it, or None, drawing nothing, when it would go below ``bottom``."""
        ind = self.width(bullet, px, bold) if bullet else 0
        rows = self.lines(text, width, px, bold, ind)
        lh = self.line_height(px)
        if bottom is not None and y + len(rows) * lh > bottom:
            return None
        if bullet:
            self.text(x, y, bullet, px, bold, colour)
        for i, line in enumerate(rows):
            self.text(x + ind, y + i * lh, line, px, bold, colour)
        return y + len(rows) * lh

    def heading(self, x: int, y: int, title: str, subtitle: str = "", width: int = 0) -> int:
        """A chart's title (and subtitle, muted, under it); returns the y below."""
        y = self.text(x, y, title, self.style.title_px, True, max_w=width or None).bottom
        if subtitle:
            y = self.text(x, y + 2, subtitle, colour=self.style.muted, max_w=width or None).bottom
        return y

    # ---- shapes --------------------------------------------------------------------------------
    def rule(
        self, a: tuple[int, int], b: tuple[int, int], colour: Colour | None = None, width: int = 1
    ) -> None:
        """A straight line (the grid's colour unless another is given)."""
        pygame.draw.line(self.surf, colour or self.style.grid, a, b, width)

    def box(self, rect: tuple[int, int, int, int], colour: Colour) -> None:
        """A filled rectangle."""
        pygame.draw.rect(self.surf, colour, rect)

    def marker(
        self, kind: str, centre: tuple[float, float], colour: Colour, r: int | None = None
    ) -> None:
        """A series' marker; every shape has the same visual weight."""
        r = r or self.style.marker_r
        d, s, (x, y) = pygame.draw, self.surf, centre
        if kind == "circle":
            d.circle(s, colour, (x, y), r)
        elif kind == "square":
            d.rect(s, colour, pygame.Rect(round(x - r + 1), round(y - r + 1), 2 * r - 1, 2 * r - 1))
        elif kind == "triangle":
            d.polygon(s, colour, [(x, y - r - 1), (x - r - 1, y + r), (x + r + 1, y + r)])
        elif kind == "down":
            d.polygon(s, colour, [(x, y + r + 1), (x - r - 1, y - r), (x + r + 1, y - r)])
        elif kind == "diamond":
            d.polygon(s, colour, [(x, y - r - 2), (x + r + 2, y), (x, y + r + 2), (x - r - 2, y)])
        elif kind in ("plus", "cross", "star"):
            if kind in ("plus", "star"):
                d.line(s, colour, (x - r, y), (x + r, y), 3)
                d.line(s, colour, (x, y - r), (x, y + r), 3)
            if kind in ("cross", "star"):
                d.line(s, colour, (x - r, y - r), (x + r, y + r), 3)
                d.line(s, colour, (x - r, y + r), (x + r, y - r), 3)

    def dashed(
        self,
        a: tuple[float, float],
        b: tuple[float, float],
        colour: Colour,
        width: int | None = None,
        dash: int = 8,
    ) -> None:
        (x0, y0), (x1, y1) = a, b
        length = max(1.0, math.hypot(x1 - x0, y1 - y0))
        for i in range(0, int(length // dash) + 1, 2):
            t0, t1 = i * dash / length, min(1.0, (i + 1) * dash / length)
            pygame.draw.line(
                self.surf,
                colour,
                (x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0),
                (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1),
                width or self.style.line_w,
            )

    def polyline(
        self, pts: Sequence[tuple[float, float]], colour: Colour, dashed: bool = False
    ) -> None:
        if len(pts) < 2:
            return
        if dashed:
            for p0, p1 in zip(pts, pts[1:]):
                self.dashed(p0, p1, colour)
        else:
            pygame.draw.lines(self.surf, colour, False, pts, self.style.line_w)

    def sample(self, s: Series, x: int, y: int, length: int = 26) -> None:
        """A series' look in a legend: a short line (dashed for a dashed series) with its
        marker in the middle."""
        self.polyline([(x, y), (x + length, y)], s.colour, s.dashed)
        if s.marker != "none":
            self.marker(s.marker, (x + length // 2, y), s.colour)


# ------------------------------------------------------------------------------------------------
# Axes
# ------------------------------------------------------------------------------------------------
def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round values from ``lo`` to ``hi`` about ``n`` steps apart (steps of 1, 2, 2.5 or 5
    times a power of ten)."""
    if not math.isfinite(lo) or not math.isfinite(hi) or hi <= lo:
        return [lo]
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=raw)
    first = math.ceil(lo / step - 1e-9)
    count = math.floor(hi / step + 1e-9) - first + 1  # at most about 2n, whatever lo and hi
    return [round((first + i) * step, 10) for i in range(max(1, min(count, 4 * n + 2)))]


def spaced_labels(xs: Sequence[float], widths: Sequence[int], gap: int) -> list[int]:
    """Which of evenly spaced axis labels to draw so that none touch: every k-th from the
    first, and always the last one (in place of the one before it when they would touch)."""
    n = len(xs)
    if n == 0:
        return []
    if n == 1:
        return [0]
    need = max(widths) + gap
    step = xs[1] - xs[0]
    every = max(1, math.ceil(need / step)) if step > 0 else n
    shown = list(range(0, n, every))
    if shown[-1] != n - 1:
        if xs[n - 1] - xs[shown[-1]] < need and len(shown) > 1:
            shown[-1] = n - 1
        else:
            shown.append(n - 1)
    return shown


# ------------------------------------------------------------------------------------------------
# Charts
# ------------------------------------------------------------------------------------------------
def line_chart(
    cv: Canvas,
    rect: RectLike,
    x_labels: Sequence[str],
    series: Sequence[Series],
    y_range: tuple[float, float],
    title: str = "",
    y_label: str = "",
    legend: str = "ends",
    legend_rows: int = 2,
    legend_note: str = "",
) -> None:
    """Values over time in ``rect``. ``legend``: "ends" labels each line at its end (nudged
    apart so labels never overlap); "below" puts a legend under the axis, in at most
    ``legend_rows`` rows, else ``legend_note`` in its place."""
    st = cv.style
    rect = pygame.Rect(rect)
    if st.panel is not None:
        pygame.draw.rect(cv.surf, st.panel, rect)
    if st.frame is not None:
        pygame.draw.rect(cv.surf, st.frame, rect, 1)
    inner = rect.inflate(-16, -12) if st.panel or st.frame else rect
    lh = cv.line_height()
    y = inner.y
    if title:
        y = cv.text(inner.x, y, title, st.title_px, True, max_w=inner.w).bottom
    lo, hi = y_range
    span = (hi - lo) or 1.0
    ticks = nice_ticks(lo, hi)
    tick_text = [number(v) for v in ticks]
    axis_w = max(cv.width(t) for t in tick_text) + 12
    # the legend's rows (it wraps), so the plot gets the rest of the height
    rows: list[list[tuple[Series, int]]] = [[]]
    if legend == "below":
        lx = 0
        for s in series:
            wl = min(cv.width(s.label), inner.w - 60) + 46
            if lx and lx + wl > inner.w - axis_w:
                rows.append([])
                lx = 0
            rows[-1].append((s, wl))
            lx += wl + 12
    legend_h = (len(rows) if len(rows) <= legend_rows else 1) * (lh + 2) if legend == "below" else 0
    label_w = 0
    if legend == "ends":
        label_w = max((cv.width(s.label, bold=True) for s in series), default=0) + 24
        label_w = min(label_w, int(inner.w * 0.42))  # 'Исторический путь' fits
    n = max([len(x_labels)] + [len(s.values) for s in series])
    last = x_labels[-1] if x_labels else ""
    right = label_w or cv.width(last) // 2 + 4
    top = y + lh // 2 + 4
    plot = pygame.Rect(
        inner.x + axis_w, top, inner.w - axis_w - right, inner.bottom - top - lh - 6 - legend_h
    )

    def ypix(v: float) -> float:
        return plot.bottom - (min(hi, max(lo, v)) - lo) / span * plot.h

    def xpix(i: int) -> float:
        return plot.x + (plot.w * i / (n - 1) if n > 1 else plot.w / 2)

    for v, t in zip(ticks, tick_text):
        yy = ypix(v)
        pygame.draw.line(cv.surf, st.grid, (plot.x, yy), (plot.right, yy), 1)
        cv.text(plot.x - 8, int(yy), t, colour=st.muted, anchor="midright")
    pygame.draw.line(cv.surf, st.axis, plot.bottomleft, plot.bottomright, 2)
    pygame.draw.line(cv.surf, st.axis, plot.bottomleft, plot.topleft, 2)
    if y_label:
        cv.text(plot.x + 6, plot.y, y_label, colour=st.muted, max_w=plot.w - 12)
    labels = [x_labels[i] if i < len(x_labels) else str(i) for i in range(n)]
    xs = [xpix(i) for i in range(n)]
    for i in spaced_labels(xs, [cv.width(t) for t in labels], cv.width("  ")):
        cv.text(int(xs[i]), plot.bottom + 4, labels[i], colour=st.muted, anchor="midtop")
    ends: list[tuple[float, Series]] = []
    for s in series:
        pts = [(xpix(i), ypix(v)) for i, v in enumerate(s.values)]
        cv.polyline(pts, s.colour, s.dashed)
        if s.marker != "none":
            for p in pts:
                cv.marker(s.marker, p, s.colour)
        if pts:
            ends.append((pts[-1][1], s))
    if legend == "ends":
        _end_labels(cv, plot, ends, label_w)
    elif legend == "below":
        ly = plot.bottom + lh + 8 + lh // 2
        if len(rows) > legend_rows:
            cv.text(plot.x, ly, legend_note, colour=st.muted, anchor="midleft", max_w=plot.w)
            return
        for row in rows:
            lx = plot.x
            for s, wl in row:
                cv.sample(s, lx, ly)
                cv.text(lx + 32, ly, s.label, anchor="midleft", max_w=inner.w - 60)
                lx += wl + 12
            ly += lh + 2


def _end_labels(
    cv: Canvas, plot: pygame.Rect, ends: list[tuple[float, Series]], label_w: int
) -> None:
    """Each line's label at its end, spread so that none overlap, and kept above the axis."""
    lh = cv.line_height()
    ends.sort(key=lambda e: e[0])
    ys = [e[0] for e in ends]
    for i in range(1, len(ys)):
        ys[i] = max(ys[i], ys[i - 1] + lh)
    if ys:  # the lowest label stays above the x-axis labels, pushing the others up
        ys[-1] = min(ys[-1], plot.bottom - lh / 2)
        for i in range(len(ys) - 2, -1, -1):
            ys[i] = min(ys[i], ys[i + 1] - lh)
    for yy, (_, s) in zip(ys, ends):
        pygame.draw.line(cv.surf, s.colour, (plot.right + 6, yy), (plot.right + 18, yy), 3)
        cv.text(plot.right + 22, int(yy), s.label, bold=True, anchor="midleft", max_w=label_w - 22)


def hbar_chart(
    cv: Canvas,
    rect: RectLike,
    labels: Sequence[str],
    values: Sequence[float],
    lows: Sequence[float] | None = None,
    highs: Sequence[float] | None = None,
    xlabel: str = "",
    xmin: float | None = None,
    xmax: float | None = None,
    colours: Sequence[Colour] | None = None,
    ref: float | None = None,
    label_w: int = 300,
) -> None:
    """Horizontal bars, one a label, with interval whiskers (``lows``..``highs``) and a
    reference line at ``ref``; the labels take ``label_w`` on the left."""
    rect = pygame.Rect(rect)
    st = cv.style
    lh = cv.line_height()
    finite = [v for v in [*values, *(lows or []), *(highs or [])] if math.isfinite(v)]
    lo_v = min(finite + [0.0]) if xmin is None else xmin
    hi_v = max(finite + [0.0]) if xmax is None else xmax
    if hi_v <= lo_v:
        hi_v = lo_v + 1.0
    pad = (hi_v - lo_v) * 0.04
    lo_v -= pad if xmin is None else 0.0
    hi_v += pad if xmax is None else 0.0
    plot = pygame.Rect(
        rect.x + label_w, rect.y, rect.w - label_w, rect.h - lh - (lh + 4 if xlabel else 0) - 8
    )
    row = plot.h / max(1, len(labels))

    def xpix(v: float) -> int:
        return int(plot.x + (min(max(v, lo_v), hi_v) - lo_v) / (hi_v - lo_v) * plot.w)

    for tv in nice_ticks(lo_v, hi_v):
        x = xpix(tv)
        pygame.draw.line(cv.surf, st.grid, (x, plot.y - 4), (x, plot.bottom + 4))
        cv.text(x, plot.bottom + 8, number(tv), colour=st.muted, anchor="midtop")
    if xlabel:
        cv.text(plot.centerx, plot.bottom + 8 + lh, xlabel, colour=st.muted, anchor="midtop")
    zero = xpix(0.0) if lo_v <= 0 <= hi_v else xpix(lo_v)
    for i, (lab, v) in enumerate(zip(labels, values)):
        y0 = plot.y + i * row
        yc = int(y0 + row / 2)
        cv.text(plot.x - 10, yc, lab, anchor="midright", max_w=label_w - 18)
        if math.isfinite(v):
            x0, x1 = sorted((zero, xpix(v)))
            colour = colours[i] if colours else OKABE_ITO[0]
            bar = pygame.Rect(x0, int(y0 + row * 0.2), max(1, x1 - x0), max(2, int(row * 0.6)))
            pygame.draw.rect(cv.surf, colour, bar)
        if lows is not None and highs is not None:
            if math.isfinite(lows[i]) and math.isfinite(highs[i]):
                a, b = xpix(lows[i]), xpix(highs[i])
                pygame.draw.line(cv.surf, st.ink, (a, yc), (b, yc), 2)
                pygame.draw.line(cv.surf, st.ink, (a, yc - 5), (a, yc + 5), 2)
                pygame.draw.line(cv.surf, st.ink, (b, yc - 5), (b, yc + 5), 2)
    if ref is not None and lo_v <= ref <= hi_v:
        x = xpix(ref)
        pygame.draw.line(cv.surf, (200, 40, 40), (x, plot.y - 6), (x, plot.bottom + 2), 2)
    pygame.draw.line(cv.surf, st.axis, (zero, plot.y - 4), (zero, plot.bottom + 4))


def stacked_bar(
    cv: Canvas,
    rect: RectLike,
    parts: Sequence[tuple[float, Colour, str]],
    ink_on: Callable[[Colour], Colour] | None = None,
    frame: Colour | None = None,
) -> None:
    """One horizontal bar split into ``parts`` (value, colour, letter), in proportion to their
    values. With ``ink_on`` (the text colour that reads on a fill) a wide enough part shows
    its letter and share ("R45"), so the split does not depend on colour."""
    rect = pygame.Rect(rect)
    x = rect.x
    total = sum(max(0.0, v) for v, _, _ in parts) or 1.0
    for i, (v, colour, letter) in enumerate(parts):
        w = round(rect.w * max(0.0, v) / total) if i < len(parts) - 1 else rect.right - x
        if w <= 0:
            continue
        seg = pygame.Rect(x, rect.y, w, rect.h)
        pygame.draw.rect(cv.surf, colour, seg)
        pygame.draw.line(cv.surf, WHITE, (seg.right - 1, seg.y), (seg.right - 1, seg.bottom - 1), 2)
        if ink_on is not None and w >= 28:
            label = f"{letter}{round(v / total * 100)}" if w >= 56 else letter
            if cv.width(label, bold=True) > w - 4:
                label = letter
            cv.text(
                seg.centerx, seg.centery, label, bold=True, colour=ink_on(colour), anchor="center"
            )
        x += w
    if frame is not None:
        pygame.draw.rect(cv.surf, frame, rect, 1)


def stacked_rows(
    cv: Canvas,
    rect: RectLike,
    labels: Sequence[str],
    shares: Sequence[Sequence[float]],
    part_names: Sequence[str],
    colours: Sequence[Colour],
    label_w: int = 300,
) -> None:
    """100% stacked bars, one a row (the share of each part), with a key of the parts above
    and a percentage axis below."""
    rect = pygame.Rect(rect)
    st = cv.style
    lh = cv.line_height()
    right = cv.width(number(100.0, 0) + "%") // 2 + 2  # the last tick's label
    plot = pygame.Rect(rect.x + label_w, rect.y + lh + 10, rect.w - label_w - right, 0)
    plot.h = rect.bottom - plot.y - lh - 8
    lx = plot.x
    for k, name in enumerate(part_names):
        pygame.draw.rect(cv.surf, colours[k % len(colours)], (lx, rect.y + lh // 2 - 8, 16, 16))
        lx = cv.text(lx + 22, rect.y + lh // 2, name, anchor="midleft").right + 36
    row = plot.h / max(1, len(labels))
    for i, (lab, parts) in enumerate(zip(labels, shares)):
        y0 = plot.y + i * row
        cv.text(plot.x - 10, int(y0 + row / 2), lab, anchor="midright", max_w=label_w - 18)
        bar = pygame.Rect(plot.x, int(y0 + row * 0.15), plot.w, max(2, int(row * 0.7)))
        stacked_bar(cv, bar, [(v, colours[k % len(colours)], "") for k, v in enumerate(parts)])
    for tv in (0, 0.25, 0.5, 0.75, 1.0):
        x = int(plot.x + tv * plot.w)
        cv.text(x, plot.bottom + 8, number(100 * tv, 0) + "%", colour=st.muted, anchor="midtop")


def step_histograms(
    cv: Canvas,
    rect: RectLike,
    series: Sequence[tuple[str, Sequence[float]]],
    edges: Sequence[float],
    xlabel: str = "",
    key_w: int = 220,
) -> None:
    """Distributions overlaid as step lines (each the share of its games in each bin), with a
    key on the right, ``key_w`` wide."""
    rect = pygame.Rect(rect)
    st = cv.style
    lh = cv.line_height()
    shares = []
    for _, counts in series:
        total = float(sum(counts)) or 1.0
        shares.append([c / total for c in counts])
    ymax = max((max(s) for s in shares if s), default=0.0) or 1.0
    left = max(cv.width(number(100 * v, 0) + "%") for v in nice_ticks(0, ymax, 4)) + 14
    plot = pygame.Rect(rect.x + left, rect.y + lh // 2, rect.w - left - key_w, 0)
    plot.h = rect.bottom - plot.y - lh - 8 - (lh + 4 if xlabel else 0)
    x0, x1 = edges[0], edges[-1]

    def xpix(v: float) -> int:
        return int(plot.x + (v - x0) / ((x1 - x0) or 1.0) * plot.w)

    def ypix(v: float) -> int:
        return int(plot.bottom - v / ymax * plot.h)

    for tv in nice_ticks(0, ymax, 4):
        pygame.draw.line(cv.surf, st.grid, (plot.x, ypix(tv)), (plot.right, ypix(tv)))
        label = number(100 * tv, 0) + "%"
        cv.text(plot.x - 6, ypix(tv), label, colour=st.muted, anchor="midright")
    for tv in nice_ticks(x0, x1, 5):
        cv.text(xpix(tv), plot.bottom + 8, number(tv), colour=st.muted, anchor="midtop")
    if xlabel:
        cv.text(plot.centerx, plot.bottom + 8 + lh, xlabel, colour=st.muted, anchor="midtop")
    for k, ((name, _), s) in enumerate(zip(series, shares)):
        colour = OKABE_ITO[k % len(OKABE_ITO)]
        pts: list[tuple[float, float]] = []
        for b, v in enumerate(s):
            pts += [(xpix(edges[b]), ypix(v)), (xpix(edges[b + 1]), ypix(v))]
        cv.polyline(pts, colour)
        ky = plot.y + (lh + 4) * k + lh // 2
        pygame.draw.rect(cv.surf, colour, (plot.right + 16, ky - 8, 16, 16))
        cv.text(plot.right + 38, ky, name, anchor="midleft", max_w=key_w - 44)
    pygame.draw.rect(cv.surf, st.axis, plot, 1)
