"""Import of products, upserted by SKU; only the columns in the file are updated."""

import pytest

from clientela.crm.models import Product
from clientela.imports import import_file
from tests.imports.tables import edit, messages

GOOD = [["sku", "name", "family", "variety"], ["P10", "Arabica 1kg", "Coffee", "Arabica"], [1001, "Decaf 250g", "Coffee", None]]


def stored():
    return list(Product.objects.order_by("sku").values_list("sku", "name", "family", "variety"))


def test_good_file_is_imported(db, write_table):
    result = import_file("products", write_table("products", GOOD))
    assert (result.rows, result.created, result.updated) == (2, 2, 0)
    assert stored() == [("1001", "Decaf 250g", "Coffee", ""), ("P10", "Arabica 1kg", "Coffee", "Arabica")]


def test_reimport_without_a_column_keeps_it(db, import_rows):
    import_rows("products", GOOD)
    result = import_rows("products", [["SKU", "Name"], ["P10", "Arabica 500g"], ["P11", "Robusta"]])
    assert (result.created, result.updated) == (1, 1)
    assert stored() == [("1001", "Decaf 250g", "Coffee", ""), ("P10", "Arabica 500g", "Coffee", "Arabica"), ("P11", "Robusta", "", "")]


@pytest.mark.parametrize(
    ("column", "value", "error"),
    [
        ("sku", "P10", 'row 3, column "sku": "P10" — duplicate SKU: already in row 2'),
        ("name", "", 'row 3, column "name": "" — a value is required'),
        ("family", "x" * 101, f'row 3, column "family": "{"x" * 57}..." — expected text of at most 100 characters (got 101)'),
    ],
)
def test_an_invalid_row_refuses_the_whole_file(crm, reject_rows, column, value, error):
    rejection = reject_rows("products", edit(GOOD, 3, column, value))
    assert messages(rejection) == [error]
