"""The class report as a document (``report.md``, and ``report.html`` with the picture inside):
the grades of every group and of the history benchmark, the key choices against history,
where the paths diverged (and, for three groups or more, when each pair split), average
autonomy over time, the discussion prompts and the records read.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..kit.document import Doc
from ..kit.i18n import date
from .analysis import (
    Findings,
    Group,
    Names,
    as_number,
    discussion,
    history_by_turn,
    levels_of,
    objective_columns,
    pair_split,
    seeds_of,
    value_labels,
    without_grades,
    year_of,
)
from .i18n import difficulty_name, join, language, number, tr


def grade_cell(o: dict[str, Any] | None) -> str:
    if not o:
        return "\u2013"
    v = as_number(o.get("value"))
    return f"{o.get('grade', '?')} ({number(v)})" if v is not None else str(o.get("grade", "?"))


def build_doc(f: Findings) -> Doc:
    """The report as one document: report.md, and report.html with the picture inside."""
    from ..scenario.model import text_in

    sid, sc, groups, names, shared, bench = f.sid, f.sc, f.groups, f.names, f.roles, f.bench
    warn, notes, skipped, analysis = f.warnings, f.notes, f.skipped, f.analysis

    lang = language()
    title = tr("doc.title", title=text_in(sc.meta.title, lang) if sc is not None else sid)
    doc = Doc(title, lang=lang)
    seeds, levels = seeds_of(groups), levels_of(groups)
    doc.p(
        tr(
            "doc.intro",
            sid=sid,
            groups=tr("n.group", n=len(groups)),
            seeds=tr("doc.intro.seeds", n=len(seeds), list=", ".join(map(str, seeds))),
            levels=tr(
                "doc.intro.levels",
                n=len(levels),
                list=tr("join.sep").join(difficulty_name(v) for v in levels),
            ),
            roles=tr("join.sep").join(names.of(r) for r in shared) or tr("doc.intro.none"),
            date=date(_dt.date.today()),
        )
    )
    doc.ul(
        [tr("doc.warning", text=w) for w in warn]
        + [tr("doc.note", text=n) for n in notes]
        + [tr("doc.skipped", text=s) for s in skipped]
    )
    doc.images([("report.png", tr("doc.img_alt"))])

    # grades
    doc.h(tr("grades.title"))
    objs = objective_columns(groups + ([bench] if bench else []), shared, names)
    # the grade each group would have had doing nothing (when its records say it)
    idle = {id(g): without_grades(g, [r for r in shared if r in g.roles]) for g in groups}
    with_idle = any(idle.values())
    head = [tr("col.group"), tr("col.difficulty"), tr("col.overall")]
    head += [tr("col.without")] if with_idle else []
    head += [tr("col.objective", name=o[2], role=o[0]) for o in objs]
    rows = []
    for g in groups + ([bench] if bench else []):
        overall = ", ".join(
            f"{r} {g.overall[r]}" for r in shared if r in g.roles and r in g.overall
        ) or ", ".join(f"{r} {v}" for r, v in g.overall.items() if not shared)
        without = ", ".join(f"{r} {v}" for r, v in idle.get(id(g), {}).items())
        cells = []
        for role, oid, _ in objs:
            o = next(
                (x for x in g.objectives if x.get("role") == role and x.get("id") == oid), None
            )
            cells.append(grade_cell(o) if role in g.roles else "\u2014")
        rows.append(
            [
                f"**{g.name}**" if g is not bench else f"_{g.name}_",
                difficulty_name(g.difficulty),
                overall or "\u2013",
                *([without or "\u2013"] if with_idle else []),
                *cells,
            ]
        )
    doc.table(head, rows)
    doc.p(
        tr("grades.explain")
        + (tr("grades.explain.without") if with_idle else "")
        + (
            tr("grades.explain.unfinished", example=tr("progress.of", n=2, total=9))
            if any(not g.finished for g in groups)
            else ""
        )
        + (tr("grades.explain.bench", label=bench.name, note=bench.note) if bench else "")
    )

    # key choices
    doc.h(tr("choices.title"))
    if sc is None:
        doc.p(tr("choices.no_scenario"))
    for role in shared:
        players = [g for g in groups if role in g.roles]
        hist = history_by_turn(sc, role)
        n = max(len(g.rec.turns) for g in players)
        rows = []
        for t in range(n):
            h_keys = hist.get(t, [])
            cells = []
            any_act = bool(h_keys)
            for g in players:
                turn_rec = g.rec.turns[t] if len(g.rec.turns) > t else None
                acts = turn_rec.actions.get(role, []) if turn_rec else []
                any_act = any_act or bool(acts)
                txt = tr("join.sep").join(names.choice(a) for a in acts) or (
                    tr("nothing") if turn_rec else tr("choices.not_played")
                )
                if h_keys and turn_rec:
                    txt += " \u2713" if all(k in acts for k in h_keys) else " \u2717"
                cells.append(txt)
            if any_act:
                rows.append(
                    [
                        year_of(players, t),
                        tr("join.sep").join(names.choice(k) for k in h_keys) or "\u2013",
                        *cells,
                    ]
                )
        events = sorted(
            {
                (t.turn, e)
                for g in players
                for t in g.rec.turns
                for e in t.options
                if names.chooser.get(e, role) == role
            }
        )
        for t, ev in events:
            hist_opt = names.historical_option.get(ev)
            cells = []
            for g in players:
                turn_rec = g.rec.turns[t] if len(g.rec.turns) > t else None
                opt = turn_rec.options.get(ev) if turn_rec else None
                if turn_rec is None:
                    cells.append(tr("choices.not_played"))
                elif opt is None:
                    cells.append(tr("choices.did_not_happen"))
                else:
                    mark = "" if hist_opt is None else (" \u2713" if opt == hist_opt else " \u2717")
                    cells.append(names.option(ev, opt) + mark)
            rows.append(
                [
                    f"{year_of(players, t)} \u00b7 {names.of(ev)}",
                    names.option(ev, hist_opt) if hist_opt else "\u2013",
                    *cells,
                ]
            )
        rows.sort(key=lambda r: r[0])
        others = [g.name for g in groups if g not in players]
        doc.p(
            tr("choices.role", name=names.of(role), role=role)
            + (tr("choices.not_shown", groups=join(others), name=names.of(role)) if others else "")
        )
        doc.table([tr("col.year"), tr("col.history"), *[g.name for g in players]], rows)

    doc.h(tr("div.title"))
    doc.ul(analysis.lines or [tr("div.none")])
    if len(groups) > 2:
        rows = []
        up_to: list[str] = []  # the years of "never (to YEAR)" cells, for the explanation's example
        for a in groups:
            row = [f"**{a.name}**"]
            for b in groups:
                row.append("\u2013" if a is b else _pair_cell(a, b, shared, names, up_to))
            rows.append(row)
        if up_to:
            doc.p(tr("pairs.explain", example=tr("pairs.never_to", year=up_to[0]), year=up_to[0]))
        else:
            doc.p(tr("pairs.explain_short"))
        doc.table(["", *[g.name for g in groups]], rows)

    doc.h(tr("autonomy.title"))
    doc.p(tr("autonomy.explain"))
    series = groups + ([bench] if bench else [])
    years = value_labels(sc, series)
    n = max([len(years)] + [len(g.autonomy) for g in series])
    rows = [
        [
            years[t] if t < len(years) else str(t),
            *[number(g.autonomy[t], 1) if len(g.autonomy) > t else "\u2013" for g in series],
        ]
        for t in range(n)
    ]
    doc.table([tr("col.year"), *[g.name for g in series]], rows)

    doc.h(tr("prompts.title"))
    talk = discussion(sc, groups, names, analysis)
    if talk.questions:
        doc.p(tr("prompts.scenario"))
        doc.ol(talk.questions)
    if talk.events:
        doc.p(tr("prompts.events"))
        doc.ol(talk.events)
        if talk.more_events:
            doc.p(tr("prompts.events.more", n=talk.more_events))
    unfinished = [g.name for g in groups if not g.finished]
    doc.p(
        tr("prompts.games")
        + (
            tr("prompts.games.left_out", n=len(unfinished), groups=join(unfinished))
            if unfinished and len(unfinished) < len(groups)
            else ""
        )
    )
    doc.ol(talk.games)

    doc.h(tr("records.title"))
    rows = []
    for g in groups:
        people = ", ".join(g.rec.humans) or tr("records.no_people")
        pols = ", ".join(f"{k}={v}" for k, v in sorted(g.rec.policies.items())) or tr(
            "records.defaults"
        )
        rows.append(
            [
                g.name,
                str(g.path),
                str(g.rec.seed),
                difficulty_name(g.difficulty),
                people,
                pols,
                tr("records.finished") if g.finished else g.note,
            ]
        )
    doc.table(
        [
            tr("col.group"),
            tr("col.file"),
            tr("col.seed"),
            tr("col.difficulty"),
            tr("col.people"),
            tr("col.policies"),
            tr("col.state"),
        ],
        rows,
    )
    return doc


def _pair_cell(
    a: Group, b: Group, roles: list[str], names: Names, up_to: list[str] | None = None
) -> str:
    """One cell of the "where groups split" table; ``up_to`` collects the years of "never (to
    YEAR)" cells."""
    ps = pair_split(a, b, roles, names)
    if ps.turn is not None:
        return a.rec.turns[ps.turn].year
    if not ps.common:
        return tr("pairs.no_common")
    if ps.both_played == 0:
        return tr("pairs.not_played")
    if ps.both_played < max(len(a.rec.turns), len(b.rec.turns)) or not (a.finished and b.finished):
        year = a.rec.turns[ps.both_played - 1].year
        if up_to is not None:
            up_to.append(year)
        return tr("pairs.never_to", year=year)
    return tr("pairs.never")
