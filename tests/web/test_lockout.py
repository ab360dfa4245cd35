"""Login rate limiting through the real login view: lock after repeated failures, reset on success, admin unlock."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from clientela.crm.models import User

LOCKED = "Too many failed logins for this username from your address: try again in 15 minutes"


def _log_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client: Client, times: int, username: str = "ana", address: str = "10.0.0.1") -> None:
    for _ in range(times):
        response = _log_in(client, username, "wrong", address)
        assert response.status_code == 200 and "didn't match" in response.content.decode()


@pytest.mark.django_db
def test_five_failures_lock_the_username_from_that_address_with_a_clear_message(salesperson):
    client = Client()
    _fail(client, 4)
    locked = _log_in(client, "ana", "wrong")
    assert locked.status_code == 429 and LOCKED in locked.content.decode()
    # Locked: even the right password is refused now, with the same message and no session.
    right = _log_in(client, "ana", "pw")
    assert right.status_code == 429 and LOCKED in right.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address, or another username from the same address, is not locked.
    assert _log_in(Client(), "ana", "pw", address="10.0.0.2").status_code == 302
    User.objects.create_user("bruno", password="pw2")
    assert _log_in(Client(), "bruno", "pw2").status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_count(salesperson):
    client = Client()
    _fail(client, 4)
    assert _log_in(client, "ana", "pw").status_code == 302
    client.post(reverse("logout"))
    _fail(client, 4)  # would be the 8th failure without the reset
    assert _log_in(client, "ana", "pw").status_code == 302


@pytest.mark.django_db
def test_an_admin_unlocks_by_deleting_the_attempts_in_the_admin(salesperson):
    _fail(Client(), 4)
    assert _log_in(Client(), "ana", "wrong").status_code == 429
    assert _log_in(Client(), "ana", "pw").status_code == 429
    root = User.objects.create_superuser("root", password="root-pw", role=User.Role.ADMIN)
    admin = Client()
    admin.force_login(root)
    attempt = AccessAttempt.objects.get(username="ana")
    listing = admin.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200 and "ana" in listing.content.decode()
    admin.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert not AccessAttempt.objects.exists()
    assert _log_in(Client(), "ana", "pw").status_code == 302


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_lockout_counts_the_browsers_address_not_the_proxys(salesperson, settings):
    settings.TRUSTED_PROXIES = 1
    proxy = "10.0.0.9"

    def through_proxy(password: str, browser: str, forged: str = ""):
        forwarded = f"{forged}, {browser}" if forged else browser
        return Client().post(reverse("login"), {"username": "ana", "password": password}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded)

    for _ in range(5):
        through_proxy("wrong", "203.0.113.5")
    assert through_proxy("pw", "203.0.113.5").status_code == 429
    # Another browser behind the same proxy still logs in, and a forged leftmost entry does not unlock the attacker.
    assert through_proxy("pw", "198.51.100.7").status_code == 302
    assert through_proxy("pw", "203.0.113.5", forged="198.51.100.7").status_code == 429


@pytest.mark.django_db
def test_without_trusted_proxies_a_forwarded_header_is_ignored(salesperson, settings):
    settings.TRUSTED_PROXIES = 0
    client = Client()
    for number in range(5):  # a client changing the header on every try is still one address
        client.post(reverse("login"), {"username": "ana", "password": "wrong"}, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert _log_in(Client(), "ana", "pw").status_code == 429
