"""Settings pages: my settings for everyone, groups for supervisors and admins, users and teams for admins only."""

import pytest
from django.urls import reverse

from clientela.crm.models import Tag, Team, User
from clientela.crm.services.customers import customer_create


@pytest.fixture
def admin(db) -> User:
    return User.objects.create_user("root", password="pw", role=User.Role.ADMIN, is_staff=True, is_superuser=True)


def test_everyone_changes_their_own_name_and_language(client, salesperson):
    client.force_login(salesperson)
    response = client.post(reverse("web:my_settings"), {"first_name": "Ana", "last_name": "García", "email": "ana@example.com", "language": "es"}, follow=True)
    salesperson.refresh_from_db()
    assert (salesperson.get_full_name(), salesperson.language) == ("Ana García", "es")
    assert '<html lang="es">' in response.content.decode()
    bad = client.post(reverse("web:my_settings"), {"email": "nope", "language": "xx"}).content.decode()
    assert "Introduzca una dirección de correo electrónico válida." in bad or "Introduzca una dirección de correo" in bad
    salesperson.refresh_from_db()
    assert salesperson.email == "ana@example.com"


# --- groups


def test_supervisors_add_and_rename_groups_with_counts_of_their_customers(client, team, salesperson):
    family = Tag.objects.create(name="family")
    customer_create(external_id="C1", name="Mine", owner=salesperson, tags=[family])
    stranger = User.objects.create_user("zoe", password="pw")
    customer_create(external_id="C2", name="Not in the team", owner=stranger, tags=[family])
    client.force_login(team.supervisor)
    page = client.get(reverse("web:group_list")).content.decode()
    assert '<td class="num">1</td>' in page  # the stranger's customer is not counted
    assert "Delete" not in page
    client.post(reverse("web:group_list"), {"name": "key account", "description": "the big ones"})
    assert Tag.objects.filter(name="key account", description="the big ones").exists()
    duplicate = client.post(reverse("web:group_list"), {"name": "Key Account"}).content.decode()
    assert "A group named &quot;Key Account&quot; exists already." in duplicate
    client.post(reverse("web:group_edit", args=[family.pk]), {"name": "relatives"})
    family.refresh_from_db()
    assert family.name == "relatives"
    assert client.post(reverse("web:group_delete", args=[family.pk])).status_code == 403
    assert Tag.objects.filter(pk=family.pk).exists()


def test_admins_delete_groups_and_the_customers_stay(client, admin, salesperson):
    family = Tag.objects.create(name="family")
    customer = customer_create(external_id="C1", name="Mine", owner=salesperson, tags=[family])
    client.force_login(admin)
    client.post(reverse("web:group_delete", args=[family.pk]))
    assert not Tag.objects.exists() and customer.tags.count() == 0


def test_salespeople_have_no_group_pages(client, salesperson):
    family = Tag.objects.create(name="family")
    client.force_login(salesperson)
    for url in (reverse("web:group_list"), reverse("web:group_edit", args=[family.pk]), reverse("web:group_delete", args=[family.pk])):
        assert client.post(url, {"name": "renamed"}).status_code == 403, url
    assert client.get(reverse("web:group_list")).status_code == 403
    family.refresh_from_db()
    assert family.name == "family"


# --- users and teams


def test_an_admin_creates_a_user_with_role_team_and_language(client, admin, team):
    client.force_login(admin)
    data = {"username": "carla", "first_name": "Carla", "role": "salesperson", "team": team.pk, "language": "zh-hans", "password": "a-long-enough-secret"}
    assert client.post(reverse("web:user_new"), data).status_code == 302
    carla = User.objects.get(username="carla")
    assert (carla.team, carla.language, carla.is_staff) == (team, "zh-hans", False) and carla.check_password("a-long-enough-secret")
    weak = client.post(reverse("web:user_new"), {**data, "username": "dani", "password": "123"}).content.decode()
    assert "This password is too short." in weak and not User.objects.filter(username="dani").exists()


def test_an_admin_changes_a_role_and_the_admin_access_follows(client, admin, salesperson):
    client.force_login(admin)
    url = reverse("web:user_edit", args=[salesperson.pk])
    client.post(url, {"username": "ana", "role": "admin", "language": "", "is_active": "on"})
    salesperson.refresh_from_db()
    assert salesperson.role == "admin" and salesperson.is_staff and salesperson.is_superuser
    assert salesperson.check_password("pw")  # an empty password keeps it


def test_the_last_admin_cannot_step_down(client, admin):
    client.force_login(admin)
    content = client.post(reverse("web:user_edit", args=[admin.pk]), {"username": "root", "role": "salesperson", "is_active": "on"}).content.decode()
    assert "root is the last active admin: make someone else admin first." in content
    admin.refresh_from_db()
    assert admin.role == "admin"


def test_an_admin_creates_and_changes_a_team(client, admin, team):
    boss = User.objects.create_user("lea", password="pw", role=User.Role.SUPERVISOR)
    client.force_login(admin)
    client.post(reverse("web:team_new"), {"name": "South", "supervisor": boss.pk})
    south = Team.objects.get(name="South")
    boss.refresh_from_db()
    assert south.supervisor == boss and boss.team == south
    client.post(reverse("web:team_edit", args=[team.pk]), {"name": "North-East", "supervisor": team.supervisor_id})
    team.refresh_from_db()
    assert team.name == "North-East"
    page = client.get(reverse("web:user_list")).content.decode()
    assert "North-East" in page and "South" in page and "lea" in page


@pytest.mark.parametrize("role", ["salesperson", "supervisor"])
def test_only_admins_reach_users_and_teams(client, team, salesperson, role):
    user = salesperson if role == "salesperson" else team.supervisor
    client.force_login(user)
    urls = [reverse("web:user_list"), reverse("web:user_new"), reverse("web:user_edit", args=[user.pk]), reverse("web:team_new"), reverse("web:team_edit", args=[team.pk])]
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"username": user.username, "role": "admin", "name": "Taken"}).status_code == 403, url
    user.refresh_from_db()
    team.refresh_from_db()
    assert user.role == role and team.name == "North"


def test_every_new_page_needs_a_login(client, customer):
    urls = [
        reverse("web:my_settings"), reverse("web:scheme_list"), reverse("web:scheme_edit", args=["abc"]), reverse("web:group_list"),
        reverse("web:user_list"), reverse("web:customer_edit", args=[customer.pk, "profile"]), reverse("web:contact_new", args=[customer.pk]),
        reverse("web:customer_list_page", args=[customer.pk, "transactions"]),
    ]  # fmt: skip
    for url in urls:
        response = client.get(url, HTTP_HX_REQUEST="true")
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
