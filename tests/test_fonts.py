"""The shipped font draws every character the game shows (tools/build_fonts.py makes it;
tools/glyphs.py and tools/check_glyphs.py check it)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tools.glyphs import (
    SHIPPED_FONTS,
    FontReadError,
    code_texts,
    describe_char,
    font_codepoints,
    ignorable,
    locale_texts,
    missing_glyphs,
    scenario_texts,
    where_used,
)

FONTS = list(SHIPPED_FONTS.items())
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"


def _explain(texts: dict[str, str], missing: set[str]) -> str:
    used = where_used(texts, missing)
    lines = [f"{describe_char(c)} in {', '.join(used[c][:3])}" for c in sorted(missing)]
    return (
        "the font cannot draw:\n  "
        + "\n  ".join(lines)
        + "\nre-run: .venv/bin/python tools/build_fonts.py"
    )


@pytest.mark.parametrize("weight,path", FONTS)
def test_font_files_are_shipped_with_licence(weight, path):
    assert path.is_file(), f"{path} is missing: run tools/build_fonts.py"
    assert (path.parent / "OFL.txt").is_file()
    assert sum(p.stat().st_size for p in path.parent.glob("*.ttf")) < 6.5 * 2**20


def test_every_phrase_catalogue_is_read():
    files = set(locale_texts())
    for part in ("ui", "report"):  # found by looking, not by name: a new catalogue counts too
        assert {f"game/{part}/locale/{lang}.json" for lang in ("en", "ja", "ru")} <= files


@pytest.mark.parametrize("weight,path", FONTS)
def test_locale_files_are_covered(weight, path):
    texts = locale_texts()
    missing = missing_glyphs(path, "".join(texts.values()))
    assert not missing, _explain(texts, missing)


@pytest.mark.parametrize("weight,path", FONTS)
def test_scenario_texts_are_covered(weight, path):
    texts = scenario_texts()
    missing = missing_glyphs(path, "".join(texts.values()))
    assert not missing, _explain(texts, missing)


@pytest.mark.parametrize("weight,path", FONTS)
def test_strings_in_the_game_code_are_covered(weight, path):
    texts = code_texts()
    missing = missing_glyphs(path, "".join(texts.values()))
    assert not missing, _explain(texts, missing)


@pytest.mark.parametrize("weight,path", FONTS)
def test_scripts_translators_need_are_covered(weight, path):
    have = font_codepoints(path)
    basic = [chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x410, 0x450)]]
    kana = [chr(c) for c in range(0x3041, 0x3097)] + [chr(c) for c in range(0x30A1, 0x30FB)]
    sample = "日本中央アジア協力対話政府開発援助安倍晋三習近平露中国経済安全保障"
    want = [*basic, *KAZAKH, "ЁёЎўӘә№", *kana, *sample, "←→↑↓▲▼✓✗—…“”«»₸₽¥€"]
    missing = {ch for s in want for ch in s if not ignorable(ch) and ord(ch) not in have}
    assert not missing, sorted(missing)


def test_missing_glyphs_reports_what_is_absent(tmp_path):
    path = SHIPPED_FONTS["regular"]
    assert missing_glyphs(path, "Қазақстан 日本\n\t") == set()
    assert missing_glyphs(path, "a\U0001f642b") == {"\U0001f642"}
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font at all")
    with pytest.raises(FontReadError, match="broken.ttf"):
        missing_glyphs(bad, "a")


def test_the_font_renders_in_pygame():
    pygame = pytest.importorskip("pygame")
    pygame.font.init()
    f = pygame.font.Font(str(SHIPPED_FONTS["bold"]), 24)
    w_latin = f.size("Kazakhstan")[0]
    surf = f.render("Қазақстан 日本 ✓", True, (0, 0, 0))
    assert surf.get_width() > w_latin > 0


def test_check_glyphs_passes_on_the_shipped_fonts():
    tool = SHIPPED_FONTS["regular"].parents[2] / "tools" / "check_glyphs.py"
    proc = subprocess.run(
        [sys.executable, str(tool)], capture_output=True, text=True, check=False, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "characters of" in proc.stdout and "covered" in proc.stdout
