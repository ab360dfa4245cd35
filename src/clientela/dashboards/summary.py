"""The figures of a snapshot's classes over a set of customers, from their rows in rank order (no Django).

The same summary serves the whole company (computed once per snapshot and stored) and a
portfolio (computed on the rows a user may see): customers and value per class, flows from the
previous snapshot's classes, the cumulative-share curve sampled to a few hundred points, the
ranges of positions each class takes, and the customers with a negative value.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from math import ceil
from typing import Any

CURVE_POINTS = 400
NEW = ""  # the previous class of a customer the previous snapshot did not classify


@dataclass(frozen=True)
class ClassTotal:
    """How many customers a class holds and the sum of their key metric."""

    customers: int
    value: int


@dataclass(frozen=True)
class Summary:
    """Figures of a snapshot over a set of customers.

    `flows` maps (previous class, class) to a number of customers, the previous class being
    `NEW` for customers the previous snapshot did not classify; it is None when there is no
    previous snapshot. `curve` holds (position, cumulative share of the positive total) for
    sampled positions of the ranking, always including the first, the last and each band's
    last. `bands` holds (class, first position, last position) when each class takes one
    unbroken range of the ranking (as in ABC), and is empty otherwise.
    """

    customers: int
    classes: dict[str, ClassTotal]
    flows: dict[tuple[str, str], int] | None
    curve: tuple[tuple[int, float], ...]
    bands: tuple[tuple[str, int, int], ...]
    losses: int
    positive_total: int

    def customers_in(self, label: str) -> int:
        """How many customers the class holds (0 for a class nobody is in)."""
        total = self.classes.get(label)
        return total.customers if total else 0

    def value_in(self, label: str) -> int:
        """The sum of the key metric over the class (0 for a class nobody is in)."""
        total = self.classes.get(label)
        return total.value if total else 0

    def to_json(self) -> dict[str, Any]:
        """The summary as JSON data (see `from_json`)."""
        return {
            "customers": self.customers,
            "classes": {label: [total.customers, total.value] for label, total in self.classes.items()},
            "flows": None if self.flows is None else [[before, after, count] for (before, after), count in self.flows.items()],
            "curve": [list(point) for point in self.curve],
            "bands": [list(band) for band in self.bands],
            "losses": self.losses,
            "positive_total": self.positive_total,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Summary":
        """Read back what `to_json` wrote."""
        flows = data["flows"]
        return cls(
            customers=data["customers"],
            classes={label: ClassTotal(customers, value) for label, (customers, value) in data["classes"].items()},
            flows=None if flows is None else {(before, after): count for before, after, count in flows},
            curve=tuple((position, share) for position, share in data["curve"]),
            bands=tuple((label, first, last) for label, first, last in data["bands"]),
            losses=data["losses"],
            positive_total=data["positive_total"],
        )


def summarise(rows: Iterable[tuple[str, str | None, int]], *, points: int = CURVE_POINTS) -> Summary:
    """Summarise rows of (class, previous class or None, value), given in rank order.

    Examples
    --------
    >>> summary = summarise([("A", "A", 60), ("A", "B", 25), ("B", None, 10), ("C", "C", 5), ("C", "", -3)])
    >>> summary.classes["A"], summary.flows[("B", "A")], summary.losses
    (ClassTotal(customers=2, value=85), 1, 1)
    >>> summary.curve
    ((1, 0.6), (2, 0.85), (3, 0.95), (4, 1.0), (5, 1.0))
    >>> summary.bands
    (('A', 1, 2), ('B', 3, 3), ('C', 4, 5))
    """
    labels: list[str] = []
    cumulative: list[int] = []
    classes: dict[str, list[int]] = {}
    flows: dict[tuple[str, str], int] = {}
    losses = total = 0
    for label, previous, value in rows:
        labels.append(label)
        total += max(value, 0)
        cumulative.append(total)
        counts = classes.setdefault(label, [0, 0])
        counts[0] += 1
        counts[1] += value
        losses += value < 0
        if previous is not None:
            flows[previous, label] = flows.get((previous, label), 0) + 1
    bands = _bands(labels)
    n = len(labels)
    step = max(1, ceil(n / points))
    sampled = sorted({1, n, *range(step, n + 1, step), *(last for _, _, last in bands)}) if n else []
    return Summary(
        customers=n,
        classes={label: ClassTotal(customers, value) for label, (customers, value) in classes.items()},
        flows=flows or None,
        curve=tuple((position, round(cumulative[position - 1] / total, 6) if total else 0.0) for position in sampled),
        bands=bands,
        losses=losses,
        positive_total=total,
    )


def _bands(labels: list[str]) -> tuple[tuple[str, int, int], ...]:
    """Each class's range of positions (1-based), when every class is one unbroken run; else ()."""
    runs: list[tuple[str, int, int]] = []
    for position, label in enumerate(labels, 1):
        if runs and runs[-1][0] == label:
            runs[-1] = (label, runs[-1][1], position)
        elif any(run[0] == label for run in runs):
            return ()
        else:
            runs.append((label, position, position))
    return tuple(runs)


def summarise_groups(groups: Iterable[tuple[str | None, str, int, int, int, int]]) -> Summary:
    """Summarise counts per (previous class or None, class): customers, value, positive value, customers with a loss.

    The database counts the groups, so a summary of many customers costs a few rows; it has no
    curve and no bands, which need every customer in rank order.

    Examples
    --------
    >>> summary = summarise_groups([("A", "A", 2, 65_000, 65_000, 0), ("", "C", 2, -3_000, 0, 1)])
    >>> summary.customers, summary.classes["C"], summary.flows, summary.losses, summary.positive_total
    (4, ClassTotal(customers=2, value=-3000), {('A', 'A'): 2, ('', 'C'): 2}, 1, 65000)
    """
    classes: dict[str, list[int]] = {}
    flows: dict[tuple[str, str], int] = {}
    customers = losses = positive = 0
    for previous, label, count, value, gains, lost in groups:
        totals = classes.setdefault(label, [0, 0])
        totals[0] += count
        totals[1] += value
        customers += count
        losses += lost
        positive += gains
        if previous is not None:
            flows[previous, label] = flows.get((previous, label), 0) + count
    return Summary(
        customers=customers,
        classes={label: ClassTotal(count, value) for label, (count, value) in classes.items()},
        flows=flows or None,
        curve=(),
        bands=(),
        losses=losses,
        positive_total=positive,
    )
