"""The window: ``run_window(args)`` (called by ``game/cli.py``) and the ``App`` main loop.

The loop only does: raw events -> ``InputMapper`` -> the top scene's ``handle`` -> ``update`` of
the top scene -> draw the stack on the 1280x720 canvas -> scale to the window. ``App.step`` runs
one frame from a list of events, which is what the tests call; ``--autoplay`` posts real pygame
events into the queue (see ``autoplay.py``), so it drives exactly the keyboard path.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import deque
from pathlib import Path

import pygame

from ..engine.record import SaveError
from ..kit.command import command
from ..play import classcode
from ..scenario.model import Scenario
from . import catalog, fonts, i18n, saves, text, theme
from .autoplay import AutoPlayer
from .controller import GameController
from .display import Display, parse_size
from .i18n import tr
from .input import Action, HeldKeys, Input, InputMapper
from .options import Options
from .scenes.base import Scene, SceneStack
from .scenes.debrief import DebriefScene
from .scenes.error import ErrorScene
from .scenes.glossary import GlossaryScene
from .scenes.map_screen import MapScene
from .scenes.menu import MenuScene
from .scenes.overlays import AboutMapScene, HelpScene
from .scenes.settings import SettingsScene
from .scenes.setup import SetupScene
from .theme import SIZE

__all__ = ["App", "Options", "run_window"]


class App:
    """The window: the scene stack, the loop, and what the scenes may ask of it
    (``scenes.base.Host``)."""

    def __init__(self, options: Options | None = None, entry: catalog.Entry | None = None) -> None:
        self.t0 = time.perf_counter()
        self.options = options or Options()
        o = self.options
        self.settings, settings_problem = saves.Settings.read()
        saves.open_save_folder()  # old saves copied in, stale temporary files removed
        i18n.set_language(o.lang or self.settings.language)
        theme.set_high_contrast(o.projector or self.settings.high_contrast)
        scale = (o.text_scale or self.settings.text_scale) / 100
        fonts.set_scale(max(scale, fonts.PROJECTOR_SCALE) if o.projector else scale)
        if not pygame.display.get_init():
            pygame.display.init()
        if not pygame.font.get_init():
            pygame.font.init()
        size = o.size or parse_size(self.settings.window) or (1280, 720)
        self.display = Display(
            size, o.fullscreen or self.settings.fullscreen, title=tr("app.title")
        )
        pygame.key.set_repeat()  # off: one press is one action (see input.HeldKeys)
        self.mapper = InputMapper(self.display.to_logical)
        self.held = HeldKeys()
        #: inputs not yet handled: after an input changes the scene on top, the rest of the
        #: frame's inputs wait for the next frame, so they reach the scene now on top (after its
        #: update) and never the one beneath a dialog that just closed
        self.waiting: deque[Input] = deque()
        self.stack = SceneStack()
        self.running = True
        self.frame = 0
        self.first_menu_frame_s: float | None = None
        self._toast = ""
        self._shots: dict[str, int] = {}
        self.shot_paths: list[Path] = []
        self.autoplayer: AutoPlayer | None = None
        self.controller: GameController | None = None
        self.start_entry = entry
        entries = catalog.discover()
        if entry is not None and not any(e.id == entry.id and e.ok for e in entries):
            entries.insert(0, entry)
        self.stack.push(MenuScene(self, entries))
        notes = [n for n in (settings_problem, fonts.font_problem()) if n]
        if settings_problem:
            notes[0] = tr("settings.ignored", problem=settings_problem)
        for n in notes:  # said once on stderr, and on the menu until the next key
            print(f"crossroads: warning: {n}", file=sys.stderr)
        if notes:
            self.toast(" · ".join(notes))
        if entry is not None:
            menu = self.stack.top
            assert isinstance(menu, MenuScene)
            idx = next((i for i, e in enumerate(entries) if e.id == entry.id), 0)
            menu.list.select(idx)
            if o.autoplay is None and not o.menu_first:
                self.new_game(
                    entry,
                    o.roles or o.role,
                    o.seed,
                    o.difficulty,
                    timer_min=o.timer_min,
                    tour=o.tour,
                )

    # ---- navigation used by the scenes ---------------------------------------------------------
    def new_game(
        self,
        entry: catalog.Entry,
        role: str | tuple[str, ...] | None,
        seed: int,
        difficulty: str | None,
        timer_min: int = 0,
        tour: bool = False,
    ) -> None:
        try:
            ctl = GameController.new(entry, role, seed, difficulty, timer_min=timer_min, tour=tour)
        except Exception as e:  # noqa: BLE001 - show it, never crash the class's game
            self.show_error(tr("error.start_title"), f"{type(e).__name__}: {e}")
            return
        self.controller = ctl
        self._keep_menu_then(MapScene(self, ctl))

    def resume_save(self, path: Path, scenario_id: str) -> None:
        entry = self.find_entry(scenario_id)
        if entry is None or not entry.ok:
            self.show_error(
                tr("saves.bad_title"),
                entry.errors if entry else tr("saves.no_scenario", id=scenario_id),
            )
            return
        try:
            ctl = GameController.resume(entry, path)
        except (SaveError, OSError) as e:
            self.show_error(tr("saves.bad_title"), str(e))
            return
        self.controller = ctl
        self._keep_menu_then(MapScene(self, ctl))

    def find_entry(self, scenario_id: str) -> catalog.Entry | None:
        """The scenario of a save: the one opened, one in the menu, else the installed one."""
        if self.start_entry is not None and self.start_entry.id == scenario_id:
            return self.start_entry
        menu = self.stack.find(MenuScene)
        for e in menu.entries if isinstance(menu, MenuScene) else []:
            if e.id == scenario_id:
                return e
        e = catalog.load(scenario_id)
        return e

    def _keep_menu_then(self, scene: Scene) -> None:
        while self.stack.top is not None and not isinstance(self.stack.top, MenuScene):
            self.stack.scenes.pop().exit()
        self.stack.push(scene)

    def go_menu(self) -> None:
        while self.stack.top is not None and not isinstance(self.stack.top, MenuScene):
            self.stack.scenes.pop().exit()
        if self.stack.top is None:
            self.stack.push(MenuScene(self))
        else:
            self.stack.top.resume()
        self.controller = None

    def open_debrief(self, ctl: GameController) -> None:
        self._keep_menu_then(DebriefScene(self, ctl))

    def show_error(self, title: str, body: str) -> None:
        self.stack.push(ErrorScene(self, title, body))

    def open_help(self) -> None:
        if not isinstance(self.stack.top, HelpScene):
            self.stack.push(HelpScene(self))

    def open_about_map(self) -> None:
        if not isinstance(self.stack.top, AboutMapScene):
            self.stack.push(AboutMapScene(self))

    def open_glossary(self, scenario: Scenario | None, found: list[str] | None = None) -> None:
        if not isinstance(self.stack.top, GlossaryScene):
            self.stack.push(GlossaryScene(self, scenario, found))

    def open_setup(
        self, entries: list[catalog.Entry] | None = None, scenario_id: str | None = None
    ) -> None:
        start = self.remembered_setup()
        if scenario_id and (start is None or start.scenario != scenario_id):
            start = classcode.ClassSetup(scenario_id, self.options.seed)
        self.stack.push(SetupScene(self, entries, start))

    def remember_setup(self, st: classcode.ClassSetup) -> None:
        self.settings.class_code = st.code()
        self.settings.save()

    def remembered_setup(self) -> classcode.ClassSetup | None:
        try:
            return classcode.parse(self.settings.class_code) if self.settings.class_code else None
        except classcode.CodeError:
            return None

    def start_tour(self, entries: list[catalog.Entry]) -> None:
        """The guided tour: class_abe_belt_road if installed, else the first class scenario."""
        ok = [e for e in entries if e.scenario is not None]
        pick = (
            next((e for e in ok if e.id == "class_abe_belt_road"), None)
            or next((e for e in ok if e.scenario and e.scenario.meta.kind == "class"), None)
            or (ok[0] if ok else None)
        )
        if pick is None:
            return
        self.new_game(pick, None, self.options.seed, "introductory", tour=True)

    # ---- display options ----------------------------------------------------------------------
    def projector_on(self) -> bool:
        return theme.current().name == "high_contrast" and fonts.scale() >= fonts.PROJECTOR_SCALE

    def set_projector(self, on: bool) -> None:
        """Projector mode: high contrast and text at least 125 % (saved as settings)."""
        self.settings.high_contrast = on
        theme.set_high_contrast(on)
        pct = max(self.settings.text_scale, round(fonts.PROJECTOR_SCALE * 100)) if on else 100
        self.set_text_scale(pct)

    def set_text_scale(self, pct: int) -> None:
        pct = min(fonts.TEXT_STEPS[-1], max(fonts.TEXT_STEPS[0], int(pct)))
        self.settings.text_scale = pct
        fonts.set_scale(pct / 100)
        self.settings.save()

    def step_text_scale(self, d: int) -> None:
        cur = round(fonts.scale() * 100)
        i = min(range(len(fonts.TEXT_STEPS)), key=lambda k: abs(fonts.TEXT_STEPS[k] - cur))
        self.set_text_scale(fonts.TEXT_STEPS[min(len(fonts.TEXT_STEPS) - 1, max(0, i + d))])
        self.toast(tr("settings.text_now", pct=round(fonts.scale() * 100)))

    def open_settings(self) -> None:
        if not isinstance(self.stack.top, SettingsScene):
            self.stack.push(SettingsScene(self))

    def quit(self) -> None:
        self.running = False

    def toast(self, msg: str) -> None:
        """A short message at the bottom; it stays until the next key press or click."""
        self._toast = msg

    def export_folder(self) -> Path:
        if self.options.screenshot_dir:
            return Path(self.options.screenshot_dir)
        return saves.export_dir()

    # ---- the loop ------------------------------------------------------------------------------
    def dispatch(self, inp: Input) -> None:
        a = inp.action
        if a in (Action.CLICK,) or (a not in (Action.MOTION, Action.WHEEL) and self._toast):
            self._toast = ""
        if a == Action.QUIT:
            self.running = False
            return
        if a == Action.FULLSCREEN:
            self.display.toggle_fullscreen()
            self.settings.fullscreen = self.display.fullscreen
            return
        top = self.stack.top
        if top is None:
            return
        typing = bool(getattr(top, "text_focus", False))
        if a == Action.HELP and top.name != "help" and not (typing and inp.char):
            self.open_help()
            return
        used = top.handle(inp)
        if not used and not typing and a == Action.TEXT and inp.char in ("+", "=", "-", "−"):
            self.step_text_scale(+1 if inp.char in "+=" else -1)

    def step(
        self, events: list[pygame.event.Event] | None = None, dt: float = 1 / 60, draw: bool = True
    ) -> bool:
        """One frame: handle ``events`` (default: the pygame queue), update, draw, present.
        ``dt`` is the time since the last frame; ``draw=False`` skips drawing (long randomised
        tests draw only some frames).

        Each input is handled once, by the scene on top. When an input changes which scene is
        on top (a dialog closes, a game starts), the frame's other inputs wait for the next
        frame. A held scrolling key repeats at most once a frame."""
        if events is None:
            events = pygame.event.get()
        for ev in events:
            if ev.type == pygame.VIDEORESIZE:
                self.display.resized((ev.w, ev.h))
            elif ev.type == pygame.KEYUP:
                self.held.released(ev.key)
            else:
                inp = self.mapper.map(ev)
                if inp is not None:
                    self.waiting.append(inp)
        again = self.held.repeat(dt, self.stack.top)
        if again is not None:
            self.waiting.append(again)
        top = self.stack.top
        while self.waiting:
            inp = self.waiting.popleft()
            self.held.pressed(inp, self.stack.top)
            self.dispatch(inp)
            if not self.running:
                return False
            if self.stack.top is not top:
                break  # the rest goes to the new scene, next frame
        top = self.stack.top
        if top is not None:
            top.update(dt)
        if draw:
            self.draw()
        self.frame += 1
        return self.running

    def draw(self) -> None:
        canvas = self.display.canvas
        canvas.fill(theme.current().bg)
        self.stack.draw(canvas)
        if self._toast:
            self._draw_toast(canvas)
        top = self.stack.top
        if top is not None and top.name == "menu" and self.first_menu_frame_s is None:
            self.first_menu_frame_s = time.perf_counter() - self.t0
        self.display.present()
        if self.options.screenshot_dir and top is not None:
            self._screenshot(top)

    def _draw_toast(self, canvas: pygame.Surface) -> None:
        th = theme.current()
        w = min(1240, text.width(self._toast, SIZE.BODY, True) + 40)
        lines = text.wrap(self._toast, SIZE.BODY, w - 20, True)
        h = len(lines) * text.line_height(SIZE.BODY) + 16
        r = pygame.Rect((1280 - w) // 2, 704 - h, w, h)
        pygame.draw.rect(canvas, th.ink, r, border_radius=8)
        text.draw(
            canvas,
            self._toast,
            r.inflate(-20, 0),
            SIZE.BODY,
            th.panel,
            bold=True,
            align="center",
            valign="center",
            min_size=SIZE.SMALL,
        )

    def _screenshot(self, top: Scene) -> None:
        key = top.shot_key()
        if key in self._shots:
            return
        folder = Path(self.options.screenshot_dir or ".")
        folder.mkdir(parents=True, exist_ok=True)
        n = len(self._shots)
        self._shots[key] = n
        p = folder / f"{n:02d}_{key}.png"
        self.display.screenshot(str(p))
        self.shot_paths.append(p)

    def run(self) -> int:
        clock = pygame.time.Clock()
        dt = 1 / 60
        while self.running:
            if self.autoplayer is not None and not pygame.event.peek():
                evs = self.autoplayer.next_events(self.stack)
                if evs is None:
                    break
                for ev in evs:
                    pygame.event.post(ev)
            events = pygame.event.get()
            if not events and self.autoplayer is None and not self.waiting and not self.held.any():
                events = [pygame.event.wait(500)]  # idle: nothing in the game is timed
            self.step(events, dt)
            dt = clock.tick(60) / 1000  # the real time of the frame (the teacher's timer)
        return 0


def run_window(args: argparse.Namespace) -> int:
    """Open the window (menu, or the scenario given on the command line). Returns an exit code.

    A scenario given on the command line that fails validation prints the validator's messages
    and returns 1 before any window opens."""
    try:
        opts = Options.from_args(args)
    except classcode.CodeError as e:
        print(f"crossroads: class code '{args.scenario}': {e}", file=sys.stderr)
        return 2
    if len(opts.roles) > 4:
        print(
            f"crossroads: at most four teams play at one computer; playing "
            f"{', '.join(opts.roles[:4])}",
            file=sys.stderr,
        )
    entry = None
    if opts.scenario:
        entry = catalog.load(opts.scenario)
        if not entry.ok:
            print(entry.errors, file=sys.stderr)
            print(
                f"crossroads: cannot open '{opts.scenario}': fix the errors above "
                f"({command('validate')} shows them too)",
                file=sys.stderr,
            )
            return 1
    if opts.autoplay is not None and opts.autoplay < 0:
        print("crossroads: --autoplay needs a number of turns (0 or more)", file=sys.stderr)
        return 2
    if opts.screenshot_dir:
        Path(opts.screenshot_dir).mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # the game has no sound
    try:
        app = App(opts, entry)
    except pygame.error as e:
        print(
            f"crossroads: cannot open a window ({e}). On a machine without a display use "
            f"'{command('play SCENARIO --headless')}', or run under xvfb-run.",
            file=sys.stderr,
        )
        return 1
    if opts.autoplay is not None:
        app.autoplayer = AutoPlayer(
            opts.autoplay, scenario_id=entry.id if entry else None, role=opts.role, roles=opts.roles
        )
    try:
        code = app.run()
    finally:
        pygame.display.quit()
    if opts.screenshot_dir and app.shot_paths:
        print(f"{len(app.shot_paths)} screenshots in {opts.screenshot_dir}")
    if app.autoplayer is not None and app.autoplayer.failed:
        print(f"crossroads: autoplay stopped: {app.autoplayer.failed}", file=sys.stderr)
        return 1
    return code
