"""Fuzzing: schemathesis sends generated requests to a live server (Django's live server on 127.0.0.1, a free port)
serving the OpenAPI document, as an admin and as a salesperson; no answer may be a server error, and every answer must
match the document (status code, content type, body schema).

Bounded: FUZZ_EXAMPLES generated requests per operation (each sent with both tokens), about a minute on two cores.
"""

from datetime import date, timedelta

import pytest
import schemathesis
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance, status_code_conformance

from clientela.api.services import token_create
from clientela.crm.models import Alert, Payment, Product, Tag, Transaction, User
from clientela.crm.services.contacts import contact_create
from clientela.crm.services.customers import customer_create
from clientela.followup.defaults import default_policies_create
from clientela.followup.models import ContactLog, PlannedContact, Policy
from clientela.segmentation.models import CustomerClass, Snapshot
from clientela.segmentation.services import scheme_save
from tests.fixtures.followup import local

FUZZ_EXAMPLES = 20
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


@pytest.fixture
def company(transactional_db, team, salesperson, other_salesperson) -> tuple[dict[str, str], dict[str, object]]:
    """A small company (two salespeople, their customers with business data, classes, plans, alerts).

    Returns a token per fuzzing user, and path parameters naming records of the salesperson's (so that requests reach
    them, besides the generated ids, which mostly name nothing).
    """
    default_policies_create(Policy)
    admin = User.objects.create_user("root", password="pw", role=User.Role.ADMIN, is_superuser=True, is_staff=True)
    Product.objects.create(sku="BEER", name="Beer")
    group = Tag.objects.create(name="Hotels")
    abc = scheme_save(name="abc-fuzz", definition={"kind": "abc"})
    snapshot = Snapshot.objects.create(scheme=abc, version=1, as_of=date(2026, 1, 31), customers=6, class_counts={"A": 2, "B": 2, "C": 2})
    today = timezone.localdate()
    for n, owner in enumerate([salesperson, other_salesperson] * 3):
        customer = customer_create(external_id=f"F{n}", name=f"Bar {n}", owner=owner, tags=[group] if n % 2 else [])
        contact_create(customer=customer, name=f"Person {n}", is_primary=True)
        Transaction.objects.create(document_id=f"D{n}", customer=customer, date=date(2026, 1, n + 1), amount_cents=1000 * (n + 1))
        Payment.objects.create(reference=f"R{n}", customer=customer, date=date(2026, 1, n + 2), amount_cents=500 * (n + 1))
        CustomerClass.objects.create(snapshot=snapshot, customer=customer, label="ABC"[n // 2], explanation={"value": n, "rank": n + 1})
        Alert.objects.create(recipient=owner, customer=customer, kind=Alert.Kind.AT_RISK, message=f"Bar {n} at risk")
        planned = PlannedContact.objects.create(
            salesperson=owner, customer=customer, start=local(today + timedelta(days=n), 10), minutes=30, channel="visit",
            class_label="A", due=today, reason="due weekly",
        )
        ContactLog.objects.create(customer=customer, salesperson=owner, at=local(today - timedelta(days=3), 9), channel="call", purpose="x", outcome="reached", planned=None)
        assert planned.pk
    customer = salesperson.customers.first()
    known = {
        "customer_id": customer.pk,
        "contact_id": customer.contacts.get().pk,
        "group_id": group.pk,
        "snapshot_id": snapshot.pk,
        "alert_id": salesperson.alerts.first().pk,
        "name": abc.name,
    }
    return {"admin": token_create(user=admin).key, "salesperson": token_create(user=salesperson).key}, known


def _cases(operation, known: dict[str, object]) -> st.SearchStrategy:
    """Valid and invalid requests, with generated path parameters or with those of existing records."""
    names = [parameter.name for parameter in operation.path_parameters]
    existing = {name: known[name] for name in names}
    strategies = [operation.as_strategy(generation_mode=mode) for mode in GenerationMode]
    if names:
        strategies.append(operation.as_strategy(path_parameters=existing))
    return st.one_of(strategies)


def test_the_api_answers_every_generated_request_within_its_schema(live_server, company):
    keys, known = company
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    failures: dict[str, str] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25

    for operation in operations:

        @given(case=_cases(operation, known))
        @settings(max_examples=FUZZ_EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck), database=None)
        def fuzz(case):
            for key in keys.values():
                case.call_and_validate(headers={"Authorization": f"Bearer {key}"}, checks=CHECKS)

        try:
            fuzz()
        except Exception as failure:  # every operation is fuzzed; all failures are reported together
            failures[operation.label] = str(failure)[:3000]
    assert not failures, "\n\n".join(f"{label}:\n{failure}" for label, failure in failures.items())
