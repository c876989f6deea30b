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
from pathlib import Path

import numpy as np

from ..engine.core import GRADES
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


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


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
    if not charts.available():
        return []
    made: list[str] = []
    prof = rep.tables["profiles"].rows
    # 1. mean score of each role by profile (grid), with intervals
    for role in study.role_ids:
        rows = [r for r in prof if r["role"] == role and r["kind"] == "grid"]
        if not rows:
            rows = [r for r in prof if r["role"] == role]
        rows = rows[:60]
        name = f"scores_{role}.png"
        if charts.hbars(
            out / name,
            f"{role}: mean score by profile (95% intervals)",
            [r["profile"] for r in rows],
            [r["mean_score"] for r in rows],
            [r["score_low"] for r in rows],
            [r["score_high"] for r in rows],
            xlabel="mean score (0 = F ... 1 = A on every objective)",
            xmin=0.0,
            xmax=1.0,
        ):
            made.append(name)
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
    if charts.stacked(
        out / "grades.png",
        "Grades of each role by its policy",
        labels,
        g_rows,
        list(GRADES),
        subtitle="every other actor on its default policy",
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
        if series and charts.histograms(
            out / f"distribution_{role}.png",
            f"{role}: score distribution by policy",
            series,
            edges.tolist(),
            subtitle="every other actor on its default policy",
        ):
            made.append(f"distribution_{role}.png")
    # 4. agency gaps
    ag = rep.tables["agency"].rows
    if ag and charts.hbars(
        out / "agency.png",
        "Do choices matter? Paired score gaps (95%)",
        [f"{r['role']}: {r['better']} - {r['worse']}" for r in ag],
        [r["gap"] for r in ag],
        [r["gap_low"] for r in ag],
        [r["gap_high"] for r in ag],
        xlabel="difference in mean score",
        ref=0.0,
    ):
        made.append("agency.png")
    # 5. action shares of each role's strongest reference policy
    act = rep.tables["actions"].rows
    for role in study.role_ids:
        pol = _best_policy(study, role)
        if pol is None:
            continue
        from .analysis import label

        lab = label(study, A._ref(study, role, pol))
        rows = sorted(
            [r for r in act if r["role"] == role and r["profile"] == lab], key=lambda r: -r["share"]
        )[:25]
        if rows and charts.hbars(
            out / f"actions_{role}.png",
            f"{role} = {pol}: share of each action (95%)",
            [r["action"] for r in rows],
            [r["share"] for r in rows],
            [r["share_low"] for r in rows],
            [r["share_high"] for r in rows],
            xlabel="share of the role's actions",
            xmin=0.0,
            subtitle="every other actor on its default policy",
        ):
            made.append(f"actions_{role}.png")
    # 6. event impacts (defaults base)
    ev = rep.tables["events"].rows
    base = A.label(study, study.plan.reference["defaults"])
    for role in study.role_ids:
        rows = sorted(
            [r for r in ev if r["role"] == role and r["base"] == base],
            key=lambda r: -abs(r["impact"]),
        )[:25]
        if rows and charts.hbars(
            out / f"events_{role}.png",
            f"{role}: impact of each event on the mean score (95%)",
            [r["event"] for r in rows],
            [r["impact"] for r in rows],
            [r["impact_low"] for r in rows],
            [r["impact_high"] for r in rows],
            xlabel="score with the event minus score without it",
            ref=0.0,
            subtitle="everyone on default policies; paired games",
        ):
            made.append(f"events_{role}.png")
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
    L: list[str] = []
    title = text_in(sc.meta.title)
    L.append(f"# Balance report: {title} (`{sc.meta.id}`)")
    L.append("")
    kind = "quick" if study.quick else "full"
    gps = study.game_turns / study.seconds if study.seconds > 0 else 0.0
    L.append(
        f"A {kind} study: **{study.games:,} games per profile**, seed {study.seed}, "
        f"{len(study.plan.grid)} policy profiles in the grid, {len(study.runs)} runs in all "
        f"(with reference runs, event ablations and order checks), {c.n_turns} turns per "
        f"game. Every run plays the same games (same seed, same game numbers), so "
        f"differences between runs are measured game by game. Played in "
        f"{study.seconds:.1f} s on {study.executor} ({study.n_tasks} chunks of up to "
        f"{study.chunk} games; {gps:,.0f} game-turns/s)."
    )
    if bench:
        L.append("")
        L.append(
            f"Scaling: the same study took {bench['t1']:.1f} s on 1 worker and "
            f"{bench['t2']:.1f} s on 2 workers: **{bench['ratio']:.2f}x**."
        )
    L.append("")
    L.append(
        "Intervals are 95 % intervals (see `docs/balance.md`); the verdicts use "
        "Bonferroni-corrected intervals across the declared expectations."
    )
    L.append("")
    # --- verdict ---------------------------------------------------------------------------
    L.append("## Verdict on the declared expectations")
    L.append("")
    if rep.verdicts:
        rows = [
            [v.id, v.kind, v.role, v.what, _fmt_est(v), v.bound, f"**{v.verdict}**", v.note]
            for v in rep.verdicts
        ]
        L += _md_table(
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
            rows,
        )
        n_fail = len(rep.failed)
        L.append("")
        L.append(
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
        L.append(
            "The scenario declares no expectations (`balance: expectations:`), so "
            "nothing is checked. `docs/balance.md` explains how to declare them."
        )
    L.append("")
    # --- the three questions ---------------------------------------------------------------
    L.append("## Answers")
    L.append("")
    L += _answer_dominance(study, rep)
    L += _answer_agency(study, rep)
    L += _answer_events(study, rep)
    L += _answer_one_trick(study, rep)
    L += _answer_order(study, rep)
    # --- details ---------------------------------------------------------------------------
    L.append("## Outcomes by profile")
    L.append("")
    L.append(
        "Mean score (0-1) and the share of games with grade B or better, per role, for "
        "every profile of the grid (and the reference runs)."
    )
    L.append("")
    prof = rep.tables["profiles"].rows
    by_profile: dict[str, dict[str, dict]] = {}
    kinds = {}
    for r in prof:
        by_profile.setdefault(r["profile"], {})[r["role"]] = r
        kinds[r["profile"]] = r["kind"]
    header = [
        "profile",
        *[f"{role} score" for role in study.role_ids],
        *[f"{role} ≥B" for role in study.role_ids],
    ]
    rows = []
    for p, d in by_profile.items():
        rows.append(
            [
                p + (" *(ref)*" if kinds[p] == "reference" else ""),
                *[
                    _ci(d[r]["mean_score"], d[r]["score_low"], d[r]["score_high"])
                    for r in study.role_ids
                ],
                *[
                    _ci(
                        d[r]["at_least_B"],
                        d[r]["at_least_B_low"],
                        d[r]["at_least_B_high"],
                        pct=True,
                    )
                    for r in study.role_ids
                ],
            ]
        )
    L += _md_table(header, rows)
    L.append("")
    for png in pngs:
        if png.startswith(("scores_", "grades", "distribution_")):
            L.append(f"![{png}]({png})")
    L.append("")
    L.append("## Dominance between policies")
    L.append("")
    dom = rep.tables["dominance"].rows
    if dom:
        L += _md_table(
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
        L.append("Only one policy per role in the grid: no dominance to test.")
    L.append("")
    L.append("## Action usage")
    L.append("")
    L.append(
        "The share of each role's actions that went to each action (all targets "
        "together), for each role's strongest reference policy; `actions.csv` has every "
        "profile."
    )
    L.append("")
    act = rep.tables["actions"].rows
    for role in study.role_ids:
        pol = _best_policy(study, role)
        if pol is None:
            continue
        lab = A.label(study, A._ref(study, role, pol))
        rows_r = sorted(
            [r for r in act if r["role"] == role and r["profile"] == lab], key=lambda r: -r["share"]
        )[:8]
        if rows_r:
            L.append(
                f"**{role} = {pol}:** "
                + "; ".join(
                    f"{r['action']} {_ci(r['share'], r['share_low'], r['share_high'], pct=True)}"
                    for r in rows_r
                )
            )
            L.append("")
    for png in pngs:
        if png.startswith("actions_"):
            L.append(f"![{png}]({png})")
    L.append("")
    L.append("## Event impact (paired ablation)")
    L.append("")
    ev = rep.tables["events"].rows
    if ev:
        base = A.label(study, study.plan.reference["defaults"])
        L.append(
            f"Each event that fired was switched off in turn (everyone on default "
            f"policies: {base}); impact = mean score with the event minus without it, on "
            'the same games. "Grade changed" is the share of games whose overall grade '
            "differs. Largest impacts first:"
        )
        L.append("")
        rows_e = sorted([r for r in ev if r["base"] == base], key=lambda r: -abs(r["impact"]))[:20]
        L += _md_table(
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
        L.append("No event fired in the reference games.")
    L.append("")
    for png in pngs:
        if png.startswith("events_"):
            L.append(f"![{png}]({png})")
    L.append("")
    L.append("## Files")
    L.append("")
    L.append(
        "`expectations.csv` (verdicts), `profiles.csv` (scores and grade rates per "
        "profile and role), `grades.csv` (each grade's rate with Wilson intervals), "
        "`scores_hist.csv` (score distributions), `actions.csv` (action shares), "
        "`agency.csv` (paired policy gaps), `dominance.csv`, `events.csv` (ablations), "
        "`order.csv` (order fairness), `restricted.csv` (one-family play), `study.json` "
        "(settings and timing). How to read them: `docs/balance.md`."
    )
    L.append("")
    return "\n".join(L)


def _fmt_est(v: A.Verdict) -> str:
    if not math.isfinite(v.estimate):
        return "–"
    if v.kind in ("grade_rate", "max_action_share"):
        return _ci(v.estimate, v.low, v.high, pct=True)
    return _ci(v.estimate, v.low, v.high)


def _answer_dominance(study: Study, rep: Report) -> list[str]:
    L = ["### Is any role's policy dominant?", ""]
    if not rep.dominance:
        L += ["The grid has no role with several policies, so dominance was not tested.", ""]
        return L
    for d in rep.dominance:
        if len(d.policies) < 2:
            continue
        pay = ", ".join(
            f"{p} {v:.3f}" for p, v in sorted(d.mean_payoff.items(), key=lambda kv: -kv[1])
        )
        if d.dominant:
            L.append(
                f"- **{d.role}: yes, `{d.dominant[0]}`** scores higher than every other "
                f"policy against every combination of the other roles' policies "
                f"(mean scores: {pay})."
            )
        else:
            L.append(
                f"- **{d.role}: no** single policy beats all the others against every "
                f"opponent profile (mean scores: {pay})."
            )
        if d.surviving != d.policies:
            L.append(
                f"  After removing dominated policies repeatedly, {d.role} keeps: "
                f"{', '.join(d.surviving)}."
            )
    L.append("")
    L.append(
        "A competent policy (greedy, rollout) dominating random or passive play is what "
        "a game with meaningful choices should show. A concern is a *degenerate* policy "
        "(passive, one action family, one repeated action) that dominates, or one role "
        "whose every policy dominates the other roles' outcomes."
    )
    L.append("")
    return L


def _answer_agency(study: Study, rep: Report) -> list[str]:
    L = ["### Do choices matter? (agency gap)", ""]
    rows = rep.tables["agency"].rows
    if not rows:
        L += ["No role has actions and objectives, so there is no agency to measure.", ""]
        return L
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
        L.append(
            f"- **{r['role']}**: {r['better']} - {r['worse']} = "
            f"{_ci(r['gap'], r['gap_low'], r['gap_high'])} in mean score ({sig}); the "
            f"grade differs in {_pct(r['grade_changed'])} of the paired games."
        )
    L.append("")
    L.append(
        "The gap is measured on identical games with every other actor on its default "
        "policy. A gap near zero means the role's choices hardly change its outcome."
    )
    L.append("")
    return L


def _answer_events(study: Study, rep: Report) -> list[str]:
    L = ["### Does any single event decide the game?", ""]
    ev = rep.tables["events"].rows
    base = A.label(study, study.plan.reference["defaults"])
    ev = [r for r in ev if r["base"] == base]
    if not ev:
        L += ["No event fired in the reference games.", ""]
        return L
    for role in study.role_ids:
        rr = [r for r in ev if r["role"] == role]
        if not rr:
            continue
        top = max(rr, key=lambda r: abs(r["impact"]))
        topg = max(rr, key=lambda r: r["grade_changed"])
        gc = _ci(
            topg["grade_changed"], topg["grade_changed_low"], topg["grade_changed_high"], pct=True
        )
        L.append(
            f"- **{role}**: the largest impact is `{top['event']}` "
            f"({_ci(top['impact'], top['impact_low'], top['impact_high'])} in mean "
            f"score); the event that changes the grade most often is `{topg['event']}` "
            f"({gc} of games)."
        )
    L.append("")
    return L


def _answer_one_trick(study: Study, rep: Report) -> list[str]:
    L = ["### Does one trick win everything?", ""]
    act = rep.tables["actions"].rows
    any_line = False
    for role in study.role_ids:
        pol = _best_policy(study, role)
        if pol is None:
            continue
        lab = A.label(study, A._ref(study, role, pol))
        rr = [r for r in act if r["role"] == role and r["profile"] == lab]
        if not rr:
            continue
        top = max(rr, key=lambda r: r["share"])
        L.append(
            f"- **{role}**: its strongest policy here (`{pol}`) spends "
            f"{_ci(top['share'], top['share_low'], top['share_high'], pct=True)} of its "
            f"actions on `{top['action']}`, using {len(rr)} different actions."
        )
        any_line = True
    res = rep.tables["restricted"].rows
    enough = [r for r in res if r["diff_low"] > -0.01]
    if res:
        if enough:
            L.append(
                "- Restricted play: "
                + "; ".join(
                    f"{r['role']} with only `{r['policy'][5:]}` actions scores "
                    f"{_ci(r['diff'], r['diff_low'], r['diff_high'])} against full greedy"
                    for r in enough
                )
                + " (within 0.01 of playing with every action: one family "
                "is enough, a possible one-trick strategy)."
            )
        else:
            L.append(
                "- Restricted play: no role does as well with a single action family as "
                "with all of them (playing only one family costs at least 0.01 in mean "
                "score against full greedy; `restricted.csv`)."
            )
        any_line = True
    if not any_line:
        L.append("No role took actions in the reference runs.")
    L.append("")
    return L


def _answer_order(study: Study, rep: Report) -> list[str]:
    L = ["### Is the resolution order fair?", ""]
    rows = rep.tables["order"].rows
    seats = [r for r in rows if r["variant"] == "reversed_seats"]
    powers = [r for r in rows if r["variant"] == "reversed_powers"]
    if seats:
        ident = all(r["identical_states"] == "yes" for r in seats)
        L.append(
            "- Seats choosing and paying in reverse order: "
            + (
                "**bit-identical final states** in every game"
                if ident
                else "**results differ**: see `order.csv`"
            )
            + "."
        )
    if powers:
        mx = max(r["max_abs_diff"] for r in powers)
        L.append(
            f"- Powers declared in reverse order (so their effects are summed and "
            f"renormalised in another order): largest score difference in any game "
            f"{mx:.2g}."
        )
    sens = A.order_sensitive_conditions(study)
    if sens:
        L.append(
            "- Caution: these actions' availability reads another actor's resources, "
            "which are paid during the same choice phase, so for them the seat order "
            "could matter: " + "; ".join(sens) + "."
        )
    L.append("")
    L.append(
        "The engine resolves all actors at once: additive effects are summed and "
        "dependence pushes applied in one renormalisation, so no actor moves first."
    )
    L.append("")
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
