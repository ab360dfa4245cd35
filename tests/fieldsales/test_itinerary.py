"""The day's itinerary: the planned visits of the day, windows from preferences, routed from the start point."""

from datetime import date, time

from clientela.crm.models import ContactPreference, DoNotContactPeriod
from clientela.fieldsales.route_calendar import route_calendar
from clientela.fieldsales.selectors.itinerary import day_visits, itinerary_for
from clientela.fieldsales.services import planned_visit_add
from clientela.followup.models import PlannedContact, WorkingTime
from clientela.planning.routes import Reason
from tests.fixtures.followup import local

WEDNESDAY = date(2026, 7, 1)


def visit(salesperson, customer, *, minutes=30, purpose="summer order"):
    return planned_visit_add(salesperson=salesperson, customer=customer, period="day", day=WEDNESDAY, objective="order", purpose=purpose, minutes=minutes)


def test_the_days_visits_merge_the_visit_plan_and_the_follow_up_plan(salesperson, place, planned_contact):
    uno, dos, tres = place(salesperson, "Uno"), place(salesperson, "Dos"), place(salesperson, "Tres")
    visit(salesperson, uno, minutes=30)
    planned_contact(uno, local(WEDNESDAY, 9), minutes=45)
    planned_contact(dos, local(WEDNESDAY, 11), status=PlannedContact.Status.DONE)
    planned_contact(tres, local(WEDNESDAY, 12), channel="call")  # a call is no visit
    planned_contact(tres, local(date(2026, 7, 2), 12))  # another day

    visits = day_visits(salesperson=salesperson, day=WEDNESDAY)

    assert set(visits) == {uno.pk, dos.pk}
    assert (visits[uno.pk].minutes, visits[uno.pk].purposes, visits[uno.pk].done) == (45, ("summer order", "A customer, due weekly"), False)
    assert visits[dos.pk].done


def test_the_route_orders_the_visits_from_the_start_point_and_explains_the_rest(salesperson, office, place):
    # Ana works 09:00–17:00 at 40 km/h. Near (2 km east) opens at 11:00; Far is 10 km east; Mid 6 km east.
    WorkingTime.objects.create(user=salesperson, working_days=[0, 1, 2, 3, 4], day_start=time(9), day_end=time(17), personal_from=time(18), personal_to=time(20))
    near, mid, far = place(salesperson, "Near", km_east=2), place(salesperson, "Mid", km_east=6), place(salesperson, "Far", km_east=10)
    nowhere = place(salesperson, "Nowhere", km_east=None)
    evening = place(salesperson, "Evening", km_east=3)
    weekend = place(salesperson, "Weekend", km_east=3)
    closed = place(salesperson, "Closed", km_east=3)
    ContactPreference.objects.create(customer=near, preferred_from=time(11), preferred_to=time(12))
    ContactPreference.objects.create(customer=evening, meeting_time=ContactPreference.MeetingTime.PERSONAL)
    ContactPreference.objects.create(customer=weekend, preferred_days=[5, 6])
    DoNotContactPeriod.objects.create(customer=closed, start=date(2026, 6, 15), end=date(2026, 7, 15), reason="holidays")
    for customer in (near, mid, far, nowhere, evening, weekend, closed):
        visit(salesperson, customer)

    itinerary = itinerary_for(salesperson=salesperson, day=WEDNESDAY)

    route = itinerary.route
    # Mid and Far before Near (11:00) would mean waiting; the shortest way is out and back: 2 + 4 + 4 + 10 = 20 km either way.
    assert [leg.stop.name for leg in route.stops] in (["Near", "Mid", "Far"], ["Far", "Mid", "Near"])
    assert 19_900 <= route.total_metres <= 20_100
    reasons = {left.stop.name: (left.reason, left.detail) for left in itinerary.unrouted}
    assert reasons["Nowhere"][0] is Reason.NO_COORDINATES
    assert reasons["Evening"][0] is Reason.WINDOW_UNREACHABLE and "(18:00–20:00)" in reasons["Evening"][1]
    assert reasons["Weekend"] == (Reason.WINDOW_UNREACHABLE, "the customer takes visits on Sat–Sun only")
    assert reasons["Closed"] == (Reason.WINDOW_UNREACHABLE, "do-not-contact until 2026-07-15")
    near_leg = next(leg for leg in route.stops if leg.stop.name == "Near")
    assert 660 <= near_leg.start <= 690


def test_without_a_start_point_there_is_no_route_but_the_visits_show(salesperson, customer):
    visit(salesperson, customer)
    itinerary = itinerary_for(salesperson=salesperson, day=WEDNESDAY)
    assert itinerary.route is None and set(itinerary.visits) == {customer.pk}


def test_the_day_as_icalendar(salesperson, office, place):
    bar = place(salesperson, "Bar Uno", km_east=8.5)
    bar.address, bar.city = "Calle Mayor 1", "Madrid"
    bar.save()
    visit(salesperson, bar, minutes=30)

    body = route_calendar(itinerary_for(salesperson=salesperson, day=WEDNESDAY)).decode()

    # Leave 09:00 (the default day), 8.5 km at 40 km/h = 13 minutes: the visit runs 09:13–09:43 (UTC, the test time zone).
    assert f"UID:route-{salesperson.pk}-{bar.pk}-20260701@clientela" in body
    assert "DTSTART:20260701T091300Z" in body and "DTEND:20260701T094300Z" in body
    assert "SUMMARY:1. Visit: Bar Uno" in body
    assert "LOCATION:Calle Mayor 1\\, Madrid" in body
    assert "DESCRIPTION:summer order" in body
