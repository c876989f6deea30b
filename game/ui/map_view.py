"""The strategy map: the scenario's region from ``map_data``, painted by map mode.

Partner modes fill each state with its main partner's Okabe-Ito colour *and* that partner's
hatch pattern, and print a badge such as ``R 48%``; value modes (autonomy, trust) use a
colour-blind-safe sequential ramp stretched over the values actually on the map (the legend
gives the range) and print the number. So no information is in colour alone.

Layout (``MapView._layout``): the legend and the insets (far-away powers) are boxes laid over
the map where they cover no state, the corners first; the scenario's focus box is fitted as
large as that allows. Every label is drawn at body-text size or larger (the text scale
applies), and labels never overlap: ``place_labels`` puts each state's label (its id and badge)
on the state where it fits, else as near as it can with a leader line, then the powers',
neighbours' and seas' names where they fit whole. The painted map is cached and redrawn only
when what it shows changes; the labels' places only when their texts change.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pygame

from ..play.session import Session
from ..scenario.countries import COUNTRIES, country_name
from . import fonts, text
from . import viewmodels as vm
from .i18n import language, tr
from .map_data import FittedMap, MapLayer, RegionMap, Transform, load_world
from .theme import SIZE, Colour, current, ink_on, mix, ramp

#: padding inside the map's rectangle and between the boxes over it
GAP = 8
#: an inset is never smaller than this (logical px, its map part)
INSET_MIN = 64
#: the ramp modes' scale: the values on the map, widened to whole multiples of this and to at
#: least RAMP_MIN_SPAN, so neighbouring values get visibly different colours
RAMP_STEP = 5
RAMP_MIN_SPAN = 10
#: the legend's and insets' text follows the text size up to this scale (projector mode's):
#: at 150-200 % they would hide the map; the labels on the map follow it all the way
BOX_TEXT_CAP = 1.25
#: the legend and insets are placed on a grid of cells this size (px)
CELL = 4
#: grid step (px) of the candidate label positions
LABEL_STEP = 5
#: a state's label outside the state (with a leader line) must be this much nearer its place
#: than the nearest spot inside the state to be chosen
LEADER_PX = 150


def _dashed(
    surf: pygame.Surface, colour: Colour, pts: list[tuple[float, float]], w: int, dash: float = 10.0
) -> None:
    on = True
    left = dash
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        seg = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        pos = 0.0
        while pos < seg:
            step = min(left, seg - pos)
            if on and seg:
                a, b = pos / seg, (pos + step) / seg
                pygame.draw.line(
                    surf,
                    colour,
                    (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                    (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
                    w,
                )
            pos += step
            left -= step
            if left <= 0:
                on, left = not on, dash


_pattern_cache: dict[tuple[str, Colour, int, int], pygame.Surface] = {}


def pattern(kind: str, colour: Colour, w: int, h: int) -> pygame.Surface:
    """A transparent surface with a hatch pattern (lines or dots) in ``colour``."""
    key = (kind, colour, w, h)
    p = _pattern_cache.get(key)
    if p is not None:
        return p
    p = pygame.Surface((w, h), pygame.SRCALPHA)
    col = (*colour, 170)
    gap = 8
    if kind in ("diag", "cross"):
        for x in range(-h, w + h, gap):
            pygame.draw.line(p, col, (x, h), (x + h, 0), 1)
    if kind in ("back", "cross"):
        for x in range(-h, w + h, gap):
            pygame.draw.line(p, col, (x, 0), (x + h, h), 1)
    if kind == "horiz":
        for y in range(0, h, gap - 2):
            pygame.draw.line(p, col, (0, y), (w, y), 1)
    if kind == "vert":
        for x in range(0, w, gap - 2):
            pygame.draw.line(p, col, (x, 0), (x, h), 1)
    if kind == "dots":
        for y in range(2, h, 8):
            for x in range(2 + (y // 8 % 2) * 4, w, 8):
                pygame.draw.circle(p, col, (x, y), 2)
    if len(_pattern_cache) > 64:
        _pattern_cache.clear()
    _pattern_cache[key] = p
    return p


@dataclass(frozen=True)
class Paint:
    """How the map should look right now (the cache key)."""

    mode_kind: str  # "partner" | "ramp"
    cells: tuple[tuple[str, float, str | None, str], ...]  # (state, value, partner, badge)
    selected: str | None
    target: str | None
    patterns: bool
    theme: str
    focused: bool
    title: str = ""  # the legend's heading: the mode

    @classmethod
    def of(
        cls,
        mode: vm.MapMode,
        cells: Mapping[str, vm.MapCell],
        selected: str | None = None,
        target: str | None = None,
        patterns: bool = True,
        theme: str = "light",
        focused: bool = False,
    ) -> Paint:
        """The paint of a map mode and its cells (``viewmodels.map_cells``)."""
        return cls(
            mode.kind,
            tuple((k, round(c.value, 1), c.partner, c.badge) for k, c in sorted(cells.items())),
            selected,
            target,
            patterns,
            theme,
            focused,
            tr("map.legend_title", mode=mode.label),
        )


@dataclass(frozen=True)
class LegendEntry:
    """One partner in the legend: its id, letter and name."""

    id: str
    letter: str
    name: str


class Taken:
    """What a new label must not cover: the placed labels and the points of leader lines."""

    def __init__(self) -> None:
        self.rects: list[pygame.Rect] = []
        self.points: list[tuple[float, float]] = []

    def add(self, lab: Label) -> None:
        self.rects.append(lab.rect.inflate(4, 4))
        if lab.leader_to is not None:
            (x0, y0), (x1, y1) = _nearest_on(lab.rect, lab.leader_to), lab.leader_to
            n = max(2, int(max(abs(x1 - x0), abs(y1 - y0)) // 3))
            self.points += [(x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n) for i in range(n + 1)]


@dataclass(frozen=True)
class Label:
    """A placed label: its box (screen px), the state or country it names, and the point a
    leader line runs to when the box is not on its state (None when it is)."""

    id: str
    rect: pygame.Rect
    leader_to: tuple[int, int] | None
    inline: bool = False  # a state's id and badge side by side (else the badge beneath)
    cost: float = 0.0  # how far from its ideal place (px; a leader line adds LEADER_PX)
    scale: float = math.inf  # the text scale it is drawn at, at most (see place_labels)


def ramp_range(values: Sequence[float]) -> tuple[float, float]:
    """The stretch of the value ramp: the values present, widened to whole multiples of
    RAMP_STEP and, evenly on both sides, to at least RAMP_MIN_SPAN (within 0-100)."""
    if not values:
        return (0.0, 100.0)
    lo = RAMP_STEP * math.floor(min(values) / RAMP_STEP)
    hi = RAMP_STEP * math.ceil(max(values) / RAMP_STEP)
    lo, hi = max(0, lo), min(100, hi)
    while hi - lo < RAMP_MIN_SPAN:
        mid = (min(values) + max(values)) / 2
        if hi < 100 and (lo <= 0 or hi - mid <= mid - lo):
            hi += RAMP_STEP
        else:
            lo -= RAMP_STEP
    return (float(lo), float(hi))


def map_legend(
    s: Session, styles: Mapping[str, tuple[Colour, str, str]], modes: Sequence[vm.MapMode]
) -> tuple[list[LegendEntry], list[str]]:
    """The legend's partner rows (the powers: the rest of the world is never a state's main
    partner on the map) and every heading it may show (one per map mode)."""
    entries = [
        LegendEntry(pid, styles[pid][1], _actor_name(s, pid))
        for pid in s.c.partner_ids
        if pid != vm.ROW and pid in styles
    ]
    return entries, [m.label for m in modes]


def _actor_name(s: Session, aid: str) -> str:
    """An actor's name in the chosen language: the scenario's, or, when the scenario has it
    only in English and the actor is a country, the country's name in that language."""
    lang = language()
    actor = next((a for a in s.scenario.actors if a.id == aid), None)
    translated = actor is None or not isinstance(actor.name, str) and lang in actor.name
    if lang == "en" or translated or aid not in COUNTRIES:
        return vm.name(s, aid)
    return country_name(aid, lang)


def map_names(s: Session, data: RegionMap) -> dict[str, str | tuple[str, ...]]:
    """What the map calls each country and sea: the scenario's own name for its actors (in the
    chosen language when it has one), the country's name otherwise; a sea has its full and its
    short name (shown where the full one does not fit)."""
    lang = language()
    world_seas = () if data.problem else load_world().seas  # no map: no seas to name
    seas = {sid: tuple(names.get(lang) or names["en"]) for sid, names, _ in world_seas}
    out: dict[str, str | tuple[str, ...]] = {}
    for layer in (data, *data.insets):
        for fid, f in layer.features.items():
            if fid in s.c.names:
                out[fid] = _actor_name(s, fid)
            elif f.kind == "sea":
                out[fid] = seas[fid]
            else:
                out[fid] = country_name(fid, lang)
    return out


def _lh() -> int:
    return text.line_height(SIZE.BODY)


class MapView:
    """The map widget's drawing and geometry for one rectangle of the screen.

    ``entries`` are the partners for the legend; ``titles`` every legend heading the scene may
    show (the map modes), so the legend is sized once, for the longest."""

    def __init__(
        self,
        rect: pygame.Rect,
        data: RegionMap,
        entries: Sequence[LegendEntry] = (),
        titles: Sequence[str] = (),
    ) -> None:
        self.data = data
        self.rect = pygame.Rect(rect)
        self.entries = list(entries)
        self.titles = list(titles) or [""]
        self._layout()
        self._key: Paint | None = None
        self._surf = pygame.Surface(self.rect.size)
        self.labels: list[Label] = []
        self.label_rects: dict[str, pygame.Rect] = {}
        self._owner: np.ndarray | None = None
        self._sats: dict[int, np.ndarray] = {}
        self._anchors: dict[str, tuple[float, float] | None] = {}
        self._placed_key: tuple | None = None
        self._placed: list[tuple[Label, str, str]] = []

    # ---- layout --------------------------------------------------------------------------------
    def _legend_rows(self, cols: int, inner_w: int) -> list[tuple[LegendEntry, int, int, int]]:
        """Where each partner's row goes in a legend ``inner_w`` wide with ``cols`` columns:
        (entry, x offset, y offset, its lines). A row too long for its column wraps."""
        lh = _lh()
        per = -(-len(self.entries) // cols)
        col_w = (inner_w - (cols - 1) * 16) // cols
        out = []
        y = 0
        for i, e in enumerate(self.entries):
            if i % per == 0:
                y = 0
            n = len(text.wrap(f"{e.letter} {e.name}", SIZE.BODY, col_w - 30))
            out.append((e, (i // per) * (col_w + 16), y, n))
            y += n * lh
        return out

    def _legend_dims(self, cols: int) -> tuple[int, int]:
        """(width, height) of the legend with its partner rows in ``cols`` columns (no wider
        than the rectangle: long rows wrap): the tallest heading, then the rows or the ramp,
        whichever is taller. With two or more columns the ramp lies across (low, bar, high on
        one line, the note beneath), else it stands with its numbers and note beside it."""
        lh = _lh()
        col_w = max(
            [text.width(f"{e.letter} {e.name}", SIZE.BODY) + 30 for e in self.entries] + [0]
        )
        high = text.width("100 " + tr("map.high"), SIZE.BODY)
        across = cols >= 2
        ramp_w = high + text.width("100 " + tr("map.low"), SIZE.BODY) + 100 if across else high + 40
        w = max(cols * col_w + (cols - 1) * 16, ramp_w, 150) + 16
        w = min(w, self.rect.w - 2 * GAP)
        inner = w - 16
        title = max(len(text.wrap(t, SIZE.BODY, inner, True)) for t in self.titles)
        rows = max((y + n * lh for _, _, y, n in self._legend_rows(cols, inner)), default=0)
        note = len(text.wrap(tr("map.ramp_note"), SIZE.BODY, inner if across else inner - 32))
        ramp_rows = 1 + note if across else 2 + note
        return w, title * lh + max(rows, ramp_rows * lh) + 24

    def _inset_size(self, layer: MapLayer) -> tuple[int, int]:
        """An inset's box: wide enough for its title (name and letter), a little less tall."""
        lh = _lh()
        w = max(text.width(f"{layer.id} (W)", SIZE.BODY, True) + 16, 4 * lh)
        return w, lh + 4 + max(INSET_MIN, int(w * 0.6))

    def _layout(self) -> None:
        """Fit the focus box as large as the legend and insets allow.

        The legend and the insets are boxes laid over the map where they cover no state (the
        corners of the rectangle first). The focus box is fitted to the whole rectangle; when
        the boxes do not fit beside the states, it is shrunk a step at a time, and pushed to
        each side in turn, until they do."""
        r = self.rect
        with fonts.scale_capped(BOX_TEXT_CAP):
            shapes = [(*self._legend_dims(c), c) for c in (1, 2)]
            shapes = [s for s in shapes if s[0] <= r.w - 2 * GAP and s[1] <= r.h - 2 * GAP]
            insets = [self._inset_size(layer) for layer in self.data.insets]
            title_h = _lh() + 4
        full = self.data.transform(r.w, r.h, GAP, r.x, r.y)
        fx0, fy0, fx1, fy1 = self.data.focus
        names_only = [(w, title_h + 4) for w, _ in insets]
        found: tuple[Transform, list[tuple[pygame.Rect, int]]] | None = None
        # the insets in full; then (very large text) only their names; then none: the legend
        # still lists every power
        for ins in (insets, names_only, []):
            for f in (1.0, 0.98, 0.96, 0.94, 0.91, 0.88, 0.84, 0.8, 0.75, 0.7, 0.64, 0.58, 0.52):
                found = self._try_scale(full, f, shapes, ins)
                if found is not None:
                    break
            if found is not None or not insets:
                break
        if found is None:  # the legend alone, over as little of the states as it can
            alone = self._fit_at(full, 0.52, r.x + r.w / 2, r.y + r.h / 2)
            found = (alone, self._place_boxes(self._states_sat(alone), shapes, [], soft=True) or [])
        t, boxes = found
        self.scale = t.scale
        self.map_area = pygame.Rect(r)
        self.fitted = FittedMap(self.data, t, (r.x, r.y, r.w, r.h))
        legend, *inset_boxes = boxes or [(pygame.Rect(r.x, r.y, 0, 0), 1)]
        self.legend_rect, self.legend_cols = legend
        self.boxes = [self.legend_rect] + [b for b, _ in inset_boxes]
        self.insets: list[tuple[MapLayer, pygame.Rect, FittedMap]] = []
        for layer, (box, _) in zip(self.data.insets, inset_boxes):
            top = box.y + title_h
            self.insets.append((layer, box, layer.fit(box.w, box.bottom - top, 4, box.x, top)))

    def _fit_at(self, full: Transform, f: float, cx: float, cy: float) -> Transform:
        """The focus box at ``f`` times the full fit's scale, its middle at (cx, cy)."""
        fx0, fy0, fx1, fy1 = self.data.focus
        s = full.scale * f
        return Transform(s, cx - (fx0 + fx1) / 2 * s, cy - (fy0 + fy1) / 2 * s)

    def _try_scale(
        self,
        full: Transform,
        f: float,
        shapes: list[tuple[int, int, int]],
        insets: list[tuple[int, int]],
    ) -> tuple[Transform, list[tuple[pygame.Rect, int]]] | None:
        """The focus box at ``f`` times the full scale, centred or pushed against a side or a
        corner, with the boxes placed beside the states; None when they do not fit."""
        r = self.rect
        fx0, fy0, fx1, fy1 = self.data.focus
        hw, hh = (fx1 - fx0) * full.scale * f / 2, (fy1 - fy0) * full.scale * f / 2
        xs = [r.centerx, r.x + GAP + hw, r.right - GAP - hw]
        ys = [r.centery, r.y + GAP + hh, r.bottom - GAP - hh]
        for cx in dict.fromkeys(round(v) for v in xs):
            for cy in dict.fromkeys(round(v) for v in ys):
                t = self._fit_at(full, f, cx, cy)
                boxes = self._place_boxes(self._states_sat(t), shapes, insets)
                if boxes is not None:
                    return t, boxes
        return None

    def _states_sat(self, t: Transform) -> np.ndarray:
        """Summed-area table of the states over the rectangle for transform ``t``, in cells of
        CELL x CELL pixels (a cell counts when a state is drawn in it at that coarse scale)."""
        r = self.rect
        surf = pygame.Surface((-(-r.w // CELL), -(-r.h // CELL)))
        surf.fill((0, 0, 0))
        k = 1.0 / CELL
        for f in self.data.features.values():
            if f.is_state:
                for poly in f.polygons:
                    pts = (poly[0] * t.scale + (t.dx - r.x, t.dy - r.y)) * k
                    pygame.draw.polygon(surf, (255, 255, 255), pts.tolist())
                    pygame.draw.lines(surf, (255, 255, 255), True, pts.tolist(), 1)
        return _sat(pygame.surfarray.array_red(surf).T > 0)

    def _place_boxes(
        self,
        sat: np.ndarray | None,
        legends: list[tuple[int, int, int]],
        insets: list[tuple[int, int]],
        soft: bool = False,
    ) -> list[tuple[pygame.Rect, int]] | None:
        """The legend (the better of its shapes) and each inset, each in the free spot nearest a
        corner of the rectangle that covers no state (``sat``: the states' summed-area table in
        cells; None: anywhere). None when one of them finds no such spot."""
        r = self.rect
        placed: list[tuple[pygame.Rect, int]] = []
        for sizes in [legends, *[[(w, h, 0)] for w, h in insets]]:
            best = None
            for w, h, cols in sizes:
                spot = self._free_spot(sat, w, h, [p for p, _ in placed], soft)
                if spot is not None and (best is None or spot[1] < best[1]):
                    best = (pygame.Rect(r.x + spot[0][0], r.y + spot[0][1], w, h), spot[1], cols)
            if best is None:
                return None
            placed.append((best[0], best[2]))
        return placed

    def _free_spot(
        self,
        sat: np.ndarray | None,
        w: int,
        h: int,
        placed: list[pygame.Rect],
        soft: bool = False,
    ) -> tuple[tuple[int, int], float] | None:
        """((x, y) in the rectangle, cost): a box of w x h at least a GAP from every state and
        every placed box, nearest a corner (cost: its distance from the corner). ``soft``: it may
        cover states, as few as it can. Searched in cells of CELL pixels."""
        r = self.rect
        cw, ch = -(-r.w // CELL), -(-r.h // CELL)
        bw, bh = -(-w // CELL), -(-h // CELL)
        g = 1  # one cell between a box and the states
        xs = np.arange(g, cw - bw - g + 1)
        ys = np.arange(g, ch - bh - g + 1)
        if not len(xs) or not len(ys):
            return None
        gx, gy = (v.ravel() for v in np.meshgrid(xs, ys))
        ok = np.ones(len(gx), dtype=bool)
        covered = np.zeros(len(gx))
        if sat is not None:
            x0, y0 = np.maximum(gx - g, 0), np.maximum(gy - g, 0)
            x1, y1 = np.minimum(gx + bw + g, cw), np.minimum(gy + bh + g, ch)
            covered = (sat[y1, x1] - sat[y0, x1] - sat[y1, x0] + sat[y0, x0]).astype(float)
            if not soft:
                ok &= covered == 0
        px, py = gx * CELL, gy * CELL
        for p in placed:
            qx, qy = p.x - r.x, p.y - r.y
            ok &= (
                (px + w + GAP <= qx)
                | (px >= qx + p.w + GAP)
                | (py + h + GAP <= qy)
                | (py >= qy + p.h + GAP)
            )
        if not ok.any():
            return None
        # flush with the rectangle's edges where the box is nearest them
        px = np.where(gx == xs[-1], r.w - w - GAP, px)
        py = np.where(gy == ys[-1], r.h - h - GAP, py)
        cost = np.minimum(px, r.w - w - px) + np.minimum(py, r.h - h - py) + 1000.0 * covered
        k = int(np.argmin(np.where(ok, cost, np.inf)))
        return (int(px[k]), int(py[k])), float(cost[k])

    # ---- queries -----------------------------------------------------------------------------
    def state_at(self, pos: tuple[int, int]) -> str | None:
        if not self.map_area.collidepoint(pos) or any(b.collidepoint(pos) for b in self.boxes):
            return None
        for sid, r in self.label_rects.items():  # labels and badges count as the state
            if r.collidepoint(pos):
                return sid
        fid = self.fitted.hit_test(*pos)
        if fid is not None and self.data.features[fid].kind == "state":
            return fid
        return None

    def state_ids(self) -> list[str]:
        """States in reading order for the arrow keys: west to east."""
        ids = self.data.ids("state")
        return sorted(ids, key=lambda s: self.data.features[s].label[0])

    # ---- the owner raster: which feature covers each pixel of the map area -------------------
    def owner(self) -> np.ndarray:
        """(h, w) int array over the map area: the index of the feature drawn at each pixel in
        ``self._order`` (-1: sea). Drawn once with pygame, for label placement."""
        if self._owner is not None:
            return self._owner
        a = self.map_area
        surf = pygame.Surface(a.size)
        surf.fill((0, 0, 0))
        self._order = self.fitted.draw_order()
        for i, fid in enumerate(self._order, start=1):
            col = ((i >> 16) & 255, (i >> 8) & 255, i & 255)
            for poly in self.fitted.polygons[fid]:
                pygame.draw.polygon(surf, col, [(x - a.x, y - a.y) for x, y in poly[0]])
                for hole in poly[1:]:
                    pygame.draw.polygon(surf, (0, 0, 0), [(x - a.x, y - a.y) for x, y in hole])
        rgb = pygame.surfarray.array3d(surf).astype(np.int32)
        self._owner = (rgb[..., 0] << 16 | rgb[..., 1] << 8 | rgb[..., 2]).T - 1
        return self._owner

    # ---- painting ----------------------------------------------------------------------------
    def surface(
        self,
        paint: Paint,
        styles: dict[str, tuple[Colour, str, str]],
        names: Mapping[str, str | tuple[str, ...]],
    ) -> pygame.Surface:
        """The map, insets and legend for ``paint`` (cached until ``paint`` changes).
        ``names``: what to call each country and sea (the scenario's names for its actors)."""
        if paint != self._key:
            self._render(paint, styles, names)
            self._key = paint
        return self._surf

    def _fill_for(
        self,
        paint: Paint,
        styles: dict[str, tuple[Colour, str, str]],
        cell: tuple[str, float, str | None, str],
        span: tuple[float, float],
    ) -> tuple[Colour, str | None]:
        _, value, partner, _ = cell
        if paint.mode_kind == "partner" and partner is not None:
            col, _, hatch = styles.get(partner, ((160, 160, 160), "?", "none"))
            # stronger dominance = stronger colour (at least 45% so the hue reads)
            t = 0.45 + 0.55 * min(1.0, max(0.0, (value - 20) / 60))
            return mix((255, 255, 255), col, t), hatch if paint.patterns else None
        lo, hi = span
        return ramp((value - lo) / max(1e-9, hi - lo)), None

    def _render(
        self,
        paint: Paint,
        styles: dict[str, tuple[Colour, str, str]],
        names: Mapping[str, str | tuple[str, ...]],
    ) -> None:
        th = current()
        surf = self._surf
        off = (-self.rect.x, -self.rect.y)
        surf.fill(th.sea)
        if self.data.problem:  # no map (the world asset is missing or damaged): say why
            text.draw(
                surf,
                tr("map.unavailable", problem=self.data.problem),
                surf.get_rect().inflate(-40, -40),
                SIZE.BODY,
                th.ink,
                align="center",
                valign="center",
            )
            pygame.draw.rect(surf, th.border, surf.get_rect(), th.outline_w)
            return
        fm = self.fitted
        cells = {c[0]: c for c in paint.cells}
        span = ramp_range([c[1] for c in paint.cells]) if paint.mode_kind == "ramp" else (0, 100)

        def poly(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
            return [(x + off[0], y + off[1]) for x, y in points]

        # other countries first, states on top
        for fid in fm.draw_order():
            f = fm.layer.features[fid]
            if f.kind == "state":
                continue
            for p in fm.polygons[fid]:
                pygame.draw.polygon(surf, th.neighbour, poly(p[0]))
                for hole in p[1:]:
                    pygame.draw.polygon(surf, th.sea, poly(hole))
            for ring in fm.rings(fid):
                pygame.draw.lines(surf, (120, 120, 120), True, poly(ring), 1)
        for fid in fm.draw_order():
            f = fm.layer.features[fid]
            if f.kind != "state":
                continue
            cell = cells.get(fid)
            fill, hatch = (
                self._fill_for(paint, styles, cell, span) if cell else (th.neighbour, None)
            )
            for p in fm.polygons[fid]:
                pts = poly(p[0])
                pygame.draw.polygon(surf, fill, pts)
                if hatch and hatch != "none":
                    self._hatch(surf, pts, hatch, ink_on(fill))
            for ring in fm.rings(fid):
                pygame.draw.lines(surf, th.state_outline, True, poly(ring), 2)
        # the selected state and the target of the highlighted choice
        for hl, style in ((paint.target, "dash"), (paint.selected, "solid")):
            if hl and hl in fm.polygons:
                for ring in fm.rings(hl):
                    pts = poly(ring)
                    if style == "solid":
                        pygame.draw.lines(surf, (255, 255, 255), True, pts, 7)
                        pygame.draw.lines(surf, (0, 0, 0), True, pts, 4)
                    else:
                        _dashed(surf, (0, 0, 0), pts, 4)
        self._labels(surf, paint, off, cells, names, styles)
        self._boxes(surf, paint, styles, names, off, span)
        pygame.draw.rect(surf, th.border, surf.get_rect(), th.outline_w)

    def _hatch(
        self, surf: pygame.Surface, pts: Sequence[tuple[float, float]], kind: str, colour: Colour
    ) -> None:
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, y0 = int(min(xs)), int(min(ys))
        x1, y1 = int(max(xs)), int(max(ys))
        # only the part on the surface (a neighbour may reach far beyond it)
        x0, y0 = max(x0, 0), max(y0, 0)
        x1, y1 = min(x1, surf.get_width()), min(y1, surf.get_height())
        w, h = x1 - x0 + 2, y1 - y0 + 2
        if w < 2 or h < 2:
            return
        mask = pygame.Surface((w, h), pygame.SRCALPHA)
        pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - x0, y - y0) for x, y in pts])
        pat = pattern(kind, colour, w, h).copy()
        pat.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        surf.blit(pat, (x0, y0))

    # ---- labels ------------------------------------------------------------------------------
    def place(
        self,
        fid: str,
        size: tuple[int, int],
        taken: Taken,
        own_share: float,
        leader: bool,
        reach: float | None = None,
    ) -> Label | None:
        """The best free box of ``size`` for feature ``fid`` (a sea: the sea), in screen px.

        Candidates lie on a grid over the map area (for a label without a leader line, over
        the feature's box); a box is free when it overlaps no placed label and no leader line.
        A box is *on* the feature when at least ``own_share`` of it covers the feature and at
        most half the rest covers other states, or when it covers the feature's anchor and
        little of other states; the one nearest the anchor wins. With ``leader`` (states), a
        box elsewhere may be taken, with a leader line, when it is LEADER_PX nearer the
        anchor; boxes over other states, and leader lines across other labels, cost more.
        ``reach``: how far (px) from the anchor a box may be."""
        a = self.map_area
        w, h = size
        if w > a.w - 8 or h > a.h - 8:
            return None
        fi = self._order.index(fid) if fid in self._order else -1
        is_state = fi >= 0 and self.data.features[fid].kind == "state"
        anchor = self._anchor(fid, fi)
        if anchor is None:
            return None
        ax, ay = anchor
        x0, y0, x1, y1 = 4, 4, a.w - w - 4, a.h - h - 4
        if not leader:  # only where the feature (or, for a sea, the reach) is
            if reach is not None:
                bx0, by0, bx1, by1 = ax - reach, ay - reach, ax + reach, ay + reach
            else:
                f = self.data.features[fid]
                bx0, by0 = self.fitted.transform.to_screen(f.bbox[0], f.bbox[1])
                bx1, by1 = self.fitted.transform.to_screen(f.bbox[2], f.bbox[3])
                bx0, by0, bx1, by1 = bx0 - a.x, by0 - a.y, bx1 - a.x, by1 - a.y
            x0, y0 = max(x0, int(bx0)), max(y0, int(by0))
            x1, y1 = min(x1, int(bx1) - w), min(y1, int(by1) - h)
        xs = np.arange(x0, x1, LABEL_STEP)
        ys = np.arange(y0, y1, LABEL_STEP)
        if not len(xs) or not len(ys):
            return None
        gx, gy = (g.ravel() for g in np.meshgrid(xs, ys))
        area = float(w * h)
        mine = _box_sum(self._sat(fi), gx, gy, w, h) / area
        states = _box_sum(self._sat(-2), gx, gy, w, h) / area - (mine if is_state else 0.0)
        free = np.ones(len(gx), dtype=bool)
        for r in taken.rects:
            rx, ry = r.x - a.x, r.y - a.y
            free &= (gx + w <= rx) | (gx >= rx + r.w) | (gy + h <= ry) | (gy >= ry + r.h)
        for px, py in taken.points:
            px, py = px - a.x, py - a.y
            free &= ~((gx <= px) & (px <= gx + w) & (gy <= py) & (py <= gy + h))
        dist = np.hypot(gx + w / 2 - ax, gy + h / 2 - ay)
        if reach is not None:
            free &= dist <= reach
        covers = (gx <= ax) & (ax <= gx + w) & (gy <= ay) & (ay <= gy + h)
        # on the feature: mostly over it and much less over other states, or over its anchor
        on = free & (
            ((mine >= own_share) & (states <= ((1.0 - own_share) / 2 if is_state else 0.0)))
            | (covers & (states <= 0.2) & is_state)
        )
        cost = np.where(on, dist, np.inf)
        if leader:  # a leader line across another label only when nothing else is free
            crossing = 10000.0 * self._crosses(gx, gy, w, h, (ax, ay), taken)
            cost = np.where(free & ~on, LEADER_PX + dist + 3000.0 * states + crossing, cost)
        k = int(np.argmin(cost))
        if not np.isfinite(cost[k]):
            return None
        rect = pygame.Rect(a.x + int(gx[k]), a.y + int(gy[k]), w, h)
        to = None if on[k] else (int(a.x + ax), int(a.y + ay))
        return Label(fid, rect, to, cost=float(cost[k]))

    def _crosses(
        self,
        gx: np.ndarray,
        gy: np.ndarray,
        w: int,
        h: int,
        anchor: tuple[float, float],
        taken: Taken,
    ) -> np.ndarray:
        """For boxes at (gx, gy) (map-area px): would the leader line from the box to
        ``anchor`` run across a placed label?"""
        a = self.map_area
        ax, ay = anchor
        px, py = np.clip(ax, gx, gx + w), np.clip(ay, gy, gy + h)
        hit = np.zeros(len(gx), dtype=bool)
        for t in np.linspace(0.05, 0.95, 10):
            x, y = px + (ax - px) * t, py + (ay - py) * t
            for r in taken.rects:
                rx, ry = r.x - a.x, r.y - a.y
                hit |= (rx <= x) & (x <= rx + r.w) & (ry <= y) & (y <= ry + r.h)
        return hit

    def _sat(self, fi: int) -> np.ndarray:
        """Summed-area table of the pixels of feature ``fi`` (-1: the sea; -2: any state)."""
        if fi not in self._sats:
            own = self.owner()
            if fi == -2:
                states = [
                    i for i, x in enumerate(self._order) if self.data.features[x].kind == "state"
                ]
                self._sats[fi] = _sat(np.isin(own, states))
            else:
                self._sats[fi] = _sat(own == fi)
        return self._sats[fi]

    def _anchor(self, fid: str, fi: int) -> tuple[float, float] | None:
        """Where a feature's label wants to be (map-area px): its label point when that is in
        view and on the feature, else (not for a sea) the visible pixel of the feature nearest
        the middle of its visible part. None: not in view."""
        if fid in self._anchors:
            return self._anchors[fid]
        own = self.owner()
        a = self.map_area
        lx, ly = self.fitted.labels.get(fid, (-1.0, -1.0))
        x, y = int(lx - a.x), int(ly - a.y)
        found: tuple[float, float] | None = None
        if 0 <= x < a.w and 0 <= y < a.h and own[y, x] == fi:
            found = (float(x), float(y))
        elif fi >= 0:
            ys, xs = np.nonzero(own == fi)
            if len(xs):
                mx, my = xs.mean(), ys.mean()
                k = int(np.argmin((xs - mx) ** 2 + (ys - my) ** 2))
                found = (float(xs[k]), float(ys[k]))
        self._anchors[fid] = found
        return found

    def _state_block(self, fid: str, badge: str, inline: bool) -> tuple[int, int, int]:
        """(width, height, height of the id's line) of a state's label: its id above its badge,
        or (``inline``) beside it."""
        lh = _lh()
        code_w = text.width(fid, SIZE.BODY, True) + 4
        badge_w = text.width(badge, SIZE.BODY, True) + 12 if badge else 0
        badge_h = lh + 2 if badge else 0
        if inline:
            return code_w + 4 + badge_w, max(lh, badge_h), max(lh, badge_h)
        code_h = int(lh * 0.85)
        return max(code_w, badge_w), code_h + badge_h, code_h

    def place_labels(
        self,
        cells: Mapping[str, tuple[str, float, str | None, str]],
        names: Mapping[str, str | tuple[str, ...]],
        styles: Mapping[str, tuple[Colour, str, str]],
    ) -> list[tuple[Label, str, str]]:
        """Every label's place, with its text (rows split by newlines) and badge: the states
        first (smallest first: they have the least room), then the powers, the other countries
        (largest first) and the seas, each where it fits whole."""
        key = (
            tuple(sorted((k, c[3]) for k, c in cells.items())),
            tuple(sorted(names.items())),
            tuple(sorted((k, v[1]) for k, v in styles.items())),
        )
        if key == self._placed_key:
            return self._placed
        own = self.owner()
        pixels = np.bincount(own.ravel() + 1, minlength=len(self._order) + 1)[1:]
        area = {fid: int(pixels[i]) for i, fid in enumerate(self._order)}
        taken = Taken()
        taken.rects += [b.inflate(4, 4) for b in self.boxes]
        out: list[tuple[Label, str, str]] = []
        states = [fid for fid in self.data.ids("state") if fid in area]
        for fid in sorted(states, key=lambda s: (area[s], s)):
            badge = cells[fid][3] if fid in cells else ""
            # on the state at the text size; at a very large one (150-200 %) perhaps only at
            # projector mode's (never smaller); else near it, with a leader line, at that size
            caps = sorted({fonts.scale(), min(fonts.scale(), BOX_TEXT_CAP)}, reverse=True)
            lab = None
            for cap, leader in [*((c, False) for c in caps), (caps[-1], True)]:
                tries = []
                with fonts.scale_capped(cap):
                    for inline in (False, True):
                        w, h, _ = self._state_block(fid, badge, inline)
                        got = self.place(fid, (w, h), taken, 0.6, leader)
                        if got is not None:
                            tries.append(replace(got, inline=inline, scale=cap))
                lab = min(tries, key=lambda t: t.cost) if tries else None
                if lab is not None:
                    break
            if lab is not None:
                taken.add(lab)
                out.append((lab, fid, badge))
        others = [
            fid
            for fid, f in self.data.features.items()
            if f.kind != "state" and fid in names and (f.kind == "sea" or area.get(fid, 0) >= 400)
        ]
        others.sort(
            key=lambda f: (f not in styles, self.data.features[f].kind == "sea", -area.get(f, 0))
        )
        lh = _lh()
        for fid in others:
            sea = self.data.features[fid].kind == "sea"
            bold = fid in styles
            name = names[fid]
            letter = f" ({styles[fid][1]})" if bold else ""
            variants = [
                v
                for n in (name if isinstance(name, tuple) else (name,))
                for v in _one_or_two_lines(n + letter)
            ]
            for v in dict.fromkeys(variants):
                rows = v.split("\n")
                w = max(text.width(x, SIZE.BODY, bold) for x in rows) + 8
                size = (w, lh * len(rows))
                reach = 2.0 * max(size) if sea else None
                lab = self.place(fid, size, taken, 0.5 if sea else 0.9, False, reach)
                if lab is not None:
                    taken.add(lab)
                    out.append((lab, v, ""))
                    break
        self._placed_key, self._placed = key, out
        return out

    def _halo_label(
        self,
        surf: pygame.Surface,
        msg: str,
        rect: pygame.Rect,
        colour: Colour,
        bold: bool,
    ) -> None:
        img = text.fonts.render(msg, SIZE.BODY, colour, bold)
        halo = text.fonts.render(msg, SIZE.BODY, (255, 255, 255), bold)
        r = img.get_rect(center=rect.center)
        for dx, dy in ((-2, 0), (2, 0), (0, -2), (0, 2), (-1, -1), (1, 1), (-1, 1), (1, -1)):
            surf.blit(halo, r.move(dx, dy))
        surf.blit(img, r)

    def _labels(
        self,
        surf: pygame.Surface,
        paint: Paint,
        off: tuple[int, int],
        cells: dict[str, tuple[str, float, str | None, str]],
        names: Mapping[str, str | tuple[str, ...]],
        styles: dict[str, tuple[Colour, str, str]],
    ) -> None:
        placed = self.place_labels(cells, names, styles)
        self.labels = [lab for lab, _, _ in placed]
        self.label_rects = {
            lab.id: lab.rect for lab in self.labels if self.data.features[lab.id].is_state
        }
        for lab in self.labels:  # leader lines first: labels are drawn over them
            if lab.leader_to is not None:
                end = (lab.leader_to[0] + off[0], lab.leader_to[1] + off[1])
                start = _nearest_on(lab.rect.move(off), end)
                pygame.draw.line(surf, (255, 255, 255), start, end, 5)
                pygame.draw.line(surf, (0, 0, 0), start, end, 2)
                pygame.draw.circle(surf, (255, 255, 255), end, 6)
                pygame.draw.circle(surf, (0, 0, 0), end, 4)
        for lab, first, badge in placed:
            with fonts.scale_capped(lab.scale):
                self._draw_label(surf, lab, first, badge, off, styles)

    def _draw_label(
        self,
        surf: pygame.Surface,
        lab: Label,
        first: str,
        badge: str,
        off: tuple[int, int],
        styles: dict[str, tuple[Colour, str, str]],
    ) -> None:
        """One label: a name (rows split by newlines) with a halo, or a state's id and badge."""
        th = current()
        r = lab.rect.move(off)
        if not self.data.features[lab.id].is_state:
            bold = lab.id in styles
            rows = first.split("\n")
            lh = r.h // len(rows)
            for i, row in enumerate(rows):
                line = pygame.Rect(r.x, r.y + i * lh, r.w, lh)
                self._halo_label(surf, row, line, th.ink if bold else th.ink_soft, bold)
            return
        _, _, code_h = self._state_block(lab.id, badge, lab.inline)
        code_w = text.width(first, SIZE.BODY, True) + 4
        code = pygame.Rect(r.x, r.y, code_w if lab.inline else r.w, code_h)
        self._halo_label(surf, first, code, (0, 0, 0), True)
        if badge:
            bw = text.width(badge, SIZE.BODY, True) + 12
            b = pygame.Rect(0, 0, bw, _lh() + 2)
            if lab.inline:
                b.midright = r.midright
            else:
                b.midtop = (r.centerx, r.y + code_h)
            pygame.draw.rect(surf, (255, 255, 255), b, border_radius=5)
            pygame.draw.rect(surf, (0, 0, 0), b, 2, border_radius=5)
            text.draw(
                surf,
                badge,
                b,
                SIZE.BODY,
                (0, 0, 0),
                bold=True,
                align="center",
                valign="center",
                wrap_text=False,
            )

    # ---- the boxes over the map: insets and legend --------------------------------------------
    def _boxes(
        self,
        surf: pygame.Surface,
        paint: Paint,
        styles: dict[str, tuple[Colour, str, str]],
        names: Mapping[str, str | tuple[str, ...]],
        off: tuple[int, int],
        span: tuple[float, float],
    ) -> None:
        with fonts.scale_capped(BOX_TEXT_CAP):
            for layer, box, fm in self.insets:
                self._inset(surf, paint, styles, names, off, layer, box, fm)
            if self.legend_rect.w:
                self._legend(surf, paint, styles, self.legend_rect.move(off), span)

    def _inset(
        self,
        surf: pygame.Surface,
        paint: Paint,
        styles: dict[str, tuple[Colour, str, str]],
        names: Mapping[str, str | tuple[str, ...]],
        off: tuple[int, int],
        layer: MapLayer,
        box: pygame.Rect,
        fm: FittedMap,
    ) -> None:
        th = current()
        r = box.move(off)
        pygame.draw.rect(surf, th.sea, r)
        if fm.transform.scale <= 0 or r.h <= _lh() + 8:  # only its name: no room for its map
            fm = FittedMap(layer, Transform(1.0, -1e9, -1e9), (0, 0, 0, 0))
        clip = surf.get_clip()
        surf.set_clip(r)
        for fid in fm.draw_order():
            colour = th.neighbour
            hatch = None
            if fid == layer.id and fid in styles and paint.mode_kind == "partner":
                colour = mix((255, 255, 255), styles[fid][0], 0.8)
                hatch = styles[fid][2] if paint.patterns else None
            elif fid == layer.id:
                colour = mix(th.neighbour, (0, 0, 0), 0.25)
            for p in fm.polygons[fid]:
                pts = [(x + off[0], y + off[1]) for x, y in p[0]]
                pygame.draw.polygon(surf, colour, pts)
                if hatch and hatch != "none":
                    self._hatch(surf, pts, hatch, ink_on(colour))
                for hole in p[1:]:
                    pygame.draw.polygon(surf, th.sea, [(x + off[0], y + off[1]) for x, y in hole])
            width = 1 if fid == layer.id else 1
            for ring in fm.rings(fid):
                pygame.draw.lines(
                    surf,
                    th.state_outline if fid == layer.id else (120, 120, 120),
                    True,
                    [(x + off[0], y + off[1]) for x, y in ring],
                    width,
                )
        surf.set_clip(clip)
        # its name (and letter) in a title bar; the code when the name is too long
        letter = f" ({styles[layer.id][1]})" if layer.id in styles else ""
        name = names.get(layer.id, layer.id)
        label = (name if isinstance(name, str) else name[0]) + letter
        if text.width(label, SIZE.BODY, True) > r.w - 8:
            label = layer.id + letter
        bar = pygame.Rect(r.x, r.y, r.w, _lh() + 4)
        pygame.draw.rect(surf, (255, 255, 255), bar)
        text.draw(
            surf,
            label,
            bar.inflate(-8, 0),
            SIZE.BODY,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=False,
        )
        pygame.draw.rect(surf, th.border, r, 2)

    def _legend(
        self,
        surf: pygame.Surface,
        paint: Paint,
        styles: dict[str, tuple[Colour, str, str]],
        r: pygame.Rect,
        span: tuple[float, float],
    ) -> None:
        th = current()
        pygame.draw.rect(surf, (255, 255, 255), r, border_radius=4)
        pygame.draw.rect(surf, th.border, r, 1, border_radius=4)
        inner = r.inflate(-16, -16)
        lh = _lh()
        title = paint.title[:1].upper() + paint.title[1:]
        used = text.draw(surf, title, inner, SIZE.BODY, th.ink, bold=True)
        y = used.bottom + 8
        if paint.mode_kind == "partner":
            for e, dx, dy, n in self._legend_rows(self.legend_cols, inner.w):
                col, letter, hatch = styles.get(e.id, ((160, 160, 160), e.letter, "none"))
                x, row_y = inner.x + dx, y + dy
                col_w = (inner.w - (self.legend_cols - 1) * 16) // self.legend_cols
                sw = pygame.Rect(x, row_y + 6, 22, lh - 12)
                pygame.draw.rect(surf, col, sw)
                if paint.patterns and hatch != "none":
                    corners = [sw.topleft, sw.topright, sw.bottomright, sw.bottomleft]
                    self._hatch(surf, corners, hatch, ink_on(col))
                pygame.draw.rect(surf, (0, 0, 0), sw, 1)
                box = pygame.Rect(x + 30, row_y, col_w - 30, n * lh)
                text.draw(surf, f"{letter} {e.name}", box, SIZE.BODY, th.ink)
            return
        lo, hi = span
        high, low = f"{hi:.0f} " + tr("map.high"), f"{lo:.0f} " + tr("map.low")
        if self.legend_cols > 1:  # across: low, the bar, high; the note beneath
            lw_ = text.width(low, SIZE.BODY)
            bar = pygame.Rect(inner.x + lw_ + 8, y + 6, 0, lh - 12)
            bar.w = inner.right - text.width(high, SIZE.BODY) - 8 - bar.x
            for i in range(bar.w):
                pygame.draw.line(surf, ramp(i / bar.w), (bar.x + i, bar.y), (bar.x + i, bar.bottom))
            pygame.draw.rect(surf, (0, 0, 0), bar, 1)
            text.draw_line(surf, low, (inner.x, y), SIZE.BODY, th.ink)
            text.draw_line(surf, high, (bar.right + 8, y), SIZE.BODY, th.ink)
            note = pygame.Rect(inner.x, y + lh, inner.w, inner.bottom - y - lh)
            text.draw(surf, tr("map.ramp_note"), note, SIZE.BODY, th.ink_soft)
            return
        # standing: the bar; beside it the top and the bottom of the scale and, between them,
        # that the scale is the range of the values on the map
        nx = inner.x + 32
        note_rows = text.wrap(tr("map.ramp_note"), SIZE.BODY, inner.right - nx)
        bar = pygame.Rect(inner.x, y, 24, max(2 * lh, (2 + len(note_rows)) * lh))
        for i in range(bar.h):
            pygame.draw.line(surf, ramp(1 - i / bar.h), (bar.x, bar.y + i), (bar.right, bar.y + i))
        pygame.draw.rect(surf, (0, 0, 0), bar, 1)
        text.draw_line(surf, high, (nx, bar.y), SIZE.BODY, th.ink)
        for i, row in enumerate(note_rows):
            text.draw_line(surf, row, (nx, bar.y + (i + 1) * lh), SIZE.BODY, th.ink_soft)
        text.draw_line(surf, low, (nx, bar.bottom - lh), SIZE.BODY, th.ink)


def _sat(mask: np.ndarray) -> np.ndarray:
    """Summed-area table with a zero row and column in front."""
    s = np.zeros((mask.shape[0] + 1, mask.shape[1] + 1), dtype=np.int32)
    s[1:, 1:] = mask.astype(np.int32).cumsum(0).cumsum(1)
    return s


def _box_sum(sat: np.ndarray, x: np.ndarray, y: np.ndarray, w: int, h: int) -> np.ndarray:
    return (sat[y + h, x + w] - sat[y, x + w] - sat[y + h, x] + sat[y, x]).astype(float)


def _one_or_two_lines(label: str) -> list[str]:
    """The label on one line, and (when it has spaces) on two, split nearest the middle."""
    words = label.split(" ")
    if len(words) < 2:
        return [label]
    cut = min(
        range(1, len(words)),
        key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))),
    )
    return [label, " ".join(words[:cut]) + "\n" + " ".join(words[cut:])]


def _nearest_on(r: pygame.Rect, p: tuple[int, int]) -> tuple[int, int]:
    """The point of rectangle ``r``'s edge nearest ``p`` (where a leader line leaves it)."""
    return (min(max(p[0], r.left), r.right - 1), min(max(p[1], r.top), r.bottom - 1))
