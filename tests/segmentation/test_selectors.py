"""Segmentation selectors: current classes, class changes and alerts, through what a user may see."""

from datetime import date

import pytest

from clientela.crm.models import Alert, User
from clientela.crm.services.customers import customer_create
from clientela.segmentation.models import ClassChange, CustomerClass, Snapshot
from clientela.segmentation.selectors import ClassPeriod, alerts_for, class_changes_list, customer_class_history, customer_classes_current
from clientela.segmentation.services import scheme_save

JAN, FEB = date(2024, 1, 31), date(2024, 2, 29)


def snapshot(scheme, as_of, classes, version=1):
    """A stored snapshot with {customer: class}, as a run leaves it."""
    stored = Snapshot.objects.create(scheme=scheme, version=version, as_of=as_of, customers=len(classes))
    CustomerClass.objects.bulk_create(
        CustomerClass(snapshot=stored, customer=customer, label=label, explanation={"rank": rank})
        for rank, (customer, label) in enumerate(classes.items(), 1)
    )
    return stored


@pytest.fixture
def abc(db):
    return scheme_save(name="abc-test", definition={"kind": "abc"})


@pytest.fixture
def rival(customer, other_salesperson):
    return customer_create(external_id="C2", name="Bar Dos", owner=other_salesperson)


def test_current_classes_come_from_the_latest_snapshot_of_each_active_scheme(customer, rival, abc, django_assert_num_queries):
    vip = scheme_save(name="vip-test", definition={"kind": "vip"})
    off = scheme_save(name="off-test", definition={"kind": "abc"}, active=False)
    gone = scheme_save(name="gone-test", definition={"kind": "abc"})
    snapshot(abc, JAN, {customer: "A", rival: "B"})
    snapshot(abc, FEB, {customer: "B", rival: "A"})
    snapshot(abc, FEB, {customer: "C", rival: "A"}, version=2)
    snapshot(vip, JAN, {customer: "vip"})
    snapshot(off, FEB, {customer: "A"})
    snapshot(gone, JAN, {customer: "A"})
    snapshot(gone, FEB, {rival: "A"})  # the customer is no longer classified by this scheme

    with django_assert_num_queries(1):
        current = [(c.snapshot.scheme.name, c.snapshot.version, c.snapshot.as_of, c.label, c.explanation) for c in customer_classes_current(customer=customer)]

    assert current == [("abc-test", 2, FEB, "C", {"rank": 1}), ("vip-test", 1, JAN, "vip", {"rank": 1})]


def test_class_changes_since_a_date_of_one_scheme_and_of_the_customers_a_user_sees(customer, rival, abc, salesperson, team):
    other = scheme_save(name="other-test", definition={"kind": "abc"})
    january, february = snapshot(abc, JAN, {customer: "A", rival: "B"}), snapshot(abc, FEB, {customer: "B", rival: "A"})
    ClassChange.objects.create(customer=customer, scheme=abc, from_class="B", to_class="A", on=JAN, snapshot=january)
    ClassChange.objects.create(customer=customer, scheme=abc, from_class="A", to_class="B", on=FEB, snapshot=february)
    ClassChange.objects.create(customer=rival, scheme=abc, from_class="B", to_class="A", on=FEB, snapshot=february)
    ClassChange.objects.create(customer=rival, scheme=other, from_class="C", to_class="A", on=FEB, snapshot=snapshot(other, FEB, {}))

    def listed(**options):
        return [(c.customer.name, c.from_class, c.to_class, c.on) for c in class_changes_list(scheme=abc, **options)]

    assert listed(since=FEB) == [("Bar Uno", "A", "B", FEB), ("Bar Dos", "B", "A", FEB)]
    assert len(listed(since=JAN)) == 3
    assert listed(since=FEB, user=salesperson) == [("Bar Uno", "A", "B", FEB)]
    assert len(listed(since=FEB, user=team.supervisor)) == 2


def test_alerts_for_a_user_newest_first_unread_only_and_about_customers_they_still_see(customer, rival, salesperson):
    Alert.objects.create(recipient=salesperson, customer=customer, kind=Alert.Kind.CLASS_EXIT, message="first")
    read = Alert.objects.create(recipient=salesperson, customer=customer, kind=Alert.Kind.CLASS_EXIT, message="read")
    read.read_at = read.created_at
    read.save()
    Alert.objects.create(recipient=salesperson, customer=None, kind=Alert.Kind.CLASS_EXIT, message="general")
    Alert.objects.create(recipient=salesperson, customer=rival, kind=Alert.Kind.CLASS_EXIT, message="no longer theirs")
    Alert.objects.create(recipient=rival.owner, customer=rival, kind=Alert.Kind.CLASS_EXIT, message="someone else's")

    def messages(user: User, **options) -> list[str]:
        return [alert.message for alert in alerts_for(user=user, **options)]

    assert messages(salesperson) == ["general", "read", "first"]
    assert messages(salesperson, unread_only=True) == ["general", "first"]
    assert messages(rival.owner) == ["someone else's"]


def test_the_class_history_joins_snapshots_of_the_same_class_and_prefers_the_newer_version(abc, db):
    bar = customer_create(external_id="H1", name="Bar Historia")
    mar, apr = date(2024, 3, 31), date(2024, 4, 30)
    snapshot(abc, JAN, {bar: "A"})
    snapshot(abc, FEB, {bar: "A"})
    snapshot(abc, mar, {bar: "B"})
    snapshot(abc, mar, {bar: "A"}, version=2)  # re-run with new settings: version 2 counts
    snapshot(abc, apr, {bar: "C"}, version=2)
    [history] = customer_class_history(customer=bar)
    assert history.scheme == "abc-test"
    assert history.periods == [ClassPeriod("A", JAN, mar, 3), ClassPeriod("C", apr, apr, 1)]
