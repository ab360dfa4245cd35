"""The analysis of losses by class at the time of loss, month and reason, checked against figures worked out by hand."""

from datetime import date

import pytest

from clientela.crm.models import User
from clientela.crm.selectors.customers import customers_visible_to
from clientela.crm.services.customers import customer_create
from clientela.retention.models import CustomerLoss, CustomerLossClass
from clientela.retention.selectors.losses import LossGroup, loss_analysis, losses_in

START, END = date(2024, 1, 1), date(2024, 4, 30)


def lose(customer, lost_on, reason, revenue, classes, recovered_on=None, text=""):
    loss = CustomerLoss.objects.create(
        customer=customer, lost_on=lost_on, how="detected", reason=reason, reason_text=text, revenue_12m_cents=revenue, recovered_on=recovered_on
    )
    CustomerLossClass.objects.bulk_create(CustomerLossClass(loss=loss, scheme_name=scheme, label=label) for scheme, label in classes)
    return loss


@pytest.fixture
def losses(salesperson, other_salesperson):
    """Ana's customers: Sol lost twice (Jan 10, bought again Mar 1; Apr 2), Dos (Jan 25), Tres (Mar 5), Cuatro (Dec 31, before
    the period); Bruno's Ajeno (Feb 1)."""
    sol, dos, tres, cuatro = (customer_create(external_id=f"C{n}", name=name, owner=salesperson) for n, name in enumerate(("Sol", "Dos", "Tres", "Cuatro")))
    ajeno = customer_create(external_id="C9", name="Ajeno", owner=other_salesperson)
    lose(sol, date(2024, 1, 10), "competitor_offer", 10_000, [("abc", "A"), ("vip", "vip")], recovered_on=date(2024, 3, 1))
    lose(dos, date(2024, 1, 25), "unknown", 4_000, [("abc", "B")])
    lose(tres, date(2024, 3, 5), "competitor_offer", 6_000, [("abc", "A")])
    lose(sol, date(2024, 4, 2), "other", 2_000, [("abc", "B")], text="moved away")
    lose(cuatro, date(2023, 12, 31), "dissatisfied", 99_999, [("abc", "A")])
    lose(ajeno, date(2024, 2, 1), "dissatisfied", 7_000, [("abc", "A")])


@pytest.mark.django_db
def test_a_salesperson_sees_the_losses_of_their_customers_by_class_month_and_reason(losses, salesperson):
    analysis = loss_analysis(customers=customers_visible_to(salesperson), start=START, end=END)

    assert analysis.total == LossGroup("", "", 4, 1, 22_000)
    assert analysis.by_class == [LossGroup("abc", "A", 2, 1, 16_000), LossGroup("abc", "B", 2, 0, 6_000), LossGroup("vip", "vip", 1, 1, 10_000)]
    assert analysis.by_month == [LossGroup("2024-01", "2024-01", 2, 1, 14_000), LossGroup("2024-03", "2024-03", 1, 0, 6_000), LossGroup("2024-04", "2024-04", 1, 0, 2_000)]
    assert analysis.by_reason == [
        LossGroup("competitor_offer", "A competitor offered more", 2, 1, 16_000),
        LossGroup("other", "Other", 1, 0, 2_000),
        LossGroup("unknown", "Unknown", 1, 0, 4_000),
    ]
    listed = losses_in(customers=customers_visible_to(salesperson), start=START, end=END)
    assert [(loss.customer.name, loss.lost_on) for loss in listed] == [("Sol", date(2024, 4, 2)), ("Tres", date(2024, 3, 5)), ("Dos", date(2024, 1, 25)), ("Sol", date(2024, 1, 10))]


@pytest.mark.django_db
def test_an_admin_sees_every_loss(losses):
    admin = User.objects.create_user("alex", password="pw", role=User.Role.ADMIN)
    analysis = loss_analysis(customers=customers_visible_to(admin), start=START, end=END)
    assert analysis.total == LossGroup("", "", 5, 1, 29_000)
    assert analysis.by_class[0] == LossGroup("abc", "A", 3, 1, 23_000)
    assert LossGroup("dissatisfied", "Dissatisfied with the product or service", 1, 0, 7_000) in analysis.by_reason


@pytest.mark.django_db
def test_a_period_without_losses_has_empty_tables(losses, salesperson):
    analysis = loss_analysis(customers=customers_visible_to(salesperson), start=date(2025, 1, 1), end=date(2025, 12, 31))
    assert analysis.total == LossGroup("", "", 0, 0, 0)
    assert (analysis.by_class, analysis.by_month, analysis.by_reason) == ([], [], [])
