"""Debrief export: one PNG per debrief page and a Markdown report that links them, written to
the export folder (``saves.export_dir()``, or the screenshot folder when autoplaying).

The debrief scene draws its pages; this module only writes them (``write_pages``) and writes
the report's words (``debrief_markdown``) from the controller and the historical benchmark.
The files are written together and atomically (``kit.files.write_all_atomic``): a full disk
leaves no half-written picture or report, and says so in plain words (``ExportError``).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pygame

from ..kit.document import Doc
from ..kit.files import write_all_atomic, write_problem
from ..scenario.model import text_in
from . import goal_views as gvs
from . import viewmodels as vm
from .controller import Benchmark, GameController
from .i18n import language, number, tr
from .theme import LOGICAL_H, LOGICAL_W


def export_name(ctl: GameController) -> str:
    """``debrief-<scenario>-<roles>-seed<N>-<date-time>``: the files of one export."""
    s = ctl.session
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return f"debrief-{s.scenario.meta.id}-{'-'.join(ctl.roles)}-seed{s.seed}-{stamp}"


class ExportError(OSError):
    """The export could not be written; ``str()`` says why in plain words and where."""

    def __str__(self) -> str:
        return str(self.strerror)


def write_pages(
    folder: Path,
    base: str,
    pages: Sequence[tuple[str, Callable[[pygame.Surface], None]]],
    markdown: Callable[[list[str]], str],
) -> tuple[list[Path], Path]:
    """Draw each ``(name, draw)`` page on a 1280x720 canvas as ``<base>-<n>-<name>.png`` and
    ``<base>.md`` from ``markdown(png file names)``, then write them all atomically.
    ``ExportError`` (an ``OSError``) when they cannot be written."""
    surf = pygame.Surface((LOGICAL_W, LOGICAL_H))
    out: dict[Path, bytes | str] = {}
    for i, (name, draw) in enumerate(pages):
        draw(surf)
        buf = io.BytesIO()
        pygame.image.save(surf, buf, "png")
        out[folder / f"{base}-{i + 1}-{name}.png"] = buf.getvalue()
    pngs = list(out)
    md = folder / f"{base}.md"
    out[md] = markdown([p.name for p in pngs])
    try:
        write_all_atomic(out)
    except OSError as e:
        raise ExportError(e.errno, write_problem(e, md)) from e
    return pngs, md


def debrief_markdown(ctl: GameController, bench: Benchmark, images: list[str]) -> str:
    """The debrief as a Markdown report: settings, grades of every team against the historical
    path, objectives, decisions, mean autonomy per year, the discussion questions, the charts."""
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
    without = gvs.without_path(s)
    for role in ctl.roles:
        g, b = vm.overall_grades(s, bench.session, role)
        line = f"{tr('debrief.grade', role=vm.name(s, role), grade=g)} · " + tr(
            "debrief.grade_hist" if ctl.has_history(role) else "debrief.grade_computer",
            grade=b,
        )
        gv = gvs.goals_view(s, role)
        if gv.overall_without is not None:
            line += f" · {gvs.without_grade_words(gv)}"
        facts.append(line)
    doc.ul(facts)
    for role in ctl.roles:
        head = f" — {vm.name(s, role)}" if ctl.hotseat else ""
        doc.h(f"{tr('debrief.objectives')}{head}")
        views = {g.id: g for g in gvs.goals_view(s, role).goals}
        cols = [tr("md.objective"), tr("md.value"), tr("md.grade")]
        cols.append(tr("md.hist_grade" if ctl.has_history(role) else "debrief.computer_path"))
        rows = [
            [o["name"], vm.fmt_number(o["value"]), o["grade"], hb["grade"] if hb else "—"]
            for o, hb in vm.objectives_against(s, bench.session, role)
        ]
        if without is not None:  # the same game with the team(s) doing nothing
            cols.append(without[0])
            for row, o in zip(rows, vm.objectives_against(s, bench.session, role)):
                gview = views.get(str(o[0]["id"]))
                row.append(f"{gview.without} ({gview.without_grade})" if gview else "—")
        doc.table(cols, rows, align="lrcc" + ("r" if without is not None else ""))
        doc.h(f"{tr('debrief.tab_decisions')}{head}")
        doc.table(
            [
                tr("md.year"),
                tr("md.yours"),
                tr("md.historical" if ctl.has_history(role) else "md.computer"),
            ],
            [[d.year, d.yours, d.historical or "—"] for d in vm.decisions(s, bench.session, role)],
        )
    years = vm.years_axis(s)
    mine = vm.mean_autonomy(s)
    hist = vm.mean_autonomy(bench.session)
    doc.h(tr("debrief.mean_autonomy"))
    idle = without[1] if without is not None else []
    doc.table(
        [
            tr("md.year"),
            tr("debrief.your_path"),
            tr("debrief.hist_path" if ctl.bench_is_history() else "debrief.computer_path"),
        ]
        + ([without[0]] if without is not None else []),
        [
            [y, number(mine[i], 1), number(hist[i], 1) if i < len(hist) else "—"]
            + ([number(idle[i], 1) if i < len(idle) else "—"] if without is not None else [])
            for i, y in enumerate(years)
        ],
        align="lrr" + ("r" if without is not None else ""),
    )
    qs = vm.discussion_questions(s, ctl.roles)
    doc.h(tr("debrief.questions"))
    if qs:
        doc.ol(qs)
    else:
        doc.p(tr("debrief.no_questions"))
    doc.h(tr("md.charts"))
    doc.images([(n, n) for n in images])
    return doc.markdown()
