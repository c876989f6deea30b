"""Helpers for the window tests: post real pygame events and run frames."""

from __future__ import annotations

from pathlib import Path

import pygame

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"
SIZES = [(1280, 720), (1920, 1080)]


def press(app, key, mod=0, unicode=""):
    """Post one real KEYDOWN to the pygame queue and run a frame (the frame reads the queue)."""
    from game.ui.input import key_event

    pygame.event.post(key_event(key, mod, unicode))
    app.step()


def click(app, logical_pos):
    """Post a left click at a logical (1280x720) position, converted to window pixels."""
    pos = app.display.to_window(logical_pos)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.step()
