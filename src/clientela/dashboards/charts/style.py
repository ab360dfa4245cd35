"""Colours and layout shared by the dashboards' figures."""

from collections.abc import Sequence
from typing import Any

PALETTE = ("#0b6e4f", "#3b82c4", "#e0a526", "#b42318", "#7a5195", "#5b6b7c", "#2a9d8f", "#8d6e63")
LINE = "#1d2733"


def class_colours(order: Sequence[str]) -> dict[str, str]:
    """A colour for each class, by its place in the scheme's order."""
    return {label: PALETTE[index % len(PALETTE)] for index, label in enumerate(order)}


def layout(**overrides: Any) -> dict[str, Any]:
    """The common layout: compact margins, legend under the chart, the page's font."""
    return {
        "margin": {"l": 60, "r": 60, "t": 30, "b": 50},
        "height": 420,
        "legend": {"orientation": "h", "y": -0.2},
        "font": {"family": "system-ui, sans-serif", "size": 13},
        "plot_bgcolor": "#fff",
        "paper_bgcolor": "#fff",
        **overrides,
    }


def money_units(value: int | float | None, money: bool) -> float | None:
    """A key-metric value for an axis: currency units for money (cents / 100), else as is."""
    if value is None:
        return None
    return value / 100 if money else value
