"""Plotly figures for the pages: built in Python, drawn in the browser by the locally served plotly.js."""

import json
from typing import Any

import plotly.graph_objects as go


def figure_data(figure: go.Figure) -> dict[str, Any]:
    """The figure as plain JSON data for ``json_script`` (NumPy arrays become lists)."""
    return json.loads(figure.to_json())
