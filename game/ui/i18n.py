"""Every user-visible string of the window goes through ``tr(key, **kw)``.

Strings live in ``game/ui/locale/<lang>.json`` (flat ``"scene.item": "text {name}"`` keys,
``str.format`` placeholders). English is the reference; a missing key in another language falls
back to English, and a key missing everywhere shows as ``[key]`` so it is easy to spot (the UI
tests check that every key the code uses exists in ``en.json``).

Scenario text (titles, event texts) is not here: it comes from the scenario in the chosen
language through ``game.scenario.model.text_in``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANG = "en"

_lang = DEFAULT_LANG


@lru_cache(maxsize=8)
def _table(lang: str) -> dict[str, str]:
    p = LOCALE_DIR / f"{lang}.json"
    if not p.is_file():
        return {}
    with p.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def available() -> list[str]:
    """Language codes that have a locale file."""
    return sorted(p.stem for p in LOCALE_DIR.glob("*.json"))


def set_language(lang: str | None) -> str:
    """Switch the language (unknown codes fall back to English). Returns the code in use."""
    global _lang
    _lang = lang if lang and lang in available() else DEFAULT_LANG
    return _lang


def language() -> str:
    return _lang


def has(key: str) -> bool:
    return key in _table(_lang) or key in _table(DEFAULT_LANG)


def tr(key: str, **kw: object) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled in."""
    s = _table(_lang).get(key)
    if s is None:
        s = _table(DEFAULT_LANG).get(key)
    if s is None:
        return f"[{key}]"
    if kw:
        try:
            return s.format(**kw)
        except (KeyError, IndexError, ValueError):
            return s
    return s
