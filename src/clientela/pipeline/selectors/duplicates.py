"""Customers that look like the same company: same tax id, e-mail or phone, or a similar name in the same town."""

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.db.models import QuerySet

from clientela.crm.models import Customer
from clientela.pipeline.matching import email_key, name_key, phone_key, similar_names, tax_id_key, town_key

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
            add(customer, "same tax id")
    if email_key(email):
        for customer in candidates.filter(email__iexact=email_key(email)):
            add(customer, "same e-mail")
    if phone_key(phone):
        ids = [pk for pk, number in candidates.exclude(phone="").values_list("pk", "phone").iterator() if phone_key(number) == phone_key(phone)]
        for customer in candidates.filter(pk__in=ids):
            add(customer, "same phone")
    if town_key(city):
        for customer in candidates.filter(city__iexact=city.strip()):
            if similar_names(name, customer.name):
                add(customer, "similar name in the same town")
    matches = [DuplicateMatch(customer, tuple(reasons)) for customer, reasons in found.values()]
    return sorted(matches, key=lambda match: (-len(match.reasons), match.customer.name, match.customer.pk))


@dataclass(frozen=True)
class DuplicatePair:
    """Two customers that look like one company, and why (the one created first comes first)."""

    first: Customer
    second: Customer
    reasons: tuple[str, ...]


def duplicate_pairs(*, customers: QuerySet[Customer], limit: int = MAX_PAIRS) -> list[DuplicatePair]:
    """Pairs of `customers` that look like one company (as after an import), strongest evidence first, at most `limit`."""
    rows = list(customers.values_list("pk", "name", "city", "email", "phone", "pipeline__tax_id"))
    reasons: dict[tuple[int, int], list[str]] = defaultdict(list)
    keys = (
        ("same tax id", lambda row: tax_id_key(row[5] or "")),
        ("same e-mail", lambda row: email_key(row[3])),
        ("same phone", lambda row: phone_key(row[4])),
    )
    for reason, key in keys:
        groups: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            if value := key(row):
                groups[value].append(row[0])
        for ids in groups.values():
            for pair in combinations(sorted(ids), 2):
                reasons[pair].append(reason)
    towns: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in rows:
        if town := town_key(row[2]):
            towns[town].append((row[0], name_key(row[1])))
    for members in towns.values():
        for (a, first), (b, second) in combinations(sorted(members), 2):
            if first and second and (first == second or similar_names(first, second)):
                reasons[(a, b)].append("similar name in the same town")
    ranked = sorted(reasons.items(), key=lambda item: (-len(item[1]), item[0]))[:limit]
    by_id = customers.model.objects.select_related("owner").in_bulk({pk for pair, _ in ranked for pk in pair})
    return [DuplicatePair(by_id[a], by_id[b], tuple(why)) for (a, b), why in ranked]
