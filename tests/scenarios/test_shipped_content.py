"""What every shipped scenario must have: sources on historical events, a note or question for
the teacher on each event, playable roles with graded objectives, and class-sized lessons."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario
from game.scenario.model import text_in
from game.scenario.validate import validate_paths

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module", params=[p.stem for p in SHIPPED])
def scenario(request):
    res = load_scenario(str(ROOT / "scenarios" / f"{request.param}.yaml"))
    assert res.scenario is not None, res.diagnostics
    return res.scenario


def test_at_least_four_scenarios_are_shipped_and_validate_without_warnings():
    assert len(SHIPPED) >= 4
    diags, scenarios = validate_paths([str(ROOT / "scenarios")])
    assert not diags, [f"{d.file}:{d.line}: {d.code} {d.message}" for d in diags]
    assert len(scenarios) == len(SHIPPED)


def test_every_historical_event_cites_a_known_source(scenario):
    bib = {b.id for b in scenario.bibliography}
    for ev in scenario.events:
        if ev.historicity == "historical":
            assert ev.sources, f"{ev.id} has no source"
            for s in ev.sources:
                assert s.ref in bib and s.locator.strip(), f"{ev.id}: bad source {s}"


def test_every_event_has_a_teacher_note_or_discussion_question(scenario):
    missing = [
        ev.id
        for ev in scenario.events
        if not text_in(ev.teacher_note).strip() and not text_in(ev.discussion).strip()
    ]
    assert not missing, missing


def test_every_source_is_a_seed_document_or_a_url(scenario):
    for b in scenario.bibliography:
        assert b.seed or b.url, f"{b.id} points at neither a seed document nor a URL"


def test_events_after_2025_are_never_labelled_historical(scenario):
    for ev in scenario.events:
        year = int((ev.date or (ev.window.from_ if ev.window and ev.window.from_ else "0"))[:4])
        if year > 2025:
            assert ev.historicity != "historical", ev.id


def test_playable_roles_have_graded_objectives_and_learning_content(scenario):
    assert scenario.playable_roles
    for role in scenario.playable_roles:
        assert scenario.objectives.get(role), f"{role} has no objectives"
    assert scenario.meta.learning_objectives and scenario.glossary
    assert scenario.discussion_questions


def test_class_scenarios_fit_a_lesson(scenario):
    if scenario.meta.kind == "class":
        assert scenario.calendar.n_turns <= 10
        assert scenario.meta.minutes <= 45


def test_russia_and_china_are_playable_somewhere():
    roles = set()
    for p in SHIPPED:
        roles |= set(load_scenario(str(p)).scenario.playable_roles)
    assert {"RUS", "CHN", "JPN"} <= roles
    assert roles & {"KAZ", "KGZ", "TJK", "TKM", "UZB"}, "a Central Asian state is playable"
