"""The guided tour on screen: the prompt bubble beside an orange ring around what it explains,
the tour's keys (Enter on an explaining prompt, S to skip) and the checks that end a doing step.

The steps and the progress are ``tour.Tour`` (kept by the controller); the scenes that show a
step (map, event pop-up, summary) call ``handle``, ``update`` and ``draw`` with themselves, and
say through ``TourScene`` where each target is. Nothing is timed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import pygame

from . import fonts, text
from . import viewmodels as vm
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
#: where a prompt may be drawn (the canvas less a margin)
SCREEN = Rect(8, 8, 1264, 704)
GAP = 24  # between a prompt and the ring around its target
PAD = 16  # inside the prompt


def free_area(scene: TourScene) -> Rect:
    """The part of the canvas ``scene`` may lay itself out in: all of it, except while a
    docked step (its target fills the screen: the event pop-up, the summary) is shown on it,
    when the prompt takes a band on the left or at the bottom."""
    dock = _dock(scene)
    if dock is None:
        return CANVAS.copy()
    if dock.x > SCREEN.x or dock.w < SCREEN.w:  # on the left
        return Rect(dock.right + GAP - 8, 0, CANVAS.w - dock.right - GAP + 8, CANVAS.h)
    return Rect(0, 0, CANVAS.w, dock.y - GAP + 8)


def _dock(scene: TourScene) -> Rect | None:
    """Where a docked prompt goes on ``scene`` now (None: no docked step on it)."""
    running = _running(scene)
    if running is None:
        return None
    tour, st = running
    if st.scene != scene.name or not st.side.startswith("dock"):
        return None
    parts = _parts(scene, tour, st)
    if st.side == "dock_left":
        w = min(SCREEN.w // 2, round(SCREEN.w / 3 * (1 + (fonts.scale() - 1) * 0.7)))
        box = Rect(SCREEN.x, SCREEN.y, w, min(SCREEN.h, _height(parts, w)))
        box.centery = SCREEN.centery
        return box
    h = _height(parts, SCREEN.w)
    return Rect(SCREEN.x, SCREEN.bottom - h, SCREEN.w, h)


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


def _goal(scene: TourScene) -> str:
    """The goal of the game for the team, and what it is graded on."""
    ctl = scene.ctl
    s = ctl.session
    goal = tr("tour.goal", role=vm.name(s, ctl.role))
    graded = vm.objective_names(s, ctl.role)
    if graded:
        goal += "\n" + tr("tour.graded") + "\n" + "\n".join("• " + g for g in graded)
        goal += "\n" + tr("tour.strip")
    return goal


def _parts(scene: TourScene, tour: Tour, st: Step) -> list[tuple[str, int, bool]]:
    """The prompt's lines: "Tour n of 10", what the step says, the keys."""
    body = _goal(scene) if st.id == "goal" else tr(f"tour.{st.id}")
    return [
        (tr("tour.step", n=tour.index + 1, total=len(STEPS)), SIZE.SMALL, True),
        (body, SIZE.BODY, False),
        (tr("tour.keys_wait") if st.wait else tr("tour.keys"), SIZE.SMALL, True),
    ]


def _heights(parts: list[tuple[str, int, bool]], w: int) -> list[int]:
    return [len(text.wrap(t, sz, w - 2 * PAD, b)) * text.line_height(sz) for t, sz, b in parts]


def _height(parts: list[tuple[str, int, bool]], w: int) -> int:
    return sum(_heights(parts, w)) + 2 * PAD + 8 * (len(parts) - 1)


def _width() -> int:
    """The prompt's width it would like (wider with larger text)."""
    return min(SCREEN.w, round(600 * (1 + (fonts.scale() - 1) * 0.7)))


def draw(scene: TourScene, surf: pygame.Surface) -> None:
    """The prompt of the current step, when it belongs to ``scene``: beside the ring around
    its target, never over it."""
    tour = scene.ctl.tour
    st = tour.step if tour is not None else None
    if tour is None or st is None or st.scene != scene.name:
        if tour is not None:
            tour.prompt_at = None
        return
    th = current()
    target = scene.tour_target(st.target) if st.target else None
    parts = _parts(scene, tour, st)
    docked = _dock(scene)
    if docked is not None:
        box = docked
    else:
        box = place(lambda w: _height(parts, w), _width(), target, st.side)
    tour.prompt_at = (box.x, box.y, box.w, box.h)
    if target is not None:
        ring = target.inflate(12, 12)
        pygame.draw.rect(surf, RING, ring, 6, border_radius=8)
        pygame.draw.rect(surf, (0, 0, 0), ring.inflate(4, 4), 2, border_radius=10)
    pygame.draw.rect(surf, (255, 255, 214), box, border_radius=10)
    pygame.draw.rect(surf, RING, box, 5, border_radius=10)
    pygame.draw.rect(surf, (0, 0, 0), box.inflate(2, 2), 1, border_radius=10)
    if target is not None:
        a = _edge(box, target.center)
        b = _edge(target.inflate(12, 12), box.center)
        pygame.draw.line(surf, (0, 0, 0), a, b, 6)
        pygame.draw.line(surf, RING, a, b, 3)
        pygame.draw.circle(surf, RING, b, 8)
    y = box.y + PAD
    for (t, sz, bold), hh in zip(parts, _heights(parts, box.w)):
        col = th.ink_soft if sz == SIZE.SMALL and not bold else (0, 0, 0)
        text.draw(surf, t, Rect(box.x + PAD, y, box.w - 2 * PAD, hh), sz, col, bold=bold)
        y += hh + 8


SIDES = ("right", "left", "below", "above")


def place(height: Callable[[int], int], want_w: int, target: Rect | None, side: str) -> Rect:
    """Where the prompt goes: centred when it explains the whole screen; else in the free
    strip on ``side`` of the target (then the other sides), as wide as it would like or as the
    strip allows, so it never covers the target. ``height(w)`` is its height at width ``w``."""
    if target is None:
        w = want_w if height(want_w) <= SCREEN.h else SCREEN.w  # a long text: the whole width
        box = Rect(0, 0, w, min(height(w), SCREEN.h))
        box.center = SCREEN.center
        return box
    ring = target.inflate(12 + 2 * GAP, 12 + 2 * GAP)
    strips = {
        "right": Rect(ring.right, SCREEN.y, SCREEN.right - ring.right, SCREEN.h),
        "left": Rect(SCREEN.x, SCREEN.y, ring.x - SCREEN.x, SCREEN.h),
        "below": Rect(SCREEN.x, ring.bottom, SCREEN.w, SCREEN.bottom - ring.bottom),
        "above": Rect(SCREEN.x, SCREEN.y, SCREEN.w, ring.y - SCREEN.y),
    }
    order = [side] + [x for x in SIDES if x != side]
    best: Rect | None = None
    for name in order:
        strip = strips[name]
        if strip.w <= 2 * PAD or strip.h <= 2 * PAD:
            continue
        w = min(want_w, strip.w)
        if height(w) > strip.h:
            w = strip.w  # too tall for the strip: use all its width
        box = Rect(0, 0, w, height(w))
        if name in ("right", "left"):
            box.centery = target.centery
            box.x = strip.x if name == "right" else strip.right - w
        else:
            box.centerx = target.centerx
            box.y = strip.y if name == "below" else strip.bottom - box.h
        box = box.clamp(strip)
        if box.h <= strip.h:
            return box
        if best is None or strip.h * strip.w > best.h * best.w:
            best = strip
    return best if best is not None else SCREEN.copy()  # no room anywhere: the largest strip


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
