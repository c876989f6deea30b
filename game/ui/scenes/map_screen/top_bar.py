"""The top bar of the map screen (year and turn, who plays, the budget, actions left, the
planning timer) and the teacher's timer note on the map when the time is up."""

from __future__ import annotations

import pygame

from ... import text
from ... import viewmodels as vm
from ...controller import GameController
from ...i18n import tr
from ...theme import OKABE_ITO, SIZE, current

Rect = pygame.Rect


def clock(seconds: float) -> str:
    """ "4:05": minutes and seconds left (rounded up, never negative)."""
    s = max(0, int(seconds + 0.999))
    return f"{s // 60}:{s % 60:02d}"


def texts(ctl: GameController) -> tuple[str, str]:
    """(when: year, turn, timer; who and what: the team, its budget, actions left)."""
    s = ctl.session
    left = tr("game.when", year=s.year, turn=min(s.turn + 1, s.c.n_turns), total=s.c.n_turns)
    budget = " · ".join(
        f"{vm.short_resource(s, r)} {vm.fmt_number(v)}" for r, v in ctl.budget().items()
    )
    who = vm.team(s, ctl.role) if ctl.hotseat else tr("game.you", role=vm.name(s, ctl.role))
    right = tr("game.status", who=who, budget=budget, left=ctl.slots_left(), total=s.c.M_slots)
    t = ctl.time_left()
    if t is not None:
        left += " · " + tr("timer.left", time=clock(t))
    return left, right


def draw(surf: pygame.Surface, ctl: GameController, bar: Rect, large: bool) -> None:
    th = current()
    pygame.draw.rect(surf, th.panel, bar)
    pygame.draw.line(surf, th.border, bar.bottomleft, bar.bottomright, th.outline_w)
    left, right = texts(ctl)
    if not large:
        text.draw(
            surf,
            left,
            Rect(12, 0, 330, bar.h),
            SIZE.BODY,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        text.draw(
            surf,
            right,
            Rect(344, 0, 1280 - 356, bar.h),
            SIZE.BODY,
            th.ink,
            align="right",
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        return
    # two lines: when and who, then the budget and the actions left
    lh = text.line_height(SIZE.BODY)
    first, _, rest = right.partition(" · ")
    line1 = f"{left} · {first}"
    if text.width(line1, SIZE.BODY, True) > 1256:
        line1, rest = left, right
    text.draw(
        surf,
        line1,
        Rect(12, 4, 1256, lh),
        SIZE.BODY,
        th.ink,
        bold=True,
        wrap_text=False,
        min_size=SIZE.SMALL,
    )
    text.draw(
        surf,
        rest,
        Rect(12, 4 + lh, 1256, lh),
        SIZE.BODY,
        th.ink,
        wrap_text=False,
        min_size=SIZE.SMALL,
    )


def draw_timer_note(surf: pygame.Surface, ctl: GameController, over: Rect) -> None:
    """The teacher's optional timer: past its time, a gentle note on the map (never more)."""
    t = ctl.time_left()
    if t is None or t > 0:
        return
    msg = tr("timer.up")
    lines = text.wrap(msg, SIZE.SMALL, over.w - 40, True)
    h = len(lines) * text.line_height(SIZE.SMALL) + 16
    box = Rect(over.x + 10, over.bottom - h - 10, over.w - 20, h)
    pygame.draw.rect(surf, OKABE_ITO["yellow"], box, border_radius=8)
    pygame.draw.rect(surf, (0, 0, 0), box, 2, border_radius=8)
    text.draw(surf, msg, box.inflate(-20, -8), SIZE.SMALL, (0, 0, 0), bold=True, valign="center")
