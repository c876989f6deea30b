"""The guided tour on screen: the prompt bubble beside an orange ring around what it explains,
the tour's keys (Enter on an explaining prompt, S to skip) and the checks that end a doing step.

The steps and the progress are ``tour.Tour`` (kept by the controller); the scenes that show a
step (map, event pop-up, summary) call ``handle``, ``update`` and ``draw`` with themselves, and
say through ``TourScene`` where each target is. Nothing is timed.
"""

from __future__ import annotations

from typing import Protocol

import pygame

from . import fonts, text
from .controller import GameController, Phase
from .i18n import tr
from .input import Action, Input
from .theme import OKABE_ITO, SIZE, current
from .tour import STEPS, Step, Tour

Rect = pygame.Rect
RING = OKABE_ITO["orange"]


class TourScene(Protocol):
    """What the tour needs from the scene it is drawn on."""

    name: str
    ctl: GameController

    def tour_target(self, target: str) -> Rect | None:
        """Where ``target`` ("map", "state", "actions", ...) is on screen, if shown."""
        ...

    def tour_show(self, target: str) -> None:
        """Bring ``target`` into view (a tab of the large-text layout)."""
        ...

    def preview_on_screen(self) -> bool:
        """An action's preview is shown (the step "preview" waits for it)."""
        ...


CANVAS = Rect(0, 0, 1280, 720)


def free_area(scene: object) -> Rect:
    """The part of the canvas the scene may lay itself out in (all of it for now)."""
    return CANVAS.copy()


def _running(scene: TourScene) -> tuple[Tour, Step] | None:
    tour = scene.ctl.tour
    st = tour.step if tour is not None else None
    return (tour, st) if tour is not None and st is not None else None


def handle(scene: TourScene, inp: Input) -> bool:
    """Keys for the tour (Enter on an explaining prompt, S to skip). True = used."""
    running = _running(scene)
    if running is None:
        return False
    tour, st = running
    if inp.action == Action.TEXT and inp.key == pygame.K_s:
        tour.skip()
        return True
    if st.scene != scene.name or st.wait is not None:
        return False
    if inp.action == Action.ACTIVATE and inp.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
        tour.next()
        return True
    if (
        inp.action == Action.CLICK
        and tour.prompt_at is not None
        and inp.pos
        and Rect(tour.prompt_at).collidepoint(inp.pos)
    ):
        tour.next()
        return True
    return False


def update(scene: TourScene) -> None:
    """Move on when what a step asks for is done; show the panel a step points at."""
    running = _running(scene)
    if running is None:
        return
    tour, st = running
    ctl = scene.ctl
    if st.id == "event" and scene.name == "summary":  # no event this turn
        tour.next()
        running = _running(scene)
        if running is None:
            return
        tour, st = running
    if st.scene != scene.name:
        return
    if st.wait == "preview" and scene.preview_on_screen():
        tour.next()
    elif st.wait == "plan" and ctl.planned_ids():
        tour.next()
    elif st.wait == "end" and (ctl.phase != Phase.PLANNING or ctl.teams_done):
        tour.next()
    elif st.wait == "event" and ctl.phase != Phase.EVENTS:
        tour.next()
    elif st.wait == "summary" and ctl.phase != Phase.SUMMARY:
        tour.next()
    st2 = tour.step
    if st2 is not None and st2.scene == scene.name:
        scene.tour_show(st2.target)


def draw(scene: TourScene, surf: pygame.Surface) -> None:
    """The prompt of the current step, when it belongs to ``scene``."""
    tour = scene.ctl.tour
    st = tour.step if tour is not None else None
    if tour is None or st is None or st.scene != scene.name:
        if tour is not None:
            tour.prompt_at = None
        return
    th = current()
    target = scene.tour_target(st.target) if st.target else None
    if target is not None:
        ring = target.inflate(12, 12)
        pygame.draw.rect(surf, RING, ring, 6, border_radius=8)
        pygame.draw.rect(surf, (0, 0, 0), ring.inflate(4, 4), 2, border_radius=10)
    head = tr("tour.step", n=tour.index + 1, total=len(STEPS))
    body = tr(f"tour.{st.id}")
    foot = tr("tour.keys_wait") if st.wait else tr("tour.keys")
    w = min(1200, round(600 * (1 + (fonts.scale() - 1) * 0.7)))
    inner_w = w - 32
    parts: list[tuple[str, int, bool]] = [
        (head, SIZE.SMALL, True),
        (body, SIZE.BODY, False),
        (foot, SIZE.SMALL, True),
    ]
    hs = [len(text.wrap(t, sz, inner_w, b)) * text.line_height(sz) for t, sz, b in parts]
    h = sum(hs) + 16 * 2 + 8 * 2
    box = _place(Rect(0, 0, w, h), target)
    tour.prompt_at = (box.x, box.y, box.w, box.h)
    pygame.draw.rect(surf, (255, 255, 214), box, border_radius=10)
    pygame.draw.rect(surf, RING, box, 5, border_radius=10)
    pygame.draw.rect(surf, (0, 0, 0), box.inflate(2, 2), 1, border_radius=10)
    if target is not None:
        a = _edge(box, target.center)
        b = _edge(target.inflate(12, 12), box.center)
        pygame.draw.line(surf, (0, 0, 0), a, b, 6)
        pygame.draw.line(surf, RING, a, b, 3)
        pygame.draw.circle(surf, RING, b, 8)
    y = box.y + 16
    for (t, sz, bold), hh in zip(parts, hs):
        col = th.ink_soft if sz == SIZE.SMALL and not bold else (0, 0, 0)
        text.draw(surf, t, Rect(box.x + 16, y, inner_w, hh), sz, col, bold=bold)
        y += hh + 8


def _place(box: Rect, target: Rect | None) -> Rect:
    """Put the prompt next to what it points at, inside the canvas, covering as little of it
    as possible."""
    canvas = Rect(8, 8, 1264, 704)
    if target is None:
        box.center = canvas.center
        return box.clamp(canvas)
    t = target.inflate(24, 24)
    cands: list[tuple[int, int, Rect]] = []
    for side in ("right", "left", "below", "above"):
        b = box.copy()
        if side == "right":
            b.midleft = (t.right, t.centery)
        elif side == "left":
            b.midright = (t.left, t.centery)
        elif side == "below":
            b.midtop = (t.centerx, t.bottom)
        else:
            b.midbottom = (t.centerx, t.top)
        b = b.clamp(canvas)
        overlap = b.clip(target)
        cands.append((overlap.w * overlap.h, len(cands), b))
    cands.sort(key=lambda c: (c[0], c[1]))
    return cands[0][2]


def _edge(r: Rect, toward: tuple[int, int]) -> tuple[int, int]:
    """The point where the line from ``r``'s centre to ``toward`` leaves ``r``."""
    cx, cy = r.center
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return r.center
    sx = (r.w / 2) / abs(dx) if dx else float("inf")
    sy = (r.h / 2) / abs(dy) if dy else float("inf")
    k = min(sx, sy, 1.0)
    return (int(cx + dx * k), int(cy + dy * k))
