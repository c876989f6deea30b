"""``python main.py report``: a class summary from several groups' records, and plain errors."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini.yaml"
POLICIES = {"group_a": "historical", "group_b": "greedy", "group_c": "random"}


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> Path:
    """Three headless games of the mini scenario, one per policy, written with --json."""
    d = tmp_path_factory.mktemp("records")
    for name, pol in POLICIES.items():
        assert main(["play", str(MINI), "--headless", "--seed", "3", "--quiet",
                     "--policy", f"JPN={pol}", "--json", str(d / f"{name}.json")]) == 0
    return d


def _files(records: Path) -> list[str]:
    return [str(records / f"{n}.json") for n in POLICIES]


def _row(md: str, label: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(f"| **{label}"))


def test_report_names_every_group_its_grades_and_a_divergence(records, tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["report", str(MINI), *_files(records), "--out", str(out), "--html"]) == 0
    for f in ("report.md", "report.png", "report.html"):
        assert (out / f).is_file() and (out / f).stat().st_size > 0, f
    md = (out / "report.md").read_text(encoding="utf-8")
    for name in POLICIES:
        data = json.loads((records / f"{name}.json").read_text(encoding="utf-8"))
        row = _row(md, name)
        assert f"JPN {data['grades']['overall']['JPN']}" in row
        for ob in data["grades"]["objectives"]:
            if ob["role"] == "JPN":
                assert f"{ob['grade']} ({ob['value']:g})" in row, (row, ob)
    # the historical choices and the divergences
    assert "Yen loan \u2192 Kazakhstan" in md  # the 2010 historical action, by name
    assert "first left history in" in md or "followed history until" in md
    assert "The groups first split in 2010" in md
    assert "History (replayed)" in md
    assert "## Discussion prompts" in md
    assert "\u2014 why?" in md or "Why could" in md  # a prompt made from the data
    assert "Traceback" not in capsys.readouterr().err
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "group_b" in html


def test_report_png_is_a_one_page_picture(records, tmp_path):
    pygame = pytest.importorskip("pygame")
    out = tmp_path / "r"
    assert main(["report", str(MINI), *_files(records), "--out", str(out)]) == 0
    img = pygame.image.load(str(out / "report.png"))
    assert img.get_size() == (1600, 1000)
    assert not (out / "report.html").exists()  # only with --html


def test_scenario_is_found_beside_the_records(records, tmp_path, capsys):
    d = tmp_path / "class"
    d.mkdir()
    for f in _files(records):
        shutil.copy(f, d)
    shutil.copy(MINI, d / "mini.yaml")
    assert main(["report", str(d), "--out", str(tmp_path / "out")]) == 0  # a folder works too
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "Key choices against history" in md and "Yen loan \u2192 Kazakhstan \u2713" in md
    assert "cannot find scenario" not in capsys.readouterr().err


def test_changed_scenario_warns_but_continues(records, tmp_path, capsys):
    changed = tmp_path / "mini.yaml"
    changed.write_text(MINI.read_text(encoding="utf-8") + "\n# edited after the lesson\n",
                       encoding="utf-8")
    assert main(["report", str(changed), *_files(records), "--out", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "has changed since" in err and "group_a.json" in err
    assert "has changed since" in (tmp_path / "o" / "report.md").read_text(encoding="utf-8")


def test_without_the_scenario_the_report_still_has_grades(records, tmp_path, capsys):
    d = tmp_path / "alone"
    d.mkdir()
    for f in _files(records):
        shutil.copy(f, d)
    assert main(["report", *[str(d / f"{n}.json") for n in POLICIES],
                 "--out", str(tmp_path / "o")]) == 0
    assert "cannot find scenario 'mini'" in capsys.readouterr().err
    md = (tmp_path / "o" / "report.md").read_text(encoding="utf-8")
    assert all(n in md for n in POLICIES)


def test_save_files_with_labels_and_unfinished_games(records, tmp_path, mini):
    from game.engine.session import Session

    s = Session.start(mini, humans=("JPN",), seed=3)
    s.record.label = "Group \u65e5\u672c \u049a\u0430\u0437\u0430\u049b"  # Japanese and Kazakh
    for _ in range(3):
        s.plan(next(c.id for c in s.choices("JPN") if c.legal))
        for ev in s.end_turn():
            s.choose_option(ev.event_id, 0)
        s.finish_turn()
    save = s.save(tmp_path / "autosave-mini.json")
    out = tmp_path / "o"
    assert main(["report", str(MINI), str(save), *_files(records), "--out", str(out)]) == 0
    md = (out / "report.md").read_text(encoding="utf-8")
    row = _row(md, "Group \u65e5\u672c \u049a\u0430\u0437\u0430\u049b")
    assert "unfinished: 3 of 8 turns, graded as it stands" in row
    assert "JPN " in row


def test_a_corrupted_record_alone_exits_1_naming_the_file(records, tmp_path, capsys):
    bad = tmp_path / "group_x.json"
    bad.write_text((records / "group_a.json").read_text(encoding="utf-8")[:2000],
                   encoding="utf-8")
    out = tmp_path / "o"
    assert main(["report", str(bad), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "group_x.json" in err and "cut short" in err and "Traceback" not in err
    assert not (out / "report.md").exists()


def test_a_corrupted_record_among_good_ones_is_skipped_and_named(records, tmp_path, capsys):
    bad = tmp_path / "group_x.json"
    bad.write_text('{"format": "crossroads-save", "version": 1, "sha256": "0", "payload": "{}"}',
                   encoding="utf-8")
    out = tmp_path / "o"
    assert main(["report", str(MINI), str(bad), *_files(records), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "group_x.json" in err and "skipped" in err and "Traceback" not in err
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "Not included:" in md and "group_x.json" in md


@pytest.mark.parametrize("content", [b"\x89PNG\x00\x00", b'{"hello": 1}', b"[1, 2",
                                     b'{"scenario_id": "mini", "turns": [{"turn": 0}]}'])
def test_unreadable_files_give_a_plain_message(tmp_path, capsys, content):
    bad = tmp_path / "weird.json"
    bad.write_bytes(content)
    assert main(["report", str(bad), str(tmp_path / "missing.json"),
                 "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "weird.json" in err and "missing.json: no such file" in err
    assert "Traceback" not in err and "internal error" not in err


def test_records_of_another_scenario_are_skipped(records, tmp_path, capsys):
    data = json.loads((records / "group_b.json").read_text(encoding="utf-8"))
    data["scenario_id"] = "class_other"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "o"
    assert main(["report", str(MINI), str(other), *_files(records), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "other.json" in err and "class_other" in err and "skipped" in err
    assert "other.json" in (out / "report.md").read_text(encoding="utf-8")


def test_same_file_names_in_group_folders_are_labelled_by_folder(records, tmp_path):
    files = []
    for name in POLICIES:
        d = tmp_path / name.replace("group_", "Team ").upper()
        d.mkdir()
        data = json.loads((records / f"{name}.json").read_text(encoding="utf-8"))
        data["label"] = "standard"  # the window may keep the difficulty here
        (d / "autosave-mini.json").write_text(json.dumps(data), encoding="utf-8")
        files.append(str(d / "autosave-mini.json"))
    out = tmp_path / "o"
    assert main(["report", str(MINI), *files, "--out", str(out)]) == 0
    md = (out / "report.md").read_text(encoding="utf-8")
    for label in ("TEAM A", "TEAM B", "TEAM C"):
        assert f"| **{label}**" in md


def test_a_folder_of_group_folders_and_a_quoted_pattern(records, tmp_path):
    for name in POLICIES:
        d = tmp_path / "class" / name
        d.mkdir(parents=True)
        shutil.copy(records / f"{name}.json", d / "autosave-mini.json")
    out = tmp_path / "o"
    assert main(["report", str(MINI), str(tmp_path / "class"), "--out", str(out)]) == 0
    md = (out / "report.md").read_text(encoding="utf-8")
    assert all(f"| **{n}**" in md for n in POLICIES)
    # a pattern the shell did not expand (Windows cmd.exe) is expanded by the report
    assert main(["report", str(MINI), str(tmp_path / "class" / "*" / "*.json"),
                 "--out", str(tmp_path / "o2")]) == 0
    assert "group_c" in (tmp_path / "o2" / "report.md").read_text(encoding="utf-8")
