"""The contribution × stability matrix: the largest customers as points, and the EII customers to recover."""

from dataclasses import dataclass

from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.selectors.scope import Scope
from clientela.dashboards.selectors.snapshots import listed_rows, scope_rows, scope_total
from clientela.dashboards.summary import Summary

POINTS = 300
RECOVER = 50


@dataclass(frozen=True)
class Matrix:
    """The summary of the customers shown, the `POINTS` largest contributions among them, and their first EII customers."""

    summary: Summary
    points: list[SnapshotRow]
    recover: list[SnapshotRow]

    @property
    def unplotted(self) -> int:
        """How many of the points have no positive contribution (a logarithmic axis cannot show them)."""
        return sum(1 for row in self.points if (row.contribution or 0) <= 0)


def contribution_stability(*, indexed: IndexedSnapshot, scope: Scope, points: int = POINTS, recover: int = RECOVER) -> Matrix:
    """The matrix's data over the customers in scope (the rank orders by contribution, largest first)."""
    rows = listed_rows(scope_rows(snapshot_id=indexed.snapshot_id, scope=scope))
    return Matrix(
        summary=scope_total(indexed=indexed, scope=scope),
        points=list(rows[:points]),
        recover=list(rows.filter(label="EII")[:recover]),
    )
