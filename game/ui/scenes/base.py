"""Scenes, the scene stack (after Tuxemon's ``State``/``StateManager``) and ``Host``, what a
scene may ask of the window.

A scene gets semantic ``Input`` (never raw pygame events), may change the game only through the
``GameController`` it is given, and draws the current view in ``draw`` without changing
anything. Overlays (pop-ups, pause, help) set ``transparent`` so the scene beneath is drawn first
and dimmed.

Scenes never import the window (``app.App``): the window imports the scenes and hands each one
itself as a ``Host``. Opening a screen that belongs to the window (the menu, a new game, the
debrief, help, settings, the glossary...) is a request to the host; a scene opens the pop-ups of
its own flow (pause, timeline, event, summary) itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pygame

from ...play.classcode import ClassSetup
from ...scenario.model import Scenario
from .. import fonts, text
from ..catalog import Entry
from ..controller import GameController
from ..display import Display
from ..input import Action, Input
from ..options import Options
from ..saves import Settings
from ..widgets import FocusRing


class Host(Protocol):
    """The window, as the scenes see it (``app.App`` is the one implementation)."""

    stack: SceneStack
    settings: Settings
    options: Options
    display: Display

    # ---- the game -----------------------------------------------------------------------------
    def new_game(
        self,
        entry: Entry,
        role: str | tuple[str, ...] | None,
        seed: int,
        difficulty: str | None,
        timer_min: int = 0,
        tour: bool = False,
    ) -> None:
        """Start a game (the menu stays beneath it); an error screen when it cannot start."""
        ...

    def resume_save(self, path: Path, scenario_id: str) -> None:
        """Go on with a saved game; an error screen when the save cannot be read."""
        ...

    def find_entry(self, scenario_id: str) -> Entry | None:
        """The installed (or opened) scenario with this id."""
        ...

    def start_tour(self, entries: list[Entry]) -> None:
        """The guided tour: a class scenario at introductory level, with the tour's prompts."""
        ...

    def open_debrief(self, ctl: GameController) -> None: ...

    def go_menu(self) -> None: ...

    def quit(self) -> None: ...

    # ---- screens over any scene ---------------------------------------------------------------
    def show_error(self, title: str, body: str) -> None: ...

    def open_help(self) -> None: ...

    def open_about_map(self) -> None: ...

    def open_glossary(self, scenario: Scenario | None, found: list[str] | None = None) -> None:
        """The glossary of ``scenario``, the terms ``found`` on screen first."""
        ...

    def open_settings(self) -> None: ...

    def open_setup(
        self, entries: list[Entry] | None = None, scenario_id: str | None = None
    ) -> None:
        """The teacher's class setup (the last one used, or ``scenario_id``)."""
        ...

    # ---- preferences and messages -------------------------------------------------------------
    def remember_setup(self, st: ClassSetup) -> None: ...

    def remembered_setup(self) -> ClassSetup | None: ...

    def projector_on(self) -> bool: ...

    def set_projector(self, on: bool) -> None: ...

    def set_text_scale(self, pct: int) -> None: ...

    def toast(self, msg: str) -> None:
        """A short message at the bottom until the next key or click."""
        ...

    def export_folder(self) -> Path: ...


class Scene:
    #: name used for screenshots and tests
    name = "scene"
    #: draw the scene below first (pop-ups and overlays)
    transparent = False
    #: laid out for any text scale (100-200 %): its text never shrinks below the scaled floor
    #: (see ``text``); other scenes may shrink text toward the normal floor when it is large
    large_text = False

    def __init__(self, app: Host) -> None:
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

    # the guided tour (``tour_prompt.TourScene``) ---------------------------------------------
    def tour_target(self, target: str) -> pygame.Rect | None:
        """Where the tour's ``target`` is on this scene, if it is shown here."""
        return None

    def tour_show(self, target: str) -> None:
        """Bring the tour's ``target`` into view."""

    def preview_on_screen(self) -> bool:
        """An action's preview is on screen."""
        return False


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
