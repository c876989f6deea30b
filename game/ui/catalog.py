"""Finding and loading scenarios for the window.

``discover()`` lists installed scenarios (``game.scenario.loader.list_installed``), with the
scenarios that fail validation kept in the list, marked, so the menu can show their messages.
``load(ref)`` loads one by id or path and returns the scenario or the validator's text.

Until the loader's validation layer is complete, a one-file scenario that the loader cannot
check (an internal E999) is read with ``yaml.safe_load`` + ``Scenario.model_validate``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..scenario.model import Scenario, text_in


@dataclass
class Entry:
    """One scenario as the menu shows it."""

    id: str
    path: str
    scenario: Scenario | None
    errors: str = ""  # the validator's messages when it cannot be played
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.scenario is not None

    def title(self, lang: str = "en") -> str:
        return text_in(self.scenario.meta.title, lang) if self.scenario else self.id

    def row(self) -> dict[str, Any]:
        return self.scenario.summary_row() if self.scenario else {"id": self.id}


def _render(diags: list[Any]) -> str:
    try:
        from ..scenario.diagnostics import render_text

        return render_text(diags)
    except Exception:  # the diagnostics module is being written alongside
        return "\n".join(
            f"{getattr(d, 'file', '')}:{getattr(d, 'line', '')}: {getattr(d, 'message', d)}"
            for d in diags
        )


def _fallback(path: Path) -> Scenario | None:
    """Read a one-file scenario without the loader (only when the loader itself failed)."""
    if not path.is_file() or path.suffix not in (".yaml", ".yml"):
        return None
    try:
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("include"):
            return None
        data.pop("schema_version", None)
        data.pop("include", None)
        sc = Scenario.model_validate(data)
        return sc.model_copy(update={"path": str(path)})
    except Exception:
        return None


def _internal_only(diags: list[Any]) -> bool:
    errs = [d for d in diags if getattr(d, "severity", "error") == "error"]
    return bool(errs) and all(getattr(d, "code", "") == "E999" for d in errs)


def load(ref: str) -> Entry:
    """Load a scenario by installed id or path. Never raises."""
    path = Path(ref)
    try:
        from ..scenario.loader import load_scenario

        res = load_scenario(ref)
        diags = list(res.diagnostics)
        sc = res.scenario
        errors = [d for d in diags if getattr(d, "severity", "") == "error"]
    except Exception as e:  # loader missing or broken
        diags, sc, errors = [], None, [e]  # type: ignore[list-item]
    if sc is not None and not errors:
        sid = sc.meta.id
        return Entry(
            sid, sc.path or ref, sc, warnings=[getattr(d, "message", str(d)) for d in diags]
        )
    if not errors or _internal_only(diags) or isinstance(errors[0], Exception):
        fb = _fallback(path)
        if fb is not None:
            return Entry(fb.meta.id, str(path), fb)
    msg = _render(diags) if diags else f"{ref}: {errors[0] if errors else 'cannot be loaded'}"
    return Entry(path.stem if path.suffix else ref, str(path), None, errors=msg)


_discovered: tuple[tuple, list[Entry]] | None = None


def _fingerprint() -> tuple:
    try:
        from ..scenario.loader import installed_dir

        root = installed_dir()
        return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob("*.y*ml")))
    except Exception:
        return ()


def discover() -> list[Entry]:
    """Every installed scenario (failures included). Cached until a file under ``scenarios/``
    changes."""
    global _discovered
    fp = _fingerprint()
    if _discovered is not None and _discovered[0] == fp:
        return list(_discovered[1])
    out = _discover()
    _discovered = (fp, out)
    return list(out)


def _discover() -> list[Entry]:
    out: list[Entry] = []
    try:
        from ..scenario.loader import list_installed

        found = list_installed()
    except Exception:
        found = []
    for p, res in found:
        errors = [d for d in res.diagnostics if getattr(d, "severity", "") == "error"]
        sc = res.scenario
        if sc is not None and not errors:
            out.append(Entry(sc.meta.id, str(p), sc))
            continue
        if _internal_only(res.diagnostics):
            fb = _fallback(Path(p))
            if fb is not None:
                out.append(Entry(fb.meta.id, str(p), fb))
                continue
        out.append(
            Entry(
                Path(p).stem if Path(p).name != "scenario.yaml" else Path(p).parent.name,
                str(p),
                None,
                errors=_render(res.diagnostics),
            )
        )
    kinds = {"tutorial": 0, "class": 1, "campaign": 2, "sandbox": 3}
    out.sort(
        key=lambda e: (
            not e.ok,
            kinds.get(e.scenario.meta.kind, 9) if e.scenario else 9,
            e.row().get("start_year", 0),
            e.id,
        )
    )
    return out
