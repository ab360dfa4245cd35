"""Every answer under /api/ is JSON; every failure has the error body, whatever status and whoever fails."""

import json

from django.db import connection
from django.test import Client, override_settings

from tests.api.conftest import BASE, Answer, assert_error


def raw(response) -> Answer:
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return Answer(response.status_code, json.loads(response.content), response)


def test_unknown_paths_under_the_api_are_json_404(client, db):
    assert_error(raw(client.get(BASE + "/nothing-here")), 404)
    assert_error(raw(client.get("/api/v2/customers")), 404)


def test_a_method_not_allowed_is_json_405_with_the_allowed_methods(api_for, salesperson):
    response = api_for(salesperson).client.delete(BASE + "/alerts", headers={"Authorization": f"Bearer {api_for(salesperson).key}"})
    assert_error(raw(response), 405)
    assert "GET" in response["Allow"]


def test_a_body_that_is_not_json_is_a_400(api_for, salesperson):
    api = api_for(salesperson)
    response = api.client.post(BASE + "/customers", data="{not json", content_type="application/json", headers={"Authorization": f"Bearer {api.key}"})
    assert_error(raw(response), 400)


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_body_larger_than_the_server_takes_is_a_413(api_for, salesperson):
    api = api_for(salesperson)
    response = api.client.post(BASE + "/customers", data=json.dumps({"name": "x" * 2000}), content_type="application/json", headers={"Authorization": f"Bearer {api.key}"})
    assert_error(raw(response), 413)


def test_validation_errors_name_the_fields(api_for, salesperson):
    answer = api_for(salesperson).post("/customers", {"external_id": "", "name": "x" * 201, "kind": "robot"})
    assert_error(answer, 422, "external_id", "name", "kind")
    assert answer.body["detail"] == "The request is not valid."


def test_a_server_failure_is_a_json_500_without_internals(api_for, salesperson):
    api = api_for(salesperson)
    with connection.cursor() as cursor:  # a real failure: the alerts table is gone (the test's transaction brings it back)
        cursor.execute("DROP TABLE alerts")
    client = Client(raise_request_exception=False)
    response = client.get(BASE + "/alerts", headers={"Authorization": f"Bearer {api.key}"})
    assert_error(raw(response), 500)
    assert "alerts" not in response.content.decode()


def test_pages_outside_the_api_keep_their_html_errors(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and not response["Content-Type"].startswith("application/json")


def test_the_openapi_document_and_the_docs_page_load_nothing_from_elsewhere(client, db):
    document = client.get(BASE + "/openapi.json").json()
    assert document["info"]["title"] == "Clientela API"
    assert {"/api/v1/customers", "/api/v1/transactions/bulk", "/api/v1/agenda"} <= set(document["paths"])
    assert document["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    page = client.get(BASE + "/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "swagger-ui-bundle.js" in html and "cdn" not in html.lower() and "https://" not in html
