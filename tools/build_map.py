"""Build the committed world map: ``assets/map/world.json`` and ``game/scenario/country_codes.py``.

Run by a developer, never by the game. The game reads only the JSON (``game/ui/map_data.py``
projects and frames it for each scenario when the map screen opens) and the generated table of
country codes and names (``game/scenario/country_codes.py``, which the validator uses for ``map:``).
None of the packages below is a runtime dependency.

Build-time dependencies, the optional extra ``mapbuild`` in ``pyproject.toml``::

    shapely   # pole of inaccessibility (label points), a check of the sea labels
    babel     # country names in English, Japanese and Russian (Unicode CLDR)
    pycountry # ISO 3166-1 numeric -> alpha-3 codes

Build (from the repository root; npm is only the way to fetch the data)::

    npm pack world-atlas@2.0.2                           # -> world-atlas-2.0.2.tgz
    .venv/bin/pip install -e ".[mapbuild]"
    .venv/bin/python tools/build_map.py world-atlas-2.0.2.tgz

Source
    ``countries-50m.json`` of the npm package ``world-atlas`` 2.0.2: Natural Earth 4.1.0
    admin-0 countries at 1:50m as TopoJSON (shared borders are stored once, as *arcs*). Natural
    Earth is public domain; world-atlas is ISC-licensed packaging. Country ids there are ISO
    3166-1 numeric codes; they become alpha-3 codes. Five features have no ISO code and get
    Natural Earth's own ADM0_A3 code (Kosovo gets XKX, the code the EU and the IMF use).

What the build does
    1. Simplifies every arc (Douglas-Peucker, ``TOLERANCE`` degrees of latitude; longitude is
       scaled by cos(latitude) so high latitudes are not over-detailed). Arcs are simplified
       once, so neighbours keep an identical border: no gaps, no overlaps.
    2. Drops islands smaller than ``MIN_ISLAND`` square degrees (never a country's largest
       part, so the smallest states stay) and the arcs nothing uses any more.
    3. Rounds coordinates to ``QUANTUM`` degrees and writes each arc as integers: its first
       point, then the difference to the previous point.
    4. Computes a label point per country: the pole of inaccessibility of its largest part.
    5. Checks the sea labels (``SEAS``) lie in no country.

The asset is about 300 KB (about 100 KB inside a wheel). Projection and framing happen at load
time, per scenario (``map_data.region_map``), so one asset serves any region.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import subprocess
import sys
import tarfile
from pathlib import Path

try:
    import numpy as np
    import pycountry
    from babel import Locale
    from shapely.geometry import Point, Polygon
    from shapely.ops import polylabel
except ImportError as exc:  # pragma: no cover - developer tool
    sys.exit(f"tools/build_map.py needs the 'mapbuild' extra ({exc}): pip install -e '.[mapbuild]'")

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "assets" / "map" / "world.json"
NAMES_OUT = REPO / "game" / "scenario" / "country_codes.py"
MEMBER = "package/countries-50m.json"
WORLD_ATLAS = "world-atlas 2.0.2"

TOLERANCE = 0.02  # degrees of latitude (about 2 km)
QUANTUM = 0.01  # degrees per integer unit
MIN_ISLAND = 0.002  # square degrees (times cos latitude), about 25 km2

#: features of Natural Earth without an ISO 3166-1 code: its ADM0_A3 (XKX for Kosovo)
NO_ISO = {
    "Kosovo": "XKX",
    "Somaliland": "SOL",
    "N. Cyprus": "CYN",
    "Siachen Glacier": "KAS",
    "Indian Ocean Ter.": "IOA",
}
#: Ashmore and Cartier Islands share Australia's numeric code in the source
SHARED_NUMERIC = {"Ashmore and Cartier Is.": "ATC"}
#: (en, ja, ru) where CLDR has no name or a name too long for a map label
NAME_OVERRIDES = {
    "XKX": ("Kosovo", "コソボ", "Косово"),
    "SOL": ("Somaliland", "ソマリランド", "Сомалиленд"),
    "CYN": ("Northern Cyprus", "北キプロス", "Северный Кипр"),
    "KAS": ("Siachen Glacier", "シアチェン氷河", "Сиачен"),
    "IOA": ("Indian Ocean Territories", "インド洋地域", "Территории в Индийском океане"),
    "ATC": ("Ashmore and Cartier Islands", "アシュモア・カルティエ諸島", "Ашмор и Картье"),
    "COD": ("DR Congo", "コンゴ民主共和国", "ДР Конго"),
    "COG": ("Congo", "コンゴ共和国", "Республика Конго"),
    "MMR": ("Myanmar", "ミャンマー", "Мьянма"),
    "HKG": ("Hong Kong", "香港", "Гонконг"),
    "MAC": ("Macao", "マカオ", "Макао"),
    "PSE": ("Palestine", "パレスチナ", "Палестина"),
    "BIH": ("Bosnia and Herzegovina", "ボスニア・ヘルツェゴビナ", "Босния и Герцеговина"),
    "USA": ("United States", "アメリカ合衆国", "США"),
    "KOR": ("South Korea", "韓国", "Южная Корея"),
    "PRK": ("North Korea", "北朝鮮", "КНДР"),
}
#: sea labels: id -> (full names, short names (en, ja, ru)), (lon, lat)); each point must lie
#: in no country. The map shows the short name where the full one does not fit.
SEAS = {
    "caspian": (
        (("Caspian Sea", "カスピ海", "Каспийское море"), ("Caspian", "カスピ海", "Каспий")),
        (50.8, 42.2),
    ),
    "black": ((("Black Sea", "黒海", "Чёрное море"),) * 2, (34.0, 43.3)),
    "mediterranean": (
        (
            ("Mediterranean Sea", "地中海", "Средиземное море"),
            ("Mediterranean", "地中海", "Средиземное"),
        ),
        (18.0, 34.5),
    ),
    "red": ((("Red Sea", "紅海", "Красное море"),) * 2, (38.5, 20.5)),
    "persian_gulf": (
        (("Persian Gulf", "ペルシャ湾", "Персидский залив"),) * 2,
        (51.0, 27.3),
    ),
    "arabian": ((("Arabian Sea", "アラビア海", "Аравийское море"),) * 2, (64.0, 16.0)),
    "bengal": ((("Bay of Bengal", "ベンガル湾", "Бенгальский залив"),) * 2, (89.0, 15.0)),
    "south_china": (
        (("South China Sea", "南シナ海", "Южно-Китайское море"),) * 2,
        (114.0, 14.0),
    ),
    "baltic": ((("Baltic Sea", "バルト海", "Балтийское море"),) * 2, (19.5, 56.5)),
    "north": ((("North Sea", "北海", "Северное море"),) * 2, (3.0, 56.0)),
    "okhotsk": ((("Sea of Okhotsk", "オホーツク海", "Охотское море"),) * 2, (150.0, 55.0)),
    "barents": ((("Barents Sea", "バレンツ海", "Баренцево море"),) * 2, (40.0, 73.0)),
}

ATTRIBUTION = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com"
ABOUT = (
    "Borders are the Natural Earth 1:50m admin-0 lines, which follow de facto control ('on "
    "the ground'), simplified for a small-scale map. They are shown for orientation only and "
    "imply no endorsement by the game's authors. Many boundaries are disputed or not fully "
    "demarcated (in and around Central Asia for example Kashmir, Aksai Chin, parts of the "
    "Fergana Valley and the legal status of the Caspian Sea). Very small islands are left out."
)


# ---- reading ------------------------------------------------------------------------------
def read_topology(src: Path) -> dict:
    """countries-50m.json from the npm tarball, or from an unpacked package folder."""
    if src.is_dir():
        return json.loads((src / Path(MEMBER).name).read_text(encoding="utf-8"))
    with tarfile.open(src) as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            sys.exit(f"{MEMBER} not found in {src}")
        return json.load(io.TextIOWrapper(member, encoding="utf-8"))


def decode_arcs(topo: dict) -> list[np.ndarray]:
    """TopoJSON's delta-encoded quantised arcs -> (n, 2) arrays of lon/lat degrees."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype=np.int64), axis=0)
        out.append(np.stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty], axis=1))
    return out


def alpha3(geom: dict) -> str:
    name = geom["properties"]["name"]
    if name in NO_ISO:
        return NO_ISO[name]
    if name in SHARED_NUMERIC:
        return SHARED_NUMERIC[name]
    c = pycountry.countries.get(numeric=geom["id"])
    if c is None:
        sys.exit(f"no ISO 3166-1 code for {geom['id']} ({name})")
    return c.alpha_3


def names_of(iso: str) -> tuple[str, str, str]:
    if iso in NAME_OVERRIDES:
        return NAME_OVERRIDES[iso]
    a2 = pycountry.countries.get(alpha_3=iso).alpha_2
    return tuple(Locale(lang).territories[a2] for lang in ("en", "ja", "ru"))  # type: ignore[return-value]


# ---- simplifying ----------------------------------------------------------------------------
def douglas_peucker(p: np.ndarray, tol: float) -> np.ndarray:
    """Mask of the points of an open polyline kept at tolerance ``tol`` (same units as p)."""
    n = len(p)
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        a, b = p[i], p[j]
        seg = p[i + 1 : j]
        ab = b - a
        length = math.hypot(ab[0], ab[1])
        if length == 0:
            dist = np.hypot(seg[:, 0] - a[0], seg[:, 1] - a[1])
        else:
            dist = np.abs(ab[0] * (seg[:, 1] - a[1]) - ab[1] * (seg[:, 0] - a[0])) / length
        k = int(np.argmax(dist))
        if dist[k] > tol:
            m = i + 1 + k
            keep[m] = True
            stack += [(i, m), (m, j)]
    return keep


def simplify_arc(arc: np.ndarray) -> np.ndarray:
    """Douglas-Peucker in a local equal-distance frame; a closed arc is split at its farthest
    point so that both halves keep their ends."""
    local = arc.copy()
    local[:, 0] *= np.cos(np.radians(arc[:, 1]))
    if len(arc) > 3 and np.array_equal(arc[0], arc[-1]):
        far = int(np.argmax(np.hypot(*(local - local[0]).T)))
        k1 = douglas_peucker(local[: far + 1], TOLERANCE)
        k2 = douglas_peucker(local[far:], TOLERANCE)
        keep = np.concatenate([k1, k2[1:]])
    else:
        keep = douglas_peucker(local, TOLERANCE)
    return arc[keep]


def ring_points(arcs: list[np.ndarray], refs: list[int]) -> np.ndarray:
    """A ring's points from its arc references (TopoJSON: ~i is arc i reversed), continuous
    across the 180th meridian (the source jumps 360 degrees there; the game undoes it too)."""
    parts = []
    for r in refs:
        a = arcs[r] if r >= 0 else arcs[~r][::-1]
        parts.append(a if not parts else a[1:])
    ring = np.concatenate(parts).copy()
    jump = np.zeros(len(ring))
    jump[1:] = -360.0 * np.round(np.diff(ring[:, 0]) / 360.0)
    ring[:, 0] += np.cumsum(jump)
    return ring


def ring_area(p: np.ndarray) -> float:
    """Signed area in square degrees scaled by cos(latitude) (shoelace)."""
    x = p[:, 0] * np.cos(np.radians(p[:, 1].mean()))
    y = p[:, 1]
    return float((x * np.roll(y, -1) - np.roll(x, -1) * y).sum() / 2)


def polygons_of(geom: dict) -> list[list[list[int]]]:
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


# ---- building -------------------------------------------------------------------------------
def build(topo: dict, source_sha: str) -> tuple[dict, dict[str, tuple[str, str, str]]]:
    raw_arcs = decode_arcs(topo)
    arcs = [simplify_arc(a) for a in raw_arcs]
    countries: dict[str, dict] = {}
    names: dict[str, tuple[str, str, str]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        iso = alpha3(geom)
        if iso in countries:
            sys.exit(f"two features for {iso}")
        polys = polygons_of(geom)
        areas = [abs(ring_area(ring_points(arcs, p[0]))) for p in polys]
        biggest = int(np.argmax(areas))
        kept = [p for i, p in enumerate(polys) if i == biggest or areas[i] >= MIN_ISLAND]
        kept.sort(key=lambda p: -abs(ring_area(ring_points(arcs, p[0]))))
        big = ring_points(arcs, kept[0][0])
        holes = [ring_points(arcs, h) for h in kept[0][1:]]
        shape = Polygon(big, holes)
        label = polylabel(shape, tolerance=0.01)
        if not shape.contains(label):
            label = shape.representative_point()
        lon = (label.x + 180.0) % 360.0 - 180.0
        countries[iso] = {"polygons": kept, "label": [round(lon, 2), round(label.y, 2)]}
        names[iso] = names_of(iso)

    # renumber the arcs that are still used; quantise and delta-encode them
    used = sorted(
        {
            r if r >= 0 else ~r
            for c in countries.values()
            for p in c["polygons"]
            for ring in p
            for r in ring
        }
    )
    new_index = {old: new for new, old in enumerate(used)}
    encoded = []
    for old in used:
        q = np.round(arcs[old] / QUANTUM).astype(np.int64)
        same = np.zeros(len(q), dtype=bool)
        same[1:-1] = np.all(q[1:-1] == q[:-2], axis=1)  # ends are shared: always kept
        q = q[~same]
        d = np.concatenate([q[:1], np.diff(q, axis=0)])
        encoded.append(d.ravel().tolist())
    out_countries = []
    for iso in sorted(countries):
        c = countries[iso]
        polys = [
            [[new_index[r] if r >= 0 else ~new_index[~r] for r in ring] for ring in p]
            for p in c["polygons"]
        ]
        out_countries.append({"id": iso, "label": c["label"], "polygons": polys})

    shapes = [
        Polygon(ring_points(raw_arcs, p[0]))
        for g in topo["objects"]["countries"]["geometries"]
        for p in polygons_of(g)
    ]
    seas = []
    for sid, ((full, short), (lon, lat)) in SEAS.items():
        if any(s.contains(Point(lon, lat)) for s in shapes):
            sys.exit(f"the label of {sid} at {lon}, {lat} lies on land")
        sea_names = {lang: [full[i], short[i]] for i, lang in enumerate(("en", "ja", "ru"))}
        seas.append({"id": sid, "names": sea_names, "label": [lon, lat]})

    asset = {
        "format": "crossroads-world/1",
        "attribution": ATTRIBUTION,
        "license": "Natural Earth data: public domain (naturalearthdata.com/about/terms-of-use); "
        "country names: Unicode CLDR (Unicode License v3)",
        "about": ABOUT,
        "source": {
            "dataset": "Natural Earth 4.1.0, 1:50m Cultural Vectors, Admin 0 - Countries",
            "from": f"{WORLD_ATLAS} (npm), {MEMBER}",
            "sha256": source_sha,
            "built_by": "tools/build_map.py",
            "tolerance_deg": TOLERANCE,
            "min_island_deg2": MIN_ISLAND,
        },
        "quantum": QUANTUM,
        "countries": out_countries,
        "seas": seas,
        "arcs": encoded,
    }
    return asset, names


def dump(asset: dict) -> str:
    """Compact JSON: one country, one sea and one arc per line (reviewable, small)."""

    def c(v: object) -> str:
        return json.dumps(v, separators=(",", ":"), ensure_ascii=False)

    lines = ["{"]
    keys = list(asset)
    for i, k in enumerate(keys):
        end = "," if i < len(keys) - 1 else ""
        v = asset[k]
        if isinstance(v, list):
            lines.append(f' "{k}":[')
            lines += ["  " + c(x) + ("," if j < len(v) - 1 else "") for j, x in enumerate(v)]
            lines.append(" ]" + end)
        else:
            lines.append(f' "{k}":{c(v)}{end}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def names_module(names: dict[str, tuple[str, str, str]]) -> str:
    def q(v: str) -> str:
        return json.dumps(v, ensure_ascii=False)

    rows = "\n".join(
        f"    {q(iso)}: ({q(en)}, {q(ja)}, {q(ru)})," for iso, (en, ja, ru) in sorted(names.items())
    )
    return f'''"""The countries on the map: ISO 3166-1 alpha-3 code -> name in English, Japanese, Russian.

Generated by ``tools/build_map.py`` from the same source as ``assets/map/world.json`` (Natural
Earth admin-0 at 1:50m; names from Unicode CLDR). Do not edit by hand; ``countries.py`` reads it.
"""

#: code -> (English, Japanese, Russian)
COUNTRIES: dict[str, tuple[str, str, str]] = {{
{rows}
}}
'''


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "source", help="world-atlas-2.0.2.tgz from 'npm pack world-atlas@2.0.2' (or its folder)"
    )
    ap.add_argument(
        "--out", default=str(OUT), help=f"the map asset (default {OUT.relative_to(REPO)})"
    )
    ap.add_argument(
        "--names",
        default=str(NAMES_OUT),
        help=f"the code table (default {NAMES_OUT.relative_to(REPO)})",
    )
    args = ap.parse_args(argv)
    src = Path(args.source)
    raw = src.read_bytes() if src.is_file() else (src / Path(MEMBER).name).read_bytes()
    asset, names = build(read_topology(src), hashlib.sha256(raw).hexdigest())
    text = dump(asset)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    Path(args.names).write_text(names_module(names), encoding="utf-8")
    # the project's style (long names wrap); ruff is in the dev extra
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", args.names], check=False)
    n = sum(len(a) // 2 for a in asset["arcs"])
    print(
        f"wrote {out} ({len(text.encode()) / 1024:.0f} KB, {len(asset['countries'])} countries, "
        f"{len(asset['arcs'])} arcs, {n} points) and {args.names}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
