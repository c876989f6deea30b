"""Debrief export: one PNG per debrief page and a Markdown report that links them, written to
the export folder (``saves.export_dir()``, or the screenshot folder when autoplaying)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from . import viewmodels as vm
from .i18n import language, tr

if TYPE_CHECKING:
    from .scenes.debrief import DebriefScene

from ..scenario.model import text_in


def export_debrief(scene: DebriefScene, folder: Path | None = None) -> tuple[list[Path], Path]:
    from .scenes.debrief import PAGES
    from .theme import LOGICAL_H, LOGICAL_W

    app = scene.app
    ctl = scene.ctl
    s = ctl.session
    if folder is None:
        folder = app.export_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    base = f"debrief-{s.scenario.meta.id}-{'-'.join(ctl.roles)}-seed{s.seed}-{stamp}"
    pngs = []
    surf = pygame.Surface((LOGICAL_W, LOGICAL_H))
    keep = scene.page
    for i, page in enumerate(PAGES):
        scene.set_page(i)
        scene.draw_page(surf, i)
        if scene.text_page.visible:
            scene.text_page.draw(surf, False)
        if scene.state_w.visible:
            scene.state_w.draw(surf, False)
        p = folder / f"{base}-{i + 1}-{page}.png"
        pygame.image.save(surf, str(p))
        pngs.append(p)
    scene.set_page(keep)
    md = folder / f"{base}.md"
    md.write_text(markdown(scene, [p.name for p in pngs]), encoding="utf-8")
    return pngs, md


def markdown(scene: DebriefScene, images: list[str]) -> str:
    ctl = scene.ctl
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
    keep = ctl.role
    for role in ctl.roles:
        if ctl.hotseat:
            ctl.view_as(role)
        g, b = scene.overall()
        out.append(
            f"- {tr('debrief.grade', role=vm.name(s, role), grade=g)} · "
            f"{tr('debrief.grade_hist', grade=b)}"
        )
    for role in ctl.roles:
        if ctl.hotseat:
            ctl.view_as(role)
        head = f" — {vm.name(s, role)}" if ctl.hotseat else ""
        out += [
            "",
            f"## {tr('debrief.objectives')}{head}",
            "",
            f"| {tr('md.objective')} | {tr('md.value')} | {tr('md.grade')} | "
            f"{tr('md.hist_grade')} |",
            "|---|---:|:---:|:---:|",
        ]
        bo = {o["id"]: o for o in scene.bench_objectives()}
        for o in scene.role_objectives():
            hb = bo.get(o["id"], {})
            out.append(f"| {o['name']} | {o['value']} | {o['grade']} | {hb.get('grade', '—')} |")
        out += [
            "",
            f"## {tr('debrief.tab_decisions')}{head}",
            "",
            f"| {tr('md.year')} | {tr('md.yours')} | {tr('md.historical')} |",
            "|---|---|---|",
        ]
        for d in vm.decisions(s, scene.bench.session, role):
            out.append(f"| {d.year} | {d.yours} | {d.historical or '—'} |")
    if ctl.hotseat:
        ctl.view_as(keep)
    out += [
        "",
        f"## {tr('debrief.mean_autonomy')}",
        "",
        f"| {tr('md.year')} | {tr('debrief.your_path')} | {tr('debrief.hist_path')} |",
        "|---|---:|---:|",
    ]
    years = vm.years_axis(s)
    mine = vm.mean_autonomy(s)
    hist = vm.mean_autonomy(scene.bench.session)
    for i, y in enumerate(years):
        h = f"{hist[i]:.1f}" if i < len(hist) else "—"
        out.append(f"| {y} | {mine[i]:.1f} | {h} |")
    qs = [text_in(q, lang) for q in s.scenario.discussion_questions]
    out += ["", f"## {tr('debrief.questions')}", ""]
    out += [f"{i + 1}. {q}" for i, q in enumerate(qs)] or [tr("debrief.no_questions")]
    out += ["", f"## {tr('md.charts')}", ""]
    out += [f"![{n}]({n})" for n in images]
    out.append("")
    return "\n".join(out)
