"""Profit 20/60/20: each band's share of the company's profit, and the loss-making customers."""

from dataclasses import dataclass

from django.db.models import QuerySet

from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.selectors.scope import Scope
from clientela.dashboards.selectors.snapshots import company_summary, listed_rows, scope_rows, scope_total
from clientela.dashboards.summary import Summary

LOSSES = 50


@dataclass(frozen=True)
class ProfitBands:
    """The summaries of the customers shown and of the company, and the shown customers with the largest losses."""

    summary: Summary
    company: Summary
    losses: list[SnapshotRow]

    def company_share(self, label: str) -> float | None:
        """The share of the company's profit that the customers shown in a band bring (None when the profit is zero)."""
        total = sum(band.value for band in self.company.classes.values())
        return None if total == 0 else self.summary.value_in(label) / total


def loss_rows(*, snapshot_id: int, scope: Scope) -> QuerySet[SnapshotRow]:
    """The customers in scope with a negative profit, largest loss first."""
    return listed_rows(scope_rows(snapshot_id=snapshot_id, scope=scope).filter(value__lt=0).order_by("-rank"))


def profit_bands(*, indexed: IndexedSnapshot, scope: Scope, losses: int = LOSSES) -> ProfitBands:
    """The profit bands' data over the customers in scope."""
    summary = scope_total(indexed=indexed, scope=scope)
    company = summary if scope.everyone else company_summary(indexed)
    return ProfitBands(summary=summary, company=company, losses=list(loss_rows(snapshot_id=indexed.snapshot_id, scope=scope)[:losses]))
