"""Merge a duplicate customer into the one kept, keeping all of its history."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from clientela.crm.models import Customer, User
from clientela.followup.current_policies import customer_policies_refresh
from clientela.pipeline.models import CustomerMerge, PipelineEntry, StageChange, stage_rank

# One-to-one records (profile, preferences, pipeline entry) of the merged customer fill the kept one's blanks.
_BLANK = (None, "", [], {})


@transaction.atomic
def customers_merge(*, user: User, kept: Customer, merged: Customer) -> CustomerMerge:
    """Move everything of `merged` to `kept` and delete `merged`; return the merge record.

    Transactions, payments, contracts, contacts, contact logs, classes, stage history, plans,
    alerts, greetings, groups and group activities are re-pointed; where the kept customer
    already has a record that may exist once (a class in the same snapshot, a profile), the kept
    one stays and its blank fields are filled from the merged one. The pipeline keeps the further
    of the two stages (an open or signed one rather than lost).
    """
    if kept.pk == merged.pk:
        raise ValidationError("a customer cannot be merged with itself")
    kept = Customer.objects.select_for_update().get(pk=kept.pk)
    merged = Customer.objects.select_for_update().get(pk=merged.pk)
    stage_before = _stage_of(kept)
    further = max((_stage_of(kept), _stage_of(merged)), key=stage_rank)
    moved: Counter[str] = Counter()
    for relation in Customer._meta.related_objects:  # earlier merges into `merged` too
        if relation.many_to_many:
            moved[relation.name] += _move_many(relation, kept, merged)
        elif relation.one_to_one:
            moved[relation.name] += _move_one(relation, kept, merged)
        else:
            moved[relation.name] += _move_foreign(relation, kept, merged)
    moved["tags"] += _add_tags(kept, merged)
    for name, value in (("email", merged.email), ("phone", merged.phone), ("address", merged.address), ("city", merged.city)):
        if not getattr(kept, name) and value:
            setattr(kept, name, value)
    if kept.status == Customer.Status.PROSPECT and merged.status != Customer.Status.PROSPECT:
        kept.status = merged.status
    kept.customer_since = min(filter(None, (kept.customer_since, merged.customer_since)), default=None)
    kept.version += 1  # an editor who opened the kept customer before the merge must reload
    kept.save()
    record = CustomerMerge.objects.create(
        kept=kept, merged_external_id=merged.external_id, merged_name=merged.name, by=user, moved={k: v for k, v in moved.items() if v}
    )
    merged.delete()
    customer_policies_refresh(customer_ids=[kept.pk])  # the kept customer has the merged one's classes too
    if further and further != stage_before:
        entry = PipelineEntry.objects.get(customer=kept)
        StageChange.objects.create(customer=kept, from_stage=stage_before or "", to_stage=further, by=user, reason=f"merged with {merged.name} ({merged.external_id})")
        entry.stage = further
        entry.stage_since = timezone.now()
        entry.save(update_fields=["stage", "stage_since"])
    return record


def _stage_of(customer: Customer) -> str:
    return PipelineEntry.objects.filter(customer=customer).values_list("stage", flat=True).first() or ""


def _move_foreign(relation: models.ManyToOneRel, kept: Customer, merged: Customer) -> int:
    """Re-point rows; a row that would break a unique constraint with one of the kept customer's is dropped."""
    model = relation.related_model
    field = relation.field.name
    rows = model._default_manager.filter(**{field: merged})
    for together in _unique_sets(model):
        if field not in together:
            continue
        others = [name for name in together if name != field]
        taken = set(model._default_manager.filter(**{field: kept}).values_list(*others))
        clashes = [pk for pk, *values in rows.values_list("pk", *others) if tuple(values) in taken]
        model._default_manager.filter(pk__in=clashes).delete()
    return rows.update(**{field: kept})


def _unique_sets(model: type[models.Model]) -> list[tuple[str, ...]]:
    sets = [tuple(constraint.fields) for constraint in model._meta.constraints if isinstance(constraint, models.UniqueConstraint) and constraint.fields]
    return sets + [tuple(together) for together in model._meta.unique_together]


def _move_one(relation: models.OneToOneRel, kept: Customer, merged: Customer) -> int:
    model = relation.related_model
    field = relation.field.name
    theirs = model._default_manager.filter(**{field: merged}).first()
    if theirs is None:
        return 0
    mine = model._default_manager.filter(**{field: kept}).first()
    if mine is None:
        setattr(theirs, field, kept)
        theirs.save()
        return 1
    filled = [f.attname for f in model._meta.concrete_fields if not f.primary_key and getattr(mine, f.attname) in _BLANK and getattr(theirs, f.attname) not in _BLANK]
    for name in filled:
        setattr(mine, name, getattr(theirs, name))
    if filled:
        mine.save(update_fields=filled)
    return 0


def _move_many(relation: models.ManyToManyRel, kept: Customer, merged: Customer) -> int:
    """Rows of a many-to-many table (group activities attended) now link the kept customer."""
    through = relation.through
    column = relation.field.m2m_reverse_field_name()  # the customer's side of the through table
    other = relation.field.m2m_field_name()
    have = set(through.objects.filter(**{column: kept}).values_list(f"{other}_id", flat=True))
    links = through.objects.filter(**{column: merged})
    links.filter(**{f"{other}_id__in": have}).delete()
    return links.update(**{column: kept})


def _add_tags(kept: Customer, merged: Customer) -> int:
    new = merged.tags.exclude(pk__in=kept.tags.all())
    count = new.count()
    kept.tags.add(*new)
    return count
