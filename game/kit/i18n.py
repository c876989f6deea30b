"""The one translation layer: phrase catalogues, the language in use, CLDR plural forms and
locale number and date formats.

A *catalogue* is a folder of JSON files, one per language (``en.json``, ``ja.json``,
``ru.json``) of flat ``"key": "text with {placeholders}"`` entries; keys that begin with ``_``
are notes for translators. A phrase that changes with a number is an object keyed by the CLDR
plural category of its language, chosen by Babel's CLDR rules: English ``one``/``other``,
Russian ``one``/``few``/``many``/``other`` (1 группа, 2 группы, 5 групп), Japanese ``other``
only. English is the reference: a phrase missing in another language falls back to English,
and a key missing everywhere shows as ``[key]`` so it is easy to spot.

The window and the class report keep their own catalogues (``game/ui/locale``,
``game/report/locale``); both look phrases up in the one language in use (``use_language``;
``using`` for a ``with`` block that puts it back afterwards).

A ``{cmd}`` placeholder is always filled in with the command the user typed to start the game
(``crossroads``, ``python main.py`` or ``python -m game``; ``command.command_prefix``), so a
phrase that names a command names the one that works for this user.

Numbers shown to people go through ``number`` (a decimal comma in Russian: ``19,82``), and
dates through ``date``.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from .command import command_prefix

DEFAULT_LANG = "en"
#: the languages the game is translated into
LANGUAGES = ("en", "ja", "ru")

_lang = DEFAULT_LANG

Phrase = str | dict[str, str]


def language() -> str:
    """The language in use."""
    return _lang


def use_language(lang: str | None, supported: tuple[str, ...] | list[str] = LANGUAGES) -> str:
    """Use ``lang`` from now on (English when it is None or not in ``supported``); returns the
    language in use."""
    global _lang
    _lang = lang.lower() if lang and lang.lower() in supported else DEFAULT_LANG
    return _lang


@contextmanager
def using(lang: str | None) -> Iterator[str]:
    """Use ``lang`` inside the ``with`` block, then the language used before it."""
    before = _lang
    try:
        yield use_language(lang)
    finally:
        use_language(before)


# ------------------------------------------------------------------------------------------------
# Plurals, numbers, dates (Babel: the CLDR data for every language)
# ------------------------------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _locale(lang: str) -> Any:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        return Locale.parse(DEFAULT_LANG)


def plural_category(n: float, lang: str | None = None) -> str:
    """The CLDR plural category of ``n`` in ``lang`` (default: the language in use):
    'one', 'two', 'few', 'many' or 'other'.

    >>> [plural_category(n, "ru") for n in (1, 3, 5, 21)]
    ['one', 'few', 'many', 'one']
    >>> plural_category(1, "ja")
    'other'
    """
    return str(_locale(lang or _lang).plural_form(n))


def number(
    x: float, digits: int | None = None, *, sign: bool = False, lang: str | None = None
) -> str:
    """``x`` as the language writes numbers: ``digits`` decimals (None: as many as it has, up
    to six significant digits, like ``{:g}``), with a ``+`` before positive numbers when
    ``sign``. Rounded as Python rounds (``f"{x:.1f}"``), so the English text is unchanged.

    >>> number(19.82, 2, lang="ru"), number(1234.5, 1, lang="en"), number(0.25, sign=True, lang="ja")
    ('19,82', '1,234.5', '+0.25')
    """
    from babel.numbers import format_decimal

    if not math.isfinite(x):
        return "\u2013"
    exact = Decimal(format(x, ".6g") if digits is None else f"{x:.{digits}f}")
    decimals = "." + "#" * 6 if digits is None else ("." + "0" * digits if digits else "")
    body = "#,##0" + decimals
    return str(
        format_decimal(exact, format=f"+{body};-{body}" if sign else body, locale=_locale_id(lang))
    )


def date(day: _dt.date, lang: str | None = None) -> str:
    """A date as the language writes it in full ('December 7, 2026', '2026年12月7日',
    '7 декабря 2026 г.')."""
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=_locale_id(lang)))


def _locale_id(lang: str | None) -> str:
    return str(_locale(lang or _lang))


# ------------------------------------------------------------------------------------------------
# Catalogues
# ------------------------------------------------------------------------------------------------
class Catalogue:
    """The phrases of one part of the game (the window, the class report) in every language:
    ``folder/<lang>.json``."""

    def __init__(self, folder: Path, default: str = DEFAULT_LANG) -> None:
        self.folder = Path(folder)
        self.default = default
        self._tables: dict[str, dict[str, Phrase]] = {}

    def languages(self) -> list[str]:
        """The languages that have a file in the catalogue."""
        return sorted(p.stem for p in self.folder.glob("*.json"))

    def phrases(self, lang: str) -> dict[str, Phrase]:
        """Every phrase of ``lang`` (not the notes for translators); {} when there is no file
        or it cannot be read."""
        table = self._tables.get(lang)
        if table is None:
            try:
                data = json.loads((self.folder / f"{lang}.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            table = (
                {k: v for k, v in data.items() if not k.startswith("_")}
                if isinstance(data, dict)
                else {}
            )
            self._tables[lang] = table
        return table

    def has(self, key: str) -> bool:
        """Whether ``key`` is a phrase in the language in use or in English."""
        return key in self.phrases(_lang) or key in self.phrases(self.default)

    def tr(self, key: str, n: float | None = None, **kw: Any) -> str:
        """The phrase ``key`` in the language in use (English if that language lacks it), with
        its ``{placeholders}`` filled in (give numbers written with ``number``). For a phrase
        with plural forms ``n`` picks the form and fills ``{n}``."""
        lang, value = _lang, self.phrases(_lang).get(key)
        if value is None:
            lang, value = self.default, self.phrases(self.default).get(key)
        if value is None:
            return f"[{key}]"
        if n is not None:
            kw.setdefault("n", n)
        text = _plural_form(value, n, lang) if isinstance(value, Mapping) else str(value)
        if "{cmd}" in text:  # the command the user typed, so a phrase can name it
            kw.setdefault("cmd", command_prefix())
        if not kw:
            return text
        try:
            return text.format(**kw)
        except (KeyError, IndexError, ValueError):
            return text


def _plural_form(forms: Mapping[str, str], n: float | None, lang: str) -> str:
    """The form of ``forms`` for the number ``n``: its CLDR category, else 'other', else the
    first form given."""
    category = plural_category(n or 0, lang)
    for cat in (category, "other"):
        if cat in forms:
            return str(forms[cat])
    return str(next(iter(forms.values()), ""))
