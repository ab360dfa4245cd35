"""The customer file's revenue chart, written as plotly.js data without building plotly's graph objects."""

from datetime import date

import plotly.graph_objects as go
from django.utils import translation

from clientela.web.charts import figure_data
from clientela.web.customer_charts import monthly_revenue_figure

REVENUE = [(date(2025, 11, 1), 123_456), (date(2025, 12, 1), -2_050), (date(2026, 1, 1), 0)]


def test_the_data_is_what_plotly_makes_of_it():
    # Read back through plotly's validation: any unknown name, wrong value or missing default would differ.
    for language in ("en", "fr"):
        with translation.override(language):
            figure = monthly_revenue_figure(REVENUE)
            assert figure_data(go.Figure(figure)) == figure


def test_bars_in_currency_units_with_short_months_and_the_language_s_separators():
    with translation.override("en"):
        figure = monthly_revenue_figure(REVENUE)
    (bars,) = figure["data"]
    assert bars["y"] == [1234.56, -20.5, 0.0]
    assert bars["x"] == ["Nov 2025", "Dec 2025", "Jan 2026"]
    assert figure["layout"]["separators"] == ".,"
    assert figure["layout"]["template"]["layout"]["font"] == {"color": "#2a3f5f"}
