"""Generate the demo company's data: pure Python, deterministic for a seed and an end date.

The output holds plain tuples keyed by external ids and usernames; `clientela.demo.build` writes
them through the services. Customers differ in size (log-normal: a Pareto-like concentration),
regularity (stable or erratic ordering), trend (growing or declining) and payment habits; sales
peak in summer; some customers churn, some are prospects that never bought.
"""

import math
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, time, timedelta


from clientela.demo.company import (
    CHANNELS,
    FIRST_NAMES,
    HOLIDAYS,
    INDUSTRY,
    LAST_NAMES,
    NAME_WORDS,
    PRODUCT_FAMILIES,
    REGIONS,
    STREETS,
    TAGS,
)

HISTORY_YEARS = 3


@dataclass
class DemoData:
    """Everything the demo writes, as rows ordered like the services expect."""

    products: list[tuple[str, str, str, str]] = field(default_factory=list)
    customers: list[dict] = field(default_factory=list)
    transactions: list[tuple] = field(default_factory=list)
    payments: list[tuple] = field(default_factory=list)
    contracts: list[tuple] = field(default_factory=list)
    schedules: dict[str, list[tuple[int, date, int]]] = field(default_factory=dict)
    holidays: list[tuple[str, date, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Product:
    sku: str
    price_cents: int
    cost_share: float
    popularity: float


def generate(*, seed: int, end: date, customers: int = 2000) -> DemoData:
    """Generate the demo company for the history ending on `end` (inclusive)."""
    rng = random.Random(seed)
    data = DemoData()
    catalogue = _products(data)
    start = end - timedelta(days=365 * HISTORY_YEARS)
    invoice_numbers: dict[int, int] = {}
    for number in range(1, customers + 1):
        _customer(rng, data, catalogue, number, start, end, invoice_numbers)
    data.holidays = [
        (region.code, date(year, month, day), name)
        for region in REGIONS
        for year in range(start.year, end.year + 2)
        for month, day, name in HOLIDAYS
    ]
    return data


def _products(data: DemoData) -> list[_Product]:
    catalogue = []
    for family, (varieties, price, cost_share, popularity) in PRODUCT_FAMILIES.items():
        for index, variety in enumerate(varieties, start=1):
            sku = f"{family[:3].upper()}-{index:02d}"
            data.products.append((sku, f"{family} {variety}", family, variety))
            # Later varieties of a family sell less: some products are slow movers.
            catalogue.append(_Product(sku, round(price * 100), cost_share, popularity / index))
    return catalogue


def _customer(
    rng: random.Random,
    data: DemoData,
    catalogue: list[_Product],
    number: int,
    start: date,
    end: date,
    invoice_numbers: dict[int, int],
) -> None:
    region = rng.choices(REGIONS, weights=[0.3, 0.4, 0.3])[0]
    town = rng.choice(region.towns)
    channel = rng.choices(list(CHANNELS), weights=[share for share, *_ in CHANNELS.values()])[0]
    _, prefixes, median_spend, mean_gap = CHANNELS[channel]
    external_id = f"C{number:05d}"
    name = f"{rng.choice(prefixes)} {rng.choice(NAME_WORDS)}"
    if rng.random() < 0.5:
        name += f" {rng.choice(LAST_NAMES)}"
    prospect = rng.random() < 0.05
    first_day = start - timedelta(days=rng.randrange(0, 3000)) if rng.random() < 0.7 else start + timedelta(days=rng.randrange(0, 365 * HISTORY_YEARS - 60))
    churn_day = first_day + timedelta(days=rng.randrange(120, 1500)) if rng.random() < 0.12 else None
    lost = churn_day is not None and churn_day < end - timedelta(days=180)
    stable = rng.random() < 0.55
    record = {
        "external_id": external_id,
        "name": name,
        "kind": "company",
        "owner": rng.choice(region.salespeople),
        "region": region.code,
        "address": f"{rng.choice(STREETS)} {rng.randrange(1, 120)}",
        "city": town.name,
        "postal_code": town.postal_code,
        "country": "ES",
        "latitude": round(town.latitude + rng.gauss(0, 0.03), 5),
        "longitude": round(town.longitude + rng.gauss(0, 0.03), 5),
        "phone": f"+34 9{rng.randrange(10_000_000, 99_999_999)}",
        "email": f"info@{external_id.lower()}.example.com",
        "channel": channel,
        "industry": INDUSTRY[channel],
        "status": "prospect" if prospect else ("lost" if lost else "active"),
        "customer_since": None if prospect else max(first_day, start - timedelta(days=3000)),
        "founded_on": first_day - timedelta(days=rng.randrange(100, 9000)),
        "tags": _tags(rng, channel),
        "contacts": _contacts(rng, external_id),
        "preference": _preference(rng, channel),
        "do_not_contact": _holiday_closure(rng, channel, end),
        "profile": _profile(rng, channel),
    }
    data.customers.append(record)
    if prospect:
        return
    monthly_spend = median_spend * rng.lognormvariate(0, 0.9)
    growth = rng.gauss(0.04, 0.18)
    gap_days = mean_gap * rng.lognormvariate(0, 0.3)
    shape = 8.0 if stable else 1.2
    late_payer = rng.random() < 0.12
    favourites = _favourites(rng, catalogue, rng.randrange(3, 9))
    day = max(first_day, start)
    last_day = min(churn_day, end) if churn_day else end
    while True:
        day += timedelta(days=max(1, int(round(rng.gammavariate(shape, gap_days / shape)))))
        if day > last_day:
            break
        years_in = (day - start).days / 365
        season = 1 + 0.35 * math.cos(2 * math.pi * (day.month - 7) / 12)
        value = monthly_spend * gap_days / 30 * season * (1 + growth) ** years_in * rng.lognormvariate(0, 0.2 if stable else 0.55)
        _order(rng, data, favourites, external_id, day, value * 100, late_payer, end, invoice_numbers)
    if channel == "dealer":
        _contracts(rng, data, external_id, monthly_spend, max(first_day, start), last_day)


def _favourites(rng: random.Random, catalogue: list[_Product], count: int) -> list[_Product]:
    """Draw `count` distinct products, more popular ones more often (Efraimidis-Spirakis keys)."""
    return sorted(catalogue, key=lambda product: rng.random() ** (1 / product.popularity), reverse=True)[:count]


def _order(
    rng: random.Random,
    data: DemoData,
    favourites: list[_Product],
    external_id: str,
    day: date,
    value_cents: float,
    late_payer: bool,
    end: date,
    invoice_numbers: dict[int, int],
) -> None:
    invoice_numbers[day.year] = invoice_numbers.get(day.year, 0) + 1
    document = f"INV-{day.year}-{invoice_numbers[day.year]:06d}"
    lines = rng.sample(favourites, min(len(favourites), rng.randrange(1, 5)))
    weights = [rng.expovariate(1) for _ in lines]
    total = 0
    for line, (product, weight) in enumerate(zip(lines, weights, strict=True), start=1):
        share = weight / sum(weights)
        units = max(1, int(round(value_cents * share / product.price_cents)))
        amount = units * product.price_cents
        total += amount
        data.transactions.append((document, line, external_id, day, product.sku, units, amount, round(amount * product.cost_share)))
    if rng.random() < 0.01:  # a return of damaged goods, as a credit line on the same document
        product = lines[0]
        units = -rng.randrange(1, 4)
        amount = units * product.price_cents
        total += amount
        data.transactions.append((document, len(lines) + 1, external_id, day, product.sku, units, amount, round(amount * product.cost_share)))
    paid_on = day + timedelta(days=int(rng.randrange(45, 150) if late_payer else rng.randrange(15, 35)))
    if total > 0 and paid_on <= end:
        data.payments.append((f"PAY-{document}", external_id, paid_on, total, document))


def _contracts(rng: random.Random, data: DemoData, external_id: str, monthly_spend: float, first: date, last: date) -> None:
    """Yearly supply contracts of a dealer, paid in four quarterly instalments."""
    for year in range(first.year, last.year + 1):
        signed = max(first, date(year, 1, 10))
        if signed > last:
            break
        quarter_cents = int(monthly_spend * 3 * 0.8) * 100
        contract = f"K-{external_id}-{year}"
        data.contracts.append((contract, external_id, signed, quarter_cents * 4, f"Supply agreement {year}"))
        data.schedules[contract] = [(q, signed + timedelta(days=90 * q), quarter_cents) for q in range(1, 5)]


def _tags(rng: random.Random, channel: str) -> tuple[str, ...]:
    chosen = [tag for tag in TAGS if rng.random() < 0.08]
    if channel == "dealer" and rng.random() < 0.5:
        chosen.append("key account")
    return tuple(dict.fromkeys(chosen))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _contacts(rng: random.Random, external_id: str) -> list[dict]:
    contacts = []
    for index, role in enumerate(("Owner", "Manager")[: rng.randrange(1, 3)]):
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        contacts.append(
            {
                "name": f"{first} {last}",
                "role": role,
                "phone": f"+34 6{rng.randrange(10_000_000, 99_999_999)}",
                "email": f"{_ascii(first).lower()}.{index}@{external_id.lower()}.example.com",
                "birthday": date(rng.randrange(1955, 2000), rng.randrange(1, 13), rng.randrange(1, 29)),
                "is_primary": index == 0,
            }
        )
    return contacts


# channel: (preferred days, from, to, meeting time, meeting style, preferred channel)
_PREFERENCES = {
    "bar": ([1, 2, 3], time(16), time(19), "working", "short", "visit"),
    "restaurant": ([0, 1, 2], time(10), time(12), "working", "short", "call"),
    "shop": ([0, 1, 2, 3, 4], time(9), time(13), "working", "short", "visit"),
    "dealer": ([0, 1, 2, 3], time(9), time(14), "working", "formal", "visit"),
}


def _preference(rng: random.Random, channel: str) -> dict:
    days, start, end, meeting_time, style, preferred = _PREFERENCES[channel]
    if rng.random() < 0.15:
        meeting_time, start, end = "personal", time(19), time(21)
    return {
        "preferred_days": list(days),
        "preferred_from": start,
        "preferred_to": end,
        "meeting_time": meeting_time,
        "meeting_style": style,
        "preferred_channel": preferred if rng.random() < 0.8 else "email",
    }


def _holiday_closure(rng: random.Random, channel: str, end: date) -> list[tuple[date, date, str]]:
    if channel in ("restaurant", "shop") and rng.random() < 0.2:
        year = end.year if end.month < 8 else end.year + 1
        return [(date(year, 8, 1), date(year, 8, 31), "closed for summer holidays")]
    return []


def _profile(rng: random.Random, channel: str) -> dict:
    return {
        "company_size": {"dealer": "medium", "shop": "small"}.get(channel, "micro"),
        "outlets": rng.randrange(10, 80) if channel == "dealer" else 1,
        "management_level": rng.randrange(1, 6),
        "marketing_level": rng.randrange(1, 6),
        "buyers_purchasing_power": rng.randrange(1, 6),
        "notes": "",
    }
