"""Customers that look like the same company: same tax id, e-mail or phone, or a similar name in the same town."""

from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import QuerySet

from clientela.crm.models import Customer
from clientela.pipeline.matching import (
    SAME_EMAIL,
    SAME_PHONE,
    SAME_TAX_ID,
    SIMILAR_NAME_SAME_TOWN,
    Identity,
    email_key,
    lookalike_pairs,
    phone_key,
    similar_names,
    tax_id_key,
    town_key,
)

MAX_PAIRS = 200


@dataclass(frozen=True)
class DuplicateMatch:
    """A customer that looks like the one being created, and why."""

    customer: Customer
    reasons: tuple[str, ...]


def duplicates_of(
    *, name: str, city: str = "", email: str = "", phone: str = "", tax_id: str = "", among: QuerySet[Customer], exclude: int | None = None
) -> list[DuplicateMatch]:
    """The customers of `among` that look like a new record with these details, strongest evidence first."""
    candidates = among.select_related("owner", "pipeline").exclude(pk=exclude)
    found: dict[int, tuple[Customer, list[str]]] = {}

    def add(customer: Customer, reason: str) -> None:
        found.setdefault(customer.pk, (customer, []))[1].append(reason)

    if tax_id_key(tax_id):
        for customer in candidates.filter(pipeline__tax_id=tax_id_key(tax_id)):
            add(customer, SAME_TAX_ID)
    if email_key(email):
        for customer in candidates.filter(email__iexact=email_key(email)):
            add(customer, SAME_EMAIL)
    if phone_key(phone):
        ids = [pk for pk, number in candidates.exclude(phone="").values_list("pk", "phone").iterator() if phone_key(number) == phone_key(phone)]
        for customer in candidates.filter(pk__in=ids):
            add(customer, SAME_PHONE)
    if town_key(city):
        for customer in candidates.filter(city__iexact=city.strip()):
            if similar_names(name, customer.name):
                add(customer, SIMILAR_NAME_SAME_TOWN)
    matches = [DuplicateMatch(customer, tuple(reasons)) for customer, reasons in found.values()]
    return sorted(matches, key=lambda match: (-len(match.reasons), match.customer.name, match.customer.pk))


@dataclass(frozen=True)
class DuplicatePair:
    """Two customers that look like one company, and why (the one created first comes first)."""

    first: Customer
    second: Customer
    reasons: tuple[str, ...]


def duplicate_pairs(*, customers: QuerySet[Customer], new: Collection[int] | None = None, limit: int | None = MAX_PAIRS) -> list[DuplicatePair]:
    """Pairs of `customers` that look like one company, strongest evidence first, at most `limit` (None: all).

    With `new` (customer ids, such as those an import created), only the pairs with at least one
    of them: each new customer is compared with all the others.
    """
    rows = customers.values_list("pk", "name", "city", "email", "phone", "pipeline__tax_id")
    ordered = sorted(rows, key=lambda row: (new is not None and row[0] in new, row[0]))
    first_new = 0 if new is None else sum(1 for row in ordered if row[0] not in new)
    records = [Identity(name, city, email, phone, tax_id or "") for _, name, city, email, phone, tax_id in ordered]
    found = {tuple(sorted((ordered[i][0], ordered[j][0]))): why for (i, j), why in lookalike_pairs(records, first_new=first_new).items()}
    ranked = sorted(found.items(), key=lambda item: (-len(item[1]), item[0]))[:limit]
    by_id = customers.model.objects.select_related("owner").in_bulk({pk for pair, _ in ranked for pk in pair})
    return [DuplicatePair(by_id[a], by_id[b], tuple(why)) for (a, b), why in ranked]
