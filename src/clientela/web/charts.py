"""Plotly figures for the pages: built in Python, drawn in the browser by the locally served plotly.js."""

import json
from functools import cache
from typing import Any

import plotly.graph_objects as go


def figure_data(figure: go.Figure) -> dict[str, Any]:
    """The figure as plain JSON data for ``json_script`` (NumPy arrays become lists)."""
    return json.loads(figure.to_json())


def plain_figure(*, data: list[dict[str, Any]], layout: dict[str, Any]) -> dict[str, Any]:
    """The JSON data of a figure written as plotly's own dicts, with the default template plotly would add.

    The same data as ``figure_data(go.Figure(data=data, layout=layout))`` without building and validating
    the graph objects (about 10 ms of CPU per figure): for a page opened often, whose traces and layout
    use plotly's names (as ``to_json`` writes them, e.g. ``{"title": {"text": …}}``) and plain lists.
    """
    return {"data": data, "layout": {"template": default_template(), **layout}}


@cache
def default_template() -> dict[str, Any]:
    """Plotly's default template as ``figure_data`` writes it, built once (the pages only read it)."""
    return figure_data(go.Figure())["layout"]["template"]
