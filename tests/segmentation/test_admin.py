"""Admin: schemes are edited as pretty JSON and saved through scheme_save; results are read-only lists."""

import json
from datetime import date

import pytest

from clientela.crm.models import Alert
from clientela.segmentation.models import ClassChange, CustomerClass, Scheme, Snapshot

ADD = "/admin/segmentation/scheme/add/"


def change_url(scheme: Scheme) -> str:
    return f"/admin/segmentation/scheme/{scheme.pk}/change/"


@pytest.mark.django_db
def test_a_new_scheme_is_validated_and_normalized(admin_client):
    response = admin_client.post(ADD, {"name": "abc-strict", "active": "on", "definition": '{"kind": "abc", "a_share": 0.7}'})
    assert response.status_code == 302
    scheme = Scheme.objects.get(name="abc-strict")
    assert (scheme.kind, scheme.version, scheme.definition["a_share"], scheme.definition["b_share"]) == ("abc", 1, 0.7, 0.95)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("definition", "message"),
    [
        ('{"kind": "abc", "a_share": 2}', "a_share: Input should be less than or equal to 1"),
        ("[1, 2]", "expected a JSON object such as {&quot;kind&quot;: &quot;abc&quot;}"),
        ('{"kind": "abc",', "Enter a valid JSON."),
    ],
)
def test_a_bad_definition_is_refused_with_a_readable_message(admin_client, definition, message):
    response = admin_client.post(ADD, {"name": "abc-strict", "active": "on", "definition": definition})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Scheme.objects.filter(name="abc-strict").exists()


@pytest.mark.django_db
def test_the_definition_is_shown_indented_and_a_change_makes_a_new_version(admin_client):
    scheme = Scheme.objects.get(name="abc")
    page = admin_client.get(change_url(scheme)).content.decode()
    assert '\n  &quot;kind&quot;: &quot;abc&quot;,\n' in page
    assert 'name="name"' not in page  # the name is read-only once saved

    edited = {**scheme.definition, "a_share": 0.75}
    response = admin_client.post(change_url(scheme), {"active": "on", "definition": json.dumps(edited)})
    assert response.status_code == 302
    scheme.refresh_from_db()
    assert (scheme.version, scheme.definition["version"], scheme.definition["a_share"]) == (2, 2, 0.75)


@pytest.mark.django_db
def test_results_are_read_only_lists_with_filters(admin_client, customer):
    scheme = Scheme.objects.get(name="abc")
    snapshot = Snapshot.objects.create(scheme=scheme, version=1, as_of=date(2024, 1, 31), customers=1, class_counts={"A": 1})
    CustomerClass.objects.create(snapshot=snapshot, customer=customer, label="A", explanation={"rank": 1})
    ClassChange.objects.create(customer=customer, scheme=scheme, from_class="B", to_class="A", on=snapshot.as_of, snapshot=snapshot)
    Alert.objects.create(recipient=customer.owner, customer=customer, kind=Alert.Kind.CLASS_EXIT, message="Bar Uno left A")
    for model in ("snapshot", "customerclass", "classchange"):
        listing = admin_client.get(f"/admin/segmentation/{model}/")
        assert listing.status_code == 200, model
        assert "Bar Uno" in listing.content.decode() or model == "snapshot"
        assert "By scheme" in listing.content.decode() or model == "customerclass"
        assert admin_client.get(f"/admin/segmentation/{model}/add/").status_code == 403
    assert "abc v1 as of 2024-01-31: 1 customer (A 1)" in admin_client.get("/admin/segmentation/snapshot/").content.decode()
    assert "Bar Uno left A" in admin_client.get("/admin/crm/alert/").content.decode()
