"""Imports whose rows decide pipeline stages (contracts, payments): the stages of the customers they touch follow at once."""

from typing import Any

from django.utils import timezone

from clientela.imports.errors import RowError
from clientela.imports.kinds.base import ImportKind
from clientela.pipeline.services.stages import pipeline_sync


class StagesFollow(ImportKind):
    """Collects the customers a write touches (those of its rows and those the updated records had before).

    After the last write, in the import's transaction, the pipeline sync brings their stages up
    to date as of today (signed on a first payment, qualified, back to signed when overdue), as
    the daily job would, so an import is all-or-nothing with its stage moves.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.touched: set[int] = set()

    def after_write(self) -> list[RowError]:
        self.stage_sync = pipeline_sync(today=timezone.localdate(), customer_ids=self.touched)
        return []
