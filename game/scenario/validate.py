"""Validating what a user names: files, folders or installed ids, with everything to report.

``validate_report(paths)`` loads every scenario it finds (a folder: every manifest in it, and a
W307 for each .yaml file that no scenario includes; a file that is not a manifest: the scenario
that includes it, looked for nearby), and collects the diagnostics, the scenarios and the file
texts ``render_text`` quotes. ``validate_paths`` is the short form. Neither raises.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import model as M
from .diagnostics import Diagnostic, error, internal_error, warning
from .discovery import YAML_EXT, discover_scenarios, display_name, is_manifest
from .loader import LoadResult, load_scenario


@dataclass
class Report:
    """Everything ``validate_report`` found: the diagnostics of all the scenarios (and W307s),
    the scenarios that loaded, each load result, the file texts, and how many files were read."""

    diagnostics: list[Diagnostic]
    scenarios: list[M.Scenario]
    results: list[LoadResult]
    sources: dict[str, str]
    n_files: int


def _find_owner(path: Path) -> LoadResult | None:
    """The scenario that includes ``path`` (searched in its folder and two folders up)."""
    target = path.resolve()
    folder = target.parent
    for _ in range(3):
        cands = [p for p in sorted(folder.glob("*")) if p.suffix in YAML_EXT and is_manifest(p)]
        cands += [p for p in sorted(folder.glob("*/scenario.y*ml")) if is_manifest(p)]
        for m in cands:
            if m.resolve() == target:
                continue
            res = load_scenario(m)
            if any(Path(f).resolve() == target for f in res.files):
                return res
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def validate_report(paths: Iterable[str | os.PathLike[str]]) -> Report:
    """Validate files, folders or installed ids; everything needed to print a report."""
    results: list[LoadResult] = []
    extra: list[Diagnostic] = []
    done: set[Path] = set()

    def run(manifest: Path) -> LoadResult | None:
        key = manifest.resolve()
        if key in done:
            return None
        done.add(key)
        res = load_scenario(manifest)
        results.append(res)
        return res

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            manifests = discover_scenarios(p)
            if not manifests:
                extra.append(
                    error(
                        "E015",
                        display_name(p),
                        1,
                        1,
                        "",
                        "No scenario was found in "
                        "this folder (a scenario file is a .yaml file with a "
                        "'meta:' section).",
                        "Give the path of a scenario file.",
                        False,
                    )
                )
                continue
            for m in manifests:
                run(m)
            covered = {Path(f).resolve() for r in results for f in r.files}
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(x for x in dirnames if not x.startswith((".", "__")))
                for fn in sorted(filenames):
                    f = Path(dirpath) / fn
                    if fn.endswith(YAML_EXT) and f.resolve() not in covered:
                        extra.append(
                            warning(
                                "W307",
                                display_name(f),
                                1,
                                1,
                                "",
                                "This file is not part of any scenario: no scenario lists it "
                                "under 'include:'.",
                                "Add it to the 'include:' list of its scenario's main file, or "
                                "move it out of the scenarios folder.",
                                False,
                            )
                        )
        elif p.is_file():
            if not is_manifest(p):
                owner = _find_owner(p)
                if owner is not None:
                    key = Path(owner.files[0]).resolve() if owner.files else p
                    if key not in done:
                        done.add(key)
                        results.append(owner)
                    continue
            run(p)
        elif p.exists():  # a device, a pipe or a link to one: refused by the reader, unread
            run(p)
        else:
            res = load_scenario(raw)  # an installed id, or E015
            if res.files:
                key = Path(res.files[0]).resolve()
                if key in done:
                    continue
                done.add(key)
            results.append(res)
    diags = list(extra)
    sources: dict[str, str] = {}
    n_files = 0
    scenarios = []
    for r in results:
        diags.extend(r.diagnostics)
        sources.update(r.sources)
        n_files += len(r.files)
        if r.scenario is not None:
            scenarios.append(r.scenario)
    return Report(diags, scenarios, results, sources, n_files)


def validate_paths(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Diagnostic], list[M.Scenario]]:
    """Validate files and folders (every manifest in a folder). Never raises."""
    try:
        rep = validate_report(paths)
        return rep.diagnostics, rep.scenarios
    except Exception as exc:  # noqa: BLE001
        return [internal_error(", ".join(map(str, paths)), exc)], []


__all__ = ["Report", "validate_paths", "validate_report"]
