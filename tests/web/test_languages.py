"""Each user's language, activated on every request over the browser's, with dates and numbers in its formats.

Needs the compiled translations (`make messages`, which `make test` runs).
"""

from datetime import date

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from clientela.crm.models import Transaction, User
from clientela.web.templatetags.money import cents


@pytest.fixture
def chinese(salesperson) -> User:
    User.objects.filter(pk=salesperson.pk).update(language="zh-hans")
    salesperson.refresh_from_db()
    return salesperson


def test_a_user_with_chinese_sees_the_customer_file_in_chinese(client, chinese, customer):
    client.force_login(chinese)
    content = client.get(reverse("web:customer_detail", args=[customer.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="zh-hans">' in content
    for text in ("联系偏好", "每月销售额", "类别历史", "交易", "付款", "编辑", "我的一周"):
        assert text in content, text
    assert "Contact preferences" not in content


def test_the_settings_pages_follow_the_users_language(client, chinese, team):
    client.force_login(chinese)
    assert "我的设置" in client.get(reverse("web:my_settings")).content.decode()
    client.force_login(team.supervisor)
    User.objects.filter(pk=team.supervisor.pk).update(language="ro")
    content = client.get(reverse("web:group_list")).content.decode()
    assert "Grupuri de clienți" in content and '<html lang="ro">' in content


def test_without_a_language_the_browser_decides_and_a_chosen_one_wins(client, salesperson):
    client.force_login(salesperson)
    assert "Mis ajustes" in client.get(reverse("web:my_settings"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    client.post(reverse("web:my_settings"), {"language": "fr"}, HTTP_ACCEPT_LANGUAGE="es")
    response = client.get(reverse("web:my_settings"), HTTP_ACCEPT_LANGUAGE="es")
    assert "Mes paramètres" in response.content.decode() and response["Content-Language"] == "fr"


def test_the_login_page_follows_the_browser(client, db):
    assert "Iniciar sesión en Clientela" in client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="es").content.decode()


@pytest.mark.parametrize(
    ("language", "amount", "day"),
    [
        ("en", "1,234,567.89", "03/07/2025"),
        ("es", "1\xa0234\xa0567,89", "07/03/2025"),
        ("fr", "1\xa0234\xa0567,89", "07/03/2025"),
        ("ro", "1.234.567,89", "07.03.2025"),
        ("zh-hans", "1,234,567.89", "2025年3月7日"),
    ],
)
def test_money_and_dates_are_written_as_the_language_writes_them(language, amount, day):
    with translation.override(language):
        assert cents(123456789) == amount
        assert cents(-5) == ("-0,05" if "," in amount[-3:] else "-0.05")
        assert Template('{{ day|date:"SHORT_DATE_FORMAT" }}').render(Context({"day": date(2025, 3, 7)})) == day


def test_the_customer_file_shows_amounts_and_dates_in_the_users_formats(client, salesperson, customer):
    User.objects.filter(pk=salesperson.pk).update(language="ro")
    Transaction.objects.create(document_id="F1", line=1, customer=customer, date=date(2025, 3, 7), amount_cents=123456)
    client.force_login(salesperson)
    content = client.get(reverse("web:customer_detail", args=[customer.pk])).content.decode()
    assert "<td>07.03.2025</td>" in content and '<td class="num">1.234,56</td>' in content
