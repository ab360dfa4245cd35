"""CSRF on every form: each POST form rendered by a page (as an admin) carries the token, and every URL refuses a POST without it."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.walks.routes import routes

pytestmark = pytest.mark.django_db
POST_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>(.*?)</form>", re.IGNORECASE | re.DOTALL)
TOKEN = re.compile(r'name="csrfmiddlewaretoken"')


def test_every_post_form_carries_the_token(company):
    client = Client()
    client.force_login(company.admin)
    forms = 0
    for route in routes():
        if route.name == "logout":
            continue
        url = route.url(company.values)
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(url, **headers)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            for form in POST_FORM.findall(response.content.decode()):
                forms += 1
                assert TOKEN.search(form), f"{url}: a POST form without a CSRF token"
    assert forms >= 20


def test_every_url_refuses_a_post_without_the_token(company):
    client = Client(enforce_csrf_checks=True)
    client.force_login(company.admin)
    for route in routes():
        url = route.url(company.values)
        assert client.post(url, {"name": "x"}).status_code == 403, url
    anonymous = Client(enforce_csrf_checks=True)
    assert anonymous.post(reverse("login"), {"username": "admin", "password": "demo"}).status_code == 403
