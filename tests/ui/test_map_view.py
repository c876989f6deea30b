"""The painted map (game/ui/map_view.py): labels, legend, insets and colour scales, for every
shipped scenario, at 100 % text and in projector mode (text 125 %)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.play.session import Session
from game.scenario.loader import load_scenario
from game.ui import fonts, text
from game.ui import viewmodels as vm
from game.ui.map_data import region_map, spec_for
from game.ui.map_view import LegendEntry, MapView, Paint, map_legend, map_names, ramp_range
from game.ui.scenes.map_screen.layout import MAP_RECT
from game.ui.theme import SIZE, contrast, partner_styles, ramp

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
CAUCASUS = ROOT / "tests" / "fixtures" / "caucasus.yaml"

#: the map's rectangle in projector mode (the map screen's large-text layout at 125 %, ``map_screen.layout.large``)
PROJECTOR_RECT = pygame.Rect(8, 96, 730, 566)
SIZES = {"normal": (MAP_RECT, 1.0), "projector": (PROJECTOR_RECT, 1.25)}


@pytest.fixture(scope="module", autouse=True)
def _pygame():
    pygame.init()
    yield


def _view(path, rect, scale, mode="dominant", lang="en"):
    sc = load_scenario(path).scenario
    assert sc is not None
    fonts.set_scale(scale)
    s = Session.start(sc)
    role = sc.playable_roles[0]
    styles = partner_styles(s.c.partner_ids)
    modes = vm.map_modes(s, role)
    entries, titles = map_legend(s, styles, modes)
    data = region_map(spec_for(sc))
    view = MapView(rect, data, entries, titles)
    m = next(x for x in modes if x.id == mode)
    cells = vm.map_cells(s, m.id, role, {k: v[1] for k, v in styles.items()})
    paint = Paint.of(m, cells)
    view.surface(paint, styles, map_names(s, data))
    return view, s


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", [*SHIPPED, CAUCASUS], ids=lambda p: p.stem)
def test_every_state_labelled_inside_the_map_without_overlaps(path, size) -> None:
    rect, scale = SIZES[size]
    text.reset_overflows()
    view, s = _view(path, rect, scale)
    assert set(view.label_rects) == set(view.data.ids("state")) == set(s.c.state_ids)
    boxes = [lab.rect for lab in view.labels] + view.boxes
    for i, a in enumerate(boxes):
        assert rect.contains(a), (a, rect)
        for b in boxes[i + 1 :]:
            assert not a.colliderect(b), (a, b)
    # labels and numbers at body-text size at least (28 px or more in projector mode)
    assert fonts.px(SIZE.BODY) >= (28 if size == "projector" else 24)
    for r in view.label_rects.values():
        assert r.h >= text.line_height(SIZE.BODY)
    assert not text.OVERFLOWS, text.OVERFLOWS
    # a click on a label selects its state
    for sid, r in view.label_rects.items():
        assert view.state_at(r.center) == sid


@pytest.mark.parametrize("path", [*SHIPPED, CAUCASUS], ids=lambda p: p.stem)
def test_the_map_is_never_smaller_in_projector_mode(path) -> None:
    normal, _ = _view(path, *SIZES["normal"])
    projector, _ = _view(path, *SIZES["projector"])
    assert projector.scale >= normal.scale


def test_legend_has_a_row_for_any_number_of_powers() -> None:
    fonts.set_scale(1.25)
    data = region_map(spec_for(load_scenario(CAUCASUS).scenario))
    entries = [
        LegendEntry(c, c[0], f"Power {c}") for c in ("AAA", "BBB", "CCC", "DDD", "EEE", "FFF")
    ]
    view = MapView(PROJECTOR_RECT, data, entries, ["main partner overall"])
    lh = text.line_height(SIZE.BODY)
    rows = -(-len(entries) // view.legend_cols)
    assert view.legend_rect.h >= (rows + 1) * lh
    assert all(PROJECTOR_RECT.contains(b) for b in view.boxes)


def test_ramp_spans_the_values_on_the_map() -> None:
    assert ramp_range([66.2, 80.9]) == (65.0, 85.0)
    assert ramp_range([50.0, 51.0]) == (45.0, 55.0)  # never narrower than 10 points
    assert ramp_range([0.5, 3.0]) == (0.0, 10.0)
    lo, hi = ramp_range([66.0, 81.0])
    # 66 and 81 were nearly the same navy on the 0-100 ramp; now they are far apart
    old = contrast(ramp(0.66), ramp(0.81))
    new = contrast(ramp((66 - lo) / (hi - lo)), ramp((81 - lo) / (hi - lo)))
    assert new > 3 * old and new > 4


def test_main_partner_is_a_power() -> None:
    """In every shipped scenario and every partner mode, no state's main partner is the rest
    of the world (which a student cannot deal with)."""
    for path in SHIPPED:
        sc = load_scenario(path).scenario
        s = Session.start(sc)
        role = sc.playable_roles[0]
        for m in vm.map_modes(s, role):
            if m.kind == "partner":
                cells = vm.map_cells(s, m.id, role, {})
                assert all(c.partner in s.c.power_ids for c in cells.values()), (path, m.id)


def test_names_follow_the_language() -> None:
    from game.ui import i18n

    i18n.set_language("ja")
    view, _ = _view(SHIPPED[0], *SIZES["normal"], lang="ja")
    names = map_names(Session.start(load_scenario(SHIPPED[0]).scenario), view.data)
    assert names["AFG"] == "アフガニスタン"
    assert names["caspian"][0] == "カスピ海"
