"""The class preview: from the metrics a snapshot stored, the same counts as the engine reading the transactions."""

import random
from datetime import date, timedelta

import pytest

from clientela.crm.models import Customer
from clientela.crm.services.business import payments_upsert, transactions_upsert
from clientela.crm.services.customers import customer_create
from clientela.engine.schemes import scheme_from_dict
from clientela.retention.services import churn_fit_run
from clientela.segmentation.models import Scheme
from clientela.segmentation.preview import computed_preview, stored_preview
from clientela.segmentation.services import scheme_save, segmentation_run

AS_OF = date(2025, 6, 30)


@pytest.fixture
def history(owner) -> list[Customer]:
    """30 customers with three years of seeded invoices (some with costs, returns and gaps) and payments."""
    rng = random.Random(7)
    customers = [customer_create(external_id=f"C{n}", name=f"Bar {n}", owner=owner) for n in range(30)]
    lines, payments = [], []
    for customer in customers[:-2]:  # the last two never buy: always the lowest class
        size = rng.choice([1, 3, 10, 40])
        for n in range(rng.randint(1, 40)):
            day = AS_OF - timedelta(days=rng.randint(0, 3 * 365))
            amount = rng.randint(-5, 100) * size * 100
            cost = None if rng.random() < 0.3 else amount * rng.randint(40, 95) // 100
            lines.append((f"D{customer.pk}-{n}", 1, customer.pk, day, None, rng.randint(1, 9), amount, cost))
            if amount > 0 and rng.random() < 0.8:
                payments.append((f"P{customer.pk}-{n}", customer.pk, day + timedelta(days=20), amount, ""))
    transactions_upsert(rows=lines)
    payments_upsert(rows=payments)
    return customers


def preview_and_engine(scheme: Scheme, **changes) -> tuple[dict[str, int], dict[str, int], bool]:
    """The counts from the stored metrics, those of the engine reading the transactions, and whether the stored ones were used."""
    definition = scheme_from_dict({**scheme.definition, **changes})
    stored = stored_preview(scheme=scheme, definition=definition, as_of=AS_OF)
    engine = computed_preview(definition=definition, as_of=AS_OF)
    assert engine.basis is None
    return (stored or engine).counts, engine.counts, stored is not None


CASES = [
    ({"kind": "abc"}, [{"a_share": 0.5, "b_share": 0.9}, {"a_share": 0.95, "b_share": 0.99}, {"a_share": 1.0, "b_share": 1.0}]),
    ({"kind": "abc", "metric": "units", "window_months": 6}, [{"a_share": 0.6}, {"b_share": 0.8}]),
    ({"kind": "abc-count"}, [{"a_count": 0.1, "b_count": 0.5}, {"a_count": 0.5, "b_count": 0.5}]),
    ({"kind": "profit"}, [{"keep": 0.3, "review": 0.1}, {"keep": 0.05, "review": 0.6}]),
    (
        {"kind": "rules"},
        [
            {"rules": [{"label": "A", "conditions": [{"metric": "growth_last_year", "operator": ">=", "value": 0.5}]},
                       {"label": "B", "conditions": [{"metric": "active_months", "operator": ">", "value": 3}]}]},
            {"rules": [{"label": "top", "conditions": [{"metric": "share", "operator": ">=", "value": 0.05}]},
                       {"label": "big", "conditions": [{"metric": "value", "operator": ">=", "value": 2000}]}], "otherwise": "small"},
        ],
    ),
    (
        {"kind": "matrix"},
        [
            {"contribution_threshold": 1500.0, "stability_threshold": 0.3},
            {"contribution": "share", "contribution_threshold": 0.02, "weights": {"active_months": 3, "monthly_regularity": 0, "quarterly_regularity": 1, "order_spread": 0, "alive": 1}},
            {"stability_threshold": 0.5, "weights": {"active_months": 0, "monthly_regularity": 1, "quarterly_regularity": 0, "order_spread": 2, "alive": 0}},
        ],
    ),
]


@pytest.mark.parametrize(("definition", "variants"), CASES, ids=[f"{case[0]['kind']}-{n}" for n, case in enumerate(CASES)])
def test_the_preview_from_stored_metrics_counts_as_the_engine(history, definition, variants):
    scheme = scheme_save(name=definition["kind"], definition=definition)
    segmentation_run(scheme_name=scheme.name, as_of=AS_OF)
    unchanged, engine, used = preview_and_engine(scheme)
    assert used and unchanged == engine == scheme.snapshots.get().class_counts
    for changes in variants:
        stored, engine, used = preview_and_engine(scheme, **changes)
        assert used, changes
        assert stored == engine, changes
        assert sum(stored.values()) == 30
        assert stored != unchanged, changes  # the new settings were applied, not the snapshot's classes


def test_the_matrix_preview_counts_the_probability_alive_as_its_run(history):
    churn_fit_run(as_of=AS_OF)
    scheme = scheme_save(name="matrix", definition={"kind": "matrix"})
    segmentation_run(scheme_name="matrix", as_of=AS_OF)
    unchanged, engine, used = preview_and_engine(scheme)
    assert used and unchanged == engine == scheme.snapshots.get().class_counts
    stored, engine, used = preview_and_engine(scheme, weights={"active_months": 0, "monthly_regularity": 0, "quarterly_regularity": 0, "order_spread": 0, "alive": 1})
    assert used and stored == engine


def test_the_abc_preview_of_new_cut_offs_is_the_hand_computed_one(owner):
    """Revenue 600, 250, 100, 50: cumulative 60, 85, 95, 100 %. A up to 50 %: the first crosses it; B reaches 95 % with the third."""
    for n, euros in enumerate((600, 250, 100, 50), 1):
        customer = customer_create(external_id=f"C{n}", name=f"Bar {n}", owner=owner)
        transactions_upsert(rows=[(f"D{n}", 1, customer.pk, date(2025, 3, 1), None, 1, euros * 100, None)])
    scheme = scheme_save(name="abc", definition={"kind": "abc"})
    segmentation_run(scheme_name="abc", as_of=AS_OF)
    preview = stored_preview(scheme=scheme, definition=scheme_from_dict({**scheme.definition, "a_share": 0.5}), as_of=AS_OF)
    assert preview.basis == scheme.snapshots.get()
    assert preview.counts == {"A": 1, "B": 2, "C": 1}


@pytest.mark.parametrize(
    "changes",
    [
        {"window_months": 6},  # another window: the stored values are of 12 months
        {"metric": "units"},  # another metric: not stored
        {"rules": [{"label": "A", "conditions": [{"metric": "recency_days", "operator": "<", "value": 30}]}]},  # a metric the rules did not read
    ],
)
def test_the_engine_reads_the_transactions_when_the_snapshot_did_not_store_what_the_settings_read(history, changes):
    scheme = scheme_save(name="rules", definition={"kind": "rules"})
    segmentation_run(scheme_name="rules", as_of=AS_OF)
    stored, engine, used = preview_and_engine(scheme, **changes)
    assert not used and stored == engine


def test_the_engine_reads_the_transactions_for_another_date_or_a_newer_version(history):
    scheme = scheme_save(name="abc", definition={"kind": "abc"})
    segmentation_run(scheme_name="abc", as_of=AS_OF)
    definition = scheme_from_dict({**scheme.definition, "a_share": 0.5})
    assert stored_preview(scheme=scheme, definition=definition, as_of=AS_OF) is not None
    assert stored_preview(scheme=scheme, definition=definition, as_of=date(2025, 5, 31)) is None
    assert stored_preview(scheme=None, definition=definition, as_of=AS_OF) is None
    newer = scheme_save(name="abc", definition={"kind": "abc", "a_share": 0.7})
    assert stored_preview(scheme=newer, definition=definition, as_of=AS_OF) is None  # the snapshot is of version 1


def test_the_stored_metrics_are_the_snapshots_until_recomputed(history, sell):
    """A sale recorded after the snapshot is not in its metrics (the page says so); the recompute counts it."""
    scheme = scheme_save(name="abc", definition={"kind": "abc"})
    segmentation_run(scheme_name="abc", as_of=AS_OF)
    silent = history[-1]  # never bought: C
    sell(silent, AS_OF, 10**11)
    definition = scheme_from_dict(scheme.definition)
    stored = stored_preview(scheme=scheme, definition=definition, as_of=AS_OF)
    assert stored is not None and stored.counts == scheme.snapshots.get().class_counts
    # The new sale alone is over 99 % of the revenue: A, and everyone else after the 95 % line, C.
    assert computed_preview(definition=definition, as_of=AS_OF).counts == {"A": 1, "C": 29}


def test_the_vip_preview_is_the_engines(history):
    scheme = scheme_save(name="vip", definition={"kind": "vip"})
    segmentation_run(scheme_name="vip", as_of=AS_OF)
    stored, engine, used = preview_and_engine(scheme, good_share=0.5)
    assert not used and stored == engine
