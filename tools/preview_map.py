"""Render the map asset to a PNG for a visual check (developer tool).

    .venv/bin/python tools/preview_map.py [out.png] [--size 1280x720]

Uses SDL's dummy video driver, so it runs headless. Colours follow
docs frontend_style §5.3 (Okabe-Ito fills, light-grey neighbours, sea #DCE9F2).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

FILL = {
    "state": (0x00, 0x9E, 0x73),
    "water": (0xDC, 0xE9, 0xF2),
    "neighbour": (0xD9, 0xD9, 0xD9),
}
SPECIAL = {"RUS": (0x00, 0x72, 0xB2), "CHN": (0xD5, 0x5E, 0x00), "JPN": (0xCC, 0x79, 0xA7)}
SEA = (0xDC, 0xE9, 0xF2)
BORDER = (40, 40, 40)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="/tmp/map_preview.png")
    ap.add_argument("--size", default="1280x720")
    ap.add_argument(
        "--tint-neighbours", action="store_true", help="colour RUS/CHN/JPN with the partner palette"
    )
    args = ap.parse_args(argv)
    w, h = (int(v) for v in args.size.lower().split("x"))

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.ui.map_data import load_map

    pygame.font.init()
    screen = pygame.Surface((w, h))
    screen.fill((250, 250, 247))
    data = load_map()
    fitted = data.fit(w, h, margin=10)
    inset_size = int(min(w, h) * 0.28)
    inset = data.fit_inset(
        inset_size, inset_size, margin=4, x=w - inset_size - 12, y=h - inset_size - 12
    )

    def paint(fm, surface):
        fx, fy, fw, fh = fm.rect
        pygame.draw.rect(surface, SEA, pygame.Rect(round(fx), round(fy), round(fw), round(fh)))
        for fid in fm.draw_order():
            f = fm.layer.features[fid]
            colour = FILL[f.kind]
            if args.tint_neighbours and fid in SPECIAL:
                colour = SPECIAL[fid]
            for poly in fm.polygons[fid]:
                pygame.draw.polygon(surface, colour, poly[0])
                for hole in poly[1:]:
                    pygame.draw.polygon(surface, SEA, hole)
            for ring in fm.rings(fid):
                width = 2 if f.kind == "state" else 1
                pygame.draw.lines(surface, BORDER, True, ring, width)

    paint(fitted, screen)
    ix, iy, iw, ih = inset.rect
    pygame.draw.rect(screen, (250, 250, 247), pygame.Rect(ix - 4, iy - 4, iw + 8, ih + 8))
    paint(inset, screen)
    pygame.draw.rect(screen, BORDER, pygame.Rect(ix - 4, iy - 4, iw + 8, ih + 8), 1)

    font = pygame.font.Font(None, max(16, round(22 * h / 720)))
    for fm in (fitted, inset):
        for fid, (lx, ly) in fm.labels.items():
            f = fm.layer.features[fid]
            text = f.name if f.kind != "state" else fid
            img = font.render(text, True, (0, 0, 0))
            screen.blit(img, img.get_rect(center=(round(lx), round(ly))))
            # check: hit test at the label returns the feature
            assert fm.hit_test(lx, ly) == fid, (fid, fm.hit_test(lx, ly))
    small = pygame.font.Font(None, 16)
    screen.blit(small.render(data.attribution, True, (60, 60, 60)), (12, h - 18))
    pygame.image.save(screen, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
