"""``bench.ui_bench``: the window's speed figures."""

from __future__ import annotations


def test_ui_bench_figures():
    from game.ui.bench import ui_bench

    out = ui_bench(frames=30)
    assert set(out) == {"frame_ms_p95", "startup_to_menu_s"}
    assert 0 < out["frame_ms_p95"] < 1000 and 0 < out["startup_to_menu_s"] < 30
