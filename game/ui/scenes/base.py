"""Scenes and the scene stack (after Tuxemon's ``State``/``StateManager``).

A scene gets semantic ``Input`` (never raw pygame events), may change the game only through the
``GameController`` it is given, and draws the current view in ``draw`` without changing
anything. Overlays (pop-ups, pause, help) set ``transparent`` so the scene beneath is drawn first
and dimmed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .. import fonts, text
from ..input import Action, Input
from ..widgets import FocusRing

if TYPE_CHECKING:
    from ..app import App


class Scene:
    #: name used for screenshots and tests
    name = "scene"
    #: draw the scene below first (pop-ups and overlays)
    transparent = False
    #: laid out for any text scale (100-200 %): its text never shrinks below the scaled floor
    #: (see ``text``); other scenes may shrink text toward the normal floor when it is large
    large_text = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.ring = FocusRing()

    # lifecycle -----------------------------------------------------------------------------
    def enter(self) -> None:
        """Pushed on the stack."""

    def exit(self) -> None:
        """Popped off the stack."""

    def resume(self) -> None:
        """The scene above was closed; the game may have changed, so rebuild views."""

    def glossary_terms(self) -> list[str]:
        """Glossary terms (ids) found in what this scene shows now (G lists them first)."""
        return []

    # input / update / draw -----------------------------------------------------------------
    def handle(self, inp: Input) -> bool:
        """Return True when the input was used."""
        if self.ring.handle(inp):
            return True
        if inp.action == Action.BACK:
            return self.back()
        return False

    def back(self) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surf: pygame.Surface) -> None:
        self.ring.draw(surf)

    #: a key that identifies what is on screen (the screenshot driver saves one PNG per key)
    def shot_key(self) -> str:
        return self.name


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self._dim: pygame.Surface | None = None

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)
        scene.enter()

    def pop(self) -> Scene | None:
        if not self.scenes:
            return None
        s = self.scenes.pop()
        s.exit()
        if self.scenes:
            self.scenes[-1].resume()
        return s

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop().exit()
        self.push(scene)

    def clear_to(self, scene: Scene) -> None:
        while self.scenes:
            self.scenes.pop().exit()
        self.push(scene)

    def find(self, cls: type) -> Scene | None:
        for s in reversed(self.scenes):
            if isinstance(s, cls):
                return s
        return None

    def draw(self, surf: pygame.Surface) -> None:
        if not self.scenes:
            return
        start = len(self.scenes) - 1
        while start > 0 and self.scenes[start].transparent:
            start -= 1
        for i in range(start, len(self.scenes)):
            s = self.scenes[i]
            if s.transparent:
                if self._dim is None or self._dim.get_size() != surf.get_size():
                    self._dim = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
                    self._dim.fill((0, 0, 0, 140))
                surf.blit(self._dim, (0, 0))
            text.set_strict(s.large_text)
            try:
                if s.large_text:
                    s.draw(surf)
                else:
                    with fonts.scale_capped(fonts.OTHER_SCENES_CAP):
                        s.draw(surf)
            finally:
                text.set_strict(True)
