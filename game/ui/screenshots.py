"""Regenerate the window screenshots of docs/: ``python -m game.ui.screenshots [DIR]``.

Japanese and Russian in projector mode (high contrast, text 125 %), team hotseat, the glossary,
the class setup, the guided tour and the large-text layout at 200 %, and the goals with "your
effect" (turn 1 and turn 5 as Japan, the summary and the debrief's three paths), all of the
class scenario ``class_abe_belt_road`` (the fixture when it is not installed); and the picture
at the top of README.md and docs/ui.md (``readme.png``, with ``map.png`` beside it): the
campaign's third turn at 100 %. Runs without a display; saves and settings go to a temporary
folder, never the user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pygame must not load before the video driver is chosen (in ``make``)
    from .app import App
    from .controller import GameController
    from .scenes.map_screen import MapScene

SCENARIO = "class_abe_belt_road"
#: the picture at the top of README.md and docs/ui.md (``readme.png``, and ``map.png``)
README_SCENARIO = "campaign_1992_2025"


def _press(app: App, key: int, mod: int = 0, uni: str = "") -> None:
    import pygame

    from .input import key_event

    pygame.event.post(key_event(key, mod, uni))
    app.step()


def _play_until(app: App, ctl: GameController, done: Callable[[], bool]) -> None:
    """Play turns (first legal action for each team) until ``done()`` or the game is over."""
    import pygame

    from .controller import Phase

    for _ in range(200):
        if done():
            return
        top = app.stack.top
        name = top.name if top is not None else ""
        ev = ctl.current_event
        if name == "handoff":
            _press(app, pygame.K_RETURN)
        elif name == "map":
            legal = [c for c in ctl.choices() if c.legal]
            if legal and ctl.slots_left():
                ctl.plan(legal[0].id)
            _press(app, pygame.K_e)
        elif name == "event":
            _press(app, pygame.K_1 if ev is not None and ev.needs_choice else pygame.K_RETURN)
        elif name == "summary":
            _press(app, pygame.K_RETURN)
        elif ctl.phase == Phase.OVER:
            return
        else:
            _press(app, pygame.K_ESCAPE)


def _to_event(app: App, ctl: GameController, with_options: bool = True) -> None:
    """Play turns until an event pop-up (one with options, unless ``with_options`` is False)
    is on screen."""

    def showing() -> bool:
        top = app.stack.top
        ev = ctl.current_event
        return (
            top is not None
            and top.name == "event"
            and (not with_options or (ev is not None and ev.needs_choice))
        )

    _play_until(app, ctl, showing)


def _map_scene(app: App) -> MapScene:
    from .scenes.map_screen import MapScene

    top = app.stack.top
    assert isinstance(top, MapScene), top
    return top


#: the docs' goals screenshots: the autoplay's shot whose name has this part
GOALS_SHOTS = {
    "goals-turn1": "_map_00_goals.",
    "goals-turn5": "_map_04_preview.",  # turn 5, the action picked and previewed
    "goals-summary": "_summary_2017.",
    "goals-debrief": "_debrief_1_results.",
}


def _autoplay_goals(entry: object, folder: Path, shots: Path) -> list[Path]:
    """A whole game of Japan played through the real input path (``--autoplay 9``), and the
    goals screenshots picked from its shots (``GOALS_SHOTS``)."""
    import shutil

    import pygame

    from .app import App, Options
    from .autoplay import AutoPlayer

    opts = Options(
        size=(1280, 720),
        role="JPN",
        roles=("JPN",),
        autoplay=9,
        screenshot_dir=str(shots),
        lang="en",
        text_scale=100,
        menu_first=True,
    )
    shots.mkdir(parents=True, exist_ok=True)
    app = App(opts, entry)  # type: ignore[arg-type]
    app.autoplayer = AutoPlayer(9, scenario_id=SCENARIO, role="JPN", roles=("JPN",))
    app.run()
    pygame.display.quit()
    out = []
    for name, part in GOALS_SHOTS.items():
        found = next((p for p in app.shot_paths if part in p.name), None)
        if found is not None:
            out.append(Path(shutil.copy(found, folder / f"{name}.png")))
    return out


def make(folder: Path) -> list[Path]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    tmp = Path(tempfile.mkdtemp(prefix="crossroads-shots-"))
    for var, sub in (
        ("CROSSROADS_SAVE_DIR", "saves"),
        ("CROSSROADS_CONFIG_DIR", "config"),
        ("CROSSROADS_EXPORT_DIR", "exports"),
    ):
        os.environ[var] = str(tmp / sub)
    import pygame

    from . import catalog, fonts, i18n, theme
    from .app import App, Options

    folder.mkdir(parents=True, exist_ok=True)
    entry = catalog.load(SCENARIO)
    if not entry.ok:
        raise SystemExit(entry.errors)
    out: list[Path] = []

    def shot(app: App, name: str) -> None:
        app.step([])
        p = folder / f"{name}.png"
        app.display.screenshot(str(p))
        out.append(p)

    for lang in ("ja", "ru"):
        app = App(Options(size=(1280, 720), menu_first=True, lang=lang, projector=True), entry)
        app.step([])
        shot(app, f"{lang}-projector-menu")
        app.new_game(entry, ("JPN", "CHN"), 12, "standard")
        app.step([])
        shot(app, f"{lang}-projector-handoff")
        _press(app, pygame.K_RETURN)
        game = _map_scene(app)
        shot(app, f"{lang}-projector-goals")  # a new game opens on its goals
        game.set_tab("state")
        shot(app, f"{lang}-projector-map")
        game.focus_widget(game.choice_list)
        shot(app, f"{lang}-projector-preview")
        _press(app, pygame.K_g)
        shot(app, f"{lang}-projector-glossary")
        _press(app, pygame.K_ESCAPE)
        _to_event(app, game.ctl)
        shot(app, f"{lang}-projector-event")
        pygame.display.quit()
    # English: the goals with "your effect", as `play class_abe_belt_road --role JPN
    # --autoplay 5 --screenshot-dir D` takes them (the greedy policy plays Japan by keys)
    out += _autoplay_goals(entry, folder, tmp / "autoplay")
    # English: class setup, the tour, and the large-text layout at 200 %
    app = App(Options(size=(1280, 720), menu_first=True, lang="en", text_scale=100), entry)
    app.step([])
    app.open_setup()
    shot(app, "en-class-setup")
    app.stack.pop()
    app.start_tour([entry])
    app.step([])
    _press(app, pygame.K_RETURN)
    shot(app, "en-tour-map")
    tour = _map_scene(app).ctl.tour
    assert tour is not None
    tour.index = 4  # the step that points at the actions
    app.step([])
    shot(app, "en-tour-actions")
    pygame.display.quit()
    app = App(Options(size=(1280, 720), menu_first=True, lang="en", text_scale=200), entry)
    app.new_game(entry, None, 12, "standard")
    app.step([])
    game = _map_scene(app)
    shot(app, "en-text200-map")
    game.focus_widget(game.choice_list)
    shot(app, "en-text200-actions")
    _to_event(app, game.ctl)
    shot(app, "en-text200-event")
    pygame.display.quit()
    # the README's picture: the campaign at 100 %, Japan, on its third turn (the map has moved)
    campaign = catalog.load(README_SCENARIO)
    if not campaign.ok:
        raise SystemExit(campaign.errors)
    app = App(Options(size=(1280, 720), menu_first=True, lang="en", text_scale=100), campaign)
    app.new_game(campaign, "JPN", 1, "standard")
    app.step([])
    game = _map_scene(app)
    _play_until(app, game.ctl, lambda: app.stack.top is game and game.ctl.session.turn == 2)
    shot(app, "map")
    game.focus_widget(game.choice_list)
    rows = game.screen.rows()  # the first action Japan can take now, with its preview
    game.choice_list.selected = next((i for i, r in enumerate(rows) if r.choice.legal), 0)
    shot(app, "readme")
    pygame.display.quit()
    fonts.set_scale(1.0)
    theme.set_high_contrast(False)
    i18n.set_language("en")
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    for p in make(folder):
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
