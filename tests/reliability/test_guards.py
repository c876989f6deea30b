"""The other guards: ``--json``/``--csv`` checked before a game is played, a damaged font file
never handed to SDL_ttf, drawing that stays bounded for any text or number, and saves that
survive a comment added to their scenario."""

from __future__ import annotations

import json
import shutil

import pytest

from game.cli import main
from game.kit import typeface
from game.kit.raster import Canvas, Style, nice_ticks
from game.kit.typeface import FontFiles, font_problem
from game.play.session import Session
from game.scenario.loader import load_scenario
from tests.conftest import FIXTURES

from .corpus import signed

MINI = FIXTURES / "mini.yaml"


@pytest.mark.parametrize("flag", ["--json", "--csv"])
def test_an_unwritable_output_fails_before_the_game_is_played(tmp_path, capsys, flag):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "game.out"  # inside a file: no folder can be made there
    assert main(["play", str(MINI), "--headless", flag, str(target)]) == 2
    out = capsys.readouterr()
    assert "final grades" not in out.out  # nothing was played
    assert str(target) in out.err and "Traceback" not in out.err


def test_an_output_that_is_a_folder_or_the_same_file_twice_is_refused(tmp_path, capsys):
    assert main(["play", str(MINI), "--headless", "--json", str(tmp_path)]) == 2
    assert "this is a folder" in capsys.readouterr().err
    same = str(tmp_path / "g.txt")
    assert main(["play", str(MINI), "--headless", "--json", same, "--csv", same]) == 2
    assert "the same file" in capsys.readouterr().err


def test_a_truncated_or_damaged_font_is_refused_before_pygame_sees_it(tmp_path):
    regular = typeface.SHIPPED_FONTS["regular"]
    assert font_problem(regular, checksums=True) is None
    data = regular.read_bytes()
    cut = tmp_path / "cut.ttf"
    cut.write_bytes(data[: len(data) // 3])
    assert "cut short" in str(font_problem(cut))
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    (tmp_path / "flip.ttf").write_bytes(bytes(flipped))
    assert "checksum" in str(font_problem(tmp_path / "flip.ttf", checksums=True))
    (tmp_path / "text.ttf").write_text("this is not a font file at all", encoding="utf-8")
    assert "not a TrueType" in str(font_problem(tmp_path / "text.ttf"))


def test_a_damaged_shipped_font_falls_back_to_pygames_font_with_a_warning(
    tmp_path, monkeypatch, capsys
):
    cut = tmp_path / "CrossroadsSans-Regular.ttf"
    cut.write_bytes(typeface.SHIPPED_FONTS["regular"].read_bytes()[:5000])
    monkeypatch.setitem(typeface.SHIPPED_FONTS, "regular", cut)
    assert typeface.shipped_font("regular") is None
    assert "damaged" in capsys.readouterr().err
    faces = FontFiles()
    assert faces.size("Hello", 18)[0] > 0  # pygame's own font draws it


class Counting:
    """A typeface that counts how often text is measured (a fixed width per character)."""

    def __init__(self) -> None:
        self.measured = 0
        self.inner = FontFiles()

    def size(self, text: str, px: int, bold: bool = False) -> tuple[int, int]:
        self.measured += 1
        return 9 * len(text), px

    def render(self, text, px, colour, bold=False):  # noqa: ANN001, ANN201
        return self.inner.render(text[:200], px, colour, bold)

    def line_height(self, px: int) -> int:
        return px + 4


def test_a_100000_character_name_is_cut_in_a_few_measures():
    face = Counting()
    cv = Canvas.new(400, 100, face, Style())
    cv.text(0, 0, "x" * 100_000, max_w=300)
    assert cv.cut and face.measured < 60


def test_axis_ticks_are_bounded_for_any_range():
    assert len(nice_ticks(-1e9, 100)) <= 22
    assert len(nice_ticks(1e17, 1e17 + 100)) <= 22  # steps below the numbers' precision
    assert nice_ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert len(nice_ticks(float("nan"), 1)) == 1


def test_a_comment_in_the_scenario_keeps_its_saves_loadable(mini, tmp_path):
    scenario = tmp_path / "mini.yaml"
    shutil.copy(MINI, scenario)
    sc = load_scenario(scenario).scenario
    s = Session.start(sc, humans=("JPN",), seed=4, autosave=tmp_path / "slot1.json")
    s.play_turn()
    s.play_turn()
    scenario.write_text(
        "# checked by the teacher\n" + MINI.read_text(encoding="utf-8"), encoding="utf-8"
    )
    edited = load_scenario(scenario).scenario
    assert edited.content_hash == sc.content_hash and edited.source_hash != sc.source_hash
    again = Session.resume(edited, tmp_path / "slot1.json")
    assert again.st.hash(0) == s.st.hash(0)


def test_a_save_written_before_content_hashes_still_loads(mini, tmp_path):
    """Older saves carry the hash of the scenario file's bytes: still accepted."""
    s = Session.start(mini, humans=("JPN",), seed=4, autosave=tmp_path / "slot1.json")
    s.play_turn()
    data = json.loads((tmp_path / "slot1.json").read_text(encoding="utf-8"))
    data["scenario_hash"] = mini.source_hash
    (tmp_path / "slot1.json").write_text(signed(data), encoding="utf-8")
    assert Session.resume(mini, tmp_path / "slot1.json").turn == 1
