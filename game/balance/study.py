"""A balance study: which runs to play, playing them, and the results by run.

Every run of a study plays the **same games**: the same seed and the same global game indices
``0 .. games-1`` (common random numbers). Two runs that differ only in one role's policy, or in one
switched-off event, therefore face identical world dice, and their difference is measured game by
game (a paired comparison), which removes most of the luck from the comparison.

The runs of a study:

* the **grid**: the cartesian product of the policies listed for each studied role, every other
  actor on its default policy;
* the **reference runs** the declared expectations and the standard checks need (one role on a
  policy, everyone else on their defaults), e.g. greedy and random for the agency gap;
* **ablations** (phase 2): the reference profile again with one event switched off, for every
  event that fired in at least one reference game;
* the **order checks**: two profiles replayed with the seats choosing in reverse order (must be
  bit-identical) and, in full studies, with the powers declared in reverse order.

Identical runs are played once (a profile is the full assignment of policies to actors).
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..ai.policies import UnknownPolicy, default_policy_name
from ..engine.compiler import Compiled, compile_scenario
from ..play.rollout import check_policy_name
from ..scenario.model import Scenario
from .executors import StudyPool
from .sim import ChunkResult, RunSpec, Task

FULL_POLICIES = ("passive", "random", "historical", "greedy", "strategic", "rollout")
QUICK_POLICIES = ("random", "greedy", "strategic")
#: one role on each of these, everyone else on the defaults: the reference runs of every study
#: (the agency gap, the raw objective values by policy and the suggested bands)
REFERENCE_POLICIES = ("passive", "random", "historical", "greedy")
DEFAULT_CHUNK = 500  # games per chunk: large enough that numpy, not Python, does the work
MAX_GAMES = 100_000  # games per profile: a full study of that size already takes hours
MAX_CHUNK = 10_000  # games per chunk: one chunk's games are held in memory at once


class StudyError(ValueError):
    """A usage problem (unknown role or policy, bad numbers), said in plain words."""


@dataclass
class RunResult:
    spec: RunSpec
    scores: np.ndarray  # (N, n_roles)
    grades: np.ndarray  # (N, n_roles) int8
    role_actions: np.ndarray  # (N, n_roles, n_actions)
    choice_totals: np.ndarray
    event_games: np.ndarray
    event_total: np.ndarray
    refused: int
    digests: list[str]
    objectives: np.ndarray  # (N, n_objectives) raw values at the end
    shares: np.ndarray  # (N, S, P) each power's share of each state (the map)


@dataclass
class StudyPlan:
    roles: list[str]  # roles whose policies vary in the grid
    grid_policies: dict[str, list[str]]
    defaults: dict[str, str]  # actor -> default policy (every seat with actions)
    grid: list[RunSpec]
    reference: dict[str, RunSpec] = field(default_factory=dict)  # named reference runs
    order_checks: list[tuple[RunSpec, RunSpec]] = field(default_factory=list)


@dataclass
class Study:
    scenario: Scenario
    c: Compiled
    plan: StudyPlan
    games: int
    seed: int
    chunk: int
    quick: bool
    runs: dict[str, RunResult]
    ablations: dict[str, dict[int, str]]  # base run key -> event index -> ablated run key
    role_ids: list[str]  # roles in score column order
    seconds: float = 0.0
    executor: str = ""
    n_tasks: int = 0
    game_turns: int = 0

    def run(self, spec: RunSpec) -> RunResult:
        return self.runs[spec.key]

    def role_col(self, role: str) -> int:
        return self.role_ids.index(role)


# ------------------------------------------------------------------------------------------------
def profile(c: Compiled, defaults: dict[str, str], **assign: str) -> RunSpec:
    """The full assignment: ``assign`` for the given actors, defaults for every other seat."""
    pol = dict(defaults)
    pol.update(assign)
    return RunSpec(tuple(sorted(pol.items())))


def parse_policy_args(items: Sequence[str], sc: Scenario) -> dict[str, list[str]]:
    """``["JPN=greedy,random", "RUS=random"]`` -> {"JPN": [...], "RUS": [...]}."""
    actors = [a.id for a in sc.actors]
    out: dict[str, list[str]] = {}
    for it in items:
        role, sep, pols = it.partition("=")
        role = role.strip()
        if not sep or not pols.strip():
            raise StudyError(f"'{it}': write ROLE=POLICY1,POLICY2, e.g. JPN=greedy,random")
        if role not in actors:
            raise StudyError(
                f"'{role}' is not an actor of this scenario (actors: {', '.join(actors)})"
            )
        names = [p.strip() for p in pols.split(",") if p.strip()]
        out.setdefault(role, [])
        for p in names:
            if p not in out[role]:
                out[role].append(p)
    return out


def plan_study(
    sc: Scenario,
    c: Compiled,
    policies: dict[str, list[str]] | None = None,
    quick: bool = False,
    expectations_only: bool = False,
) -> StudyPlan:
    """The runs of a study. ``expectations_only``: just what the declared expectations need
    (the pytest tier), no grid, no standard checks."""
    defaults = {c.actor_ids[s]: default_policy_name(c, s) for s in c.seats_with_choices}
    with_actions = set(defaults)
    if expectations_only:
        plan = StudyPlan(roles=[], grid_policies={}, defaults=defaults, grid=[])
        if any(
            ex.role not in with_actions or (ex.kind == "max_event_impact" and not ex.policy)
            for ex in sc.balance.expectations
        ):
            plan.reference["defaults"] = profile(c, defaults)
        _add_expectation_refs(sc, c, plan, defaults, with_actions)
        return plan
    if policies:
        grid_pol = dict(policies)
    else:
        base = QUICK_POLICIES if quick else FULL_POLICIES
        grid_pol = {}
        for r in sc.playable_roles:
            if r not in with_actions:
                continue
            grid_pol[r] = [p for p in base if p != "historical" or sc.history.get(r)]
    for role, names in grid_pol.items():
        if role not in with_actions:
            raise StudyError(
                f"'{role}' has no actions in this scenario, so it has no policy "
                f"to study (actors with actions: {', '.join(sorted(with_actions))})"
            )
        seat = c.actor_index[role]
        for name in names:
            try:
                check_policy_name(name, c, seat)
            except UnknownPolicy as e:
                raise StudyError(f"{role}: {e}") from None
    roles = list(grid_pol)
    grid = []
    for combo in itertools.product(*(grid_pol[r] for r in roles)):
        grid.append(profile(c, defaults, **dict(zip(roles, combo))))
    plan = StudyPlan(roles=roles, grid_policies=grid_pol, defaults=defaults, grid=grid)
    # reference runs: everyone on defaults; each role greedy / random (agency gap)
    plan.reference["defaults"] = profile(c, defaults)
    scored = [r for r in sc.objectives if r in with_actions]
    for r in scored:
        # greedy and random: the agency gap; passive (and history): the raw values and bands
        for pol in REFERENCE_POLICIES:
            if pol != "historical" or sc.history.get(r):
                plan.reference[f"{r}={pol}"] = profile(c, defaults, **{r: pol})
        if not quick and "rollout" in grid_pol.get(r, []):
            plan.reference[f"{r}=rollout"] = profile(c, defaults, **{r: "rollout"})
        if not quick and r in grid_pol:  # restricted play: one action family only
            fams = sorted({c.choice_family[i] for i in c.seat_choices[c.actor_index[r]]})
            if len(fams) > 1:
                for fam in fams:
                    plan.reference[f"{r}=only:{fam}"] = profile(c, defaults, **{r: f"only:{fam}"})
    _add_expectation_refs(sc, c, plan, defaults, with_actions)
    # order checks: seats choose in reverse order (must be bit-identical)
    rnd = profile(c, defaults, **{r: "random" for r in roles})
    for base_spec in (plan.reference["defaults"], rnd):
        plan.order_checks.append((base_spec, RunSpec(base_spec.policies, variant="reversed_seats")))
        plan.order_checks.append(
            (base_spec, RunSpec(base_spec.policies, variant="reversed_powers"))
        )
    return plan


def _add_expectation_refs(
    sc: Scenario, c: Compiled, plan: StudyPlan, defaults: dict[str, str], with_actions: set[str]
) -> None:
    """The reference runs the declared expectations need (one role on a policy)."""
    for ex in sc.balance.expectations:
        if ex.role not in with_actions:
            continue
        for pol in _expectation_policies(ex):
            try:
                check_policy_name(pol, c, c.actor_index[ex.role])
            except UnknownPolicy as e:
                raise StudyError(f"expectation '{ex.id}': {e}") from None
            plan.reference[f"{ex.role}={pol}"] = profile(c, defaults, **{ex.role: pol})


def _expectation_policies(ex) -> list[str]:  # noqa: ANN001 - scenario.model.Expectation
    if ex.kind in ("grade_rate", "max_action_share"):
        return [ex.policy]
    if ex.kind == "agency_gap":
        return [ex.better or ex.policy or "greedy", ex.worse or "random"]
    if ex.kind == "ordering":
        return [ex.better, ex.worse]
    if ex.kind == "max_event_impact":
        return [ex.policy] if ex.policy else []
    if ex.kind == "effect_size":
        return [ex.better or "greedy", ex.worse or "passive"]
    return []


def ablation_bases(sc: Scenario, plan: StudyPlan, expectations_only: bool = False) -> list[RunSpec]:
    """Profiles whose events are ablated: the all-defaults run (unless only the expectations
    are checked and none needs it), plus the profile of each ``max_event_impact`` expectation
    that names a policy."""
    out = [] if expectations_only else [plan.reference["defaults"]]
    for ex in sc.balance.expectations:
        if ex.kind != "max_event_impact":
            continue
        key = f"{ex.role}={ex.policy}"
        spec = (
            plan.reference[key]
            if ex.policy and key in plan.reference
            else plan.reference["defaults"]
        )
        if spec not in out:
            out.append(spec)
    return out


# ------------------------------------------------------------------------------------------------
def make_tasks(
    specs: Sequence[RunSpec], games: int, seed: int, chunk: int, first_run: int = 0
) -> list[Task]:
    tasks = []
    for r, spec in enumerate(specs):
        for k, off in enumerate(range(0, games, chunk)):
            tasks.append(Task(first_run + r, k, spec, seed, off, min(chunk, games - off)))
    return tasks


def reduce_chunks(
    specs: Sequence[RunSpec], results: Sequence[ChunkResult], first_run: int = 0
) -> dict[str, RunResult]:
    """Put chunk results back together, run by run, in chunk order."""
    by_run: dict[int, list[ChunkResult]] = {}
    for res in results:
        by_run.setdefault(res.run, []).append(res)
    out = {}
    for r, spec in enumerate(specs):
        parts = sorted(by_run[first_run + r], key=lambda x: x.chunk)
        out[spec.key] = RunResult(
            spec=spec,
            scores=np.concatenate([p.scores for p in parts]),
            grades=np.concatenate([p.grades for p in parts]),
            role_actions=np.concatenate([p.role_actions for p in parts]),
            choice_totals=np.sum([p.choice_totals for p in parts], axis=0),
            event_games=np.sum([p.event_games for p in parts], axis=0),
            event_total=np.sum([p.event_total for p in parts], axis=0),
            refused=sum(p.refused for p in parts),
            digests=[p.digest for p in parts],
            objectives=np.concatenate([p.objectives for p in parts]),
            shares=np.concatenate([p.shares for p in parts]),
        )
    return out


def check_sizes(games: int, workers: int = 1, chunk: int | None = None) -> None:
    """Refuse study sizes this machine cannot honour, with the limit in the message."""
    from .executors import max_workers

    if games < 2:
        raise StudyError("--games must be at least 2 (one game gives no confidence interval)")
    if games > MAX_GAMES:
        raise StudyError(
            f"--games may be at most {MAX_GAMES:,} per profile ({games:,} asked); for "
            "more, run several studies with different --seed values"
        )
    if workers < 1:
        raise StudyError("--workers must be at least 1")
    if workers > max_workers():
        raise StudyError(
            f"--workers may be at most {max_workers()} here (one per core this machine "
            f"gives the game; {workers} asked): more processes only share the same cores"
        )
    if chunk is not None and not 1 <= chunk <= MAX_CHUNK:
        raise StudyError(f"--chunk must be between 1 and {MAX_CHUNK:,} games")


def run_study(
    sc: Scenario,
    *,
    games: int,
    seed: int = 1,
    policies: dict[str, list[str]] | None = None,
    quick: bool = False,
    workers: int = 1,
    scheduler: str | None = None,
    chunk: int | None = None,
    progress: Callable[[str], Callable[[int, int], None]] | None = None,
    c: Compiled | None = None,
    expectations_only: bool = False,
    insecure: bool = False,
    checkpoint: Path | None = None,
) -> Study:
    """Plan and play a whole study (two phases: all runs, then the event ablations).
    ``expectations_only`` plays only what the declared expectations need. With ``checkpoint``
    (a folder), finished chunks are kept there while the study runs, so a study cut short
    continues where it stopped; the folder is emptied when the study completes."""
    check_sizes(games, workers, chunk)
    chunk = int(chunk or DEFAULT_CHUNK)
    c = c or compile_scenario(sc)
    plan = plan_study(sc, c, policies, quick, expectations_only)
    specs: list[RunSpec] = []
    seen = set()
    for spec in [
        *plan.grid,
        *plan.reference.values(),
        *(s for pair in plan.order_checks for s in pair),
    ]:
        if spec.key not in seen:
            seen.add(spec.key)
            specs.append(spec)
    t0 = time.perf_counter()
    with StudyPool(sc, workers, scheduler, insecure, checkpoint) as pool:
        if pool.dashboard and progress:
            print(f"{sc.meta.id}: Dask dashboard at {pool.dashboard}", file=sys.stderr)
        tasks = make_tasks(specs, games, seed, chunk)
        res = pool.run(tasks, progress("runs") if progress else None)
        runs = reduce_chunks(specs, res)
        n_tasks = len(tasks)
        # phase 2: switch off, one at a time, every event that fired in a base run
        ablations: dict[str, dict[int, str]] = {}
        specs2: list[RunSpec] = []
        for base in ablation_bases(sc, plan, expectations_only):
            fired = np.nonzero(runs[base.key].event_games > 0)[0]
            ablations[base.key] = {}
            for e in fired:
                a = RunSpec(base.policies, ablate=(int(e),))
                ablations[base.key][int(e)] = a.key
                if a.key not in seen:
                    seen.add(a.key)
                    specs2.append(a)
        if specs2:
            tasks2 = make_tasks(specs2, games, seed, chunk, first_run=len(specs))
            res2 = pool.run(tasks2, progress("event ablations") if progress else None)
            runs.update(reduce_chunks(specs2, res2, first_run=len(specs)))
            n_tasks += len(tasks2)
        executor = pool.description
        if pool.checkpoint is not None:
            pool.checkpoint.clear()
    seconds = time.perf_counter() - t0
    role_ids = list(sc.objectives)
    study = Study(
        scenario=sc,
        c=c,
        plan=plan,
        games=games,
        seed=seed,
        chunk=chunk,
        quick=quick,
        runs=runs,
        ablations=ablations,
        role_ids=role_ids,
        seconds=seconds,
        executor=executor,
        n_tasks=n_tasks,
        game_turns=len(runs) * games * c.n_turns,
    )
    return study
