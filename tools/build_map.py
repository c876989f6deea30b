"""Build the committed map asset ``assets/map/central_asia.json``.

Run by a developer, never by the game. The game only reads the JSON
(see ``game/ui/map_data.py``), so none of the packages below is a runtime
dependency.

Build-time dependencies, declared in ``pyproject.toml`` as the optional extra
``mapbuild``::

    [project.optional-dependencies]
    mapbuild = [
        "pyogrio==0.13.0",   # ships Natural Earth 1:110m admin-0 as a test fixture (data only)
        "pyshp>=2.3",        # pure-Python shapefile reader
        "shapely>=2.0",      # clipping, union, pole of inaccessibility
    ]

Build command (from the repository root)::

    .venv/bin/pip install -e ".[mapbuild]"   # or: pip install pyogrio==0.13.0 pyshp "shapely>=2"
    .venv/bin/python tools/build_map.py      # writes assets/map/central_asia.json

``--shp PATH`` reads another copy of ``naturalearth_lowres.shp`` (for example
the identical-schema one in the geopandas 0.14.4 wheel) instead of pyogrio's.

Source
    ``pyogrio/tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp`` inside
    the pyogrio 0.13.0 wheel: Natural Earth 1:110m admin-0 countries, copied
    from GeoPandas, public domain. pyogrio is *not imported*; only its files are
    located, so GDAL is never loaded. The version is pinned because a
    different vintage has slightly different vertices (and therefore a
    different asset).

Projection
    Spherical Lambert conformal conic, standard parallels 37N and 52N
    (the 1/6 rule for the 33..56N window), origin 45N 68E (the window
    centre). Conformal, so the shapes of the Central Asian states are
    right, and the parallels' curvature shows that this is a globe, not a
    sheet. No pyproj: the formulas are a dozen lines of ``math``. The main map
    is then clipped to the projected bounding rectangle of the lon 44..92E,
    lat 33..56N window, and scaled to a logical frame 1000 units wide with y
    pointing down (screen convention). Japan, which lies outside that
    window, is projected separately (LCC, parallels 33N/43N, origin 37N
    137E) into its own inset frame. Both frames record ``km_per_unit``
    so a scale bar can be drawn (the inset is not at the main map's scale).

Water
    The 1:110m admin-0 layer has no lakes, but the Caspian Sea is the hole
    enclosed by RUS, KAZ, TKM, IRN and AZE, so it is derived as the part of a
    box around it that no country covers. The Aral Sea and Lake Balkhash are
    not holes at this scale, so they are absent.

Simplification
    None is needed at 1:110m: coordinates are only rounded to 0.1 logical
    unit (1/10000 of the frame width). Rounding is identical for shared
    vertices, so neighbouring borders stay gap-free. The asset is ~16 KB.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import math
import sys
from pathlib import Path

try:
    import shapefile  # pyshp
    import shapely
    from shapely.geometry import MultiPolygon, Polygon, box, shape
    from shapely.ops import polylabel, unary_union
except ImportError as exc:  # pragma: no cover - developer tool
    sys.exit(
        f"tools/build_map.py needs the 'mapbuild' extra ({exc}); "
        "run: pip install pyogrio==0.13.0 pyshp 'shapely>=2'"
    )

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "assets" / "map" / "central_asia.json"
PYOGRIO_VERSION = "0.13.0"
FIXTURE = Path("tests", "fixtures", "naturalearth_lowres", "naturalearth_lowres.shp")

EARTH_RADIUS_KM = 6371.0
FRAME_WIDTH = 1000.0
ROUND = 1  # decimals of logical units

# Main map window (degrees) and projection.
WINDOW = (44.0, 33.0, 92.0, 56.0)  # lon_min, lat_min, lon_max, lat_max
PRECLIP = (30.0, 22.0, 108.0, 66.0)  # generous lon/lat pre-clip before projecting
MAIN_LCC = {"lat1": 37.0, "lat2": 52.0, "lat0": 45.0, "lon0": 68.0}
JAPAN_LCC = {"lat1": 33.0, "lat2": 43.0, "lat0": 37.0, "lon0": 137.0}
JAPAN_PRECLIP = (120.0, 20.0, 160.0, 50.0)
INSET_MARGIN = 0.04  # fraction of the inset's larger side added around Japan
CASPIAN_BOX = (45.0, 35.0, 57.0, 48.0)

STATES = {
    "KAZ": "Kazakhstan",
    "KGZ": "Kyrgyzstan",
    "TJK": "Tajikistan",
    "TKM": "Turkmenistan",
    "UZB": "Uzbekistan",
}
# Display names for neighbours; any other country that reaches into the
# frame is included too (so no blank land at the edges), with its NE name.
NEIGHBOURS = {
    "RUS": "Russia",
    "CHN": "China",
    "AFG": "Afghanistan",
    "IRN": "Iran",
    "MNG": "Mongolia",
    "PAK": "Pakistan",
    "AZE": "Azerbaijan",
    "IND": "India",
}
MIN_NEIGHBOUR_AREA = 50.0  # logical units^2; drops slivers at the frame edge

ATTRIBUTION = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com"
ABOUT = (
    "Borders are the Natural Earth 1:110m admin-0 lines, which follow de facto "
    "control ('on the ground'), simplified for a small-scale map. They are "
    "shown for orientation only and imply no endorsement by the game's "
    "authors. Several boundaries in and around the region are disputed or "
    "not fully demarcated (for example Kashmir, Aksai Chin, parts of the "
    "Fergana Valley and the legal status of the Caspian Sea). Small islands "
    "(such as the Southern Kurils) and small enclaves are not visible at this "
    "scale."
)


class LambertConic:
    """Spherical Lambert conformal conic (Snyder, Map Projections, eqs 15-1..15-4)."""

    def __init__(self, lat1: float, lat2: float, lat0: float, lon0: float) -> None:
        p1, p2, p0 = (math.radians(v) for v in (lat1, lat2, lat0))
        self.lon0 = math.radians(lon0)
        if abs(p1 - p2) < 1e-12:
            self.n = math.sin(p1)
        else:
            self.n = math.log(math.cos(p1) / math.cos(p2)) / math.log(
                math.tan(math.pi / 4 + p2 / 2) / math.tan(math.pi / 4 + p1 / 2)
            )
        self.F = math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** self.n / self.n
        self.rho0 = self.F / math.tan(math.pi / 4 + p0 / 2) ** self.n

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        """(lon, lat) degrees -> (x, y) in Earth radii, y north."""
        rho = self.F / math.tan(math.pi / 4 + math.radians(lat) / 2) ** self.n
        theta = self.n * (math.radians(lon) - self.lon0)
        return rho * math.sin(theta), self.rho0 - rho * math.cos(theta)


def locate_source(explicit: str | None) -> tuple[Path, str]:
    if explicit:
        return Path(explicit), f"file {Path(explicit).name}"
    spec = importlib.util.find_spec("pyogrio")  # locate only; never import GDAL
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pyogrio is not installed: pip install pyogrio==0.13.0 (or pass --shp PATH)")
    pkg = Path(next(iter(spec.submodule_search_locations)))
    shp = pkg / FIXTURE
    if not shp.exists():
        sys.exit(
            f"{shp} not found; this pyogrio does not ship the fixture (need {PYOGRIO_VERSION})"
        )
    try:
        from importlib.metadata import version

        ver = version("pyogrio")
    except Exception:  # pragma: no cover
        ver = "unknown"
    if ver != PYOGRIO_VERSION:
        print(
            f"warning: pyogrio {ver} installed, asset is pinned to {PYOGRIO_VERSION}",
            file=sys.stderr,
        )
    return shp, f"pyogrio {ver} wheel, pyogrio/{FIXTURE.as_posix()}"


def read_countries(shp: Path) -> dict[str, tuple[str, object]]:
    out: dict[str, tuple[str, object]] = {}
    reader = shapefile.Reader(str(shp))
    for sr in reader.iterShapeRecords():
        rec = sr.record.as_dict()
        iso, name = rec["iso_a3"], rec["name"]
        geom = shape(sr.shape.__geo_interface__)
        if iso in ("-99", "", None):
            iso = f"X_{name.upper().replace(' ', '_')[:12]}"
        if iso in out:  # merge duplicates, if any
            geom = unary_union([out[iso][1], geom])
        out[iso] = (name, geom)
    return out


def project_geom(geom, proj):
    return shapely.transform(geom, lambda c: _project_array(c, proj))


def _project_array(coords, proj):
    import numpy as np

    return np.array([proj(x, y) for x, y in coords]).reshape(-1, 2)


def polygons_of(geom) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [g for part in getattr(geom, "geoms", []) for g in polygons_of(part)]


class Frame:
    """Affine map from projected (Earth radii, y north) to logical units (y down)."""

    def __init__(self, bounds: tuple[float, float, float, float], width: float = FRAME_WIDTH):
        self.minx, self.miny, self.maxx, self.maxy = bounds
        self.scale = width / (self.maxx - self.minx)
        self.width = width
        self.height = round((self.maxy - self.miny) * self.scale, ROUND)

    def apply(self, geom):
        s, minx, maxy = self.scale, self.minx, self.maxy

        def f(c):
            import numpy as np

            out = np.empty_like(c)
            out[:, 0] = (c[:, 0] - minx) * s
            out[:, 1] = (maxy - c[:, 1]) * s
            return np.round(out, ROUND)

        return shapely.transform(geom, f)

    @property
    def km_per_unit(self) -> float:
        return EARTH_RADIUS_KM / self.scale


def ring_list(ring) -> list[list[float]]:
    coords = list(ring.coords)[:-1]  # drop the closing duplicate
    out: list[list[float]] = []
    for x, y in coords:
        pt = [round(x, ROUND), round(y, ROUND)]
        if not out or out[-1] != pt:
            out.append(pt)
    return out


def clean(geom):
    """Make valid after rounding and keep only areal parts."""
    geom = shapely.make_valid(geom)
    polys = [p for p in polygons_of(geom) if p.area > 0]
    return MultiPolygon(polys) if polys else Polygon()


def encode_polygons(geom, min_area: float = 0.0) -> list[list[list[list[float]]]]:
    polys = sorted(polygons_of(geom), key=lambda p: -p.area)
    out = []
    for p in polys:
        if p.area < min_area:
            continue
        rings = [ring_list(p.exterior)] + [ring_list(r) for r in p.interiors]
        rings = [r for r in rings if len(r) >= 3]
        if rings:
            out.append(rings)
    return out


def label_point(geom) -> list[float]:
    """Pole of inaccessibility of the largest part: always inside, visually central."""
    polys = polygons_of(geom)
    big = max(polys, key=lambda p: p.area)
    tol = max(0.2, math.sqrt(big.area) / 200)
    pt = polylabel(big, tolerance=tol)
    if not big.contains(pt):  # cannot normally happen; be safe
        pt = big.representative_point()
    return [round(pt.x, ROUND), round(pt.y, ROUND)]


def feature_record(fid, name, kind, geom, min_area=0.0):
    polys = encode_polygons(geom, min_area)
    kept = MultiPolygon([Polygon(r[0], r[1:]) for r in polys])
    minx, miny, maxx, maxy = kept.bounds
    return {
        "id": fid,
        "name": name,
        "kind": kind,
        "label": label_point(kept),
        "bbox": [round(minx, ROUND), round(miny, ROUND), round(maxx, ROUND), round(maxy, ROUND)],
        "polygons": polys,
    }


def build(shp: Path, source_desc: str) -> dict:
    countries = read_countries(shp)
    for iso in list(STATES) + ["RUS", "CHN", "AFG", "IRN", "MNG", "JPN"]:
        if iso not in countries:
            sys.exit(f"{iso} missing from {shp}")

    # ---- main map -------------------------------------------------------
    proj = LambertConic(**MAIN_LCC)
    lon0, lat0, lon1, lat1 = WINDOW
    edge = [(lon0 + (lon1 - lon0) * i / 96, lat0) for i in range(97)]
    edge += [(lon1, lat0 + (lat1 - lat0) * i / 46) for i in range(47)]
    edge += [(lon1 - (lon1 - lon0) * i / 96, lat1) for i in range(97)]
    edge += [(lon0, lat1 - (lat1 - lat0) * i / 46) for i in range(47)]
    pts = [proj(lo, la) for lo, la in edge]
    bounds = (
        min(p[0] for p in pts),
        min(p[1] for p in pts),
        max(p[0] for p in pts),
        max(p[1] for p in pts),
    )
    frame = Frame(bounds)
    preclip = box(*PRECLIP)
    covered = frame.apply(project_geom(preclip.segmentize(0.5), proj))
    if not covered.contains(box(0, 0, frame.width, frame.height)):
        sys.exit("PRECLIP does not cover the projected frame; widen it")

    def to_frame(geom_ll):
        g = shapely.clip_by_rect(geom_ll, *PRECLIP) if geom_ll.intersects(preclip) else Polygon()
        if g.is_empty:
            return g
        g = frame.apply(project_geom(g, proj))
        g = shapely.clip_by_rect(g, 0, 0, frame.width, frame.height)
        return clean(g)

    features = []
    for iso, name in STATES.items():
        g = to_frame(countries[iso][1])
        features.append(feature_record(iso, name, "state", g))

    others = []
    for iso, (ne_name, geom_ll) in countries.items():
        if iso in STATES or iso == "JPN":
            continue
        g = to_frame(geom_ll)
        if g.is_empty or g.area < MIN_NEIGHBOUR_AREA:
            continue
        others.append((iso, NEIGHBOURS.get(iso, ne_name), g))
    order = list(NEIGHBOURS)
    others.sort(key=lambda t: (order.index(t[0]) if t[0] in order else len(order), t[0]))
    for iso, name, g in others:
        features.append(feature_record(iso, name, "neighbour", g, min_area=1.0))

    # Caspian Sea: the part of a box around it that no country covers.
    land = unary_union([geom for _, geom in countries.values()])
    gap = box(*CASPIAN_BOX).difference(land)
    caspian_ll = max(polygons_of(gap), key=lambda p: p.area)
    cminx, cminy, cmaxx, cmaxy = caspian_ll.bounds
    bx = CASPIAN_BOX
    if cminx <= bx[0] or cminy <= bx[1] or cmaxx >= bx[2] or cmaxy >= bx[3]:
        sys.exit("Caspian gap touches its search box: not enclosed by land in this source")
    features.append(feature_record("CASPIAN", "Caspian Sea", "water", to_frame(caspian_ll)))

    # ---- Japan inset ----------------------------------------------------
    jproj = LambertConic(**JAPAN_LCC)
    jpn_ll = shapely.clip_by_rect(countries["JPN"][1], *JAPAN_PRECLIP)
    jpn_p = project_geom(jpn_ll, jproj)
    minx, miny, maxx, maxy = jpn_p.bounds
    pad = INSET_MARGIN * max(maxx - minx, maxy - miny)
    jframe = Frame((minx - pad, miny - pad, maxx + pad, maxy + pad))
    jpn = clean(jframe.apply(jpn_p))
    inset_feature = feature_record("JPN", "Japan", "neighbour", jpn)

    sha = hashlib.sha256(shp.read_bytes()).hexdigest()
    return {
        "format": "crossroads-map/1",
        "attribution": ATTRIBUTION,
        "license": "Natural Earth data: public domain (naturalearthdata.com/about/terms-of-use)",
        "about": ABOUT,
        "source": {
            "dataset": "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries "
            "(naturalearth_lowres)",
            "from": source_desc,
            "shp_sha256": sha,
            "built_by": "tools/build_map.py",
        },
        "frame": {
            "width": frame.width,
            "height": frame.height,
            "y_down": True,
            "km_per_unit": round(frame.km_per_unit, 4),
            "window_lonlat": list(WINDOW),
            "projection": {"name": "lambert_conformal_conic_sphere", **MAIN_LCC},
        },
        "features": features,
        "inset": {
            "id": "JPN",
            "name": "Japan",
            "note": "Inset, own projection and scale; not in its true position.",
            "frame": {
                "width": jframe.width,
                "height": jframe.height,
                "y_down": True,
                "km_per_unit": round(jframe.km_per_unit, 4),
                "projection": {"name": "lambert_conformal_conic_sphere", **JAPAN_LCC},
            },
            "features": [inset_feature],
        },
    }


def dump(asset: dict) -> str:
    """Compact JSON, one feature per line (reviewable diffs, small file)."""

    def c(v):
        return json.dumps(v, separators=(",", ":"), ensure_ascii=False)

    lines = ["{"]
    keys = list(asset)
    for i, k in enumerate(keys):
        end = "," if i < len(keys) - 1 else ""
        v = asset[k]
        if k == "features":
            lines.append(f' "{k}":[')
            lines += ["  " + c(f) + ("," if j < len(v) - 1 else "") for j, f in enumerate(v)]
            lines.append(" ]" + end)
        elif k == "inset":
            lines.append(f' "{k}":{{')
            ik = list(v)
            for j, kk in enumerate(ik):
                e2 = "," if j < len(ik) - 1 else ""
                lines.append(f'  "{kk}":{c(v[kk])}{e2}')
            lines.append(" }" + end)
        else:
            lines.append(f' "{k}":{c(v)}{end}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shp", help="path to naturalearth_lowres.shp (default: pyogrio's fixture)")
    ap.add_argument("--out", default=str(OUT), help=f"output (default {OUT.relative_to(REPO)})")
    args = ap.parse_args(argv)
    shp, desc = locate_source(args.shp)
    asset = build(shp, desc)
    text = dump(asset)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    n = sum(len(r) for f in asset["features"] for p in f["polygons"] for r in p)
    print(
        f"wrote {out} ({len(text.encode()) / 1024:.1f} KB, {len(asset['features'])} features, "
        f"{n} vertices, frame {asset['frame']['width']}x{asset['frame']['height']})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
