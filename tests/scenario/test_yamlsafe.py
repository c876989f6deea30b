"""The safe YAML layer: scalar rules, positions and friendly syntax errors."""

from __future__ import annotations

import pytest
import yaml

from game.scenario.yamlsafe import ScenarioLoader, load_yaml


def one(text: str):
    data, marks, diags = load_yaml(text, "t.yaml")
    assert diags == [], diags
    return data, marks


@pytest.mark.parametrize(
    "raw, value",
    [
        ("NO", "NO"),
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("Y", "Y"),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("tRuE", True),
        ("false", False),
        ("2014-05-29", "2014-05-29"),
        ("2014-05", "2014-05"),
        ("2014", 2014),
        ("+10", 10),
        ("-3", -3),
        ("0.5", 0.5),
        ("1e3", 1000.0),
        ("010", 10),
        ("1:30", "1:30"),
        ("~", None),
        ("null", None),
        ("'5'", "5"),
        ('"true"', "true"),
        (".inf", ".inf"),
        ("1_000", "1_000"),
        ("$target", "$target"),
        ("0x1F", 31),
    ],
)
def test_scalars(raw, value):
    data, _ = one(f"x: {raw}\n")
    assert data["x"] == value and type(data["x"]) is type(value)


def test_empty_value_is_none_and_keys_stay_text():
    data, _ = one("x:\n2014: a\ntrue: b\n")
    assert data == {"x": None, "2014": "a", "true": "b"}


def test_marks_point_at_keys_and_values():
    text = "a:\n  - id: x\n    effects:\n      - set_flag: f\n"
    data, marks = one(text)
    assert marks[("a", 0)] == (2, 5)
    assert marks[("a", 0, "effects")] == (3, 5)
    assert marks[("a", 0, "effects", 0, "set_flag")] == (4, 9)
    assert marks.value_pos(("a", 0, "effects", 0, "set_flag")) == (4, 19)
    assert marks.find(("a", 0, "effects", 0, "set_flag", "nope"))[0] == (4, 9)


def test_columns_count_characters_not_bytes():
    data, marks = one("名前: 日本\nb: [x, y]\n")
    assert marks.value_pos(("名前",)) == (1, 5)


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("a: [1, 2\nb: 3\n", 1, "never closed"),
        ('a: "x\nb: 3\n', 1, "never closed"),
        ("a: {en: Time: now}\n", 1, "quotes"),
        ("a:\n  b: 1\n\tc: 2\n", 3, "Tabs"),
        ("a: 1\nb\nc: 2\n", 2, "no ':'"),
        ("events:\n  - id: x\n     title: y\n", 3, "indented more"),
        ("a: %x\n", 1, "quotes"),
        ("a: `x\n", 1, "quotes"),
    ],
)
def test_friendly_syntax_errors(text, line, words):
    data, _, diags = load_yaml(text, "t.yaml")
    assert data is None
    (d,) = diags
    assert (d.code, d.line) == ("E001", line)
    assert words in d.message + d.hint


def test_scenario_loader_class_has_the_same_rules():
    assert yaml.load("a: NO\nb: 2014-05-29\nc: True\n", Loader=ScenarioLoader) == {
        "a": "NO",
        "b": "2014-05-29",
        "c": True,
    }
    with pytest.raises(yaml.YAMLError):
        yaml.load("a: &x 1\nb: *x\n", Loader=ScenarioLoader)
    with pytest.raises(yaml.YAMLError):
        yaml.load("a: !!python/object/apply:os.system ['echo hi']\n", Loader=ScenarioLoader)


def test_duplicate_keys_in_different_blocks_are_fine():
    data, _ = one("a: {x: 1}\nb: {x: 2}\nc:\n  - {x: 1}\n  - {x: 2}\n")
    assert data["c"] == [{"x": 1}, {"x": 2}]


def test_missing_space_after_colon():
    data, _, (d,) = load_yaml("a: 1\ntitle:More\nb: 2\n", "t.yaml")
    assert (d.code, d.line, d.col) == ("E001", 2, 6)  # caret under the colon
    assert "space after the ':'" in d.message


# -- nesting limits: the same code and position whichever parser and version refuses first --
DEEP = {
    "flow": "schema_version: 1\nx: " + "[" * 5000 + "]" * 5000 + "\n",
    "unclosed": "x: " + "[" * 200_000,
    "flow_maps": "x: " + "{a: " * 3000,
    "block": "schema_version: 1\n" + "".join("  " * i + "a:\n" for i in range(200)),
    "mixed": "a:\n  b:\n    - " + "[{k: " * 600,
}
EXPECTED_DEPTH_ERROR = {
    "flow": (2, 67),
    "unclosed": (1, 67),
    "flow_maps": (1, 256),
    "block": (66, 129),
    "mixed": (3, 158),
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_depth_gives_e004_at_the_same_place_under_every_parser(name, yaml_parser):
    data, _, diags = load_yaml(DEEP[name], "deep.yaml")
    assert data is None
    assert [(d.code, d.line, d.col) for d in diags] == [("E004", *EXPECTED_DEPTH_ERROR[name])]


def _refusing_parser(limit: int):
    """A stand-in for a libyaml whose scanner refuses flow nesting past ``limit`` while it
    looks ahead (PyYAML >= 6.0.4 with libyaml >= 0.2.6 says 'exceeded maximum nesting depth';
    a future version may word it differently)."""
    from yaml.error import Mark
    from yaml.scanner import ScannerError

    from game.scenario.yamlsafe import _PyParser

    class Refusing(_PyParser):
        def __init__(self, text: str) -> None:
            super().__init__(text)
            level, line, col = 0, 0, 0
            for i, ch in enumerate(text):
                if ch in "[{":
                    level += 1
                    if level > limit:
                        self._refuse_at = Mark("<unicode string>", i, line, col, None, None)
                        break
                if ch == "\n":
                    line, col = line + 1, 0
                else:
                    col += 1
            else:
                self._refuse_at = None
            self._events = 0

        def get_event(self):
            self._events += 1
            if self._refuse_at is not None and self._events > 3:
                raise ScannerError(
                    "while increasing flow level",
                    self._refuse_at,
                    "exceeded maximum nesting depth",
                    self._refuse_at,
                )
            return super().get_event()

    return Refusing


@pytest.mark.parametrize("limit", [100, 1000])
@pytest.mark.parametrize("name", ["flow", "unclosed", "flow_maps", "mixed"])
def test_a_parser_that_refuses_nesting_itself_still_gives_our_e004(name, limit, monkeypatch):
    from game.scenario import yamlsafe

    monkeypatch.setattr(yamlsafe, "_FastParser", _refusing_parser(limit))
    data, _, diags = load_yaml(DEEP[name], "deep.yaml")
    assert data is None
    assert [(d.code, d.line, d.col) for d in diags] == [("E004", *EXPECTED_DEPTH_ERROR[name])]
    assert "nested too deeply" in diags[0].message


def test_an_earlier_problem_still_comes_first_when_the_parser_refuses_depth(monkeypatch):
    from game.scenario import yamlsafe

    monkeypatch.setattr(yamlsafe, "_FastParser", _refusing_parser(100))
    data, _, diags = load_yaml("a: *alias\nx: " + "[" * 5000, "deep.yaml")
    assert [d.code for d in diags] == ["E003"]


@pytest.mark.parametrize(
    "raw", ["1e309", "-1e309", "2e15", "1" * 16, "-" + "9" * 5000, "0x" + "f" * 16]
)
def test_numbers_no_quantity_can_mean_are_refused(raw, yaml_parser):
    """Infinity (1e309), and integers too long for Python to convert (5,000 digits), become
    E016 at the number, never a crash or an infinite income."""
    data, _, diags = load_yaml(f"schema_version: 1\nmeta:\n  income: {raw}\n", "n.yaml")
    assert data is None
    assert [(d.code, d.line, d.col) for d in diags] == [("E016", 3, 11)]


def test_large_but_sensible_numbers_and_quoted_ones_are_fine():
    data, _, diags = load_yaml('a: 1e14\nb: "1e309"\nc: 999999999999999\nd: 0.000001\n', "n.yaml")
    assert diags == [] and data == {"a": 1e14, "b": "1e309", "c": 999999999999999, "d": 1e-6}
