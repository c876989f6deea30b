"""Small, dependency-free statistics for balance studies.

* ``wilson``: the Wilson score interval for a proportion (k successes in n games).
* ``mean_ci``: Student's t interval for a mean (right for the handful of games of a quick look
  as well as for the hundreds of a study, where it approaches the normal interval).
* ``paired_diff``: the interval of the mean of paired differences (common random numbers: both
  arms played the very same games, so the game-to-game luck cancels out).
* ``ratio_ci``: the interval of a ratio of sums (e.g. one action's share of all the actions a
  role took), with the delta method and games as independent clusters.
* ``z_for``: the two-sided normal quantile for a confidence level, with a Bonferroni correction
  when several checks share one error budget. Functions take this ``z`` to name the confidence
  level; those whose sampling distribution is Student's t (means, paired differences, ratios
  with games as clusters) turn it into the t quantile with ``n - 1`` degrees of freedom.

Every interval is returned as ``(estimate, low, high)``. Quantiles come from SciPy.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

CONFIDENCE = 0.95


def z_for(confidence: float = CONFIDENCE, comparisons: int = 1) -> float:
    """Two-sided normal quantile; ``comparisons`` > 1 applies a Bonferroni correction."""
    alpha = (1.0 - confidence) / max(1, comparisons)
    return NormalDist().inv_cdf(1.0 - alpha / 2.0)


def t_for(z: float, n: int) -> float:
    """The Student's t quantile for ``n`` observations (``n - 1`` degrees of freedom) at the
    same two-sided confidence level as the normal quantile ``z``."""
    from scipy.stats import t

    upper = NormalDist().cdf(z)  # 1 - alpha/2
    return float(t.ppf(upper, max(1, n - 1)))


def wilson(k: int, n: int, z: float | None = None) -> tuple[float, float, float]:
    """Wilson score interval for ``k`` successes out of ``n``.

    >>> [round(x, 4) for x in wilson(81, 263)]  # a textbook example
    [0.308, 0.2553, 0.3662]
    """
    z = z_for() if z is None else z
    if n <= 0:
        return (math.nan, 0.0, 1.0)
    p = k / n
    z2 = z * z
    den = 1.0 + z2 / n
    centre = (p + z2 / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / den
    return (p, max(0.0, centre - half), min(1.0, centre + half))


def mean_ci(x: np.ndarray, z: float | None = None) -> tuple[float, float, float]:
    """Mean of ``x`` with Student's t interval at the confidence level ``z`` names (one value:
    no interval can be given, so it is (nan, -inf, inf))."""
    z = z_for() if z is None else z
    x = np.asarray(x, dtype=np.float64)
    n = x.size
    if n == 0:
        return (math.nan, math.nan, math.nan)
    m = float(x.mean())
    if n == 1:
        return (m, -math.inf, math.inf)
    se = float(x.std(ddof=1)) / math.sqrt(n)
    t = t_for(z, n)
    return (m, m - t * se, m + t * se)


def paired_diff(a: np.ndarray, b: np.ndarray, z: float | None = None) -> tuple[float, float, float]:
    """Mean of ``a - b`` over paired games (same seeds and game indices) with its interval."""
    return mean_ci(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64), z)


def ratio_ci(
    num: np.ndarray, den: np.ndarray, z: float | None = None
) -> tuple[float, float, float]:
    """``sum(num) / sum(den)`` with a delta-method interval (games are the clusters)."""
    z = z_for() if z is None else z
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    n = num.size
    tot = float(den.sum())
    if n == 0 or tot <= 0:
        return (math.nan, 0.0, 1.0)
    r = float(num.sum()) / tot
    if n == 1:
        return (r, 0.0, 1.0)
    resid = num - r * den
    se = math.sqrt(float(resid.var(ddof=1)) * n) / tot
    t = t_for(z, n)
    return (r, max(0.0, r - t * se), min(1.0, r + t * se))


def games_for_half_width(half_width: float, p: float = 0.5, z: float | None = None) -> int:
    """Games needed so a proportion's interval is at most ``half_width`` wide on each side."""
    z = z_for() if z is None else z
    return int(math.ceil(z * z * p * (1 - p) / max(1e-12, half_width) ** 2))


def games_for_mean(sd: float, half_width: float, z: float | None = None) -> int:
    """Games needed so a mean (or a paired difference) of spread ``sd`` is known to ±half_width."""
    z = z_for() if z is None else z
    return int(math.ceil((z * sd / max(1e-12, half_width)) ** 2))
