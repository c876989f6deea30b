"""``input``: raw pygame events become semantic inputs."""

from __future__ import annotations

import pygame


def test_keys_map_to_actions():
    from game.ui.input import Action, InputMapper, key_event

    m = InputMapper()
    cases = {
        (pygame.K_TAB, 0): Action.NEXT,
        (pygame.K_TAB, pygame.KMOD_LSHIFT): Action.PREV,
        (pygame.K_RETURN, 0): Action.ACTIVATE,
        (pygame.K_SPACE, 0): Action.ACTIVATE,
        (pygame.K_ESCAPE, 0): Action.BACK,
        (pygame.K_F1, 0): Action.HELP,
        (pygame.K_z, pygame.KMOD_LCTRL): Action.UNDO,
        (pygame.K_u, 0): Action.UNDO,
        (pygame.K_e, 0): Action.END_TURN,
        (pygame.K_m, pygame.KMOD_LSHIFT): Action.MAP_MODE_PREV,
        (pygame.K_3, 0): Action.DIGIT,
        (pygame.K_s, pygame.KMOD_LCTRL): Action.SAVE,
    }
    for (k, mod), a in cases.items():
        assert m.map(key_event(k, mod)).action == a, pygame.key.name(k)
    assert m.map(key_event(pygame.K_3)).value == 3
    assert m.map(key_event(pygame.K_SLASH, pygame.KMOD_LSHIFT, "?")).action == Action.HELP
