"""Property tests: however a valid scenario is damaged, validation returns diagnostics (or a
scenario) and never raises or hits an internal error."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.loader import load_scenario_text
from game.scenario.yamlsafe import load_yaml

from .helpers import template_text

TEXT = template_text("Fuzz")
DATA, _, _ = load_yaml(TEXT)
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
    st.sampled_from(
        [
            "$target",
            "$actor",
            "ROW",
            "JPN",
            "KAZ",
            "all",
            "average",
            "2099",
            "set_flag",
            "oda_budget",
            "",
            "{}",
            "[",
            "&a",
            "*a",
            "!!str",
        ]
    ),
)


def _paths(x: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(x, dict):
        for k, v in x.items():
            out += _paths(v, path + (k,))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            out += _paths(v, path + (i,))
    return out


def _ids(x: Any) -> list[str]:
    out = []
    if isinstance(x, dict):
        for k, v in x.items():
            if k in (
                "id",
                "term",
                "actor",
                "state",
                "power",
                "partner",
                "ref",
                "action",
                "set_flag",
                "flag",
                "resource",
                "dimension",
            ) and isinstance(v, str):
                out.append(v)
            out += _ids(v)
    elif isinstance(x, list):
        for v in x:
            out += _ids(v)
    return out


PATHS = [p for p in _paths(DATA) if p]
IDS = sorted(set(_ids(DATA)))


def _get(d: Any, path: tuple) -> Any:
    for p in path:
        d = d[p]
    return d


def _check(res) -> None:
    assert all(d.code != "E999" for d in res.diagnostics), [
        (d.code, d.message) for d in res.diagnostics if d.code == "E999"
    ]
    assert res.scenario is not None or any(d.is_error for d in res.diagnostics)
    for d in res.diagnostics:
        assert d.line >= 1 and d.col >= 1 and d.message


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_data(data):
    doc = copy.deepcopy(DATA)
    for _ in range(data.draw(st.integers(1, 3))):
        kind = data.draw(st.sampled_from(["delete", "retype", "junk_key", "swap_id"]))
        path = data.draw(st.sampled_from(PATHS))
        try:
            parent = _get(doc, path[:-1])
            parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue
        if kind == "delete":
            del parent[path[-1]]
        elif kind == "retype":
            parent[path[-1]] = data.draw(JUNK)
        elif kind == "junk_key":
            target = parent[path[-1]]
            if isinstance(target, dict):
                target[data.draw(st.text(max_size=12))] = data.draw(JUNK)
            elif isinstance(target, list):
                target.insert(data.draw(st.integers(0, len(target))), data.draw(JUNK))
        else:
            if isinstance(parent[path[-1]], str):
                parent[path[-1]] = data.draw(st.sampled_from(IDS))
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    _check(load_scenario_text(text))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_text(data):
    text = TEXT
    kind = data.draw(st.sampled_from(["truncate", "insert", "delete_span", "swap_lines"]))
    i = data.draw(st.integers(0, len(text)))
    if kind == "truncate":
        text = text[:i]
    elif kind == "insert":
        text = text[:i] + data.draw(st.text(max_size=10)) + text[i:]
    elif kind == "delete_span":
        text = text[:i] + text[i + data.draw(st.integers(1, 200)) :]
    else:
        lines = text.splitlines(keepends=True)
        a = data.draw(st.integers(0, len(lines) - 1))
        b = data.draw(st.integers(0, len(lines) - 1))
        lines[a], lines[b] = lines[b], lines[a]
        text = "".join(lines)
    _check(load_scenario_text(text))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes(raw):
    _check(load_scenario_text(raw))
