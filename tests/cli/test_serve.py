"""`clientela serve` on the demo database, driven over HTTP with urllib and a cookie jar."""

import html
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.cookiejar import CookieJar

import pytest

from tests.fixtures.server import DEMO_PASSWORD

TIMEOUT = 15


@dataclass(frozen=True)
class Page:
    status: int
    url: str
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class HttpClient:
    """A tiny browser: keeps cookies, follows redirects, returns error pages instead of raising."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def _open(self, request: urllib.request.Request) -> Page:
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return Page(response.status, response.url, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            with error:
                return Page(error.code, error.url, dict(error.headers), error.read())

    def get(self, path: str, headers: dict[str, str] | None = None) -> Page:
        return self._open(urllib.request.Request(self.base_url + path, headers=headers or {}))

    def post(self, path: str, fields: dict[str, str]) -> Page:
        data = urllib.parse.urlencode(fields).encode()
        return self._open(urllib.request.Request(self.base_url + path, data=data, method="POST"))

    def log_in(self, username: str, password: str) -> Page:
        form = self.get("/login/")
        assert form.status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        assert token, "no CSRF token in the login form"
        return self.post("/login/", {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password, "next": ""})


def customer_ids(page: Page) -> set[int]:
    return {int(pk) for pk in re.findall(r'href="/customers/(\d+)/"', page.text)}


def count_text(page: Page) -> str:
    found = re.search(r'<p class="count" role="status">([^<]*)</p>', page.text)
    assert found, "no customer count on the page"
    return found.group(1).strip()


@pytest.fixture(scope="module")
def owned(demo_database) -> dict[str, list[tuple[int, str, str]]]:
    """(id, external id, name) of the customers of each salesperson, from the database."""
    rows = demo_database.query(
        "SELECT u.username, c.id, c.external_id, c.name FROM customers c JOIN users u ON u.id = c.owner_id ORDER BY c.id"
    )
    customers: dict[str, list[tuple[int, str, str]]] = {}
    for username, pk, external_id, name in rows:
        customers.setdefault(username, []).append((pk, external_id, name))
    return customers


def test_login_page_answers_with_a_form(demo_server):
    page = HttpClient(demo_server).get("/login/")
    assert page.status == 200
    assert page.headers.get("Content-Type", "").startswith("text/html")
    assert '<form method="post" action="/login/">' in page.text
    assert 'name="username"' in page.text
    assert 'type="password" name="password"' in page.text
    assert 'name="csrfmiddlewaretoken"' in page.text


def test_pages_need_a_login(demo_server):
    page = HttpClient(demo_server).get("/customers/")
    assert page.status == 200
    assert urllib.parse.urlsplit(page.url).path == "/login/"
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query) == {"next": ["/customers/"]}


def test_static_files_are_served(demo_server):
    page = HttpClient(demo_server).get("/static/web/clientela.css")
    assert page.status == 200
    assert page.headers.get("Content-Type", "").startswith("text/css")
    assert len(page.body) > 0


def test_a_salesperson_sees_only_their_own_customers(demo_server, owned):
    client = HttpClient(demo_server)
    home = client.log_in("sales1", DEMO_PASSWORD)
    assert home.status == 200
    assert urllib.parse.urlsplit(home.url).path == "/"
    assert "Welcome" in home.text

    own = owned["sales1"]
    listing = client.get("/customers/")
    assert listing.status == 200
    assert count_text(listing) == f"{len(own)} customers"
    seen = customer_ids(listing)
    pages = 1
    while (following := re.search(r'<a href="\?([^"]*)" rel="next">', listing.text)) and pages < 50:
        listing = client.get("/customers/?" + html.unescape(following.group(1)))
        assert listing.status == 200
        seen |= customer_ids(listing)
        pages += 1
    assert seen == {pk for pk, _, _ in own}

    pk, external_id, name = own[0]
    detail = client.get(f"/customers/{pk}/")
    assert detail.status == 200
    assert f"{name} <small>{external_id}</small>" in html.unescape(detail.text)

    other, _, _ = owned["sales2"][0]
    assert client.get(f"/customers/{other}/").status == 404


def test_the_search_answers_htmx_with_the_rows_only(demo_server, owned):
    client = HttpClient(demo_server)
    client.log_in("sales1", DEMO_PASSWORD)
    _, external_id, name = owned["sales1"][0]
    partial = client.get(f"/customers/?q={external_id}", headers={"HX-Request": "true"})
    assert partial.status == 200
    assert "<html" not in partial.text
    assert count_text(partial) == "1 customer"
    assert name in html.unescape(partial.text)


def test_a_wrong_password_is_refused(demo_server):
    page = HttpClient(demo_server).log_in("sales1", "wrong-password")
    assert page.status == 200
    assert urllib.parse.urlsplit(page.url).path == "/login/"
    assert "didn't match" in html.unescape(page.text)
