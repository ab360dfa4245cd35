"""Lost customers and their analysis by class at the time of loss, month and reason, over the customers a user may see."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from clientela.crm.models import Customer
from clientela.retention.models import CustomerLoss, CustomerLossClass, LossReason


@dataclass(frozen=True)
class LossGroup:
    """Losses of one class, month or reason: how many, how many bought again since, and the revenue lost.

    `key` is the scheme (for a class), the month (YYYY-MM) or the reason's value; `label` the class, month or reason.
    """

    key: str
    label: str
    losses: int
    recovered: int
    revenue_cents: int


@dataclass(frozen=True)
class LossAnalysis:
    start: date
    end: date
    total: LossGroup
    by_class: list[LossGroup]
    by_month: list[LossGroup]
    by_reason: list[LossGroup]


def losses_in(*, customers: QuerySet[Customer], start: date, end: date) -> QuerySet[CustomerLoss]:
    """The losses of `customers` dated start … end (inclusive), newest first, with what the list shows."""
    return (
        CustomerLoss.objects.filter(customer__in=customers, lost_on__gte=start, lost_on__lte=end)
        .select_related("customer__owner", "recorded_by")
        .prefetch_related("classes")
    )


def _figures(prefix: str = "") -> dict[str, Count | Sum]:
    """The aggregates of a group of losses; `prefix` is the path to the loss (for classes: "loss__")."""
    return {
        "losses": Count(f"{prefix}id"),
        "recovered": Count(f"{prefix}id", filter=Q(**{f"{prefix}recovered_on__isnull": False})),
        "revenue": Sum(f"{prefix}revenue_12m_cents"),
    }


def _group(key: str, label: str, row: dict) -> LossGroup:
    return LossGroup(key, label, row["losses"], row["recovered"], row["revenue"] or 0)


def loss_analysis(*, customers: QuerySet[Customer], start: date, end: date) -> LossAnalysis:
    """Losses dated start … end by class at the time of loss (per scheme), by month and by reason.

    Revenue lost is each customer's revenue in the 12 months before its loss. A customer lost
    twice counts twice; `recovered` counts the losses after which the customer bought again.
    """
    losses = CustomerLoss.objects.filter(customer__in=customers, lost_on__gte=start, lost_on__lte=end)
    classes = CustomerLossClass.objects.filter(loss__in=losses).values("scheme_name", "label").annotate(**_figures("loss__"))
    months = losses.annotate(month=TruncMonth("lost_on")).values("month").annotate(**_figures())
    by_reason = {row["reason"]: row for row in losses.values("reason").annotate(**_figures())}
    return LossAnalysis(
        start=start,
        end=end,
        total=_group("", "", losses.aggregate(**_figures())),
        by_class=[_group(row["scheme_name"], row["label"], row) for row in classes.order_by("scheme_name", "label")],
        by_month=[_group(row["month"].strftime("%Y-%m"), row["month"].strftime("%Y-%m"), row) for row in months.order_by("month")],
        by_reason=[_group(value, str(label), by_reason[value]) for value, label in LossReason.choices if value in by_reason],
    )
