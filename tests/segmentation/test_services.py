"""Segmentation services: saving schemes, runs into snapshots, class changes, alerts and the monthly run."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import Alert, Customer
from clientela.crm.services.customers import customer_create
from clientela.engine.schemes import AbcScheme
from clientela.segmentation.defaults import default_schemes
from clientela.segmentation.models import ClassChange, CustomerClass, Scheme, Snapshot
from clientela.segmentation.services import (
    SegmentationRefused,
    app_database,
    default_schemes_create,
    month_end_before,
    scheme_save,
    segmentation_run,
    segmentation_run_due,
)

JAN, FEB = date(2024, 1, 31), date(2024, 2, 29)
MONTHLY_ABC = {"kind": "abc", "window_months": 1}
MONTHLY_VIP = {"kind": "vip", "window_months": 1}


def classes(snapshot: Snapshot) -> dict[str, str]:
    return dict(CustomerClass.objects.filter(snapshot=snapshot).values_list("customer__name", "label"))


def changes(snapshot: Snapshot) -> set[tuple[str, str, str]]:
    return set(ClassChange.objects.filter(snapshot=snapshot).values_list("customer__name", "from_class", "to_class"))


@pytest.fixture
def two_months(bars, sell):
    """January: Sol 80 % of sales (A), Dos and Tres B, Cuatro C. February: Dos 85 % (A), Sol B, Cuatro and Tres C."""
    for name, january, february in [("Bar Sol", 80_000, 10_000), ("Bar Dos", 10_000, 85_000), ("Bar Tres", 6_000, 1_000), ("Bar Cuatro", 4_000, 4_000)]:
        sell(bars[name], date(2024, 1, 15), january)
        sell(bars[name], date(2024, 2, 15), february)
    scheme_save(name="abc-monthly", definition=MONTHLY_ABC)
    return bars


# --- scheme_save ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_scheme_save_stores_the_normalized_definition_named_and_versioned_as_the_scheme():
    scheme = scheme_save(name="abc-strict", definition={"kind": "abc", "a_share": 0.7, "name": "other", "version": 9})
    assert (scheme.kind, scheme.version, scheme.active) == ("abc", 1, True)
    assert scheme.definition == AbcScheme(name="abc-strict", a_share=0.7).model_dump(mode="json")


@pytest.mark.django_db
def test_scheme_save_bumps_the_version_only_when_the_definition_changes():
    scheme_save(name="abc-strict", definition={"kind": "abc", "a_share": 0.7})
    assert scheme_save(name="abc-strict", definition={"kind": "abc", "a_share": 0.7}, active=False).version == 1
    changed = scheme_save(name="abc-strict", definition={"kind": "abc", "a_share": 0.6})
    assert (changed.version, changed.definition["version"], changed.definition["a_share"]) == (2, 2, 0.6)
    assert scheme_save(name="abc-strict", definition=changed.definition).version == 2
    assert Scheme.objects.filter(name="abc-strict").count() == 1


@pytest.mark.django_db
def test_scheme_save_refuses_a_bad_definition_naming_the_field():
    with pytest.raises(ValidationError) as refused:
        scheme_save(name="abc-strict", definition={"kind": "abc", "a_share": 2})
    assert refused.value.message_dict == {"definition": ["a_share: Input should be less than or equal to 1"]}
    with pytest.raises(ValidationError, match="'abc', 'abc-count', 'rules', 'vip', 'profit', 'matrix'"):
        scheme_save(name="abc-strict", definition={"kind": "pareto"})
    assert not Scheme.objects.filter(name="abc-strict").exists()


@pytest.mark.django_db
def test_scheme_save_refuses_a_name_that_is_not_a_slug():
    with pytest.raises(ValidationError) as refused:
        scheme_save(name="my scheme", definition={"kind": "abc"})
    assert list(refused.value.message_dict) == ["name"]


def test_default_schemes_create_restores_the_missing_defaults(committed):
    scheme_save(name="abc", definition={"kind": "abc", "a_share": 0.7})
    created = default_schemes_create()
    assert [scheme.name for scheme in created] == [d.name for d in default_schemes() if d.name != "abc"]
    assert Scheme.objects.get(name="abc").definition["a_share"] == 0.7
    assert default_schemes_create() == []


# --- segmentation_run ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_engine_reads_the_app_databases_dates_as_dates():
    with app_database() as database:
        for table in ("transactions", "payments"):
            assert database.table(table).schema()["date"].is_date()


def test_run_stores_the_snapshot_with_every_customers_class_and_explanation(two_months):
    snapshot = segmentation_run(scheme_name="abc-monthly", as_of=JAN)

    assert str(snapshot) == "abc-monthly v1 as of 2024-01-31: 4 customers (A 1, B 2, C 1)"
    assert classes(snapshot) == {"Bar Sol": "A", "Bar Dos": "B", "Bar Tres": "B", "Bar Cuatro": "C"}
    sol = CustomerClass.objects.get(snapshot=snapshot, customer__name="Bar Sol")
    assert sol.explanation == {"value": 80_000, "rank": 1, "share": 0.8, "cumulative_share": 0.8, "a_threshold": 0.8, "b_threshold": 0.95}
    # The first snapshot has nothing to compare with.
    assert not ClassChange.objects.exists()
    assert not Alert.objects.exists()


def test_a_rerun_replaces_the_snapshot(two_months, sell):
    first = segmentation_run(scheme_name="abc-monthly", as_of=JAN)
    sell(two_months["Bar Cuatro"], date(2024, 1, 20), 500_000)

    again = segmentation_run(scheme_name="abc-monthly", as_of=JAN)

    assert not Snapshot.objects.filter(pk=first.pk).exists()
    assert list(Snapshot.objects.all()) == [again]
    assert classes(again) == {"Bar Cuatro": "A", "Bar Sol": "B", "Bar Dos": "C", "Bar Tres": "C"}
    assert CustomerClass.objects.count() == 4


def test_class_changes_are_recorded_and_an_exit_from_a_alerts_the_owner(two_months, owner):
    segmentation_run(scheme_name="abc-monthly", as_of=JAN)
    customer_create(external_id="C5", name="Bar Cinco", owner=owner)

    february = segmentation_run(scheme_name="abc-monthly", as_of=FEB)

    assert classes(february) == {"Bar Dos": "A", "Bar Sol": "B", "Bar Cuatro": "C", "Bar Tres": "C", "Bar Cinco": "C"}
    expected = {("Bar Sol", "A", "B"), ("Bar Dos", "B", "A"), ("Bar Tres", "B", "C"), ("Bar Cinco", "", "C")}
    assert changes(february) == expected
    assert set(ClassChange.objects.values_list("scheme__name", "on")) == {("abc-monthly", FEB)}
    # Only the exit from A alerts (not B → C, nor C for a new customer).
    [alert] = Alert.objects.all()
    assert (alert.recipient, alert.customer, alert.kind, alert.read_at) == (owner, two_months["Bar Sol"], Alert.Kind.CLASS_EXIT, None)
    assert alert.message == "Bar Sol left A in abc-monthly (now B) as of 2024-02-29: contact them and find out why"

    # A re-run records the same changes and does not repeat the alert.
    again = segmentation_run(scheme_name="abc-monthly", as_of=FEB)
    assert changes(again) == expected
    assert ClassChange.objects.count() == len(expected)
    assert Alert.objects.count() == 1


def test_an_exit_of_a_customer_without_owner_alerts_nobody(two_months):
    Customer.objects.filter(name="Bar Sol").update(owner=None)
    segmentation_run(scheme_name="abc-monthly", as_of=JAN)
    february = segmentation_run(scheme_name="abc-monthly", as_of=FEB)
    assert ("Bar Sol", "A", "B") in changes(february)
    assert not Alert.objects.exists()


def test_leaving_the_vip_register_alerts_the_owner_but_not_without_a_previous_snapshot(bars, pay, owner):
    # One VIP a month among four payers: Sol in January, Dos in February.
    for name, january, february in [("Bar Sol", 100_000, 10_000), ("Bar Dos", 10_000, 100_000), ("Bar Tres", 9_000, 9_000), ("Bar Cuatro", 8_000, 8_000)]:
        pay(bars[name], date(2024, 1, 10), january)
        pay(bars[name], date(2024, 2, 10), february)
    scheme_save(name="vip-monthly", definition=MONTHLY_VIP)
    scheme_save(name="vip-fresh", definition=MONTHLY_VIP)

    january = segmentation_run(scheme_name="vip-monthly", as_of=JAN)
    february = segmentation_run(scheme_name="vip-monthly", as_of=FEB)
    fresh = segmentation_run(scheme_name="vip-fresh", as_of=FEB)

    assert classes(january) == {"Bar Sol": "vip", "Bar Dos": "good", "Bar Tres": "regular", "Bar Cuatro": "regular"}
    assert classes(february) == {"Bar Dos": "vip", "Bar Sol": "good", "Bar Tres": "regular", "Bar Cuatro": "regular"}
    assert changes(february) == {("Bar Sol", "vip", "good"), ("Bar Dos", "good", "vip")}
    # Without a previous snapshot of its own, Sol falling out of the register is no exit.
    assert classes(fresh) == classes(february)
    assert CustomerClass.objects.get(snapshot=fresh, customer__name="Bar Sol").explanation["fell_out"] is True
    assert not ClassChange.objects.filter(snapshot=fresh).exists()
    [alert] = Alert.objects.all()
    assert (alert.recipient, alert.customer) == (owner, bars["Bar Sol"])
    assert alert.message == "Bar Sol left vip in vip-monthly (now good) as of 2024-02-29: contact them and find out why"


@pytest.mark.django_db
def test_run_refuses_an_unknown_or_inactive_scheme():
    customer_create(external_id="C1", name="Bar Uno")
    scheme_save(name="abc-off", definition={"kind": "abc"}, active=False)
    with pytest.raises(SegmentationRefused, match=r'^no active scheme is named "nope" \(active schemes: .*\)$'):
        segmentation_run(scheme_name="nope", as_of=JAN)
    with pytest.raises(SegmentationRefused, match='no active scheme is named "abc-off"'):
        segmentation_run(scheme_name="abc-off", as_of=JAN)


@pytest.mark.django_db
def test_run_refuses_a_database_without_customers():
    scheme_save(name="abc-monthly", definition=MONTHLY_ABC)
    customer_create(external_id="P1", name="Maybe Bar", status=Customer.Status.PROSPECT)
    with pytest.raises(SegmentationRefused, match="^there are no customers to classify: import customers and their transactions first$"):
        segmentation_run(scheme_name="abc-monthly", as_of=JAN)
    assert not Snapshot.objects.exists()


# --- segmentation_run_due -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "month_end"),
    [(date(2024, 3, 15), FEB), (date(2024, 3, 1), FEB), (date(2024, 3, 31), FEB), (date(2024, 1, 1), date(2023, 12, 31))],
)
def test_month_end_before_is_the_end_of_the_previous_month(today, month_end):
    assert month_end_before(today) == month_end


def test_run_due_runs_each_active_scheme_once_as_of_the_previous_month_end(two_months):
    scheme_save(name="abc-off", definition=MONTHLY_ABC, active=False)

    [snapshot] = segmentation_run_due(today=date(2024, 3, 15))
    assert (snapshot.scheme.name, snapshot.version, snapshot.as_of) == ("abc-monthly", 1, FEB)
    assert segmentation_run_due(today=date(2024, 3, 20)) == []

    # A new version of the definition is due again.
    scheme_save(name="abc-monthly", definition={**MONTHLY_ABC, "a_share": 0.5})
    [renewed] = segmentation_run_due(today=date(2024, 3, 20))
    assert (renewed.version, renewed.as_of) == (2, FEB)
    assert segmentation_run_due(today=date(2024, 3, 31)) == []
    assert Snapshot.objects.count() == 2
