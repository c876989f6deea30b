"""Debrief export: one PNG per debrief page and a Markdown report that links them, written to
the export folder (``saves.export_dir()``, or the screenshot folder when autoplaying)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from . import viewmodels as vm
from .i18n import language, number, tr

if TYPE_CHECKING:
    from .scenes.debrief import DebriefScene

from ..kit.document import Doc
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
    doc = Doc(tr("debrief.title", scenario=text_in(s.scenario.meta.title, lang)), lang)
    facts = [
        f"{tr('md.role')}: {', '.join(vm.name(s, r) for r in ctl.roles)}",
        f"{tr('md.seed')}: {s.seed}",
        f"{tr('md.difficulty')}: {tr('difficulty.' + ctl.difficulty)}",
        f"{tr('md.turns')}: {len(s.reports)} / {s.c.n_turns}"
        + (f" ({tr('md.ended_early')})" if ctl.ended_early else ""),
    ]
    keep = ctl.role
    for role in ctl.roles:
        if ctl.hotseat:
            ctl.view_as(role)
        g, b = scene.overall()
        facts.append(
            f"{tr('debrief.grade', role=vm.name(s, role), grade=g)} · "
            f"{tr('debrief.grade_hist', grade=b)}"
        )
    doc.ul(facts)
    for role in ctl.roles:
        if ctl.hotseat:
            ctl.view_as(role)
        head = f" — {vm.name(s, role)}" if ctl.hotseat else ""
        bo = {o["id"]: o for o in scene.bench_objectives()}
        doc.h(f"{tr('debrief.objectives')}{head}")
        doc.table(
            [tr("md.objective"), tr("md.value"), tr("md.grade"), tr("md.hist_grade")],
            [
                [o["name"], o["value"], o["grade"], bo.get(o["id"], {}).get("grade", "—")]
                for o in scene.role_objectives()
            ],
            align="lrcc",
        )
        doc.h(f"{tr('debrief.tab_decisions')}{head}")
        doc.table(
            [tr("md.year"), tr("md.yours"), tr("md.historical")],
            [
                [d.year, d.yours, d.historical or "—"]
                for d in vm.decisions(s, scene.bench.session, role)
            ],
        )
    if ctl.hotseat:
        ctl.view_as(keep)
    years = vm.years_axis(s)
    mine = vm.mean_autonomy(s)
    hist = vm.mean_autonomy(scene.bench.session)
    doc.h(tr("debrief.mean_autonomy"))
    doc.table(
        [tr("md.year"), tr("debrief.your_path"), tr("debrief.hist_path")],
        [
            [y, number(mine[i], 1), number(hist[i], 1) if i < len(hist) else "—"]
            for i, y in enumerate(years)
        ],
        align="lrr",
    )
    qs = [text_in(q, lang) for q in s.scenario.discussion_questions]
    doc.h(tr("debrief.questions"))
    if qs:
        doc.ol(qs)
    else:
        doc.p(tr("debrief.no_questions"))
    doc.h(tr("md.charts"))
    doc.images([(n, n) for n in images])
    return doc.markdown()
