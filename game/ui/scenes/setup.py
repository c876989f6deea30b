"""Class setup, for the teacher: one world for the whole class.

Scenario, the roles played by teams (1-4; the computer plays the rest), seed, difficulty, an
optional planning timer (off by default; it only shows a countdown and a gentle reminder), the
guided tour and projector mode. It shows the class code (``classcode``) that groups type in to
get exactly the same setup, and the equivalent command line for a start file. A code typed here
sets everything at once.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from ...kit.command import command
from ...play import classcode
from .. import catalog, text
from ..controller import DIFFICULTIES, MAX_TEAMS, pick_roles, scenario_roles
from ..i18n import language, tr
from ..input import Action, Input
from ..theme import SIZE, current
from ..widgets import Button, Cycle, FocusRing, NumberField, TextField, Widget, panel
from .base import Host, Scene

Rect = pygame.Rect
LEFT = Rect(16, 68, 640, 578)
RIGHT = Rect(672, 68, 592, 578)
DIFF_NOTE = {
    "introductory": "setup.diff_introductory",
    "standard": "setup.diff_standard",
    "advanced": "setup.diff_advanced",
}


class SetupScene(Scene):
    name = "setup"

    def __init__(
        self,
        app: Host,
        entries: list[catalog.Entry] | None = None,
        start: classcode.ClassSetup | None = None,
    ) -> None:
        super().__init__(app)
        self.entries = [e for e in (entries if entries is not None else catalog.discover()) if e.ok]
        first = self.entries[0].id if self.entries else ""
        self.setup = start or classcode.ClassSetup(first)
        if self.entry is None and self.entries:
            self.setup.scenario = first
        self._fix_roles()
        self.tour = False
        self.message = ""
        self.message_bad = False
        self._build()

    # ---- state ---------------------------------------------------------------------------------
    @property
    def entry(self) -> catalog.Entry | None:
        return next((e for e in self.entries if e.id == self.setup.scenario), None)

    def roles_available(self) -> list[str]:
        e = self.entry
        return scenario_roles(e.scenario) if e and e.scenario else []

    def _fix_roles(self) -> None:
        e = self.entry
        if e and e.scenario:
            self.setup.roles = list(pick_roles(e.scenario, self.setup.roles))
            if self.setup.difficulty not in DIFFICULTIES:
                d = e.scenario.meta.difficulty
                self.setup.difficulty = d if d in DIFFICULTIES else "standard"

    def code(self) -> str:
        return self.setup.code()

    def command(self) -> str:
        st = self.setup
        roles = " ".join(f"--role {r}" for r in st.roles)
        proj = (
            " --projector" if self.app.options.projector or self.app.settings.high_contrast else ""
        )
        lang = f" --lang {language()}" if language() != "en" else ""
        return (
            f"{command('play')} {st.scenario} --seed {st.seed} {roles} "
            f"--difficulty {st.difficulty}{proj}{lang}"
        )

    # ---- widgets -------------------------------------------------------------------------------
    def _build(self) -> None:
        x, w = LEFT.x + 12, LEFT.w - 24
        half = (w - 12) // 2
        y = LEFT.y + 12
        h = 64
        self.scen_w = Cycle(
            Rect(x, y, w, h),
            tr("setup.scenario"),
            lambda: [e.id for e in self.entries],
            lambda: self.setup.scenario,
            self._set_scenario,
            self._scenario_name,
        )
        y += h + 10
        self.team_y = y
        self.team_ws: list[Widget] = []
        roles = self.roles_available()
        for i, r in enumerate(roles[: MAX_TEAMS * 2]):
            rr = Rect(x + (i % 2) * (half + 12), y + (i // 2) * (h + 8), half, h)
            self.team_ws.append(
                Cycle(
                    rr,
                    self._role_label(r),
                    _on_off_values,
                    partial(self._plays, r),
                    partial(self._set_team, r),
                    _team_or_computer,
                )
            )
        rows = (len(self.team_ws) + 1) // 2
        y += rows * (h + 8) + 4
        self.seed_w = NumberField(
            Rect(x, y, half, h),
            tr("menu.seed"),
            lambda: self.setup.seed,
            self._set_seed,
            lo=0,
            hi=999_999,
        )
        self.diff_w = Cycle(
            Rect(x + half + 12, y, half, h),
            tr("setup.difficulty"),
            lambda: list(DIFFICULTIES),
            lambda: self.setup.difficulty,
            self._set_difficulty,
            lambda v: tr(f"difficulty.{v}"),
        )
        y += h + 10
        self.timer_w = Cycle(
            Rect(x, y, half, h),
            tr("setup.timer"),
            lambda: list(classcode.TIMERS),
            lambda: self.setup.timer_min,
            self._set_timer,
            lambda v: tr("setup.timer_min", n=v) if v else tr("setup.timer_off"),
        )
        self.tour_w = Cycle(
            Rect(x + half + 12, y, half, h),
            tr("setup.tour"),
            lambda: [False, True],
            lambda: self.tour,
            self._set_tour,
            lambda v: tr("common.on") if v else tr("common.off"),
        )
        y += h + 10
        self.proj_w = Cycle(
            Rect(x, y, half, h),
            tr("setup.projector"),
            lambda: [False, True],
            lambda: self.app.projector_on(),
            self._set_projector,
            lambda v: tr("common.on") if v else tr("common.off"),
        )
        self.settings_b = Button(
            Rect(x + half + 12, y + 8, half, h - 8), tr("menu.settings"), self.app.open_settings
        )
        rx, rw = RIGHT.x + 12, RIGHT.w - 24
        self.code_field = TextField(
            Rect(rx, RIGHT.bottom - 12 - 64 - 56 - 10, rw, 64),
            tr("setup.type_code"),
            self.apply_code,
        )
        self.apply_b = Button(
            Rect(rx, RIGHT.bottom - 12 - 56, rw // 2 - 6, 56),
            tr("setup.use_code"),
            lambda: self.apply_code(self.code_field.value),
        )
        self.start_b = Button(
            Rect(1280 - 16 - 360, 662, 360, 50),
            tr("setup.start"),
            self.start,
            lambda: self.entry is not None and bool(self.setup.roles),
            primary=True,
            size=SIZE.H2,
        )
        self.back_b = Button(Rect(16, 662, 300, 50), tr("setup.back"), self.done)
        self.ring = FocusRing(
            [
                self.scen_w,
                *self.team_ws,
                self.seed_w,
                self.diff_w,
                self.timer_w,
                self.tour_w,
                self.proj_w,
                self.settings_b,
                self.code_field,
                self.apply_b,
                self.start_b,
                self.back_b,
            ]
        )

    def _scenario_name(self, sid: Any) -> str:
        """The title, or the id when the title is too long for the box."""
        e = next((x for x in self.entries if x.id == sid), None)
        if e is None:
            return str(sid or "—")
        t = e.title(language())
        return t if text.width(t, SIZE.BODY, True) <= self.scen_w.rect.w - 76 else e.id

    def _role_label(self, r: str) -> str:
        e = self.entry
        nm = e.scenario.names(language()).get(r, r) if e and e.scenario else r
        return f"{nm} ({r})"

    def _set_scenario(self, sid: str) -> None:
        self.setup.scenario = sid
        self.setup.roles = []
        self.setup.difficulty = None
        self._fix_roles()
        self.message = ""
        keep = self.ring.index
        self._build()
        self.ring.index = min(keep, len(self.ring.widgets) - 1)

    def _plays(self, r: str) -> bool:
        """True when a team of the class plays role ``r`` (else the computer does)."""
        return r in self.setup.roles

    def _set_team(self, r: str, on: bool) -> None:
        roles = [x for x in self.setup.roles if x != r]
        if on:
            if len(roles) >= MAX_TEAMS:
                self.message, self.message_bad = tr("setup.max_teams", n=MAX_TEAMS), True
                return
            order = self.roles_available()
            roles = sorted(roles + [r], key=order.index)
        elif not roles:
            self.message, self.message_bad = tr("setup.one_team"), True
            return
        self.setup.roles = roles
        self.message = ""

    def _set_seed(self, v: int) -> None:
        self.setup.seed = v

    def _set_difficulty(self, v: str) -> None:
        self.setup.difficulty = v

    def _set_timer(self, v: int) -> None:
        self.setup.timer_min = v

    def _set_tour(self, v: bool) -> None:
        self.tour = v

    def _set_projector(self, v: bool) -> None:
        self.app.set_projector(v)

    # ---- actions -------------------------------------------------------------------------------
    def apply_code(self, code: str) -> None:
        known = {e.id: scenario_roles(e.scenario) for e in self.entries if e.scenario}
        try:
            st = classcode.parse(code, known)
        except classcode.CodeError as e:
            self.message, self.message_bad = tr("setup.bad_code", error=str(e)), True
            return
        self.setup = st
        self._fix_roles()
        self._build()
        self.message, self.message_bad = tr("setup.code_ok"), False

    def start(self) -> None:
        e = self.entry
        if e is None or not self.setup.roles:
            return
        self.app.remember_setup(self.setup)
        st = self.setup
        self.app.new_game(
            e, tuple(st.roles), st.seed, st.difficulty, timer_min=st.timer_min, tour=self.tour
        )

    def done(self) -> None:
        self.app.remember_setup(self.setup)
        self.app.stack.pop()

    def back(self) -> bool:
        self.done()
        return True

    @property
    def text_focus(self) -> bool:
        return self.ring.focused is self.code_field

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.BACK:
            return self.back()
        if self.ring.handle(inp):
            return True
        return False

    def resume(self) -> None:
        self._build()

    # ---- drawing -------------------------------------------------------------------------------
    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        surf.fill(th.bg)
        text.draw(
            surf,
            tr("setup.title"),
            Rect(16, 8, 1248, 54),
            SIZE.H1,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=False,
            min_size=SIZE.H2,
        )
        panel(surf, LEFT)
        inner = panel(surf, RIGHT, tr("setup.code_title"))
        y = inner.y
        code_r = Rect(inner.x, y, inner.w, text.line_height(SIZE.H2) * 2 + 12)
        pygame.draw.rect(surf, th.panel_alt, code_r, border_radius=6)
        pygame.draw.rect(surf, th.border, code_r, 2, border_radius=6)
        text.draw(
            surf,
            _break_at_slashes(self.code(), SIZE.H2, code_r.w - 16),
            code_r.inflate(-16, -8),
            SIZE.H2,
            th.ink,
            bold=True,
            valign="center",
            min_size=SIZE.SMALL,
        )
        y = code_r.bottom + 8
        d = self.setup.difficulty or "standard"
        lines = [
            (tr("setup.code_note"), SIZE.SMALL, th.ink_soft),
            (tr(DIFF_NOTE.get(d, "setup.diff_standard")), SIZE.SMALL, th.ink),
            (tr("setup.command", cmd=self.command()), SIZE.SMALL, th.ink_soft),
        ]
        if self.message:
            lines.append((self.message, SIZE.SMALL, th.bad if self.message_bad else th.good))
        bottom = self.code_field.rect.y - 8
        for t, size, col in lines:
            h = min(bottom - y, len(text.wrap(t, size, inner.w)) * text.line_height(size))
            if h <= 0:
                break
            text.draw(surf, t, Rect(inner.x, y, inner.w, h), size, col)
            y += h + 6
        teams = ", ".join(vm_team_name(self, r) for r in self.setup.roles)
        text.draw(
            surf,
            tr("setup.teams_now", teams=teams or "—"),
            Rect(
                self.apply_b.rect.right + 12,
                self.apply_b.rect.y,
                RIGHT.right - 12 - self.apply_b.rect.right - 12,
                self.apply_b.rect.h,
            ),
            SIZE.SMALL,
            th.ink_soft,
            valign="center",
        )
        self.ring.draw(surf)


def _on_off_values() -> list[bool]:
    return [True, False]


def _team_or_computer(team: bool) -> str:
    return tr("setup.team") if team else tr("setup.computer")


def vm_team_name(scene: SetupScene, r: str) -> str:
    e = scene.entry
    nm = e.scenario.names(language()).get(r, r) if e and e.scenario else r
    return nm


def _break_at_slashes(code: str, size: int, w: int) -> str:
    """Put line breaks after "/" so the code wraps between its parts, not inside one."""
    lines = [""]
    for part in code.split("/"):
        cand = f"{lines[-1]}/{part}" if lines[-1] else part
        if lines[-1] and text.width(cand, size, True) > w:
            lines[-1] += "/"
            lines.append(part)
        else:
            lines[-1] = cand
    return "\n".join(lines)
