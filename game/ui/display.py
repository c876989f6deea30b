"""The window: a logical 1280x720 canvas scaled (letterboxed) to any window size.

Scenes draw only on ``canvas`` (1280x720). ``present`` scales it to the window, keeping the
aspect ratio, and ``to_logical`` maps window pixels (mouse positions) back to canvas pixels.
"""

from __future__ import annotations

import pygame

from .theme import LOGICAL_H, LOGICAL_W

MAX_W, MAX_H = 1920, 1080


def parse_size(s: str | None) -> tuple[int, int] | None:
    if not s:
        return None
    try:
        w, h = (int(v) for v in s.lower().replace("×", "x").split("x"))
    except ValueError:
        return None
    if not (320 <= w <= 16384 and 180 <= h <= 16384):  # a hand-edited setting: no such screen
        return None
    return (w, h)


class Display:
    def __init__(
        self,
        size: tuple[int, int] = (LOGICAL_W, LOGICAL_H),
        fullscreen: bool = False,
        title: str = "Crossroads",
    ) -> None:
        if not pygame.display.get_init():
            pygame.display.init()
        self.canvas = pygame.Surface((LOGICAL_W, LOGICAL_H))
        self.fullscreen = fullscreen
        self.windowed_size = (min(size[0], MAX_W), min(size[1], MAX_H))
        self.title = title
        self.window = self._open()
        self._scaled: pygame.Surface | None = None

    def _open(self) -> pygame.Surface:
        pygame.display.set_caption(self.title)
        if self.fullscreen:
            win = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            win = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self._layout(win.get_size())
        return win

    def _layout(self, size: tuple[int, int]) -> None:
        w, h = size
        scale = min(w / LOGICAL_W, h / LOGICAL_H)
        self.scale = scale
        self.out_w, self.out_h = max(1, round(LOGICAL_W * scale)), max(1, round(LOGICAL_H * scale))
        self.off_x, self.off_y = (w - self.out_w) // 2, (h - self.out_h) // 2

    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_size()

    def resized(self, size: tuple[int, int]) -> None:
        """The window was resized by the user (VIDEORESIZE)."""
        if self.fullscreen:
            return
        self.windowed_size = (max(320, min(size[0], MAX_W)), max(180, min(size[1], MAX_H)))
        self.window = pygame.display.get_surface() or self._open()
        self._layout(self.window.get_size())

    def set_size(self, size: tuple[int, int]) -> None:
        self.windowed_size = (min(size[0], MAX_W), min(size[1], MAX_H))
        if not self.fullscreen:
            self.window = self._open()

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.window = self._open()

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int] | None:
        """Window pixel -> canvas pixel, or None in the letterbox bars."""
        x = (pos[0] - self.off_x) / self.scale
        y = (pos[1] - self.off_y) / self.scale
        if 0 <= x < LOGICAL_W and 0 <= y < LOGICAL_H:
            return (int(x), int(y))
        return None

    def to_window(self, pos: tuple[int, int]) -> tuple[int, int]:
        """Canvas pixel -> window pixel (the centre of the scaled pixel)."""
        return (
            int(self.off_x + (pos[0] + 0.5) * self.scale),
            int(self.off_y + (pos[1] + 0.5) * self.scale),
        )

    def present(self) -> None:
        win = self.window
        if (self.out_w, self.out_h) == (LOGICAL_W, LOGICAL_H) and not self.off_x and not self.off_y:
            win.blit(self.canvas, (0, 0))
        else:
            if self._scaled is None or self._scaled.get_size() != (self.out_w, self.out_h):
                self._scaled = pygame.Surface((self.out_w, self.out_h))
            if self.off_x or self.off_y:
                win.fill((0, 0, 0))
            if self.scale == int(self.scale):
                pygame.transform.scale(self.canvas, (self.out_w, self.out_h), self._scaled)
            else:
                pygame.transform.smoothscale(self.canvas, (self.out_w, self.out_h), self._scaled)
            win.blit(self._scaled, (self.off_x, self.off_y))
        pygame.display.flip()

    def screenshot(self, path: str) -> None:
        """Save the logical canvas (what the class sees, at 1280x720) as PNG."""
        pygame.image.save(self.canvas, path)
