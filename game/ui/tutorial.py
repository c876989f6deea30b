"""The guided tour of the first turn: short prompts that point at the map, the state panel, the
Why? panel, an action and its preview, ending the turn, and reading an event.

Nothing is timed. Prompts that only explain go on with Enter (or a click on the prompt); prompts
that ask for something (highlight an action, plan it, end the turn, read the event) go on when
it is done. S skips the whole tour at any moment. The tour lives on the ``GameController`` so the
map, the event pop-up and the summary can each draw the step that concerns them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from . import fonts, text
from .i18n import tr
from .input import Action, Input
from .theme import OKABE_ITO, SIZE, current

Rect = pygame.Rect
RING = OKABE_ITO["orange"]


@dataclass(frozen=True)
class Step:
    id: str
    scene: str  # the scene that shows it: "map" | "event" | "summary"
    target: str  # what it points at ("" = nothing)
    wait: str | None = None  # None: Enter goes on; else the condition that ends the step


STEPS = (
    Step("welcome", "map", ""),
    Step("map", "map", "map"),
    Step("state", "map", "state"),
    Step("why", "map", "why"),
    Step("preview", "map", "actions", wait="preview"),
    Step("plan", "map", "actions", wait="plan"),
    Step("end", "map", "end", wait="end"),
    Step("event", "event", "event", wait="event"),
    Step("summary", "summary", "summary", wait="summary"),
    Step("done", "map", ""),
)


class Tutorial:
    def __init__(self) -> None:
        self.i = 0
        self.finished = False
        self.callout: Rect | None = None

    @property
    def step(self) -> Step | None:
        return None if self.finished or self.i >= len(STEPS) else STEPS[self.i]

    def next(self) -> None:
        self.i += 1
        self.callout = None
        if self.i >= len(STEPS):
            self.finished = True

    def skip(self) -> None:
        self.finished = True
        self.callout = None

    # ---- input and progress --------------------------------------------------------------
    def handle(self, inp: Input, scene: Any) -> bool:
        """Keys for the tour (Enter on an explaining prompt, S to skip). True = used."""
        st = self.step
        if st is None:
            return False
        if inp.action == Action.TEXT and inp.key == pygame.K_s:
            self.skip()
            return True
        if st.scene != scene.name or st.wait is not None:
            return False
        if inp.action == Action.ACTIVATE and inp.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.next()
            return True
        if (
            inp.action == Action.CLICK
            and self.callout is not None
            and inp.pos
            and self.callout.collidepoint(inp.pos)
        ):
            self.next()
            return True
        return False

    def update(self, scene: Any) -> None:
        """Move on when what a step asks for is done; show the panel a step points at."""
        st = self.step
        if st is None:
            return
        ctl = scene.ctl
        from .controller import Phase

        if st.id == "event" and scene.name == "summary":  # no event this turn
            self.next()
            st = self.step
            if st is None:
                return
        if st.scene != scene.name:
            return
        if st.wait == "preview" and scene.focused_row() is not None:
            self.next()
        elif st.wait == "plan" and ctl.planned_ids():
            self.next()
        elif st.wait == "end" and (ctl.phase != Phase.PLANNING or ctl.teams_done):
            self.next()
        elif st.wait == "event" and ctl.phase != Phase.EVENTS:
            self.next()
        elif st.wait == "summary" and ctl.phase != Phase.SUMMARY:
            self.next()
        st = self.step
        if st is not None and st.scene == scene.name and hasattr(scene, "tutorial_show"):
            scene.tutorial_show(st.target)

    # ---- drawing ---------------------------------------------------------------------------
    def text_for(self, st: Step) -> str:
        return tr(f"tour.{st.id}")

    def footer(self, st: Step) -> str:
        return tr("tour.keys_wait") if st.wait else tr("tour.keys")

    def draw(self, surf: pygame.Surface, scene: Any) -> None:
        st = self.step
        if st is None or st.scene != scene.name:
            self.callout = None
            return
        th = current()
        target = scene.tutorial_target(st.target) if st.target else None
        if target is not None:
            ring = target.inflate(12, 12)
            pygame.draw.rect(surf, RING, ring, 6, border_radius=8)
            pygame.draw.rect(surf, (0, 0, 0), ring.inflate(4, 4), 2, border_radius=10)
        head = tr("tour.step", n=self.i + 1, total=len(STEPS))
        body = self.text_for(st)
        foot = self.footer(st)
        w = min(1200, round(600 * (1 + (fonts.scale() - 1) * 0.7)))
        inner_w = w - 32
        parts = [(head, SIZE.SMALL, True), (body, SIZE.BODY, False), (foot, SIZE.SMALL, True)]
        hs = [len(text.wrap(t, sz, inner_w, b)) * text.line_height(sz) for t, sz, b in parts]
        h = sum(hs) + 16 * 2 + 8 * 2
        box = _place(Rect(0, 0, w, h), target)
        self.callout = box
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
        for (t, sz, b), hh in zip(parts, hs):
            col = th.ink_soft if sz == SIZE.SMALL and not b else (0, 0, 0)
            text.draw(surf, t, Rect(box.x + 16, y, inner_w, hh), sz, col, bold=b)
            y += hh + 8


def _place(box: Rect, target: Rect | None) -> Rect:
    """Put the prompt next to what it points at, inside the canvas, covering as little of it
    as possible."""
    canvas = Rect(8, 8, 1264, 704)
    if target is None:
        box.center = canvas.center
        return box.clamp(canvas)
    t = target.inflate(24, 24)
    cands = []
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
