"""Where everything sits on the map screen (pure geometry, no drawing).

Two layouts, each with the team's goals in a strip under the top bar (always on screen). At
100 % text the four panels sit side by side beneath it: the map, the state panel (or the
preview of the highlighted action, or the goals in full), the actions and the "Why?" panel,
with the command buttons beneath (the projector-tested layout). At a larger text scale the map
stays on the left and the right side shows one panel at a time under tabs (State, Actions, Why?,
Goals), each wrapping and scrolling; on the Actions tab the preview takes the map's place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from ... import fonts, text
from ...theme import SIZE
from ...widgets import flow_buttons

Rect = pygame.Rect

TOP_H = 44
#: the goals strip: two lines of small text (name; value, trend and your effect) per goal
GOALS_RECT = Rect(8, 48, 1264, 60)
MAP_RECT = Rect(8, 112, 692, 348)
CONTEXT_RECT = Rect(708, 112, 564, 348)
ACTIONS_RECT = Rect(8, 468, 692, 200)
WHY_RECT = Rect(708, 468, 564, 200)
BAR_Y = 676
BAR_H = 38
#: at 100 % the actions' heading line ("Actions in Kazakhstan ... 1 of 2 used")
ACTIONS_HEAD_H = 44
ROW_H = 36
#: the size of the command buttons' labels at 100 %
BUTTON_SIZE = SIZE.SMALL + 2


@dataclass
class MapLayout:
    large: bool
    top: Rect  # the top bar: year, turn, who plays, budget, actions left
    map: Rect
    context: Rect  # the state panel or the preview (100 %), the tab's content (large)
    actions: Rect
    why: Rect
    buttons: list[Rect]
    action_list: Rect  # the scrolling list of actions inside ``actions``
    action_row_h: int
    why_text: Rect
    goals: Rect  # the goals strip under the top bar
    #: the goals in full, as scrolling text (in the state panel's place at 100 %, the Goals tab)
    goals_text: Rect
    #: the preview as scrolling text (in the state panel's place at 100 %, where the map was in
    #: large text), under its heading
    preview_text: Rect
    tabs: Rect | None = None  # large text: State | Actions | Why? | Goals
    state_text: Rect | None = None  # large text: the state panel as scrolling text


def normal(label_widths: Sequence[int]) -> MapLayout:
    """The 100 % layout; ``label_widths`` are the command buttons' label widths."""
    buttons = _bar(label_widths, BUTTON_SIZE)
    ctx = CONTEXT_RECT.inflate(-20, -12)
    ph = text.line_height(SIZE.H2) + 2  # the preview's heading
    return MapLayout(
        large=False,
        top=Rect(0, 0, 1280, TOP_H),
        map=MAP_RECT,
        context=CONTEXT_RECT,
        actions=ACTIONS_RECT,
        why=WHY_RECT,
        buttons=buttons,
        action_list=Rect(
            ACTIONS_RECT.x + 8,
            ACTIONS_RECT.y + ACTIONS_HEAD_H,
            ACTIONS_RECT.w - 16,
            ACTIONS_RECT.h - ACTIONS_HEAD_H - 8,
        ),
        action_row_h=ROW_H,
        why_text=Rect(WHY_RECT.x + 10, WHY_RECT.y + 44, WHY_RECT.w - 20, WHY_RECT.h - 52),
        goals=GOALS_RECT,
        goals_text=Rect(ctx.x, ctx.y + ph, ctx.w, ctx.h - ph),
        preview_text=Rect(ctx.x, ctx.y + ph, ctx.w, ctx.h - ph),
    )


BAR_GAP, BAR_PAD = 8, 24


def one_row_fits(label_widths: Sequence[int]) -> bool:
    """Whether buttons with labels this wide fit side by side in the bar."""
    n = len(label_widths)
    return sum(w + BAR_PAD for w in label_widths) + BAR_GAP * (n - 1) <= 1280 - 16


def _bar(label_widths: Sequence[int], size: int) -> list[Rect]:
    """One row of buttons across the bottom: each as wide as its label needs, the spare width
    shared out equally, so a long label ("Done: next team (E)") is never cut."""
    n = len(label_widths)
    gap, pad = BAR_GAP, BAR_PAD
    spare = 1280 - 16 - gap * (n - 1) - sum(w + pad for w in label_widths)
    if spare < 0:  # too long for one row: equal widths, the labels shrink to fit
        each = (1280 - 16 - gap * (n - 1)) // n
        return [Rect(8 + i * (each + gap), BAR_Y, each, BAR_H) for i in range(n)]
    out = []
    x = 8.0
    for lw in label_widths:
        w = lw + pad + spare / n
        out.append(Rect(round(x), BAR_Y, round(x + w) - round(x), BAR_H))
        x += w + gap
    return out


def large(label_widths: Sequence[int], tabs_w: int = 0) -> MapLayout:
    """The large-text layout; ``label_widths`` are the (fewer) command buttons' label widths,
    ``tabs_w`` what the tab strip needs (the map gives up width when the tabs need it)."""
    lh = text.line_height(SIZE.BODY)
    top_h = 2 * lh + 8
    # at projector size two lines, as at 100 %: each goal's name, then its value and "you +x"
    # (on one line the names were cut to a few letters); at 200 % one line, for the map's sake
    lines = 2 if fonts.scale() <= 1.5 else 1
    goals = Rect(8, top_h + 4, 1264, lines * text.line_height(SIZE.SMALL) + 8)
    buttons = flow_buttons(label_widths, Rect(8, 0, 1264, 720 - 6), SIZE.SMALL)
    bar_top = min(r.y for r in buttons)
    y0, y1 = goals.bottom + 6, bar_top - 6
    # the map is never smaller than at 100 % text (its labels are larger: they need room),
    # unless the tabs need the width
    map_w = min(730 if fonts.scale() <= 1.5 else 580, 1280 - 24 - tabs_w)
    map_rect = Rect(8, y0, map_w, y1 - y0)
    side = Rect(map_w + 16, y0, 1280 - map_w - 24, y1 - y0)
    tab_h = text.line_height(SIZE.SMALL) + 10
    content = Rect(side.x, side.y + tab_h + 8, side.w, side.h - tab_h - 8)
    inner = content.inflate(-20, -16)
    row_h = lh + text.line_height(SIZE.SMALL) + 10  # the name, and its cost beneath
    head = text.line_height(SIZE.SMALL) + 6  # "Actions in X · 1 of 2 used · A: all"
    pv = map_rect.inflate(-20, -16)
    ph = text.line_height(SIZE.H2) + 2
    return MapLayout(
        large=True,
        top=Rect(0, 0, 1280, top_h),
        map=map_rect,
        context=content,
        actions=content,
        why=content,
        buttons=buttons,
        action_list=Rect(inner.x, inner.y + head, inner.w, inner.h - head),
        action_row_h=row_h,
        why_text=inner,
        goals=goals,
        goals_text=inner,
        preview_text=Rect(pv.x, pv.y + ph, pv.w, pv.h - ph),
        tabs=Rect(side.x, side.y, side.w, tab_h),
        state_text=inner,
    )
