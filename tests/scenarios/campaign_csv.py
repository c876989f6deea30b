"""Play the campaign headless through the real command line and read its ``--csv`` record.

Every actor plays its ``historical`` policy. The command's defaults put only the playable role
(Japan) on history (``game.play.history.default_headless_policies``); Russia, China, the West and
Kazakhstan would play their scripted strategies, so each actor gets ``--policy ID=historical``.
The four states without a recorded ``history`` then pass every turn and take the historical
option in the events they choose (Kyrgyzstan joins the EAEU, and so on).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGN = "campaign_1992_2025"
STATES = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
POWERS = ("JPN", "RUS", "CHN", "WEST")
DIM_WEIGHTS = {
    "trade": 1.0,
    "energy": 1.5,
    "security": 1.5,
    "finance": 1.0,
    "labour": 1.0,
    "connectivity": 1.0,
    "knowledge": 1.0,
}  # scenarios/common/world.yaml


def fact_seeds(default: tuple[int, ...] = (1, 2, 3)) -> tuple[int, ...]:
    """Seeds to play: ``CROSSROADS_FACT_SEEDS`` ("1-10" or "4,7,9") overrides the fixed three."""
    spec = os.environ.get("CROSSROADS_FACT_SEEDS", "").strip()
    if not spec:
        return default
    if "-" in spec:
        lo, hi = (int(x) for x in spec.split("-", 1))
        return tuple(range(lo, hi + 1))
    return tuple(int(x) for x in spec.split(","))


def actor_ids(scenario: str = CAMPAIGN) -> list[str]:
    from game.scenario.loader import load_scenario

    res = load_scenario(scenario)
    assert res.scenario is not None, [d.message for d in res.diagnostics]
    return [a.id for a in res.scenario.actors]


def command(seed: int, csv_path: Path, actors: list[str], scenario: str = CAMPAIGN) -> list[str]:
    cmd = [
        sys.executable,
        "main.py",
        "play",
        scenario,
        "--headless",
        "--quiet",
        "--seed",
        str(seed),
        "--csv",
        str(csv_path),
    ]
    for a in actors:
        cmd += ["--policy", f"{a}=historical"]
    return cmd


@dataclass(repr=False)
class Run:
    """One game's CSV: ``dep(state, partner, dimension, year)`` in percent, etc. Row year Y holds
    the values at the end of Y; the starting conditions are the year before the first turn."""

    seed: int
    #: (metric, state, partner, dimension, actor, year) -> value; resources and meters unread
    values: dict[tuple[str, str, str, str, str, int], float]

    @classmethod
    def read(cls, seed: int, path: Path) -> Run:
        vals: dict[tuple[str, str, str, str, str, int], float] = {}
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                key = (r["metric"], r["state"], r["partner"], r["dimension"], r["actor"])
                vals[(*key, int(r["year"]))] = float(r["value"])
        return cls(seed, vals)

    def __repr__(self) -> str:
        return f"Run(seed={self.seed})"

    def dep(self, state: str, partner: str, dim: str, year: int) -> float:
        return self.values[("dependence", state, partner, dim, "", year)]

    def lead(self, state: str, a: str, b: str, dim: str, year: int) -> float:
        """How many points partner ``a`` is ahead of partner ``b``."""
        return self.dep(state, a, dim, year) - self.dep(state, b, dim, year)

    def runner_up(self, state: str, partner: str, dim: str, year: int) -> float:
        """The largest share among the other powers."""
        return max(self.dep(state, p, dim, year) for p in POWERS if p != partner)

    def autonomy(self, state: str, year: int) -> float:
        return self.values[("autonomy", state, "", "", "", year)]

    def trust(self, state: str, power: str, year: int) -> float:
        return self.values[("trust", state, power, "", "", year)]

    def score(self, role: str, year: int) -> float:
        return self.values[("score", "", "", "", role, year)]

    def ties(self, state: str, power: str, year: int) -> float:
        """A power's share of a state's dependence, averaged with the autonomy weights."""
        return sum(w * self.dep(state, power, d, year) for d, w in DIM_WEIGHTS.items()) / sum(
            DIM_WEIGHTS.values()
        )

    def years(self) -> list[int]:
        return sorted({k[-1] for k in self.values})


def play(seeds: tuple[int, ...], out_dir: Path, scenario: str = CAMPAIGN) -> dict[int, Run]:
    """Play one game per seed (in parallel processes) and read the CSVs."""
    actors = actor_ids(scenario)
    procs = {}
    for s in seeds:
        path = out_dir / f"{scenario}_seed{s}.csv"
        procs[s] = (
            path,
            subprocess.Popen(
                command(s, path, actors, scenario),
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
    runs = {}
    for s, (path, p) in procs.items():
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, f"seed {s}: exit {p.returncode}\n{out}\n{err}"
        runs[s] = Run.read(s, path)
    return runs
