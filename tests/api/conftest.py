"""API fixtures: users of each role with tokens, and a client that sends a token."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from clientela.api.services import token_create
from clientela.crm.models import Customer, User
from clientela.crm.services.customers import customer_create

BASE = "/api/v1"


@dataclass
class Answer:
    status: int
    body: Any
    headers: Any


@dataclass
class Api:
    """Calls of the API as one token: api.get("/customers"), api.post(path, {...}, headers={...})."""

    client: Client
    key: str

    def call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None, **query: Any) -> Answer:
        headers = {"Authorization": f"Bearer {self.key}", **(headers or {})}
        kwargs: dict[str, Any] = {"headers": headers}
        if body is not None:
            kwargs |= {"data": json.dumps(body), "content_type": "application/json"}
        elif query:
            kwargs["data"] = query
        response = getattr(self.client, method)(BASE + path, **kwargs)
        content = response.content
        return Answer(response.status_code, json.loads(content) if content else None, response)

    def get(self, path: str, **query: Any) -> Answer:
        return self.call("get", path, **query)

    def post(self, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Answer:
        return self.call("post", path, body if body is not None else {}, headers)

    def patch(self, path: str, body: Any) -> Answer:
        return self.call("patch", path, body)

    def put(self, path: str, body: Any) -> Answer:
        return self.call("put", path, body)

    def delete(self, path: str) -> Answer:
        return self.call("delete", path)


ApiFor = Callable[[User], Api]


@pytest.fixture
def api_for(db) -> ApiFor:
    """A client of the API with a fresh token of `user`."""
    return lambda user: Api(Client(), token_create(user=user).key)


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_user("root", password="pw", role=User.Role.ADMIN, is_superuser=True, is_staff=True)


@pytest.fixture
def supervisor(team) -> User:
    return team.supervisor


@pytest.fixture
def theirs(other_salesperson) -> Customer:
    """A customer of another salesperson of the same team."""
    return customer_create(external_id="T1", name="Bar Ajeno", owner=other_salesperson)


@pytest.fixture
def outsider(db) -> User:
    """A salesperson of no team: their customers are seen only by them and the admins."""
    return User.objects.create_user("zoe", password="pw", role=User.Role.SALESPERSON)


def assert_error(answer: Answer, status: int, *fields: str) -> None:
    """The answer is the API's error body with this status, naming these fields (in order) when given."""
    assert answer.status == status, answer.body
    assert set(answer.body) == {"detail", "errors"} and isinstance(answer.body["detail"], str) and answer.body["detail"]
    assert all(set(error) == {"field", "message"} for error in answer.body["errors"])
    if fields:
        assert [error["field"] for error in answer.body["errors"]] == list(fields)
