"""A small company with hand-built snapshots whose figures are worked out by hand in the tests.

Team North (supervisor Boss): Ana and Bruno; team South (supervisor Sue): Carla; an admin.
Revenue in the 12 months to 29 Feb 2024 (cents), ABC 80/95 % by hand:

    rank  customer  owner  value   share  cumulative  class   class on 31 Jan
    1     Ana 1     ana    50,000  0.50   0.50        A       A
    2     Bruno 1   bruno  20,000  0.20   0.70        A       B
    3     Carla 1   carla  15,000  0.15   0.85        A       A   (crosses 80 %: still A)
    4     Ana 2     ana    10,000  0.10   0.95        B       A
    5     Bruno 2   bruno   5,000  0.05   1.00        C       C   (reaches 95 % before it: C)
    6     Ana 3     ana         0  0      1.00        C       –   (new; zero is always C)
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from clientela.crm.models import Alert, Customer, Region, Tag, Team, User
from clientela.crm.services.customers import customer_create
from clientela.segmentation.models import ClassChange, CustomerClass, Scheme, Snapshot
from clientela.segmentation.services import scheme_save

JAN, FEB = date(2024, 1, 31), date(2024, 2, 29)
NAMES = ("Ana 1", "Bruno 1", "Carla 1", "Ana 2", "Bruno 2", "Ana 3")


@dataclass
class Company:
    users: dict[str, User]
    customers: dict[str, Customer]
    north: Team
    south: Team
    coast: Region
    key_account: Tag

    def ids(self, *names: str) -> list[int]:
        return [self.customers[name].pk for name in names]


def snapshot(scheme: Scheme, as_of: date, rows: list[tuple[Customer, str, dict[str, Any]]], changes: dict[Customer, str] | None = None) -> Snapshot:
    """A stored snapshot as a run leaves it: classes with explanations, counts, and class changes since the previous one."""
    counts: dict[str, int] = {}
    for _, label, _ in rows:
        counts[label] = counts.get(label, 0) + 1
    stored = Snapshot.objects.create(scheme=scheme, version=scheme.version, as_of=as_of, customers=len(rows), class_counts=dict(sorted(counts.items())))
    CustomerClass.objects.bulk_create(CustomerClass(snapshot=stored, customer=customer, label=label, explanation=explanation) for customer, label, explanation in rows)
    ClassChange.objects.bulk_create(
        ClassChange(snapshot=stored, scheme=scheme, customer=customer, from_class=before, to_class=next(label for c, label, _ in rows if c == customer), on=as_of)
        for customer, before in (changes or {}).items()
    )
    return stored


def abc_rows(company: Company) -> list[tuple[Customer, str, dict[str, Any]]]:
    c = company.customers
    figures = [("Ana 1", "A", 50_000, 0.5, 0.5), ("Bruno 1", "A", 20_000, 0.2, 0.7), ("Carla 1", "A", 15_000, 0.15, 0.85),
               ("Ana 2", "B", 10_000, 0.1, 0.95), ("Bruno 2", "C", 5_000, 0.05, 1.0), ("Ana 3", "C", 0, 0.0, 1.0)]  # fmt: skip
    return [
        (c[name], label, {"value": value, "rank": rank, "share": share, "cumulative_share": cumulative, "a_threshold": 0.8, "b_threshold": 0.95})
        for rank, (name, label, value, share, cumulative) in enumerate(figures, 1)
    ]


@pytest.fixture
def company(db) -> Company:
    boss = User.objects.create_user("boss", password="pw", role=User.Role.SUPERVISOR)
    sue = User.objects.create_user("sue", password="pw", role=User.Role.SUPERVISOR)
    north, south = Team.objects.create(name="North", supervisor=boss), Team.objects.create(name="South", supervisor=sue)
    users = {
        "ana": User.objects.create_user("ana", password="pw", role=User.Role.SALESPERSON, team=north, first_name="Ana", last_name="Ruiz"),
        "bruno": User.objects.create_user("bruno", password="pw", role=User.Role.SALESPERSON, team=north),
        "carla": User.objects.create_user("carla", password="pw", role=User.Role.SALESPERSON, team=south),
        "boss": boss,
        "sue": sue,
        "admin": User.objects.create_user("root", password="pw", role=User.Role.ADMIN),
    }
    coast = Region.objects.create(code="COAST", name="Coast")
    key_account = Tag.objects.create(name="key account")
    customers = {}
    for number, name in enumerate(NAMES, 1):
        owner = users[name.split()[0].lower()]
        customers[name] = customer_create(external_id=f"C{number}", name=name, owner=owner, region=coast if name in ("Ana 1", "Bruno 1") else None)
    customers["Ana 1"].tags.add(key_account)
    return Company(users, customers, north, south, coast, key_account)


@pytest.fixture
def abc(company) -> tuple[Snapshot, Snapshot]:
    """The ABC snapshots of 31 Jan and 29 Feb 2024 (see the module docstring); Feb records the class changes."""
    scheme = scheme_save(name="abc", definition={"kind": "abc"})
    Snapshot.objects.filter(scheme=scheme).delete()
    c = company.customers
    january = snapshot(
        scheme,
        JAN,
        [(c["Ana 1"], "A", {"value": 40_000, "rank": 1}), (c["Carla 1"], "A", {"value": 30_000, "rank": 2}), (c["Ana 2"], "A", {"value": 20_000, "rank": 3}),
         (c["Bruno 1"], "B", {"value": 6_000, "rank": 4}), (c["Bruno 2"], "C", {"value": 4_000, "rank": 5})],  # fmt: skip
    )
    february = snapshot(scheme, FEB, abc_rows(company), changes={c["Ana 2"]: "A", c["Ana 3"]: "", c["Bruno 1"]: "B"})
    return january, february


@pytest.fixture
def vip(company) -> tuple[Snapshot, Snapshot]:
    """VIP register (window 6 months) as of Jan and Feb 2024: Ana 2 and Bruno 2 drop out in Feb, Ana 3 enters."""
    scheme = scheme_save(name="vip", definition={"kind": "vip"})
    Snapshot.objects.filter(scheme=scheme).delete()
    c = company.customers

    def row(name: str, label: str, rank: int, value: int, months: str) -> tuple[Customer, str, dict[str, Any]]:
        return c[name], label, {"value": value, "rank": rank, "vip_months": len(months.split(",")) if months else 0, "months_vip": months,
                                "fell_out": False, "vip_threshold": 0.2, "good_threshold": 0.2}  # fmt: skip

    january = snapshot(scheme, JAN, [row("Ana 2", "vip", 1, 123_400, "2023-09,2023-11"), row("Bruno 2", "vip", 2, 99_000, "2023-08"),
                                     row("Ana 1", "vip", 3, 80_000, "2024-01"), row("Ana 3", "regular", 4, 1_000, "")])  # fmt: skip
    february = snapshot(
        scheme,
        FEB,
        [row("Ana 1", "vip", 1, 90_000, "2024-01,2024-02"), row("Ana 3", "vip", 2, 50_000, "2024-02"), row("Ana 2", "good", 3, 40_000, "2023-09,2023-11"),
         row("Bruno 2", "good", 4, 30_000, ""), row("Carla 1", "regular", 5, 100, "")],  # fmt: skip
        changes={c["Ana 2"]: "vip", c["Bruno 2"]: "vip", c["Ana 3"]: "regular", c["Carla 1"]: ""},
    )
    Alert.objects.create(recipient=company.users["ana"], customer=c["Ana 2"], kind=Alert.Kind.CLASS_EXIT, message="Ana 2 left vip in vip (now good) as of 2024-02-29")
    return january, february


@pytest.fixture
def matrix(company) -> Snapshot:
    """Matrix as of Feb 2024, thresholds 10,000 cents and 0.5: Ana 1 EII (big, erratic), Bruno 1 EI, Ana 2 EIII, Carla 1 EII, Ana 3 EIV."""
    scheme = scheme_save(name="matrix", definition={"kind": "matrix"})
    Snapshot.objects.filter(scheme=scheme).delete()
    c = company.customers
    figures = [("Ana 1", "EII", 50_000, 0.2), ("Bruno 1", "EI", 20_000, 0.9), ("Carla 1", "EII", 15_000, 0.4), ("Ana 2", "EIII", 8_000, 0.7), ("Ana 3", "EIV", 0, 0.0)]
    time_shares = {"EI": 0.3, "EII": 0.35, "EIII": 0.25, "EIV": 0.1}
    return snapshot(
        scheme,
        FEB,
        [(c[name], label, {"value": value, "rank": rank, "share": value / 93_000, "contribution": float(value), "stability": stability,
                           "contribution_threshold": 10_000.0, "stability_threshold": 0.5, "strategy": "(engine text)", "priority": 1,
                           "time_share": time_shares[label]})  # fmt: skip
         for rank, (name, label, value, stability) in enumerate(figures, 1)],
    )


@pytest.fixture
def profit(company) -> Snapshot:
    """Profit 20/60/20 as of Feb 2024; total profit 60,000 cents: keep 70,000 (Ana 1), retain 2,000 (Bruno 1, Carla 1, Ana 2), review −12,000 (Bruno 2, Ana 3)."""
    scheme = scheme_save(name="profit", definition={"kind": "profit"})
    Snapshot.objects.filter(scheme=scheme).delete()
    c = company.customers
    figures = [("Ana 1", "keep", 70_000), ("Bruno 1", "retain", 1_500), ("Carla 1", "retain", 500), ("Ana 2", "retain", 0), ("Bruno 2", "review", -4_000), ("Ana 3", "review", -8_000)]
    band = {"keep": 70_000 / 60_000, "retain": 2_000 / 60_000, "review": -12_000 / 60_000}
    return snapshot(
        scheme,
        FEB,
        [(c[name], label, {"value": value, "rank": rank, "share": max(value, 0) / 72_000, "band_profit_share": band[label], "keep_threshold": 0.2, "review_threshold": 0.2})
         for rank, (name, label, value) in enumerate(figures, 1)],
    )
