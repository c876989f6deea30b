"""The statistics behind the verdicts."""

from __future__ import annotations

import math

import numpy as np
import pytest

from game.balance import stats


def test_wilson_matches_known_values():
    # Wilson 95% interval for 81/263 (a textbook example): [0.2553, 0.3662]
    p, lo, hi = stats.wilson(81, 263)
    assert p == pytest.approx(81 / 263)
    assert lo == pytest.approx(0.2553, abs=5e-4) and hi == pytest.approx(0.3662, abs=5e-4)
    # the interval never leaves [0, 1], even at the extremes
    assert stats.wilson(0, 10)[1] == pytest.approx(0.0) and stats.wilson(10, 10)[
        2
    ] == pytest.approx(1.0)
    assert 0.0 <= stats.wilson(0, 10)[1] and stats.wilson(10, 10)[2] <= 1.0
    assert 0 < stats.wilson(0, 10)[2] < 0.35


def test_bonferroni_widens_intervals():
    assert stats.z_for() == pytest.approx(1.959964, abs=1e-5)
    assert stats.z_for(0.95, 9) == pytest.approx(2.7729, abs=1e-3)
    assert stats.wilson(50, 100, stats.z_for(0.95, 5))[1] < stats.wilson(50, 100)[1]


def test_paired_difference_cancels_shared_luck():
    rng = np.random.default_rng(3)
    luck = rng.normal(0, 1, 2000)  # the same games for both arms
    a, b = luck + 0.05, luck
    m, lo, hi = stats.paired_diff(a, b)
    assert m == pytest.approx(0.05) and hi - lo < 1e-9
    m2, lo2, hi2 = stats.mean_ci(a)
    assert hi2 - lo2 > 0.05  # unpaired, the same gap would drown in the luck


def test_ratio_interval_covers_the_share():
    num = np.array([1, 2, 0, 3, 1] * 40)
    den = np.array([2, 2, 2, 4, 2] * 40)
    r, lo, hi = stats.ratio_ci(num, den)
    assert r == pytest.approx(7 / 12) and lo < r < hi
    assert math.isnan(stats.ratio_ci(np.zeros(3), np.zeros(3))[0])  # nothing taken: no share


def test_sample_size_helpers():
    # the research report's table: +-5 pp at p = 1/3 needs 342 games
    assert stats.games_for_half_width(0.05, 1 / 3) in range(340, 345)
    assert stats.games_for_mean(0.1, 0.01) == 385


def test_small_samples_use_students_t():
    """Five games: the 95% interval of the mean is mean ± t(0.975, 4)·s/√n = 3 ± 1.9632, not
    the normal ± 1.3859 (which would claim far more certainty than five games give)."""
    m, lo, hi = stats.mean_ci(np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
    assert m == pytest.approx(3.0)
    assert hi - m == pytest.approx(2.7764451 * math.sqrt(2.5) / math.sqrt(5), abs=1e-6)
    assert lo == pytest.approx(3.0 - 1.9632, abs=1e-4)
    # with many games t approaches the normal value
    big = np.tile([0.0, 1.0], 5000)
    m, lo, hi = stats.mean_ci(big)
    assert (hi - m) / (big.std(ddof=1) / math.sqrt(big.size)) == pytest.approx(1.96, abs=1e-3)
    # one game: no interval can be claimed
    m, lo, hi = stats.mean_ci(np.array([0.4]))
    assert m == 0.4 and lo == -math.inf and hi == math.inf


def test_students_t_keeps_the_bonferroni_level():
    z = stats.z_for(0.95, 9)
    assert stats.t_for(z, 10) == pytest.approx(3.6219, abs=1e-3)  # t(1 - 0.05/18, 9)
