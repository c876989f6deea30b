"""The countries a scenario's map can show, and the check of the ``map:`` section (E210).

Countries are ISO 3166-1 alpha-3 codes (``KAZ``, ``MNG``; Natural Earth's own code where ISO has
none, e.g. ``XKX`` for Kosovo). The table itself, with each country's name in English, Japanese
and Russian, is generated with the map asset by ``tools/build_map.py`` (``country_codes.py``).
"""

from __future__ import annotations

import difflib
from typing import Any

from .country_codes import COUNTRIES

LANGS = ("en", "ja", "ru")


def country_name(code: str, lang: str = "en") -> str:
    """The country's name in ``lang`` (English when the language is not one of LANGS)."""
    names = COUNTRIES[code]
    return names[LANGS.index(lang)] if lang in LANGS else names[0]


def suggest(code: str) -> str | None:
    """The known code meant by an unknown one: the code of a country written by its name
    ('Mongolia', 'Монголия'), the code in capitals ('mng'), or the nearest code ('MGN')."""
    up = code.strip().upper()
    for iso, names in COUNTRIES.items():
        if up == iso or any(up == n.upper() for n in names):
            return iso
    close = difflib.get_close_matches(up, list(COUNTRIES), n=1, cutoff=0.6)
    if close:
        return close[0]
    by_name = {names[0].upper(): iso for iso, names in COUNTRIES.items()}
    close = difflib.get_close_matches(up, list(by_name), n=1, cutoff=0.7)
    return by_name[close[0]] if close else None


def check_map(settings: Any) -> list[tuple[tuple[Any, ...], str, str]]:
    """(path, message, hint) for every country code of the ``map:`` section that is not on the
    map. ``settings``: the section (a ``MapSettings``), or None when the scenario has none."""
    out: list[tuple[tuple[Any, ...], str, str]] = []
    if settings is None:
        return out
    for key in ("focus", "show", "insets"):
        for i, code in enumerate(getattr(settings, key) or []):
            if code in COUNTRIES:
                continue
            guess = suggest(code)
            if guess is not None:
                hint = f"Did you mean '{guess}' ({country_name(guess)})?"
            else:
                hint = (
                    "Write the country's ISO 3166-1 alpha-3 code in capitals, e.g. KAZ for "
                    "Kazakhstan (the list: game/scenario/country_codes.py)."
                )
            msg = f"There is no country '{code}' on the map."
            out.append((("map", key, i), msg, hint))
    return out
