"""load_scenario: resolution, includes, merging, positions, speed, the never-raise contract."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.scenario import discovery, includes, loader
from game.scenario.cli_commands import (
    cmd_new_scenario,
    cmd_scenarios,
    cmd_schema,
    cmd_validate,
)
from game.scenario.diagnostics import error, render_json, render_text
from game.scenario.loader import load_scenario, load_scenario_text
from game.scenario.model import text_in
from game.scenario.template import new_scenario, render
from game.scenario.translations import missing_translations
from game.scenario.validate import validate_paths

from .helpers import template_text


@pytest.fixture()
def starter(tmp_path) -> Path:
    return new_scenario("Starter", tmp_path)


def test_template_validates_with_zero_diagnostics(starter):
    res = load_scenario(starter)
    assert res.diagnostics == []
    sc = res.scenario
    assert sc is not None and sc.meta.id == "starter"
    assert re.fullmatch(r"[0-9a-f]{64}", sc.content_hash)
    assert sc.path == str(starter.resolve())
    assert len(sc.powers) == 2 and len(sc.states) == 2 and len(sc.dimensions) == 3
    assert len(sc.resources) == 2 and len(sc.actions) == 4 and len(sc.events) == 3
    assert sc.playable_roles == ["POWER_A"] and list(sc.objectives) == ["POWER_A"]
    assert sc.glossary and sc.discussion_questions and sc.drift
    assert any(e.options for e in sc.events) and any(0 < e.chance < 1 for e in sc.events)
    text = starter.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=scenario.schema.json")
    assert (starter.parent / "scenario.schema.json").is_file()


@pytest.mark.parametrize("name", ["Baltic Sea 2030", "Andes", "Le Sahel"])
def test_the_starter_is_neutral_and_honest(tmp_path, name):
    """Whatever the name, the starter is about no real region, claims nothing as historical,
    cites no made-up source and has no project-only key (``seed:``), as the guide asks."""
    path = new_scenario(name, tmp_path)
    text = path.read_text(encoding="utf-8")
    sc = load_scenario(path).scenario
    assert sc is not None and text_in(sc.meta.title) == name
    data = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    for word in ("Kazakh", "Uzbek", "Japan", "China", "Central Asia", "JPN", "KAZ", "yen"):
        assert word not in data, word
    assert not re.search(r"^\s*seed:", text, re.M)
    assert "historical" not in {e.historicity for e in sc.events}
    assert not sc.bibliography and not sc.history
    assert "Replace this text" in text_in(sc.meta.summary)


def test_the_starter_plays_headless_and_grades_from_f_to_b(tmp_path, capsys):
    """The starter's bands follow the guide's rule of thumb: doing nothing earns about an F,
    the greedy computer player about a B."""
    from game.cli import main

    path = str(new_scenario("Starter", tmp_path))
    grades = {}
    for pol in ("passive", "greedy"):
        assert main(["play", path, "--headless", "--policy", f"POWER_A={pol}", "--quiet"]) == 0
        out = capsys.readouterr().out
        grades[pol] = re.search(r"POWER_A: ([A-F])", out).group(1)
    assert grades["passive"] in "DF" and grades["greedy"] in "AB", grades


def test_new_scenario_refuses_to_overwrite(tmp_path, capsys):
    assert cmd_new_scenario("My Trip", str(tmp_path)) == 0
    target = tmp_path / "my_trip" / "scenario.yaml"
    before = target.read_text(encoding="utf-8")
    target.write_text(before + "# edited\n", encoding="utf-8")
    assert cmd_new_scenario("My Trip", str(tmp_path)) == 2
    assert target.read_text(encoding="utf-8").endswith("# edited\n")
    assert "already exists" in capsys.readouterr().err
    assert cmd_new_scenario("  ", str(tmp_path)) == 2


def test_folder_and_id_resolution(tmp_path, monkeypatch):
    inst = tmp_path / "scenarios"
    (inst / "silk").mkdir(parents=True)
    (inst / "silk" / "scenario.yaml").write_text(render("Silk"), encoding="utf-8")
    (inst / "steppe.yaml").write_text(render("Steppe"), encoding="utf-8")
    (inst / "broken.yaml").write_text(
        render("Broken").replace("family: aid", "family: 5"), encoding="utf-8"
    )
    monkeypatch.setattr(discovery, "installed_dir", lambda: inst)
    assert load_scenario("silk").scenario.meta.id == "silk"
    assert load_scenario("steppe").scenario.meta.id == "steppe"
    assert load_scenario(inst / "silk").scenario.meta.id == "silk"
    res = load_scenario("stepe")
    assert [d.code for d in res.diagnostics] == ["E015"]
    assert "steppe" in res.diagnostics[0].hint
    listed = {
        p.name if p.name != "scenario.yaml" else p.parent.name: r
        for p, r in loader.list_installed()
    }
    assert set(listed) == {"silk", "steppe.yaml", "broken.yaml"}


def test_cmd_scenarios_lists_broken_ones_with_their_error_count(tmp_path, monkeypatch, capsys):
    inst = tmp_path / "scenarios"
    inst.mkdir()
    (inst / "good.yaml").write_text(render("Good"), encoding="utf-8")
    (inst / "bad.yaml").write_text(
        render("Bad").replace("family: aid", "family: 5"), encoding="utf-8"
    )
    monkeypatch.setattr(discovery, "installed_dir", lambda: inst)
    assert cmd_scenarios(as_json=True) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["scenarios"]}
    assert rows["good"]["errors"] == 0 and rows["good"]["playable_roles"] == ["POWER_A"]
    assert rows["good"]["start_year"] == 2025 and rows["good"]["turns"] == 10
    assert rows["bad"]["errors"] == 1 and rows["bad"]["title"] is None
    assert cmd_scenarios(as_json=False) == 0
    out = capsys.readouterr().out
    assert "good" in out and "BROKEN" in out


def test_cmd_scenarios_says_where_it_looked_when_none_is_installed(tmp_path, monkeypatch, capsys):
    inst = tmp_path / "empty"
    inst.mkdir()
    monkeypatch.setattr(discovery, "installed_dir", lambda: inst)
    assert cmd_scenarios() == 1
    err = capsys.readouterr().err
    assert "No scenarios are installed" in err and "empty" in err


def test_load_scenario_never_raises():
    for weird in (None, 3.5, "", "\x00", "../../../../etc/passwd", "a" * 5000):
        res = load_scenario(weird)  # type: ignore[arg-type]
        assert res.scenario is None and res.diagnostics
        assert all(d.is_error for d in res.diagnostics)


def test_unexpected_exception_becomes_e999(monkeypatch, tmp_path):
    p = tmp_path / "s.yaml"
    p.write_text(template_text(), encoding="utf-8")

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(loader, "read_all", boom)
    res = load_scenario(p)
    (d,) = res.diagnostics
    assert d.code == "E999" and "report" in d.hint and res.scenario is None


def _split(tmp_path: Path) -> Path:
    """The template split into a manifest and two included files."""
    text = template_text("Split")
    head, rest = text.split("actions:\n", 1)
    acts, rest2 = rest.split("events:\n", 1)
    evs, tail = rest2.split("objectives:\n", 1)
    folder = tmp_path / "split"
    (folder / "parts").mkdir(parents=True)
    (folder / "scenario.yaml").write_text(
        head.replace(
            "schema_version: 1\n",
            "schema_version: 1\ninclude: [parts/actions.yaml, parts/ev*.yaml]\n",
        )
        + "objectives:\n"
        + tail,
        encoding="utf-8",
    )
    (folder / "parts" / "actions.yaml").write_text(
        "schema_version: 1\nactions:\n" + acts, encoding="utf-8"
    )
    (folder / "parts" / "events.yaml").write_text(
        "schema_version: 1\nevents:\n" + evs, encoding="utf-8"
    )
    return folder


def test_includes_merge_and_hash(tmp_path):
    folder = _split(tmp_path)
    res = load_scenario(folder)
    assert res.diagnostics == [], render_text(res.diagnostics, res.sources)
    whole = load_scenario_text(template_text("Split")).scenario
    assert res.scenario.actions == whole.actions and res.scenario.events == whole.events
    assert len(res.files) == 3
    h1 = res.scenario.content_hash
    ev = folder / "parts" / "events.yaml"
    ev.write_text(ev.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert load_scenario(folder).scenario.content_hash != h1


def test_errors_in_included_files_point_at_that_file(tmp_path):
    folder = _split(tmp_path)
    ev = folder / "parts" / "events.yaml"
    ev.write_text(
        ev.read_text(encoding="utf-8").replace(
            "state: STATE_B, by: -0.3", "state: STATE_X, by: -0.3"
        ),
        encoding="utf-8",
    )
    diags, _ = validate_paths([folder / "scenario.yaml"])
    (d,) = diags
    assert d.code == "E202" and d.file.endswith("events.yaml") and "STATE_B" in d.hint
    line = ev.read_text(encoding="utf-8").splitlines()[d.line - 1]
    assert line[d.col - 1 :].startswith("STATE_X")


def test_positions_stay_right_after_an_invalid_item_is_dropped():
    text = template_text().replace("    family: aid\n", "    family: 7\n", 1)
    text = text.replace("state: STATE_B, by: -0.3", "state: STATE_X, by: -0.3")
    res = load_scenario_text(text)
    got = sorted((d.code, d.line) for d in res.diagnostics)
    lines = text.splitlines()
    want_e202 = next(i + 1 for i, ln in enumerate(lines) if "STATE_X" in ln)
    want_e102 = next(i + 1 for i, ln in enumerate(lines) if "family: 7" in ln)
    assert got == [("E102", want_e102), ("E202", want_e202)]


def test_references_to_an_invalid_item_are_not_reported_again():
    # the event is broken (bad historicity); event_fired pointing at it must stay quiet
    text = template_text().replace("historicity: hypothetical", "historicity: history", 1)
    text = text.replace(
        "condition: {flag: dialogue_started}",
        "condition: {event_fired: {id: regional_summit}}",
    )
    res = load_scenario_text(text)
    assert [d.code for d in res.diagnostics] == ["E102"]


def test_validate_a_part_file_checks_its_scenario(tmp_path):
    folder = _split(tmp_path)
    diags, scenarios = validate_paths([folder / "parts" / "events.yaml"])
    assert diags == [] and len(scenarios) == 1


def test_folder_validation_warns_about_stray_files(tmp_path):
    folder = _split(tmp_path)
    (folder / "notes.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    diags, scenarios = validate_paths([folder])
    assert [d.code for d in diags] == ["W307"] and len(scenarios) == 1


def test_include_limits(tmp_path, monkeypatch):
    monkeypatch.setattr(includes, "MAX_FILES", 2)
    folder = _split(tmp_path)
    diags, _ = validate_paths([folder / "scenario.yaml"])
    assert "E014" in [d.code for d in diags]


def test_a_150kb_scenario_loads(tmp_path):
    """A large student scenario loads cleanly (its load time is a bench figure,
    ``largest_scenario_load_ms``, not a test)."""
    text = template_text("Big")
    head, rest = text.split("actions:\n", 1)
    acts, rest2 = rest.split("events:\n", 1)
    evs, tail = rest2.split("objectives:\n", 1)
    parts = [head, "actions:\n"]
    n = 0
    while sum(map(len, parts)) < 70_000:
        parts.append(re.sub(r"- id: (\w+)", rf"- id: \g<1>_{n}", acts))
        n += 1
    parts.append("events:\n")
    while sum(map(len, parts)) < 150_000:
        parts.append(re.sub(r"  - id: (\w+)", rf"  - id: \g<1>_{n}", evs))
        n += 1
    parts.append("objectives:\n" + tail.replace("belt_and_road_loan", "belt_and_road_loan_0"))
    p = tmp_path / "big.yaml"
    p.write_text("".join(parts), encoding="utf-8")
    assert p.stat().st_size >= 150_000
    res = load_scenario(p)
    assert res.scenario is not None, render_text(res.diagnostics, res.sources)


def test_render_text_caps_and_orders():
    diags = [error("E202", "a.yaml", i, 1, "", f"problem {i}") for i in range(40, 0, -1)]
    diags.append(error("E100", "a.yaml", 5, 3, "", "first"))
    from game.scenario.diagnostics import warning

    diags.insert(0, warning("W302", "a.yaml", 1, 1, "", "a warning"))
    out = render_text(diags, {"a.yaml": "x\n" * 50})
    lines = [ln for ln in out.splitlines() if ln.startswith("a.yaml")]
    assert len(lines) == 30 and "W302" not in out.split("...and")[0]
    assert out.rstrip().endswith("...and 12 more")
    assert lines[0].startswith("a.yaml:1:1: E202")
    data = json.loads(render_json(diags))
    assert data["errors"] == 41 and data["warnings"] == 1
    assert data["diagnostics"][-1]["code"] == "W302"


def test_caret_is_under_the_column():
    d = error("E202", "a.yaml", 2, 7, "", "msg", "do this")
    out = render_text([d], {"a.yaml": "first\n\tab: xyz\n"}).splitlines()
    assert out[1] == "  2 | \tab: xyz"
    assert out[2] == "    | \t     ^"  # the tab is kept so the caret lines up under 'y'
    assert out[3] == "  hint: do this"


def test_missing_translations():
    text = template_text().replace("languages: [en]", "languages: [en, ja]")
    text = text.replace("name: Power A,", "name: {en: Power A, ja: 大国A},")
    res = load_scenario_text(text)
    assert res.scenario is not None
    (w,) = res.warnings
    assert w.code == "W305" and "ja" in w.message
    missing = missing_translations(res.scenario, "ja")
    assert "meta.title" in missing and "actors[0].name" not in missing
    assert "actors[1].name" in missing and "events[0].options" not in missing
    assert "discussion_questions[0]" in missing
    assert missing_translations(res.scenario, "en") == []


def test_cli_commands_exit_codes(tmp_path, capsys, starter):
    assert cmd_validate([str(starter)], "text") == 0
    assert "OK" in capsys.readouterr().out
    assert cmd_validate([str(starter)], "json") == 0
    assert json.loads(capsys.readouterr().out)["errors"] == 0
    assert cmd_validate([str(starter)], "yaml") == 2
    assert cmd_validate([], "text") == 2
    assert cmd_validate([str(tmp_path / "nope.yaml")], "text") == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text(template_text().replace("family: aid", "family: 5"), encoding="utf-8")
    assert cmd_validate([str(starter), str(bad)], "github") == 1
    assert "::error file=" in capsys.readouterr().out
    out = tmp_path / "schema.json"
    assert cmd_schema(str(out)) == 0 and json.loads(out.read_text())["$schema"]
    assert cmd_schema(str(tmp_path / "no" / "dir" / "s.json")) == 2
    capsys.readouterr()
    assert cmd_schema(None) == 0
    assert json.loads(capsys.readouterr().out)["definitions"]
