"""The dashboards' landing page: the first customers of a class, and how many there are, over a scope."""

from dataclasses import dataclass

from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.selectors.scope import Scope
from clientela.dashboards.selectors.snapshots import listed_rows, scope_rows

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
