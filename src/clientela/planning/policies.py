"""Follow-up policies: how often and how the customers of one class are contacted (SPEC S5)."""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Period = Literal["week", "month"]
Channel = Literal["visit", "call", "email", "message"]

PERIOD_DAYS: Mapping[Period, int] = MappingProxyType({"week": 7, "month": 30})
CHANNELS: tuple[Channel, ...] = ("visit", "call", "email", "message")


@dataclass(frozen=True)
class Policy:
    """At least `contacts` contacts per `period` by `channel`, each `minutes` long.

    `priority` breaks ties between customers due on the same day: lower is more urgent.
    """

    class_label: str
    contacts: int
    period: Period
    channel: Channel
    minutes: int
    priority: int

    def __post_init__(self) -> None:
        if self.contacts < 1:
            raise ValueError(f"policy {self.class_label}: contacts must be at least 1 (got {self.contacts})")
        if self.period not in PERIOD_DAYS:
            raise ValueError(f"policy {self.class_label}: period must be 'week' or 'month' (got {self.period!r})")
        if self.channel not in CHANNELS:
            raise ValueError(f"policy {self.class_label}: channel must be one of {', '.join(CHANNELS)} (got {self.channel!r})")
        if self.minutes < 1:
            raise ValueError(f"policy {self.class_label}: minutes must be at least 1 (got {self.minutes})")

    @property
    def interval_days(self) -> int:
        """Days allowed between two contacts: 7 / contacts a week, 30 / contacts a month, rounded down, at least 1.

        Examples
        --------
        >>> Policy("B", contacts=2, period="month", channel="visit", minutes=30, priority=2).interval_days
        15
        """
        return max(1, PERIOD_DAYS[self.period] // self.contacts)

    @property
    def frequency(self) -> str:
        """The frequency in words: "weekly", "twice a month", "3 times a week".

        Examples
        --------
        >>> Policy("A", contacts=1, period="week", channel="visit", minutes=45, priority=1).frequency
        'weekly'
        """
        if self.contacts == 1:
            return f"{self.period}ly"
        times = "twice" if self.contacts == 2 else f"{self.contacts} times"
        return f"{times} a {self.period}"


def _policies(*policies: Policy) -> Mapping[str, Policy]:
    return MappingProxyType({policy.class_label: policy for policy in policies})


DEFAULT_POLICIES: Mapping[str, Policy] = _policies(
    Policy("A", contacts=1, period="week", channel="visit", minutes=45, priority=1),
    Policy("B", contacts=2, period="month", channel="visit", minutes=30, priority=2),
    Policy("C", contacts=1, period="month", channel="call", minutes=15, priority=3),
    Policy("vip", contacts=1, period="week", channel="visit", minutes=60, priority=1),
    Policy("good", contacts=2, period="month", channel="visit", minutes=30, priority=2),
    Policy("regular", contacts=1, period="month", channel="call", minutes=15, priority=3),
    Policy("EII", contacts=1, period="week", channel="visit", minutes=60, priority=1),
    Policy("EI", contacts=2, period="month", channel="visit", minutes=45, priority=2),
    Policy("EIII", contacts=1, period="month", channel="visit", minutes=30, priority=3),
    Policy("EIV", contacts=1, period="month", channel="email", minutes=10, priority=4),
    Policy("PI", contacts=1, period="week", channel="visit", minutes=45, priority=1),
    Policy("PII", contacts=2, period="month", channel="visit", minutes=30, priority=2),
    Policy("PIII", contacts=2, period="month", channel="call", minutes=15, priority=3),
    Policy("PIV", contacts=1, period="month", channel="email", minutes=10, priority=4),
)
"""The policies a new salesperson starts with, by class label (every scheme's classes).

=========  ===============  =======  =======  ========  ======================================
class      at least         channel  minutes  priority  why
=========  ===============  =======  =======  ========  ======================================
A          once a week      visit    45       1         the few customers that make most sales
B          twice a month    visit    30       2
C          once a month     call     15       3
vip        once a week      visit    60       1         the VIP register
good       twice a month    visit    30       2
regular    once a month     call     15       3
EII        once a week      visit    60       1         big but drifting: recover, before EI
EI         twice a month    visit    45       2         big and loyal: consolidate
EIII       once a month     visit    30       3         small and loyal: promote
EIV        once a month     e-mail   10       4         small and drifting: minimal effort
PI         once a week      visit    45       1         prospect to break through: close fast
PII        twice a month    visit    30       2         prospect to cultivate
PIII       twice a month    call     15       3         close cheaply
PIV        once a month     e-mail   10       4         minimal effort
=========  ===============  =======  =======  ========  ======================================
"""
