"""The save folder's storage layer (what the window's menu and Save/Load screens call):
autosaves named by start time, kept to a bounded number, listed newest first; the folder
checked before a game relies on it."""

from __future__ import annotations

import os
import time

from game.play import savefolder
from game.play.session import Session


def _game(mini, path, turns: int = 1, seed: int = 1) -> Session:
    s = Session.start(mini, humans=("JPN",), seed=seed, autosave=path)
    for _ in range(turns):
        s.play_turn()
    return s


def test_starting_a_scenario_again_never_overwrites_the_earlier_games_autosave(mini, tmp_path):
    first = savefolder.new_autosave_path(tmp_path, "mini", started=1_700_000_000)
    _game(mini, first, turns=3)
    again = savefolder.new_autosave_path(tmp_path, "mini", started=1_700_000_000)
    assert again != first  # the same second: a new name all the same
    _game(mini, again, turns=1, seed=2)
    later = savefolder.new_autosave_path(tmp_path, "mini", started=1_700_000_600)
    assert later.name.startswith("autosave-mini-2023") and later.suffix == ".json"
    turns = {s.path: s.turns for s in savefolder.autosaves(tmp_path, "mini")}
    assert turns == {first: 3, again: 1}


def test_autosaves_are_listed_newest_first_and_pruned_to_a_bounded_number(mini, tmp_path):
    paths = []
    for k in range(7):
        p = savefolder.new_autosave_path(tmp_path, "mini", started=1_700_000_000 + 60 * k)
        _game(mini, p, seed=k + 1)
        os.utime(p, (time.time() + k, time.time() + k))
        paths.append(p)
    other = savefolder.new_autosave_path(tmp_path, "other", started=1_600_000_000)
    other.write_bytes(paths[0].read_bytes())
    listed = savefolder.autosaves(tmp_path, "mini")
    assert [s.path for s in listed] == paths[::-1]
    assert savefolder.latest_autosave(tmp_path).path == paths[-1]
    removed = savefolder.prune_autosaves(tmp_path, "mini", keep=5, in_use=paths[0])
    assert sorted(removed) == [paths[1]]  # the oldest but the one in use
    assert len(savefolder.autosaves(tmp_path, "mini")) == 6
    assert other.exists()  # another scenario's autosaves are not this one's to prune


def test_an_old_style_autosave_is_still_listed(mini, tmp_path):
    old = tmp_path / "autosave-mini.json"
    _game(mini, old, turns=2)
    (only,) = savefolder.list_saves(tmp_path)
    assert only.kind == "autosave" and only.ok and only.turns == 2 and only.year == "2011"
    assert savefolder.latest_autosave(tmp_path).path == old


def test_slots_and_other_files_are_told_apart(mini, tmp_path):
    _game(mini, tmp_path / "slot3.json")
    _game(mini, tmp_path / "class-a.json")
    kinds = {s.path.name: s.kind for s in savefolder.list_saves(tmp_path)}
    assert kinds == {"slot3.json": "slot", "class-a.json": "other"}


def test_a_folder_that_cannot_hold_saves_is_said_with_where_to_change_it(tmp_path):
    assert savefolder.folder_problem(tmp_path / "new" / "saves") is None
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    problem = savefolder.folder_problem(blocker / "saves", "set CROSSROADS_SAVE_DIR")
    assert problem is not None
    assert "Saves cannot be written" in problem and "CROSSROADS_SAVE_DIR" in problem
    assert savefolder.list_saves(blocker / "saves") == []  # never raises


def test_listing_reads_no_more_than_the_newest_files(mini, tmp_path, monkeypatch):
    monkeypatch.setattr(savefolder, "MAX_LISTED", 3)
    for k in range(5):
        p = tmp_path / f"slot{k}.json"
        _game(mini, p, seed=k + 1)
        os.utime(p, (1_700_000_000 + k, 1_700_000_000 + k))
    assert [s.path.name for s in savefolder.list_saves(tmp_path)] == [
        "slot4.json",
        "slot3.json",
        "slot2.json",
    ]
