"""The docs cannot drift: the generated reference is current, every code is documented, and
the guide's example scenario validates."""

from __future__ import annotations

import re

from game.scenario import docgen, registry
from game.scenario.loader import load_scenario_text

from .helpers import ROOT

GUIDE = ROOT / "docs" / "scenario-format.md"
ERRORS = ROOT / "docs" / "errors.md"


def test_generated_reference_is_up_to_date():
    doc = GUIDE.read_text(encoding="utf-8")
    assert docgen.current_generated(doc) == docgen.generate().strip("\n"), (
        "docs/scenario-format.md is out of date: run 'python -m game.scenario.docgen'"
    )


def test_every_verb_condition_and_quantity_has_an_example():
    assert set(docgen.EFFECT_EXAMPLES) == set(registry.EFFECTS)
    assert set(docgen.CONDITION_EXAMPLES) == set(registry.CONDITION_KEYS)
    assert set(docgen.QUANTITY_EXAMPLES) == set(registry.QUANTITIES)


def _codes_in_sources() -> set[str]:
    codes: set[str] = set()
    for p in (ROOT / "game" / "scenario").glob("*.py"):
        codes |= set(re.findall(r'"([EW]\d{3})"', p.read_text(encoding="utf-8")))
    return codes


def test_errors_md_documents_every_code():
    doc = ERRORS.read_text(encoding="utf-8")
    codes = _codes_in_sources()
    assert len(codes) > 30
    missing = sorted(c for c in codes if not re.search(rf"^#+ .*\b{c}\b", doc, re.M))
    assert missing == [], f"add a section to docs/errors.md for: {missing}"


def test_errors_md_has_no_stale_codes():
    doc = ERRORS.read_text(encoding="utf-8")
    documented = set(re.findall(r"^#+ .*\b([EW]\d{3})\b", doc, re.M))
    assert documented <= _codes_in_sources()


def test_guide_examples_validate():
    """Every complete example file in the guide (a yaml block with schema_version and meta)
    loads without errors."""
    doc = GUIDE.read_text(encoding="utf-8")
    blocks = [
        b
        for b in re.findall(r"```yaml\n(.*?)```", doc, re.S)
        if b.startswith(("schema_version", "#")) and "\nmeta:" in b
    ]
    assert blocks
    for b in blocks:
        res = load_scenario_text(b)
        assert res.scenario is not None, [(d.code, d.line, d.message) for d in res.diagnostics]
