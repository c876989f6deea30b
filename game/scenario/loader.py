"""Loading a scenario: files -> YAML -> schema -> merge -> cross-references -> ``Scenario``.

``load_scenario(path_or_id)`` is the one function the game, the CLI and the tests call. It never
raises: every problem becomes a ``Diagnostic`` (an unexpected exception becomes E999), and the
scenario is returned only when there is no error (warnings are fine).

The layers, one module each (each collects diagnostics; only errors block loading):

0. files: size, encoding, ``include:`` resolution (``includes``: E006, E008, E011, E012, E014)
1. YAML syntax, duplicate keys, aliases, tags, depth (``yamlsafe``: E001-E010)
2. schema: each file against ``ScenarioFile`` (``schema_check``, in plain words by
   ``schema_messages``: E100-E104)
3. merge: the files' sections into one ``Draft`` (``draft``: E013, E101)
4. semantics and lints (``checks``: E2xx, W3xx)

Finding scenarios (installed ids, folders) lives in ``discovery``; its public names are
re-exported here, since this module is where the rest of the game comes for scenarios.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import discovery
from .checks import check_draft
from .diagnostics import Diagnostic, internal_error
from .discovery import (
    discover_scenarios,
    display_name,
    installed_dir,
    installed_ids,
    is_manifest,
    resolve_manifest,
)
from .draft import merge
from .includes import read_all
from .model import Scenario
from .schema_check import check_schema
from .schema_messages import Examples


@dataclass
class LoadResult:
    """What ``load_scenario`` returns: the scenario (None when there are errors) and every
    diagnostic. ``sources`` maps file names to their text, for ``render_text``."""

    scenario: Scenario | None
    diagnostics: list[Diagnostic]
    files: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.errors

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


def load_scenario(path_or_id: str | os.PathLike[str]) -> LoadResult:
    """Load and fully validate a scenario. Never raises."""
    try:
        manifest, diags = resolve_manifest(path_or_id)
        if manifest is None:
            return LoadResult(None, diags)
        return _load_manifest(manifest)
    except Exception as exc:  # noqa: BLE001 - the contract is "never raises"
        return LoadResult(None, [internal_error(str(path_or_id), exc)])


def _load_manifest(manifest: Path) -> LoadResult:
    files, diags, complete = read_all(manifest)
    sources = {f.name: f.text for f in files if f.text}
    names = [f.name for f in files]
    examples = Examples.of(f.data for f in files)
    for sf in files:
        if sf.usable:
            diags.extend(check_schema(sf, examples))
            if not sf.usable:
                complete = False
    draft, merge_diags = merge(files)
    diags.extend(merge_diags)
    schema_errors = any(d.is_error for d in diags)
    draft.had_errors = schema_errors
    incomplete = any(d.code == "E101" and not d.located for d in merge_diags)
    if complete and files[0].model is not None and not incomplete:
        diags.extend(check_draft(draft))
    scenario = None
    if not any(d.is_error for d in diags):
        h = hashlib.sha256()
        for f in files:
            h.update(f.raw or b"")
        secs = {k: v for k, v in draft.sections.items() if v is not None}
        scenario = Scenario.model_validate(secs)
        scenario = scenario.model_copy(
            update={"content_hash": h.hexdigest(), "path": str(manifest)}
        )
    return LoadResult(scenario, diags, names, sources)


def load_scenario_text(
    text: str | bytes, name: str = "scenario.yaml", base_dir: str | os.PathLike[str] | None = None
) -> LoadResult:
    """Load a one-file scenario from memory (used by tests and tools). Includes are resolved
    relative to ``base_dir`` (the current folder if not given). Never raises."""
    try:
        raw = text.encode("utf-8") if isinstance(text, str) else text
        if base_dir is None:
            with tempfile.TemporaryDirectory() as tmp:
                p = Path(tmp) / name
                p.write_bytes(raw)
                res = _load_manifest(p)
        else:
            p = Path(base_dir) / name
            p.write_bytes(raw)
            res = _load_manifest(p)
        return res
    except Exception as exc:  # noqa: BLE001
        return LoadResult(None, [internal_error(name, exc)])


def list_installed() -> list[tuple[Path, LoadResult]]:
    """Every installed scenario with its load result (failures included)."""
    out = []
    for p in discover_scenarios(discovery.installed_dir()):
        out.append((p, load_scenario(p)))
    return out


__all__ = [
    "LoadResult",
    "load_scenario",
    "load_scenario_text",
    "list_installed",
    "discover_scenarios",
    "display_name",
    "installed_dir",
    "installed_ids",
    "is_manifest",
    "resolve_manifest",
]
