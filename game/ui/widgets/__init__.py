"""Small keyboard-first widgets, one a file: buttons, value cyclers, a number field, a text box,
a scrolling list, scrolling text, tabs, and the focus ring that moves between them with Tab /
Shift+Tab; plus the panel frame and the button-bar layout the scenes share.

Every widget answers ``handle(inp) -> bool`` (True = used) and ``draw(surf, focused)``.
Widgets never touch the game: their callbacks are given by the scene.
"""

from .base import Widget, draw_focus
from .button import Button
from .button_bar import flow_buttons
from .cycle import Cycle
from .focus_ring import FocusRing
from .list_view import ListView
from .number_field import NumberField
from .panel import panel
from .scroll_text import SCROLL_KEYS, ScrollText, TextBlock
from .tab_strip import TabStrip
from .text_field import TextField

__all__ = [
    "SCROLL_KEYS",
    "Button",
    "Cycle",
    "FocusRing",
    "ListView",
    "NumberField",
    "ScrollText",
    "TabStrip",
    "TextBlock",
    "TextField",
    "Widget",
    "draw_focus",
    "flow_buttons",
    "panel",
]
