"""Seeded simulations of the buy-till-you-die processes, to check that the fits recover their parameters."""

import numpy as np


def bgnbd_customers(n: int, *, r: float, alpha: float, a: float, b: float, seed: int) -> dict[str, np.ndarray]:
    """Customers observed for T in [10, 40]: Poisson(λ) purchases, dropping out after each repeat purchase with probability p."""
    rng = np.random.default_rng(seed)
    age = rng.uniform(10, 40, n).round(1)
    rate, drop = rng.gamma(r, 1 / alpha, n), rng.beta(a, b, n)
    frequency, recency = np.zeros(n), np.zeros(n)
    for i in range(n):
        t = rng.exponential(1 / rate[i])
        while t <= age[i]:
            frequency[i] += 1
            recency[i] = t
            if rng.random() < drop[i]:
                break
            t += rng.exponential(1 / rate[i])
    return {"frequency": frequency, "recency": recency, "T": age}


def pareto_nbd_customers(n: int, *, r: float, alpha: float, s: float, beta: float, seed: int) -> dict[str, np.ndarray]:
    """Customers observed for T in [10, 40]: Poisson(λ) purchases during an exponential(μ) lifetime."""
    rng = np.random.default_rng(seed)
    age = rng.uniform(10, 40, n).round(1)
    rate, death = rng.gamma(r, 1 / alpha, n), rng.gamma(s, 1 / beta, n)
    lifetime = np.minimum(rng.exponential(1 / death), age)
    frequency, recency = np.zeros(n), np.zeros(n)
    for i in range(n):
        t = rng.exponential(1 / rate[i])
        while t <= lifetime[i]:
            frequency[i] += 1
            recency[i] = t
            t += rng.exponential(1 / rate[i])
    return {"frequency": frequency, "recency": recency, "T": age}


def gamma_gamma_customers(n: int, *, p: float, q: float, v: float, seed: int) -> dict[str, np.ndarray]:
    """Repeat customers with 1 to 10 purchases of Gamma(p, ν) value, ν ~ Gamma(q, v)."""
    frequency = np.random.default_rng(seed).integers(1, 11, n).astype(np.float64)
    return {"frequency": frequency, "monetary_value": mean_spend(frequency, p=p, q=q, v=v, seed=seed + 1)}


def mean_spend(frequency: np.ndarray, *, p: float, q: float, v: float, seed: int) -> np.ndarray:
    """The mean value of each customer's ``frequency`` purchases under the Gamma-Gamma model (0 without any)."""
    rng = np.random.default_rng(seed)
    nu = rng.gamma(q, 1 / v, len(frequency))
    return np.array([rng.gamma(p, 1 / nu[i], int(x)).mean() if x > 0 else 0.0 for i, x in enumerate(frequency)])
