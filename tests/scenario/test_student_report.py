"""What a student writing a first scenario ran into: every message names the real problem and
its hint leads straight to a fix (never to a second error). Each case is a file in broken/; the
corpus test checks its code and line, this one what it says."""

from __future__ import annotations

import re

import pytest

from game.scenario import docgen, languages
from game.scenario.cli_commands import cmd_validate
from game.scenario.diagnostics import error, render_github, warning
from game.scenario.loader import load_scenario_text
from game.scenario.registry import Condition
from game.scenario.schema_messages import suggest_date
from game.scenario.validate import validate_paths
from game.scenario.yamlsafe import load_yaml

from .helpers import BROKEN, ROOT, template_text

#: broken file -> (words in the message, words in the hint)
SAYS = {
    "language_country_code": (
        "'jp' is not a language code: it is the country code of Japan",
        "Did you mean 'ja'?",
    ),
    "language_code_in_languages": ("The code for Kazakh is 'kk'", "Did you mean 'kk'?"),
    "language_not_in_ui": (
        "interface cannot be shown in 'kk' (Kazakh): it is available in en, ja, ru",
        "Remove 'kk' from 'languages:'",
    ),
    "apostrophe_in_single_quotes": (
        "This apostrophe ends the text",
        'double quotes instead: title: "Uzbekistan\'s summit"',
    ),
    "folded_text_not_indented": (
        "The text after 'text: >-' must be indented more than 'text:'",
        "at least 6 spaces",
    ),
    "date_with_day": (
        'a year (2015) or a year and month ("2015-12"), without a day',
        'Write "2015-12".',
    ),
    "date_as_decimal": (
        'should be a date such as 2015 or "2015-12", not 2015.12',
        'Write "2015-12".',
    ),
    "chance_as_percent": (
        "'chance' should be a number, not the text '20%'",
        "probability from 0 to 1, not a percentage: 20% is written 0.2.",
    ),
    "chance_above_one": ("'chance' is 20, but it must be at most 1", "20% is written 0.2."),
    "target_is_power": (
        "'$target' stands for a power here (because targets, line 30, lists "
        "CHN), but 'state' needs a state",
        "'targets:' on line 30",
    ),
    "yes_as_bool": ("should be true or false, not the text 'yes'", "Write true (not yes)."),
    "bool_as_number": ("should be true or false, not 1", "Write true or false"),
    "number_in_quotes": ("'by' should be a number, not the text '2'", "Write 2 without quotes"),
    "band_in_quotes": ("'A' should be a number, not the text '80'", "Write 80 without quotes"),
    "source_as_url": (
        "Each item of 'sources' should be a block",
        "A source is written {ref: ..., locator: ...}",
    ),
    "year_condition_as_number": (
        "'year' should be a block",
        "{from: ..., until: ...} (either may be left out). For example: year: {from: 2018}",
    ),
    "dependence_dimension_missing": (
        "KAZ has no starting dependence in security, so it starts with 100% from the rest of "
        "the world there: full autonomy",
        "write 'security: {}' if KAZ really depends on no power there",
    ),
    "state_without_initial": (
        "UZB has no starting data under 'initial:'",
        "Add UZB under 'initial:' with figures from your sources",
    ),
    "objectives_not_playable": (
        "CHN has objectives, but CHN is not playable",
        "add 'playable: true' to CHN under 'actors:' (line 12)",
    ),
    "playable_without_actions": (
        "KAZ is playable but no action has 'KAZ' as its actor",
        "Give KAZ actions of its own (actor: KAZ)",
    ),
    "event_needs_its_own_flag": (
        "can never fire: it needs the flag 'deal_signed', but only this event's own options or "
        "effects set it, and they happen only after the event has fired",
        "Set the flag somewhere else",
    ),
    "event_never_fires": (
        "it needs the flag 'deal_signed', but no effect sets it",
        "Set the flag with '- set_flag: ...' in some effect",
    ),
    "bands_wrong_order": (
        "Grade bands must fall from A to D",
        "Here A is 50 and D is 80. A needs the highest value, then B, C and D in order: "
        "bands: {A: 80, B: 70, C: 60, D: 50}. If a lower value is better",
    ),
    "out_of_range": (
        "'by' is 500, but it must be at most 100.",
        "Write a number from -100 to 100.",
    ),
    "missing_kind_inline": (
        "'kind' is missing from this actor",
        "inside the { }, for example {id: KAZ, name: Kazakhstan, kind: ...}"
        "; kind is one of: power, state",
    ),
}


@pytest.mark.parametrize("case", sorted(SAYS))
def test_message_and_hint(case):
    diags, _ = validate_paths([BROKEN / f"{case}.yaml"])
    (d,) = diags
    msg, hint = SAYS[case]
    assert msg in d.message, d.message
    assert hint in d.hint, d.hint


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_message_has_a_hint(path):
    diags, _ = validate_paths([path])
    assert diags and all(d.hint for d in diags), [(d.code, d.message) for d in diags]


def _mini(**replace: str) -> str:
    text = (BROKEN / "event_never_fires.yaml").read_text(encoding="utf-8")
    for old, new in replace.items():
        text = text.replace(old.replace("_", " "), new)
    return text


def test_hints_use_the_scenarios_own_actor_ids():
    """A scenario about Mongolia and South Korea never gets a hint about KAZ or JPN."""
    text = _mini().replace("KAZ", "MNG").replace("Kazakhstan", "Mongolia")
    text = text.replace("JPN", "KOR").replace("Japan", "South Korea")
    assert "KAZ" not in text and "JPN" not in text
    history = "history:\n  KOR:\n    - {year: 2014, action: loan}\n"
    res = load_scenario_text(text + history)
    (d,) = res.errors
    assert d.code == "E208" and d.hint == "For example: target: MNG", d.hint
    bad_chooser = text.replace(
        "    effects:\n      - change_trust: {state: MNG, power: KOR, by: 2}\n",
        "    options:\n      - {id: yes, text: Agree}\n",
    )
    bad_condition = text.replace(
        "condition: {flag: deal_signed}", "condition: {trust: {state: MNG, power: KOR}}"
    )
    bad_actor = text.replace("{id: CHN, kind: power", "{id: chn, kind: power")
    for bad in (bad_chooser, bad_condition, bad_actor):
        res = load_scenario_text(bad)
        assert res.errors, bad
        for d in res.errors:
            assert "KAZ" not in d.hint and "JPN" not in d.hint, d.hint
            assert "MNG" in d.hint or "KOR" in d.hint or "CHN" in d.hint, d.hint


def test_an_action_that_needs_its_own_flag_is_w304():
    text = _mini().replace(
        "    cost: {oda: 10}\n", "    cost: {oda: 10}\n    available_if: {flag: deal_signed}\n"
    )
    text = text.replace(
        "      - change_meter: {meter: tension, by: 1}\n", "      - set_flag: deal_signed\n"
    )
    res = load_scenario_text(text)
    codes = sorted(d.code for d in res.diagnostics)
    assert codes == ["W304"], [(d.code, d.message) for d in res.diagnostics]
    (d,) = res.diagnostics
    assert "only this action's own effects set it" in d.message and "somewhere else" in d.hint


def test_a_flag_set_by_another_event_or_at_the_start_is_fine():
    text = _mini().replace(
        "      - change_meter: {meter: tension, by: 1}\n", "      - set_flag: deal_signed\n"
    )
    assert load_scenario_text(text).diagnostics == []
    text = _mini().replace(
        "  resources: {JPN: {oda: 50}}\n", "  resources: {JPN: {oda: 50}}\n  flags: [deal_signed]\n"
    )
    assert load_scenario_text(text).diagnostics == []


def test_w310_names_the_engines_own_defaults():
    from game.engine.core import DEFAULT_GROWTH, NEUTRAL_TRUST, NORMAL_STABILITY

    diags, _ = validate_paths([BROKEN / "state_without_initial.yaml"])
    (d,) = diags
    assert f"trust {NEUTRAL_TRUST:g} in every power" in d.message
    assert f"stability {NORMAL_STABILITY:g}, growth {DEFAULT_GROWTH:g}%" in d.message


def test_hints_never_lead_to_a_second_error():
    """Applying the hint of each mistake gives a scenario that loads."""
    base = template_text()
    fixes = [
        ('date: "2027-05"', "date: 2027.05", 'date: "2027-05"'),
        ("chance: 0.2", 'chance: "20%"', "chance: 0.2"),
        ("chance: 0.2", "chance: 20", "chance: 0.2"),
    ]
    for good, bad, fixed in fixes:
        assert good in base, good
        res = load_scenario_text(base.replace(good, bad, 1))
        (d,) = res.errors
        assert fixed.split(": ")[1] in d.hint, d.hint
        assert load_scenario_text(base.replace(good, fixed, 1)).ok


@pytest.mark.parametrize(
    "text, want",
    [
        ("2019.12", "2019-12"),
        ("2019-6", "2019-06"),
        ("2019-12-19", "2019-12"),
        ("19.12.2019", "2019-12"),
        ("12/2019", "2019-12"),
        ("December 2019", "2019-12"),
        ("Dec 2019", "2019-12"),
        ("2019-13", None),
        ("05.06.2019", None),
        ("18", None),
    ],
)
def test_suggest_date(text, want):
    assert suggest_date(text) == want


@pytest.mark.parametrize(
    "code, ok, meant",
    [
        ("en", True, None),
        ("ja", True, None),
        ("zh-Hans", True, None),
        ("pt-BR", True, None),
        ("jp", False, "ja"),
        ("cn", False, "zh"),
        ("kz", False, "kk"),
        ("ua", False, "uk"),
        ("gr", False, "el"),
        ("jpn", False, "ja"),
        ("EN", False, "en"),
        ("xx", False, None),
    ],
)
def test_language_codes(code, ok, meant):
    problem = languages.check_code(code)
    assert (problem is None) == ok
    if meant:
        assert f"'{meant}'" in problem[1]


def test_ui_languages_are_the_locale_files():
    assert set(languages.ui_languages()) == {"en", "ja", "ru"}


def test_strict_numbers_keep_ints_for_decimals_and_lists_for_between():
    base = template_text()
    res = load_scenario_text(base.replace("chance: 0.2", "chance: 1"))
    assert res.ok, res.diagnostics
    for good, bad in (
        ("repeatable: true", "repeatable: on"),
        ("repeatable: true", 'repeatable: "true"'),
        ("chance: 0.2", 'chance: "1"'),
    ):
        res = load_scenario_text(base.replace(good, bad, 1))
        assert [d.code for d in res.errors] == ["E102"], bad
    cond = Condition.model_validate(
        {"trust": {"state": "KAZ", "power": "JPN", "between": [40, 70]}}
    )
    assert cond.arg.between == (40.0, 70.0)


@pytest.mark.parametrize(
    "text, col, fixed",
    [
        ("a:\n  name: {en: 'Japan's aid', ja: x}\n", 20, 'en: "Japan\'s aid"'),
        ("a:\n  - 'Japan's aid'\n", 11, '"Japan\'s aid"'),
        ("a:\n  title: 'It's \"good\"'\n", 13, "title: 'It''s \"good\"'"),
    ],
)
def test_apostrophe_everywhere(text, col, fixed):
    _, _, diags = load_yaml(text)
    (d,) = diags
    assert (d.code, d.line, d.col) == ("E001", 2, col)
    assert d.message.startswith("This apostrophe ends") and fixed in d.hint


def test_text_after_a_closing_quote_is_not_an_apostrophe():
    _, _, diags = load_yaml("a:\n  title: 'Mini' scenario\n")
    assert diags[0].message == "There is more text after a closing quote."


@pytest.mark.parametrize("mark", [">-", ">", "|", "|-"])
def test_block_text_not_indented(mark):
    _, _, diags = load_yaml(f"a:\n  - id: x\n    text: {mark}\n    Leaders meet\n    b: 1\n")
    (d,) = diags
    assert d.line == 4 and f"'text: {mark}'" in d.message and "at least 6 spaces" in d.hint


def test_github_annotations():
    diags = [
        error(
            "E100",
            "dir,x/s:1.yaml",
            34,
            9,
            "",
            "'set_flg' is not an effect.",
            "Did you mean 'set_flag'?",
        ),
        warning("W302", "s.yaml", 3, 1, "", "100% unused\nsource."),
    ]
    lines = render_github(diags).splitlines()
    assert lines == [
        "::error file=dir%2Cx/s%3A1.yaml,line=34,col=9,title=E100::'set_flg' is not an "
        "effect. Hint: Did you mean 'set_flag'?",
        "::warning file=s.yaml,line=3,col=1,title=W302::100%25 unused%0Asource.",
    ]


def test_validate_format_github(capsys):
    assert cmd_validate([str(BROKEN / "target_is_power.yaml")], "github") == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert re.fullmatch(
        r"::error file=[^,]+target_is_power\.yaml,line=34,col=35,title=E205::"
        r"'\$target' stands for a power here .*Hint: .*",
        out[0],
    )
    assert cmd_validate([str(BROKEN / "language_not_in_ui.yaml")], "github") == 0
    assert capsys.readouterr().out.startswith("::warning file=")


def test_cli_accepts_format_github():
    from game.cli import _parser
    from game.scenario.cli_commands import FORMATS

    args = _parser().parse_args(["validate", "--format", "github", "scenarios/"])
    assert args.format == "github"
    assert set(FORMATS) == {"text", "json", "github"}


def test_text_report_points_to_errors_md(capsys):
    cmd_validate([str(BROKEN / "yes_as_bool.yaml")], "text")
    assert capsys.readouterr().out.rstrip().endswith("docs/errors.md")
    cmd_validate([str(ROOT / "scenarios")], "text")
    assert "errors.md" not in capsys.readouterr().out  # nothing to explain


def test_reference_uses_human_names_and_describes_every_block():
    ref = docgen.generate()
    assert not re.search(r"`[A-Z][A-Za-z]+` block", ref), "a Python class name is shown"
    for _, model in docgen.SECTION_MODELS:
        assert docgen._doc(model), f"{model.__name__} has no description"
    year = ref[ref.index("#### condition: `year`") : ref.index("#### condition: `event_fired`")]
    assert "`from` | date:" in year and "{from: 2014, until: 2020}" in year


def test_guide_explains_seed_dates_and_bands():
    guide = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    assert "file in shared/seeds" not in guide
    assert "does **not** check the name" in guide
    assert "## 12. Checking your grading bands" in guide
    assert "--policy JPN=passive" in guide and "--policy JPN=greedy" in guide
    assert "never a day" in guide
