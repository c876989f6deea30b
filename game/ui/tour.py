"""The guided tour of the first turn: its steps and how far the class has got (no drawing).

The controller keeps the ``Tour`` of its game, so the map, the event pop-up and the summary each
show the step that concerns them. Explaining steps go on with Enter; doing steps (``wait``) go on
when the thing is done. ``tour_prompt`` draws the prompt and checks the doing steps.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    id: str
    scene: str  # the scene that shows it: "map" | "event" | "summary"
    target: str  # what it points at ("" = nothing)
    wait: str | None = None  # None: Enter goes on; else the condition that ends the step
    #: where the prompt goes beside its target first ("right", "left", "above", "below"); a
    #: target that fills the screen makes room for the prompt on its left ("dock_left", the
    #: event: its text keeps the height) or beneath it ("dock_below", the summary's two panels)
    side: str = "right"


#: the goal comes first; every prompt sits beside what it explains, never over it
STEPS = (
    Step("goal", "map", "goals", side="below"),  # the goals strip, on screen all game
    Step("map", "map", "map", side="right"),
    Step("state", "map", "state", side="left"),
    Step("why", "map", "why", side="left"),
    Step("preview", "map", "actions", wait="preview", side="right"),
    Step("plan", "map", "actions", wait="plan", side="right"),
    Step("end", "map", "end", wait="end", side="above"),
    Step("event", "event", "event", wait="event", side="dock_left"),
    Step("summary", "summary", "summary", wait="summary", side="dock_below"),
    Step("done", "map", ""),
)


class Tour:
    """Where the class is in ``STEPS``."""

    def __init__(self) -> None:
        self.index = 0
        self.finished = False
        #: where the prompt was drawn last (x, y, w, h): a click on it goes on
        self.prompt_at: tuple[int, int, int, int] | None = None

    @property
    def step(self) -> Step | None:
        return None if self.finished or self.index >= len(STEPS) else STEPS[self.index]

    def next(self) -> None:
        self.index += 1
        self.prompt_at = None
        if self.index >= len(STEPS):
            self.finished = True

    def skip(self) -> None:
        self.finished = True
        self.prompt_at = None
