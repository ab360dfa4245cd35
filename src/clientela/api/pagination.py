"""Limit/offset pages with the total count: `{"count": …, "items": […]}`."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class Page(LimitOffsetPagination):
    """`limit` (1 to MAX_LIMIT, default DEFAULT_LIMIT) items from `offset`, and how many there are in all."""

    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=2**31)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
