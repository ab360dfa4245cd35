"""A day's route as an iCalendar (RFC 5545) file: one event per visit, at the time the route arrives."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from clientela.fieldsales.selectors.itinerary import Itinerary


def route_calendar(itinerary: Itinerary, generated: datetime | None = None) -> bytes:
    """The routed visits of the itinerary as a VCALENDAR document; UIDs stay the same for a customer and day."""
    stamp = generated or timezone.now()
    midnight = datetime.combine(itinerary.day, time.min, timezone.get_current_timezone())
    calendar = Calendar()
    calendar.add("prodid", "-//Clientela//daily route//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Clientela – {itinerary.salesperson} – {itinerary.day}")
    for number, leg in enumerate(itinerary.route.stops if itinerary.route else (), start=1):
        visit = itinerary.visits[leg.stop.key]
        event = Event()
        event.add("uid", f"route-{itinerary.salesperson.pk}-{leg.stop.key}-{itinerary.day:%Y%m%d}@clientela")
        event.add("dtstamp", stamp)
        event.add("dtstart", midnight + timedelta(minutes=leg.start))
        event.add("dtend", midnight + timedelta(minutes=leg.departure))
        event.add("summary", f"{number}. Visit: {visit.customer.name}")
        event.add("description", "\n".join(visit.purposes))
        if visit.customer.address or visit.customer.city:
            event.add("location", ", ".join(part for part in (visit.customer.address, visit.customer.city) if part))
        if visit.customer.latitude is not None and visit.customer.longitude is not None:
            event.add("geo", (visit.customer.latitude, visit.customer.longitude))
        calendar.add_component(event)
    return calendar.to_ical()
