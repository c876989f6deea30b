"""Class codes: one short line that fixes the world for a whole class.

    class_abe_belt_road/seed 42/JPN/standard
    kazakhstan_multivector/seed 7/KAZ+RUS+CHN+JPN/advanced/timer 5

scenario id / seed / the roles people play (``+`` between teams) / difficulty, and optionally
the planning timer in minutes. Groups that type the same code play the same world: the same
events and shocks (the seed), the same rules (the difficulty), the same teams. Reading is
forgiving: any case, spaces, ``,`` or ``+`` between roles, ``seed`` may be left out, and the parts
after the scenario may come in any order.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..scenario.model import Scenario
from .session import DIFFICULTY

TIMERS = (0, 2, 3, 5, 8, 10)


@dataclass
class ClassSetup:
    scenario: str
    seed: int = 1
    roles: list[str] = field(default_factory=list)
    difficulty: str | None = None
    timer_min: int = 0

    def code(self) -> str:
        parts = [
            self.scenario,
            f"seed {self.seed}",
            "+".join(self.roles) or "-",
            self.difficulty or "standard",
        ]
        if self.timer_min:
            parts.append(f"timer {self.timer_min}")
        return "/".join(parts)


class CodeError(ValueError):
    """A class code that cannot be read; ``str()`` says what is wrong, for the player."""


def make(
    scenario: str,
    seed: int,
    roles: list[str] | tuple[str, ...],
    difficulty: str | None,
    timer_min: int = 0,
) -> str:
    return ClassSetup(scenario, seed, list(roles), difficulty, timer_min).code()


def parse(code: str, known_roles: dict[str, list[str]] | None = None) -> ClassSetup:
    """Read a class code. ``known_roles`` (scenario id -> playable roles) lets it check the
    scenario and the roles; without it only the form is checked. Reading is forgiving:

    >>> setup = parse("Class_Abe_Belt_Road / 42 / jpn, chn / ADVANCED / timer 5",
    ...               {"class_abe_belt_road": ["JPN", "CHN"]})
    >>> setup.code()
    'class_abe_belt_road/seed 42/JPN+CHN/advanced/timer 5'
    >>> parse("class_abe_belt_road/seed 42/JPX", {"class_abe_belt_road": ["JPN", "CHN"]})
    Traceback (most recent call last):
    ...
    game.play.classcode.CodeError: 'JPX' is not a seed, a role of class_abe_belt_road (JPN, CHN), a difficulty (introductory, standard, advanced) or a timer
    """
    parts = [p.strip() for p in re.split(r"[/\\|]", code.strip()) if p.strip()]
    if not parts:
        raise CodeError("the class code is empty")
    sid = parts[0].lower().replace(" ", "_")
    if known_roles is not None:
        match = [k for k in known_roles if k.lower() == sid]
        if not match:
            raise CodeError(f"no installed scenario is called '{parts[0]}'")
        sid = match[0]
    out = ClassSetup(sid)
    for p in parts[1:]:
        low = p.lower()
        m = re.fullmatch(r"(?:seed)?\s*[:=]?\s*(\d{1,9})", low)
        if m:
            out.seed = int(m[1])
            continue
        m = re.fullmatch(r"timer\s*[:=]?\s*(\d{1,3})(?:\s*min)?", low)
        if m:
            out.timer_min = int(m[1])
            continue
        level = _difficulty(low)
        if level:
            out.difficulty = level
            continue
        near = difflib.get_close_matches(low, list(DIFFICULTY), n=1, cutoff=0.75)
        if near:
            raise CodeError(f"'{p}' is not a difficulty: did you mean '{near[0]}'?")
        roles = [r.strip().upper() for r in re.split(r"[+,\s]+", p) if r.strip()]
        if roles and all(re.fullmatch(r"[A-Z]{2,6}", r) for r in roles):
            bad = [r for r in roles if known_roles is not None and r not in known_roles[sid]]
            if not bad:
                out.roles = list(dict.fromkeys(roles))
                continue
            p = bad[0]
        roles_txt = f" of {sid} ({', '.join(known_roles[sid])})" if known_roles else ""
        raise CodeError(
            f"'{p}' is not a seed, a role{roles_txt}, a difficulty "
            f"({', '.join(DIFFICULTY)}) or a timer"
        )
    return out


def _difficulty(word: str) -> str | None:
    """A difficulty by its name or an unambiguous start of it ("intro", "adv")."""
    if word in DIFFICULTY:
        return word
    starts = [d for d in DIFFICULTY if len(word) >= 3 and d.startswith(word)]
    return starts[0] if len(starts) == 1 else None


def parse_for_scenario(code: str, scenario_of: Callable[[str], Scenario | None]) -> ClassSetup:
    """Read a class code typed on the command line, checking its roles against the scenario it
    names (so 'JPX' is an error, not a silent switch to the default role). ``scenario_of``
    loads a scenario by id (None when it cannot be loaded: that is left for the caller's loader
    to explain). Raises ``CodeError`` with a message for the teacher."""
    first = parse(code)
    sc = scenario_of(first.scenario)
    if sc is None:
        return first
    roles = list(sc.playable_roles) or [a.id for a in sc.powers][:1]
    return parse(code, {first.scenario: roles})


def looks_like_code(s: str) -> bool:
    """A class code rather than a scenario path: it has parts after the scenario id."""
    return (
        "/" in s
        and not s.endswith((".yaml", ".yml"))
        and bool(re.search(r"/\s*(seed)?\s*\d", s.lower()))
    )
