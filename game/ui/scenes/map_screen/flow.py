"""Where the map screen leads: the hand-off screen before a team plans, the event pop-ups and
the summary after a turn, the debrief at the end; and the screens its keys and buttons open
(pause, timeline, save, glossary, about the map, help)."""

from __future__ import annotations

from ...controller import GameController, Phase
from ..base import Host
from ..event import EventScene
from ..handoff import HandoffScene
from ..overlays import PauseScene
from ..saves import SaveLoadScene
from ..summary import SummaryScene
from ..timeline import TimelineScene


class MapFlow:
    def __init__(self, host: Host, ctl: GameController) -> None:
        self.host = host
        self.ctl = ctl

    def hand_off(self) -> bool:
        """A team must take the keyboard first: show the hand-off screen (True when shown)."""
        if self.ctl.phase == Phase.PLANNING and self.ctl.handoff:
            self.host.stack.push(HandoffScene(self.host, self.ctl))
            return True
        return False

    def follow_the_turn(self) -> None:
        """After the planning: the events, then the summary; the debrief when the game is over."""
        ph = self.ctl.phase
        if ph == Phase.EVENTS:
            self.host.stack.push(EventScene(self.host, self.ctl))
        elif ph == Phase.SUMMARY:
            self.host.stack.push(SummaryScene(self.host, self.ctl))
        elif ph == Phase.OVER:
            self.host.open_debrief(self.ctl)

    def pause(self) -> None:
        self.host.stack.push(PauseScene(self.host, self.ctl))

    def timeline(self) -> None:
        if self.ctl.session.reports:
            self.host.stack.push(TimelineScene(self.host, self.ctl))

    def save(self) -> None:
        self.host.stack.push(SaveLoadScene(self.host, "save", self.ctl))

    def glossary(self, found: list[str]) -> None:
        self.host.open_glossary(self.ctl.scenario, found)

    def about_map(self) -> None:
        self.host.open_about_map()

    def help(self) -> None:
        self.host.open_help()
