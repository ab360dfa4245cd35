"""Expected customer value over a horizon: expected purchases month by month × expected spend, discounted."""

from typing import Any

import numpy as np

from clientela.churn.errors import ChurnInputError
from clientela.churn.observed_spend import SpendModel
from clientela.churn.transaction_model import TransactionModel
from clientela.churn.units import DAYS_PER_MONTH, TimeUnit


def customer_value(
    purchases: TransactionModel,
    spend: SpendModel,
    data: Any,
    *,
    time_unit: TimeUnit | str,
    months: int = 12,
    monthly_discount_rate: float = 0.01,
) -> np.ndarray:
    """Each customer's expected value over the next ``months`` months, discounted monthly.

    The value is Σ_{i=1..months} spend · (E[purchases in i months] − E[purchases in i−1 months]) / (1 + d)^i:
    the purchases a fitted BG/NBD or Pareto/NBD model expects in each month after the calibration
    end, times the expected spend per purchase (Gamma-Gamma), discounted at the monthly rate d
    (the method of the `lifetimes` package). A month is 365.25 / 12 days.

    Parameters
    ----------
    purchases
        A fitted `BGNBDModel` or `ParetoNBDModel`.
    spend
        A fitted `GammaGammaModel`, or `ObservedMeanSpend` when spend cannot be fitted.
    data
        Columns ``frequency``, ``recency``, ``T`` (in ``time_unit``) and ``monetary_value``.
    time_unit
        The unit of recency and T the transaction model was fitted in.
    months
        The horizon in months.
    monthly_discount_rate
        The discount rate per month (0.01 is about 12.7 % a year).

    Returns
    -------
    numpy.ndarray
        One value per customer, in the currency of ``monetary_value``.

    Examples
    --------
    >>> from clientela.churn import BGNBDModel, FitResult, GammaGammaModel
    >>> purchases = BGNBDModel.from_result(FitResult("bgnbd", {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, {}, 0.0, 0))
    >>> spend = GammaGammaModel.from_result(FitResult("gamma-gamma", {"p": 6.25, "q": 3.74, "v": 15.44}, {}, 0.0, 0))
    >>> data = {"frequency": [2, 0], "recency": [30.43, 0.0], "T": [38.86, 38.86], "monetary_value": [22.35, 0.0]}
    >>> customer_value(purchases, spend, data, time_unit="week", months=12).round(2).tolist()
    [36.31, 8.37]
    """
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ChurnInputError(f"months must be a positive integer (got {months!r})")
    if not (np.isfinite(monthly_discount_rate) and monthly_discount_rate >= 0):
        raise ChurnInputError(f"monthly_discount_rate must be a number >= 0 (got {monthly_discount_rate!r})")
    try:
        unit = TimeUnit(time_unit)
    except ValueError:
        raise ChurnInputError(f'time_unit must be one of {", ".join(u.value for u in TimeUnit)} (got "{time_unit}")') from None
    month = DAYS_PER_MONTH / unit.days
    cumulative = purchases.expected_purchases(data, month * np.arange(1, months + 1))
    per_month = np.diff(cumulative, axis=1, prepend=0.0)
    discount = (1.0 + monthly_discount_rate) ** -np.arange(1, months + 1)
    return spend.expected_spend(data) * (per_month @ discount)
