"""Settings: fullscreen, window size, high contrast, map patterns, language. Saved per user."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .. import i18n, text, theme
from ..display import parse_size
from ..i18n import tr
from ..theme import SIZE
from ..widgets import Button, Cycle, FocusRing, panel
from .base import Scene

if TYPE_CHECKING:
    from ..app import App

Rect = pygame.Rect
BOX = Rect(240, 60, 800, 600)
SIZES = ["1280x720", "1600x900", "1920x1080"]


class SettingsScene(Scene):
    name = "settings"
    transparent = True

    def __init__(self, app: App) -> None:
        super().__init__(app)
        st = app.settings
        on_off = lambda v: tr("common.on") if v else tr("common.off")  # noqa: E731
        x, w, h = BOX.x + 40, BOX.w - 80, 64
        y = BOX.y + 70
        self.widgets = [
            Cycle(Rect(x, y, w, h), tr("settings.fullscreen"), lambda: [False, True],
                  lambda: app.display.fullscreen, self.set_fullscreen, on_off),
            Cycle(Rect(x, y + 76, w, h), tr("settings.window"), lambda: SIZES,
                  lambda: st.window if st.window in SIZES else SIZES[0], self.set_window),
            Cycle(Rect(x, y + 152, w, h), tr("settings.contrast"), lambda: [False, True],
                  lambda: st.high_contrast, self.set_contrast, on_off),
            Cycle(Rect(x, y + 228, w, h), tr("settings.patterns"), lambda: [True, False],
                  lambda: st.patterns, self.set_patterns, on_off),
            Cycle(Rect(x, y + 304, w, h), tr("settings.language"), i18n.available,
                  lambda: st.language, self.set_language, lambda v: tr(f"lang.{v}")),
        ]
        self.close = Button(Rect(BOX.centerx - 150, BOX.bottom - 70, 300, 50),
                            tr("common.close"), self.done, primary=True)
        self.ring = FocusRing([*self.widgets, self.close])

    def set_fullscreen(self, v: bool) -> None:
        if v != self.app.display.fullscreen:
            self.app.display.toggle_fullscreen()
        self.app.settings.fullscreen = v
        self.app.settings.save()

    def set_window(self, v: str) -> None:
        self.app.settings.window = v
        size = parse_size(v)
        if size:
            self.app.display.set_size(size)
        self.app.settings.save()

    def set_contrast(self, v: bool) -> None:
        self.app.settings.high_contrast = v
        theme.set_high_contrast(v)
        self.app.settings.save()

    def set_patterns(self, v: bool) -> None:
        self.app.settings.patterns = v
        self.app.settings.save()

    def set_language(self, v: str) -> None:
        self.app.settings.language = i18n.set_language(v)
        self.app.settings.save()

    def done(self) -> None:
        self.app.stack.pop()

    def back(self) -> bool:
        self.done()
        return True

    def draw(self, surf: pygame.Surface) -> None:
        inner = panel(surf, BOX, tr("settings.title"), title_size=SIZE.H1)
        text.draw(surf, tr("settings.note"), Rect(inner.x + 20, BOX.y + 70 + 380, inner.w - 40,
                                                  80), SIZE.SMALL, theme.current().ink_soft)
        self.ring.draw(surf)
