"""Writes of users and teams: roles carry the admin access, the last admin stays, supervisors lead teams."""

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import User
from clientela.crm.services.users import team_save, user_create, user_update


def test_a_user_is_created_with_a_language_and_refused_a_weak_password(db):
    user = user_create(username="carla", password="a-long-enough-secret", language="ro")
    assert user.language == "ro" and not user.is_staff
    with pytest.raises(ValidationError) as refused:
        user_create(username="dani", password="123")
    assert list(refused.value.message_dict) == ["password"]
    assert not User.objects.filter(username="dani").exists()


def test_an_unknown_language_is_refused(db):
    user = user_create(username="carla", password="a-long-enough-secret")
    with pytest.raises(ValidationError, match="language"):
        user_update(user=user, data={"language": "tlh"})


def test_the_role_carries_the_admin_access_and_the_last_admin_stays(db):
    first = user_create(username="root", password="a-long-enough-secret", role=User.Role.ADMIN)
    other = user_create(username="carla", password="a-long-enough-secret")
    with pytest.raises(ValidationError, match="last active admin"):
        user_update(user=first, data={"is_active": False})
    user_update(user=other, data={"role": User.Role.ADMIN})
    assert other.is_staff and other.is_superuser
    user_update(user=first, data={"role": User.Role.SUPERVISOR})
    first.refresh_from_db()
    assert first.role == "supervisor" and not first.is_staff
    with pytest.raises(TypeError, match="unknown user fields: is_superuser"):
        user_update(user=first, data={"is_superuser": True})


def test_a_team_is_led_by_a_supervisor_who_joins_it(db):
    boss = user_create(username="lea", password="a-long-enough-secret", role=User.Role.SUPERVISOR)
    seller = user_create(username="ana", password="a-long-enough-secret")
    team = team_save(name="South", supervisor=boss)
    boss.refresh_from_db()
    assert boss.team == team
    with pytest.raises(ValidationError) as refused:
        team_save(team=team, name="South", supervisor=seller)
    assert list(refused.value.message_dict) == ["supervisor"]
    assert team_save(team=team, name="South-West", supervisor=None).name == "South-West"
