"""Benchmark: plan 8 weeks of follow-ups for one salesperson with 500 customers, then for 100 such salespeople.

Customers are random but seeded: classes of every default scheme (mostly monthly ones), last
contacted up to 30 days ago (some never), preferred days and hours, personal-time and
short-meeting customers, do-not-contact periods. Each salesperson works Monday to Friday
09:00–17:00 (evening calls 18:00–20:00) with a few holidays; the contacts due need about as much
time as that, so full days, late contacts and unplanned ones are part of the measure.

Prints each time with its goal and, as a baseline measured in the same run, the time to merely
build and sort the list of due contacts (every customer's due dates over the horizon, ordered by
urgency) and the ratio. Goals: one salesperson under 1 s, 100 salespeople under 60 s.

    .venv/bin/python benchmarks/plan.py [--customers 500] [--salespeople 100] [--weeks 8]
"""

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

from clientela.planning import DEFAULT_POLICIES, Capacity, CustomerToPlan, Plan, plan_followups
from clientela.planning.reach import meeting_minutes

START = date(2026, 1, 12)
ZONE = ZoneInfo("Europe/Athens")
# How common each class is among a salesperson's customers (one class each), scheme by scheme.
CLASS_WEIGHTS = {
    "A": 3, "B": 8, "C": 40,
    "vip": 1, "good": 3, "regular": 18,
    "EII": 1, "EI": 2, "EIII": 5, "EIV": 9,
    "PI": 1, "PII": 1, "PIII": 3, "PIV": 7,
}  # fmt: skip
Work = tuple[list[CustomerToPlan], Capacity]


def random_customer(rng: random.Random, customer_id: int) -> CustomerToPlan:
    contacted = None if rng.random() < 0.05 else datetime.combine(START, clock(11), ZONE) - timedelta(days=rng.randint(0, 30))
    days = frozenset(rng.sample(range(5), rng.randint(1, 3))) if rng.random() < 0.5 else frozenset()
    personal = rng.random() < 0.1
    first = rng.randint(9, 14)
    hours = ((clock(first), clock(first + rng.randint(2, 3))),) if rng.random() < 0.4 and not personal else ()
    quiet = rng.randint(0, 50)
    blocked = ((START + timedelta(quiet), START + timedelta(quiet + rng.randint(3, 14))),) if rng.random() < 0.1 else ()
    return CustomerToPlan(
        customer_id=customer_id,
        name=f"Customer {customer_id}",
        class_label=rng.choices(list(CLASS_WEIGHTS), weights=list(CLASS_WEIGHTS.values()))[0],
        last_contact=contacted,
        preferred_days=days,
        preferred_hours=hours,
        personal_time=personal,
        formal=rng.random() < 0.3,
        do_not_contact=blocked,
    )


def random_salesperson(seed: int, customers: int, weeks: int) -> Work:
    rng = random.Random(seed)
    holidays = frozenset(START + timedelta(rng.randrange(7 * weeks)) for _ in range(rng.randint(0, 4)))
    capacity = Capacity(frozenset(range(5)), clock(9), clock(17), ZONE, holidays=holidays)
    return [random_customer(rng, seed * 100_000 + number) for number in range(customers)], capacity


def sorted_due_contacts(customers: list[CustomerToPlan], weeks: int) -> list[tuple[date, int, int]]:
    """The baseline: every customer's due dates over the horizon, sorted by urgency, without placing any."""
    end = START + timedelta(7 * weeks)
    due_contacts = []
    for customer in customers:
        policy = DEFAULT_POLICIES[customer.class_label]
        due = START if customer.last_contact is None else customer.last_contact.date() + timedelta(policy.interval_days)
        while due < end:
            due_contacts.append((due, policy.priority, customer.customer_id))
            due += timedelta(policy.interval_days)
    return sorted(due_contacts)


def load(work: Work, weeks: int) -> float:
    """The minutes the due contacts need over the minutes the salesperson has (working hours and evenings)."""
    customers, capacity = work
    by_id = {customer.customer_id: customer for customer in customers}
    needed = sum(
        meeting_minutes(by_id[customer_id], DEFAULT_POLICIES[by_id[customer_id].class_label])
        for _, _, customer_id in sorted_due_contacts(customers, weeks)
    )
    horizon = [START + timedelta(offset) for offset in range(7 * weeks)]
    open_days = [day for day in horizon if day.weekday() in capacity.working_days and day not in capacity.holidays]
    return needed / (len(open_days) * (8 + 2) * 60)


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """The median wall-clock seconds of `repeat` runs of `action`."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def plan(work: Work, weeks: int) -> Plan:
    customers, capacity = work
    return plan_followups(customers, DEFAULT_POLICIES, capacity, START, weeks)


def report(title: str, seconds: float, goal: float, baseline: float) -> None:
    verdict = "met" if seconds < goal else "MISSED"
    print(f"{title}: {seconds:.3f} s (goal < {goal:g} s: {verdict}); baseline {baseline:.3f} s; ratio {seconds / baseline:.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=500)
    parser.add_argument("--salespeople", type=int, default=100)
    parser.add_argument("--weeks", type=int, default=8)
    args = parser.parse_args()

    team = [random_salesperson(seed, args.customers, args.weeks) for seed in range(1, args.salespeople + 1)]
    first = team[0]
    result = plan(first, args.weeks)
    overdue = sum(1 for item in result.items if item.overdue_days)
    slipped = sum(1 for item in result.items if item.late_days > item.overdue_days)
    print(
        f"one salesperson, {args.customers} customers, {args.weeks} weeks (the due contacts need {load(first, args.weeks):.0%} "
        f"of the time available): {len(result.items)} contacts planned ({overdue} already overdue, {slipped} after their "
        f"due date), {len(result.unplanned)} unplanned"
    )
    report(
        "  plan one salesperson (median of 5)",
        timed(lambda: plan(first, args.weeks), repeat=5),
        goal=1,
        baseline=timed(lambda: sorted_due_contacts(first[0], args.weeks), repeat=5),
    )
    report(
        f"  plan {args.salespeople} salespeople × {args.customers} customers",
        timed(lambda: [plan(work, args.weeks) for work in team]),
        goal=60,
        baseline=timed(lambda: [sorted_due_contacts(customers, args.weeks) for customers, _ in team]),
    )


if __name__ == "__main__":
    main()
