"""At-risk alerts dealt with: read, so that the next review may raise a new one."""

from django.utils import timezone

from clientela.crm.models import Alert, Customer


def at_risk_alerts_read(*, customer: Customer) -> int:
    """Mark the customer's unread at-risk alerts read; return how many."""
    return Alert.objects.filter(customer=customer, kind=Alert.Kind.AT_RISK, read_at__isnull=True).update(read_at=timezone.now())
