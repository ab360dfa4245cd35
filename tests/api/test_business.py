"""Transactions and payments: lists by customer and dates, bulk creation all or nothing, the 10,000-row limit, idempotency keys."""

import json
from datetime import date

import pytest

from clientela.api.models import IdempotentResponse
from clientela.crm.models import Payment, Product, Transaction
from clientela.pipeline.models import PipelineEntry
from tests.api.conftest import assert_error


def line(customer, n: int, **fields):
    return {"document_id": f"INV-{n}", "line": 1, "customer_id": customer.pk, "date": "2026-03-01", "amount_cents": 1000 + n} | fields


def test_bulk_transactions_are_created_with_their_products(api_for, salesperson, customer):
    Product.objects.create(sku="BEER", name="Beer")
    rows = [line(customer, 1, product_sku="BEER", units=3, cost_cents=700), line(customer, 1, line=2), line(customer, 2)]
    answer = api_for(salesperson).post("/transactions/bulk", {"rows": rows})
    assert answer.status == 201 and answer.body == {"created": 3}
    stored = Transaction.objects.order_by("document_id", "line")
    assert [(t.document_id, t.line, t.amount_cents, t.product and t.product.sku, t.units, t.cost_cents) for t in stored] == [
        ("INV-1", 1, 1001, "BEER", 3, 700),
        ("INV-1", 2, 1001, None, None, None),
        ("INV-2", 1, 1002, None, None, None),
    ]


def test_a_bad_row_in_the_middle_writes_nothing_and_names_the_row_and_field(api_for, salesperson, customer, theirs):
    rows = [line(customer, n) for n in range(1, 1001)]
    rows[500]["customer_id"] = theirs.pk  # another salesperson's customer
    rows[700]["product_sku"] = "NOPE"
    rows[900]["document_id"] = "INV-1"  # the key of row 0 again
    answer = api_for(salesperson).post("/transactions/bulk", {"rows": rows})
    assert_error(answer, 422, "rows[500].customer_id", "rows[700].product_sku", "rows[900].line")
    assert answer.body["detail"] == "3 errors in the rows; nothing was written."
    assert "already in row 0" in answer.body["errors"][2]["message"]
    assert not Transaction.objects.exists()


def test_a_malformed_row_is_refused_by_row_and_field(api_for, salesperson, customer):
    rows = [line(customer, 1), line(customer, 2, amount_cents="ten"), line(customer, 3, date="2026-02-30")]
    assert_error(api_for(salesperson).post("/transactions/bulk", {"rows": rows}), 422, "rows[1].amount_cents", "rows[2].date")
    assert not Transaction.objects.exists()


def test_existing_lines_are_refused_not_overwritten(api_for, salesperson, customer, theirs):
    Transaction.objects.create(document_id="INV-1", line=1, customer=theirs, date=date(2026, 1, 1), amount_cents=5)
    assert_error(api_for(salesperson).post("/transactions/bulk", {"rows": [line(customer, 1)]}), 422, "rows[0].line")
    assert Transaction.objects.get().customer == theirs


def test_at_most_10000_rows_per_call(api_for, salesperson, customer):
    api = api_for(salesperson)
    sku = "S" * 64
    Product.objects.create(sku=sku, name="Longest SKU")
    # The longest keys the columns take: 10,000 such rows are more than Django's default 2.5 MB body.
    rows = [line(customer, n, document_id=f"{n:064d}", product_sku=sku, units=100, cost_cents=900) for n in range(10_001)]
    assert len(json.dumps({"rows": rows[:10_000]})) > 2.5 * 1024 * 1024
    answer = api.post("/transactions/bulk", {"rows": rows})
    assert_error(answer, 413, "rows")
    assert "at most 10,000 rows" in answer.body["detail"] and not Transaction.objects.exists()
    assert api.post("/transactions/bulk", {"rows": rows[:10_000]}).body == {"created": 10_000}
    assert Transaction.objects.count() == 10_000


def test_bulk_payments_move_the_pipeline_of_their_customers(api_for, salesperson, customer):
    rows = [{"reference": "P1", "customer_id": customer.pk, "date": "2026-03-02", "amount_cents": 5000, "invoice": "INV-1"}]
    assert api_for(salesperson).post("/payments/bulk", {"rows": rows}).status == 201
    assert Payment.objects.get().amount_cents == 5000
    assert PipelineEntry.objects.filter(customer=customer).exists()


def test_bulk_payments_refuse_duplicate_references(api_for, salesperson, customer):
    row = {"reference": "P1", "customer_id": customer.pk, "date": "2026-03-02", "amount_cents": 5000}
    assert_error(api_for(salesperson).post("/payments/bulk", {"rows": [row, row]}), 422, "rows[1].reference")
    assert_error(api_for(salesperson).post("/payments/bulk", {"rows": []}), 422, "rows")
    assert not Payment.objects.exists()


def test_the_same_idempotency_key_and_body_replay_the_first_answer_without_writing_again(api_for, salesperson, customer):
    api = api_for(salesperson)
    body = {"rows": [line(customer, 1)]}
    first = api.post("/transactions/bulk", body, headers={"Idempotency-Key": "k-1"})
    Transaction.objects.all().delete()  # a second write would bring it back
    again = api.post("/transactions/bulk", body, headers={"Idempotency-Key": "k-1"})
    assert (first.status, first.body) == (again.status, again.body) == (201, {"created": 1})
    assert not Transaction.objects.exists() and IdempotentResponse.objects.count() == 1


def test_the_same_idempotency_key_with_another_body_is_a_conflict(api_for, salesperson, customer):
    api = api_for(salesperson)
    assert api.post("/transactions/bulk", {"rows": [line(customer, 1)]}, headers={"Idempotency-Key": "k-1"}).status == 201
    assert_error(api.post("/transactions/bulk", {"rows": [line(customer, 2)]}, headers={"Idempotency-Key": "k-1"}), 409, "Idempotency-Key")
    payment = {"rows": [{"reference": "P1", "customer_id": customer.pk, "date": "2026-03-02", "amount_cents": 1}]}
    assert_error(api.post("/payments/bulk", payment, headers={"Idempotency-Key": "k-1"}), 409)
    assert list(Transaction.objects.values_list("document_id", flat=True)) == ["INV-1"] and not Payment.objects.exists()


def test_a_refused_request_stores_no_answer_for_its_key(api_for, salesperson, customer):
    api = api_for(salesperson)
    bad = {"rows": [line(customer, 1, product_sku="NOPE")]}
    assert_error(api.post("/transactions/bulk", bad, headers={"Idempotency-Key": "k-1"}), 422)
    assert not IdempotentResponse.objects.exists()
    assert api.post("/transactions/bulk", {"rows": [line(customer, 1)]}, headers={"Idempotency-Key": "k-1"}).status == 201


def test_keys_belong_to_their_user(api_for, salesperson, other_salesperson, customer, theirs):
    assert api_for(salesperson).post("/transactions/bulk", {"rows": [line(customer, 1)]}, headers={"Idempotency-Key": "k"}).status == 201
    assert api_for(other_salesperson).post("/transactions/bulk", {"rows": [line(theirs, 2)]}, headers={"Idempotency-Key": "k"}).status == 201
    assert Transaction.objects.count() == 2


@pytest.fixture
def history(customer, theirs):
    for day, amount in ((date(2026, 1, 5), 100), (date(2026, 2, 5), 200), (date(2026, 3, 5), 300)):
        Transaction.objects.create(document_id=f"D{amount}", customer=customer, date=day, amount_cents=amount)
        Payment.objects.create(reference=f"R{amount}", customer=customer, date=day, amount_cents=amount)
    Transaction.objects.create(document_id="THEIRS", customer=theirs, date=date(2026, 2, 1), amount_cents=9)
    Payment.objects.create(reference="THEIRS", customer=theirs, date=date(2026, 2, 1), amount_cents=9)


@pytest.mark.parametrize("kind, key", [("transactions", "document_id"), ("payments", "reference")])
def test_lists_by_customer_and_date_range_of_visible_customers_only(api_for, salesperson, supervisor, customer, theirs, history, kind, key):
    mine = api_for(salesperson)
    assert [row[key] for row in mine.get(f"/{kind}").body["items"]] == [f"{'D' if kind == 'transactions' else 'R'}{n}" for n in (300, 200, 100)]
    ranged = mine.get(f"/{kind}", start="2026-02-01", end="2026-02-28").body
    assert ranged["count"] == 1 and ranged["items"][0]["amount_cents"] == 200
    assert mine.get(f"/{kind}", customer_id=theirs.pk).body == {"items": [], "count": 0}
    assert api_for(supervisor).get(f"/{kind}", customer_id=theirs.pk).body["count"] == 1
