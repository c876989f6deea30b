"""The world asset and game/ui/map_data.py: projecting and framing any region (no pygame)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from game.scenario.countries import COUNTRIES, check_map, suggest
from game.scenario.loader import load_scenario
from game.scenario.model import MapSettings
from game.ui.map_data import ASSET, MapSpec, load_map, load_world, region_map, spec_for

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
CAUCASUS = ROOT / "tests" / "fixtures" / "caucasus.yaml"
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(ASSET.read_text(encoding="utf-8"))


def test_asset_is_small_and_credited(raw: dict) -> None:
    assert ASSET.stat().st_size < 400 * 1024
    assert "Natural Earth" in raw["attribution"]
    assert "public domain" in raw["license"]
    assert "1:50m" in raw["source"]["dataset"]


def test_every_country_has_a_code_and_names(raw: dict) -> None:
    ids = [c["id"] for c in raw["countries"]]
    assert len(ids) == len(set(ids)) > 200
    assert set(ids) == set(COUNTRIES)
    for small in ("ARM", "GEO", "AZE", "BHR", "QAT", "SGP", "LUX", "AND"):
        assert small in COUNTRIES, small  # the small states of 1:50m are there
    assert COUNTRIES["KAZ"] == ("Kazakhstan", "カザフスタン", "Казахстан")


def test_map_data_does_not_import_pygame() -> None:
    code = "import sys, game.ui.map_data as m; m.load_map(); print('pygame' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), check=True
    )
    assert out.stdout.strip() == "False"


def test_rings_are_continuous_across_the_date_line() -> None:
    w = load_world()
    for r in range(len(w.ring_start) - 1):
        ring = w.ring(r)
        assert np.abs(np.diff(ring[:, 0])).max(initial=0) < 180, w.country_ids[w.ring_country[r]]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_scenario_states_are_in_the_frame(path) -> None:
    """Every shipped scenario's states are inside its map's frame, each label on its state;
    the Central Asian ones also keep their neighbours and Japan's inset."""
    sc = load_scenario(path).scenario
    assert sc is not None
    spec = spec_for(sc)
    m = region_map(spec)
    x0, y0, x1, y1 = m.focus
    for sid in spec.states:
        f = m.features[sid]
        assert f.kind == "state"
        bx0, by0, bx1, by1 = f.bbox
        assert x0 <= bx0 and bx1 <= x1 and y0 <= by0 and by1 <= y1, sid
        assert m.hit_test(*f.label) == sid  # the label point lies on the state
    if set(spec.states) != set(CENTRAL_ASIA):
        return
    # neighbours are drawn grey around them, the powers far away in insets
    assert {"RUS", "CHN", "AFG", "IRN"} <= set(m.ids("country"))
    assert [i.id for i in m.insets] == ["JPN"]
    # north is up, west is left
    lab = {k: m.features[k].label for k in CENTRAL_ASIA}
    assert lab["KAZ"][1] < lab["UZB"][1] and lab["TKM"][0] < lab["KGZ"][0]


def test_the_caspian_is_water_between_its_shores() -> None:
    m = load_map()
    caspian = m.features["caspian"]
    assert caspian.kind == "sea" and not caspian.polygons
    assert m.hit_test(*caspian.label) is None  # no country there: the sea
    # its shores: Kazakhstan east of it, Azerbaijan west of it
    assert m.features["AZE"].bbox[2] < caspian.label[0] < m.features["KAZ"].label[0]


def test_automatic_frame_for_another_region() -> None:
    """GEO, ARM, AZE with powers RUS, TUR, IRN, USA and no map section: the three states frame
    the map, the neighbouring powers are on it and the far one is an inset."""
    sc = load_scenario(CAUCASUS).scenario
    assert sc is not None and sc.map == MapSettings()
    m = region_map(spec_for(sc))
    x0, y0, x1, y1 = m.focus
    for sid in ("GEO", "ARM", "AZE"):
        bx0, by0, bx1, by1 = m.features[sid].bbox
        assert x0 <= bx0 and bx1 <= x1 and y0 <= by0 and by1 <= y1, sid
    # the frame is the Caucasus, not Central Asia: about 1000 km across, not 3000
    assert 600 < x1 - x0 < 1500
    assert "KAZ" not in m.ids("state")
    assert [i.id for i in m.insets] == ["USA"]
    for power in ("RUS", "TUR", "IRN"):
        assert power in m.features and m.features[power].kind == "country"
    usa = m.insets[0]
    assert usa.features["USA"].polygons
    # the inset frames the 48 states, not Alaska with them
    ux0, uy0, ux1, uy1 = usa.focus
    assert (ux1 - ux0) / (uy1 - uy0) > 1.3


def test_declared_map_focus_show_and_insets() -> None:
    spec = MapSpec(states=("MNG",), show=("RUS", "CHN"), insets=("JPN", "USA", "KOR"))
    m = region_map(spec)
    assert [i.id for i in m.insets] == ["JPN", "USA", "KOR"]
    assert m.features["MNG"].kind == "state"
    # insets: [] means none, even for far-away powers
    assert region_map(MapSpec(states=("MNG",), insets=(), powers=("USA",))).insets == []


def test_show_brings_a_country_into_the_frame() -> None:
    near = region_map(MapSpec(states=("ARM",)))
    far = region_map(MapSpec(states=("ARM",), show=("KAZ",)))
    assert (far.focus[2] - far.focus[0]) > 1.5 * (near.focus[2] - near.focus[0])


@pytest.mark.parametrize(
    ("states", "north", "south"),
    [
        (("ARG", "CHL"), "BOL", "ARG"),  # southern hemisphere: mirrored cone, north still up
        (("IDN", "MYS", "SGP"), "MYS", "IDN"),  # across the equator: Mercator
        (("FJI", "NZL"), "FJI", "NZL"),  # across the date line
    ],
)
def test_frames_anywhere_on_the_globe(states, north, south) -> None:
    m = region_map(MapSpec(states=states))
    x0, y0, x1, y1 = m.focus
    assert 0 < x1 - x0 < 8000 and 0 < y1 - y0 < 8000  # a region, not the whole globe
    assert m.features[north].label[1] < m.features[south].label[1]
    for sid in states:
        assert m.hit_test(*m.features[sid].label) == sid


def test_unknown_codes_have_a_did_you_mean() -> None:
    assert suggest("Mongolia") == "MNG"
    assert suggest("Монголия") == "MNG"
    assert suggest("chn") == "CHN"
    assert suggest("KOE") == "KOR"
    problems = check_map(MapSettings(focus=["KAZ", "Kazakstan"], insets=["JPN", "QQQQ"]))
    assert [(p, h[:14]) for p, _, h in problems] == [
        (("map", "focus", 1), "Did you mean '"),
        (("map", "insets", 1), "Write the coun"),
    ]
    assert "KAZ" in problems[0][2]
