"""Debrief export: one PNG per debrief page and a Markdown report that links them, written to
the export folder (``saves.export_dir()``, or the screenshot folder when autoplaying).

The debrief scene draws its pages; this module only writes them (``write_pages``) and writes
the report's words (``debrief_markdown``) from the controller and the historical benchmark.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pygame

from ..scenario.model import text_in
from . import viewmodels as vm
from .controller import Benchmark, GameController
from .i18n import language, tr
from .theme import LOGICAL_H, LOGICAL_W


def export_name(ctl: GameController) -> str:
    """``debrief-<scenario>-<roles>-seed<N>-<date-time>``: the files of one export."""
    s = ctl.session
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return f"debrief-{s.scenario.meta.id}-{'-'.join(ctl.roles)}-seed{s.seed}-{stamp}"


def write_pages(
    folder: Path,
    base: str,
    pages: Sequence[tuple[str, Callable[[pygame.Surface], None]]],
    markdown: Callable[[list[str]], str],
) -> tuple[list[Path], Path]:
    """Draw each ``(name, draw)`` page on a 1280x720 canvas and save it as
    ``<base>-<n>-<name>.png``; then ``<base>.md`` from ``markdown(png file names)``."""
    folder.mkdir(parents=True, exist_ok=True)
    surf = pygame.Surface((LOGICAL_W, LOGICAL_H))
    pngs = []
    for i, (name, draw) in enumerate(pages):
        draw(surf)
        p = folder / f"{base}-{i + 1}-{name}.png"
        pygame.image.save(surf, str(p))
        pngs.append(p)
    md = folder / f"{base}.md"
    md.write_text(markdown([p.name for p in pngs]), encoding="utf-8")
    return pngs, md


def debrief_markdown(ctl: GameController, bench: Benchmark, images: list[str]) -> str:
    """The debrief as a Markdown report: settings, grades of every team against the historical
    path, objectives, decisions, mean autonomy per year, the discussion questions, the charts."""
    s = ctl.session
    lang = language()
    out = [f"# {tr('debrief.title', scenario=text_in(s.scenario.meta.title, lang))}", ""]
    out.append(f"- {tr('md.role')}: {', '.join(vm.name(s, r) for r in ctl.roles)}")
    out.append(f"- {tr('md.seed')}: {s.seed}")
    out.append(f"- {tr('md.difficulty')}: {tr('difficulty.' + ctl.difficulty)}")
    out.append(
        f"- {tr('md.turns')}: {len(s.reports)} / {s.c.n_turns}"
        + (f" ({tr('md.ended_early')})" if ctl.ended_early else "")
    )
    for role in ctl.roles:
        g, b = vm.overall_grades(s, bench.session, role)
        out.append(
            f"- {tr('debrief.grade', role=vm.name(s, role), grade=g)} · "
            f"{tr('debrief.grade_hist', grade=b)}"
        )
    for role in ctl.roles:
        head = f" — {vm.name(s, role)}" if ctl.hotseat else ""
        out += [
            "",
            f"## {tr('debrief.objectives')}{head}",
            "",
            f"| {tr('md.objective')} | {tr('md.value')} | {tr('md.grade')} | "
            f"{tr('md.hist_grade')} |",
            "|---|---:|:---:|:---:|",
        ]
        for o, hb in vm.objectives_against(s, bench.session, role):
            hist = hb["grade"] if hb else "—"
            out.append(f"| {o['name']} | {o['value']} | {o['grade']} | {hist} |")
        out += [
            "",
            f"## {tr('debrief.tab_decisions')}{head}",
            "",
            f"| {tr('md.year')} | {tr('md.yours')} | {tr('md.historical')} |",
            "|---|---|---|",
        ]
        for d in vm.decisions(s, bench.session, role):
            out.append(f"| {d.year} | {d.yours} | {d.historical or '—'} |")
    out += [
        "",
        f"## {tr('debrief.mean_autonomy')}",
        "",
        f"| {tr('md.year')} | {tr('debrief.your_path')} | {tr('debrief.hist_path')} |",
        "|---|---:|---:|",
    ]
    years = vm.years_axis(s)
    mine = vm.mean_autonomy(s)
    hist = vm.mean_autonomy(bench.session)
    for i, y in enumerate(years):
        h = f"{hist[i]:.1f}" if i < len(hist) else "—"
        out.append(f"| {y} | {mine[i]:.1f} | {h} |")
    qs = vm.discussion_questions(s, ctl.roles)
    out += ["", f"## {tr('debrief.questions')}", ""]
    out += [f"{i + 1}. {q}" for i, q in enumerate(qs)] or [tr("debrief.no_questions")]
    out += ["", f"## {tr('md.charts')}", ""]
    out += [f"![{n}]({n})" for n in images]
    out.append("")
    return "\n".join(out)
