"""New prospects (refused when they look like a customer we have, unless confirmed) and their deal and scores."""

import uuid
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from clientela.crm.models import Customer, CustomerProfile, User
from clientela.crm.services.customers import customer_create
from clientela.pipeline.matching import tax_id_key
from clientela.pipeline.models import OPEN_STAGES, PipelineEntry, Stage, StageChange
from clientela.pipeline.selectors.duplicates import DuplicateMatch, duplicates_of

# Fields of the entry a salesperson edits, and the matrix levels kept in the customer profile.
ENTRY_FIELDS = (
    "lead_source", "lead_channel", "expected_value_cents", "expected_signing_on", "tax_id", "strength_scale", "distribution_network",
    "growth_capability", "competitive_advantage", "strategic_importance", "judgement", "low_intention_reason",
)  # fmt: skip
PROFILE_FIELDS = ("management_level", "marketing_level", "buyers_purchasing_power")


class DuplicateSuspected(Exception):
    """The new prospect looks like customers we have; create it anyway only when the user confirms."""

    def __init__(self, matches: list[DuplicateMatch]) -> None:
        self.matches = matches
        super().__init__("; ".join(f"{match.customer.name} ({', '.join(match.reasons)})" for match in matches))


@transaction.atomic
def prospect_create(
    *,
    user: User,
    name: str,
    owner: User | None = None,
    city: str = "",
    phone: str = "",
    email: str = "",
    tax_id: str = "",
    stage: str = Stage.FUTURE,
    reason: str = "",
    external_id: str = "",
    confirmed: bool = False,
    **deal: Any,
) -> Customer:
    """Create a prospect at a stage before signing, with its deal; raise DuplicateSuspected unless `confirmed`.

    The duplicate check looks at every customer (a prospect may already belong to a colleague).
    """
    if stage not in OPEN_STAGES:
        raise ValidationError({"stage": f"a new prospect starts at {', '.join(OPEN_STAGES)}, not at {stage}"})
    unknown = set(deal) - set(ENTRY_FIELDS)
    if unknown:
        raise TypeError(f"unknown prospect fields: {', '.join(sorted(unknown))}")
    if not confirmed:
        matches = duplicates_of(name=name, city=city, email=email, phone=phone, tax_id=tax_id, among=Customer.objects.all())
        if matches:
            raise DuplicateSuspected(matches)
    customer = customer_create(
        external_id=external_id or f"P-{uuid.uuid4().hex[:10].upper()}",
        name=name,
        owner=owner or user,
        city=city,
        phone=phone,
        email=email,
        status=Customer.Status.PROSPECT,
    )
    entry = PipelineEntry(customer=customer, stage=stage, tax_id=tax_id_key(tax_id), **deal)
    entry.full_clean()
    entry.save()
    StageChange.objects.create(customer=customer, from_stage="", to_stage=stage, at=entry.stage_since, by=user, reason=reason.strip() or "new prospect")
    return customer


@transaction.atomic
def prospect_update(*, customer: Customer, data: Mapping[str, Any]) -> PipelineEntry:
    """Update a customer's deal and prospect-matrix scores (entry fields and the profile's three levels)."""
    unknown = set(data) - set(ENTRY_FIELDS) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown prospect fields: {', '.join(sorted(unknown))}")
    entry = PipelineEntry.objects.select_for_update().filter(customer=customer).first()
    if entry is None:
        raise ValidationError(f"{customer.name} is not in the pipeline yet: run the pipeline sync first")
    profile, _ = CustomerProfile.objects.get_or_create(customer=customer)
    for name, value in data.items():
        setattr(profile if name in PROFILE_FIELDS else entry, name, tax_id_key(value) if name == "tax_id" else value)
    errors: dict[str, list[str]] = {}
    for record in (entry, profile):
        try:
            record.full_clean()
        except ValidationError as error:
            errors |= error.message_dict
    if errors:
        raise ValidationError(errors)
    entry.save()
    profile.save()
    return entry

