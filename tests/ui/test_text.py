"""``text``: wrapping, fitting and drawing text in boxes."""

from __future__ import annotations

import pygame


def test_text_fits_helper():
    from game.ui import text

    pygame.font.init()
    assert text.fits("Autonomy", (0, 0, 300, 40), 24)
    assert not text.fits("Autonomy " * 20, (0, 0, 300, 40), 24)
    assert text.fits("Autonomy " * 6, (0, 0, 300, 140), 24)  # wraps onto lines
    surf = pygame.Surface((400, 100))
    text.reset_overflows()
    text.draw(surf, "x" * 300, (0, 0, 200, 40), 24)
    assert len(text.OVERFLOWS) == 1
    text.reset_overflows()


def test_japanese_text_fills_the_line_after_a_number_and_keeps_punctuation_attached():
    """A numbered Japanese question keeps "1." on its first line, and no line starts with 。 or 、
    (the wrapper breaks between characters, as Japanese typesetting does)."""
    from game.ui import fonts, text
    from game.ui.theme import SIZE

    assert fonts.config() is not None  # the shipped font (autouse fixture initialises pygame)
    q = (
        "1. 日本チームと中国チームへ。それぞれ5か国に何を提供しましたか。また、それぞれの国は"
        "その見返りに何を差し出さなければなりませんでしたか。"
    )
    lines = text.wrap(q, SIZE.BODY, 600)
    assert len(lines) >= 2
    assert lines[0].startswith("1. 日本")
    assert all(text.width(ln, SIZE.BODY) <= 600 for ln in lines)
    assert not any(ln[:1] in "。、）」" for ln in lines)
    assert "".join(lines) == q  # nothing lost or duplicated
