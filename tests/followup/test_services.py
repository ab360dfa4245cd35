"""Writes of the follow-up: policies, the contact log, group activities, calendar feeds."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.services.customers import customer_create
from clientela.followup.models import CalendarFeed, ContactLog, GroupActivity, PlannedContact, Policy
from clientela.followup.services import (
    calendar_feed_create,
    calendar_feed_revoke,
    contact_log,
    group_activity_log,
    policy_save,
)
from tests.fixtures.followup import local

DAY = date(2026, 1, 12)
RULES = {"contacts": 3, "period": "month", "channel": "call", "minutes": 20, "priority": 2}


@pytest.fixture
def theirs(other_salesperson):
    return customer_create(external_id="T1", name="Bar Ajeno", owner=other_salesperson)


def log_kwargs(**overrides):
    return {"at": local(DAY, 10), "channel": "visit", "minutes": 30, "purpose": "check the spring order", "outcome": "order"} | overrides


# policy_save


def test_policy_save_creates_a_policy_at_version_1(db):
    policy = policy_save(scheme="rules-share", class_label="Growing", **RULES)
    stored = Policy.objects.get(scheme="rules-share", class_label="Growing")
    assert stored.pk == policy.pk
    assert (stored.contacts, stored.period, stored.channel, stored.minutes, stored.priority, stored.active, stored.version) == (
        3, "month", "call", 20, 2, True, 1,
    )


def test_saving_the_same_rules_keeps_the_version_and_a_change_bumps_it(db):
    first = policy_save(scheme="rules-share", class_label="Growing", **RULES)
    again = policy_save(scheme="rules-share", class_label="Growing", **RULES)
    assert (again.pk, again.version, again.updated_at) == (first.pk, 1, first.updated_at)

    longer = policy_save(scheme="rules-share", class_label="Growing", **RULES | {"minutes": 40})
    assert (longer.pk, longer.version, longer.minutes) == (first.pk, 2, 40)
    switched_off = policy_save(scheme="rules-share", class_label="Growing", **RULES | {"minutes": 40}, active=False)
    assert (switched_off.version, switched_off.active) == (3, False)
    assert Policy.objects.filter(scheme="rules-share").count() == 1
    assert Policy.objects.get(pk=first.pk).version == 3


def test_editing_a_default_policy_bumps_it_from_version_1_to_2(default_policies):
    policy = policy_save(scheme="abc", class_label="A", contacts=2, period="week", channel="visit", minutes=45, priority=1)
    assert policy.pk == default_policies[("abc", "A")].pk
    assert (policy.contacts, policy.version) == (2, 2)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"contacts": 0}, "contacts", "Ensure this value is greater than or equal to 1."),
        ({"contacts": 32}, "contacts", "Ensure this value is less than or equal to 31."),
        ({"period": "year"}, "period", "Value 'year' is not a valid choice."),
        ({"channel": "fax"}, "channel", "Value 'fax' is not a valid choice."),
        ({"minutes": 4}, "minutes", "Ensure this value is greater than or equal to 5."),
        ({"priority": 10}, "priority", "Ensure this value is less than or equal to 9."),
    ],
)
def test_a_bad_rule_is_refused_and_nothing_is_written(db, change, field, message):
    with pytest.raises(ValidationError) as refused:
        policy_save(scheme="rules-share", class_label="Growing", **RULES | change)
    assert refused.value.message_dict == {field: [message]}
    assert not Policy.objects.filter(scheme="rules-share").exists()


def test_a_bad_edit_leaves_the_stored_policy_as_it_was(db):
    policy_save(scheme="rules-share", class_label="Growing", **RULES)
    with pytest.raises(ValidationError, match="not a valid choice"):
        policy_save(scheme="rules-share", class_label="Growing", **RULES | {"period": "fortnight"})
    stored = Policy.objects.get(scheme="rules-share", class_label="Growing")
    assert (stored.period, stored.version) == ("month", 1)


def test_a_scheme_name_must_be_a_slug(db):
    with pytest.raises(ValidationError) as refused:
        policy_save(scheme="my scheme!", class_label="A", **RULES)
    assert list(refused.value.message_dict) == ["scheme"]


# contact_log


def test_logging_a_given_planned_contact_marks_it_done(customer, planned_contact):
    planned = planned_contact(customer, local(DAY, 9))
    later = planned_contact(customer, local(DAY, 15))
    log = contact_log(user=customer.owner, customer=customer, planned=planned, next_step="send the catalogue", next_step_on=date(2026, 1, 19), **log_kwargs())
    log.refresh_from_db()
    assert (log.customer, log.salesperson, log.at, log.channel, log.minutes, log.outcome) == (customer, customer.owner, local(DAY, 10), "visit", 30, "order")
    assert (log.next_step, log.next_step_on, log.planned_id) == ("send the catalogue", date(2026, 1, 19), planned.pk)
    assert PlannedContact.objects.get(pk=planned.pk).status == PlannedContact.Status.DONE
    assert PlannedContact.objects.get(pk=later.pk).status == PlannedContact.Status.PLANNED


def test_without_a_planned_contact_the_customers_next_open_one_is_done(customer, planned_contact, salesperson):
    other = customer_create(external_id="C2", name="Bar Dos", owner=salesperson)
    planned_contact(other, local(DAY, 8))  # earlier, but another customer's
    planned_contact(customer, local(DAY, 8, 30), status=PlannedContact.Status.DONE)  # earlier, but done
    third = planned_contact(customer, local(date(2026, 1, 20), 9))
    second = planned_contact(customer, local(DAY, 11))  # created after, starts before `third`

    log = contact_log(user=salesperson, customer=customer, **log_kwargs())

    assert log.planned_id == second.pk
    open_ones = PlannedContact.objects.filter(status=PlannedContact.Status.PLANNED).values_list("customer__name", "start")
    assert sorted(open_ones) == [("Bar Dos", local(DAY, 8)), ("Bar Uno", local(date(2026, 1, 20), 9))]
    assert PlannedContact.objects.get(pk=third.pk).status == PlannedContact.Status.PLANNED


def test_a_contact_without_any_plan_is_logged_alone(customer):
    log = contact_log(user=customer.owner, customer=customer, **log_kwargs())
    assert log.planned is None
    assert ContactLog.objects.count() == 1


def test_a_supervisor_logs_a_contact_for_a_customer_of_the_team(customer, team):
    log = contact_log(user=team.supervisor, customer=customer, **log_kwargs())
    assert (log.salesperson, log.customer) == (team.supervisor, customer)


def test_a_customer_the_user_cannot_see_is_refused(salesperson, theirs, planned_contact):
    planned = planned_contact(theirs, local(DAY, 9))
    with pytest.raises(ValidationError) as refused:
        contact_log(user=salesperson, customer=theirs, **log_kwargs())
    assert refused.value.message_dict == {"customer": ["Bar Ajeno is not one of your customers"]}
    assert not ContactLog.objects.exists()
    assert PlannedContact.objects.get(pk=planned.pk).status == PlannedContact.Status.PLANNED


def test_a_planned_contact_of_another_customer_is_refused(customer, salesperson, planned_contact):
    other = customer_create(external_id="C2", name="Bar Dos", owner=salesperson)
    planned = planned_contact(other, local(DAY, 9))
    with pytest.raises(ValidationError) as refused:
        contact_log(user=salesperson, customer=customer, planned=planned, **log_kwargs())
    assert refused.value.message_dict == {"planned": ["the planned contact is for another customer"]}
    assert not ContactLog.objects.exists()
    assert PlannedContact.objects.get(pk=planned.pk).status == PlannedContact.Status.PLANNED


def test_a_planned_contact_is_logged_only_once(customer, planned_contact):
    planned = planned_contact(customer, local(DAY, 9))
    contact_log(user=customer.owner, customer=customer, planned=planned, **log_kwargs())
    with pytest.raises(ValidationError) as refused:
        contact_log(user=customer.owner, customer=customer, planned=planned, **log_kwargs())
    assert refused.value.message_dict == {"planned": ["Contact log with this Planned contact already exists."]}
    assert ContactLog.objects.count() == 1


def test_a_bad_log_writes_nothing_and_leaves_the_plan_open(customer, planned_contact):
    planned = planned_contact(customer, local(DAY, 9))
    with pytest.raises(ValidationError) as refused:
        contact_log(user=customer.owner, customer=customer, planned=planned, **log_kwargs(outcome="maybe", purpose=""))
    assert set(refused.value.message_dict) == {"outcome", "purpose"}
    assert not ContactLog.objects.exists()
    assert PlannedContact.objects.get(pk=planned.pk).status == PlannedContact.Status.PLANNED


# group_activity_log


def test_a_group_activity_is_one_contact_for_every_attendee(customer, salesperson):
    other = customer_create(external_id="C2", name="Bar Dos", owner=salesperson)
    activity = group_activity_log(
        user=salesperson, kind="training", title="Spring range", at=local(DAY, 17), minutes=120, attendees=[customer, other], notes="12 dealers"
    )
    assert set(activity.attendees.all()) == {customer, other}
    logs = ContactLog.objects.filter(group_activity=activity).order_by("customer__name")
    assert [(log.customer.name, log.salesperson, log.at, log.channel, log.minutes, log.purpose, log.outcome, log.notes) for log in logs] == [
        ("Bar Dos", salesperson, local(DAY, 17), "visit", 120, "training: Spring range", "reached", "12 dealers"),
        ("Bar Uno", salesperson, local(DAY, 17), "visit", 120, "training: Spring range", "reached", "12 dealers"),
    ]
    assert ContactLog.objects.count() == 2


def test_an_attendee_named_twice_is_one_contact(customer, salesperson):
    activity = group_activity_log(user=salesperson, kind="trip", title="Fair", at=local(DAY, 9), minutes=60, attendees=[customer, customer])
    assert list(activity.attendees.all()) == [customer]
    assert ContactLog.objects.filter(customer=customer).count() == 1


def test_a_long_title_fits_the_purpose_of_the_contacts(customer, salesperson):
    title = "x" * 200  # the longest title; "promotion event: " + title is longer than a purpose may be
    group_activity_log(user=salesperson, kind="promotion", title=title, at=local(DAY, 9), minutes=60, attendees=[customer])
    purpose = ContactLog.objects.get().purpose
    assert len(purpose) == 200 and purpose.startswith("promotion event: xxx")


def test_a_group_activity_needs_attendees(salesperson):
    with pytest.raises(ValidationError) as refused:
        group_activity_log(user=salesperson, kind="trip", title="Fair", at=local(DAY, 9), minutes=60, attendees=[])
    assert refused.value.message_dict == {"attendees": ["a group activity needs at least one attending customer"]}
    assert not GroupActivity.objects.exists()


def test_a_group_activity_with_an_invisible_attendee_writes_nothing(customer, salesperson, theirs):
    with pytest.raises(ValidationError) as refused:
        group_activity_log(user=salesperson, kind="promotion", title="Tasting", at=local(DAY, 9), minutes=60, attendees=[customer, theirs])
    assert refused.value.message_dict == {"customer": ["Bar Ajeno is not one of your customers"]}
    assert not GroupActivity.objects.exists()
    assert not ContactLog.objects.exists()


def test_a_group_activity_of_an_unknown_kind_is_refused(customer, salesperson):
    with pytest.raises(ValidationError, match="not a valid choice"):
        group_activity_log(user=salesperson, kind="party", title="Party", at=local(DAY, 9), minutes=60, attendees=[customer])
    assert not GroupActivity.objects.exists()
    assert not ContactLog.objects.exists()


# calendar feeds


def test_a_new_calendar_feed_revokes_the_previous_one(salesperson, other_salesperson):
    theirs = calendar_feed_create(user=other_salesperson)
    first = calendar_feed_create(user=salesperson)
    assert first.revoked_at is None and len(first.token) >= 32

    second = calendar_feed_create(user=salesperson)
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert second.revoked_at is None and second.token != first.token
    assert list(CalendarFeed.objects.filter(revoked_at__isnull=True).order_by("pk")) == [theirs, second]


def test_revoking_counts_the_live_feeds(salesperson):
    calendar_feed_create(user=salesperson)
    assert calendar_feed_revoke(user=salesperson) == 1
    assert calendar_feed_revoke(user=salesperson) == 0
    assert not CalendarFeed.objects.filter(user=salesperson, revoked_at__isnull=True).exists()
