"""Writing a study's report: ``report.md``, one CSV per table, PNG charts and ``study.json``.

The CSV files depend only on the study's numbers (never on timing or on the executor), so the
same study gives byte-identical CSV files on one process, on many, or on a Dask cluster.
Timings and the executor are written to ``report.md`` and ``study.json`` only.
"""

from __future__ import annotations

import csv
import io
import json
import math
import platform
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from ..engine.core import GRADES
from ..kit.document import Doc
from ..kit.raster import hbar_chart, stacked_rows, step_histograms
from ..scenario.model import text_in
from . import analysis as A
from . import charts, stats
from .study import Study

CSV_FILES = (
    "expectations",
    "profiles",
    "grades",
    "scores_hist",
    "actions",
    "agency",
    "dominance",
    "events",
    "order",
    "restricted",
    "objectives",
    "bands",
    "map",
)


@dataclass
class Report:
    verdicts: list[A.Verdict]
    tables: dict[str, A.Table]
    dominance: list[A.Dominance]
    files: list[str]

    @property
    def failed(self) -> list[A.Verdict]:
        return [v for v in self.verdicts if not v.passed]


def _cell(v: object) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float | np.floating):
        f = float(v)
        return "" if not math.isfinite(f) else f"{f:.6f}"
    if isinstance(v, np.integer):
        return str(int(v))
    return str(v)


def table_csv(t: A.Table) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(t.columns)
    for r in t.rows:
        w.writerow([_cell(r.get(k, "")) for k in t.columns])
    return buf.getvalue()


def build(study: Study) -> Report:
    verdicts = A.check_expectations(study)
    dom_t, doms = A.dominance_analysis(study)
    tables = {
        "expectations": A.verdict_table(verdicts),
        "profiles": A.profile_table(study),
        "grades": A.grade_table(study),
        "scores_hist": A.histogram_table(study),
        "actions": A.action_table(study),
        "agency": A.agency_table(study),
        "dominance": dom_t,
        "events": A.event_table(study),
        "order": A.order_table(study),
        "restricted": A.restricted_table(study),
        "objectives": A.objective_table(study),
        "bands": A.suggest_bands(study),
        "map": A.map_table(study),
    }
    return Report(verdicts, tables, doms, [])


# ------------------------------------------------------------------------------------------------
def _pct(x: float) -> str:
    return "–" if not math.isfinite(x) else f"{100 * x:.1f}%"


def _ci(est: float, lo: float, hi: float, pct: bool = False, digits: int = 3) -> str:
    if not math.isfinite(est):
        return "–"
    if pct:
        return f"{100 * est:.1f}% [{100 * lo:.1f}, {100 * hi:.1f}]"
    big = max(abs(est), abs(lo), abs(hi))
    if 0 < big < 0.01:  # small differences: enough decimals to see them
        digits = max(digits, 1 - int(math.floor(math.log10(big))) + 1)
    return (
        f"{est:+.{digits}f} [{lo:+.{digits}f}, {hi:+.{digits}f}]"
        if lo < 0 or est < 0
        else f"{est:.{digits}f} [{lo:.{digits}f}, {hi:.{digits}f}]"
    )


def write(
    study: Study,
    out_dir: str | Path,
    report: Report | None = None,
    draw: bool = True,
    bench: dict | None = None,
) -> Report:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rep = report or build(study)
    files = []
    for name in CSV_FILES:
        p = out / f"{name}.csv"
        p.write_text(table_csv(rep.tables[name]), encoding="utf-8")
        files.append(p.name)
    pngs = _charts(study, rep, out) if draw else []
    files += pngs
    md = _markdown(study, rep, pngs, bench)
    (out / "report.md").write_text(md, encoding="utf-8")
    files.insert(0, "report.md")
    meta = {
        "scenario": study.scenario.meta.id,
        "scenario_hash": study.scenario.content_hash,
        "seed": study.seed,
        "games_per_profile": study.games,
        "chunk": study.chunk,
        "quick": study.quick,
        "runs": len(study.runs),
        "chunks": study.n_tasks,
        "grid_profiles": len(study.plan.grid),
        "roles": study.plan.grid_policies,
        "seconds": round(study.seconds, 3),
        "executor": study.executor,
        "game_turns": study.game_turns,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "verdicts": {v.id: v.verdict for v in rep.verdicts},
        "bench": bench or {},
    }
    (out / "study.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    files.append("study.json")
    rep.files = files
    return rep


# ------------------------------------------------------------------------------------------------
def _charts(study: Study, rep: Report, out: Path) -> list[str]:
    made: list[str] = []
    others = "every other actor on its default policy"

    def bars(name: str, title: str, rows: list[dict], keys: str, subtitle: str = "", **kw) -> None:
        """Horizontal bars of ``rows``, labelled by ``label(row)``: the value of the first of
        ``keys`` ("value low high") with the interval of the other two."""
        label = kw.pop("label")
        value, low, high = keys.split()
        chart = partial(
            hbar_chart,
            labels=[label(r) for r in rows],
            values=[r[value] for r in rows],
            lows=[r[low] for r in rows],
            highs=[r[high] for r in rows],
            **kw,
        )
        if rows and charts.figure(out / name, title, subtitle, len(rows), chart):
            made.append(name)

    prof = rep.tables["profiles"].rows
    # 1. mean score of each role by profile (grid), with intervals
    for role in study.role_ids:
        rows = [r for r in prof if r["role"] == role and r["kind"] == "grid"]
        if not rows:
            rows = [r for r in prof if r["role"] == role]
        bars(
            f"scores_{role}.png",
            f"{role}: mean score by profile (95% intervals)",
            rows[:60],
            "mean_score score_low score_high",
            label=lambda r: r["profile"],
            xlabel="mean score (0 = F ... 1 = A on every objective)",
            xmin=0.0,
            xmax=1.0,
        )
    # 2. grade distributions of the reference runs (one role changes, the rest on defaults)
    g_rows = []
    labels = []
    for key, spec in study.plan.reference.items():
        role, _, pol = key.partition("=")
        if role not in study.role_ids:
            continue
        r = study.run(spec)
        j = study.role_col(role)
        labels.append(f"{role} = {pol}")
        g_rows.append([float((r.grades[:, j] == i).mean()) for i in range(5)])
    if labels and charts.figure(
        out / "grades.png",
        "Grades of each role by its policy",
        others,
        len(labels) + 1,  # and the key of the grades
        partial(
            stacked_rows,
            labels=labels,
            shares=g_rows,
            part_names=list(GRADES),
            colours=charts.GRADE_COLOURS,
        ),
    ):
        made.append("grades.png")
    # 3. score distributions per role
    edges = np.linspace(0, 1, A.HIST_BINS + 1)
    for role in study.role_ids:
        series = []
        for key, spec in study.plan.reference.items():
            r_role, _, pol = key.partition("=")
            if r_role != role or pol.startswith("only:"):
                continue
            h, _ = np.histogram(study.run(spec).scores[:, study.role_col(role)], bins=edges)
            series.append((pol, h.tolist()))
        name = f"distribution_{role}.png"
        chart = partial(step_histograms, series=series, edges=edges.tolist(), xlabel="score")
        if series and charts.figure(
            out / name, f"{role}: score distribution by policy", others, 0, chart
        ):
            made.append(name)
    # 4. agency gaps
    bars(
        "agency.png",
        "Do choices matter? Paired score gaps (95%)",
        rep.tables["agency"].rows,
        "gap gap_low gap_high",
        label=lambda r: f"{r['role']}: {r['better']} - {r['worse']}",
        xlabel="difference in mean score",
        ref=0.0,
    )
    # 5. action shares of each role's strongest reference policy
    for role, pol, rows in _strongest_actions(study, rep):
        bars(
            f"actions_{role}.png",
            f"{role} = {pol}: share of each action (95%)",
            rows[:25],
            "share share_low share_high",
            others,
            label=lambda r: r["action"],
            xlabel="share of the role's actions",
            xmin=0.0,
        )
    # 6. event impacts (defaults base)
    ev = rep.tables["events"].rows
    base = A.label(study, study.plan.reference["defaults"])
    for role in study.role_ids:
        rows = sorted(
            [r for r in ev if r["role"] == role and r["base"] == base],
            key=lambda r: -abs(r["impact"]),
        )[:25]
        bars(
            f"events_{role}.png",
            f"{role}: impact of each event on the mean score (95%)",
            rows,
            "impact impact_low impact_high",
            "everyone on default policies; paired games",
            label=lambda r: r["event"],
            xlabel="score with the event minus score without it",
            ref=0.0,
        )
    return made


def _best_policy(study: Study, role: str) -> str | None:
    """The reference policy with the highest mean score for ``role`` (rollout, greedy...)."""
    best, best_v = None, -math.inf
    for key, spec in study.plan.reference.items():
        r, _, pol = key.partition("=")
        if r != role or pol.startswith("only:"):
            continue
        v = float(study.run(spec).scores[:, study.role_col(role)].mean())
        if v > best_v:
            best, best_v = pol, v
    return best


# ------------------------------------------------------------------------------------------------
def _markdown(study: Study, rep: Report, pngs: list[str], bench: dict | None) -> str:
    sc = study.scenario
    c = study.c
    doc = Doc(f"Balance report: {text_in(sc.meta.title)} (`{sc.meta.id}`)")
    kind = "quick" if study.quick else "full"
    gps = study.game_turns / study.seconds if study.seconds > 0 else 0.0
    doc.p(
        f"A {kind} study: **{study.games:,} games per profile**, seed {study.seed}, "
        f"{len(study.plan.grid)} policy profiles in the grid, {len(study.runs)} runs in all "
        f"(with reference runs, event ablations and order checks), {c.n_turns} turns per "
        f"game. Every run plays the same games (same seed, same game numbers), so "
        f"differences between runs are measured game by game. Played in "
        f"{study.seconds:.1f} s on {study.executor} ({study.n_tasks} chunks of up to "
        f"{study.chunk} games; {gps:,.0f} game-turns/s)."
    )
    if bench:
        doc.p(
            f"Scaling: the same study took {bench['t1']:.1f} s on 1 worker and "
            f"{bench['t2']:.1f} s on 2 workers: **{bench['ratio']:.2f}x**."
        )
    doc.p(
        "Intervals are 95 % intervals (see `docs/balance.md`); the verdicts use "
        "Bonferroni-corrected intervals across the declared expectations."
    )
    # --- verdict ---------------------------------------------------------------------------
    doc.h("Verdict on the declared expectations")
    if rep.verdicts:
        doc.table(
            [
                "expectation",
                "kind",
                "role",
                "measured",
                "estimate [interval]",
                "must be",
                "verdict",
                "note",
            ],
            [
                [v.id, v.kind, v.role, v.what, _fmt_est(v), v.bound, f"**{v.verdict}**", v.note]
                for v in rep.verdicts
            ],
        )
        n_fail = len(rep.failed)
        doc.p(
            f"**{len(rep.verdicts) - n_fail} of {len(rep.verdicts)} expectations hold.**"
            + (
                " PASS means the whole interval is on the right side of the bound; FAIL "
                "means it is entirely on the wrong side; NOT SHOWN means the interval "
                "straddles the bound: play more games (`--games`) or revisit the bound."
                if n_fail
                else ""
            )
        )
    else:
        doc.p(
            "The scenario declares no expectations (`balance: expectations:`), so "
            "nothing is checked. `docs/balance.md` explains how to declare them."
        )
    # --- the three questions ---------------------------------------------------------------
    doc.h("Answers")
    _answer_dominance(doc, rep)
    _answer_agency(doc, rep)
    _answer_raw_values(doc, study, rep)
    _answer_events(doc, study, rep)
    _answer_one_trick(doc, study, rep)
    _answer_order(doc, study, rep)
    # --- details ---------------------------------------------------------------------------
    doc.h("Outcomes by profile")
    doc.p(
        "Mean score (0-1) and the share of games with grade B or better, per role, for "
        "every profile of the grid (and the reference runs)."
    )
    prof = rep.tables["profiles"].rows
    by_profile: dict[str, dict[str, dict]] = {}
    kinds = {}
    for r in prof:
        by_profile.setdefault(r["profile"], {})[r["role"]] = r
        kinds[r["profile"]] = r["kind"]
    roles = study.role_ids
    doc.table(
        ["profile", *[f"{role} score" for role in roles], *[f"{role} ≥B" for role in roles]],
        [
            [
                p + (" *(ref)*" if kinds[p] == "reference" else ""),
                *[_ci(d[r]["mean_score"], d[r]["score_low"], d[r]["score_high"]) for r in roles],
                *[
                    _ci(d[r]["at_least_B"], d[r]["at_least_B_low"], d[r]["at_least_B_high"], True)
                    for r in roles
                ],
            ]
            for p, d in by_profile.items()
        ],
    )
    doc.images([(png, png) for png in pngs if png.startswith(("scores_", "grades", "distrib"))])
    doc.h("Dominance between policies")
    dom = rep.tables["dominance"].rows
    if dom:
        doc.table(
            [
                "role",
                "a",
                "b",
                "opponent profiles",
                "mean a - b",
                "lowest lower bound",
                "highest upper bound",
                "verdict",
            ],
            [
                [
                    r["role"],
                    r["policy_a"],
                    r["policy_b"],
                    str(r["opponent_profiles"]),
                    f"{r['mean_diff']:+.3f}",
                    f"{r['min_low']:+.3f}",
                    f"{r['max_high']:+.3f}",
                    r["verdict"],
                ]
                for r in dom
            ],
        )
    else:
        doc.p("Only one policy per role in the grid: no dominance to test.")
    doc.h("Action usage")
    doc.p(
        "The share of each role's actions that went to each action (all targets "
        "together), for each role's strongest reference policy; `actions.csv` has every "
        "profile."
    )
    for role, pol, rows_r in _strongest_actions(study, rep):
        doc.p(
            f"**{role} = {pol}:** "
            + "; ".join(
                f"{r['action']} {_ci(r['share'], r['share_low'], r['share_high'], pct=True)}"
                for r in rows_r[:8]
            )
        )
    doc.images([(png, png) for png in pngs if png.startswith("actions_")])
    doc.h("Event impact (paired ablation)")
    ev = rep.tables["events"].rows
    if ev:
        base = A.label(study, study.plan.reference["defaults"])
        doc.p(
            f"Each event that fired was switched off in turn (everyone on default "
            f"policies: {base}); impact = mean score with the event minus without it, on "
            'the same games. "Grade changed" is the share of games whose overall grade '
            "differs. Largest impacts first:"
        )
        rows_e = sorted([r for r in ev if r["base"] == base], key=lambda r: -abs(r["impact"]))[:20]
        doc.table(
            ["event", "role", "fired in", "impact [95%]", "grade changed"],
            [
                [
                    r["event"],
                    r["role"],
                    _pct(r["fired_share"]),
                    _ci(r["impact"], r["impact_low"], r["impact_high"]),
                    _ci(
                        r["grade_changed"],
                        r["grade_changed_low"],
                        r["grade_changed_high"],
                        pct=True,
                    ),
                ]
                for r in rows_e
            ],
        )
    else:
        doc.p("No event fired in the reference games.")
    doc.images([(png, png) for png in pngs if png.startswith("events_")])
    doc.h("Files")
    doc.p(
        "`expectations.csv` (verdicts), `profiles.csv` (scores and grade rates per "
        "profile and role), `grades.csv` (each grade's rate with Wilson intervals), "
        "`scores_hist.csv` (score distributions), `actions.csv` (action shares), "
        "`agency.csv` (paired policy gaps), `dominance.csv`, `events.csv` (ablations), "
        "`order.csv` (order fairness), `restricted.csv` (one-family play), `objectives.csv` "
        "(raw objective values by policy), `bands.csv` (suggested bands), `map.csv` (the "
        "largest change greedy play makes on the map), `study.json` (settings and timing). How to read them: `docs/balance.md`."
    )
    return doc.markdown()


def _strongest_actions(study: Study, rep: Report) -> list[tuple[str, str, list[dict]]]:
    """(role, its strongest reference policy, that policy's action rows by share, largest
    first) for every role that took actions."""
    act = rep.tables["actions"].rows
    out = []
    for role in study.role_ids:
        pol = _best_policy(study, role)
        if pol is None:
            continue
        lab = A.label(study, A.reference_run(study, role, pol))
        rows = sorted(
            [r for r in act if r["role"] == role and r["profile"] == lab], key=lambda r: -r["share"]
        )
        if rows:
            out.append((role, pol, rows))
    return out


def _fmt_est(v: A.Verdict) -> str:
    if not math.isfinite(v.estimate):
        return "–"
    if v.kind in ("grade_rate", "max_action_share"):
        return _ci(v.estimate, v.low, v.high, pct=True)
    return _ci(v.estimate, v.low, v.high)


def _answer_dominance(doc: Doc, rep: Report) -> None:
    doc.h("Is any role's policy dominant?", 3)
    if not rep.dominance:
        doc.p("The grid has no role with several policies, so dominance was not tested.")
        return
    items = []
    for d in rep.dominance:
        if len(d.policies) < 2:
            continue
        pay = ", ".join(
            f"{p} {v:.3f}" for p, v in sorted(d.mean_payoff.items(), key=lambda kv: -kv[1])
        )
        if d.dominant:
            item = (
                f"**{d.role}: yes, `{d.dominant[0]}`** scores higher than every other "
                f"policy against every combination of the other roles' policies "
                f"(mean scores: {pay})."
            )
        else:
            item = (
                f"**{d.role}: no** single policy beats all the others against every "
                f"opponent profile (mean scores: {pay})."
            )
        if d.surviving != d.policies:
            item += (
                f"\nAfter removing dominated policies repeatedly, {d.role} keeps: "
                f"{', '.join(d.surviving)}."
            )
        items.append(item)
    doc.ul(items)
    doc.p(
        "A competent policy (greedy, rollout) dominating random or passive play is what "
        "a game with meaningful choices should show. A concern is a *degenerate* policy "
        "(passive, one action family, one repeated action) that dominates, or one role "
        "whose every policy dominates the other roles' outcomes."
    )


def _answer_agency(doc: Doc, rep: Report) -> None:
    doc.h("Do choices matter? (agency gap)", 3)
    rows = rep.tables["agency"].rows
    if not rows:
        doc.p("No role has actions and objectives, so there is no agency to measure.")
        return
    items = []
    for r in rows:
        if (r["better"], r["worse"]) not in (
            ("greedy", "random"),
            ("rollout", "greedy"),
            ("rollout", "random"),
        ):
            continue
        sig = (
            "clearly positive"
            if r["gap_low"] > 0
            else "clearly negative"
            if r["gap_high"] < 0
            else "not distinguishable from zero"
        )
        items.append(
            f"**{r['role']}**: {r['better']} - {r['worse']} = "
            f"{_ci(r['gap'], r['gap_low'], r['gap_high'])} in mean score ({sig}); the "
            f"grade differs in {_pct(r['grade_changed'])} of the paired games."
        )
    doc.ul(items)
    doc.p(
        "The gap is measured on identical games with every other actor on its default "
        "policy. A gap near zero means the role's choices hardly change its outcome."
    )


def _answer_events(doc: Doc, study: Study, rep: Report) -> None:
    doc.h("Does any single event decide the game?", 3)
    base = A.label(study, study.plan.reference["defaults"])
    ev = [r for r in rep.tables["events"].rows if r["base"] == base]
    if not ev:
        doc.p("No event fired in the reference games.")
        return
    items = []
    for role in study.role_ids:
        rr = [r for r in ev if r["role"] == role]
        if not rr:
            continue
        top = max(rr, key=lambda r: abs(r["impact"]))
        topg = max(rr, key=lambda r: r["grade_changed"])
        gc = _ci(
            topg["grade_changed"], topg["grade_changed_low"], topg["grade_changed_high"], pct=True
        )
        items.append(
            f"**{role}**: the largest impact is `{top['event']}` "
            f"({_ci(top['impact'], top['impact_low'], top['impact_high'])} in mean "
            f"score); the event that changes the grade most often is `{topg['event']}` "
            f"({gc} of games)."
        )
    doc.ul(items)


def _answer_one_trick(doc: Doc, study: Study, rep: Report) -> None:
    doc.h("Does one trick win everything?", 3)
    items = []
    for role, pol, rr in _strongest_actions(study, rep):
        top = rr[0]
        items.append(
            f"**{role}**: its strongest policy here (`{pol}`) spends "
            f"{_ci(top['share'], top['share_low'], top['share_high'], pct=True)} of its "
            f"actions on `{top['action']}`, using {len(rr)} different actions."
        )
    res = rep.tables["restricted"].rows
    enough = [r for r in res if r["diff_low"] > -0.01]
    if res and enough:
        items.append(
            "Restricted play: "
            + "; ".join(
                f"{r['role']} with only `{r['policy'][5:]}` actions scores "
                f"{_ci(r['diff'], r['diff_low'], r['diff_high'])} against full greedy"
                for r in enough
            )
            + " (within 0.01 of playing with every action: one family "
            "is enough, a possible one-trick strategy)."
        )
    elif res:
        items.append(
            "Restricted play: no role does as well with a single action family as "
            "with all of them (playing only one family costs at least 0.01 in mean "
            "score against full greedy; `restricted.csv`)."
        )
    if items:
        doc.ul(items)
    else:
        doc.p("No role took actions in the reference runs.")


def _answer_order(doc: Doc, study: Study, rep: Report) -> None:
    doc.h("Is the resolution order fair?", 3)
    rows = rep.tables["order"].rows
    seats = [r for r in rows if r["variant"] == "reversed_seats"]
    powers = [r for r in rows if r["variant"] == "reversed_powers"]
    items = []
    if seats:
        ident = all(r["identical_states"] == "yes" for r in seats)
        items.append(
            "Seats choosing and paying in reverse order: "
            + (
                "**bit-identical final states** in every game"
                if ident
                else "**results differ**: see `order.csv`"
            )
            + "."
        )
    if powers:
        mx = max(r["max_abs_diff"] for r in powers)
        items.append(
            f"Powers declared in reverse order (so their effects are summed and "
            f"renormalised in another order): largest score difference in any game "
            f"{mx:.2g}."
        )
    sens = A.order_sensitive_conditions(study)
    if sens:
        items.append(
            "Caution: these actions' availability reads another actor's resources, "
            "which are paid during the same choice phase, so for them the seat order "
            "could matter: " + "; ".join(sens) + "."
        )
    doc.ul(items)
    doc.p(
        "The engine resolves all actors at once: additive effects are summed and "
        "dependence pushes applied in one renormalisation, so no actor moves first."
    )


def _num(x: float) -> str:
    return "–" if not math.isfinite(x) else f"{x:.2f}"


def _raw_values(study: Study, rep: Report) -> list[tuple[str, str, bool, list, dict]]:
    """Per objective of every role with actions: (role, objective id, lower is better,
    [(policy, its raw values as text)], its row of ``bands.csv``)."""
    obj, bands = rep.tables["objectives"].rows, rep.tables["bands"].rows
    out = []
    for role in study.role_ids:
        rr = [r for r in obj if r["role"] == role]
        band = {b["objective"]: b for b in bands if b["role"] == role}
        for oid in dict.fromkeys(r["objective"] for r in rr):
            cells = [
                (
                    r["policy"],
                    f"{_num(r['mean'])} [{_num(r['low'])}, {_num(r['high'])}]; "
                    f"{_num(r['q50'])}; {_num(r['q25'])}-{_num(r['q75'])}",
                )
                for r in rr
                if r["objective"] == oid
            ]
            low = any(r["lower_is_better"] for r in rr if r["objective"] == oid)
            out.append((role, oid, low, cells, band.get(oid, {})))
    return out


def _bands_of(b: dict, pre: str = "") -> str:
    return " ".join(f"{k} {b[pre + k]:g}" for k in "ABCD" if math.isfinite(b[pre + k]))


def _suggested(b: dict) -> str:
    return _bands_of(b, "suggested_") if "suggested_A" in b else b.get("note", "")


def _map_lines(rep: Report) -> list[str]:
    return [
        f"{m['role']}: greedy - passive moves {m['power']}'s share of {m['state']} by "
        f"{m['diff']:+.1f} points ({m['worse_share']:.1f} -> {m['better_share']:.1f}), "
        "the largest change on the map"
        for m in rep.tables["map"].rows
    ]


def _answer_raw_values(doc: Doc, study: Study, rep: Report) -> None:
    doc.h("What does each policy achieve? (raw objective values)", 3)
    rows = _raw_values(study, rep)
    if not rows:
        doc.p("No role has actions and objectives.")
        return
    doc.p(
        "The value each objective reaches at the end, in its own units, with the role on "
        "each policy and everyone else on their defaults: mean [95 % interval], median, "
        "and the middle half of the games (25th-75th percentile). The suggested bands put "
        "passive play at about D, the historical path at about C and greedy play's better "
        'games at A (see `docs/balance.md`, "Setting bands").'
    )
    pols = list(dict.fromkeys(p for *_, cells, _ in rows for p, _ in cells))
    table = []
    for role, oid, low, cells, b in rows:
        by = dict(cells)
        table.append(
            [
                f"**{role}** `{oid}`" + (" (lower is better)" if low else ""),
                *[by.get(p, "–") for p in pols],
                _bands_of(b) if b else "",
                _suggested(b) if b else "",
            ]
        )
    doc.table(["objective", *pols, "bands now", "suggested bands"], table)
    doc.ul(_map_lines(rep))


def raw_value_lines(study: Study, rep: Report) -> list[str]:
    """Each objective's raw value by policy (mean [95 % interval], median and the middle half
    of the games), the bands suggested from them, and the largest change greedy play makes on
    the map, as plain text for the terminal."""
    L = ["raw objective values by policy (mean [95% interval]; median; middle half):"]
    for role, oid, low, cells, b in _raw_values(study, rep):
        L.append(f"  {role} {oid}" + (" (lower is better)" if low else ""))
        L += [f"    {p:<11} {text}" for p, text in cells]
        if b:
            L.append(f"    bands now: {_bands_of(b)}; suggested: {_suggested(b)}")
    L += [f"  {line}" for line in _map_lines(rep)]
    return L


def verdict_lines(rep: Report) -> list[str]:
    """The verdict table as plain text (for the terminal)."""
    if not rep.verdicts:
        return ["no expectations declared"]
    w = max(len(v.id) for v in rep.verdicts)
    out = []
    for v in rep.verdicts:
        out.append(
            f"  {v.verdict:<9} {v.id:<{w}}  {v.role:<4} {_fmt_est(v):<28} must be "
            f"{v.bound}" + (f"  ({v.note})" if v.note else "")
        )
    return out


__all__ = ["Report", "build", "write", "verdict_lines", "table_csv", "stats"]
