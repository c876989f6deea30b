"""The class report as a document (``report.md``, and ``report.html`` with the picture inside):
the grades of every group and of the history benchmark, the key choices against history,
where the paths diverged (and, for three groups or more, when each pair split), average
autonomy over time, the discussion prompts and the records read.

The grades are one table a compared role, with at most ``MAX_OBJECTIVE_COLUMNS`` objectives a
table, and ``report.html`` has its own style (``HTML_STYLE``), so the page fits a 1280-pixel
screen and prints on A4 (checked in headless Chromium, tests/report).
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
    like_for_like_key,
    objective_columns,
    pair_split,
    seeds_of,
    value_labels,
    without_grades,
    year_of,
)
from .i18n import difficulty_name, join, language, number, tr


def grade_cell(o: dict[str, Any] | None) -> str:
    """'B (75.11)'; the value alone for a game that stopped early (it has no grade)."""
    if not o:
        return "\u2013"
    v = as_number(o.get("value"))
    grade = o.get("grade")
    if grade is None:
        return number(v) if v is not None else "\u2013"
    return f"{grade} ({number(v)})" if v is not None else str(grade)


#: at most this many objective columns in one grades table (a role with more gets several
#: tables): with the group, difficulty and overall columns the table fits 1280 px and A4
MAX_OBJECTIVE_COLUMNS = 6

#: at most this many groups' columns in one key choices table (more groups get several tables)
MAX_GROUP_COLUMNS = 5

#: the HTML report's own style: tables never wider than the page (long words and file paths
#: break), the page fits a 1280 px screen and prints on A4
HTML_STYLE = (
    "table{max-width:100%}"
    "th,td{overflow-wrap:break-word;hyphens:auto}"
    "section.records td:nth-child(2){overflow-wrap:anywhere}"  # file paths
    "@page{size:A4;margin:14mm 12mm}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}"
    "tr,img{break-inside:avoid}tr:first-child{break-after:avoid}h2,p{break-after:avoid}}"
)


def grades(doc: Doc, f: Findings) -> None:
    """The grades: one table a compared role (its objectives, at most MAX_OBJECTIVE_COLUMNS a
    table), the finished games first, then the history benchmark, then the games that stopped
    early - with their values, not graded."""
    groups, names, shared, bench = f.groups, f.names, f.roles, f.bench
    objs = objective_columns(groups + ([bench] if bench else []), shared, names)
    roles = [r for r in shared if any(o[0] == r for o in objs)] or list(
        dict.fromkeys(o[0] for o in objs)
    )
    rows_of = [g for g in groups if g.finished] + ([bench] if bench else [])
    rows_of += [g for g in groups if not g.finished]
    levels = len(levels_of(groups)) > 1
    # the grade each finished group would have had doing nothing (when its records say it)
    idle = {
        id(g): without_grades(g, [r for r in shared if r in g.roles]) for g in groups if g.finished
    }
    with_idle = any(idle.values())
    for role in roles:
        cols = [o for o in objs if o[0] == role]
        players = [g for g in rows_of if role in g.roles]
        others = [g.name for g in groups if role not in g.roles]
        for first in range(0, len(cols), MAX_OBJECTIVE_COLUMNS):
            part = cols[first : first + MAX_OBJECTIVE_COLUMNS]
            name = names.of(role)
            if len(part) < len(cols):
                last = first + len(part)
                doc.p(
                    tr(
                        "grades.part",
                        name=name,
                        role=role,
                        first=first + 1,
                        last=last,
                        total=len(cols),
                    )
                )
            elif len(roles) > 1:
                doc.p(tr("grades.role", name=name, role=role))
            head = [tr("col.group")] + ([tr("col.difficulty")] if levels else [])
            head += [tr("col.overall")] + ([tr("col.without")] if with_idle else [])
            head += [o[2] for o in part]
            rows = []
            for g in players:
                if g is bench:
                    label = f"_{g.name}_"
                else:
                    label = f"**{g.name}**"
                overall = g.overall.get(role) if g.finished else g.note
                cells = [
                    grade_cell(
                        next(
                            (x for x in g.objectives if (x.get("role"), x.get("id")) == o[:2]),
                            None,
                        )
                    )
                    for o in part
                ]
                level = [difficulty_name(g.difficulty)] if levels else []
                without = [idle.get(id(g), {}).get(role) or "\u2013"] if with_idle else []
                rows.append([label, *level, overall or "\u2013", *without, *cells])
            doc.table(head, rows)
        if others:
            doc.p(tr("choices.not_shown", groups=join(others), name=names.of(role)).strip())


def report_html(doc: Doc, images: dict[str, bytes]) -> str:
    """report.html: the document with its pictures inside, in the report's own style."""
    return doc.html(images, HTML_STYLE)


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
    stopped = [g for g in groups if not g.finished]
    doc.h(tr("grades.title"))
    grades(doc, f)
    with_idle = any(
        without_grades(g, [r for r in shared if r in g.roles]) for g in groups if g.finished
    )
    doc.p(
        tr("grades.explain").strip()
        + (" " + tr("grades.explain.without").strip() if with_idle else "")
    )
    if stopped:
        doc.p(tr("grades.explain.unfinished", example=stopped[0].progress))
    if bench:
        doc.p(like_for_like_key(sc))
        doc.p(tr("grades.explain.bench", label=bench.name, note=bench.note))

    # key choices
    doc.h(tr("choices.title"))
    if sc is None:
        doc.p(tr("choices.no_scenario"))
    for role in shared:
        players = [g for g in groups if role in g.roles]
        others = [g.name for g in groups if g not in players]
        doc.p(
            tr("choices.role", name=names.of(role), role=role)
            + (tr("choices.not_shown", groups=join(others), name=names.of(role)) if others else "")
        )
        for first in range(0, len(players), MAX_GROUP_COLUMNS):  # a table for every few groups
            part = players[first : first + MAX_GROUP_COLUMNS]
            doc.table(
                [tr("col.year"), tr("col.history"), *[g.name for g in part]],
                choice_rows(sc, role, part, names),
            )

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

    doc.section("records")  # its file paths may break anywhere (HTML_STYLE)
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


def choice_rows(sc: Any, role: str, players: list[Group], names: Names) -> list[list[str]]:
    """The key choices table's rows for one role and these groups: a row a year in which
    history or a group acted, and a row an event decision; each group's choice is marked ✓
    where it made the historical one, ✗ where it chose differently."""
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
    return rows


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
