"""``ui_bench()``: the window's two speed figures, for ``python main.py bench``.

* ``startup_to_menu_s``: from the start of the window's setup (``App`` construction: pygame,
  fonts, settings, the scenario catalogue) to the first menu frame on screen;
* ``frame_ms_p95``: 95th percentile of the frame time on the map screen at 1920x1080 (dummy
  video driver, ~200 frames, with a mouse move every frame and a change of the selected state
  or map mode every 10th frame, so the cached map is repainted now and then).

Runs with the dummy video driver and throw-away save/config folders, so it never touches the
user's saves.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

N_FRAMES = 200


@contextmanager
def _sandbox() -> Iterator[None]:
    keys = (
        "SDL_VIDEODRIVER",
        "SDL_AUDIODRIVER",
        "CROSSROADS_SAVE_DIR",
        "CROSSROADS_CONFIG_DIR",
        "CROSSROADS_EXPORT_DIR",
    )
    old = {k: os.environ.get(k) for k in keys}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
        os.environ["CROSSROADS_SAVE_DIR"] = os.path.join(tmp, "saves")
        os.environ["CROSSROADS_CONFIG_DIR"] = os.path.join(tmp, "config")
        os.environ["CROSSROADS_EXPORT_DIR"] = os.path.join(tmp, "exports")
        try:
            yield
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def ui_bench(frames: int = N_FRAMES) -> dict[str, float]:
    with _sandbox():
        import pygame

        pygame.display.quit()  # the driver is chosen at init
        t0 = time.perf_counter()
        from .app import App, Options

        app = App(Options(size=(1920, 1080)))
        app.t0 = t0
        app.step([])
        startup = app.first_menu_frame_s or (time.perf_counter() - t0)
        from .scenes.menu import MenuScene

        menu = app.stack.top
        assert isinstance(menu, MenuScene)
        entry = next((e for e in menu.entries if e.ok), None)
        if entry is None:
            raise RuntimeError("no playable scenario installed")
        app.new_game(entry, None, 1, None)
        app.step([])
        scene = app.stack.top
        times = []
        for i in range(frames):
            evs = [
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=(100 + i % 700, 300), rel=(1, 0), buttons=(0, 0, 0)
                )
            ]
            if i % 10 == 5:
                key = pygame.K_m if i % 20 == 5 else pygame.K_RIGHT
                evs.append(
                    pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
                )
            t = time.perf_counter()
            app.step(evs)
            times.append((time.perf_counter() - t) * 1000)
        del scene
        pygame.display.quit()
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return {"frame_ms_p95": p95, "startup_to_menu_s": startup}


if __name__ == "__main__":
    for k, v in ui_bench().items():
        print(f"{k}: {v:.3f}")
