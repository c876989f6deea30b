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
    returns where it is, or None when there is nothing to say. When the whole note does not
    fit the map (large text, a long folder name), it spans the window's width instead: the
    note must be read in full to be acted on."""
    if not ctl.save_problem:
        return None
    msg = "⚠ " + tr("game.autosave_failed", problem=ctl.save_problem)
    lh = text.line_height(SIZE.SMALL)
    wide = Rect(over.x, over.y, surf.get_width() - 2 * over.x, over.h)
    for area in (over, wide):
        need = len(text.wrap(msg, SIZE.SMALL, area.w - 40))
        if need * lh + 36 <= area.h:
            break
    # as many lines as it takes, within the area
    lines = min(need, max(1, (area.h - 36) // lh))
    box = Rect(area.x + 10, area.y + 10, area.w - 20, lines * lh + 16)
    pygame.draw.rect(surf, OKABE_ITO["vermilion"], box, border_radius=8)
    pygame.draw.rect(surf, (0, 0, 0), box, 2, border_radius=8)
    text.draw(surf, msg, box.inflate(-20, -8), SIZE.SMALL, (0, 0, 0), valign="center")
    return box
