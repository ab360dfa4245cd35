"""The dashboards' landing page: the first customers of a class, or who dropped out of VIP, and how many there are, over a scope."""

from dataclasses import dataclass

from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.selectors.scope import Scope
from clientela.dashboards.selectors.snapshots import listed_rows, scope_rows
from clientela.dashboards.selectors.vip import DroppedOut, dropped_out, dropped_rows

LISTED = 10


@dataclass(frozen=True)
class ClassMembers:
    """The first `LISTED` customers in scope of a class of a snapshot, by rank, and how many it holds in scope."""

    indexed: IndexedSnapshot
    count: int
    rows: list[SnapshotRow]


def class_members(*, indexed: IndexedSnapshot, scope: Scope, label: str, listed: int = LISTED) -> ClassMembers:
    """The customers in scope of one class of a snapshot."""
    rows = scope_rows(snapshot_id=indexed.snapshot_id, scope=scope).filter(label=label)
    return ClassMembers(indexed=indexed, count=rows.count(), rows=list(listed_rows(rows)[:listed]))


@dataclass(frozen=True)
class DropOuts:
    """The first `LISTED` customers in scope who left the VIP register as of a snapshot, and how many did."""

    count: int
    dropped: list[DroppedOut]


def vip_drop_outs(*, indexed: IndexedSnapshot, scope: Scope, listed: int = LISTED) -> DropOuts:
    """The customers in scope who dropped out of the register, with what they paid and when they were VIP before."""
    rows = dropped_rows(snapshot_id=indexed.snapshot_id, scope=scope)
    return DropOuts(count=rows.count(), dropped=dropped_out(indexed=indexed, rows=list(rows[:listed])))
