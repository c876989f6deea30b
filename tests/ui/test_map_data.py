"""Tests for the committed map asset and game/ui/map_data.py (no pygame needed)."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from game.ui.map_data import DEFAULT_PATH, MapData, load_map

STATES = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
NEIGHBOURS = ["RUS", "CHN", "AFG", "IRN", "MNG"]


@pytest.fixture(scope="module")
def data() -> MapData:
    return load_map()


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_asset_small() -> None:
    assert DEFAULT_PATH.stat().st_size < 300 * 1024


def test_map_data_does_not_import_pygame() -> None:
    # the module itself must stay pygame-free (other tests may import pygame)
    import game.ui.map_data as m

    assert "pygame" not in m.__dict__
    src = open(m.__file__, encoding="utf-8").read()
    assert "import pygame" not in src


def test_states_and_neighbours_present(data: MapData) -> None:
    assert set(data.ids("state")) == set(STATES)
    for fid in NEIGHBOURS:
        assert data.features[fid].kind == "neighbour"
    assert data.features["CASPIAN"].kind == "water"


def test_features_well_formed(raw: dict) -> None:
    for f in raw["features"]:
        assert set(f) >= {"id", "name", "kind", "label", "polygons", "bbox"}
        assert f["kind"] in {"state", "neighbour", "water"}
        assert f["name"]
        assert f["polygons"], f["id"]
        for poly in f["polygons"]:
            for ring in poly:
                assert len(ring) >= 3
                for x, y in ring:
                    assert -1e-6 <= x <= raw["frame"]["width"] + 1e-6
                    assert -1e-6 <= y <= raw["frame"]["height"] + 1e-6


@pytest.mark.parametrize("fid", STATES)
def test_state_polygon_non_empty(data: MapData, fid: str) -> None:
    f = data.features[fid]
    assert f.polygons
    ext = f.polygons[0][0]
    assert ext.shape[0] >= 10
    # shoelace area in logical units^2; Tajikistan is the smallest state
    x, y = ext[:, 0], ext[:, 1]
    area = abs(float((x * np.roll(y, -1) - y * np.roll(x, -1)).sum())) / 2
    assert area > 500


@pytest.mark.parametrize("fid", STATES + NEIGHBOURS + ["CASPIAN"])
def test_label_inside_and_hit(data: MapData, fid: str) -> None:
    lx, ly = data.features[fid].label
    assert data.contains(fid, lx, ly)
    assert data.hit_test(lx, ly) == fid


def test_hit_test_outside_and_relative_geography(data: MapData) -> None:
    assert data.hit_test(-5, -5) is None
    assert data.hit_test(data.width + 1, 10) is None
    # Caspian lies west of Kazakhstan's label, Kazakhstan north of Uzbekistan's
    assert data.features["CASPIAN"].label[0] < data.features["KAZ"].label[0]
    assert data.features["KAZ"].label[1] < data.features["UZB"].label[1]
    assert data.features["TJK"].label[1] > data.features["KGZ"].label[1]


def test_fit_keeps_aspect_and_hits_in_pixels(data: MapData) -> None:
    fm = data.fit(1280, 720, margin=10, x=0, y=0)
    fx, fy, fw, fh = fm.rect
    assert fw / fh == pytest.approx(data.width / data.height, rel=1e-6)
    assert fx >= 10 - 1e-6 and fy >= 10 - 1e-6
    assert fx + fw <= 1270 + 1e-6 and fy + fh <= 710 + 1e-6
    for fid in STATES:
        lx, ly = fm.labels[fid]
        assert fm.hit_test(lx, ly) == fid
        ring = fm.polygons[fid][0][0]
        assert all(isinstance(p, tuple) and len(p) == 2 for p in ring)
    # the order paints states last (on top)
    order = fm.draw_order()
    assert set(order[-5:]) == set(STATES)


def test_japan_inset(data: MapData, raw: dict) -> None:
    assert raw["inset"]["id"] == "JPN"
    jp = data.inset.features["JPN"]
    assert jp.polygons and len(jp.polygons) >= 3  # Honshu, Hokkaido, Kyushu, ...
    assert data.inset.hit_test(*jp.label) == "JPN"
    fm = data.fit_inset(200, 200, margin=4, x=1000, y=500)
    fx, fy, fw, fh = fm.rect
    assert 1000 <= fx and fx + fw <= 1200 + 1e-6 and 500 <= fy and fy + fh <= 700 + 1e-6
    assert fm.hit_test(*fm.labels["JPN"]) == "JPN"
    assert data.inset.km_per_unit > 0 and data.km_per_unit > data.inset.km_per_unit


def test_attribution_and_about(data: MapData) -> None:
    assert "Natural Earth" in data.attribution
    assert "de facto" in data.about and "disputed" in data.about


def test_load_cached(data: MapData) -> None:
    assert load_map() is data


def test_no_pygame_loaded_by_map_module_alone() -> None:
    # importing map_data in a fresh interpreter must not pull pygame in
    import subprocess

    code = "import sys, game.ui.map_data as m; m.load_map(); print('pygame' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=str(DEFAULT_PATH.parents[2]),
        check=True,
    )
    assert out.stdout.strip() == "False"
