"""The note a game screen shows while its autosave cannot be written (a full disk, a save
folder gone): what is wrong, in plain words (``kit.files.write_problem``), until an autosave
works again. The controller keeps the autosave's path and tries again after every turn
(``GameController.save_problem``)."""

from __future__ import annotations

import pygame

from .. import text
from ..controller import GameController
from ..i18n import tr
from ..theme import OKABE_ITO, SIZE

Rect = pygame.Rect


def draw(surf: pygame.Surface, ctl: GameController, over: Rect) -> Rect | None:
    """Draw the note across the top of ``over`` (the map) when the last autosave failed;
    returns where it is, or None when there is nothing to say."""
    if not ctl.save_problem:
        return None
    msg = "⚠ " + tr("game.autosave_failed", problem=ctl.save_problem)
    lh = text.line_height(SIZE.SMALL)
    # as many lines as it takes, within the map (large text, long folder names)
    lines = min(len(text.wrap(msg, SIZE.SMALL, over.w - 40)), max(1, (over.h - 36) // lh))
    box = Rect(over.x + 10, over.y + 10, over.w - 20, lines * lh + 16)
    pygame.draw.rect(surf, OKABE_ITO["vermilion"], box, border_radius=8)
    pygame.draw.rect(surf, (0, 0, 0), box, 2, border_radius=8)
    text.draw(surf, msg, box.inflate(-20, -8), SIZE.SMALL, (0, 0, 0), valign="center")
    return box
