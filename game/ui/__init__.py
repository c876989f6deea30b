"""The game window (pygame-ce): scenes, input, map view, charts. See docs/ui.md.

The engine never imports this package; this package changes the game only through
``game.play.session.Session`` (via ``controller.GameController``).
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner on stdout
