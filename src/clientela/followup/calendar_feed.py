"""A salesperson's plan as an iCalendar (RFC 5545) feed."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from clientela.followup.models import PlannedContact


def planned_contact_uid(item: PlannedContact) -> str:
    """A UID that survives re-planning: the same customer's contact due the same day keeps it."""
    return f"followup-{item.salesperson_id}-{item.customer_id}-{item.due:%Y%m%d}@clientela"


def calendar_render(*, items: Iterable[PlannedContact], owner: str, generated: datetime | None = None) -> bytes:
    """The planned contacts as a VCALENDAR document."""
    stamp = generated or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", "-//Clientela//follow-up plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Clientela – {owner}")
    for item in items:
        event = Event()
        event.add("uid", planned_contact_uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.start + timedelta(minutes=item.minutes))
        event.add("summary", f"{item.get_channel_display()}: {item.customer.name}")
        event.add("description", item.reason)
        if item.customer.address or item.customer.city:
            event.add("location", ", ".join(part for part in (item.customer.address, item.customer.city) if part))
        event.add("categories", [item.class_label])
        calendar.add_component(event)
    return calendar.to_ical()
