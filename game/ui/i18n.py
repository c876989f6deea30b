"""The window's phrases: every user-visible string of the window goes through ``tr(key, **kw)``.

Strings live in ``game/ui/locale/<lang>.json`` (flat ``"scene.item": "text {name}"`` keys,
``str.format`` placeholders), read by the game's one translation layer (``game.kit.i18n``:
CLDR plural forms, numbers and dates as each language writes them). English is the reference;
a missing key in another language falls back to English, and a key missing everywhere shows as
``[key]`` so it is easy to spot (the UI tests check that every key the code uses exists in
``en.json``).

Scenario text (titles, event texts) is not here: it comes from the scenario in the chosen
language through ``game.scenario.model.text_in``.
"""

from __future__ import annotations

from pathlib import Path

from ..kit.i18n import Catalogue, language, number, use_language

__all__ = ["available", "has", "language", "number", "set_language", "tr"]

PHRASES = Catalogue(Path(__file__).resolve().parent / "locale")
tr = PHRASES.tr
has = PHRASES.has
available = PHRASES.languages


def set_language(lang: str | None) -> str:
    """Switch the language (unknown codes fall back to English). Returns the code in use."""
    return use_language(lang, available())
