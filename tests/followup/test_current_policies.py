"""Each customer's stored current policy follows every change of what it is worked out from.

Default policies (SPEC S5): abc A every 7 days, B every 15, C every 30 (priority 3); matrix EII
every 7 days, EIV every 30 with priority 4.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clientela.crm.services.customers import customer_create
from clientela.followup.current_policies import customer_policies_refresh
from clientela.followup.models import CustomerPolicy, Policy
from clientela.followup.services import policy_save
from clientela.pipeline.services.merge import customers_merge
from clientela.segmentation.models import Scheme

JANUARY, FEBRUARY = date(2026, 1, 31), date(2026, 2, 28)


@pytest.fixture
def customers(salesperson):
    """Bar Uno, Bar Dos and Bar Tres of the salesperson."""
    return [customer_create(external_id=f"S{n}", name=name, owner=salesperson) for n, name in enumerate(("Bar Uno", "Bar Dos", "Bar Tres"), 1)]


def stored() -> dict[str, tuple[str, str]]:
    """Customer name → (scheme, class) of the stored policy, worked out again first if its basis changed."""
    customer_policies_refresh()
    return {row.customer.name: (row.policy.scheme, row.policy.class_label) for row in CustomerPolicy.objects.select_related("customer", "policy")}


def test_the_most_demanding_policy_of_the_latest_snapshots_is_stored(customers, classify):
    uno, dos, tres = customers
    classify("abc", {uno: "B", dos: "C", tres: "A"}, as_of=JANUARY)
    classify("matrix", {uno: "EII", dos: "EIV"}, as_of=JANUARY)
    # Uno: EII (7 days) beats B (15). Dos: C and EIV are both 30 days, C's priority 3 beats 4. Tres: only A.
    assert stored() == {"Bar Uno": ("matrix", "EII"), "Bar Dos": ("abc", "C"), "Bar Tres": ("abc", "A")}


def test_a_new_snapshot_moves_each_customer_to_their_new_class(customers, classify):
    uno, dos, tres = customers
    classify("abc", {uno: "A", dos: "B", tres: "C"}, as_of=JANUARY)
    assert stored() == {"Bar Uno": ("abc", "A"), "Bar Dos": ("abc", "B"), "Bar Tres": ("abc", "C")}

    classify("abc", {uno: "C", dos: "B"}, as_of=FEBRUARY)  # Tres is not in the new snapshot: no class, no policy

    assert stored() == {"Bar Uno": ("abc", "C"), "Bar Dos": ("abc", "B")}


def test_a_policy_edit_is_followed_in_the_same_transaction(customers, classify):
    uno, dos, _ = customers
    classify("abc", {uno: "C", dos: "C"})
    classify("matrix", {uno: "EIV"})
    assert stored() == {"Bar Uno": ("abc", "C"), "Bar Dos": ("abc", "C")}

    policy_save(scheme="matrix", class_label="EIV", contacts=1, period="month", channel="call", minutes=15, priority=1)

    # Stored by policy_save itself: read the table as it is, without working it out again.
    rows = CustomerPolicy.objects.select_related("customer", "policy")
    assert {row.customer.name: (row.policy.scheme, row.policy.class_label) for row in rows} == {"Bar Uno": ("matrix", "EIV"), "Bar Dos": ("abc", "C")}


def test_a_paused_or_deleted_policy_hands_its_customers_to_their_next_policy(customers, classify, default_policies):
    uno, dos, _ = customers
    classify("abc", {uno: "B", dos: "B"})
    classify("matrix", {uno: "EIV"})
    assert stored() == {"Bar Uno": ("abc", "B"), "Bar Dos": ("abc", "B")}

    Policy.objects.filter(pk=default_policies[("abc", "B")].pk).update(active=False)
    assert stored() == {"Bar Uno": ("matrix", "EIV")}

    Policy.objects.filter(pk=default_policies[("matrix", "EIV")].pk).delete()
    assert stored() == {}


def test_an_inactive_scheme_no_longer_gives_a_policy(customers, classify):
    uno, dos, _ = customers
    classify("abc", {uno: "C", dos: "A"})
    classify("matrix", {uno: "EII"})
    Scheme.objects.filter(name="matrix").update(active=False)
    assert stored() == {"Bar Uno": ("abc", "C"), "Bar Dos": ("abc", "A")}


def test_a_customer_whose_classes_change_by_a_merge_follows_the_most_demanding_of_them(customers, classify, salesperson):
    kept, duplicate, _ = customers
    classify("abc", {kept: "C"})
    classify("matrix", {duplicate: "EII"})
    assert stored() == {"Bar Uno": ("abc", "C"), "Bar Dos": ("matrix", "EII")}

    customers_merge(user=salesperson, kept=kept, merged=duplicate)

    # The kept customer now has the duplicate's EII class as well: stored by the merge, in its transaction.
    assert {row.customer_id: row.policy.class_label for row in CustomerPolicy.objects.select_related("policy")} == {kept.pk: "EII"}


def test_an_unchanged_basis_is_checked_in_three_reads(customers, classify):
    uno, _, _ = customers
    classify("abc", {uno: "A"})
    customer_policies_refresh()
    with CaptureQueriesContext(connection) as queries:
        customer_policies_refresh()
    assert len(queries) == 3  # the policies, the latest snapshots, the basis: no transaction, nothing written
    assert all(query["sql"].startswith("SELECT") for query in queries)
