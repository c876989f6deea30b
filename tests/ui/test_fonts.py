"""``fonts``: the shipped Crossroads Sans draws every string the window draws."""

from __future__ import annotations

import pygame
from uihelp import (
    all_scenes,
    play_screens,
)


def test_shipped_font_is_the_default_and_others_fall_back():
    """Crossroads Sans draws English, Japanese, Russian, Kazakh, arrows and ticks in one face;
    a character it lacks (Greek here) is drawn from a fallback face, not as a box."""
    from game.kit.typeface import SHIPPED_FONTS
    from game.ui import fonts

    pygame.font.init()
    assert fonts.config().regular == SHIPPED_FONTS["regular"]
    assert fonts.config().bold == SHIPPED_FONTS["bold"]
    runs = fonts._runs("Loan → Қазақстан 日本 ✓ Россия", False)
    assert len(runs) == 1 and runs[0][0] == str(SHIPPED_FONTS["regular"])
    if fonts.config().fallbacks:
        runs = fonts._runs("aΩb", False)
        assert len(runs) == 3 and runs[1][0] != runs[0][0]


def test_no_missing_glyphs_in_anything_drawn(make_app, class_entry, mini_entry):
    """Every string the window draws, in all three languages and at 100 % and 150 %, can be
    drawn by the shipped Crossroads Sans (regular and bold): no tofu boxes."""
    from game.ui import fonts
    from tools.glyphs import SHIPPED_FONTS, describe_char, missing_glyphs

    drawn: list[str] = []
    fonts.DRAWN = drawn
    try:
        for lang, scale in (("ja", 100), ("ru", 150), ("en", 100)):
            app = make_app(lang=lang, text_scale=scale)
            for _ in all_scenes(app, class_entry):
                app.step([])
            app = make_app(lang=lang, text_scale=scale)
            for _ in play_screens(app, class_entry):
                app.step([])
            app.open_setup()
            app.step([])
            app.stack.pop()
            app.start_tour([class_entry])
            app.step([])
    finally:
        fonts.DRAWN = None
    text = "".join(set(drawn))
    assert any("\u3040" <= ch <= "\u30ff" for ch in text)  # kana were drawn
    assert any("\u0400" <= ch <= "\u04ff" for ch in text)  # and Cyrillic
    for weight, path in SHIPPED_FONTS.items():
        missing = missing_glyphs(path, text)
        assert not missing, f"{weight}: " + ", ".join(describe_char(c) for c in sorted(missing))
