"""My alerts: listed (all or unread), marked read; never another user's."""

from clientela.crm.models import Alert
from tests.api.conftest import assert_error


def test_list_my_alerts_and_mark_one_read(api_for, salesperson, other_salesperson, customer, theirs):
    mine = Alert.objects.create(recipient=salesperson, customer=customer, kind=Alert.Kind.AT_RISK, message="Bar Uno at risk")
    Alert.objects.create(recipient=salesperson, kind=Alert.Kind.CLASS_EXIT, message="Old news", read_at="2026-01-01T00:00:00Z")
    others = Alert.objects.create(recipient=other_salesperson, customer=theirs, kind=Alert.Kind.AT_RISK, message="Bar Ajeno at risk")
    api = api_for(salesperson)
    assert {a["message"] for a in api.get("/alerts").body["items"]} == {"Bar Uno at risk", "Old news"}
    assert [a["id"] for a in api.get("/alerts", unread="true").body["items"]] == [mine.pk]
    read = api.post(f"/alerts/{mine.pk}/read")
    assert read.status == 200 and read.body["read_at"] is not None
    assert api.get("/alerts", unread="true").body["count"] == 0
    assert_error(api.post(f"/alerts/{others.pk}/read"), 404)
    assert Alert.objects.get(pk=others.pk).read_at is None
