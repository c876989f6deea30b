"""``i18n``: every string key used exists, and every locale has every key."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "game" / "ui" / "locale"


UI = Path(__file__).resolve().parents[2] / "game" / "ui"


def test_every_string_key_used_exists_in_english():
    from game.ui import i18n
    from game.ui.tour import STEPS

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
            "tab": ("state", "actions", "why", "goals"),
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


def test_every_locale_has_every_key_with_the_same_placeholders():
    fmt = string.Formatter()

    def placeholders(s: str) -> set[str]:
        return {f for _, f, _, _ in fmt.parse(s) if f}

    en = json.loads((LOCALE / "en.json").read_text(encoding="utf-8"))
    langs = sorted(p.stem for p in LOCALE.glob("*.json"))
    assert {"en", "ja", "ru"} <= set(langs)
    for lang in langs:
        table = json.loads((LOCALE / f"{lang}.json").read_text(encoding="utf-8"))
        keys = {k for k in table if not k.startswith("_")}
        ref = {k for k in en if not k.startswith("_")}
        assert keys == ref, (
            f"{lang}: missing {sorted(ref - keys)[:5]}, extra {sorted(keys - ref)[:5]}"
        )
        for k in ref:
            assert placeholders(table[k]) == placeholders(en[k]), f"{lang}.json {k}"
            assert table[k].strip(), f"{lang}.json {k} is empty"
        if lang != "en":  # translated, not copied: at most a few shared words (names, "G")
            same = [
                k
                for k in ref
                if table[k] == en[k]
                and not k.startswith("lang.")
                and any(ch.isalpha() for ch in en[k])
                and len(en[k]) > 12
            ]
            assert len(same) <= 3, f"{lang}: untranslated {same[:5]}"


def test_the_engines_own_causes_and_numbers_follow_the_language():
    """The causes the engine names itself (trust's return to neutral, income, ...) and the
    numbers of the turn summary are in the chosen language (no English line, no "77.5" beside
    "+0,8" in Russian)."""
    from game.play.session import Session
    from game.scenario.loader import load_scenario
    from game.ui import i18n
    from game.ui import viewmodels as vm
    from tests.conftest import ROOT

    sc = load_scenario(ROOT / "scenarios" / "class_abe_belt_road.yaml").scenario
    s = Session.start(sc, humans=("JPN",), seed=3)
    rep = s.play_turn()
    try:
        for lang in ("ja", "ru"):
            i18n.set_language(lang)
            summary = vm.summary_vm(s, rep, "JPN")
            titles = " ".join(r.title for r in summary.top_changes)
            assert "trust returns slowly" not in titles and "income for" not in titles
            for cause in vm.ENGINE_CAUSES:
                assert vm.cause_title(s, "drift", cause, "x") == i18n.tr(f"cause.{cause}") != "x"
        assert vm.fmt_value(77.5) == "77,5" and vm.fmt_number(4.5) == "4,5"
    finally:
        i18n.set_language("en")
    assert vm.cause_title(s, "drift", "trust_memory", "x") == "x"  # English: the engine's words


def test_a_question_to_team_eu_knows_the_computer_played_the_eu():
    """'Team EU: ...' addresses the European Union's team by its id: when the computer played
    it, the debrief says so, as for 'Team Turkiye'."""
    from game.play.session import Session
    from game.scenario.loader import load_scenario
    from game.ui import viewmodels as vm

    sc = load_scenario("class_south_caucasus").scenario
    s = Session.start(sc, humans=("ARM",), seed=1)
    assert {"EU", "TUR"} <= set(vm.computer_teams(s, ("ARM",)))
    assert not any(q.startswith("Team EU") for q in vm.discussion_questions(s, ("ARM",)))
