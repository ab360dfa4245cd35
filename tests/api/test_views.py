"""The API tokens page under My settings: my tokens only, a new key shown once, revoke."""

from django.urls import reverse

from clientela.api.models import ApiToken
from clientela.api.services import key_hash, token_authenticate, token_create


def test_the_page_needs_a_login(client, db):
    response = client.get(reverse("api_tokens:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_create_a_token_its_key_shown_once(client, salesperson):
    client.force_login(salesperson)
    created = client.post(reverse("api_tokens:list"), {"name": "Phone app"}, follow=True)
    token = ApiToken.objects.get()
    key = created.context["key"]
    assert token.user == salesperson and token.name == "Phone app" and token.key_hash == key_hash(key)
    assert key in created.content.decode()
    again = client.get(reverse("api_tokens:list")).content.decode()
    assert key not in again and token.prefix in again and "Phone app" in again


def test_the_page_lists_only_my_tokens_and_revokes_them(client, salesperson, other_salesperson):
    mine = token_create(user=salesperson, name="mine")
    theirs = token_create(user=other_salesperson, name="theirs")
    client.force_login(salesperson)
    page = client.get(reverse("api_tokens:list")).content.decode()
    assert mine.token.prefix in page and theirs.token.prefix not in page
    assert client.post(reverse("api_tokens:revoke", args=[theirs.token.pk])).status_code == 404
    assert client.post(reverse("api_tokens:revoke", args=[mine.token.pk])).status_code == 302
    assert token_authenticate(key=mine.key) is None and token_authenticate(key=theirs.key) == other_salesperson


def test_my_settings_links_to_the_tokens_page(client, salesperson):
    client.force_login(salesperson)
    assert reverse("api_tokens:list") in client.get(reverse("web:my_settings")).content.decode()


def test_admins_create_tokens_in_the_admin_and_see_the_key_once(client, db):
    from clientela.crm.models import User

    admin = User.objects.create_user("root", password="pw", role=User.Role.ADMIN, is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(reverse("admin:api_apitoken_add"), {"user": admin.pk, "name": "ops"}, follow=True)
    token = ApiToken.objects.get()
    shown = [str(message) for message in response.context["messages"]]
    assert token.name == "ops" and any(token.prefix in message for message in shown)
    key = next(message.split(": ")[-1] for message in shown if token.prefix in message)
    assert token_authenticate(key=key) == admin
