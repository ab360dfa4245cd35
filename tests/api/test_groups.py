"""Groups: everyone lists them, supervisors and admins create and rename them, only admins delete them."""

from clientela.crm.models import Tag
from tests.api.conftest import assert_error


def test_everyone_lists_and_reads_groups(api_for, salesperson):
    hotels = Tag.objects.create(name="Hotels", description="Beds")
    Tag.objects.create(name="Bars")
    api = api_for(salesperson)
    assert [g["name"] for g in api.get("/groups").body["items"]] == ["Bars", "Hotels"]
    assert api.get(f"/groups/{hotels.pk}").body == {"id": hotels.pk, "name": "Hotels", "description": "Beds"}
    assert_error(api.get("/groups/999999"), 404)


def test_salespeople_may_not_create_rename_or_delete_groups(api_for, salesperson):
    group = Tag.objects.create(name="Hotels")
    api = api_for(salesperson)
    assert_error(api.post("/groups", {"name": "Mine"}), 403)
    assert_error(api.put(f"/groups/{group.pk}", {"name": "Renamed"}), 403)
    assert_error(api.delete(f"/groups/{group.pk}"), 403)
    assert list(Tag.objects.values_list("name", flat=True)) == ["Hotels"]


def test_supervisors_create_and_rename_but_only_admins_delete(api_for, supervisor, admin_user):
    boss = api_for(supervisor)
    created = boss.post("/groups", {"name": "Hotels", "description": "Beds"})
    assert created.status == 201
    pk = created.body["id"]
    assert boss.put(f"/groups/{pk}", {"name": "Hotels & inns"}).body["name"] == "Hotels & inns"
    assert_error(boss.post("/groups", {"name": "hotels & INNS"}), 422, "name")
    assert_error(boss.delete(f"/groups/{pk}"), 403)
    assert api_for(admin_user).delete(f"/groups/{pk}").status == 204
    assert not Tag.objects.exists()
