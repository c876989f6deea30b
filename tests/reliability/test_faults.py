"""Nothing lost: a full disk or a ``kill -9`` in the middle of a save never destroys the last
good save (the SQLite promise: temporary file, fsync, rename, fsync the folder).

* a small real disk (a 512 KB tmpfs, when this process may mount one) filled in the middle of
  a game: the autosave that failed leaves the previous one whole, the game goes on, and the
  next autosave after space is freed succeeds; the class report on a full disk keeps the
  previous report whole;
* the same with the disk-full error simulated (``os.write`` and ``os.fsync`` raising ENOSPC),
  which runs everywhere;
* 20 children autosaving a game in a loop, each killed with SIGKILL at a random moment: the
  save on the disk always loads, and the temporary files the kills left are removed at the
  next start.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.cli import main
from game.engine.record import SaveError, read_record
from game.kit import files
from game.play import savefolder
from game.play.session import Session
from tests.conftest import FIXTURES

from .corpus import disk_full, human_turn

MINI = FIXTURES / "mini.yaml"


@pytest.fixture
def small_disk(tmp_path):
    """A 512 KB file system of its own (tmpfs); skipped where it cannot be mounted."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs Linux and root")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mnt)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode()[:200]}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the disk of ``folder`` to the last byte; returns the filler file."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as fh:
        chunk = b"\0" * 4096
        try:
            while True:
                fh.write(chunk)
        except OSError as e:
            assert e.errno == errno.ENOSPC
        try:
            while True:
                fh.write(b"\0")
        except OSError:
            pass
    return filler


def test_a_full_disk_mid_game_loses_nothing_already_saved(mini, small_disk):
    path = savefolder.new_autosave_path(small_disk, "mini")
    s = Session.start(mini, humans=("JPN",), seed=9, autosave=path)
    for _ in range(3):
        human_turn(s)
    saved = path.read_bytes()
    filler = _fill(small_disk)
    with pytest.raises(OSError) as e:
        human_turn(s)  # the turn is played; its autosave finds the disk full
    assert e.value.errno == errno.ENOSPC
    assert "the disk is full" in files.write_problem(e.value, path)
    assert path.read_bytes() == saved, "the last good autosave was damaged"
    assert len(read_record(path).turns) == 3
    assert not list(small_disk.glob("*.tmp")), "a temporary file was left on the full disk"
    assert s.turn == 4  # the game itself goes on
    filler.unlink()  # space again: the next autosave (the window retries every turn) works
    human_turn(s)
    assert len(read_record(path).turns) == 5
    assert Session.resume(mini, path).st.hash(0) == s.st.hash(0)


def test_a_report_on_a_full_disk_keeps_the_previous_report_whole(small_disk, tmp_path, capsys):
    games = tmp_path / "games"
    games.mkdir()
    for group in ("group_a", "group_b"):
        cmd = ["play", str(MINI), "--headless", "--quiet", "--json", str(games / f"{group}.json")]
        assert main(cmd) == 0
    out = small_disk / "report"
    assert main(["report", str(MINI), str(games), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(before) == {"report.md", "report.png"}
    _fill(small_disk)
    capsys.readouterr()
    assert main(["report", str(MINI), str(games), "--out", str(out), "--lang", "ja"]) == 1
    assert "the disk is full" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_a_simulated_full_disk_keeps_the_last_save(mini, tmp_path, monkeypatch, where):
    """The same promise where no small disk can be mounted: ``os.write`` or ``os.fsync``
    fails with ENOSPC half-way through the save (file systems with delayed allocation report
    a full disk only at fsync)."""
    path = tmp_path / "autosave-mini.json"
    s = Session.start(mini, humans=("JPN",), seed=9, autosave=path)
    human_turn(s)
    human_turn(s)
    saved = path.read_bytes()
    real = getattr(os, where)
    monkeypatch.setattr(os, where, disk_full(where))
    with pytest.raises(OSError):
        human_turn(s)
    monkeypatch.setattr(os, where, real)
    assert path.read_bytes() == saved
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    human_turn(s)
    assert len(read_record(path).turns) == 4


def _autosave_for_ever(mini, path: Path) -> None:
    """The child: games of the mini scenario one after another, autosaving every turn."""
    seed = 0
    while True:
        seed += 1
        s = Session.start(mini, humans=("JPN",), seed=seed, autosave=path)
        while not s.over:
            human_turn(s)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_kill_9_in_the_middle_of_saving_never_leaves_a_broken_save(mini, tmp_path):
    path = tmp_path / "autosave-mini.json"
    rng = random.Random(20)
    left: set[Path] = set()  # temporary files the kills left
    for _ in range(20):
        pid = os.fork()
        if pid == 0:  # the child never returns into pytest
            try:
                _autosave_for_ever(mini, path)
            finally:
                os._exit(0)
        deadline = time.monotonic() + 60
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        rec = read_record(path)  # always a whole save (SaveError would fail the test)
        assert rec.scenario_id == "mini"
        left |= set(tmp_path.glob("*.tmp"))
    # the temporaries a kill left are removed at the next start (once no writer can be at
    # work on them: here they are made old, as they would be by then)
    for tmp in tmp_path.glob("*.tmp"):
        os.utime(tmp, (time.time() - 3600, time.time() - 3600))
    savefolder.clean_folder(tmp_path)
    assert not list(tmp_path.glob("*.tmp"))
    assert [s.path.name for s in savefolder.list_saves(tmp_path)] == [path.name]
    print(f"temporary files left by 20 kills: {len(left)}")


def test_a_fresh_temporary_is_left_to_its_writer(tmp_path):
    (tmp_path / "autosave-mini.json.abcd1234.tmp").write_text("{", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert savefolder.clean_folder(tmp_path) == []
    old = time.time() - 3600
    os.utime(tmp_path / "autosave-mini.json.abcd1234.tmp", (old, old))
    os.utime(tmp_path / "notes.txt", (old, old))
    assert [p.name for p in savefolder.clean_folder(tmp_path)] == [
        "autosave-mini.json.abcd1234.tmp"
    ]
    assert (tmp_path / "notes.txt").exists()


def test_a_damaged_save_never_replaces_a_good_one_by_reading(tmp_path, mini):
    """Reading is read-only: listing a folder of bad saves changes nothing in it."""
    path = tmp_path / "slot1.json"
    path.write_text("{", encoding="utf-8")
    before = path.read_bytes()
    assert not savefolder.list_saves(tmp_path)[0].ok
    with pytest.raises(SaveError):
        Session.resume(mini, path)
    assert path.read_bytes() == before
