"""The vector environments: N games in one batched engine state give, game for game and step for
step, what the single environments give for the same seed; spaces, autoreset and errors follow
Gymnasium's vector conventions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("gymnasium")
pytest.importorskip("pettingzoo")

from gymnasium.spaces import MultiDiscrete  # noqa: E402
from gymnasium.utils.passive_env_checker import check_obs  # noqa: E402
from gymnasium.vector import AutoresetMode  # noqa: E402
from gymnasium.vector.utils import batch_space  # noqa: E402
from gymnasium.wrappers.vector import DictInfoToList, RecordEpisodeStatistics  # noqa: E402

from game.rl import (  # noqa: E402
    gym_env,
    parallel_env,
    parallel_vector_env,
    vector_env,
)
from game.rl.games import compiled  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
N = 4


@pytest.fixture(scope="module")
def abe():
    return compiled("class_abe_belt_road")


@pytest.fixture(scope="module")
def mini():
    return compiled(MINI)


def pick(mask: np.ndarray, game: np.ndarray, step: int) -> np.ndarray:
    """A deterministic mix of passes and legal actions, by game number and step."""
    mask = np.atleast_2d(mask)
    out = np.zeros(mask.shape[0], dtype=np.int64)
    for i, (m, g) in enumerate(zip(mask, np.atleast_1d(game))):
        legal = np.nonzero(m)[0]
        out[i] = legal[(int(g) * 7 + step * 3) % legal.size]
    return out


def episode_length(c) -> int:
    return c.n_turns * c.M_slots


def single_game(c, seed: int, game: int, opponents=None) -> list[tuple]:
    """The single env's steps of one game: (obs, reward, terminated, info) after reset and after
    every step, actions by ``pick``."""
    env = gym_env(c, opponents=opponents)
    obs, info = env.reset(seed=seed, options={"game": game})
    out = [(obs, 0.0, False, info)]
    for step in range(episode_length(c)):
        a = int(pick(obs["action_mask"], np.array([game]), step)[0])
        obs, r, term, trunc, info = env.step(a)
        assert not trunc
        out.append((obs, r, term, info))
    out.append(env.games.state.hash(0))
    return out


@pytest.mark.parametrize("opponents", [None, {"CHN": "greedy"}])
def test_game_i_of_the_vector_env_is_game_i_of_the_single_env(abe, opponents):
    """Two episodes of 4 games (games 0-3, then 4-7 after the autoreset), step for step."""
    venv = vector_env(abe, N, opponents=opponents)
    obs, info = venv.reset(seed=11)
    r, term = np.zeros(N), np.zeros(N, bool)
    T = episode_length(abe)
    vec: list[list] = []
    for ep in range(2):
        if ep:  # NextStep autoreset: the step after the end ignores its actions
            obs, r, term, trunc, info = venv.step(np.zeros(N, dtype=np.int64))
            assert (r == 0).all() and not term.any()
        rows = [(obs, r, term, info)]
        for step in range(T):
            obs, r, term, trunc, info = venv.step(pick(obs["action_mask"], info["game"], step))
            assert not trunc.any() and term.all() == (step == T - 1)
            rows.append((obs, r, term, info))
        rows.append([venv.games.state.hash(i) for i in range(N)])
        vec.append(rows)
    assert [int(g) for g in vec[1][0][3]["game"]] == list(range(N, 2 * N))
    for ep, rows in enumerate(vec):
        for i in range(N):
            game = ep * N + i
            one = single_game(abe, 11, game, opponents)
            for k, ((o1, r1, t1, i1), (ov, rv, tv, iv)) in enumerate(zip(one[:-1], rows[:-1])):
                where = f"game {game}, step {k}"
                assert np.array_equal(o1["observation"], ov["observation"][i]), where
                assert np.array_equal(o1["action_mask"], ov["action_mask"][i]), where
                assert r1 == rv[i] and t1 == tv[i], where
                for key in ("game", "turn", "slot", "score", "refused"):
                    assert i1[key] == iv[key][i], (where, key)
            assert one[-1] == rows[-1][i], f"game {game}: final state differs"


def test_spaces_and_shapes(abe):
    venv = vector_env(abe, N, role="CHN")
    single = gym_env(abe, role="CHN")
    assert venv.num_envs == N
    assert venv.single_observation_space == single.observation_space
    assert venv.single_action_space == single.action_space
    assert venv.observation_space == batch_space(single.observation_space, N)
    assert venv.action_space == MultiDiscrete([single.action_space.n] * N)
    assert venv.metadata["autoreset_mode"] is AutoresetMode.NEXT_STEP
    obs, info = venv.reset(seed=0)
    check_obs(obs, venv.observation_space, "reset")
    assert obs["observation"].dtype == np.float32 and obs["action_mask"].dtype == np.int8
    assert (obs["action_mask"][:, 0] == 1).all()
    for _ in range(episode_length(abe)):
        obs, r, term, trunc, info = venv.step(venv.action_space.sample())
        check_obs(obs, venv.observation_space, "step")
        assert r.shape == term.shape == trunc.shape == (N,)
        assert r.dtype == np.float64 and term.dtype == trunc.dtype == np.bool_
        assert all(v.shape[0] == N for v in info.values())
    assert term.all()


def test_rewards_add_up_to_each_games_score_change(abe):
    venv = vector_env(abe, N)
    obs, info = venv.reset(seed=5)
    start, total = info["score"].copy(), np.zeros(N)
    for step in range(episode_length(abe)):
        obs, r, term, trunc, info = venv.step(pick(obs["action_mask"], info["game"], step))
        total += r
    np.testing.assert_allclose(total, info["score"] - start, atol=1e-12)


def test_same_seed_same_games_and_another_seed_other_games(abe):
    def run(seed: int) -> tuple[np.ndarray, np.ndarray]:
        venv = vector_env(abe, N)
        obs, info = venv.reset(seed=seed)
        rewards = []
        for step in range(episode_length(abe)):
            obs, r, *_ = venv.step(pick(obs["action_mask"], info["game"], step))
            rewards.append(r)
        return obs["observation"], np.array(rewards)

    a, b, c = run(3), run(3), run(4)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_reset_without_seed_plays_the_next_games(abe):
    venv = vector_env(abe, N)
    _, info = venv.reset(seed=2)
    assert list(info["game"]) == [0, 1, 2, 3]
    _, info = venv.reset()
    assert list(info["game"]) == [4, 5, 6, 7]
    _, info = venv.reset(seed=2, options={"game": 100})
    assert list(info["game"]) == [100, 101, 102, 103]


def run_to_end(venv, c) -> tuple:
    obs, info = venv.reset(seed=8)
    for step in range(episode_length(c)):
        out = venv.step(pick(obs["action_mask"], info["game"], step))
        obs, info = out[0], out[4]
    return out


def test_same_step_autoreset_returns_the_next_games_and_the_final_ones_in_info(abe):
    last_obs, r_next, term_next, _, info_next = run_to_end(vector_env(abe, N), abe)
    venv = vector_env(abe, N, autoreset_mode="SameStep")
    assert venv.metadata["autoreset_mode"] is AutoresetMode.SAME_STEP
    obs, r, term, trunc, info = run_to_end(venv, abe)
    assert term.all() and np.array_equal(r, r_next)
    assert info["_final_obs"].all() and info["_final_info"].all()
    for i in range(N):
        assert np.array_equal(info["final_obs"][i]["observation"], last_obs["observation"][i])
    assert np.array_equal(info["final_info"]["score"], info_next["score"])
    assert list(info["game"]) == list(range(N, 2 * N))
    fresh, _ = vector_env(abe, N).reset(seed=8, options={"game": N})
    assert np.array_equal(obs["observation"], fresh["observation"])


def test_disabled_autoreset_refuses_to_step_past_the_end(abe):
    venv = vector_env(abe, N, autoreset_mode=AutoresetMode.DISABLED)
    run_to_end(venv, abe)
    with pytest.raises(RuntimeError, match="reset"):
        venv.step(np.zeros(N, dtype=np.int64))
    _, info = venv.reset()
    assert list(info["game"]) == list(range(N, 2 * N))


def test_gymnasium_vector_wrappers_work_on_it(abe):
    env = DictInfoToList(RecordEpisodeStatistics(vector_env(abe, N)))
    obs, infos = env.reset(seed=1)
    assert isinstance(infos, list) and len(infos) == N
    total = np.zeros(N)
    for step in range(episode_length(abe)):
        obs, r, term, trunc, infos = env.step(
            pick(obs["action_mask"], np.array([i["game"] for i in infos]), step)
        )
        total += r
    assert all("episode" in i for i in infos)
    np.testing.assert_allclose([i["episode"]["r"] for i in infos], total, rtol=1e-6)
    assert [i["episode"]["l"] for i in infos] == [episode_length(abe)] * N


def test_clear_errors(abe):
    venv = vector_env(abe, N)
    venv.reset(seed=0)
    with pytest.raises(ValueError, match="expected 4 actions"):
        venv.step(np.zeros(3, dtype=np.int64))
    with pytest.raises(TypeError, match="one int"):
        venv.reset(seed=[1, 2, 3, 4])
    with pytest.raises(ValueError, match="lockstep"):
        venv.reset(options={"reset_mask": np.array([True, False, True, True])})
    with pytest.raises(ValueError):
        vector_env(abe, N, autoreset_mode="Sometimes")
    with pytest.raises(ValueError, match="at least 1"):
        vector_env(abe, 0)
    with pytest.raises(ValueError, match="choose from"):
        vector_env(abe, N, role="KGZ_NOT_A_ROLE")


def test_an_illegal_action_is_a_pass_in_that_game_only(mini):
    venv = vector_env(mini, 2, role="JPN")
    obs, info = venv.reset(seed=1)
    legal = obs["action_mask"][0].nonzero()[0][-1]
    big = venv.single_action_space.n  # outside the action space: refused too
    _, _, _, _, info = venv.step(np.array([legal, big]))
    assert list(info["refused"]) == [False, True]


def test_parallel_vector_env_game_i_is_the_parallel_envs_game_i(mini):
    venv = parallel_vector_env(mini, 3)
    assert venv.possible_agents == ["JPN", "RUS"]
    assert venv.observation_space("JPN") == batch_space(venv.single_observation_space("JPN"), 3)
    obs, info = venv.reset(seed=6)
    trace = [obs]
    while True:
        acts = {a: pick(obs[a]["action_mask"], info[a]["game"], len(trace)) for a in obs}
        obs, rew, term, trunc, info = venv.step(acts)
        trace.append((obs, rew))
        if term["JPN"].all():
            break
    assert venv.state().shape[0] == 3
    for i in range(3):
        env = parallel_env(mini)
        o, inf = env.reset(seed=6, options={"game": i})
        for a in env.agents:
            assert np.array_equal(o[a]["observation"], trace[0][a]["observation"][i])
        k = 1
        while env.agents:
            acts = {a: int(pick(o[a]["action_mask"], np.array([i]), k)[0]) for a in env.agents}
            o, r, *_ = env.step(acts)
            vo, vr = trace[k]
            for a in acts:
                assert np.array_equal(o[a]["observation"], vo[a]["observation"][i]), (i, k, a)
                assert r[a] == vr[a][i]
            k += 1
        assert k == len(trace)
