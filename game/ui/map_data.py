"""Map geometry for the strategy map: load, fit to a rectangle, hit-test.

Pure Python + numpy; no pygame. Reads the committed asset
``assets/map/central_asia.json`` (built by ``tools/build_map.py`` from
Natural Earth 1:110m, public domain). Coordinates in the asset are in a
*logical frame* (``frame.width`` x ``frame.height``, y down) produced by a
Lambert conformal conic projection; Japan is a separate inset layer with its
own frame and scale.

Typical use::

    data = load_map()
    fitted = data.fit(900, 560, margin=8, x=40, y=80)   # screen rectangle
    for fid, polys in fitted.polygons.items():          # polys: [[ring, hole...], ...]
        ...                                              # ring: [(x, y), ...] in pixels
    fid = fitted.hit_test(mx, my)                        # "KAZ", "CASPIAN" or None
    jp = data.inset.fit(160, 160, margin=4, x=..., y=...)

Hit-testing uses an even-odd crossing test over all edges in one numpy pass
(≈800 edges; tens of microseconds). Features are tried in priority order:
states, then water, then neighbours.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..data import asset

DEFAULT_PATH = asset("map", "central_asia.json")

KIND_PRIORITY = {"state": 0, "water": 1, "neighbour": 2}

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True)
class Feature:
    """One country or water body in logical-frame coordinates."""

    id: str
    name: str
    kind: str  # "state" | "neighbour" | "water"
    label: Point
    bbox: tuple[float, float, float, float]
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
        x1s, y1s, x2s, y2s, poly_of_edge = [], [], [], [], []
        poly_feature: list[int] = []
        poly_bbox: list[tuple[float, float, float, float]] = []
        ordered = sorted(
            range(len(features)), key=lambda i: (KIND_PRIORITY.get(features[i].kind, 9), i)
        )
        self.feature_ids = [features[i].id for i in ordered]
        for rank, fi in enumerate(ordered):
            for poly in features[fi].polygons:
                pidx = len(poly_feature)
                poly_feature.append(rank)
                ext = poly[0]
                poly_bbox.append(
                    (ext[:, 0].min(), ext[:, 1].min(), ext[:, 0].max(), ext[:, 1].max())
                )
                for ring in poly:
                    nxt = np.roll(ring, -1, axis=0)
                    x1s.append(ring[:, 0])
                    y1s.append(ring[:, 1])
                    x2s.append(nxt[:, 0])
                    y2s.append(nxt[:, 1])
                    poly_of_edge.append(np.full(len(ring), pidx, dtype=np.intp))
        self.x1 = np.concatenate(x1s)
        self.y1 = np.concatenate(y1s)
        self.x2 = np.concatenate(x2s)
        self.y2 = np.concatenate(y2s)
        dy = self.y2 - self.y1
        # slope dx/dy; horizontal edges never count (their y-straddle test is False)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.inv_slope = np.where(dy != 0, (self.x2 - self.x1) / np.where(dy != 0, dy, 1), 0.0)
        self.poly_of_edge = np.concatenate(poly_of_edge)
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
    """A set of features in one logical frame (the main map, or the Japan inset)."""

    def __init__(self, frame: dict, features: list[Feature]) -> None:
        self.width = float(frame["width"])
        self.height = float(frame["height"])
        self.km_per_unit = float(frame.get("km_per_unit", 0.0))
        self.projection = dict(frame.get("projection", {}))
        self.features: dict[str, Feature] = {f.id: f for f in features}
        self._index = _HitIndex(features)

    # -- queries in logical coordinates ---------------------------------
    def ids(self, kind: str | None = None) -> list[str]:
        return [f.id for f in self.features.values() if kind is None or f.kind == kind]

    def hit_test(self, x: float, y: float) -> str | None:
        """Feature id at logical point (x, y), or None. States win over others."""
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
        """Uniform scale that fits the frame into the rectangle, centred."""
        avail_w = max(1.0, rect_w - 2 * margin)
        avail_h = max(1.0, rect_h - 2 * margin)
        scale = min(avail_w / self.width, avail_h / self.height)
        dx = x + (rect_w - self.width * scale) / 2
        dy = y + (rect_h - self.height * scale) / 2
        return Transform(scale, dx, dy)

    def fit(
        self, rect_w: float, rect_h: float, margin: float = 0.0, x: float = 0.0, y: float = 0.0
    ) -> FittedMap:
        """Polygons and labels in screen pixels for the rectangle (x, y, rect_w, rect_h)."""
        return FittedMap(self, self.transform(rect_w, rect_h, margin, x, y))


class MapData(MapLayer):
    """The main map plus the Japan inset and the credit/about texts."""

    def __init__(self, raw: dict, path: Path | None = None) -> None:
        super().__init__(raw["frame"], [_feature(d) for d in raw["features"]])
        self.path = path
        self.attribution: str = raw.get("attribution", "")
        self.about: str = raw.get("about", "")
        self.source: dict = dict(raw.get("source", {}))
        ins = raw["inset"]
        self.inset = MapLayer(ins["frame"], [_feature(d) for d in ins["features"]])
        self.inset_id: str = ins.get("id", "JPN")
        self.inset_note: str = ins.get("note", "")

    def fit_inset(
        self, rect_w: float, rect_h: float, margin: float = 0.0, x: float = 0.0, y: float = 0.0
    ) -> FittedMap:
        return self.inset.fit(rect_w, rect_h, margin, x, y)


class FittedMap:
    """A layer transformed to one screen rectangle. Recompute on resize only."""

    def __init__(self, layer: MapLayer, transform: Transform) -> None:
        self.layer = layer
        self.transform = transform
        s, dx, dy = transform.scale, transform.dx, transform.dy
        self.polygons: dict[str, list[list[Ring]]] = {}
        for fid, f in layer.features.items():
            self.polygons[fid] = [
                [list(map(tuple, (ring * s + (dx, dy)).tolist())) for ring in poly]
                for poly in f.polygons
            ]
        self.labels: dict[str, Point] = {
            fid: transform.to_screen(*f.label) for fid, f in layer.features.items()
        }
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
        """Ids in paint order: neighbours, water, then states on top."""
        return sorted(
            self.layer.features,
            key=lambda fid: -KIND_PRIORITY.get(self.layer.features[fid].kind, 9),
        )

    def rings(self, fid: str) -> Iterable[Ring]:
        """Every ring (exteriors and holes) of a feature, e.g. for outlines."""
        for poly in self.polygons[fid]:
            yield from poly


def _feature(d: dict) -> Feature:
    polys = tuple(
        tuple(np.asarray(ring, dtype=float).reshape(-1, 2) for ring in poly)
        for poly in d["polygons"]
    )
    return Feature(
        id=d["id"],
        name=d["name"],
        kind=d["kind"],
        label=(float(d["label"][0]), float(d["label"][1])),
        bbox=tuple(float(v) for v in d["bbox"]),  # type: ignore[arg-type]
        polygons=polys,
    )


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


@lru_cache(maxsize=4)
def _load_cached(path: str) -> MapData:
    p = Path(path)
    with p.open(encoding="utf-8") as fh:
        raw = json.load(fh)
    return MapData(raw, p)


def load_map(path: str | Path | None = None) -> MapData:
    """Load (once, cached per path) the map asset."""
    return _load_cached(str(Path(path) if path is not None else DEFAULT_PATH))
