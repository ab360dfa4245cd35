"""Customers an import creates that look like another customer: found once the file is written, by the pipeline's rules.

The rules are those of the new-prospect form and the duplicates page (clientela.pipeline.matching):
same e-mail or phone, or a similar name in the same town (a customer file carries no tax id).
Only the customers the file creates are checked, against every other customer and against each
other; rows that update a customer we have are not (re-importing a file reports nothing new).
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from clientela.crm.models import Customer
from clientela.imports.errors import RowError
from clientela.pipeline.matching import SAME_EMAIL, SAME_PHONE
from clientela.pipeline.selectors.duplicates import DuplicatePair, duplicate_pairs

# The column of the file each rule reads (similar names in the same town: the name).
_RULE_COLUMNS = {SAME_EMAIL: "email", SAME_PHONE: "phone"}


@dataclass(frozen=True)
class SuspectedDuplicate:
    """A customer the file created (at `row`) that looks like another one, and the rules that matched.

    `other_row` is the other customer's row when the file has it too (created or updated by it).
    """

    row: int
    external_id: str
    name: str
    other_external_id: str
    other_name: str
    other_row: int | None
    reasons: tuple[str, ...]
    matched: str  # the new customer's value the first rule matched on (its e-mail, phone or name)

    @property
    def other(self) -> str:
        """The other customer as a person reads it: external id, name and row in the file if any."""
        return f'{self.other_external_id} "{self.other_name}"' + (f" (row {self.other_row})" if self.other_row else "")

    def __str__(self) -> str:
        return f'row {self.row}: {self.external_id} "{self.name}" looks like {self.other}: {", ".join(self.reasons)}'

    def as_error(self) -> RowError:
        """This suspicion as the error of a refused file, on the column of the first rule that matched."""
        return RowError(
            self.row,
            _column(self.reasons[0]),
            "",
            self.matched,
            f"a company not in the database yet, but it looks like customer {self.other} ({', '.join(self.reasons)})",
        )


def suspected_duplicates(*, rows: Mapping[str, int], created: Collection[str]) -> list[SuspectedDuplicate]:
    """The customers of `created` (external ids the import created) that look like another customer, by row.

    `rows` gives the file row of each external id of the file. When two created customers look
    alike, the later row is reported, as looking like the earlier one.
    """
    customers = Customer.objects.all()
    new = {pk for pk, external_id in customers.values_list("pk", "external_id") if external_id in created}
    found = []
    for pair in duplicate_pairs(customers=customers, new=new, limit=None):
        reported, other = _reported(pair, new, rows)
        found.append(
            SuspectedDuplicate(
                row=rows[reported.external_id],
                external_id=reported.external_id,
                name=reported.name,
                other_external_id=other.external_id,
                other_name=other.name,
                other_row=rows.get(other.external_id),
                reasons=pair.reasons,
                matched=getattr(reported, _column(pair.reasons[0])),
            )
        )
    return sorted(found, key=lambda suspect: (suspect.row, suspect.other_row or 0, suspect.other_external_id))


def _reported(pair: DuplicatePair, new: Collection[int], rows: Mapping[str, int]) -> tuple[Customer, Customer]:
    """(the created customer to report, the one it looks like)."""
    first, second = pair.first, pair.second
    if first.pk in new and (second.pk not in new or rows[first.external_id] > rows[second.external_id]):
        return first, second
    return second, first


def _column(rule: str) -> str:
    return _RULE_COLUMNS.get(rule, "name")
