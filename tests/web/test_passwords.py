"""Passwords follow the password rules (settings.AUTH_PASSWORD_VALIDATORS) on the users page and on my own password change."""

import pytest
from django.urls import reverse

from clientela.crm.models import User

WEAK = [
    ("123", "This password is too short. It must contain at least 8 characters."),
    ("password", "This password is too common."),
    ("84729163", "This password is entirely numeric."),
]


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_user("root", password="pw", role=User.Role.ADMIN))
    return client


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_the_users_page_refuses_a_weak_password_with_the_message(admin_client, password, message):
    data = {"username": "carla", "first_name": "Carla", "role": "salesperson", "language": "es", "password": password}
    page = admin_client.post(reverse("web:user_new"), data)
    assert page.status_code == 200 and message in page.content.decode()
    assert not User.objects.filter(username="carla").exists()


def test_the_users_page_refuses_a_password_like_the_name(admin_client, salesperson):
    data = {"username": "ana", "first_name": "Anastasia", "role": "salesperson", "language": "es", "is_active": "on", "password": "Anastasia1"}
    page = admin_client.post(reverse("web:user_edit", args=[salesperson.pk]), data).content.decode()
    assert "The password is too similar to the first name." in page
    salesperson.refresh_from_db()
    assert salesperson.check_password("pw")


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_my_password_change_refuses_a_weak_password_with_the_message(client, salesperson, password, message):
    client.force_login(salesperson)
    page = client.post(reverse("web:password_change"), {"old_password": "pw", "new_password1": password, "new_password2": password})
    assert page.status_code == 200 and message in page.content.decode()
    salesperson.refresh_from_db()
    assert salesperson.check_password("pw")


def test_my_password_change_needs_the_current_password_and_keeps_me_logged_in(client, salesperson):
    client.force_login(salesperson)
    wrong = client.post(reverse("web:password_change"), {"old_password": "nope", "new_password1": "tall-cedar-river-42", "new_password2": "tall-cedar-river-42"})
    assert "Your old password was entered incorrectly." in wrong.content.decode()
    changed = client.post(reverse("web:password_change"), {"old_password": "pw", "new_password1": "tall-cedar-river-42", "new_password2": "tall-cedar-river-42"})
    assert changed.status_code == 302 and changed["Location"] == reverse("web:my_settings")
    salesperson.refresh_from_db()
    assert salesperson.check_password("tall-cedar-river-42")
    assert client.get(reverse("web:my_settings")).status_code == 200  # still logged in
