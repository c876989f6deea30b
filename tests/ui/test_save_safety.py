"""Nothing lost, nothing crashes, in the window: each game has its own autosave (a new game, the
guided tour or a resumed slot never overwrites another game's), a failed autosave is said on
the map until one works again and loses nothing already saved, the menu says when saves cannot
be written and where, settings and exports are written atomically, a damaged font or map file
gives a message and the game goes on, and saves are found where older versions put them."""

from __future__ import annotations

import os
import time

import pygame
import pytest
from uihelp import drawn_strings, play_turns, press

from tests.reliability.corpus import disk_full


def _new_game(app, entry, seed=1, tour=False):
    app.go_menu()
    app.new_game(entry, None, seed, None, tour=tour)
    app.step([])
    return app.stack.top.ctl


def note_fits(app, problem, where):
    """Run a frame; fail when the text of a note naming ``problem`` did not fit its box."""
    from game.ui import text

    text.reset_overflows()
    app.step([])
    bad = [o for o in text.OVERFLOWS if problem[:40] in o.text or "saved" in o.text]
    text.reset_overflows()
    assert not bad, f"{where}: {bad[:2]}"


def _turns(path):
    from game.play import savefolder

    return savefolder.summarise(path).turns


def test_a_new_game_never_overwrites_another_games_autosave(make_app, mini_entry, no_fsync):
    """Two groups start the same scenario one after the other: each has its own autosave; the
    newest five of the scenario are kept, always the one in use; Continue picks the newest."""
    from game.play import savefolder
    from game.ui import saves
    from game.ui.scenes.map_screen import MapScene
    from game.ui.scenes.menu import MenuScene

    app = make_app()
    first = _new_game(app, mini_entry, seed=1)
    play_turns(app, 2)
    a = first.autosave
    saved = a.read_bytes()
    second = _new_game(app, mini_entry, seed=2)
    assert second.autosave != a and a.read_bytes() == saved
    play_turns(app, 1)
    assert a.read_bytes() == saved and _turns(second.autosave) == 1
    paths = [a, second.autosave]
    for seed in range(3, 9):
        paths.append(_new_game(app, mini_entry, seed=seed).autosave)
    kept = [s.path for s in savefolder.autosaves(saves.save_dir(), "mini")]
    assert len(kept) == savefolder.KEEP_AUTOSAVES and paths[-1] in kept
    assert set(kept) == set(paths[-5:])  # the oldest went first
    # Continue: the newest autosave, and the game goes on in that same file
    os.utime(paths[-2], (time.time() + 5, time.time() + 5))
    app.go_menu()
    app.step([])
    menu = app.stack.top
    assert isinstance(menu, MenuScene) and menu._autosave.path == paths[-2]
    menu.continue_game()
    app.step([])
    assert isinstance(app.stack.top, MapScene) and app.controller.autosave == paths[-2]


def test_the_tour_and_a_resumed_slot_autosave_to_files_of_their_own(make_app, mini_entry, no_fsync):
    from game.play import savefolder
    from game.ui import saves
    from game.ui.controller import TOUR_AUTOSAVE

    app = make_app()
    real = _new_game(app, mini_entry, seed=1)
    play_turns(app, 2)
    real.save_to(saves.slot_path(1))
    saved = real.autosave.read_bytes()
    tour = _new_game(app, mini_entry, seed=1, tour=True)
    assert tour.tour is not None
    assert tour.autosave.name.startswith(f"autosave-{TOUR_AUTOSAVE}-")
    play_turns(app, 1)
    assert real.autosave.read_bytes() == saved
    # five more tours never prune the real game's autosave (tours are pruned among themselves)
    for _ in range(5):
        _new_game(app, mini_entry, tour=True)
    assert real.autosave.read_bytes() == saved
    assert len(savefolder.autosaves(saves.save_dir(), TOUR_AUTOSAVE)) == 5
    # a slot loaded goes on in a new autosave, not in the autosave of the game it came from
    app.go_menu()
    app.resume_save(saves.slot_path(1), "mini")
    app.step([])
    resumed = app.controller
    assert resumed.autosave not in (None, real.autosave) and resumed.autosave.exists()
    play_turns(app, 1)
    assert real.autosave.read_bytes() == saved and _turns(resumed.autosave) == 3


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_a_full_disk_is_said_on_the_map_until_an_autosave_works_again(menu_app, monkeypatch, where):
    """ENOSPC from os.write or os.fsync (as tests/reliability does): the turn is played, the
    last good autosave stays whole, the map says so in plain words turn after turn, and when
    the disk has room again the next autosave works and the note goes."""
    from game.engine.record import read_record
    from game.play.session import Session

    app = menu_app()
    press(app, pygame.K_RETURN)
    ctl = play_turns(app, 2)
    path = ctl.autosave
    saved = path.read_bytes()
    real = getattr(os, where)
    monkeypatch.setattr(os, where, disk_full(where))
    for turn in (3, 4):
        play_turns(app, 1)
        assert "the disk is full" in ctl.save_problem and str(path.parent) in ctl.save_problem
        assert ctl.session.autosave == path and len(ctl.session.reports) == turn
        assert path.read_bytes() == saved, "the last good autosave was damaged"
        assert [p.name for p in path.parent.iterdir()] == [path.name]
        shown = " ".join(drawn_strings(app))
        assert "Autosave failed" in shown and "the disk is full" in shown
    monkeypatch.setattr(os, where, real)
    play_turns(app, 1)
    assert ctl.save_problem == "" and "Autosave failed" not in " ".join(drawn_strings(app))
    assert len(read_record(path).turns) == 5
    assert Session.resume(ctl.scenario, path).st.hash(0) == ctl.session.st.hash(0)


def test_the_menu_says_when_saves_cannot_be_written_until_it_is_fixed(
    mini_entry, tmp_path, monkeypatch
):
    """A save folder that cannot be made (here: a file is in the way): the menu says so, where,
    and how to save elsewhere; a game still starts (autosave fails, said on the map); once the
    folder can be written the note goes."""
    from game.ui import i18n
    from game.ui.app import App, Options

    blocker = tmp_path / "usb"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CROSSROADS_SAVE_DIR", str(blocker / "saves"))
    app = App(Options(size=(1280, 720), menu_first=True), mini_entry)
    menu = app.stack.top
    shown = " ".join(drawn_strings(app))
    assert "Games are not being saved" in shown
    assert "CROSSROADS_SAVE_DIR" in menu.folder_problem and str(blocker) in menu.folder_problem
    for lang in ("en", "ja", "ru"):
        for pct in (100, 125, 200):
            i18n.set_language(lang)
            app.set_text_scale(pct)
            menu.resume()
            note_fits(app, menu.folder_problem, f"menu note {lang} {pct}")
    app.new_game(mini_entry, None, 1, None)
    app.step([])
    assert "cannot be made" in app.controller.save_problem
    for pct in (100, 200):  # the note on the map, in both layouts
        app.set_text_scale(pct)
        note_fits(app, app.controller.save_problem, f"autosave note {pct}")
    i18n.set_language("en")
    blocker.unlink()  # the teacher frees the place
    app.go_menu()
    app.step([])
    assert menu.folder_problem is None
    assert "Games are not being saved" not in " ".join(drawn_strings(app))


def test_stale_temporary_files_are_removed_when_the_window_starts(make_app):
    from game.ui import saves

    folder = saves.save_dir()
    folder.mkdir(parents=True)
    stale = folder / "autosave-mini-20240101-090000.json.abcd1234.tmp"
    stale.write_text("{", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    make_app()
    assert not stale.exists()


def test_settings_are_written_atomically_and_read_back(make_app, monkeypatch):
    """Settings written through a temporary file: read back as written; on a full disk the
    old file stays whole and the reason is returned, never raised."""
    from game.ui import saves

    app = make_app()
    app.set_text_scale(150)
    path = saves.Settings.path()
    assert saves.Settings.read() == (saves.Settings(text_scale=150), None)
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]
    before = path.read_bytes()

    monkeypatch.setattr(os, "fsync", disk_full("fsync"))
    app.set_text_scale(200)  # the window goes on
    problem = saves.Settings(text_scale=125).save()
    assert problem is not None and problem.startswith("the disk is full")
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_a_damaged_font_named_by_crossroads_font_falls_back_with_a_message(
    make_app, tmp_path, monkeypatch, capsys
):
    from game.kit.typeface import shipped_font
    from game.ui import fonts

    bad = tmp_path / "half.ttf"
    bad.write_bytes(shipped_font("regular").read_bytes()[:5000])
    monkeypatch.setenv("CROSSROADS_FONT", str(bad))
    try:
        fonts.configure()
        assert fonts.config().regular == shipped_font("regular")
        app = make_app()
        assert "CROSSROADS_FONT" in app._toast and "half.ttf" in app._toast
        assert "CROSSROADS_FONT" in capsys.readouterr().err
        app.step([])  # and the menu draws in the game's own font
    finally:
        monkeypatch.delenv("CROSSROADS_FONT")
        fonts.configure()


def test_a_corrupt_map_file_is_said_on_the_map_and_the_game_goes_on(
    make_app, mini_entry, tmp_path, monkeypatch, no_fsync
):
    from game.ui import map_data

    bad = tmp_path / "world.json"
    bad.write_text('{"quantum": 0.001, "arcs": [[1, 2', encoding="utf-8")
    monkeypatch.setattr(map_data, "ASSET", bad)
    map_data.load_world.cache_clear()
    map_data.region_map.cache_clear()
    try:
        with pytest.raises(map_data.MapProblem, match="world.json: this file looks cut short"):
            map_data.load_map()
        bad.write_text('{"quantum": "x", "arcs": [], "countries": []}', encoding="utf-8")
        with pytest.raises(map_data.MapProblem, match="world.json is damaged"):
            map_data.load_map()
        app = make_app()
        app.new_game(mini_entry, None, 1, None)
        shown = " ".join(drawn_strings(app))
        assert "The map cannot be drawn" in shown and "world.json" in shown
        ctl = play_turns(app, 2)
        assert len(ctl.session.reports) == 2
        press(app, pygame.K_b)  # About the map: says why instead of the credits
        assert "The map cannot be drawn" in " ".join(drawn_strings(app))
    finally:
        map_data.load_world.cache_clear()
        map_data.region_map.cache_clear()


def test_the_debrief_export_is_written_whole_or_not_at_all(make_app, mini_entry, monkeypatch):
    from game.ui import saves
    from game.ui.export import ExportError, write_pages

    folder = saves.export_dir()
    pages = [("a", lambda s: s.fill((1, 2, 3))), ("b", lambda s: s.fill((4, 5, 6)))]
    pngs, md = write_pages(folder, "x", pages, lambda names: "\n".join(names))
    assert md.read_text(encoding="utf-8") == "x-1-a.png\nx-2-b.png"
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    monkeypatch.setattr(os, "fsync", disk_full("fsync"))
    with pytest.raises(ExportError) as e:
        write_pages(folder, "x", pages[::-1], lambda names: "other")
    assert str(e.value).startswith("the disk is full") and str(folder) in str(e.value)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_saves_are_where_they_were_on_linux_and_copied_where_the_folder_moved(
    tmp_path, monkeypatch
):
    """platformdirs' folders: on Linux the same as before (XDG_DATA_HOME, ~/.local/share), so
    nothing moves; where they differ (macOS, Windows) the saves of the old folder are copied
    into the new one once - not over a file of the same name, not what cannot be a save."""
    import sys

    from game.play import savefolder
    from game.ui import saves

    monkeypatch.delenv("CROSSROADS_SAVE_DIR")
    monkeypatch.delenv("CROSSROADS_CONFIG_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdgc"))
        assert saves.save_dir() == tmp_path / "xdg" / "crossroads" / "saves"
        assert saves.config_dir() == tmp_path / "xdgc" / "crossroads"
        assert saves.data_home() == saves.old_data_home()
        assert saves.copy_old_saves() == []
        monkeypatch.delenv("XDG_DATA_HOME")
        monkeypatch.delenv("XDG_CONFIG_HOME")
        home = os.path.expanduser("~")
        assert str(saves.save_dir()) == f"{home}/.local/share/crossroads/saves"
        assert str(saves.config_dir()) == f"{home}/.config/crossroads"
    old = tmp_path / "old" / "crossroads"
    new = tmp_path / "Application Support" / "crossroads"
    monkeypatch.setattr(saves, "old_data_home", lambda: old)
    monkeypatch.setattr(saves, "data_home", lambda: new)
    (old / "saves").mkdir(parents=True)
    (old / "saves" / "slot1.json").write_text("{}", encoding="utf-8")
    (old / "saves" / "autosave-mini.json").write_text("[]", encoding="utf-8")
    (old / "saves" / "notes.txt").write_text("mine", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(old / "saves" / "slot2.json")
    (new / "saves").mkdir(parents=True)
    (new / "saves" / "slot1.json").write_text('{"newer": 1}', encoding="utf-8")
    copied = saves.copy_old_saves()
    assert [p.name for p in copied] == ["autosave-mini.json"]
    assert (new / "saves" / "slot1.json").read_text(encoding="utf-8") == '{"newer": 1}'
    assert not (new / "saves" / "notes.txt").exists()
    assert (old / "saves" / "slot1.json").exists()  # the old files stay
    listed = {s.path.name for s in savefolder.list_saves(new / "saves")}
    assert listed == {"slot1.json", "autosave-mini.json"}
    (new / "saves" / "autosave-mini.json").unlink()  # removed by the player: not copied again
    assert saves.copy_old_saves() == []
