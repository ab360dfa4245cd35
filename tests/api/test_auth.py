"""Token authentication: bearer tokens of active users work until revoked; anything else is 401 with the error body."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from clientela.api.models import ApiToken
from clientela.api.services import key_hash, token_authenticate, token_create, token_revoke
from tests.api.conftest import BASE, Api, assert_error


def test_a_token_is_stored_hashed_and_shown_by_its_prefix(salesperson):
    new = token_create(user=salesperson, name="ERP")
    stored = ApiToken.objects.get()
    assert new.key.startswith("clt_") and len(new.key) > 40
    assert stored.key_hash == key_hash(new.key) != new.key
    assert stored.prefix == new.key[:12] and stored.name == "ERP"
    assert not ApiToken.objects.filter(key_hash__contains=new.key[12:]).exists()


def test_a_bearer_token_authenticates_its_user_and_notes_when_it_was_used(api_for, salesperson, customer):
    api = api_for(salesperson)
    answer = api.get("/customers")
    assert answer.status == 200 and [c["id"] for c in answer.body["items"]] == [customer.pk]
    assert ApiToken.objects.get().last_used is not None


def test_last_used_is_written_at_most_once_a_minute(salesperson):
    new = token_create(user=salesperson)
    token_authenticate(key=new.key)
    first = ApiToken.objects.get().last_used
    token_authenticate(key=new.key)
    assert ApiToken.objects.get().last_used == first
    ApiToken.objects.update(last_used=timezone.now() - timedelta(minutes=2))
    token_authenticate(key=new.key)
    assert ApiToken.objects.get().last_used > first


def test_requests_without_or_with_a_wrong_token_get_401(client, salesperson):
    answer = client.get(BASE + "/customers")
    assert answer.status_code == 401 and answer["WWW-Authenticate"] == "Bearer"
    assert answer.json()["errors"] == [] and "Bearer" in answer.json()["detail"]
    wrong = Api(Client(), "clt_not-a-token")
    assert_error(wrong.get("/customers"), 401)


def test_a_revoked_token_is_refused(api_for, salesperson):
    api = api_for(salesperson)
    assert api.get("/customers").status == 200
    token_revoke(token=ApiToken.objects.get())
    assert_error(api.get("/customers"), 401)


def test_a_token_of_a_deactivated_user_is_refused(api_for, salesperson):
    api = api_for(salesperson)
    salesperson.is_active = False
    salesperson.save()
    assert_error(api.get("/customers"), 401)


def test_revoking_twice_keeps_the_first_date(salesperson):
    token = token_create(user=salesperson).token
    first = token_revoke(token=token).revoked_at
    assert token_revoke(token=token).revoked_at == first
