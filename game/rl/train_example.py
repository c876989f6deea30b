"""A small agent trained on the vector environment with numpy only, on a CPU in about a minute:
``python -m game.rl.train_example`` (``--help`` for the options; ``--quick`` is the short run
the slow test tier plays).

The policy is linear-softmax over the observation vector, masked to the legal actions:
``p(a | o) ∝ mask[a] * exp(o @ W[:, a] + b[a])``. It is trained with REINFORCE: every
iteration plays ``num_envs`` fresh games of the seed together (one ``reset()``, then one batched
``step`` per action slot), weighs each choice's log-probability gradient by its reward-to-go minus
the mean reward-to-go of that step across the batch, and takes one Adam step.

It then plays held-out games (another seed) and compares, on the same games, with a uniform
choice among the legal actions (what the untrained policy does), the engine's ``random`` policy
(a uniform legal action, passing only when nothing else is legal) and, for scale, the engine's
``greedy`` one-step lookahead. docs/rl.md shows a run.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..play import run_batch
from .registration import env_id


@dataclass
class LinearSoftmax:
    """Weights ``W[D, K]`` and biases ``b[K]``, with Adam's moments."""

    W: np.ndarray
    b: np.ndarray
    moments: list[np.ndarray] = field(default_factory=list)
    t: int = 0

    @classmethod
    def zeros(cls, d: int, k: int) -> LinearSoftmax:
        return cls(np.zeros((d, k)), np.zeros(k))

    def probs(self, obs: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Action probabilities ``[N, K]``, zero where the mask says illegal."""
        z = obs @ self.W + self.b
        z = np.where(mask, z, -np.inf)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def adam(self, grads: list[np.ndarray], lr: float, b1: float = 0.9, b2: float = 0.999) -> None:
        """One Adam ascent step along ``grads`` (for ``W`` and ``b``)."""
        if not self.moments:
            self.moments = [np.zeros_like(g) for g in grads for _ in (0, 1)]
        self.t += 1
        for i, (p, g) in enumerate(zip((self.W, self.b), grads)):
            m, v = self.moments[2 * i], self.moments[2 * i + 1]
            m[:] = b1 * m + (1 - b1) * g
            v[:] = b2 * v + (1 - b2) * g * g
            mh, vh = m / (1 - b1**self.t), v / (1 - b2**self.t)
            p += lr * mh / (np.sqrt(vh) + 1e-8)


def sample(p: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One action per row of probabilities ``p[N, K]``."""
    u = rng.random((p.shape[0], 1))
    return np.minimum((p.cumsum(axis=1) < u).sum(axis=1), p.shape[1] - 1)


Chooser = Callable[[dict[str, np.ndarray]], tuple[np.ndarray, np.ndarray]]


def play(env, choose: Chooser, seed: int | None = None) -> tuple[np.ndarray, list]:
    """Play one batch of games to the end; each game's final score and the trajectory
    ``[(obs, probs, action, reward), ...]`` (one entry per step)."""
    obs, info = env.reset(seed=seed)
    traj = []
    while True:
        p, a = choose(obs)
        nxt, r, term, trunc, info = env.step(a)
        traj.append((obs["observation"], p, a, r))
        obs = nxt
        if (term | trunc).all():
            return info["score"], traj


def reinforce_step(pol: LinearSoftmax, traj: list, lr: float) -> None:
    """One REINFORCE update from a batch of whole episodes (reward-to-go, per-step baseline)."""
    rewards = np.stack([r for *_, r in traj])  # [T, N]
    to_go = rewards[::-1].cumsum(axis=0)[::-1]
    adv = to_go - to_go.mean(axis=1, keepdims=True)
    adv /= adv.std() + 1e-8
    gW, gb = np.zeros_like(pol.W), np.zeros_like(pol.b)
    n = 0
    for (obs, p, a, _), adv_t in zip(traj, adv):
        p = p.copy()
        p[np.arange(len(a)), a] -= 1.0  # now p - onehot(a) = -d log p(a) / d logits
        g = -adv_t[:, None] * p
        gW += obs.T @ g
        gb += g.sum(axis=0)
        n += len(a)
    pol.adam([gW / n, gb / n], lr)


def uniform_legal(rng: np.random.Generator) -> Chooser:
    def choose(obs: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        m = obs["action_mask"].astype(float)
        p = m / m.sum(axis=1, keepdims=True)
        return p, sample(p, rng)

    return choose


def random_policy(rng: np.random.Generator) -> Chooser:
    """The engine's ``random`` policy: a uniform legal action, passing only if nothing else."""

    def choose(obs: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        m = obs["action_mask"].astype(float)
        m[m[:, 1:].any(axis=1), 0] = 0.0
        p = m / m.sum(axis=1, keepdims=True)
        return p, sample(p, rng)

    return choose


def learned(pol: LinearSoftmax, rng: np.random.Generator) -> Chooser:
    def choose(obs: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        p = pol.probs(obs["observation"].astype(np.float64), obs["action_mask"].astype(bool))
        return p, sample(p, rng)

    return choose


def make_env(scenario: str, num_envs: int, role: str | None):
    import gymnasium

    from . import register_envs

    register_envs()  # already done by importing game.rl; says where the ids come from
    kwargs: dict[str, Any] = {"role": role} if role else {}
    return gymnasium.make_vec(
        env_id(scenario), num_envs=num_envs, vectorization_mode="vector_entry_point", **kwargs
    )


def train(
    scenario: str = "class_abe_belt_road",
    role: str | None = None,
    num_envs: int = 256,
    iterations: int = 40,
    lr: float = 0.05,
    seed: int = 1,
    report: Callable[[int, float], None] | None = None,
) -> tuple[LinearSoftmax, list[float]]:
    """Train; returns the policy and the mean final score of every iteration's games."""
    env = make_env(scenario, num_envs, role)
    space = env.single_observation_space
    pol = LinearSoftmax.zeros(space["observation"].shape[0], space["action_mask"].shape[0])
    rng = np.random.default_rng(seed)
    curve = []
    env.reset(seed=seed)  # then each reset() below plays the next num_envs games of the seed
    for it in range(iterations):
        score, traj = play(env, learned(pol, rng))
        reinforce_step(pol, traj, lr)
        curve.append(float(score.mean()))
        if report is not None:
            report(it, curve[-1])
    env.close()
    return pol, curve


def evaluate(
    pol: LinearSoftmax, scenario: str, role: str | None, games: int, seed: int
) -> dict[str, tuple[float, float]]:
    """Mean final score and its standard error on the same ``games`` games of ``seed``."""
    env = make_env(scenario, games, role)
    scores = {}
    for name, make in (
        ("uniform legal (untrained)", uniform_legal),
        ("random policy", random_policy),
        ("trained", lambda rng: learned(pol, rng)),
    ):
        scores[name], _ = play(env, make(np.random.default_rng(seed)), seed=seed)
    # the engine's one-step lookahead on the same games (0 ... games - 1 of the seed), for scale
    c, agent = env.unwrapped.c, env.unwrapped.role
    batch = run_batch(c, seed, games, {agent: "greedy"})
    scores["greedy lookahead (engine)"] = batch.scores[:, c.actor_index[agent]]
    env.close()
    return {k: (float(s.mean()), float(s.std(ddof=1) / np.sqrt(s.size))) for k, s in scores.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m game.rl.train_example",
        description="Train a linear-softmax policy with REINFORCE on the vector environment "
        "(numpy only) and compare it with random play on held-out games.",
    )
    ap.add_argument("--scenario", default="class_abe_belt_road")
    ap.add_argument("--role", default=None, help="default: the first playable role")
    ap.add_argument("--envs", type=int, default=256, help="games per iteration")
    ap.add_argument("--iterations", type=int, default=40)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--eval-games", type=int, default=2000)
    ap.add_argument("--quick", action="store_true", help="a short run: 15 iterations of 128")
    a = ap.parse_args(argv)
    if a.quick:
        a.envs, a.iterations, a.eval_games = 128, 15, 500
    every = max(1, a.iterations // 10)
    t0 = time.perf_counter()

    def report(it: int, score: float) -> None:
        if it % every == 0 or it == a.iterations - 1:
            print(f"iteration {it + 1:4d}: mean final score {score:.3f}", flush=True)

    print(f"{env_id(a.scenario)}: {a.iterations} iterations x {a.envs} games, lr {a.lr}")
    pol, _ = train(a.scenario, a.role, a.envs, a.iterations, a.lr, a.seed, report)
    games = a.iterations * a.envs
    print(f"trained on {games} games in {time.perf_counter() - t0:.0f} s")
    res = evaluate(pol, a.scenario, a.role, a.eval_games, seed=a.seed + 1000)
    print(f"held-out: {a.eval_games} games of seed {a.seed + 1000}, mean final score ± s.e.")
    for name, (m, se) in res.items():
        print(f"  {name:<26} {m:.3f} ± {se:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
