"""Every .xlsx export of the app (found by walking the URL patterns): formulas neutralised, numbers kept, and a
salesperson's export never holds another salesperson's customers."""

from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from clientela.formulas import FORMULA_STARTS, PLAIN_NUMBER
from tests.security.walks.conftest import OTHERS_FORMULA, OWNER_FORMULA
from tests.security.walks.routes import routes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The exports that list customers by name (with the demo's data); the others hold figures per salesperson, product or class.
CUSTOMER_EXPORTS = {"dashboards:pareto", "dashboards:matrix", "dashboards:vip", "dashboards:risk", "receivables:ageing", "retention:lost"}

pytestmark = pytest.mark.django_db


def _exports(user) -> dict[str, list[list[object]]]:
    """Every page without parameters that answers ?format=xlsx with a workbook: name -> its cells, row by row."""
    client = Client()
    client.force_login(user)
    found = {}
    for route in routes():
        if route.parameters:
            continue
        response = client.get(route.url({}), {"format": "xlsx"})
        assert response.status_code < 500, route.name
        if response.get("Content-Type") == XLSX:
            workbook = load_workbook(BytesIO(response.content), read_only=True)
            found[route.name] = [list(row) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
    return found


def test_every_export_is_found(company):
    assert set(_exports(company.admin)) >= {
        "dashboards:pareto", "dashboards:classes", "dashboards:matrix", "dashboards:vip", "dashboards:risk",
        "receivables:ageing", "receivables:bonus", "productmix:mix", "retention:lost", "followup:review", "fieldsales:evaluation",
    }


def test_exports_neutralise_formulas_and_keep_numbers(company):
    negative_numbers = 0
    showing_names = set()
    for name, rows in _exports(company.admin).items():
        cells = [cell for row in rows for cell in row]
        runnable = [c for c in cells if isinstance(c, str) and c.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(c)]
        assert runnable == [], name
        if any(isinstance(c, str) and c.startswith(("'" + OWNER_FORMULA, "'" + OTHERS_FORMULA)) for c in cells):
            showing_names.add(name)
        negative_numbers += sum(1 for c in cells if isinstance(c, int | float) and c < 0)
    assert showing_names >= CUSTOMER_EXPORTS
    assert negative_numbers > 0  # negative amounts stay numbers


def test_another_salespersons_exports_hold_none_of_their_customers(company):
    exports = _exports(company.other)
    own_names = 0
    for name, rows in exports.items():
        texts = {str(cell) for row in rows for cell in row if cell is not None}
        leaked = {text for text in texts if OWNER_FORMULA in text} | (texts & company.owner_customers)
        assert leaked == set(), name
        own_names += sum(1 for text in texts if OTHERS_FORMULA in text)
    assert own_names > 0  # the exports do list the salesperson's own customers
