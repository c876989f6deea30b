"""Settings: fullscreen, window size, high contrast, text size, map patterns, language. Saved
per user. Text size (100-200 %, also + and − anywhere) and language take effect at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from .. import fonts, i18n, text, theme
from ..display import parse_size
from ..i18n import tr
from ..theme import SIZE
from ..widgets import Button, Cycle, FocusRing, panel
from .base import Host, Scene

Rect = pygame.Rect
BOX = Rect(200, 16, 880, 688)
SIZES = ["1280x720", "1600x900", "1920x1080"]

#: a setting: (label, its values, the value now, set it, how a value is shown)
Row = tuple[
    str, Callable[[], Sequence[Any]], Callable[[], Any], Callable[[Any], None], Callable[[Any], str]
]


def on_off(v: bool) -> str:
    return tr("common.on") if v else tr("common.off")


class SettingsScene(Scene):
    name = "settings"
    transparent = True

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self._build()

    def _build(self) -> None:
        """The rows and the button, with their words in the language now chosen."""
        app = self.app
        st = app.settings
        x, w, h = BOX.x + 40, BOX.w - 80, 62
        y = BOX.y + 66
        step = 72
        rows: list[Row] = [
            (
                tr("settings.fullscreen"),
                lambda: [False, True],
                lambda: app.display.fullscreen,
                self.set_fullscreen,
                on_off,
            ),
            (
                tr("settings.window"),
                lambda: SIZES,
                lambda: st.window if st.window in SIZES else SIZES[0],
                self.set_window,
                str,
            ),
            (
                tr("settings.contrast"),
                lambda: [False, True],
                lambda: st.high_contrast,
                self.set_contrast,
                on_off,
            ),
            (
                tr("settings.text_size"),
                lambda: list(fonts.TEXT_STEPS),
                lambda: round(fonts.scale() * 100),
                self.set_text_size,
                lambda v: f"{v} %",
            ),
            (
                tr("settings.patterns"),
                lambda: [True, False],
                lambda: st.patterns,
                self.set_patterns,
                on_off,
            ),
            (
                tr("settings.language"),
                i18n.available,
                lambda: st.language,
                self.set_language,
                lambda v: tr(f"lang.{v}"),
            ),
        ]
        self.widgets = [
            Cycle(Rect(x, y + i * step, w, h), lab, vals, get, set_, show)
            for i, (lab, vals, get, set_, show) in enumerate(rows)
        ]
        self.note_y = y + len(rows) * step
        self.close = Button(
            Rect(BOX.centerx - 150, BOX.bottom - 62, 300, 50),
            tr("common.close"),
            self.done,
            primary=True,
        )
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

    def set_text_size(self, v: int) -> None:
        self.app.set_text_scale(v)

    def set_patterns(self, v: bool) -> None:
        self.app.settings.patterns = v
        self.app.settings.save()

    def set_language(self, v: str) -> None:
        self.app.settings.language = i18n.set_language(v)
        self.app.settings.save()
        keep = self.ring.index
        self._build()  # the labels, in the new language
        self.ring.index = keep

    def done(self) -> None:
        self.app.stack.pop()

    def back(self) -> bool:
        self.done()
        return True

    def draw(self, surf: pygame.Surface) -> None:
        inner = panel(surf, BOX, tr("settings.title"), title_size=SIZE.H1)
        text.draw(
            surf,
            tr("settings.note"),
            Rect(inner.x + 20, self.note_y, inner.w - 40, self.close.rect.y - 8 - self.note_y),
            SIZE.SMALL,
            theme.current().ink_soft,
        )
        self.ring.draw(surf)
