"""The pipeline board: a column per stage with its count, expected value and cards; lost prospects in a column kept folded unless asked for."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from clientela.crm.models import Customer, User
from clientela.crm.selectors.customers import customers_visible_to
from clientela.followup.models import PlannedContact
from clientela.pipeline.models import OPEN_STAGES, PipelineEntry, Stage, StageChange, manual_moves
from clientela.pipeline.selectors.classes import latest_prospect_snapshot, prospect_classes

CARDS_PER_COLUMN = 60


@dataclass(frozen=True)
class BoardFilters:
    """Whose pipeline to show (empty values do not filter), and whether the lost column shows its cards."""

    salesperson: int | None = None
    team: int | None = None
    prospect_class: str = ""
    lost: bool = False


@dataclass(frozen=True)
class NextContact:
    start: datetime
    channel: str


@dataclass(frozen=True)
class Card:
    entry: PipelineEntry
    prospect_class: str
    next_contact: NextContact | None
    days_in_stage: int
    dropped_because: str = ""  # why a lost prospect was dropped

    @property
    def customer(self) -> Customer:
        return self.entry.customer


@dataclass(frozen=True)
class Column:
    """A stage: how many are there, their expected value (None for lost: it is not expected any more) and cards.

    `moves` are the stages its cards may be moved to by hand (none for signed and qualified);
    `folded` says the cards were left out (the lost column, unless asked for).
    """

    stage: str
    label: str
    count: int
    expected_value_cents: int | None
    cards: list[Card]
    moves: tuple[tuple[str, str], ...]
    folded: bool = False

    @property
    def manual(self) -> bool:
        return bool(self.moves)

    @property
    def hidden(self) -> int:
        """Cards in the stage beyond those shown."""
        return 0 if self.folded else self.count - len(self.cards)


def board_entries(*, user: User, filters: BoardFilters) -> QuerySet[PipelineEntry]:
    """The pipeline entries of the customers the user may see, filtered by salesperson, team and prospect class."""
    customers = customers_visible_to(user)
    if filters.salesperson:
        customers = customers.filter(owner_id=filters.salesperson)
    if filters.team:
        customers = customers.filter(owner__team_id=filters.team)
    entries = PipelineEntry.objects.filter(customer__in=customers)
    if filters.prospect_class:
        snapshot = latest_prospect_snapshot()
        labelled = snapshot.classes.filter(label=filters.prospect_class).values("customer_id") if snapshot else []
        entries = entries.filter(customer_id__in=labelled, stage__in=OPEN_STAGES)
    return entries


def pipeline_board(*, user: User, filters: BoardFilters, today: date, per_column: int = CARDS_PER_COLUMN) -> list[Column]:
    """A column per stage: all its entries counted and the expected values of the open ones summed, the first `per_column` as cards.

    Prospects come by expected signing date (undated last); signed, qualified and lost customers
    latest first. The lost column shows its cards only with `filters.lost`. Cards carry the PI–PIV
    class of open prospects, the next planned follow-up, the days in the stage and, when lost, why.
    """
    entries = board_entries(user=user, filters=filters)
    totals = {row["stage"]: row for row in entries.values("stage").annotate(count=Count("id"), value=Sum("expected_value_cents")).order_by()}
    folded = {Stage.LOST} if not filters.lost else set()
    shown: dict[str, list[PipelineEntry]] = {}
    for stage in Stage.values:
        order = ["expected_signing_on", "-expected_value_cents", "customer__name"] if stage in OPEN_STAGES else ["-stage_since", "customer__name"]
        wanted = stage in totals and stage not in folded
        shown[stage] = list(entries.filter(stage=stage).select_related("customer__owner").order_by(*order)[:per_column]) if wanted else []
    ids = [entry.customer_id for cards in shown.values() for entry in cards]
    classes = prospect_classes(ids, latest_prospect_snapshot())
    contacts = _next_contacts(ids)
    dropped = _drop_reasons([entry.customer_id for entry in shown[Stage.LOST]])
    return [
        Column(
            stage=stage,
            label=Stage(stage).label,
            count=totals.get(stage, {}).get("count", 0),
            expected_value_cents=None if stage == Stage.LOST else totals.get(stage, {}).get("value") or 0,
            cards=[
                Card(
                    entry,
                    classes[entry.customer_id].label if entry.customer_id in classes and stage in OPEN_STAGES else "",
                    contacts.get(entry.customer_id),
                    max(0, (today - timezone.localdate(entry.stage_since)).days),
                    dropped.get(entry.customer_id, ""),
                )
                for entry in shown[stage]
            ],
            moves=tuple((move, Stage(move).label) for move in manual_moves(stage)),
            folded=stage in folded,
        )
        for stage in Stage.values
    ]


def _drop_reasons(customer_ids: list[int]) -> dict[int, str]:
    """Why each lost customer was dropped: the reason of its latest move to lost."""
    if not customer_ids:
        return {}
    drops = StageChange.objects.filter(customer_id__in=customer_ids, to_stage=Stage.LOST).order_by("at", "id")
    return dict(drops.values_list("customer_id", "reason"))


def _next_contacts(customer_ids: list[int]) -> dict[int, NextContact]:
    """The earliest open planned contact of each customer (an overdue one included)."""
    found: dict[int, NextContact] = {}
    planned = PlannedContact.objects.filter(customer_id__in=customer_ids, status=PlannedContact.Status.PLANNED).order_by("start")
    for customer_id, start, channel in planned.values_list("customer_id", "start", "channel"):
        found.setdefault(customer_id, NextContact(start, channel))
    return found


def stage_history(*, customer: Customer) -> QuerySet[StageChange]:
    """The customer's stage changes, oldest first, with who made them."""
    return customer.stage_changes.select_related("by").order_by("at", "id")
