"""Imports of contracts and payments bring the pipeline stages of the customers they touch up to date, in the same transaction.

Dates are relative to today, as the import judges overdue instalments by today.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from clientela.crm.models import Alert, Customer
from clientela.crm.services.business import contracts_upsert, payments_upsert
from clientela.pipeline.models import PipelineEntry, StageChange
from clientela.pipeline.services.prospects import prospect_create

CONTRACTS = ["contract_id", "customer_id", "signed_date", "value", "instalment", "due_date", "instalment_amount"]
PAYMENTS = ["reference", "customer_id", "date", "amount"]


def ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def stage(external_id: str) -> str:
    return PipelineEntry.objects.get(customer__external_id=external_id).stage


@pytest.fixture
def targets(salesperson):
    """Prospects PA and PB at target."""
    for external_id in ("PA", "PB"):
        prospect_create(user=salesperson, name=f"Bar {external_id}", external_id=external_id, stage="target", confirmed=True)


def test_a_first_payment_imported_makes_a_target_signed(targets, import_rows):
    result = import_rows("contracts", [CONTRACTS, ["KA", "PA", ago(40), "100", 1, ago(10), "50"], ["KA", "PA", ago(40), "100", 2, ago(-20), "50"]])
    assert (result.stage_sync.entries_created, result.stage_sync.moves) == (0, 0)
    assert stage("PA") == "target"  # signed, not paid yet

    result = import_rows("payments", [PAYMENTS, ["PAY-1", "PA", ago(12), "50"]])
    assert (result.stage_sync.moves, result.stage_sync.alerts) == (1, 0)
    assert stage("PA") == "signed"
    change = StageChange.objects.filter(customer__external_id="PA").last()
    assert (change.from_stage, change.to_stage, change.by, change.reason) == (
        "target", "signed", None, f"contract KA signed on {ago(40)}, first payment received on {ago(12)}",
    )  # fmt: skip
    assert Customer.objects.get(external_id="PA").status == "active"


def test_only_the_customers_of_the_file_are_synced(targets, import_rows):
    """PB's contract and payment were written without a sync: a payments file for PA leaves PB to the daily job."""
    pb = Customer.objects.get(external_id="PB")
    contracts_upsert(contracts=[("KB", pb.pk, ago(40), 5000, "")], schedules={"KB": [(1, ago(10), 5000)]})
    payments_upsert(rows=[("PAY-B", pb.pk, ago(15), 5000, "")])
    import_rows("contracts", [CONTRACTS, ["KA", "PA", ago(40), "100", 1, ago(10), "100"]])
    import_rows("payments", [PAYMENTS, ["PAY-1", "PA", ago(12), "100"]])
    assert (stage("PA"), stage("PB")) == ("qualified", "target")


def test_a_payment_moved_to_another_customer_syncs_the_one_it_left(targets, import_rows, salesperson):
    import_rows("contracts", [CONTRACTS, ["KB", "PB", ago(60), "100", 1, ago(30), "100"]])
    result = import_rows("payments", [PAYMENTS, ["PAY-0", "PB", ago(50), "10"], ["PAY-1", "PB", ago(35), "90"]])
    assert (result.stage_sync.moves, stage("PB")) == (2, "qualified")
    corrected = import_rows("payments", [PAYMENTS, ["PAY-1", "PA", ago(35), "90"]])
    assert (corrected.stage_sync.moves, corrected.stage_sync.alerts, stage("PB")) == (1, 1, "signed")
    alert = Alert.objects.get(customer__external_id="PB")
    assert alert.recipient == salesperson and f"instalment 1 of contract KB was due on {ago(30)}" in alert.message


def test_a_customer_without_an_entry_enters_the_pipeline_and_an_overdue_instalment_alerts(customer, import_rows):
    result = import_rows("contracts", [CONTRACTS, ["K1", "C1", ago(30), "80", 1, ago(5), "80"]])
    assert (result.stage_sync.entries_created, result.stage_sync.moves, result.stage_sync.alerts) == (1, 0, 1)
    assert stage("C1") == "signed"
    assert Alert.objects.get(customer=customer).kind == Alert.Kind.INSTALMENT_OVERDUE
    result = import_rows("payments", [PAYMENTS, ["PAY-1", "C1", ago(20), "10"]])
    assert (result.stage_sync.moves, result.stage_sync.alerts) == (0, 0)  # partly paid, still overdue: alerted once


def test_a_refused_file_moves_no_stage(targets, import_rows, reject_rows):
    import_rows("contracts", [CONTRACTS, ["KA", "PA", ago(40), "100", 1, ago(10), "100"]])
    reject_rows("payments", [PAYMENTS, ["PAY-1", "PA", ago(12), "100"], ["PAY-2", "PA", "yesterday", "1"]])
    assert stage("PA") == "target"
    assert StageChange.objects.filter(customer__external_id="PA").count() == 1


def test_customers_and_transactions_imports_do_not_sync(crm, import_rows):
    assert import_rows("transactions", [["document_id", "customer_id", "date", "amount"], ["F1", "C1", ago(3), "9"]]).stage_sync is None
    assert not PipelineEntry.objects.exists()
