"""Where the game's data files are: the shipped scenarios and the assets (map, fonts).

In the repository they sit at its top, ``scenarios/`` and ``assets/``, where authors and the
build tools edit them. A wheel carries them inside this package, as ``game/data/scenarios`` and
``game/data/assets`` (``pyproject.toml`` maps the two folders in). ``folder`` looks for them
with ``importlib.resources``, in the package first (an installed wheel), then in the checkout
the package was imported from (a source tree, or an editable install: there the authors' own
folders are used, so an edited scenario shows at once).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

#: the top of the checkout, when the game runs from one
CHECKOUT = Path(__file__).resolve().parents[2]


def folder(name: Literal["scenarios", "assets"]) -> Path:
    """The folder of the shipped scenarios or of the assets."""
    packaged = resources.files(__name__).joinpath(name)
    # A wheel is installed as plain files, so the resource is a real folder (a Path).
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return CHECKOUT / name


def asset(*parts: str) -> Path:
    """One file under the assets, e.g. ``asset("map", "world.json")``."""
    return folder("assets").joinpath(*parts)
