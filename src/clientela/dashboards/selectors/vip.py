"""The rolling VIP register: who is in it month by month, entries and exits, and who dropped out."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from clientela.crm.models import Alert
from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.selectors.scope import Scope
from clientela.dashboards.selectors.snapshots import chunks, explanations, listed_rows, scope_rows, scope_totals
from clientela.dashboards.summary import Summary

VIP = "vip"
LISTED = 50


@dataclass(frozen=True)
class RegisterLine:
    """A customer of the register and the months (YYYY-MM) of the window in which they were a monthly VIP."""

    row: SnapshotRow
    months: frozenset[str]


@dataclass(frozen=True)
class RegisterMonth:
    """The register as of a snapshot: its size, and the customers who entered and left it since the previous one."""

    as_of: date
    size: int
    entries: int | None  # None without a previous snapshot
    exits: int | None


@dataclass(frozen=True)
class DroppedOut:
    """A customer who left the register: now, what they paid and when they were VIP as of the previous snapshot, and the alert raised."""

    row: SnapshotRow
    paid_before: int | None
    months_before: list[str]
    alert: Alert | None


@dataclass(frozen=True)
class VipRegister:
    summary: Summary
    window: list[str]  # the months of the window, oldest first
    register: list[RegisterLine]
    history: list[RegisterMonth]  # oldest first
    dropped: list[DroppedOut]


def window_months(as_of: date, months: int) -> list[str]:
    """The calendar months (YYYY-MM) of a window of `months` ending with the month of `as_of`, oldest first."""
    last = as_of.year * 12 + as_of.month - 1
    return [f"{month // 12:04d}-{month % 12 + 1:02d}" for month in range(last - months + 1, last + 1)]


def register_month(as_of: date, summary: Summary) -> RegisterMonth:
    """The register's size, entries and exits from a snapshot's summary."""
    size = summary.classes[VIP].customers if VIP in summary.classes else 0
    if summary.flows is None:
        return RegisterMonth(as_of, size, None, None)
    entries = sum(count for (before, after), count in summary.flows.items() if after == VIP and before != VIP)
    exits = sum(count for (before, after), count in summary.flows.items() if before == VIP and after != VIP)
    return RegisterMonth(as_of, size, entries, exits)


def register_rows(*, snapshot_id: int, scope: Scope) -> QuerySet[SnapshotRow]:
    """The register's customers in scope, by rank (largest amount first)."""
    return listed_rows(scope_rows(snapshot_id=snapshot_id, scope=scope).filter(label=VIP))


def dropped_rows(*, snapshot_id: int, scope: Scope) -> QuerySet[SnapshotRow]:
    """The customers in scope who were in the previous snapshot's register and are not in this one, by rank."""
    return listed_rows(scope_rows(snapshot_id=snapshot_id, scope=scope).filter(previous_label=VIP).exclude(label=VIP))


def register_lines(*, snapshot_id: int, rows: list[SnapshotRow]) -> list[RegisterLine]:
    """The months in which each of `rows` was a monthly VIP, from their explanations."""
    stored = explanations(snapshot_id=snapshot_id, customer_ids=(row.customer_id for row in rows))
    return [RegisterLine(row, frozenset(_months(stored.get(row.customer_id, {})))) for row in rows]


def dropped_out(*, indexed: IndexedSnapshot, rows: list[SnapshotRow]) -> list[DroppedOut]:
    """What each of `rows` paid and when they were VIP as of the previous snapshot, with their latest class-exit alert."""
    before = explanations(snapshot_id=indexed.previous_id, customer_ids=(row.customer_id for row in rows)) if indexed.previous_id else {}
    alerts: dict[int, Alert] = {}
    for chunk in chunks([row.customer_id for row in rows]):
        for alert in Alert.objects.filter(kind=Alert.Kind.CLASS_EXIT, customer_id__in=chunk).order_by("created_at", "id"):
            alerts[alert.customer_id] = alert  # the latest wins
    return [
        DroppedOut(row, before.get(row.customer_id, {}).get("value"), _months(before.get(row.customer_id, {})), alerts.get(row.customer_id))
        for row in rows
    ]


def vip_register(*, history: list[IndexedSnapshot], window: int, scope: Scope, listed: int = LISTED) -> VipRegister:
    """The register as of the last of `history` (its first `listed` customers), its size, entries and exits in each of
    `history` (oldest first), and who dropped out of it."""
    indexed = history[-1]
    summaries = scope_totals(indexed=history, scope=scope)
    snapshot_id = indexed.snapshot_id
    return VipRegister(
        summary=summaries[snapshot_id],
        window=window_months(indexed.snapshot.as_of, window),
        register=register_lines(snapshot_id=snapshot_id, rows=list(register_rows(snapshot_id=snapshot_id, scope=scope)[:listed])),
        history=[register_month(item.snapshot.as_of, summaries[item.snapshot_id]) for item in history],
        dropped=dropped_out(indexed=indexed, rows=list(dropped_rows(snapshot_id=snapshot_id, scope=scope)[:listed])),
    )


def _months(explanation: dict) -> list[str]:
    return [month for month in (explanation.get("months_vip") or "").split(",") if month]
