"""Stage moves: by hand where the data cannot tell (future → potential → target), by the data after that."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from clientela.crm.models import Alert, Customer, User
from clientela.crm.services.versions import customer_version_claim
from clientela.pipeline.models import MANUAL_STAGES, REOPEN_STAGES, PipelineEntry, Stage, StageChange, manual_moves
from clientela.pipeline.standing import Overdue, Standing, contract_standing, data_moves
from clientela.receivables.selectors.ledgers import customer_documents

SYNC_BY_ID = 5000  # customer ids a sync filters by; more sync everybody (a pass over all costs about the same, in few query parameters)
DATA_STAGES_MESSAGE = (
    "signed and qualified follow the contracts and payments: a customer is signed once a contract is signed and its "
    "first payment received, and qualified once it pays every instalment by its due date; record those and the stage follows"
)


@transaction.atomic
def pipeline_entry_ensure(*, customer: Customer) -> PipelineEntry:
    """The customer's pipeline entry, created (prospects at future, customers at signed) when it has none yet."""
    return _entry_for(customer)


def _entry_for(customer: Customer) -> PipelineEntry:
    """The customer's entry, created at the stage its status suggests when it has none."""
    entry = PipelineEntry.objects.select_for_update().filter(customer=customer).first()
    if entry is not None:
        return entry
    stage, reason = _starting_stage(customer.status)
    entry = PipelineEntry.objects.create(customer=customer, stage=stage)
    StageChange.objects.create(customer=customer, from_stage="", to_stage=stage, at=entry.stage_since, reason=reason)
    return entry


def _starting_stage(status: str) -> tuple[str, str]:
    if status == Customer.Status.PROSPECT:
        return Stage.FUTURE, "entered the pipeline as a prospect"
    return Stage.SIGNED, "already a customer when it entered the pipeline"


@transaction.atomic
def stage_move(*, user: User, customer: Customer, to_stage: str, reason: str) -> PipelineEntry:
    """Move a prospect by hand, with a reason; ValidationError says why a move is refused.

    Open prospects move between future, potential and target, or drop out to lost (a target that
    signed with a competitor, a lead that went nowhere); a lost prospect is reopened at future or
    potential. Signed and qualified follow the data (`pipeline_sync`).
    """
    entry = _entry_for(customer)
    reason = reason.strip()
    if to_stage not in Stage.values:
        raise ValidationError({"stage": f'"{to_stage}" is not a stage; expected one of {", ".join(Stage.values)}'})
    if to_stage == entry.stage:
        raise ValidationError({"stage": f"{customer.name} is already at stage {entry.get_stage_display()}"})
    if to_stage not in MANUAL_STAGES or entry.stage not in MANUAL_STAGES:
        raise ValidationError({"stage": f"{customer.name} cannot be moved by hand to {Stage(to_stage).label}: {DATA_STAGES_MESSAGE}"})
    if to_stage not in manual_moves(entry.stage):
        reopen = " or ".join(str(Stage(stage).label) for stage in REOPEN_STAGES)
        raise ValidationError({"stage": f"{customer.name} is lost: reopen it at {reopen}, then move it on from there"})
    if not reason:
        raise ValidationError({"reason": "give a reason for the move"})
    if len(reason) > 300:
        raise ValidationError({"reason": "keep the reason under 300 characters"})
    _move(entry, to_stage, at=timezone.now(), by=user, reason=reason)
    return entry


def _move(entry: PipelineEntry, to_stage: str, *, at: datetime, by: User | None, reason: str) -> None:
    StageChange.objects.create(customer_id=entry.customer_id, from_stage=entry.stage, to_stage=to_stage, at=at, by=by, reason=reason)
    entry.stage = to_stage
    entry.stage_since = at
    entry.save(update_fields=["stage", "stage_since"])


@dataclass(frozen=True)
class SyncResult:
    """What a sync did: entries created for customers without one, stage moves made, alerts raised."""

    entries_created: int
    moves: int
    alerts: int


@transaction.atomic
def pipeline_sync(*, today: date, customer_ids: Collection[int] | None = None) -> SyncResult:
    """Apply the data-driven moves to every customer (or those of `customer_ids`) as of `today`; running it again changes nothing.

    Customers without an entry get one (prospects at future, others at signed). Then a first
    payment on a signed contract makes a prospect signed (and an active customer), the latest
    contract paid in full by its due dates makes it qualified, and an overdue instalment takes it
    back to signed; each move is dated on the day the data show, and each overdue instalment of a
    signed or qualified customer alerts its owner once. More than `SYNC_BY_ID` customer ids sync
    every customer, which gives them the same result.
    """
    ids = list(customer_ids) if customer_ids is not None and len(customer_ids) <= SYNC_BY_ID else None
    created = _entries_create(ids)
    standings = _standings(today, ids)
    entries = PipelineEntry.objects.select_for_update().filter(customer_id__in=list(standings)).select_related("customer")
    moves = 0
    for entry in entries:
        for move in data_moves(entry.stage, standings[entry.customer_id]):
            _move(entry, move.to_stage, at=_moment(move.on, entry.stage_since), by=None, reason=move.reason)
            moves += 1
            if move.to_stage == Stage.SIGNED and entry.customer.status == Customer.Status.PROSPECT:
                _activate(entry.customer, move.on)
    alerts = _overdue_alerts(standings)
    return SyncResult(created, moves, alerts)


def _only(records: QuerySet[Any], customer_field: str, ids: list[int] | None) -> QuerySet[Any]:
    """The records of the customers of `ids` (all of them for None)."""
    return records if ids is None else records.filter(**{f"{customer_field}__in": ids})


def _entries_create(ids: list[int] | None) -> int:
    missing = list(_only(Customer.objects.filter(pipeline__isnull=True), "pk", ids).values_list("id", "status"))
    now = timezone.now()
    starts = {pk: _starting_stage(status) for pk, status in missing}
    PipelineEntry.objects.bulk_create(PipelineEntry(customer_id=pk, stage=stage, stage_since=now) for pk, (stage, _) in starts.items())
    StageChange.objects.bulk_create(
        StageChange(customer_id=pk, from_stage="", to_stage=stage, at=now, reason=reason) for pk, (stage, reason) in starts.items()
    )
    return len(missing)


def _standings(today: date, ids: list[int] | None) -> dict[int, Standing]:
    """Each customer (of `ids`) with contracts: how it stands on them, its payments allocated as on the receivables pages."""
    documents = customer_documents(customers=_only(Customer.objects.filter(contracts__isnull=False), "pk", ids).distinct())
    return {
        customer_id: contract_standing(docs.schedules, docs.receipts, today, docs.invoices)
        for customer_id, docs in documents.items()
        if docs.schedules
    }


def _moment(day: date, not_before: datetime) -> datetime:
    """The start of `day`, or the last change if that came later (so that the history stays in order)."""
    return max(datetime.combine(day, time.min, timezone.get_current_timezone()), not_before)


def _activate(customer: Customer, first_payment: date) -> None:
    """A signed prospect is a customer now: the customer schemes classify it from here on."""
    customer_version_claim(customer=customer, expected_version=None)
    customer.status = Customer.Status.ACTIVE
    customer.customer_since = customer.customer_since or first_payment
    customer.updated_at = timezone.now()
    customer.save(update_fields=["status", "customer_since", "updated_at"])


def _overdue_alerts(standings: dict[int, Standing]) -> int:
    late = {customer_id: standing.overdue for customer_id, standing in standings.items() if standing.overdue}
    if not late:
        return 0
    customers = Customer.objects.filter(pk__in=list(late), owner__isnull=False, pipeline__stage__in=[Stage.SIGNED, Stage.QUALIFIED])
    raised = set(Alert.objects.filter(kind=Alert.Kind.INSTALMENT_OVERDUE, customer__in=customers).values_list("customer_id", "message"))
    alerts = [
        Alert(recipient_id=customer.owner_id, customer=customer, kind=Alert.Kind.INSTALMENT_OVERDUE, message=message)
        for customer in customers
        for overdue in late[customer.pk]
        if (customer.pk, message := overdue_message(customer.name, overdue)) not in raised
    ]
    Alert.objects.bulk_create(alerts)
    return len(alerts)


def overdue_message(name: str, overdue: Overdue) -> str:
    """The alert about one overdue instalment (the same text each time: it is raised once)."""
    return (
        f"{name}: instalment {overdue.sequence} of contract {overdue.contract_id} was due on {overdue.due} and is not paid in full; "
        "it stays signed, not qualified, until it is paid"
    )
