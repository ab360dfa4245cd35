"""Spend per purchase as observed, for when the Gamma-Gamma model cannot be fitted."""

from typing import Any, Protocol

import numpy as np

from clientela.churn.errors import ChurnInputError
from clientela.churn.inputs import SPEND_COLUMNS, read_columns


class SpendModel(Protocol):
    """What `customer_value` needs of a spend model: each customer's expected spend per purchase."""

    def expected_spend(self, data: Any) -> np.ndarray: ...


class ObservedMeanSpend:
    """Each repeat customer's own mean spend per purchase; the mean of those for everyone else.

    This is where the Gamma-Gamma expectation p(v + x·m) / (p·x + q − 1) goes when its shape p
    grows without bound at a fixed population mean: spend that varies little within a customer
    compared with between customers, the case in which its fit does not converge. Customers
    without repeat purchases, or whose repeat purchases net to nothing or less, get the mean over
    the repeat customers with a positive mean.

    Examples
    --------
    >>> data = {"frequency": [2, 0, 4, 1], "monetary_value": [20.0, 0.0, 10.0, -5.0]}
    >>> ObservedMeanSpend().expected_spend(data).tolist()
    [20.0, 15.0, 10.0, 15.0]
    """

    def expected_spend(self, data: Any) -> np.ndarray:
        """Each customer's expected spend per purchase (see the class).

        Raises
        ------
        ChurnInputError
            When no customer has repeat purchases with a positive mean spend.
        """
        columns = read_columns(data, SPEND_COLUMNS)
        x, m = columns["frequency"], columns["monetary_value"]
        known = (x > 0) & (m > 0)
        if not known.any():
            raise ChurnInputError("no customer has repeat purchases with a positive mean spend")
        return np.where(known, m, m[known].mean())
