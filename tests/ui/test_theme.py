"""``theme``: sizes readable on a projector, and a palette that never relies on colour alone."""

from __future__ import annotations


def test_body_text_sizes_meet_the_projector_floor():
    from game.ui.theme import SIZE

    assert SIZE.BODY >= 24 and SIZE.SMALL >= 20 and SIZE.H1 >= 32


def test_palette_and_badges_do_not_rely_on_colour():
    from game.ui.theme import contrast, ink_on, partner_styles

    st = partner_styles(["RUS", "CHN", "JPN", "WEST", "ROW"])
    letters = [v[1] for v in st.values()]
    hatches = [v[2] for v in st.values()]
    assert len(set(letters)) == 5 and len(set(hatches)) == 5
    for col, _, _ in st.values():
        assert contrast(ink_on(col), col) >= 4.5
