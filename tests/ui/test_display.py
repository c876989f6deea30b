"""``display.Display``: the 1280x720 canvas scaled to any window, and mouse positions back."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1600, 1200), (1000, 500)])
def test_window_pixels_map_back_to_the_canvas(size):
    from game.ui.display import Display

    d = Display(size)
    tol = 0 if d.scale >= 1 else int(1 / d.scale) + 1  # a shrunk window merges pixels
    for p in [(0, 0), (640, 360), (1279, 719), (100, 650)]:
        q = d.to_logical(d.to_window(p))
        assert q is not None and abs(q[0] - p[0]) <= tol and abs(q[1] - p[1]) <= tol
    d.canvas.fill((0, 0, 0))
    d.present()  # scaling works at this size
    if size == (1600, 1200):  # letterbox bars above and below
        assert d.to_logical((800, 10)) is None
