"""Names shown for classes, the strategy of each class, and the metrics, in the user's language."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from clientela.engine.metrics import Metric

CLASS_NAMES: dict[str, Promise] = {
    "vip": _("VIP"),
    "good": _("good"),
    "regular": _("regular"),
    "keep": _("keep"),
    "retain": _("retain"),
    "review": _("review"),
}

# SPEC S3.4 and S3.5, as the engine's schemes state them.
STRATEGIES: dict[str, Promise] = {
    "EI": _("consolidate: long-term plan, new products on top of the old ones, be their business consultant"),
    "EII": _("recover: find why they drift (trying new things, a better competitor offer, dissatisfaction), counter it, loyalty programme"),
    "EIII": _("promote: periodic visits, help with advertising, display and promotions"),
    "EIV": _("liquidate: review cost against benefit; abandon if the effort exceeds the return"),
    "keep": _("keep and grow: raise their loyalty"),
    "retain": _("retain: they break even"),
    "review": _("review the cost to serve them; let go if they consume more than they bring"),
}

METRICS: dict[str, Promise] = {
    Metric.REVENUE.value: _("revenue"),
    Metric.PAID.value: _("amount paid"),
    Metric.PAYMENTS.value: _("number of payments"),
    Metric.UNITS.value: _("units"),
    Metric.PROFIT.value: _("gross profit"),
    Metric.ORDERS.value: _("number of orders"),
}

NEW_NAME = _("new")  # the previous class of a customer the previous snapshot did not classify


def class_name(label: str) -> str:
    """The class as shown to the user."""
    return str(CLASS_NAMES.get(label, label))


def metric_name(metric: str) -> str:
    """The key metric as shown to the user."""
    return str(METRICS.get(metric, metric))
