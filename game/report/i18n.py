"""The class report's phrases and how it joins words, in the report's language.

Every fixed phrase comes from ``game/report/locale/<lang>.json`` through the kit's one
translation layer (``game.kit.i18n``: plural forms, numbers written as the language writes
them: ``number``, ``percent``, the kit's ``date``); the report is written inside
``report_language(lang)``, and every number it shows goes through them. The scenario's own names,
objectives, events and questions come from the scenario's translations instead.
"""

from __future__ import annotations

from pathlib import Path

from ..kit.i18n import LANGUAGES, Catalogue, language, number, using

__all__ = ["LANGUAGES", "language", "number", "percent", "report_language", "tr"]

PHRASES = Catalogue(Path(__file__).resolve().parent / "locale")
tr = PHRASES.tr
#: write the report in a language inside a ``with`` block (None: English)
report_language = using


def difficulty_name(level: str) -> str:
    """A difficulty's name in the report's language ('introductory' -> 'вводный')."""
    key = f"difficulty.{level}"
    return tr(key) if PHRASES.has(key) else level


def percent(x: float, digits: int = 0, sign: bool = False) -> str:
    """``x`` per cent as the language writes it: '50%', in Russian '50 %' (CLDR's percent
    pattern puts a no-break space before the sign)."""
    return tr("number.percent", value=number(x, digits, sign=sign))


def join(xs: list[str]) -> str:
    """'A, B and C' in the report's language."""
    return xs[0] if len(xs) == 1 else tr("join.sep").join(xs[:-1]) + tr("join.and") + xs[-1]
