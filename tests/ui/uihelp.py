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


_SHIFTED = {"+": pygame.K_EQUALS, "_": pygame.K_MINUS, "?": pygame.K_SLASH, ":": pygame.K_SEMICOLON}


def type_text(app, s):
    """Type ``s`` key by key, as SDL reports it (letters, digits, space, / + _ and so on)."""
    for ch in s:
        if ch in _SHIFTED:
            press(app, _SHIFTED[ch], pygame.KMOD_LSHIFT, ch)
        elif ch.isalpha() and ch.isupper():
            press(app, ord(ch.lower()), pygame.KMOD_LSHIFT, ch)
        else:
            press(app, ord(ch), 0, ch)
