"""Writes of the customer file (SPEC S1)."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clientela.crm.models import Customer, CustomerProfile, CustomFieldDefinition, Region, Tag
from clientela.crm.services.bulk import bulk_upsert
from clientela.crm.services.versions import customer_version_claim

Fields = CustomFieldDefinition.FieldType


def custom_fields_clean(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check custom field values against their definitions; return them in JSON-ready form."""
    definitions = {d.key: d for d in CustomFieldDefinition.objects.filter(key__in=list(values))}
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for key, value in values.items():
        definition = definitions.get(key)
        if definition is None:
            errors[key] = f'"{key}" is not a defined custom field'
        elif value in (None, ""):
            cleaned[key] = None
        elif definition.field_type == Fields.NUMBER and not isinstance(value, int | float):
            errors[key] = f"{definition.label}: expected a number"
        elif definition.field_type == Fields.BOOLEAN and not isinstance(value, bool):
            errors[key] = f"{definition.label}: expected yes or no"
        elif definition.field_type == Fields.DATE and not _is_iso_date(value):
            errors[key] = f"{definition.label}: expected a date as YYYY-MM-DD"
        elif definition.field_type == Fields.CHOICE and value not in definition.choices:
            errors[key] = f"{definition.label}: expected one of {', '.join(map(str, definition.choices))}"
        else:
            cleaned[key] = value
    if errors:
        raise ValidationError({"custom_fields": list(errors.values())})
    return cleaned


def _is_iso_date(value: Any) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


@transaction.atomic
def customer_create(*, external_id: str, name: str, tags: Sequence[Tag] = (), **fields: Any) -> Customer:
    """Create a customer with an empty profile; raise ValidationError on bad data."""
    if "custom_fields" in fields:
        fields["custom_fields"] = custom_fields_clean(fields["custom_fields"])
    customer = Customer(external_id=external_id, name=name, **fields)
    customer.full_clean()
    customer.save()
    customer.refresh_from_db(fields=["created_at", "updated_at"])
    CustomerProfile.objects.create(customer=customer)
    customer.tags.set(tags)
    return customer


@transaction.atomic
def customer_update(*, customer: Customer, data: Mapping[str, Any], expected_version: int | None = None) -> Customer:
    """Update the given fields of a customer; raise ValidationError on bad data or if changed since `expected_version`."""
    customer_version_claim(customer=customer, expected_version=expected_version)
    for name, value in data.items():
        if name == "custom_fields":
            value = {**customer.custom_fields, **custom_fields_clean(value)}
        setattr(customer, name, value)
    customer.updated_at = timezone.now()
    customer.full_clean()
    customer.save()
    return customer


def regions_ensure(*, codes: Iterable[str]) -> dict[str, int]:
    """Return the id of every region code, creating unknown regions (named as their code)."""
    wanted = set(codes)
    existing = dict(Region.objects.filter(code__in=wanted).values_list("code", "id"))
    missing = wanted - set(existing)
    if missing:
        Region.objects.bulk_create(Region(code=code, name=code) for code in sorted(missing))
        existing = dict(Region.objects.filter(code__in=wanted).values_list("code", "id"))
    return existing


@transaction.atomic
def customers_upsert(
    *, fields: Sequence[str], rows: Sequence[Sequence[Any]], tags: Mapping[str, Sequence[str]] | None = None
) -> None:
    """Create or update customers by external id; only `fields` are overwritten on existing ones.

    `tags` (external id -> group names), when given, replaces those customers' groups.
    """
    now = timezone.now()
    bulk_upsert(
        Customer,
        fields=[*fields, "updated_at"],
        rows=(tuple(row) + (now,) for row in rows),
        unique_fields=["external_id"],
        update_fields=[*(f for f in fields if f != "external_id"), "updated_at"],
        increment_fields=["version"],
    )
    position = list(fields).index("external_id")
    external_ids = [row[position] for row in rows]
    ids = dict(Customer.objects.filter(external_id__in=external_ids).values_list("external_id", "id"))
    bulk_upsert(
        CustomerProfile, fields=["customer"], rows=((ids[e],) for e in external_ids), unique_fields=["customer"], update_fields=[]
    )
    if tags is not None:
        _tags_replace(tags={ids[e]: names for e, names in tags.items()})


def _tags_replace(*, tags: Mapping[int, Sequence[str]]) -> None:
    names = {name for group in tags.values() for name in group}
    Tag.objects.bulk_create([Tag(name=name) for name in names], ignore_conflicts=True)
    tag_ids = dict(Tag.objects.filter(name__in=names).values_list("name", "id"))
    links = Customer.tags.through
    links.objects.filter(customer_id__in=list(tags)).delete()
    links.objects.bulk_create(
        links(customer_id=customer_id, tag_id=tag_ids[name]) for customer_id, group in tags.items() for name in group
    )


# Profile fields a user edits (the prospect-matrix levels are the pipeline's too).
PROFILE_FIELDS = tuple(
    field.name for field in CustomerProfile._meta.get_fields() if field.concrete and field.name not in ("id", "customer")
)


@transaction.atomic
def customer_profile_update(*, customer: Customer, data: Mapping[str, Any], expected_version: int | None = None) -> CustomerProfile:
    """Update the given fields of a customer's profile (created when missing); raise ValidationError on bad data or if changed since `expected_version`."""
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile fields: {', '.join(sorted(unknown))}")
    customer_version_claim(customer=customer, expected_version=expected_version)
    profile, _created = CustomerProfile.objects.select_for_update().get_or_create(customer=customer)
    for name, value in data.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def customer_groups_set(*, customer: Customer, tags: Iterable[Tag], new: Iterable[str] = (), expected_version: int | None = None) -> list[Tag]:
    """Put a customer in exactly these groups, creating the groups named in `new` (existing names are reused).

    Raise ValidationError if the customer changed since `expected_version`.
    """
    customer_version_claim(customer=customer, expected_version=expected_version)
    names = sorted({name.strip() for name in new if name.strip()})
    created = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag(name=name)
        if tag.pk is None:
            tag.full_clean()
            tag.save()
        created.append(tag)
    groups = list({tag.pk: tag for tag in [*tags, *created]}.values())
    customer.tags.set(groups)
    return groups


@transaction.atomic
def customer_delete(*, customer: Customer) -> None:
    """Delete a customer and its file; raise ProtectedError while business records (transactions, payments, contracts) refer to it."""
    customer.delete()
