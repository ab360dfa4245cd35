"""The demo's pipeline: every customer placed, a year of leads worked through the stages, scores for the open prospects.

Some of the customers won in the last year were leads first: they moved future → potential →
target by hand (with reasons, backdated) and signed a first supply contract, which their
payments then pay on time or not. The generator's prospects are the leads not won, worked at
rates that differ by lead channel; some of those that stopped moving on were dropped (lost).
The other customers enter at signed on their first day as customers. The pipeline sync then
makes the signed and qualified moves from the contracts and payments. No customer is added: the
demo keeps the number asked for.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from clientela.crm.models import Customer, CustomerProfile, Payment
from clientela.crm.services.business import contracts_upsert
from clientela.demo.receivables import contracts_paid
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
# Why a lead that stopped moving on is dropped, by the stage it is dropped from.
DROPS = {
    Stage.FUTURE: ("never answered", "not interested for now", "outside our delivery area"),
    Stage.POTENTIAL: ("no budget this year", "happy with their current supplier", "closed the business"),
    Stage.TARGET: ("signed with a competitor", "prices too high for them", "the owner changed his mind"),
}
DROP_SHARE = 0.4  # of the leads that stop moving on, those their salesperson marks as lost
LOW_INTENTION = ("unaware", "switching_cost", "competitor")
MOVE_DAYS = {Stage.FUTURE: (7, 40), Stage.POTENTIAL: (10, 60), Stage.TARGET: (7, 45)}
INSTALMENTS = 4
WON_SHARE = 0.35  # of the customers won in the last year, those that came through the pipeline


@dataclass(frozen=True)
class PipelineSummary:
    open_leads: int
    won_leads: int
    sync: SyncResult


def pipeline_history(*, seed: int, end: date, step: Callable[[str], None] = lambda _: None) -> PipelineSummary:
    """Build the demo's pipeline as of `end`; deterministic for a seed."""
    step("working a year of leads through the pipeline")
    rng = random.Random(seed + 6)
    zone = timezone.get_current_timezone()
    won = _won_leads(rng, end, zone)
    open_leads = _open_leads(rng, end, zone)
    _customers_enter(zone)
    _twin()
    return PipelineSummary(open_leads, won, pipeline_sync(today=end))


def _at(day: date, zone: timezone.tzinfo, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), zone)


def _customers_enter(zone: timezone.tzinfo) -> None:
    """The customers not yet in the pipeline enter it at signed on their first day as customers."""
    rows = list(Customer.objects.filter(pipeline__isnull=True).values_list("pk", "customer_since", "created_at"))
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


def _write(rng: random.Random, customer: Customer, deal: dict, steps: list[tuple[str, date, str]], zone: timezone.tzinfo) -> None:
    scores = _scores(rng)
    PipelineEntry.objects.create(customer=customer, stage=steps[-1][0], stage_since=_at(steps[-1][1], zone), **deal, **scores["entry"])
    CustomerProfile.objects.filter(customer=customer).update(**scores["profile"])
    previous = ""
    for stage, day, reason in steps:
        StageChange.objects.create(
            customer=customer, from_stage=previous, to_stage=stage, at=_at(day, zone, rng.randint(9, 17)), by=customer.owner, reason=reason
        )
        previous = stage


def _open_leads(rng: random.Random, end: date, zone: timezone.tzinfo) -> int:
    """The generator's prospects: leads of the last year, moved on (or back) by hand; none has signed yet."""
    prospects = list(Customer.objects.filter(status=Customer.Status.PROSPECT).select_related("owner").order_by("pk"))
    for customer in prospects:
        entered = end - timedelta(days=rng.randrange(20, 400))
        deal = _deal(rng, entered, end)
        _write(rng, customer, deal, _walk(rng, deal["lead_channel"], entered, end), zone)
    return len(prospects)


def _walk(rng: random.Random, channel: str, entered: date, end: date) -> list[tuple[str, date, str]]:
    """The manual moves of a lead that has not signed: on at its channel's rates, sometimes back, some dropped when they stop."""
    chances = dict(zip((Stage.FUTURE, Stage.POTENTIAL), LEAD_CHANNELS[channel][2:4]))
    steps = [(Stage.FUTURE, entered, "new lead")]
    stage, day = Stage.FUTURE, entered
    while stage != Stage.TARGET:
        day = day + timedelta(days=rng.randrange(*MOVE_DAYS[stage]))
        if day > end:
            return steps
        if rng.random() >= chances[stage]:
            return steps + _dropped(rng, stage, day, DROP_SHARE)
        stage = Stage.POTENTIAL if stage == Stage.FUTURE else Stage.TARGET
        steps.append((stage, day, rng.choice(REASONS[stage])))
    day = day + timedelta(days=rng.randrange(*MOVE_DAYS[Stage.TARGET]))
    if day <= end and rng.random() < 0.3:
        steps.append((Stage.POTENTIAL, day, BACK))
    elif day <= end:
        steps += _dropped(rng, Stage.TARGET, day, 0.25)
    return steps


def _dropped(rng: random.Random, stage: str, day: date, share: float) -> list[tuple[str, date, str]]:
    """The move to lost of a lead that stopped at `stage`, for `share` of them."""
    return [(Stage.LOST, day, rng.choice(DROPS[stage]))] if rng.random() < share else []


def _won_leads(rng: random.Random, end: date, zone: timezone.tzinfo) -> int:
    """Customers won in the last year that came as leads: their way to target, and a first contract sized on what they pay."""
    recent = Customer.objects.filter(
        status=Customer.Status.ACTIVE, customer_since__gt=end - timedelta(days=400), customer_since__lt=end - timedelta(days=30)
    )
    won = 0
    for customer in recent.select_related("owner").order_by("pk"):
        if rng.random() >= WON_SHARE:
            continue
        signed_on = customer.customer_since
        assert signed_on is not None
        paid = Payment.objects.filter(customer=customer, date__gt=signed_on, date__lte=signed_on + timedelta(days=30 * INSTALMENTS))
        total = sum(paid.values_list("amount_cents", flat=True))
        if total <= 0:
            continue
        target = signed_on - timedelta(days=rng.randrange(*MOVE_DAYS[Stage.TARGET]))
        potential = target - timedelta(days=rng.randrange(*MOVE_DAYS[Stage.POTENTIAL]))
        entered = potential - timedelta(days=rng.randrange(*MOVE_DAYS[Stage.FUTURE]))
        channel = rng.choices(list(LEAD_CHANNELS), weights=[spec[0] * spec[2] * spec[3] * spec[4] for spec in LEAD_CHANNELS.values()])[0]
        value = int(total * rng.uniform(0.5, 0.95)) // INSTALMENTS * INSTALMENTS
        deal = {
            "lead_channel": channel,
            "lead_source": rng.choice(LEAD_CHANNELS[channel][1]),
            "expected_value_cents": value,
            "expected_signing_on": signed_on + timedelta(days=rng.randrange(-10, 20)),
        }
        steps = [
            (Stage.FUTURE, entered, "new lead"),
            (Stage.POTENTIAL, potential, rng.choice(REASONS[Stage.POTENTIAL])),
            (Stage.TARGET, target, rng.choice(REASONS[Stage.TARGET])),
        ]
        _write(rng, customer, deal, steps, zone)
        contract_id = f"K-{customer.external_id}-FIRST"
        schedule = [(n, signed_on + timedelta(days=20 + 30 * n), value // INSTALMENTS) for n in range(1, INSTALMENTS + 1)]
        contracts_upsert(contracts=[(contract_id, customer.pk, signed_on, value, "First supply agreement")], schedules={contract_id: schedule})
        contracts_paid(contract_ids=[contract_id], end=end)
        won += 1
    return won


def _twin() -> None:
    """Two prospects that are one company entered twice (same phone, name written differently): the duplicates page finds them."""
    first, second = (list(Customer.objects.filter(status=Customer.Status.PROSPECT).order_by("pk")[:2]) + [None, None])[:2]
    if first is None or second is None:
        return
    Customer.objects.filter(pk=second.pk).update(name=f"{first.name} S.L.", city=first.city, phone=first.phone.replace(" ", ""), email="")
