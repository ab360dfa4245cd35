"""The Pareto chart of an ABC snapshot: the first customers shown as bars, the cumulative share of all of them."""

from dataclasses import dataclass

from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.selectors.scope import Scope
from clientela.dashboards.selectors.snapshots import listed_rows, scope_rows, scope_summary
from clientela.dashboards.summary import Summary

BARS = 50


@dataclass(frozen=True)
class Pareto:
    """The summary of the customers shown and the first `BARS` of them by rank."""

    summary: Summary
    top: list[SnapshotRow]


def pareto(*, indexed: IndexedSnapshot, scope: Scope, bars: int = BARS) -> Pareto:
    """The Pareto chart's data over the customers in scope."""
    return Pareto(
        summary=scope_summary(indexed=indexed, scope=scope),
        top=list(listed_rows(scope_rows(snapshot_id=indexed.snapshot_id, scope=scope))[:bars]),
    )
