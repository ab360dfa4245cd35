"""The demo's pipeline: every customer placed, a year of leads worked through the stages, scores for the open prospects.

Existing customers enter at signed on their first day as customers. The generator's prospects and
a cohort of new leads get lead sources, expected profit and dates, and prospect-matrix scores; the
leads move future → potential → target by hand (with reasons, backdated) at rates that differ by
lead channel, and those that sign get a contract paid (mostly) on time. The pipeline sync then
makes the signed and qualified moves from the contracts and payments.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from clientela.crm.models import Customer, CustomerProfile, User
from clientela.crm.services.business import contracts_upsert, payments_upsert
from clientela.crm.services.customers import customer_create
from clientela.demo.company import CHANNELS, INDUSTRY, LAST_NAMES, NAME_WORDS, REGIONS
from clientela.pipeline.models import PipelineEntry, Stage, StageChange
from clientela.pipeline.services.stages import SyncResult, pipeline_sync

# channel: (share of leads, sources, chance to move on from future, from potential, from target)
LEAD_CHANNELS = {
    "referral": (0.20, ("referred by a customer", "referred by a supplier"), 0.85, 0.75, 0.75),
    "event": (0.25, ("Madrid food fair", "Valencia hospitality expo"), 0.75, 0.6, 0.65),
    "web": (0.20, ("website form", "social media"), 0.65, 0.5, 0.55),
    "outbound": (0.25, ("cold calls", "door-to-door in new areas"), 0.5, 0.45, 0.5),
    "advertising": (0.10, ("trade magazine", "radio campaign"), 0.6, 0.45, 0.5),
}
REASONS = {
    Stage.POTENTIAL: ("showed interest in our range", "asked for a price list", "visited our stand", "tasted the samples"),
    Stage.TARGET: ("budget approved", "trial order agreed", "negotiating the terms", "owner wants to switch supplier"),
}
BACK = "decision postponed to next season"
LOW_INTENTION = ("unaware", "switching_cost", "competitor")
MOVE_DAYS = {Stage.FUTURE: (7, 40), Stage.POTENTIAL: (10, 60), Stage.TARGET: (7, 45)}
INSTALMENTS = 4


@dataclass(frozen=True)
class PipelineSummary:
    leads: int
    signed: int
    sync: SyncResult


def pipeline_history(*, seed: int, end: date, step: Callable[[str], None] = lambda _: None) -> PipelineSummary:
    """Build the demo's pipeline as of `end`; deterministic for a seed."""
    step("working a year of leads through the pipeline")
    rng = random.Random(seed + 6)
    zone = timezone.get_current_timezone()
    _customers_enter(zone)
    _prospects_enter(rng, end, zone)
    leads, signed = _leads(rng, end, zone, count=max(40, Customer.objects.count() // 12))
    _twin(rng, end, zone)
    return PipelineSummary(leads, signed, pipeline_sync(today=end))


def _at(day: date, zone: timezone.tzinfo, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), zone)


def _customers_enter(zone: timezone.tzinfo) -> None:
    """Customers enter the pipeline at signed on their first day as customers."""
    rows = list(Customer.objects.exclude(status=Customer.Status.PROSPECT).values_list("pk", "customer_since", "created_at"))
    since = {pk: _at(day, zone) if day else created for pk, day, created in rows}
    PipelineEntry.objects.bulk_create(PipelineEntry(customer_id=pk, stage=Stage.SIGNED, stage_since=at) for pk, at in since.items())
    StageChange.objects.bulk_create(
        StageChange(customer_id=pk, from_stage="", to_stage=Stage.SIGNED, at=at, reason="already a customer when the pipeline started")
        for pk, at in since.items()
    )


def _deal(rng: random.Random, entered: date, end: date) -> dict:
    channel = rng.choices(list(LEAD_CHANNELS), weights=[spec[0] for spec in LEAD_CHANNELS.values()])[0]
    expected = entered + timedelta(days=rng.randrange(60, 180))
    if expected < end and rng.random() < 0.75:  # most salespeople keep the date up to date
        expected = end + timedelta(days=rng.randrange(10, 150))
    return {
        "lead_channel": channel,
        "lead_source": rng.choice(LEAD_CHANNELS[channel][1]),
        "expected_value_cents": int(rng.lognormvariate(8.8, 0.6)) * 100,
        "expected_signing_on": expected,
    }


def _scores(rng: random.Random) -> dict:
    """Matrix indicators: a prospect's size drives its contribution, its interest its intention."""
    size, interest = rng.randint(1, 5), rng.randint(1, 5)
    near = lambda level: min(5, max(1, level + rng.choice((-1, 0, 0, 1))))  # noqa: E731
    scores = {name: near(size) for name in ("strength_scale", "distribution_network", "growth_capability", "strategic_importance")}
    scores |= {"competitive_advantage": near(interest), "judgement": near(interest)}
    scores["low_intention_reason"] = rng.choice(LOW_INTENTION) if interest <= 2 else ""
    profile = {name: near(size) for name in ("management_level", "marketing_level", "buyers_purchasing_power")}
    return {"entry": scores, "profile": profile}


def _prospects_enter(rng: random.Random, end: date, zone: timezone.tzinfo) -> None:
    """The generator's prospects: at future or potential, scored, with their lead and deal."""
    for customer in Customer.objects.filter(status=Customer.Status.PROSPECT).select_related("owner").order_by("pk"):
        entered = end - timedelta(days=rng.randrange(20, 200))
        steps = [(Stage.FUTURE, entered, "entered the pipeline as a prospect")]
        if rng.random() < 0.5:
            steps.append((Stage.POTENTIAL, entered + timedelta(days=rng.randrange(5, 19)), rng.choice(REASONS[Stage.POTENTIAL])))
        _write(rng, customer, _deal(rng, entered, end), steps, zone, entered_by_owner=False)  # imported as prospects


def _write(
    rng: random.Random, customer: Customer, deal: dict, steps: list[tuple[str, date, str]], zone: timezone.tzinfo, *, entered_by_owner: bool = True
) -> None:
    scores = _scores(rng)
    PipelineEntry.objects.create(customer=customer, stage=steps[-1][0], stage_since=_at(steps[-1][1], zone), **deal, **scores["entry"])
    CustomerProfile.objects.filter(customer=customer).update(**scores["profile"])
    previous = ""
    for stage, day, reason in steps:
        by = customer.owner if previous or entered_by_owner else None
        StageChange.objects.create(customer=customer, from_stage=previous, to_stage=stage, at=_at(day, zone, rng.randint(9, 17)), by=by, reason=reason)
        previous = stage


def _lead_customer(rng: random.Random, number: int, owner: User, town: str, name: str | None = None, phone: str | None = None) -> Customer:
    channel = rng.choices(list(CHANNELS), weights=[share for share, *_ in CHANNELS.values()])[0]
    return customer_create(
        external_id=f"L{number:04d}",
        name=name or f"{rng.choice(CHANNELS[channel][1])} {rng.choice(NAME_WORDS)} {rng.choice(LAST_NAMES)}",
        owner=owner,
        city=town,
        phone=phone or f"+34 9{rng.randrange(10_000_000, 99_999_999)}",
        channel=channel,
        industry=INDUSTRY[channel],
        status=Customer.Status.PROSPECT,
    )


def _leads(rng: random.Random, end: date, zone: timezone.tzinfo, count: int) -> tuple[int, int]:
    """A year of new leads worked through the stages; returns how many leads and how many signed."""
    owners = {user.username: user for user in User.objects.filter(role=User.Role.SALESPERSON)}
    signed = 0
    for number in range(1, count + 1):
        region = rng.choices(REGIONS, weights=[0.3, 0.4, 0.3])[0]
        customer = _lead_customer(rng, number, owners[rng.choice(region.salespeople)], rng.choice(region.towns).name)
        entered = end - timedelta(days=rng.randrange(20, 400))
        deal = _deal(rng, entered, end)
        steps, signs_on = _walk(rng, deal["lead_channel"], entered, end)
        _write(rng, customer, deal, steps, zone)
        if signs_on is not None:
            _contract(rng, customer, signs_on, deal["expected_value_cents"], end)
            signed += 1
    return count, signed


def _walk(rng: random.Random, channel: str, entered: date, end: date) -> tuple[list[tuple[str, date, str]], date | None]:
    """The manual moves of one lead, and the day it signs (None if it does not by `end`)."""
    chances = dict(zip((Stage.FUTURE, Stage.POTENTIAL, Stage.TARGET), LEAD_CHANNELS[channel][2:]))
    steps = [(Stage.FUTURE, entered, "new lead")]
    stage, day = Stage.FUTURE, entered
    while True:
        day = day + timedelta(days=rng.randrange(*MOVE_DAYS[stage]))
        if day > end or rng.random() >= chances[stage]:
            if stage == Stage.TARGET and day <= end and rng.random() < 0.3:
                steps.append((Stage.POTENTIAL, day, BACK))
            return steps, None
        if stage == Stage.TARGET:
            return steps, day
        stage = Stage.POTENTIAL if stage == Stage.FUTURE else Stage.TARGET
        steps.append((stage, day, rng.choice(REASONS[stage])))


def _contract(rng: random.Random, customer: Customer, signed_on: date, value_cents: int, end: date) -> None:
    """A contract paid in monthly instalments: most on time, some late, a few not at all."""
    contract_id = f"K-{customer.external_id}"
    part = value_cents // INSTALMENTS
    schedule = [(n, signed_on + timedelta(days=30 * n), part) for n in range(1, INSTALMENTS + 1)]
    contracts_upsert(contracts=[(contract_id, customer.pk, signed_on, part * INSTALMENTS, "First supply agreement")], schedules={contract_id: schedule})
    habit = rng.choices(("on time", "late", "stops"), weights=(0.75, 0.17, 0.08))[0]
    payments = [(f"PAY-{contract_id}-0", customer.pk, signed_on + timedelta(days=rng.randrange(1, 6)), part, contract_id)]
    for sequence, due, amount in schedule[1:]:
        if habit == "stops" and sequence > 2:
            break
        paid_on = due - timedelta(days=rng.randrange(0, 10)) if habit == "on time" else due + timedelta(days=rng.randrange(5, 30))
        if paid_on <= end:
            payments.append((f"PAY-{contract_id}-{sequence}", customer.pk, paid_on, amount, contract_id))
    payments_upsert(rows=payments)


def _twin(rng: random.Random, end: date, zone: timezone.tzinfo) -> None:
    """A lead entered twice (same phone, name written differently): the duplicates page finds it."""
    original = Customer.objects.filter(external_id="L0001").select_related("owner").first()
    if original is None or original.owner is None:
        return
    twin = _lead_customer(rng, 9999, original.owner, original.city, name=f"{original.name} S.L.", phone=original.phone.replace(" ", ""))
    entered = end - timedelta(days=10)
    _write(rng, twin, _deal(rng, entered, end), [(Stage.FUTURE, entered, "new lead (entered again by mistake)")], zone)
