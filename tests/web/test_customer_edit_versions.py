"""Two people editing the same customer on the web: the second save is refused with who and when, nothing overwritten."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clientela.crm.models import Customer
from clientela.crm.services.contacts import contact_create, do_not_contact_create


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


def remove_version(client: Client, customer: Customer) -> str:
    """The version the file's remove buttons carry, as the page was loaded."""
    page = client.get(reverse("web:customer_detail", args=[customer.pk])).content.decode()
    return re.search(r'name="version" value="(\d+)" class="customer-version"', page).group(1)


REMOVALS = {
    "contact": lambda customer: ("web:contact_delete", contact_create(customer=customer, name="Eva").pk, lambda: customer.contacts.exists()),
    "do-not-contact period": lambda customer: (
        "web:do_not_contact_delete",
        do_not_contact_create(customer=customer, start=date(2026, 1, 1), end=date(2026, 1, 31)).pk,
        lambda: customer.do_not_contact_periods.exists(),
    ),
}


@pytest.mark.parametrize("kind", REMOVALS)
def test_a_removal_from_a_stale_file_is_refused_and_removes_nothing(customer, two_editors, kind):
    ana, boss = two_editors
    url_name, pk, still_there = REMOVALS[kind](customer)
    stale = remove_version(boss, customer)
    ana.post(reverse("web:customer_edit", args=[customer.pk, "address"]), address("Lugo", opened_version(ana, customer, "address")))

    refused = boss.post(reverse(url_name, args=[customer.pk, pk]), {"version": stale}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 200
    at = timezone.localtime().strftime("%H:%M")
    assert f"Bar Uno was changed by ana at {at} since you opened it; reload to see their changes." in refused.content.decode()
    assert "hx-swap-oob" not in refused.content.decode()  # the rest of the file stays as stale as it is
    assert still_there()

    assert boss.post(reverse(url_name, args=[customer.pk, pk]), {"version": remove_version(boss, customer)}, HTTP_HX_REQUEST="true").status_code == 200
    assert not still_there()


def test_the_file_s_own_saves_bring_its_remove_buttons_up_to_date(customer, two_editors):
    ana, _boss = two_editors
    contact = contact_create(customer=customer, name="Eva")
    loaded = remove_version(ana, customer)

    saved = ana.post(reverse("web:customer_edit", args=[customer.pk, "address"]), address("Lugo", opened_version(ana, customer, "address")), HTTP_HX_REQUEST="true")
    current = str(Customer.objects.get(pk=customer.pk).version)
    assert current != loaded
    assert f'<input type="hidden" name="version" value="{current}" class="customer-version" hx-swap-oob="outerHTML:input.customer-version">' in saved.content.decode()

    assert ana.post(reverse("web:contact_delete", args=[customer.pk, contact.pk]), {"version": current}, HTTP_HX_REQUEST="true").status_code == 200
    assert not customer.contacts.exists()
