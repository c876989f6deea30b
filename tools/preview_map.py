"""Render a scenario's map, as the map screen draws it, to a PNG (developer tool).

    .venv/bin/python tools/preview_map.py SCENARIO [out.png] [--size 692x380] [--scale 1.25]
        [--mode dominant|autonomy|trust] [--lang ja] [--role JPN]

SCENARIO is an installed scenario's id or a path. The map is drawn with the window's own code
(``MapView``) for the scenario's first turn, at the rectangle ``--size`` (logical pixels; the
map screen's is 692x380 at 100 % text) and text scale ``--scale`` (projector mode: 1.25).
It prints the time taken to project and frame the map. Uses SDL's dummy video driver.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario")
    ap.add_argument("out", nargs="?", default="/tmp/map_preview.png")
    ap.add_argument("--size", default="692x380")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--mode", default="dominant")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--role", default=None)
    args = ap.parse_args(argv)
    w, h = (int(v) for v in args.size.lower().split("x"))

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.play.session import Session
    from game.scenario.loader import load_scenario
    from game.ui import fonts, i18n
    from game.ui import viewmodels as vm
    from game.ui.map_data import region_map, spec_for
    from game.ui.map_view import MapView, Paint, map_legend, map_names
    from game.ui.theme import partner_styles

    res = load_scenario(args.scenario)
    if res.scenario is None:
        for d in res.diagnostics:
            print(d)
        return 1
    sc = res.scenario
    pygame.init()
    i18n.set_language(args.lang)
    fonts.set_scale(args.scale)
    t0 = time.perf_counter()
    data = region_map(spec_for(sc))
    t1 = time.perf_counter()
    s = Session.start(sc)
    role = args.role or sc.playable_roles[0]
    styles = partner_styles(s.c.partner_ids)
    modes = {m.id: m for m in vm.map_modes(s, role)}
    mode = modes[args.mode]
    entries, titles = map_legend(s, styles, list(modes.values()))
    view = MapView(pygame.Rect(0, 0, w, h), data, entries, titles)
    letters = {k: v[1] for k, v in styles.items()}
    cells = vm.map_cells(s, mode.id, role, letters)
    paint = Paint.of(mode, cells)
    t2 = time.perf_counter()
    img = view.surface(paint, styles, map_names(s, data))
    t3 = time.perf_counter()
    pygame.image.save(img, args.out)
    print(
        f"wrote {args.out}: projected and framed in {1000 * (t1 - t0):.0f} ms, "
        f"laid out in {1000 * (t2 - t1):.0f} ms, painted in {1000 * (t3 - t2):.0f} ms; "
        f"insets {[i.id for i in data.insets]}, "
        f"scale {view.scale * 1000:.1f} px per 1000 km"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
