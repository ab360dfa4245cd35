"""Bulk operations record one summary event each: a scheme run (customers per class before and after), a re-planning."""

from datetime import date

import pytest

from clientela.audit.models import AuditEvent
from clientela.crm.models import Customer
from clientela.crm.services.business import transactions_upsert
from clientela.crm.services.customers import customer_create
from clientela.followup.planner import plan_refresh
from clientela.segmentation.models import ClassChange, Scheme
from clientela.segmentation.services import scheme_save, segmentation_run

JAN, FEB = date(2024, 1, 31), date(2024, 2, 29)


@pytest.fixture
def bars(transactional_db) -> list[Customer]:
    """Bar Sol sells most in January, Bar Dos in February (the engine reads committed data)."""
    Scheme.objects.all().delete()
    sol, dos = (customer_create(external_id=f"C{n}", name=name) for n, name in enumerate(["Bar Sol", "Bar Dos"], 1))
    transactions_upsert(
        rows=[
            ("D1", 1, sol.pk, date(2024, 1, 15), None, 1, 90_000, None),
            ("D2", 1, dos.pk, date(2024, 1, 15), None, 1, 10_000, None),
            ("D3", 1, sol.pk, date(2024, 2, 15), None, 1, 10_000, None),
            ("D4", 1, dos.pk, date(2024, 2, 15), None, 1, 90_000, None),
        ]
    )
    return [sol, dos]


def test_each_scheme_run_is_one_event_with_the_customers_per_class_before_and_after(bars):
    scheme_save(name="abc-monthly", definition={"kind": "abc", "window_months": 1})
    first = segmentation_run(scheme_name="abc-monthly", as_of=JAN)
    second = segmentation_run(scheme_name="abc-monthly", as_of=FEB)
    runs = list(AuditEvent.objects.filter(object_type="segmentation.snapshot"))
    assert [event.object_id for event in runs] == [str(second.pk), str(first.pk)]
    assert runs[1].changes == {label: [None, count] for label, count in first.class_counts.items()}
    assert runs[0].changes == {label: [first.class_counts.get(label), count] for label, count in second.class_counts.items()}
    assert ClassChange.objects.filter(snapshot=second).count() == 2  # Sol and Dos swap classes
    assert runs[0].summary.endswith("; 2 class changes")
    assert runs[0].action == AuditEvent.Action.RUN and runs[0].customer_id is None


@pytest.mark.django_db
def test_a_replanning_is_one_event_with_the_contacts_planned(salesperson, default_policies, classify):
    customers = [customer_create(external_id=f"P{n}", name=f"Bar {n}", owner=salesperson) for n in range(3)]
    classify("abc", {customer: "A" for customer in customers})
    before = AuditEvent.objects.count()
    plan = plan_refresh(salesperson=salesperson, start=date(2026, 3, 2), weeks=2)
    [event] = AuditEvent.objects.all()[: AuditEvent.objects.count() - before]
    assert (event.object_type, event.action) == ("followup.plannedcontact", AuditEvent.Action.RUN)
    assert len(plan.items) > 3  # weekly visits of three A customers over two weeks
    assert event.changes == {"planned": [0, len(plan.items)], "unplanned": [None, len(plan.unplanned)]}
    again = plan_refresh(salesperson=salesperson, start=date(2026, 3, 2), weeks=2)
    assert AuditEvent.objects.first().changes["planned"] == [len(plan.items), len(again.items)]
