"""Transaction logs written into the app database for the fit tests: the CDNOW sample and seeded BG/NBD simulations."""

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from clientela.crm.models import Customer, User
from clientela.crm.services.business import transactions_upsert
from clientela.crm.services.customers import customers_upsert
from tests.churn.conftest import cdnow_log
from tests.churn.simulate import bgnbd_customers

Line = tuple[str, date, int]  # external id, day, amount in cents


def log_write(lines: Iterable[Line], owner: User | None = None) -> dict[str, int]:
    """Create a customer per external id and a one-line invoice per line; return the customer ids by external id."""
    lines = list(lines)
    external_ids = sorted({external for external, _, _ in lines})
    customers_upsert(fields=("external_id", "name", "owner"), rows=[(e, f"Customer {e}", owner and owner.pk) for e in external_ids])
    ids = dict(Customer.objects.filter(external_id__in=external_ids).values_list("external_id", "id"))
    transactions_upsert(rows=((f"{e}-{n}", 1, ids[e], day, None, 1, cents, None) for n, (e, day, cents) in enumerate(lines)))
    return ids


def cdnow_lines() -> list[Line]:
    """The CDNOW sample (2,357 customers, 1997-01-01 to 1998-06-30)."""
    log = cdnow_log("CDNOW_sample.txt").to_pylist()
    return [(f"CD{row['customer_id']}", row["date"], row["amount_cents"]) for row in log]


def simulated_lines(customers: int, *, as_of: date, seed: int, cents: Callable[[int, int], int]) -> list[Line]:
    """BG/NBD customers (r 0.243, α 4.414, a 0.793, b 2.426; T of 10 to 40 weeks up to `as_of`), their repeat purchases
    spread evenly up to their recency; `cents(customer, purchase)` prices each purchase day."""
    simulated = bgnbd_customers(customers, r=0.243, alpha=4.414, a=0.793, b=2.426, seed=seed)
    lines = []
    for number, (repeats, recency, age) in enumerate(zip(simulated["frequency"], simulated["recency"], simulated["T"], strict=True)):
        first = as_of - timedelta(days=round(age * 7))
        days = {first, *(first + timedelta(days=round(recency * 7 * k / repeats)) for k in range(1, int(repeats) + 1))}
        lines += [(f"S{number:04d}", day, cents(number, k)) for k, day in enumerate(sorted(days))]
    return lines
