"""The preview of the highlighted action: its name, cost and when it lands, planned or why it
is unavailable, then its effect on the team's goals and on the states' autonomy first, the
other likely changes, what it does, and its description - all of it, as scrolling text. At
100 % text it takes the state panel's place; in the large-text layout, the map's place."""

from __future__ import annotations

import pygame

from ....scenario.model import text_in
from ... import engine_text, text
from ... import goal_views as gvs
from ... import viewmodels as vm
from ...i18n import language, tr
from ...theme import SIZE, Colour, current
from ...widgets import ScrollText, TextBlock, panel
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
    """Everything the preview says, most important first: the action, its cost and timing, planned
    or why not; then what it would do to the team's goals and to the states' autonomy, the
    other likely changes, what it does in words, and its description. Nothing is left out: the
    preview scrolls."""
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
    goals = {g.id: g for g in s.goals(ch.seat)}
    shown = [(goals[gid], d) for gid, d in p.goals if gid in goals]
    if shown:
        items.append((tr("preview.goals"), SIZE.SMALL, True, th.ink_soft, None))
        for g, d in shown:
            view = gvs.goal_view(s, g)
            ink = th.good if g.better(d) else th.bad
            digits = gvs.digits_for(g.bands)
            items.append((view.short, SIZE.BODY, False, ink, vm.fmt_delta(d, digits)))
    prefix = f"{s.c.names.get(ch.target, ch.target)}: " if ch.target else ""
    autonomy = [(k, v) for k, v in p.changes if k.endswith(": autonomy")]
    rest = [(k, v) for k, v in p.changes if not k.endswith(": autonomy")]
    for heading, changes in (("preview.autonomy", autonomy), ("preview.likely", rest)):
        if not changes:
            continue
        items.append((tr(heading), SIZE.SMALL, True, th.ink_soft, None))
        for k, v in changes:
            k = (
                k[len(prefix) :]
                if prefix and k.startswith(prefix) and heading != "preview.autonomy"
                else k
            )
            k = vm.drop_parentheses(vm.change_label(s, k))
            items.append((k[:1].upper() + k[1:], SIZE.BODY, False, None, vm.fmt_delta(v)))
    if p.sentences:
        items.append((tr("preview.does"), SIZE.SMALL, True, th.ink_soft, None))
        for t in vm.effects(s, p.sentences):
            items.append(("• " + t, SIZE.BODY, False, None, None))
    desc = description(screen, row)
    if desc:
        items.append((desc, SIZE.SMALL, False, th.ink_soft, None))
    return items


def blocks(screen: MapScreenState, row: vm.ChoiceRow | None) -> list[TextBlock]:
    """The preview as wrapped text, a change's value after its label ("Trust in Japan  +0.5")."""
    if row is None:
        return []
    return [
        (f"{t}  {val}" if val else t, size, bold, col)
        for t, size, bold, col, val in lines(screen, row)
    ]


def draw_frame(surf: pygame.Surface, rect: Rect, body: ScrollText) -> None:
    """100 % text: the preview's panel and heading, in the state panel's place; its text is
    ``body`` (a ``ScrollText`` the focus ring draws). When more is below than fits, the heading
    says how to read it (Tab to the preview, then ↓; or the wheel)."""
    th = current()
    inner = panel(surf, rect, tr("preview.title"))
    if body.more_below and body.top == 0:
        hint = tr("preview.more_keys")
        hh = text.line_height(SIZE.H2)
        title_w = text.width(tr("preview.title"), SIZE.H2, True)
        room = inner.w - title_w - 12
        if text.width(hint, SIZE.SMALL) <= room:
            text.draw(
                surf,
                hint,
                Rect(inner.right - room, inner.y - hh - 2, room, hh),
                SIZE.SMALL,
                th.ink_soft,
                align="right",
                valign="center",
                wrap_text=False,
            )
