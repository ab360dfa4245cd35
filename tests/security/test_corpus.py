"""The bad-input corpus through every way in: customer import (core and command line), customer file forms, search,
group names and scheme settings. Each entry is stored as it is (read back equal, escaped in HTML) or refused with a clear
error; nothing is half-written and nothing answers 5xx."""

import codecs
import subprocess

import pytest
from django.urls import reverse
from django.utils.html import escape

from clientela.crm.models import Customer, Tag, User
from clientela.imports import ImportOptions, ImportRejected, import_file
from clientela.segmentation.models import Scheme
from tests.fixtures.server import CLIENTELA, clientela_env
from tests.security.corpus import CORPUS, stored

FORM_ERRORS = {"long": "Ensure this value has at most", "nul": "Null characters are not allowed."}
IMPORT_ERRORS = {"long": "expected text of at most 200 characters (got 10000)", "nul": "expected text without the NUL character"}

pytestmark = pytest.mark.django_db


def _page_shows(page: str, text: str) -> None:
    assert escape(text) in page
    assert "<script>alert" not in page


# --- web forms


@pytest.mark.parametrize("entry", CORPUS)
def test_customer_file_edit(client, customer, entry):
    text = CORPUS[entry]
    client.force_login(customer.owner)
    response = client.post(reverse("web:customer_edit", args=[customer.pk, "details"]), {"name": text, "kind": "company", "status": "active"})
    assert response.status_code < 500
    customer.refresh_from_db()
    if stored(entry):
        assert customer.name == text
        _page_shows(client.get(reverse("web:customer_detail", args=[customer.pk])).content.decode(), text)
    else:
        assert FORM_ERRORS[entry] in response.content.decode() and customer.name == "Bar Uno"


@pytest.mark.parametrize("entry", CORPUS)
def test_search_box(client, customer, entry):
    text = CORPUS[entry]
    if stored(entry):
        Customer.objects.filter(pk=customer.pk).update(name=text)
    client.force_login(customer.owner)
    response = client.get(reverse("web:customer_list"), {"q": text})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert" not in page
    if stored(entry):
        assert f'href="{reverse("web:customer_detail", args=[customer.pk])}"' in page  # found


@pytest.mark.parametrize("entry", CORPUS)
def test_group_names(client, team, entry):
    text = CORPUS[entry]
    client.force_login(team.supervisor)
    response = client.post(reverse("web:group_list"), {"name": text, "description": text})
    assert response.status_code < 500
    if stored(entry):
        group = Tag.objects.get(name=text)
        assert group.description == text
        _page_shows(client.get(reverse("web:group_list")).content.decode(), text)
    else:
        assert FORM_ERRORS[entry] in response.content.decode() and not Tag.objects.exists()


@pytest.mark.parametrize("entry", CORPUS)
def test_scheme_settings(client, entry):
    text = CORPUS[entry]
    client.force_login(User.objects.create_user("root", password="pw", role=User.Role.ADMIN))
    before = list(Scheme.objects.order_by("name").values_list("name", "version"))
    named = client.post(reverse("web:scheme_new"), {"kind": "abc", "name": text})
    rules = client.post(reverse("web:scheme_edit", args=["rules"]), {"rules": text, "otherwise": text})
    for response in (named, rules):
        page = response.content.decode()
        assert response.status_code < 500 and "errorlist" in page and "<script>alert" not in page
    assert list(Scheme.objects.order_by("name").values_list("name", "version")) == before  # no name or rule is a scheme's


# --- customer import


@pytest.mark.parametrize("entry", CORPUS)
def test_customer_import(salesperson, write_csv, entry):
    text = CORPUS[entry]
    path = write_csv("customers.csv", [["external_id", "name", "owner", "city"], ["X1", text, "ana", text[:100]], ["X2", "Bar Dos", "ana", ""]])
    if stored(entry):
        import_file("customers", path)
        assert Customer.objects.get(external_id="X1").name == text and Customer.objects.get(external_id="X1").city == text[:100]
    else:
        with pytest.raises(ImportRejected) as caught:
            import_file("customers", path)
        report = caught.value.report()
        assert 'row 2, column "name"' in report and IMPORT_ERRORS[entry] in report
        assert not Customer.objects.exists()  # the valid row X2 is not written either


def test_a_file_above_the_size_limit_is_refused_before_reading(salesperson, write_csv, settings):
    settings.IMPORT_MAX_BYTES = 1_000
    path = write_csv("customers.csv", [["external_id", "name", "owner"], *([f"X{n}", "Bar", "ana"] for n in range(100))])
    with pytest.raises(ImportRejected, match=rf"customers.csv: the file has {path.stat().st_size:,} bytes, more than the import limit of 1,000 bytes \(IMPORT_MAX_MB\)"):
        import_file("customers", path)
    assert not Customer.objects.exists()
    assert import_file("customers", path, ImportOptions(max_bytes=10_000)).created == 100


def test_a_latin1_file_is_refused_naming_the_file_and_the_encoding(salesperson, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("external_id,name,owner\nX1,Café,ana\n".encode("latin-1"))
    with pytest.raises(ImportRejected, match=r"latin.csv: the file is not utf-8-sig text \(byte 0xe9 at position 29\); save it as UTF-8 or pass --encoding"):
        import_file("customers", path)
    assert import_file("customers", path, ImportOptions(encoding="latin-1")).created == 1
    assert Customer.objects.get().name == "Café"


def test_a_utf16_file_with_a_byte_order_mark_is_decoded(salesperson, tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + "external_id,name,owner\nX1,Café 🍺,ana\n".encode("utf-16-le"))
    assert import_file("customers", path).created == 1
    assert Customer.objects.get().name == "Café 🍺"


def test_a_utf16_file_without_a_byte_order_mark_is_refused_with_what_to_do(salesperson, tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes("external_id,name,owner\nX1,Café,ana\n".encode("utf-16-le"))
    with pytest.raises(ImportRejected, match=r"unicode.csv: the file holds NUL bytes.*pass --encoding utf-16-le"):
        import_file("customers", path)
    assert import_file("customers", path, ImportOptions(encoding="utf-16-le")).created == 1


def test_the_import_command_refuses_a_large_file_and_bad_text_in_one_clear_message(tmp_path):
    database = tmp_path / "x.db"
    environment = clientela_env(database, tmp_path) | {"IMPORT_MAX_MB": "1"}

    def clientela(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(CLIENTELA), *args], cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=180)

    assert clientela("init", "--admin-password", "Str0ng-pass-123").returncode == 0
    large = tmp_path / "large.csv"
    large.write_text("external_id,name\n" + "".join(f"X{n},{'y' * 60}\n" for n in range(20_000)))
    refused = clientela("import", "customers", str(large))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "more than the import limit of 1,048,576 bytes (IMPORT_MAX_MB)" in " ".join(refused.stderr.split())
    bad = tmp_path / "bad.csv"
    bad.write_text(f"external_id,name\nX1,{CORPUS['long']}\nX2,{CORPUS['html']}\n")
    refused = clientela("import", "customers", str(bad))
    said = " ".join(refused.stderr.split())
    assert refused.returncode == 2 and "Traceback" not in refused.stderr and 'row 2, column "name"' in said and "at most 200 characters" in said
