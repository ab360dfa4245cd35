"""Import of customers: owner by username, regions created by code, tags as groups, partial updates."""

from datetime import date

import pytest

from clientela.crm.models import Customer, CustomerProfile, Region, Tag
from clientela.imports import import_file
from tests.imports.tables import edit, messages

# fmt: off
HEADER = ["external_id", "name", "kind", "owner", "region", "city", "country", "latitude", "longitude", "email",
          "status", "customer_since", "tags"]
GOOD = [
    HEADER,
    ["C10", "Hotel Sol", "company", "ana", "N-01", "Vigo", "ES", 42.2406, -8.7207, "info@sol.es",
     "active", date(2020, 5, 1), "hotel;key account"],
    ["C11", "Rosa Pérez", "Person", "bruno", "N-01", "Lugo", "ES", None, None, None, "prospect", None, "key account"],
    ["C12", "Bar Tres", None, None, "S-02", None, None, None, None, None, None, None, None],
]
STORED = {
    "C10": ("Hotel Sol", "company", "ana", "N-01", "Vigo", "ES", 42.2406, -8.7207, "info@sol.es",
            "active", date(2020, 5, 1), ["hotel", "key account"]),
    "C11": ("Rosa Pérez", "person", "bruno", "N-01", "Lugo", "ES", None, None, "", "prospect", None, ["key account"]),
    "C12": ("Bar Tres", "company", None, "S-02", "", "", None, None, "", "active", None, []),
}
# fmt: on


def stored(external_id: str) -> tuple:
    c = Customer.objects.select_related("owner", "region").get(external_id=external_id)
    return (
        c.name, c.kind, c.owner and c.owner.username, c.region and c.region.code, c.city, c.country, c.latitude,
        c.longitude, c.email, c.status, c.customer_since, sorted(c.tags.values_list("name", flat=True)),
    )  # fmt: skip


@pytest.fixture
def imported(salesperson, other_salesperson, import_rows):
    """The good customers file, imported once."""
    return import_rows("customers", GOOD)


def test_good_file_is_imported(salesperson, other_salesperson, write_table):
    result = import_file("customers", write_table("customers", GOOD))
    assert (result.rows, result.created, result.updated, result.ignored_columns) == (3, 3, 0, [])
    assert {external_id: stored(external_id) for external_id in STORED} == STORED
    assert sorted(Region.objects.values_list("code", "name")) == [("N-01", "N-01"), ("S-02", "S-02")]
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["hotel", "key account"]
    assert CustomerProfile.objects.filter(customer__external_id__in=STORED).count() == 3


def test_existing_regions_and_groups_are_reused(imported, import_rows):
    import_rows("customers", [["external_id", "name", "region", "tags"], ["C13", "Bar Cuatro", "N-01", "hotel"]])
    assert (Region.objects.count(), Tag.objects.count()) == (2, 2)
    assert stored("C13")[3] == "N-01" and stored("C13")[-1] == ["hotel"]


def test_reimport_with_fewer_columns_leaves_the_other_columns_alone(imported, import_rows):
    result = import_rows("customers", [["external_id", "name", "city"], ["C10", "Hotel Sol Vigo", "Baiona"]])
    assert (result.created, result.updated) == (0, 1)
    assert stored("C10") == ("Hotel Sol Vigo", *STORED["C10"][1:4], "Baiona", *STORED["C10"][5:])


def test_reimport_replaces_groups_and_a_blank_cell_clears_its_column(imported, import_rows):
    import_rows("customers", [["external_id", "name", "owner", "tags"], ["C10", "Hotel Sol", "", "spa"]])
    assert stored("C10") == (*STORED["C10"][:2], None, *STORED["C10"][3:-1], ["spa"])
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["hotel", "key account", "spa"]


def test_dates_in_a_given_format(salesperson, import_rows):
    import_rows("customers", [["external_id", "name", "customer_since"], ["C10", "Hotel Sol", "01/02/2024"]], date_format="%d/%m/%Y")
    assert stored("C10")[10] == date(2024, 2, 1)


SMALL = ["external_id", "name", "kind", "owner", "latitude", "longitude", "email", "status", "customer_since"]
VALID = [
    SMALL,
    ["C1", "Bar Uno SL", "company", "bruno", "", "", "uno@bar.es", "inactive", "2019-01-01"],
    ["C20", "Nuevo", "person", "ana", "43.1", "-8.2", "nuevo@x.es", "prospect", "2024-02-01"],
]


@pytest.mark.parametrize(
    ("column", "value", "error"),
    [
        ("owner", "zoe", 'row 3, column "owner": "zoe" — unknown salesperson username'),
        ("email", "nuevo.x.es", 'row 3, column "email": "nuevo.x.es" — expected an e-mail address like name@example.com'),
        ("email", "nue vo@x.es", 'row 3, column "email": "nue vo@x.es" — expected an e-mail address like name@example.com'),
        ("latitude", "91", 'row 3, column "latitude": "91" — expected a number between -90 and 90'),
        ("longitude", "-181", 'row 3, column "longitude": "-181" — expected a number between -180 and 180'),
        ("longitude", "", 'row 3, column "latitude": "43.1" — expected both latitude and longitude, or neither'),
        ("kind", "firm", 'row 3, column "kind": "firm" — expected one of: company, person'),
        ("status", "closed", 'row 3, column "status": "closed" — expected one of: prospect, active, inactive, lost'),
        ("external_id", "C1", 'row 3, column "external_id": "C1" — duplicate customer id: already in row 2'),
        ("name", "", 'row 3, column "name": "" — a value is required'),
        ("customer_since", "01/02/2024", 'row 3, column "customer_since": "01/02/2024" — expected a date as YYYY-MM-DD'),
    ],
)
def test_an_invalid_row_refuses_the_whole_file(customer, other_salesperson, reject_rows, column, value, error):
    rejection = reject_rows("customers", edit(VALID, 3, column, value))
    assert (messages(rejection), rejection.error_count) == ([error], 1)


def test_the_valid_rows_alone_are_imported(customer, other_salesperson, import_rows):
    result = import_rows("customers", VALID)
    assert (result.created, result.updated) == (1, 1)
    assert stored("C1")[:3] == ("Bar Uno SL", "company", "bruno")


def test_latitude_without_longitude_column(customer, reject_rows):
    rejection = reject_rows("customers", [["external_id", "name", "latitude"], ["C1", "Bar Uno", "43.1"]])
    assert messages(rejection) == ['row 2, column "latitude": "43.1" — expected both latitude and longitude, or neither']


def test_missing_name_column(customer, reject_rows):
    reject_rows(
        "customers",
        [["external_id", "city"], ["C1", "Vigo"]],
        match=r"missing required column\(s\) name \(file columns: external_id, city\); map them with --map name=<file column>$",
    )
