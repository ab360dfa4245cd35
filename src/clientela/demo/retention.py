"""The demo's churn fits, one at each month end of the segmentation history, as the monthly runs make them.

They come before the history's segmentation runs, so that the matrix counts their probability
alive into stability; each month's retention review (lost and at-risk customers) follows that
month's runs.
"""

from collections.abc import Callable
from datetime import date

from clientela.retention.services import churn_fit_run


def churn_history(*, month_ends: list[date], step: Callable[[str], None]) -> None:
    """Fit purchases and spend as of each month end."""
    for as_of in sorted(month_ends):
        step(f"fitting purchases and spend as of {as_of}")
        churn_fit_run(as_of=as_of)
