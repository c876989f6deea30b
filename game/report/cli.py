"""``report RECORD... [--out DIR] [--html] [--lang en|ja|ru]``: the command that reads the
records, analyses the games and writes ``report.md``, ``report.png`` and, with ``--html``,
``report.html``.

Damaged files and records of another scenario are skipped with a warning that names them, as
long as one usable record remains; otherwise the command explains and exits 1. Warnings and
notes are printed in the report's language too.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from ..kit.files import remove_stale_temporaries, write_all_atomic, write_problem
from .analysis import (
    Findings,
    Group,
    Names,
    analyse,
    compared_roles,
    difficulty_warnings,
    grade_group,
    group_roles,
    role_notes,
    run_history,
    seed_warnings,
)
from .document import build_doc, report_html
from .i18n import join, report_language, tr
from .picture import draw_png, summarise
from .records import (
    Loaded,
    RecordError,
    drop_duplicates,
    expand_inputs,
    find_scenario,
    group_labels,
    read,
    scenario_problem,
)


def cmd_report(args: argparse.Namespace) -> int:
    """``report RECORD... [--out DIR] [--html] [--lang en|ja|ru]``; returns the exit code."""
    with report_language(getattr(args, "lang", None)):
        return _cmd_report(args)


def _cmd_report(args: argparse.Namespace) -> int:
    warn: list[str] = []  # the groups cannot be compared like for like, or a file changed
    notes: list[str] = []  # what the report did on its own (a duplicate left out, ...)
    rec_paths, sc_paths, problems = expand_inputs(list(args.records))
    skipped: list[str] = list(problems)
    loaded: Loaded = []
    for p in rec_paths:
        try:
            rec = read(p)
        except RecordError as e:
            skipped.append(str(e))
            continue
        loaded.append((p, rec))
    if not loaded:
        for s in skipped:
            print(f"crossroads: {s}", file=sys.stderr)
        for p in sc_paths:
            print(f"crossroads: {tr('record.scenario_file', file=p)}", file=sys.stderr)
        print(f"crossroads: {tr('cli.no_records')}", file=sys.stderr)
        return 1
    ids = Counter(rec.scenario_id for _, rec in loaded)
    sid = max(ids, key=lambda k: (ids[k], -[r.scenario_id for _, r in loaded].index(k)))
    if len(ids) > 1:
        for p, rec in loaded:
            if rec.scenario_id != sid:
                skipped.append(tr("skip.other_scenario", file=p, id=rec.scenario_id, sid=sid))
        loaded = [x for x in loaded if x[1].scenario_id == sid]
    for s in skipped:
        print(f"crossroads: warning: {s} {tr('skip.suffix')}", file=sys.stderr)
    loaded, duplicates = drop_duplicates(loaded)

    sc = find_scenario(sid, sc_paths, sorted({p.resolve().parent for p, _ in loaded}), warn)
    if sc is not None:
        fitting: Loaded = []
        for p, rec in loaded:
            problem = scenario_problem(rec, sc, p)
            if problem is None:
                fitting.append((p, rec))
                continue
            print(f"crossroads: warning: {problem} {tr('skip.suffix')}", file=sys.stderr)
            skipped.append(problem)
        loaded = fitting
        if not loaded:
            print(f"crossroads: {tr('cli.no_records')}", file=sys.stderr)
            return 1
        changed = [
            str(p)
            for p, rec in loaded
            if rec.scenario_hash and sc.content_hash and not sc.is_version(rec.scenario_hash)
        ]
        if changed:
            warn.append(tr("warn.changed", n=len(changed), files=join(changed)))
    hashes = {rec.scenario_hash for _, rec in loaded if rec.scenario_hash}
    if len(hashes) > 1 and sc is None:
        warn.append(tr("warn.versions"))

    groups: list[Group] = []
    for i, ((p, rec), label) in enumerate(zip(loaded, group_labels(loaded))):
        g = Group(label, p, rec, index=i)
        grade_group(g, sc, warn)
        g.roles = group_roles(g, sc)
        groups.append(g)
    by_path = {g.path: g for g in groups}
    for left_out, rec, kept in duplicates:
        g = by_path[kept]
        notes.append(
            tr(
                "note.duplicate",
                group=g.name,
                left_out=left_out.name,
                kept=kept.name,
                folder=kept.parent,
                n_left=len(rec.turns),
                n_kept=len(g.rec.turns),
            )
        )
    warn += seed_warnings(groups)

    n_states = len(groups[0].rec.start_values.get("autonomy", []))
    names = Names(sc, groups[0].rec.names, n_states)
    shared = compared_roles(groups, sc)
    notes += role_notes(groups, shared, names)
    bench = run_history(sc, groups, shared, warn) if sc is not None else None
    warn += difficulty_warnings(groups, sc, history=bench is not None)
    unfinished = [g for g in groups if not g.finished]
    if unfinished and len(unfinished) < len(groups):
        notes.append(
            tr("note.unfinished", n=len(unfinished), groups=join([g.name for g in unfinished]))
        )
    elif unfinished:
        notes.append(tr("note.none_finished"))
    for w in warn:
        print(f"crossroads: warning: {w}", file=sys.stderr)
    for n in notes:
        print(f"crossroads: note: {n}", file=sys.stderr)

    analysis = analyse(sc, groups, names, shared, bench)
    found = Findings(sid, sc, groups, names, shared, bench, analysis, warn, notes, skipped)
    doc = build_doc(found)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(
            f"crossroads: {out} is a file; give a folder for the report with --out DIR",
            file=sys.stderr,
        )
        return 1
    png = draw_png(summarise(found), warn)
    files: dict[Path, bytes | str] = {out / "report.md": doc.markdown()}
    if png:
        files[out / "report.png"] = png
    if getattr(args, "html", False):
        files[out / "report.html"] = report_html(doc, {"report.png": png} if png else {})
    try:
        out.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(out, "report.*")
        # all three or none: on a full disk the previous report stays whole
        write_all_atomic(files)
    except OSError as e:
        print(
            f"crossroads: cannot write the report to {out}: {write_problem(e, out / 'report.md')}",
            file=sys.stderr,
        )
        return 1
    written = (
        ["report.md"]
        + (["report.png"] if png else [])
        + (["report.html"] if getattr(args, "html", False) else [])
    )
    print(
        tr(
            "cli.written",
            groups=tr("n.group", n=len(groups)),
            sid=sid,
            out=out,
            files=", ".join(written),
        )
    )
    return 0
