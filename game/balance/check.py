"""Checking a scenario's declared expectations, as the quick pytest tier does.

A **two-stage** check keeps the tier fast without weakening it: stage 1 plays a quarter of the
declared games (at least 50); if every expectation is already settled (PASS or FAIL), that is the
answer, otherwise stage 2 plays all the declared games (``balance: games:``). Each stage uses
half of the error budget (Bonferroni over the two looks as well as over the expectations), so
looking twice does not make a wrong verdict more likely than 5 %. The seed is fixed, so the
verdict is deterministic; the sample size, not the seed, is what makes it trustworthy.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..scenario.model import Scenario
from .analysis import Verdict, check_expectations
from .study import Study, run_study

QUICK_SEED = 1


@dataclass
class CheckResult:
    verdicts: list[Verdict]
    games: int  # games per run of the stage that decided
    stages: int
    study: Study

    @property
    def failed(self) -> list[Verdict]:
        return [v for v in self.verdicts if not v.passed]


def check_scenario(
    sc: Scenario,
    *,
    seed: int = QUICK_SEED,
    workers: int = 1,
    games: int | None = None,
    two_stage: bool = True,
    chunk: int | None = None,
) -> CheckResult:
    """Play what the expectations need and return their verdicts."""
    n = int(games or sc.balance.games)
    n1 = max(min(n, 50), n // 4)
    looks = 2 if two_stage and n1 < n else 1
    if looks == 2:
        s1 = run_study(
            sc, games=n1, seed=seed, workers=workers, chunk=chunk, expectations_only=True
        )
        v1 = check_expectations(s1, looks=2)
        if all(v.verdict in ("PASS", "FAIL") for v in v1):
            return CheckResult(v1, n1, 1, s1)
    s2 = run_study(sc, games=n, seed=seed, workers=workers, chunk=chunk, expectations_only=True)
    return CheckResult(check_expectations(s2, looks=looks), n, looks, s2)


def shipped_manifests() -> list:
    """Every scenario manifest directly in the repository's ``scenarios/`` folder (shared
    include files under ``scenarios/common/`` are not scenarios)."""
    from ..scenario.loader import discover_scenarios, installed_dir

    root = installed_dir()
    return [p for p in discover_scenarios(root) if p.parent == root]
