"""Prospect-matrix classes (PI–PIV) from the latest snapshot of the prospect scheme."""

from collections.abc import Iterable

from clientela.segmentation.models import CustomerClass, Snapshot

PROSPECT_KIND = "prospects"


def latest_prospect_snapshot() -> Snapshot | None:
    """The newest snapshot of an active scheme of kind "prospects"."""
    return (
        Snapshot.objects.filter(scheme__kind=PROSPECT_KIND, scheme__active=True).select_related("scheme").order_by("-as_of", "-version", "-id").first()
    )


def prospect_classes(customer_ids: Iterable[int], snapshot: Snapshot | None) -> dict[int, CustomerClass]:
    """Each customer's class (with its explanation) in `snapshot`, for those that have one."""
    if snapshot is None:
        return {}
    return {row.customer_id: row for row in CustomerClass.objects.filter(snapshot=snapshot, customer_id__in=list(customer_ids))}
