"""The strategy map: Natural Earth borders from ``map_data``, painted by map mode.

Partner modes fill each state with its dominant partner's Okabe-Ito colour *and* that partner's
hatch pattern, and print a badge such as ``R 48%``; value modes (autonomy, trust) use a
colour-blind-safe sequential ramp and print the number. So no information is in colour alone.
The painted map is cached and only redrawn when what it shows changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from . import text
from .i18n import tr
from .map_data import FittedMap, MapData, Transform, load_map
from .theme import SIZE, Colour, current, ink_on, mix, ramp

STATES_VIEW_PAD = 0.04
#: width of the strip on the right of the map for the Japan inset and the legend
STRIP_W = 180


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


class MapView:
    def __init__(self, rect: pygame.Rect, data: MapData | None = None) -> None:
        self.data = data or load_map()
        self.rect = pygame.Rect(rect)
        d = self.data
        xs0, ys0, xs1, ys1 = 1e9, 1e9, -1e9, -1e9
        for fid in d.ids("state") + d.ids("water"):
            x0, y0, x1, y1 = d.features[fid].bbox
            xs0, ys0, xs1, ys1 = min(xs0, x0), min(ys0, y0), max(xs1, x1), max(ys1, y1)
        pw, ph = (xs1 - xs0) * STATES_VIEW_PAD, (ys1 - ys0) * STATES_VIEW_PAD
        xs0, ys0, xs1, ys1 = xs0 - pw, ys0 - ph, xs1 + pw, ys1 + ph
        r = self.rect
        # the states fill the rectangle left of the strip; the strip (inset, legend) lies over
        # the neighbours to the east, so it never hides a state
        vw = r.w - STRIP_W
        scale = min(vw / (xs1 - xs0), r.h / (ys1 - ys0))
        dx = r.x + (vw - (xs1 - xs0) * scale) / 2 - xs0 * scale
        dy = r.y + (r.h - (ys1 - ys0) * scale) / 2 - ys0 * scale
        self.fitted = FittedMap(d, Transform(scale, dx, dy))
        self.strip_rect = pygame.Rect(r.right - STRIP_W, r.y, STRIP_W, r.h)
        iw, ih = STRIP_W - 16, 104
        self.inset_rect = pygame.Rect(self.strip_rect.x + 8, r.y + 8, iw, ih)
        self.inset = d.fit_inset(
            iw, ih - 32, margin=4, x=self.inset_rect.x, y=self.inset_rect.y + 30
        )
        self.legend_rect = pygame.Rect(
            self.strip_rect.x + 8,
            self.inset_rect.bottom + 8,
            iw,
            r.bottom - self.inset_rect.bottom - 16,
        )
        self._anchors: dict[str, tuple[int, int] | None] = {}
        self._key: Paint | None = None
        self._surf = pygame.Surface(self.rect.size)
        self.label_rects: dict[str, pygame.Rect] = {}

    # ---- queries -----------------------------------------------------------------------------
    def state_at(self, pos: tuple[int, int]) -> str | None:
        if not self.rect.collidepoint(pos) or self.strip_rect.collidepoint(pos):
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

    def neighbour_anchor(self, fid: str, w: int, h: int) -> tuple[int, int] | None:
        """Where to put a neighbour's label so it is inside the neighbour and inside the part of
        the map left of the strip: the original anchor if it fits, else the nearest grid point
        whose label box lies wholly inside the neighbour. Cached."""
        key = f"{fid}:{w}x{h}"
        if key in self._anchors:
            return self._anchors[key]
        area = pygame.Rect(
            self.rect.x + 4, self.rect.y + 4, self.rect.w - STRIP_W - 8, self.rect.h - 8
        )
        lx, ly = self.fitted.labels[fid]
        layer = self.fitted.layer

        def ok(cx: float, cy: float) -> bool:
            box = pygame.Rect(0, 0, w, h)
            box.center = (int(cx), int(cy))
            if not area.contains(box):
                return False
            if layer.features[fid].kind == "water":  # a label may run onto the shore a little
                pts = [box.center, (box.x + 6, box.centery), (box.right - 6, box.centery)]
            else:
                pts = [box.center, box.topleft, box.topright, box.bottomleft, box.bottomright]
            return all(
                layer.contains(fid, *self.fitted.transform.to_logical(*p))
                and self.fitted.hit_test(*p) == fid
                for p in pts
            )

        best = None
        if ok(lx, ly):
            best = (int(lx), int(ly))
        else:
            cands = [
                (x, y)
                for y in range(area.y + h // 2, area.bottom - h // 2, 12)
                for x in range(area.x + w // 2, area.right - w // 2, 16)
            ]
            cands.sort(key=lambda p: (p[0] - lx) ** 2 + (p[1] - ly) ** 2)
            for x, y in cands[:400]:
                if ok(x, y):
                    best = (x, y)
                    break
        self._anchors[key] = best
        return best

    # ---- painting ----------------------------------------------------------------------------
    def surface(
        self, paint: Paint, styles: dict[str, tuple[Colour, str, str]], names: dict[str, str]
    ) -> pygame.Surface:
        if paint != self._key:
            self._render(paint, styles, names)
            self._key = paint
        return self._surf

    def _fill_for(
        self,
        paint: Paint,
        styles: dict[str, tuple[Colour, str, str]],
        cell: tuple[str, float, str | None, str],
    ) -> tuple[Colour, str | None]:
        _, value, partner, _ = cell
        if paint.mode_kind == "partner" and partner is not None:
            col, _, hatch = styles.get(partner, ((160, 160, 160), "?", "none"))
            # stronger dominance = stronger colour (at least 45% so the hue reads)
            t = 0.45 + 0.55 * min(1.0, max(0.0, (value - 20) / 60))
            return mix((255, 255, 255), col, t), hatch if paint.patterns else None
        return ramp(value / 100.0), None

    def _render(
        self, paint: Paint, styles: dict[str, tuple[Colour, str, str]], names: dict[str, str]
    ) -> None:
        th = current()
        surf = self._surf
        off = (-self.rect.x, -self.rect.y)
        surf.fill(th.sea)
        fm = self.fitted
        cells = {c[0]: c for c in paint.cells}

        def poly(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
            return [(x + off[0], y + off[1]) for x, y in points]

        # neighbours and water first, states on top
        for fid in fm.draw_order():
            f = fm.layer.features[fid]
            if f.kind == "state":
                continue
            colour = th.sea if f.kind == "water" else th.neighbour
            for p in fm.polygons[fid]:
                pygame.draw.polygon(surf, colour, poly(p[0]))
                for hole in p[1:]:
                    pygame.draw.polygon(surf, th.sea, poly(hole))
            for ring in fm.rings(fid):
                pygame.draw.lines(surf, (120, 120, 120), True, poly(ring), 1)
        for fid in fm.draw_order():
            f = fm.layer.features[fid]
            if f.kind != "state":
                continue
            cell = cells.get(fid)
            fill, hatch = self._fill_for(paint, styles, cell) if cell else (th.neighbour, None)
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
        self._inset(surf, paint, styles, off)
        pygame.draw.rect(surf, th.border, surf.get_rect(), th.outline_w)

    def _hatch(
        self, surf: pygame.Surface, pts: list[tuple[float, float]], kind: str, colour: Colour
    ) -> None:
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, y0 = int(min(xs)), int(min(ys))
        w, h = int(max(xs)) - x0 + 2, int(max(ys)) - y0 + 2
        if w < 2 or h < 2:
            return
        mask = pygame.Surface((w, h), pygame.SRCALPHA)
        pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - x0, y - y0) for x, y in pts])
        pat = pattern(kind, colour, w, h).copy()
        pat.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        surf.blit(pat, (x0, y0))

    def _badge(
        self,
        surf: pygame.Surface,
        msg: str,
        center: tuple[int, int],
        size: int = SIZE.SMALL,
        bold: bool = True,
    ) -> pygame.Rect:
        w = text.width(msg, size, bold) + 12
        h = text.line_height(size) + 2
        r = pygame.Rect(0, 0, w, h)
        r.center = center
        r.clamp_ip(surf.get_rect().inflate(-4, -4))
        pygame.draw.rect(surf, (255, 255, 255), r, border_radius=5)
        pygame.draw.rect(surf, (0, 0, 0), r, 2, border_radius=5)
        text.draw(
            surf,
            msg,
            r,
            size,
            (0, 0, 0),
            bold=bold,
            align="center",
            valign="center",
            wrap_text=False,
        )
        return r

    def _halo_label(
        self,
        surf: pygame.Surface,
        msg: str,
        center: tuple[int, int],
        size: int,
        colour: Colour,
        bold: bool,
    ) -> pygame.Rect:
        img = text.fonts.render(msg, size, colour, bold)
        halo = text.fonts.render(msg, size, (255, 255, 255), bold)
        r = img.get_rect(center=center)
        r.clamp_ip(surf.get_rect().inflate(-4, -4))
        for dx, dy in ((-2, 0), (2, 0), (0, -2), (0, 2), (-1, -1), (1, 1), (-1, 1), (1, -1)):
            surf.blit(halo, r.move(dx, dy))
        surf.blit(img, r)
        return r

    def _labels(
        self,
        surf: pygame.Surface,
        paint: Paint,
        off: tuple[int, int],
        cells: dict[str, tuple[str, float, str | None, str]],
        names: dict[str, str],
        styles: dict[str, tuple[Colour, str, str]],
    ) -> None:
        fm = self.fitted
        th = current()
        area = surf.get_rect()
        area.w -= STRIP_W
        # neighbours and the sea: quiet labels, only where they are well inside the view;
        # a neighbour that is also a partner gets its letter, as in the legend
        for fid in fm.labels:
            f = fm.layer.features[fid]
            if f.kind == "state":
                continue
            label: str = names.get(fid) or f.name
            bold = fid in styles
            if bold:
                label = f"{label} ({styles[fid][1]})"
            w = text.width(label, SIZE.SMALL, bold) + 6
            at = self.neighbour_anchor(fid, w, text.line_height(SIZE.SMALL))
            if at is None:
                continue
            p = (at[0] + off[0], at[1] + off[1])
            self._halo_label(surf, label, p, SIZE.SMALL, th.ink if bold else th.ink_soft, bold)
        self.label_rects = {}
        for fid, (lx, ly) in fm.labels.items():
            f = fm.layer.features[fid]
            if f.kind != "state":
                continue
            p = (int(lx + off[0]), int(ly + off[1]))
            # ISO codes: full names of the small states would collide (the panel names them)
            r1 = self._halo_label(surf, fid, (p[0], p[1] - 12), SIZE.SMALL, (0, 0, 0), True)
            rects = [r1]
            cell = cells.get(fid)
            if cell and cell[3]:
                rects.append(self._badge(surf, cell[3], (p[0], p[1] + 16)))
            u = rects[0].unionall(rects[1:]) if len(rects) > 1 else rects[0]
            self.label_rects[fid] = u.move(-off[0], -off[1])

    def _inset(
        self,
        surf: pygame.Surface,
        paint: Paint,
        styles: dict[str, tuple[Colour, str, str]],
        off: tuple[int, int],
    ) -> None:
        th = current()
        pygame.draw.rect(surf, th.panel_alt, self.strip_rect.move(off))
        pygame.draw.line(
            surf,
            th.border,
            self.strip_rect.move(off).topleft,
            self.strip_rect.move(off).bottomleft,
            1,
        )
        r = self.inset_rect.move(off)
        pygame.draw.rect(surf, th.sea, r)
        fm = self.inset
        for fid in fm.draw_order():
            colour = th.neighbour
            hatch = None
            if fid in styles and paint.mode_kind == "partner":
                colour = mix((255, 255, 255), styles[fid][0], 0.8)
                hatch = styles[fid][2] if paint.patterns else None
            for p in fm.polygons[fid]:
                pts = [(x + off[0], y + off[1]) for x, y in p[0]]
                pygame.draw.polygon(surf, colour, pts)
                if hatch and hatch != "none":
                    self._hatch(surf, pts, hatch, ink_on(colour))
            for ring in fm.rings(fid):
                pygame.draw.lines(
                    surf, th.state_outline, True, [(x + off[0], y + off[1]) for x, y in ring], 1
                )
        pygame.draw.rect(surf, (255, 255, 255), pygame.Rect(r.x, r.y, r.w, 30))
        label = tr("map.inset_japan")
        if "JPN" in styles:
            label += f" ({styles['JPN'][1]})"
        text.draw(
            surf,
            label,
            pygame.Rect(r.x + 6, r.y, r.w - 12, 30),
            SIZE.SMALL,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        pygame.draw.rect(surf, th.border, r, 2)
