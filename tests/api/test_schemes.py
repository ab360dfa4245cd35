"""Schemes, their snapshots, the classes of a snapshot (of visible customers only) and a customer's classes explained."""

from datetime import date

import pytest

from clientela.segmentation.models import CustomerClass, Snapshot
from clientela.segmentation.services import scheme_save
from tests.api.conftest import assert_error

JAN, FEB = date(2026, 1, 31), date(2026, 2, 28)


@pytest.fixture
def abc(db):
    return scheme_save(name="abc-api", definition={"kind": "abc"})


def store(scheme, as_of, classes):
    snapshot = Snapshot.objects.create(scheme=scheme, version=scheme.version, as_of=as_of, customers=len(classes), class_counts={})
    for rank, (customer, label) in enumerate(classes.items(), 1):
        CustomerClass.objects.create(snapshot=snapshot, customer=customer, label=label, explanation={"value": 1000 * rank, "rank": rank, "share": 0.5, "cumulative_share": 0.5 * rank, "a_threshold": 0.8, "b_threshold": 0.95})
    return snapshot


def test_schemes_and_their_snapshots_newest_first(api_for, salesperson, customer, abc):
    store(abc, JAN, {customer: "A"})
    store(abc, FEB, {customer: "B"})
    api = api_for(salesperson)
    assert "abc-api" in [s["name"] for s in api.get("/schemes", limit=500).body["items"]]
    snapshots = api.get("/schemes/abc-api/snapshots").body
    assert snapshots["count"] == 2 and [s["as_of"] for s in snapshots["items"]] == ["2026-02-28", "2026-01-31"]
    assert_error(api.get("/schemes/none-such/snapshots"), 404)


def test_the_classes_of_a_snapshot_are_those_of_visible_customers_paginated(api_for, salesperson, supervisor, customer, theirs, abc):
    snapshot = store(abc, JAN, {customer: "A", theirs: "B"})
    mine = api_for(salesperson).get(f"/snapshots/{snapshot.pk}/classes").body
    assert mine["count"] == 1 and mine["items"][0]["customer_id"] == customer.pk and mine["items"][0]["label"] == "A"
    team = api_for(supervisor)
    assert team.get(f"/snapshots/{snapshot.pk}/classes").body["count"] == 2
    only_b = team.get(f"/snapshots/{snapshot.pk}/classes", **{"class": "B", "limit": 1}).body
    assert only_b["count"] == 1 and only_b["items"][0]["customer_name"] == "Bar Ajeno"


def test_a_customers_classes_come_with_the_explanation_in_words(api_for, salesperson, customer, abc):
    store(abc, JAN, {customer: "B"})
    store(abc, FEB, {customer: "A"})
    classes = api_for(salesperson).get(f"/customers/{customer.pk}/classes").body
    assert [(c["scheme"], c["as_of"], c["label"]) for c in classes] == [("abc-api", "2026-02-28", "A")]
    assert classes[0]["explanation"]["rank"] == 1
    text = classes[0]["explanation_text"]
    assert text == "A: 50 % of revenue, rank 1, cumulative 50 % (A up to 80 %, B up to 95 %)"
