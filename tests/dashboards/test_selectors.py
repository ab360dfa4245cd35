"""Dashboard selectors over hand-built snapshots: every figure is worked out by hand in the comments."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from clientela.crm.models import Alert, Customer
from clientela.dashboards.selectors.classes import changed_rows, class_distribution
from clientela.dashboards.selectors.matrix import contribution_stability
from clientela.dashboards.selectors.pareto import pareto
from clientela.dashboards.selectors.profit import profit_bands
from clientela.dashboards.selectors.risk import at_risk
from clientela.dashboards.selectors.scope import DashboardFilters, dashboard_scope, filter_choices
from clientela.dashboards.selectors.snapshots import chunks, class_order, scheme_snapshots, scope_summary
from clientela.dashboards.selectors.vip import RegisterMonth, vip_register, window_months
from clientela.dashboards.services import snapshot_index, snapshots_index_many
from clientela.dashboards.summary import ClassTotal
from tests.dashboards.conftest import FEB, JAN


def scope(company, username, **filters):
    return dashboard_scope(user=company.users[username], filters=DashboardFilters(**filters))


def names(rows):
    return [row.customer.name for row in rows]


@pytest.mark.parametrize(
    ("username", "filters", "expected", "everyone"),
    [
        ("ana", {}, {"Ana 1", "Ana 2", "Ana 3"}, False),
        ("boss", {}, {"Ana 1", "Ana 2", "Ana 3", "Bruno 1", "Bruno 2"}, False),
        ("sue", {}, {"Carla 1"}, False),
        ("admin", {}, {"Ana 1", "Ana 2", "Ana 3", "Bruno 1", "Bruno 2", "Carla 1"}, True),
        ("admin", {"owner": "carla"}, {"Carla 1"}, False),
        ("admin", {"team": "south"}, {"Carla 1"}, False),
        ("admin", {"region": "coast"}, {"Ana 1", "Bruno 1"}, False),
        ("boss", {"tag": "key_account"}, {"Ana 1"}, False),
        ("ana", {"owner": "bruno"}, set(), False),  # a filter never widens what the user may see
    ],
)
def test_the_scope_is_what_the_user_may_see_narrowed_by_the_filters(company, username, filters, expected, everyone):
    objects = {"carla": company.users["carla"], "bruno": company.users["bruno"], "south": company.south, "coast": company.coast, "key_account": company.key_account}
    shown = scope(company, username, **{name: objects[value].pk for name, value in filters.items()})

    assert set(shown.customers.values_list("name", flat=True)) == expected
    assert shown.everyone is everyone


def test_filter_choices_come_from_the_customers_the_user_may_see(company):
    choices = filter_choices(user=company.users["ana"])
    assert [str(team) for team in choices["team"]] == ["North"]
    assert [user.username for user in choices["owner"]] == ["ana"]
    assert [region.name for region in choices["region"]] == ["Coast"]
    boss = filter_choices(user=company.users["boss"])
    assert [user.username for user in boss["owner"]] == ["ana", "bruno"]
    assert [user.username for user in filter_choices(user=company.users["admin"])["owner"]] == ["ana", "bruno", "carla"]


def test_pareto_of_a_salesperson_uses_only_their_customers(company, abc):
    indexed = snapshot_index(snapshot=abc[1])

    data = pareto(indexed=indexed, scope=scope(company, "ana"))

    assert names(data.top) == ["Ana 1", "Ana 2", "Ana 3"]
    # Ana's portfolio: 50,000 + 10,000 + 0; the line is the share of her positive total.
    assert data.summary.classes == {"A": ClassTotal(1, 50_000), "B": ClassTotal(1, 10_000), "C": ClassTotal(1, 0)}
    assert data.summary.curve == ((1, round(50_000 / 60_000, 6)), (2, 1.0), (3, 1.0))
    assert data.summary.bands == (("A", 1, 1), ("B", 2, 2), ("C", 3, 3))
    assert data.summary.flows == {("A", "A"): 1, ("A", "B"): 1, ("", "C"): 1}
    # Ranks and shares stay the company's.
    assert [(row.rank, row.share, row.cumulative_share) for row in data.top] == [(1, 0.5, 0.5), (4, 0.1, 0.95), (6, 0.0, 1.0)]


def test_pareto_for_everyone_reads_the_stored_summary_and_limits_the_bars(company, abc, django_assert_num_queries):
    indexed = snapshot_index(snapshot=abc[1])

    with django_assert_num_queries(1):
        data = pareto(indexed=indexed, scope=scope(company, "admin"), bars=2)

    assert names(data.top) == ["Ana 1", "Bruno 1"]
    assert data.summary.customers == 6 and data.summary.bands == (("A", 1, 3), ("B", 4, 4), ("C", 5, 6))


def test_class_distribution_over_snapshots(company, abc):
    january, february = abc

    company_wide = class_distribution(snapshots=[february, january], scope=scope(company, "admin"))
    ana = class_distribution(snapshots=[february, january], scope=scope(company, "ana"))

    assert [snapshot.as_of for snapshot in company_wide.snapshots] == [JAN, FEB]
    assert company_wide.counts == {january.pk: {"A": 3, "B": 1, "C": 1}, february.pk: {"A": 3, "B": 1, "C": 2}}
    assert ana.counts == {january.pk: {"A": 2}, february.pk: {"A": 1, "B": 1, "C": 1}}


def test_changed_customers_by_rank(company, abc):
    snapshot_index(snapshot=abc[1])

    assert [(row.customer.name, row.previous_label, row.label) for row in changed_rows(snapshot_id=abc[1].pk, scope=scope(company, "boss"))] == [
        ("Bruno 1", "B", "A"),
        ("Ana 2", "A", "B"),
        ("Ana 3", "", "C"),
    ]


def test_snapshots_one_per_date_newest_first_and_class_order(company, abc):
    january, february = abc
    scheme = february.scheme
    newer = type(february).objects.create(scheme=scheme, version=2, as_of=FEB, customers=0)

    assert scheme_snapshots(scheme=scheme) == [newer, january]
    assert scheme_snapshots(scheme=scheme, until=JAN) == [january]
    assert scheme_snapshots(scheme=scheme, count=1) == [newer]
    assert class_order(scheme, ["C", "X", "A"]) == ["A", "B", "C", "X"]


def test_matrix_points_and_customers_to_recover(company, matrix):
    indexed = snapshot_index(snapshot=matrix)

    ana = contribution_stability(indexed=indexed, scope=scope(company, "ana"))
    everyone = contribution_stability(indexed=indexed, scope=scope(company, "admin"), points=3)

    assert names(ana.points) == ["Ana 1", "Ana 2", "Ana 3"] and names(ana.recover) == ["Ana 1"]
    assert [(row.contribution, row.stability) for row in ana.points] == [(50_000.0, 0.2), (8_000.0, 0.7), (0.0, 0.0)]
    assert names(everyone.points) == ["Ana 1", "Bruno 1", "Carla 1"] and names(everyone.recover) == ["Ana 1", "Carla 1"]
    assert ana.summary.customers_in("EII") == 1 and everyone.summary.customers_in("EII") == 2


def test_profit_bands_share_of_the_company_profit_and_losses(company, profit):
    indexed = snapshot_index(snapshot=profit)

    ana = profit_bands(indexed=indexed, scope=scope(company, "ana"))
    everyone = profit_bands(indexed=indexed, scope=scope(company, "admin"))

    # Company profit 60,000: Ana's keep 70,000, retain 0, review −8,000.
    assert ana.company_share("keep") == pytest.approx(70_000 / 60_000)
    assert ana.company_share("retain") == 0
    assert ana.company_share("review") == pytest.approx(-8_000 / 60_000)
    assert everyone.company_share("review") == pytest.approx(-12_000 / 60_000)
    assert names(ana.losses) == ["Ana 3"]
    assert [(row.customer.name, row.value) for row in everyone.losses] == [("Ana 3", -8_000), ("Bruno 2", -4_000)]
    assert everyone.summary.losses == 2 and ana.summary.losses == 1


def test_vip_register_months_entries_exits_and_who_dropped_out(company, vip):
    history = snapshots_index_many(snapshots=list(vip))

    ana = vip_register(history=history, window=6, scope=scope(company, "ana"))
    everyone = vip_register(history=history, window=6, scope=scope(company, "admin"))

    assert ana.window == ["2023-09", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02"]
    assert [(line.row.customer.name, sorted(line.months)) for line in ana.register] == [("Ana 1", ["2024-01", "2024-02"]), ("Ana 3", ["2024-02"])]
    assert ana.history == [RegisterMonth(JAN, 2, None, None), RegisterMonth(FEB, 2, 1, 1)]
    assert everyone.history == [RegisterMonth(JAN, 3, None, None), RegisterMonth(FEB, 2, 1, 2)]
    [dropped] = ana.dropped
    assert dropped.row.customer.name == "Ana 2" and dropped.row.label == "good" and dropped.row.value == 40_000
    assert dropped.paid_before == 123_400 and dropped.months_before == ["2023-09", "2023-11"]
    assert dropped.alert is not None and "left vip" in dropped.alert.message
    assert [(item.row.customer.name, item.alert) for item in everyone.dropped][1] == ("Bruno 2", None)


def test_window_months_cross_the_year():
    assert window_months(date(2024, 2, 29), 3) == ["2023-12", "2024-01", "2024-02"]


def test_at_risk_and_lost(company):
    c, users = company.customers, company.users
    Alert.objects.create(recipient=users["ana"], customer=c["Ana 1"], kind=Alert.Kind.AT_RISK, message="Ana 1 at risk")
    Alert.objects.create(recipient=users["bruno"], customer=c["Bruno 1"], kind=Alert.Kind.CUSTOMER_LOST, message="Bruno 1 lost")
    Alert.objects.create(recipient=users["ana"], customer=c["Ana 2"], kind=Alert.Kind.AT_RISK, message="read", read_at=timezone.now())
    Alert.objects.create(recipient=users["ana"], customer=c["Ana 1"], kind=Alert.Kind.CLASS_EXIT, message="another kind")
    Alert.objects.create(recipient=users["ana"], customer=c["Ana 3"], kind=Alert.Kind.AT_RISK, message="old", created_at=timezone.now() - timedelta(days=400))
    Customer.objects.filter(name__in=["Ana 3", "Carla 1"]).update(status=Customer.Status.LOST)
    since = timezone.localdate() - timedelta(days=180)

    ana, boss = at_risk(scope=scope(company, "ana"), since=since), at_risk(scope=scope(company, "boss"), since=None)

    assert [alert.message for alert in ana.alerts] == ["Ana 1 at risk"] and ana.alerts_count == 1
    assert {alert.message for alert in boss.alerts} == {"Ana 1 at risk", "Bruno 1 lost", "old"}
    assert [customer.name for customer in ana.lost] == ["Ana 3"] and ana.lost_count == 1
    assert [customer.name for customer in at_risk(scope=scope(company, "admin"), since=since).lost] == ["Ana 3", "Carla 1"]


def test_the_summary_of_a_scope_for_everyone_needs_no_query(company, abc, django_assert_num_queries):
    indexed = snapshot_index(snapshot=abc[1])
    with django_assert_num_queries(0):
        summary = scope_summary(indexed=indexed, scope=scope(company, "admin"))
    assert summary.customers == 6


def test_long_lists_of_customers_are_queried_in_chunks():
    assert list(chunks(list(range(25)), size=10)) == [list(range(10)), list(range(10, 20)), list(range(20, 25))]
