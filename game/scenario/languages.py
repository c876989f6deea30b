"""Language codes in scenario files: ISO 639-1, with help for the usual mix-ups.

A localised text is ``{en: Japan, ja: 日本}`` and ``meta.languages`` lists the languages a
scenario is translated into. Both take **ISO 639-1 language codes** (two small letters, such as
``en``, ``ja``, ``ru``, ``kk``), optionally followed by a script or region (``zh-Hans``,
``pt-BR``). ``check_code`` explains what is wrong with anything else, and suggests the code the
author meant when they wrote a country code (``jp`` -> ``ja``, ``kz`` -> ``kk``), a three-letter
code (``jpn`` -> ``ja``) or capitals (``EN`` -> ``en``).

``ui_languages()`` lists the languages the game's interface can be shown in (one locale file per
language in ``game/ui/locale``); a scenario that declares another language gets warning W308.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

#: every ISO 639-1 code
ISO_639_1 = frozenset(
    """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da
de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz
ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln
lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi
pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti
tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split()
)

#: names of the languages most likely to appear in this game's scenarios
NAMES = {
    "en": "English",
    "ja": "Japanese",
    "ru": "Russian",
    "kk": "Kazakh",
    "uz": "Uzbek",
    "ky": "Kyrgyz",
    "tg": "Tajik",
    "tk": "Turkmen",
    "zh": "Chinese",
    "ko": "Korean",
    "uk": "Ukrainian",
    "el": "Greek",
    "da": "Danish",
    "cs": "Czech",
    "sv": "Swedish",
    "fa": "Persian",
    "he": "Hebrew",
    "vi": "Vietnamese",
    "sr": "Serbian",
    "sq": "Albanian",
    "be": "Belarusian",
    "ka": "Georgian",
    "de": "German",
    "ur": "Urdu",
    "bn": "Bengali",
    "es": "Spanish",
    "hi": "Hindi",
    "ar": "Arabic",
    "fr": "French",
    "tr": "Turkish",
    "mn": "Mongolian",
    "az": "Azerbaijani",
    "hy": "Armenian",
    "et": "Estonian",
    "sl": "Slovenian",
    "ms": "Malay",
    "nb": "Norwegian",
    "it": "Italian",
    "pt": "Portuguese",
}

#: country codes (ISO 3166) that are not language codes -> (country, the language meant)
COUNTRY_CODES = {
    "jp": ("Japan", "ja"),
    "cn": ("China", "zh"),
    "kz": ("Kazakhstan", "kk"),
    "ua": ("Ukraine", "uk"),
    "gr": ("Greece", "el"),
    "dk": ("Denmark", "da"),
    "cz": ("Czechia", "cs"),
    "tj": ("Tajikistan", "tg"),
    "tm": ("Turkmenistan", "tk"),
    "us": ("the United States", "en"),
    "gb": ("the United Kingdom", "en"),
    "ir": ("Iran", "fa"),
    "il": ("Israel", "he"),
    "vn": ("Vietnam", "vi"),
    "rs": ("Serbia", "sr"),
    "al": ("Albania", "sq"),
    "by": ("Belarus", "be"),
    "ge": ("Georgia", "ka"),
    "at": ("Austria", "de"),
    "pk": ("Pakistan", "ur"),
    "bd": ("Bangladesh", "bn"),
    "mx": ("Mexico", "es"),
    "in": ("India", "hi"),
    "kp": ("North Korea", "ko"),
    "hk": ("Hong Kong", "zh"),
    "eg": ("Egypt", "ar"),
    "sp": ("Spain", "es"),
}

#: three-letter codes (ISO 639-2/3) -> the two-letter code
THREE_LETTER = {
    "eng": "en",
    "jpn": "ja",
    "rus": "ru",
    "kaz": "kk",
    "uzb": "uz",
    "kir": "ky",
    "tgk": "tg",
    "tuk": "tk",
    "zho": "zh",
    "chi": "zh",
    "kor": "ko",
    "ukr": "uk",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "tur": "tr",
    "ara": "ar",
    "fas": "fa",
    "per": "fa",
    "mon": "mn",
    "aze": "az",
}

_SHAPE = re.compile(r"^([a-z]{2})(-[A-Za-z0-9]{2,8}){0,2}$")
#: the JSON Schema pattern (editors): a two-letter ISO 639-1 code, optionally with subtags
PATTERN = r"^(" + "|".join(sorted(ISO_639_1)) + r")(-[A-Za-z0-9]{2,8}){0,2}$"
EXAMPLES = (
    "en English, ja Japanese, ru Russian, kk Kazakh, uz Uzbek, ky Kyrgyz, tg Tajik, "
    "tk Turkmen, zh Chinese"
)


def name_of(code: str) -> str:
    return NAMES.get(code.split("-")[0], code)


def check_code(code: object) -> tuple[str, str] | None:
    """None when ``code`` is a valid language code, else (message, hint) in plain words."""
    if not isinstance(code, str):
        return (
            f"{code!r} is not a language code.",
            f"Language codes are two small letters (ISO 639-1): {EXAMPLES}.",
        )
    m = _SHAPE.match(code)
    if m and m.group(1) in ISO_639_1:
        return None
    low = code.lower()
    base = low.split("-")[0].split("_")[0]
    if m is None and base in ISO_639_1 and (low != code or "_" in low):
        good = base + code[len(base) :].replace("_", "-") if "_" in code else low
        return (
            f"'{code}' is not written like a language code.",
            f"Write it in small letters: '{good if _SHAPE.match(good) else base}'.",
        )
    if base in COUNTRY_CODES:
        country, lang = COUNTRY_CODES[base]
        return (
            f"'{code}' is not a language code: it is the country code of {country}. "
            f"The code for {name_of(lang)} is '{lang}'.",
            f"Did you mean '{lang}'? Language codes (ISO 639-1) name languages, not "
            f"countries: {EXAMPLES}.",
        )
    if base in THREE_LETTER:
        lang = THREE_LETTER[base]
        return (
            f"'{code}' is a three-letter code; the game uses two-letter (ISO 639-1) "
            f"language codes, and {name_of(lang)} is '{lang}'.",
            f"Did you mean '{lang}'? Language codes: {EXAMPLES}.",
        )
    return (
        f"'{code}' is not a language code (ISO 639-1).",
        f"Use a two-letter code such as {EXAMPLES}. A script or region may follow, as in zh-Hans.",
    )


@lru_cache(maxsize=1)
def ui_languages() -> tuple[str, ...]:
    """Languages the game's interface has a locale file for (read-only; en, ja, ru today)."""
    folder = Path(__file__).resolve().parents[1] / "ui" / "locale"
    found = tuple(sorted(p.stem for p in folder.glob("*.json"))) if folder.is_dir() else ()
    return found or ("en", "ja", "ru")


__all__ = ["ISO_639_1", "PATTERN", "check_code", "ui_languages", "name_of"]
