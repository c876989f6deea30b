"""``Options``: how the window was asked to start (the ``play`` command's flags, or a test's
choices), read once by ``App``. A class code given instead of a scenario is read here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..play import classcode
from ..scenario.loader import load_scenario
from .controller import DIFFICULTIES
from .display import parse_size


@dataclass
class Options:
    scenario: str | None = None
    role: str | None = None
    roles: tuple[str, ...] = ()
    seed: int = 1
    difficulty: str | None = None
    autoplay: int | None = None
    screenshot_dir: str | None = None
    size: tuple[int, int] | None = None
    fullscreen: bool = False
    lang: str | None = None
    projector: bool = False
    #: open the menu even when a scenario is given (autoplay starts there, for its screenshot)
    menu_first: bool = False
    #: the per-team planning timer in minutes (0 = off; class setup or a class code)
    timer_min: int = 0
    #: the guided tour of the first turn
    tour: bool = False
    #: text scale in percent (None: the saved setting)
    text_scale: int | None = None

    @staticmethod
    def from_args(args: Any) -> Options:
        """The options of ``python main.py play ...``; a class code in place of the scenario
        sets the scenario, teams, seed, difficulty and timer (``classcode.CodeError`` when a
        part of it is wrong, which ``run_window`` reports before any window opens)."""
        roles = list(getattr(args, "role", None) or [])
        diff = getattr(args, "difficulty", None)
        scenario = getattr(args, "scenario", None)
        seed_arg = getattr(args, "seed", None)
        seed = 1 if seed_arg is None else int(seed_arg)
        timer = 0
        if scenario and classcode.looks_like_code(scenario) and not Path(scenario).exists():
            st = classcode.parse_for_scenario(scenario, lambda sid: load_scenario(sid).scenario)
            if st is not None:
                scenario, roles = st.scenario, roles or st.roles
                seed = st.seed if seed_arg in (None, 1) else seed
                diff = diff or st.difficulty
                timer = st.timer_min
        return Options(
            scenario=scenario,
            role=roles[0] if roles else None,
            roles=tuple(roles),
            timer_min=timer,
            seed=seed,
            difficulty=diff if diff in DIFFICULTIES else None,
            autoplay=getattr(args, "autoplay", None),
            screenshot_dir=getattr(args, "screenshot_dir", None),
            size=parse_size(getattr(args, "size", None)),
            fullscreen=bool(getattr(args, "fullscreen", False)),
            lang=getattr(args, "lang", None),
            projector=bool(getattr(args, "projector", False)),
        )
