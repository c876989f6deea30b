"""The preview of the highlighted action: its name, cost and when it lands, planned or why it
is unavailable, the likely changes, what it does, and its description. At 100 % text it takes
the state panel's place; in the large-text layout it takes the map's place, as scrolling text."""

from __future__ import annotations

import pygame

from ....scenario.model import text_in
from ... import engine_text, glossary, text
from ... import viewmodels as vm
from ...i18n import language, tr
from ...theme import SIZE, Colour, current
from ...widgets import TextBlock, panel
from .state import MapScreenState

Rect = pygame.Rect

#: one line of the preview: (text, size, bold, colour or None, value at the right or None)
PreviewLine = tuple[str, int, bool, Colour | None, str | None]


def description(screen: MapScreenState, row: vm.ChoiceRow) -> str:
    """The action's own description, in the chosen language."""
    ctl = screen.ctl
    act = ctl.scenario.actions[ctl.c.choice_action[row.choice.id]]
    return text_in(act.description, language())


def lines(screen: MapScreenState, row: vm.ChoiceRow) -> list[PreviewLine]:
    th = current()
    s = screen.ctl.session
    ch = row.choice
    p = screen.ctl.preview(ch.id)
    when = (
        tr("preview.lands_now")
        if p.lands_in == 0
        else (tr("preview.lands_next") if p.lands_in == 1 else tr("preview.lands_in", n=p.lands_in))
    )
    if ch.duration > 1:
        when += " · " + tr("preview.lasts", n=ch.duration)
    items: list[PreviewLine] = [
        (vm.choice_label(s, ch), SIZE.H2, True, None, None),
        (
            tr("preview.cost", cost=vm.fmt_cost(s, ch.cost)) + " · " + when,
            SIZE.BODY,
            False,
            None,
            None,
        ),
    ]
    if row.planned:
        items.append(("✓ " + tr("preview.planned"), SIZE.BODY, True, th.good, None))
    elif not ch.legal:
        reason = engine_text.reason(s.scenario, ch.reason)
        items.append(
            ("✗ " + tr("preview.unavailable", reason=reason), SIZE.BODY, True, th.bad, None)
        )
    prefix = f"{s.c.names.get(ch.target, ch.target)}: " if ch.target else ""
    if p.changes:
        items.append((tr("preview.likely"), SIZE.SMALL, True, th.ink_soft, None))
        for k, v in p.changes[:6]:
            k = k[len(prefix) :] if prefix and k.startswith(prefix) else k
            k = vm.drop_parentheses(vm.change_label(s, k))
            items.append((k[:1].upper() + k[1:], SIZE.BODY, False, None, vm.fmt_delta(v)))
    if p.sentences:
        items.append((tr("preview.does"), SIZE.SMALL, True, th.ink_soft, None))
        for t in vm.effects(s, p.sentences[:4]):
            items.append(("• " + t, SIZE.BODY, False, None, None))
    desc = description(screen, row)
    if desc:
        items.append((desc, SIZE.SMALL, False, th.ink_soft, None))
    return items


def blocks(screen: MapScreenState, row: vm.ChoiceRow | None) -> list[TextBlock]:
    """The preview as wrapped text (large-text layout)."""
    if row is None:
        return []
    return [
        (f"{t}  {val}" if val else t, size, bold, col)
        for t, size, bold, col, val in lines(screen, row)
    ]


def draw(surf: pygame.Surface, screen: MapScreenState, row: vm.ChoiceRow, rect: Rect) -> None:
    """The preview in the state panel's place (100 % text); what does not fit is counted."""
    th = current()
    inner = panel(surf, rect, tr("preview.title"))
    items = lines(screen, row)
    marks = glossary.marks(screen.ctl.scenario)
    y = inner.y
    val_w = 80
    for i, (t, size, bold, col, val) in enumerate(items):
        w = inner.w - (val_w if val else 0)
        wrapped = text.wrap(t, size, w, bold)
        lh = text.line_height(size)
        reserve = 0 if i == len(items) - 1 else text.line_height(SIZE.SMALL)
        if y + lh * len(wrapped) > inner.bottom - reserve:
            sl = text.line_height(SIZE.SMALL)
            text.draw(
                surf,
                tr("preview.more", n=len(items) - i),
                Rect(inner.x, inner.bottom - sl, inner.w, sl),
                SIZE.SMALL,
                th.ink_soft,
                wrap_text=False,
            )
            return
        ink = col or th.ink
        for j, ln in enumerate(wrapped):
            text.draw_line(surf, ln, (inner.x, y), size, ink, bold, max_w=w)
            if i == 0 or i == len(items) - 1:  # the action's name and description
                text.underline_marks(surf, ln, inner.x, y, size, bold, ink, marks)
            if val and j == 0:
                text.draw(
                    surf,
                    val,
                    Rect(inner.right - val_w, y, val_w, lh),
                    size,
                    ink,
                    bold=True,
                    align="right",
                    wrap_text=False,
                )
            y += lh
        y += 2
