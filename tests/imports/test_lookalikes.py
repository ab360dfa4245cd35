"""Customers an import creates that look like other customers: listed by row (the file still imports), or refused on request.

    in the database   C1 Bar Uno (Bilbao, uno@bar.es)           C2 Bodega Martínez (Toledo, 925 11 22 33)
    the file          row 2  C1 Bar Uno          Bilbao                       an update: never reported
                      row 3  N1 Bar Uno S.L.     Bilbao                       similar name in the same town as C1 (row 2)
                      row 4  N2 Café Luna        Segovia  +34 925 112 233     same phone as C2
                      row 5  N3 Luna             Segovia  luna@cafe.es
                      row 6  N4 Cafe Luna Sur    Avila    LUNA@cafe.es        same e-mail as N3 (row 5)
                      row 7  N5 Bar Nuevo        Madrid                       like nobody
"""

import pytest
from django.urls import reverse

from clientela.crm.models import Customer
from clientela.crm.services.customers import customer_create
from tests.imports.tables import messages

ROWS = [
    ["external_id", "name", "city", "phone", "email", "owner"],
    ["C1", "Bar Uno", "Bilbao", "", "uno@bar.es", "ana"],
    ["N1", "Bar Uno S.L.", "Bilbao", "", "", "ana"],
    ["N2", "Café Luna", "Segovia", "+34 925 112 233", "", "ana"],
    ["N3", "Luna", "Segovia", "", "luna@cafe.es", "ana"],
    ["N4", "Cafe Luna Sur", "Avila", "", "LUNA@cafe.es", "ana"],
    ["N5", "Bar Nuevo", "Madrid", "", "", "ana"],
]
REPORTED = [
    'row 3: N1 "Bar Uno S.L." looks like C1 "Bar Uno" (row 2): similar name in the same town',
    'row 4: N2 "Café Luna" looks like C2 "Bodega Martínez": same phone',
    'row 6: N4 "Cafe Luna Sur" looks like N3 "Luna" (row 5): same e-mail',
]


@pytest.fixture
def existing(salesperson):
    customer_create(external_id="C1", name="Bar Uno", city="Bilbao", email="uno@bar.es", owner=salesperson)
    customer_create(external_id="C2", name="Bodega Martínez", city="Toledo", phone="925 11 22 33", owner=salesperson)


def test_the_file_is_imported_and_suspected_duplicates_are_listed_by_row(existing, import_rows):
    result = import_rows("customers", ROWS)
    assert (result.created, result.updated) == (5, 1)
    assert [str(suspect) for suspect in result.suspected_duplicates] == REPORTED
    first = result.suspected_duplicates[0]
    assert (first.row, first.external_id, first.other_external_id, first.other_row, first.reasons, first.matched) == (
        3, "N1", "C1", 2, ("similar name in the same town",), "Bar Uno S.L.",
    )  # fmt: skip
    assert Customer.objects.count() == 7


def test_importing_the_same_file_again_reports_nothing_new(existing, import_rows):
    import_rows("customers", ROWS)
    again = import_rows("customers", ROWS)
    assert (again.created, again.updated, again.suspected_duplicates) == (0, 6, ())


def test_a_row_of_a_new_customer_checks_against_what_the_update_rows_make_of_the_others(existing, import_rows):
    """C1's e-mail changes in row 2; the new row 3 shares the new one, not the old one."""
    rows = [["external_id", "name", "email"], ["C1", "Bar Uno", "new@bar.es"], ["N1", "Otro", "new@bar.es"], ["N2", "Más", "uno@bar.es"]]
    assert [str(s) for s in import_rows("customers", rows).suspected_duplicates] == ['row 3: N1 "Otro" looks like C1 "Bar Uno" (row 2): same e-mail']


def test_refuse_duplicates_refuses_the_file_naming_each_row(existing, reject_rows):
    rejection = reject_rows("customers", ROWS, refuse_duplicates=True)
    assert rejection.message.endswith("customers.csv: 3 errors in customers; nothing was imported")
    assert messages(rejection) == [
        'row 3, column "name": "Bar Uno S.L." — a company not in the database yet, but it looks like customer C1 "Bar Uno" (row 2) '
        "(similar name in the same town)",
        'row 4, column "phone": "+34 925 112 233" — a company not in the database yet, but it looks like customer C2 "Bodega Martínez" (same phone)',
        'row 6, column "email": "LUNA@cafe.es" — a company not in the database yet, but it looks like customer N3 "Luna" (row 5) (same e-mail)',
    ]


def test_a_file_without_lookalikes_imports_with_refuse_duplicates(existing, import_rows):
    result = import_rows("customers", [ROWS[0], ROWS[-1]], refuse_duplicates=True)
    assert (result.created, result.suspected_duplicates) == (1, ())


def test_the_suspects_are_on_the_duplicates_page_for_merging(existing, import_rows, client, salesperson):
    import_rows("customers", ROWS)
    client.force_login(salesperson)
    page = client.get(reverse("pipeline:duplicates")).content.decode()
    merges = {(customer.pk, customer.name) for customer in Customer.objects.filter(external_id__in=["N1", "N2", "N4"])}
    for pk, name in merges:
        assert f'action="{reverse("pipeline:merge", args=[pk])}"' in page and name in page
    assert page.count('action="/pipeline/customers/') == 3
