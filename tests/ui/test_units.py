"""Small units of the window: strings, input mapping, scaling, text fitting, view-models."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pygame
import pytest

UI = Path(__file__).resolve().parents[2] / "game" / "ui"


def test_every_string_key_used_exists_in_english():
    from game.ui import i18n
    from game.ui.tutorial import STEPS

    table = json.loads((UI / "locale" / "en.json").read_text(encoding="utf-8"))
    used = set()
    for p in UI.rglob("*.py"):
        src = p.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\btr\(\s*["']([a-z_]+\.[a-z_0-9.]+)["']""", src))
        used |= set(re.findall(r"""\(\s*["']((?:game|pause|help)\.[a-z_0-9]+)["']\s*,""", src))
    dynamic = {
        f"{p}.{v}"
        for p, vs in {
            "difficulty": ("introductory", "standard", "advanced"),
            "hist": ("historical", "plausible", "hypothetical"),
            "kind": ("tutorial", "class", "campaign", "sandbox"),
            "debrief.tab": ("results", "autonomy", "dependence", "decisions", "discuss"),
            "tab": ("state", "actions", "why"),
            "tour": tuple(s.id for s in STEPS),
            "lang": ("en", "ja", "ru"),
        }.items()
        for v in vs
    }
    dynamic = {k.replace("debrief.tab.", "debrief.tab_") for k in dynamic}
    used = {k for k in used if not k.endswith("_")}  # prefixes of dynamic keys
    missing = sorted(k for k in used | dynamic if k not in table)
    assert not missing, f"strings missing from en.json: {missing}"
    assert i18n.tr("no.such_key") == "[no.such_key]"
    assert "7" in i18n.tr("game.when", year=2001, turn=7, total=9)


def test_language_fallback():
    from game.ui import i18n

    assert i18n.set_language("xx") == "en"
    assert i18n.set_language(None) == "en"


def test_keys_map_to_actions():
    from game.ui.input import Action, InputMapper, key_event

    m = InputMapper()
    cases = {
        (pygame.K_TAB, 0): Action.NEXT,
        (pygame.K_TAB, pygame.KMOD_LSHIFT): Action.PREV,
        (pygame.K_RETURN, 0): Action.ACTIVATE,
        (pygame.K_SPACE, 0): Action.ACTIVATE,
        (pygame.K_ESCAPE, 0): Action.BACK,
        (pygame.K_F1, 0): Action.HELP,
        (pygame.K_z, pygame.KMOD_LCTRL): Action.UNDO,
        (pygame.K_u, 0): Action.UNDO,
        (pygame.K_e, 0): Action.END_TURN,
        (pygame.K_m, pygame.KMOD_LSHIFT): Action.MAP_MODE_PREV,
        (pygame.K_3, 0): Action.DIGIT,
        (pygame.K_s, pygame.KMOD_LCTRL): Action.SAVE,
    }
    for (k, mod), a in cases.items():
        assert m.map(key_event(k, mod)).action == a, pygame.key.name(k)
    assert m.map(key_event(pygame.K_3)).value == 3
    assert m.map(key_event(pygame.K_SLASH, pygame.KMOD_LSHIFT, "?")).action == Action.HELP


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1600, 1200), (1000, 500)])
def test_window_pixels_map_back_to_the_canvas(size):
    from game.ui.display import Display

    d = Display(size)
    tol = 0 if d.scale >= 1 else int(1 / d.scale) + 1  # a shrunk window merges pixels
    for p in [(0, 0), (640, 360), (1279, 719), (100, 650)]:
        q = d.to_logical(d.to_window(p))
        assert q is not None and abs(q[0] - p[0]) <= tol and abs(q[1] - p[1]) <= tol
    d.canvas.fill((0, 0, 0))
    d.present()  # scaling works at this size
    if size == (1600, 1200):  # letterbox bars above and below
        assert d.to_logical((800, 10)) is None


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


def test_shipped_font_is_the_default_and_others_fall_back():
    """Crossroads Sans draws English, Japanese, Russian, Kazakh, arrows and ticks in one face;
    a character it lacks (Greek here) is drawn from a fallback face, not as a box."""
    from game.glyphs import SHIPPED_FONTS
    from game.ui import fonts

    pygame.font.init()
    assert fonts.config().regular == SHIPPED_FONTS["regular"]
    assert fonts.config().bold == SHIPPED_FONTS["bold"]
    runs = fonts._runs("Loan → Қазақстан 日本 ✓ Россия", False)
    assert len(runs) == 1 and runs[0][0] == str(SHIPPED_FONTS["regular"])
    if fonts.config().fallbacks:
        runs = fonts._runs("aΩb", False)
        assert len(runs) == 3 and runs[1][0] != runs[0][0]


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


def test_why_rows_explain_every_state_change(mini_entry):
    from game.play.session import Session
    from game.ui import viewmodels as vm

    s = Session.start(mini_entry.scenario, humans=("JPN",), seed=2)
    s.plan(next(c.id for c in s.choices("JPN") if c.delay == 0 and c.target == "KAZ"))
    rep = s.play_turn()
    rows = vm.why_rows(s, rep, "KAZ", "JPN")
    assert rows and all(r.title and r.changes for r in rows)
    assert any(r.tag == vm.tr("why.tag_you") for r in rows)
    cells = vm.map_cells(s, "dominant", "JPN", {"RUS": "R", "CHN": "C", "JPN": "J", "ROW": "W"})
    assert set(cells) == {"KAZ", "KGZ"} and all(c.badge for c in cells.values())
    assert len(vm.autonomy_series(s)[0].values) == 2


def test_engine_never_imports_pygame():
    root = Path(__file__).resolve().parents[2] / "game" / "engine"
    for p in root.rglob("*.py"):
        assert "pygame" not in p.read_text(encoding="utf-8"), p


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
