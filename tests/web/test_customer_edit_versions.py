"""Two people editing the same customer on the web: the second save is refused with who and when, nothing overwritten."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clientela.crm.models import Customer


def address(city: str, version: str) -> dict[str, str]:
    return {"address": "", "city": city, "postal_code": "", "country": "", "region": "", "latitude": "", "longitude": "", "version": version}


def opened_version(client: Client, customer: Customer, section: str) -> str:
    """Open a section's form as an editor does; return the version its hidden field carries."""
    form = client.get(reverse("web:customer_edit", args=[customer.pk, section])).content.decode()
    start = form.index('name="version" value="') + len('name="version" value="')
    return form[start : form.index('"', start)]


@pytest.fixture
def two_editors(customer, salesperson, team) -> tuple[Client, Client]:
    """The owner Ana and her supervisor, each signed in with their own browser session."""
    ana, boss = Client(), Client()
    ana.force_login(salesperson)
    boss.force_login(team.supervisor)
    return ana, boss


def test_the_second_save_of_the_same_version_is_refused_and_writes_nothing(customer, two_editors):
    ana, boss = two_editors
    ana_version, boss_version = opened_version(ana, customer, "address"), opened_version(boss, customer, "address")
    assert ana_version == boss_version == "1"
    assert ana.post(reverse("web:customer_edit", args=[customer.pk, "address"]), address("Lugo", ana_version)).status_code == 302

    refused = boss.post(reverse("web:customer_edit", args=[customer.pk, "address"]), address("Vigo", boss_version))
    assert refused.status_code == 200
    at = timezone.localtime().strftime("%H:%M")
    assert f"Bar Uno was changed by ana at {at} since you opened it; reload to see their changes." in refused.content.decode()
    assert 'name="version" value="1"' in refused.content.decode()  # saving again stays refused until reloaded
    assert Customer.objects.values_list("city", "version").get(pk=customer.pk) == ("Lugo", 2)

    assert boss.post(reverse("web:customer_edit", args=[customer.pk, "address"]), address("Vigo", opened_version(boss, customer, "address"))).status_code == 302
    assert Customer.objects.values_list("city", "version").get(pk=customer.pk) == ("Vigo", 3)


def test_a_change_in_another_section_also_refuses_a_stale_form(customer, two_editors):
    ana, boss = two_editors
    stale = opened_version(boss, customer, "profile")
    ana.post(reverse("web:customer_edit", args=[customer.pk, "address"]), address("Lugo", opened_version(ana, customer, "address")))
    refused = boss.post(reverse("web:customer_edit", args=[customer.pk, "profile"]), {"profession": "chef", "version": stale}, HTTP_HX_REQUEST="true")
    assert "since you opened it" in refused.content.decode()
    assert Customer.objects.get(pk=customer.pk).profile.profession == ""


def test_a_contact_added_from_a_stale_file_is_refused(customer, two_editors):
    ana, boss = two_editors
    stale = opened_version(boss, customer, "address")
    ana.post(reverse("web:customer_edit", args=[customer.pk, "address"]), address("Lugo", stale))
    refused = boss.post(reverse("web:contact_new", args=[customer.pk]), {"name": "Eva", "version": stale})
    assert "since you opened it" in refused.content.decode()
    assert not Customer.objects.get(pk=customer.pk).contacts.exists()
