"""Each customer's current policy, stored so that compliance is a join: the most demanding policy among their classes in
the latest snapshot of every active scheme, worked out again in the database whenever what it follows from changed."""

import json

from django.db import connection, transaction
from django.db.models import Case, IntegerField, Min, QuerySet, Value, When

from clientela.followup.models import CustomerPolicy, CustomerPolicyBasis, Policy
from clientela.segmentation.models import CustomerClass, Snapshot

PERIOD_DAYS = {Policy.Period.WEEK: 7, Policy.Period.MONTH: 30}


def interval_days(policy: Policy) -> int:
    """Days between two contacts that meet the policy (7 / contacts a week, 30 / contacts a month)."""
    return max(1, PERIOD_DAYS[Policy.Period(policy.period)] // policy.contacts)


def policies_in_order() -> list[Policy]:
    """The active policies, most demanding first (shortest interval, then priority)."""
    return sorted(Policy.objects.filter(active=True), key=lambda p: (interval_days(p), p.priority, p.scheme, p.class_label))


def _ranked(policies: list[Policy]) -> list[tuple[Policy, int]]:
    """The policies (most demanding first) whose scheme is active and has a snapshot, each with its scheme's latest one."""
    latest: dict[str, int] = {}
    for snapshot_id, scheme in Snapshot.objects.filter(scheme__active=True).order_by("scheme_id", "-as_of", "-version").values_list("id", "scheme__name"):
        latest.setdefault(scheme, snapshot_id)
    return [(policy, latest[policy.scheme]) for policy in policies if policy.scheme in latest]


def _basis(ranked: list[tuple[Policy, int]]) -> str:
    return json.dumps([[policy.pk, policy.scheme, policy.class_label, snapshot] for policy, snapshot in ranked])


def customer_policies_refresh(*, policies: list[Policy] | None = None, customer_ids: list[int] | None = None) -> None:
    """Store every customer's current policy again unless the policies (`policies_in_order()` when not given) and the
    latest snapshots are those it was worked out from; with `customer_ids`, those customers' at least (their classes moved).

    Snapshots are never changed once stored (a re-run stores a new one), so the basis tells when the table is out of
    date; checking it is three small reads, outside any transaction.
    """
    ranked = _ranked(policies_in_order() if policies is None else policies)
    key = _basis(ranked)
    if customer_ids or not CustomerPolicyBasis.objects.filter(key=key).exists():
        _store(ranked, key, customer_ids)


@transaction.atomic
def _store(ranked: list[tuple[Policy, int]], key: str, customer_ids: list[int] | None) -> None:
    basis = CustomerPolicyBasis.objects.select_for_update().first() or CustomerPolicyBasis(key="")
    if basis.key == key and not customer_ids:
        return  # stored meanwhile by another request
    stored = CustomerPolicy.objects.all()
    classes = CustomerClass.objects.filter(snapshot_id__in={snapshot for _, snapshot in ranked})
    if basis.key == key:
        stored = stored.filter(customer_id__in=customer_ids)
        classes = classes.filter(customer_id__in=customer_ids)
    stored.delete()
    if ranked:
        _insert(classes, ranked)
    basis.key = key
    basis.save()


def _insert(classes: QuerySet[CustomerClass], ranked: list[tuple[Policy, int]]) -> None:
    """Insert, in one statement, each customer's first policy in `ranked` among their `classes`."""
    rank = Case(*(When(snapshot_id=snapshot, label=policy.class_label, then=Value(n)) for n, (policy, snapshot) in enumerate(ranked)), output_field=IntegerField())
    policy = Case(*(When(first=n, then=Value(policy.pk)) for n, (policy, _) in enumerate(ranked)), output_field=IntegerField())
    chosen = classes.order_by().values("customer_id").annotate(first=Min(rank)).filter(first__isnull=False).annotate(policy=policy)
    select, params = chosen.values_list("customer_id", "policy").query.sql_with_params()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # INSERT … SELECT: the ORM has no words for it, and 100,000 rows need not come through Python.
        cursor.execute(f"INSERT INTO {quote(CustomerPolicy._meta.db_table)} ({quote('customer_id')}, {quote('policy_id')}) {select}", params)
