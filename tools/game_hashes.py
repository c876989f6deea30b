"""Fingerprints of whole games, to prove that a refactor changed nothing.

Plays every shipped scenario (or the scenario files in ``--scenarios DIR``) under several
policy mixes and seeds through the public headless command, and prints one line per game:
``scenario policy seed final_hash``. Run it before and after a change and compare:

    python tools/game_hashes.py > before.txt
    ... change the code ...
    python tools/game_hashes.py | diff before.txt -   # no output: identical games

``final_hash`` is the engine's hash of the final state, bit for bit, so any change to any
number of any game shows up.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = (
    "campaign_1992_2025",
    "class_abe_belt_road",
    "class_war_corridor",
    "kazakhstan_multivector",
)
MIXES = ("default", "all=passive", "all=random", "all=historical", "all=greedy")
SEEDS = (1, 7)


def fingerprint(scenario: str, mix: str, seed: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "game.json"
        cmd = [
            sys.executable,
            str(ROOT / "main.py"),
            "play",
            scenario,
            "--headless",
            "--seed",
            str(seed),
            "--quiet",
            "--json",
            str(out),
        ]
        if mix != "default":
            cmd += ["--policy", mix]
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if proc.returncode != 0 or not out.exists():
            return f"FAILED ({proc.returncode}): {proc.stderr.strip()[:200]}"
        return str(json.loads(out.read_text(encoding="utf-8"))["final_hash"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--scenarios",
        metavar="DIR",
        help="a folder of scenario files to use instead of the installed ones",
    )
    args = ap.parse_args()
    refs = (
        [str(Path(args.scenarios) / f"{s}.yaml") for s in SCENARIOS]
        if args.scenarios
        else list(SCENARIOS)
    )
    for name, ref in zip(SCENARIOS, refs, strict=True):
        for mix in MIXES:
            for seed in SEEDS:
                print(name, mix, seed, fingerprint(ref, mix, seed), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
