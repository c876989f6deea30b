"""The editor JSON Schema: valid draft-07, shaped for VS Code, and in agreement with the game."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from game.scenario.discovery import installed_dir
from game.scenario.schema import json_schema
from game.scenario.yamlsafe import load_path, load_yaml

from .helpers import BROKEN, template_text

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
SHIPPED = sorted(p for p in installed_dir().rglob("*.y*ml")) if installed_dir().is_dir() else []


def test_is_valid_draft7():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    text = json.dumps(SCHEMA)
    assert "$defs" not in text and "prefixItems" not in text
    assert "#/definitions/Effect" in text


@pytest.mark.parametrize("name", ["Effect", "Condition", "Quantity"])
def test_one_key_objects(name):
    d = SCHEMA["definitions"][name]
    assert d["minProperties"] == 1 and d["maxProperties"] == 1
    assert d["additionalProperties"] is False
    for prop in d["properties"].values():
        assert "anyOf" not in prop or {"type": "null"} not in prop["anyOf"]
        assert prop.get("description"), "each verb is documented on hover"


def test_template_validates():
    data, _, diags = load_yaml(template_text())
    assert not diags
    assert list(VALIDATOR.iter_errors(data)) == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(installed_dir())))
def test_every_shipped_file_validates(path: Path):
    data, _, diags, _, _ = load_path(path)
    assert not diags, diags
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert errors == []


def test_years_as_integers_are_accepted():
    data, _, _ = load_yaml(template_text())
    data["calendar"] = {"start": 2013, "end": "2020-06"}
    data["events"][0]["date"] = 2017
    data["history"] = {"POWER_B": [{"year": 2013, "action": "power_b_loan", "target": "STATE_A"}]}
    assert list(VALIDATOR.iter_errors(data)) == []
    data["calendar"]["start"] = "2013-13"
    assert list(VALIDATOR.iter_errors(data))


@pytest.mark.parametrize(
    "case",
    [
        "misspelled_verb",
        "two_verbs",
        "empty_effect",
        "misspelled_condition",
        "two_condition_keys",
        "unknown_key",
        "unknown_section",
        "bad_date",
        "lowercase_actor_id",
        "bad_choice",
        "not_a_number",
        "missing_required",
        "comma_cuts_text",
        "number_as_text",
        "out_of_range",
    ],
)
def test_schema_also_rejects_schema_level_mistakes(case):
    """The editor squiggles what the game rejects at the schema layer."""
    data, _, diags = load_yaml((BROKEN / f"{case}.yaml").read_text(encoding="utf-8"))
    assert not diags
    assert list(VALIDATOR.iter_errors(data)), case
