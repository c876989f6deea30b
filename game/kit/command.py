"""The command the user typed to start the game, so every hint can name it.

The same command line is reached three ways: ``crossroads`` (the installed console script),
``python main.py`` (a checkout) and ``python -m game``. A hint such as "run 'python main.py
validate FILE'" is wrong for someone who typed ``crossroads``; ``command_prefix`` reads
``sys.argv[0]`` and returns the words to put before a sub-command, and ``command`` joins them
with the rest. The translation catalogues fill a ``{cmd}`` placeholder with it (``i18n``).
"""

from __future__ import annotations

import sys
from pathlib import PureWindowsPath

#: what messages say when the game was not started from its own command line (tests, a
#: notebook, ``python -c``): the form the documentation uses
DEFAULT_PREFIX = "python main.py"


def command_prefix(argv0: str | None = None) -> str:
    """``crossroads``, ``python -m game`` or ``python main.py``: what the user typed before the
    sub-command. ``argv0`` defaults to ``sys.argv[0]``; a ``main.py`` elsewhere keeps the path
    as typed (``python ../crossroads/main.py``)."""
    arg = sys.argv[0] if argv0 is None else argv0
    if not arg:
        return DEFAULT_PREFIX
    path = PureWindowsPath(arg)  # splits at both / and \, so any system's path reads here
    base, parent = path.name.lower(), path.parent.name.lower()
    if base == "__main__.py" and parent == "game":
        return "python -m game"
    stem = base.removesuffix(".exe").removesuffix("-script.py")
    if stem == "crossroads":
        return "crossroads"
    if base == "main.py":
        return f"python {arg}"
    return DEFAULT_PREFIX


def command(rest: str) -> str:
    """The full command for ``rest`` as the user would type it: ``command("validate x.yaml")``
    is ``crossroads validate x.yaml`` for someone who started ``crossroads``."""
    return f"{command_prefix()} {rest}".rstrip()


__all__ = ["DEFAULT_PREFIX", "command", "command_prefix"]
