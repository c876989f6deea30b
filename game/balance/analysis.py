"""From a played study to tables: rates with intervals, paired gaps, dominance, event impact,
order fairness and the verdict of every declared expectation.

Every table is a list of rows (dicts) with a fixed column order, so the CSV files written from
them are byte-identical whenever the study's numbers are.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..engine.core import GRADES
from ..scenario.model import Expectation, text_in
from . import stats
from .sim import RunSpec
from .study import Study, profile

GRADE_INDEX = {g: i for i, g in enumerate(GRADES)}
HIST_BINS = 20


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[dict] = field(default_factory=list)

    def add(self, **row: object) -> None:
        self.rows.append(row)


@dataclass
class Verdict:
    id: str
    kind: str
    role: str
    what: str
    estimate: float
    low: float
    high: float
    bound: str
    verdict: str  # PASS, FAIL or NOT SHOWN
    note: str = ""

    @property
    def passed(self) -> bool:
        return self.verdict == "PASS"


def label(study: Study, spec: RunSpec) -> str:
    """A profile in short: the studied roles' policies (``JPN=greedy RUS=random``), or the
    assignments that differ from the defaults."""
    pol = spec.names()
    roles = study.plan.roles
    if roles:
        s = " ".join(f"{r}={pol[r]}" for r in roles if r in pol)
        rest = [
            f"{a}={p}"
            for a, p in spec.policies
            if a not in roles and p != study.plan.defaults.get(a)
        ]
        return " ".join([s, *rest]).strip() or "defaults"
    diff = [f"{a}={p}" for a, p in spec.policies if p != study.plan.defaults.get(a)]
    return " ".join(diff) or "defaults"


def _fmt_run(study: Study, spec: RunSpec) -> str:
    out = label(study, spec)
    if spec.ablate:
        out += " without " + "+".join(study.c.event_ids[e] for e in spec.ablate)
    if spec.variant:
        out += f" [{spec.variant}]"
    return out


def main_runs(study: Study) -> list[tuple[str, RunSpec]]:
    """(kind, spec) of every grid and reference run, grid first, no duplicates."""
    out: list[tuple[str, RunSpec]] = []
    seen = set()
    for s in study.plan.grid:
        if s.key not in seen:
            seen.add(s.key)
            out.append(("grid", s))
    for s in study.plan.reference.values():
        if s.key not in seen:
            seen.add(s.key)
            out.append(("reference", s))
    return out


# ------------------------------------------------------------------------------------------------
def profile_table(study: Study) -> Table:
    t = Table(
        "profiles",
        [
            "kind",
            "profile",
            "role",
            "policy",
            "games",
            "mean_score",
            "score_low",
            "score_high",
            "score_sd",
            "rate_A",
            "rate_B",
            "rate_C",
            "rate_D",
            "rate_F",
            "at_least_B",
            "at_least_B_low",
            "at_least_B_high",
        ],
    )
    for kind, spec in main_runs(study):
        r = study.run(spec)
        pol = spec.names()
        for j, role in enumerate(study.role_ids):
            x = r.scores[:, j]
            m, lo, hi = stats.mean_ci(x)
            g = r.grades[:, j]
            n = g.size
            rates = [float((g == i).mean()) for i in range(5)]
            kb = int((g <= 1).sum())
            _, blo, bhi = stats.wilson(kb, n)
            t.add(
                kind=kind,
                profile=label(study, spec),
                role=role,
                policy=pol.get(role, "(no actions)"),
                games=n,
                mean_score=m,
                score_low=lo,
                score_high=hi,
                score_sd=float(x.std(ddof=1)) if n > 1 else 0.0,
                rate_A=rates[0],
                rate_B=rates[1],
                rate_C=rates[2],
                rate_D=rates[3],
                rate_F=rates[4],
                at_least_B=kb / n,
                at_least_B_low=blo,
                at_least_B_high=bhi,
            )
    return t


def grade_table(study: Study) -> Table:
    t = Table(
        "grades",
        [
            "profile",
            "role",
            "grade",
            "games",
            "count",
            "rate",
            "low",
            "high",
            "at_least",
            "at_least_low",
            "at_least_high",
        ],
    )
    for _, spec in main_runs(study):
        r = study.run(spec)
        for j, role in enumerate(study.role_ids):
            g = r.grades[:, j]
            n = g.size
            for i, letter in enumerate(GRADES):
                k = int((g == i).sum())
                ka = int((g <= i).sum())
                p, lo, hi = stats.wilson(k, n)
                pa, alo, ahi = stats.wilson(ka, n)
                t.add(
                    profile=label(study, spec),
                    role=role,
                    grade=letter,
                    games=n,
                    count=k,
                    rate=p,
                    low=lo,
                    high=hi,
                    at_least=pa,
                    at_least_low=alo,
                    at_least_high=ahi,
                )
    return t


def histogram_table(study: Study) -> Table:
    t = Table("scores_hist", ["profile", "role", "bin_low", "bin_high", "count"])
    edges = np.linspace(0.0, 1.0, HIST_BINS + 1)
    for _, spec in main_runs(study):
        r = study.run(spec)
        for j, role in enumerate(study.role_ids):
            h, _ = np.histogram(np.clip(r.scores[:, j], 0, 1), bins=edges)
            for b in range(HIST_BINS):
                t.add(
                    profile=label(study, spec),
                    role=role,
                    bin_low=edges[b],
                    bin_high=edges[b + 1],
                    count=int(h[b]),
                )
    return t


def action_table(study: Study) -> Table:
    t = Table(
        "actions",
        [
            "profile",
            "role",
            "policy",
            "action",
            "family",
            "count",
            "share",
            "share_low",
            "share_high",
            "games_using",
        ],
    )
    acts = study.scenario.actions
    for _, spec in main_runs(study):
        r = study.run(spec)
        pol = spec.names()
        for j, role in enumerate(study.role_ids):
            ra = r.role_actions[:, j, :].astype(np.int64)
            den = ra.sum(axis=1)
            if den.sum() == 0:
                continue
            for a in np.nonzero(ra.sum(axis=0))[0]:
                s, lo, hi = stats.ratio_ci(ra[:, a], den)
                t.add(
                    profile=label(study, spec),
                    role=role,
                    policy=pol.get(role, ""),
                    action=acts[a].id,
                    family=acts[a].family,
                    count=int(ra[:, a].sum()),
                    share=s,
                    share_low=lo,
                    share_high=hi,
                    games_using=int((ra[:, a] > 0).sum()),
                )
    return t


# ------------------------------------------------------------------------------------------------
def reference_run(study: Study, role: str, pol: str) -> RunSpec:
    """The run in which ``role`` plays ``pol`` and every other actor its default policy."""
    return profile(study.c, study.plan.defaults, **{role: pol})


def paired(
    study: Study, role: str, better: RunSpec, worse: RunSpec, z: float | None = None
) -> tuple[float, float, float, float]:
    j = study.role_col(role)
    d = study.run(better).scores[:, j] - study.run(worse).scores[:, j]
    m, lo, hi = stats.paired_diff(study.run(better).scores[:, j], study.run(worse).scores[:, j], z)
    return m, lo, hi, float(d.std(ddof=1)) if d.size > 1 else 0.0


def agency_table(study: Study) -> Table:
    """Greedy minus random per role (others on defaults), and the stronger comparisons the study
    has (rollout minus greedy, rollout minus random), paired game by game."""
    t = Table(
        "agency",
        [
            "role",
            "better",
            "worse",
            "games",
            "better_mean",
            "worse_mean",
            "gap",
            "gap_low",
            "gap_high",
            "gap_sd",
            "grade_changed",
            "better_grade_at_least_B",
            "worse_grade_at_least_B",
        ],
    )
    pairs = [
        ("greedy", "random"),
        ("rollout", "greedy"),
        ("rollout", "random"),
        ("strategic", "random"),
        ("historical", "random"),
    ]
    for role in study.role_ids:
        if role not in study.plan.defaults:
            continue
        for b, w in pairs:
            key_b, key_w = reference_run(study, role, b), reference_run(study, role, w)
            if key_b.key not in study.runs or key_w.key not in study.runs:
                continue
            j = study.role_col(role)
            rb, rw = study.run(key_b), study.run(key_w)
            m, lo, hi, sd = paired(study, role, key_b, key_w)
            t.add(
                role=role,
                better=b,
                worse=w,
                games=rb.scores.shape[0],
                better_mean=float(rb.scores[:, j].mean()),
                worse_mean=float(rw.scores[:, j].mean()),
                gap=m,
                gap_low=lo,
                gap_high=hi,
                gap_sd=sd,
                grade_changed=float((rb.grades[:, j] != rw.grades[:, j]).mean()),
                better_grade_at_least_B=float((rb.grades[:, j] <= 1).mean()),
                worse_grade_at_least_B=float((rw.grades[:, j] <= 1).mean()),
            )
    return t


def restricted_table(study: Study) -> Table:
    """Restricted play (only one action family) against the full greedy agent."""
    t = Table(
        "restricted",
        [
            "role",
            "policy",
            "games",
            "mean",
            "greedy_mean",
            "diff",
            "diff_low",
            "diff_high",
            "verdict",
        ],
    )
    for name, spec in study.plan.reference.items():
        role, _, pol = name.partition("=")
        if not pol.startswith("only:"):
            continue
        g = reference_run(study, role, "greedy")
        if g.key not in study.runs:
            continue
        j = study.role_col(role)
        m, lo, hi, _ = paired(study, role, spec, g)
        verdict = (
            "one family is enough: as good as full greedy"
            if lo > -0.01
            else "worse than full greedy"
            if hi < 0
            else "about as good"
        )
        t.add(
            role=role,
            policy=pol,
            games=study.games,
            mean=float(study.run(spec).scores[:, j].mean()),
            greedy_mean=float(study.run(g).scores[:, j].mean()),
            diff=m,
            diff_low=lo,
            diff_high=hi,
            verdict=verdict,
        )
    return t


# ------------------------------------------------------------------------------------------------
@dataclass
class Dominance:
    role: str
    policies: list[str]
    matrix: dict[tuple[str, str], str]  # (a, b) -> ">" a dominates b, "<", "~"
    dominant: list[str]
    surviving: list[str]  # after iterated elimination of strictly dominated policies
    mean_payoff: dict[str, float]


def dominance_analysis(study: Study) -> tuple[Table, list[Dominance]]:
    """Strict dominance between each role's policies across the grid, with paired intervals:
    ``a`` dominates ``b`` when, against **every** combination of the other roles' policies,
    the lower end of the interval of (score with a - score with b) is above zero. Intervals are
    Bonferroni-corrected over all the comparisons of the role."""
    t = Table(
        "dominance",
        [
            "role",
            "policy_a",
            "policy_b",
            "opponent_profiles",
            "mean_diff",
            "min_low",
            "max_high",
            "verdict",
        ],
    )
    roles = study.plan.roles
    grid_keys = {s.key for s in study.plan.grid}
    out: list[Dominance] = []
    pols = study.plan.grid_policies

    def spec_of(assign: dict[str, str]) -> RunSpec:
        return profile(study.c, study.plan.defaults, **assign)

    # payoff lookup: (role, full grid assignment) -> per-game scores of that role
    def diffs(
        role: str, a: str, b: str, opp_roles: list[str], opp_sets: dict[str, list[str]]
    ) -> list[np.ndarray]:
        res = []
        for combo in _product([opp_sets[r] for r in opp_roles]):
            base = dict(zip(opp_roles, combo))
            sa, sb = spec_of({**base, role: a}), spec_of({**base, role: b})
            if sa.key not in grid_keys or sb.key not in grid_keys:
                continue
            j = study.role_col(role)
            res.append(study.run(sa).scores[:, j] - study.run(sb).scores[:, j])
        return res

    scored = [r for r in roles if r in study.role_ids]
    for role in scored:
        ps = pols[role]
        opp = [r for r in roles if r != role]
        n_opp = int(np.prod([len(pols[r]) for r in opp])) if opp else 1
        n_cmp = max(1, len(ps) * (len(ps) - 1) // 2 * n_opp)
        z = stats.z_for(stats.CONFIDENCE, n_cmp)
        matrix: dict[tuple[str, str], str] = {}
        for i, a in enumerate(ps):
            for b in ps[i + 1 :]:
                ds = diffs(role, a, b, opp, pols)
                if not ds:
                    continue
                cis = [stats.mean_ci(d, z) for d in ds]
                lows = [c[1] for c in cis]
                highs = [c[2] for c in cis]
                mean = float(np.mean([c[0] for c in cis]))
                if min(lows) > 0:
                    v = f"{a} dominates {b}"
                    matrix[(a, b)], matrix[(b, a)] = ">", "<"
                elif max(highs) < 0:
                    v = f"{b} dominates {a}"
                    matrix[(a, b)], matrix[(b, a)] = "<", ">"
                else:
                    v = "neither"
                    matrix[(a, b)] = matrix[(b, a)] = "~"
                t.add(
                    role=role,
                    policy_a=a,
                    policy_b=b,
                    opponent_profiles=len(ds),
                    mean_diff=mean,
                    min_low=min(lows),
                    max_high=max(highs),
                    verdict=v,
                )
        dominant = [
            a for a in ps if len(ps) > 1 and all(matrix.get((a, b)) == ">" for b in ps if b != a)
        ]
        payoff = {}
        for a in ps:
            vals = [
                study.run(s).scores[:, study.role_col(role)].mean()
                for s in study.plan.grid
                if s.names().get(role) == a
            ]
            payoff[a] = float(np.mean(vals)) if vals else math.nan
        out.append(Dominance(role, list(ps), matrix, dominant, list(ps), payoff))
    _iterated_elimination(study, out, spec_of, grid_keys)
    return t, out


def _product(lists: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    import itertools

    return list(itertools.product(*lists)) if lists else [()]


def _iterated_elimination(study: Study, doms: list[Dominance], spec_of, grid_keys) -> None:  # noqa: ANN001
    """Remove strictly dominated policies (against the surviving opponents) until none is."""
    alive = {d.role: list(d.policies) for d in doms}
    roles = study.plan.roles
    pols = study.plan.grid_policies
    changed = True
    while changed:
        changed = False
        for d in doms:
            ps = alive[d.role]
            if len(ps) < 2:
                continue
            opp = [r for r in roles if r != d.role]
            sets = {r: alive.get(r, pols[r]) for r in opp}
            n_cmp = max(1, len(pols[d.role]) ** 2 * int(np.prod([len(pols[r]) for r in opp])))
            z = stats.z_for(stats.CONFIDENCE, n_cmp)
            j = study.role_col(d.role)
            for b in list(ps):
                for a in ps:
                    if a == b:
                        continue
                    ok = True
                    for combo in _product([sets[r] for r in opp]):
                        base = dict(zip(opp, combo))
                        sa, sb = spec_of({**base, d.role: a}), spec_of({**base, d.role: b})
                        if sa.key not in grid_keys or sb.key not in grid_keys:
                            ok = False
                            break
                        _, lo, _ = stats.paired_diff(
                            study.run(sa).scores[:, j], study.run(sb).scores[:, j], z
                        )
                        if lo <= 0:
                            ok = False
                            break
                    if ok:
                        ps.remove(b)
                        changed = True
                        break
                if changed:
                    break
            if changed:
                break
    for d in doms:
        d.surviving = alive[d.role]


# ------------------------------------------------------------------------------------------------
def event_table(study: Study) -> Table:
    """Each event's effect on each role: score with all events minus score without that event,
    paired game by game, and the share of games whose grade it changes."""
    t = Table(
        "events",
        [
            "base",
            "event",
            "title",
            "role",
            "fired_share",
            "impact",
            "impact_low",
            "impact_high",
            "grade_changed",
            "grade_changed_low",
            "grade_changed_high",
        ],
    )
    c = study.c
    for base_key, abl in study.ablations.items():
        base = study.runs[base_key]
        for e, key in sorted(abl.items()):
            r = study.runs[key]
            n = base.scores.shape[0]
            for j, role in enumerate(study.role_ids):
                m, lo, hi = stats.paired_diff(base.scores[:, j], r.scores[:, j])
                k = int((base.grades[:, j] != r.grades[:, j]).sum())
                p, plo, phi = stats.wilson(k, n)
                t.add(
                    base=_fmt_run(study, base.spec),
                    event=c.event_ids[e],
                    title=text_in(study.scenario.events[e].title),
                    role=role,
                    fired_share=float(base.event_games[e]) / n,
                    impact=m,
                    impact_low=lo,
                    impact_high=hi,
                    grade_changed=p,
                    grade_changed_low=plo,
                    grade_changed_high=phi,
                )
    return t


def order_table(study: Study) -> Table:
    """Order fairness: the same games with the seats choosing in reverse order (must be
    bit-identical: same final states), and with the powers declared in reverse order (the
    arithmetic sums in another order, so equal up to rounding)."""
    t = Table(
        "order",
        [
            "base",
            "variant",
            "role",
            "identical_states",
            "max_abs_diff",
            "mean_diff",
            "diff_low",
            "diff_high",
            "grade_changed",
        ],
    )
    for base, var in study.plan.order_checks:
        rb, rv = study.run(base), study.run(var)
        same = var.variant == "reversed_seats" and rb.digests == rv.digests
        for j, role in enumerate(study.role_ids):
            d = rv.scores[:, j] - rb.scores[:, j]
            m, lo, hi = stats.mean_ci(d)
            t.add(
                base=label(study, base),
                variant=var.variant,
                role=role,
                identical_states=("yes" if same else "no")
                if var.variant == "reversed_seats"
                else "n/a",
                max_abs_diff=float(np.abs(d).max()) if d.size else 0.0,
                mean_diff=m,
                diff_low=lo,
                diff_high=hi,
                grade_changed=float((rv.grades[:, j] != rb.grades[:, j]).mean()),
            )
    return t


def order_sensitive_conditions(study: Study) -> list[str]:
    """Actions whose availability reads another actor's resources: the one thing that could make
    the order in which seats pay for their choices matter (a seat's own spending is always
    checked against its own budget)."""
    out = []
    for a in study.scenario.actions:
        if a.available_if is None:
            continue
        dumped = a.available_if.model_dump(by_alias=True, exclude_none=True)
        seats = a.actor if isinstance(a.actor, list) else [a.actor]
        for q in _find(dumped, "resource"):
            who = q.get("actor") if isinstance(q, dict) else None
            if who and who not in ("$actor",) and (who not in seats or len(seats) > 1):
                out.append(f"{a.id}: available_if reads {who}'s {q.get('resource')}")
    return out


def _find(x: object, key: str) -> list[dict]:
    out = []
    if isinstance(x, dict):
        for k, v in x.items():
            if k == key and isinstance(v, dict):
                out.append(v)
            else:
                out.extend(_find(v, key))
    elif isinstance(x, list):
        for v in x:
            out.extend(_find(v, key))
    return out


# ------------------------------------------------------------------------------------------------
def check_expectations(study: Study, looks: int = 1) -> list[Verdict]:
    """The verdict of every declared expectation (Bonferroni across them, and across ``looks``
    when a two-stage check looks at the data twice). An expectation passes only when its whole
    interval lies on the right side of its bound; it fails when the whole interval lies on the
    wrong side; otherwise it is NOT SHOWN (more games needed)."""
    exps = study.scenario.balance.expectations
    z = stats.z_for(stats.CONFIDENCE, max(1, len(exps)) * max(1, looks))
    return [_check(study, ex, z) for ex in exps]


def _verdict_low_high(
    lo: float, hi: float, low_ok: float | None, high_ok: float | None, strict_low: bool = False
) -> str:
    """PASS if [lo, hi] lies within [low_ok, high_ok]; FAIL if entirely outside."""
    ok = True
    bad = False
    if low_ok is not None:
        ok &= lo > low_ok if strict_low else lo >= low_ok
        bad |= hi <= low_ok if strict_low else hi < low_ok
    if high_ok is not None:
        ok &= hi <= high_ok
        bad |= lo > high_ok
    return "PASS" if ok else "FAIL" if bad else "NOT SHOWN"


def _need_note(lo: float, hi: float, est: float, bound: float, games: int) -> str:
    """How many games would make the interval clear the bound (if the estimate holds)."""
    half = (hi - lo) / 2
    gap = abs(est - bound)
    if half <= 0 or gap <= 0:
        return ""
    need = int(math.ceil(games * (half / gap) ** 2))
    return f"about {need:,} games would settle it if the estimate holds"


def _check(study: Study, ex: Expectation, z: float) -> Verdict:
    c = study.c
    role = ex.role
    base = dict(id=ex.id, kind=ex.kind, role=role)
    if role not in study.role_ids:
        return Verdict(
            **base,
            what="",
            estimate=math.nan,
            low=math.nan,
            high=math.nan,
            bound="",
            verdict="FAIL",
            note=f"{role} has no objectives, so no score",
        )
    j = study.role_col(role)
    has_actions = role in study.plan.defaults

    def ref(pol: str | None) -> RunSpec:
        if pol is None or not has_actions:
            return study.plan.reference["defaults"]
        return reference_run(study, role, pol)

    if ex.kind == "grade_rate":
        assert ex.grade is not None and ex.between is not None  # the schema requires them
        r = study.run(ref(ex.policy))
        gi = GRADE_INDEX[ex.grade]
        k = int((r.grades[:, j] <= gi).sum())
        n = r.grades.shape[0]
        p, lo, hi = stats.wilson(k, n, z)
        a, b = ex.between
        v = _verdict_low_high(lo, hi, a, b)
        note = ""
        if v == "NOT SHOWN":
            note = _need_note(lo, hi, p, a if p - a < b - p else b, n)
        return Verdict(
            **base,
            what=f"share of games with grade {ex.grade} or better, {role}={ex.policy}",
            estimate=p,
            low=lo,
            high=hi,
            bound=f"within [{a:g}, {b:g}]",
            verdict=v,
            note=note,
        )
    if ex.kind in ("agency_gap", "ordering"):
        if ex.kind == "agency_gap":
            assert ex.at_least is not None  # the schema requires it
            better, worse = ex.better or ex.policy or "greedy", ex.worse or "random"
            thr = float(ex.at_least)
        else:
            assert ex.better is not None and ex.worse is not None  # the schema requires them
            better, worse = ex.better, ex.worse
            thr = float(ex.at_least) if ex.at_least is not None else 0.0
        if not has_actions:
            return Verdict(
                **base,
                what=f"{better} - {worse}",
                estimate=math.nan,
                low=math.nan,
                high=math.nan,
                bound="",
                verdict="FAIL",
                note=f"{role} has no actions: its choices cannot matter",
            )
        m, lo, hi, _ = paired(study, role, ref(better), ref(worse), z)
        strict = ex.kind == "ordering" and ex.at_least is None
        v = _verdict_low_high(lo, hi, thr, None, strict_low=strict)
        return Verdict(
            **base,
            what=f"mean score {better} - {worse} (paired)",
            estimate=m,
            low=lo,
            high=hi,
            bound=(f"> {thr:g}" if strict else f">= {thr:g}"),
            verdict=v,
            note=_need_note(lo, hi, m, thr, study.games) if v == "NOT SHOWN" else "",
        )
    if ex.kind == "max_action_share":
        assert ex.at_most is not None  # the schema requires it
        r = study.run(ref(ex.policy))
        ra = r.role_actions[:, j, :].astype(np.int64)
        den = ra.sum(axis=1)
        if den.sum() == 0:
            return Verdict(
                **base,
                what=f"largest action share, {role}={ex.policy}",
                estimate=0.0,
                low=0.0,
                high=0.0,
                bound=f"<= {ex.at_most:g}",
                verdict="PASS",
                note="the role took no action",
            )
        rows = [(a, *stats.ratio_ci(ra[:, a], den, z)) for a in np.nonzero(ra.sum(axis=0))[0]]
        top = max(rows, key=lambda x: x[1])
        worst_hi = max(rows, key=lambda x: x[3])
        v = (
            "PASS"
            if all(x[3] <= ex.at_most for x in rows)
            else "FAIL"
            if any(x[2] > ex.at_most for x in rows)
            else "NOT SHOWN"
        )
        action = study.scenario.actions[int(top[0])].id
        note = f"top action: {action}"
        if v == "NOT SHOWN":
            note += f"; {study.scenario.actions[int(worst_hi[0])].id} may exceed the cap"
        return Verdict(
            **base,
            what=f"largest action share, {role}={ex.policy}",
            estimate=top[1],
            low=top[2],
            high=top[3],
            bound=f"<= {ex.at_most:g}",
            verdict=v,
            note=note,
        )
    if ex.kind == "max_event_impact":
        spec = ref(ex.policy)
        abl = study.ablations.get(spec.key, {})
        run = study.run(spec)
        impacts: list[tuple[int, float, float, float]] = []
        for e, key in sorted(abl.items()):
            m, lo, hi = stats.paired_diff(run.scores[:, j], study.runs[key].scores[:, j], z)
            impacts.append((int(e), m, lo, hi))
        assert ex.at_most is not None  # the schema requires it
        cap = float(ex.at_most)
        if not impacts:
            return Verdict(
                **base,
                what="largest event impact on the mean score",
                estimate=0.0,
                low=0.0,
                high=0.0,
                bound=f"|impact| <= {cap:g}",
                verdict="PASS",
                note="no event fired",
            )
        largest = max(impacts, key=lambda x: abs(x[1]))
        ok = all(-cap <= lo and hi <= cap for _, _, lo, hi in impacts)
        bad = any(lo > cap or hi < -cap for _, _, lo, hi in impacts)
        v = "PASS" if ok else "FAIL" if bad else "NOT SHOWN"
        return Verdict(
            **base,
            what="largest event impact on the mean score"
            + (f", {role}={ex.policy}" if ex.policy else ""),
            estimate=largest[1],
            low=largest[2],
            high=largest[3],
            bound=f"|impact| <= {cap:g}",
            verdict=v,
            note=f"event: {c.event_ids[largest[0]]}",
        )
    if ex.kind == "effect_size":
        better, worse = ex.better or "greedy", ex.worse or "passive"
        cols = {c.objectives[j].id: j for j in objective_index(study, role)}
        col = cols.get(ex.objective or "")
        thr = float(ex.at_least or 0.0)  # the model requires at_least for effect_size
        if col is None or not has_actions:
            return Verdict(
                **base,
                what=f"{ex.objective}: {better} - {worse}",
                estimate=math.nan,
                low=math.nan,
                high=math.nan,
                bound="",
                verdict="FAIL",
                note=f"{role} has no objective '{ex.objective}'"
                if col is None
                else f"{role} has no actions: its choices cannot matter",
            )
        sign = c.objectives[col].sign
        d = sign * (
            study.run(ref(better)).objectives[:, col] - study.run(ref(worse)).objectives[:, col]
        )
        m, lo, hi = stats.mean_ci(d, z)
        v = _verdict_low_high(lo, hi, thr, None)
        return Verdict(
            **base,
            what=f"{ex.objective}: {better} - {worse} (paired, raw units"
            + (", lower is better" if sign < 0 else "")
            + ")",
            estimate=m,
            low=lo,
            high=hi,
            bound=f">= {thr:g}",
            verdict=v,
            note=_need_note(lo, hi, m, thr, study.games) if v == "NOT SHOWN" else "",
        )
    raise AssertionError(ex.kind)  # pragma: no cover - the model's Literal is closed


def verdict_table(verdicts: list[Verdict]) -> Table:
    t = Table(
        "expectations",
        ["id", "kind", "role", "what", "estimate", "low", "high", "bound", "verdict", "note"],
    )
    for v in verdicts:
        t.add(
            id=v.id,
            kind=v.kind,
            role=v.role,
            what=v.what,
            estimate=v.estimate,
            low=v.low,
            high=v.high,
            bound=v.bound,
            verdict=v.verdict,
            note=v.note,
        )
    return t


# ------------------------------------------------------------------------------------------------
# Raw objective values: what each policy achieves in the objective's own units, and bands
# suggested from that distribution (docs/balance.md, "Setting bands").
# ------------------------------------------------------------------------------------------------
#: the order in which policies are listed in the raw-value tables (others follow)
POLICY_ORDER = ("passive", "random", "historical", "strategic", "greedy", "rollout")
QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)


def objective_index(study: Study, role: str) -> list[int]:
    """Columns of ``RunResult.objectives`` that belong to ``role``, in declared order."""
    seat = study.c.actor_index[role]
    return [j for j, ob in enumerate(study.c.objectives) if ob.role == seat]


def role_policy_runs(study: Study, role: str) -> list[tuple[str, RunSpec]]:
    """(policy, run) for every policy ``role`` played with everyone else on their defaults."""
    seen = set(POLICY_ORDER)
    extra = [p for p in study.plan.grid_policies.get(role, []) if p not in seen]
    out = []
    for pol in (*POLICY_ORDER, *extra):
        spec = reference_run(study, role, pol)
        if spec.key in study.runs:
            out.append((pol, spec))
    return out


def _role_objectives(study: Study) -> Iterator[tuple[str, dict[str, RunSpec], int]]:
    """(role, its runs by policy, objective column) for every objective of every role with
    actions."""
    for role in study.role_ids:
        if role in study.plan.defaults:
            runs = dict(role_policy_runs(study, role))
            for j in objective_index(study, role):
                yield role, runs, j


def objective_table(study: Study) -> Table:
    """The raw value of every objective of every role that has actions, by the policy the role
    plays (everyone else on their defaults): mean with its interval, spread and quantiles."""
    t = Table(
        "objectives",
        [
            "role",
            "objective",
            "lower_is_better",
            "policy",
            "games",
            "mean",
            "low",
            "high",
            "sd",
            *[f"q{int(100 * q)}" for q in QUANTILES],
        ],
    )
    for role, runs, j in _role_objectives(study):
        ob = study.c.objectives[j]
        for pol, spec in runs.items():
            x = study.run(spec).objectives[:, j]
            m, lo, hi = stats.mean_ci(x)
            qs = np.quantile(x, QUANTILES) if x.size else [math.nan] * len(QUANTILES)
            t.add(
                role=role,
                objective=ob.id,
                lower_is_better=ob.sign < 0,
                policy=pol,
                games=int(x.size),
                mean=m,
                low=lo,
                high=hi,
                sd=float(x.std(ddof=1)) if x.size > 1 else 0.0,
                **{f"q{int(100 * q)}": float(v) for q, v in zip(QUANTILES, qs)},
            )
    return t


def _tidy(x: float, step: float) -> float:
    return float(np.round(x / step) * step) if step > 0 else float(x)


def suggest_bands(study: Study) -> Table:
    """Bands for every objective from the measured distribution of policies (higher is better
    shown; lower-is-better objectives are mirrored):

    * D: a quarter of passive games below it (doing nothing earns about a D),
    * C: a quarter of the historical games below it (``random`` when the role has no history),
      but never below three passive games in four (a C means better than doing nothing),
    * A: a quarter of the games of the better of ``greedy`` and ``rollout`` above it (good
      play earns a B or an A, and its best games an A: good play is never capped at A),
    * B: half-way between C and A,

    kept in order with at least a sixth of the D-A range between neighbours, and rounded to a
    tenth of that range's order of magnitude. No suggestion when good play does not beat
    passive play (the objective does not depend on the role's choices)."""
    t = Table(
        "bands",
        [
            "role",
            "objective",
            "lower_is_better",
            "A",
            "B",
            "C",
            "D",
            "suggested_A",
            "suggested_B",
            "suggested_C",
            "suggested_D",
            "note",
        ],
    )
    for role, runs, j in _role_objectives(study):
        ob = study.c.objectives[j]
        sign = ob.sign
        cur = dict(zip("ABCD", (float(b) * sign for b in ob.bands)))
        row = dict(role=role, objective=ob.id, lower_is_better=sign < 0, **cur)

        def vals(pol: str, j: int = j, sign: float = sign, runs: dict = runs) -> np.ndarray | None:
            spec = runs.get(pol)
            return None if spec is None else sign * study.run(spec).objectives[:, j]

        passive = vals("passive")
        good = [v for v in (vals("greedy"), vals("rollout")) if v is not None]
        if passive is None or not good:
            t.add(**row, note="needs passive and greedy (or rollout) runs")
            continue
        best = max(good, key=lambda v: float(np.quantile(v, 0.75)))
        mid = vals("historical")
        basis = "historical" if mid is not None else "random"
        if mid is None:
            mid = vals("random")
        D = float(np.quantile(passive, 0.25))
        A = float(np.quantile(best, 0.75))
        span = A - D
        moved = float(best.mean() - passive.mean())
        luck = float(passive.std(ddof=1)) if passive.size > 1 else 0.0
        if not span > 1e-9 or moved <= max(1e-9, 0.5 * luck):
            t.add(
                **row,
                note=f"good play moves it by {moved:+.2g}, less than half the spread of "
                f"passive games ({luck:.2g}): a grade here would reward luck; give the role "
                "a lever on it or drop it",
            )
            continue
        gap = span / 6
        # C: above three passive games in four (a C says "better than doing nothing") and
        # below three historical games in four
        C = max(
            float(np.quantile(mid, 0.25)) if mid is not None else D + span / 3,
            float(np.quantile(passive, 0.75)),
        )
        C = min(max(C, D + gap), A - 2 * gap)
        B = min(max((C + A) / 2, C + gap), A - gap)
        step = 10.0 ** math.floor(math.log10(span / 10))
        sug = [_tidy(v, step) for v in (A, B, C, D)]
        t.add(
            **row,
            **{f"suggested_{k}": sign * v for k, v in zip("ABCD", sug)},
            note=f"D: passive (lower quarter); C: {basis} (lower quarter) or passive (upper "
            "quarter), whichever is higher; "
            f"A: {'rollout' if best is not good[0] else 'greedy'} (upper quarter)",
        )
    return t


def map_table(study: Study) -> Table:
    """Does a role's play show on the map? For every role with actions: the largest change
    greedy makes, against passive play on the same games, in any power's share of any state
    averaged over dimensions (what the map's labels show)."""
    t = Table(
        "map",
        ["role", "better", "worse", "state", "power", "better_share", "worse_share", "diff"],
    )
    c = study.c
    for role in study.role_ids:
        runs = dict(role_policy_runs(study, role))
        if "greedy" not in runs or "passive" not in runs:
            continue
        b, w = study.run(runs["greedy"]).shares, study.run(runs["passive"]).shares
        if not b.size:
            continue
        diff = (b - w).mean(axis=0)
        s, p = np.unravel_index(int(np.abs(diff).argmax()), diff.shape)
        t.add(
            role=role,
            better="greedy",
            worse="passive",
            state=c.state_ids[s],
            power=c.power_ids[p],
            better_share=float(b[:, s, p].mean()),
            worse_share=float(w[:, s, p].mean()),
            diff=float(diff[s, p]),
        )
    return t
