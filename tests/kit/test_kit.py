"""The kit every part of the game shares: one translation layer, one line breaker, one
document writer, one chart kit (in the game's own font, Japanese and Russian included)."""

from __future__ import annotations

import pygame
import pytest

from game.kit.document import Doc
from game.kit.i18n import Catalogue, language, number, plural_category, using
from game.kit.lines import (
    break_units,
    drop_parentheses,
    find_term,
    short_label,
    term_variants,
    wrap,
)
from game.kit.raster import Canvas, Series, Style, line_chart
from game.kit.typeface import FontFiles


def test_plurals_follow_cldr_and_numbers_the_language(tmp_path):
    (tmp_path / "en.json").write_text(
        '{"_note": "x", "n": {"one": "{n} group", "other": "{n} groups"}, "v": "{v} pts"}',
        encoding="utf-8",
    )
    (tmp_path / "ru.json").write_text(
        '{"n": {"one": "{n} группа", "few": "{n} группы", "many": "{n} групп"}}',
        encoding="utf-8",
    )
    phrases = Catalogue(tmp_path)
    assert phrases.languages() == ["en", "ru"]
    assert [phrases.tr("n", n=k) for k in (1, 2)] == ["1 group", "2 groups"]
    with using("ru"):
        assert language() == "ru"
        assert [phrases.tr("n", n=k) for k in (1, 3, 5, 21)] == [
            "1 группа",
            "3 группы",
            "5 групп",
            "21 группа",
        ]
        assert phrases.tr("v", v=number(19.82)) == "19,82 pts"  # English phrase, Russian number
        assert number(-1.25, 1, sign=True) == "-1,2" and number(3.0, 1) == "3,0"
    assert language() == "en" and phrases.tr("missing") == "[missing]"
    assert [plural_category(n, "ja") for n in (1, 2)] == ["other", "other"]
    assert (
        number(75.27) == "75.27" and number(104.0) == "104" and number(50.0, 0, sign=True) == "+50"
    )
    assert number(19.85, 1) == f"{19.85:.1f}"  # rounded as Python rounds


def test_japanese_breaks_between_characters_but_never_before_a_closing_mark():
    text = "日本は「中央アジア＋日本」対話を始めた。"
    lines = wrap(text, len, 5)
    assert "".join(lines) == text and all(len(line) <= 5 for line in lines)
    assert not any(line[0] in "。」、" for line in lines)
    assert [u for u, _ in break_units("（平均）の値")][0] == "（平均）"  # a short note is whole
    assert wrap("A  Balanced region", len, 40) == ["A  Balanced region"]  # spaces kept
    assert wrap("one\n\ntwo", len, 40) == ["one", "", "two"]


def test_terms_are_found_as_whole_words_or_anywhere_in_japanese():
    assert find_term("Aid to the EAEU states", "eaeu") == [11]
    assert find_term("The EAEUX bank", "EAEU") == []
    assert find_term("ユーラシア経済連合に加盟", "経済連合") == [5]
    # a term is known by its name, the name without its bracket and what the bracket holds
    assert term_variants("Eurasian Economic Union (EAEU)") == [
        "Eurasian Economic Union (EAEU)",
        "Eurasian Economic Union",
        "EAEU",
    ]
    assert term_variants("一帯一路（BRI）") == ["一帯一路（BRI）", "一帯一路", "BRI"]
    assert term_variants("C5") == []  # too short to find reliably


def test_names_shorten_for_tight_places():
    assert short_label("Finance (debt and investment)") == "Finance"
    assert short_label("金融（債務と投資）") == "金融"
    assert drop_parentheses("Yen loan (ODA loan) for roads") == "Yen loan for roads"


def test_one_document_as_markdown_and_html():
    doc = Doc("Title", lang="ja")
    doc.h("Part")
    doc.p("**bold** and `code`")
    doc.ul(["a", "b\nmore"])
    doc.table(["x", "y"], [["1|2", "3"]], align="lr")
    doc.images([("p.png", "a picture")])
    md = doc.markdown()
    assert md.startswith("# Title\n\n## Part\n")
    assert "- b\n  more" in md and "|---|---:|" in md and "| 1\\|2 | 3 |" in md
    assert "![a picture](p.png)" in md
    html = doc.html({"p.png": b"\x89PNG"})
    assert '<html lang="ja">' in html and "<strong>bold</strong>" in html
    assert "data:image/png;base64," in html
    assert "<img" not in Doc("t", blocks=doc.blocks).html({})  # a missing picture is left out


def test_sections_group_blocks_in_html_only_and_a_stylesheet_comes_last():
    doc = Doc("Title")
    doc.p("before")
    doc.section("tools")
    doc.p("one")
    doc.section("sources")
    doc.p("two")
    assert "section" not in doc.markdown() and "one\n\ntwo" in doc.markdown()
    html = doc.html(css="h1{color:red}")
    assert '<p>before</p>\n<section class="tools">\n<p>one</p>' in html
    assert '</section><section class="sources">\n<p>two</p>\n</section>\n</body>' in html
    assert html.index("h1{color:red}") < html.index("</style>")
    assert "<section" not in Doc("t", blocks=[("p", "x")]).html()


@pytest.mark.parametrize("label", ["Group A", "史実の道（再現）", "Исторический путь"])
def test_a_line_chart_draws_every_script_in_the_shipped_font(label):
    pygame.font.init()
    faces = FontFiles()
    cv = Canvas.new(640, 400, faces, Style())
    series = [
        Series(label, [70.0, 72.5, 71.0], (0, 114, 178)),
        Series("h", [70, 71, 72], (0, 0, 0), "none", True),
    ]
    line_chart(
        cv, (0, 0, 640, 400), ["2012", "2013", "2014"], series, (70, 75), "title", legend="below"
    )
    assert min(faces.sizes) >= Style().min_px
    assert cv.surf.get_at((320, 200)) is not None and not cv.cut
