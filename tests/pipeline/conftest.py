"""Pipeline fixtures: prospects at a stage, contracts with their schedules, payments."""

import itertools
from collections.abc import Callable
from datetime import date, datetime, time

import pytest
from django.utils import timezone

from clientela.crm.models import Customer, User
from clientela.crm.services.business import contracts_upsert, payments_upsert
from clientela.pipeline.models import PipelineEntry, StageChange
from clientela.pipeline.services.prospects import prospect_create

MakeProspect = Callable[..., Customer]


def moment(day: date, hour: int = 9) -> datetime:
    """The aware datetime of `day` at `hour` in the current time zone."""
    return datetime.combine(day, time(hour), timezone.get_current_timezone())


@pytest.fixture
def prospect(salesperson) -> MakeProspect:
    """Create a prospect of `owner` (default: the salesperson) at a stage: prospect("Bar Sol", stage="target", city=…)."""
    numbers = itertools.count(1)

    def make(name: str, *, owner: User | None = None, stage: str = "future", **details) -> Customer:
        return prospect_create(
            user=owner or salesperson, owner=owner or salesperson, name=name, stage=stage, external_id=f"P{next(numbers)}", confirmed=True, **details
        )

    return make


@pytest.fixture
def contract() -> Callable[..., None]:
    """Record a signed contract with its schedule: contract(customer, "K1", signed_on, [(due, amount_cents), …])."""

    def make(customer: Customer, contract_id: str, signed_on: date, schedule: list[tuple[date, int]]) -> None:
        contracts_upsert(
            contracts=[(contract_id, customer.pk, signed_on, sum(amount for _, amount in schedule), "")],
            schedules={contract_id: [(n, due, amount) for n, (due, amount) in enumerate(schedule, 1)]},
        )

    return make


@pytest.fixture
def pay() -> Callable[..., None]:
    """Record a payment: pay(customer, day, amount_cents, invoice="")."""
    references = itertools.count(1)

    def make(customer: Customer, day: date, amount_cents: int, invoice: str = "") -> None:
        payments_upsert(rows=[(f"PAY{next(references)}", customer.pk, day, amount_cents, invoice)])

    return make


def history(customer: Customer) -> list[tuple[str, str, bool]]:
    """The customer's stage changes as (from, to, automatic)."""
    return [(c.from_stage, c.to_stage, c.by_id is None) for c in StageChange.objects.filter(customer=customer).order_by("at", "id")]


def stage(customer: Customer) -> str:
    return PipelineEntry.objects.get(customer=customer).stage
