"""Nothing crashes: every hostile save, record, settings or font file is named and refused in
plain words, and never takes down what reads it - the save folder's listing (what the window's
menu shows), Continue/Load, the class report.

The window reaches its menu with the whole corpus in its save folder and hostile settings in
its config folder, lists the good saves among the bad ones, and Continue/Load of each bad one
is an error screen that names it, after which the class is back at the menu.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.cli import main
from game.engine.record import SaveError, read_record
from game.kit.files import FileProblem, read_json, read_settings
from game.kit.i18n import Catalogue
from game.play import savefolder
from game.play.session import Session
from tests.conftest import FIXTURES

from .corpus import HOSTILE_SETTINGS, hostile_saves, human_turn, signed

MINI = FIXTURES / "mini.yaml"


def _window_save(mini, path: Path, turns: int = 2, **start) -> Path:
    s = Session.start(mini, humans=("JPN",), seed=5, **start)
    for _ in range(turns):
        human_turn(s)
    return s.save(path)


@pytest.fixture(scope="module")
def good(tmp_path_factory, mini) -> str:
    """A real save's text (two turns of the mini scenario, Japan played by a person)."""
    path = _window_save(mini, tmp_path_factory.mktemp("good") / "slot2.json")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, good) -> tuple[Path, dict[str, tuple[Path, str]]]:
    folder = tmp_path_factory.mktemp("saves")
    cases = hostile_saves(folder, good)
    (folder / "slot2.json").write_text(good, encoding="utf-8")
    return folder, cases


def test_every_hostile_save_is_refused_with_a_clear_message(corpus):
    _, cases = corpus
    for name, (path, phrase) in cases.items():
        with pytest.raises(SaveError) as e:
            read_record(path)
        msg = str(e.value)
        assert path.name in msg, (name, msg)
        assert phrase in msg, (name, msg)
        assert len(msg) < 400, (name, msg)  # a 100,000-character label is not echoed back


def test_the_folder_listing_names_each_bad_file_and_keeps_the_good_one(corpus):
    """What the menu shows: one line a file, the bad ones with why, the good save usable."""
    folder, cases = corpus
    listed = {s.path.name: s for s in savefolder.list_saves(folder)}
    assert listed["slot2.json"].ok and listed["slot2.json"].scenario_id == "mini"
    assert listed["slot2.json"].humans == ("JPN",) and listed["slot2.json"].turns == 2
    for name, (path, phrase) in cases.items():
        if path.is_dir():
            assert path.name not in listed  # a folder is not a save
            continue
        entry = listed[path.name]
        assert not entry.ok and phrase in entry.problem, (name, entry.problem)
    autos = savefolder.autosaves(folder)
    assert autos and all(s.kind == "autosave" for s in autos)
    assert savefolder.latest_autosave(folder) is None  # every autosave here is damaged


def _window(monkeypatch, saves: Path, config: Path, exports: Path):
    """The window on its menu (dummy video driver), the mini scenario opened, with these
    folders."""
    from game.ui import catalog
    from game.ui.app import App, Options

    monkeypatch.setenv("CROSSROADS_SAVE_DIR", str(saves))
    monkeypatch.setenv("CROSSROADS_CONFIG_DIR", str(config))
    monkeypatch.setenv("CROSSROADS_EXPORT_DIR", str(exports))
    entry = catalog.load(str(MINI))
    assert entry.ok, entry.errors
    return App(Options(size=(1280, 720), menu_first=True), entry)


def test_the_window_reaches_its_menu_with_the_corpus_in_its_save_folder(
    good, tmp_path, monkeypatch
):
    """The corpus, a good slot, a good autosave, two autosaves that read well but cannot be
    resumed (a policy that does not exist, a scenario that is not installed) and a settings
    file of 100,000 ``[``: the menu opens, Continue offers the good autosave, Load lists every
    file with the good ones usable, and choosing a bad one shows why and leaves the class at
    the menu."""
    import pygame

    from game.ui.scenes.error import ErrorScene
    from game.ui.scenes.map_screen import MapScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.saves import SaveLoadScene

    folder = tmp_path / "saves"
    cases = hostile_saves(folder, good)
    slot = folder / "slot2.json"
    slot.write_text(good, encoding="utf-8")
    auto = folder / "autosave-mini-20240101-090000.json"
    auto.write_text(good, encoding="utf-8")
    data = json.loads(good)
    unusable = {
        "autosave-mini-20240102-090000.json": ({"policies": {"RUS": "gredy"}}, "gredy"),
        "autosave-gone-20240103-090000.json": ({"scenario_id": "gone"}, "scenario called 'gone'"),
    }
    for name, (change, _) in unusable.items():
        (folder / name).write_text(signed({**data, **change}), encoding="utf-8")
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_bytes(HOSTILE_SETTINGS["deep"]())
    try:
        app = _window(monkeypatch, folder, config, tmp_path / "exports")
        app.step([])
        menu = app.stack.top
        assert isinstance(menu, MenuScene) and menu.folder_problem is None
        assert "settings.json" in app._toast  # one message: the defaults are in use
        assert menu._autosave is not None
        assert menu._autosave.path.name == "autosave-gone-20240103-090000.json"  # newest
        # Continue on an autosave that reads but cannot be resumed: why, then the menu
        for name, (_, words) in unusable.items():
            menu._autosave = savefolder.summarise(folder / name)
            menu.continue_game()
            app.step([])
            err = app.stack.top
            assert isinstance(err, ErrorScene) and words in err.body_text, err.body_text
            err.done()
            app.step([])
            assert app.stack.top is menu
        menu.load()
        app.step([])
        load = app.stack.top
        assert isinstance(load, SaveLoadScene)
        rows = {r.save.path.name: r for r in load.items}
        assert rows["slot2.json"].save.ok and rows[auto.name].save.ok
        assert rows["slot2.json"].slot == 2
        for name, (path, phrase) in cases.items():
            if path.is_dir():
                assert path.name not in rows
                continue
            assert phrase in rows[path.name].problem, (name, rows[path.name].problem)
            load.activate(load.items.index(rows[path.name]))
            app.step([])
            err = app.stack.top
            assert isinstance(err, ErrorScene), name
            assert path.name in err.body_text and phrase in err.body_text, err.body_text
            err.done()
            app.step([])
            assert app.stack.top is load
        load.activate(load.items.index(rows[auto.name]))  # the good one is played on
        app.step([])
        assert isinstance(app.stack.top, MapScene)
        assert app.controller is not None and app.controller.autosave == auto
    finally:
        pygame.display.quit()


@pytest.mark.parametrize("name", ["deep", "fifo", "wrong-types"])
def test_the_window_starts_with_default_settings_and_one_message(
    tmp_path, monkeypatch, capsys, name
):
    """A settings.json of 100,000 ``[``, a FIFO, or values of the wrong type: the window opens
    with the default settings and says once what was wrong with the file."""
    import pygame

    from game.ui.saves import Settings
    from game.ui.scenes.menu import MenuScene

    config = tmp_path / "config"
    config.mkdir()
    settings = config / "settings.json"
    if name == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("FIFOs are a POSIX feature")
        os.mkfifo(settings)
    else:
        settings.write_bytes(HOSTILE_SETTINGS[name]())
    try:
        app = _window(monkeypatch, tmp_path / "saves", config, tmp_path / "exports")
        app.step([])
        assert isinstance(app.stack.top, MenuScene)
        assert app.settings == Settings()
        assert "settings.json" in app._toast and "defaults" in app._toast, app._toast
        assert capsys.readouterr().err.count("settings.json") == 1
    finally:
        pygame.display.quit()


def test_summarise_never_raises(corpus, monkeypatch):
    """One exception boundary per file: even an error the reader does not expect is one
    file's problem."""
    folder, _ = corpus

    def broken(path):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(savefolder, "read_record", broken)
    entries = savefolder.list_saves(folder)
    assert entries and all("cannot be read (RuntimeError)" in s.problem for s in entries)


@pytest.mark.parametrize(
    "change, words",
    [
        ({"policies": {"RUS": "gredy"}}, "no policy 'gredy'"),
        ({"policies": {"XYZ": "greedy"}}, "XYZ"),
        ({"humans": ["CHN", "ZZZ"]}, "ZZZ"),
        ({"turns": "actions"}, "no longer exists"),
    ],
)
def test_resuming_a_signed_save_with_contents_that_do_not_fit_is_a_save_error(
    mini, good, tmp_path, change, words
):
    """Continue/Load on a save that passes its checksum but names what the scenario does not
    have: a SaveError with words for the player, never an internal error."""
    data = json.loads(good)
    if change == {"turns": "actions"}:
        data["turns"][0]["actions"]["JPN"] = ["no_such_action@KAZ"]
    else:
        data.update(change)
    p = tmp_path / "slot1.json"
    p.write_text(signed(data), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        Session.resume(mini, p)
    assert words in str(e.value) and "slot1.json" in str(e.value)


def test_more_turns_than_the_scenario_has_is_refused(mini, good, tmp_path):
    data = json.loads(good)
    data["turns"] = [dict(data["turns"][-1], turn=i) for i in range(45)]
    p = tmp_path / "slot1.json"
    p.write_text(signed(data), encoding="utf-8")
    with pytest.raises(SaveError, match="45 turns, but the scenario has only 8"):
        Session.resume(mini, p)


def test_the_report_names_and_skips_every_bad_record(corpus, tmp_path, capsys):
    """The class report with the whole corpus beside two good records: it is written, and
    every bad file is named in a warning."""
    folder, cases = corpus
    good = tmp_path / "good"
    good.mkdir()
    for group, pol in (("group_a", "historical"), ("group_b", "greedy")):
        cmd = ["play", str(MINI), "--headless", "--quiet", "--json", str(good / f"{group}.json")]
        assert main([*cmd, "--policy", f"JPN={pol}"]) == 0
    capsys.readouterr()
    paths = [str(p) for p, _ in cases.values() if not p.is_dir()]
    out = tmp_path / "report"
    assert main(["report", str(MINI), str(good), *paths, "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for name, (path, _) in cases.items():
        if not path.is_dir():
            assert path.name in err, name
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "group_a" in md and "group_b" in md


def test_a_record_with_more_turns_than_its_scenario_is_skipped_by_the_report(tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    for group in ("group_a", "group_b"):
        cmd = ["play", str(MINI), "--headless", "--quiet", "--json", str(folder / f"{group}.json")]
        assert main(cmd) == 0
    data = json.loads((folder / "group_b.json").read_text(encoding="utf-8"))
    data["turns"] = [dict(data["turns"][-1], turn=i) for i in range(45)]
    (folder / "group_b.json").write_text(signed(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(MINI), str(folder), "--out", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "group_b.json: this record has 45 turns, but the scenario mini has only 8" in err


@pytest.mark.parametrize("name", sorted(HOSTILE_SETTINGS))
def test_hostile_settings_give_the_defaults_and_a_message(tmp_path, name):
    """What the window's settings reader must do (``kit.files.read_settings``)."""
    p = tmp_path / "settings.json"
    p.write_bytes(HOSTILE_SETTINGS[name]())
    defaults = {"fullscreen": False, "text_scale": 100, "language": "en"}
    got, problem = read_settings(p, defaults)
    assert got == defaults
    assert problem and "settings.json" in problem


def test_good_settings_are_read_and_a_missing_file_is_no_problem(tmp_path):
    p = tmp_path / "settings.json"
    defaults = {"fullscreen": False, "text_scale": 100, "language": "en"}
    assert read_settings(p, defaults) == (defaults, None)
    p.write_text('{"text_scale": 150, "language": "ja"}', encoding="utf-8")
    assert read_settings(p, defaults) == ({**defaults, "text_scale": 150, "language": "ja"}, None)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_settings_that_are_a_pipe_or_a_device_are_not_read(tmp_path):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    for p in (fifo, Path("/dev/zero")):
        got, problem = read_settings(p, {"a": 1})
        assert got == {"a": 1} and "not an ordinary file" in str(problem)


def test_a_damaged_phrase_file_falls_back_to_english(tmp_path, capsys):
    (tmp_path / "en.json").write_text('{"hello": "Hello"}', encoding="utf-8")
    (tmp_path / "ja.json").write_bytes(b"[" * 100_000)
    phrases = Catalogue(tmp_path)
    from game.kit.i18n import using

    with using("ja"):
        assert phrases.tr("hello") == "Hello"
    assert "ja.json" in capsys.readouterr().err


def test_json_limits(tmp_path):
    p = tmp_path / "x.json"
    for text, kind in [
        ("[" * 200_000, "too_deep"),
        ('{"v": ' + "9" * 5000 + "}", "huge_number"),
        ("[1e999]", "not_finite"),
        ("[-Infinity]", "not_finite"),
        ('{"a": [1, 2', "cut_short"),
    ]:
        p.write_text(text, encoding="utf-8")
        with pytest.raises(FileProblem) as e:
            read_json(p, 1 << 20)
        assert e.value.kind == kind, text[:20]
    p.write_text('{"a": [1, 2.5, "x"]}', encoding="utf-8")
    assert read_json(p, 1 << 20) == {"a": [1, 2.5, "x"]}
