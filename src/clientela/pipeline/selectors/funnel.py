"""Funnel analytics (SPEC S4): conversion stage to stage, time in stage, won value by lead source and channel, forecast."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import QuerySet

from clientela.crm.models import Contract, Customer
from clientela.pipeline.models import OPEN_STAGES, STAGE_ORDER, LeadChannel, PipelineEntry, Stage, StageChange

SIGNED_INDEX = STAGE_ORDER.index(Stage.SIGNED)
UNKNOWN = "(not recorded)"


@dataclass(frozen=True)
class StageFigures:
    """One stage: how many reached it, how many of them reached the next or were dropped from it, and how long a stay lasted."""

    stage: str
    label: str
    reached: int
    converted: int | None  # None for the last stage
    median_days: float | None  # of the stays that ended
    signed: int | None = None  # how many that reached this prospect stage were signed later
    dropped: int | None = None  # how many that reached this prospect stage were moved from it to lost

    @property
    def conversion(self) -> float | None:
        return self.converted / self.reached if self.converted is not None and self.reached else None

    @property
    def drop_rate(self) -> float | None:
        return self.dropped / self.reached if self.dropped is not None and self.reached else None

    @property
    def probability(self) -> float | None:
        """Learned probability that a prospect at this stage is signed (prospect stages only)."""
        return self.signed / self.reached if self.signed is not None and self.reached else None


@dataclass(frozen=True)
class SourceFigures:
    """Prospects from one lead source (or channel): how many, how many won, and the value of their contracts."""

    name: str
    leads: int
    won: int
    won_value_cents: int

    @property
    def conversion(self) -> float | None:
        return self.won / self.leads if self.leads else None


@dataclass
class ForecastMonth:
    """Open prospects expected to sign in one month (`month` None: their expected date has passed)."""

    month: date | None
    prospects: int = 0
    expected_value_cents: int = 0
    expected_signings: float = 0.0
    weighted_value_cents: float = 0.0


@dataclass(frozen=True)
class Funnel:
    stages: list[StageFigures]
    by_source: list[SourceFigures]
    by_channel: list[SourceFigures]
    forecast: list[ForecastMonth]
    undated: int = 0
    probabilities: dict[str, float | None] = field(default_factory=dict)
    lost: int = 0  # prospects lost now (dropped and not reopened)


@dataclass
class _Path:
    """One customer's way through the stages (indexes in STAGE_ORDER; lost is none of them)."""

    first: int
    highest: int
    entered: datetime
    stays: list[tuple[int, datetime, datetime]] = field(default_factory=list)  # stage, from, to
    dropped: set[int] = field(default_factory=set)  # stages it was moved from to lost
    lost: bool = False  # at lost now


def _paths(customers: QuerySet[Customer]) -> dict[int, _Path]:
    paths: dict[int, _Path] = {}
    last: dict[int, tuple[int | None, datetime]] = {}
    changes = StageChange.objects.filter(customer__in=customers).order_by("customer_id", "at", "id")
    for customer_id, to_stage, at in changes.values_list("customer_id", "to_stage", "at").iterator(chunk_size=5000):
        index = STAGE_ORDER.index(to_stage) if to_stage in STAGE_ORDER else None
        path = paths.get(customer_id)
        if path is None:
            if index is None:
                continue  # lost before reaching any stage: nothing to count
            paths[customer_id] = _Path(index, index, at)
        else:
            previous, since = last[customer_id]
            if previous is not None:
                path.stays.append((previous, since, at))
                if index is None:
                    path.dropped.add(previous)
            if index is not None:
                path.highest = max(path.highest, index)
            path.lost = index is None
        last[customer_id] = (index, at)
    return paths


def funnel_report(*, customers: QuerySet[Customer], today: date) -> Funnel:
    """The funnel of `customers` from their stage history; the probabilities of signing are learned from it.

    A customer counts as having reached every stage from the one it entered at up to the furthest it
    got (moving back, or being dropped to lost, does not undo that). Conversion of a stage is the
    share of those that reached it which reached the next; dropped, of those which were moved
    from it to lost. The probability of signing from a prospect stage is the share of those that
    reached it which were signed: one dropped from target is a target that failed (unless it was
    reopened and signed later), and open prospects have not signed yet. Won value is the value of
    the contracts a prospect signed since it entered the pipeline. The forecast weighs each open
    prospect's expected profit by the probability of its stage, in the month of its expected
    signing date; lost prospects are left out.
    """
    paths = _paths(customers)
    stages = []
    for index, stage in enumerate(STAGE_ORDER):
        at_or_past = [path for path in paths.values() if path.first <= index <= path.highest]
        last = index == len(STAGE_ORDER) - 1
        days = [(end - start).total_seconds() / 86400 for path in paths.values() for stay, start, end in path.stays if stay == index]
        prospect_stage = stage in OPEN_STAGES
        stages.append(
            StageFigures(
                stage=stage,
                label=Stage(stage).label,
                reached=len(at_or_past),
                converted=None if last else sum(1 for path in at_or_past if path.highest > index),
                median_days=statistics.median(days) if days else None,
                signed=sum(1 for path in at_or_past if path.highest >= SIGNED_INDEX) if prospect_stage else None,
                dropped=sum(1 for path in at_or_past if index in path.dropped) if prospect_stage else None,
            )
        )
    probabilities = {figures.stage: figures.probability for figures in stages if figures.stage in OPEN_STAGES}
    by_source, by_channel = _won_by_source(customers, paths)
    forecast, undated = _forecast(customers, probabilities, today)
    return Funnel(stages, by_source, by_channel, forecast, undated, probabilities, lost=sum(1 for path in paths.values() if path.lost))


def _won_by_source(customers: QuerySet[Customer], paths: dict[int, _Path]) -> tuple[list[SourceFigures], list[SourceFigures]]:
    leads = {pk: path for pk, path in paths.items() if path.first < SIGNED_INDEX}  # entered as prospects
    won = {pk for pk, path in leads.items() if path.highest >= SIGNED_INDEX}
    value: dict[int, int] = defaultdict(int)
    for customer_id, signed_on, cents in Contract.objects.filter(customer_id__in=won).values_list("customer_id", "signed_on", "value_cents"):
        if signed_on >= leads[customer_id].entered.date():
            value[customer_id] += cents
    channels = dict(LeadChannel.choices)
    entries = PipelineEntry.objects.filter(customer__in=customers, customer_id__in=list(leads)).values_list("customer_id", "lead_source", "lead_channel")
    sources: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for customer_id, source, channel in entries:
        for groups, name in ((sources, source.strip() or UNKNOWN), (kinds, str(channels.get(channel, UNKNOWN)))):
            figures = groups[name]
            figures[0] += 1
            figures[1] += customer_id in won
            figures[2] += value[customer_id]

    def table(groups: dict[str, list[int]]) -> list[SourceFigures]:
        rows = [SourceFigures(name, *figures) for name, figures in groups.items()]
        return sorted(rows, key=lambda row: (-row.won_value_cents, -row.won, row.name))

    return table(sources), table(kinds)


def _forecast(customers: QuerySet[Customer], probabilities: dict[str, float | None], today: date) -> tuple[list[ForecastMonth], int]:
    months: dict[date | None, ForecastMonth] = {}
    undated = 0
    this_month = today.replace(day=1)
    open_entries = PipelineEntry.objects.filter(customer__in=customers, stage__in=OPEN_STAGES)
    for stage, expected_on, cents in open_entries.values_list("stage", "expected_signing_on", "expected_value_cents"):
        if expected_on is None:
            undated += 1
            continue
        month = expected_on.replace(day=1) if expected_on.replace(day=1) >= this_month else None
        line = months.setdefault(month, ForecastMonth(month))
        probability = probabilities.get(stage) or 0.0
        line.prospects += 1
        line.expected_value_cents += cents or 0
        line.expected_signings += probability
        line.weighted_value_cents += probability * (cents or 0)
    return sorted(months.values(), key=lambda line: (line.month is not None, line.month or this_month)), undated
