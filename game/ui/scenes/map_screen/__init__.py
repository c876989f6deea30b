"""The map screen: the map with its modes, the selected state's panel (or the preview of the
highlighted action), the team's actions, the fixed "Why?" panel and the command buttons.

One module a job: ``state`` (what is shown), ``layout`` (where), the panels (``map_panel``,
``state_panel``, ``preview_panel``, ``actions_panel``, ``why_panel``, ``top_bar``), ``flow``
(where the screen leads) and ``scene`` (the widgets, the keys, life on the stack).
"""

from .scene import MapScene

__all__ = ["MapScene"]
