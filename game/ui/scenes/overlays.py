"""Overlays drawn over the current scene: pause menu, help (keys), about the map, confirm."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from .. import fonts, text
from ..controller import GameController
from ..i18n import tr
from ..input import KEY_HELP, Action, Input
from ..theme import SIZE, current
from ..widgets import Button, FocusRing, ScrollText, TextBlock, panel
from .base import Host, Scene

Rect = pygame.Rect


class PauseScene(Scene):
    name = "pause"
    transparent = True

    def __init__(self, app: Host, ctl: GameController | None) -> None:
        super().__init__(app)
        self.ctl = ctl
        items: list[tuple[str, Callable[[], object], Callable[[], bool] | None]] = [
            ("pause.resume", self.app.stack.pop, None),
            ("pause.save", self.save, lambda: self.ctl is not None),
            ("pause.load", self.load, None),
            ("pause.settings", self.app.open_settings, None),
            ("pause.help", self.app.open_help, None),
            ("pause.glossary", self.glossary, None),
            (
                "pause.timeline",
                self.timeline,
                lambda: self.ctl is not None and bool(self.ctl.session.reports),
            ),
            ("pause.about_map", self.app.open_about_map, None),
            (
                "pause.finish",
                self.finish,
                lambda: self.ctl is not None and not self.ctl.session.over,
            ),
            ("pause.menu", self.app.go_menu, None),
            ("pause.quit", self.app.quit, None),
        ]
        w, h, gap = 440, 46, 6
        total = len(items) * (h + gap)
        # room for the title at the current text size (projector mode makes it taller)
        head = max(56, 14 + text.line_height(SIZE.H1))
        self.box = Rect(
            (1280 - w - 60) // 2, max(0, (720 - total - head - 6) // 2), w + 60, total + head + 6
        )
        y = self.box.y + head
        self.buttons = []
        self.keys: list[str] = []
        for key, fn, en in items:
            self.buttons.append(
                Button(
                    Rect(self.box.x + 30, y, w, h), tr(key), fn, en, primary=key == "pause.resume"
                )
            )
            self.keys.append(key)
            y += h + gap
        self.ring = FocusRing(self.buttons)

    def button(self, key: str) -> Button:
        return self.buttons[self.keys.index(key)]

    def glossary(self) -> None:
        sc = self.ctl.scenario if self.ctl is not None else None
        self.app.open_glossary(sc, [])

    def timeline(self) -> None:
        from .timeline import TimelineScene

        if self.ctl is not None:
            self.app.stack.push(TimelineScene(self.app, self.ctl))

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def handle(self, inp: Input) -> bool:
        if inp.action in (Action.UP, Action.DOWN):
            self.ring.move(-1 if inp.action == Action.UP else +1)
            return True
        return super().handle(inp)

    def save(self) -> None:
        from .saves import SaveLoadScene

        self.app.stack.push(SaveLoadScene(self.app, "save", self.ctl))

    def load(self) -> None:
        from .saves import SaveLoadScene

        self.app.stack.push(SaveLoadScene(self.app, "load", self.ctl))

    def finish(self) -> None:
        ctl = self.ctl
        if ctl is None:
            return

        def yes() -> None:
            ctl.end_game_now()
            self.app.open_debrief(ctl)

        self.app.stack.push(ConfirmScene(self.app, tr("pause.finish_confirm"), yes))

    def draw(self, surf: pygame.Surface) -> None:
        inner = panel(surf, self.box, tr("pause.title"), title_size=SIZE.H1)
        del inner
        self.ring.draw(surf)


class ConfirmScene(Scene):
    name = "confirm"
    transparent = True

    def __init__(self, app: Host, question: str, on_yes: Callable[[], None]) -> None:
        super().__init__(app)
        self.question = question
        self.on_yes = on_yes
        self.box = Rect(240, 220, 800, 280)
        self.yes = Button(
            Rect(self.box.x + 40, self.box.bottom - 80, 340, 52),
            tr("common.yes"),
            self._yes,
            primary=True,
        )
        self.no = Button(
            Rect(self.box.right - 380, self.box.bottom - 80, 340, 52),
            tr("common.no"),
            self.app.stack.pop,
        )
        self.ring = FocusRing([self.no, self.yes])

    def _yes(self) -> None:
        self.app.stack.pop()
        self.on_yes()

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def handle(self, inp: Input) -> bool:
        if inp.action in (Action.LEFT, Action.RIGHT):
            self.ring.move(1)
            return True
        return super().handle(inp)

    def draw(self, surf: pygame.Surface) -> None:
        inner = panel(surf, self.box)
        text.draw(
            surf,
            self.question,
            Rect(inner.x + 10, inner.y + 10, inner.w - 20, 150),
            SIZE.BODY,
            current().ink,
            bold=True,
        )
        self.ring.draw(surf)


class HelpScene(Scene):
    name = "help"
    transparent = True

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.box = Rect(20, 24, 1240, 672)
        self.close = Button(
            Rect(self.box.centerx - 150, self.box.bottom - 64, 300, 48),
            tr("common.close"),
            self.app.stack.pop,
            primary=True,
        )
        self.ring = FocusRing([self.close])

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.HELP:
            self.app.stack.pop()
            return True
        return super().handle(inp)

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        inner = panel(surf, self.box, tr("help.title"), title_size=SIZE.H1)
        lh = text.line_height(SIZE.BODY)
        col_w = inner.w // 2
        n = (len(KEY_HELP) + 1) // 2
        for i, (keys, what) in enumerate(KEY_HELP):
            x = inner.x + (i // n) * col_w
            y = inner.y + 4 + (i % n) * (lh + 2)
            text.draw(
                surf,
                keys,
                Rect(x, y, 200, lh),
                SIZE.BODY,
                th.ink,
                bold=True,
                wrap_text=False,
                min_size=SIZE.SMALL,
            )
            text.draw(
                surf,
                tr(what),
                Rect(x + 206, y, col_w - 220, lh),
                SIZE.BODY,
                th.ink,
                wrap_text=False,
                min_size=SIZE.SMALL,
            )
        y = inner.y + 8 + n * (lh + 2)
        text.draw(
            surf,
            tr("help.note"),
            Rect(inner.x, y, inner.w, self.close.rect.y - y - 8),
            SIZE.SMALL,
            th.ink_soft,
        )
        self.ring.draw(surf)


class AboutMapScene(Scene):
    name = "about_map"
    transparent = True

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        from ..map_data import MapProblem, World, load_world

        self.data: World | None = None
        self.problem = ""
        try:
            self.data = load_world()
        except MapProblem as e:  # the credits of a map that cannot be drawn: say why instead
            self.problem = str(e)
        self.box = Rect(120, 40, 1040, 640)
        inner = self.box.inflate(-20, -12)
        with fonts.scale_capped(fonts.OTHER_SCENES_CAP):
            hh = text.line_height(SIZE.H1) + 2
        self.body = ScrollText(
            Rect(inner.x, inner.y + hh, inner.w, self.box.bottom - 72 - inner.y - hh), self._blocks
        )
        self.close = Button(
            Rect(self.box.centerx - 150, self.box.bottom - 62, 300, 48),
            tr("common.close"),
            self.app.stack.pop,
            primary=True,
        )
        self.ring = FocusRing([self.close, self.body])

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def _blocks(self) -> list[TextBlock]:
        th = current()
        d = self.data
        if d is None:
            return [(tr("map.unavailable", problem=self.problem), SIZE.BODY, False, th.bad)]
        src = d.source.get("dataset", "")
        return [
            (tr("about.intro"), SIZE.BODY, False, None),
            (d.about, SIZE.BODY, False, None),
            (tr("about.projection"), SIZE.BODY, False, None),
            (tr("about.patterns"), SIZE.BODY, False, None),
            (d.attribution + (f" ({src})" if src else ""), SIZE.SMALL, False, th.ink_soft),
            (d.license, SIZE.SMALL, False, th.ink_soft),
        ]

    def draw(self, surf: pygame.Surface) -> None:
        panel(surf, self.box, tr("about.title"), title_size=SIZE.H1)
        self.ring.draw(surf)
