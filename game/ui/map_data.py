"""Map geometry for the strategy map: the world asset, projected and framed for a scenario.

Pure Python + numpy; no pygame. The committed asset ``assets/map/world.json`` (built by
``tools/build_map.py`` from Natural Earth 1:50m admin-0, public domain) holds every country of
the world in longitude/latitude, as shared arcs of integers. Nothing in it is specific to a
region: ``region_map`` projects and frames it when a scenario's map screen opens.

Framing (``region_map(spec)``; ``spec_for(scenario)`` builds the spec from the ``map:`` section):

- the *focus* is the main part of each focus country (default: the scenario's states; far-flung
  islands and exclaves are left out of the frame, not off the map), plus every state;
- the projection is a spherical Lambert conformal conic centred on the focus, with standard
  parallels at 1/6 and 5/6 of its latitudes (Mercator, the cone's limit, when the focus straddles
  the equator; mirrored for southern regions), so shapes are right at any latitude;
- each ``show`` country is brought into the frame (at least its nearest part);
- the frame keeps land on every side (the focus box grown by its larger side), so any window
  shape is filled; polygons are clipped to it;
- powers whose country is not visibly in the frame get an *inset*, each in its own projection
  (``map: insets:`` lists them instead).

Coordinates are kilometres on the projection plane, y down, origin at the frame's top-left.
``MapLayer.fit`` and ``MapLayer.transform`` map them to a screen rectangle.

Typical use::

    layer = region_map(spec_for(scenario))
    fitted = layer.fit(600, 380, x=8, y=52)               # focus box fitted in the rectangle
    for fid, polys in fitted.polygons.items(): ...        # [[ring, hole...], ...] in pixels
    fid = fitted.hit_test(mx, my)                          # "KAZ" or None
    for inset in layer.insets: inset.fit(160, 100, ...)   # "JPN" ...

Hit-testing uses an even-odd crossing test over all edges in one numpy pass.

The asset is read through ``kit.files.read_json`` (an ordinary file, at most ``MAX_ASSET_BYTES``,
nesting at most ``MAX_ASSET_DEPTH``); a missing or damaged asset is one ``MapProblem``, whose
words say what is wrong. ``scenario_map`` catches it and gives an empty map carrying the
problem (``RegionMap.problem``), so the map screen draws the message where the map would be and
the game goes on without it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np

from ..data import asset
from ..kit import files

#: the world asset (``assets/map/world.json`` in a checkout, ``game/data/assets`` in a wheel)
ASSET = asset("map", "world.json")

KIND_PRIORITY = {"state": 0, "country": 1, "sea": 2}
EARTH_RADIUS_KM = 6371.0
#: padding of the focus box, as a share of its size on each side
FOCUS_PAD = 0.03
#: the frame (what is projected and kept) is the focus box grown by this many times its larger
#: side on every side, so a window of any shape up to 3:1 shows land, not blank paper
FRAME_GROW = 1.0
#: a part of a country belongs to its "main part" when it lies within this share of the largest
#: part's diagonal from that part's shore (Hokkaido, Kyushu and Honshu; Corsica and France; not
#: Okinawa, Alaska, Hawaii or French Guiana), or, when it has at least BIG_PART of the largest
#: part's area, within that part's size of its box (the islands of an archipelago: Sumatra,
#: Java, Sulawesi with Borneo)
MAIN_PART_REACH = 0.1
BIG_PART = 0.2
#: a power is visible on the main map (no inset) when this share of the focus box is its land
VISIBLE_SHARE = 0.01

Point = tuple[float, float]
Ring = list[Point]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


#: the asset is about 0.3 MB and nests 6 deep: a file far larger or deeper is not the map
MAX_ASSET_BYTES = 16 << 20
MAX_ASSET_DEPTH = 8
#: what a damaged asset's message ends with
REINSTALL = "reinstall the game to restore it"


class MapProblem(Exception):
    """The world asset cannot be used (missing, damaged, not the map); ``str()`` says why in
    plain words, naming the file."""


# ---- the asset --------------------------------------------------------------------------------
def read_asset() -> dict[str, Any]:
    """The world asset as parsed JSON. The one place the file is read; ``MapProblem`` when it
    cannot be read."""
    try:
        raw = files.read_json(ASSET, MAX_ASSET_BYTES, max_depth=MAX_ASSET_DEPTH)
    except files.FileProblem as e:
        raise MapProblem(f"the map file {e}; {REINSTALL}") from None
    if not isinstance(raw, dict):
        raise MapProblem(f"the map file {ASSET} is not the world map; {REINSTALL}")
    return raw


@dataclass(frozen=True)
class Country:
    """One country: its rings in the world's flat arrays, and its label point (lon/lat)."""

    id: str
    label: Point  # pole of inaccessibility of the largest part
    rings: np.ndarray  # indices into World.ring_start, grouped by polygon, exteriors first
    polygons: tuple[tuple[int, ...], ...]  # per polygon: its ring indices (exterior first)


class World:
    """Every country of the asset in flat arrays (lon/lat degrees), its seas and credits.

    ``points[ring_start[r]:ring_start[r + 1]]`` is ring ``r`` (not closed); ``ring_box[r]`` its
    lon/lat bounding box; ``ring_country[r]`` the index of its country; ``ring_exterior[r]``
    whether it is a polygon's outer ring (the rings after it, up to the next exterior, are its
    holes)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        q = float(raw["quantum"])
        lengths = np.fromiter((len(a) // 2 for a in raw["arcs"]), dtype=np.intp)
        deltas = np.fromiter(chain.from_iterable(raw["arcs"]), dtype=np.int64).reshape(-1, 2)
        # each arc is its first point then differences: a running sum that restarts per arc
        total = np.cumsum(deltas, axis=0)
        arc_start = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        before = np.zeros_like(total)
        before[1:] = total[:-1]
        arc_points = (total - np.repeat(before[arc_start], lengths, axis=0)) * q
        starts = arc_start.tolist()
        ends = (arc_start + lengths).tolist()

        index: list[int] = []
        ring_start = [0]
        ring_country: list[int] = []
        ring_exterior: list[bool] = []
        self.countries: dict[str, Country] = {}
        for ci, c in enumerate(raw["countries"]):
            first = len(ring_country)
            polys = []
            for poly in c["polygons"]:
                ids = []
                for k, refs in enumerate(poly):
                    n0 = len(index)
                    for j, r in enumerate(refs):
                        a, b = (starts[r], ends[r]) if r >= 0 else (starts[~r], ends[~r])
                        seq = range(a, b) if r >= 0 else range(b - 1, a - 1, -1)
                        index.extend(seq if j == 0 else seq[1:])
                    if len(index) - n0 > 1 and index[n0] == index[-1]:
                        index.pop()  # closed: drop the repeated first point
                    if len(index) - n0 < 3:
                        del index[n0:]
                        if k == 0:
                            break
                        continue
                    ids.append(len(ring_country))
                    ring_start.append(len(index))
                    ring_country.append(ci)
                    ring_exterior.append(k == 0)
                if ids:
                    polys.append(tuple(ids))
            label = (float(c["label"][0]), float(c["label"][1]))
            rings = np.arange(first, len(ring_country))
            self.countries[c["id"]] = Country(c["id"], label, rings, tuple(polys))
        self.points = arc_points[np.asarray(index, dtype=np.intp)]
        self.ring_start = np.asarray(ring_start, dtype=np.intp)
        # the source joins the halves of a country cut by the 180th meridian (Chukotka, Fiji)
        # with a jump of 360 degrees: undo the jumps so every ring is one continuous line
        lon = self.points[:, 0]
        jump = np.zeros_like(lon)
        jump[1:] = -360.0 * np.round(np.diff(lon) / 360.0)
        jump[self.ring_start[:-1]] = 0.0
        fix = np.cumsum(jump)
        lengths = np.diff(self.ring_start)
        lon += fix - np.repeat(fix[self.ring_start[:-1]], lengths)
        self.ring_country = np.asarray(ring_country, dtype=np.intp)
        self.ring_exterior = np.asarray(ring_exterior, dtype=bool)
        self.country_ids = [c["id"] for c in raw["countries"]]
        s = self.ring_start[:-1]
        self.ring_box = np.stack(
            [
                np.minimum.reduceat(self.points[:, 0], s),
                np.minimum.reduceat(self.points[:, 1], s),
                np.maximum.reduceat(self.points[:, 0], s),
                np.maximum.reduceat(self.points[:, 1], s),
            ],
            axis=1,
        )
        self.seas: list[tuple[str, dict[str, str], Point]] = [
            (s["id"], dict(s["names"]), (float(s["label"][0]), float(s["label"][1])))
            for s in raw["seas"]
        ]
        self.attribution: str = raw.get("attribution", "")
        self.about: str = raw.get("about", "")
        self.license: str = raw.get("license", "")
        self.source: dict[str, Any] = dict(raw.get("source", {}))
        self._main: dict[str, tuple[int, ...]] = {}

    def ring(self, r: int) -> np.ndarray:
        return self.points[self.ring_start[r] : self.ring_start[r + 1]]

    def main_part(self, cid: str) -> tuple[int, ...]:
        """The exterior rings of a country's main part: its largest polygon and the polygons
        near it (see ``MAIN_PART_REACH``): what its frame is fitted to."""
        if cid not in self._main:
            self._main[cid] = self._find_main_part(cid)
        return self._main[cid]

    def _find_main_part(self, cid: str) -> tuple[int, ...]:
        c = self.countries[cid]
        exts = [p[0] for p in c.polygons]
        if not exts:
            return ()
        areas = {r: _area_deg2(self.ring(r)) for r in exts}
        big = max(exts, key=lambda r: areas[r])
        x0, y0, x1, y1 = (float(v) for v in self.ring_box[big])
        k = math.cos(math.radians((y0 + y1) / 2))  # degrees of longitude -> of latitude
        shore = self.ring(big) * (k, 1.0)
        near = MAIN_PART_REACH * math.hypot((x1 - x0) * k, y1 - y0)
        out = []
        for r in exts:
            bx0, by0, bx1, by1 = (float(v) for v in self.ring_box[r])
            mx, my = (bx0 + bx1) / 2, (by0 + by1) / 2
            mx += 360.0 * round(((x0 + x1) / 2 - mx) / 360.0)
            half = math.hypot((bx1 - bx0) * k, by1 - by0) / 2
            gap = float(np.hypot(shore[:, 0] - mx * k, shore[:, 1] - my).min())
            if r == big or gap <= near + half:
                out.append(r)
            elif areas[r] >= BIG_PART * areas[big] and (
                2 * x0 - x1 <= mx <= 2 * x1 - x0 and 2 * y0 - y1 <= my <= 2 * y1 - y0
            ):
                out.append(r)  # a large island farther out: an archipelago
        return tuple(out)


@lru_cache(maxsize=1)
def load_world() -> World:
    """The world asset, read and decoded once per process; ``MapProblem`` when it is missing
    or damaged (a file that parses but does not hold what the map needs included)."""
    raw = read_asset()
    try:
        return World(raw)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, OverflowError) as e:
        raise MapProblem(
            f"the map file {ASSET} is damaged ({type(e).__name__}: {str(e)[:80]}); {REINSTALL}"
        ) from None


def _area_deg2(ring: np.ndarray) -> float:
    x = ring[:, 0] * math.cos(math.radians(float(ring[:, 1].mean())))
    y = ring[:, 1]
    return abs(float((x * np.roll(y, -1) - np.roll(x, -1) * y).sum())) / 2


# ---- projection -------------------------------------------------------------------------------
class Projection:
    """Spherical Lambert conformal conic (Snyder, *Map Projections*, eqs 15-1..15-4), in km.

    Southern regions are projected mirrored (north up stays up). When the cone would be nearly
    flat (standard parallels either side of the equator), it is Mercator, the cone's limit."""

    def __init__(self, lat1: float, lat2: float, lat0: float, lon0: float) -> None:
        self.south = lat0 < 0
        s = -1.0 if self.south else 1.0
        p1, p2, p0 = (math.radians(s * v) for v in (lat1, lat2, lat0))
        if p1 > p2:
            p1, p2 = p2, p1
        self.lon0 = lon0
        self.params = {"lat1": lat1, "lat2": lat2, "lat0": lat0, "lon0": lon0}
        if abs(p1 - p2) < 1e-9:
            n = math.sin(p1)
        else:
            n = math.log(math.cos(p1) / math.cos(p2)) / math.log(
                math.tan(math.pi / 4 + p2 / 2) / math.tan(math.pi / 4 + p1 / 2)
            )
        self.mercator = n < 0.02
        self.name = "mercator_sphere" if self.mercator else "lambert_conformal_conic_sphere"
        if self.mercator:
            self.k = math.cos(p1) if p1 > 0 else 1.0
            self.y0 = math.log(math.tan(math.pi / 4 + p0 / 2))
        else:
            self.n = n
            self.F = math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** n / n
            self.rho0 = self.F / math.tan(math.pi / 4 + p0 / 2) ** n

    def __call__(self, lonlat: np.ndarray) -> np.ndarray:
        """(n, 2) lon/lat degrees -> (n, 2) km on the plane, y north."""
        s = -1.0 if self.south else 1.0
        lam = np.radians(lonlat[:, 0] - self.lon0)
        phi = np.radians(np.clip(s * lonlat[:, 1], -85.0, 89.9))
        if self.mercator:
            x = self.k * lam
            y = self.k * (np.log(np.tan(np.pi / 4 + phi / 2)) - self.y0)
        else:
            rho = self.F / np.tan(np.pi / 4 + phi / 2) ** self.n
            theta = self.n * lam
            x = rho * np.sin(theta)
            y = self.rho0 - rho * np.cos(theta)
        return np.stack([x, s * y], axis=1) * EARTH_RADIUS_KM


def _projection_for(lon0: float, lon1: float, lat0: float, lat1: float) -> Projection:
    span = lat1 - lat0
    return Projection(lat0 + span / 6, lat1 - span / 6, (lat0 + lat1) / 2, (lon0 + lon1) / 2)


# ---- clipping ---------------------------------------------------------------------------------
def _clip_edge(p: np.ndarray, axis: int, bound: float, keep_above: bool) -> np.ndarray:
    """One Sutherland-Hodgman pass against an axis-parallel line, vectorised."""
    v = p[:, axis]
    inside = v >= bound if keep_above else v <= bound
    if inside.all():
        return p
    if not inside.any():
        return p[:0]
    q = np.roll(p, -1, axis=0)
    q_in = np.roll(inside, -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (bound - v) / (q[:, axis] - v)
        cross = p + t[:, None] * (q - p)
    cross[:, axis] = bound
    out = np.stack([p, cross], axis=1)
    mask = np.stack([inside, inside != q_in], axis=1)
    return out[mask]


def clip_ring(ring: np.ndarray, box: Box) -> np.ndarray:
    """The part of a ring inside an axis-aligned box (for filling; may have edges on the box)."""
    x0, y0, x1, y1 = box
    if (
        ring[:, 0].min() >= x0
        and ring[:, 0].max() <= x1
        and ring[:, 1].min() >= y0
        and ring[:, 1].max() <= y1
    ):
        return ring
    for axis, bound, above in ((0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)):
        ring = _clip_edge(ring, axis, bound, above)
        if len(ring) < 3:
            return ring[:0]
    return ring


def _ring_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return abs(float((x * np.roll(y, -1) - np.roll(x, -1) * y).sum())) / 2


# ---- layers -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Feature:
    """One country (or a sea's label) in logical coordinates."""

    id: str
    kind: str  # "state" | "country" | "sea"
    label: Point
    bbox: Box
    # polygons[i] = (exterior, hole, hole, ...); each ring an (n, 2) float array, not closed
    polygons: tuple[tuple[np.ndarray, ...], ...] = field(repr=False)

    @property
    def is_state(self) -> bool:
        return self.kind == "state"


@dataclass(frozen=True)
class Transform:
    """Logical frame -> screen pixels: ``px = x * scale + dx``, ``py = y * scale + dy``."""

    scale: float
    dx: float
    dy: float

    def to_screen(self, x: float, y: float) -> Point:
        return (x * self.scale + self.dx, y * self.scale + self.dy)

    def to_logical(self, px: float, py: float) -> Point:
        return ((px - self.dx) / self.scale, (py - self.dy) / self.scale)


class _HitIndex:
    """All edges of all rings in flat arrays, for a vectorised crossing test."""

    def __init__(self, features: list[Feature]) -> None:
        ordered = sorted(
            range(len(features)), key=lambda i: (KIND_PRIORITY.get(features[i].kind, 9), i)
        )
        self.feature_ids = [features[i].id for i in ordered]
        rings: list[np.ndarray] = []
        ring_poly: list[int] = []
        poly_feature: list[int] = []
        poly_bbox: list[Box] = []
        for rank, fi in enumerate(ordered):
            for poly in features[fi].polygons:
                pidx = len(poly_feature)
                poly_feature.append(rank)
                ext = poly[0]
                poly_bbox.append(
                    (ext[:, 0].min(), ext[:, 1].min(), ext[:, 0].max(), ext[:, 1].max())
                )
                rings += poly
                ring_poly += [pidx] * len(poly)
        lengths = np.fromiter((len(r) for r in rings), dtype=np.intp, count=len(rings))
        pts = np.concatenate(rings) if rings else np.zeros((0, 2))
        nxt = np.arange(1, len(pts) + 1)
        ends = np.cumsum(lengths)
        nxt[ends - 1] = ends - lengths  # each ring's last point joins its first
        self.x1, self.y1 = pts[:, 0], pts[:, 1]
        self.x2, self.y2 = (
            pts[nxt, 0] if len(pts) else pts[:, 0],
            pts[nxt, 1] if len(pts) else pts[:, 1],
        )
        dy = self.y2 - self.y1
        # slope dx/dy; horizontal edges never count (their y-straddle test is False)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.inv_slope = np.where(dy != 0, (self.x2 - self.x1) / np.where(dy != 0, dy, 1), 0.0)
        self.poly_of_edge = np.repeat(np.asarray(ring_poly, dtype=np.intp), lengths)
        self.poly_feature = np.asarray(poly_feature, dtype=np.intp)
        self.poly_bbox = np.asarray(poly_bbox, dtype=float).reshape(-1, 4)
        self.n_polys = len(poly_feature)

    def hit(self, x: float, y: float) -> str | None:
        b = self.poly_bbox
        cand = (b[:, 0] <= x) & (x <= b[:, 2]) & (b[:, 1] <= y) & (y <= b[:, 3])
        if not cand.any():
            return None
        emask = cand[self.poly_of_edge]
        y1 = self.y1[emask]
        y2 = self.y2[emask]
        straddle = (y1 > y) != (y2 > y)
        xint = self.x1[emask] + (y - y1) * self.inv_slope[emask]
        crosses = straddle & (x < xint)
        counts = np.bincount(self.poly_of_edge[emask][crosses], minlength=self.n_polys)
        inside = np.flatnonzero(counts & 1)
        if inside.size == 0:
            return None
        return self.feature_ids[int(self.poly_feature[inside].min())]


class MapLayer:
    """Features in one frame (the main map, or an inset) and the box to fit on screen."""

    def __init__(
        self,
        width: float,
        height: float,
        features: list[Feature],
        focus: Box,
        projection: Projection,
        id: str = "",
    ) -> None:
        self.id = id
        self.width = float(width)
        self.height = float(height)
        self.focus = focus
        self.projection = projection
        self.km_per_unit = 1.0
        self.features: dict[str, Feature] = {f.id: f for f in features}
        self._index = _HitIndex([f for f in features if f.polygons])

    # -- queries in logical coordinates ---------------------------------
    def ids(self, kind: str | None = None) -> list[str]:
        return [f.id for f in self.features.values() if kind is None or f.kind == kind]

    def hit_test(self, x: float, y: float) -> str | None:
        """Feature id at logical point (x, y), or None (the sea). States win over others."""
        if not (0.0 <= x <= self.width and 0.0 <= y <= self.height):
            return None
        return self._index.hit(float(x), float(y))

    def contains(self, fid: str, x: float, y: float) -> bool:
        """Even-odd point-in-polygon for one feature (logical coordinates)."""
        f = self.features[fid]
        x0, y0, x1, y1 = f.bbox
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        return any(_point_in_polygon(poly, x, y) for poly in f.polygons)

    def label_positions(self) -> dict[str, Point]:
        return {fid: f.label for fid, f in self.features.items()}

    # -- fitting to the screen ------------------------------------------
    def transform(
        self, rect_w: float, rect_h: float, margin: float = 0.0, x: float = 0.0, y: float = 0.0
    ) -> Transform:
        """Uniform scale that fits the focus box into the rectangle, centred."""
        fx0, fy0, fx1, fy1 = self.focus
        fw, fh = max(1e-9, fx1 - fx0), max(1e-9, fy1 - fy0)
        avail_w = max(1.0, rect_w - 2 * margin)
        avail_h = max(1.0, rect_h - 2 * margin)
        scale = min(avail_w / fw, avail_h / fh)
        dx = x + (rect_w - fw * scale) / 2 - fx0 * scale
        dy = y + (rect_h - fh * scale) / 2 - fy0 * scale
        return Transform(scale, dx, dy)

    def fit(
        self, rect_w: float, rect_h: float, margin: float = 0.0, x: float = 0.0, y: float = 0.0
    ) -> FittedMap:
        """Polygons and labels in screen pixels for the rectangle (x, y, rect_w, rect_h); the
        features wholly outside it are left out."""
        return FittedMap(self, self.transform(rect_w, rect_h, margin, x, y), (x, y, rect_w, rect_h))


class RegionMap(MapLayer):
    """The main map of a scenario plus its insets and the credits; ``problem`` is why it is
    empty ('' for a real map: see ``scenario_map``)."""

    problem = ""

    def __init__(
        self, layer: MapLayer, insets: list[MapLayer], world: World, spec: MapSpec
    ) -> None:
        super().__init__(
            layer.width,
            layer.height,
            list(layer.features.values()),
            layer.focus,
            layer.projection,
            layer.id,
        )
        self.insets = insets
        self.spec = spec
        self.attribution = world.attribution
        self.about = world.about
        self.source = world.source


class FittedMap:
    """A layer transformed to one screen rectangle (``view``: x, y, w, h; features wholly
    outside it are left out). Recompute on resize only."""

    def __init__(
        self, layer: MapLayer, transform: Transform, view: tuple[float, float, float, float]
    ) -> None:
        self.layer = layer
        self.transform = transform
        s, dx, dy = transform.scale, transform.dx, transform.dy
        vx, vy, vw, vh = view
        self.polygons: dict[str, list[list[Ring]]] = {}
        self.labels: dict[str, Point] = {}
        for fid, f in layer.features.items():
            x0, y0 = transform.to_screen(f.bbox[0], f.bbox[1])
            x1, y1 = transform.to_screen(f.bbox[2], f.bbox[3])
            if f.polygons and (x1 < vx or x0 > vx + vw or y1 < vy or y0 > vy + vh):
                continue
            self.polygons[fid] = [
                [list(map(tuple, (ring * s + (dx, dy)).tolist())) for ring in poly]
                for poly in f.polygons
            ]
            self.labels[fid] = transform.to_screen(*f.label)
        self.rect = (dx, dy, layer.width * s, layer.height * s)  # frame on screen

    @property
    def scale(self) -> float:
        return self.transform.scale

    @property
    def km_per_pixel(self) -> float:
        return self.layer.km_per_unit / self.transform.scale

    def hit_test(self, px: float, py: float) -> str | None:
        return self.layer.hit_test(*self.transform.to_logical(px, py))

    def draw_order(self) -> list[str]:
        """Ids in paint order: other countries, then states on top (seas have no shape)."""
        return sorted(
            (fid for fid, polys in self.polygons.items() if polys),
            key=lambda fid: -KIND_PRIORITY.get(self.layer.features[fid].kind, 9),
        )

    def rings(self, fid: str) -> Iterable[Ring]:
        """Every ring (exteriors and holes) of a feature, e.g. for outlines."""
        for poly in self.polygons[fid]:
            yield from poly


def _point_in_polygon(poly: tuple[np.ndarray, ...], x: float, y: float) -> bool:
    crossings = 0
    for ring in poly:
        x1, y1 = ring[:, 0], ring[:, 1]
        x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
        straddle = (y1 > y) != (y2 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            xint = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        crossings += int(np.count_nonzero(straddle & (x < xint)))
    return crossings % 2 == 1


# ---- framing ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class MapSpec:
    """What a scenario's map must show (``spec_for`` reads it from the scenario)."""

    states: tuple[str, ...] = ()  # the scenario's states that are countries on the map
    focus: tuple[str, ...] = ()  # framed wholly (their main part); default: the states
    show: tuple[str, ...] = ()  # on the main map at least in part, never in an inset
    insets: tuple[str, ...] | None = None  # None: the far-away powers, automatically
    powers: tuple[str, ...] = ()  # the scenario's powers that are countries on the map


#: the game's home region, framed when a scenario names no country at all
DEFAULT_FOCUS = ("KAZ", "KGZ", "TJK", "TKM", "UZB")


def spec_for(scenario: Any) -> MapSpec:
    """The map spec of a loaded scenario: its states and powers that are countries on the map
    (their ids are ISO 3166-1 alpha-3 codes) and its ``map:`` section."""
    known = load_world().countries
    states = tuple(a.id for a in scenario.states if a.id in known)
    powers = tuple(a.id for a in scenario.powers if a.id in known)
    m = getattr(scenario, "map", None)
    if m is None:
        return MapSpec(states=states, powers=powers)
    return MapSpec(
        states=states,
        focus=tuple(c for c in m.focus if c in known),
        show=tuple(c for c in m.show if c in known),
        insets=None if m.insets is None else tuple(c for c in m.insets if c in known),
        powers=powers,
    )


def _bbox(rings: Iterable[np.ndarray]) -> Box | None:
    rs = [r for r in rings if len(r)]
    if not rs:
        return None
    return (
        min(float(r[:, 0].min()) for r in rs),
        min(float(r[:, 1].min()) for r in rs),
        max(float(r[:, 0].max()) for r in rs),
        max(float(r[:, 1].max()) for r in rs),
    )


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _grow(b: Box, fx: float, fy: float | None = None) -> Box:
    w, h = b[2] - b[0], b[3] - b[1]
    gx, gy = w * fx, h * (fx if fy is None else fy)
    return (b[0] - gx, b[1] - gy, b[2] + gx, b[3] + gy)


def _ref_lon(world: World, ids: Sequence[str]) -> float:
    """The mean longitude of the countries' main parts, on the circle."""
    boxes = world.ring_box[[r for cid in ids for r in world.main_part(cid)]]
    if not len(boxes):
        return 0.0
    a = np.radians((boxes[:, 0] + boxes[:, 2]) / 2)
    return math.degrees(math.atan2(float(np.sin(a).sum()), float(np.cos(a).sum())))


def _frame_layer(
    world: World,
    focus_ids: Sequence[str],
    states: Sequence[str],
    show: Sequence[str],
    layer_id: str = "",
    grow: float = FRAME_GROW,
) -> MapLayer:
    """Project and frame the world around ``focus_ids`` (see the module docstring)."""
    ref = _ref_lon(world, focus_ids)
    # every ring moved by whole turns to lie nearest the focus (never cut: moved as a whole)
    box = world.ring_box
    turns = np.round((ref - (box[:, 0] + box[:, 2]) / 2) / 360.0) * 360.0
    lengths = np.diff(world.ring_start)
    lonlat = world.points + np.stack([np.repeat(turns, lengths), np.zeros(len(world.points))], 1)
    shifted = box + np.stack([turns, np.zeros_like(turns), turns, np.zeros_like(turns)], 1)
    main = [r for cid in focus_ids for r in world.main_part(cid)]
    lon0, lat0 = shifted[main, 0].min(), shifted[main, 1].min()
    lon1, lat1 = shifted[main, 2].max(), shifted[main, 3].max()
    proj = _projection_for(float(lon0), float(lon1), float(lat0), float(lat1))
    xy = proj(lonlat)
    starts = world.ring_start[:-1]
    pbox = np.stack(
        [
            np.minimum.reduceat(xy[:, 0], starts),
            np.minimum.reduceat(xy[:, 1], starts),
            np.maximum.reduceat(xy[:, 0], starts),
            np.maximum.reduceat(xy[:, 1], starts),
        ],
        axis=1,
    )
    focus: Box = tuple(  # type: ignore[assignment]
        float(v)
        for v in (
            pbox[main, 0].min(),
            pbox[main, 1].min(),
            pbox[main, 2].max(),
            pbox[main, 3].max(),
        )
    )
    # show: bring at least the nearest part of each into the focus box
    for cid in show:
        pts = np.concatenate([_slice(xy, world, r) for r in world.countries[cid].rings])
        inside = (
            (pts[:, 0] >= focus[0])
            & (pts[:, 0] <= focus[2])
            & (pts[:, 1] >= focus[1])
            & (pts[:, 1] <= focus[3])
        )
        if not inside.any():
            cx, cy = (focus[0] + focus[2]) / 2, (focus[1] + focus[3]) / 2
            near = pts[int(np.argmin(np.hypot(pts[:, 0] - cx, pts[:, 1] - cy)))]
            focus = _union(focus, (float(near[0]), float(near[1])) * 2)
    focus = _grow(focus, FOCUS_PAD)
    side = max(focus[2] - focus[0], focus[3] - focus[1]) * grow
    frame = (focus[0] - side, focus[1] - side, focus[2] + side, focus[3] + side)

    width, height = frame[2] - frame[0], frame[3] - frame[1]
    # from here on, logical coordinates: x from the frame's left, y down from its top
    log = np.stack([xy[:, 0] - frame[0], frame[3] - xy[:, 1]], axis=1)
    lbox = np.stack(
        [
            pbox[:, 0] - frame[0],
            frame[3] - pbox[:, 3],
            pbox[:, 2] - frame[0],
            frame[3] - pbox[:, 1],
        ],
        axis=1,
    )
    view: Box = (0.0, 0.0, width, height)

    def logical(p: np.ndarray) -> np.ndarray:
        q = proj(p)
        return np.stack([q[:, 0] - frame[0], frame[3] - q[:, 1]], axis=1)

    # rings: wholly outside the frame are dropped, wholly inside kept, the rest clipped; a ring
    # that reaches round the far side of the globe is first cut there, in lon/lat
    out = (lbox[:, 2] < 0) | (lbox[:, 0] > width) | (lbox[:, 3] < 0) | (lbox[:, 1] > height)
    wrap = (shifted[:, 0] < ref - 179.9) | (shifted[:, 2] > ref + 179.9)
    whole = (
        (lbox[:, 0] >= 0)
        & (lbox[:, 2] <= width)
        & (lbox[:, 1] >= 0)
        & (lbox[:, 3] <= height)
        & ~wrap
    )
    window = (ref - 179.9, -89.9, ref + 179.9, 89.9)
    labels = logical(
        np.array([[_near_lon(c.label[0], ref), c.label[1]] for c in world.countries.values()])
    )
    state_set = set(states)
    features: list[Feature] = []
    for ci, (cid, c) in enumerate(world.countries.items()):
        if out[c.rings].all():
            continue
        polys = []
        boxes = []
        for poly in c.polygons:
            rings: list[np.ndarray] = []
            for r in poly:
                if out[r]:
                    ring = log[:0]
                elif whole[r]:
                    ring = _slice(log, world, r)
                else:
                    ring = _slice(lonlat, world, r)
                    if wrap[r]:
                        ring = clip_ring(ring, window)
                    ring = clip_ring(logical(ring), view) if len(ring) >= 3 else ring[:0]
                if len(ring) < 3:
                    if r == poly[0]:
                        break  # no exterior, no holes
                    continue
                if not rings:
                    boxes.append(lbox[r] if whole[r] else _bbox([ring]))
                rings.append(ring)
            if rings:
                polys.append(tuple(rings))
        if polys:
            b = np.asarray(boxes, dtype=float)
            bounds = (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
            kind = "state" if cid in state_set else "country"
            label = (float(labels[ci, 0]), float(labels[ci, 1]))
            features.append(Feature(cid, kind, label, _floats(bounds), tuple(polys)))
    for sid, _names, (lon, lat) in world.seas:
        p = logical(np.array([[_near_lon(lon, ref), lat]]))[0]
        if 0 <= p[0] <= width and 0 <= p[1] <= height:
            features.append(Feature(sid, "sea", (float(p[0]), float(p[1])), (0, 0, 0, 0), ()))
    fx0, fy0, fx1, fy1 = focus
    return MapLayer(
        width,
        height,
        features,
        (fx0 - frame[0], frame[3] - fy1, fx1 - frame[0], frame[3] - fy0),
        proj,
        layer_id,
    )


def _floats(b: Any) -> Box:
    return (float(b[0]), float(b[1]), float(b[2]), float(b[3]))


def _slice(a: np.ndarray, world: World, r: int) -> np.ndarray:
    return a[world.ring_start[r] : world.ring_start[r + 1]]


def _near_lon(lon: float, ref: float) -> float:
    return lon + 360.0 * round((ref - lon) / 360.0)


def _land_share(layer: MapLayer, cid: str) -> float:
    """The share of the layer's focus box covered by the country."""
    f = layer.features.get(cid)
    if f is None:
        return 0.0
    box = layer.focus
    area = 0.0
    for poly in f.polygons:
        ext = clip_ring(poly[0], box)
        if len(ext) >= 3:
            area += _ring_area(ext)
        for hole in poly[1:]:
            h = clip_ring(hole, box)
            if len(h) >= 3:
                area -= _ring_area(h)
    return area / max(1e-9, (box[2] - box[0]) * (box[3] - box[1]))


@lru_cache(maxsize=8)
def region_map(spec: MapSpec) -> RegionMap:
    """The scenario's map: projected, framed and with its insets (cached per spec)."""
    world = load_world()
    focus = tuple(dict.fromkeys((*(spec.focus or spec.states), *spec.states)))
    if not focus:
        focus = spec.powers or DEFAULT_FOCUS
    main = _frame_layer(world, focus, spec.states, spec.show)
    if spec.insets is not None:
        inset_ids = [c for c in spec.insets if c not in focus]
    else:
        inset_ids = [
            c
            for c in spec.powers
            if c not in focus and c not in spec.show and _land_share(main, c) < VISIBLE_SHARE
        ]
    insets = [_frame_layer(world, (c,), (), (), c, grow=0.5) for c in inset_ids]
    return RegionMap(main, insets, world, spec)


def load_map(scenario: Any = None) -> RegionMap:
    """The map of a scenario (the game's home region without one); ``MapProblem`` when the
    world asset cannot be used."""
    if scenario is None:
        return region_map(MapSpec(states=DEFAULT_FOCUS))
    return region_map(spec_for(scenario))


class BlankMap(RegionMap):
    """No map: an empty frame carrying why (``problem``); the map screen shows the words."""

    def __init__(self, problem: str) -> None:
        box = (0.0, 0.0, 1000.0, 600.0)
        MapLayer.__init__(self, 1000.0, 600.0, [], box, Projection(30.0, 50.0, 40.0, 70.0))
        self.insets = []
        self.spec = MapSpec()
        self.attribution = self.about = ""
        self.source = {}
        self.problem = problem


def scenario_map(scenario: Any = None) -> RegionMap:
    """``load_map``, or, when the world asset cannot be used, a ``BlankMap`` saying why: the
    game is played without the map rather than not at all."""
    try:
        return load_map(scenario)
    except MapProblem as e:
        return BlankMap(str(e))
